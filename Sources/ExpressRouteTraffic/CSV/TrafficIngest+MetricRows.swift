import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// CSV exports of the Log Analytics `AzureMetrics` table: one row per resource, metric and interval.
///
/// Columns as the table reference names them (`TimeGenerated`, `ResourceId`, `MetricName`,
/// `Average`, `Maximum`, `Minimum`, `Total`, `Count`, `TimeGrain`, `UnitName`, …; a portal
/// header `TimeGenerated [UTC]` is read as `TimeGenerated`), in any order, rows in any order.
/// Inbound and outbound rows are joined per circuit and interval on a grid (``MetricPointGrid``);
/// sizing integrates `Average`, and the highest `Maximum` is the circuit's burst peak.
extension TrafficIngest {
  /// Whether a header row names the columns of an `AzureMetrics` export.
  static func isMetricRowsHeader(_ cells: [String]) -> Bool {
    let names = Set(cells.map(normalizedName))
    return names.contains("metricname") && names.contains("average")
  }

  /// Why rates of `metric` stated in `unit` cannot be read, or `nil` for `BitsPerSecond` (in any case): the REST
  /// shape's `unit` and `AzureMetrics`' `UnitName` (trimmed, and passed over when empty) are held to this one rule.
  static func unitRefusal(_ unit: String, metric: String) -> String? {
    guard unit.lowercased() != "bitspersecond" else { return nil }
    return
      "\(metric) is in '\(unit)' (expected BitsPerSecond: ercalc reads rates in bits per second, as ExpressRoute's BitsInPerSecond and BitsOutPerSecond give them)"
  }

  /// The column positions of an `AzureMetrics` export.
  struct MetricRowColumns {
    var time: Int
    var resource: Int?
    var metric: Int
    var average: Int
    var maximum: Int?
    var grain: Int?
    /// `UnitName`: every row read must say `BitsPerSecond`.
    var unit: Int?
    var count: Int
  }

  /// Reads an `AzureMetrics` CSV export from `descriptor` (after `prefix`), streaming line by line.
  mutating func readMetricRowsCSV(descriptor: Int32, file: String, prefix: [UInt8]) throws(Diagnostic) -> Int {
    var grid = MetricPointGrid(repeatRule: .keepFirst)
    var columns: MetricRowColumns?
    var line = 0
    var skipped: Set<String> = []
    var found = 0
    var pending = prefix
    /// The bytes at the head of `pending` known to hold no line feed (an unfinished line from the last read).
    var searched = 0
    var done = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var endOfInput = descriptor < 0
    // Two resources of one name are refused (``ResourceIDRegistry``, the ingest's: across files too); each distinct ID
    // text is checked once.
    var checkedIDs: Set<String> = []
    var lastID = ""
    while true {
      if !endOfInput {
        let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 1 << 20) }
        if got < 0 {
          if errno == EINTR { continue }
          throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
        }
        if got == 0 { endOfInput = true } else { pending.append(contentsOf: chunk[0..<got]) }
      }
      // Every complete line (all of them at the end of the input).
      var start = 0
      while start < pending.count {
        guard let newline = pending[max(start, searched)...].firstIndex(of: 0x0A) ?? (endOfInput ? pending.count : nil)
        else { break }
        line += 1
        var end = newline
        if end > start && pending[end - 1] == 0x0D { end -= 1 }
        let cells = pending[start..<end].withUnsafeBufferPointer { CSVBytes.splitQuoted($0) }
        start = min(newline + 1, pending.count)  // the last line may have no line feed
        if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
        guard let layout = columns else {
          columns = try Self.metricRowColumns(cells, file: file, line: line)
          continue
        }
        guard cells.count == layout.count else {
          throw Diagnostic(
            .error, "expected \(layout.count) fields like the header, found \(cells.count)",
            location: FileLocation(file: file, line: line, column: 1)
          )
        }
        rowsRead += 1
        let metric = cells[layout.metric].trimmingCharacters(in: .whitespaces)
        guard let inbound = Self.direction(ofMetric: metric) else {
          if skipped.insert(metric).inserted {
            noteSkipped(metric, file: file)
          }
          continue
        }
        // The unit as Log Analytics writes it passes without a copy; anything else is looked at closely.
        if let column = layout.unit, cells[column] != "BitsPerSecond" {
          let unit = cells[column].trimmingCharacters(in: .whitespaces)
          if !unit.isEmpty, let refusal = Self.unitRefusal(unit, metric: metric) {
            throw Diagnostic(
              .error, refusal,
              location: FileLocation(file: file, line: line, column: CSVBytes.column(of: column, in: cells)))
          }
        }
        let timeText = cells[layout.time].trimmingCharacters(in: .whitespaces)
        guard let time = Timestamp.parse(timeText) else {
          throw Diagnostic(
            .error, "'\(timeText)' is not a timestamp (expected \(Timestamp.expectedFormat))",
            location: FileLocation(file: file, line: line, column: layout.time + 1))
        }
        let average = try Self.metricRate(cells[layout.average], column: "Average", file: file, line: line)
        let resourceID = layout.resource.map { cells[$0].trimmingCharacters(in: .whitespaces) }
        let circuitName = resourceID.map { resourceName($0) } ?? options.defaultCircuit
        if let resourceID, let column = layout.resource, resourceID != lastID {
          lastID = resourceID
          if checkedIDs.insert(resourceID).inserted,
            let refusal = resourceIDs.refusal(
              resourceID, named: circuitName,
              at: FileLocation(file: file, line: line, column: CSVBytes.column(of: column, in: cells)))
          {
            throw Diagnostic(
              .error, refusal,
              location: FileLocation(file: file, line: line, column: CSVBytes.column(of: column, in: cells)))
          }
        }
        let grain = layout.grain.flatMap { parseInterval(cells[$0].trimmingCharacters(in: .whitespaces)) }
        let circuit = grid.circuit(
          circuitName.isEmpty ? options.defaultCircuit : circuitName, interval: options.interval ?? grain)
        if let column = layout.maximum,
          let peak = try Self.metricRate(cells[column], column: "Maximum", file: file, line: line)
        {
          grid.peak(circuit, inbound: inbound, peak)
        }
        found += 1
        try grid.add(circuit, time: time, inbound: inbound, value: average, line: line, file: file)
      }
      done += start
      pending.removeFirst(start)
      if endOfInput { break }
      // What is left is one unfinished line; only its new bytes need looking at (no newline in the rest).
      let newBytes = pending[min(max(searched - start, 0), pending.count)...]
      searched = pending.count
      if pending.count > options.inputLimit || newBytes.contains(0) {
        // One unfinished line beyond the limit on one document, or a NUL byte (never CSV text): stop at once.
        throw Diagnostic(
          .error,
          pending.count > options.inputLimit
            ? "a line longer than \(Self.describe(bytes: options.inputLimit)) (the limit for one line or JSON document)"
            : "byte 0x00 is not allowed in a CSV series (expected text)",
          location: FileLocation(file: file, line: line + 1, column: 1),
          remedy: pending.count > options.inputLimit ? .largerInputLimit : nil)
      }
    }
    guard columns != nil else {
      throw Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file)
    }
    guard found > 0 else {
      throw Diagnostic(
        .error,
        "no BitsInPerSecond or BitsOutPerSecond rows in the export (expected MetricName values of those metrics)",
        file: file)
    }
    try grid.drain(into: &self, file: file)
    return done
  }

  static func metricRowColumns(_ cells: [String], file: String, line: Int) throws(Diagnostic) -> MetricRowColumns {
    let names = cells.map(normalizedName)
    func column(_ candidates: [String]) -> Int? { candidates.lazy.compactMap { names.firstIndex(of: $0) }.first }
    guard let time = column(["timegenerated", "timegeneratedutc", "time", "timestamp"]) else {
      throw Diagnostic(
        .error,
        "the AzureMetrics header has no TimeGenerated column (found \(cells.map { "'\($0)'" }.joined(separator: ", ")))",
        location: FileLocation(file: file, line: line, column: 1))
    }
    guard let metric = column(["metricname"]), let average = column(["average"]) else {
      throw Diagnostic(
        .error, "the AzureMetrics header needs MetricName and Average columns",
        location: FileLocation(file: file, line: line, column: 1))
    }
    return MetricRowColumns(
      time: time, resource: column(["resourceid", "resource"]), metric: metric, average: average,
      maximum: column(["maximum"]),
      grain: column(["timegrain"]), unit: column(["unitname", "unit"]), count: cells.count)
  }

  /// A rate cell of an `AzureMetrics` row: empty is missing; otherwise a number from 0 to 1 Pbps.
  static func metricRate(_ cell: String, column: String, file: String, line: Int) throws(Diagnostic) -> Double? {
    // Classified as every CSV rate cell is: empty or `null` is missing, else a number from 0 to 1 Pbps.
    var bytes = cell
    let value = bytes.withUTF8 { buffer in
      buffer.baseAddress.map { CSVBytes.csvValue($0, 0, buffer.count, scale: 1, dialect: .comma) } ?? .missing
    }
    switch value {
    case .missing: return nil
    case .value(let rate): return rate
    case .invalid:
      throw Diagnostic(
        .error,
        "'\(cell.trimmingCharacters(in: .whitespaces))' in column '\(column)' is not a rate (expected bits per second from 0 to 1 Pbps)",
        location: FileLocation(file: file, line: line))
    }
  }
}
