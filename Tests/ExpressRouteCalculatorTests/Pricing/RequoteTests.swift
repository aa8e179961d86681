import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing

/// A month of growth is priced from the month before (only the outbound-data lines again): the quote must be the one a
/// fresh quote gives, for every configuration, volume and discount, and anything but a volume change is quoted afresh.
@Suite struct RequoteTests {
  static func gigabytes(_ text: String) -> DataVolume { .gigabytes(Fixtures.decimal(text)) }

  /// Deployments whose circuits' volumes the test varies: metered, unlimited, Local, Premium, a metered Direct pair,
  /// an Azure China circuit (no global price: its outbound line is unpriced), and two circuits behind one gateway.
  static func deployments(egress: DataVolume?, second: DataVolume?) -> [Deployment] {
    func circuit(
      _ name: String, _ location: String, _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth,
      _ volume: DataVolume?, port: String? = nil
    ) -> Circuit {
      Circuit(
        name: name, peeringLocation: location, tier: tier, billing: billing, bandwidth: bandwidth,
        monthlyEgress: volume, directPort: port)
    }
    return [
      Deployment(name: "metered", circuits: [circuit("a", "Amsterdam", .standard, .metered, .gbps(1), egress)]),
      Deployment(name: "unlimited", circuits: [circuit("a", "London", .premium, .unlimited, .gbps(2), egress)]),
      Deployment(name: "local", circuits: [circuit("a", "Amsterdam", .local, .unlimited, .gbps(1), egress)]),
      Deployment(name: "premium", circuits: [circuit("a", "Sao Paulo", .premium, .metered, .gbps(10), egress)]),
      Deployment(
        name: "direct",
        circuits: [circuit("a", "Amsterdam", .standard, .metered, .gbps(5), egress, port: "ports")],
        directPorts: [
          Deployment.DirectPortPair(name: "ports", peeringLocation: "Amsterdam", speed: .gbps10, billing: .metered)
        ]),
      Deployment(name: "china", circuits: [circuit("a", "Beijing", .standard, .metered, .mbps(500), egress)]),
      Deployment(
        name: "pair",
        circuits: [
          circuit("a", "Tokyo", .standard, .metered, .gbps(1), egress),
          circuit("b", "Osaka", .standard, .metered, .mbps(500), second),
        ],
        gateways: [Deployment.Gateway(name: "gw", sku: .erGw2AZ, circuits: ["a", "b"])]),
    ]
  }

  @Test func aGrownMonthIsTheQuoteAFreshQuoteGives() throws {
    let volumes: [DataVolume?] = [
      nil, Self.gigabytes("0"), Self.gigabytes("1"), Self.gigabytes("12345.678"), Self.gigabytes("400000"),
    ]
    var engine = try Fixtures.engine()
    let discounted = Discounts(all: Fixtures.decimal("0.12"), bySection: ["egress": Fixtures.decimal("0.3")])
    for discounts in [Discounts(), discounted] {
      engine.discounts = discounts
      for before in volumes {
        for after in volumes {
          let previous = Self.deployments(egress: before, second: after)
          let next = Self.deployments(egress: after, second: before)
          for (old, new) in zip(previous, next) {
            let quoted = try engine.quote(old, checkingCapacity: false)
            let fresh = try engine.quote(new, checkingCapacity: false)
            #expect(
              try engine.quote(new, after: old, quoted: quoted) == fresh,
              "\(new.name): \(String(describing: before)) → \(String(describing: after))")
          }
        }
      }
    }
  }

  @Test func onlyTheOutboundLineIsPricedAgain() throws {
    let engine = try Fixtures.engine()
    let before = Self.deployments(egress: Self.gigabytes("10000"), second: nil)[0]
    let after = Self.deployments(egress: Self.gigabytes("20000"), second: nil)[0]
    let quoted = try engine.quote(before, checkingCapacity: false)
    // The repricing path is taken (not a fresh quote), and its figures are the published ones:
    // Standard MeteredData 1 Gbps in Zone 1 is 436.00 a month; 20,000 GB × 0.025 = 500.00; 436.00 + 500.00 = 936.00.
    let requoted = try #require(engine.requoted(after, after: before, quoted: quoted))
    #expect(requoted.total.amount == Fixtures.decimal("936.00"))
    #expect(requoted.lineItems.map(\.amount.amount) == [Fixtures.decimal("436.00"), Fixtures.decimal("500.00")])
    #expect(requoted.lineItems[1].detail == "20,000 GB outbound")
    // A volume that becomes unknown, or any other change, is quoted afresh.
    #expect(engine.requoted(Self.deployments(egress: nil, second: nil)[0], after: before, quoted: quoted) == nil)
    var resized = after
    resized.circuits[0].bandwidth = .gbps(2)
    #expect(engine.requoted(resized, after: before, quoted: quoted) == nil)
    // Unpriced outbound data (Azure China) carries its quantity: quoted afresh too.
    let china = Self.deployments(egress: Self.gigabytes("10"), second: nil)[5]
    let chinaLater = Self.deployments(egress: Self.gigabytes("20"), second: nil)[5]
    #expect(
      engine.requoted(chinaLater, after: china, quoted: try engine.quote(china, checkingCapacity: false)) == nil)
  }
}
