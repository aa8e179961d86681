import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Metrics - List, `az monitor metrics list` and Metrics Batch: the same series (resource ignoring case, metric and
/// dimension values) listed again in one document is repeated records, counted with the duplicates and the first value
/// kept, never summed; series of one resource and metric split by a summed dimension (`DeviceRole`) with different
/// values are still summed.
@Suite struct MetricsRepeatedSeriesTests {
  static let circuits = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/"

  /// The data points of `hours` (of 2026-04-01) at `rate` bit/s.
  static func data(_ hours: Range<Int>, _ rate: Int) -> String {
    hours.map { hour in
      let padded = hour < 10 ? "0\(hour)" : "\(hour)"
      return #"{"timeStamp": "2026-04-01T\#(padded):00:00Z", "average": \#(rate)}"#
    }.joined(separator: ", ")
  }

  /// A time series; `role` a `DeviceRole` value, `connection` a `ConnectionName` (none when `nil`); `az` lists `data`
  /// before `metadatavalues`, as `az` sorts keys.
  static func series(
    _ hours: Range<Int>, _ rate: Int, role: String? = nil, connection: String? = nil, az: Bool = false
  ) -> String {
    let dimension = role.map { ("DeviceRole", $0) } ?? connection.map { ("ConnectionName", $0) }
    let dimensions =
      dimension.map { #"[{"name": {"value": "\#($0.0)", "localizedValue": "\#($0.0)"}, "value": "\#($0.1)"}]"# }
      ?? "[]"
    let points = #""data": [\#(data(hours, rate))]"#
    let metadata = #""metadatavalues": \#(dimensions)"#
    return "{" + (az ? "\(points), \(metadata)" : "\(metadata), \(points)") + "}"
  }

  /// A metric of circuit `circuit` with `series`.
  static func metric(_ circuit: String, _ name: String, _ series: [String]) -> String {
    #"{"id": "\#(circuits)\#(circuit)/providers/Microsoft.Insights/metrics/\#(name)", "name": {"value": "\#(name)"}, "timeseries": [\#(series.joined(separator: ", "))], "errorCode": "Success"}"#
  }

  /// One resource of a Metrics Batch response.
  static func resource(_ circuit: String, _ metrics: [String]) -> String {
    #"{"starttime": "2026-04-01T00:00:00Z", "endtime": "2026-04-02T00:00:00Z", "interval": "PT1H", "resourceid": "\#(circuits)\#(circuit)", "value": [\#(metrics.joined(separator: ", "))]}"#
  }

  /// `traffic summarize` of `text` (written as `name` in `directory`), parsed: its first circuit.
  static func summary(_ text: String, named name: String, in directory: URL) throws -> [String: Any] {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "summarize", "--quiet", path)
    #expect(result.status == .success, "\(result.errors)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let circuits = try #require(object?["circuits"] as? [[String: Any]])
    #expect(circuits.count == 1, "\(result.output)")
    return try #require(circuits.first)
  }

  /// The count of a summary's `duplicates`, and a direction's `maximum`.
  static func duplicates(_ circuit: [String: Any]) -> Int? {
    (circuit["duplicates"] as? [String: Any])?["count"] as? Int
  }
  static func maximum(_ circuit: [String: Any], _ direction: String) -> String? {
    (circuit[direction] as? [String: Any])?["maximum"] as? String
  }

  /// A Metrics Batch response listing ER-01 twice (the second time as ER-01 in upper case, er-01 in lower), and one
  /// repeating the BitsOutPerSecond metric inside the resource: the repeats are duplicates, and sizing sees 400 Mbps
  /// out and 100 Mbps in, not 800.
  @Test func aResourceOrMetricListedTwiceInABatchIsRepeats() throws {
    let directory = try temporaryDirectory("ercalc-repeated-batch")
    defer { try? FileManager.default.removeItem(at: directory) }
    let inbound = Self.metric("ER-01", "BitsInPerSecond", [Self.series(0..<24, 100_000_000)])
    let outbound = Self.metric("ER-01", "BitsOutPerSecond", [Self.series(0..<24, 400_000_000)])
    let lower = Self.metric("er-01", "BitsInPerSecond", [Self.series(0..<24, 100_000_000)])
    let twice =
      #"{"values": [\#(Self.resource("ER-01", [inbound, outbound])), \#(Self.resource("er-01", [lower, outbound]))]}"#
    let resources = try Self.summary(twice, named: "twice.json", in: directory)
    // 24 hours, each direction listed again: 24 + 24 = 48 duplicates; the first values kept (100 and 400 Mbit/s).
    #expect(resources["samples"] as? Int == 24)
    #expect(Self.duplicates(resources) == 48)
    #expect(Self.maximum(resources, "outbound") == "400000000.0")
    #expect(Self.maximum(resources, "inbound") == "100000000.0")
    let metricTwice = #"{"values": [\#(Self.resource("ER-01", [inbound, outbound, outbound]))]}"#
    let metrics = try Self.summary(metricTwice, named: "metric-twice.json", in: directory)
    // The outbound metric again: 24 duplicates, outbound still 400 Mbit/s (not 800), inbound 100.
    #expect(Self.duplicates(metrics) == 24)
    #expect(Self.maximum(metrics, "outbound") == "400000000.0")
    #expect(Self.maximum(metrics, "inbound") == "100000000.0")
    // Sizing: every hour 400 Mbit/s out, so P95 400 Mbps (not 800), inbound 100.
    let profile = directory.appendingPathComponent("profile.json").path
    try
      #"{"schemaVersion": 1, "name": "x", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ER-01", "monthlyEgress": "1000 GB"}}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    let sized = ercalc(
      "size", profile, "--series", directory.appendingPathComponent("twice.json").path, "--format", "text")
    #expect(sized.status == .success, "\(sized.errors)")
    #expect(
      sized.output.contains(
        "P95 from series 'ER-01': outbound 400 Mbps, inbound 100 Mbps (24 samples every 3600 s)"),
      "\(sized.output)")
  }

  /// Metrics - List: DeviceRole primary and secondary are summed (300 + 100 = 400 Mbit/s out), and the primary listed
  /// again in the same metric is repeats. (In `az`'s key order a series' data comes before its dimensions, and such a
  /// series is read as one of its own, not held until they are read: `az` lists each series of a resource once.)
  @Test func aSeriesListedAgainBesideASplitOneIsRepeats() throws {
    let directory = try temporaryDirectory("ercalc-repeated-list")
    defer { try? FileManager.default.removeItem(at: directory) }
    for az in [false] {
      let outbound = Self.metric(
        "ER-01", "BitsOutPerSecond",
        [
          Self.series(0..<4, 300_000_000, role: "Primary", az: az),
          Self.series(0..<4, 100_000_000, role: "Secondary", az: az),
          Self.series(0..<4, 300_000_000, role: "primary", az: az),
        ])
      let inbound = Self.metric("ER-01", "BitsInPerSecond", [Self.series(0..<4, 50_000_000, az: az)])
      let document = #"{"interval": "PT1H", "value": [\#(inbound), \#(outbound)]}"#
      let circuit = try Self.summary(document, named: az ? "az.json" : "list.json", in: directory)
      // 4 hours: primary 300 + secondary 100 = 400 Mbit/s each hour; the primary again (DeviceRole compared ignoring
      // case): 4 duplicates; every sample complete.
      #expect(circuit["samples"] as? Int == 4, "az \(az)")
      #expect(circuit["completeSamples"] as? Int == 4, "az \(az)")
      #expect(Self.duplicates(circuit) == 4, "az \(az)")
      #expect(Self.maximum(circuit, "outbound") == "400000000.0", "az \(az)")
      #expect((circuit["outbound"] as? [String: Any])?["histogram"] as? String == Self.histogram400x4, "az \(az)")
    }
  }

  /// A resource listed again over a later window: its points at new times are added (hours 4 and 5), those at times
  /// it already gave (hours 2 and 3) are repeats.
  @Test func aRepeatedSeriesAddsItsNewTimes() throws {
    let directory = try temporaryDirectory("ercalc-repeated-window")
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = Self.resource(
      "ER-01",
      [
        Self.metric("ER-01", "BitsInPerSecond", [Self.series(0..<4, 100_000_000)]),
        Self.metric("ER-01", "BitsOutPerSecond", [Self.series(0..<4, 400_000_000)]),
      ])
    let later = Self.resource(
      "ER-01",
      [
        Self.metric("ER-01", "BitsInPerSecond", [Self.series(2..<6, 100_000_000)]),
        Self.metric("ER-01", "BitsOutPerSecond", [Self.series(2..<6, 400_000_000)]),
      ])
    let circuit = try Self.summary(#"{"values": [\#(first), \#(later)]}"#, named: "windows.json", in: directory)
    // Hours 0-5: 6 samples, no gap; hours 2 and 3 again in both directions: 2 × 2 = 4 duplicates.
    #expect(circuit["samples"] as? Int == 6)
    #expect(circuit["completeSamples"] as? Int == 6)
    #expect(Self.duplicates(circuit) == 4)
    #expect((circuit["gaps"] as? [String: Any])?["count"] as? Int == 0)
    #expect(Self.maximum(circuit, "outbound") == "400000000.0")
  }

  /// A gateway's per-connection series with conn-a listed twice in a metric, and a gateway listed twice in a Metrics
  /// Batch response: conn-a is split 50%, as conn-b, not 66.7%.
  @Test func aConnectionListedTwiceIsSplitOnce() throws {
    let directory = try temporaryDirectory("ercalc-repeated-connection")
    defer { try? FileManager.default.removeItem(at: directory) }
    let gateways = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/"
    func metric(_ name: String, _ connections: [String]) -> String {
      let series = connections.map { Self.series(0..<3, 4_000_000, connection: $0) }
      return
        #"{"id": "\#(gateways)ergw-hub/providers/Microsoft.Insights/metrics/\#(name)", "name": {"value": "\#(name)"}, "timeseries": [\#(series.joined(separator: ", "))], "errorCode": "Success"}"#
    }
    func resource(_ connections: [String]) -> String {
      let metrics = ["ErGatewayConnectionBitsInPerSecond", "ErGatewayConnectionBitsOutPerSecond"].map {
        metric($0, connections)
      }
      return
        #"{"interval": "PT1H", "resourceid": "\#(gateways)ergw-hub", "value": [\#(metrics.joined(separator: ", "))]}"#
    }
    for (name, document) in [
      ("in-metric.json", #"{"values": [\#(resource(["conn-a", "conn-a", "conn-b"]))]}"#),
      ("gateway-twice.json", #"{"values": [\#(resource(["conn-a", "conn-b"])), \#(resource(["conn-a", "conn-b"]))]}"#),
    ] {
      let path = directory.appendingPathComponent(name).path
      try document.write(toFile: path, atomically: true, encoding: .utf8)
      let result = ercalc("traffic", "showback", path, "--monthly-cost", "100", "--quiet")
      #expect(result.status == .success, "\(result.errors)")
      // Each connection 4 + 4 Mbit/s for 3 h of April's 720 (× 240): 8,000,000 × 10,800 s ÷ 8 = 10.8 GB → 2,592 GB;
      // equal shares: 50.00 each of 100.00.
      #expect(
        result.output.contains("ergw-hub  2026-04  ConnectionName=conn-a      2592.000  50.0%  50.00\n"),
        "\(name)\n\(result.output)")
      #expect(result.output.contains("ergw-hub  2026-04  ConnectionName=conn-b      2592.000  50.0%  50.00\n"))
      let summarized = ercalc("traffic", "summarize", "--quiet", path)
      let object = try JSONSerialization.jsonObject(with: Data(summarized.output.utf8)) as? [String: Any]
      let circuits = try #require(object?["circuits"] as? [[String: Any]])
      // conn-a's 3 hours listed again in both directions: 6 duplicates (and conn-b's too when the gateway repeats).
      #expect(circuits.map(Self.duplicates) == (name == "in-metric.json" ? [6, 0] : [6, 6]), "\(name)")
    }
  }

  /// The histogram of four samples at 400 Mbit/s, as `traffic summarize` writes it (the bucket of 400,000,000 bit/s).
  static let histogram400x4 = "49000:4"
}
