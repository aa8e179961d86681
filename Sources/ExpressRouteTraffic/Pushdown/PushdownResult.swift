import ExpressRouteCore
import Foundation

/// The result of a push-down query (``PushdownPlan``) read back as mergeable summaries.
///
/// A result is a table with ``columns`` (any order, extra columns such as `az`'s `TableName` ignored), one row per
/// resource × month × direction. Each month of a resource becomes a piece of its series with exactly the counts and
/// sums ercalc keeps (``SeriesAccumulator``); the months are then merged oldest first, so the step into each month
/// is checked and counted as when reading the raw records. Every row is checked before anything is merged: a result
/// that is not a summary (a missing column, another bucket scheme, a direction missing, counts that do not add up,
/// samples off the interval's grid) is refused at the cell, naming the engine's shape, the column and the row.
package enum PushdownResult {
  /// The result's columns, in the order the plan writes them.
  package static let columns = [
    "ercalc_summary", "resource", "month", "direction", "interval_seconds", "first_time", "last_time", "times",
    "complete", "valued", "gaps", "duplicates", "off_grid", "samples", "rate_sum", "maximum", "burst", "histogram",
  ]

  /// The marker column, looked for in a file's first bytes.
  static let marker = Array("ercalc_summary".utf8)

  /// Whether a file's first bytes (up to 4 KiB) name the marker column: a push-down result in any shape. This runs on
  /// every file read that is not a saved summary (thousands of hourly blobs in an export tree): no copy where the
  /// bytes are contiguous, and the marker is compared only where its first letter is.
  static func isResult(_ head: some Collection<UInt8>) -> Bool {
    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let count = min(bytes.count, 4096)
      guard let base = bytes.baseAddress, count >= marker.count else { return false }
      return (0...(count - marker.count)).contains { start in
        base[start] == marker[0] && memcmp(base + start, marker, marker.count) == 0
      }
    }
    return head.withContiguousStorageIfAvailable(search) ?? Array(head.prefix(4096)).withUnsafeBufferPointer(search)
  }

  /// One cell: its text (`nil` for null or an empty CSV field) and where it is.
  struct Cell {
    var text: String?
    var location: FileLocation
    var path: String?
  }

  /// A table of cells with its column names and the shape it came in (for messages).
  struct Table {
    var shape: String
    var columns: [String]
    var rows: [[Cell]]
    /// Where the header (or the column list) is.
    var location: FileLocation
  }

  /// The series pieces of `data`'s result, one per resource and month, in resource then month order.
  static func read(_ data: Data, file: String) throws(Diagnostic) -> [SeriesAccumulator] {
    var pieces: [SeriesAccumulator] = []
    let found = try tables(data, file: file)
    for table in found {
      pieces += try self.pieces(table)
    }
    // No rows is not "no traffic": the query found no records (a wrong source, table or time range).
    guard !pieces.isEmpty else {
      throw Diagnostic(
        .error,
        "\(found.first?.shape ?? "result"): the result has no rows (expected one per resource, month and direction; check the query's source and time range)",
        location: found.first?.location)
    }
    return pieces
  }

  /// The pieces of one table.
  static func pieces(_ table: Table) throws(Diagnostic) -> [SeriesAccumulator] {
    var position: [String: Int] = [:]
    for (index, name) in table.columns.enumerated() where position[name.lowercased()] == nil {
      position[name.lowercased()] = index
    }
    let missing = columns.filter { position[$0] == nil }
    guard missing.isEmpty else {
      throw Diagnostic(
        .error,
        "\(table.shape): the result has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) (expected the columns of ercalc traffic query: \(columns.joined(separator: ", ")))",
        location: table.location)
    }
    var rows: [Row] = []
    for (index, cells) in table.rows.enumerated() {
      let row = RowCells(table: table, number: index + 1, cells: cells, position: position)
      rows.append(try Row(row))
    }
    rows.sort { ($0.resource, $0.month, $0.inbound ? 0 : 1) < ($1.resource, $1.month, $1.inbound ? 0 : 1) }
    var pieces: [SeriesAccumulator] = []
    var k = 0
    while k < rows.count {
      let first = rows[k]
      var pair = [first]
      while k + pair.count < rows.count, rows[k + pair.count].resource == first.resource,
        rows[k + pair.count].month == first.month
      {
        pair.append(rows[k + pair.count])
      }
      pieces.append(try piece(pair))
      k += pair.count
    }
    return pieces
  }

  /// The piece of one resource's month from its inbound and outbound rows.
  private static func piece(_ rows: [Row]) throws(Diagnostic) -> SeriesAccumulator {
    let first = rows[0]
    guard rows.count == 2, rows[0].inbound, !rows[1].inbound else {
      let what = rows.count >= 2 ? "repeats" : "lacks"
      throw first.error(
        "direction",
        "resource '\(first.resource)' month \(first.month) \(what) a direction (expected one 'in' and one 'out' row)")
    }
    let inRow = rows[0]
    let outRow = rows[1]
    let shared: [(String, Int64, Int64)] = [
      ("interval_seconds", inRow.interval, outRow.interval), ("first_time", inRow.firstTime, outRow.firstTime),
      ("last_time", inRow.lastTime, outRow.lastTime), ("times", Int64(inRow.times), Int64(outRow.times)),
      ("complete", Int64(inRow.complete), Int64(outRow.complete)),
      ("valued", Int64(inRow.valued), Int64(outRow.valued)),
      ("gaps", Int64(inRow.gaps), Int64(outRow.gaps)),
      ("duplicates", Int64(inRow.duplicates), Int64(outRow.duplicates)),
    ]
    for (name, a, b) in shared where a != b {
      throw outRow.error(name, "the 'out' row says \(b), the 'in' row \(a) (expected the month's value on both rows)")
    }
    guard inRow.samples + outRow.samples == inRow.complete + inRow.valued else {
      throw outRow.error(
        "samples",
        "the directions hold \(inRow.samples) + \(outRow.samples) values, but \(inRow.complete) complete and \(inRow.valued) valued sample times give \(inRow.complete + inRow.valued) (expected the same count)"
      )
    }
    let empty = inRow.times - inRow.complete
    let firsts = try FirstProblems(inRow.cells, inRow)
    let outFirsts = try FirstProblems(outRow.cells, outRow)
    for (name, a, b) in [
      ("first_gap_time", firsts.gap?.time, outFirsts.gap?.time),
      ("first_gap", firsts.gap?.samples, outFirsts.gap?.samples),
      ("first_duplicate_time", firsts.duplicate?.time, outFirsts.duplicate?.time),
      ("first_empty_time", firsts.empty, outFirsts.empty),
      (
        "first_duplicate_direction", firsts.duplicate.map { $0.inbound ? 1 : 0 },
        outFirsts.duplicate.map { $0.inbound ? 1 : 0 }
      ),
    ] where a != b {
      throw outRow.error(name, "the 'out' row differs from the 'in' row (expected the month's value on both rows)")
    }
    let messages = firsts.messages(inRow)
    func counter(_ count: Int, _ message: String) -> IssueCounter {
      guard count > 0 else { return IssueCounter() }
      return IssueCounter(count: count, first: Diagnostic(.warning, message, location: first.location))
    }
    return SeriesAccumulator(
      circuit: first.circuit, interval: inRow.interval, first: inRow.firstTime, last: inRow.lastTime,
      samples: inRow.times, completeSamples: inRow.complete, valuedSamples: inRow.valued,
      inbound: inRow.direction, outbound: outRow.direction, gaps: counter(inRow.gaps, messages.gap),
      duplicates: counter(inRow.duplicates, messages.duplicate),
      missingValues: counter(empty, messages.empty), pending: nil, firstLocation: first.location)
  }
}
