import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `size` and `compare --with-vpn` agree on where a VPN over the internet stops being cheaper, whatever billing
/// model the plan's month 1 chose at its own volume: below that volume the same circuit would be billed metered.
@Suite struct VPNBreakEvenAgreementTests {
  @Test func anUnlimitedPlanBreaksEvenWhereCompareDoes() throws {
    let directory = try temporaryDirectory("ercalc-vpn-break-even")
    defer { try? FileManager.default.removeItem(at: directory) }
    // 250 TB a month out of Atlanta (Zone 1, no Local): Standard UnlimitedData 1 Gbps with ErGwScale 1 unit.
    let profile = try write(
      #"{"schemaVersion": 1, "name": "pa", "peeringLocation": "Atlanta", "targetRegions": ["East US"], "traffic": {"monthlyEgress": "250 TB", "peakOutbound": "780 Mbps", "peakInbound": "50 Mbps"}, "sizing": {"yearlyGrowth": 0, "horizonMonths": 12}, "gateways": 1}"#,
      to: directory, "pa.json")
    let sized = ercalc("size", profile, "--start", "2027-01", "--format", "json")
    #expect(sized.status == .success, "\(sized.errors)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(sized.output.utf8)) as? [String: Any])
    #expect(((report["plan"] as? [[String: Any]])?.first)?["billing"] as? String == "UnlimitedData")
    let vpn = try #require(report["vpnAlternative"] as? [String: Any])
    // Below the break-even the circuit is metered: 436.00 + 0.025 × V + ErGwScale 153.30 (1 unit, 0.21 × 730). The
    // VPN: VpnGw2AZ 730 × 0.564 = 411.72 (780 Mbps is above VpnGw1AZ's 650; the retired non-AZ VpnGw2 is not weighed)
    // + North America internet egress, the first 100 GB free, then 0.087/GB.
    // 589.30 + 0.025 V = 411.72 + 0.087 (V − 100) → 0.062 V = 186.28 → V = 3,004.5, shown rounded up: 3,005 GB
    // (against UnlimitedData's 5,853.30 held fixed it was 68,516 GB).
    #expect(vpn["breakEvenGB"] as? String == "3005")
    #expect(vpn["expressRouteMonthly"] as? String == "5853.30")
    let compared = ercalc(
      "compare", "--location", "Atlanta", "--bandwidth", "1G", "--egress", "250TB", "--with-vpn", "--format", "json")
    #expect(compared.output.contains("\"breakEvenGB\": \"3005\""), "\(compared.output)")
  }
}
