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

/// Summaries of consecutive pieces of a series merge to exactly the statistics of the whole.
@Suite struct SummaryMergeTests {
  /// A long-format series: three circuits, 5-minute samples over 70 days (crossing two month ends),
  /// full-precision rates, about one row in 400 missing (gaps) and one empty value.
  static func rows(seed: UInt64) -> [String] {
    var random = SplitMix(state: seed)
    var rows: [String] = []
    let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
    for step in 0..<(70 * 288) {
      let time = CivilCalendar.format(start + Int64(step) * 300)
      for circuit in ["ams-1", "ams-2", "fra-1"] {
        if random.next() % 400 == 0 { continue }
        let inbound = Double(random.next() % 900_000_000) + Double(random.next() % 100_000_000) / 99_999_989
        let outbound = Double(random.next() % 2_000_000_000) + Double(random.next() % 1_000_000) / 999_983
        rows.append("\(time),\(circuit),\(inbound),\(step == 5000 && circuit == "fra-1" ? "" : "\(outbound)")")
      }
    }
    return rows
  }

  static let header = "Time,Circuit,BitsInPerSecond,BitsOutPerSecond"

  static func ingest(_ rows: ArraySlice<String>, file: String) throws -> TrafficIngest {
    var ingest = TrafficIngest()
    try ingest.read(Data((([header] + rows).joined(separator: "\n") + "\n").utf8), file: file)
    return ingest
  }

  /// Summaries with the file names taken out of warnings (pieces name their own files).
  static func comparable(_ summaries: [TrafficSummary]) -> [TrafficSummary] {
    summaries.map { summary in
      var copy = summary
      copy.warnings = copy.warnings.map { warning in
        var plain = warning
        plain.location = nil
        plain.file = nil
        return plain
      }
      return copy
    }
  }

  @Test(
    "Any three-way split merges to the whole",
    arguments: [(1_000, 2_000), (7, 30_000), (20_001, 20_002), (59_000, 60_000)])
  func threeWaySplit(_ cuts: (Int, Int)) throws {
    let rows = Self.rows(seed: 42)
    var whole = try Self.ingest(rows[...], file: "whole.csv")
    let expected = try whole.summaries(file: "whole.csv")
    var merged = TrafficIngest()
    for (index, piece) in [rows[..<cuts.0], rows[cuts.0..<cuts.1], rows[cuts.1...]].enumerated() {
      let saved = try Self.ingest(piece, file: "part\(index).csv").savedSummaries()
      try merged.read(Data(saved.utf8), file: "part\(index).summary.json")
    }
    let actual = try merged.summaries(file: "merged")
    #expect(Self.comparable(actual) == Self.comparable(expected))
    // The split really cut the data: the pieces' warnings still add up to the whole's counts.
    #expect(actual.map(\.warnings.count) == expected.map(\.warnings.count))
    #expect(actual.map(\.samples) == expected.map(\.samples))
  }

  @Test func aPieceWithOneSampleOfACircuitMerges() throws {
    let rows = Self.rows(seed: 9)
    // The first piece ends with the first row of 'fra-1' only: that circuit's interval is not known in it.
    var whole = try Self.ingest(rows[...], file: "whole.csv")
    let expected = try whole.summaries(file: "whole.csv")
    var merged = TrafficIngest()
    for piece in [rows[..<3], rows[3...]] {
      try merged.merge(Self.ingest(piece, file: "piece.csv").accumulators)
    }
    #expect(Self.comparable(try merged.summaries(file: "merged")) == Self.comparable(expected))
  }

  @Test func piecesOutOfOrderAreRefused() throws {
    let rows = Self.rows(seed: 3)
    var merged = TrafficIngest()
    try merged.merge(Self.ingest(rows[30_000...], file: "late.csv").accumulators)
    do {
      try merged.merge(Self.ingest(rows[..<30_000], file: "early.csv").accumulators)
      Issue.record("overlapping pieces merged")
    } catch {
      #expect(
        "\(error)".hasPrefix(
          "early.csv:2:1: error: timestamp 2026-01-01T00:00:00Z is earlier than the previous sample of circuit 'ams-1'")
      )
    }
  }

  @Test func savedSummaryRoundTripsExactly() throws {
    let rows = Self.rows(seed: 5)
    let ingest = try Self.ingest(rows[...], file: "whole.csv")
    let saved = ingest.savedSummaries()
    var restored = TrafficIngest()
    try restored.read(Data(saved.utf8), file: "saved.json")
    #expect(restored.savedSummaries() == saved)
    #expect(saved.contains("\"ercalcTrafficSummary\": 1"))
  }

  @Test func monthlyVolumesAreExactSums() throws {
    // 2 samples of 1 bit/s and 1 of 0.5 bit/s, 60 s apart: Σ rate × 60 ÷ 8 = 2.5 × 60 ÷ 8 = 18.75 → 19 bytes (half up).
    var ingest = TrafficIngest()
    let text =
      "Time,BitsInPerSecond,BitsOutPerSecond\n2026-03-01T00:00:00Z,1,1\n2026-03-01T00:01:00Z,1,1\n2026-03-01T00:02:00Z,0.5,0.5\n"
    try ingest.read(Data(text.utf8), file: "tiny.csv")
    let summary = try #require(try ingest.summaries(file: "tiny.csv").first)
    #expect(summary.outbound.months.map(\.volume.bytes) == [19])
    #expect(summary.outbound.months.map(\.coveredSeconds) == [180])
  }
}
