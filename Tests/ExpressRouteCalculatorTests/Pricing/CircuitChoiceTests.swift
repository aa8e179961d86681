import Foundation
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePricing

/// The one rule `compare` and `size` share for an option without a price: could it cost less than a priced one?
@Suite struct CircuitChoiceTests {
  static func choice(_ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth) -> CircuitComparison.Choice
  {
    CircuitComparison.Choice(tier: tier, billing: billing, bandwidth: bandwidth)
  }

  @Test func onlyTheSameBillingAtLeastAsHighAndAsLargeIsKnownToCostAsMuch() {
    let premium100 = Self.choice(.premium, .metered, .mbps(100))
    // Standard is Premium without the add-on: it could be cheaper. Premium over Standard never is.
    #expect(Self.choice(.standard, .metered, .mbps(100)).mayCostLess(than: premium100))
    #expect(!premium100.mayCostLess(than: Self.choice(.standard, .metered, .mbps(100))))
    // The other billing model may be cheaper at some outbound volume, either way round.
    #expect(Self.choice(.premium, .unlimited, .mbps(100)).mayCostLess(than: premium100))
    #expect(
      Self.choice(.standard, .unlimited, .mbps(100)).mayCostLess(than: Self.choice(.standard, .metered, .mbps(100))))
    // A smaller circuit may be cheaper; a larger one of the same tier and billing is not.
    #expect(
      Self.choice(.standard, .metered, .mbps(100)).mayCostLess(than: Self.choice(.standard, .metered, .mbps(200))))
    #expect(
      !Self.choice(.standard, .metered, .mbps(200)).mayCostLess(than: Self.choice(.standard, .metered, .mbps(100))))
    // A larger circuit on a lower tier may be cheaper (Standard 200 Mbps metered 145 < Premium 100 Mbps metered 200).
    #expect(Self.choice(.standard, .metered, .mbps(200)).mayCostLess(than: premium100))
    // The same choice is not cheaper than itself.
    #expect(!premium100.mayCostLess(than: premium100))
  }

  @Test func comparisonNamesOnlyUnpricedOptionsNoPricedOneIsKnownToBeat() throws {
    // London, 100 Mbps, 1,000 GB: Standard MeteredData is unpriced; the priced options are Premium MeteredData (225.00),
    // Standard UnlimitedData (575.00) and Premium UnlimitedData (675.00), none known to cost less than it.
    let engine = try PricingEngine.embeddedDefault()
    let comparison = try engine.compare(
      location: engine.locations.location(named: "London"), bandwidth: .mbps(100), monthlyEgress: .gigabytes(1000))
    #expect(comparison.unpricedMayCostLess.map(\.label) == ["Standard MeteredData"])
    #expect(comparison.cheapest == nil)
    #expect(comparison.cheapestPriced?.label == "Premium MeteredData")
    #expect(comparison.cheapestPriced?.monthlyTotal?.amount == Decimal(string: "225"))  // 200 + 1,000 × 0.025
  }
}
