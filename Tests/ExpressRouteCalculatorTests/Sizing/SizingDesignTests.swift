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

/// Plans an architect can sign: the eight defects of the "real designs" issue, each with hand-computed figures.
///
/// Prices are the built-in table's: Standard MeteredData 500 Mbps $290, 1 Gbps $436, 2 Gbps $872 a month in Zones 1
/// and 3; Standard UnlimitedData 1 Gbps $5,700 (Zone 1), 2 Gbps $11,400 (Zone 1) and $17,400 (Zone 3); outbound data
/// $0.025/GB in Zone 1 and $0.14/GB in Zone 3; ErGwScale $0.21 per unit-hour (730 h: $153.30 a unit); VpnGw1AZ $0.21/h.
@Suite struct SizingDesignTests {
  func solve(_ profile: WorkloadProfile, traffic: TrafficSummary? = nil) throws -> SizingResult {
    try SizingSolver(engine: Fixtures.engine()).solve(profile, traffic: traffic)
  }

  func profile(
    _ location: String = "Amsterdam", peak: Bandwidth, egress: String, growth: String = "0", horizon: Int = 12,
    gateways: Int = 0,
    redundancy: WorkloadProfile.Redundancy = .single, regions: [String] = [], hub: String? = "North Europe"
  ) -> WorkloadProfile {
    var profile = WorkloadProfile(
      name: "t", peeringLocation: location, targetRegions: regions, monthlyEgress: DataVolume(parsing: egress),
      peakOutbound: peak,
      yearlyGrowth: Fixtures.decimal(growth), horizonMonths: horizon, redundancy: redundancy, gateways: gateways)
    profile.hubRegion = hub
    return profile
  }

  /// The charges of `resource` in each month of the plan.
  func charges(_ result: SizingResult, _ resource: String) -> [Money] {
    result.months.map { month in
      Money.sum(month.quote.lineItems.filter { $0.resource == resource }.map(\.amount), currency: .usd)
    }
  }

  // MARK: Redundancy

  @Test func activePassiveStandbyIsPricedOnItsOwnZeroTraffic() throws {
    // Sao Paulo (Zone 3), no hub or target region (so not Local), 1,200 Mbps ÷ 0.8 = 1,500 Mbps → 2 Gbps. 200,000 GB a month:
    // primary metered 872 + 200,000 × 0.14 = 28,872 > unlimited 17,400 → UnlimitedData 17,400.
    // The standby at Rio de Janeiro (Zone 3) carries nothing: MeteredData 872 (not 17,400).
    // 12 months × (17,400 + 872) = 219,264.00 (the old model said 12 × 34,800 = 417,600).
    let result = try solve(
      profile(
        "Sao Paulo", peak: .mbps(1200), egress: "200000GB", redundancy: .secondCircuit(location: "Rio de Janeiro"),
        hub: nil))
    #expect(result.plan.map(\.billing) == [.unlimited])
    #expect(
      result.secondPlan == [
        PlanStep(month: 0, tier: .standard, billing: .metered, bandwidth: .gbps(2), reason: "buy now")
      ])
    #expect(charges(result, "circuit 'second circuit'").allSatisfy { $0 == Fixtures.usd("872.00") })
    #expect(result.horizonTotal == Fixtures.usd("219264.00"))
    // A failover month: the standby carries 200,000 GB at 0.14 = 28,000.00 more; the unlimited primary saves nothing.
    #expect(result.resilience?.failoverFirstMonth == Fixtures.usd("28000.00"))
    #expect(result.resilience?.survives.hasPrefix("the loss of a whole peering location") == true)
  }

  @Test func secondCircuitFollowsTheGrowingLoadMonthByMonth() throws {
    // 380 Mbps growing 300% a year: need(m) = 380 × 4^(m/12) ÷ 0.8 = 475 × 4^(m/12) Mbps.
    // m0: 475 → 500 Mbps; m1: 475 × 1.1225 = 533 → 1 Gbps; m7: 475 × 2.2449 = 1,066 → 2 Gbps (m6: 475 × 2.0 = 950).
    // The standby (London, zero egress, metered) follows: 290 + 6 × 436 + 5 × 872 = 290 + 2,616 + 4,360 = 7,266.00
    // (the old model priced it at the final 2 Gbps from month 1: 12 × 872 = 10,464).
    let result = try solve(
      profile(peak: .mbps(380), egress: "0GB", growth: "3", redundancy: .secondCircuit(location: "London")))
    #expect(result.plan.map(\.bandwidth) == [.mbps(500), .gbps(1), .gbps(2)])
    #expect(result.plan.map(\.month) == [0, 1, 7])
    #expect(result.secondPlan.map(\.bandwidth) == [.mbps(500), .gbps(1), .gbps(2)])
    #expect(result.secondPlan.map(\.month) == [0, 1, 7])
    #expect(Money.sum(charges(result, "circuit 'second circuit'"), currency: .usd) == Fixtures.usd("7266.00"))
  }

  @Test func activeActiveSplitsTrafficAndSizesEachForFailover() throws {
    // Amsterdam + London, 1,200 Mbps → each 2 Gbps (each must carry everything on failover). 400,000 GB split 200,000 each:
    // each metered 872 + 200,000 × 0.025 = 5,872 < unlimited 11,400. A month: 2 × 5,872 = 11,744; 12 months 140,928.00.
    let result = try solve(
      profile(
        peak: .mbps(1200), egress: "400000GB", redundancy: .secondCircuit(location: "London", failover: .activeActive)))
    #expect(
      result.plan == [PlanStep(month: 0, tier: .standard, billing: .metered, bandwidth: .gbps(2), reason: "buy now")])
    #expect(
      result.secondPlan == [
        PlanStep(month: 0, tier: .standard, billing: .metered, bandwidth: .gbps(2), reason: "buy now")
      ])
    #expect(result.monthlyTotals.first == Fixtures.usd("11744.00"))
    #expect(result.horizonTotal == Fixtures.usd("140928.00"))
    // On failover the survivor carries all 400,000 GB at the same zone's rate: a failover month adds 0.00.
    #expect(result.resilience?.failoverFirstMonth == Fixtures.usd("0.00"))
  }

  @Test func backupVPNMustCarryWhatItBacksUp() throws {
    // 800 Mbps ÷ 0.8 = 1 Gbps metered: 436 + 10,000 × 0.025 = 686; VpnGw1AZ 730 × 0.21 = 153.30 → 839.30 a month.
    // VpnGw1AZ's benchmark is 650 Mbps: a failover leaves 800 − 650 = 150 Mbps (19%) without a path; VpnGw2AZ (1.25 Gbps) carries it.
    let result = try solve(profile(peak: .mbps(800), egress: "10000GB", redundancy: .backupVPN(sku: .vpnGw1AZ)))
    #expect(result.monthlyTotals.first == Fixtures.usd("839.30"))
    #expect(result.horizonTotal == Fixtures.usd("10071.60"))  // 12 × 839.30
    let findings = try #require(result.resilience?.findings)
    #expect(
      findings.first
        == "VpnGw1AZ carries about 650 Mbps (Microsoft's aggregate benchmark); the traffic it backs up is 800 Mbps now and 800 Mbps by month 12, so a failover would leave 150 Mbps (19%) of the outbound rate without a path; VpnGw2AZ (1250 Mbps) would carry it"
    )
    #expect(result.resilience?.monthlyCost == Fixtures.usd("153.30"))
  }

  // MARK: Time-phased gateways; a year costs the same in any horizon

  func portfolio(horizon: Int) throws -> Portfolio {
    let text = """
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": \(horizon), "sites": [
        {"name": "ams", "profile": {"name": "ams", "peeringLocation": "Amsterdam", "hubRegion": "North Europe",
          "traffic": {"peakOutbound": "448 Mbps", "monthlyEgress": "0 GB"}, "sizing": {"yearlyGrowth": "1"}}}]}
      """
    return try Portfolio(json: Data(text.utf8), file: "p.json")
  }

  @Test func aYearCostsTheSameInA12And36MonthBudget() throws {
    // 448 Mbps growing 100% a year: need(m) = 560 × 2^(m/12) Mbps → 1 Gbps from month 1; above 1,000 only from
    // m = 10 (560 × 2^(10/12) = 997.7 ≤ 1,000; m11: 1,057) → 2 Gbps from m11.
    // Circuit: 11 × 436 + 872 = 5,668. Gateway ErGwScale, 1 Gbps a unit: 1 unit (153.30) m0–m10, 2 units (306.60) m11
    // → 11 × 153.30 + 306.60 = 1,686.30 + 306.60 = 1,992.90. Year 2027: 5,668 + 1,992.90 = 7,660.90, whatever the horizon.
    let planner = BudgetPlanner(engine: try Fixtures.engine())
    let short = try planner.budget(try portfolio(horizon: 12))
    let long = try planner.budget(try portfolio(horizon: 36))
    #expect(short.yearTotals.first?.total == Fixtures.usd("7660.90"))
    #expect(long.yearTotals.first?.total == Fixtures.usd("7660.90"))
    // Units follow need(m) = 560 × 2^(m/12) Mbps: 3 above 2,000 (m > 22.0, m23), 4 above 3,000 (2^(m/12) > 5.357, m > 29.05,
    // m30), 5 above 4,000 (2^(m/12) > 7.143, m > 34.04, m35).
    let sized = try #require(long.sites.first?.sizing)
    #expect(
      sized.gatewayPlan.map(\.label) == [
        "ErGwScale × 1 units", "ErGwScale × 2 units", "ErGwScale × 3 units", "ErGwScale × 4 units",
        "ErGwScale × 5 units",
      ])
    #expect(sized.gatewayPlan.map(\.month) == [0, 11, 23, 30, 35])
  }

  // MARK: No horizon-end artefacts

  @Test func anIrreversibleMoveIsJudgedAgainstTheMonthsAfterIt() throws {
    // 448 Mbps growing 30% a year: need(m) = 560 × 1.3^(m/12) → 1 Gbps; above 1,000 when 1.3^(m/12) > 1.7857,
    // m > 26.5 → 2 Gbps from m27. Outbound 142,000 × 1.3^(m/12) GB passes 210,560 (where unlimited 1 Gbps, 5,700, beats
    // metered 436 + 0.025 × E) at m19, but from m27 the circuit is 2 Gbps, where unlimited (11,400) is far dearer than
    // metered (872 + 0.025 × 256,253 = 7,278). Judged over the 24 months after it, switching at m19 saves about 4.4k by m26
    // and then loses about 4k every month: the plan stays metered. A 24- and a 30-month horizon give the same plan.
    let short = try solve(profile(peak: .mbps(448), egress: "142000GB", growth: "0.3", horizon: 24))
    let long = try solve(profile(peak: .mbps(448), egress: "142000GB", growth: "0.3", horizon: 30))
    #expect(short.plan.map(\.billing) == [.metered])
    #expect(
      long.plan.map { "\($0.month) \($0.billing.name) \($0.bandwidth)" } == [
        "0 MeteredData 1 Gbps", "27 MeteredData 2 Gbps",
      ])
    #expect(Array(long.planMonthlyCosts.prefix(24)) == short.planMonthlyCosts)
  }

  @Test func sharedMonthsAreTheSameForAnyHorizon() throws {
    // Property: for random demand, the plan of every month a 24-month horizon shares with a 30-month one is the same.
    var random = SplitMix(state: 2026)
    let locations = ["Amsterdam", "Tokyo", "Sao Paulo", "Washington DC", "Singapore"]
    var compared = 0
    for _ in 0..<40 {
      let location = locations[Int(random.next() % UInt64(locations.count))]
      let peak = Bandwidth.mbps(Int64(30 + random.next() % 3000))
      let egress = "\(random.next() % 400_000)GB"
      let growth = ["0", "0.2", "0.5", "1", "-0.3"][Int(random.next() % 5)]
      var base = profile(
        location, peak: peak, egress: egress, growth: growth, horizon: 24, gateways: Int(random.next() % 2))
      base.targetRegions = []
      guard let short = try? solve(base) else { continue }
      base.horizonMonths = 30
      guard let long = try? solve(base) else { continue }
      compared += 1
      func states(_ result: SizingResult) -> [String] {
        (0..<24).map { month in
          let step = result.plan.last { $0.month <= month }
          let gateway = result.gatewayPlan.last { $0.month <= month }
          return "\(step.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" } ?? "-") \(gateway?.label ?? "-")"
        }
      }
      #expect(states(short) == states(long), "\(location) \(peak) \(egress) \(growth)")
      #expect(Array(long.monthlyTotals.prefix(24)) == short.monthlyTotals, "\(location) \(peak) \(egress) \(growth)")
    }
    #expect(compared >= 25)
  }

  // MARK: Honest growth

  func summary(monthlyGB: [Decimal]) -> TrafficSummary {
    let months = monthlyGB.enumerated().map { index, gigabytes in
      let month = MonthKey(year: 2026, month: 1).advanced(by: index)
      // Each month covered for exactly 730 hours, so the scaled volume is the volume.
      return TrafficSummary.MonthVolume(month: month, volume: .gigabytes(gigabytes), coveredSeconds: 730 * 3600)
    }
    let rate = Bandwidth.mbps(400)
    let direction = TrafficSummary.Direction(
      samples: 1000, p50: rate, p95: rate, p99: rate, max: rate, months: months,
      curve: Array(repeating: rate, count: 20),
      tail: Array(repeating: rate, count: 101))
    var inbound = direction
    inbound.months = []
    return TrafficSummary(
      circuit: "c", interval: 60, start: months.first?.month.start ?? 0,
      end: (months.last?.month.next.start ?? 60) - 60, samples: 1000,
      completeSamples: 1000, outbound: direction, inbound: inbound, warnings: [])
  }

  @Test func compoundGrowthIsReportedAsCompound() throws {
    // 10% a month for 12 months: 1.1^12 − 1 = 2.138428… → +213.8% a year (the old trend said +113.7%).
    let volumes = (0..<12).map { month in Decimal(10_000) * Decimal(pow(1.1, Double(month))) }
    let result = try solve(
      profile(peak: .mbps(400), egress: "0GB").withoutStatedTraffic(),
      traffic: summary(monthlyGB: volumes.map { $0.rounded(toPlaces: 3, rule: .toNearestOrEven) }))
    guard case .fitted(let fit) = result.demand.growth else { Issue.record("no fitted growth"); return }
    #expect(fit.model == .compound)
    #expect(fit.yearly == Fixtures.decimal("2.138428"))
    #expect(fit.summary.hasPrefix("+213.8% a year (compound, R² 1.00"))
  }

  @Test func linearGrowthIsProjectedLinearly() throws {
    // 10, 20, … 90 TB in 2026-01 … 2026-09: +10 TB a month. The fitted line's level in the last measured month
    // (2026-09) is 90 TB; without --start plan month 1 is that month, so plan month 24 (index 23, 2028-08)
    // is 90 + 23 × 10 = 320 TB (the old compounded trend said 624 TB).
    let volumes = (1...9).map { Decimal($0 * 10_000) }
    let result = try solve(
      profile(peak: .mbps(400), egress: "0GB", horizon: 24).withoutStatedTraffic(), traffic: summary(monthlyGB: volumes)
    )
    guard case .fitted(let fit) = result.demand.growth else { Issue.record("no fitted growth"); return }
    #expect(fit.model == .linear)
    #expect(result.demand.monthlyEgress == .gigabytes(90_000))
    #expect(result.demand.egress(month: 0) == .gigabytes(90_000))
    #expect(result.demand.egress(month: 23) == .gigabytes(320_000))
  }

  @Test func decliningTrafficNeverFallsBelowZero() throws {
    // 100, 80, 60, 40 TB: a straight line would reach zero in two months; the compound fit declines but stays positive.
    let volumes: [Decimal] = [100_000, 80_000, 60_000, 40_000]
    let result = try solve(
      profile(peak: .mbps(400), egress: "0GB").withoutStatedTraffic(), traffic: summary(monthlyGB: volumes))
    guard case .fitted(let fit) = result.demand.growth else { Issue.record("no fitted growth"); return }
    #expect(fit.model == .compound)
    #expect(fit.yearly > -1)
    #expect(result.demand.requiredBitsPerSecond(month: 11) > 0)
    #expect(result.demand.egress(month: 11).bytes > 0)
    let report = SizingReport(result: result).render(.text)
    #expect(!report.contains("-400"))
    #expect(!report.contains("needed by month 12: 0 bps"))
  }

  // MARK: Say what matters

  @Test func burstsAboveTheCircuitAreReported() throws {
    // 2,500 one-minute samples: 2,400 at 300 Mbps and 100 (4.0%) at 900 Mbps. P95 300 ÷ 0.8 = 375 → 500 Mbps.
    var csv = "Time,BitsInPerSecond,BitsOutPerSecond\n"
    for minute in 0..<2500 {
      let rate = minute % 25 == 0 ? 900_000_000 : 300_000_000
      csv += "\(CivilCalendar.format(Int64(1_767_225_600 + minute * 60))),1000000,\(rate)\n"
    }
    var ingest = TrafficIngest()
    try ingest.read(Data(csv.utf8), file: "b.csv")
    let traffic = try #require(try ingest.summaries(file: "b.csv").first)
    var wanted = profile(peak: .mbps(1), egress: "0GB")
    wanted.peakOutbound = nil
    // The profile's 0 GB stays: 2,500 minutes cover 5.6% of January, too little to give a monthly volume.
    let result = try solve(wanted, traffic: traffic)
    #expect(result.recommendation?.bandwidth == .mbps(500))
    #expect(
      result.bursts == [
        "outbound bursts above the recommended 500 Mbps in up to 4.0% of the samples; the largest is 900 Mbps (1.8× the bandwidth); ExpressRoute's burst to about 2× over the secondary link would cover it, but that is not guaranteed: size for the bursts if they matter"
      ])
    #expect(!result.notes.contains { $0.contains("check the inputs") })
  }

  @Test func aCircuitMustCarryTheMonthsVolumeAsQuoteRequires() throws {
    // Peak 50 Mbps but 100,000 GB a month: 100,000 × 10^9 × 8 bits ÷ (730 h × 3,600 s = 2,628,000 s) = 304,414,003 bit/s on
    // average, so the stated peak cannot be one. Sized on the average held to the same 80% utilisation as a peak:
    // 304,414,003.04 ÷ 0.8 = 380,517,503.8 → 380,517,504 bit/s → 500 Mbps. Capacity one way: 200 Mbps carries
    // 200 × 10^6 × 2,628,000 ÷ 8 = 65,700 GB (under 100,000, quote's egress-within-capacity refuses it), 500 Mbps 164,250 GB.
    // The old solver sized on 50 ÷ 0.8 = 62.5 Mbps and recommended 100 Mbps, which carries 32,850 GB.
    let engine = try Fixtures.engine()
    let result = try solve(profile(peak: .mbps(50), egress: "100TB"))
    #expect(result.demand.requiredBitsPerSecond(month: 0) == 380_517_504)
    #expect(result.demand.requiredBitsPerSecond(month: 11) == 380_517_504)
    let step = try #require(result.recommendation)
    #expect(step.bandwidth == .mbps(500))
    let circuit = Circuit(
      name: "c", peeringLocation: "Amsterdam", tier: step.tier, billing: step.billing, bandwidth: step.bandwidth,
      monthlyEgress: .gigabytes(100_000))
    #expect(throws: Never.self) { _ = try engine.validate(Deployment(name: "d", circuits: [circuit])) }
    // Every smaller provider circuit is refused for the volume, naming the rule quote applies.
    for candidate in result.candidates {
      guard case .provider(_, _, let bandwidth) = candidate.kind, bandwidth < .mbps(500),
        case .rejected(let reason) = candidate.verdict
      else {
        continue
      }
      if reason.hasPrefix("too small") { #expect(reason.contains("[egress-within-capacity]"), "\(reason)") }
    }
    #expect(
      !result.candidates.contains { candidate in
        guard case .provider(_, _, let bandwidth) = candidate.kind, bandwidth < .mbps(500),
          case .feasible = candidate.verdict
        else { return false }
        return true
      })
    #expect(
      result.notes.contains {
        $0.hasPrefix("check the inputs: 100,000 GB a month averages 304.5 Mbps, more than the sizing rate 50 Mbps")
      })
  }

  @Test func aCheaperOptionBlockedOnlyByAPriceIsNamed() throws {
    // 80 Mbps ÷ 0.8 = 100 Mbps: Standard MeteredData 100 Mbps would carry it, but its Zone 1 price is UNCERTAIN (unpriced),
    // so 200 Mbps is recommended; the report says so and gives the override row that settles it.
    let result = try solve(profile(peak: .mbps(80), egress: "100GB"))
    #expect(result.recommendation?.bandwidth == .mbps(200))
    let blocked = try #require(result.blockedByPrice.first)
    #expect(
      blocked.hasPrefix(
        "Standard MeteredData 100 Mbps would also carry the workload and may be cheaper, but has no price (UNCERTAIN"))
    #expect(
      blocked.hasSuffix(
        "an override row {\"tier\": \"Standard\", \"billing\": \"MeteredData\", \"bandwidth\": \"100 Mbps\", \"zone\": \"Zone 1\", \"monthly\": \"…\"} in 'circuits' would settle it"
      ))
    // That row, with a price below 200 Mbps's $145, settles it: 100 Mbps at 100 + 100 GB × 0.025 = 102.50 a month.
    var engine = try Fixtures.engine()
    try engine.rates.apply(
      overrideJSON: Data(
        """
        {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "q", "title": "quote", "date": "2026-11-01"}],
         "circuits": {"source": "q", "confidence": "ESTIMATE", "rows": [
           {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "100"}]}}
        """.utf8), file: "o.json")
    let settled = try SizingSolver(engine: engine).solve(profile(peak: .mbps(80), egress: "100GB"))
    #expect(settled.recommendation?.bandwidth == .mbps(100))
    #expect(settled.monthlyTotals.first == Fixtures.usd("102.50"))
    #expect(settled.blockedByPrice.isEmpty)
  }
}

extension WorkloadProfile {
  /// The profile with its stated volume and growth removed, so the series decides them.
  func withoutStatedTraffic() -> WorkloadProfile {
    var copy = self
    copy.monthlyEgress = nil
    copy.yearlyGrowth = nil
    return copy
  }
}
