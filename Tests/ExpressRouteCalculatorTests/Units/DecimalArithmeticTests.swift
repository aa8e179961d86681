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

/// ``FastDecimal``'s allocation-free arithmetic gives Foundation's result bit for bit: the same value,
/// exponent, length and flags, so descriptions, hashes and later arithmetic cannot tell them apart.
@Suite struct DecimalArithmeticTests {
  // Foundation's own operators (the only `Decimal` operators there are: the library's fast arithmetic has names).
  static func sum(_ a: Decimal, _ b: Decimal) -> Decimal { Decimal.foundationSum(a, b) }
  static func difference(_ a: Decimal, _ b: Decimal) -> Decimal { Decimal.foundationDifference(a, b) }
  static func product(_ a: Decimal, _ b: Decimal) -> Decimal { Decimal.foundationProduct(a, b) }
  static func less(_ a: Decimal, _ b: Decimal) -> Bool { Decimal.foundationLess(a, b) }
  static func equal(_ a: Decimal, _ b: Decimal) -> Bool { Decimal.foundationEqual(a, b) }

  static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

  /// A random operand: zero, small, money-like, or a full 64-bit significand; any sign; exponents −30…30.
  static func operand(_ random: inout SplitMix) -> Decimal {
    let kind = random.next() % 10
    if kind == 0 { return .zero }
    let significand: UInt64 =
      switch kind {
      case 1: random.next() % 10
      case 2, 3: random.next() % 100_000_000
      case 4: random.next()  // up to 20 digits
      case 5: (random.next() % 1_000_000) * 1_000_000  // trailing zeros
      default: random.next() % 10_000_000_000_000
      }
    let exponent = Int(random.next() % 61) - 30
    return Decimal(sign: random.next() % 3 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
  }

  @Test func everyOperatorMatchesFoundationBitForBit() {
    #expect(Decimal.storageLayoutMatches)
    var random = SplitMix(state: 2026)
    var exact = (sum: 0, difference: 0, product: 0, order: 0)
    for _ in 0..<200_000 {
      let a = Self.operand(&random)
      // Often a value near the first, so exponents are close (the usual case for money).
      let b =
        random.next() % 2 == 0
        ? Self.operand(&random) : Self.product(a, Decimal(sign: .plus, exponent: -2, significand: 37))
      if let value = Decimal.exactSum(a, b) {
        exact.sum += 1
        #expect(Self.bytes(value) == Self.bytes(Self.sum(a, b)), "\(a) + \(b)")
      }
      if let value = Decimal.exactSum(a, b, negatingRight: true) {
        exact.difference += 1
        #expect(Self.bytes(value) == Self.bytes(Self.difference(a, b)), "\(a) - \(b)")
      }
      if let value = Decimal.exactProduct(a, b) {
        exact.product += 1
        #expect(Self.bytes(value) == Self.bytes(Self.product(a, b)), "\(a) × \(b)")
      }
      if let order = Decimal.exactOrder(a, b) {
        exact.order += 1
        #expect((order < 0) == Self.less(a, b) && (order == 0) == Self.equal(a, b), "\(a) <=> \(b)")
      }
      // The library's operators, whichever path they take.
      #expect(Self.bytes(FastDecimal.sum(a, b)) == Self.bytes(Self.sum(a, b)))
      #expect(Self.bytes(FastDecimal.difference(a, b)) == Self.bytes(Self.difference(a, b)))
      #expect(Self.bytes(FastDecimal.product(a, b)) == Self.bytes(Self.product(a, b)))
      #expect(
        FastDecimal.isLess(a, b) == Self.less(a, b) && FastDecimal.isLessOrEqual(a, b) == !Self.less(b, a)
          && FastDecimal.isEqual(a, b) == Self.equal(a, b))
    }
    // The exact paths really run for most operands.
    #expect(exact.sum > 100_000 && exact.difference > 100_000 && exact.product > 150_000 && exact.order > 100_000)
  }

  @Test func edgesFallBackToFoundation() throws {
    // 20-digit significands (wider than 64 bits), exponents far apart, NaN: Foundation's answer.
    let wide = try #require(Decimal(string: "123456789012345678901234567890"))
    let one: Decimal = 1
    #expect(Decimal.exactSum(wide, one) == nil)
    #expect(Self.bytes(FastDecimal.sum(wide, one)) == Self.bytes(Self.sum(wide, one)))
    let far = Decimal(sign: .plus, exponent: 40, significand: 3)
    #expect(Decimal.exactSum(far, one) == nil)
    #expect(Self.bytes(FastDecimal.sum(far, one)) == Self.bytes(Self.sum(far, one)))
    #expect(FastDecimal.sum(.nan, one).isNaN && FastDecimal.product(.nan, one).isNaN)
    // A product whose exponent leaves the range: Foundation decides (overflow to NaN).
    let big = Decimal(sign: .plus, exponent: 100, significand: 7)
    #expect(Decimal.exactProduct(big, big) == nil)
    #expect(Self.bytes(FastDecimal.product(big, big)) == Self.bytes(Self.product(big, big)))
    // Trailing zeros move into the exponent, as Foundation stores results: 1.50 × 2.0 = 3 (exponent 0).
    let onePointFifty = try #require(Decimal(string: "1.50"))
    let two = try #require(Decimal(string: "2.0"))
    let product = try #require(Decimal.exactProduct(onePointFifty, two))
    #expect(product.exponent == 0 && product.significand == 3 && product.description == "3")
    // 0.1 + 0.2 = 0.3 exactly (the reason money is Decimal).
    let tenth = try #require(Decimal(string: "0.1"))
    let fifth = try #require(Decimal(string: "0.2"))
    #expect(FastDecimal.sum(tenth, fifth) == Decimal(sign: .plus, exponent: -1, significand: 3))
  }

  /// Fixed-point text from the significand in integers equals the text built from `Decimal`'s own description.
  @Test func fixedPointFromIntegersMatchesTheGeneralPath() throws {
    var random = SplitMix(state: 99)
    var fast = 0
    for _ in 0..<50_000 {
      let value = Self.operand(&random)
      let places = Int(random.next() % 5)
      let rounded = value.rounded(toPlaces: places, rule: .toNearestOrEven)
      if let text = rounded.fixedPointOfSmallValue(places: places) {
        fast += 1
        #expect(text == rounded.generalFixedPoint(places: places), "\(value) to \(places) places")
      }
    }
    #expect(fast > 30_000)
    // By hand: grouping, padding, signs.
    #expect(Decimal(sign: .minus, exponent: -3, significand: 1_234_567).grouped(places: 2) == "-1,234.57")
    #expect(Decimal(sign: .plus, exponent: -4, significand: 5).fixedPoint(places: 2) == "0.00")
    #expect(Decimal(sign: .minus, exponent: -4, significand: 5).fixedPoint(places: 2) == "0.00")
    #expect(Decimal(sign: .plus, exponent: 0, significand: 1_000_000).grouped(places: 0) == "1,000,000")
    // Bandwidth in tenths of a megabit, rounded up: 1,234,567,891 bps → 1,234.6 Mbps; 100,000,001 bps → 100.1 Mbps.
    #expect(Bandwidth(bitsPerSecond: 1_234_567_891).description == "1,234.6 Mbps")
    #expect(Bandwidth(bitsPerSecond: 100_000_001).description == "100.1 Mbps")
  }
}
