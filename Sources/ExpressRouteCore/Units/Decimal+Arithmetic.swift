import Foundation

// Exact `Decimal` arithmetic without heap allocation, for the values money, rates and volumes take.
//
// The toolchain's `Decimal` operators work on arrays of 16-bit words and allocate on every `+`, `*` and
// comparison; a budget of 1,000 sites spent a quarter of its time in them. ``FastDecimal`` does the same
// arithmetic by name: when both significands fit in 64 bits and the exact result fits a `Decimal`, the result is
// worked out in 128-bit integers and stored as Foundation stores it (compacted: trailing zeros moved into the
// exponent), so it is the same value, bit for bit. Anything else (NaN, wider significands, exponents more than 19
// apart, a result that would need rounding) goes to Foundation's own operator. `DecimalArithmeticTests` compare
// both, bit for bit, on random operands.
//
// The operators stay Foundation's everywhere: code on a hot path (money, data volumes, rates × quantities in
// pricing and budgets) calls ``FastDecimal`` by name, so the fast path goes wherever that code goes, in any module.

/// Foundation's `Decimal` arithmetic, bit for bit, without allocating when the operands are small.
package enum FastDecimal {
  /// `a + b`.
  @inlinable package static func sum(_ a: Decimal, _ b: Decimal) -> Decimal {
    Decimal.exactSum(a, b) ?? Decimal.foundationSum(a, b)
  }

  /// `a - b`.
  @inlinable package static func difference(_ a: Decimal, _ b: Decimal) -> Decimal {
    Decimal.exactSum(a, b, negatingRight: true) ?? Decimal.foundationDifference(a, b)
  }

  /// `a × b`.
  @inlinable package static func product(_ a: Decimal, _ b: Decimal) -> Decimal {
    Decimal.exactProduct(a, b) ?? Decimal.foundationProduct(a, b)
  }

  /// Adds `value` to `total` (`total = total + value`).
  @inlinable package static func add(_ value: Decimal, to total: inout Decimal) {
    total = sum(total, value)
  }

  /// Whether `a < b`.
  @inlinable package static func isLess(_ a: Decimal, _ b: Decimal) -> Bool {
    if let order = Decimal.exactOrder(a, b) { return order < 0 }
    return Decimal.foundationLess(a, b)
  }

  /// Whether `a <= b`.
  @inlinable package static func isLessOrEqual(_ a: Decimal, _ b: Decimal) -> Bool {
    if let order = Decimal.exactOrder(a, b) { return order <= 0 }
    return !Decimal.foundationLess(b, a)
  }

  /// Whether `a` and `b` are the same number.
  @inlinable package static func isEqual(_ a: Decimal, _ b: Decimal) -> Bool {
    if let order = Decimal.exactOrder(a, b) { return order == 0 }
    return Decimal.foundationEqual(a, b)
  }
}

extension Decimal {
  // MARK: The exact paths

  /// `lhs + rhs` (or `lhs - rhs`) in 128-bit integers, or `nil` when Foundation must do it.
  @usableFromInline static func exactSum(_ lhs: Decimal, _ rhs: Decimal, negatingRight: Bool = false) -> Decimal? {
    guard let a = lhs.smallParts, var b = rhs.smallParts else { return nil }
    if a.significand == 0 || b.significand == 0 {
      // Foundation returns the other operand of a sum unchanged; a difference with zero is left to it.
      guard !negatingRight else { return nil }
      return a.significand == 0 ? rhs : lhs
    }
    if negatingRight { b.negative.toggle() }
    let (high, low) = a.exponent >= b.exponent ? (a, b) : (b, a)
    let shift = high.exponent - low.exponent
    guard shift <= 19 else { return nil }
    let scaled = UInt128(high.significand) * UInt128(UInt64.powerOfTen(shift))
    let small = UInt128(low.significand)
    let magnitude: UInt128
    let negative: Bool
    if high.negative == low.negative {
      let (sum, overflow) = scaled.addingReportingOverflow(small)
      guard !overflow else { return nil }
      (magnitude, negative) = (sum, high.negative)
    } else if scaled == small {
      return .zero
    } else if scaled > small {
      (magnitude, negative) = (scaled - small, high.negative)
    } else {
      (magnitude, negative) = (small - scaled, low.negative)
    }
    return Decimal(compacting: magnitude, exponent: low.exponent, negative: negative)
  }

  /// `lhs × rhs` in 128-bit integers, or `nil` when Foundation must do it.
  @usableFromInline static func exactProduct(_ lhs: Decimal, _ rhs: Decimal) -> Decimal? {
    guard let a = lhs.smallParts, let b = rhs.smallParts else { return nil }
    if a.significand == 0 || b.significand == 0 { return .zero }
    let product = UInt128(a.significand) * UInt128(b.significand)
    return Decimal(compacting: product, exponent: a.exponent + b.exponent, negative: a.negative != b.negative)
  }

  /// The sign of `lhs - rhs` (−1, 0 or 1), or `nil` when Foundation must compare.
  @usableFromInline static func exactOrder(_ lhs: Decimal, _ rhs: Decimal) -> Int? {
    guard let a = lhs.smallParts, let b = rhs.smallParts else { return nil }
    let signA = a.significand == 0 ? 0 : a.negative ? -1 : 1
    let signB = b.significand == 0 ? 0 : b.negative ? -1 : 1
    if signA != signB { return signA < signB ? -1 : 1 }
    if signA == 0 { return 0 }
    let shift = a.exponent - b.exponent
    guard abs(shift) <= 19 else { return nil }
    let left = UInt128(a.significand) * UInt128(UInt64.powerOfTen(max(shift, 0)))
    let right = UInt128(b.significand) * UInt128(UInt64.powerOfTen(max(-shift, 0)))
    let magnitudeOrder = left == right ? 0 : left < right ? -1 : 1
    return signA < 0 ? -magnitudeOrder : magnitudeOrder
  }

  // MARK: Foundation's operators, through the protocols Decimal conforms to

  /// Foundation's `a + b`.
  @usableFromInline static func foundationSum<T: AdditiveArithmetic>(_ a: T, _ b: T) -> T { a + b }
  /// Foundation's `a - b`.
  @usableFromInline static func foundationDifference<T: AdditiveArithmetic>(_ a: T, _ b: T) -> T { a - b }
  /// Foundation's `a × b`.
  @usableFromInline static func foundationProduct<T: Numeric>(_ a: T, _ b: T) -> T { a * b }
  /// Foundation's `a < b`.
  @usableFromInline static func foundationLess<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b }
  /// Foundation's `a == b`.
  @usableFromInline static func foundationEqual<T: Equatable>(_ a: T, _ b: T) -> Bool { a == b }

  // MARK: Storage

  /// A value's sign, significand and exponent when its significand fits in 64 bits.
  struct SmallParts {
    var negative: Bool
    var significand: UInt64
    var exponent: Int
  }

  /// This value's parts, or `nil` for NaN, a significand wider than 64 bits, or a storage layout this
  /// code does not know.
  var smallParts: SmallParts? {
    guard Self.storageLayoutMatches else { return nil }
    return withUnsafeBytes(of: self) { raw -> SmallParts? in
      let length = raw[1] >> 4
      let negative = raw[1] & 0b1000 != 0
      guard length <= 4 else { return nil }
      if length == 0 { return negative ? nil : SmallParts(negative: false, significand: 0, exponent: 0) }  // NaN, zero
      let significand = raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)
      return SmallParts(
        negative: negative, significand: UInt64(littleEndian: significand), exponent: Int(Int8(bitPattern: raw[0])))
    }
  }

  /// `±magnitude × 10^exponent` stored as Foundation stores an exact result: trailing zeros moved into the
  /// exponent (up to 127), the length in 16-bit words, the compact flag set. `nil` when the exponent is out of
  /// range. `magnitude` is not zero.
  init?(compacting magnitude: UInt128, exponent: Int, negative: Bool) {
    var significand = magnitude
    var exponent = exponent
    while exponent < 127, significand % 10 == 0 {
      if significand <= UInt128(UInt64.max) {
        var small = UInt64(significand)
        while exponent < 127, small % 10 == 0 {
          small /= 10
          exponent += 1
        }
        significand = UInt128(small)
        break
      }
      significand /= 10
      exponent += 1
    }
    guard exponent >= -128, exponent <= 127 else { return nil }
    let words = (128 - significand.leadingZeroBitCount + 15) / 16
    var value = Decimal.zero
    withUnsafeMutableBytes(of: &value) { raw in
      for index in raw.indices { raw[index] = 0 }
      raw[0] = UInt8(bitPattern: Int8(exponent))
      raw[1] = UInt8(words) << 4 | (negative ? 0b1000 : 0) | 0b100
      raw.storeBytes(of: UInt64(truncatingIfNeeded: significand).littleEndian, toByteOffset: 4, as: UInt64.self)
      raw.storeBytes(of: UInt64(truncatingIfNeeded: significand >> 64).littleEndian, toByteOffset: 12, as: UInt64.self)
    }
    self = value
  }

  /// Whether `Decimal`'s storage is laid out as ``smallParts`` reads it (an exponent byte, a length nibble and
  /// flags, two reserved bytes, then the significand in little-endian 16-bit words), checked on known values.
  static let storageLayoutMatches: Bool = {
    guard MemoryLayout<Decimal>.size == 20 else { return false }
    func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
    let a = bytes(Decimal(123_456_789))  // 0x075B_CD15: two words, exponent 0
    let b = bytes(Decimal(sign: .minus, exponent: -2, significand: 125))  // one word, negative
    let c = bytes(Decimal(UInt64(9_876_543_210_123_456_789)))  // four words
    return a[0] == 0 && a[1] >> 4 == 2 && a[1] & 0b1000 == 0 && a[4...7] == [0x15, 0xCD, 0x5B, 0x07]
      && b[0] == UInt8(bitPattern: -2) && b[1] >> 4 == 1 && b[1] & 0b1000 != 0 && b[4] == 125 && b[5] == 0
      && c[1] >> 4 == 4
      && withUnsafeBytes(of: Decimal(UInt64(9_876_543_210_123_456_789))) {
        $0.loadUnaligned(fromByteOffset: 4, as: UInt64.self)
      }
        == UInt64(9_876_543_210_123_456_789).littleEndian
  }()

}
