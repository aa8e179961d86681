import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension PricingBasis {
  /// The report lines every priced report shows: `Prices` (with any negotiated discount), `Price date`, `Hours per month`.
  public var facts: [ReportDocument.ReportFact] {
    [
      ReportFact("Prices", pricesLabel), ReportFact("Price date", priceDate),
      ReportFact("Hours per month", hoursPerMonth.plainDescription),
    ]
  }
}
