import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The CSV reader's number parser: decimals and exponents to the double they denote, correctly rounded.
///
/// Up to 19 significant digits are read as an integer mantissa `m` and a power of ten;
/// ``decimal(_:_:)`` rounds `m × 10^q` once, to nearest (ties to even), as `strtod` does.
/// Anything it cannot settle cheaply (more digits, huge or tiny exponents) goes to the
/// standard library's correctly rounded `Double(_:)`.
enum CSVNumber {
  /// 10^-k rounded to a double, `k` in 0...15 (callers guarantee it). The switch is on `k`'s low four bits, all
  /// sixteen of which it lists: it compiles to one table load with no range test.
  @inline(__always)
  static func reciprocal(_ k: Int) -> Double {
    switch k & 15 {
    case 0: 1e0
    case 1: 1e-1
    case 2: 1e-2
    case 3: 1e-3
    case 4: 1e-4
    case 5: 1e-5
    case 6: 1e-6
    case 7: 1e-7
    case 8: 1e-8
    case 9: 1e-9
    case 10: 1e-10
    case 11: 1e-11
    case 12: 1e-12
    case 13: 1e-13
    case 14: 1e-14
    default: 1e-15
    }
  }

  /// 10^k as a double, `k` in 0...22 (every one exact).
  @inline(__always)
  static func power(_ k: Int) -> Double {
    switch k {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  /// `m × 10^q` correctly rounded, or `nil` when it needs the slow path (see ``slow(_:_:_:)``).
  ///
  /// - `m ≤ 2^53` and `|q| ≤ 22`: one exact operand times or over an exact power of ten rounds once (Clinger).
  /// - `q = 0`: the integer conversion rounds once.
  /// - `-19 ≤ q < 0`: the quotient is computed in doubles, then checked against the exact
  ///   half-way points with 128-bit integers and moved by one unit in the last place if needed.
  @inline(__always)
  static func decimal(_ m: UInt64, _ q: Int) -> Double? {
    if q == 0 { return Double(m) }
    if m <= 1 << 53 {
      if q < 0 && q >= -22 { return Double(m) / power(-q) }
      if q > 0 && q <= 22 { return Double(m) * power(q) }
      return nil
    }
    guard q < 0 && q >= -19 else { return nil }
    return checkedQuotient(m, -q)
  }

  /// `whole + fraction ÷ 10^digits` correctly rounded, when a cheap test can prove it; `nil` otherwise
  /// (then ``decimal(_:_:)`` settles it).
  ///
  /// With `whole` in 1 ..< 2^53 and `fraction` < 10^digits ≤ 10^15, `whole` is exact and
  /// `f = fraction × RN(10^-digits)` is within 2^-52 of `fraction ÷ 10^digits` (the reciprocal is
  /// off by at most half a unit, the product adds half a unit of `f` < 1). The sum `s = whole + f`
  /// and its exact error `e = f − (s − whole)` (Fast2Sum) give `whole + f − s = e`; `s` is the
  /// correctly rounded value of the decimal `x` whenever `|e| + 2^-51` stays below half the gap from `s` to the
  /// neighbour on `x`'s side. Half a unit in the last place of `whole` is never more than that: `s ≥ whole`, so
  /// its units are no smaller, and where the gap below `s` is the smaller one (`s` a power of two) either
  /// `s = whole ≤ x` (the gap above counts) or `whole < s`, a unit of `whole` below. The test fails only near a
  /// half-way point (then `nil`).
  ///
  /// The test is not needed when the fraction has at most 7 digits and `whole` lies in 2^26 ..< 2^46, as most
  /// rates do. In general: in the binade `[2^E, 2^(E+1))` of the decimal `x`, the half-way points are odd multiples
  /// of 2^(E−53), and `x × 10^digits × 2^(53−E)` is an integer. So `x` lies at least 2^(E−53) ÷ 10^digits from every
  /// half-way point, or on one. `2^E ≥ 4 × 10^digits` (2^26 ≥ 4 × 10^7) makes that distance at least 2^-51, more
  /// than the error of `f` (below 2^-52), so `whole + f` rounds as `x` does; `E ≤ 52 − digits` (45 ≤ 52 − 7) rules
  /// out lying on one (`x × 2^(53−E)` would be an odd integer, yet with `N = x × 10^digits` it is
  /// `N × 2^(53−E−digits) ÷ 5^digits`, an even one).
  @inline(__always)
  static func sum(_ whole: UInt64, _ fraction: UInt64, _ digits: Int) -> Double? {
    guard whole >= 1, whole < 1 << 53, UInt(bitPattern: digits) <= 15 else { return nil }
    let integer = Double(whole)
    // A multiplication by the rounded reciprocal instead of a division: off by at most 2^-52 (above).
    // `fraction` < 10^15: the signed conversion is exact and shorter than the unsigned one.
    let part = Double(Int64(bitPattern: fraction)) * reciprocal(digits)
    let total = integer + part
    // Where no half-way point is within reach, no test (above).
    if digits <= 7 && whole &- (1 << 26) < (1 << 46) - (1 << 26) { return total }
    let error = part - (total - integer)
    // Half a unit in the last place of `whole` (≥ 1): its exponent field less 53.
    let halfGap = Double(bitPattern: (integer.bitPattern & 0x7FF0_0000_0000_0000) &- (53 << 52))
    guard abs(error) + 0x1p-51 < halfGap else { return nil }
    return total
  }

  /// `m ÷ 10^k` correctly rounded for `m > 2^53`, `1 ≤ k ≤ 19`; `nil` when the result is below 2^-10
  /// or sits on a binade boundary (left to the slow path).
  static func checkedQuotient(_ m: UInt64, _ k: Int) -> Double? {
    var candidate = Double(m) / power(k)
    let ten = UInt64.powerOfTen(k)
    // At most two steps: the candidate is within 1.5 units in the last place.
    for _ in 0..<3 {
      let bits = candidate.bitPattern
      let fraction = bits & 0x000F_FFFF_FFFF_FFFF
      guard fraction != 0 else { return nil }
      let significand = fraction | 1 << 52
      // candidate = significand × 2^exponent.
      let exponent = Int(bits >> 52 & 0x7FF) - 1075
      let shift = 1 - exponent
      guard shift >= 1 && shift <= 63 else { return nil }
      // m ÷ 10^k against the half-way points (2·significand ± 1) × 2^(exponent − 1), scaled by 2^(1 − exponent) × 10^k.
      let scaled = UInt128(m) << shift
      let above = (2 * significand + 1).multipliedFullWidth(by: ten)
      let upper = UInt128(above.high) << 64 | UInt128(above.low)
      let below = (2 * significand - 1).multipliedFullWidth(by: ten)
      let lower = UInt128(below.high) << 64 | UInt128(below.low)
      if scaled > upper || (scaled == upper && significand & 1 == 1) {
        candidate = candidate.nextUp
      } else if scaled < lower || (scaled == lower && significand & 1 == 1) {
        candidate = candidate.nextDown
      } else {
        return candidate
      }
    }
    return nil
  }

  /// The correctly rounded value of the text `base[start..<end]` by the standard library (rare inputs only).
  static func slow(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    Double(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self))
  }

  /// The value of `digits` or `digits.digits` (no sign, no exponent, 19 digits at most in all: rates as exports
  /// write them, full-precision averages included), correctly rounded (an integer converts exactly or to the nearest
  /// double; a fraction by ``sum(_:_:_:)`` or ``decimal(_:_:)``); `nil` for any other text (then the general loop
  /// reads it).
  @inline(__always)
  static func plainDecimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var index = start
    let whole = digitRun(base, &index, end)
    let wholeDigits = index &- start
    guard wholeDigits > 0, wholeDigits <= 19 else { return nil }
    if index == end { return Double(whole) }
    guard base[index] == 0x2E else { return nil }
    index &+= 1
    let fractionStart = index
    let fraction = digitRun(base, &index, end)
    let fractionDigits = index &- fractionStart
    guard index == end, fractionDigits > 0, wholeDigits &+ fractionDigits <= 19 else { return nil }
    return value(whole: whole, fraction: fraction, digits: fractionDigits)
  }

  /// `whole.fraction` (`fraction` written with `digits` digits; 19 digits at most in all, which fit the 64-bit
  /// mantissa exactly) correctly rounded: by ``sum(_:_:_:)`` when it can tell, else by ``decimal(_:_:)``; `nil`
  /// when neither settles it cheaply.
  @inline(always)
  static func value(whole: UInt64, fraction: UInt64, digits: Int) -> Double? {
    // Not `sum(…) ?? decimal(…)`: the autoclosure kept this out of line in the row reader's loop.
    if let total = sum(whole, fraction, digits) { return total }
    return exactQuotient(whole &* UInt64.powerOfTen(digits) &+ fraction, digits)
  }

  /// ``decimal(_:_:)`` for `m × 10^-digits`, out of line: the rare case of ``value(whole:fraction:digits:)``.
  @inline(never)
  static func exactQuotient(_ m: UInt64, _ digits: Int) -> Double? {
    decimal(m, -digits)
  }

  /// The value of the digits from `index` (moved past them, not beyond `end`): eight at a time while eight more
  /// bytes lie before `end`, then one by one. Only the last 19 digits count (callers allow no more).
  @inline(__always)
  static func digitRun(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> UInt64 {
    var value: UInt64 = 0
    while end &- index >= 8, let eight = ByteScanning.eightDigits(base + index) {
      value = value &* 100_000_000 &+ eight
      index &+= 8
    }
    while index < end {
      let d = base[index] &- 0x30
      guard d < 10 else { break }
      value = value &* 10 &+ UInt64(d)
      index &+= 1
    }
    return value
  }

  /// Parses `[+-]digits[.digits][e[+-]digits]` into a Double; `nil` for anything else.
  @inline(__always)
  static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    // Fast path: plain digits, with or without a fraction, as rate exports write them.
    if let value = plainDecimal(base, start, end) {
      FastPath.hit(.plainDecimal)
      return value
    }
    var index = start
    var negative = false
    if index < end, base[index] == 0x2D || base[index] == 0x2B {
      negative = base[index] == 0x2D
      index += 1
    }
    var mantissa = Mantissa()
    mantissa.read(base, &index, end, fraction: false)
    if index < end, base[index] == 0x2E {
      index += 1
      mantissa.read(base, &index, end, fraction: true)
    }
    guard mantissa.digits > 0 else { return nil }
    var scale = mantissa.scale
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
    if mantissa.value == 0 { return negative ? -0.0 : 0 }
    let value = (mantissa.dropped ? nil : decimal(mantissa.value, scale)) ?? slow(base, start, end)
    guard let value else { return nil }
    return negative && value > 0 ? -value : value
  }

  /// The significant digits of a number the general parser reads: the first 19 as an integer, the power of ten that
  /// scales it, and whether non-zero digits beyond the 19 were dropped (then the slow path rounds exactly).
  private struct Mantissa {
    var value: UInt64 = 0
    var digits = 0
    var scale = 0
    var significant = 0
    var dropped = false

    /// Reads the digits from `index` (moved past them, not beyond `end`): whole ones, or a fraction's, each of which
    /// that is kept scales the value down a place (a whole digit past the 19 scales it up one instead).
    @inline(__always)
    mutating func read(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int, fraction: Bool) {
      while index < end {
        let d = base[index] &- 0x30
        guard d < 10 else { break }
        if significant < 19 {
          value = value &* 10 &+ UInt64(d)
          if value > 0 { significant += 1 }
          if fraction { scale -= 1 }
        } else {
          if !fraction { scale += 1 }
          if d != 0 { dropped = true }
        }
        digits += 1
        index += 1
      }
    }
  }
}
