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

/// The estate invariants on random portfolios: budget(A ∪ B) = budget(A) + budget(B) for disjoint sites, site order
/// never matters, and adding an invalid or unpriceable site or resource never changes what the others cost.
///
/// Each case is built from its own seed (printed on failure); `ERCALC_ESTATE_SEED=n` runs that case alone.
@Suite struct EstatePropertyTests {
  static let cases = 200

  static let locations = ["Amsterdam", "London", "Frankfurt", "Singapore", "Sao Paulo", "Tokyo"]
  static let sizes: [Bandwidth] = [.mbps(50), .mbps(200), .gbps(1), .gbps(2), .gbps(10)]

  /// A valid deployment site: one or two circuits (metered ones with a volume within capacity), maybe a gateway.
  static func deploymentSite(_ name: String, _ random: inout SplitMix) -> Portfolio.Site {
    var deployment = Deployment(name: name)
    for index in 0..<Int.random(in: 1...2, using: &random) {
      let bandwidth = sizes.randomElement(using: &random) ?? .gbps(1)
      let billing: BillingFamily = Bool.random(using: &random) ? .metered : .unlimited
      // Up to a tenth of one direction's monthly capacity (bits/s × 730 h × 3,600 s ÷ 8 bits), whole GB.
      let capacityGB = bandwidth.bitsPerSecond * 730 * 3600 / 8 / 1_000_000_000
      let egress = DataVolume.gigabytes(Decimal(Int64.random(in: 0...max(capacityGB / 10, 1), using: &random)))
      deployment.circuits.append(
        Circuit(
          name: "c\(index)", peeringLocation: locations.randomElement(using: &random),
          tier: Bool.random(using: &random) ? .standard : .premium,
          billing: billing, bandwidth: bandwidth, monthlyEgress: billing == .metered ? egress : nil))
    }
    if Bool.random(using: &random) {
      deployment.gateways.append(
        Gateway(
          name: "g", sku: [GatewaySKU.erGw1AZ, .erGw2AZ, .erGw3AZ].randomElement(using: &random) ?? .erGw1AZ,
          circuits: ["c0"]))
    }
    let rates: [Decimal] = [0, Fixtures.decimal("0.1"), Fixtures.decimal("0.25")]
    let growth = rates.randomElement(using: &random) ?? 0
    return Portfolio.Site(
      name: name, source: .deployment(deployment, yearlyGrowth: growth), tags: ["side": String(name.prefix(1))])
  }

  /// A profile site the solver sizes (a small workload, so a case stays fast).
  static func profileSite(_ name: String, _ random: inout SplitMix) -> Portfolio.Site {
    let profile = WorkloadProfile(
      name: name, peeringLocation: locations.randomElement(using: &random) ?? "Amsterdam", targetRegions: [],
      monthlyEgress: .gigabytes(Decimal(Int.random(in: 100...20_000, using: &random))),
      peakOutbound: .mbps(Int64.random(in: 20...900, using: &random)), gateways: Int.random(in: 0...1, using: &random))
    return Portfolio.Site(name: name, source: .profile(profile))
  }

  static func sites(prefix: String, count: Int, _ random: inout SplitMix) -> [Portfolio.Site] {
    (0..<count).map { index in
      Int.random(in: 0..<5, using: &random) == 0
        ? profileSite("\(prefix)\(index)", &random) : deploymentSite("\(prefix)\(index)", &random)
    }
  }

  /// A site that cannot be budgeted: a circuit on a port pair the site lacks, Local where it is not sold, or a workload
  /// no provider circuit carries.
  static func invalidSite(_ name: String, _ random: inout SplitMix) -> Portfolio.Site {
    switch Int.random(in: 0..<3, using: &random) {
    case 0:
      let circuit = Circuit(
        name: "d", peeringLocation: "Frankfurt", tier: .standard, billing: .metered, bandwidth: .gbps(10),
        monthlyEgress: .gigabytes(10),
        directPort: "missing-ports")
      return Portfolio.Site(
        name: name, source: .deployment(Deployment(name: name, circuits: [circuit]), yearlyGrowth: 0))
    case 1:
      let circuit = Circuit(
        name: "l", peeringLocation: "Atlanta", tier: .local, billing: .unlimited, bandwidth: .gbps(1))
      return Portfolio.Site(
        name: name, source: .deployment(Deployment(name: name, circuits: [circuit]), yearlyGrowth: 0))
    default:
      let profile = WorkloadProfile(
        name: name, peeringLocation: "Amsterdam", targetRegions: [], monthlyEgress: .gigabytes(1000),
        peakOutbound: .gbps(20), gateways: 0)
      return Portfolio.Site(name: name, source: .profile(profile))
    }
  }

  /// Each site's month totals, by name.
  static func siteMonths(_ budget: Budget) -> [String: [Money]] {
    Dictionary(uniqueKeysWithValues: budget.sites.map { site in (site.name, site.months.map(\.total)) })
  }

  static func seeds() -> [UInt64] {
    if let seed = ProcessInfo.processInfo.environment["ERCALC_ESTATE_SEED"].flatMap({ UInt64($0) }) { return [seed] }
    return (0..<UInt64(cases)).map { 0xE57A_7E00 &+ $0 &* 7919 }
  }

  @Test func estatesAddUpWhateverTheOrderAndWhateverIsRefused() throws {
    let planner = BudgetPlanner(engine: try Fixtures.engine())
    let start = MonthKey(year: 2027, month: 1)
    for seed in Self.seeds() {
      var random = SplitMix(state: seed)
      let months = Int.random(in: 1...6, using: &random)
      let a = Self.sites(prefix: "a", count: Int.random(in: 1...3, using: &random), &random)
      let b = Self.sites(prefix: "b", count: Int.random(in: 1...3, using: &random), &random)
      func budget(_ sites: [Portfolio.Site]) throws -> Budget {
        try planner.budget(Portfolio(name: "p", startMonth: start, horizonMonths: months, sites: sites))
      }
      let context = "seed \(seed) (rerun with ERCALC_ESTATE_SEED=\(seed))"
      let budgetA = try budget(a)
      let budgetB = try budget(b)
      let union = try budget(a + b)
      // Disjoint sites add up, month by month and in total; nothing valid was refused.
      #expect(
        union.refused.isEmpty && budgetA.refused.isEmpty && budgetB.refused.isEmpty, "\(context): \(union.refused)")
      #expect(union.total == budgetA.total + budgetB.total, "\(context)")
      #expect(union.monthTotals == zip(budgetA.monthTotals, budgetB.monthTotals).map { $0 + $1 }, "\(context)")
      #expect(union.unpriced.count == budgetA.unpriced.count + budgetB.unpriced.count, "\(context)")
      // Any order: the same site costs, the same total.
      var shuffled = a + b
      shuffled.shuffle(using: &random)
      let reordered = try budget(shuffled)
      #expect(Self.siteMonths(reordered) == Self.siteMonths(union), "\(context)")
      #expect(reordered.total == union.total && reordered.monthTotals == union.monthTotals, "\(context)")
      // An invalid site, anywhere: refused with its reason, and every other site costs what it did.
      var withInvalid = a + b
      withInvalid.insert(Self.invalidSite("bad", &random), at: Int.random(in: 0...withInvalid.count, using: &random))
      let refusing = try budget(withInvalid)
      #expect(refusing.refused.map(\.site) == ["bad"] && refusing.refused.first?.reason.isEmpty == false, "\(context)")
      #expect(Self.siteMonths(refusing) == Self.siteMonths(union), "\(context)")
      #expect(refusing.total == union.total, "\(context)")
      // An unpriceable resource (a Direct port pair: no published price) added to one deployment site: it is listed,
      // and every priced line of every site is what it was.
      var withPort = a + b
      if let index = withPort.indices.first(where: { if case .deployment = withPort[$0].source { true } else { false } }
      ),
        case .deployment(var deployment, let growth) = withPort[index].source
      {
        deployment.directPorts.append(
          DirectPortPair(name: "ports", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered))
        withPort[index].source = .deployment(deployment, yearlyGrowth: growth)
        let unpriceable = try budget(withPort)
        #expect(Self.siteMonths(unpriceable) == Self.siteMonths(union), "\(context)")
        #expect(unpriceable.unpriced.count == union.unpriced.count + 1, "\(context)")
      }
    }
  }
}
