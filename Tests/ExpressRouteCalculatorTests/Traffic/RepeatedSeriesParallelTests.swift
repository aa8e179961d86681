import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRouteTraffic

#if canImport(Glibc)
  import Glibc
#endif

/// A large Metrics Batch document's data points are read on other cores (``TrafficIngest/readMetricsDocumentInParallel``):
/// a resource listed twice there is repeats, as on one core, never summed.
@Suite struct RepeatedSeriesParallelTests {
  /// A Metrics Batch response with ER-01 listed twice (the second time as `er-01`), 24 hours in at 100 Mbit/s and out
  /// at 400 Mbit/s, one data point a line.
  static func document() -> [UInt8] {
    func metric(_ circuit: String, _ name: String, _ rate: Int) -> String {
      let points = (0..<24).map { hour in
        "{\"timeStamp\": \"2026-04-01T\(hour < 10 ? "0" : "")\(hour):00:00Z\", \"average\": \(rate)}"
      }
      return """
        {"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/\(circuit)/providers/Microsoft.Insights/metrics/\(name)",
         "name": {"value": "\(name)"}, "timeseries": [{"metadatavalues": [], "data": [
        \(points.joined(separator: ",\n"))
        ]}], "errorCode": "Success"}
        """
    }
    func resource(_ circuit: String) -> String {
      """
      {"interval": "PT1H", "resourceid": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/\(circuit)",
       "value": [\(metric(circuit, "BitsInPerSecond", 100_000_000)), \(metric(circuit, "BitsOutPerSecond", 400_000_000))]}
      """
    }
    return Array("{\"values\": [\(resource("ER-01")), \(resource("er-01"))]}".utf8)
  }

  @Test func aResourceListedTwiceIsRepeatsOnEveryCore() throws {
    let bytes = Self.document()
    #if DEBUG
      let before = FastPath.counted
    #endif
    var options = TrafficIngest.Options()
    options.workers = 2
    options.chunkBytes = 300
    var read = false
    let parallel = try FastPathFuzzTests.withFile(bytes) { descriptor in
      FastPathFuzzTests.outcome(options, file: "batch.json") { ingest in
        // The head is read from the descriptor, as the ingest reads it before choosing a reader.
        var head = [UInt8](repeating: 0, count: 64)
        let got = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 64) }
        head.removeLast(64 - max(got, 0))
        read = try ingest.readMetricsDocumentInParallel(
          descriptor: descriptor, file: "batch.json", size: bytes.count, head: head, progress: nil)
      }
    }
    #expect(read)
    #if DEBUG
      FastPathFuzzTests.expectReached([.jsonDocumentPieces], since: before)
    #endif
    var single = TrafficIngest.Options()
    single.workers = 1
    let oneCore = FastPathFuzzTests.outcome(single, file: "batch.json") {
      try $0.read(Data(bytes), file: "batch.json")
    }
    #expect(parallel == oneCore, "\(parallel) vs \(oneCore)")
    let circuit = try #require(parallel.summaries.first)
    #expect(parallel.summaries.count == 1)
    // 24 hours; both directions listed again: 24 + 24 = 48 duplicates, the first values kept (400 and 100 Mbit/s, not
    // 800 and 200): P95 and maximum 400 Mbps out, 100 in.
    #expect(circuit.samples == 24)
    #expect(circuit.outbound.p95 == .mbps(400))
    #expect(circuit.outbound.max == .mbps(400))
    #expect(circuit.inbound.p95 == .mbps(100))
    let warnings = circuit.warnings.map(\.message)
    #expect(warnings.contains { $0.hasPrefix("48 duplicate samples for circuit 'ER-01'") }, "\(warnings)")
  }
}
