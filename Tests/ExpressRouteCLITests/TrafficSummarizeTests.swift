import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic summarize`: summaries of a split series give the same sizing report as the whole series.
@Suite struct TrafficSummarizeTests {
  /// Two circuits, 10-minute samples over 75 days, full-precision rates, a few gaps.
  static func rows() -> [String] {
    var random = SplitMix(state: 2026)
    var rows: [String] = []
    let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
    for step in 0..<(75 * 144) {
      let seconds = start + Int64(step) * 600
      let days = seconds / 86_400
      let (year, month, day) = civil(days)
      let rest = seconds % 86_400
      let time = String(format: "%04d-%02d-%02dT%02d:%02d:00+00:00", year, month, day, rest / 3600, rest / 60 % 60)
      for circuit in ["ams-1", "ams-2"] where random.next() % 300 != 0 {
        let inbound = Double(random.next() % 400_000_000) + Double(random.next() % 1_000_000_007) / 1_000_000_007
        let outbound = Double(random.next() % 900_000_000) + Double(random.next() % 1_000_000_007) / 1_000_000_007
        rows.append("\(time),\(circuit),\(inbound),\(outbound)")
      }
    }
    return rows
  }

  static func civil(_ days: Int64) -> (Int, Int, Int) {
    let z = Int(days) + 719_468
    let era = z / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
  }

  /// Removes `file:line:column: ` from warnings: pieces name their own files and lines.
  static func withoutLocations(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"[A-Za-z0-9_./-]+\.(csv|json):[0-9]+:[0-9]+: "#, with: "", options: .regularExpression)
  }

  @Test func threeWaySplitGivesTheSameReport() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ercalc-summarize-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let header = "Time,Circuit,BitsInPerSecond,BitsOutPerSecond"
    let rows = Self.rows()
    func write(_ name: String, _ slice: ArraySlice<String>) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try (([header] + slice).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let whole = try write("whole.csv", rows[...])
    // Cuts in mid-January (between the two circuits' rows of one timestamp) and in late February.
    let cuts = [0, 2_001, 14_500, rows.count]
    var summaries: [String] = []
    var parts: [String] = []
    for index in 0..<3 {
      let part = try write("part\(index).csv", rows[cuts[index]..<cuts[index + 1]])
      parts.append(part)
      let summary = directory.appendingPathComponent("part\(index).summary.json").path
      let result = ercalc("traffic", "summarize", part, "--output", summary)
      #expect(result.status == .success, "\(result.errors)")
      #expect(result.errors.contains("summarised 2 circuits from 1 file"))
      summaries.append(summary)
    }
    let profile = directory.appendingPathComponent("profile.json").path
    try
      #"{"schemaVersion": 1, "name": "split", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams-2"}}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    for format in ["json", "text"] {
      let expected = ercalc("size", profile, "--series", whole, "--format", format, "--start", "2026-04")
      #expect(expected.status == .success)
      let merged = ercalc(
        ["size", profile, "--format", format, "--start", "2026-04"] + summaries.flatMap { ["--series", $0] })
      #expect(merged.status == .success)
      #expect(Self.withoutLocations(merged.output) == Self.withoutLocations(expected.output))
      #expect(Self.withoutLocations(merged.errors) == Self.withoutLocations(expected.errors))
      // Summaries and raw files mix: the middle piece read raw.
      let mixed = ercalc(
        [
          "size", profile, "--format", format, "--start", "2026-04", "--series", summaries[0], "--series", parts[1],
          "--series", summaries[2],
        ])
      #expect(Self.withoutLocations(mixed.output) == Self.withoutLocations(expected.output))
    }
    // The split data has gaps, so the comparison covers the warnings too.
    #expect(ercalc("size", profile, "--series", whole).errors.contains("missing samples for circuit 'ams-2'"))
    // Summaries of summaries: merging the three into one file changes nothing.
    let all = directory.appendingPathComponent("all.summary.json").path
    #expect(ercalc(["traffic", "summarize", "--output", all, "--quiet"] + summaries).status == .success)
    let once = ercalc("size", profile, "--series", all, "--format", "json", "--start", "2026-04")
    let expected = ercalc("size", profile, "--series", whole, "--format", "json", "--start", "2026-04")
    #expect(Self.withoutLocations(once.output) == Self.withoutLocations(expected.output))
  }

  @Test func summariesOutOfOrderAreADataError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ercalc-summarize-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let early = directory.appendingPathComponent("early.csv").path
    let late = directory.appendingPathComponent("late.csv").path
    try "Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,1,2\n2026-01-01T00:01:00Z,1,2\n".write(
      toFile: early, atomically: true, encoding: .utf8)
    try "Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:02:00Z,1,2\n2026-01-01T00:03:00Z,1,2\n".write(
      toFile: late, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "summarize", late, early, "--quiet")
    #expect(result.status == .dataError)
    #expect(
      result.errors.hasPrefix(
        "\(early):2:1: error: timestamp 2026-01-01T00:00:00Z is earlier than the previous sample of circuit 'circuit' (2026-01-01T00:03:00Z)"
      ))
    let usage = ercalc("traffic", "summarise")
    #expect(usage.status == .usage)
    #expect(ercalc("traffic", "shrink", early).status == .usage)
  }
}
