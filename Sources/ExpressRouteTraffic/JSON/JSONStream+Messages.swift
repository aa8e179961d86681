import ExpressRouteCore
import Foundation

/// The stream's messages (where a token is, by line, column and JSON path) and comparisons of its current text.
extension JSONStream {
  /// An error at the current token, with its path.
  func error(_ message: String) -> Diagnostic {
    let path = self.path
    return Diagnostic(
      .error, message, location: FileLocation(file: file, line: line, column: column), path: path.isEmpty ? nil : path)
  }

  /// An error at a remembered token position and path.
  func error(_ message: String, at mark: Mark) -> Diagnostic {
    Diagnostic(
      .error, message, location: FileLocation(file: file, line: mark.line, column: mark.column),
      path: mark.path.isEmpty ? nil : mark.path)
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
  var path: String { path(depth: stackCount) }

  /// The JSON path of the innermost open container itself (without the key or index inside it).
  var containerPath: String { path(depth: stackCount - 1) }

  func path(depth: Int) -> String {
    var result: JSONPath = .root
    for level in 0..<max(depth, 0) {
      if stackIsObject[level] {
        let length = level < Self.keyDepths ? keyLengths[level] : 0
        if length > 0 {
          result = .member(
            result,
            String(decoding: UnsafeBufferPointer(start: keyBytes + level * Self.keySlot, count: length), as: UTF8.self))
        }
      } else {
        result = .element(result, stackIndex[level])
      }
    }
    return result.description
  }

  /// Whether the current ``text`` equals `name` (ASCII, exact).
  @inline(__always)
  func textIs(_ name: StaticString) -> Bool {
    name.withUTF8Buffer { expected in
      guard textCount == expected.count, let wanted = expected.baseAddress else { return textCount == expected.count }
      return memcmp(textStart, wanted, textCount) == 0
    }
  }

  /// Whether the current ``text`` equals `name` ignoring ASCII case (`name` in lower case).
  @inline(__always)
  func textIs(lowercased name: StaticString) -> Bool {
    name.withUTF8Buffer { expected in
      guard textCount == expected.count else { return false }
      for index in 0..<expected.count {
        // Letters compare in lower case; other bytes (`_`) as they are.
        let byte = textStart[index]
        if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != expected[index] { return false }
      }
      return true
    }
  }

  /// The index of the array that holds the current object (for a message about the object once it is closed).
  var elementIndex: Int? {
    guard stackCount >= 2, !stackIsObject[stackCount - 2] else { return nil }
    return stackIndex[stackCount - 2]
  }

  /// The current ``text`` as a string.
  var string: String { String(decoding: text, as: UTF8.self) }
}
