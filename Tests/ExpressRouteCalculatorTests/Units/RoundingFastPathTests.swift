import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Rounding in 64-bit integers gives exactly what Foundation's `NSDecimalRound` gives, for every rule.
@Suite struct RoundingFastPathTests {
  static func foundation(_ value: Decimal, _ places: Int, _ rule: RoundingRule) -> Decimal {
    value.roundedByFoundation(toPlaces: places, rule: rule)
  }

  @Test func everyRuleMatchesFoundation() throws {
    var random = SplitMix(state: 8)
    var fast = 0
    for step in 0..<60_000 {
      let digits = 1 + Int(random.next() % 18)
      let significand = random.next() % UInt64.powerOfTen(digits)
      let exponent = -Int(random.next() % 12)
      let value = Decimal(sign: step % 3 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
      let places = Int(random.next() % 5)
      for rule in RoundingRule.allCases {
        let expected = Self.foundation(value, places, rule)
        if let integer = value.roundedInIntegers(toPlaces: places, rule: rule) {
          fast += 1
          #expect(integer == expected, "\(value) to \(places) places, \(rule)")
        }
        #expect(value.rounded(toPlaces: places, rule: rule) == expected)
      }
    }
    // Half-way cases in every rule, by hand: 2.665 and 2.675, both signs (see RoundingRule's table).
    let cases: [(String, RoundingRule, String)] = [
      ("2.665", .toNearestOrEven, "2.66"), ("2.675", .toNearestOrEven, "2.68"),
      ("2.665", .toNearestOrAwayFromZero, "2.67"),
      ("-2.665", .toNearestOrAwayFromZero, "-2.67"), ("-2.665", .up, "-2.66"), ("-2.665", .down, "-2.67"),
      ("-2.665", .towardZero, "-2.66"),
      ("2.665", .up, "2.67"), ("2.665", .down, "2.66"), ("-0.001", .toNearestOrAwayFromZero, "0"),
    ]
    for (text, rule, rounded) in cases {
      let value = try #require(Decimal(string: text))
      #expect(value.roundedInIntegers(toPlaces: 2, rule: rule) == Decimal(string: rounded), "\(text) \(rule)")
    }
    // The fast path really runs (the storage layout check passed).
    #expect(fast > 250_000)
  }

  @Test func integerDivisionMatchesDecimalDivisionThenRounding() throws {
    var random = SplitMix(state: 31)
    var fast = 0
    for step in 0..<40_000 {
      let a = Decimal(
        sign: step % 5 == 0 ? .minus : .plus, exponent: -Int(random.next() % 8),
        significand: Decimal(random.next() % 10_000_000_000_000))
      let b = Decimal(
        sign: .plus, exponent: -Int(random.next() % 4), significand: Decimal(1 + random.next() % 1_000_000))
      let places = Int(random.next() % 4) - 1
      for rule in RoundingRule.allCases {
        let expected = Self.foundation(a / b, places, rule)
        if let integer = a.dividedInIntegers(by: b, places: places, rule: rule) {
          fast += 1
          #expect(integer == expected, "\(a) ÷ \(b) to \(places) places, \(rule)")
        }
      }
    }
    #expect(fast > 190_000)
    // The sizing case by hand: 400 Mbps ÷ 0.8 = 500 Mbps exactly; 123,456,789 × 1.0075 = 124,382,714.9175; ÷ 0.8 = 155,478,393.646875 → up → 155,478,394.
    #expect(Decimal(400_000_000).divided(by: Decimal(string: "0.8") ?? 1, roundedToPlaces: 0, rule: .up) == 500_000_000)
    #expect(
      (Decimal(123_456_789) * (Decimal(string: "1.0075") ?? 1)).divided(
        by: Decimal(string: "0.8") ?? 1, roundedToPlaces: 0, rule: .up) == 155_478_394
    )
  }
}
