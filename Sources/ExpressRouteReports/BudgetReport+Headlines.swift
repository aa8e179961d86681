import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

/// The budget's headline facts and sections: list beside discounted totals, capacity overruns and unpriced charges,
/// which the report shows before any table.
extension BudgetReport {
  /// Whether a negotiated discount applies.
  var isDiscounted: Bool { !budget.basis.discount.isEmpty }

  /// Whether some charge is at the user's own price (an override file's, a price sheet's) instead of Azure's list.
  var hasOwnPrices: Bool {
    budget.sites.contains { site in site.months.contains { $0.lineItems.contains { $0.listUnitPrice != $0.unitPrice } }
    }
  }

  /// Whether totals at list prices are shown beside the billed ones: a discount or the user's own prices apply.
  var showsList: Bool { isDiscounted || summary.listTotal != summary.total }

  /// `List total` and what the discount or the user's own prices save on it (or cost above it).
  var listFacts: [ReportFact] {
    let own = hasOwnPrices
    guard isDiscounted || own else { return [] }
    let what = own && isDiscounted ? "your prices and the discount" : own ? "your prices" : "the discount"
    let saving = summary.listTotal - summary.total
    let currency = budget.currency.rawValue
    let effect =
      saving >= 0
      ? "\(what) save\(own || !isDiscounted ? "" : "s") \(Self.amount(saving)) \(currency), "
        + Self.share(saving, of: summary.listTotal)
      : "\(what) cost\(own || !isDiscounted ? "" : "s") \(Self.amount(-saving)) \(currency) more"
    return [
      ReportFact("List total", "\(Self.amount(summary.listTotal)) \(currency) (\(effect))")
    ]
  }

  /// A list-price column for the monthly and yearly tables, when a discount or the user's own prices apply.
  var listColumns: [ReportTable.Column] {
    showsList ? [.init("List (\(budget.currency.rawValue))", .right)] : []
  }

  /// The list-price cell of month `index`, when a discount or the user's own prices apply.
  func listCell(month index: Int) -> [String] { showsList ? [Self.amount(summary.monthListTotals[index])] : [] }

  /// The list-price cell of year `index`, when a discount or the user's own prices apply.
  func listCell(year index: Int) -> [String] { showsList ? [Self.amount(summary.yearListTotals[index])] : [] }

  /// The list-price cell of a table's total row, when a discount applies.
  var listTotalCell: [String] { showsList ? [Self.amount(summary.listTotal)] : [] }

  /// `Over capacity` when a fixed circuit's grown volume outruns it.
  var overrunFacts: [ReportFact] {
    let overruns = budget.overruns
    guard let first = overruns.map(\.firstMonth).min() else { return [] }
    let count = overruns.count
    return [
      ReportFact(
        "Over capacity",
        "\(count) circuit\(count == 1 ? "" : "s") from \(first) (listed under 'Capacity overruns')")
    ]
  }

  /// The capacity overruns as a table, first month first.
  var overrunBlocks: [ReportBlock] {
    let overruns = budget.overruns.sorted {
      $0.firstMonth != $1.firstMonth ? $0.firstMonth < $1.firstMonth : ($0.site, $0.circuit) < ($1.site, $1.circuit)
    }
    guard !overruns.isEmpty else { return [] }
    return [
      .heading("Capacity overruns"),
      .paragraph(
        "These fixed circuits' outbound data grows past what their bandwidth carries one way in a month "
          + "(\(budget.hoursPerMonth.plainDescription) hours). The budget prices the volume as given, but the circuit "
          + "cannot carry it: budget the site from a workload profile, which plans the upgrade, or give a larger "
          + "bandwidth."),
      .table(
        ReportTable(
          columns: [
            .init("Site"), .init("Circuit"), .init("Bandwidth", .right), .init("From", .right),
            .init("Outbound data", .right), .init("Capacity", .right), .init("Months over", .right),
          ],
          rows: overruns.map {
            [
              $0.site, $0.circuit, $0.bandwidth.description, $0.firstMonth.description, $0.egress.description,
              $0.capacity.description, String($0.months),
            ]
          })),
    ]
  }

  /// The sites (or their later months) not budgeted, each with its reason: in no total.
  var refusedBlocks: [ReportBlock] {
    guard !budget.refused.isEmpty else { return [] }
    return [.heading("Refused"), .list(budget.refused.map(Self.refusalLine))]
  }

  /// The charges no total includes, each once per site with the months it occurs in.
  var unpricedBlocks: [ReportBlock] {
    let unpriced = summary.unpriced
    guard !unpriced.isEmpty else {
      let refused = budget.refused.count
      return [
        .heading("Not priced"),
        .paragraph(
          refused == 0
            ? "Every charge was priced."
            : "Every charge of the sites budgeted was priced; the \(refused) refusal\(refused == 1 ? "" : "s") above "
              + "\(refused == 1 ? "is" : "are") in no total."),
      ]
    }
    return [
      .heading("Not priced"),
      .paragraph("Not in any total above or below; supply the missing rates or quantities to price them."),
      .list(
        unpriced.map {
          "\($0.site): \($0.item.resource): \($0.item.meter.displayName), in \($0.months) month\($0.months == 1 ? "" : "s"): \($0.item.reason)"
        }),
    ]
  }
}
