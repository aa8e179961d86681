import Foundation

/// A strict RFC 8259 JSON parser that records line and column of every value.
///
/// Foundation's `JSONDecoder` accepts trailing commas and reports syntax
/// errors without a position; this parser rejects both trailing commas and
/// duplicate keys and reports `file:line:column` for every failure.
package struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let file: String
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  private var tape: JSONTapeBuilder
  /// Whether the last string read had an escape.
  private var lastStringEscaped = false

  /// Parses `bytes` as one JSON document; `file` is the path shown in error messages.
  ///
  /// - Throws: ``Diagnostic`` with the position of the first syntax error.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> JSONValue {
    try parse(Data(bytes), file: file)
  }

  /// Parses a document held in `data` into a ``JSONValue`` tree.
  package static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONValue {
    let document = try document(data, file: file)
    return document.value(0)
  }

  /// Parses `data` into a compact ``JSONDocument`` (the whole document is checked; nothing is decoded yet).
  static func document(_ data: Data, file: String) throws(Diagnostic) -> JSONDocument {
    // The document's own copy of the bytes, read in place from then on.
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
    _ = storage.initialize(from: data)
    let bytes = UnsafeBufferPointer(rebasing: storage[0..<data.count])
    let result: Result<(UnsafeMutablePointer<UInt64>, Int, Int), Diagnostic> = {
      var parser = JSONParser(bytes: bytes, file: file)
      do throws(Diagnostic) {
        parser.skipByteOrderMark()
        let firstLineStart = parser.lineStart
        parser.skipWhitespace()
        try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
          throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the JSON document")
        }
        return .success((parser.tape.base, parser.tape.count, firstLineStart))
      } catch {
        parser.tape.discard()
        return .failure(error)
      }
    }()
    switch result {
    case .success(let (tape, count, firstLineStart)):
      return JSONDocument(file: file, bytes: bytes, tape: tape, count: count, firstLineStart: firstLineStart)
    case .failure(let error):
      storage.deallocate()
      throw error
    }
  }

  /// Parses a string of JSON.
  package static func parse(_ text: String, file: String) throws(Diagnostic) -> JSONValue {
    try parse(Data(text.utf8), file: file)
  }

  /// The string whose opening quote is at `offset` of `bytes`, already checked by a parse: decoded again.
  static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, file: String) -> String {
    var parser = JSONParser(bytes: bytes, file: file, tapeCapacity: 1)
    defer { parser.tape.discard() }
    parser.index = offset
    return (try? parser.parseString()) ?? ""
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, file: String, tapeCapacity: Int? = nil) {
    self.bytes = bytes
    self.file = file
    tape = JSONTapeBuilder(expectedBytes: tapeCapacity ?? bytes.count)
  }

  private var column: Int { index - lineStart + 1 }

  private func failure(_ message: String, line: Int? = nil, column: Int? = nil) -> Diagnostic {
    Diagnostic(
      .error, "invalid JSON: \(message)",
      location: FileLocation(file: file, line: line ?? self.line, column: column ?? self.column))
  }

  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of file" }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16, uppercase: true))"
  }

  private mutating func skipByteOrderMark() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D:
        index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default:
        return
      }
    }
  }

  private mutating func parseValue() throws(Diagnostic) {
    guard index < bytes.count else { throw failure("expected a value, found end of file") }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"):
      try parseObject()
    case UInt8(ascii: "["):
      try parseArray()
    case UInt8(ascii: "\""):
      _ = try parseString()
      _ = tape.append(lastStringEscaped ? .escapedString : .plainString, offset: start)
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      _ = tape.append(.true, offset: start)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      _ = tape.append(.false, offset: start)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      _ = tape.append(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try parseNumber()
      _ = tape.append(.number, offset: start)
    default:
      throw failure("expected a value, found \(describeCurrent())")
    }
  }

  private mutating func expectLiteral(_ literal: String) throws(Diagnostic) {
    for byte in literal.utf8 {
      guard index < bytes.count, bytes[index] == byte else {
        throw failure("expected '\(literal)', found \(describeCurrent())")
      }
      index += 1
    }
  }

  private mutating func enter() throws(Diagnostic) {
    depth += 1
    if depth > 512 { throw failure("nesting deeper than 512 levels") }
  }

  /// Opens the container whose `{` or `[` is at `index`: one level deeper, its tape entry and the placeholder for
  /// its end written, and the bytes after the bracket skipped up to the first value; `empty` when `closer` follows
  /// at once (consumed). The caller closes it with ``close(_:)``, also when it throws.
  private mutating func open(_ kind: JSONDocument.Kind, closer: Unicode.Scalar) throws(Diagnostic) -> (
    entry: Int, end: Int, empty: Bool
  ) {
    try enter()
    let entry = tape.append(kind, offset: index)
    let end = tape.appendPlaceholder()
    index += 1
    skipWhitespace()
    let empty = index < bytes.count && bytes[index] == UInt8(ascii: closer)
    if empty { index += 1 }
    return (entry, end, empty)
  }

  /// Closes the container ``open(_:closer:)`` opened with its end placeholder at `end`: the placeholder set to the
  /// tape's count (where the container's next sibling starts), one level up.
  private mutating func close(_ end: Int) {
    tape.set(end, to: tape.count)
    depth -= 1
  }

  private mutating func parseObject() throws(Diagnostic) {
    let (entry, end, empty) = try open(.object, closer: "}")
    defer { close(end) }
    if empty { return }
    // Small objects (most of them) check earlier keys directly; large ones keep the keys' hashes and compare the
    // keys themselves only when a hash repeats, so a huge object never holds a set of its keys' strings.
    var keys: [String] = []
    var hashes = Set<Int>()
    var count = 0
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
          throw failure("trailing comma before '}'")
        }
        throw failure("expected a string key, found \(describeCurrent())")
      }
      let keyLine = line
      let keyColumn = column
      let keyStart = index
      let key = try parseString()
      let duplicate: Bool
      if count < 16 {
        duplicate = keys.contains(key)
        keys.append(key)
        if !duplicate && count == 15 {
          hashes = Set(keys.map(\.hashValue))
          keys = []
        }
      } else if hashes.insert(key.hashValue).inserted {
        duplicate = false
      } else {
        duplicate = hasKey(key, inObjectAt: entry)
      }
      if duplicate {
        throw failure("duplicate key \"\(key)\"", line: keyLine, column: keyColumn)
      }
      count += 1
      _ = tape.append(lastStringEscaped ? .escapedString : .plainString, offset: keyStart)
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("expected ':' after key \"\(key)\", found \(describeCurrent())")
      }
      index += 1
      skipWhitespace()
      try parseValue()
      guard try continues(closer: "}", container: "object", part: "an object member") else { return }
    }
  }

  /// Whether the object being read at tape `entry` already has `key` (its finished members are on the tape).
  private func hasKey(_ key: String, inObjectAt entry: Int) -> Bool {
    var child = entry + 2
    while child < tape.count {
      let kind = JSONDocument.Kind(rawValue: tape.base[child] >> 60) ?? .null
      let offset = Int(tape.base[child] & JSONDocument.offsetMask)
      let text =
        kind == .plainString
        ? String(
          decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<closingQuote(after: offset)]), as: UTF8.self)
        : Self.decodeString(bytes, at: offset, file: file)
      if text == key { return true }
      // Skip the member's value.
      let value = child + 1
      guard value < tape.count else { return false }
      let valueKind = JSONDocument.Kind(rawValue: tape.base[value] >> 60) ?? .null
      child = valueKind == .array || valueKind == .object ? Int(tape.base[value + 1]) : value + 1
      if child == 0 { return false }  // an unfinished container (cannot happen for a finished member)
    }
    return false
  }

  /// The offset of the quote closing the string (without escapes) that opens at `offset`.
  private func closingQuote(after offset: Int) -> Int {
    var end = offset + 1
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
    return end
  }

  private mutating func parseArray() throws(Diagnostic) {
    let (_, end, empty) = try open(.array, closer: "]")
    defer { close(end) }
    if empty { return }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        throw failure("trailing comma before ']'")
      }
      try parseValue()
      guard try continues(closer: "]", container: "array", part: "an array element") else { return }
    }
  }

  /// After a member or element: consumes `,` (true: another follows) or `closer` (false: the container ends), or
  /// throws naming what was expected.
  private mutating func continues(closer: Unicode.Scalar, container: String, part: String) throws(Diagnostic) -> Bool {
    skipWhitespace()
    guard index < bytes.count else { throw failure("unterminated \(container), expected '\(closer)'") }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return true
    }
    if bytes[index] == UInt8(ascii: closer) {
      index += 1
      return false
    }
    throw failure("expected ',' or '\(closer)' after \(part), found \(describeCurrent())")
  }

  private mutating func parseNumber() throws(Diagnostic) {
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw failure("expected a digit in a number, found \(describeCurrent())")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) {
        throw failure("numbers must not have leading zeros")
      }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw failure("expected a digit after the decimal point, found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw failure("expected a digit in the exponent, found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
  }

  private mutating func parseString() throws(Diagnostic) -> String {
    let openLine = line
    let openColumn = column
    lastStringEscaped = false
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    // Invalid UTF-8 is an error, never silently replaced by U+FFFD.
    func decode(_ parser: JSONParser) throws(Diagnostic) -> String {
      guard let text = String(validating: parser.bytes[runStart..<parser.index], as: UTF8.self) else {
        throw parser.failure(
          "invalid UTF-8 in a string (the file must be UTF-8 encoded)", line: openLine, column: openColumn)
      }
      return text
    }
    func flush(_ parser: JSONParser, into scalars: inout String.UnicodeScalarView) throws(Diagnostic) {
      if runStart < parser.index {
        scalars.append(contentsOf: try decode(parser).unicodeScalars)
      }
    }
    while true {
      guard index < bytes.count else {
        throw failure("unterminated string", line: openLine, column: openColumn)
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        // Most strings have no escapes: decode the bytes in one go.
        if scalars.isEmpty {
          FastPath.record(.documentPlainString)
          let text = try decode(self)
          index += 1
          return text
        }
        try flush(self, into: &scalars)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 {
        throw failure("control character in a string (newlines must be escaped as \\n)")
      }
      if byte == UInt8(ascii: "\\") {
        lastStringEscaped = true
        try flush(self, into: &scalars)
        guard let base = bytes.baseAddress else { throw failure("unterminated escape sequence") }
        do throws(JSONEscape.Failure) {
          let (scalar, length) = try JSONEscape.decode(base + index, available: bytes.count - index)
          scalars.append(scalar)
          index += length
        } catch {
          index += error.offset
          throw failure(error.message)
        }
        runStart = index
        continue
      }
      index += 1
    }
  }
}
