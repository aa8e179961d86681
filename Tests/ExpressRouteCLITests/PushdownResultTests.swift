import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Push-down results read back as summaries, in every engine's shape, and refused when they are not summaries.
@Suite struct PushdownResultTests {
  static let shapes = [
    "result-duckdb.csv", "result-log-analytics.json", "result-log-analytics-strings.json",
    "result-log-analytics-batch.json", "result-az.json", "result-data-explorer-v1.json", "result-data-explorer-v2.json",
  ]

  /// The summary of ER-09 (see Fixtures/pushdown/README.md), the same from every shape.
  @Test func everyShapeReadsAsTheSameSummary() throws {
    var summaries: [NSDictionary] = []
    for shape in Self.shapes {
      let result = ercalc("traffic", "summarize", "--quiet", fixture("pushdown/\(shape)"))
      #expect(result.status == .success, "\(shape): \(result.errors)")
      summaries.append(try PushdownQueryTests.comparable(result.output))
    }
    #expect(summaries.allSatisfy { $0 == summaries[0] }, "the shapes read differently")
    let summary = summaries[0]
    let circuit = try #require((summary["circuits"] as? [[String: Any]])?.first)
    #expect(circuit["circuit"] as? String == "ER-09")
    #expect(circuit["first"] as? String == "2026-01-31T22:00:00Z")
    #expect(circuit["last"] as? String == "2026-02-01T02:00:00Z")
    // Four sample times; the 00:00 one is missing across the month boundary (a gap the merge counts); one outbound
    // value is empty, so three samples are complete.
    #expect(circuit["samples"] as? Int == 4)
    #expect(circuit["completeSamples"] as? Int == 3)
    #expect(circuit["valuedSamples"] as? Int == 4)
    #expect(circuit["gaps"] as? Int == 1)
    #expect(circuit["emptyValues"] as? Int == 1)
    let inbound = try #require(circuit["inbound"] as? [String: Any])
    // Buckets: 1000 and 2000 bit/s are their own buckets below 10^4; 1500.5 is counted as 1500.
    #expect(inbound["histogram"] as? String == "1000:1 1500:1 2000:1 3000:1")
    let months = try #require(inbound["months"] as? [[String: Any]])
    // January: (1000 + 2000) × 8192 = 24,576,000; February: ⌊1500.5 × 8192⌋ + 3000 × 8192 = 12,292,096 + 24,576,000.
    #expect(months.map { $0["rateSum"] as? String } == ["24576000", "36868096"])
    let outbound = try #require(circuit["outbound"] as? [String: Any])
    // 5 × 10^8 is bucket (9 − 4) × 9000 + 5000 = 50,000; 10^9 is (10 − 4) × 9000 + 1000 = 55,000.
    #expect(outbound["histogram"] as? String == "50000:2 55000:1")
    #expect(outbound["maximum"] as? String == "1000000000.0")
  }

  /// A result beside raw series and other summaries: `size` reads it with `--series`.
  @Test func sizeReadsAResultWithSeries() {
    let result = ercalc(
      "size", fixture("pushdown/profile.json"), "--series", fixture("pushdown/result-log-analytics.json"), "--format",
      "json")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.errors.contains("1 missing sample for circuit 'ER-09'"))
  }

  /// Results that are not summaries are refused at the cell, naming the shape, the column and the row.
  @Test func resultsThatAreNotSummariesAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-refusal")
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = try String(contentsOfFile: fixture("pushdown/result-duckdb.csv"), encoding: .utf8)
    func refusal(_ text: String, _ name: String = "bad.csv") throws -> String {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let result = ercalc("traffic", "summarize", "--quiet", path)
      #expect(result.status == .dataError, "\(name): \(result.status)")
      return result.errors.replacingOccurrences(of: directory.path + "/", with: "")
    }
    // Another bucket scheme.
    #expect(
      try refusal(csv.replacingOccurrences(of: "ercalc-rate-buckets-1,", with: "ercalc-rate-buckets-2,"))
        .hasPrefix(
          "bad.csv:2:1: error: CSV result column 'ercalc_summary', row 1: 'ercalc-rate-buckets-2' is not this ercalc's bucket scheme"
        ))
    // A missing column.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",histogram\n", with: ",histo\n")).hasPrefix(
        "bad.csv:1:1: error: CSV result: the result has no column 'histogram'"))
    // A month whose counts do not add up: the histogram holds 2 samples, the row says 3.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",2,24576000,", with: ",3,24576000,")).contains(
        "CSV result column 'samples', row 1: 3 is out of range (expected 2 to 2)"))
    // A rate sum the histogram's rates cannot reach.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",24576000,", with: ",99999999999,")).contains(
        "column 'rate_sum', row 1: 99999999999 (in 1/8192 bit/s) is not what the histogram's rates can sum to"))
    // Samples off the interval's grid.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",2,2,2,0,0,0,2,24576000", with: ",2,2,2,0,0,1,2,24576000"))
        .contains("column 'off_grid', row 1: 1 sample(s) of resource"))
    // A direction missing.
    let lines = csv.split(separator: "\n").map(String.init)
    #expect(
      try refusal(([lines[0], lines[1], lines[3], lines[4]]).joined(separator: "\n") + "\n").contains(
        "month 2026-01 lacks a direction (expected one 'in' and one 'out' row)"))
    // A Data Explorer result whose completion frame reports errors (its rows may be partial).
    let frames = try String(contentsOfFile: fixture("pushdown/result-data-explorer-v2.json"), encoding: .utf8)
    #expect(
      try refusal(frames.replacingOccurrences(of: "\"HasErrors\": false", with: "\"HasErrors\": true"), "adx.json")
        .contains("the Data Explorer query reports errors"))
    // A result without rows: the query found no records, which is not a month of no traffic.
    #expect(
      try refusal(String(csv.prefix { $0 != "\n" }) + "\n").hasPrefix(
        "bad.csv:1:1: error: CSV result: the result has no rows"))
    // A failed query in a batch.
    let batch = try String(contentsOfFile: fixture("pushdown/result-log-analytics-batch.json"), encoding: .utf8)
    #expect(
      try refusal(batch.replacingOccurrences(of: "\"status\": 200", with: "\"status\": 400"), "bad.json").contains(
        "the batch response has status 400"))
  }
}
