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
    for (text, expected) in [("2026-01-01T00:00:00Z", 1_767_225_600), ("2026-01-01T00:05:07Z", 1_767_225_907)]
      as [(String, Int64)]
    {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { #expect(byHand.parse($0) == expected) }
    }
  }

  /// The word-at-a-time minutes and seconds against the digits one by one: every pair of bytes around the digit
  /// range's ends (and far from it) in each of the four digit places and the colon's place, with hour bytes that
  /// would borrow or carry into the minutes if they were not set aside.
  @Test func minuteAndSecondWordMatchesTheDigitsOneByOne() {
    func reference(_ bytes: [UInt8]) -> Int64? {
      let (m1, m2, s1, s2) = (bytes[14] &- 0x30, bytes[15] &- 0x30, bytes[17] &- 0x30, bytes[18] &- 0x30)
      guard bytes[16] == 0x3A, m1 < 6, m2 < 10, s1 < 7, s2 < 10, Int(s1) * 10 + Int(s2) < 60 else { return nil }
      return Int64(m1) * 600 + Int64(m2) * 60 + Int64(s1) * 10 + Int64(s2)
    }
    let probes: [UInt8] = [
      0x00, 0x2F, 0x30, 0x31, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x7F, 0x80, 0xB0, 0xB9, 0xFF,
    ]
    var field = Array("2026-01-01T00:00:00Z".utf8)
    for hour in [[0x32, 0x33, 0x3A], [0x00, 0x00, 0x00], [0xFF, 0xFF, 0xFF]] as [[UInt8]] {
      field.replaceSubrange(11...13, with: hour)
      for colon: UInt8 in [0x3A, 0x3B, 0x2F] {
        field[16] = colon
        for m1 in probes {
          for m2 in probes {
            for s1 in probes {
              for s2 in probes {
                (field[14], field[15], field[17], field[18]) = (m1, m2, s1, s2)
                let word = field.withUnsafeBufferPointer { ByteScanning.word(at: $0.baseAddress! + 11) }
                if Timestamp.minuteAndSecond(word: word) != reference(field) {
                  Issue.record("bytes \(field[11...18].map { String($0, radix: 16) })")
                  return
                }
              }
            }
          }
        }
      }
    }
    // By hand: 59:59 is 59 × 60 + 59 = 3,599 seconds; 07:05 is 425; 60:00, 00:61 and the leap second 59:60 are refused.
    let words = ["23:59:59", "23:07:05", "23:60:00", "23:00:61", "23:59:60"].map { text in
      Array(text.utf8).withUnsafeBufferPointer { ByteScanning.word(at: $0.baseAddress!) }
    }
    #expect(words.map(Timestamp.minuteAndSecond(word:)) == [3_599, 425, nil, nil, nil])
    // Offsets beyond ±14:00 or with 60 minutes or more are no offsets; the leap second is refused whole.
    for text in [
      "2026-01-01T00:00:00+25:00", "2026-01-01T00:00:00+01:60", "2026-01-01T00:00:00+14:01",
      "2026-01-01T00:00:00-14:30", "2026-06-30T23:59:60Z",
    ] {
      #expect(Timestamp.parse(text) == nil, "\(text)")
    }
    // 2026-01-01T00:00:00+14:00 is 2025-12-31T10:00:00Z: 1,767,225,600 − 14 × 3,600 = 1,767,175,200.
    #expect(Timestamp.parse("2026-01-01T00:00:00+14:00") == 1_767_175_200)
  }
}
