import ExpressRouteCore
import Foundation

/// Word-at-a-time helpers for the CSV hot loop (SWAR: SIMD within a register).
///
/// All loads are unaligned 8-byte reads that callers keep inside the buffer.
enum ByteScanning {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The eight bytes at `pointer` as a word (little-endian, any alignment). A fixed eight-byte `memcpy` compiles
  /// to one load and is always inlined; the generic `loadUnaligned(as:)` was left as a call in the row reader's
  /// hot loop (5% of a full-precision read).
  @inline(__always) static func word(at pointer: UnsafeRawPointer) -> UInt64 {
    var word: UInt64 = 0
    memcpy(&word, pointer, 8)
    return word
  }

  /// 0x80 in every byte of `word` that equals `byte`, 0 elsewhere (exact, no false positives).
  @inline(__always) static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* ones)
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// ``matches(_:_:)`` for a byte already broadcast to every byte of `broadcast` (such as
  /// ``CSVDialect/separatorWord``): the multiplication is done once, not once per word.
  @inline(__always) static func matches(_ word: UInt64, broadcast: UInt64) -> UInt64 {
    let x = word ^ broadcast
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// 0x80 in the first byte of `word` that equals `a`, `b` or `c` (and perhaps in bytes after it), 0 when none does.
  ///
  /// Per byte `x` (the byte xor the wanted one), `(x − 1) & ~x` has its high bit set exactly when `x` is 0; only a
  /// zero byte borrows, so no byte before the first match is marked.
  @inline(__always) static func firstMatches(_ word: UInt64, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt64 {
    let x = word ^ (UInt64(a) &* ones)
    let y = word ^ (UInt64(b) &* ones)
    let z = word ^ (UInt64(c) &* ones)
    return ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & ~low7
  }

  /// A word whose low `count` bytes are set (none for `count` ≤ 0, all eight from 8): the mask of a value's bytes
  /// that fill a word only in part.
  @inline(__always) static func lowBytes(_ count: Int) -> UInt64 {
    count <= 0 ? 0 : count >= 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
  }

  /// The bytes of the word at `pointer` that `mask` keeps, xor `expected` (which holds only those bytes): 0 exactly
  /// when they are the expected ones. The masked-word test of ``CSVRowTemplate`` and ``CSVNameField``.
  @inline(__always) static func maskedDifference(at pointer: UnsafeRawPointer, _ expected: UInt64, _ mask: UInt64)
    -> UInt64
  {
    word(at: pointer) & mask ^ expected
  }

  /// Checks that a word-at-a-time reader's loads stay where its reasoning says they do: in debug builds (SwiftPM
  /// defines `DEBUG` there, so every test run checks) and in release builds made with
  /// `swift build -c release -Xswiftc -DERCALC_BOUNDS_CHECKS`; compiled out otherwise, so the hot loops pay nothing.
  @inline(__always)
  static func checkBounds(
    _ holds: @autoclosure () -> Bool, _ what: StaticString, file: StaticString = #fileID, line: UInt = #line
  ) {
    #if DEBUG || ERCALC_BOUNDS_CHECKS
      precondition(holds(), "bound check failed: \(what)", file: file, line: line)
    #endif
  }

  /// Whether `length` bytes at `a` and `b` are equal.
  ///
  /// Compares words; the last word overlaps the one before it, so there is no byte tail.
  @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    if length >= 8 {
      var offset = 0
      while offset &+ 8 < length {
        if word(at: rawA + offset) != word(at: rawB + offset) {
          return false
        }
        offset &+= 8
      }
      return word(at: rawA + (length &- 8)) == word(at: rawB + (length &- 8))
    }
    if length >= 4 {
      return rawA.loadUnaligned(as: UInt32.self) == rawB.loadUnaligned(as: UInt32.self)
        && rawA.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
          == rawB.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
    }
    var offset = 0
    while offset < length {
      if a[offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The value of exactly eight ASCII digits at `pointer`, or `nil` if any byte is not a digit.
  @inline(__always) static func eightDigits(_ pointer: UnsafePointer<UInt8>) -> UInt64? {
    let value = word(at: pointer)
    return allDigits(value) ? digitsValue(value, count: 8) : nil
  }

  /// 0x80 in the first byte of `word` (the lowest) that is not an ASCII digit, and perhaps in bytes after it; 0 when
  /// all eight are digits.
  @inline(__always) static func nonDigits(_ word: UInt64) -> UInt64 {
    // Per byte, `b − 0x30` has its high bit set below `0`, `b + 0x46` above `9`, and `b` itself from 0x80 up,
    // where `b + 0x46` carries. A borrow or carry only crosses out of a byte that is not a digit, so it can
    // change the bytes after the first non-digit but never that one or those before it.
    ((word &- 0x3030_3030_3030_3030) | (word &+ 0x4646_4646_4646_4646) | word) & 0x8080_8080_8080_8080
  }

  /// How many of `word`'s bytes, from the first (lowest), are ASCII digits before the first that is not (0...8).
  @inline(__always) static func leadingDigits(_ word: UInt64) -> Int {
    // No non-digit: 64 trailing zeros, eight digits.
    nonDigits(word).trailingZeroBitCount &>> 3
  }

  /// Whether all eight bytes of `word` are ASCII digits: ``leadingDigits(_:)`` is 8, tested without counting.
  @inline(__always) static func allDigits(_ word: UInt64) -> Bool {
    nonDigits(word) == 0
  }

  /// The value of the first `count` (1...8) bytes of `word`, which must be ASCII digits.
  @inline(__always) static func digitsValue(_ word: UInt64, count: Int) -> UInt64 {
    // Shift the digits to the top; the zero bytes below them read as leading zeros.
    let digits = (word & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64((8 &- count) &* 8)
    let pairs = (digits &* 10 &+ (digits >> 8)) & 0x00FF_00FF_00FF_00FF
    let quads = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
    return (quads &* 10000 &+ (quads >> 32)) & 0xFFFF_FFFF
  }
}
