import Foundation

/// How to choose between the two nearest representable results when rounding.
///
/// | value  | toNearestOrEven | toNearestOrAwayFromZero | up    | down  | towardZero |
/// |--------|-----------------|-------------------------|-------|-------|------------|
/// | 2.665  | 2.66            | 2.67                    | 2.67  | 2.66  | 2.66       |
/// | 2.675  | 2.68            | 2.68                    | 2.68  | 2.67  | 2.67       |
/// | -2.665 | -2.66           | -2.67                   | -2.66 | -2.67 | -2.66      |
public enum RoundingRule: String, Sendable, CaseIterable, Hashable {
  /// Round half to even ("banker's rounding").
  case toNearestOrEven
  /// Round half away from zero ("commercial rounding").
  case toNearestOrAwayFromZero
  /// Always round toward positive infinity.
  case up
  /// Always round toward negative infinity.
  case down
  /// Drop the digits past the requested place.
  case towardZero

  /// The rule ercalc uses for every priced line item: half away from zero, to cents.
  ///
  /// Each line item is rounded exactly once with this rule; totals are sums of
  /// rounded line items and are therefore exact without further rounding.
  public static let lineItem = RoundingRule.toNearestOrAwayFromZero
}

extension Decimal {
  /// This value rounded to `places` decimal places using `rule`.
  public func rounded(toPlaces places: Int, rule: RoundingRule) -> Decimal {
    roundedInIntegers(toPlaces: places, rule: rule) ?? roundedByFoundation(toPlaces: places, rule: rule)
  }

  /// ``rounded(toPlaces:rule:)`` by Foundation's `NSDecimalRound`: any significand, slower.
  func roundedByFoundation(toPlaces places: Int, rule: RoundingRule) -> Decimal {
    var source = self
    var result = Decimal()
    let mode: NSDecimalNumber.RoundingMode
    switch rule {
    case .toNearestOrEven: mode = .bankers
    case .toNearestOrAwayFromZero: mode = .plain
    case .up: mode = .up
    case .down: mode = .down
    case .towardZero: mode = FastDecimal.isLess(self, 0) ? .up : .down
    }
    NSDecimalRound(&result, &source, places, mode)
    return result
  }

  /// ``rounded(toPlaces:rule:)`` in 64-bit integer arithmetic, when the significand fits in 64
  /// bits (money almost always does); `nil` otherwise. Foundation's rounding divides, and
  /// `Decimal` division was the largest single cost of budgeting an estate; a test checks both give
  /// the same value for every rule.
  func roundedInIntegers(toPlaces places: Int, rule: RoundingRule) -> Decimal? {
    guard places >= -18, places <= 18, !isNaN, let significand = smallSignificand else { return nil }
    let exponent = self.exponent
    if exponent >= -places { return self }
    let drop = -places - exponent
    guard drop <= 19 else { return nil }
    let power = UInt64.powerOfTen(drop)
    let negative = sign == .minus
    let quotient = Self.roundedQuotient(significand, by: power, negative: negative, rule: rule)
    return Decimal(sign: negative && quotient != 0 ? .minus : .plus, exponent: -places, significand: Decimal(quotient))
  }

  /// `self ÷ divisor` rounded once to `places` by `rule`: the same value as
  /// `(self / divisor).rounded(toPlaces:rule:)` whenever that quotient is exact to 38 digits, worked
  /// out in 128-bit integers when both significands fit in 64 bits (no `Decimal` division).
  public func divided(by divisor: Decimal, roundedToPlaces places: Int, rule: RoundingRule) -> Decimal {
    if let fast = dividedInIntegers(by: divisor, places: places, rule: rule) { return fast }
    return (self / divisor).rounded(toPlaces: places, rule: rule)
  }

  func dividedInIntegers(by divisor: Decimal, places: Int, rule: RoundingRule) -> Decimal? {
    guard !isNaN, !divisor.isNaN, !divisor.isZero, places >= -18, places <= 18, let a = smallSignificand,
      let b = divisor.smallSignificand
    else {
      return nil
    }
    let shift = exponent - divisor.exponent + places
    guard shift >= -19 && shift <= 19 else { return nil }
    let numerator = shift >= 0 ? UInt128(a) * UInt128(UInt64.powerOfTen(shift)) : UInt128(a)
    let denominator = shift >= 0 ? UInt128(b) : UInt128(b) * UInt128(UInt64.powerOfTen(-shift))
    let negative = (sign == .minus) != (divisor.sign == .minus) && a != 0
    let quotient = Self.roundedQuotient(numerator, by: denominator, negative: negative, rule: rule)
    guard quotient <= UInt128(UInt64.max) else { return nil }
    return Decimal(
      sign: negative && quotient != 0 ? .minus : .plus, exponent: -places, significand: Decimal(UInt64(quotient)))
  }

  /// `dividend ÷ divisor` (magnitudes) rounded to a whole number by `rule`, for a value whose sign is `negative`.
  private static func roundedQuotient<T: FixedWidthInteger & UnsignedInteger>(
    _ dividend: T, by divisor: T, negative: Bool, rule: RoundingRule
  ) -> T {
    var quotient = dividend / divisor
    let remainder = dividend % divisor
    let half = divisor - remainder  // remainder compared with half the divisor, without overflow
    switch rule {
    case .toNearestOrAwayFromZero: if remainder >= half { quotient += 1 }
    case .toNearestOrEven: if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
    case .up: if remainder > 0 && !negative { quotient += 1 }
    case .down: if remainder > 0 && negative { quotient += 1 }
    case .towardZero: break
    }
    return quotient
  }

  /// The significand as an integer when it fits in 64 bits (see ``smallParts``).
  fileprivate var smallSignificand: UInt64? { smallParts?.significand }

  /// The smallest whole number not less than this value.
  public var ceilingValue: Decimal { rounded(toPlaces: 0, rule: .up) }

  /// This value as an `Int`, if it is whole and fits.
  public var exactInt: Int? {
    guard isWholeNumber, self <= Decimal(Int.max), self >= Decimal(Int.min) else { return nil }
    return NSDecimalNumber(decimal: self).intValue
  }
}

extension Decimal {
  /// `self × 10^power`, exactly: only the exponent moves, so nothing is divided (division is the slowest
  /// `Decimal` operation by far, and gigabytes, cents and scaled costs are all powers of ten apart).
  package func shifted(byPowerOfTen power: Int) -> Decimal {
    Decimal(sign: sign, exponent: exponent + power, significand: significand)
  }
}
