import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A pull tokenizer for large JSON documents (and JSON lines) read in blocks from a file descriptor.
///
/// Memory is one block plus the path of open containers, however large the
/// document: values are handed out one token at a time and never kept. Every
/// token knows its line, column and JSON path, so errors read as
/// `file:line:column: error: value[0].timeseries[0].data[3].average: …`.
/// Several top-level values in a row (JSON lines) are read one after another.
final class JSONStream {
  /// One token.
  enum Token: Equatable {
    case objectStart, objectEnd, arrayStart, arrayEnd
    /// An object key; its text is ``text``.
    case key
    /// A string value; its text is ``text``.
    case string
    /// A number; its source text is ``text``.
    case number
    case bool(Bool)
    case null
    /// The end of the input.
    case end
  }

  private enum Container {
    case object(key: [UInt8])
    case array(index: Int)
  }

  let file: String
  private let descriptor: Int32
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var filled = 0
  private var position = 0
  private var endOfInput = false
  /// Bytes before `buffer[0]` (dropped with earlier blocks), for line tracking.
  private var lineStartOffset = 0
  private var dropped = 0
  /// The 1-based line and column of the current token's first byte.
  private(set) var line = 1
  private(set) var column = 1
  /// The current string, key or number text (valid until the next token).
  private(set) var text: [UInt8] = []
  private var stack: [Container] = []
  /// Whether a value is expected after a key (so the next token completes a member).
  private var afterKey = false
  /// Total bytes consumed, for progress.
  var consumed: Int { dropped + position }

  /// A stream over `descriptor`, starting with `prefix` (bytes already read from it); a negative
  /// descriptor reads `prefix` alone.
  init(descriptor: Int32, file: String, prefix: [UInt8] = []) {
    self.descriptor = descriptor
    self.file = file
    capacity = max(1 << 20, prefix.count * 2)
    buffer = .allocate(capacity: capacity)
    prefix.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { buffer.initialize(from: base, count: prefix.count) }
    }
    filled = prefix.count
  }

  deinit { buffer.deallocate() }

  /// Makes at least `count` bytes from `position` available (fewer only at the end of the input).
  @inline(__always)
  private func ensure(_ count: Int) throws(Diagnostic) {
    if filled - position >= count || endOfInput { return }
    try refill(count)
  }

  private func refill(_ count: Int) throws(Diagnostic) {
    // Keep the bytes from `position` on; move them to the front.
    if position > 0 {
      let keep = filled - position
      if keep > 0 { memmove(buffer, buffer + position, keep) }
      dropped += position
      lineStartOffset -= position
      filled = keep
      position = 0
    }
    if descriptor < 0 { endOfInput = true }
    while filled < count && !endOfInput {
      if filled == capacity {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: buffer, count: filled)
        buffer.deallocate()
        buffer = grown
        capacity *= 2
      }
      let got = Glibc.read(descriptor, buffer + filled, capacity - filled)
      if got < 0 {
        if errno == EINTR { continue }
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      if got == 0 { endOfInput = true } else { filled += got }
    }
  }

  /// An error at the current token, with its path.
  func error(_ message: String) -> Diagnostic {
    let path = self.path
    return Diagnostic(.error, message, location: FileLocation(file: file, line: line, column: column), path: path.isEmpty ? nil : path)
  }

  /// An error at a remembered token position and path.
  func error(_ message: String, at mark: Mark) -> Diagnostic {
    Diagnostic(.error, message, location: FileLocation(file: file, line: mark.line, column: mark.column), path: mark.path.isEmpty ? nil : mark.path)
  }

  /// Where a token was, to report it later.
  struct Mark {
    var line: Int
    var column: Int
    var path: String
  }

  /// The current token's position and path (the path is built now: call it only when needed).
  var mark: Mark { Mark(line: line, column: column, path: path) }

  /// The JSON path of the current token (`value[0].timeseries[1].data[3].average`); empty at the root.
  var path: String {
    var result: JSONPath = .root
    for container in stack {
      switch container {
      case .object(let key): result = key.isEmpty ? result : .member(result, String(decoding: key, as: UTF8.self))
      case .array(let index): result = .element(result, index)
      }
    }
    return result.description
  }

  /// The depth of open containers (0 at the top level).
  var depth: Int { stack.count }

  /// The key of the innermost object, when inside one.
  func currentKey(is name: StaticString) -> Bool {
    guard case .object(let key) = stack.last else { return false }
    return name.withUTF8Buffer { key.elementsEqual($0) }
  }

  /// Whether the current ``text`` equals `name` (ASCII, exact).
  @inline(__always)
  func textIs(_ name: StaticString) -> Bool {
    name.withUTF8Buffer { text.elementsEqual($0) }
  }

  /// Whether the current ``text`` equals one of `names` ignoring ASCII case.
  func textIsOneOf(lowercased names: Set<String>) -> Bool {
    names.contains(String(decoding: text, as: UTF8.self).lowercased())
  }

  /// The current ``text`` as a string.
  var string: String { String(decoding: text, as: UTF8.self) }

  /// Reads the next token.
  func next() throws(Diagnostic) -> Token {
    try skipSpace()
    guard position < filled else {
      if !stack.isEmpty { throw error("the document ends inside \(stackDescription) (expected the rest of the JSON)") }
      return .end
    }
    column = position - lineStartOffset + 1
    let byte = buffer[position]
    // A value (not a key) in an array advances its index.
    switch byte {
    case UInt8(ascii: "}"):
      guard case .object = stack.last, !afterKey else { throw error("unexpected '}'") }
      position += 1
      stack.removeLast()
      try afterValue()
      return .objectEnd
    case UInt8(ascii: "]"):
      guard case .array = stack.last else { throw error("unexpected ']'") }
      position += 1
      stack.removeLast()
      try afterValue()
      return .arrayEnd
    default:
      break
    }
    if case .object = stack.last, !afterKey {
      // A key, then ':'.
      guard byte == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found '\(Character(UnicodeScalar(byte)))'") }
      try readString()
      stack[stack.count - 1] = .object(key: text)
      try skipSpace()
      guard position < filled, buffer[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
      position += 1
      afterKey = true
      return .key
    }
    afterKey = false
    switch byte {
    case UInt8(ascii: "{"):
      position += 1
      stack.append(.object(key: []))
      return .objectStart
    case UInt8(ascii: "["):
      position += 1
      stack.append(.array(index: 0))
      try skipSpace()
      return .arrayStart
    case UInt8(ascii: "\""):
      try readString()
      try afterValue()
      return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      try ensure(5)
      let word: Token
      if matches("true") {
        position += 4
        word = .bool(true)
      } else if matches("false") {
        position += 5
        word = .bool(false)
      } else if matches("null") {
        position += 4
        word = .null
      } else {
        throw error("expected a JSON value, found '\(Character(UnicodeScalar(byte)))'")
      }
      try afterValue()
      return word
    default:
      guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
        throw error("expected a JSON value, found '\(Character(UnicodeScalar(byte)))'")
      }
      try readNumber()
      try afterValue()
      return .number
    }
  }

  /// Skips the value that starts with `token` (already read), including everything inside it.
  func skip(_ token: Token) throws(Diagnostic) {
    guard token == .objectStart || token == .arrayStart else { return }
    let target = stack.count - 1
    while stack.count > target {
      if try next() == .end { return }
    }
  }

  private var stackDescription: String {
    if case .object = stack.last { return "an object" }
    return "an array"
  }

  private func matches(_ word: StaticString) -> Bool {
    word.withUTF8Buffer { bytes in
      guard filled - position >= bytes.count else { return false }
      for index in 0..<bytes.count where buffer[position + index] != bytes[index] { return false }
      return true
    }
  }

  /// After a value: in an array, the next element's index; then ',' or the closing bracket.
  private func afterValue() throws(Diagnostic) {
    try skipSpace()
    guard position < filled else { return }
    let byte = buffer[position]
    guard let last = stack.last else { return }
    if byte == UInt8(ascii: ",") {
      position += 1
      if case .array(let index) = last { stack[stack.count - 1] = .array(index: index + 1) }
      try skipSpace()
      return
    }
    switch (last, byte) {
    case (.object, UInt8(ascii: "}")), (.array, UInt8(ascii: "]")): return
    default:
      column = position - lineStartOffset + 1
      throw error("expected ',' or the end of \(stackDescription), found '\(Character(UnicodeScalar(byte)))'")
    }
  }

  @inline(__always)
  private func skipSpace() throws(Diagnostic) {
    while true {
      while position < filled {
        let byte = buffer[position]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          position += 1
        } else if byte == 0x0A {
          position += 1
          line += 1
          lineStartOffset = position
        } else if byte == 0xEF && position + dropped == 0 {
          position += 3  // a byte-order mark
        } else {
          return
        }
      }
      if endOfInput { return }
      try refill(1 << 16)
      if position >= filled && endOfInput { return }
    }
  }

  /// Reads a string at `position` (on its opening quote) into ``text``, decoding escapes.
  ///
  /// Offsets are kept relative to `position`, which a refill may move.
  private func readString() throws(Diagnostic) {
    text.removeAll(keepingCapacity: true)
    var start = 1
    var cursor = 1
    while true {
      if position + cursor + 6 > filled && !endOfInput {
        try refill(cursor + (1 << 16))
      }
      guard position + cursor < filled else { throw error("the string does not end (expected a closing '\"')") }
      let byte = buffer[position + cursor]
      if byte == UInt8(ascii: "\"") {
        text.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        position += cursor + 1
        return
      }
      if byte == UInt8(ascii: "\\") {
        text.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        guard position + cursor + 1 < filled else { throw error("the string does not end (expected a closing '\"')") }
        let escaped = buffer[position + cursor + 1]
        switch escaped {
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "u"):
          guard position + cursor + 6 <= filled else { throw error("the string does not end (expected a closing '\"')") }
          let hex = String(decoding: UnsafeBufferPointer(start: buffer + position + cursor + 2, count: 4), as: UTF8.self)
          guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw error("'\\u\(hex)' is not a character escape (expected four hex digits)")
          }
          text.append(contentsOf: Array(String(Character(scalar)).utf8))
          cursor += 4
        default: text.append(escaped)
        }
        cursor += 2
        start = cursor
        continue
      }
      if byte == 0x0A { throw error("a line break inside a string (expected '\\n')") }
      cursor += 1
    }
  }

  private func readNumber() throws(Diagnostic) {
    try ensure(64)
    var cursor = position
    while cursor < filled {
      let byte = buffer[cursor]
      guard
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
          || byte | 0x20 == UInt8(ascii: "e")
      else { break }
      cursor += 1
    }
    text.removeAll(keepingCapacity: true)
    text.append(contentsOf: UnsafeBufferPointer(start: buffer + position, count: cursor - position))
    position = cursor
  }

  /// The current ``text`` as a number (parsed like the CSV reader's rates), `nil` when it is not one.
  var number: Double? {
    text.withUnsafeBufferPointer { bytes in bytes.baseAddress.flatMap { CSVNumber.parse($0, 0, bytes.count) } }
  }

  /// The current ``text`` as a timestamp.
  var timestamp: Int64? {
    text.withUnsafeBufferPointer { Timestamp.parse($0) }
  }
}
