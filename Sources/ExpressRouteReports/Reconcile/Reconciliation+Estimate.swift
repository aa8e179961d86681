import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

extension Reconciliation {
  /// The estimate of `quote` for `month`: the FOCUS rows `ercalc quote --format csv --period <month>` writes.
  public static func estimateRows(_ quote: Quote, month: MonthKey) -> [CostRow] {
    QuoteReport.costRows(quote, period: month.description)
  }

  /// The estimate of `budget`: the FOCUS rows `ercalc budget --format csv` writes.
  public static func estimateRows(_ budget: Budget) -> [CostRow] { BudgetReport.costRows(budget) }

  /// The lower-cased resource IDs of `rows` (Azure IDs, or ercalc's planned IDs).
  public static func resourceIds(_ rows: [CostRow]) -> Set<String> {
    Set(rows.map { AzureResourceReference(id: $0.resourceId($0.resourceParts)).identity }.filter { !$0.isEmpty })
  }

  /// Each resource's estimated cost in `rows`, summed, by resource identity (lower-cased, no trailing `/`; priced rows
  /// only).
  public static func estimatedCost(_ rows: [CostRow]) -> [String: Decimal] {
    var costs: [String: Decimal] = [:]
    for row in rows {
      if let cost = row.cost {
        costs[AzureResourceReference(id: row.resourceId(row.resourceParts)).identity, default: 0] += cost.amount
      }
    }
    return costs
  }
}
