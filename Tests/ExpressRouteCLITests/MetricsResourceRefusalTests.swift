import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Metrics JSON that would be read as something else without a word: two resources of one name in one document
/// (circuits are told apart by name, so the second's points would be taken for repeats of the first's), and malformed
/// `metadatavalues` (the series would become the unsplit resource's).
@Suite struct MetricsResourceRefusalTests {
  static let hub = "/subscriptions/s1/resourceGroups/rg-hub/providers/Microsoft.Network/expressRouteCircuits/er-x"
  static let spoke = "/subscriptions/s2/resourceGroups/rg-spoke/providers/Microsoft.Network/expressRouteCircuits/er-x"

  /// BitsInPerSecond of resource `id` at 00:00 and 01:00 (`rate` bit/s), one line of its own; `dimensions` is the
  /// text of its series' `metadatavalues`.
  static func inbound(_ id: String, rate: Int, dimensions: String = "[]") -> String {
    #"{"id": ""# + id
      + #"/providers/Microsoft.Insights/metrics/BitsInPerSecond", "name": {"value": "BitsInPerSecond"}, "timeseries": [{"metadatavalues": "#
      + dimensions
      + #", "data": [{"timeStamp": "2026-04-01T00:00:00Z", "average": \#(rate)}, {"timeStamp": "2026-04-01T01:00:00Z", "average": \#(rate)}]}], "errorCode": "Success"}"#
  }

  /// A Metrics Batch response, one resource a line (from line 2 on).
  static func batch(_ resources: [(id: String, metric: String)]) -> String {
    "{\"values\": [\n"
      + resources.map { #"{"interval": "PT1H", "resourceid": ""# + $0.id + #"", "value": ["# + $0.metric + "]}" }
      .joined(separator: ",\n") + "\n]}\n"
  }

  func write(_ text: String, _ name: String = "metrics.json") throws -> (path: String, directory: URL) {
    let directory = try temporaryDirectory("ercalc-metrics-refusal")
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (path, directory)
  }

  /// Two circuits named er-x in different subscriptions (1 and 5 Mbit/s) in one Metrics Batch response are refused at
  /// the second's metric ID, naming both resource IDs; read one at a time they are each read.
  @Test func twoResourcesOfOneNameAreRefused() throws {
    let file = try write(
      Self.batch([
        (Self.hub, Self.inbound(Self.hub, rate: 1_000_000)), (Self.spoke, Self.inbound(Self.spoke, rate: 5_000_000)),
      ]))
    defer { try? FileManager.default.removeItem(at: file.directory) }
    let result = ercalc("traffic", "summarize", "--quiet", file.path)
    #expect(result.status == .dataError)
    // Line 3 is the second resource; its metric's "id" value starts after `{"interval": "PT1H", "resourceid": "`,
    // the 95 characters of its ID and `", "value": [{"id": ` (36 + 95 + 20 characters): column 152; the first's on
    // line 2 after 36 + 93 + 20: column 150.
    #expect(
      result.errors.contains(
        "\(file.path):3:152: error: values[1].value[0].id: resource IDs '\(Self.hub)' (\(file.path):2:150) and '\(Self.spoke)' are both named 'er-x': ercalc identifies circuits and gateways by name, so the second's traffic would be read as the first's; read them in separate runs (one file per resource)"
      ), "\(result.errors)")
    #expect(result.output.isEmpty)
  }

  /// Metrics - List (`{"value": [metrics]}`) with the two er-x metrics is refused just as well.
  @Test func twoResourcesOfOneNameInMetricsListAreRefused() throws {
    let text =
      "{\"interval\": \"PT1H\", \"value\": [\n" + Self.inbound(Self.hub, rate: 1) + ",\n"
      + Self.inbound(Self.spoke, rate: 5)
      + "\n]}\n"
    let file = try write(text)
    defer { try? FileManager.default.removeItem(at: file.directory) }
    let result = ercalc("traffic", "summarize", "--quiet", file.path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains("\(file.path):3:8: error: value[1].id: resource IDs '\(Self.hub)' (\(file.path):2:8)"),
      "\(result.errors)")
  }

  /// The same resource listed twice, its ID once in upper case with a trailing slash, is one resource: its second
  /// listing's two points are repeats (2 samples, 2 duplicates), not refused.
  @Test func oneResourceSpelledTwoWaysIsRead() throws {
    let upper = Self.hub.uppercased() + "/"
    let file = try write(
      Self.batch([(Self.hub, Self.inbound(Self.hub, rate: 1_000_000)), (upper, Self.inbound(upper, rate: 1_000_000))]))
    defer { try? FileManager.default.removeItem(at: file.directory) }
    let result = ercalc("traffic", "summarize", file.path)
    #expect(result.status == .success, "\(result.errors)")
    let parsed = try PushdownQueryTests.comparable(result.output)
    let circuits = try #require(parsed["circuits"] as? [[String: Any]])
    #expect(circuits.map { $0["circuit"] as? String } == ["er-x"])
    #expect(circuits.first?["samples"] as? Int == 2)
    #expect(circuits.first?["duplicates"] as? Int == 2)
  }

  /// A dimension of a gateway connection, as Metrics Batch writes it.
  static func connection(_ value: String) -> String {
    #"[{"name": {"value": "ConnectionName", "localizedValue": "ConnectionName"}, "value": \#(value)}]"#
  }

  /// Malformed `metadatavalues` are refused at the member (exit 65), never read as the unsplit resource's series.
  @Test(arguments: [
    ("null", "values[0].value[0].timeseries[0].metadatavalues: expected an array of {name, value} objects, found null"),
    (
      #"{"ConnectionName": "conn-a"}"#,
      "values[0].value[0].timeseries[0].metadatavalues: expected an array of {name, value} objects, found an object"
    ),
    (
      #"["conn-a"]"#,
      #"values[0].value[0].timeseries[0].metadatavalues[0]: expected a dimension object with 'name' and 'value', found the string "conn-a""#
    ),
    (
      connection("null"),
      "values[0].value[0].timeseries[0].metadatavalues[0].value: a dimension value must be a non-empty string, found null (dimension 'ConnectionName')"
    ),
    (
      connection("7"),
      "values[0].value[0].timeseries[0].metadatavalues[0].value: a dimension value must be a non-empty string, found the number 7 (dimension 'ConnectionName')"
    ),
    (
      connection(#""""#),
      #"values[0].value[0].timeseries[0].metadatavalues[0]: a dimension value must be a non-empty string: ConnectionName is "" (its traffic could not be told from the unsplit resource's)"#
    ),
    (
      #"[{"name": {"value": "", "localizedValue": "ConnectionName"}, "value": "conn-a"}]"#,
      #"values[0].value[0].timeseries[0].metadatavalues[0]: a dimension name must be a non-empty string (expected {"name": {"value": "ConnectionName"}, "value": "conn-a"})"#
    ),
    (
      #"[{"name": {"value": "ConnectionName"}}]"#,
      "values[0].value[0].timeseries[0].metadatavalues[0]: dimension 'ConnectionName' has no 'value' (a dimension value must be a non-empty string)"
    ),
  ])
  func malformedDimensionsAreRefused(dimensions: String, said: String) throws {
    let file = try write(Self.batch([(Self.hub, Self.inbound(Self.hub, rate: 1, dimensions: dimensions))]))
    defer { try? FileManager.default.removeItem(at: file.directory) }
    let result = ercalc("traffic", "summarize", "--quiet", file.path)
    #expect(result.status == .dataError)
    #expect(result.errors.contains("\(file.path):2:"), "\(result.errors)")
    #expect(result.errors.contains("error: \(said)"), "\(result.errors)")
  }
}

/// Two files of one read (two subscriptions' exports) that give one name to two resources are refused too: their
/// series were stitched into one circuit.
@Suite struct MetricsResourceAcrossFilesTests {
  @Test func twoFilesNamingTwoResourcesOneNameAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-two-subscriptions")
    defer { try? FileManager.default.removeItem(at: directory) }
    func document(_ subscription: String, month: String) -> String {
      #"{"interval": "PT1H", "value": [{"id": "/subscriptions/\#(subscription)/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-main/providers/Microsoft.Insights/metrics/BitsOutPerSecond", "name": {"value": "BitsOutPerSecond"}, "timeseries": [{"data": [{"timeStamp": "2026-\#(month)-01T00:00:00Z", "average": 100000000}, {"timeStamp": "2026-\#(month)-01T01:00:00Z", "average": 100000000}]}]}]}"#
    }
    let first = try write(document("AAAA", month: "01"), to: directory, "a.json")
    let second = try write(document("BBBB", month: "02"), to: directory, "b.json")
    let result = ercalc("traffic", "summarize", "--quiet", first, second)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "resource IDs '/subscriptions/AAAA/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-main' (\(first):1:"
      ), "\(result.errors)")
    // CSV files with a circuit column of resource IDs, one per subscription: refused at the second file's row.
    func csv(_ subscription: String, month: String) -> String {
      let id = "/subscriptions/\(subscription)/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-x"
      return "Time,ResourceId,BitsInPerSecond,BitsOutPerSecond\n" + "2026-\(month)-01T00:00:00Z,\(id),1,2\n"
        + "2026-\(month)-01T01:00:00Z,\(id),1,2\n"
    }
    let june = try write(csv("A", month: "06"), to: directory, "a.csv")
    let july = try write(csv("B", month: "07"), to: directory, "b.csv")
    let csvResult = ercalc("traffic", "summarize", "--quiet", june, july)
    #expect(csvResult.status == .dataError)
    #expect(csvResult.errors.hasPrefix("\(july):2:22: error: resource IDs '/subscriptions/A/"), "\(csvResult.errors)")
    // A diagnostic-settings tree holding two resources of one name, read as one folder.
    let tree = directory.appendingPathComponent("tree")
    for (subscription, day) in [("AAAA", "01"), ("BBBB", "02")] {
      let id = "/SUBSCRIPTIONS/\(subscription)/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-X"
      let folder = tree.appendingPathComponent("resourceId=\(id)/y=2026/m=06/d=\(day)/h=00/m=00")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let record =
        #"{"average": 100000000.0, "maximum": 100000000.0, "resourceId": "\#(id)", "time": "2026-06-\#(day)T00:00:00.0000000Z", "metricName": "BitsOutPerSecond", "timeGrain": "PT1M"}"#
      try Data((record + "\n").utf8).write(to: folder.appendingPathComponent("PT1H.json"))
    }
    let treeResult = ercalc("traffic", "summarize", "--quiet", tree.path)
    #expect(treeResult.status == .dataError)
    #expect(treeResult.errors.contains("are both named 'ER-X'"), "\(treeResult.errors)")
    // The same resource split over two files (January, then February) is one series.
    let again = try write(document("AAAA", month: "02"), to: directory, "a2.json")
    #expect(
      ercalc("traffic", "summarize", "--quiet", first, again, "-o", directory.appendingPathComponent("s.json").path)
        .status == .success)
  }
}
