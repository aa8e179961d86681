import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Every priced result carries the engine's one pricing basis, and its reports print that basis.
@Suite struct PricingBasisTests {
  @Test func everyResultCarriesTheEnginesBasis() throws {
    var engine = try PricingEngine.embeddedDefault()
    engine.hoursPerMonth = 744
    let basis = engine.basis
    #expect(basis.hoursPerMonth == 744 && basis.currency == .usd && basis.priceDate == engine.rates.effectiveDate)
    var deployment = Deployment(name: "d")
    deployment.circuits.append(
      Circuit(name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .unlimited, bandwidth: .gbps(1)))
    deployment.gateways.append(Gateway(name: "g", sku: .erGw1AZ, circuits: ["c"]))
    let quote = try engine.quote(deployment)
    #expect(quote.basis == basis)
    // ErGw1AZ at 744 hours: 744 × 0.361 = 268.58 (not 730 × 0.361 = 263.53).
    #expect(quote.lineItems.first { $0.meter == .gateway(.erGw1AZ) }?.amount.amount == Decimal(string: "268.58"))
    let comparison = try engine.compare(
      location: try engine.locations.requireLocation(named: "Amsterdam"), bandwidth: .gbps(1),
      monthlyEgress: .gigabytes(1_000))
    #expect(comparison.basis == basis)
    let sizing = try SizingSolver(engine: engine).solve(
      WorkloadProfile(
        name: "w", peeringLocation: "Amsterdam", monthlyEgress: .gigabytes(1_000), peakOutbound: .mbps(100)))
    #expect(sizing.basis == basis)
    let budget = try BudgetPlanner(engine: engine).budget(
      Portfolio(
        name: "p", startMonth: MonthKey(year: 2027, month: 1), horizonMonths: 1,
        sites: [.init(name: "s", source: .deployment(deployment, yearlyGrowth: 0))]))
    #expect(budget.basis == basis)
    let diff = DiffReport(before: quote, after: quote)
    #expect(diff.basis == basis && diff.period == "monthly")
    #expect(DiffReport(before: budget, after: budget).basis == basis)
    // The reports print the basis they were given: 744 hours, not the table's 730.
    for text in [
      QuoteReport(quote: quote).render(.text), BudgetReport(budget: budget).render(.text), diff.render(.text),
      SizingReport(result: sizing).render(.text), ComparisonReport(comparison: comparison).render(.text),
    ] {
      #expect(text.contains("Hours per month:") && text.contains(" 744\n"))
    }
  }
}
