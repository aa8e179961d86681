import Foundation
import Testing

@testable import ExpressRouteTraffic

/// One circuit identity rule (``SeriesMatch/key(_:)``) in every reader: a circuit spelled two ways is one circuit.
@Suite struct CircuitIdentityTests {
  /// A REST metrics document whose two metrics name the circuit in different capitals (Log Analytics writes IDs in
  /// capitals, `az` as created): one circuit with both directions at each minute, under the first spelling.
  @Test func aJSONDocumentsMetricsSpelledTwoWaysAreOneCircuit() throws {
    func metric(_ name: String, _ circuit: String, _ rates: [Int]) -> String {
      let points = rates.enumerated().map { minute, rate in
        #"{"timeStamp": "2026-01-01T00:0\#(minute):00Z", "average": \#(rate)}"#
      }
      return """
        {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/\(circuit)",
         "name": {"value": "\(name)"}, "timeseries": [{"data": [\(points.joined(separator: ", "))]}]}
        """
    }
    let json = """
      {"interval": "PT1M", "value": [
      \(metric("BitsOutPerSecond", "AMS-1", [100_000_000, 300_000_000, 200_000_000])),
      \(metric("BitsInPerSecond", "ams-1", [10_000_000, 30_000_000, 20_000_000]))
      ]}
      """
    var ingest = TrafficIngest(options: .init())
    try ingest.read(Data(json.utf8), file: "m.json")
    let summaries = try ingest.summaries(file: "m.json")
    #expect(summaries.map(\.circuit) == ["AMS-1"])
    let summary = try #require(summaries.first)
    #expect(summary.outbound.samples == 3 && summary.inbound.samples == 3)
    #expect(summary.outbound.max == .mbps(300) && summary.inbound.max == .mbps(30))
    // (100 + 300 + 200) × 10⁶ bit/s × 60 s ÷ 8 = 4.5 × 10⁹ bytes out; a tenth of it in.
    #expect(summary.outbound.total == .gigabytes(Decimal(string: "4.5") ?? 0))
    #expect(summary.inbound.total == .gigabytes(Decimal(string: "0.45") ?? 0))
    #expect(summary.warnings.isEmpty, "\(summary.warnings)")
  }
}
