import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The CSV reader's number parser: plain decimals and exponents to the double they denote.
enum CSVNumber {
  /// Parses `[+-]digits[.digits][e[+-]digits]` into a Double; `nil` for anything else.
  @inline(__always)
  static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    // Fast path: 8 to 16 plain digits, as rate exports usually are.
    let length = end - start
    if length >= 8 && length <= 16, let high = ByteScanning.eightDigits(base + start) {
      if length == 8 { return Double(high) }
      if length == 16, let low = ByteScanning.eightDigits(base + start + 8) { return Double(high * 100_000_000 + low) }
      var value = high
      var index = start + 8
      while index < end {
        let d = base[index] &- 0x30
        guard d < 10 else { break }
        value = value * 10 + UInt64(d)
        index += 1
      }
      if index == end { return Double(value) }
    }
    var index = start
    var negative = false
    if index < end, base[index] == 0x2D || base[index] == 0x2B {
      negative = base[index] == 0x2D
      index += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var scale = 0
    var significant = 0
    while index < end {
      let d = base[index] &- 0x30
      guard d < 10 else { break }
      if significant < 19 {
        mantissa = mantissa &* 10 &+ UInt64(d)
        if mantissa > 0 { significant += 1 }
      } else {
        scale += 1
      }
      digits += 1
      index += 1
    }
    if index < end, base[index] == 0x2E {
      index += 1
      while index < end {
        let d = base[index] &- 0x30
        guard d < 10 else { break }
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          if mantissa > 0 { significant += 1 }
          scale -= 1
        }
        digits += 1
        index += 1
      }
    }
    guard digits > 0 else { return nil }
    if index < end, base[index] | 0x20 == 0x65 {
      index += 1
      var exponentNegative = false
      if index < end, base[index] == 0x2D || base[index] == 0x2B {
        exponentNegative = base[index] == 0x2D
        index += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while index < end {
        let d = base[index] &- 0x30
        guard d < 10 else { break }
        exponent = min(exponent * 10 + Int(d), 400)
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0 else { return nil }
      scale += exponentNegative ? -exponent : exponent
    }
    guard index == end else { return nil }
    var value = Double(mantissa)
    if scale > 0 {
      value *= scale < RateHistogram.powers.count ? RateHistogram.powers[scale] : pow(10, Double(scale))
    } else if scale < 0 {
      value /= -scale < RateHistogram.powers.count ? RateHistogram.powers[-scale] : pow(10, Double(-scale))
    }
    return negative ? -value : value
  }
}
