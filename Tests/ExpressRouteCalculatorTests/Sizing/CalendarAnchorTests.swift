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

/// Time anchored to the calendar: growth counts from the last measured month, partial months never
/// become the base, and charges fall only in their own months (the "one truth" issue, items 5 to 8).
@Suite struct CalendarAnchorTests {
  /// A series of `gigabytes` per month from `first`, each month covered for exactly 730 hours (so its scaled
  /// volume is its volume), except the months of `partialHours`, covered that many hours.
  static func series(
    from first: MonthKey, gigabytes: [Decimal], partialHours: [Int: Int64] = [:], rate: Bandwidth = .mbps(400)
  ) -> TrafficSummary {
    let months = gigabytes.enumerated().map { index, volume in
      TrafficSummary.MonthVolume(
        month: first.advanced(by: index), volume: .gigabytes(volume),
        coveredSeconds: (partialHours[index] ?? 730) * 3600)
    }
    let direction = TrafficSummary.Direction(
      samples: 1000, p50: rate, p95: rate, p99: rate, max: rate, months: months,
      curve: Array(repeating: rate, count: 20),
      tail: Array(repeating: rate, count: 101))
    var inbound = direction
    inbound.months = []
    return TrafficSummary(
      circuit: "c", interval: 3600, start: first.start, end: (months.last?.month.next.start ?? 3600) - 3600,
      samples: 1000,
      completeSamples: 1000, outbound: direction, inbound: inbound, warnings: [])
  }

  static func profile(start: MonthKey?, horizon: Int = 12, location: String = "Amsterdam") -> WorkloadProfile {
    var profile = WorkloadProfile(name: "t", peeringLocation: location, horizonMonths: horizon, gateways: 0)
    profile.hubRegion = "North Europe"
    profile.planStart = start
    return profile
  }

  static func demand(_ traffic: TrafficSummary, start: MonthKey?, horizon: Int = 12) throws -> Demand {
    try SizingSolver(engine: Fixtures.engine()).solve(profile(start: start, horizon: horizon), traffic: traffic).demand
  }

  static let january2027 = MonthKey(year: 2027, month: 1)
  /// +10% a month, January to June 2027: 10,000 × 1.1^k GB.
  static let growing = series(
    from: january2027, gigabytes: (0..<6).map { Decimal(10_000) * Decimal(pow(1.1, Double($0))) })

  // MARK: Item 5: growth starts at the data's last measured month

  @Test func growthCountsFromTheLastMeasuredMonthWhateverThePlanStart() throws {
    // The compound fit is exact: its level in 2027-06 is 10,000 × 1.1^5 = 16,105.1 GB.
    // From 2027-07 (1 month later): 16,105.1 × 1.1 = 17,715.61 GB.
    // From 2028-07 (13 months later): 16,105.1 × 1.1^13 (3.452271 to six decimals) = 55,599.16968… → 55,599.170 GB
    // (to the megabyte). The old code started every plan at the busiest month unchanged: 16,105.1 GB in both.
    let july2027 = try Self.demand(Self.growing, start: MonthKey(year: 2027, month: 7), horizon: 24)
    let july2028 = try Self.demand(Self.growing, start: MonthKey(year: 2028, month: 7))
    #expect(july2027.monthlyEgress == .gigabytes(Fixtures.decimal("16105.1")))
    #expect(july2027.anchorOffset == 1)
    #expect(july2028.anchorOffset == 13)
    #expect(july2027.egress(month: 0) == .gigabytes(Fixtures.decimal("17715.61")))
    #expect(july2028.egress(month: 0) == .gigabytes(Fixtures.decimal("55599.17")))
    // A plan starting 12 months later is the same projection shifted by 12, month by month.
    for month in 0..<12 {
      #expect(july2027.egress(month: month + 12) == july2028.egress(month: month))
      #expect(july2027.requiredBitsPerSecond(month: month + 12) == july2028.requiredBitsPerSecond(month: month))
    }
    // Without a start plan month 1 is the last measured month itself (2027-06): the fitted level.
    #expect(try Self.demand(Self.growing, start: nil).egress(month: 0) == .gigabytes(Fixtures.decimal("16105.1")))
  }

  @Test func aStartBeforeTheLastMeasuredMonthIsRefused() throws {
    let error = Fixtures.diagnostic { _ = try Self.demand(Self.growing, start: MonthKey(year: 2026, month: 1)) }
    #expect(
      error?.message
        == "the plan starts in 2026-01, before 2027-06, the last measured month of series 'c': growth is projected from the last measured month, so start in 2027-06 or later"
    )
    // The last measured month itself is allowed: 0 months of growth, the fitted level 16,105.1 GB.
    #expect(
      try Self.demand(Self.growing, start: MonthKey(year: 2027, month: 6)).egress(month: 0)
        == .gigabytes(Fixtures.decimal("16105.1")))
  }

  @Test func theSameFiscalYearCostsTheSameWhateverThePortfolioStart() throws {
    // Fiscal year 2028-07 to 2029-06 in a 24-month budget from 2027-07 and a 12-month budget from 2028-07.
    let planner = BudgetPlanner(engine: try Fixtures.engine())
    var site = Self.profile(start: nil)
    site.targetRegions = ["West Europe"]
    func fiscalYear(start: MonthKey, months: Int) throws -> (total: Money, egress: [DataVolume]) {
      let portfolio = Portfolio(
        name: "p", startMonth: start, horizonMonths: months, sites: [.init(name: "s", source: .profile(site))])
      var budget = try planner.budget(portfolio, traffic: ["s": Self.growing])
      budget.fiscalYearStart = 7
      let year = try #require(budget.years.first { $0.label == "2028-07 to 2029-06" })
      #expect(year.months.count == 12)
      let demand = try #require(budget.sites[0].sizing?.demand)
      return (budget.total(of: budget.sites[0], in: year), year.months.map { demand.egress(month: $0) })
    }
    let early = try fiscalYear(start: MonthKey(year: 2027, month: 7), months: 24)
    let late = try fiscalYear(start: MonthKey(year: 2028, month: 7), months: 12)
    #expect(early.total == late.total)
    #expect(early.egress == late.egress)
    // 2028-07 is 13 months after 2027-06: 55,599.170 GB in both (see above).
    #expect(late.egress.first == .gigabytes(Fixtures.decimal("55599.17")))
  }

  @Test func datedDeploymentVolumesGrowOnTheCalendar() throws {
    // 1 Gbps Standard MeteredData in Amsterdam (Zone 1): 436.00 a month + 0.025 a GB. 10,000 GB a month in 2027-01,
    // growing 20% a year: 2028-01 carries 10,000 × 1.2 = 12,000 GB, 436 + 12,000 × 0.025 = 736.00, whether the budget
    // starts in 2027-01 (its month 13) or in 2028-01. Undated, the 2028-01 budget would start from 10,000 GB: 686.00.
    let text = """
      {"schemaVersion": 1, "startMonth": "START", "horizonMonths": 13, "sites": [{"name": "s", "yearlyGrowth": "0.2"ASOF,
        "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10000 GB"}]}}]}
      """
    func january2028(start: String, asOf: String?) throws -> Money {
      let json = text.replacingOccurrences(of: "START", with: start)
        .replacingOccurrences(of: "ASOF", with: asOf.map { #", "volumesAsOf": "\#($0)""# } ?? "")
      let budget = try BudgetPlanner(engine: Fixtures.engine()).budget(
        try Portfolio(json: Data(json.utf8), file: "p.json"))
      return budget.monthTotal(try #require(budget.months.firstIndex(of: MonthKey(year: 2028, month: 1))))
    }
    #expect(try january2028(start: "2027-01", asOf: "2027-01") == Fixtures.usd("736.00"))
    #expect(try january2028(start: "2028-01", asOf: "2027-01") == Fixtures.usd("736.00"))
    #expect(try january2028(start: "2028-01", asOf: nil) == Fixtures.usd("686.00"))
  }

  // MARK: Item 6: a falling series is projected from its last month, not its busiest

  @Test func aFallingSeriesIsProjectedFromItsLastMeasuredMonth() throws {
    // −5% a month: January 100,000 GB … June 100,000 × 0.95^5 = 77,378.09375 GB (the fit's level, to the MB 77,378.094).
    // From 2027-07: month k (0-based) is 77,378.094 × 0.95^(k+1); month 1 is 73,509.189 GB; the twelve months add up to
    // 77,378.094 × Σ 0.95^1…0.95^12 (factors to six decimals, each month to the megabyte) = 675,755.043 GB
    // (exactly 77,378.094 × 0.95 × (1 − 0.95^12) ÷ 0.05 = 675,755.14). The old base, January's 100,000 GB with
    // 0.95^0…0.95^11, said 919,280 GB: 36% too much.
    let falling = Self.series(
      from: Self.january2027, gigabytes: (0..<6).map { Decimal(100_000) * Decimal(pow(0.95, Double($0))) })
    let demand = try Self.demand(falling, start: MonthKey(year: 2027, month: 7))
    #expect(demand.monthlyEgress == .gigabytes(Fixtures.decimal("77378.094")))
    #expect(demand.egress(month: 0) == .gigabytes(Fixtures.decimal("73509.189")))
    let total = (0..<12).reduce(DataVolume.zero) { $0 + demand.egress(month: $1) }
    #expect(total == .gigabytes(Fixtures.decimal("675755.043")))
  }

  @Test func aOneMonthSpikeDoesNotBecomeTheBase() throws {
    // 50,000 GB a month January to June 2027, with March at 200,000 GB. Linear fit: slope
    // Σ(x − 2.5)(y − ȳ) ÷ Σ(x − 2.5)² = −75,000 ÷ 17.5 = −4,285.714 GB a month (R² 0.017), which would reach zero
    // within 15 months, so the compound fit is taken: d = −0.0396084, −37.8% a year, but R² 0.00 and a 95% interval of
    // −99.6% to +9,083.6% (t 2.776 × se 0.14996): it includes 0, so the trend is not projected. Growth is 0% and the
    // base the median of the six months, 50,000 GB. (The fitted level would have been 57,057.015 GB falling 37.8% a
    // year; the oldest code took the spike, 200,000 GB.)
    let spiky = Self.series(from: Self.january2027, gigabytes: [50_000, 50_000, 200_000, 50_000, 50_000, 50_000])
    let result = try SizingSolver(engine: Fixtures.engine()).solve(
      Self.profile(start: MonthKey(year: 2027, month: 6)), traffic: spiky)
    #expect(result.demand.monthlyEgress == .gigabytes(50_000))
    #expect(result.demand.yearlyGrowth == 0)
    #expect(result.demand.egress(month: 11) == .gigabytes(50_000))
    #expect(
      result.notes.contains(
        "the trend of series 'c', -37.8% a year (compound, R² 0.00; 95% interval -99.6% to +9083.6%), is not projected: its 95% interval includes 0% a year, so it is not distinguishable from flat; the plan takes 0% growth a year and the median measured month as the base (state \"yearlyGrowth\" or \"monthlyEgress\" in the profile for a lasting change)"
      ))
  }

  @Test func aSpikeInTheLastMonthIsNotATrend() throws {
    // 100,000 GB a month January to May 2027 and 300,000 GB in June (the reviewer's spikeend.csv). Logs: ln 100,000 five
    // times and ln 300,000 = ln 100,000 + ln 3 (1.098612). Compound slope d = Σ(x − 2.5)(ln y − mean) ÷ 17.5
    // = (2.5 × 1.098612 × 5/6 + (−2.5) × (−1.098612/6)) ÷ 17.5 = 0.156945 a month, e^(12d) − 1 = +557.5% a year,
    // R² 0.43 (linear 0.43 too, compound slightly better); se 0.090612, t(4 df) 2.776: interval
    // e^(12(d ∓ 2.776 × 0.090612)) − 1 = −67.9% to +13,353.2%. It includes 0, so it is not projected: the plan was
    // 177,795 GB growing 557.5% a year (999,269 GB by month 12); it is now the median month, 100,000 GB, flat.
    let spike = Self.series(from: Self.january2027, gigabytes: [100_000, 100_000, 100_000, 100_000, 100_000, 300_000])
    let result = try SizingSolver(engine: Fixtures.engine()).solve(Self.profile(start: nil), traffic: spike)
    #expect(result.demand.monthlyEgress == .gigabytes(100_000))
    #expect(result.demand.yearlyGrowth == 0)
    #expect(result.demand.egress(month: 11) == .gigabytes(100_000))
    #expect(
      result.notes.contains(
        "the trend of series 'c', +557.5% a year (compound, R² 0.43; 95% interval -67.9% to +13353.2%), is not projected: its 95% interval includes 0% a year, so it is not distinguishable from flat; the plan takes 0% growth a year and the median measured month as the base (state \"yearlyGrowth\" or \"monthlyEgress\" in the profile for a lasting change)"
      ))
    #expect(
      result.demand.basis.contains(
        "monthly outbound 100,000 GB: the median of the 6 measured months 2027-01 to 2027-06 (each scaled to 730 h; the last, 2027-06, measured 300,000 GB), as their trend is not distinguishable from flat"
      ))
    // With the growth stated, the stated rate applies to the same robust base: 100,000 × 1.1^(11/12) (1.091298 to six decimals) = 109,129.8 GB.
    var stated = Self.profile(start: nil)
    stated.yearlyGrowth = Fixtures.decimal("0.1")
    let withGrowth = try SizingSolver(engine: Fixtures.engine()).solve(stated, traffic: spike)
    #expect(withGrowth.demand.monthlyEgress == .gigabytes(100_000))
    #expect(withGrowth.demand.egress(month: 11) == .gigabytes(Fixtures.decimal("109129.8")))
  }

  @Test func noisyRealGrowthIsStillProjected() throws {
    // +10% a month with ±3% noise: 10,300, 10,670, 12,342, 13,043.8, 15,080.23, 15,621.947 GB. Compound slope
    // d = 0.0907376 (+197.1% a year), se 0.0075938: interval e^(12(d ∓ 2.776 × se)) − 1 = +130.7% to +282.6%, above 0,
    // so the trend is projected from its level in June, e^(c + 5d) = 15,916.203 GB.
    let noisy = Self.series(
      from: Self.january2027,
      gigabytes: ["10300", "10670", "12342", "13043.8", "15080.23", "15621.947"].map(Fixtures.decimal))
    let demand = try Self.demand(noisy, start: nil)
    guard case .fitted(let fit) = demand.growth else {
      Issue.record("the trend was not projected")
      return
    }
    #expect(fit.isProjected)
    #expect(GrowthFit.percent(fit.yearlyLow) == "+130.7%")
    #expect(GrowthFit.percent(fit.yearlyHigh) == "+282.6%")
    #expect(demand.monthlyEgress == .gigabytes(Fixtures.decimal("15916.203")))
  }

  // MARK: Item 7: a partly measured month never beats a fully measured one

  @Test func anHourOfDataIsNotScaledIntoTheBase() throws {
    // January: 32,850 GB over its 730 covered hours (45 GB an hour). February: one hour at 180 GB, which scaled to
    // 730 h would be 180 × 730 = 131,400 GB; it covers 1 ÷ 672 = 0.1% of February, under half, so it is left out and
    // listed. The base is January's 32,850 GB, and without a start plan month 1 is January, the last measured month.
    let traffic = Self.series(from: Self.january2027, gigabytes: [32_850, 180], partialHours: [1: 1])
    let result = try SizingSolver(engine: Fixtures.engine()).solve(Self.profile(start: nil), traffic: traffic)
    #expect(result.demand.monthlyEgress == .gigabytes(32_850))
    #expect(result.demand.egress(month: 0) == .gigabytes(32_850))
    #expect(result.demand.anchorOffset == 0)
    #expect(
      result.demand.basis.contains(
        "months under 50% covered by samples, left out of the volume and the growth fit: 2027-02 (0.1%)"))
  }

  @Test func noMonthHalfCoveredIsRefusedUnlessTheProfileGivesTheVolume() throws {
    // Two hours in 2027-03 and two in 2027-04 (the reviewer's two-tiny.csv): 2 ÷ 744 and 2 ÷ 720 of the months (0.3%).
    // Scaled to 730 h, April's 136.986 GB would have become 50,000 GB a month. The volume is unknown, and the billing
    // model and the VPN verdict would have been chosen at 0 GB: refused, naming the best-covered month.
    let traffic = Self.series(
      from: MonthKey(year: 2027, month: 3), gigabytes: [Fixtures.decimal("136.986"), Fixtures.decimal("136.986")],
      partialHours: [0: 2, 1: 2])
    let refused = Fixtures.diagnostic {
      _ = try SizingSolver(engine: Fixtures.engine()).solve(Self.profile(start: nil), traffic: traffic)
    }
    #expect(
      refused?.message
        == "series 'c' covers at most 0.3% of a month (2027-04), too little to know a month's outbound data (a month counts from 50% covered by samples; a month covered less is never scaled up to a whole one); give traffic.monthlyEgress in the profile, or a series covering at least half a month"
    )
    // With "monthlyEgress" in the profile, that volume is the base.
    var given = Self.profile(start: nil)
    given.monthlyEgress = .gigabytes(2_000)
    let known = try SizingSolver(engine: Fixtures.engine()).solve(given, traffic: traffic).demand
    #expect(known.egressIsKnown)
    #expect(known.monthlyEgress == .gigabytes(2_000))
  }

  // MARK: Item 8: charges fall only in their own months

  static let charges = [
    UserCharge(
      name: "old port", vendor: "OldCo", amount: 425, recurrence: .monthly, termMonths: 12,
      startMonth: MonthKey(year: 2019, month: 1)),
    UserCharge(
      name: "future port", vendor: "NewCo", amount: 600, recurrence: .monthly,
      startMonth: MonthKey(year: 2031, month: 1)),
    UserCharge(name: "colo", vendor: "Equinix", amount: 300, recurrence: .monthly),
  ]

  @Test func aQuoteForAMonthCountsOnlyTheChargesThatFallInIt() throws {
    // 2027-01: the port that ran 2019-01 to 2019-12 and the one that starts in 2031-01 are not counted; the
    // colocation fee (no start, so from the quote's month) is: 300.00 of the 1,325.00 the three would add up to.
    let falling = UserCharge.falling(Self.charges, in: Self.january2027)
    #expect(falling.charges.map(\.name) == ["colo"])
    #expect(
      falling.notes == [
        "charge 'old port' (OldCo): its 12-month term ended in 2019-12, before 2027-01, so not counted",
        "charge 'future port' (NewCo): starts in 2031-01, after 2027-01, so not counted",
      ])
  }

  @Test func aTermEndsOrRenewsAndTheBudgetSaysWhich() throws {
    // 1 Gbps Standard MeteredData in Amsterdam (Zone 1), no egress: 436.00 a month. A 425.00 port fee with a 12-month term
    // from 2027-01 in a 24-month budget: 2027 is 12 × (436 + 425) = 10,332.00; 2028 is 12 × 436 = 5,232.00 when the term
    // ends, and 5,232 + 12 × 425 = 5,232 + 5,100 = 10,332.00 when it renews.
    func budget(renews: Bool) throws -> Budget {
      var port = UserCharge(name: "port", vendor: "Megaport", amount: 425, recurrence: .monthly, termMonths: 12)
      port.renews = renews
      var deployment = Deployment(name: "d")
      deployment.circuits = [
        Circuit(
          name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1),
          monthlyEgress: .zero)
      ]
      let portfolio = Portfolio(
        name: "p", startMonth: Self.january2027, horizonMonths: 24,
        sites: [.init(name: "s", source: .deployment(deployment, yearlyGrowth: 0), charges: [port])])
      return try BudgetPlanner(engine: Fixtures.engine()).budget(portfolio)
    }
    let ending = try budget(renews: false)
    #expect(ending.yearTotals.map(\.total) == [Fixtures.usd("10332.00"), Fixtures.usd("5232.00")])
    #expect(
      ending.sites[0].notes.contains(
        "charge 'port' (Megaport): its 12-month term ends in 2027-12 and does not renew, so it is not counted from 2028-01 (give \"renews\": true if the contract goes on)"
      ))
    let renewing = try budget(renews: true)
    #expect(renewing.yearTotals.map(\.total) == [Fixtures.usd("10332.00"), Fixtures.usd("10332.00")])
    #expect(
      renewing.sites[0].notes.contains(
        "charge 'port' (Megaport): its 12-month term ends in 2027-12; it renews at the same amount from 2028-01 (\"renews\": true)"
      ))
  }

  @Test func renewsIsReadFromJSONAndOnlyForATermedMonthlyCharge() throws {
    let good = try JSONNode.parse(
      Data(
        #"[{"name": "p", "vendor": "v", "amount": "1.00", "recurrence": "monthly", "termMonths": 12, "renews": true}]"#
          .utf8), file: "c.json")
    #expect(try UserCharge.list(good).map(\.renews) == [true])
    let bad = try JSONNode.parse(
      Data(#"[{"name": "p", "vendor": "v", "amount": "1.00", "recurrence": "monthly", "renews": true}]"#.utf8),
      file: "c.json")
    let error = Fixtures.diagnostic { _ = try UserCharge.list(bad) }
    #expect(error?.message == "'renews' applies to a monthly charge with a 'termMonths'")
  }
}
