import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The byte scans of the tokenizer: whitespace, separators, strings and numbers.
extension JSONStream {
  func matches(_ word: StaticString) -> Bool { matches(word, at: position) }

  func matches(_ word: StaticString, at start: Int) -> Bool {
    word.withUTF8Buffer { bytes in
      guard let expected = bytes.baseAddress else { return true }
      return filled - start >= bytes.count && memcmp(buffer + start, expected, bytes.count) == 0
    }
  }

  /// After a value: in an array, the next element's index; then ',' or the closing bracket.
  func afterValue() throws(Diagnostic) {
    try skipSpace()
    guard position < filled else { return }
    let byte = buffer[position]
    guard stackCount > 0 else { return }
    let isObject = stackIsObject[stackCount - 1]
    if byte == UInt8(ascii: ",") {
      position += 1
      if !isObject { stackIndex[stackCount - 1] += 1 }
      try skipSpace()
      return
    }
    if (isObject && byte == UInt8(ascii: "}")) || (!isObject && byte == UInt8(ascii: "]")) { return }
    line = scanLine
    column = position - lineStartOffset + 1
    throw error("expected ',' or the end of \(stackDescription), found '\(Character(UnicodeScalar(byte)))'")
  }

  @inline(__always)
  func skipSpace() throws(Diagnostic) {
    while true {
      while position < filled {
        // Indentation: eight spaces at a time.
        position = spacesEnd(from: position)
        guard position < filled else { break }
        let byte = buffer[position]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          position += 1
        } else if byte == 0x0A {
          position += 1
          scanLine += 1
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

  /// The closing quote of the string whose opening quote is at `quote`, when it is in the block and nothing before
  /// it needs decoding (no backslash, no line break); −1 otherwise. One pass, eight bytes at a time, finds the first
  /// quote, backslash or line break; only a quote ends the string here.
  @inline(__always)
  func plainStringEnd(from quote: Int) -> Int { Self.plainStringEnd(from: quote, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  static func plainStringEnd(from quote: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var scan = quote + 1
    while scan < filled {
      if scan + 8 <= filled {
        let word = ByteScanning.word(at: buffer + scan)
        let stops = ByteScanning.firstMatches(word, 0x22, 0x5C, 0x0A)
        if stops == 0 {
          scan += 8
          continue
        }
        scan += stops.trailingZeroBitCount >> 3
      } else if buffer[scan] != 0x22 && buffer[scan] != 0x5C && buffer[scan] != 0x0A {
        scan += 1
        continue
      }
      return buffer[scan] == 0x22 ? scan : -1
    }
    return -1
  }

  /// The first position at or after `start` that is not a space in a run of spaces read eight at a time (the
  /// indentation of pretty-printed JSON); the byte there may still be other whitespace.
  @inline(__always)
  func spacesEnd(from start: Int) -> Int { Self.spacesEnd(from: start, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  static func spacesEnd(from start: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var p = start
    // Most gaps are empty or one space (`": "`): two bytes are looked at first, words only for indentation.
    guard p < filled, buffer[p] == 0x20 else { return p }
    p += 1
    guard p < filled, buffer[p] == 0x20 else { return p }
    while p + 8 <= filled {
      let spaces = ByteScanning.matches(ByteScanning.word(at: buffer + p), 0x20)
      if spaces != 0x8080_8080_8080_8080 { return p + (~spaces & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3 }
      p += 8
    }
    return p
  }

  /// Reads a string at `position` (on its opening quote) into ``text``, decoding escapes.
  ///
  /// Offsets are kept relative to `position`, which a refill may move.
  func readString() throws(Diagnostic) {
    // Fast path: the closing quote is in the buffer and nothing before it needs decoding.
    let end = plainStringEnd(from: position)
    if end >= 0 {
      FastPath.hit(.jsonPlainString)
      setText(position + 1, end - position - 1)
      position = end + 1
      return
    }
    decoded.removeAll(keepingCapacity: true)
    var start = 1
    var cursor = 1
    while true {
      // An escape takes at most 12 bytes (a surrogate pair, `\uD83D\uDE00`).
      if position + cursor + 12 > filled && !endOfInput {
        try refill(cursor + (1 << 16))
      }
      guard position + cursor < filled else { throw error("the string does not end (expected a closing '\"')") }
      let byte = buffer[position + cursor]
      if byte == UInt8(ascii: "\"") {
        decoded.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        position += cursor + 1
        decoded.withUnsafeBufferPointer { bytes in
          // `decoded` keeps its storage until the next string with escapes.
          textStart = bytes.baseAddress ?? UnsafePointer(buffer)
          textCount = bytes.count
        }
        return
      }
      if byte == UInt8(ascii: "\\") {
        decoded.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        do throws(JSONEscape.Failure) {
          let (scalar, length) = try JSONEscape.decode(
            buffer + position + cursor, available: filled - position - cursor)
          UTF8.encode(scalar) { decoded.append($0) }
          cursor += length
        } catch let failure {
          throw error(failure.message)
        }
        start = cursor
        continue
      }
      if byte == 0x0A { throw error("a line break inside a string (expected '\\n')") }
      cursor += 1
    }
  }

  func readNumber() throws(Diagnostic) {
    try ensure(64)
    let end = numberEnd(from: position)
    setText(position, end - position)
    position = end
  }

  /// The end of the run of number characters (digits, signs, `.`, `e`, `E`) from `start`, or `filled`; whether they
  /// make a number is judged where the number is used.
  @inline(__always)
  func numberEnd(from start: Int) -> Int { Self.numberEnd(from: start, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  static func numberEnd(from start: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var cursor = start
    // Digits eight at a time; a sign, point or exponent letter is stepped over and the words go on after it.
    while cursor + 8 <= filled {
      let digits = ByteScanning.leadingDigits(ByteScanning.word(at: buffer + cursor))
      if digits == 8 {
        cursor += 8
        continue
      }
      let stop = cursor + digits
      let byte = buffer[stop]
      guard
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
          || byte | 0x20 == UInt8(ascii: "e")
      else { return stop }
      cursor = stop + 1
    }
    while cursor < filled {
      let byte = buffer[cursor]
      guard
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
          || byte == UInt8(ascii: ".")
          || byte | 0x20 == UInt8(ascii: "e")
      else { break }
      cursor += 1
    }
    return cursor
  }

  /// The current ``text`` as a number (parsed like the CSV reader's rates), `nil` when it is not one.
  var number: Double? {
    CSVNumber.parse(textStart, 0, textCount)
  }

  /// The current ``text`` as a timestamp (a series' next timestamp in the same hour is read from its minutes and
  /// seconds).
  var timestamp: Int64? {
    timeMemo.parse(text)
  }
}
