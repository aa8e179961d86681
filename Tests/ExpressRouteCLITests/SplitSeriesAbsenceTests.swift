import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Series split by `DeviceRole` are summed into one circuit series; a time one role has no point at all (while it has
/// points at other times) is a sample without a value in that direction, never the other role alone: in every shape
/// whose split series are summed (Metrics - List, `az monitor metrics list`, Metrics Batch).
@Suite struct SplitSeriesAbsenceTests {
  static let id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ER-07"
  static let hours = ["2026-03-01T00:00:00Z", "2026-03-01T01:00:00Z", "2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z"]

  /// Inbound: primary 100, 200, 300, 400; secondary 1, 2, (no point at 02:00), 4. Outbound: primary 1,000 each hour;
  /// secondary 10, 10, 10, (no point at 03:00).
  static let roles: [(metric: String, role: String, values: [Int?])] = [
    ("BitsInPerSecond", "Primary", [100, 200, 300, 400]), ("BitsInPerSecond", "Secondary", [1, 2, nil, 4]),
    ("BitsOutPerSecond", "Primary", [1000, 1000, 1000, 1000]), ("BitsOutPerSecond", "Secondary", [10, 10, 10, nil]),
  ]

  /// One time series: `az` sorts its keys (`data` before `metadatavalues`), REST gives the dimensions first.
  static func series(role: String, values: [Int?], az: Bool) -> String {
    let points = zip(hours, values).compactMap { hour, value in
      value.map {
        az ? #"{"average": \#($0), "timeStamp": "\#(hour)"}"# : #"{"timeStamp": "\#(hour)", "average": \#($0)}"#
      }
    }
    let data = #""data": ["# + points.joined(separator: ", ") + "]"
    let dimensions =
      #""metadatavalues": [{"name": {"localizedValue": "DeviceRole", "value": "DeviceRole"}, "value": ""#
      + role + #""}]"#
    return "{" + (az ? data + ", " + dimensions : dimensions + ", " + data) + "}"
  }

  /// The `value` list of metrics, as Metrics - List and one resource of Metrics Batch give it (or `az`).
  static func metrics(az: Bool) -> String {
    ["BitsInPerSecond", "BitsOutPerSecond"].map { metric in
      let list = roles.filter { $0.metric == metric }.map { Self.series(role: $0.role, values: $0.values, az: az) }
      return
        #"{"errorCode": "Success", "id": "\#(id)/providers/Microsoft.Insights/metrics/\#(metric)", "name": {"localizedValue": "\#(metric)", "value": "\#(metric)"}, "timeseries": ["#
        + list.joined(separator: ", ") + #"], "type": "Microsoft.Insights/metrics", "unit": "BitsPerSecond"}"#
    }.joined(separator: ", ")
  }

  static let documents: [(name: String, text: String)] = [
    (
      "metrics-list.json",
      #"{"cost": 0, "timespan": "2026-03-01T00:00:00Z/2026-03-01T04:00:00Z", "interval": "PT1H", "value": ["#
        + metrics(az: false) + "]}"
    ),
    (
      "az.json",
      #"{"cost": 0.0, "interval": "1:00:00", "namespace": "Microsoft.Network/expressRouteCircuits", "resourceregion": "westeurope", "timespan": "2026-03-01T00:00:00Z/2026-03-01T04:00:00Z", "value": ["#
        + metrics(az: true) + "]}"
    ),
    (
      "batch.json",
      #"{"values": [{"starttime": "2026-03-01T00:00:00Z", "endtime": "2026-03-01T04:00:00Z", "interval": "PT1H", "value": ["#
        + metrics(az: false) + #"], "namespace": "microsoft.network/expressroutecircuits", "resourceid": "\#(id)"}]}"#
    ),
  ]

  @Test(arguments: documents.map(\.name))
  func aRoleWithoutAPointIsNotSummedAlone(_ name: String) throws {
    let directory = try temporaryDirectory("ercalc-split-absent")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    let text = try #require(Self.documents.first { $0.name == name }?.text)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "summarize", path)
    #expect(result.status == .success, "\(result.errors)")
    #expect(
      result.errors.contains(
        "note: circuit 'ER-07': 2 sample(s) where one split series (such as a DeviceRole) has no point at that time and another has one (first at 2026-03-01T02:00:00Z) have no value in that direction"
      ), "\(result.errors)")
    let summary = try PushdownQueryTests.comparable(result.output)
    let circuit = try #require((summary["circuits"] as? [[String: Any]])?.first)
    #expect(circuit["circuit"] as? String == "ER-07")
    // Four hours, each with some value; both directions whole at 00:00 and 01:00 only.
    #expect(circuit["samples"] as? Int == 4)
    #expect(circuit["completeSamples"] as? Int == 2)
    #expect(circuit["valuedSamples"] as? Int == 4)
    // Inbound 100 + 1, 200 + 2, 400 + 4 (02:00 has no value, not the primary's 300 alone): rate sum in 1/8192 bit/s
    // (101 + 202 + 404) × 8,192 = 707 × 8,192 = 5,791,744.
    let inbound = try #require(circuit["inbound"] as? [String: Any])
    #expect(inbound["histogram"] as? String == "101:1 202:1 404:1")
    let inboundMonth = try #require((inbound["months"] as? [[String: Any]])?.first)
    #expect(inboundMonth["rateSum"] as? String == "5791744")
    #expect(inboundMonth["samples"] as? Int == 3)
    // Outbound 1,000 + 10 at 00:00, 01:00 and 02:00 (03:00 has no value, not the primary's 1,000 alone):
    // 3 × 1,010 × 8,192 = 24,821,760.
    let outbound = try #require(circuit["outbound"] as? [String: Any])
    #expect(outbound["histogram"] as? String == "1010:3")
    let outboundMonth = try #require((outbound["months"] as? [[String: Any]])?.first)
    #expect(outboundMonth["rateSum"] as? String == "24821760")
    #expect(outboundMonth["samples"] as? Int == 3)
  }
}
