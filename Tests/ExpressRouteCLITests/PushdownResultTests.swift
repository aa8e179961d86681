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

  /// CSV written with CRLF line endings (Python's `csv` module) or after a UTF-8 byte order mark, and `az` output
  /// with a null written as `None` (`str(None)`), read as the plain result does.
  @Test func lineEndingsByteOrderMarkAndNoneReadAsThePlainResult() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-variants")
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = try String(contentsOfFile: fixture("pushdown/result-duckdb.csv"), encoding: .utf8)
    let az = try String(contentsOfFile: fixture("pushdown/result-az.json"), encoding: .utf8)
    let plain = ercalc("traffic", "summarize", "--quiet", fixture("pushdown/result-duckdb.csv"))
    #expect(plain.status == .success, "\(plain.errors)")
    let crlf = csv.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(az.contains("\"burst\": \"\""))
    for (name, text) in [
      ("crlf.csv", crlf), ("bom.csv", "\u{FEFF}" + csv), ("bom-crlf.csv", "\u{FEFF}" + crlf),
      ("none.json", az.replacingOccurrences(of: "\"burst\": \"\"", with: "\"burst\": \"None\"")),
    ] {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let result = ercalc("traffic", "summarize", "--quiet", path)
      #expect(result.status == .success, "\(name): \(result.errors)")
      #expect(
        try PushdownQueryTests.comparable(result.output) == PushdownQueryTests.comparable(plain.output), "\(name)")
    }
    // `None` where a value is required is an empty cell, refused as one.
    let path = directory.appendingPathComponent("none-maximum.json").path
    try az.replacingOccurrences(of: "\"maximum\": \"2000.0\"", with: "\"maximum\": \"None\"")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let refused = ercalc("traffic", "summarize", "--quiet", path)
    #expect(refused.status == .dataError)
    #expect(refused.errors.contains("az monitor log-analytics query output column 'maximum', row 1: empty"))
  }

  /// A direction without values (samples 0) has an empty histogram, no rate sum (0 or empty) and no maximum.
  @Test func aDirectionWithoutValuesHoldsNothing() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-zero")
    defer { try? FileManager.default.removeItem(at: directory) }
    let id = "/SUBSCRIPTIONS/0/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-IN"
    let header = PushdownResultTests.header
    // Two hourly sample times in January, inbound only: complete 0, valued 2; 1000 + 2000 bit/s inbound.
    let inbound =
      "ercalc-rate-buckets-1,\(id),2026-01,in,3600,1769896800,1769900400,2,0,2,0,0,0,2,24576000,2000.0,,1000:1 2000:1"
    func outbound(_ tail: String) -> String {
      "\(header)\n\(inbound)\nercalc-rate-buckets-1,\(id),2026-01,out,3600,1769896800,1769900400,2,0,2,0,0,0,0,\(tail)\n"
    }
    func summarize(_ text: String) throws -> (status: ExitCode, errors: String, output: String) {
      let path = directory.appendingPathComponent("zero.csv").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let result = ercalc("traffic", "summarize", "--quiet", path)
      return (result.status, result.errors.replacingOccurrences(of: directory.path + "/", with: ""), result.output)
    }
    for tail in [",,,", "0,,,"] {
      let read = try summarize(outbound(tail))
      #expect(read.status == .success, "\(tail): \(read.errors)")
      let circuit = try #require(
        (try PushdownQueryTests.comparable(read.output)["circuits"] as? [[String: Any]])?.first)
      // 2 sample times, none complete: 2 samples without a (two-way) value.
      #expect(circuit["samples"] as? Int == 2)
      #expect(circuit["completeSamples"] as? Int == 0)
      #expect(circuit["emptyValues"] as? Int == 2)
      #expect((circuit["outbound"] as? [String: Any])?["histogram"] as? String == "")
    }
    let refusals = [
      (",,,1000:1", "column 'histogram', row 2: '1000:1' for 0 samples (expected an empty histogram)"),
      ("8192000,,,", "column 'rate_sum', row 2: '8192000' for 0 samples (expected 0 or empty)"),
      (",1000.0,,", "column 'maximum', row 2: '1000.0' for 0 samples (expected empty)"),
    ]
    for (tail, message) in refusals {
      let read = try summarize(outbound(tail))
      #expect(read.status == .dataError, "\(tail)")
      #expect(read.errors.contains("zero.csv:3:"), "\(read.errors)")
      #expect(read.errors.contains("CSV result " + message), "\(read.errors)")
    }
  }

  static let header =
    "ercalc_summary,resource,month,direction,interval_seconds,first_time,last_time,times,complete,valued,gaps,"
    + "duplicates,off_grid,samples,rate_sum,maximum,burst,histogram"

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
    // A negative rate (a bucket below 0), named as such.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",1000:1 2000:1", with: ",-5:1 2000:1")).contains(
        "column 'histogram', row 1: '-5:1' counts rates below 0 bit/s"))
    // A bucket listed twice.
    #expect(
      try refusal(csv.replacingOccurrences(of: ",1000:1 2000:1", with: ",1000:1 1000:1")).contains(
        "column 'histogram', row 1: bucket 1000 is listed twice"))
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
    // A cancelled Data Explorer query, and one whose QueryCompletionInformation has an error row (Level 2).
    #expect(
      try refusal(frames.replacingOccurrences(of: "\"Cancelled\": false", with: "\"Cancelled\": true"), "adx.json")
        .contains("the Data Explorer query was cancelled"))
    #expect(
      try refusal(
        frames.replacingOccurrences(of: "\n        4,\n        \"Info\"", with: "\n        2,\n        \"Error\""),
        "adx.json"
      )
      .contains("Data Explorer result: the query status reports an error ({\"Count\":1,\"Text\":\"Query completed"))
    // A result without rows: the query found no records, which is not a month of no traffic.
    #expect(
      try refusal(String(csv.prefix { $0 != "\n" }) + "\n").hasPrefix(
        "bad.csv:1:1: error: CSV result: the result has no rows"))
    // A failed query in a batch.
    let batch = try String(contentsOfFile: fixture("pushdown/result-log-analytics-batch.json"), encoding: .utf8)
    #expect(
      try refusal(batch.replacingOccurrences(of: "\"status\": 200", with: "\"status\": 400"), "bad.json").contains(
        "the batch response has status 400"))
    // A status written as text, and none: a response not known to be whole.
    #expect(
      try refusal(batch.replacingOccurrences(of: "\"status\": 200", with: "\"status\": \"206\""), "bad.json")
        .contains("the batch response has status 206"))
    #expect(
      try refusal(batch.replacingOccurrences(of: "\"status\": 200,", with: ""), "bad.json").contains(
        "missing key 'status'"))
    // A query cut off at Log Analytics' limits answers 200 with the rows it had and an `error` beside `tables`
    // (Microsoft Learn, "Partial query failures"): refused, alone or in a batch, with Azure's innermost message.
    let partial =
      #""error": {"code": "PartialError", "message": "There were some errors when processing your query.", "details": [{"code": "EngineError", "message": "Something went wrong.", "innererror": {"code": "-2133196797", "message": "Query result set has exceeded the internal record count limit 500000 records (E_QUERY_RESULT_SET_TOO_LARGE).", "severity": 2}}]}, "tables""#
    let single = try String(contentsOfFile: fixture("pushdown/result-log-analytics.json"), encoding: .utf8)
    let cut = try refusal(single.replacingOccurrences(of: "\"tables\"", with: partial), "partial.json")
    #expect(
      cut.contains("Log Analytics result: the query did not complete (its 'error' beside 'tables' says PartialError"))
    #expect(cut.contains("(E_QUERY_RESULT_SET_TOO_LARGE).); a partial result is not the whole summary"))
    #expect(
      try refusal(batch.replacingOccurrences(of: "\"tables\"", with: partial), "partial-batch.json").contains(
        "a partial result is not the whole summary"))
    // A Data Explorer v1 result whose QueryStatus table reports an error (severity 2).
    let v1 = try String(contentsOfFile: fixture("pushdown/result-data-explorer-v1.json"), encoding: .utf8)
    let status =
      #""Tables": [{"TableName": "Table_3", "Columns": [{"ColumnName": "Severity", "DataType": "Int32"}, {"ColumnName": "StatusDescription", "DataType": "String"}], "Rows": [[2, "Query result set has exceeded the internal record count limit 500000 records."]]}, "#
    #expect(
      try refusal(v1.replacingOccurrences(of: #""Tables": ["#, with: status), "status.json").contains(
        "Data Explorer result: the query status reports an error (Query result set has exceeded"))
  }

  /// A month with a gap of 2 samples (20:00 and 23:00 of 2026-01-31 at PT1H, 21:00 and 22:00 missing), with the
  /// columns that name the first problem: the report words it as ercalc's own reading does, and a first problem that
  /// cannot be (off the grid, or a gap longer than the month allows before it) is refused.
  @Test func firstProblemColumnsAreWordedAndChecked() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-first")
    defer { try? FileManager.default.removeItem(at: directory) }
    let resource =
      "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-09"
    // 1769889600 = 2026-01-31T20:00Z, 1769900400 = 23:00Z: a span of 4 hours, 2 samples + 2 missing.
    func result(gapTime: String, gap: String = "2", repeats: (in: String, out: String)? = nil) -> String {
      let duplicates = repeats == nil ? "0" : "1"
      let inRepeat = repeats.map { "1769900400,\($0.in)" } ?? ","
      let outRepeat = repeats.map { "1769900400,\($0.out)" } ?? ","
      return "ercalc_summary,resource,month,direction,interval_seconds,first_time,last_time,times,complete,valued,gaps,"
        + "duplicates,off_grid,samples,rate_sum,maximum,burst,histogram,first_gap_time,first_gap,first_duplicate_time,"
        + "first_duplicate_direction,first_empty_time\n"
        + "ercalc-rate-buckets-1,\(resource),2026-01,in,3600,1769889600,1769900400,2,2,2,2,\(duplicates),0,2,24576000,"
        + "2000.0,,1000:1 2000:1,\(gapTime),\(gap),\(inRepeat),\n"
        + "ercalc-rate-buckets-1,\(resource),2026-01,out,3600,1769889600,1769900400,2,2,2,2,\(duplicates),0,2,"
        + "8192000000000,500000000.0,,50000:2,\(gapTime),\(gap),\(outRepeat),\n"
    }
    func run(_ text: String) throws -> (ExitCode, String) {
      let path = directory.appendingPathComponent("result.csv").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let run = ercalc("traffic", "summarize", path)
      return (run.status, run.status == .success ? run.output : run.errors)
    }
    let (status, summary) = try run(result(gapTime: "1769900400"))
    #expect(status == .success)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
    let circuit = try #require((root["circuits"] as? [[String: Any]])?.first)
    let gaps = try #require(circuit["gaps"] as? [String: Any])
    #expect(gaps["count"] as? Int == 2)
    #expect(gaps["firstMessage"] as? String == "gap of 2 sample(s) before 2026-01-31T23:00:00Z for circuit 'ER-09'")
    // One second off the grid (22:00:01).
    let (offStatus, off) = try run(result(gapTime: "1769896801"))
    #expect(offStatus == .dataError)
    #expect(
      off.contains(
        "column 'first_gap_time', row 1: 2026-01-31T22:00:01Z is not a sample time of the month's 3600 s grid"))
    // A gap of 2 cannot end at 21:00: 21:00 − 3 h = 18:00 is before the month's first sample at 20:00.
    let (earlyStatus, early) = try run(result(gapTime: "1769893200"))
    #expect(earlyStatus == .dataError)
    #expect(early.contains("column 'first_gap', row 1: a gap of 2 sample(s) cannot end at 2026-01-31T21:00:00Z"))
    // A first gap where the counts have none is refused too (the month has 2 gaps; one named with 3 samples).
    #expect(try run(result(gapTime: "1769900400", gap: "3")).0 == .dataError)
    // One repeat at 23:00, named alike on both rows, is worded; named 'in' on one row and 'out' on the other, refused.
    let (repeatStatus, repeated) = try run(result(gapTime: "1769900400", repeats: ("out", "out")))
    #expect(repeatStatus == .success)
    #expect(repeated.contains("BitsOutPerSecond at 2026-01-31T23:00:00Z for circuit 'ER-09' appears again"))
    let (mismatchStatus, mismatch) = try run(result(gapTime: "1769900400", repeats: ("in", "out")))
    #expect(mismatchStatus == .dataError)
    #expect(mismatch.contains("column 'first_duplicate_direction', row 2: the 'out' row differs from the 'in' row"))
  }
}
