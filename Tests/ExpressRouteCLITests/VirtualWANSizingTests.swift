import Foundation
import TestSupport
import Testing

/// `size` weighs a Virtual WAN hub as a gateway option, and prices the months it is chosen with its hub.
@Suite struct VirtualWANSizingTests {
  // vwan-hub-profile.json: 2,400 Mbps ÷ 0.8 = 3 Gbps at Amsterdam, one gateway, hub region West Europe, where ErGwScale
  // is not offered. A hub needs 2 scale units (2 Gbps each): 730 × 0.25 (hub) = 182.50, 2 × 730 × 0.42 = 613.20, and
  // one connection unit 730 × 0.05 = 36.50, so 832.20 a month: cheaper than ErGw3AZ (1,570.23).
  @Test func aHubIsChosenWhenItIsTheCheapestGatewayThatCarriesTheTraffic() {
    let result = ercalc("size", fixture("vwan-hub-profile.json"), "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("with a Virtual WAN hub × 2 scale units as its"))
    #expect(result.output.contains("Virtual WAN hub × 2 scale units         832.20  recommended\n"))
    #expect(result.output.contains("ErGw3AZ                               1,570.23  feasible\n"))
    let csv = CSVTable(ercalc("size", fixture("vwan-hub-profile.json"), "--quiet", "--format", "csv").output)
    // Every planned month prices the hub with the engine: its three lines are in each month's quote.
    let hub = csv.rows(where: "ResourceType", is: "Virtual WAN hub").filter { $0["x_Group"] == "month 1" }
    #expect(hub.map { $0["BilledCost"] ?? "" }.sorted() == ["182.50", "36.50", "613.20"])
    #expect(csv.rows(where: "ResourceType", is: "Virtual WAN hub").count == 36)  // 3 lines × 12 months
  }

  @Test func aHubIsRejectedWithTheReasonWhenItCannotServe() throws {
    // A latency-sensitive workload needs FastPath, which ercalc does not model on a hub.
    let directory = try temporaryDirectory("ercalc-vwan")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("fast.json").path
    let text = try String(contentsOf: URL(fileURLWithPath: fixture("vwan-hub-profile.json")), encoding: .utf8)
      .replacingOccurrences(of: "\"gateways\": 1", with: "\"gateways\": 1,\n  \"latencySensitive\": true")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("size", path, "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    #expect(
      result.output.contains(
        "Virtual WAN hub × 2 scale units                 rejected: FastPath on a Virtual WAN hub is not modelled (the profile needs FastPath)"
      ))
  }
}
