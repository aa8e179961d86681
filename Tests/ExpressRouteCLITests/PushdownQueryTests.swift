import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic query`: the push-down query, run for real by DuckDB, gives exactly ercalc's own summary.
@Suite struct PushdownQueryTests {
  /// A Python with the `duckdb` module: `ERCALC_DUCKDB_PYTHON`, the virtual environment `.ci/run` makes under
  /// `.build/duckdb-venv`, or `python3` when it can import duckdb.
  static let duckDBPython: String? = {
    var candidates: [String] = []
    if let given = ProcessInfo.processInfo.environment["ERCALC_DUCKDB_PYTHON"] { candidates.append(given) }
    candidates.append(packageRoot.appendingPathComponent(".build/duckdb-venv/bin/python3").path)
    candidates.append("/usr/bin/python3")
    return candidates.first { path in
      guard FileManager.default.isExecutableFile(atPath: path) else { return false }
      return (try? python(path, ["-c", "import duckdb"]))?.status == 0
    }
  }()

  static func python(_ executable: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Runs `query` in DuckDB and writes its result as CSV to `output`.
  /// `tree`'s DuckDB push-down result (written to `result.csv` in `directory`) read back by `traffic summarize`,
  /// after checking it is the summary of the raw tree; returns both summaries and the result file's path.
  static func pushedDown(_ tree: URL, in directory: URL) throws -> (pushed: String, raw: String, result: String) {
    let query = ercalc("traffic", "query", "--engine", "duckdb", "--source", tree.path + "/**/*.json")
    #expect(query.status == .success, "\(query.errors)")
    let result = directory.appendingPathComponent("result.csv").path
    try Self.runDuckDB(query.output, in: directory, output: result)
    let pushed = ercalc("traffic", "summarize", "--quiet", result)
    #expect(pushed.status == .success, "\(pushed.errors)")
    let raw = ercalc("traffic", "summarize", "--quiet", tree.path)
    #expect(raw.status == .success, "\(raw.errors)")
    #expect(try Self.comparable(pushed.output) == Self.comparable(raw.output))
    return (pushed.output, raw.output, result)
  }

  static func runDuckDB(_ query: String, in directory: URL, output: String) throws {
    guard let python = duckDBPython else { return }
    let queryFile = directory.appendingPathComponent("query.sql").path
    try query.write(toFile: queryFile, atomically: true, encoding: .utf8)
    let script = "import duckdb, sys\nduckdb.sql(open(sys.argv[1]).read()).write_csv(sys.argv[2])\n"
    let result = try Self.python(python, ["-c", script, queryFile, output])
    #expect(result.status == 0, "DuckDB failed: \(result.errors)")
  }

  /// A summary file's JSON with what only says where things were read (first locations) left out: the counts, sums,
  /// histograms, times, rates and the words of each first problem stay.
  static func comparable(_ text: String) throws -> NSDictionary {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var circuits: [[String: Any]] = []
    for case var circuit as [String: Any] in root["circuits"] as? [Any] ?? [] {
      circuit["firstLocation"] = nil
      for key in ["gaps", "duplicates", "emptyValues"] {
        let counter = circuit[key] as? [String: Any]
        circuit[key] = counter?["count"]
        circuit[key + "First"] = counter?["firstMessage"]
      }
      circuits.append(circuit)
    }
    circuits.sort { ($0["circuit"] as? String ?? "") < ($1["circuit"] as? String ?? "") }
    return ["circuits": circuits] as NSDictionary
  }

  @Test(
    .enabled(
      if: duckDBPython != nil,
      "DuckDB is not installed (pip install duckdb, or set ERCALC_DUCKDB_PYTHON; .ci/run installs it under .build)"))
  func duckDBResultEqualsTheSummaryOfTheRawTree() throws {
    let directory = try temporaryDirectory("ercalc-pushdown")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tree = directory.appendingPathComponent("export")
    try DiagnosticTree.write(to: tree)
    let (_, raw, result) = try Self.pushedDown(tree, in: directory)
    // The tree has every kind of problem, so the comparison covers them: gaps (one across the month boundary),
    // repeated records and samples without a value.
    let summary = try Self.comparable(raw)
    let circuits = try #require(summary["circuits"] as? [[String: Any]])
    #expect(circuits.map { $0["gaps"] as? Int } == [4, 0, 0])
    #expect(circuits.map { $0["duplicates"] as? Int } == [2, 0, 0])
    #expect(circuits.map { $0["emptyValues"] as? Int } == [2, 0, 0])
    // Sizing from either gives the same numbers.
    let profile = directory.appendingPathComponent("profile.json").path
    try
      #"{"schemaVersion": 1, "name": "pushdown", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ER-03"}}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    let fromResult = ercalc("size", profile, "--series", result, "--format", "json", "--start", "2026-02")
    let fromTree = ercalc("size", profile, "--series", tree.path, "--format", "json", "--start", "2026-02")
    #expect(fromResult.status == .success, "\(fromResult.errors)")
    #expect(fromResult.output == fromTree.output)
  }

  /// The Done-when of issue 32: a year of 20 circuits (every kind of problem, bucket edge, part month, record order
  /// and resource ID spelling; see ``DiagnosticYearTree``), run by DuckDB, is the summary of the raw files, and
  /// sizing from either gives the same report in every format, the same first problems named, only where each
  /// warning points differing (a result's row, a raw file's line).
  @Test(
    .enabled(
      if: duckDBPython != nil,
      "DuckDB is not installed (pip install duckdb, or set ERCALC_DUCKDB_PYTHON; .ci/run installs it under .build)"))
  func yearOfTwentyCircuitsEqualsTheRawSummaryAndSizesTheSame() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-year")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tree = directory.appendingPathComponent("export")
    try DiagnosticYearTree.write(to: tree)
    let (_, raw, result) = try Self.pushedDown(tree, in: directory)
    let circuits = try #require(try Self.comparable(raw)["circuits"] as? [[String: Any]])
    #expect(circuits.map { $0["circuit"] as? String } == DiagnosticYearTree.circuits)
    // Kind 1 (ER-01, 06, 11, 16): 8,760 hours less 9 at step % 997 == 13 (13, 1010, …, 7989) and 24 around the 13
    // month boundaries of the year (its first and last hour, 2 × 11 inside): 8,727 samples, 31 gaps (the first and
    // last hour missing are outside the series); 6 repeats (step % 1499 == 7: 7, 1506, …, 7502); 10 times without
    // both values (5 missing records at step % 1777 == 5, 5 null averages at step % 2003 == 11).
    // Kind 4 (ER-04, 09, 14, 19): 2026-04-17T05:00Z to 2026-10-03T19:00Z, (1,791,054,000 − 1,776,402,000) / 3,600
    // = 4,070 hours. The others: 8,760.
    let expected: [(samples: Int, gaps: Int, duplicates: Int, empty: Int)] = [
      (8727, 31, 6, 10), (8760, 0, 0, 0), (8760, 0, 0, 0), (4070, 0, 0, 0), (8760, 0, 0, 0),
    ]
    for (index, circuit) in circuits.enumerated() {
      let want = expected[index % 5]
      #expect(circuit["samples"] as? Int == want.samples, "\(index)")
      #expect(circuit["gaps"] as? Int == want.gaps, "\(index)")
      #expect(circuit["duplicates"] as? Int == want.duplicates, "\(index)")
      #expect(circuit["emptyValues"] as? Int == want.empty, "\(index)")
      #expect(circuit["intervalSeconds"] as? Int == 3600)
    }
    // Sizing: from the result and from the raw records' own summary (read once; sizing from it is sizing from the
    // files, checked byte for byte below for the circuit with problems), one circuit of each kind, every format.
    let rawSummary = directory.appendingPathComponent("raw-summary.json").path
    try raw.write(toFile: rawSummary, atomically: true, encoding: .utf8)
    for circuit in DiagnosticYearTree.circuits.prefix(5) {
      let profile = directory.appendingPathComponent("\(circuit).json").path
      try
        #"{"schemaVersion": 1, "name": "year", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "\#(circuit)"}}"#
        .write(toFile: profile, atomically: true, encoding: .utf8)
      // Every format for the circuit with problems; text and JSON (the report's whole model) for the others. ER-02's
      // rates reach 10^15 bit/s: no circuit carries them, refused alike.
      for format in circuit == "ER-01" ? ["text", "json", "markdown", "csv", "html"] : ["text", "json"] {
        let arguments = ["size", profile, "--start", "2027-01", "--format", format, "--series"]
        let fromResult = ercalc(arguments + [result])
        let fromRaw = ercalc(arguments + [rawSummary])
        #expect(fromResult.status == (circuit == "ER-02" ? .dataError : .success), "\(circuit) \(format)")
        #expect(fromResult.status == fromRaw.status, "\(circuit) \(format)")
        #expect(
          Self.withoutLocations(fromResult.output) == Self.withoutLocations(fromRaw.output), "\(circuit) \(format)")
        #expect(
          Self.withoutLocations(fromResult.errors) == Self.withoutLocations(fromRaw.errors), "\(circuit) \(format)")
        if circuit != "ER-01" { #expect(fromResult.output == fromRaw.output, "\(circuit) \(format)") }
      }
    }
    // The circuit with problems sized from the files themselves: the report of their summary, byte for byte.
    let arguments = ["size", directory.appendingPathComponent("ER-01.json").path, "--start", "2027-01", "--series"]
    let fromResult = ercalc(arguments + [result])
    let fromFiles = ercalc(arguments + [tree.path])
    #expect(fromFiles.output == ercalc(arguments + [rawSummary]).output)
    #expect(Self.withoutLocations(fromResult.output) == Self.withoutLocations(fromFiles.output))
    #expect(
      Self.withoutLocations(fromResult.output).contains(
        "warning: 31 missing samples for circuit 'ER-01'; first: gap of 1 sample(s) before 2026-01-01T14:00:00Z"))
  }

  /// A report with where each warning points taken out (`result.csv:2:23: `, a blob's path and line) and white
  /// space folded, since a longer location wraps the text differently.
  static func withoutLocations(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"[^\s"'>]+:[0-9]+(:[0-9]+)?:\s+(warning|error|note):"#, with: "$2:", options: .regularExpression
    )
    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Sparse one-minute records (`timeGrain` PT1M, a record every fifth minute) are one-minute samples with gaps, as
  /// ercalc reads them: the push-down takes the interval from the time grain, not from the smallest step; without a
  /// grain, both take the smallest step.
  @Test(
    .enabled(
      if: duckDBPython != nil,
      "DuckDB is not installed (pip install duckdb, or set ERCALC_DUCKDB_PYTHON; .ci/run installs it under .build)"),
    arguments: [true, false])
  func sparseRecordsKeepTheirTimeGrain(withGrain: Bool) throws {
    let directory = try temporaryDirectory("ercalc-pushdown-sparse")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tree = directory.appendingPathComponent("export")
    let id =
      "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-SPARSE"
    // 2026-01-31T23:00Z to 2026-02-01T00:55Z, every 5 minutes: 24 records per direction, in two hourly blobs.
    for (day, hour) in [("2026/m=01/d=31", "23"), ("2026/m=02/d=01", "00")] {
      let folder = tree.appendingPathComponent("insights-metrics-pt1m/resourceId=\(id)/y=\(day)/h=\(hour)/m=00")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let date = day.replacingOccurrences(of: "/m=", with: "-").replacingOccurrences(of: "/d=", with: "-")
      var lines: [String] = []
      for minute in stride(from: 0, to: 60, by: 5) {
        for (metric, rate) in [("BitsInPerSecond", "1000000.0"), ("BitsOutPerSecond", "2000000.0")] {
          lines.append(
            "{\"average\": \(rate), \"maximum\": \(rate), \"resourceId\": \"\(id)\", \"time\": \"\(date)T\(hour):"
              + String(format: "%02d", minute)
              + ":00.0000000Z\", \"metricName\": \"\(metric)\"" + (withGrain ? ", \"timeGrain\": \"PT1M\"}" : "}"))
        }
      }
      try (lines.joined(separator: "\n") + "\n").write(
        to: folder.appendingPathComponent("PT1H.json"), atomically: true, encoding: .utf8)
    }
    let (pushed, _, _) = try Self.pushedDown(tree, in: directory)
    let circuits = try #require(try Self.comparable(pushed)["circuits"] as? [[String: Any]])
    // 60 s from PT1M (not the 300 s step); 24 samples; 23 steps of 300 s each miss 4 one-minute samples: 23 × 4 = 92
    // gaps (the step into February counted when the months merge). Without a grain: 300 s, no gaps.
    #expect(circuits.map { $0["intervalSeconds"] as? Int } == [withGrain ? 60 : 300])
    #expect(circuits.map { $0["samples"] as? Int } == [24])
    #expect(circuits.map { $0["gaps"] as? Int } == [withGrain ? 92 : 0])
  }

  /// Writes one blob of JSON-lines records for `circuit` (`time`, average and grain per record) under `tree`.
  static func writeBlob(_ tree: URL, circuit: String, _ records: [(time: String, rate: String, grain: String)]) throws {
    let id =
      "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/\(circuit)"
    let folder = tree.appendingPathComponent("insights-metrics-pt1m/resourceId=\(id)/y=2026/m=04/d=01/h=00/m=00")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var lines: [String] = []
    for record in records {
      for metric in ["BitsInPerSecond", "BitsOutPerSecond"] {
        lines.append(
          "{\"average\": \(record.rate), \"resourceId\": \"\(id)\", \"time\": \"\(record.time)\", \"metricName\": \"\(metric)\", \"timeGrain\": \"\(record.grain)\"}"
        )
      }
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("PT1H.json"), atomically: true, encoding: .utf8)
  }

  /// Times with an offset are UTC less the offset in the query as in ercalc's reader: `2026-04-01T00:30:00+01:00`
  /// is 2026-03-31T23:30Z, in March. Records of one resource with two time grains are refused when the result is
  /// read (mixed granularity), as ercalc's reader refuses PT5M records followed by PT1M ones off their grid.
  @Test(
    .enabled(
      if: duckDBPython != nil,
      "DuckDB is not installed (pip install duckdb, or set ERCALC_DUCKDB_PYTHON; .ci/run installs it under .build)"))
  func offsetsAreUTCAndMixedGrainsAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-pushdown-offsets")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tree = directory.appendingPathComponent("export")
    // 23:20Z, 23:30Z, 23:40Z, 23:50Z on 2026-03-31 and 00:00Z, 00:10Z on 2026-04-01, written at +01:00 and −02:30.
    try Self.writeBlob(
      tree, circuit: "ER-OFF",
      ["00:20", "00:30", "00:40", "00:50", "01:00", "01:10"].map {
        ("2026-04-01T\($0):00.0000000+01:00", "1000.0", "PT10M")
      })
    try Self.writeBlob(
      tree, circuit: "ER-NEG",
      ["20:50", "21:00", "21:10"].map { ("2026-03-31T\($0):00-02:30", "2000.0", "PT10M") })
    // The offset without a colon (+0530) and in hours only (+02), as ercalc's reader takes them.
    try Self.writeBlob(
      tree, circuit: "ER-COMPACT", ["04:50", "05:00", "05:10"].map { ("2026-04-01T\($0):00+0530", "3000.0", "PT10M") })
    try Self.writeBlob(
      tree, circuit: "ER-HOURS", ["01:20", "01:30"].map { ("2026-04-01T\($0):00.5+02", "4000.0", "PT10M") })
    let (pushed, _, _) = try Self.pushedDown(tree, in: directory)
    let circuits = try #require(try Self.comparable(pushed)["circuits"] as? [[String: Any]])
    #expect(circuits.map { $0["circuit"] as? String } == ["ER-COMPACT", "ER-HOURS", "ER-NEG", "ER-OFF"])
    #expect(circuits.map { $0["first"] as? String } == Array(repeating: "2026-03-31T23:20:00Z", count: 4))
    #expect(
      circuits.map { $0["last"] as? String } == [
        "2026-03-31T23:40:00Z", "2026-03-31T23:30:00Z", "2026-03-31T23:40:00Z", "2026-04-01T00:10:00Z",
      ])
    // A record without a metric name fails the query, as it fails ercalc's reader (not dropped by a join).
    let broken = directory.appendingPathComponent("broken")
    try Self.writeBlob(broken, circuit: "ER-BAD", [("2026-04-01T00:00:00Z", "1.0", "PT1M")])
    let blob = try #require(
      FileManager.default.enumerator(atPath: broken.path)?.allObjects.compactMap { $0 as? String }
        .first { $0.hasSuffix(".json") })
    let path = broken.appendingPathComponent(blob).path
    try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(
      of: "\"metricName\": \"BitsOutPerSecond\"", with: "\"metricName\": null"
    ).write(toFile: path, atomically: true, encoding: .utf8)
    if let python = Self.duckDBPython {
      let query = ercalc("traffic", "query", "--engine", "duckdb", "--source", broken.path + "/**/*.json").output
      let queryFile = directory.appendingPathComponent("broken.sql").path
      try query.write(toFile: queryFile, atomically: true, encoding: .utf8)
      let run = try Self.python(
        python, ["-c", "import duckdb, sys\nduckdb.sql(open(sys.argv[1]).read()).fetchall()\n", queryFile])
      #expect(run.status != 0)
      #expect(run.errors.contains("ercalc: a record without resourceId, metricName or time"))
    }
    let mixed = directory.appendingPathComponent("mixed")
    try Self.writeBlob(
      mixed, circuit: "ER-MIX",
      [
        ("2026-04-01T00:00:00Z", "1.0", "PT5M"), ("2026-04-01T00:05:00Z", "1.0", "PT5M"),
        ("2026-04-01T00:06:00Z", "1.0", "PT1M"), ("2026-04-01T00:07:00Z", "1.0", "PT1M"),
      ])
    let query = ercalc("traffic", "query", "--engine", "duckdb", "--source", mixed.path + "/**/*.json")
    let result = directory.appendingPathComponent("mixed.csv").path
    try Self.runDuckDB(query.output, in: directory, output: result)
    let read = ercalc("traffic", "summarize", "--quiet", result)
    #expect(read.status == .dataError)
    #expect(read.errors.contains("have another time grain (mixed granularity; export one interval per series)"))
    #expect(ercalc("traffic", "summarize", "--quiet", mixed.path).status == .dataError)
  }

  /// A Python with `pyspark` (and Java), given by `ERCALC_SPARK_PYTHON`: Spark is too heavy to install for every CI
  /// run, so this test runs only where it is given.
  static let sparkPython = ProcessInfo.processInfo.environment["ERCALC_SPARK_PYTHON"]

  @Test(.enabled(if: sparkPython != nil, "Spark is not given (set ERCALC_SPARK_PYTHON to a Python with pyspark)"))
  func sparkResultEqualsTheSummaryOfTheRawTree() throws {
    let python = try #require(Self.sparkPython)
    let directory = try temporaryDirectory("ercalc-pushdown-spark")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tree = directory.appendingPathComponent("export")
    try DiagnosticTree.write(to: tree)
    let query = ercalc("traffic", "query", "--engine", "spark", "--source", tree.path)
    #expect(query.status == .success, "\(query.errors)")
    let queryFile = directory.appendingPathComponent("query.sql").path
    try query.output.write(toFile: queryFile, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("result").path
    // The statements in order, the last one's rows written as one CSV file with a header (README-SECTION.md).
    let script = """
      import sys
      from pyspark.sql import SparkSession
      spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
      statements = [s for s in open(sys.argv[1]).read().split(";\\n") if s.strip()]
      for statement in statements[:-1]:
          spark.sql(statement)
      spark.sql(statements[-1]).coalesce(1).write.option("header", True).csv(sys.argv[2])
      """
    let run = try Self.python(python, ["-c", script, queryFile, output])
    #expect(run.status == 0, "Spark failed: \(run.errors.suffix(2000))")
    let part = try #require(
      try FileManager.default.contentsOfDirectory(atPath: output).first {
        $0.hasPrefix("part-") && $0.hasSuffix(".csv")
      })
    let pushed = ercalc("traffic", "summarize", "--quiet", output + "/" + part)
    #expect(pushed.status == .success, "\(pushed.errors)")
    let raw = ercalc("traffic", "summarize", "--quiet", tree.path)
    #expect(try Self.comparable(pushed.output) == Self.comparable(raw.output))
  }

  @Test func renderingsAreGolden() {
    for engine in ["kql", "duckdb", "spark"] {
      var arguments = ["traffic", "query", "--engine", engine]
      if engine == "duckdb" { arguments += ["--source", "export/insights-metrics-pt1m/**/*.json"] }
      arguments += ["--from", "2025-01", "--to", "2027-01"]
      let result = ercalc(arguments)
      #expect(result.status == .success, "\(result.errors)")
      Golden.check(result.output, file: snapshotFile("traffic-query-\(engine).txt"))
    }
  }

  /// The three renderings come from one plan: the same stages in the same order, the same result columns, the same
  /// bucket scheme, and no estimated percentiles or zero fill in any.
  @Test func everyEngineRendersTheSamePlan() {
    let stages = [
      "records", "points", "samples", "steps", "grid", "timed", "months", "directed", "buckets", "directions",
      "summary",
    ]
    for engine in ["kql", "duckdb", "spark"] {
      let text = ercalc("traffic", "query", "--engine", engine).output
      var cursor = text.startIndex
      for stage in stages.dropLast() {
        let opening = engine == "kql" ? "let \(stage) = " : "\(stage) AS ("
        let found = text.range(of: opening, range: cursor..<text.endIndex)
        #expect(found != nil, "\(engine): stage \(stage) missing or out of order")
        cursor = found?.upperBound ?? cursor
      }
      for column in [
        "ercalc_summary", "interval_seconds", "first_time", "last_time", "times", "complete", "valued", "gaps",
        "duplicates", "off_grid", "samples", "rate_sum", "maximum", "burst", "histogram",
      ] {
        #expect(text.contains(column), "\(engine): no column \(column)")
      }
      #expect(text.contains("'ercalc-rate-buckets-1'") || text.contains("\"ercalc-rate-buckets-1\""))
      #expect(text.contains("108999"), "\(engine): the highest bucket")
      for forbidden in ["percentile", "tdigest", "make-series", "quantile", "approx"] {
        #expect(!text.lowercased().contains(forbidden), "\(engine): \(forbidden)")
      }
    }
  }

  @Test func queryUsageErrors() {
    #expect(ercalc("traffic", "query").status == .usage)
    #expect(ercalc("traffic", "query", "--engine", "postgres").status == .usage)
    #expect(ercalc("traffic", "query", "--engine", "kql", "some.csv").status == .usage)
    #expect(ercalc("traffic", "query", "--engine", "kql", "--from", "2026-05", "--to", "2026-05").status == .usage)
    #expect(ercalc("traffic", "summarize", "x.csv", "--engine", "kql").status == .usage)
    #expect(ercalc("traffic", "query", "--engine", "duckdb", "--interval", "60").status == .usage)
    // Spark escapes a quote in a literal with a backslash; DuckDB doubles it.
    #expect(ercalc("traffic", "query", "--engine", "spark", "--source", "it's").output.contains(#"(path 'it\'s',"#))
    #expect(ercalc("traffic", "query", "--engine", "duckdb", "--source", "it's").output.contains("read_json('it''s',"))
  }
}
