import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Metrics Batch responses (`metrics:getBatch`) read like any other series, per-connection dimensions kept apart.
@Suite struct MetricsBatchTests {
  /// The batch reads exactly as the same traffic written as plain series (Fixtures/metrics-batch/README.md).
  @Test func batchReadsAsThePlainSeries() throws {
    let batch = ercalc("traffic", "summarize", "--quiet", fixture("metrics-batch/batch.json"))
    #expect(batch.status == .success, "\(batch.errors)")
    let plain = ercalc("traffic", "summarize", "--quiet", fixture("metrics-batch/expected.csv"))
    #expect(plain.status == .success, "\(plain.errors)")
    let summary = try PushdownQueryTests.comparable(batch.output)
    #expect(summary == (try PushdownQueryTests.comparable(plain.output)))
    let circuits = try #require(summary["circuits"] as? [[String: Any]])
    // One series per circuit, and one per gateway connection: no empty series for the gateway itself.
    #expect(
      circuits.map { $0["circuit"] as? String } == [
        "ER-01", "ER-02", "ergw-1 [ConnectionName=conn-a]", "ergw-1 [ConnectionName=conn-b]",
      ])
    // ER-01 inbound: primary and secondary DeviceRole summed per hour (100 + 1, 200 + 2, 400 + 4); at 02:00 the
    // primary has no value, so that hour has no inbound value (not the secondary's 3 alone): 3 of 4 complete.
    let inbound = try #require(circuits[0]["inbound"] as? [String: Any])
    #expect(inbound["histogram"] as? String == "101:1 202:1 404:1")
    #expect(circuits[0]["completeSamples"] as? Int == 3)
    #expect(circuits[0]["emptyValues"] as? Int == 1)
    let noted = ercalc("traffic", "summarize", fixture("metrics-batch/batch.json")).errors
    #expect(noted.contains("note: circuit 'ER-01': 1 sample(s) where one split series"), "\(noted)")
    #expect(noted.contains("(first at 2026-03-01T02:00:00Z)"))
    // ER-02: the outbound point without a value is a sample without a value, as in Metrics - List.
    #expect(circuits[1]["completeSamples"] as? Int == 3)
    #expect(circuits[1]["emptyValues"] as? Int == 1)
  }

  /// The published example batch (storage and cache metrics, no traffic metric) is read and says what it lacks.
  @Test func aBatchWithoutTrafficMetricsSaysSo() throws {
    let directory = try temporaryDirectory("ercalc-batch")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("batch.json").path
    try
      #"{"values": [{"starttime": "2023-11-07T14:00:00Z", "endtime": "2023-11-07T15:00:00Z", "interval": "PT1H", "value": [{"id": "/subscriptions/x/resourceGroups/r/providers/Microsoft.Cache/Redis/redis5/providers/Microsoft.Insights/metrics/cacheWrite", "name": {"value": "cacheWrite"}, "unit": "BytesPerSecond", "timeseries": [{"metadatavalues": [], "data": [{"timeStamp": "2023-11-07T14:00:00Z", "average": 35513.76}]}], "errorCode": "Success"}], "namespace": "microsoft.cache/redis", "resourceregion": "eastus", "resourceid": "/subscriptions/x/resourceGroups/r/providers/Microsoft.Cache/Redis/redis5"}]}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "summarize", "--quiet", path)
    #expect(result.status == .dataError)
    #expect(result.errors.contains("no BitsInPerSecond or BitsOutPerSecond metric in the export"))
  }
}
