import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator

/// Reading a timestamp from the remembered hour gives what parsing it whole gives, and never accepts what parsing
/// rejects.
@Suite struct TimestampMemoTests {
  @Test func hourMemoMatchesFullParsing() {
    var random = SplitMix(state: 41)
    var memo = Timestamp.HourMemo()
    let suffixes = ["Z", "+00:00", "-05:00", ".5Z", ".0000000Z", "+05:30", ""]
    let hours = ["2026-01-01T00", "2026-01-01T01", "2026-02-28T23", "2024-02-29T12", "2026-01-01 00"]
    for _ in 0..<30_000 {
      // Mostly the same hour and suffix as before (a series), sometimes another, sometimes invalid minutes or seconds.
      let hour = hours[Int(random.next() % 8) < 6 ? 0 : Int(random.next() % UInt64(hours.count))]
      let suffix = suffixes[Int(random.next() % 8) < 6 ? 0 : Int(random.next() % UInt64(suffixes.count))]
      let minute = random.next() % 20 == 0 ? "6\(random.next() % 10)" : String(format: "%02d", Int(random.next() % 60))
      let second = random.next() % 20 == 0 ? "9\(random.next() % 10)" : String(format: "%02d", Int(random.next() % 61))
      let text = Array("\(hour):\(minute):\(second)\(suffix)".utf8)
      text.withUnsafeBufferPointer { bytes in
        #expect(memo.parse(bytes) == Timestamp.parse(bytes), "\(String(decoding: text, as: UTF8.self))")
      }
    }
    // By hand: 2026-01-01T00:05:07Z is 1,767,225,600 + 5 × 60 + 7 = 1,767,225,907 (then read from the memo).
    var byHand = Timestamp.HourMemo()
    for (text, expected) in [("2026-01-01T00:00:00Z", 1_767_225_600), ("2026-01-01T00:05:07Z", 1_767_225_907)] as [(String, Int64)] {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { #expect(byHand.parse($0) == expected) }
    }
  }
}
