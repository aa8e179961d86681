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

@Suite struct SizingSolverTests {
  func profile(
    _ location: String = "Amsterdam", regions: [String] = ["West Europe", "North Europe"], peak: Bandwidth = .mbps(700),
    egress: String,
    growth: String = "0", horizon: Int = 12, utilization: String = "0.8", gateways: Int = 0
  ) -> WorkloadProfile {
    WorkloadProfile(
      name: "t", peeringLocation: location, targetRegions: regions, monthlyEgress: DataVolume(parsing: egress),
      peakOutbound: peak,
      targetUtilization: Fixtures.decimal(utilization), yearlyGrowth: Fixtures.decimal(growth), horizonMonths: horizon,
      gateways: gateways)
  }

  func solve(_ profile: WorkloadProfile) throws -> SizingResult {
    try SizingSolver(engine: Fixtures.engine()).solve(profile)
  }

  @Test func zone1With60000GBStaysMetered() throws {
    // 700 Mbps ÷ 0.8 = 875 Mbps → 1 Gbps. Metered: 436 + 60,000 × 0.025 = 1,936 < unlimited 5,700.
    let result = try solve(profile(egress: "60000GB"))
    #expect(result.plan.count == 1)
    #expect(
      result.recommendation
        == PlanStep(month: 0, tier: .standard, billing: .metered, bandwidth: .gbps(1), reason: "buy now"))
    #expect(result.planMonthlyCosts.first == Fixtures.usd("1936"))
    #expect(result.planCost == Fixtures.usd("23232"))  // 12 × 1,936
  }

  @Test func zone1With250000GBGoesUnlimited() throws {
    // Metered: 436 + 250,000 × 0.025 = 6,686 > unlimited 5,700.
    let result = try solve(profile(peak: .mbps(780), egress: "250000GB"))
    #expect(result.recommendation?.billing == .unlimited)
    #expect(result.recommendation?.bandwidth == .gbps(1))
    #expect(result.planCost == Fixtures.usd("68400"))  // 12 × 5,700
    let runnerUp = result.candidates.first { $0.label == "Standard MeteredData 1 Gbps" }
    #expect(runnerUp?.horizonCost == Fixtures.usd("80232"))  // 12 × 6,686
  }

  @Test func regionsOutsideTheGeopoliticalRegionForcePremium() throws {
    // Premium MeteredData 1 Gbps Zone 1: 1,186 + 1,500 = 2,686.
    let result = try solve(profile(regions: ["West Europe", "Japan East"], egress: "60000GB"))
    #expect(result.recommendation?.tier == .premium)
    #expect(result.planMonthlyCosts.first == Fixtures.usd("2686"))
    #expect(
      result.tierReasons.last
        == "Premium is required: Japan East is outside Europe, the geopolitical region of Amsterdam")
    let standard = result.candidates.first { $0.label == "Standard MeteredData 1 Gbps" }
    #expect(
      standard?.verdict
        == .rejected("Premium is required: Japan East is outside Europe, the geopolitical region of Amsterdam"))
  }

  @Test func standardRestingAnInferredRegionSaysSo() throws {
    // Amsterdam is in Europe; Spain Central is placed in Europe only by inference (the include predates it).
    let result = try solve(profile(regions: ["West Europe", "Spain Central"], egress: "60000GB"))
    #expect(
      result.tierReasons.contains {
        $0.hasPrefix("Standard is enough: ")
          && $0.contains("(Spain Central is in Europe by inference, inferred: the include (04/05/2024)")
      })
    let plain = try solve(profile(regions: ["West Europe"], egress: "60000GB"))
    #expect(!plain.tierReasons.contains { $0.contains("by inference") })
  }

  @Test func localIsChosenWhenEveryRegionIsLocalAndItIsCheaper() throws {
    // Local 1 Gbps Zone 1 = 1,200 (egress included) < Standard metered 1,936.
    let result = try solve(profile(regions: ["West Europe"], egress: "60000GB"))
    #expect(result.recommendation?.tier == .local)
    #expect(result.recommendation?.billing == .unlimited)
    #expect(result.planCost == Fixtures.usd("14400"))  // 12 × 1,200
    // At 20,000 GB metered wins: 436 + 500 = 936 < 1,200 (Local needs 1 Gbps anyway).
    let small = try solve(profile(regions: ["West Europe"], egress: "20000GB"))
    #expect(small.recommendation?.tier == .standard)
  }

  @Test func planSwitchesToUnlimitedWhenGrowthCrossesBreakEven() throws {
    // Tokyo (Zone 2), 1 Gbps: metered 436 + 0.05/GB vs unlimited 8,700; break-even 165,280 GB.
    // Egress 140,000 GB growing 20% a year: month index 10 → 140,000 × 1.2^(10/12) = 162,973 GB (metered 8,584.64);
    // index 11 → 165,467 GB (metered 8,709.37 > 8,700), so the plan switches from month 12.
    let result = try solve(
      profile(
        "Tokyo", regions: ["Japan East", "Japan West"], peak: .mbps(600), egress: "140000GB", growth: "0.2",
        horizon: 24, utilization: "1"))
    #expect(result.plan.map(\.month) == [0, 11])
    #expect(result.plan.map(\.billing) == [.metered, .unlimited])
    #expect(result.plan.allSatisfy { $0.bandwidth == .gbps(1) })
    #expect(result.plan[1].reason.hasPrefix("switch to UnlimitedData"))
  }

  @Test func planGrowsBandwidthInPlace() throws {
    // 1,500 Mbps at 100% utilisation needs 2 Gbps; growing 50% a year it passes 2,000 Mbps at index 9
    // (1,500 × 1.5^(9/12) = 2,033 Mbps), so the plan steps to 5 Gbps from month 10.
    let result = try solve(profile(peak: .mbps(1500), egress: "300000GB", growth: "0.5", horizon: 24, utilization: "1"))
    #expect(result.plan.map(\.month) == [0, 9])
    #expect(result.plan.map(\.bandwidth) == [.gbps(2), .gbps(5)])
  }

  @Test func fastPathPicksScaleGatewayOrErGw3AZ() throws {
    // Latency-sensitive: FastPath needs ErGw3AZ (730 × 2.151 = 1,570.23) or ErGwScale ≥ 10 units (730 × 10 × 0.21 = 1,533.00).
    var wanted = profile(regions: ["North Europe"], egress: "1000GB", gateways: 1)
    wanted.latencySensitive = true
    let result = try solve(wanted)
    #expect(result.gateway?.label == "ErGwScale × 10 units")
    #expect(result.extras.first?.monthly == Fixtures.usd("1533.00"))
    #expect(
      result.gatewayCandidates.first { $0.sku == .erGw2AZ }?.verdict
        == .rejected(
          "[gateway-fastpath] the gateway wants FastPath, which ErGw2AZ does not support (needs UltraPerformance, ErGw3AZ or ErGwScale with 10 or more scale units)"
        ))
    // ErGwScale is not offered in West Europe (the hub region here): ErGw3AZ it is.
    var western = wanted
    western.targetRegions = ["West Europe", "North Europe"]
    #expect(try solve(western).gateway?.sku == .erGw3AZ)
  }

  @Test func auditShowsSavingAndRisk() throws {
    var wanted = profile(peak: .mbps(950), egress: "60000GB", utilization: "1")
    wanted.current = .init(tier: .standard, billing: .unlimited, bandwidth: .gbps(1))
    let result = try solve(wanted)
    let audit = try #require(result.audit)
    // Current: 12 × 5,700 = 68,400. Recommended: 12 × 1,936 = 23,232, plus the lead month in which the old circuit still
    // runs (5,700) beside the idle new one (436) instead of the new one alone (1,936): + 4,200 → 27,432. Saving 40,968.
    // The other plans open from the current circuit, over the 12-month horizon: keeping it 68,400; enabling Premium in place
    // (Premium UnlimitedData 1 Gbps 6,450) 12 × 6,450 = 77,400; a new Premium MeteredData 1 Gbps 12 × (1,186 + 60,000 × 0.025)
    // = 12 × 2,686 = 32,232 plus its lead month 5,700 + 1,186 − 2,686 = 4,200 → 36,432.
    #expect(audit.horizonCost == Fixtures.usd("68400"))
    #expect(
      audit.findings == [
        "risk: the outbound sizing rate 950 Mbps is 95% of the 1 Gbps circuit (over 90%)",
        "saving: the recommendation costs 40,968.00 USD less over 12 months (3,414.00 a month on average)",
        "moving from UnlimitedData to MeteredData is not allowed in place on a provider circuit: it needs a new circuit",
        "the recommendation needs a new circuit (UnlimitedData cannot go back to MeteredData): the current circuit keeps running for 1 month (lead time) while the new one is billed, adding 4,200.00 USD; with it the circuit plan costs 27,432.00 over the 12-month horizon, the least of the plans open from the current circuit; the others cost keeping the current Standard UnlimitedData 1 Gbps circuit 68,400.00; changing the current Standard UnlimitedData 1 Gbps circuit in place to Premium (the Premium add-on enabled) 77,400.00; a new Premium MeteredData 1 Gbps circuit 36,432.00 (UnlimitedData cannot go back to MeteredData; 1 month of overlap, +4,200.00)",
      ])
  }

  @Test func tooMuchTrafficForProviderCircuitsSaysDirect() throws {
    let error = Fixtures.diagnostic { _ = try solve(profile(peak: .gbps(12), egress: "1000GB")) }
    #expect(
      error?.description
        == "error: no priced provider circuit can carry this workload: it needs 15 Gbps by the end of the horizon; provider circuits stop at 10 Gbps, so it needs ExpressRoute Direct (Direct 100 Gbps pair: Standard MeteredData 40 Gbps is the smallest fit, but its port price is unknown: supply it in an override file)"
    )
    #expect(error?.remedy == .overrideFile)
  }

  @Test func unknownRegionSuggestsNearest() throws {
    let error = Fixtures.diagnostic { _ = try solve(profile(regions: ["West Erope"], egress: "1GB")) }
    #expect(
      error?.description
        == "error: targetRegions: 'West Erope' is not a known Azure region; did you mean 'West Europe'?")
  }

  @Test func planIsNeverWorseThanAnyStaticOptionAndAlwaysCarriesTheTraffic() throws {
    var random = SplitMix(state: 42)
    let locations = ["Amsterdam", "Tokyo", "Sao Paulo", "Bogota", "Washington DC", "Atlanta"]
    let solver = SizingSolver(engine: try Fixtures.engine())
    var solved = 0
    var compared = 0
    for _ in 0..<60 {
      let location = locations[Int(random.next() % UInt64(locations.count))]
      let peak = Bandwidth.mbps(Int64(20 + random.next() % 6000))
      let egressGB = Int(random.next() % 900_000)
      let growth = ["0", "0.1", "0.3", "0.8"][Int(random.next() % 4)]
      let wanted = WorkloadProfile(
        name: "r", peeringLocation: location, monthlyEgress: .gigabytes(Decimal(egressGB)), peakOutbound: peak,
        yearlyGrowth: Fixtures.decimal(growth), horizonMonths: Int(1 + random.next() % 36), gateways: 0)
      guard let result = try? solver.solve(wanted) else { continue }
      solved += 1
      for candidate in result.candidates {
        guard let cost = candidate.horizonCost, case .provider = candidate.kind else { continue }
        compared += 1
        #expect(
          result.planCost <= cost,
          "\(location) \(peak) \(egressGB) GB: plan \(result.planCost) > \(candidate.label) \(cost)")
      }
      for month in 0..<wanted.horizonMonths {
        let step = try #require(result.plan.last { $0.month <= month })
        #expect(Decimal(step.bandwidth.bitsPerSecond) >= result.demand.requiredBitsPerSecond(month: month))
      }
      for (previous, next) in zip(result.plan, result.plan.dropFirst()) {
        #expect(next.bandwidth >= previous.bandwidth)
        #expect(!(previous.billing == .unlimited && next.billing == .metered))
      }
    }
    // Peaks above 8 Gbps (÷ 0.8) cannot be solved with provider circuits; most draws can.
    #expect(solved >= 40)
    #expect(compared >= 200)
  }
}

/// The linear search (a running minimum along each run of states that can move to a state) finds the same path,
/// parents and ties included, as comparing every pair.
@Suite struct CheapestPathSearchTests {
  @Test func runsSearchEqualsPairwiseSearch() throws {
    let engine = try Fixtures.engine()
    let location = try #require(engine.locations.location(named: "Amsterdam"))
    let demand = Demand(
      sizingRate: .mbps(100), sizingDirection: "outbound", monthlyEgress: .gigabytes(1000), yearlyGrowth: 0,
      targetUtilization: 1, horizonMonths: 12, basis: [])
    let planner = CircuitPlanner(
      engine: engine, location: location, demand: demand, egressShare: 1, lookAhead: 6, virtualNetworkLinks: 0)
    var random = SplitMix(state: 77)
    var compared = 0
    for trial in 0..<400 {
      // A tier's states with some ruled out (as product rules do), costs from a few values so ties are common.
      var states = planner.states(tier: trial % 3 == 0 ? .local : .standard)
      states = states.filter { _ in random.next() % 5 != 0 }
      guard !states.isEmpty else { continue }
      let months = 2 + Int(random.next() % 8)
      let units: [[Int64?]] = (0..<months).map { _ in
        states.map { _ in random.next() % 4 == 0 ? nil : Int64(random.next() % 3) * 100 }
      }
      let linear = PathCosts(units: units, states: states)
      var pairwise = linear
      pairwise.searchesByRuns = false
      #expect(linear.predecessorRuns(states) != nil)
      let start: Int? = random.next() % 2 == 0 ? Int(random.next() % UInt64(states.count)) : nil
      let onlyMetered = random.next() % 4 == 0
      let window = Int(random.next() % UInt64(months))..<months
      let a = planner.cheapestPath(linear, states: states, from: start, months: window) {
        !onlyMetered || $0.billing == .metered
      }
      let b = planner.cheapestPath(pairwise, states: states, from: start, months: window) {
        !onlyMetered || $0.billing == .metered
      }
      #expect(a?.path == b?.path && a?.total == b?.total, "trial \(trial)")
      if a != nil { compared += 1 }
    }
    #expect(compared > 200)
  }
}

/// The planner prices each option's fee once and each month's outbound data once; every entry must still equal
/// the month priced whole by the engine (``CircuitPlanner/pricedWhole(_:month:)``), discounts and rounding included.
@Suite struct CircuitPlannerCostTableTests {
  @Test(arguments: ["Amsterdam", "Singapore", "Sao Paulo"])
  func tableEqualsWholeMonthPricing(_ locationName: String) throws {
    var engine = try Fixtures.engine()
    // 7.5% off egress and 3% off everything: amounts with half-cent remainders, so rounding per line shows.
    engine.discounts = Discounts(all: Fixtures.decimal("0.03"), bySection: ["egress": Fixtures.decimal("0.075")])
    let location = try #require(engine.locations.location(named: locationName))
    let demand = Demand(
      sizingRate: .mbps(730), sizingDirection: "outbound",
      monthlyEgress: try #require(DataVolume(parsing: "12345.678GB")),
      yearlyGrowth: Fixtures.decimal("0.37"),
      targetUtilization: Fixtures.decimal("0.8"), horizonMonths: 24, basis: [])
    let planner = CircuitPlanner(
      engine: engine, location: location, demand: demand, egressShare: Fixtures.decimal("0.5"), lookAhead: 6,
      virtualNetworkLinks: 3)
    var compared = 0
    for tier in CircuitTier.allCases {
      let states = planner.states(tier: tier)
      let table = planner.costTable(states, months: 30)
      for month in 0..<30 {
        for (index, state) in states.enumerated() {
          let expected = planner.carries(state, month: month) ? planner.pricedWhole(state, month: month) : nil
          #expect(
            table[month][index] == expected,
            "\(tier.name) \(state.billing.name) \(state.bandwidth.description), month \(month)")
          if expected != nil { compared += 1 }
        }
      }
    }
    #expect(compared > 100)
  }
}
