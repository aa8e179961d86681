import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct NewCircuitMoveTests {
  func profile(lead: Int) -> WorkloadProfile {
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Amsterdam", monthlyEgress: .gigabytes(10_000), peakOutbound: .mbps(300),
      yearlyGrowth: 0, gateways: 0,
      current: .init(tier: .standard, billing: .unlimited, bandwidth: .gbps(1), gateway: nil, scaleUnits: nil))
    profile.leadTimeMonths = lead
    return profile
  }

  @Test func aMoveToANewCircuitPaysItsOverlapMonths() throws {
    // Today: Standard UnlimitedData 1 Gbps (5,700). 300 Mbps ÷ 0.8 = 375 → 500 Mbps metered: 290 + 10,000 × 0.025 = 540.
    // Unlimited → metered and 1 Gbps → 500 Mbps both need a new circuit. In the lead month the old circuit carries the
    // traffic (5,700) while the new one is billed idle (290): 5,990. 12 months: 5,990 + 11 × 540 = 11,930.00.
    let solver = SizingSolver(engine: try Fixtures.engine())
    let oneMonth = try solver.solve(profile(lead: 1))
    #expect(oneMonth.recommendation?.bandwidth == .mbps(500))
    #expect(oneMonth.monthlyTotals.first == Fixtures.usd("5990.00"))
    #expect(oneMonth.horizonTotal == Fixtures.usd("11930.00"))
    // Two lead months: 2 × 5,990 + 10 × 540 = 17,380.00.
    #expect(try solver.solve(profile(lead: 2)).horizonTotal == Fixtures.usd("17380.00"))
    // The audit counts the overlap: today 12 × 5,700 = 68,400; recommendation 12 × 540 + (5,990 − 540) = 11,930; saving 56,470.
    let audit = try #require(oneMonth.audit)
    #expect(audit.recommendedCost == Fixtures.usd("11930.00"))
    #expect(
      audit.findings.contains { $0.hasPrefix("saving: the recommendation costs 56,470.00 USD less over 12 months") })
  }

  /// The profile of monotonicity seed 16420260076393020186: today a Premium MeteredData 2 Gbps circuit, 3 lead months.
  func siliconValley(peak: String, egress: String, virtualNetworks: Int = 0) throws -> WorkloadProfile {
    let text = """
      {"schemaVersion": 1, "name": "sv", "peeringLocation": "Silicon Valley2", "virtualNetworks": \(virtualNetworks), "gateways": 3,
        "traffic": {"monthlyEgress": "\(egress)", "peakOutbound": "\(peak)"},
        "sizing": {"percentile": 99, "targetUtilization": "0.5", "yearlyGrowth": "0.25", "horizonMonths": 5, "leadTimeMonths": 3},
        "current": {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "gateway": "ErGw2AZ"}}
      """
    return try WorkloadProfile(json: Data(text.utf8), file: "profile.json")
  }

  @Test func anInPlaceChangeBeatsAMoveToASmallerCircuitOverTheHorizon() throws {
    // Silicon Valley2 is Zone 1 (0.025/GB). Growth factors 1.25^(m/12) to six decimals: 1, 1.018769, 1.037891, 1.057371,
    // 1.077217. Need 469 ÷ 0.5 = 938 Mbps × factor: 938, 955.6, 973.5, 991.8, 1,010.4 → 1 Gbps for months 1–4, 2 Gbps in month 5.
    // Outbound 49,301 GB × factor: 49,301, 50,226.330, 51,169.064, 52,129.448, 53,107.875 GB; × 0.025 = 1,232.53,
    // 1,255.66, 1,279.23, 1,303.24, 1,327.70 → 6,398.36 of data over 5 months, the same in every metered plan.
    // Plans open from the current circuit (fees: Standard MeteredData 1 Gbps 436, 2 Gbps 872; Premium 1 Gbps 1,186, 2 Gbps 2,372):
    // - Premium add-on disabled in place, Standard MeteredData 2 Gbps: 5 × 872 + 6,398.36 = 10,758.36;
    // - a new Standard MeteredData 1 Gbps (bandwidth cannot shrink in place), grown to 2 Gbps in month 5:
    //   4 × 436 + 872 + 6,398.36 = 9,014.36, plus 3 lead months of the old circuit beside the idle new one:
    //   3 × (2,372 + data + 436 − (436 + data)) = 3 × 2,372 = 7,116.00 → 16,130.36;
    // - keeping Premium MeteredData 2 Gbps: 5 × 2,372 + 6,398.36 = 18,258.36;
    // - a new Premium MeteredData 1 Gbps: 4 × 1,186 + 2,372 + 6,398.36 + 7,116.00 = 20,630.36.
    // The in-place change wins. Gateways (3 × ErGwScale, 0.21 × 730 = 153.30 a unit): 1 unit for months 1–4, 2 in month 5:
    // 4 × 459.90 + 919.80 = 2,759.40. Horizon: 10,758.36 + 2,759.40 = 13,517.76 (the move cost 18,889.76 before the fix).
    let solver = SizingSolver(engine: try Fixtures.engine())
    let low = try solver.solve(try siliconValley(peak: "469 Mbps", egress: "49301 GB"))
    #expect(
      low.plan.map { "\($0.month) \($0.tier.name) \($0.billing.name) \($0.bandwidth)" } == [
        "0 Standard MeteredData 2 Gbps"
      ])
    #expect(low.plan.first?.reason == "change the current circuit in place: disable the Premium add-on")
    #expect(low.planMonthlyCosts.map(\.amount).reduce(0, +) == Decimal(string: "10758.36"))
    #expect(low.horizonTotal == Fixtures.usd("13517.76"))
    #expect(
      low.notes.contains(
        "changing the current Premium MeteredData 2 Gbps circuit in place to Standard (the Premium add-on disabled) costs 10,758.36 over the 5-month horizon, the least of the plans open from the current circuit; the others cost keeping the current Premium MeteredData 2 Gbps circuit 18,258.36; a new Standard MeteredData 1 Gbps circuit 16,130.36 (bandwidth cannot shrink in place (2 Gbps to 1 Gbps); 3 months of overlap, +7,116.00); a new Premium MeteredData 1 Gbps circuit 20,630.36 (bandwidth cannot shrink in place (2 Gbps to 1 Gbps); 3 months of overlap, +7,116.00)"
      ))
    // 586 Mbps (the seed's next scale): 1,172 Mbps now, so 2 Gbps throughout; outbound 61,675 GB × factor × 0.025 =
    // 1,541.88 + 1,570.81 + 1,600.30 + 1,630.33 + 1,660.93 = 8,004.25; Standard 2 Gbps in place: 5 × 872 + 8,004.25 = 12,364.25;
    // gateways 2 units throughout: 5 × 919.80 = 4,599.00 → 16,963.25. More demand costs more: 16,963.25 ≥ 13,517.76.
    let high = try solver.solve(try siliconValley(peak: "586 Mbps", egress: "61675 GB"))
    #expect(high.horizonTotal == Fixtures.usd("16963.25"))
    #expect(high.horizonTotal.amount >= low.horizonTotal.amount)
  }

  @Test func premiumIsDisabledInPlaceOnlyWithFewerThanTenVNetLinks() throws {
    // pricing-facts.md §1.7: disabling the Premium add-on fails with 10 VNet links (Standard still allows 10). With 10 links
    // the in-place change to Standard MeteredData 2 Gbps (10,758.36 above) is not open; the cheapest left is the new
    // Standard MeteredData 1 Gbps circuit: 9,014.36 + 3 × 2,372 overlap = 16,130.36, against keeping Premium (18,258.36)
    // and a new Premium 1 Gbps circuit (20,630.36), as computed above.
    let result = try SizingSolver(engine: try Fixtures.engine()).solve(
      try siliconValley(peak: "469 Mbps", egress: "49301 GB", virtualNetworks: 10))
    #expect(
      result.plan.map { "\($0.month) \($0.tier.name) \($0.billing.name) \($0.bandwidth)" } == [
        "0 Standard MeteredData 1 Gbps", "4 Standard MeteredData 2 Gbps",
      ])
    #expect(result.audit?.recommendedCost == Fixtures.usd("16130.36"))
    #expect(
      result.notes.contains {
        $0.hasPrefix(
          "the recommendation needs a new circuit (bandwidth cannot shrink in place (2 Gbps to 1 Gbps); the Premium add-on cannot be disabled in place with 10 VNet links and 0 private-peering routes (it needs fewer than 10 and fewer than 4,000)): the current circuit keeps running for 3 months (lead time) while the new one is billed, adding 7,116.00 USD; with it the circuit plan costs 16,130.36 over the 5-month horizon"
        )
      })
    #expect(!result.notes.contains { $0.contains("in place to Standard") })
  }

  @Test func aBudgetCarriesTheOverlapToo() throws {
    let text = """
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12, "sites": [
        {"name": "ams", "profile": {"name": "ams", "peeringLocation": "Amsterdam", "gateways": 0,
          "traffic": {"peakOutbound": "300 Mbps", "monthlyEgress": "10000 GB"}, "sizing": {"leadTimeMonths": 1},
          "current": {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}}}]}
      """
    let budget = try BudgetPlanner(engine: try Fixtures.engine()).budget(
      try Portfolio(json: Data(text.utf8), file: "p.json"))
    #expect(budget.total == Fixtures.usd("11930.00"))  // as above
    #expect(budget.sites.first?.months.first?.lineItems.contains { $0.resource == "circuit 'current circuit'" } == true)
  }

  @Test func diffShowsTheOneTimeOverlap() throws {
    // Before: Standard UnlimitedData 1 Gbps (5,700 a month); after: the same circuit MeteredData, which needs a new circuit.
    // One month of the old circuit alongside, carrying the traffic until it moves: old 5,700 + new idle 436 − new with
    // its 1,000 GB (436 + 25 = 461) = 5,675.00 one-time.
    let engine = try Fixtures.engine()
    let before = Deployment(
      name: "b",
      circuits: [
        Circuit(name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .unlimited, bandwidth: .gbps(1))
      ])
    var after = before
    after.circuits[0].billing = .metered
    after.circuits[0].monthlyEgress = .gigabytes(1000)
    let overlaps = engine.moveOverlaps(from: before, to: after, leadMonths: 1)
    #expect(
      overlaps == [
        MoveOverlap(
          circuit: "c", reason: "UnlimitedData cannot go back to MeteredData", months: 1, cost: Fixtures.usd("5675.00"))
      ])
    // Shrinking a metered circuit that carries 50,000 GB (1 Gbps → 500 Mbps): old 436 + 1,250 + new idle 290 − new with
    // its traffic (290 + 1,250) = 436.00, the old fee only (it was 1,686.00, the old circuit's outbound data billed
    // again on top of the new one's; `size` adds 436.00 for the same move).
    let metered = Deployment(
      name: "m",
      circuits: [
        Circuit(
          name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1),
          monthlyEgress: .gigabytes(50_000))
      ])
    var smaller = metered
    smaller.circuits[0].bandwidth = .mbps(500)
    #expect(engine.moveOverlaps(from: metered, to: smaller, leadMonths: 1).first?.cost == Fixtures.usd("436.00"))
    // Growing in place needs nothing.
    var grown = before
    grown.circuits[0].bandwidth = .gbps(2)
    #expect(engine.moveOverlaps(from: before, to: grown, leadMonths: 1).isEmpty)
  }
}

@Suite struct SizeVPNSectionTests {
  @Test func sizeComparesTheRecommendationWithAVPN() throws {
    // Washington DC, 400 Mbps ÷ 0.8 = 500 Mbps metered, 5,000 GB: the same figures as compare --with-vpn
    // (ExpressRoute 290 + 125 + ErGwScale 153.30 = 568.30; VPN VpnGw1AZ 730 × 0.21 = 153.30 + 4,900 × 0.087 = 579.60;
    // break-even 153.30 + (V − 100) × 0.087 = 290 + 153.30 + 0.025 V → 0.062 V = 298.70 → V = 4,817.7 → 4,818 GB).
    let profile = WorkloadProfile(
      name: "t", peeringLocation: "Washington DC", monthlyEgress: .gigabytes(5000), peakOutbound: .mbps(400),
      yearlyGrowth: 0, gateways: 0)
    let result = try SizingSolver(engine: try Fixtures.engine()).solve(profile)
    let vpn = try #require(result.vpnAlternative)
    #expect(vpn.expressRoute?.total == Fixtures.usd("568.30"))
    #expect(vpn.vpn?.total == Fixtures.usd("579.60"))
    #expect(vpn.breakEven == .gigabytes(4818))
  }
}
