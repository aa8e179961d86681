import ExpressRouteCalculator
import Foundation
import Testing

/// The cost gate of `ercalc diff`: absolute and relative levels, the boundary, warn against fail, incomplete figures.
@Suite struct CostGateTests {
  static func usd(_ text: String) -> Money { Money(Decimal(string: text) ?? -1, currency: .usd) }

  /// A monthly increase of `change` over `before`, with `unpriced` charges missing (a Terraform plan's figure).
  static func increase(_ change: String, over before: String, unpriced: Int = 0) -> CostGate.Figure {
    CostGate.Figure(
      measure: "monthly increase", amount: usd(change), unpriced: unpriced, before: usd(before), change: usd(change))
  }

  @Test(
    "Thresholds: amounts and percentages of the before side",
    arguments: [
      ("500", CostGate.Threshold.amount(500)), ("+500", .amount(500)), ("5,000.00", .amount(5000)),
      ("1,234,567.5", .amount(Decimal(string: "1234567.5") ?? 0)), ("0", .amount(0)), ("10%", .percent(10)),
      ("+10%", .percent(10)),
      ("+2.5%", .percent(Decimal(string: "2.5") ?? 0)),
      ("+0%", .percent(0)),
    ])
  func thresholdsParse(_ text: String, _ expected: CostGate.Threshold) {
    #expect(CostGate.Threshold(parsing: text) == expected)
  }

  @Test(
    "Bad thresholds are refused",
    arguments: [
      "+abc%", "10%%", "-5%", "-500", "%", "+%", "", "+", "++10%", "1e3", "5,,000", ",500", "10 %", "10%+", "ten",
      // A decimal comma is refused, not read as a grouping (7973,56 would be 797,356), nor any comma off the threes.
      "7973,56", "17051,94", "1,00", "12,3456", "1,2345.00", "5000,", "500.000,00",
    ])
  func badThresholdsAreRefused(_ text: String) {
    #expect(CostGate.Threshold(parsing: text) == nil)
  }

  @Test func percentRoundsHalfAwayFromZeroToOnePlace() {
    // 6,008.06 / 17,253.30 × 100 = 34.8226…% → +34.8% (the Terraform change plan fixture).
    #expect(CostGate.percent(Self.usd("6008.06"), of: Self.usd("17253.30")) == "+34.8")
    // 53.41 / 436.00 × 100 = 12.25% exactly: half away from zero gives +12.3% (half to even would give 12.2).
    #expect(CostGate.percent(Self.usd("53.41"), of: Self.usd("436")) == "+12.3")
    // −53.41 / 436.00 × 100 = −12.25% → −12.3% (away from zero on the negative side too).
    #expect(CostGate.percent(Self.usd("-53.41"), of: Self.usd("436")) == "-12.3")
    // 0.01 / 100,000 × 100 = 0.00001%: an increase that rounds to 0.0 keeps its sign.
    #expect(CostGate.percent(Self.usd("0.01"), of: Self.usd("100000")) == "+0.0")
    #expect(CostGate.percent(Self.usd("0"), of: Self.usd("436")) == "0.0")
    // Nothing before: no percentage.
    #expect(CostGate.percent(Self.usd("5700"), of: Self.usd("0")) == nil)
  }

  @Test func absoluteLevelPassesExactlyAtItAndFailsACentAbove() {
    let gate = CostGate(fail: .amount(Decimal(string: "6008.06") ?? 0))
    let at = gate.verdict(for: Self.increase("6008.06", over: "17253.30"))
    #expect(at == .init(.pass, "monthly increase 6,008.06 USD is within the fail limit 6,008.06 USD"))
    let above = gate.verdict(for: Self.increase("6008.07", over: "17253.30"))
    #expect(above == .init(.fail, "monthly increase 6,008.07 USD exceeds the fail limit 6,008.06 USD"))
  }

  @Test func relativeLevelPassesExactlyAtItAndFailsACentAbove() {
    // +10% of 436.00 is 43.60: a change of 43.60 is at the level, 43.61 above it.
    let gate = CostGate(fail: .percent(10))
    #expect(
      gate.verdict(for: Self.increase("43.60", over: "436"))
        == .init(
          .pass, "the change +43.60 USD (+10.0% of 436.00 USD before) is within the fail limit +10% (+43.60 USD)"))
    // 43.61 / 436 = 10.0022…% → +10.0%: the shown percentage rounds, the comparison does not.
    #expect(
      gate.verdict(for: Self.increase("43.61", over: "436"))
        == .init(.fail, "the change +43.61 USD (+10.0% of 436.00 USD before) exceeds the fail limit +10% (+43.60 USD)"))
  }

  @Test func warnLevelWarnsBetweenTheLevelsAndPassesAtIt() {
    // Warn above +5% (21.80 of 436.00), fail above +10% (43.60).
    let gate = CostGate(fail: .percent(10), warn: .percent(5))
    #expect(gate.verdict(for: Self.increase("21.80", over: "436"))?.status == .pass)
    #expect(
      gate.verdict(for: Self.increase("21.80", over: "436"))?.reason
        == "the change +21.80 USD (+5.0% of 436.00 USD before) is within the warn limit +5% (+21.80 USD) and the fail limit +10% (+43.60 USD)"
    )
    #expect(
      gate.verdict(for: Self.increase("21.81", over: "436"))
        == .init(.warn, "the change +21.81 USD (+5.0% of 436.00 USD before) exceeds the warn limit +5% (+21.80 USD)"))
    #expect(gate.verdict(for: Self.increase("43.60", over: "436"))?.status == .warn)
    #expect(gate.verdict(for: Self.increase("43.61", over: "436"))?.status == .fail)
    // A warn level alone never fails.
    #expect(CostGate(warn: .amount(100)).verdict(for: Self.increase("100000", over: "436"))?.status == .warn)
  }

  @Test func mixedLevelsAreEachComparedWithTheirOwnFigure() {
    // Warn above an increase of 40.00, fail above +10% (43.60 of 436.00): 41.00 warns, 43.61 fails.
    let gate = CostGate(fail: .percent(10), warn: .amount(40))
    #expect(
      gate.verdict(for: Self.increase("39.99", over: "436"))?.reason
        == "monthly increase 39.99 USD is within the warn limit 40.00 USD; the change +39.99 USD (+9.2% of 436.00 USD before) is within the fail limit +10% (+43.60 USD)"
    )
    #expect(gate.verdict(for: Self.increase("41.00", over: "436"))?.status == .warn)
    #expect(gate.verdict(for: Self.increase("43.61", over: "436"))?.status == .fail)
  }

  @Test func fromNothingAnyIncreaseExceedsARelativeLevel() {
    let gate = CostGate(fail: .percent(10))
    #expect(
      gate.verdict(for: Self.increase("0.01", over: "0"))
        == .init(.fail, "the change +0.01 USD (nothing before) exceeds the fail limit +10% (any increase from nothing)")
    )
    #expect(gate.verdict(for: Self.increase("0", over: "0"))?.status == .pass)
  }

  @Test func anUnpricedChargeBlocksAPass() {
    // 10.00 of 436.00 is far below both levels, but one charge is not priced.
    let figure = Self.increase("10", over: "436", unpriced: 1)
    #expect(
      CostGate(fail: .percent(10)).verdict(for: figure)
        == .init(
          .fail,
          "the fail limit cannot pass: 1 charge was not priced, so the monthly increase of 10.00 USD is incomplete; price them (see 'Not priced') or pass allowUnpriced"
        ))
    // A warn level alone warns (it never fails), and never passes.
    #expect(
      CostGate(warn: .percent(5)).verdict(for: figure)
        == .init(
          .warn,
          "the warn limit cannot pass: 1 charge was not priced, so the monthly increase of 10.00 USD is incomplete; price them (see 'Not priced')"
        ))
    // Allowed: the priced items alone are judged, and the best verdict is warn.
    #expect(
      CostGate(fail: .percent(10), allowUnpriced: true).verdict(for: figure)
        == .init(
          .warn,
          "not a pass: 1 charge was not priced, so the monthly increase of 10.00 USD is incomplete (allowed by allowUnpriced); priced items alone: the change +10.00 USD (+2.3% of 436.00 USD before) is within the fail limit +10% (+43.60 USD)"
        ))
    // Above the fail level on the priced items alone fails, allowed or not.
    #expect(
      CostGate(fail: .amount(5), allowUnpriced: true).verdict(for: figure)
        == .init(.fail, "monthly increase 10.00 USD exceeds the fail limit 5.00 USD"))
  }

  @Test func anUnpricedBeforeSideBlocksOnlyARelativeLevel() {
    // Two deployments: the after side's total is gated; the before side's missing charge leaves the base unknown.
    var figure = CostGate.Figure(
      measure: "monthly total", amount: Self.usd("479.60"), unpriced: 0, before: Self.usd("436"),
      change: Self.usd("43.60"))
    figure.beforeUnpriced = 2
    #expect(CostGate(fail: .amount(500)).verdict(for: figure)?.status == .pass)
    #expect(CostGate(fail: .percent(20)).verdict(for: figure)?.status == .fail)
    #expect(
      CostGate(fail: .percent(20)).verdict(for: figure)?.reason.hasPrefix("the fail limit cannot pass: 2 charges were")
        == true)
  }

  @Test func noLevelNoVerdict() {
    #expect(CostGate().verdict(for: Self.increase("1", over: "1")) == nil)
  }
}
