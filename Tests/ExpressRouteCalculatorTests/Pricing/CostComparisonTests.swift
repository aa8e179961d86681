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

/// Comparisons that left a cost out of one side ("One truth across every answer"), each with hand-computed figures.
///
/// Built-in rates used: Standard MeteredData 2 Gbps $872 and 5 Gbps $2,180 a month (Zone 1 and 3); Standard
/// UnlimitedData 2 Gbps $11,400 (Zone 1), $17,400 (Zone 3); Local 2 Gbps $2,900 (Zone 3); outbound data $0.025/GB
/// (Zone 1), $0.05/GB (Zone 2), $0.14/GB (Zone 3); ErGwScale $0.21 per unit-hour (730 h: $153.30 a unit), 1 Gbps a
/// unit; ErGw1AZ $0.361/h (263.53 a month); VpnGw1AZ $0.21/h (153.30 a month), VpnGw2AZ $0.564/h (411.72 a month; the
/// non-AZ VpnGw1–5 are retired and never chosen); Asia Pacific internet egress 100 GB free then $0.12/GB to 10,240 GB;
/// North America 100 GB free then $0.087/GB to 10,240 GB. The Direct 10 Gbps MeteredData port pair is an override at
/// $2,500 a month (the built-in table has no port price); so is VpnGw4AZ, where a test needs one, at $1.00 an hour.
@Suite struct CostComparisonTests {
  func engine(directPort: String? = "2500.00", vpnGw4AZ: String? = nil) throws -> PricingEngine {
    var engine = try Fixtures.engine()
    if let vpnGw4AZ {
      try engine.rates.apply(
        overrideJSON: Data(
          """
          {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "v", "title": "quote", "date": "2026-11-01"}],
           "vpnGateways": {"source": "v", "confidence": "ESTIMATE", "rows": [{"sku": "VpnGw4AZ", "hourly": "\(vpnGw4AZ)"}]}}
          """.utf8), file: "v.json")
    }
    if let directPort {
      try engine.rates.apply(
        overrideJSON: Data(
          """
          {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "q", "title": "quote", "date": "2026-11-01"}],
           "directPorts": {"source": "q", "confidence": "ESTIMATE", "rows": [{"portSpeed": "10 Gbps", "billing": "MeteredData", "monthly": "\(directPort)"}]}}
          """.utf8), file: "o.json")
    }
    return engine
  }

  /// Amsterdam, 12 months, no growth, the gateway in North Europe (where ErGwScale is offered).
  func profile(
    _ location: String = "Amsterdam", peak: Bandwidth, egress: String, redundancy: WorkloadProfile.Redundancy = .single,
    regions: [String] = [],
    hub: String = "North Europe"
  ) -> WorkloadProfile {
    var profile = WorkloadProfile(
      name: "t", peeringLocation: location, targetRegions: regions, monthlyEgress: DataVolume(parsing: egress),
      peakOutbound: peak,
      yearlyGrowth: 0, horizonMonths: 12, redundancy: redundancy, gateways: 1)
    profile.hubRegion = hub
    return profile
  }

  func amount(_ side: CostSide, _ category: CostCategory) -> Money? { side.cost(of: category)?.amount }

  // MARK: Item 1: provider vs Direct, the Direct side without the gateway

  @Test func directSideCarriesThePlansGateway() throws {
    // 3,200 Mbps ÷ 0.8 = 4,000 Mbps → Standard MeteredData 5 Gbps, 150,000 GB a month; ErGwScale 4 units (1 Gbps each).
    // Provider: 2,180 + 150,000 × 0.025 (3,750) + 4 × 153.30 (613.20) = 6,543.20 a month; × 12 = 78,518.40.
    // Direct: port pair 2,500 (no circuit fee) + 3,750 + the same gateway 613.20 = 6,863.20; × 12 = 82,358.40.
    // Provider cheaper by 3,840.00 (12 × (2,500 − 2,180)); the old Direct side without the gateway (4 × 153.30 × 12 =
    // 7,358.40) said "Direct is cheaper by 3,518.40" (78,518.40 − 75,000.00).
    let result = try SizingSolver(engine: engine()).solve(profile(peak: .mbps(3200), egress: "150TB"))
    let costs = try #require(result.pathCosts)
    #expect(costs.first.total == Fixtures.usd("78518.40"))
    #expect(costs.second.total == Fixtures.usd("82358.40"))
    #expect(amount(costs.first, .gateway) == Fixtures.usd("7358.40"))
    #expect(amount(costs.second, .gateway) == Fixtures.usd("7358.40"))
    #expect(amount(costs.first, .connection) == Fixtures.usd("26160.00"))  // 12 × 2,180
    #expect(amount(costs.second, .connection) == Fixtures.usd("30000.00"))  // 12 × 2,500
    #expect(result.pathComparison.last == "on the whole cost the provider circuit is cheaper by 3,840.00 USD")
  }

  // MARK: Item 2: active/active, the Direct side with half the egress and no second path

  @Test func directSideOfAnActiveActiveDesignKeepsTheSecondPath() throws {
    // Amsterdam + London, each Standard MeteredData 5 Gbps carrying 75,000 GB: 2,180 + 1,875 = 4,055 each; gateway 613.20.
    // Provider plan: 2 × 4,055 + 613.20 = 8,723.20 a month, 104,678.40 over 12 months.
    // Direct design: port pair 2,500 + 1,875 (its half) + the same London circuit 4,055 + 613.20 = 9,043.20; 108,518.40.
    // Provider cheaper by 3,840.00; the old Direct side (2,500 + 1,875 = 4,375 × 12 = 52,500.00, no gateway, no second
    // circuit, half the egress) said "Direct is cheaper by 52,178.40".
    let result = try SizingSolver(engine: engine()).solve(
      profile(
        peak: .mbps(3200), egress: "150TB", redundancy: .secondCircuit(location: "London", failover: .activeActive)))
    let costs = try #require(result.pathCosts)
    #expect(costs.first.total == Fixtures.usd("104678.40"))
    #expect(costs.second.total == Fixtures.usd("108518.40"))
    #expect(amount(costs.second, .secondPath) == Fixtures.usd("48660.00"))  // 12 × 4,055
    #expect(amount(costs.second, .outboundData) == Fixtures.usd("22500.00"))  // 12 × 75,000 × 0.025
    #expect(result.pathComparison.last == "on the whole cost the provider circuit is cheaper by 3,840.00 USD")
  }

  // MARK: Item 3: the redundancy premium against the best single design

  @Test func redundancyCostsWhatTheBestSingleDesignDoesNot() throws {
    // Amsterdam + London active/active, 1,200 Mbps ÷ 0.8 → 2 Gbps, 300,000 GB a month: each circuit MeteredData 872 +
    // 150,000 × 0.025 = 4,622 (UnlimitedData would be 11,400 each); ErGwScale 2 units 306.60. Design: 9,550.60 a month.
    // The best single circuit: MeteredData 872 + 300,000 × 0.025 = 8,372 < 11,400, + 306.60 = 8,678.60.
    // Redundancy costs 9,550.60 − 8,678.60 = 872.00 (the old figure, 4,622.00, counted egress the single circuit pays too).
    let result = try SizingSolver(engine: engine(directPort: nil)).solve(
      profile(
        peak: .mbps(1200), egress: "300TB", redundancy: .secondCircuit(location: "London", failover: .activeActive)))
    let costs = try #require(result.redundancyCosts)
    #expect(costs.first.total == Fixtures.usd("8678.60"))
    #expect(costs.second.total == Fixtures.usd("9550.60"))
    #expect(result.resilience?.monthlyCost == Fixtures.usd("872.00"))
    #expect(amount(costs.second, .secondPath) == Fixtures.usd("4622.00"))
    #expect(amount(costs.second, .outboundData) == Fixtures.usd("3750.00"))
    #expect(amount(costs.first, .outboundData) == Fixtures.usd("7500.00"))
  }

  @Test func aLocalPrimaryMayHaveAStandardStandby() throws {
    // The gallery design: Sao Paulo (Zone 3, local region Brazil South) with a standby at Rio de Janeiro, whose Local
    // reaches only Brazil Southeast. No product rule asks both circuits to share a tier (pricing-facts.md §7), so the
    // primary is Local UnlimitedData 2 Gbps 2,900 (outbound data included) and the standby Standard MeteredData 2 Gbps
    // 872 (no traffic); ErGwScale 2 units 306.60. Month 1: 2,900 + 872 + 306.60 = 4,078.60 (it was Standard
    // UnlimitedData 17,400 + 872 + 306.60 = 18,578.60). The best single design is Local 2 Gbps + gateway = 3,206.60, so
    // redundancy costs 872.00.
    var gallery = profile(
      "Sao Paulo", peak: .mbps(1200), egress: "200TB", redundancy: .secondCircuit(location: "Rio de Janeiro"),
      regions: ["Brazil South"],
      hub: "Brazil South")
    gallery.horizonMonths = 1
    let result = try SizingSolver(engine: engine(directPort: nil)).solve(gallery)
    #expect(result.plan.first?.tier == .local)
    #expect(result.secondPlan.first?.tier == .standard)
    #expect(result.monthlyTotals.first == Fixtures.usd("4078.60"))
    let costs = try #require(result.redundancyCosts)
    #expect(costs.first.total == Fixtures.usd("3206.60"))
    #expect(result.resilience?.monthlyCost == Fixtures.usd("872.00"))
    #expect(costs.first.cost(of: .outboundData)?.note == "included in Local")
  }

  // MARK: Item 4: ExpressRoute or a VPN

  @Test func vpnComparisonUsesAGatewayOfferedInTheRegion() throws {
    // Singapore (Zone 2, local region Southeast Asia, where the table says ErGwScale is not offered), 1 Gbps, 0 GB:
    // ExpressRoute Standard MeteredData 1 Gbps 436 + ErGw1AZ 263.53 = 699.53 (not 436 + ErGwScale 153.30 = 589.30, which
    // understated it by 110.23). VPN: VpnGw2AZ 411.72 (the retired VpnGw2 at 357.70 is not weighed). Break-even:
    // 699.53 + 0.05 x = 411.72 + 0.12 (x − 100) → x = 299.81 ÷ 0.07 = 4,283 GB (it said 3,480 GB, then 5,055 GB on VpnGw2).
    let engine = try engine(directPort: nil)
    let comparison = try engine.compare(
      location: engine.locations.location(named: "Singapore"), bandwidth: .gbps(1), monthlyEgress: .zero)
    let vpn = engine.compareWithVPN(comparison, volume: .zero)
    #expect(vpn.expressRoute?.total == Fixtures.usd("699.53"))
    #expect(vpn.breakEven == .gigabytes(4283))
    // With a hub region where ErGwScale is offered, it is the cheaper gateway: 436 + 153.30 = 589.30.
    #expect(
      engine.compareWithVPN(comparison, volume: .zero, hubRegion: "East Asia").expressRoute?.total
        == Fixtures.usd("589.30"))
  }

  @Test func theVPNIsSizedForTheTrafficNotTheCircuitsHeadroom() throws {
    // Singapore 1 Gbps at 0 GB, as above, but the traffic needs 250 Mbps: VpnGw1AZ (650 Mbps, 0.21/h × 730 = 153.30)
    // carries it, not VpnGw2AZ (411.72). Break-even: 699.53 + 0.05 x = 153.30 + 0.12 (x − 100) → 0.07 x = 558.23,
    // x = 7,974.7 → 7,975 GB (sized for the circuit's 1 Gbps it would be 4,283 GB).
    let engine = try engine(directPort: nil)
    let comparison = try engine.compare(
      location: engine.locations.location(named: "Singapore"), bandwidth: .gbps(1), monthlyEgress: .zero)
    let vpn = engine.compareWithVPN(comparison, volume: .zero, need: .mbps(250))
    #expect(vpn.vpn?.total == Fixtures.usd("153.30"))
    #expect(vpn.breakEven == .gigabytes(7975))
    #expect(
      vpn.notes.contains { $0.hasPrefix("VpnGw1AZ is the cheapest priced VPN gateway") && $0.contains("250 Mbps") })
    // A need above the circuit's bandwidth is the circuit's: VpnGw2AZ, as without one.
    #expect(engine.compareWithVPN(comparison, volume: .zero, need: .gbps(5)).vpn?.total == Fixtures.usd("411.72"))
  }

  @Test func breakEvenLooksAtEveryVolumeNotOnlyZero() throws {
    // Washington DC, 1 Gbps, circuits 41% off: Standard MeteredData 1 Gbps 436 × 0.59 = 257.24 + ErGwScale 153.30 =
    // 410.54 at 0 GB, against VpnGw2AZ 411.72: ExpressRoute is cheaper at 0 GB by 1.18, which the old code took for "at
    // any volume". But the first 100 GB of internet egress are free while metered data costs 0.025/GB: 1.18 ÷ 0.025 =
    // 47.2, so a VPN is cheaper from 48 GB; at 100 GB it leads by 1.32, and at 0.087 − 0.025 = 0.062/GB ExpressRoute
    // catches up at 100 + 1.32 ÷ 0.062 = 121.3 → 122 GB, and stays cheaper to the circuit's capacity (1 Gbps × 730 h =
    // 328,500 GB).
    var engine = try engine(directPort: nil)
    engine.discounts = Discounts(bySection: ["circuits": Fixtures.decimal("0.41")])
    let comparison = try engine.compare(
      location: engine.locations.location(named: "Washington DC"), bandwidth: .gbps(1), monthlyEgress: .zero)
    let vpn = engine.compareWithVPN(comparison, volume: .zero)
    #expect(vpn.expressRoute?.total == Fixtures.usd("410.54"))
    #expect(
      vpn.verdict
        == "the cheaper side changes with volume: ExpressRoute from 0 GB to 48 GB; a VPN over the internet from 48 GB to 122 GB; ExpressRoute from 122 GB to 328,500 GB (the circuit's capacity)"
    )
    #expect(vpn.breakEven == .gigabytes(48))
  }

  @Test func aSecondCircuitThatCannotBePlannedIsNotPricedRatherThanFree() throws {
    // Sao Paulo, its second circuit at Shanghai, where the table prices no circuit: the second circuit cannot be
    // planned, so the design's month 1 is the single design's. Its side had no second path at all and redundancy was
    // said to cost 0.00; now its second path is there, not priced, and the redundancy cost is unknown.
    let engine = try engine(directPort: nil)
    let result = try SizingSolver(engine: engine).solve(
      profile("Sao Paulo", peak: .mbps(390), egress: "38434GB", redundancy: .secondCircuit(location: "Shanghai")))
    #expect(result.secondPlan.isEmpty)
    let costs = try #require(result.redundancyCosts)
    #expect(costs.isSymmetric, "\(costs.asymmetricCategories.map(\.name))")
    #expect(costs.second.cost(of: .secondPath)?.unpricedCount == 1)
    #expect(costs.first.cost(of: .secondPath)?.note == "none: one circuit")
    #expect(!costs.isComplete)
    #expect(result.resilience?.monthlyCost == nil)
  }

  // MARK: Review findings: the other side is what the reference and the plan say it is

  @Test func theDirectSideOfALocalPlanIsLocalWithItsEgressIncluded() throws {
    // F3. Amsterdam, West Europe (local), 3,200 Mbps ÷ 0.8 = 4,000 Mbps, 150,000 GB a month, 12 months, gateway in West
    // Europe (a Local circuit reaches no other region), where ErGwScale is not offered: a Virtual WAN hub of 2 scale
    // units, 182.50 + 613.20 + 36.50 = 832.20 a month (as in theVPNComparisonInSizeIsThePlansOwnDesign; 9,986.40 over
    // 12; ErGw3AZ would be 730 × 2.151 = 1,570.23). Plan: Local 5 Gbps 3,600 (egress included) → 43,200 + 9,986.40 =
    // 53,186.40. Direct 10 Gbps MeteredData pair at 3,000: Local on it has no circuit fee and its egress is included
    // (pricing-facts.md §3) → 36,000 + 0 + 9,986.40 = 45,986.40; Direct cheaper by 7,200.00. It was priced as Standard
    // MeteredData: 36,000 + 150,000 × 0.025 × 12 (45,000) + the gateway, "provider cheaper by 37,800.00".
    let result = try SizingSolver(engine: engine(directPort: "3000.00")).solve(
      profile(peak: .mbps(3200), egress: "150TB", regions: ["West Europe"], hub: "West Europe"))
    #expect(result.plan.first?.tier == .local)
    let costs = try #require(result.pathCosts)
    #expect(costs.second.label == "Direct 10 Gbps pair: Local MeteredData 5 Gbps")
    #expect(costs.first.total == Fixtures.usd("53186.40"))
    #expect(costs.second.total == Fixtures.usd("45986.40"))
    #expect(amount(costs.second, .outboundData) == nil || amount(costs.second, .outboundData) == Fixtures.usd("0"))
    #expect(
      result.pathComparison.last
        == "on the whole cost ExpressRoute Direct is cheaper by 7,200.00 USD: consider Direct 10 Gbps pair: Local MeteredData 5 Gbps (the plan above is the provider alternative)"
    )
  }

  @Test func aLocalCircuitOnAMeteredDirectPairIsQuotedWithoutEgress() throws {
    // F3, in `quote`: Local 5 Gbps on a 10 Gbps MeteredData pair (3,000), 150,000 GB out. The pair's fee covers the
    // circuit and Local includes egress: 3,000.00, no outbound-data line (Standard would add 150,000 × 0.025 = 3,750).
    let engine = try engine(directPort: "3000.00")
    let deployment = Deployment(
      name: "d",
      circuits: [
        Circuit(
          name: "circuit", peeringLocation: "Amsterdam", tier: .local, billing: .metered, bandwidth: .gbps(5),
          monthlyEgress: .gigabytes(150_000), directPort: "ports")
      ],
      directPorts: [DirectPortPair(name: "ports", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)])
    let quote = try engine.quote(deployment)
    #expect(quote.total == Fixtures.usd("3000.00"))
    #expect(quote.isComplete)
    // A Local provider circuit is still UnlimitedData only.
    var provider = deployment
    provider.directPorts = []
    provider.circuits[0].directPort = nil
    #expect(throws: Diagnostic.self) { try engine.quote(provider) }
  }

  @Test func aStandbyIsTheCheapestTierThatServesIt() throws {
    // F7. London (local UK South), 1,200 Mbps ÷ 0.8 → 2 Gbps, 100,000 GB a month; standby at London2. Primary: Local 2
    // Gbps 2,200 (Standard MeteredData would be 872 + 2,500 = 3,372). The standby carries nothing: Standard MeteredData
    // 2 Gbps 872 on zero egress, not Local 2,200. Gateway in UK South: ErGwScale 2 units 306.60. Month 1: 2,200 + 872 +
    // 306.60 = 3,378.60; one circuit 2,200 + 306.60 = 2,506.60; redundancy costs 872.00 (it said 2,200.00).
    let result = try SizingSolver(engine: engine(directPort: nil)).solve(
      profile(
        "London", peak: .mbps(1200), egress: "100TB", redundancy: .secondCircuit(location: "London2"),
        regions: ["UK South"], hub: "UK South"))
    #expect(result.plan.first?.tier == .local)
    #expect(result.secondPlan.first?.tier == .standard)
    #expect(result.secondPlan.first?.billing == .metered)
    #expect(result.monthlyTotals.first == Fixtures.usd("3378.60"))
    #expect(result.redundancyCosts?.first.total == Fixtures.usd("2506.60"))
    #expect(result.resilience?.monthlyCost == Fixtures.usd("872.00"))
  }

  @Test func theVPNComparisonInSizeIsThePlansOwnDesign() throws {
    // F8, ErGwScale: 3,200 Mbps ÷ 0.8 = 4,000 Mbps → Standard MeteredData 5 Gbps with ErGwScale 4 units (613.20), not the
    // 5 units (766.50) a 5 Gbps circuit alone would get. ExpressRoute side at 150,000 GB: 2,180 + 3,750 + 613.20 = 6,543.20
    // (it was 6,696.50). The VPN side needs VpnGw4AZ (5 Gbps benchmark), priced by an override (the table has none).
    let scale = try SizingSolver(engine: engine(directPort: nil, vpnGw4AZ: "1.00")).solve(
      profile(peak: .mbps(3200), egress: "150TB"))
    #expect(scale.vpnAlternative?.expressRoute?.total == Fixtures.usd("6543.20"))
    #expect(scale.vpnAlternative?.costs.flatMap { amount($0.first, .gateway) } == Fixtures.usd("613.20"))
    // F8, Virtual WAN: Amsterdam, hub West Europe (no ErGwScale), 2,400 Mbps ÷ 0.8 → 3 Gbps → 5 Gbps circuit; 100,000 GB
    // a month. Plan: Local 5 Gbps 3,600 (Standard MeteredData 2,180 + 2,500 = 4,680) with a hub of 2 scale units: 182.50
    // + 613.20 + 36.50 = 832.20. ExpressRoute side: 3,600 + 832.20 = 4,432.20 (it priced ErGw3AZ at 1,570.23).
    let hub = try SizingSolver(engine: engine(directPort: nil, vpnGw4AZ: "1.00")).solve(
      profile(peak: .mbps(2400), egress: "100TB", regions: ["West Europe"], hub: "West Europe"))
    #expect(hub.plan.first?.tier == .local)
    #expect(hub.vpnAlternative?.expressRoute?.total == Fixtures.usd("4432.20"))
    #expect(hub.vpnAlternative?.costs.flatMap { amount($0.first, .gateway) } == Fixtures.usd("832.20"))
  }

  @Test func theVPNSideLeavesFromTheHubRegion() throws {
    // F9. Dallas (Zone 1, North America), 1 Gbps, 5,000 GB, hub Southeast Asia. VPN: VpnGw2AZ 411.72 + (5,000 − 100) ×
    // 0.12 (Asia Pacific) = 999.72 (it priced North America: 411.72 + 4,900 × 0.087 = 838.02). Southeast Asia is outside
    // North America, so ExpressRoute is Premium: MeteredData 1 Gbps 1,186 + 5,000 × 0.025 = 125 + ErGw1AZ 263.53
    // (ErGwScale is not offered in Southeast Asia) = 1,574.53.
    let engine = try engine(directPort: nil)
    let dallas = try engine.compare(
      location: engine.locations.location(named: "Dallas"), bandwidth: .gbps(1), monthlyEgress: .gigabytes(5000))
    let vpn = engine.compareWithVPN(dallas, volume: .gigabytes(5000), hubRegion: "southeastasia")
    #expect(vpn.vpn?.total == Fixtures.usd("999.72"))
    #expect(vpn.expressRoute?.total == Fixtures.usd("1574.53"))
    #expect(vpn.notes.contains { $0.hasPrefix("Southeast Asia is outside North America") })
    // Washington DC has two local regions: the one assumed for the gateway is said.
    let washington = try engine.compare(
      location: engine.locations.location(named: "Washington DC"), bandwidth: .gbps(1), monthlyEgress: .gigabytes(5000))
    #expect(
      engine.compareWithVPN(washington, volume: .gigabytes(5000)).notes.contains(
        "the gateway is assumed in East US, the first of Washington DC's local regions (East US, East US 2); give the hub region to choose"
      ))
  }

  // MARK: The invariant: both sides of every comparison carry the same categories

  @Test func everyComparisonIsSymmetric() throws {
    // 3,200 Mbps needs VpnGw4AZ on the VPN side: priced by an override (the built-in table has no price for it).
    let engine = try engine(vpnGw4AZ: "1.00")
    var cases: [(String, CostComparison?)] = []
    let designs: [(String, WorkloadProfile.Redundancy)] = [
      ("single", .single), ("active/active", .secondCircuit(location: "London", failover: .activeActive)),
      ("active/passive", .secondCircuit(location: "London")), ("backup VPN", .backupVPN(sku: .vpnGw1AZ)),
    ]
    for (design, redundancy) in designs {
      var workload = profile(peak: .mbps(3200), egress: "150TB", redundancy: redundancy)
      workload.current = .init(tier: .standard, billing: .unlimited, bandwidth: .gbps(2))
      workload.globalReach = [.init(location: "London", monthlyData: .gigabytes(1000))]
      let result = try SizingSolver(engine: engine).solve(workload)
      cases.append(("\(design): provider or Direct", result.pathCosts))
      cases.append(("\(design): ExpressRoute or VPN", result.vpnAlternative?.costs))
      if case .single = redundancy {
        #expect(result.redundancyCosts == nil)
      } else {
        cases.append(("\(design): redundant or single", result.redundancyCosts))
      }
    }
    let washington = try engine.compare(
      location: engine.locations.location(named: "Washington DC"), bandwidth: .gbps(1), monthlyEgress: .gigabytes(5000))
    cases.append(
      ("compare --with-vpn: ExpressRoute or VPN", engine.compareWithVPN(washington, volume: .gigabytes(5000)).costs))
    for (name, costs) in cases {
      let costs = try #require(costs, "\(name): no comparison")
      #expect(
        costs.first.categoryList == costs.second.categoryList, "\(name): \(costs.asymmetricCategories.map(\.name))")
      #expect(costs.isSymmetric)
      // Every category each side has is accounted for in its total.
      #expect(costs.first.total == Money.sum(costs.first.categories.map(\.amount), currency: .usd))
    }
    // The categories listed, side by side: what each comparison is made of.
    let lists = cases.map { name, costs in
      "\(name): \(costs?.first.categoryList.map(\.name).joined(separator: ", ") ?? "")"
    }
    let plan = "circuit or port, outbound data, gateway, current circuit (lead time), Global Reach"
    let redundant = "circuit or port, outbound data, gateway, second path, current circuit (lead time), Global Reach"
    let vpn = "circuit or port, outbound data, gateway"
    #expect(
      lists == [
        "single: provider or Direct: \(plan)", "single: ExpressRoute or VPN: \(vpn)",
        "active/active: provider or Direct: \(redundant)", "active/active: ExpressRoute or VPN: \(vpn)",
        "active/active: redundant or single: \(redundant)",
        "active/passive: provider or Direct: \(redundant)", "active/passive: ExpressRoute or VPN: \(vpn)",
        "active/passive: redundant or single: \(redundant)",
        "backup VPN: provider or Direct: \(redundant)", "backup VPN: ExpressRoute or VPN: \(vpn)",
        "backup VPN: redundant or single: \(redundant)", "compare --with-vpn: ExpressRoute or VPN: \(vpn)",
      ])
  }

  @Test func anOmittedCategoryIsAnAsymmetry() throws {
    // The old Direct side: a port pair and a circuit, no gateway. Filed by category beside a plan with a gateway, the
    // comparison is not symmetric and names the missing category.
    let engine = try engine()
    let plan = Deployment(
      name: "p",
      circuits: [
        Circuit(
          name: "circuit", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(5),
          monthlyEgress: .gigabytes(1000))
      ],
      gateways: [Gateway(name: "gateway", sku: .erGwScale, scaleUnits: 4, circuits: ["circuit"])])
    let direct = Deployment(
      name: "d",
      circuits: [
        Circuit(
          name: "circuit", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(5),
          monthlyEgress: .gigabytes(1000),
          directPort: "ports")
      ],
      directPorts: [DirectPortPair(name: "ports", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)])
    var first = CostSide(label: "provider", currency: .usd)
    first.add(try engine.quote(plan, checkingCapacity: false), deployment: plan)
    var second = CostSide(label: "Direct", currency: .usd)
    second.add(try engine.quote(direct, checkingCapacity: false), deployment: direct)
    let costs = CostComparison(subject: "t", period: "month 1", first: first, second: second)
    #expect(!costs.isSymmetric)
    #expect(costs.asymmetricCategories == [.gateway])
    #expect(costs.table.rows.first { $0.first == "gateway" }?[2] == "missing")
  }
}
