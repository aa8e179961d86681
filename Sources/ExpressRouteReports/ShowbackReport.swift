import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

/// A shared circuit's and gateway's monthly cost, itemised, and each line split by each connection's share of the
/// measured traffic (``TrafficShowback``).
///
/// Priced by ercalc (``basis`` set: rate table, price date, currency) or a typed amount (``basis`` `nil`). Charges
/// that could not be priced are listed under ``unpriced`` and are in no connection's cost, never counted as zero.
package struct ShowbackReport: Report {
  /// The configuration split (the deployment's name, or `monthly cost`).
  package var name: String
  /// What the lines were priced on; `nil` for a typed monthly cost.
  package var basis: PricingBasis?
  /// The split: the cost lines and one row per connection and month.
  package var showback: TrafficShowback
  /// Charges not priced, each `resource · meter: reason`, left out of the split.
  package var unpriced: [String]
  /// Facts the reader should know (assumptions, connections not measured).
  package var notes: [String]

  package init(
    name: String, basis: PricingBasis?, showback: TrafficShowback, unpriced: [String] = [], notes: [String] = []
  ) {
    self.name = name
    self.basis = basis
    self.showback = showback
    self.unpriced = unpriced
    self.notes = notes
  }

  /// The month's total split: the exact sum of the lines.
  package var total: Decimal { showback.lines.reduce(0) { $0 + $1.amount } }

  /// Line `index`'s column title: `[1]`, `[2]`, … (the lines are listed with their numbers above the split).
  static func column(_ index: Int) -> String { "[\(index + 1)]" }

  package var document: ReportDocument {
    var facts = basis?.facts ?? [ReportFact("Prices", "a typed monthly cost, not priced by ercalc")]
    facts.append(
      ReportFact(
        "Split by",
        "each connection's share of the month's traffic (in + out, scaled to the whole month; outbound data charges by outbound alone, inbound being free); each line is split on its own, in cents that add up to it"
      ))
    var blocks: [ReportDocument.ReportBlock] = [.facts(facts), .heading("Shared monthly cost")]
    let money = { (amount: Decimal) in amount.fixedPoint(places: 2) }
    blocks.append(
      .table(
        ReportTable(
          columns: [.init("Line"), .init("Charge"), .init("Monthly", .right)],
          rows: showback.lines.enumerated().map { [Self.column($0), $1.label, money($1.amount)] },
          footer: ["", "Total", money(total)])))
    if !unpriced.isEmpty {
      blocks += [.heading("Not priced (in no connection's cost)"), .list(unpriced)]
    }
    let lineColumns =
      showback.lines.count > 1 ? showback.lines.indices.map { ReportTable.Column(Self.column($0), .right) } : []
    blocks.append(.heading("Split by connection"))
    blocks.append(
      .table(
        ReportTable(
          columns: [
            .init("Resource"), .init("Month"), .init("Connection"), .init("Traffic (GB)", .right),
            .init("Share", .right),
          ] + lineColumns + [.init("Cost", .right)],
          rows: showback.rows.map { row in
            [
              row.parent, row.month.description, row.connection,
              row.volume.map { $0.gigabytes.fixedPoint(places: 3) } ?? "not measured",
              row.share.map { ($0 * 100).fixedPoint(places: 1) + "%" } ?? "-",
            ] + (lineColumns.isEmpty ? [] : row.costs.map(money)) + [money(row.cost)]
          })))
    if !notes.isEmpty { blocks += [.heading("Notes"), .list(notes)] }
    return ReportDocument(title: "Showback: \(name)", blocks: blocks)
  }

  package var json: JSONValue {
    let lines: [JSONValue] = showback.lines.map { line in
      .object([("charge", .string(line.label)), ("monthly", .string(line.amount.fixedPoint(places: 2)))])
    }
    let rows: [JSONValue] = showback.rows.map { row in
      let traffic: JSONValue = row.volume.map { .string($0.gigabytes.fixedPoint(places: 3)) } ?? .null
      let share: JSONValue =
        row.share.map { .string($0.rounded(toPlaces: 6, rule: .toNearestOrEven).plainDescription) } ?? .null
      // The share outbound-data lines are split by (the in + out share when no connection has outbound samples).
      let outboundShare: JSONValue =
        row.outboundShare.map { .string($0.rounded(toPlaces: 6, rule: .toNearestOrEven).plainDescription) } ?? .null
      let costs: [JSONValue] = row.costs.map { .string($0.fixedPoint(places: 2)) }
      return .object([
        ("resource", .string(row.parent)), ("month", .string(row.month.description)),
        ("connection", .string(row.connection)), ("trafficGB", traffic), ("share", share),
        ("outboundShare", outboundShare), ("costs", .array(costs)), ("cost", .string(row.cost.fixedPoint(places: 2))),
      ])
    }
    let currency: JSONValue = basis.map { .string($0.currency.rawValue) } ?? .null
    let priceDate: JSONValue = basis.map { .string($0.priceDate) } ?? .null
    let members: [(String, JSONValue)] = [
      ("schema", .string("ercalc.showback")), ("schemaVersion", .number(1)), ("name", .string(name)),
      ("currency", currency), ("priceDate", priceDate), ("total", .string(total.fixedPoint(places: 2))),
      ("lines", .array(lines)), ("unpriced", .strings(unpriced)), ("rows", .array(rows)),
      ("notes", .strings(notes)),
    ]
    let listed: JSONValue = .object(members)
    return basis?.withDiscount(listed) ?? listed
  }

  package var csvRows: [CostRow] { [] }

  /// One row per connection, month and line: what a chargeback sheet imports. `Share` is the share the row's cost was
  /// split by: the outbound share on an outbound-data line (``TrafficShowback/Line/outboundOnly``), else in + out. Charges that could not be priced follow,
  /// one row each with `x_Status` `unpriced`, no cost and the reason in `x_UnpricedReason` (as cost CSVs carry them):
  /// filter on `x_Status` before summing.
  package var csv: String {
    var rows = [
      [
        "Month", "Resource", "Connection", "TrafficGB", "Share", "Charge", "Cost", "Currency", "x_Status",
        "x_UnpricedReason",
      ]
    ]
    let currency = basis?.currency.rawValue ?? ""
    for row in showback.rows {
      for (index, line) in showback.lines.enumerated() {
        // The share this line's cost was split by: outbound alone for an outbound-data line.
        let share = line.outboundOnly ? row.outboundShare : row.share
        rows.append([
          row.month.description, row.parent, row.connection,
          row.volume.map { $0.gigabytes.fixedPoint(places: 3) } ?? "",
          share.map { $0.rounded(toPlaces: 6, rule: .toNearestOrEven).plainDescription } ?? "", line.label,
          row.costs[index].fixedPoint(places: 2), currency, "priced", "",
        ])
      }
    }
    for item in unpriced {
      // "resource: meter, quantity: reason": the charge before the reason (its second ": "), as the table lists it.
      let split = item.range(of: ": ").flatMap { item.range(of: ": ", range: $0.upperBound..<item.endIndex) }
      let charge = split.map { String(item[..<$0.lowerBound]) } ?? item
      let reason = split.map { String(item[$0.upperBound...]) } ?? "not priced"
      rows.append(["", "", "", "", "", charge, "", currency, "unpriced", "\(reason); in no connection's cost"])
    }
    return CSVWriter.write(rows)
  }
}
