import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic showback`: the notes that say what a split assumed where the series cannot tell (a connection
/// measured inbound but not outbound; a circuit the measured gateway shares with another gateway), and the CSV `Share`
/// that each row's cost was split by.
@Suite struct TrafficShowbackNotesTests {
  /// Writes `rows` (after the header) as a CSV series in `directory`; returns its path.
  func series(_ rows: [String], in directory: URL, named name: String = "series.csv") throws -> String {
    let path = directory.appendingPathComponent(name).path
    let text = (["Time,Circuit,BitsInPerSecond,BitsOutPerSecond"] + rows).joined(separator: "\n") + "\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Connection x has inbound samples and no outbound ones: it gets none of the metered outbound data, and a note
  /// names it and the assumption; its CSV outbound-data row has an empty Share (not measured), y's 1.
  @Test func aConnectionWithoutOutboundSamplesIsNamed() throws {
    let directory = try temporaryDirectory("ercalc-showback-inbound-only")
    defer { try? FileManager.default.removeItem(at: directory) }
    let hours = ["2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z"]
    let path = try series(
      hours.flatMap { ["\($0),gw [ConnectionName=x],1000,", "\($0),gw [ConnectionName=y],1000,3000"] }, in: directory)
    let arguments = [
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--egress",
      "10TB", "--quiet",
    ]
    let result = ercalc(arguments)
    #expect(result.status == .success, "\(result.errors)")
    // April, 2 h of 720 (× 360): x 1,000 bit/s × 7,200 s ÷ 8 = 0.9 MB → 0.324 GB; y 4,000 bit/s → 1.296 GB: shares
    // 0.2 and 0.8. Circuit 43,600 cents × 0.2 = 8,720 (87.20), × 0.8 = 34,880 (348.80). Outbound data 10,000 GB ×
    // 0.025 = 250.00, all y's (x has no outbound samples). Gateway 26,353 × 0.2 = 5,270.6 → 5,270, × 0.8 = 21,082.4 →
    // 21,082; the cent left to x (remainder .6): 52.71. x: 87.20 + 0 + 52.71 = 139.91; y: 348.80 + 250 + 210.82 = 809.62.
    #expect(
      result.output.contains(
        "gw        2026-04  ConnectionName=x         0.324  20.0%   87.20    0.00   52.71  139.91\n"),
      "\(result.output)")
    #expect(
      result.output.contains(
        "gw        2026-04  ConnectionName=y         1.296  80.0%  348.80  250.00  210.82  809.62\n"))
    let notes = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      notes.contains(
        "- gw ConnectionName=x: inbound samples but no outbound samples in 2026-04: its outbound traffic is not measured, so it is assumed to have sent none and given share 0 of [2] circuit 'circuit': Metered outbound data, Zone 1 (10,000 GB outbound); the connections with outbound samples carry it"
      ), "\(notes)")
    #expect(!notes.contains("ConnectionName=y: inbound samples"))
    let csv = ercalc(arguments + ["--format", "csv"])
    #expect(csv.status == .success, "\(csv.errors)")
    let egress = "\"circuit 'circuit': Metered outbound data, Zone 1 (10,000 GB outbound)\""
    #expect(csv.output.contains("2026-04,gw,ConnectionName=x,0.324,,\(egress),0.00,USD,priced,\r\n"), "\(csv.output)")
    #expect(csv.output.contains("2026-04,gw,ConnectionName=y,1.296,1,\(egress),250.00,USD,priced,\r\n"))
    // The other lines keep the in + out share.
    #expect(
      csv.output.contains("2026-04,gw,ConnectionName=x,0.324,0.2,gateway 'gateway': ErGw1AZ gateway (730 h),52.71"))
  }

  /// er-ams is connected to the measured gateway ergw-hub and to gw-other: its whole cost is split among ergw-hub's
  /// connections, and a note says so, naming the circuit and the other gateway.
  @Test func aCircuitSharedWithAnotherGatewayIsNamed() throws {
    let directory = try temporaryDirectory("ercalc-showback-shared-circuit")
    defer { try? FileManager.default.removeItem(at: directory) }
    let deployment = directory.appendingPathComponent("shared.json").path
    try """
    {"schemaVersion": 1, "name": "shared", "circuits": [
     {"name": "er-ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10 TB"}],
     "gateways": [{"name": "ergw-hub", "sku": "ErGw1AZ", "circuits": ["er-ams"]}, {"name": "gw-other", "sku": "ErGw2AZ", "circuits": ["er-ams"]}]}
    """.write(toFile: deployment, atomically: true, encoding: .utf8)
    let hours = ["2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z"]
    let path = try series(
      hours.flatMap { ["\($0),ergw-hub [ConnectionName=a],1000,1000", "\($0),ergw-hub [ConnectionName=b],1000,1000"] },
      in: directory)
    let result = ercalc("traffic", "showback", path, "--deployment", deployment, "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // Equal traffic: halves of the circuit 436.00 (218.00), of outbound data 10,000 GB × 0.025 = 250.00 (125.00), and
    // of ErGw1AZ 26,353 cents (13,176.5: 131.77 to the first, 131.76): a 218 + 125 + 131.77 = 474.77.
    #expect(
      result.output.contains("ConnectionName=a         0.648  50.0%  218.00  125.00  131.77  474.77\n"),
      "\(result.output)")
    #expect(result.output.contains("ConnectionName=b         0.648  50.0%  218.00  125.00  131.76  474.76\n"))
    let notes = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      notes.contains(
        "- circuit 'er-ams' also carries the traffic of gateway 'gw-other', which these series do not measure: its whole cost is split among gateway 'ergw-hub''s measured connections (measure every gateway it connects, or split it by hand, if that traffic should carry a part)"
      ), "\(notes)")
    // gw-other itself stays out of the split: ErGw2AZ 0.632 × 730 h = 461.36.
    #expect(notes.contains("gateway 'gw-other' ErGw2AZ gateway 461.36"))
  }
}
