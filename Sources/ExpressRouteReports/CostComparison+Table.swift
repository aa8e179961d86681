import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension CostComparison {
  /// The category table a report shows: one row per category, each side's amount (or why it is zero or incomplete),
  /// and the difference (known where every charge without a price cancels, ``isDifferenceKnown(in:)``).
  public var table: ReportDocument.ReportTable {
    func cell(_ side: CostSide, _ category: CostCategory) -> String {
      guard let entry = side.cost(of: category) else { return "missing" }
      var text = entry.amount.groupedAmount
      if entry.unpricedCount > 0 { text += " + not priced" }
      if let note = entry.note { text = "0.00 (\(note))" }
      return text
    }
    var rows = categories.map { category -> [String] in
      let a = first.cost(of: category)
      let b = second.cost(of: category)
      let delta: String
      if let a, let b, isDifferenceKnown(in: category) {
        delta = (b.amount - a.amount).groupedAmount
      } else {
        delta = "not priced"
      }
      return [category.name, cell(first, category), cell(second, category), delta]
    }
    rows.append([
      "total", first.total.groupedAmount + (first.isComplete ? "" : " + not priced"),
      second.total.groupedAmount + (second.isComplete ? "" : " + not priced"),
      isDifferenceKnown ? difference.groupedAmount : "not priced",
    ])
    let currency = first.currency.rawValue
    return ReportTable(
      columns: [
        .init("Category (\(period))"), .init("\(first.label) (\(currency))", .right),
        .init("\(second.label) (\(currency))", .right),
        .init("Difference", .right),
      ], rows: rows)
  }
}
