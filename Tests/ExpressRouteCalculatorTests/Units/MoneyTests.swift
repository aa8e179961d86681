import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct MoneyTests {
  @Test(
    "Strict decimal parsing accepts plain notation only",
    arguments: [
      ("436", "436"), ("436.07", "436.07"), (".5", "0.5"), ("-12", "-12"), ("+3", "3"), ("0.025", "0.025"),
    ])
  func strictParsingAccepts(_ input: String, _ expected: String) {
    #expect(Decimal(strict: input)?.plainDescription == expected)
  }

  @Test(
    "Strict decimal parsing rejects what Decimal(string:) half-accepts",
    arguments: [
      "12abc", "1,5", "1e3", "", ".", "-", "1.2.3", " 12", "12 ", "nan", "inf", "1-2", "--1",
    ])
  func strictParsingRejects(_ input: String) {
    #expect(Decimal(strict: input) == nil)
  }

  @Test func jsonNumbersParseExactlyWithExponents() {
    #expect(Decimal(jsonNumber: "2.5E-2") == Fixtures.decimal("0.025"))
    #expect(Decimal(jsonNumber: "1e3") == 1000)
    #expect(Decimal(jsonNumber: "0.1") == Fixtures.decimal("0.1"))
    #expect(Decimal(jsonNumber: "1e") == nil)
  }

  @Test(
    "Rounding rules",
    arguments: [
      ("2.665", RoundingRule.toNearestOrEven, "2.66"), ("2.675", .toNearestOrEven, "2.68"),
      ("2.665", .toNearestOrAwayFromZero, "2.67"), ("-2.665", .toNearestOrAwayFromZero, "-2.67"),
      ("2.661", .up, "2.67"), ("2.669", .down, "2.66"), ("-2.669", .towardZero, "-2.66"),
      ("2.669", .towardZero, "2.66"),
    ])
  func roundingRules(_ input: String, _ rule: RoundingRule, _ expected: String) {
    #expect(Fixtures.decimal(input).rounded(toPlaces: 2, rule: rule) == Fixtures.decimal(expected))
  }

  @Test func fixedPointFormattingIsLocaleFreeAndPadded() {
    #expect(Fixtures.decimal("1234.5").fixedPoint(places: 2) == "1234.50")
    #expect(Fixtures.decimal("0.125").fixedPoint(places: 2) == "0.12")  // half-even for display
    #expect(Fixtures.decimal("-0.001").fixedPoint(places: 2) == "0.00")
    #expect(Fixtures.decimal("1234567.891").grouped(places: 2) == "1,234,567.89")
    #expect(Fixtures.decimal("-1234.5").grouped(places: 2) == "-1,234.50")
    #expect(Fixtures.usd("436").description == "436.00 USD")
  }

  @Test func arithmeticIsExact() {
    // 0.1 + 0.2 == 0.3 exactly in Decimal, unlike Double.
    #expect(Fixtures.usd("0.1") + Fixtures.usd("0.2") == Fixtures.usd("0.3"))
    // 730 h × 0.632 = 461.36 exactly.
    #expect(Fixtures.usd("0.632") * 730 == Fixtures.usd("461.36"))
    #expect(Money.sum([Fixtures.usd("1.10"), Fixtures.usd("2.20")], currency: .usd) == Fixtures.usd("3.3"))
  }

  @Test func lineItemRoundsOnceHalfAwayFromZero() {
    // 3 × 0.125 = 0.375 → 0.38 under the line-item rule (half away from zero); half-even would give 0.38 too,
    // so use 0.125 × 1 = 0.125 → 0.13 (half-even would give 0.12).
    let item = LineItem(
      resource: "r", meter: .egress(.zone1), quantity: 1, unitPrice: Fixtures.usd("0.125"),
      provenance: Provenance(sourceID: "s", date: "2026-01-01", confidence: .confirmed))
    #expect(item.amount == Fixtures.usd("0.13"))
  }

  @Test func currencyCodesAreThreeUpperCaseLetters() {
    #expect(CurrencyCode("EUR")?.rawValue == "EUR")
    #expect(CurrencyCode("eur") == nil)
    #expect(CurrencyCode("EURO") == nil)
    #expect(CurrencyCode("U1D") == nil)
  }
}

/// The fast plain-notation formatter must write exactly what `Decimal`'s own formatter writes.
@Suite struct PlainDescriptionTests {
  @Test func fastPathMatchesTheGeneralFormatter() throws {
    var checked = 0
    var generator = SystemRandomNumberGenerator()
    let fixed = [
      "0", "-0", "0.025", "436", "-3.5", "730", "0.000001", "-0.10", "1234567.891", "999999999999999999", "0.3610",
      "1e3", "12.5e-4",
    ]
    var values = try fixed.map { try #require(Decimal(string: $0)) }
    for _ in 0..<20_000 {
      let mantissa = Decimal(UInt64.random(in: 0...999_999_999_999, using: &generator))
      let exponent = Int.random(in: -15...8, using: &generator)
      let value = Decimal(
        sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent, significand: mantissa)
      values.append(value)
      values.append(value * Decimal(string: "730")! / 7)
    }
    for value in values {
      guard let fast = value.plainDescriptionOfSmallValue else { continue }
      #expect(fast == value.generalPlainDescription, "\(value)")
      checked += 1
    }
    #expect(checked > 20_000)  // the divided values have 38 digits and take the general path
  }
}
