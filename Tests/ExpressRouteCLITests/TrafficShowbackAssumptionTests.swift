import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `traffic showback` says what it assumed where the outbound shares or a connection's measurement fall short: no
/// outbound samples at all, outbound samples that are all 0, a connection measured outbound only, and samples that
/// cover under half the month.
@Suite struct TrafficShowbackAssumptionTests {
  /// A Metrics Batch response of gateway ergw-hub for three hours of 2026-04: `inbound` and `outbound` rates (bit/s)
  /// per connection, a connection left out of a direction where its rate is `nil`.
  static func batch(_ connections: [(name: String, inbound: String?, outbound: String?)]) -> String {
    let gateway =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/ergw-hub"
    func series(_ connection: String, _ rate: String) -> String {
      let points = (0..<3).map { #"{"timeStamp": "2026-04-01T0\#($0):00:00Z", "average": \#(rate)}"# }
      return
        #"{"metadatavalues": [{"name": {"value": "ConnectionName"}, "value": "\#(connection)"}], "data": [\#(points.joined(separator: ", "))]}"#
    }
    func metric(_ name: String, _ rates: [(String, String)]) -> String {
      #"{"id": "\#(gateway)/providers/Microsoft.Insights/metrics/\#(name)", "name": {"value": "\#(name)"}, "errorCode": "Success", "timeseries": [\#(rates.map { series($0.0, $0.1) }.joined(separator: ", "))]}"#
    }
    let inbound = connections.compactMap { entry in entry.inbound.map { (entry.name, $0) } }
    let outbound = connections.compactMap { entry in entry.outbound.map { (entry.name, $0) } }
    var metrics: [String] = []
    if !inbound.isEmpty { metrics.append(metric("ErGatewayConnectionBitsInPerSecond", inbound)) }
    if !outbound.isEmpty { metrics.append(metric("ErGatewayConnectionBitsOutPerSecond", outbound)) }
    return
      #"{"values": [{"starttime": "2026-04-01T00:00:00Z", "endtime": "2026-04-01T03:00:00Z", "interval": "PT1H", "resourceid": "\#(gateway)", "value": [\#(metrics.joined(separator: ", "))]}]}"#
  }

  static func showback(_ batch: String, in directory: URL) throws -> (status: ExitCode, output: String) {
    let path = directory.appendingPathComponent("batch.json").path
    try batch.write(toFile: path, atomically: true, encoding: .utf8)
    let run = ercalc(
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--egress",
      "100GB")
    return (run.status, run.output)
  }

  @Test func eachAssumptionIsNoted() throws {
    let directory = try temporaryDirectory("ercalc-showback-assumptions")
    defer { try? FileManager.default.removeItem(at: directory) }
    // Outbound samples all 0: the outbound line (100 GB × 0.025 = 2.50) split evenly, and said so.
    let zero = try Self.showback(
      Self.batch([("conn-a", "10000000.0", "0.0"), ("conn-b", "1000000.0", "0.0")]), in: directory)
    #expect(zero.status == .success)
    #expect(
      zero.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "2026-04: the connections measured outbound sent nothing out, so [2] circuit 'circuit': Metered outbound data"))
    // 3 hours of April's 720: 3 / 720 = 0.4167% covered.
    #expect(
      zero.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "ergw-hub ConnectionName=conn-a: samples cover 0.4% of 2026-04, under half the month"))
    // No outbound metric at all: the outbound line by in + out, said so.
    let none = try Self.showback(
      Self.batch([("conn-a", "4000000.0", nil), ("conn-b", "1000000.0", nil)]), in: directory)
    #expect(
      none.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "2026-04: no connection has outbound samples, so [2] circuit 'circuit': Metered outbound data"))
    // conn-b measured outbound only: its in + out share is its outbound alone, said so.
    let outOnly = try Self.showback(
      Self.batch([("conn-a", "4000000.0", "4000000.0"), ("conn-b", nil, "4000000.0")]), in: directory)
    #expect(
      outOnly.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "ergw-hub ConnectionName=conn-b: outbound samples but no inbound samples in 2026-04: its inbound traffic is not measured"
      ))
  }
}
