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
    var source = self
    var result = Decimal()
    let mode: NSDecimalNumber.RoundingMode
    switch rule {
    case .toNearestOrEven: mode = .bankers
    case .toNearestOrAwayFromZero: mode = .plain
    case .up: mode = .up
    case .down: mode = .down
    case .towardZero: mode = self < 0 ? .up : .down
    }
    NSDecimalRound(&result, &source, places, mode)
    return result
  }

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
  func shifted(byPowerOfTen power: Int) -> Decimal {
    Decimal(sign: sign, exponent: exponent + power, significand: significand)
  }
}
