import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// The JSON and FOCUS CSV of a cost difference: both sides with their list totals, rows marked by side.
extension DiffReport {
  public var json: JSONValue {
    // The negotiated discount, when one applies, follows the table's name (as in every report).
    basis.withDiscount(listedJSON)
  }

  /// `List prices` beside the discounted totals, when a negotiated discount applies.
  var listFacts: [ReportFact] {
    guard !basis.discount.isEmpty, let listTotals else { return [] }
    return [
      ReportFact(
        "List prices",
        "\(listTotals.before.groupedAmount) → \(listTotals.after.groupedAmount) \(currency) "
          + "(\(Self.signed(listTotals.after - listTotals.before)) \(currency)) before the discount")
    ]
  }

  var listedJSON: JSONValue {
    .object([
      ("schema", .string("ercalc.diff")), ("schemaVersion", .number(1)), ("before", .string(beforeName)),
      ("after", .string(afterName)),
      ("basis", .string(period)), ("currency", .string(currency.rawValue)), ("priceTable", .string(basis.tableName)),
      ("priceDate", .string(priceDate)),
      ("hoursPerMonth", .string(hoursPerMonth.plainDescription)), ("beforeTotal", .money(beforeTotal)),
      ("afterTotal", .money(afterTotal)),
      ("beforeListTotal", listTotals.map { .money($0.before) } ?? .null),
      ("afterListTotal", listTotals.map { .money($0.after) } ?? .null),
      ("change", isComplete ? .money(afterTotal - beforeTotal) : .null), ("complete", .bool(isComplete)),
      (
        "items",
        .objects(rows) { row in
          [
            ("item", .string(row.item)), ("before", row.before.map { .money($0) } ?? .null),
            ("after", row.after.map { .money($0) } ?? .null),
            ("change", row.change(currency: currency).map { .money($0) } ?? .null),
            ("beforeUnpriced", .string(row.beforeUnpriced)), ("afterUnpriced", .string(row.afterUnpriced)),
          ]
        }
      ),
      ("categories", costs.json),
      ("unpriced", .strings(unpriced)),
      (
        "plannedChanges",
        .objects(plannedChanges) {
          [("resource", .string($0.address)), ("action", .string($0.action.rawValue))]
        }
      ),
      ("planStatement", .string(planStatement)),
      (
        "oneTime",
        .objects(overlaps) {
          [
            ("circuit", .string($0.circuit)), ("reason", .string($0.reason)), ("months", .number($0.months)),
            ("cost", $0.cost.map { .money($0) } ?? .null),
          ]
        }
      ),
    ])
  }

  /// The FOCUS rows of both sides: a FOCUS dataset in which `x_Scenario` says the side; the change of an item is
  /// the after rows' cost less the before rows' (pivot on `ResourceId` and `ChargeDescription`).
  public var csvRows: [CostRow] {
    switch sides {
    case .quotes(let before, let after):
      // One scope for both sides, so the same resource has the same planned ResourceId before and after.
      return Self.marked(
        QuoteReport.costRows(before, period: nil, scope: after.name),
        QuoteReport.costRows(after, period: nil, scope: after.name))
    case .budgets(let before, let after):
      return Self.marked(BudgetReport.costRows(before), BudgetReport.costRows(after))
    case .none: return []
    }
  }

  /// `before` and `after` rows, each marked with its side.
  static func marked(_ before: [CostRow], _ after: [CostRow]) -> [CostRow] {
    func marked(_ rows: [CostRow], _ side: String) -> [CostRow] {
      rows.map { row in
        var row = row
        row.scenario = side
        return row
      }
    }
    // A resource the change replaces (destroyed and created under the same name) has an Azure ID on the before side
    // only: an ARM ID is its path, so the successor keeps it, and the change pivots on one ResourceId.
    var azure: [String: AzureResourceReference] = [:]
    for row in before where !row.resource.isEmpty {
      if let reference = row.azure { azure[row.resource] = reference }
    }
    let successors = after.map { row in
      var row = row
      if row.azure == nil, let reference = azure[row.resource] { row.azure = reference }
      return row
    }
    return marked(before, "before") + marked(successors, "after")
  }
}
