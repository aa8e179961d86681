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

/// The CSV number parser gives the double the text denotes: correctly rounded, as the standard library's parser.
@Suite struct CSVNumberTests {
  static func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { CSVNumber.parse($0, 0, buffer.count) }
    }
  }

  @Test func fullPrecisionAveragesAreExact() {
    // Averages as Azure Monitor returns them and CSV writers print them.
    for text in [
      "254587286.86429623", "363576269.81938326", "304010095.4419547", "9007199254740993", "0.30000000000000004",
      "1234567890.1234567",
    ] {
      #expect(Self.parse(text) == Double(text), "\(text)")
    }
  }

  @Test func halfWayCasesRoundToEven() {
    // 2^53 + 1 and 2^53 + 3 are exactly half-way between two doubles: ties go to the even significand.
    #expect(Self.parse("9007199254740993") == 9_007_199_254_740_992)
    #expect(Self.parse("9007199254740995") == 9_007_199_254_740_996)
    // The same half-way points written with a decimal point.
    #expect(Self.parse("900719925474099.3") == Double("900719925474099.3"))
    #expect(Self.parse("90071992547409.93e2") == Double("9007199254740993"))
  }

  @Test func randomDecimalsMatchTheStandardLibrary() {
    var random = SplitMix(state: 77)
    var checked = 0
    for _ in 0..<200_000 {
      // 14 to 19 significant digits with the point anywhere, as rates and odd exports have them.
      let digits = 14 + Int(random.next() % 6)
      var text = String(random.next() % 9 + 1)
      for _ in 1..<digits { text += String(random.next() % 10) }
      let point = Int(random.next() % UInt64(digits))
      if point > 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
      guard let expected = Double(text) else { continue }
      #expect(Self.parse(text) == expected, "\(text)")
      checked += 1
    }
    #expect(checked == 200_000)
  }

  @Test func nearHalfWayDecimalsMatchTheStandardLibrary() {
    // Decimals just around the exact midpoint of two neighbouring doubles: the hardest inputs.
    var random = SplitMix(state: 5)
    for _ in 0..<20_000 {
      let value = Double(random.next() % 1_000_000_000_000) / 1000 + 1
      let midpoint = (Decimal(value) + Decimal(value.nextUp)) / 2
      for nudge in [Decimal(0), Decimal(string: "1e-25") ?? 0, -(Decimal(string: "1e-25") ?? 0)] {
        var text = "\(midpoint + nudge)"
        if text.count > 21 { text = String(text.prefix(21)) }
        guard let expected = Double(text) else { continue }
        #expect(Self.parse(text) == expected, "\(text)")
      }
    }
  }

  @Test func theFastPathsSumIsCorrectlyRoundedWheneverItAnswers() {
    // The plain-row reader's whole + fraction ÷ 10^digits, against the standard library.
    var random = SplitMix(state: 19)
    var answered = 0
    for _ in 0..<300_000 {
      let whole = 1 + random.next() % 2_000_000_000
      let digits = 1 + Int(random.next() % 15)
      let fraction = random.next() % UInt64.powerOfTen(digits)
      var fractionText = String(fraction)
      fractionText = String(repeating: "0", count: digits - fractionText.count) + fractionText
      let text = "\(whole).\(fractionText)"
      guard let fast = CSVNumber.sum(whole, fraction, digits) else { continue }
      answered += 1
      #expect(fast == Double(text), "\(text)")
      if String(whole).count + digits <= 19 {
        #expect(CSVNumber.decimal(whole * UInt64.powerOfTen(digits) + fraction, -digits) == Double(text), "\(text)")
      }
    }
    // It answers almost always (the rest go to the checked quotient).
    #expect(answered > 299_000)
  }

  @Test func theFastPathsSumNeedsNoTestForShortFractionsOfLargeWholes() {
    // From 2^26 to 2^46 with up to 7 fraction digits the sum answers without its test (no half-way point is within
    // reach of its error). The decimals nearest the half-way points are the hardest: for random wholes and random
    // half-way points whole + (2m + 1) × 2^(E−53) (E = ⌊log2 whole⌋), the fractions next to each one.
    var random = SplitMix(state: 23)
    var checked = 0
    for _ in 0..<20_000 {
      let exponent = 26 + Int(random.next() % 20)
      let whole = (UInt64(1) << exponent) + random.next() % (UInt64(1) << exponent)
      let digits = 1 + Int(random.next() % 7)
      let shift = 53 - exponent
      let halfWay = 2 * (random.next() % (UInt64(1) << (shift - 1))) + 1
      // ⌊half-way fraction × 10^digits⌋: (2m + 1) × 10^digits < 2^27 × 10^7 fits.
      let center = halfWay * UInt64.powerOfTen(digits) >> UInt64(shift)
      for fraction in (center == 0 ? 0 : center - 1)...center + 1 where fraction < UInt64.powerOfTen(digits) {
        var fractionText = String(fraction)
        fractionText = String(repeating: "0", count: digits - fractionText.count) + fractionText
        let text = "\(whole).\(fractionText)"
        #expect(CSVNumber.sum(whole, fraction, digits) == Double(text), "\(text)")
        checked += 1
      }
    }
    #expect(checked > 40_000)
  }

  @Test func theFastPathsSumRoundsCorrectlyJustBelowPowersOfTwo() {
    // Below a power of two the gap between doubles halves, so a sum that rounds up to 2^k must be
    // closer to it than a quarter unit. 15.999999999999999 is nearer 15.999999999999998 than 16, but its
    // computed sum rounds up to 16 with an error under half a unit: the fast path once answered 16.
    #expect(CSVNumber.sum(15, 999_999_999_999_999, 15) == nil)
    // Every decimal next to the half-way point below 2^k (whole = 2^k − 1): the fraction 1 − 2^(k−54).
    let checked = (1...52).reduce(0) { count, k in
      count + checkSumNear(whole: (UInt64(1) << k) - 1, halfWay: 1 - pow(Decimal(0.5), 54 - k))
    }
    #expect(checked > 2000)
  }

  @Test func theFastPathsSumRoundsCorrectlyJustAbovePowersOfTwo() {
    // The sum is checked against half a unit of the whole part. At whole = 2^k the gap below is half the gap
    // above, but the decimal is never below the whole part, so only the half-way point above counts: every
    // decimal next to 2^k + 2^(k−53), and the smallest fractions.
    let checked = (1...52).reduce(0) { count, k in
      count
        + checkSumNear(whole: UInt64(1) << k, halfWay: pow(Decimal(2), k) / pow(Decimal(2), 53), extra: [0, 1, 2, 3])
    }
    #expect(checked > 2000)
  }

  /// Checks the fast sum against the standard library at `whole` plus each fraction next to `halfWay` (a fraction of
  /// one), ± 3 in the last place, and the `extra` fractions, for each fraction length the row reader accepts (19
  /// digits in all, 15 after the point at most); returns how many the fast sum answered.
  private func checkSumNear(whole: UInt64, halfWay: Decimal, extra: [Int64] = []) -> Int {
    let wholeDigits = String(whole).count
    guard wholeDigits < 19 else { return 0 }
    var checked = 0
    for digits in 1...min(15, 19 - wholeDigits) {
      // The half-way fraction to `digits` places, rounded down.
      let scale = Decimal(sign: .plus, exponent: digits, significand: 1)
      var rounded = Decimal()
      var exact = halfWay * scale
      NSDecimalRound(&rounded, &exact, 0, .down)
      let center = Int64(truncating: rounded as NSNumber)
      for fraction in Set(extra + Array(max(0, center - 3)...center + 3)) where Decimal(fraction) < scale {
        var fractionText = String(fraction)
        fractionText = String(repeating: "0", count: digits - fractionText.count) + fractionText
        let text = "\(whole).\(fractionText)"
        if let fast = CSVNumber.sum(whole, UInt64(fraction), digits) {
          #expect(fast == Double(text), "\(text)")
          checked += 1
        }
      }
    }
    return checked
  }

  @Test func longAndExponentFormsUseTheExactSlowPath() {
    for text in [
      "1.00000000000000000000000000001", "123456789012345678901234", "2.5e8", "1E3", "7.2057594037927933e16",
      "0.000000000123456789012345",
    ] {
      #expect(Self.parse(text) == Double(text), "\(text)")
    }
    #expect(Self.parse("1e") == nil)
    #expect(Self.parse("1.2.3") == nil)
  }
}
