/// The escapes of a JSON string (RFC 8259, section 7), decoded one way for both JSON readers: the whole-document
/// parser (``JSONParser``) and the traffic stream reader. `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`,
/// and a UTF-16 surrogate pair written as two `\u` escapes (`\uD83D\uDE00`); anything else is refused.
package enum JSONEscape {
  /// An escape that is not one, with the byte it is reported at (counted from the backslash).
  package struct Failure: Error, Equatable {
    /// What was wrong, what was expected: `invalid escape '\q' in a string`.
    package var message: String
    /// The offset from the backslash of the byte the problem is at.
    package var offset: Int
  }

  /// Decodes the escape whose backslash is at `bytes` (`available` bytes readable from there).
  ///
  /// - Returns: the character and the number of bytes the escape took (2, 6, or 12 for a surrogate pair).
  /// - Throws: ``Failure`` for an unknown escape, a `\u` without four hex digits, an unpaired surrogate, or an
  ///   escape cut short by the end of the bytes.
  package static func decode(
    _ bytes: UnsafePointer<UInt8>, available: Int
  ) throws(Failure) -> (scalar: Unicode.Scalar, length: Int) {
    guard available >= 2 else { throw Failure(message: "unterminated escape sequence", offset: available) }
    switch bytes[1] {
    case UInt8(ascii: "\""): return ("\"", 2)
    case UInt8(ascii: "\\"): return ("\\", 2)
    case UInt8(ascii: "/"): return ("/", 2)
    case UInt8(ascii: "b"): return ("\u{08}", 2)
    case UInt8(ascii: "f"): return ("\u{0C}", 2)
    case UInt8(ascii: "n"): return ("\n", 2)
    case UInt8(ascii: "r"): return ("\r", 2)
    case UInt8(ascii: "t"): return ("\t", 2)
    case UInt8(ascii: "u"): break
    case let other:
      let shown = other < 0x80 ? String(Character(Unicode.Scalar(other))) : "\\x" + String(other, radix: 16)
      throw Failure(message: "invalid escape '\\\(shown)' in a string", offset: 0)
    }
    var code = try hex4(bytes, from: 2, available: available)
    var length = 6
    if (0xD800...0xDBFF).contains(code) {
      guard available >= 8, bytes[6] == UInt8(ascii: "\\"), bytes[7] == UInt8(ascii: "u") else {
        throw Failure(message: "unpaired UTF-16 surrogate in \\u escape", offset: 0)
      }
      let low = try hex4(bytes, from: 8, available: available)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw Failure(message: "invalid UTF-16 low surrogate in \\u escape", offset: 6)
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
      length = 12
    } else if (0xDC00...0xDFFF).contains(code) {
      throw Failure(message: "unpaired UTF-16 surrogate in \\u escape", offset: 0)
    }
    // Every code below 0x110000 outside the surrogates is a scalar, and `code` is at most 0x10FFFF here.
    guard let scalar = Unicode.Scalar(code) else { throw Failure(message: "invalid \\u escape", offset: 0) }
    return (scalar, length)
  }

  /// The four hex digits at `bytes[start...]`.
  private static func hex4(_ bytes: UnsafePointer<UInt8>, from start: Int, available: Int) throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for offset in start..<start + 4 {
      guard offset < available else { throw Failure(message: "unterminated \\u escape", offset: offset) }
      let byte = bytes[offset]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default:
        let shown =
          byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        throw Failure(message: "expected four hex digits in a \\u escape, found \(shown)", offset: offset)
      }
      value = value * 16 + digit
    }
    return value
  }
}
