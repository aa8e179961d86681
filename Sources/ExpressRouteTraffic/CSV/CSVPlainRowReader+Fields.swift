import ExpressRouteCore
import Foundation

/// The rate fields and terminators of plain rows, word at a time.
extension CSVPlainRowReader {
  /// Reads a rate field at `p`, times `scale`, into `rate`: 1 to 15 digits, optionally with a
  /// decimal point and fraction (19 digits at most in all, so full-precision doubles such as
  /// `254587286.86429623` qualify), valued exactly as the general parser values it (correctly
  /// rounded, ``CSVNumber/decimal(_:_:)``). The decimal mark is `.` or `dialect`'s
  /// ``CSVDialect/decimalMark`` (`,` where the separator is not a comma). Returns the position after `dialect`'s
  /// terminator, or -1 (also for rates above 1 Pbps, which the general path reports).
  @inline(always)
  static func readRate(
    _ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ scale: Double, _ rate: inout Double,
    _ dialect: CSVDialect
  ) -> Int {
    var cursor = p
    let whole: UInt64
    // Exactly nine whole digits, as most rates between 100 Mbps and 1 Gbps are written (with a fraction or without):
    // the last eight as one word read from the second byte, instead of a full word and a second one holding a
    // single digit.
    let lastEight = ByteScanning.word(at: base + (p &+ 1))
    let leading = base[p] &- 0x30
    if ByteScanning.allDigits(lastEight), base[p &+ 9] &- 0x30 >= 10, leading < 10 {
      FastPath.hit(.csvNineDigitRate)
      whole = UInt64(leading) &* 100_000_000 &+ ByteScanning.digitsValue(lastEight, count: 8)
      cursor = p &+ 9
    } else {
      guard let value = digits(base, &cursor) else { return -1 }
      whole = value
    }
    let mark = base[cursor]
    if mark == 0x2E || mark == dialect.decimalMark {
      // `digits.fraction`: the mantissa is every digit; the general parser reads it the same way.
      var end = cursor &+ 1
      guard let fraction = digits(base, &end) else { return -1 }
      let fractionDigits = end &- cursor &- 1
      guard cursor &- p &+ fractionDigits <= 19 else { return -1 }
      // `1.234` where a comma may be the decimal mark: a thousands dot or a decimal point; the general path refuses it.
      if fractionDigits == 3, cursor &- p <= 3, mark == 0x2E, dialect.acceptsDecimalComma { return -1 }
      guard let value = CSVNumber.value(whole: whole, fraction: fraction, digits: fractionDigits) else { return -1 }
      rate = value * scale
      FastPath.hit(.csvFractionRate)
      if mark != 0x2E { FastPath.hit(.csvDecimalCommaRate) }
      cursor = end
    } else {
      rate = Double(whole) * scale
    }
    guard rate <= TrafficIngest.maximumRate else { return -1 }
    return skipTerminator(base, cursor, isLast, dialect.separator)
  }

  /// The position after the field terminator at `p` (`separator`, or `\n`/`\r\n` for the last field), or -1.
  @inline(always)
  static func skipTerminator(_ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ separator: UInt8) -> Int {
    let byte = base[p]
    if !isLast { return byte == separator ? p &+ 1 : -1 }
    if byte == 0x0A { return p &+ 1 }
    if byte == 0x0D && base[p &+ 1] == 0x0A { return p &+ 2 }
    return -1
  }

  /// The first separator (`dialect`'s), line feed or quote at or after `p` (before `limit`), or `limit`.
  @inline(always)
  static func fieldEnd(_ base: UnsafePointer<UInt8>, from p: Int, limit: Int, _ dialect: CSVDialect) -> Int {
    var cursor = p
    while cursor < limit {
      let word = ByteScanning.word(at: base + cursor)
      let found =
        ByteScanning.matches(word, broadcast: dialect.separatorWord) | ByteScanning.matches(word, 0x0A)
        | ByteScanning.matches(word, 0x22)
      if found != 0 {
        let at = cursor + found.trailingZeroBitCount >> 3
        // A quote means the general path must unquote the line.
        return at < limit && base[at] != 0x22 ? at : limit
      }
      cursor += 8
    }
    return limit
  }

  /// Reads 1 to 15 ASCII digits at `p` as an integer and moves `p` past them; `nil` for anything else.
  @inline(always)
  static func digits(_ base: UnsafePointer<UInt8>, _ p: inout Int) -> UInt64? {
    let first = ByteScanning.word(at: base + p)
    let count = ByteScanning.leadingDigits(first)
    if count == 0 { return nil }
    if count < 8 {
      p &+= count
      return ByteScanning.digitsValue(first, count: count)
    }
    let second = ByteScanning.word(at: base + (p &+ 8))
    let more = ByteScanning.leadingDigits(second)
    if more == 8 { return nil }
    p &+= 8 &+ more
    let high = ByteScanning.digitsValue(first, count: 8)
    switch more {
    case 0: return high
    case 1: return high &* 10 &+ (second & 0x0F)
    case 2: return high &* 100 &+ (second & 0x0F) &* 10 &+ (second >> 8 & 0x0F)
    default:
      var scale: UInt64 = 1
      for _ in 0..<more { scale &*= 10 }
      return high &* scale &+ ByteScanning.digitsValue(second, count: more)
    }
  }
}
