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

  /// Parses `bytes` as one JSON document.
  ///
  /// - Parameter file: The path to show in error messages.
  /// - Throws: ``Diagnostic`` with the position of the first syntax error.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in try parse(buffer, file: file) }
  }

  /// Parses a document held in `data` without copying it first.
  package static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONValue {
    let result: Result<JSONValue, Diagnostic> = data.withUnsafeBytes { raw in
      Result { () throws(Diagnostic) in try parse(raw.bindMemory(to: UInt8.self), file: file) }
    }
    return try result.get()
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(Diagnostic) -> JSONValue {
    var parser = JSONParser(bytes: bytes, file: file)
    parser.skipByteOrderMark()
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      throw parser.failure("unexpected \(parser.describeCurrent()) after the end of the JSON document")
    }
    return value
  }

  /// Parses a string of JSON.
  package static func parse(_ text: String, file: String) throws(Diagnostic) -> JSONValue {
    try parse(Array(text.utf8), file: file)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
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

  private mutating func parseValue() throws(Diagnostic) -> JSONValue {
    guard index < bytes.count else { throw failure("expected a value, found end of file") }
    let startLine = line
    let startColumn = column
    switch bytes[index] {
    case UInt8(ascii: "{"):
      return JSONValue(try parseObject(), line: startLine, column: startColumn)
    case UInt8(ascii: "["):
      return JSONValue(try parseArray(), line: startLine, column: startColumn)
    case UInt8(ascii: "\""):
      return JSONValue(.string(try parseString()), line: startLine, column: startColumn)
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return JSONValue(.bool(true), line: startLine, column: startColumn)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return JSONValue(.bool(false), line: startLine, column: startColumn)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return JSONValue(.null, line: startLine, column: startColumn)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONValue(.number(try parseNumber()), line: startLine, column: startColumn)
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

  private mutating func parseObject() throws(Diagnostic) -> JSONValue.Kind {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONMember] = []
    var seen = Set<String>()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
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
      let key = try parseString()
      // Small objects (most of them) check earlier keys directly; large ones use a set.
      let duplicate: Bool
      if members.count < 16 {
        duplicate = members.contains { $0.key == key }
        if !duplicate && members.count == 15 { seen = Set(members.map(\.key) + [key]) }
      } else {
        duplicate = !seen.insert(key).inserted
      }
      if duplicate {
        throw failure("duplicate key \"\(key)\"", line: keyLine, column: keyColumn)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("expected ':' after key \"\(key)\", found \(describeCurrent())")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key: key, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated object, expected '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw failure("expected ',' or '}' after an object member, found \(describeCurrent())")
    }
  }

  private mutating func parseArray() throws(Diagnostic) -> JSONValue.Kind {
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        throw failure("trailing comma before ']'")
      }
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated array, expected ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw failure("expected ',' or ']' after an array element, found \(describeCurrent())")
    }
  }

  private mutating func parseNumber() throws(Diagnostic) -> String {
    let start = index
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
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func parseString() throws(Diagnostic) -> String {
    let openLine = line
    let openColumn = column
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    // Invalid UTF-8 is an error, never silently replaced by U+FFFD.
    func decode(_ parser: JSONParser) throws(Diagnostic) -> String {
      guard let text = String(validating: parser.bytes[runStart..<parser.index], as: UTF8.self) else {
        throw parser.failure("invalid UTF-8 in a string (the file must be UTF-8 encoded)", line: openLine, column: openColumn)
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
        try flush(self, into: &scalars)
        index += 1
        guard index < bytes.count else { throw failure("unterminated escape sequence") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired UTF-16 surrogate in \\u escape") }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw failure("invalid UTF-16 low surrogate in \\u escape")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(code) {
            throw failure("unpaired UTF-16 surrogate in \\u escape")
          }
          guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
          scalars.append(scalar)
        default:
          index -= 2
          throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
        }
        runStart = index
        continue
      }
      index += 1
    }
  }

  private mutating func parseHex4() throws(Diagnostic) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw failure("unterminated \\u escape") }
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw failure("expected four hex digits in a \\u escape, found \(describeCurrent())")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }
}
