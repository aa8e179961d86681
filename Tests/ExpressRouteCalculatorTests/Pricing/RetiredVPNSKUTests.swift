import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing

/// The non-zone-redundant VPN gateway SKUs VpnGw1–5 are retired: none can be created since 1 January 2025, and
/// existing ones move to their AZ twins by 16 September 2026 (MicrosoftDocs/azure-docs
/// `articles/vpn-gateway/gateway-sku-consolidation.md`). A VPN the tool chooses is never one of them; a VPN the user
/// names as one is priced as written, with a note.
@Suite struct RetiredVPNSKUTests {
  @Test func everyChosenVPNGatewayCanBeCreated() throws {
    // Over every bandwidth a VPN gateway benchmark carries, at two locations: the chosen SKU is an AZ SKU (or none).
    let engine = try Fixtures.engine()
    for location in ["Amsterdam", "Washington DC"] {
      for megabits in [50, 100, 500, 650, 651, 1000, 1250, 1251, 2000, 10_000] {
        let comparison = try engine.compare(
          location: engine.locations.location(named: location), bandwidth: .gbps(10), monthlyEgress: .zero)
        let vpn = engine.compareWithVPN(comparison, volume: .zero, need: .mbps(Int64(megabits)))
        let skus = vpn.vpn?.lineItems.compactMap { item -> VPNGatewaySKU? in
          if case .vpnGateway(let sku) = item.meter { return sku } else { return nil }
        }
        for sku in skus ?? [] { #expect(sku.canBeCreated, "\(location) \(megabits) Mbps chose \(sku.name)") }
        // Up to VpnGw2AZ's 1,250 Mbps a priced AZ SKU carries it: VpnGw1AZ 730 × 0.21 = 153.30 to 650 Mbps, then
        // VpnGw2AZ 730 × 0.564 = 411.72; above, VpnGw3AZ–5AZ have no price, so the VPN side is not priced.
        let expected: String? = megabits <= 650 ? "153.30" : megabits <= 1250 ? "411.72" : nil
        #expect(vpn.vpn?.total == expected.map { Fixtures.usd($0) }, "\(location) \(megabits) Mbps")
        if expected == nil {
          #expect(vpn.notes.contains { $0.contains("but the rate table has no price for") }, "\(vpn.notes)")
        }
      }
    }
  }

  @Test func aRetiredSKUTheUserNamesIsPricedAsWrittenWithANote() throws {
    // VpnGw2 at its table rate: 730 × 0.49 = 357.70, with the note that says it is retired and what Azure moves it to.
    let engine = try Fixtures.engine()
    let deployment = Deployment(name: "d", vpnGateways: [.init(name: "backup", sku: .vpnGw2)])
    let quote = try engine.quote(deployment)
    #expect(quote.total == Fixtures.usd("357.70"))
    #expect(
      quote.notes.contains(
        "VpnGw2 is a retired non-zone-redundant VPN gateway SKU: none can be created since 1 January 2025, and existing ones are migrated to VpnGw2AZ (deprecated from 16 September 2026) and then billed at its price; priced here as VpnGw2, as written"
      ), "\(quote.notes)")
    // An AZ SKU has no such note.
    let current = try engine.quote(Deployment(name: "d", vpnGateways: [.init(name: "backup", sku: .vpnGw2AZ)]))
    #expect(!current.notes.contains { $0.contains("retired") })
  }

  @Test func aBackupVPNTooSmallIsToldTheAZSKUThatCarriesIt() throws {
    // Amsterdam, 800 Mbps ÷ 0.8 = 1 Gbps, a backup VPN on the retired VpnGw1 (650 Mbps): the SKU that carries 800 Mbps
    // is VpnGw2AZ (1,250 Mbps), never the retired VpnGw2; the findings say VpnGw1 is retired.
    var profile = WorkloadProfile(
      name: "t", peeringLocation: "Amsterdam", monthlyEgress: .gigabytes(10_000), peakOutbound: .mbps(800),
      yearlyGrowth: 0, horizonMonths: 12, redundancy: .backupVPN(sku: .vpnGw1), gateways: 0)
    profile.hubRegion = "North Europe"
    let result = try SizingSolver(engine: Fixtures.engine()).solve(profile)
    let findings = try #require(result.resilience?.findings)
    #expect(findings.first?.hasSuffix("; VpnGw2AZ (1250 Mbps) would carry it") == true, "\(findings)")
    #expect(findings.contains { $0.hasPrefix("VpnGw1 is a retired non-zone-redundant VPN gateway SKU") })
    // Its price is the table's VpnGw1 rate, as written: 730 × 0.19 = 138.70.
    #expect(result.resilience?.monthlyCost == Fixtures.usd("138.70"))
  }
}
