import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// The report of an ``EstateAudit``: per circuit, today's cost against the recommendation.
public struct AuditReport: Report {
  /// The entries.
  public var entries: [EstateAudit.Entry]
  /// The estate's name.
  public var name: String
  /// Months looked ahead.
  public var horizonMonths: Int
  /// What the audit was priced on.
  public var basis: PricingBasis
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's date.
  public var priceDate: String { basis.priceDate }
  /// Hours per month used for hourly meters.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// Waste the cost exports and the inventory show together (``Reconciliation/WasteFinding``); `nil` when no export
  /// was given.
  public var waste: [Reconciliation.WasteFinding]?

  /// Creates a report.
  public init(entries: [EstateAudit.Entry], name: String, horizonMonths: Int, basis: PricingBasis) {
    self.entries = entries
    self.name = name
    self.horizonMonths = horizonMonths
    self.basis = basis
  }

  /// Total saving over the horizon across audited circuits whose current cost is known.
  public var totalSaving: Money? {
    let savings = entries.compactMap { entry -> Money? in
      guard let audit = entry.result?.audit, let cost = audit.horizonCost else { return nil }
      return cost - audit.recommendedCost
    }
    guard let currency = savings.first?.currency else { return nil }
    return Money.sum(savings, currency: currency)
  }

  public var document: ReportDocument {
    var blocks: [ReportBlock] = [
      .facts(
        [
          ReportFact("Circuits", String(entries.count)),
          ReportFact("Audited", String(entries.filter { $0.result != nil }.count)),
          ReportFact("Horizon", "\(horizonMonths) months"),
          ReportFact("Saving over the horizon", totalSaving.map { "\($0.groupedAmount) \($0.currency)" } ?? "n/a"),
        ] + basis.facts),
      .table(
        ReportTable(
          columns: [
            .init("Circuit"), .init("Today"), .init("Today, month 1", .right), .init("Recommended"),
            .init("Recommended, month 1", .right),
            .init("Saving over horizon", .right), .init("Utilisation", .right),
          ],
          rows: entries.map { entry in
            guard let result = entry.result, let audit = result.audit else {
              return [entry.circuit, entry.current, "", "not audited", "", "", ""]
            }
            let step =
              result.recommendation.map {
                "\($0.tier.name) \($0.billing.name) \($0.bandwidth)"
                  + (result.plan.count > 1
                    ? " (+\(result.plan.count - 1) change\(result.plan.count == 2 ? "" : "s"))" : "")
              } ?? ""
            let saving = audit.horizonCost.map { ($0 - audit.recommendedCost).groupedAmount } ?? "n/a"
            return [
              entry.circuit, entry.current,
              audit.firstMonthCost?.groupedAmount
                ?? (audit.carriesFirstMonth ? "not priced" : "cannot carry it"),
              step,
              result.planMonthlyCosts.first?.groupedAmount ?? "", saving,
              "\((audit.utilization * 100).fixedPoint(places: 0))%",
            ]
          })),
    ]
    for entry in entries {
      blocks.append(.heading(entry.circuit))
      if let reason = entry.skippedReason {
        blocks.append(.paragraph("Not audited: \(reason)."))
      } else if let result = entry.result {
        blocks.append(.list((result.audit?.findings ?? []) + result.demand.basis))
      }
    }
    if let waste {
      blocks.append(.heading("Waste billing and inventory show"))
      blocks.append(
        waste.isEmpty
          ? .paragraph("None found.")
          : .table(
            ReportTable(
              columns: [
                .init("Finding"), .init("Resource"), .init("Month"), .init("Per month", .right),
                .init("Costed from"), .init("Fix"),
              ],
              rows: waste.map {
                [
                  $0.kind.rawValue, $0.resource, $0.month.description, $0.monthlyCost.grouped(places: 2),
                  $0.costBasis.rawValue, $0.fix,
                ]
              })))
    }
    return ReportDocument(title: "ExpressRoute estate audit: \(name)", blocks: blocks)
  }

  public var json: JSONValue {
    let listed = basis.withDiscount(listedJSON)
    guard let waste, case .object(let members) = listed.kind else { return listed }
    let findings: [JSONValue] = waste.map { finding in
      .object([
        ("kind", .string(finding.kind.rawValue)), ("resource", .string(finding.resource)),
        ("resourceId", .string(finding.resourceId)), ("month", .string(finding.month.description)),
        ("monthlyCost", .string(finding.monthlyCost.fixedPoint(places: 2))),
        ("costBasis", .string(finding.costBasis.rawValue)), ("evidence", .string(finding.evidence)),
        ("fix", .string(finding.fix)),
      ])
    }
    return JSONValue(.object(members + [JSONValue.JSONMember(key: "waste", value: .array(findings))]))
  }

  private var listedJSON: JSONValue {
    .object([
      ("schema", .string("ercalc.audit")), ("schemaVersion", .number(1)), ("name", .string(name)),
      ("horizonMonths", .number(horizonMonths)),
      ("priceTable", .string(priceTableName)), ("priceDate", .string(priceDate)),
      ("hoursPerMonth", .string(hoursPerMonth.plainDescription)),
      ("totalSaving", totalSaving.map { .money($0) } ?? .null),
      (
        "circuits",
        .objects(entries) { entry in
          let audit = entry.result?.audit
          return [
            ("circuit", .string(entry.circuit)), ("current", .string(entry.current)),
            ("skippedReason", .string(entry.skippedReason)),
            ("currentHorizonCost", audit?.horizonCost.map { .money($0) } ?? .null),
            (
              "recommended",
              .string(entry.result?.recommendation.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" })
            ),
            ("recommendedHorizonCost", audit.map { .money($0.recommendedCost) } ?? .null),
            (
              "utilization",
              .string(audit.map { $0.utilization.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription })
            ),
            ("findings", .strings(audit?.findings ?? [])),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { [] }

  /// Audit CSV: one row per circuit.
  public var csv: String {
    CSVWriter.write(
      [
        [
          "Circuit", "Current", "CurrentHorizonCost", "Recommended", "RecommendedHorizonCost", "Saving", "Utilization",
          "SkippedReason",
        ]
      ]
        + entries.map { entry in
          let audit = entry.result?.audit
          return [
            entry.circuit, entry.current, audit?.horizonCost.map { $0.amount.fixedPoint(places: 2) } ?? "",
            entry.result?.recommendation.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" } ?? "",
            audit.map { $0.recommendedCost.amount.fixedPoint(places: 2) } ?? "",
            audit.flatMap { a in a.horizonCost.map { ($0 - a.recommendedCost).amount.fixedPoint(places: 2) } } ?? "",
            audit.map { $0.utilization.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription } ?? "",
            entry.skippedReason ?? "",
          ]
        })
  }
}
