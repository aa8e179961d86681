import Foundation
import TestSupport

/// A small diagnostic-settings export tree (JSON-lines blobs per circuit in the folders Azure Monitor writes to a
/// storage account: MicrosoftDocs azure-docs, resource logs in storage; one blob a day here, to keep the test quick), with every case the push-down must count as
/// ercalc does: 10-minute samples from 2026-01-31T18:00Z to 2026-03-01T05:50Z (two month boundaries).
///
/// - `ER-01`: gaps (two samples on 2026-02-10, two across the February/March boundary), two repeated records, a time
///   with only the inbound record and an outbound record whose average is null.
/// - `ER-02`: rates at every bucket edge and decade, from 0 to 10^15 bit/s.
/// - `ER-03`: full-precision random rates, and no `maximum` aggregation at all.
enum DiagnosticTree {
  static let start: Int64 = 1_769_882_400  // 2026-01-31T18:00:00Z
  static let end: Int64 = 1_772_344_200  // 2026-03-01T06:00:00Z (excluded)
  static let interval: Int64 = 600

  /// Rates at the edges of ercalc's buckets: whole bit/s below 1,000, four digits per decade above, the top at 10^15.
  static let edges: [Double] = [
    0, 1, 999, 999.75, 1000, 1000.5, 9999, 9999.999, 10000, 10001, 99999.5, 100_000, 999_999, 1_000_000,
    123_456_789.123, 999_999_999.99, 1e9, 1e10 - 1, 1e10, 1e11, 1e12, 1e13, 1e14, 1e14 + 1, 999_999_999_999_999.9,
    1e15,
  ]

  static func time(_ seconds: Int64) -> String {
    let (year, month, day) = TrafficSummarizeTests.civil(seconds / 86_400)
    let rest = seconds % 86_400
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:00.0000000Z", year, month, day, rest / 3600, rest / 60 % 60)
  }

  static func write(to root: URL) throws {
    var random = SplitMix(state: 32)
    for circuit in ["ER-01", "ER-02", "ER-03"] {
      let id =
        "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/\(circuit)"
      var lines: [String] = []
      var hour = Self.start / 3600
      func flush() throws {
        guard !lines.isEmpty else { return }
        let (year, month, day) = TrafficSummarizeTests.civil(Int64(hour) * 3600 / 86_400)
        let hourOfDay = Int(hour % 24)
        let folder = root.appendingPathComponent(
          String(
            format: "insights-metrics-pt1m/resourceId=%@/y=%04d/m=%02d/d=%02d/h=%02d/m=00", id, year, month, day,
            hourOfDay))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(
          to: folder.appendingPathComponent("PT1H.json"), atomically: true, encoding: .utf8)
        lines = []
      }
      var k = 0
      for step in 0..<Int((Self.end - Self.start) / Self.interval) {
        let seconds = Self.start + Int64(step) * Self.interval
        if seconds / 86_400 != hour / 24 {
          try flush()
          hour = seconds / 3600
        }
        let stamp = time(seconds)
        let skipped = ["2026-02-10T12:00", "2026-02-10T12:10", "2026-02-28T23:50", "2026-03-01T00:00"]
        if circuit == "ER-01" && skipped.contains(where: { stamp.hasPrefix($0) }) { continue }
        k += 1
        var inbound: Double? = Double(random.next() % 400_000_000) + Double(random.next() % 1_000_003) / 1_000_003
        var outbound: Double? = Double(random.next() % 900_000_000) + Double(random.next() % 1_000_003) / 1_000_003
        if circuit == "ER-02" {
          inbound = edges[k % edges.count]
          outbound = edges[(edges.count - 1) - (k * 7) % edges.count]
        }
        func record(_ metric: String, _ value: Double?) -> String {
          let average = value.map { "\($0)" } ?? "null"
          let peak = circuit == "ER-03" ? "" : "\"maximum\": \(value.map { "\(min($0 + 0.5, 1e15))" } ?? "null"), "
          return
            "{\"count\": 1, \"total\": \(average), \"minimum\": \(average), \(peak)\"average\": \(average), \"resourceId\": \"\(id)\", \"time\": \"\(stamp)\", \"metricName\": \"\(metric)\", \"timeGrain\": \"PT10M\"}"
        }
        if circuit == "ER-01" && stamp.hasPrefix("2026-02-21T09:00") { outbound = nil }
        lines.append(record("BitsInPerSecond", inbound))
        if stamp.hasPrefix("2026-02-01T01:00") && circuit == "ER-01" {
          lines.append(record("BitsInPerSecond", inbound))
        }
        if !(circuit == "ER-01" && stamp.hasPrefix("2026-02-20T08:00")) {
          lines.append(record("BitsOutPerSecond", outbound))
        }
        if stamp.hasPrefix("2026-02-15T06:00") && circuit == "ER-01" {
          lines.append(record("BitsOutPerSecond", outbound))
        }
      }
      try flush()
    }
  }
}
