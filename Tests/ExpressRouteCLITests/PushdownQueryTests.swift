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

  /// A summary file's JSON with what only says where things were read (first locations, the first problem's text)
  /// left out: the counts, sums, histograms, times and rates stay.
  static func comparable(_ text: String) throws -> NSDictionary {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var circuits: [[String: Any]] = []
    for case var circuit as [String: Any] in root["circuits"] as? [Any] ?? [] {
      circuit["firstLocation"] = nil
      for key in ["gaps", "duplicates", "emptyValues"] {
        circuit[key] = (circuit[key] as? [String: Any])?["count"]
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
  }
}
