import Foundation
import Synchronization

/// A parsed JSON document kept compact: its bytes, and one 8-byte tape entry per value (two per array or object).
///
/// The parser checks the whole document once (syntax, UTF-8, escapes, duplicate keys, depth); after that a value is
/// read from its bytes only when asked for, and its line and column are worked out from its offset only when a
/// message needs them. So a document needs about its own size plus 8 bytes per value in memory, not a tree of
/// strings and arrays: a 50 MB array of one-digit numbers is 50 MB of bytes and 200 MB of tape.
///
/// Entry layout: the kind in the top 4 bits, the value's byte offset in the low 40 bits. An array or object entry is
/// followed by one holding the tape index just past its last descendant (how a reader skips it). An object's
/// children alternate key (a string entry) and value.
///
/// Sendable by hand only because of its pointers: the bytes and the tape never change after parsing, and the one
/// mutable part (the line starts found so far) is behind a `Mutex`.
package final class JSONDocument: @unchecked Sendable {
  /// What a tape entry holds.
  enum Kind: UInt64 {
    case null = 0, `false`, `true`, number, plainString, escapedString, array, object
  }

  /// The file the document came from, for messages.
  let file: String
  /// The document's bytes (values are read from them on demand): the document's own copy, so reading a value is
  /// a pointer access, not a closure over `Data`.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The tape: ``count`` entries (immutable once parsed).
  private let tape: UnsafeMutablePointer<UInt64>
  /// Entries on the tape.
  let count: Int
  /// Where line 1 starts (3 after a UTF-8 byte-order mark, as the parser counts columns).
  private let firstLineStart: Int
  /// Line starts (the offset after each line feed) found so far, and how far the bytes were searched for them:
  /// filled in as locations are asked for.
  private let lines = Mutex(LineStarts())

  /// Line starts found so far (the offset after each line feed), and how far the bytes were searched for them.
  private struct LineStarts {
    var starts: [UInt32] = []
    var searchedTo = 0
  }

  static let offsetMask: UInt64 = (1 << 40) - 1

  init(
    file: String, bytes: UnsafeBufferPointer<UInt8>, tape: UnsafeMutablePointer<UInt64>, count: Int, firstLineStart: Int
  ) {
    self.file = file
    self.bytes = bytes
    self.tape = tape
    self.count = count
    self.firstLineStart = firstLineStart
  }

  deinit {
    tape.deallocate()
    bytes.deallocate()
  }

  /// Parses `data` as one JSON document (see ``JSONParser``).
  static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONDocument {
    try JSONParser.document(data, file: file)
  }

  @inline(__always) func kind(_ entry: Int) -> Kind { Kind(rawValue: tape[entry] >> 60) ?? .null }
  @inline(__always) func offset(_ entry: Int) -> Int { Int(tape[entry] & Self.offsetMask) }

  /// The entry after the value at `entry` and everything inside it (its next sibling, or its container's end).
  @inline(__always) func next(_ entry: Int) -> Int {
    switch kind(entry) {
    case .array, .object: return Int(tape[entry + 1])
    default: return entry + 1
    }
  }

  /// The first child entry of the array or object at `entry` (equal to ``next(_:)`` when it is empty).
  @inline(__always) func firstChild(_ entry: Int) -> Int { entry + 2 }

  /// The string at `entry` (a value or a key), decoded.
  func string(_ entry: Int) -> String {
    let start = offset(entry)
    if kind(entry) == .plainString {
      // No escapes: the text runs to the next quote.
      FastPath.record(.documentPlainRead)
      guard let base = bytes.baseAddress else { return "" }
      let end = memchr(base + start + 1, Int32(UInt8(ascii: "\"")), bytes.count - start - 1).map {
        UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end ?? bytes.count)]), as: UTF8.self)
    }
    return JSONParser.decodeString(bytes, at: start, file: file)
  }

  /// Whether the key at `entry` is `key`, compared on the bytes when it has no escapes.
  func keyEquals(_ entry: Int, _ key: String) -> Bool {
    guard kind(entry) == .plainString else { return string(entry) == key }
    FastPath.record(.documentPlainRead)
    let start = offset(entry) + 1
    var key = key
    return key.withUTF8 { expected in
      guard start + expected.count < bytes.count, bytes[start + expected.count] == UInt8(ascii: "\"") else {
        return false
      }
      guard let base = bytes.baseAddress, let wanted = expected.baseAddress else { return expected.isEmpty }
      return memcmp(base + start, wanted, expected.count) == 0
    }
  }

  /// The source text of the number at `entry`.
  func numberText(_ entry: Int) -> String {
    let start = offset(entry)
    do {
      var end = start
      while end < bytes.count {
        switch bytes[end] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
          UInt8(ascii: "e"),
          UInt8(ascii: "E"):
          end += 1
        default:
          return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }

  /// The 1-based line and column (in bytes, as the parser reports them) of the value at `entry`.
  func position(_ entry: Int) -> (line: Int, column: Int) {
    let target = offset(entry)
    let bytes = bytes
    let firstLineStart = firstLineStart
    return lines.withLock { lines in
      if target > lines.searchedTo, let base = bytes.baseAddress {
        var from = lines.searchedTo
        let end = min(target, bytes.count)
        while from < end, let found = memchr(base + from, 0x0A, end - from) {
          let index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
          lines.starts.append(UInt32(truncatingIfNeeded: index + 1))
          from = index + 1
        }
        lines.searchedTo = target
      }
      // Lines starting at or before the target.
      var low = 0
      var high = lines.starts.count
      while low < high {
        let middle = (low + high) / 2
        if Int(lines.starts[middle]) <= target { low = middle + 1 } else { high = middle }
      }
      let start = low == 0 ? firstLineStart : Int(lines.starts[low - 1])
      return (low + 1, target - start + 1)
    }
  }

  /// The value at `entry` as a ``JSONValue`` tree, with every position (for callers that need a whole value).
  func value(_ entry: Int) -> JSONValue {
    let (line, column) = position(entry)
    switch kind(entry) {
    case .null: return JSONValue(.null, line: line, column: column)
    case .false: return JSONValue(.bool(false), line: line, column: column)
    case .true: return JSONValue(.bool(true), line: line, column: column)
    case .number: return JSONValue(.number(numberText(entry)), line: line, column: column)
    case .plainString, .escapedString: return JSONValue(.string(string(entry)), line: line, column: column)
    case .array:
      var elements: [JSONValue] = []
      var child = firstChild(entry)
      let end = next(entry)
      while child < end {
        elements.append(value(child))
        child = next(child)
      }
      return JSONValue(.array(elements), line: line, column: column)
    case .object:
      var members: [JSONMember] = []
      var child = firstChild(entry)
      let end = next(entry)
      while child < end {
        members.append(JSONMember(key: string(child), value: value(child + 1)))
        child = next(child + 1)
      }
      return JSONValue(.object(members), line: line, column: column)
    }
  }
}

/// Tape entries as the parser writes them: a buffer grown with `realloc`, so growing never holds two copies.
struct JSONTapeBuilder {
  private(set) var base: UnsafeMutablePointer<UInt64>
  private(set) var count = 0
  private var capacity: Int

  init(expectedBytes: Int) {
    capacity = max(16, min(expectedBytes / 8, 1 << 20))
    base = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
  }

  @inline(__always) mutating func append(_ kind: JSONDocument.Kind, offset: Int) -> Int {
    if count == capacity { grow() }
    base[count] = kind.rawValue << 60 | (UInt64(offset) & JSONDocument.offsetMask)
    count += 1
    return count - 1
  }

  /// Appends a placeholder for a container's end, set later with ``set(_:to:)``.
  @inline(__always) mutating func appendPlaceholder() -> Int {
    if count == capacity { grow() }
    base[count] = 0
    count += 1
    return count - 1
  }

  @inline(__always) func set(_ entry: Int, to value: Int) { base[entry] = UInt64(value) }

  private mutating func grow() {
    let grown = capacity * 2
    let raw = realloc(UnsafeMutableRawPointer(base), grown * MemoryLayout<UInt64>.stride)
    guard let raw else {
      // Out of memory: a copy is no better; let the allocator fail loudly.
      let fresh = UnsafeMutablePointer<UInt64>.allocate(capacity: grown)
      fresh.moveInitialize(from: base, count: count)
      base.deallocate()
      base = fresh
      capacity = grown
      return
    }
    base = raw.assumingMemoryBound(to: UInt64.self)
    capacity = grown
  }

  /// Frees the buffer (after a failed parse).
  func discard() { base.deallocate() }
}
