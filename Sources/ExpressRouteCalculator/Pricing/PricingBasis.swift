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

  /// Creates a basis.
  public init(tableName: String, priceDate: String, currency: CurrencyCode, hoursPerMonth: Decimal) {
    self.tableName = tableName
    self.priceDate = priceDate
    self.currency = currency
    self.hoursPerMonth = hoursPerMonth
  }

  /// The report lines every priced report shows: `Prices`, `Price date`, `Hours per month`.
  public var facts: [ReportFact] {
    [ReportFact("Prices", tableName), ReportFact("Price date", priceDate), ReportFact("Hours per month", hoursPerMonth.plainDescription)]
  }
}

extension PricingEngine {
  /// The basis every result of this engine is priced on.
  public var basis: PricingBasis {
    PricingBasis(tableName: rates.name, priceDate: rates.effectiveDate, currency: rates.currency, hoursPerMonth: hoursPerMonth)
  }
}
