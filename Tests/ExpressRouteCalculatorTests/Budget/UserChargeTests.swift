import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The whole cost of connectivity: provider and colocation charges beside Microsoft's.
@Suite struct UserChargeTests {
  static let portfolio = """
    {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12, "sites": [
      {"name": "branch", "deployment": {
        "circuits": [{"name": "ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10000 GB"}],
        "charges": [
          {"name": "10G port and VLAN", "vendor": "Megaport", "amount": "450.00", "recurrence": "monthly", "termMonths": 12, "attachedTo": "ams"},
          {"name": "Installation", "vendor": "Megaport", "amount": "1200.00", "recurrence": "oneTime", "termMonths": 12, "startMonth": "2027-01", "attachedTo": "ams"}]}}]}
    """

  @Test func aProviderCircuitWithMonthlyAndOneTimeCharges() throws {
    // Circuit: 436 + 10,000 GB × 0.025 = 686.00 a month; Megaport port 450.00 a month for the 12-month term;
    // installation 1,200.00 once. 12 months: 12 × (686 + 450) + 1,200 = 13,632 + 1,200 = 14,832.00.
    let planner = BudgetPlanner(engine: try Fixtures.engine())
    let portfolio = try Portfolio(json: Data(Self.portfolio.utf8), file: "p.json")
    let plain = try planner.budget(portfolio)
    #expect(plain.total == Fixtures.usd("14832.00"))
    #expect(plain.monthTotal(0) == Fixtures.usd("2336.00"))  // 686 + 450 + 1,200
    #expect(plain.monthTotal(1) == Fixtures.usd("1136.00"))  // 686 + 450
    // Amortised over the 12-month term: 1,200 ÷ 12 = 100.00 a month, so every month is 1,236.00; the total is the same.
    let amortised = try planner.budget(portfolio, amortize: true)
    #expect(amortised.total == Fixtures.usd("14832.00"))
    #expect((0..<12).map(amortised.monthTotal).allSatisfy { $0 == Fixtures.usd("1236.00") })
    // The charge carries its vendor as source and USER as confidence.
    let line = try #require(plain.sites[0].months[0].lineItems.first { $0.meter == .userCharge("10G port and VLAN") })
    #expect(line.provenance.sourceID == "Megaport")
    #expect(line.provenance.confidence == .user)
  }

  @Test func aQuoteListsOneTimeChargesApart() throws {
    let node = try JSONNode.parse(Data(Self.portfolio.utf8), file: "p.json")
    let deployment = try Deployment(
      node: try node.object().required("sites").array()[0].object().required("deployment"))
    let quote = try Fixtures.engine().quote(deployment)
    // Monthly: 686 + 450 = 1,136.00; the installation is listed apart, not in the monthly total.
    #expect(quote.total == Fixtures.usd("1136.00"))
    #expect(quote.oneTime.map(\.amount) == [Fixtures.usd("1200.00")])
    #expect(quote.weakestConfidence == .confirmed)
  }

  @Test func amortisedSharesAddUpExactly() {
    // 1,000.00 over 3 months: 333.33, 333.33 and 333.34.
    let charge = UserCharge(name: "i", vendor: "v", amount: 1000, recurrence: .oneTime, termMonths: 3)
    let start = MonthKey(year: 2027, month: 1)
    let shares = (0..<4).map { charge.amount(in: start.advanced(by: $0), budgetStart: start, amortize: true) }
    #expect(shares == [Fixtures.decimal("333.33"), Fixtures.decimal("333.33"), Fixtures.decimal("333.34"), nil])
  }

  @Test func aSmallAmountOverALongTermHasNoNegativeMonth() {
    // 0.30 over 60 months is 30 cents for 60 months: month k takes ⌊30 (k+1)/60⌋ − ⌊30 k/60⌋ cents, so 0.00 in
    // even months and 0.01 in odd ones (the last, month 59, included), adding up to 0.30. Rounding every share to
    // 0.01 and letting the last take the rest would give 59 × 0.01 and −0.29.
    let charge = UserCharge(
      name: "survey", vendor: "v", amount: Fixtures.decimal("0.30"), recurrence: .oneTime, termMonths: 60)
    let start = MonthKey(year: 2027, month: 1)
    let shares = (0..<60).compactMap { charge.amount(in: start.advanced(by: $0), budgetStart: start, amortize: true) }
    #expect(shares.count == 60)
    #expect(shares.prefix(4) == [0, Fixtures.decimal("0.01"), 0, Fixtures.decimal("0.01")])
    #expect(shares.last == Fixtures.decimal("0.01"))
    #expect(shares.allSatisfy { $0 == 0 || $0 == Fixtures.decimal("0.01") })
    #expect(shares.reduce(0, +) == Fixtures.decimal("0.30"))
    // Billed once, whole, in the start month; the other months carry a share and bill nothing.
    let billing = (0..<61).map { charge.oneTimeBilling(in: start.advanced(by: $0), budgetStart: start, amortize: true) }
    #expect(billing[0] == OneTimeBilling(total: Fixtures.decimal("0.30"), billedThisMonth: true))
    #expect(
      billing[1...59].allSatisfy { $0 == OneTimeBilling(total: Fixtures.decimal("0.30"), billedThisMonth: false) })
    #expect(billing[60] == nil)
  }

  @Test func chargesInAnotherCurrencyOrOnAnUnknownCircuitAreErrors() throws {
    let text =
      #"{"circuits": [{"name": "ams", "zone": "Zone 1", "tier": "Standard", "bandwidth": "1 Gbps", "egress": "1 TB"}], "charges": [{"name": "x", "vendor": "v", "amount": "1.00", "currency": "EUR", "recurrence": "monthly"}]}"#
    let error = Fixtures.diagnostic {
      _ = try Fixtures.engine().quote(try Deployment(json: Data(text.utf8), file: "d.json"))
    }
    #expect(
      error?.message == "charge 'x' is in EUR, but the rate table is in USD (give charges in the table's currency)")
    let dangling = text.replacingOccurrences(of: #""currency": "EUR", "#, with: #""attachedTo": "lon", "#)
    let other = Fixtures.diagnostic {
      _ = try Fixtures.engine().quote(try Deployment(json: Data(dangling.utf8), file: "d.json"))
    }
    #expect(
      other?.message
        == "charge 'x' is attached to 'lon', which is neither a circuit nor a Direct port pair of the deployment")
  }
}

@Suite struct WholeCostPathTests {
  func solve(withCharges: Bool) throws -> SizingResult {
    // Direct 10 Gbps metered port pair at 3,500.00 a month (an override: the built-in table has no port price).
    var engine = try Fixtures.engine()
    try engine.rates.apply(
      overrideJSON: Data(
        """
        {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "q", "title": "quote", "date": "2026-11-01"}],
         "directPorts": {"source": "q", "confidence": "ESTIMATE", "rows": [{"portSpeed": "10 Gbps", "billing": "MeteredData", "monthly": "3500.00"}]}}
        """.utf8), file: "o.json")
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Amsterdam", monthlyEgress: .gigabytes(10_000), peakOutbound: .mbps(6000),
      yearlyGrowth: 0, gateways: 0)
    if withCharges {
      var port = UserCharge(name: "10G port and VLAN", vendor: "Megaport", amount: 1500, recurrence: .monthly)
      port.path = .provider
      var crossConnects = UserCharge(name: "2 cross-connects", vendor: "Equinix", amount: 600, recurrence: .monthly)
      crossConnects.path = .direct
      profile.charges = [port, crossConnects]
    }
    return try SizingSolver(engine: engine).solve(profile)
  }

  @Test func crossConnectAndPortChargesFlipTheChoice() throws {
    // 6,000 Mbps ÷ 0.8 = 7,500 Mbps → 10 Gbps. Provider: Standard MeteredData 10 Gbps 3,400 + 10,000 × 0.025 = 3,650 a month,
    // 43,800 over 12 months. Direct: the 3,500 port pair, no circuit fee, 250 egress = 3,750 a month, 45,000: provider wins by 1,200.
    let azureOnly = try solve(withCharges: false)
    #expect(azureOnly.pathComparison.last == "on the whole cost the provider circuit is cheaper by 1,200.00 USD")
    #expect(
      azureOnly.pathComparison.first
        == "no provider-side charges were given (port and VLAN fees): the provider side counts Azure's charges only")
    // With the provider's port (1,500 a month) and Direct's cross-connects (600 a month): provider 12 × 5,150 = 61,800;
    // Direct 12 × 4,350 = 52,200. Direct is now cheaper by 9,600.
    let whole = try solve(withCharges: true)
    #expect(whole.horizonTotal == Fixtures.usd("61800.00"))
    #expect(
      whole.pathComparison.last?.hasPrefix("on the whole cost ExpressRoute Direct is cheaper by 9,600.00 USD") == true)
  }
}

@Suite struct ChargeDiffTests {
  @Test func diffShowsChargesMonthlyAndOneTime() throws {
    // Adding a provider: +450.00 a month (its port) and a 1,200.00 installation, shown apart from the monthly change.
    let engine = try Fixtures.engine()
    let before = Deployment(
      name: "b",
      circuits: [
        Circuit(
          name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1),
          monthlyEgress: .gigabytes(1000))
      ])
    var after = before
    after.charges = [
      UserCharge(name: "port", vendor: "Megaport", amount: 450, recurrence: .monthly, attachedTo: "c"),
      UserCharge(name: "install", vendor: "Megaport", amount: 1200, recurrence: .oneTime, attachedTo: "c"),
    ]
    let report = DiffReport(before: try engine.quote(before), after: try engine.quote(after))
    #expect(report.afterTotal - report.beforeTotal == Fixtures.usd("450.00"))
    #expect(report.oneTimeCharges.count == 1)
    #expect(report.oneTimeCharges.first?.after == Fixtures.usd("1200.00"))
    #expect(report.render(.text).contains("One-time charges (not in the monthly amounts)"))
  }
}
