import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A column of a traffic CSV and how to read it.
struct CSVColumnLayout {
  var time: Int
  var inbound: Int?
  var outbound: Int?
  var circuit: Int?
  var inboundScale = 1.0
  var outboundScale = 1.0
  var headers: [String]
}

extension TrafficIngest {
  static let timeHeaders: Set<String> = ["time", "timestamp", "timegenerated", "datetime", "date", "timeutc", "timestamputc", "datetimeutc"]
  static let circuitHeaders: Set<String> = ["circuit", "circuitname", "resource", "resourcename", "resourceid", "name"]

  /// Reads a CSV series held in memory (see ``readCSV(fileDescriptor:file:size:prefix:progress:)``).
  mutating func readCSV(_ data: Data, file: String, progress: ((Int, Int) -> Void)?) throws(Diagnostic) {
    var scanner = makeScanner(file: file)
    let result: Result<Int, Diagnostic> = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
        return .failure(Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file))
      }
      do throws(Diagnostic) {
        return .success(try scanner.scan(base, count: raw.count, isFinal: true, series: &accumulators, names: &index))
      } catch {
        return .failure(error)
      }
    }
    if case .failure(let error) = result { throw error }
    try complete(scanner)
  }

  /// Streams a CSV series from a file descriptor in 16 MiB blocks.
  ///
  /// A time column, `BitsInPerSecond`/`BitsOutPerSecond` columns (or
  /// `Bits In`/`Bits Out`, with an optional `Mbps`/`Gbps` unit in the header),
  /// and optionally a circuit column (long format). Preamble lines before the
  /// header row are skipped. Empty cells and `null` are missing values;
  /// anything else that is not a non-negative number is an error with its
  /// line and column. Memory stays at one block plus the per-circuit state, for
  /// pipes too: `prefix` holds bytes already read from `fileDescriptor` (a pipe's
  /// peeked head), which are read first. `size` is only for progress (0 when unknown).
  /// Returns the bytes read.
  @discardableResult
  mutating func readCSV(fileDescriptor: Int32, file: String, size: Int, prefix: [UInt8] = [], progress: ((Int, Int) -> Void)?) throws(Diagnostic)
    -> Int
  {
    var scanner = makeScanner(file: file)
    let blockSize = 16 << 20
    var buffer = [UInt8](repeating: 0, count: max(blockSize, prefix.count))
    buffer.replaceSubrange(0..<prefix.count, with: prefix)
    var filled = prefix.count
    var done = 0
    var nextProgress = 64 << 20
    var endOfFile = false
    while !endOfFile {
      if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
      // The buffer is never empty, so its base address exists.
      let got = buffer.withUnsafeMutableBytes { raw in Glibc.read(fileDescriptor, raw.baseAddress! + filled, raw.count - filled) }
      if got < 0 {
        if errno == EINTR { continue }
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      endOfFile = got == 0
      filled += got
      if filled == 0 { break }
      let consumed: Int
      do {
        consumed = try buffer.withUnsafeBufferPointer { pointer throws(Diagnostic) -> Int in
          // swift-format-ignore: NeverForceUnwrap
          // The buffer is never empty.
          try scanner.scan(pointer.baseAddress!, count: filled, isFinal: endOfFile, series: &accumulators, names: &index)
        }
      }
      if consumed < filled {
        buffer.withUnsafeMutableBytes { raw in
          // swift-format-ignore: NeverForceUnwrap
          _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
        }
      }
      filled -= consumed
      done += consumed
      if done >= nextProgress {
        progress?(done, size)
        nextProgress += 64 << 20
      }
    }
    if done == 0 && scanner.line == 0 {
      throw Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file)
    }
    try complete(scanner)
    return done
  }

  private func makeScanner(file: String) -> CSVScanner {
    CSVScanner(file: file, defaultCircuit: options.defaultCircuit, interval: options.interval, fastIngest: options.fastIngest)
  }

  /// Adds a finished file's staged samples, counts and notes.
  private mutating func complete(_ scanner: CSVScanner) throws(Diagnostic) {
    rowsRead += scanner.rows
    plainRowsRead += scanner.plainRowCount
    try scanner.finish(series: &accumulators)
    notes.append(contentsOf: scanner.notes)
  }

  /// The accumulator index of circuit `name`, adding one when it is new.
  static func circuitIndex(_ name: String, _ series: inout [SeriesAccumulator], _ names: inout [String: Int], _ interval: Int64?) -> Int {
    if let existing = names[name] { return existing }
    series.append(SeriesAccumulator(circuit: name, interval: interval))
    names[name] = series.count - 1
    return series.count - 1
  }
}

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
  private var layout: CSVColumnLayout?
  private var circuitLookup: [UInt64: [Int]] = [:]
  private var circuitNames: [[UInt8]] = []
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

  /// Adds every staged sample; fails when no header was found.
  func finish(series: inout [SeriesAccumulator]) throws(Diagnostic) {
    try staging.flushAll(series: &series, file: file)
    if layout == nil {
      throw Diagnostic(.error, "no header row with a time column (expected a column named Time, Timestamp or TimeGenerated)", file: file)
    }
  }

  /// Processes every complete line in `base[0..<count]` (every line when `isFinal`) and returns the bytes consumed.
  ///
  /// Samples are staged (see ``SampleStaging``); ``finish(series:)`` adds the last ones.
  mutating func scan(
    _ base: UnsafePointer<UInt8>, count total: Int, isFinal: Bool, series: inout [SeriesAccumulator], names: inout [String: Int]
  ) throws(Diagnostic) -> Int {
    do {
      return try scanRows(base, count: total, isFinal: isFinal, series: &series, names: &names)
    } catch {
      // Rows staged before the failing one come first, as if added one by one.
      throw staging.earliest(error, series: &series, file: file)
    }
  }

  private mutating func scanRows(
    _ base: UnsafePointer<UInt8>, count total: Int, isFinal: Bool, series: inout [SeriesAccumulator], names: inout [String: Int]
  ) throws(Diagnostic) -> Int {
    var position = 0
    // Header search.
    while layout == nil {
      guard position < total else { return position }
      let end = lineEnd(base, from: position, count: total)
      if end.next == total && !isFinal && (total == 0 || base[total - 1] != 0x0A) { return position }
      line += 1
      let cells = splitQuoted(UnsafeBufferPointer(start: base + position, count: end.contentEnd - position))
      let normalized = cells.map { normalizedName($0) }
      if let time = normalized.firstIndex(where: { TrafficIngest.timeHeaders.contains($0) }) {
        layout = try Self.makeLayout(cells: cells, normalized: normalized, time: time, file: file, line: line)
        if line > 1 { notes.append("\(file): skipped \(line - 1) preamble line(s) before the header on line \(line)") }
        if layout?.circuit == nil { singleCircuit = TrafficIngest.circuitIndex(defaultCircuit, &series, &names, interval) }
        staging.reserve(circuits: series.count)
      } else if line >= 50 {
        throw Diagnostic(
          .error, "no header row with a time column in the first 50 lines (expected a column named Time, Timestamp or TimeGenerated)", file: file)
      }
      position = end.next
    }
    guard let layout else { return position }
    // The hot loop works on locals: no struct copies, no allocation per row.
    let fieldCount = layout.headers.count
    let timeColumn = layout.time
    let inColumn = layout.inbound ?? -1
    let outColumn = layout.outbound ?? -1
    let circuitColumn = layout.circuit ?? -1
    let inScale = layout.inboundScale
    let outScale = layout.outboundScale
    let headers = layout.headers
    let file = self.file
    let defaultInterval = interval
    var line = self.line
    var rows = 0
    // Raw buffers for field offsets: no uniqueness checks in the hot loop.
    let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 1)
    let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 1)
    fieldStarts.initialize(repeating: 0, count: fieldCount + 1)
    fieldEnds.initialize(repeating: 0, count: fieldCount + 1)
    var circuitLookup = self.circuitLookup
    var circuitNames = self.circuitNames
    var lastCircuitIndex = self.lastCircuitIndex
    var lastCircuitStart = 0
    var lastCircuitLength = -1
    let singleCircuit = self.singleCircuit
    var plainRows = CSVPlainRowReader(layout: layout, circuitNames: circuitNames, singleCircuit: singleCircuit)
    let fast = fastIngest
    defer {
      self.line = line
      self.rows += rows
      plainRows.deallocate()
      fieldStarts.deallocate()
      fieldEnds.deallocate()
      self.circuitLookup = circuitLookup
      self.circuitNames = circuitNames
      self.lastCircuitIndex = lastCircuitIndex
    }
    while position < total {
      if fast && position + CSVPlainRowReader.window <= total {
        let runStart = position
        let rowsBefore = rows
        defer { plainRowCount += rows - rowsBefore }
        position = try plainRows.readRun(
          base, from: position, end: total, line: &line, rows: &rows, lastCircuit: &lastCircuitIndex, staging: staging, series: &series,
          file: file)
        // The last circuit is now the fast path's: forget the general path's remembered name bytes.
        if position != runStart { lastCircuitLength = -1 }
        guard position < total else { break }
      }
      line += 1
      // One pass finds the commas and the end of the line, eight bytes at a time.
      let lineStart = position
      var fields = 0
      var cursor = lineStart
      var fieldStart = lineStart
      var quoted = false
      var foundEnd = false
      while cursor + 8 <= total {
        let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
        let newline = ByteScanning.matches(word, 0x0A)
        var commas = ByteScanning.matches(word, 0x2C)
        if ByteScanning.matches(word, 0x22) != 0 { quoted = true }
        let stop = newline != 0 ? newline.trailingZeroBitCount >> 3 : 8
        if newline != 0 { commas &= (UInt64(1) << UInt64(stop * 8)) &- 1 }
        while commas != 0 {
          let at = cursor + (commas.trailingZeroBitCount >> 3)
          if fields <= fieldCount {
            fieldStarts[fields] = fieldStart
            fieldEnds[fields] = at
          }
          fields += 1
          fieldStart = at + 1
          commas &= commas &- 1
        }
        cursor += stop
        if newline != 0 {
          foundEnd = true
          break
        }
      }
      if !foundEnd {
        while cursor < total {
          let byte = base[cursor]
          if byte == 0x2C {
            if fields <= fieldCount {
              fieldStarts[fields] = fieldStart
              fieldEnds[fields] = cursor
            }
            fields += 1
            fieldStart = cursor + 1
          } else if byte == 0x0A {
            break
          } else if byte == 0x22 {
            quoted = true
          }
          cursor += 1
        }
      }
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
        let cells = splitQuotedRanges(base, from: lineStart, to: contentEnd)
        fields = cells.count
        for (i, range) in cells.enumerated() where i <= fieldCount {
          fieldStarts[i] = range.0
          fieldEnds[i] = range.1
        }
      }
      // A blank-looking line (only commas or spaces) is skipped.
      if fields != fieldCount {
        if isBlank(base, from: lineStart, to: contentEnd) { continue }
        throw Diagnostic(
          .error, "expected \(fieldCount) fields like the header, found \(fields)",
          location: FileLocation(file: file, line: line, column: 1))
      }
      rows += 1
      let (ts, te) = trim(base, fieldStarts[timeColumn], fieldEnds[timeColumn])
      let timestamp: Int64
      let memo = plainRows.lastTime
      if te > ts && te - ts == memo.length && ByteScanning.equal(base + ts, base + memo.start, te - ts) {
        timestamp = memo.timestamp
      } else {
        guard let parsed = Timestamp.parse(UnsafeBufferPointer(start: base + ts, count: te - ts)) else {
          throw Diagnostic(
            .error, "'\(text(base, ts, te))' is not a timestamp (expected \(Timestamp.expectedFormat))",
            location: FileLocation(file: file, line: line, column: fieldStarts[timeColumn] - lineStart + 1))
        }
        timestamp = parsed
        plainRows.lastTime = CSVPlainRowReader.TimeMemo(start: ts, length: te - ts, timestamp: parsed)
      }
      let inCell = rateCell(base, fieldStarts, fieldEnds, inColumn, inScale)
      let outCell = rateCell(base, fieldStarts, fieldEnds, outColumn, outScale)
      if inCell == .invalid || outCell == .invalid {
        let column = inCell == .invalid ? inColumn : outColumn
        throw cellError(base, fieldStarts[column], fieldEnds[column], header: headers[column], file: file, line: line, lineStart: lineStart)
      }
      let inbound = inCell.rate
      let outbound = outCell.rate
      var target = singleCircuit
      if circuitColumn >= 0 {
        let (cs, ce) = trim(base, fieldStarts[circuitColumn], fieldEnds[circuitColumn])
        let length = ce - cs
        if length == lastCircuitLength && lastCircuitIndex >= 0 && ByteScanning.equal(base + cs, base + lastCircuitStart, length) {
          target = lastCircuitIndex
        } else {
          // Interleaved exports cycle through circuits: try the one after the last first.
          var found = -1
          let guess = lastCircuitIndex + 1 < circuitNames.count ? lastCircuitIndex + 1 : 0
          if guess < circuitNames.count, circuitNames[guess].count == length,
            circuitNames[guess].withUnsafeBufferPointer({ $0.baseAddress.map { ByteScanning.equal($0, base + cs, length) } ?? (length == 0) })
          {
            found = guess
          } else {
            // FNV-1a over the name's bytes; verified with memcmp, so no per-row allocation.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in cs..<ce { hash = (hash ^ UInt64(base[index])) &* 0x100_0000_01b3 }
            for candidate in circuitLookup[hash] ?? [] where circuitNames[candidate].count == length {
              if circuitNames[candidate].withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, base + cs, length) == 0 } ?? (length == 0) }) {
                found = candidate
                break
              }
            }
            if found < 0 {
              guard length > 0 else {
                throw Diagnostic(
                  .error, "empty circuit name (expected a name in column '\(headers[circuitColumn])')",
                  location: FileLocation(file: file, line: line, column: fieldStarts[circuitColumn] - lineStart + 1))
              }
              let bytes = Array(UnsafeBufferPointer(start: base + cs, count: length))
              found = TrafficIngest.circuitIndex(String(decoding: bytes, as: UTF8.self), &series, &names, defaultInterval)
              if found >= circuitNames.count { circuitNames.append(contentsOf: repeatElement([], count: found - circuitNames.count + 1)) }
              circuitNames[found] = bytes
              circuitLookup[hash, default: []].append(found)
              plainRows.setCircuitNames(circuitNames)
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

  static func makeLayout(cells: [String], normalized: [String], time: Int, file: String, line: Int) throws(Diagnostic) -> CSVColumnLayout {
    func scale(_ header: String) -> Double {
      if header.contains("gbps") || header.contains("gbits") { return 1e9 }
      if header.contains("mbps") || header.contains("mbits") { return 1e6 }
      if header.contains("kbps") || header.contains("kbits") { return 1e3 }
      return 1
    }
    let inbound = normalized.firstIndex {
      $0.contains("bitsin") || $0.hasPrefix("in") && ($0.contains("bps") || $0.contains("bits")) || $0.hasPrefix("ingress")
    }
    let outbound = normalized.firstIndex {
      $0.contains("bitsout") || $0.hasPrefix("out") && ($0.contains("bps") || $0.contains("bits")) || $0.hasPrefix("egress")
    }
    guard inbound != nil || outbound != nil else {
      throw Diagnostic(
        .error,
        "the header has no traffic column (expected BitsInPerSecond and BitsOutPerSecond, or 'Bits In'/'Bits Out'; found \(cells.map { "'\($0)'" }.joined(separator: ", ")))",
        location: FileLocation(file: file, line: line, column: 1))
    }
    let circuit = normalized.firstIndex { TrafficIngest.circuitHeaders.contains($0) }
    return CSVColumnLayout(
      time: time, inbound: inbound, outbound: outbound, circuit: circuit, inboundScale: inbound.map { scale(normalized[$0]) } ?? 1,
      outboundScale: outbound.map { scale(normalized[$0]) } ?? 1, headers: cells.map { $0.trimmingCharacters(in: .whitespaces) })
  }
}

/// The rate cell in `column` of the current row (missing when the file has no such column).
@inline(__always)
func rateCell(_ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, _ column: Int, _ scale: Double)
  -> CellValue
{
  column >= 0 ? csvValue(base, starts[column], ends[column], scale: scale) : .missing
}

/// What a rate cell holds.
enum CellValue: Equatable {
  case value(Double)
  case missing
  case invalid

  /// The rate, or `nil` when missing (or invalid).
  var rate: Double? {
    if case .value(let value) = self { return value }
    return nil
  }
}

/// A rate cell: missing when empty or `null`, invalid unless a non-negative number.
@inline(__always)
func csvValue(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, scale: Double) -> CellValue {
  let (s, e) = trim(base, start, end)
  if s == e { return .missing }
  if e - s == 4, base[s] | 0x20 == 0x6E, base[s + 1] | 0x20 == 0x75, base[s + 2] | 0x20 == 0x6C, base[s + 3] | 0x20 == 0x6C { return .missing }
  guard let parsed = parseNumber(base, s, e), parsed >= 0 else { return .invalid }
  let rate = parsed * scale
  guard rate <= TrafficIngest.maximumRate else { return .invalid }
  return .value(rate)
}

/// The error for a rate cell that is not a non-negative number.
func cellError(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, header: String, file: String, line: Int, lineStart: Int) -> Diagnostic {
  let (s, e) = trim(base, start, end)
  let location = FileLocation(file: file, line: line, column: start - lineStart + 1)
  if let parsed = parseNumber(base, s, e), parsed < 0 {
    return Diagnostic(.error, "negative rate '\(text(base, s, e))' in column '\(header)' (expected zero or more)", location: location)
  }
  if parseNumber(base, s, e) != nil {
    return Diagnostic(
      .error, "rate '\(text(base, s, e))' in column '\(header)' is above 1 Pbps (expected bits per second; check the unit)", location: location)
  }
  return Diagnostic(
    .error, "'\(text(base, s, e))' is not a number in column '\(header)' (expected bits per second, such as 125000000)", location: location)
}

/// Where a line's content ends (before `\r\n` or `\n`) and where the next line starts.
@inline(__always)
func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (contentEnd: Int, next: Int) {
  guard start < count else { return (count, count) }
  let remaining = count - start
  guard let found = memchr(base + start, 0x0A, remaining) else {
    var end = count
    if end > start, base[end - 1] == 0x0D { end -= 1 }
    return (end, count)
  }
  let newline = start + (UnsafeRawPointer(found) - UnsafeRawPointer(base + start))
  var end = newline
  if end > start, base[end - 1] == 0x0D { end -= 1 }
  return (end, newline + 1)
}

/// Trims spaces, tabs and one pair of surrounding double quotes.
@inline(__always)
func trim(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
  var s = start
  var e = end
  while s < e, base[s] == 0x20 || base[s] == 0x09 { s += 1 }
  while e > s, base[e - 1] == 0x20 || base[e - 1] == 0x09 { e -= 1 }
  if e - s >= 2, base[s] == 0x22, base[e - 1] == 0x22 {
    s += 1
    e -= 1
  }
  return (s, e)
}

func text(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
  let shown = min(end - start, 60)
  return String(decoding: UnsafeBufferPointer(start: base + start, count: max(shown, 0)), as: UTF8.self)
}

func isBlank(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
  for index in start..<end where base[index] != 0x2C && base[index] != 0x20 && base[index] != 0x09 { return false }
  return true
}

/// Parses `[+-]digits[.digits][e[+-]digits]` into a Double; `nil` for anything else.
@inline(__always)
func parseNumber(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
  // Fast path: 8 to 16 plain digits, as rate exports usually are.
  let length = end - start
  if length >= 8 && length <= 16, let high = ByteScanning.eightDigits(base + start) {
    if length == 8 { return Double(high) }
    if length == 16, let low = ByteScanning.eightDigits(base + start + 8) { return Double(high * 100_000_000 + low) }
    var value = high
    var index = start + 8
    while index < end {
      let d = base[index] &- 0x30
      guard d < 10 else { break }
      value = value * 10 + UInt64(d)
      index += 1
    }
    if index == end { return Double(value) }
  }
  var index = start
  var negative = false
  if index < end, base[index] == 0x2D || base[index] == 0x2B {
    negative = base[index] == 0x2D
    index += 1
  }
  var mantissa: UInt64 = 0
  var digits = 0
  var scale = 0
  var significant = 0
  while index < end {
    let d = base[index] &- 0x30
    guard d < 10 else { break }
    if significant < 19 {
      mantissa = mantissa &* 10 &+ UInt64(d)
      if mantissa > 0 { significant += 1 }
    } else {
      scale += 1
    }
    digits += 1
    index += 1
  }
  if index < end, base[index] == 0x2E {
    index += 1
    while index < end {
      let d = base[index] &- 0x30
      guard d < 10 else { break }
      if significant < 19 {
        mantissa = mantissa &* 10 &+ UInt64(d)
        if mantissa > 0 { significant += 1 }
        scale -= 1
      }
      digits += 1
      index += 1
    }
  }
  guard digits > 0 else { return nil }
  if index < end, base[index] | 0x20 == 0x65 {
    index += 1
    var exponentNegative = false
    if index < end, base[index] == 0x2D || base[index] == 0x2B {
      exponentNegative = base[index] == 0x2D
      index += 1
    }
    var exponent = 0
    var exponentDigits = 0
    while index < end {
      let d = base[index] &- 0x30
      guard d < 10 else { break }
      exponent = min(exponent * 10 + Int(d), 400)
      exponentDigits += 1
      index += 1
    }
    guard exponentDigits > 0 else { return nil }
    scale += exponentNegative ? -exponent : exponent
  }
  guard index == end else { return nil }
  var value = Double(mantissa)
  if scale > 0 {
    value *= scale < RateHistogram.powers.count ? RateHistogram.powers[scale] : pow(10, Double(scale))
  } else if scale < 0 {
    value /= -scale < RateHistogram.powers.count ? RateHistogram.powers[-scale] : pow(10, Double(-scale))
  }
  return negative ? -value : value
}

/// Splits one CSV line into unquoted cell texts (RFC 4180 quotes, doubled quotes).
func splitQuoted(_ buffer: UnsafeBufferPointer<UInt8>) -> [String] {
  guard let base = buffer.baseAddress else { return [""] }
  return splitQuotedRanges(base, from: 0, to: buffer.count).map { range in
    var cell = String(decoding: UnsafeBufferPointer(start: base + range.0, count: range.1 - range.0), as: UTF8.self)
    if cell.hasPrefix("\u{FEFF}") { cell.removeFirst() }
    cell = cell.trimmingCharacters(in: .whitespaces)
    if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") {
      cell = String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    return cell
  }
}

/// The byte ranges of a line's cells, honouring quotes (quotes stay inside the range).
func splitQuotedRanges(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> [(Int, Int)] {
  var ranges: [(Int, Int)] = []
  var cellStart = start
  var inQuotes = false
  var index = start
  while index < end {
    let byte = base[index]
    if byte == 0x22 {
      inQuotes.toggle()
    } else if byte == 0x2C && !inQuotes {
      ranges.append((cellStart, index))
      cellStart = index + 1
    }
    index += 1
  }
  ranges.append((cellStart, end))
  return ranges
}
