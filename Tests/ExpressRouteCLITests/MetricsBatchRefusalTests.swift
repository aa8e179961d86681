import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Metrics Batch responses that hold less than traffic: a resource without metrics is said, never dropped without a
/// word; a response with none, and Azure's error bodies, are refused with Azure's code and message.
@Suite struct MetricsBatchRefusalTests {
  static let circuits = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/"

  /// One resource of a batch response: `metrics` is the text of its `value` list.
  static func resource(_ name: String, metrics: String) -> String {
    #"{"starttime": "2026-03-01T00:00:00Z", "endtime": "2026-03-01T02:00:00Z", "interval": "PT1H", "value": ["#
      + metrics + #"], "namespace": "microsoft.network/expressroutecircuits", "resourceid": ""# + circuits + name
      + #""}"#
  }

  /// BitsInPerSecond of circuit `name` at 00:00 and 01:00, 100 and 200 bit/s.
  static func inbound(_ name: String, errorCode: String = "Success") -> String {
    #"{"id": ""# + circuits + name
      + #"/providers/Microsoft.Insights/metrics/BitsInPerSecond", "type": "Microsoft.Insights/metrics", "name": {"value": "BitsInPerSecond"}, "unit": "BitsPerSecond", "timeseries": [{"metadatavalues": [], "data": [{"timeStamp": "2026-03-01T00:00:00Z", "average": 100}, {"timeStamp": "2026-03-01T01:00:00Z", "average": 200}]}], "errorCode": ""#
      + errorCode + #""}"#
  }

  func write(_ text: String, in directory: URL, _ name: String = "batch.json") throws -> String {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A resource whose `value` list is empty is noted by `traffic summarize` and `size --series`, naming its resource
  /// ID; the others are read.
  @Test func anEmptyResourceIsSaid() throws {
    let directory = try temporaryDirectory("ercalc-batch-empty")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try write(
      #"{"values": ["# + Self.resource("ER-01", metrics: Self.inbound("ER-01")) + ", "
        + Self.resource("ER-02", metrics: "") + "]}",
      in: directory)
    let summary = ercalc("traffic", "summarize", path)
    #expect(summary.status == .success, "\(summary.errors)")
    let said =
      "values[1]: resource '\(Self.circuits)ER-02' has no metrics in the Metrics Batch response (its 'value' list is empty)"
    #expect(summary.errors.contains("note: \(path):1:"), "\(summary.errors)")
    #expect(summary.errors.contains(said), "\(summary.errors)")
    // ER-01 alone: two hourly inbound samples (100 and 200 bit/s), no outbound.
    let parsed = try PushdownQueryTests.comparable(summary.output)
    let circuits = try #require(parsed["circuits"] as? [[String: Any]])
    #expect(circuits.map { $0["circuit"] as? String } == ["ER-01"])
    #expect(circuits.first?["samples"] as? Int == 2)
    let sized = ercalc("size", fixture("pushdown/profile.json"), "--series", path, "--format", "json")
    #expect(sized.errors.contains(said), "\(sized.errors)")
  }

  /// A response where every resource is empty is refused (exit 65), not summarized as nothing.
  @Test func aResponseWithOnlyEmptyResourcesIsRefused() throws {
    let directory = try temporaryDirectory("ercalc-batch-all-empty")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try write(
      #"{"values": ["# + Self.resource("ER-01", metrics: "") + ", " + Self.resource("ER-02", metrics: "") + "]}",
      in: directory)
    let result = ercalc("traffic", "summarize", "--quiet", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "\(path):1:1: error: every resource of the Metrics Batch response has an empty 'value' list (2: '\(Self.circuits)ER-01', '\(Self.circuits)ER-02')"
      ), "\(result.errors)")
  }

  /// A failed call (Azure's REST error body) is refused with Azure's code and message, at the error.
  @Test func aFailedCallPassesOnAzuresError() throws {
    let directory = try temporaryDirectory("ercalc-batch-error")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try write(
      #"{"error": {"code": "BadRequest", "message": "Metric names are not valid: BitsInPerSec."}}"#, in: directory)
    let result = ercalc("traffic", "summarize", "--quiet", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "\(path):1:11: error: Azure returned an error instead of metrics: BadRequest: Metric names are not valid: BitsInPerSec."
      ), "\(result.errors)")
  }

  /// A metric that failed inside a resource (`errorCode` and `errorMessage`, the Metric of metricBatch.json) is
  /// refused with both.
  @Test func aFailedMetricPassesOnAzuresError() throws {
    let directory = try temporaryDirectory("ercalc-batch-metric-error")
    defer { try? FileManager.default.removeItem(at: directory) }
    let failed = Self.inbound("ER-02", errorCode: "ResourceNotFound").replacingOccurrences(
      of: #""errorCode""#, with: #""errorMessage": "The resource was not found.", "errorCode""#)
    let path = try write(
      #"{"values": ["# + Self.resource("ER-01", metrics: Self.inbound("ER-01")) + ", "
        + Self.resource("ER-02", metrics: failed) + "]}",
      in: directory)
    let result = ercalc("traffic", "summarize", "--quiet", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "error: values[1].value[0].errorCode: Azure reports errorCode 'ResourceNotFound' for BitsInPerSecond of ER-02: The resource was not found."
      ), "\(result.errors)")
  }
}
