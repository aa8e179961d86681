import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Spark infers a JSON view's schema from the data, so a field no file has (diagnostic-settings records without
/// `timeGrain`) would not exist as a column and the query would fail to resolve it: the Spark rendering declares the
/// columns it reads, the same ones with the same types DuckDB's `read_json` is given.
@Suite struct PushdownSparkSchemaTests {
  /// The `name: 'TYPE'` pairs of DuckDB's `columns = {…}`, as `name TYPE` in Spark's spelling (VARCHAR is STRING).
  static func duckDBColumns(_ text: String) throws -> [String] {
    let start = try #require(text.range(of: "columns = {"))
    let end = try #require(text.range(of: "})", range: start.upperBound..<text.endIndex))
    return text[start.upperBound..<end.lowerBound].split(separator: ",").map { pair in
      let parts = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      let name = parts[0].replacingOccurrences(of: "\"", with: "")
      let type = parts.count > 1 ? parts[1].replacingOccurrences(of: "'", with: "") : ""
      return "\(name) \(type == "VARCHAR" ? "STRING" : type)"
    }
  }

  /// The columns the Spark view declares, `name TYPE` (back-ticks dropped).
  static func sparkColumns(_ text: String) throws -> [String] {
    let start = try #require(text.range(of: "CREATE OR REPLACE TEMPORARY VIEW ercalc_records ("))
    let end = try #require(text.range(of: ") USING json", range: start.upperBound..<text.endIndex))
    return text[start.upperBound..<end.lowerBound].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
    }
  }

  @Test func theSparkViewDeclaresTheColumnsTheRecordsAreReadBy() throws {
    let spark = ercalc("traffic", "query", "--engine", "spark", "--source", "export")
    #expect(spark.status == .success, "\(spark.errors)")
    let duckdb = ercalc("traffic", "query", "--engine", "duckdb", "--source", "export/**/*.json")
    #expect(duckdb.status == .success, "\(duckdb.errors)")
    // The six fields of a diagnostic-settings record the plan reads; count, total and minimum are not.
    let expected = [
      "resourceId STRING", "time STRING", "metricName STRING", "average DOUBLE", "maximum DOUBLE", "timeGrain STRING",
    ]
    #expect(try Self.sparkColumns(spark.output) == expected)
    #expect(try Self.duckDBColumns(duckdb.output) == expected)
    // Declared before the data source and its options, as Spark's grammar has it (`createTempViewUsing`).
    #expect(
      spark.output.contains(
        "timeGrain STRING) USING json OPTIONS (path 'export', recursiveFileLookup 'true', pathGlobFilter '*.json',"
          + " mode 'FAILFAST');\n"))
  }
}
