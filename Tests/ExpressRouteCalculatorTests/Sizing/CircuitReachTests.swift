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

/// A plan judged over its look-ahead can cost more over a shorter horizon than an option held unchanged: the report
/// says so, with both windows' figures, instead of recommending the dearer option without a word.
@Suite struct ShortHorizonTests {
  @Test func anOptionCheaperOnlyOverTheHorizonIsExplained() throws {
    // Tokyo (Zone 2) for Japan East, 500 Mbps ÷ 0.8 = 625 Mbps → 1 Gbps, 45,000 GB a month falling 60% a year, 12
    // months. Each month's volume is 45,000 × 0.4^(m/12) (the factor to six places, the volume to the megabyte), at
    // 0.05/GB (each line to cents). Standard MeteredData 1 Gbps: 12 × 436 + Σ lines = 23,595.56 over months 1–12,
    // 36,173.00 over months 1–24; Local UnlimitedData 1 Gbps: 12 × 1,600 = 19,200.00 and 24 × 1,600 = 38,400.00. The
    // plan (judged over 24 months) is MeteredData, 4,395.56 dearer over the horizon and 2,227.00 cheaper over 24.
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Tokyo", targetRegions: ["Japan East"], monthlyEgress: .gigabytes(45_000),
      peakOutbound: .mbps(500), yearlyGrowth: Fixtures.decimal("-0.6"), horizonMonths: 12, gateways: 0)
    profile.hubRegion = "Japan East"
    let result = try SizingSolver(engine: Fixtures.engine()).solve(profile)
    #expect(result.plan.first?.billing == .metered && result.plan.first?.tier == .standard)
    #expect(
      result.notes.contains(
        "Local UnlimitedData 1 Gbps costs 4,395.56 USD less than the plan's circuits over these 12 months, but each move is judged over the 24 months after it, and over months 1 to 24 it costs 2,227.00 USD more (38,400.00 USD against 36,173.00 USD): with traffic falling, a short horizon favours its flat fee; a horizonMonths of 24 shows the whole window"
      ), "\(result.notes)")
    // With a 24-month horizon the plan is the cheaper over the horizon itself: no such note.
    profile.horizonMonths = 24
    let whole = try SizingSolver(engine: Fixtures.engine()).solve(profile)
    #expect(!whole.notes.contains { $0.contains("less than the plan's circuits") })
  }
}

/// Global Reach is offered in the countries Microsoft lists (pricing-facts §4, 01/31/2025): a link at a location
/// outside them is priced with a note (the user's design), and sizing plans none.
@Suite struct GlobalReachAvailabilityTests {
  @Test func aLinkWhereGlobalReachIsNotOfferedIsNotedOrRefused() throws {
    let engine = try Fixtures.engine()
    #expect(engine.locations.location(named: "Bangkok")?.offersGlobalReach == false)
    #expect(engine.locations.location(named: "Johannesburg")?.offersGlobalReach == true)
    #expect(engine.locations.location(named: "Cape Town")?.offersGlobalReach == false)
    // A quote of Bangkok ↔ Amsterdam, both Premium: priced as written (the per-GB rate is not in the table, so the
    // legs are not priced), with the note.
    let deployment = Deployment(
      name: "d",
      circuits: [
        Circuit(name: "bkk", peeringLocation: "Bangkok", tier: .premium, billing: .unlimited, bandwidth: .gbps(1)),
        Circuit(name: "ams", peeringLocation: "Amsterdam", tier: .premium, billing: .unlimited, bandwidth: .gbps(1)),
      ],
      globalReach: [GlobalReachLink(circuitA: "bkk", circuitB: "ams")])
    let quote = try engine.quote(deployment)
    #expect(
      quote.notes.contains {
        $0.hasPrefix("Global Reach bkk <-> ams: Global Reach is not offered at Bangkok (its country is not on")
      }, "\(quote.notes)")
    // Sizing a new Bangkok circuit with a Global Reach link is refused at the profile's globalReach.
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Bangkok", monthlyEgress: .gigabytes(1000), peakOutbound: .mbps(100),
      yearlyGrowth: 0, horizonMonths: 12, gateways: 0)
    profile.globalReach = [.init(location: "Amsterdam", monthlyData: .gigabytes(100))]
    let error = Fixtures.diagnostic { _ = try SizingSolver(engine: engine).solve(profile) }
    #expect(error?.message.hasPrefix("Global Reach is not offered at Bangkok") == true, "\(String(describing: error))")
    #expect(error?.path == "globalReach")
  }
}
