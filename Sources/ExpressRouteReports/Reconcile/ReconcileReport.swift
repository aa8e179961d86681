import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The report of a ``Reconciliation``: month totals, every resource × meter × month with its variance and reason,
/// and the waste findings. Its CSV is a table of its own (one row per line, then one per month total and finding),
/// not FOCUS rows: it compares two datasets rather than being one.
public struct ReconcileReport: Report {
  /// The reconciliation.
  public var reconciliation: Reconciliation
  /// The estate's name.
  public var name: String
  /// What the estimate was priced on.
  public var basis: PricingBasis
  /// Whether the estate's inventory facts were available for the waste checks.
  public var inventoryChecked: Bool
  /// The month the waste checks judged (the last month the exports bill whole); `nil` when none was, so "no
  /// findings" means not judged, never "no waste".
  public var wasteMonth: MonthKey?

  /// Creates a report.
  public init(
    reconciliation: Reconciliation, name: String, basis: PricingBasis, inventoryChecked: Bool, wasteMonth: MonthKey?
  ) {
    self.reconciliation = reconciliation
    self.name = name
    self.basis = basis
    self.inventoryChecked = inventoryChecked
    self.wasteMonth = wasteMonth
  }

  private var currency: String { reconciliation.currency.rawValue }

  private func amount(_ value: Decimal?) -> String { value.map { $0.grouped(places: 2) } ?? "—" }

  private func signed(_ value: Decimal?) -> String {
    guard let value else { return "unknown" }
    return (value > 0 ? "+" : "") + value.grouped(places: 2)
  }

  private func quantity(_ value: Decimal?) -> String { value?.plainDescription ?? "—" }

  public var document: ReportDocument {
    let r = reconciliation
    var facts = [
      ReportFact("Estate", name), ReportFact("Currency", currency),
      ReportFact(
        "Months compared",
        r.months.isEmpty
          ? "none (nothing in the exports to compare)" : r.months.map(\.month.description).joined(separator: ", ")),
    ]
    if let total = r.total {
      facts += [
        ReportFact("Estimated", "\(amount(total.estimated)) \(currency)"),
        ReportFact("Billed", "\(amount(total.billed)) \(currency)"),
        ReportFact("Variance", "\(signed(total.variance)) \(currency)"),
      ]
      if total.billedWithoutPricedEstimate != 0 {
        facts.append(
          ReportFact(
            "Billed where the estimate has no price", "\(amount(total.billedWithoutPricedEstimate)) \(currency)"))
      }
    }
    var blocks: [ReportBlock] = [.facts(facts + basis.facts), .heading("Month totals")]
    // Where some billed lines have no priced estimate, their part of Billed gets a column, so each row reads
    // Billed − that part − Estimated = Variance.
    let unestimated = r.months.contains { $0.billedWithoutPricedEstimate != 0 }
    var monthColumns: [ReportTable.Column] = [.init("Month"), .init("Estimated", .right), .init("Billed", .right)]
    if unestimated { monthColumns.append(.init("Billed, no priced estimate", .right)) }
    monthColumns.append(.init("Variance", .right))
    func monthRow(_ label: String, _ total: Reconciliation.MonthTotal) -> [String] {
      [label, amount(total.estimated), amount(total.billed)]
        + (unestimated ? [amount(total.billedWithoutPricedEstimate)] : []) + [signed(total.variance)]
    }
    blocks.append(
      .table(
        ReportTable(
          columns: monthColumns, rows: r.months.map { monthRow($0.month.description, $0) },
          footer: r.total.map { monthRow("Total", $0) })))
    blocks.appendTable(
      "By resource, meter and month",
      columns: [
        .init("Month"), .init("Resource"), .init("Meter"), .init("Est. qty", .right), .init("Billed qty", .right),
        .init("Estimated", .right), .init("Billed", .right), .init("Variance", .right), .init("Reason"),
      ],
      rows: r.lines.map { line in
        [
          line.month.description, line.resource, line.meter, quantity(line.estimatedQuantity),
          quantity(line.billedQuantity), amount(line.estimated), amount(line.billed), signed(line.variance),
          line.reason.rawValue,
        ]
      })
    blocks.append(.heading("Waste billing and inventory show"))
    if r.findings.isEmpty {
      blocks.append(
        .paragraph(
          !inventoryChecked
            ? Self.noInventory
            : wasteMonth.map { "None found in \($0)." }
              ?? "Not judged: no month of the exports bills its fees whole, so there is no month to judge waste on."))
    } else {
      blocks.append(
        .table(
          ReportTable(
            columns: [
              .init("Finding"), .init("Resource"), .init("Month"), .init("Per month", .right), .init("Costed from"),
              .init("Why"), .init("Fix"),
            ],
            rows: r.findings.map {
              [
                $0.kind.rawValue, $0.resource, $0.month.description, amount($0.monthlyCost), $0.costBasis.rawValue,
                $0.evidence, $0.fix,
              ]
            })))
      if !inventoryChecked { blocks.append(.paragraph(Self.noInventory)) }
    }
    let unknown = r.lines.filter { $0.reason == .unknownResource }.map(\.resourceId)
    if !unknown.isEmpty {
      blocks.append(.heading("Billed resources the estate does not know"))
      blocks.append(.list(Array(Set(unknown)).sorted()))
    }
    if !r.notes.isEmpty {
      blocks.append(.heading("Notes"))
      blocks.append(.list(r.notes))
    }
    return ReportDocument(title: "Estimate against invoice: \(name)", blocks: blocks)
  }

  static let noInventory =
    "The estate is not an Azure inventory (az, Resource Graph or ARM JSON): provisioning states, SKUs and gateway connections are unknown, so the waste checks did not run."

  public var json: JSONValue {
    let r = reconciliation
    func money(_ value: Decimal?) -> JSONValue { value.map { .string($0.fixedPoint(places: 2)) } ?? .null }
    func number(_ value: Decimal?) -> JSONValue { value.map { .string($0.plainDescription) } ?? .null }
    func totals(_ total: Reconciliation.MonthTotal) -> [(String, JSONValue)] {
      [
        ("estimated", money(total.estimated)), ("billed", money(total.billed)), ("variance", money(total.variance)),
        ("billedWithoutPricedEstimate", money(total.billedWithoutPricedEstimate)),
      ]
    }
    let lines: [JSONValue] = r.lines.map { line in
      .object([
        ("month", .string(line.month.description)), ("resourceId", .string(line.resourceId)),
        ("resource", .string(line.resource)), ("meter", .string(line.meter)),
        ("estimatedQuantity", number(line.estimatedQuantity)), ("billedQuantity", number(line.billedQuantity)),
        ("estimated", money(line.estimated)), ("billed", money(line.billed)), ("variance", money(line.variance)),
        ("reason", .string(line.reason.rawValue)), ("detail", .string(line.detail)),
      ])
    }
    let findings: [JSONValue] = r.findings.map { finding in
      .object([
        ("kind", .string(finding.kind.rawValue)), ("resource", .string(finding.resource)),
        ("resourceId", .string(finding.resourceId)), ("month", .string(finding.month.description)),
        ("monthlyCost", money(finding.monthlyCost)), ("costBasis", .string(finding.costBasis.rawValue)),
        ("evidence", .string(finding.evidence)), ("fix", .string(finding.fix)),
      ])
    }
    return .object([
      ("schema", .string("ercalc.reconcile")), ("schemaVersion", .number(1)), ("estate", .string(name)),
      ("currency", .string(currency)),
      ("total", r.total.map { .object(totals($0)) } ?? .null),
      (
        "months",
        .array(r.months.map { total in .object([("month", .string(total.month.description))] + totals(total)) })
      ),
      ("lines", .array(lines)), ("findings", .array(findings)),
      ("inventoryChecked", .bool(inventoryChecked)),
      // Whether the findings are a verdict: an empty list with wasteJudged false means not checked, not "no waste".
      ("wasteJudged", .bool(inventoryChecked && wasteMonth != nil)),
      ("wasteMonth", wasteMonth.map { .string($0.description) } ?? .null),
      ("notes", .strings(r.notes)),
    ])
  }

  /// No FOCUS rows: the CSV is ``csv``'s own table.
  public var csvRows: [CostRow] { [] }

  /// One row per line (`Record` `line`), month total (`month total`), the total over every month (`total`) and
  /// finding (`finding`: its evidence, which says what its cost is from, in `Reason`, its fix in `Detail`), and note
  /// (`note`: the report's notes, in `Detail`), under one header. `BilledWithoutPricedEstimate` is the part of a total's `Billed` on lines whose estimate has no price (left
  /// out of its `Variance`).
  public var csv: String {
    let r = reconciliation
    func money(_ value: Decimal?) -> String { value.map { $0.fixedPoint(places: 2) } ?? "" }
    var rows: [[String]] = [
      [
        "Record", "Month", "ResourceId", "Resource", "Meter", "EstimatedQuantity", "BilledQuantity", "Estimated",
        "Billed", "Variance", "Reason", "Currency", "Detail", "BilledWithoutPricedEstimate",
      ]
    ]
    rows += r.lines.map { line in
      [
        "line", line.month.description, line.resourceId, line.resource, line.meter,
        line.estimatedQuantity?.plainDescription ?? "", line.billedQuantity?.plainDescription ?? "",
        money(line.estimated), money(line.billed), money(line.variance), line.reason.rawValue, currency, line.detail,
        "",
      ]
    }
    func totalRow(_ record: String, _ month: String, _ total: Reconciliation.MonthTotal) -> [String] {
      [
        record, month, "", "", "", "", "", money(total.estimated), money(total.billed), money(total.variance), "",
        currency, "", money(total.billedWithoutPricedEstimate),
      ]
    }
    rows += r.months.map { totalRow("month total", $0.month.description, $0) }
    if let total = r.total {
      let span = "\(r.months.first?.month.description ?? "")/\(r.months.last?.month.description ?? "")"
      rows.append(totalRow("total", span, total))
    }
    rows += r.findings.map { finding in
      [
        "finding", finding.month.description, finding.resourceId, finding.resource, finding.kind.rawValue, "", "",
        "", money(finding.monthlyCost), "", finding.evidence, currency, finding.fix, "",
      ]
    }
    // The notes (what was read, months left out with their amounts, partial months) travel with the figures.
    rows += r.notes.map { note in ["note", "", "", "", "", "", "", "", "", "", "", "", note, ""] }
    return CSVWriter.write(rows)
  }
}
