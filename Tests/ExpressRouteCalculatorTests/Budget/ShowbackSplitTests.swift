import ExpressRouteCalculator
import Foundation
import Testing

/// ``TrafficShowback/split(_:by:)``: a cost split by shares into cents that add up to it exactly.
@Suite struct ShowbackSplitTests {
  /// Hand-computed: 263.53 by 0.75 and 0.25 is 197.6475 and 65.8825: rounded down 197.64 and 65.88 (1 cent left),
  /// the cent to the larger remainder (0.75 of a cent against 0.25): 197.65 and 65.88. An unmeasured share gets 0.
  @Test func leftOverCentsGoToTheLargestRemainders() {
    func cents(_ count: Int) -> Decimal { Decimal(count) / 100 }
    #expect(
      TrafficShowback.split(cents(26_353), by: [cents(75), cents(25), nil]) == [cents(19_765), cents(6_588), 0])
    // 100.00 in thirds: 33.33 each and 1 cent left, equal remainders: to the first.
    let third = Decimal(1) / 3
    #expect(TrafficShowback.split(100, by: [third, third, third]) == [cents(3_334), cents(3_333), cents(3_333)])
  }

  /// Many splits from a fixed generator: the parts always add up to the amount, none is negative, each is within a
  /// cent of its exact share, and an unmeasured connection gets nothing.
  @Test func partsAlwaysAddUp() {
    var state: UInt64 = 0x5eed
    func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % bound
    }
    for _ in 0..<500 {
      let amount = Decimal(Int(next(10_000_000))) / 100
      let weights: [Decimal?] = (0..<Int(1 + next(7))).map { _ in next(5) == 0 ? nil : Decimal(Int(next(1_000))) }
      let total = weights.compactMap { $0 }.reduce(0, +)
      guard total > 0 else { continue }
      let shares = weights.map { $0.map { $0 / total } }
      let parts = TrafficShowback.split(amount, by: shares)
      #expect(parts.reduce(0, +) == amount, "\(amount) by \(shares)")
      for (part, share) in zip(parts, shares) {
        #expect(part >= 0)
        guard let share else {
          #expect(part == 0)
          continue
        }
        let gap = part - amount * share
        #expect(gap > -Decimal(1) / 100 && gap < Decimal(1) / 100, "\(part) for \(share) of \(amount)")
      }
    }
  }
}
