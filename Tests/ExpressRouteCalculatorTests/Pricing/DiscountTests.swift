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

/// Break-evens come from the prices billed (list less any negotiated discount), the prices every amount uses.
@Suite struct DiscountedBreakEvenTests {
  static func volume(_ result: BreakEven) -> Decimal? {
    switch result.outcome {
    case .crossover(let volume, _), .beyondCapacity(let volume, _): return volume.gigabytes
    default: return nil
    }
  }

  @Test func aCircuitDiscountMovesTheMeteredUnlimitedBreakEven() throws {
    var engine = try Fixtures.engine()
    // List, Standard 1 Gbps in Zone 1: UnlimitedData 5,700, MeteredData 436, outbound 0.025/GB:
    // (5,700 − 436) ÷ 0.025 = 5,264 ÷ 0.025 = 210,560 GB.
    #expect(Self.volume(engine.breakEven(tier: .standard, bandwidth: .gbps(1), zone: .zone1)) == 210_560)
    // circuits=50%: only the two circuit fees halve, the data price stays: (2,850 − 218) ÷ 0.025 = 2,632 ÷ 0.025 = 105,280 GB.
    engine.discounts = Discounts(bySection: ["circuits": Fixtures.decimal("0.5")])
    #expect(Self.volume(engine.breakEven(tier: .standard, bandwidth: .gbps(1), zone: .zone1)) == 105_280)
    // egress=50%: (5,700 − 436) ÷ 0.0125 = 421,120 GB, beyond the 328,500 GB one direction carries at 1 Gbps and 730 h.
    engine.discounts = Discounts(bySection: ["egress": Fixtures.decimal("0.5")])
    let beyond = engine.breakEven(tier: .standard, bandwidth: .gbps(1), zone: .zone1)
    guard case .beyondCapacity = beyond.outcome else {
      Issue.record("expected no crossover within capacity, got \(beyond.outcome)")
      return
    }
    #expect(Self.volume(beyond) == 421_120)
  }

  @Test func theLocalBreakEvenUsesDiscountedFeesAndData() throws {
    var engine = try Fixtures.engine()
    engine.discounts = Discounts(all: Fixtures.decimal("0.12"))
    let amsterdam = try #require(engine.locations.location(named: "Amsterdam"))
    let comparison = try engine.compare(location: amsterdam, bandwidth: .gbps(1), monthlyEgress: .gigabytes(27_000))
    // 12% off everything: Local 1,200 × 0.88 = 1,056.00; Standard MeteredData 436 × 0.88 = 383.68; data 0.025 × 0.88 = 0.022/GB.
    // (1,056 − 383.68) ÷ 0.022 = 672.32 ÷ 0.022 = 30,560 GB (the same as (1,200 − 436) ÷ 0.025 = 764 ÷ 0.025: a uniform discount
    // moves no break-even). Mixing the discounted Local fee with list prices gave (1,056 − 436) ÷ 0.025 = 24,800 GB.
    #expect(
      comparison.localBreakEven
        == "Local is cheaper than Standard metered above 30,560 GB/month (all VNets must be in the local region)")
    // At 27,000 GB, below the break-even, Standard metered is cheaper: 383.68 + 27,000 × 0.022 = 383.68 + 594.00 = 977.68 < 1,056.00.
    #expect(comparison.cheapest?.label == "Standard MeteredData")
    #expect(comparison.cheapest?.monthlyTotal == Fixtures.usd("977.68"))
    #expect(comparison.options.first { $0.tier == .local }?.monthlyTotal == Fixtures.usd("1056.00"))
    // circuits=50%: (600 − 218) ÷ 0.025 = 382 ÷ 0.025 = 15,280 GB.
    engine.discounts = Discounts(bySection: ["circuits": Fixtures.decimal("0.5")])
    let halved = try engine.compare(location: amsterdam, bandwidth: .gbps(1), monthlyEgress: .gigabytes(27_000))
    #expect(
      halved.localBreakEven
        == "Local is cheaper than Standard metered above 15,280 GB/month (all VNets must be in the local region)")
  }

  @Test func reportsSayTheAmountsAreDiscounted() throws {
    var engine = try Fixtures.engine()
    #expect(engine.basis.facts.first?.value == "Azure ExpressRoute retail prices (USD, pay-as-you-go)")
    engine.discounts = Discounts(all: Fixtures.decimal("0.12"))
    #expect(
      engine.basis.facts.first?.value
        == "Azure ExpressRoute retail prices (USD, pay-as-you-go) with negotiated discount 12% on all Azure charges")
    let amsterdam = try #require(engine.locations.location(named: "Amsterdam"))
    let report = ComparisonReport(
      comparison: try engine.compare(location: amsterdam, bandwidth: .gbps(1), monthlyEgress: .gigabytes(27_000)))
    #expect(report.json["negotiatedDiscount"] == .string("12% on all Azure charges"))
    #expect(report.json["priceTable"] == .string("Azure ExpressRoute retail prices (USD, pay-as-you-go)"))
  }
}

/// Where discounts come from: `--discount` values need their `%`, and one family is given one discount in one place.
@Suite struct DiscountSourceTests {
  @Test func optionValuesNeedTheirPercentSign() {
    #expect(Discounts.parse(option: "12%")?.family == "all")
    #expect(Discounts.parse(option: "12%")?.fraction == Fixtures.decimal("0.12"))
    #expect(Discounts.parse(option: "circuits=10%")?.family == "circuits")
    #expect(Discounts.parse(option: "0.5%")?.fraction == Fixtures.decimal("0.005"))
    for bad in ["0.12", "12", "circuits=10", "100%", "pizza=10%", "-5%", "12 %", "%", "=10%"] {
      #expect(Discounts.parse(option: bad) == nil, "\(bad)")
    }
    #expect(Discounts.lacksPercentSign("0.12"))
    #expect(Discounts.lacksPercentSign("circuits=10"))
    #expect(!Discounts.lacksPercentSign("pizza=10"))
    #expect(!Discounts.lacksPercentSign("12%"))
  }

  @Test func aFamilyGivenTwoDiscountsInTwoPlacesIsAConflict() {
    var discounts = Discounts()
    #expect(discounts.set(Fixtures.decimal("0.1"), on: "all", from: "--discount 10%") == nil)
    #expect(discounts.set(Fixtures.decimal("0.1"), on: "all", from: "--discount 10%") == nil)  // the same twice agrees
    let conflict = discounts.set(Fixtures.decimal("0.2"), on: "all", from: "--discount 20%")
    #expect(
      conflict?.message
        == "two different discounts on all Azure charges: 10% (--discount 10%) and 20% (--discount 20%); give the discount in one place only"
    )
    #expect(discounts.all == Fixtures.decimal("0.1"))  // unchanged
    // A family's own discount beside the one on everything is no conflict: the family's wins (documented).
    #expect(discounts.set(Fixtures.decimal("0.3"), on: "circuits", from: "--discount circuits=30%") == nil)
    #expect(discounts.rate(for: .egress(.zone1)) == Fixtures.decimal("0.1"))
    #expect(discounts.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1)) == Fixtures.decimal("0.3"))
    #expect(
      discounts.set(Fixtures.decimal("0.25"), on: "circuits", from: "ea.json")?.earlier.place
        == "--discount circuits=30%")
  }

  @Test func twoOverrideFilesGivingOneFamilyTwoDiscountsAreRefused() throws {
    func override(_ discounts: String) -> Data {
      Data(
        """
        {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "ea", "title": "EA", "date": "2026-11-01"}],
         "discounts": \(discounts)}
        """.utf8)
    }
    var table = try RateTable.embeddedDefault()
    try table.apply(overrideJSON: override(#"{"all": "10", "egress": "5"}"#), file: "a.json")
    try table.apply(overrideJSON: override(#"{"egress": "5"}"#), file: "same.json")  // agrees: no conflict
    let error = Fixtures.diagnostic {
      try table.apply(overrideJSON: override(#"{"circuits": "7", "egress": "6"}"#), file: "b.json")
    }
    #expect(
      error?.description
        == "b.json:2:43: error: discounts.egress: two different discounts on egress: 5% (override file 'a.json') and 6% (override file 'b.json'); give the discount in one place only"
    )
  }
}

/// The invariants of discounts, over seeded random circuits, volumes and discounts (the seed of a failing case is in
/// its message; `SplitMix(state: seed)` repeats it).
@Suite struct DiscountPropertyTests {
  static let locations = [
    "Amsterdam", "Tokyo", "Sao Paulo", "Washington DC", "Atlanta", "Bogota", "Singapore", "London",
  ]

  /// A random circuit to compare: location, provider size and outbound volume (whole and fractional GB).
  static func draw(_ random: inout SplitMix, engine: PricingEngine) -> (PeeringLocation, Bandwidth, DataVolume)? {
    guard let location = engine.locations.location(named: locations[Int(random.next() % UInt64(locations.count))])
    else { return nil }
    let bandwidth = Bandwidth.providerSizes[Int(random.next() % UInt64(Bandwidth.providerSizes.count))]
    let capacity = engine.monthlyCapacity(of: bandwidth).gigabytes
    let share = Decimal(random.next() % 1_000_001) / 1_000_000
    let egress = (capacity * share * Decimal(random.next() % 3 == 0 ? 2 : 1)).rounded(
      toPlaces: 3, rule: .toNearestOrEven)
    return (location, bandwidth, .gigabytes(egress))
  }

  /// A percentage from 0.01% to 99.99% with up to two decimals, as a fraction.
  static func fraction(_ random: inout SplitMix) -> Decimal { Decimal(1 + random.next() % 9_999) / 10_000 }

  @Test func aUniformDiscountScalesEveryAmountAndMovesNoBreakEvenOrRecommendation() throws {
    let list = try Fixtures.engine()
    var cases = 0
    for trial in 0..<240 {
      let seed = 0x5EED_0000 + UInt64(trial)
      var random = SplitMix(state: seed)
      guard let (location, bandwidth, egress) = Self.draw(&random, engine: list) else { continue }
      let d = Self.fraction(&random)
      var discounted = list
      discounted.discounts = Discounts(all: d)
      let a = try list.compare(location: location, bandwidth: bandwidth, monthlyEgress: egress)
      let b = try discounted.compare(location: location, bandwidth: bandwidth, monthlyEgress: egress)
      let context = "seed \(seed): \(location.name) \(bandwidth) \(egress), \(d * 100)% off"
      #expect(b.breakEvens == a.breakEvens, "\(context)")
      #expect(b.localBreakEven == a.localBreakEven, "\(context)")
      #expect(b.curve?.breakEven == a.curve?.breakEven, "\(context)")
      #expect(b.cheapest?.label == a.cheapest?.label, "\(context)")
      #expect(b.options.map(\.label) == a.options.map(\.label), "\(context)")
      for (x, y) in zip(a.options, b.options) {
        let listItems = x.quote?.lineItems ?? []
        let items = y.quote?.lineItems ?? []
        #expect(items.count == listItems.count, "\(context)")
        for (item, listItem) in zip(items, listItems) {
          // Every amount is the list amount × (1 − d), exactly, before its one rounding to cents.
          let exact = listItem.unitPrice.amount * listItem.quantity
          #expect(item.listAmount == listItem.amount, "\(context)")
          #expect(
            item.amount == Money(exact * (1 - d), currency: .usd).rounded(toPlaces: 2, rule: .lineItem), "\(context)")
        }
      }
      let tier: CircuitTier = random.next() % 2 == 0 ? .standard : .premium
      #expect(discounted.breakEvenMatrix(tier: tier) == list.breakEvenMatrix(tier: tier), "\(context)")
      cases += 1
    }
    #expect(cases >= 200)
  }

  @Test func aFamilyDiscountGivesWhatTheDiscountedRatesGive() throws {
    let list = try Fixtures.engine()
    var cases = 0
    for trial in 0..<240 {
      let seed = 0xFA00_0000 + UInt64(trial)
      var random = SplitMix(state: seed)
      guard let (location, bandwidth, egress) = Self.draw(&random, engine: list) else { continue }
      var discounts = Discounts()
      if random.next() % 3 == 0 { discounts.all = Self.fraction(&random) }
      for family in ["circuits", "egress", "gateways"] where random.next() % 2 == 0 {
        discounts.bySection[family] = Self.fraction(&random)
      }
      var discounted = list
      discounted.discounts = discounts
      // The same prices written into the table: each rate × (1 − its family's discount), and no discount.
      var table = list.rates
      for rate in list.rates.rates {
        guard let price = rate.price else { continue }
        var cheaper = rate
        cheaper.price = Money(price.amount * (1 - discounts.rate(for: rate.meter)), currency: price.currency)
        table.upsert(cheaper)
      }
      let recomputed = PricingEngine(rates: table, locations: list.locations)
      let a = try discounted.compare(location: location, bandwidth: bandwidth, monthlyEgress: egress)
      let b = try recomputed.compare(location: location, bandwidth: bandwidth, monthlyEgress: egress)
      let context = "seed \(seed): \(location.name) \(bandwidth) \(egress), \(discounts.summary)"
      #expect(a.breakEvens == b.breakEvens, "\(context)")
      #expect(a.localBreakEven == b.localBreakEven, "\(context)")
      #expect(a.curve?.breakEven == b.curve?.breakEven, "\(context)")
      #expect(a.curve?.metered == b.curve?.metered && a.curve?.unlimited == b.curve?.unlimited, "\(context)")
      #expect(a.options.map(\.label) == b.options.map(\.label), "\(context)")
      #expect(a.options.map(\.monthlyTotal) == b.options.map(\.monthlyTotal), "\(context)")
      #expect(
        a.options.map { $0.quote?.lineItems.map(\.amount) } == b.options.map { $0.quote?.lineItems.map(\.amount) },
        "\(context)")
      #expect(discounted.breakEvenMatrix(tier: .premium) == recomputed.breakEvenMatrix(tier: .premium), "\(context)")
      cases += 1
    }
    #expect(cases >= 200)
  }
}

/// The sizing plan (the recommendation and every later step) does not move under a discount on everything.
@Suite struct DiscountedSizingPropertyTests {
  @Test func aUniformDiscountMovesNoRecommendation() throws {
    let list = try Fixtures.engine()
    let locations = ["Amsterdam", "Tokyo", "Sao Paulo", "Washington DC", "Atlanta", "London"]
    var cases = 0
    for trial in 0..<330 {
      let seed = 0x512E_0000 + UInt64(trial)
      var random = SplitMix(state: seed)
      let location = locations[Int(random.next() % UInt64(locations.count))]
      let peak = Bandwidth.mbps(Int64(20 + random.next() % 6000))
      let egress = Decimal(random.next() % 900_000) + Decimal(random.next() % 1000) / 1000
      let growth = ["0", "0.1", "0.3", "0.8"][Int(random.next() % 4)]
      let profile = WorkloadProfile(
        name: "r", peeringLocation: location,
        targetRegions: location == "Amsterdam" || location == "London" ? ["West Europe"] : [],
        monthlyEgress: .gigabytes(egress),
        peakOutbound: peak, yearlyGrowth: Fixtures.decimal(growth), horizonMonths: Int(1 + random.next() % 36),
        gateways: 0)
      let d = DiscountPropertyTests.fraction(&random)
      var discounted = list
      discounted.discounts = Discounts(all: d)
      let context = "seed \(seed): \(location) \(peak) \(egress) GB, growth \(growth), \(d * 100)% off"
      let a = try? SizingSolver(engine: list).solve(profile)
      let b = try? SizingSolver(engine: discounted).solve(profile)
      #expect((a == nil) == (b == nil), "\(context)")
      guard let a, let b else { continue }
      func steps(_ result: SizingResult) -> [String] {
        result.plan.map { "\($0.month) \($0.tier.name) \($0.billing.name) \($0.bandwidth)" }
      }
      #expect(steps(b) == steps(a), "\(context)")
      cases += 1
    }
    #expect(cases >= 200)
  }
}
