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

  /// Reads a CSV series: a time column, `BitsInPerSecond`/`BitsOutPerSecond`
  /// columns (or `Bits In`/`Bits Out`, with an optional `Mbps`/`Gbps` unit in
  /// the header), and optionally a circuit column (long format).
  ///
  /// Preamble lines before the header row are skipped. Empty cells and
  /// `null` are missing values; anything else that is not a non-negative
  /// number is an error with its line and column.
  mutating func readCSV(_ data: Data, file: String, progress: ((Int, Int) -> Void)?) throws(Diagnostic) {
    let total = data.count
    var rows = 0
    let result: Result<Int, Diagnostic> = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
        return .failure(Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file))
      }
      do {
        rows = try scanCSV(base, count: total, file: file, progress: progress)
        return .success(rows)
      } catch let error as Diagnostic {
        return .failure(error)
      } catch {
        return .failure(Diagnostic(.error, "\(error)", file: file))
      }
    }
    switch result {
    case .success(let count): rowsRead += count
    case .failure(let error): throw error
    }
  }

  private mutating func scanCSV(_ base: UnsafePointer<UInt8>, count total: Int, file: String, progress: ((Int, Int) -> Void)?) throws -> Int {
    var position = 0
    var line = 0
    var layout: CSVColumnLayout?
    // Header search.
    while position < total, layout == nil {
      line += 1
      let end = lineEnd(base, from: position, count: total)
      let cells = splitQuoted(UnsafeBufferPointer(start: base + position, count: end.contentEnd - position))
      if line == 1, cells.first.map({ $0.hasPrefix("\u{FEFF}") }) == true {
        // handled by normalisation below
      }
      let normalized = cells.map { normalizedName($0) }
      if let time = normalized.firstIndex(where: { Self.timeHeaders.contains($0) }) {
        layout = try makeLayout(cells: cells, normalized: normalized, time: time, file: file, line: line)
        if line > 1 { notes.append("\(file): skipped \(line - 1) preamble line(s) before the header on line \(line)") }
      } else if line >= 50 {
        throw Diagnostic(.error, "no header row with a time column in the first 50 lines (expected a column named Time, Timestamp or TimeGenerated)", file: file)
      }
      position = end.next
    }
    guard let layout else {
      throw Diagnostic(.error, "no header row with a time column (expected a column named Time, Timestamp or TimeGenerated)", file: file)
    }
    let fieldCount = layout.headers.count
    var rows = 0
    var fieldStarts = [Int](repeating: 0, count: fieldCount + 1)
    var fieldEnds = [Int](repeating: 0, count: fieldCount + 1)
    var lastCircuitBytes: [UInt8] = []
    var lastCircuitIndex = -1
    var circuitLookup: [[UInt8]: Int] = [:]
    var nextProgress = 64 << 20
    let singleCircuit = layout.circuit == nil ? accumulatorIndex(for: options.defaultCircuit, interval: nil) : -1
    while position < total {
      line += 1
      let end = lineEnd(base, from: position, count: total)
      let lineStart = position
      let contentEnd = end.contentEnd
      position = end.next
      if contentEnd == lineStart { continue }
      if position >= nextProgress {
        progress?(position, total)
        nextProgress += 64 << 20
      }
      // Split fields (fast path: no quotes).
      var fields = 0
      var cursor = lineStart
      var fieldStart = lineStart
      var quoted = false
      while cursor < contentEnd {
        let byte = base[cursor]
        if byte == 0x22 { quoted = true }
        if byte == 0x2C {
          if fields <= fieldCount {
            fieldStarts[fields] = fieldStart
            fieldEnds[fields] = cursor
          }
          fields += 1
          fieldStart = cursor + 1
        }
        cursor += 1
      }
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
      let currentLine = line
      func location(_ field: Int) -> FileLocation {
        FileLocation(file: file, line: currentLine, column: fieldStarts[field] - lineStart + 1)
      }
      let (ts, te) = trim(base, fieldStarts[layout.time], fieldEnds[layout.time])
      guard let timestamp = Timestamp.parse(UnsafeBufferPointer(start: base + ts, count: te - ts)) else {
        throw Diagnostic(
          .error, "'\(text(base, ts, te))' is not a timestamp (expected \(Timestamp.expectedFormat))", location: location(layout.time))
      }
      var inbound: Double?
      var outbound: Double?
      if let column = layout.inbound {
        inbound = try value(base, fieldStarts[column], fieldEnds[column], scale: layout.inboundScale, header: layout.headers[column], location: location(column))
      }
      if let column = layout.outbound {
        outbound = try value(base, fieldStarts[column], fieldEnds[column], scale: layout.outboundScale, header: layout.headers[column], location: location(column))
      }
      var target = singleCircuit
      if let column = layout.circuit {
        let (cs, ce) = trim(base, fieldStarts[column], fieldEnds[column])
        let length = ce - cs
        if length == lastCircuitBytes.count && memcmp(base + cs, lastCircuitBytes, length) == 0 && lastCircuitIndex >= 0 {
          target = lastCircuitIndex
        } else {
          let bytes = Array(UnsafeBufferPointer(start: base + cs, count: length))
          if let found = circuitLookup[bytes] {
            target = found
          } else {
            guard length > 0 else {
              throw Diagnostic(.error, "empty circuit name (expected a name in column '\(layout.headers[column])')", location: location(column))
            }
            target = accumulatorIndex(for: String(decoding: bytes, as: UTF8.self), interval: nil)
            circuitLookup[bytes] = target
          }
          lastCircuitBytes = bytes
          lastCircuitIndex = target
        }
      }
      try accumulators[target].add(timestamp: timestamp, inbound: inbound, outbound: outbound) { location(layout.time) }
    }
    return rows
  }

  private func makeLayout(cells: [String], normalized: [String], time: Int, file: String, line: Int) throws(Diagnostic) -> CSVColumnLayout {
    func scale(_ header: String) -> Double {
      if header.contains("gbps") || header.contains("gbits") { return 1e9 }
      if header.contains("mbps") || header.contains("mbits") { return 1e6 }
      if header.contains("kbps") || header.contains("kbits") { return 1e3 }
      return 1
    }
    let inbound = normalized.firstIndex { $0.contains("bitsin") || $0.hasPrefix("in") && ($0.contains("bps") || $0.contains("bits")) || $0.hasPrefix("ingress") }
    let outbound = normalized.firstIndex { $0.contains("bitsout") || $0.hasPrefix("out") && ($0.contains("bps") || $0.contains("bits")) || $0.hasPrefix("egress") }
    guard inbound != nil || outbound != nil else {
      throw Diagnostic(
        .error,
        "the header has no traffic column (expected BitsInPerSecond and BitsOutPerSecond, or 'Bits In'/'Bits Out'; found \(cells.map { "'\($0)'" }.joined(separator: ", ")))",
        location: FileLocation(file: file, line: line, column: 1))
    }
    let circuit = normalized.firstIndex { Self.circuitHeaders.contains($0) }
    return CSVColumnLayout(
      time: time, inbound: inbound, outbound: outbound, circuit: circuit, inboundScale: inbound.map { scale(normalized[$0]) } ?? 1,
      outboundScale: outbound.map { scale(normalized[$0]) } ?? 1, headers: cells.map { $0.trimmingCharacters(in: .whitespaces) })
  }

  @inline(__always)
  private func value(
    _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, scale: Double, header: String, location: @autoclosure () -> FileLocation
  ) throws(Diagnostic) -> Double? {
    let (s, e) = trim(base, start, end)
    if s == e { return nil }
    if e - s == 4, base[s] | 0x20 == 0x6E, base[s + 1] | 0x20 == 0x75, base[s + 2] | 0x20 == 0x6C, base[s + 3] | 0x20 == 0x6C { return nil }
    guard let parsed = parseNumber(base, s, e) else {
      throw Diagnostic(.error, "'\(text(base, s, e))' is not a number in column '\(header)' (expected bits per second, such as 125000000)", location: location())
    }
    guard parsed >= 0 else {
      throw Diagnostic(.error, "negative rate '\(text(base, s, e))' in column '\(header)' (expected zero or more)", location: location())
    }
    return parsed * scale
  }
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
