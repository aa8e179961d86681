import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct PricingEngineTests {
  func circuit(
    _ name: String, at location: String = "Amsterdam", _ tier: CircuitTier, _ billing: BillingFamily,
    _ bandwidth: Bandwidth,
    egress: String = "0GB", port: String? = nil
  ) -> Circuit {
    Circuit(
      name: name, peeringLocation: location, tier: tier, billing: billing, bandwidth: bandwidth,
      monthlyEgress: DataVolume(parsing: egress) ?? .zero, directPort: port)
  }

  func circuit(
    at location: String = "Amsterdam", _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth,
    egress: String = "0GB",
    port: String? = nil
  ) -> Circuit {
    circuit("c", at: location, tier, billing, bandwidth, egress: egress, port: port)
  }

  @Test func standardMetered1GbpsZone1With40000GB() throws {
    // 436 (Standard MeteredData 1 Gbps, Zone 1) + 40,000 GB × 0.025 = 436 + 1,000 = 1,436.00
    let quote = try Fixtures.engine().quote(
      Deployment(name: "t", circuits: [circuit(.standard, .metered, .gbps(1), egress: "40000GB")]))
    #expect(quote.lineItems.map(\.amount) == [Fixtures.usd("436.00"), Fixtures.usd("1000.00")])
    #expect(quote.total == Fixtures.usd("1436.00"))
    #expect(quote.isComplete)
    #expect(quote.lineItems[0].provenance.confidence == .confirmed)
  }

  @Test func premiumUnlimited10GbpsZone2() throws {
    // Premium UnlimitedData 10 Gbps, Zone 2 (Tokyo) = 85,000.00; no egress charge on unlimited.
    let quote = try Fixtures.engine().quote(
      Deployment(name: "t", circuits: [circuit(at: "Tokyo", .premium, .unlimited, .gbps(10), egress: "500TB")]))
    #expect(quote.total == Fixtures.usd("85000.00"))
    #expect(quote.lineItems.count == 1)
  }

  @Test func gatewaysBillHoursTimesRate() throws {
    // ErGw2AZ: 730 h × 0.632 = 461.36. ErGwScale 10 units: 730 × 10 × 0.21 = 1,533.00.
    // Two UltraPerformance: 730 × 2 × 1.87 = 2,730.20.
    let engine = try Fixtures.engine()
    let deployment = Deployment(
      name: "t", circuits: [circuit(.standard, .metered, .gbps(1))],
      gateways: [
        Gateway(name: "a", sku: .erGw2AZ, circuits: ["c"]),
        Gateway(name: "b", sku: .erGwScale, scaleUnits: 10, circuits: ["c"], fastPath: true),
        Gateway(name: "u", sku: .ultraPerformance, count: 2),
      ])
    let amounts = try engine.quote(deployment).lineItems.filter { $0.meter.section.contains("ateway") }.map(\.amount)
    #expect(amounts == [Fixtures.usd("461.36"), Fixtures.usd("1533.00"), Fixtures.usd("2730.20")])
  }

  @Test func hoursPerMonthIsExplicit() throws {
    // 744 h × 0.361 = 268.584 → 268.58
    var engine = try Fixtures.engine()
    engine.hoursPerMonth = 744
    let quote = try engine.quote(Deployment(name: "t", gateways: [Gateway(name: "g", sku: .erGw1AZ)]))
    #expect(quote.total == Fixtures.usd("268.58"))
    #expect(quote.hoursPerMonth == 744)
  }

  @Test func localIncludesEgressAndZone2Egress() throws {
    // Local 1 Gbps Zone 1 = 1,200 with egress included; Standard metered 1 Gbps Singapore (Zone 2):
    // 436 + 10,000 GB × 0.05 = 936.00.
    let engine = try Fixtures.engine()
    let quote = try engine.quote(
      Deployment(
        name: "t",
        circuits: [
          circuit("l", .local, .unlimited, .gbps(1), egress: "300TB"),
          circuit("s", at: "Singapore", .standard, .metered, .gbps(1), egress: "10TB"),
        ]))
    #expect(quote.total == Fixtures.usd("2136.00"))
  }

  @Test func directCircuitsHaveNoFeeAndUnknownPortPricesAreUnpriced() throws {
    // Standard 10 Gbps metered on a 10G Direct pair: no circuit fee; egress 1,000 GB × 0.025 = 25.00.
    // The port pair itself has no published price: unpriced, never zero.
    let engine = try Fixtures.engine()
    let quote = try engine.quote(
      Deployment(
        name: "t", circuits: [circuit(.standard, .metered, .gbps(10), egress: "1000GB", port: "p")],
        directPorts: [DirectPortPair(name: "p", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)]))
    #expect(quote.total == Fixtures.usd("25.00"))
    #expect(quote.unpriced.map(\.meter) == [.directPortPair(.gbps10, .metered)])
    #expect(quote.notes.count == 1)
  }

  @Test func globalReachIsChargedBothEndsByZoneAndUnpricedByDefault() throws {
    let engine = try Fixtures.engine()
    let deployment = Deployment(
      name: "t",
      circuits: [circuit("a", .premium, .metered, .gbps(1)), circuit("b", at: "Tokyo", .premium, .metered, .gbps(1))],
      globalReach: [GlobalReachLink(circuitA: "a", circuitB: "b", dataAToB: .gigabytes(100), dataBToA: .gigabytes(50))])
    let quote = try engine.quote(deployment)
    #expect(
      quote.unpriced.map(\.meter) == [
        .globalReach(.zone1, .outbound), .globalReach(.zone2, .inbound), .globalReach(.zone2, .outbound),
        .globalReach(.zone1, .inbound),
      ])
    #expect(quote.unpriced.map(\.quantity) == [100, 100, 50, 50])

    // With an override at 0.02/GB out and in, Zone 1 and Zone 2: (100 + 100 + 50 + 50) GB × 0.02 = 6.00,
    // on top of Premium MeteredData 1 Gbps in Zone 1 (1,186) and Zone 2 (1,886).
    var priced = engine
    for zone in [Zone.zone1, .zone2] {
      for direction in [GlobalReachDirection.outbound, .inbound] {
        priced.rates.upsert(
          Rate(
            meter: .globalReach(zone, direction), price: Fixtures.usd("0.02"),
            provenance: Provenance(sourceID: "o", date: "2026-01-01", confidence: .estimate)))
      }
    }
    let pricedQuote = try priced.quote(deployment)
    #expect(pricedQuote.isComplete)
    #expect(pricedQuote.total == Fixtures.usd("3078.00"))
  }

  @Test func trafficCollectorAndBackupVPN() throws {
    // Collector Zone 1: 730 × 0.60 = 438.00, plus 200 GB × 0.10 = 20.00. VpnGw1AZ: 730 × 0.21 = 153.30.
    // VpnGw3AZ has no price in the reference: unpriced.
    let engine = try Fixtures.engine()
    let quote = try engine.quote(
      Deployment(
        name: "t", circuits: [circuit(.standard, .unlimited, .gbps(1))],
        trafficCollectors: [TrafficCollector(name: "etc", circuits: ["c"], processedData: .gigabytes(200))],
        vpnGateways: [VPNGateway(name: "v", sku: .vpnGw1AZ), VPNGateway(name: "w", sku: .vpnGw3AZ)]))
    #expect(
      quote.lineItems.map(\.amount) == [
        Fixtures.usd("5700.00"), Fixtures.usd("438.00"), Fixtures.usd("20.00"), Fixtures.usd("153.30"),
      ])
    #expect(quote.unpriced.map(\.meter) == [.vpnGateway(.vpnGw3AZ)])
  }

  struct RuleCase: Sendable, CustomTestStringConvertible {
    let id: String
    let deployment: Deployment
    let expected: String
    var testDescription: String { id }
  }

  static let ruleCases: [RuleCase] = {
    func c(
      _ name: String, _ location: String, _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth,
      port: String? = nil
    ) -> Circuit {
      Circuit(
        name: name, peeringLocation: location, tier: tier, billing: billing, bandwidth: bandwidth, directPort: port)
    }
    func c(_ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, port: String? = nil) -> Circuit {
      c("c", "Amsterdam", tier, billing, bandwidth, port: port)
    }
    return [
      RuleCase(
        id: "local metered", deployment: Deployment(name: "t", circuits: [c(.local, .metered, .gbps(1))]),
        expected:
          "error: [local-unlimited-only] circuit 'c' is Local, and Local provider circuits are UnlimitedData only (on a Direct port pair a Local circuit takes the pair's billing)"
      ),
      RuleCase(
        id: "local small", deployment: Deployment(name: "t", circuits: [c(.local, .unlimited, .mbps(500))]),
        expected: "error: [local-min-bandwidth] circuit 'c' is Local at 500 Mbps; Local starts at 1 Gbps"),
      RuleCase(
        id: "local without region",
        deployment: Deployment(name: "t", circuits: [c("c", "Atlanta", .local, .unlimited, .gbps(1))]),
        expected:
          "error: [local-needs-local-region] circuit 'c' is Local, but Atlanta has no local Azure region, so Local is not sold there"
      ),
      RuleCase(
        id: "provider above 10G", deployment: Deployment(name: "t", circuits: [c(.standard, .metered, .gbps(40))]),
        expected:
          "error: [provider-bandwidths] circuit 'c' is 40 Gbps, which is not a provider circuit size (expected 50 Mbps, 100 Mbps, 200 Mbps, 500 Mbps, 1 Gbps, 2 Gbps, 5 Gbps, 10 Gbps) (more than 10 Gbps needs ExpressRoute Direct)"
      ),
      RuleCase(
        id: "direct size",
        deployment: Deployment(
          name: "t", circuits: [c(.standard, .metered, .gbps(40), port: "p")],
          directPorts: [DirectPortPair(name: "p", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)]),
        expected:
          "error: [direct-circuit-sizes] circuit 'c' is 40 Gbps, but a 10 Gbps Direct pair offers 1 Gbps, 2 Gbps, 5 Gbps, 10 Gbps"
      ),
      RuleCase(
        id: "direct oversubscribed",
        deployment: Deployment(
          name: "t",
          circuits: [
            c("a", "Amsterdam", .standard, .metered, .gbps(10), port: "p"),
            c("b", "Amsterdam", .standard, .metered, .gbps(10), port: "p"),
            c("d", "Amsterdam", .standard, .metered, .gbps(5), port: "p"),
          ], directPorts: [DirectPortPair(name: "p", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)]),
        expected:
          "error: [direct-subscription-limit] circuits on Direct port pair 'p' total 25 Gbps, above the pair's 20 Gbps limit (twice one 10 Gbps port)"
      ),
      RuleCase(
        id: "direct billing",
        deployment: Deployment(
          name: "t", circuits: [c(.standard, .unlimited, .gbps(10), port: "p")],
          directPorts: [DirectPortPair(name: "p", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)]),
        expected:
          "error: [direct-billing-matches-port] circuit 'c' is UnlimitedData, but Direct port pair 'p' is MeteredData"),
      RuleCase(
        id: "global reach local",
        deployment: Deployment(
          name: "t",
          circuits: [
            c("a", "Amsterdam", .local, .unlimited, .gbps(1)), c("b", "London", .standard, .metered, .gbps(1)),
          ],
          globalReach: [GlobalReachLink(circuitA: "a", circuitB: "b")]),
        expected:
          "error: [global-reach-not-local] Global Reach link a <-> b includes a Local circuit; Global Reach needs Standard or Premium"
      ),
      RuleCase(
        id: "global reach across regions",
        deployment: Deployment(
          name: "t",
          circuits: [
            c("a", "Amsterdam", .premium, .metered, .gbps(1)), c("b", "Tokyo", .standard, .metered, .gbps(1)),
          ],
          globalReach: [GlobalReachLink(circuitA: "a", circuitB: "b")]),
        expected:
          "error: [global-reach-premium-across-geopolitical] Global Reach link a <-> b crosses geopolitical regions (Europe to Japan); both circuits must be Premium"
      ),
      RuleCase(
        id: "global reach same location",
        deployment: Deployment(
          name: "t",
          circuits: [
            c("a", "Amsterdam", .standard, .metered, .gbps(1)), c("b", "Amsterdam", .standard, .metered, .gbps(1)),
          ],
          globalReach: [GlobalReachLink(circuitA: "a", circuitB: "b")]),
        expected:
          "error: [global-reach-different-locations] Global Reach link a <-> b joins two circuits at Amsterdam; Global Reach links circuits at different peering locations"
      ),
      RuleCase(
        id: "fastpath",
        deployment: Deployment(name: "t", gateways: [Gateway(name: "g", sku: .erGw2AZ, fastPath: true)]),
        expected:
          "error: [gateway-fastpath] gateway 'g' wants FastPath, which ErGw2AZ does not support (needs UltraPerformance, ErGw3AZ or ErGwScale with 10 or more scale units)"
      ),
      RuleCase(
        id: "fastpath scale",
        deployment: Deployment(
          name: "t", gateways: [Gateway(name: "g", sku: .erGwScale, scaleUnits: 9, fastPath: true)]),
        expected:
          "error: [gateway-fastpath] gateway 'g' wants FastPath, which ErGwScale with 9 scale units does not support (needs UltraPerformance, ErGw3AZ or ErGwScale with 10 or more scale units)"
      ),
      RuleCase(
        id: "scale units",
        deployment: Deployment(name: "t", gateways: [Gateway(name: "g", sku: .erGwScale, scaleUnits: 41)]),
        expected: "error: [gateway-scale-units] gateway 'g' is ErGwScale and needs scaleUnits from 1 to 40, not 41"),
      RuleCase(
        id: "gateway circuits",
        deployment: Deployment(
          name: "t", circuits: ["a", "b", "d", "e", "f"].map { c($0, "Amsterdam", .standard, .metered, .gbps(1)) },
          gateways: [Gateway(name: "g", sku: .erGw1AZ, circuits: ["a", "b", "d", "e", "f"])]),
        expected: "error: [gateway-circuit-limit] gateway 'g' connects 5 circuits; ErGw1AZ allows 4"),
      RuleCase(
        // ErGw3AZ takes 16 circuits, but one VNet takes at most 4 from one peering location (pricing-facts §5.2):
        // five Amsterdam circuits are refused, four Amsterdam and one London are not (see below).
        id: "same location circuits",
        deployment: Deployment(
          name: "t", circuits: ["a", "b", "d", "e", "f"].map { c($0, "Amsterdam", .standard, .metered, .gbps(1)) },
          gateways: [Gateway(name: "g", sku: .erGw3AZ, circuits: ["a", "b", "d", "e", "f"])]),
        expected:
          "error: [gateway-same-location-circuits] gateway 'g' connects 5 circuits from Amsterdam ('a', 'b', 'd', 'e', 'f'); one VNet takes at most 4 circuits from the same peering location"
      ),
      RuleCase(
        id: "unknown location",
        deployment: Deployment(name: "t", circuits: [c("c", "Amsterdm", .standard, .metered, .gbps(1))]),
        expected: "error: circuit 'c': 'Amsterdm' is not a known peering location; did you mean 'Amsterdam'?"),
      RuleCase(
        id: "vnet links",
        deployment: Deployment(
          name: "t",
          circuits: [
            Circuit(
              name: "c", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1),
              virtualNetworkLinks: 11)
          ]),
        expected:
          "error: [vnet-link-limit] circuit 'c' has 11 VNet links (Global Reach connections count too); a Standard 1 Gbps circuit allows 10"
      ),
    ]
  }()

  @Test(arguments: ruleCases)
  func productRulesAreEnforced(_ ruleCase: RuleCase) throws {
    let engine = try Fixtures.engine()
    let error = Fixtures.diagnostic { _ = try engine.quote(ruleCase.deployment) }
    #expect(error?.description == ruleCase.expected)
  }

  @Test func fourCircuitsFromOneLocationAndOneFromAnotherShareAGateway() throws {
    // 4 Amsterdam + 1 London Standard MeteredData 1 Gbps (436 each, no egress given) on ErGw3AZ (730 × 2.151 =
    // 1,570.23): 5 × 436 + 1,570.23 = 3,750.23.
    let circuits = ["a", "b", "d", "e"].map {
      Circuit(name: $0, peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1))
    }
    let deployment = Deployment(
      name: "t",
      circuits: circuits + [
        Circuit(name: "f", peeringLocation: "London", tier: .standard, billing: .metered, bandwidth: .gbps(1))
      ],
      gateways: [Gateway(name: "g", sku: .erGw3AZ, circuits: ["a", "b", "d", "e", "f"])])
    let quote = try Fixtures.engine().quote(deployment)
    #expect(Money.sum(quote.lineItems.map(\.amount), currency: .usd) == Fixtures.usd("3750.23"))
  }

  @Test(
    "Break-even volumes match the reference table",
    arguments: [
      // (8,700 − 436) / 0.14 = 59,028.571… GB; share = 59,028.571 / 328,500 = 17.97%
      (Bandwidth.gbps(1), Zone.zone3, "59028.571"),
      // (5,700 − 436) / 0.025 = 210,560 GB
      (.gbps(1), .zone1, "210560"),
      // (82,000 − 3,400) / 0.05 = 1,572,000 GB
      (.gbps(10), .zone2, "1572000"),
    ])
  func breakEven(_ bandwidth: Bandwidth, _ zone: Zone, _ expectedGB: String) throws {
    let result = try Fixtures.engine().breakEven(tier: .standard, bandwidth: bandwidth, zone: zone)
    guard case .crossover(let volume, _) = result.outcome else {
      Issue.record("expected a crossover, got \(result.outcome)")
      return
    }
    #expect(volume.gigabytes.rounded(toPlaces: 3, rule: .toNearestOrEven) == Fixtures.decimal(expectedGB))
  }

  @Test func breakEvenBeyondCapacityAndUnpriced() throws {
    let engine = try Fixtures.engine()
    // 50 Mbps Zone 1: (300 − 55) / 0.025 = 9,800 GB; capacity 50 × 328.5 = 16,425 GB → 59.7%, a crossover.
    let small = engine.breakEven(tier: .standard, bandwidth: .mbps(50), zone: .zone1)
    #expect(small.summary == "unlimited is cheaper above 9,800 GB/month (60% of one direction's capacity)")
    // Zone 1 100 Mbps Standard metered is unpriced (UNCERTAIN in the reference).
    let uncertain = engine.breakEven(tier: .standard, bandwidth: .mbps(100), zone: .zone1)
    #expect(uncertain.summary == "break-even unknown: Standard MeteredData 100 Mbps circuit, Zone 1 is unpriced")
  }

  /// A 400G pair's subscription limit is not published: circuits above twice one port are priced, with a note that
  /// the limit was not checked, never a made-up limit and never silence.
  @Test func aFourHundredGigabitPairSaysItsLimitWasNotChecked() throws {
    let circuits = (0..<3).map {
      Circuit(
        name: "c\($0)", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(400),
        directPort: "p")
    }
    let quote = try Fixtures.engine().quote(
      Deployment(
        name: "t", circuits: circuits,
        directPorts: [DirectPortPair(name: "p", peeringLocation: "Amsterdam", speed: .gbps400, billing: .metered)]))
    // 3 × 400 Gbps = 1,200 Gbps.
    #expect(
      quote.notes.contains(
        "Direct port pair 'p': its circuits total 1200 Gbps; how much a 400 Gbps pair may carry is not published, so this was not checked (10G and 100G pairs carry at most twice one port)"
      ), "\(quote.notes)")
  }

  /// A gateway on a US Gov circuit is in Azure Government, whose gateway prices the table does not hold: priced at
  /// the commercial rate with a note saying so; a commercial gateway gets no such note.
  @Test func aGatewayOnAUSGovCircuitSaysItIsPricedAtCommercialRates() throws {
    let engine = try Fixtures.engine()
    func quote(_ zone: Zone) throws -> Quote {
      try engine.quote(
        Deployment(
          name: "t",
          circuits: [Circuit(name: "c", zone: zone, tier: .standard, billing: .unlimited, bandwidth: .gbps(1))],
          gateways: [Gateway(name: "g", sku: .erGw1AZ, circuits: ["c"])]))
    }
    let gov = try quote(.usGovZone1)
    #expect(
      gov.notes == [
        "gateway 'g' connects a US Gov Zone 1 circuit, so it is in Azure Government, which prices gateways on its own list: priced here at the table's commercial gateway rates"
      ])
    // ErGw1AZ: 730 h × 0.361 = 263.53, the same line as in Zone 1.
    #expect(gov.lineItems.last?.amount == Fixtures.usd("263.53"))
    #expect(try quote(.zone1).notes.isEmpty)
  }

  @Test func compareListsEveryOptionCheapestFirst() throws {
    let engine = try Fixtures.engine()
    let location = try #require(engine.locations.location(named: "amsterdam"))
    let comparison = try engine.compare(location: location, bandwidth: .gbps(1), monthlyEgress: .gigabytes(40_000))
    // Local 1,200 < Standard metered 1,436 < Premium metered 1,186 + 1,000 = 2,186 < Std unl 5,700 < Prem unl 6,450
    #expect(
      comparison.options.map(\.label) == [
        "Local UnlimitedData", "Standard MeteredData", "Premium MeteredData", "Standard UnlimitedData",
        "Premium UnlimitedData",
      ])
    #expect(
      comparison.options.compactMap(\.monthlyTotal)
        == ["1200", "1436", "2186", "5700", "6450"].map { Fixtures.usd($0) })
    let atlanta = try #require(engine.locations.location(named: "Atlanta"))
    let noLocal = try engine.compare(location: atlanta, bandwidth: .gbps(1), monthlyEgress: .zero)
    #expect(
      noLocal.options.last?.unavailableReason
        == "[local-needs-local-region] circuit 'Local unlimited' is Local, but Atlanta has no local Azure region, so Local is not sold there"
    )
  }
}
