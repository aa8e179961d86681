import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Byte-level helpers of the CSV reader: cells, lines, trimming and quoted splitting, on a block's raw bytes.
enum CSVBytes {
  /// The 1-based byte column where cell `index` of a line split into `cells` by a one-byte separator starts.
  static func column(of index: Int, in cells: [String]) -> Int {
    cells[..<index].reduce(1) { $0 + $1.utf8.count + 1 }
  }

  /// The rate cell in `column` of the current row (missing when the file has no such column).
  @inline(__always)
  static func rateCell(
    _ base: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, _ column: Int,
    _ scale: Double, _ dialect: CSVDialect
  )
    -> CellValue
  {
    column >= 0 ? CSVBytes.csvValue(base, starts[column], ends[column], scale: scale, dialect: dialect) : .missing
  }

  /// A rate cell: missing when empty or `null`, invalid unless a non-negative number (``number(_:_:_:_:)``).
  @inline(__always)
  static func csvValue(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, scale: Double, dialect: CSVDialect)
    -> CellValue
  {
    let (s, e) = CSVBytes.trim(base, start, end)
    if s == e { return .missing }
    if e - s == 4, base[s] | 0x20 == 0x6E, base[s + 1] | 0x20 == 0x75, base[s + 2] | 0x20 == 0x6C,
      base[s + 3] | 0x20 == 0x6C
    {
      return .missing
    }
    guard let parsed = number(base, s, e, dialect), parsed >= 0 else { return .invalid }
    let rate = parsed * scale
    guard rate <= TrafficIngest.maximumRate else { return .invalid }
    return .value(rate)
  }

  /// The number in the cell `base[start..<end]` (trimmed): ``CSVNumber/parse(_:_:_:)``'s reading, in a dialect that
  /// accepts a decimal comma (``CSVDialect/acceptsDecimalComma``) after its one `,` is read as `.`; `nil` when that
  /// is not a number, or when the cell holds two marks (`1.234,56`: thousands separators are not read). In the comma
  /// dialect exactly ``CSVNumber/parse(_:_:_:)``.
  @inline(__always)
  static func number(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ dialect: CSVDialect) -> Double? {
    guard dialect.acceptsDecimalComma, end > start else { return CSVNumber.parse(base, start, end) }
    guard memchr(base + start, 0x2C, end - start) != nil else {
      return isAmbiguousDot(base, start, end) ? nil : CSVNumber.parse(base, start, end)
    }
    return decimalCommaNumber(base, start, end)
  }

  /// Whether `base[start..<end]` is one to three digits, a dot and three digits (`1.234`, `987.500`): in a dialect
  /// whose decimal mark may be a comma, a thousands dot (1234) as much as a decimal point (1.234), a thousandfold
  /// apart, so it is refused rather than guessed.
  static func isAmbiguousDot(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    let count = end - start
    guard (5...7).contains(count), base[end - 4] == 0x2E else { return false }
    for index in start..<end where index != end - 4 && base[index] &- 0x30 >= 10 { return false }
    return true
  }

  /// ``number(_:_:_:_:)`` for a cell holding a comma in a dialect that accepts a decimal comma (out of line: the fast
  /// path reads plain rates with a decimal comma itself).
  @inline(never)
  static func decimalCommaNumber(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    guard !hasTwoDecimalMarks(base, start, end) else { return nil }
    let bytes = UnsafeBufferPointer(start: base + start, count: end - start).map { $0 == 0x2C ? 0x2E : $0 }
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { CSVNumber.parse($0, 0, buffer.count) }
    }
  }

  /// Whether `base[start..<end]` holds more than one decimal mark (`.` or `,`): `1.234,56`, `1,234.56`, `1,2,3`.
  static func hasTwoDecimalMarks(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var marks = 0
    for index in start..<end where base[index] == 0x2C || base[index] == 0x2E { marks += 1 }
    return marks > 1
  }

  /// The error for a rate cell that is not a non-negative number (read in `dialect`).
  static func cellError(
    _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, header: String, file: String, line: Int, lineStart: Int,
    dialect: CSVDialect
  ) -> Diagnostic {
    let (s, e) = CSVBytes.trim(base, start, end)
    let location = FileLocation(file: file, line: line, column: start - lineStart + 1)
    if dialect.acceptsDecimalComma && hasTwoDecimalMarks(base, s, e) && memchr(base + s, 0x2C, e - s) != nil {
      return Diagnostic(
        .error,
        "'\(CSVBytes.text(base, s, e))' in column '\(header)' has two decimal marks (a \(dialect.name)-separated file "
          + "may use '.' or ',' as its decimal mark, but thousands separators are not read: write 1234,56 or 1234.56)",
        location: location)
    }
    if dialect.acceptsDecimalComma && isAmbiguousDot(base, s, e) {
      return Diagnostic(
        .error,
        "'\(CSVBytes.text(base, s, e))' in column '\(header)' is ambiguous in a \(dialect.name)-separated file, whose "
          + "decimal mark may be a comma: a thousands dot (\(CSVBytes.text(base, s, e - 4))\(CSVBytes.text(base, e - 3, e))) or a "
          + "decimal point; write the number without grouping, with a decimal comma if it has a fraction",
        location: location)
    }
    if let parsed = number(base, s, e, dialect), parsed < 0 {
      return Diagnostic(
        .error, "negative rate '\(CSVBytes.text(base, s, e))' in column '\(header)' (expected zero or more)",
        location: location)
    }
    if number(base, s, e, dialect) != nil {
      return Diagnostic(
        .error,
        "rate '\(CSVBytes.text(base, s, e))' in column '\(header)' is above 1 Pbps (expected bits per second; check the unit)",
        location: location)
    }
    return Diagnostic(
      .error,
      "'\(CSVBytes.text(base, s, e))' is not a number in column '\(header)' (expected bits per second, such as 125000000)",
      location: location
    )
  }

  /// Where a line's content ends (before `\r\n` or `\n`) and where the next line starts.
  @inline(__always)
  static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (contentEnd: Int, next: Int) {
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

  /// The separators (`dialect`'s) of the line from `start`, found eight bytes at a time: the ranges of its first `capacity` + 1
  /// fields but the last go to `starts` and `ends`; returns where the line's `\n` is (`total` when there is none),
  /// how many separators there are, where the last field starts (the caller ends it, trimming the line end), and
  /// whether a quote was seen (in the line or in the word that ends it: then the caller splits it again, honouring
  /// quotes).
  @inline(__always)
  static func splitLine(
    _ base: UnsafePointer<UInt8>, from start: Int, total: Int, starts: UnsafeMutablePointer<Int>,
    ends: UnsafeMutablePointer<Int>, capacity: Int, dialect: CSVDialect
  ) -> (lineFeed: Int, separators: Int, lastFieldStart: Int, quoted: Bool) {
    let separator = dialect.separator
    let separatorWord = dialect.separatorWord
    var fields = 0
    var cursor = start
    var fieldStart = start
    var quoted = false
    var foundEnd = false
    while cursor + 8 <= total {
      let word = ByteScanning.word(at: base + cursor)
      let newline = ByteScanning.matches(word, 0x0A)
      var marks = ByteScanning.matches(word, broadcast: separatorWord)
      if ByteScanning.matches(word, 0x22) != 0 { quoted = true }
      let stop = newline != 0 ? newline.trailingZeroBitCount >> 3 : 8
      if newline != 0 { marks &= (UInt64(1) << UInt64(stop * 8)) &- 1 }
      while marks != 0 {
        let at = cursor + (marks.trailingZeroBitCount >> 3)
        if fields <= capacity {
          starts[fields] = fieldStart
          ends[fields] = at
        }
        fields += 1
        fieldStart = at + 1
        marks &= marks &- 1
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
        if byte == separator {
          if fields <= capacity {
            starts[fields] = fieldStart
            ends[fields] = cursor
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
    return (cursor, fields, fieldStart, quoted)
  }

  /// Trims spaces, tabs and one pair of surrounding double quotes.
  @inline(__always)
  static func trim(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
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

  static func text(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
    let shown = min(end - start, 60)
    return String(decoding: UnsafeBufferPointer(start: base + start, count: max(shown, 0)), as: UTF8.self)
  }

  /// Whether `base[start..<end]` holds only separators, spaces and tabs (a blank-looking line).
  static func isBlank(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, separator: UInt8) -> Bool {
    for index in start..<end where base[index] != separator && base[index] != 0x20 && base[index] != 0x09 {
      return false
    }
    return true
  }

  /// Splits one CSV line at `separator` (the comma by default: `AzureMetrics` exports and format detection) into
  /// unquoted cell texts (RFC 4180 quotes, doubled quotes).
  static func splitQuoted(_ buffer: UnsafeBufferPointer<UInt8>, separator: UInt8 = CSVDialect.comma.separator)
    -> [String]
  {
    guard let base = buffer.baseAddress else { return [""] }
    return CSVBytes.splitQuotedRanges(base, from: 0, to: buffer.count, separator: separator).map { range in
      var cell = String(decoding: UnsafeBufferPointer(start: base + range.0, count: range.1 - range.0), as: UTF8.self)
      if cell.hasPrefix("\u{FEFF}") { cell.removeFirst() }
      cell = cell.trimmingCharacters(in: .whitespaces)
      if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") {
        cell = String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
      }
      return cell
    }
  }

  /// The byte ranges of a line's cells split at `separator`, honouring quotes (quotes stay inside the range).
  static func splitQuotedRanges(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, separator: UInt8)
    -> [(Int, Int)]
  {
    var ranges: [(Int, Int)] = []
    var cellStart = start
    var inQuotes = false
    var index = start
    while index < end {
      let byte = base[index]
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == separator && !inQuotes {
        ranges.append((cellStart, index))
        cellStart = index + 1
      }
      index += 1
    }
    ranges.append((cellStart, end))
    return ranges
  }
}
