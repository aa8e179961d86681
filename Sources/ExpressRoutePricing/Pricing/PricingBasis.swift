import ExpressRouteCore
import Foundation

/// What a result was priced on: the rate table's name and date, the currency, and the hours in a billing month.
///
/// Made once by the engine (``PricingEngine/basis``) and carried by every priced result, so a report prints
/// the basis the result was priced on, never a second copy that could disagree (such as hours per month).
public struct PricingBasis: Hashable, Sendable {
  /// The rate table's name (`Azure ExpressRoute retail prices (USD, pay-as-you-go)`).
  public var tableName: String
  /// The rate table's effective date (`2026-07-21`).
  public var priceDate: String
  /// The currency of every amount.
  public var currency: CurrencyCode
  /// Hours in the billing month used for hourly meters (730 unless set).
  public var hoursPerMonth: Decimal
  /// The negotiated discounts every amount is less (``Discounts/summary``, `12% on all Azure charges`); empty at list prices.
  public var discount = ""

  /// Creates a basis.
  public init(tableName: String, priceDate: String, currency: CurrencyCode, hoursPerMonth: Decimal) {
    self.tableName = tableName
    self.priceDate = priceDate
    self.currency = currency
    self.hoursPerMonth = hoursPerMonth
  }

  /// What the amounts are: the table's name, with the negotiated discount when one applies
  /// (`Azure ExpressRoute retail prices (USD, pay-as-you-go) with negotiated discount 12% on all Azure charges`).
  public var pricesLabel: String { discount.isEmpty ? tableName : "\(tableName) with negotiated discount \(discount)" }

  /// A JSON report with `"negotiatedDiscount": "12% on all Azure charges"` after its `priceTable` member when a
  /// discount applies; at list prices, the report as it is.
  public func withDiscount(_ report: JSONValue) -> JSONValue {
    guard !discount.isEmpty, case .object(var members) = report.kind else { return report }
    let position = (members.firstIndex { $0.key == "priceTable" } ?? members.count - 1) + 1
    members.insert(JSONMember(key: "negotiatedDiscount", value: .string(discount)), at: position)
    return JSONValue(.object(members), line: report.line, column: report.column)
  }
}

extension PricingEngine {
  /// The basis every result of this engine is priced on.
  public var basis: PricingBasis {
    var basis = PricingBasis(
      tableName: rates.name, priceDate: rates.effectiveDate, currency: rates.currency, hoursPerMonth: hoursPerMonth)
    basis.discount = discounts.summary
    return basis
  }
}
