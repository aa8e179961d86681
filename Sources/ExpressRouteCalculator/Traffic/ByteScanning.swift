/// Word-at-a-time helpers for the CSV hot loop (SWAR: SIMD within a register).
///
/// All loads are unaligned 8-byte reads that callers keep inside the buffer.
enum ByteScanning {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// 0x80 in every byte of `word` that equals `byte`, 0 elsewhere (exact, no false positives).
  @inline(__always) static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* ones)
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// Whether `length` bytes at `a` and `b` are equal.
  @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    var offset = 0
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    while offset + 8 <= length {
      if rawA.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
        return false
      }
      offset += 8
    }
    while offset < length {
      if a[offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The value of exactly eight ASCII digits at `pointer`, or `nil` if any byte is not a digit.
  @inline(__always) static func eightDigits(_ pointer: UnsafePointer<UInt8>) -> UInt64? {
    let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    let digits = word &- 0x3030_3030_3030_3030
    // Every byte must be 0...9: no borrow (high bit clear) and byte + 6 must not reach 16.
    guard (digits | (digits &+ 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0 == 0 else { return nil }
    // Little-endian: the first digit is the low byte. Combine pairs, quads, then halves.
    let pairs = (digits &* 10 &+ (digits >> 8)) & 0x00FF_00FF_00FF_00FF
    let quads = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
    return (quads &* 10000 &+ (quads >> 32)) & 0xFFFF_FFFF
  }
}
