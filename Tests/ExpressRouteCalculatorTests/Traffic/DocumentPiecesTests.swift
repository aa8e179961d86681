import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// One large Azure Monitor document read with its data points on several cores gives exactly what one core gives:
/// summaries with their warnings and locations, notes and errors (file, line, column and JSON path).
///
/// The documents follow `az monitor metrics list` output as MicrosoftDocs azure-docs shows it (azure-monitor,
/// metrics REST and CLI pages): `cost`, `interval`, `namespace`, `resourceregion`, `timespan`, then `value`, one
/// object per metric with `errorCode`, `id`, `name` (`localizedValue`, `value`), `resourceGroup`, `timeseries` (each
/// with `data` points of `average`, `count`, `maximum`, `minimum`, `timeStamp`, `total`, keys sorted as `az` prints
/// them, and `metadatavalues` naming the `DeviceRole`), `type` and `unit`, indented by two spaces. The compact form is
/// the REST response on one line, points with `timeStamp` first.
@Suite struct DocumentPiecesTests {
  enum Quirk: String, CaseIterable, Sendable {
    /// Two metrics, each with a primary and a secondary time series, pretty-printed.
    case plain
    /// The same as the REST API returns it: one line, no spaces.
    case compact
    /// A string where a number belongs, in the middle of the second metric.
    case badValue
    /// The same in the one-line form: the column of the message counts from the start of the file.
    case compactBadValue
    /// A point without its time, in the middle of the first metric.
    case missingTime
    /// Point-like objects in an array the reader skips: cuts may fall there, and their runs are never taken.
    case decoy
    /// The primary series starts 300 minutes late: the secondary's runs reach slots before the grid's first.
    case lateStart
    /// A point 30 seconds off the minute in the secondary series of the second metric.
    case offGrid
  }

  /// Points per time series: enough for a document above 1 MiB (a smaller file is read whole, on one core).
  static func minutes(_ quirk: Quirk) -> Int { quirk == .compact || quirk == .compactBadValue ? 6000 : 1500 }

  /// An az-shaped document of two metrics × two device roles × ``minutes(_:)`` one-minute points from 2026-01-01.
  static func document(_ quirk: Quirk) -> String {
    let minutes = Self.minutes(quirk)
    let start: Int64 = 1_767_225_600
    var random = SplitMix(state: 11)
    let compact = quirk == .compact || quirk == .compactBadValue
    var metrics: [String] = []
    for (metricIndex, metric) in ["BitsInPerSecond", "BitsOutPerSecond"].enumerated() {
      var series: [String] = []
      for role in ["Primary", "Secondary"] {
        var points: [String] = []
        for minute in 0..<minutes where !(quirk == .lateStart && role == "Primary" && minute < 300) {
          let shift: Int64 = quirk == .offGrid && metricIndex == 1 && role == "Secondary" && minute == 800 ? 30 : 0
          let time = CivilCalendar.format(start + Int64(minute) * 60 + shift).replacingOccurrences(
            of: "Z", with: "+00:00")
          var average = "\(Double(random.next() % 400_000_000) + Double(random.next() % 1_000_003) / 1_000_003)"
          if quirk == .badValue || quirk == .compactBadValue, metricIndex == 1 && role == "Secondary" && minute == 350 {
            average = "\"abc\""
          }
          let timeMember = quirk == .missingTime && metricIndex == 0 && role == "Primary" && minute == 420 ? nil : time
          if compact {
            points.append(#"{"timeStamp":"\#(time)","average":\#(average)}"#)
          } else {
            let members = [
              "\"average\": \(average)", "\"count\": null", "\"maximum\": null", "\"minimum\": null",
              timeMember.map { "\"timeStamp\": \"\($0)\"" }, "\"total\": null",
            ].compactMap { $0 }
            points.append(
              "            {\n" + members.map { "              " + $0 }.joined(separator: ",\n") + "\n            }")
          }
        }
        let metadata = #"[{"name": {"localizedValue": "DeviceRole", "value": "DeviceRole"}, "value": "\#(role)"}]"#
        series.append(
          compact
            ? #"{"metadatavalues":\#(metadata),"data":[\#(points.joined(separator: ","))]}"#
            : "        {\n          \"data\": [\n" + points.joined(separator: ",\n")
              + "\n          ],\n          \"metadatavalues\": \(metadata)\n        }"
        )
      }
      let id =
        "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1/providers/Microsoft.Insights/metrics/\(metric)"
      let decoy =
        quirk == .decoy
        ? "      \"samples\": [\n"
          + (0..<120).map { _ in
            "        {\n          \"average\": 5.0,\n          \"timeStamp\": \"2020-01-01T00:00:00Z\"\n        }"
          }.joined(
            separator: ",\n")
          + "\n      ],\n" : ""
      metrics.append(
        compact
          ? #"{"id":"\#(id)","name":{"value":"\#(metric)","localizedValue":"\#(metric)"},"timeseries":[\#(series.joined(separator: ","))],"unit":"BitsPerSecond","errorCode":"Success"}"#
          : "    {\n      \"errorCode\": \"Success\",\n      \"id\": \"\(id)\",\n      \"name\": {\n        \"localizedValue\": \"\(metric)\",\n        \"value\": \"\(metric)\"\n      },\n      \"resourceGroup\": \"rg\",\n"
            + decoy + "      \"timeseries\": [\n" + series.joined(separator: ",\n")
            + "\n      ],\n      \"type\": \"Microsoft.Insights/metrics\",\n      \"unit\": \"BitsPerSecond\"\n    }"
      )
    }
    if compact {
      return
        #"{"cost":0,"timespan":"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z","interval":"PT1M","value":[\#(metrics.joined(separator: ","))],"namespace":"Microsoft.Network/expressRouteCircuits","resourceregion":"westeurope"}"#
    }
    return
      "{\n  \"cost\": 0.0,\n  \"interval\": \"0:01:00\",\n  \"namespace\": \"Microsoft.Network/expressRouteCircuits\",\n  \"resourceregion\": \"westeurope\",\n  \"timespan\": \"2026-01-01T00:00:00Z/2026-01-02T00:00:00Z\",\n  \"value\": [\n"
      + metrics.joined(separator: ",\n") + "\n  ]\n}\n"
  }

  @Test("A document's points read on several cores as on one", arguments: Quirk.allCases)
  func sameAsOneCore(_ quirk: Quirk) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ercalc-document-\(UUID().uuidString).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Self.document(quirk).write(toFile: path, atomically: true, encoding: .utf8)
    let one = FolderIngestTests.read(path, workers: 1, displayName: "metrics.json", chunkBytes: 16 << 10)
    let several = FolderIngestTests.read(path, workers: 2, displayName: "metrics.json", chunkBytes: 16 << 10)
    #expect(several.outcome == one.outcome)
    // In 4 KiB blocks, the main reader's jumps past runs leave its block (it reads on from the run's end).
    let small = FolderIngestTests.read(
      path, workers: 2, displayName: "metrics.json", chunkBytes: 16 << 10, blockSize: 4096)
    #expect(small.outcome == one.outcome)
    #expect(one.mergedRuns == 0)
    switch quirk {
    case .plain, .compact, .decoy, .lateStart:
      // One-minute points of each direction (the two device roles summed).
      #expect(one.outcome.summaries.map(\.samples) == [Self.minutes(quirk)])
      // About 1.2 MB (pretty) or 1.3 MB (compact) in pieces of 16 KB: most runs are taken.
      #expect(several.mergedRuns >= 40, "\(several.mergedRuns)")
      #expect(small.mergedRuns == several.mergedRuns)
      if quirk == .lateStart {
        // The primary has no point in the first 300 minutes while the secondary has: those minutes have no value in
        // either direction (not the secondary alone), 300 × 2 = 600, on one core and on several alike.
        #expect(
          one.outcome.notes.contains {
            $0.hasPrefix(
              "circuit 'ams-1': 600 sample(s) where one split series (such as a DeviceRole) has no point at that time and another has one (first at 2026-01-01T00:00:00Z)"
            )
          }, "\(one.outcome.notes)")
        #expect(one.outcome.summaries.map(\.completeSamples) == [Self.minutes(quirk) - 300])
      }
    case .badValue:
      let error = try #require(one.outcome.error)
      #expect(error.contains("metrics.json:"), "\(error)")
      #expect(error.contains("error: value[1].timeseries[1].data[350].average: 'abc' is not a number"), "\(error)")
      #expect(several.mergedRuns > 0)
    case .compactBadValue:
      let error = try #require(one.outcome.error)
      #expect(error.contains("metrics.json:1:"), "\(error)")
      #expect(error.contains("error: value[1].timeseries[1].data[350].average: 'abc' is not a number"), "\(error)")
      #expect(several.mergedRuns > 0)
    case .offGrid:
      let error = try #require(one.outcome.error)
      #expect(error.contains("sample at 2026-01-01T13:20:30Z is off the 60 s grid of circuit 'ams-1'"), "\(error)")
      #expect(several.mergedRuns > 0)
    case .missingTime:
      let error = try #require(one.outcome.error)
      #expect(error.contains("error: value[0].timeseries[0].data[420]: missing key 'timeStamp'"), "\(error)")
    }
  }
}
