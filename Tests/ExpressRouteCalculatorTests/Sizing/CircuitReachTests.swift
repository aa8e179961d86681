import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing

/// A circuit reaches what its tier reaches (pricing-facts.md §6, §7): Local only its peering location's local regions,
/// Standard only its geopolitical region, Premium every region. Every region a design must reach counts: the target
/// regions and the hub, where the gateway is, for the primary circuit and a second circuit alike.
@Suite struct CircuitReachTests {
  func profile(second: String?, hub: String? = nil) -> WorkloadProfile {
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Amsterdam", targetRegions: ["North Europe"],
      monthlyEgress: .gigabytes(100_000), peakOutbound: .mbps(600), yearlyGrowth: 0, horizonMonths: 12,
      redundancy: second.map { .secondCircuit(location: $0) } ?? .single, gateways: 1)
    profile.hubRegion = hub
    return profile
  }

  @Test func aSecondCircuitInAnotherGeopoliticalRegionIsPremium() throws {
    // Amsterdam (Zone 1, Europe) for North Europe, 600 Mbps ÷ 0.8 = 750 Mbps → 1 Gbps, 100,000 GB a month; standby at
    // Singapore (Zone 2, Asia): Standard there reaches only Asia, so the standby is Premium MeteredData 1 Gbps Zone 2,
    // 1,886. Month 1: primary Standard MeteredData 436 + 100,000 × 0.025 = 2,500 + ErGwScale 1 unit in North Europe
    // 730 × 0.21 = 153.30 + standby 1,886 = 4,975.30 (it planned a Standard standby at 436: 3,525.30).
    let result = try SizingSolver(engine: Fixtures.engine()).solve(profile(second: "Singapore"))
    #expect(result.secondPlan.first?.tier == .premium)
    #expect(result.monthlyTotals.first == Fixtures.usd("4975.30"))
    #expect(result.resilience?.monthlyCost == Fixtures.usd("1886.00"))
    #expect(
      result.notes.contains { $0.hasPrefix("the second circuit at Singapore is Premium while the primary is Standard") }
    )
    // A standby in the same geopolitical region stays Standard: Amsterdam2, Standard MeteredData 1 Gbps 436 → 3,525.30.
    let near = try SizingSolver(engine: Fixtures.engine()).solve(profile(second: "Amsterdam2"))
    #expect(near.secondPlan.first?.tier == .standard)
    #expect(near.monthlyTotals.first == Fixtures.usd("3525.30"))
  }

  @Test func aHubLocalToAnotherRegionRulesLocalOut() throws {
    // Amsterdam for West Europe, its local region, but the hub (the gateway) in North Europe: Local reaches only West
    // Europe, so it cannot serve the gateway; the plan is Standard.
    var westEurope = profile(second: nil, hub: "North Europe")
    westEurope.targetRegions = ["West Europe"]
    let result = try SizingSolver(engine: Fixtures.engine()).solve(westEurope)
    #expect(result.plan.first?.tier == .standard)
    #expect(
      result.tierReasons.contains { $0.contains("North Europe is not local to Amsterdam") }, "\(result.tierReasons)")
    // An unknown hub region is refused where it is written, as a target region is.
    westEurope.hubRegion = "Nowhere Central"
    #expect(throws: Diagnostic.self) { try SizingSolver(engine: Fixtures.engine()).solve(westEurope) }
  }

  @Test func compareWithAHubElsewherePricesNoLocalCircuit() throws {
    // compare --with-vpn at Amsterdam, 1 Gbps, 200,000 GB, hub North Europe, 744 hours, 7% off everything. Local
    // UnlimitedData (1,200 × 0.93 = 1,116.00) cannot reach North Europe: the ExpressRoute side is Standard MeteredData
    // 436 × 0.93 = 405.48 + 200,000 × 0.025 × 0.93 = 4,650.00 + ErGwScale 1 unit 744 × 0.21 × 0.93 = 145.2996 → 145.30
    // = 5,200.78 (it said Local + ErGwScale 1,261.30).
    var engine = try Fixtures.engine()
    engine.hoursPerMonth = 744
    engine.discounts = Discounts(all: Fixtures.decimal("0.07"))
    let comparison = try engine.compare(
      location: engine.locations.location(named: "Amsterdam"), bandwidth: .gbps(1),
      monthlyEgress: .gigabytes(200_000))
    let vpn = engine.compareWithVPN(comparison, volume: .gigabytes(200_000), hubRegion: "North Europe")
    #expect(vpn.expressRoute?.total == Fixtures.usd("5200.78"))
    #expect(vpn.notes.contains { $0.hasPrefix("North Europe is not local to Amsterdam") })
  }
}
