import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Scans CSV text block by block, keeping what it learned (header, circuits, line number) between blocks.
struct CSVScanner {
  let file: String
  let defaultCircuit: String
  let interval: Int64?
  private(set) var line = 0
  private(set) var rows = 0
  /// Rows read by the fast path (for tests).
  private(set) var plainRowCount = 0
  private(set) var notes: [String] = []
  private(set) var layout: CSVColumnLayout?
  /// Whether the circuit table and staging still need setting up for ``layout`` (on the first rows).
  private var needsSetup = true
  private var circuits = CSVCircuitTable()
  /// Circuit fields that are resource IDs: two resources of one name are refused (``ResourceIDRegistry``).
  private var resourceIDs = ResourceIDRegistry()
  private var lastCircuitIndex = -1
  private var singleCircuit = -1
  private let staging = SampleStaging()
  /// Whether plain rows take ``CSVPlainRowReader``'s fast path and rows are staged; off, each row is added on its own.
  let fastIngest: Bool

  init(file: String, defaultCircuit: String, interval: Int64?, fastIngest: Bool = true) {
    self.file = file
    self.defaultCircuit = defaultCircuit
    self.interval = interval
    self.fastIngest = fastIngest
  }

  /// A scanner for a later chunk of a file whose header gave `layout`: it reads data rows from
  /// its first byte, counting lines from the chunk's start.
  init(file: String, defaultCircuit: String, interval: Int64?, fastIngest: Bool = true, layout: CSVColumnLayout) {
    self.init(file: file, defaultCircuit: defaultCircuit, interval: interval, fastIngest: fastIngest)
    self.layout = layout
  }

  /// Reads lines up to and including the header row and returns the bytes consumed: the header
  /// was found when ``layout`` is set, with the file's dialect, detected from the header line alone
  /// (``CSVDialect/detect(_:rank:)``, each line tried as a header ranked by ``headerRank(_:)``); otherwise call
  /// again with more bytes (preamble lines read so far are consumed and counted).
  mutating func findHeader(_ base: UnsafePointer<UInt8>, count total: Int, isFinal: Bool) throws(Diagnostic) -> Int {
    var position = 0
    while layout == nil {
      guard position < total else { return position }
      let end = CSVBytes.lineEnd(base, from: position, count: total)
      if end.next == total && !isFinal && (total == 0 || base[total - 1] != 0x0A) { return position }
      line += 1
      // The dialect is detected here, once per file, from the line that may be the header.
      let (dialect, cells) = CSVDialect.detect(
        UnsafeBufferPointer(start: base + position, count: end.contentEnd - position), rank: Self.headerRank)
      let normalized = cells.map { normalizedName($0) }
      if let time = normalized.firstIndex(where: { TrafficIngest.timeHeaders.contains($0) }) {
        layout = try Self.makeLayout(
          cells: cells, normalized: normalized, time: time, file: file, line: line, dialect: dialect)
        if line > 1 { notes.append("\(file): skipped \(line - 1) preamble line(s) before the header on line \(line)") }
      } else if line >= 50 {
        throw Diagnostic(
          .error,
          "no header row with a time column in the first 50 lines (expected a column named Time, Timestamp or TimeGenerated)",
          file: file)
      }
      position = end.next
    }
    return position
  }

  /// Adds every staged sample; fails when no header was found.
  func finish(series: inout [SeriesAccumulator]) throws(Diagnostic) {
    try staging.flushAll(series: &series, file: file)
    if layout == nil {
      throw Diagnostic(
        .error, "no header row with a time column (expected a column named Time, Timestamp or TimeGenerated)",
        file: file)
    }
  }

  /// Processes every complete line in `base[0..<count]` (every line when `isFinal`) and returns the bytes consumed.
  ///
  /// Samples are staged (see ``SampleStaging``); ``finish(series:)`` adds the last ones.
  mutating func scan(
    _ base: UnsafePointer<UInt8>, count total: Int, isFinal: Bool, series: inout [SeriesAccumulator],
    names: inout [String: Int]
  ) throws(Diagnostic) -> Int {
    do {
      return try scanRows(base, count: total, isFinal: isFinal, series: &series, names: &names)
    } catch {
      // Rows staged before the failing one come first, as if added one by one.
      throw staging.earliest(error, series: &series, file: file)
    }
  }

  private mutating func scanRows(
    _ base: UnsafePointer<UInt8>, count total: Int, isFinal: Bool, series: inout [SeriesAccumulator],
    names: inout [String: Int]
  ) throws(Diagnostic) -> Int {
    var position = 0
    if layout == nil {
      // Header search: stop for more bytes when the header row is not complete yet.
      position = try findHeader(base, count: total, isFinal: isFinal)
    }
    guard let layout else { return position }
    if needsSetup {
      needsSetup = false
      if layout.circuit == nil { singleCircuit = TrafficIngest.circuitIndex(defaultCircuit, &series, &names, interval) }
      staging.reserve(circuits: series.count)
    }
    // The hot loop works on locals: no struct copies, no allocation per row.
    let fieldCount = layout.headers.count
    let timeColumn = layout.time
    let inColumn = layout.inbound ?? -1
    let outColumn = layout.outbound ?? -1
    let circuitColumn = layout.circuit ?? -1
    let inScale = layout.inboundScale
    let outScale = layout.outboundScale
    let headers = layout.headers
    let dialect = layout.dialect
    let file = self.file
    let defaultInterval = interval
    var line = self.line
    var rows = 0
    // Raw buffers for field offsets: no uniqueness checks in the hot loop.
    let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 1)
    let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 1)
    fieldStarts.initialize(repeating: 0, count: fieldCount + 1)
    fieldEnds.initialize(repeating: 0, count: fieldCount + 1)
    var circuits = self.circuits
    var lastCircuitIndex = self.lastCircuitIndex
    var lastCircuitStart = 0
    var lastCircuitLength = -1
    let singleCircuit = self.singleCircuit
    var plainRows = CSVPlainRowReader(layout: layout, circuitNames: circuits.names, singleCircuit: singleCircuit)
    let fast = fastIngest
    defer {
      self.line = line
      self.rows += rows
      fieldStarts.deallocate()
      fieldEnds.deallocate()
      self.circuits = circuits
      self.lastCircuitIndex = lastCircuitIndex
    }
    while position < total {
      if fast && position + CSVPlainRowReader.window <= total {
        let runStart = position
        let rowsBefore = rows
        defer { plainRowCount += rows - rowsBefore }
        position = try plainRows.readRun(
          base, from: position, end: total, line: &line, rows: &rows, lastCircuit: &lastCircuitIndex, staging: staging,
          series: &series,
          file: file)
        // The last circuit is now the fast path's: forget the general path's remembered name bytes.
        if position != runStart { lastCircuitLength = -1 }
        guard position < total else { break }
      }
      line += 1
      let lineStart = position
      let split = CSVBytes.splitLine(
        base, from: lineStart, total: total, starts: fieldStarts, ends: fieldEnds, capacity: fieldCount,
        dialect: dialect)
      let cursor = split.lineFeed
      let fieldStart = split.lastFieldStart
      let quoted = split.quoted
      var fields = split.separators
      if cursor >= total && !isFinal {
        line -= 1
        return lineStart
      }
      position = cursor + 1
      var contentEnd = min(cursor, total)
      if contentEnd > lineStart && base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      if contentEnd == lineStart { continue }
      if fields <= fieldCount {
        fieldStarts[fields] = fieldStart
        fieldEnds[fields] = contentEnd
      }
      fields += 1
      if quoted {
        let cells = CSVBytes.splitQuotedRanges(base, from: lineStart, to: contentEnd, separator: dialect.separator)
        fields = cells.count
        for (i, range) in cells.enumerated() where i <= fieldCount {
          fieldStarts[i] = range.0
          fieldEnds[i] = range.1
        }
      }
      // A blank-looking line (only separators or spaces) is skipped.
      if fields != fieldCount {
        if CSVBytes.isBlank(base, from: lineStart, to: contentEnd, separator: dialect.separator) { continue }
        throw Diagnostic(
          .error, "expected \(fieldCount) fields like the header, found \(fields)",
          location: FileLocation(file: file, line: line, column: 1))
      }
      rows += 1
      let (ts, te) = CSVBytes.trim(base, fieldStarts[timeColumn], fieldEnds[timeColumn])
      let timestamp: Int64
      let memo = plainRows.lastTime
      if te > ts && te - ts == memo.length && ByteScanning.equal(base + ts, base + memo.start, te - ts) {
        timestamp = memo.timestamp
      } else {
        guard let parsed = Timestamp.parse(UnsafeBufferPointer(start: base + ts, count: te - ts)) else {
          throw Diagnostic(
            .error, "'\(CSVBytes.text(base, ts, te))' is not a timestamp (expected \(Timestamp.expectedFormat))",
            location: FileLocation(file: file, line: line, column: fieldStarts[timeColumn] - lineStart + 1))
        }
        timestamp = parsed
        plainRows.lastTime = Timestamp.HourMemo(start: ts, length: te - ts, timestamp: parsed)
      }
      let inCell = CSVBytes.rateCell(base, fieldStarts, fieldEnds, inColumn, inScale, dialect)
      let outCell = CSVBytes.rateCell(base, fieldStarts, fieldEnds, outColumn, outScale, dialect)
      if inCell == .invalid || outCell == .invalid {
        let column = inCell == .invalid ? inColumn : outColumn
        throw CSVBytes.cellError(
          base, fieldStarts[column], fieldEnds[column], header: headers[column], file: file, line: line,
          lineStart: lineStart, dialect: dialect)
      }
      let inbound = inCell.rate
      let outbound = outCell.rate
      var target = singleCircuit
      if circuitColumn >= 0 {
        let (cs, ce) = CSVBytes.trim(base, fieldStarts[circuitColumn], fieldEnds[circuitColumn])
        let length = ce - cs
        if length == lastCircuitLength && lastCircuitIndex >= 0
          && ByteScanning.equal(base + cs, base + lastCircuitStart, length)
        {
          target = lastCircuitIndex
        } else {
          var found = circuits.index(of: base + cs, length: length, after: lastCircuitIndex)
          if found < 0 {
            guard length > 0 else {
              throw Diagnostic(
                .error, "empty circuit name (expected a name in column '\(headers[circuitColumn])')",
                location: FileLocation(file: file, line: line, column: fieldStarts[circuitColumn] - lineStart + 1))
            }
            let bytes = Array(UnsafeBufferPointer(start: base + cs, count: length))
            let name = String(decoding: bytes, as: UTF8.self)
            let location = FileLocation(file: file, line: line, column: fieldStarts[circuitColumn] - lineStart + 1)
            if let refusal = resourceIDs.refusal(name, named: resourceName(name), at: location) {
              throw Diagnostic(.error, refusal, location: location)
            }
            found = TrafficIngest.circuitIndex(name, &series, &names, defaultInterval)
            // A circuit an earlier file named by another resource's ID (the accumulators outlast a file).
            if series[found].circuit != name, let first = ResourceIDRegistry.identity(series[found].circuit),
              let second = ResourceIDRegistry.identity(name), first.key != second.key
            {
              throw Diagnostic(
                .error, ResourceIDRegistry.refusal(first.text, at: nil, second.text, named: resourceName(name)),
                location: location)
            }
            // A second spelling of a known circuit keeps the first's bytes (``CSVCircuitTable``).
            if circuits.learn(bytes, as: found) {
              plainRows.setCircuitNames(circuits.names)
              staging.reserve(circuits: series.count)
            }
          }
          target = found
          lastCircuitIndex = found
          lastCircuitStart = cs
          lastCircuitLength = length
        }
      }
      if staging.append(
        circuit: target, timestamp: timestamp, inbound: inbound ?? .nan, outbound: outbound ?? .nan, line: line,
        column: fieldStarts[timeColumn] - lineStart + 1) || !fast
      {
        try staging.flush(target, series: &series, file: file)
      }
    }
    return min(position, total)
  }

  /// Whether a header's normalized cell names an inbound traffic column.
  static func isInbound(_ name: String) -> Bool {
    name.contains("bitsin") || name.hasPrefix("in") && (name.contains("bps") || name.contains("bits"))
      || name.hasPrefix("ingress")
  }

  /// Whether a header's normalized cell names an outbound traffic column.
  static func isOutbound(_ name: String) -> Bool {
    name.contains("bitsout") || name.hasPrefix("out") && (name.contains("bps") || name.contains("bits"))
      || name.hasPrefix("egress")
  }

  /// Whether a header's normalized cell names another metric's bits (Global Reach's, QoS drops), not the circuit's.
  static func isOtherMetric(_ name: String) -> Bool {
    name.contains("globalreach") || name.contains("drop")
  }

  /// How much `cells` look like a traffic header, for ``CSVDialect/detect(_:rank:)``: 2 for a time column, plus 1 for
  /// a traffic column.
  static func headerRank(_ cells: [String]) -> Int {
    let normalized = cells.map { normalizedName($0) }
    let time = normalized.contains { TrafficIngest.timeHeaders.contains($0) }
    let traffic = normalized.contains { isInbound($0) || isOutbound($0) }
    return (time ? 2 : 0) + (traffic ? 1 : 0)
  }

  static func makeLayout(
    cells: [String], normalized: [String], time: Int, file: String, line: Int, dialect: CSVDialect
  ) throws(Diagnostic) -> CSVColumnLayout {
    /// Bits per second that one unit of column `index` stands for (``CSVHeaderUnit``), or the refusal at its cell.
    func scale(_ index: Int) throws(Diagnostic) -> Double {
      switch CSVHeaderUnit.scale(of: cells[index]) {
      case .success(let scale): return scale
      case .failure(let error):
        let column = CSVBytes.column(of: index, in: cells)
        let why =
          switch error {
          case .bytes(let unit): "gives its values in \(unit), bytes"
          case .notARate(let unit): "gives its values in '\(unit)', not a rate in bits per second"
          }
        throw Diagnostic(
          .error,
          "the header '\(cells[index])' \(why); expected bits per second (bps, Kbps, Mbps, Gbps, Tbps, or b/s forms)",
          location: FileLocation(file: file, line: line, column: column))
      }
    }
    // Another metric's column is never the circuit's traffic: Global Reach's own bits and QoS-dropped bits (pricing-facts
    // §10.1) are not what the circuit carries and bills.
    let traffic = normalized.indices.filter { !isOtherMetric(normalized[$0]) }
    let inbounds = traffic.filter { isInbound(normalized[$0]) }
    let outbounds = traffic.filter { isOutbound(normalized[$0]) }
    // One column a direction: several (an aggregation each, a DeviceRole each, a circuit each) would leave the choice to
    // column order, so the file is refused at the second.
    for (direction, columns) in [("inbound", inbounds), ("outbound", outbounds)] where columns.count > 1 {
      throw Diagnostic(
        .error,
        "the header has \(columns.count) \(direction) traffic columns (\(columns.map { "'\(cells[$0])'" }.joined(separator: ", "))); ercalc reads one column a direction, the circuit's average rate: keep that column (sum DeviceRole columns into one first) and put other circuits in a circuit column or their own files",
        location: FileLocation(file: file, line: line, column: CSVBytes.column(of: columns[1], in: cells)))
    }
    let inbound = inbounds.first
    let outbound = outbounds.first
    guard inbound != nil || outbound != nil else {
      if dialect != .comma, TrafficIngest.isMetricRowsHeader(cells) {
        // Metric rows are read comma-separated only; split by this file's separator, the header is theirs.
        throw Diagnostic(
          .error,
          "the header names an AzureMetrics export (MetricName, Average) separated by \(dialect.name)s; ercalc reads AzureMetrics exports comma-separated only: export the table again as CSV with commas",
          location: FileLocation(file: file, line: line, column: 1))
      }
      throw Diagnostic(
        .error,
        "the header has no traffic column (expected BitsInPerSecond and BitsOutPerSecond, or 'Bits In'/'Bits Out'; found \(cells.map { "'\($0)'" }.joined(separator: ", ")))",
        location: FileLocation(file: file, line: line, column: 1))
    }
    let circuit = normalized.firstIndex { TrafficIngest.circuitHeaders.contains($0) }
    // Left to right, so a refusal names the first wrong header.
    var scales: [Int: Double] = [:]
    for index in [inbound, outbound].compactMap({ $0 }).sorted() { scales[index] = try scale(index) }
    return CSVColumnLayout(
      time: time, inbound: inbound, outbound: outbound, circuit: circuit,
      inboundScale: scales[inbound ?? -1] ?? 1, outboundScale: scales[outbound ?? -1] ?? 1,
      headers: cells.map { $0.trimmingCharacters(in: .whitespaces) }, dialect: dialect)
  }
}
