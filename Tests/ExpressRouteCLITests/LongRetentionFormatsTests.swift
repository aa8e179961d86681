import ExpressRouteCLI
import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Where a year of one-minute history really lives: diagnostic-settings exports (JSON lines in an
/// hourly blob tree), Log Analytics `AzureMetrics` exports (CSV, or `az monitor log-analytics query`
/// JSON), and large `az monitor metrics list` files read as they stream.
///
/// Fixture shapes follow Microsoft's documentation: the blob path and `PT1H.json` records of
/// MicrosoftDocs azure-docs (batch-diagnostics: `insights-metrics-pt1m/resourceId=/SUBSCRIPTIONS/…/y=/m=/d=/h=/m=00/PT1H.json`;
/// record fields `count`, `total`, `minimum`, `maximum`, `average`, `resourceId`, `time`, `metricName`,
/// `timeGrain`), the `AzureMetrics` table reference (TimeGenerated, ResourceId, MetricName, Total, Count,
/// Maximum, Minimum, Average, TimeGrain, UnitName, …), and the Metrics - List REST response.
@Suite struct LongRetentionFormatsTests {
  static func read(_ paths: String...) throws -> (summaries: [TrafficSummary], notes: [String]) {
    var ingest = TrafficIngest()
    for path in paths { try ingest.read(path: path, displayName: (path as NSString).lastPathComponent) }
    return (try ingest.summaries(file: "x"), ingest.notes)
  }

  @Test func diagnosticSettingsExportTreeIsWalkedInTimeOrder() throws {
    let (summaries, notes) = try Self.read(fixture("diagnostic-export"))
    let ams = try #require(summaries.first)
    #expect(summaries.count == 1)
    // The circuit is named from the resource ID, as the export spells it.
    #expect(ams.circuit == "AMS-1")
    #expect(ams.interval == 60)
    #expect(ams.samples == 120)
    // Outbound averages: 400 Mbps for 00:00–00:59, 200 Mbps for 01:00–01:59 (records shuffled in each blob):
    // (400 + 200) × 10⁶ × 3,600 s ÷ 8 = 2.7 × 10¹¹ bytes = 270 GB.
    #expect(ams.outbound.total == .gigabytes(270))
    // Inbound 100 Mbps × 7,200 s ÷ 8 = 90 GB.
    #expect(ams.inbound.total == .gigabytes(90))
    // P95 of 60 × 200 and 60 × 400 Mbps: rank ⌈0.95 × 120⌉ = 114 → 400 Mbps. The `maximum` of 00:30 says 900 Mbps: the burst peak.
    #expect(ams.outbound.p95 == .mbps(400))
    #expect(ams.outbound.max == .mbps(900))
    // One record written twice: kept once and reported; the other metric skipped with a note.
    #expect(
      ams.warnings.map(\.message).contains {
        $0.hasPrefix("1 duplicate sample for circuit 'AMS-1'; first: BitsInPerSecond")
          || $0.hasPrefix("1 duplicate sample for circuit 'AMS-1'; first: BitsOutPerSecond")
      })
    #expect(notes.contains { $0.contains("skipped metric 'ArpAvailability'") })
    #expect(notes.contains("diagnostic-export: read 2 files under the folder, in path order"))
  }

  @Test func azureMetricsCSVRowsAreJoinedPerCircuit() throws {
    let (summaries, _) = try Self.read(fixture("azuremetrics-export.csv"))
    #expect(summaries.map(\.circuit) == ["AMS-1", "FRA-1"] || summaries.map(\.circuit) == ["FRA-1", "AMS-1"])
    let ams = try #require(SeriesMatch.summary(named: "ams-1", in: summaries))
    let fra = try #require(SeriesMatch.summary(named: "fra-1", in: summaries))
    // 300 Mbps × 1,800 s ÷ 8 = 67.5 GB; 50 Mbps × 1,800 s ÷ 8 = 11.25 GB; inbound 80 Mbps → 18 GB each.
    #expect(ams.outbound.total == .gigabytes(Decimal(string: "67.5") ?? 0))
    #expect(fra.outbound.total == .gigabytes(Decimal(string: "11.25") ?? 0))
    #expect(ams.inbound.total == .gigabytes(18))
    // Minute 7's Maximum is twice its average: 600 and 100 Mbps bursts.
    #expect(ams.outbound.max == .mbps(600))
    #expect(fra.outbound.max == .mbps(100))
    #expect(ams.samples == 30 && ams.completeSamples == 30)
  }

  @Test func logAnalyticsQueryRowsWithStringValues() throws {
    let (summaries, _) = try Self.read(fixture("log-analytics-query.json"))
    let lon = try #require(summaries.first)
    #expect(lon.circuit == "LON-1")
    // 125,000,000.5 bit/s × 600 s ÷ 8 = 9,375,000,037.5 bytes, rounded half up once: 9,375,000,038.
    #expect(lon.outbound.total == DataVolume(bytes: 9_375_000_038))
    // 25 Mbps × 600 s ÷ 8 = 1.875 GB.
    #expect(lon.inbound.total == .gigabytes(Decimal(string: "1.875") ?? 0))
  }

  /// A `az monitor metrics list` export of 3 days of PT1M with both device roles, larger than the
  /// reader's 1 MiB block, with long dimension strings to cut tokens at block edges.
  static func largeExport() -> String {
    var text =
      #"{"cost": 0.0, "interval": "0:01:00", "namespace": "Microsoft.Network/expressRouteCircuits", "value": ["#
    for (index, metric) in ["BitsInPerSecond", "BitsOutPerSecond"].enumerated() {
      if index > 0 { text += "," }
      text +=
        #"{"errorCode": "Success", "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1/providers/Microsoft.Insights/metrics/\#(metric)", "name": {"localizedValue": "\#(metric)", "value": "\#(metric)"}, "timeseries": ["#
      for (role, rate) in [
        ("Primary", metric == "BitsInPerSecond" ? "20000000.0" : "100000000.0"),
        ("Secondary", metric == "BitsInPerSecond" ? "5000000.0" : "50000000.0"),
      ] {
        if role == "Secondary" { text += "," }
        text += "{\"data\": ["
        for minute in 0..<(3 * 1440) {
          if minute > 0 { text += ",\n" }
          let time = CivilCalendar.format(1_767_225_600 + Int64(minute) * 60).replacingOccurrences(
            of: "Z", with: "+00:00")
          text +=
            "  {\"average\": \(rate), \"count\": null, \"maximum\": null, \"minimum\": null, \"timeStamp\": \"\(time)\", \"total\": null}"
        }
        text +=
          "], \"metadatavalues\": [{\"name\": {\"localizedValue\": \"devicerole\", \"value\": \"devicerole\"}, \"value\": \"\(role)\(String(repeating: " ", count: 0))\"}]}"
      }
      text += #"], "type": "Microsoft.Insights/metrics", "unit": "BitsPerSecond"}"#
    }
    return text + "]}"
  }

  @Test func largeMetricsExportStreamsAcrossBlocks() throws {
    let text = Self.largeExport()
    #expect(text.utf8.count > 2 << 20)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-az-\(UUID().uuidString).json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let streamed = try #require(try Self.read(path).summaries.first)
    var inMemory = TrafficIngest()
    try inMemory.read(Data(text.utf8), file: path)
    #expect(try inMemory.summaries(file: path) == [streamed])
    // Primary + secondary outbound: 150 Mbps × 4,320 min × 60 s ÷ 8 = 4.86 × 10¹² bytes = 4,860 GB; inbound 25 Mbps → 810 GB.
    #expect(streamed.outbound.total == .gigabytes(4860))
    #expect(streamed.inbound.total == .gigabytes(810))
    #expect(streamed.samples == 4320)
  }

  @Test("Tokens cut at every block edge read the same", arguments: [16, 17, 23, 64, 301])
  func tinyBlocks(_ blockSize: Int) throws {
    for name in [
      "existing/ams-er-metrics.json",
      "log-analytics-query.json",
      "diagnostic-export/insights-metrics-pt1m/resourceId=/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/AMS-1/y=2026/m=01/d=01/h=00/m=00/PT1H.json",
    ] {
      var whole = TrafficIngest()
      try whole.read(path: fixture(name), displayName: "f")
      var options = TrafficIngest.Options()
      options.jsonBlockSize = blockSize
      options.jsonReadAhead = false  // token by token against the whole file read ahead
      var small = TrafficIngest(options: options)
      try small.read(path: fixture(name), displayName: "f")
      #expect(try small.summaries(file: "f") == whole.summaries(file: "f"))
    }
    // A string with escapes cut at a block edge, and an error's position after many refills.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-esc-\(UUID().uuidString).json")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try
      #"{"metricName": "Bits\u0049nPerSecond", "resourceId": "/x/AMS\t-1", "time": "2026-01-01T00:00:00Z", "average": 1}"#
      .appending(
        "\n{\"metricName\": \"BitsInPerSecond\", \"resourceId\": \"/x/AMS\\t-1\", \"time\": \"2026-01-01T00:01:00Z\", \"average\": -2}\n"
      )
      .write(toFile: path, atomically: true, encoding: .utf8)
    var options = TrafficIngest.Options()
    options.jsonBlockSize = blockSize
    var ingest = TrafficIngest(options: options)
    do {
      try ingest.read(path: path, displayName: "e.json")
      Issue.record("a negative rate was read")
    } catch {
      #expect("\(error)" == "e.json:2:106: error: average: negative rate -2 (expected zero or more)")
    }
  }

  /// Plainly written data points are read ahead in one pass; a point that is not (or is wrong) is read token by
  /// token. Both give the same summary, and an error after many read-ahead points has the same line, column and path.
  @Test("Read-ahead data points read as token by token", arguments: [16, 1 << 20], [true, false])
  func readAheadPoints(_ blockSize: Int, _ readAhead: Bool) throws {
    // Pretty-printed as az prints it, with nulls, an escaped key (read token by token), a maximum, and a negative
    // average at point 41.
    func export(badAt bad: Int?) -> String {
      let points = (0..<60).map { index in
        let average = index == bad ? "-3.5" : String(100_000_000 + index * 1_000)
        let key = index == 7 ? "\"aver\\u0061ge\"" : "\"average\""
        return """
                      {
                        \(key): \(average),
                        "count": null,
                        "maximum": \(index == 9 ? "250000000.5" : "null"),
                        "timeStamp": "2026-01-01T00:\(String(format: "%02d", index)):00+00:00"
                      }
          """
      }
      return """
        {
          "interval": "PT1M",
          "value": [
            {
              "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1/providers/Microsoft.Insights/metrics/BitsOutPerSecond",
              "name": {"value": "BitsOutPerSecond"},
              "timeseries": [{"data": [
        \(points.joined(separator: ",\n"))
              ]}]
            }
          ]
        }

        """
    }
    let directory = try temporaryDirectory("ercalc-readahead")
    defer { try? FileManager.default.removeItem(at: directory) }
    func read(_ text: String, blockSize: Int, readAhead: Bool = readAhead) throws -> [TrafficSummary] {
      let path = directory.appendingPathComponent("m.json").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      var options = TrafficIngest.Options()
      options.jsonBlockSize = blockSize
      options.jsonReadAhead = readAhead
      var ingest = TrafficIngest(options: options)
      try ingest.read(path: path, displayName: "m.json")
      return try ingest.summaries(file: "m.json")
    }
    let summary = try #require(try read(export(badAt: nil), blockSize: blockSize).first)
    // 60 minutes at 100,000,000 + i × 1,000 bit/s: Σ = 6,000,000,000 + 1,770,000 = 6,001,770,000 bit/s·min;
    // × 60 s ÷ 8 = 45,013,275,000 bytes.
    #expect(summary.outbound.total == DataVolume(bytes: 45_013_275_000))
    #expect(summary.outbound.samples == 60)
    #expect(
      try read(export(badAt: nil), blockSize: blockSize) == read(export(badAt: nil), blockSize: 16, readAhead: false))
    do {
      _ = try read(export(badAt: 41), blockSize: blockSize)
      Issue.record("a negative rate was read")
    } catch {
      // Point 0 opens on line 8, each point takes 6 lines: point 41 opens on line 8 + 41 × 6 = 254, its average on
      // line 255 after 14 spaces and `"average": ` (11 characters): column 26. (The line after the value, where the
      // reader already is when it judges the value, was reported before.)
      #expect(
        "\(error)"
          == "m.json:255:26: error: value[0].timeseries[0].data[41].average: negative rate -3.5 (expected zero or more)"
      )
    }
  }

  /// Diagnostic-settings lines are read ahead with each member's lead (the key and spacing before its value) and
  /// long string values (the resource ID) kept from the line before and compared first. Lines that change what was
  /// kept read as token by token: another circuit of the same length, another key order or spacing, an extra
  /// member, an escaped ID, a REST document between records with the same first key as a record; and an error
  /// after all that has the same position.
  @Test("Kept leads and values read as token by token", arguments: [16, 61, 1 << 20])
  func keptLeadsAndValues(_ blockSize: Int) throws {
    let circuit = "/SUBSCRIPTIONS/0000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-0"
    func record(_ minute: Int, circuit number: Int, average: String, metric: String = "BitsInPerSecond") -> String {
      let time = "2026-01-01T00:\(String(format: "%02d", minute)):00.0000000Z"
      return
        "{\"average\": \(average), \"resourceId\": \"\(circuit)\(number)\", \"time\": \"\(time)\", \"metricName\": \"\(metric)\", \"timeGrain\": \"PT1M\"}"
    }
    func lines(badAverage: String = "4000") -> String {
      [
        record(0, circuit: 1, average: "1000"),
        record(1, circuit: 1, average: "1000"),
        record(0, circuit: 2, average: "2000"),  // the kept ID differs in its last byte
        record(2, circuit: 1, average: "1000"),
        // Another key order, then other spacing, then an extra member, then an escaped slash in the ID.
        "{\"resourceId\": \"\(circuit)1\", \"average\": 1000, \"time\": \"2026-01-01T00:03:00Z\", \"metricName\": \"BitsInPerSecond\"}",
        "{\"average\":1000,\"resourceId\":\"\(circuit)1\",\"time\":\"2026-01-01T00:04:00Z\",\"metricName\":\"BitsInPerSecond\"}",
        record(5, circuit: 1, average: "1000").replacingOccurrences(of: "}", with: ", \"unit\": \"BitsPerSecond\"}"),
        record(6, circuit: 1, average: "1000").replacingOccurrences(of: "/ER-0", with: "\\/ER-0"),
        // A REST document whose data point starts with the same `"average": ` lead as the records.
        "{\"value\": [{\"id\": \"/x/expressRouteCircuits/er-03\", \"name\": {\"value\": \"BitsOutPerSecond\"}, \"timeseries\": [{\"data\": [{\"average\": 3000, \"timeStamp\": \"2026-01-01T00:00:00Z\"}, {\"average\": 3000, \"timeStamp\": \"2026-01-01T00:01:00Z\"}]}]}]}",
        record(7, circuit: 1, average: "1000"),
        // An ID as long as the one kept, with an escape in it: a circuit of its own, named with a tab.
        record(0, circuit: 1, average: "5000").replacingOccurrences(of: "ER-01", with: "E\\t01"),
        record(1, circuit: 1, average: "5000").replacingOccurrences(of: "ER-01", with: "E\\t01"),
        record(1, circuit: 2, average: "2000"),
        record(8, circuit: 1, average: badAverage),
      ].joined(separator: "\n") + "\n"
    }
    let directory = try temporaryDirectory("ercalc-leads")
    defer { try? FileManager.default.removeItem(at: directory) }
    func read(_ text: String, readAhead: Bool) throws -> [TrafficSummary] {
      let path = directory.appendingPathComponent("PT1H.json").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      var options = TrafficIngest.Options()
      options.jsonBlockSize = blockSize
      options.jsonReadAhead = readAhead
      options.interval = 60
      var ingest = TrafficIngest(options: options)
      try ingest.read(path: path, displayName: "PT1H.json")
      return try ingest.summaries(file: "PT1H.json")
    }
    let summaries = try read(lines(), readAhead: true)
    #expect(summaries == (try read(lines(), readAhead: false)))
    // The REST document's points are drained before the records'.
    #expect(summaries.map(\.circuit) == ["er-03", "ER-01", "ER-02", "E\t01"])
    let byName = Dictionary(uniqueKeysWithValues: summaries.map { ($0.circuit, $0) })
    // ER-01: minutes 0–7 at 1,000 bit/s and minute 8 at 4,000: (8 × 1,000 + 4,000) × 60 s ÷ 8 = 90,000 bytes.
    #expect(byName["ER-01"]?.inbound.total == DataVolume(bytes: 90_000))
    #expect(byName["ER-01"]?.inbound.samples == 9)
    // ER-02: 2 × 2,000 × 60 ÷ 8 = 30,000 bytes; er-03 outbound: 2 × 3,000 × 60 ÷ 8 = 45,000 bytes.
    #expect(byName["ER-02"]?.inbound.total == DataVolume(bytes: 30_000))
    #expect(byName["er-03"]?.outbound.total == DataVolume(bytes: 45_000))
    // E<tab>01: 2 × 5,000 × 60 ÷ 8 = 75,000 bytes.
    #expect(byName["E\t01"]?.inbound.total == DataVolume(bytes: 75_000))
    for readAhead in [true, false] {
      do {
        _ = try read(lines(badAverage: "-5"), readAhead: readAhead)
        Issue.record("a negative rate was read")
      } catch {
        // The last line (14), after `{"average": ` (12 characters): column 13.
        #expect("\(error)" == "PT1H.json:14:13: error: average: negative rate -5 (expected zero or more)")
      }
    }
  }

  @Test func exportLinesReadFromAPipe() throws {
    // The two hourly blobs concatenated, as `cat …/PT1H.json | ercalc size p.json --series -` gives them.
    let directory = try temporaryDirectory("ercalc-pipe")
    defer { try? FileManager.default.removeItem(at: directory) }
    let root = fixture("diagnostic-export")
    let joined = try TrafficIngest.filesUnder(root).map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
      .joined()
    let lines = directory.appendingPathComponent("lines.json").path
    try joined.write(toFile: lines, atomically: true, encoding: .utf8)
    let profile = directory.appendingPathComponent("p.json").path
    try #"{"peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"monthlyEgress": "1000 GB"}}"#
      .write(
        toFile: profile, atomically: true, encoding: .utf8)
    let piped = try runErcalc(["size", profile, "--series", "-", "--format", "json"], stdin: lines)
    #expect(piped.status == 0, "\(piped.errors)")
    // Same figures as the folder: P95 400 Mbps; January 270 GB out.
    #expect(piped.output.contains("\"p95Bps\": 400000000"))
    #expect(piped.output.contains("\"gigabytes\": \"270\""))
  }

  @Test func sizingReadsAFolderAndSaysWhichAggregationItUses() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-lr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = directory.appendingPathComponent("p.json").path
    try #"{"peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"monthlyEgress": "1000 GB"}}"#
      .write(
        toFile: profile, atomically: true, encoding: .utf8)
    let result = ercalc("size", profile, "--series", fixture("diagnostic-export"), "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"p95Bps\": 400000000"))
    let bad = directory.appendingPathComponent("bad.json").path
    try
      #"{"average": -4, "resourceId": "/x/AMS-1", "time": "2026-01-01T00:00:00Z", "metricName": "BitsInPerSecond", "timeGrain": "PT1M"}"#
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let failed = ercalc("size", profile, "--series", bad)
    #expect(failed.status == .dataError)
    #expect(failed.errors.hasPrefix("\(bad):1:13: error: average: negative rate -4 (expected zero or more)"))
  }
}
