import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The row template of the CSV fast path: one circuit's next rows in the same hour, checked against a row's leading
/// fields but for the minute.
@Suite struct CSVRowTemplateTests {
  /// `row`'s timestamp by a template held from `held` (whose leading `length` bytes it holds), or `nil`.
  private func timestamp(held: String, length: Int, row: String) -> Int64? {
    let heldBytes = Array(held.utf8)
    let rowBytes = Array(row.utf8)
    // Rows are read 40 bytes at a time: pad as the rest of a file would be.
    let buffer =
      heldBytes + [UInt8](repeating: 0x37, count: 48 - heldBytes.count % 48) + rowBytes
      + [UInt8](repeating: 0x37, count: 48)
    let rowStart = heldBytes.count + 48 - heldBytes.count % 48
    let timeLength = heldBytes.firstIndex(of: 0x2C) ?? heldBytes.count
    let parsed = heldBytes.withUnsafeBufferPointer {
      Timestamp.parse(UnsafeBufferPointer(rebasing: $0[0..<timeLength]))
    }
    return buffer.withUnsafeBufferPointer { pointer -> Int64? in
      // swift-format-ignore: NeverForceUnwrap
      // The buffer is not empty.
      let base = pointer.baseAddress!
      var template = CSVRowTemplate()
      template.hold(base, row: 0, length: length, timestamp: parsed ?? 0)
      guard template.length == length else { return nil }
      return template.timestamp(base, row: rowStart)
    }
  }

  @Test func aRowThatDiffersOnlyInItsMinuteGetsThatMinutesTimestamp() {
    let held = "2026-03-31T23:07:30+02:00,circuit-01,1.5,2.5\n"
    // 2026-03-31T21:00:30Z = 1_774_990_830; every minute of the hour is that plus 60 × the minute.
    for minute in 0..<60 {
      let text = (minute < 10 ? "0" : "") + "\(minute)"
      let row = "2026-03-31T23:\(text):30+02:00,circuit-01,17,18\n"
      #expect(timestamp(held: held, length: 37, row: row) == 1_774_990_830 + Int64(minute) * 60, "\(text)")
    }
  }

  @Test func anyOtherChangedByteOfTheLeadingFieldsIsNotTheTemplate() {
    let held = "2026-03-31T23:07:30+02:00,circuit-01,1.5,2.5\n"
    let bytes = Array(held.utf8)
    for position in 0..<37 where position != 14 && position != 15 {
      var changed = bytes
      changed[position] = changed[position] == 0x31 ? 0x32 : 0x31
      #expect(
        timestamp(held: held, length: 37, row: String(decoding: changed, as: UTF8.self)) == nil, "byte \(position)")
    }
    // Bytes past the template's length may differ (they are the rates). 21:08:30Z.
    let later = timestamp(held: held, length: 37, row: "2026-03-31T23:08:30+02:00,circuit-01,9")
    #expect(later == 1_774_991_310)
  }

  @Test func minutesOutsideZeroToFiftyNineAreNotTheTemplate() {
    let held = "2026-03-31T23:07:30Z,ams,1,2\n"
    for minute in ["60", "69", "6x", "x0", "5:", ":5", "/0", "0/", " 5", "-1"] {
      #expect(timestamp(held: held, length: 25, row: "2026-03-31T23:\(minute):30Z,ams,1,2\n") == nil, "\(minute)")
    }
    #expect(timestamp(held: held, length: 25, row: "2026-03-31T23:59:30Z,ams,1,2\n") == 1_775_001_570)  // 23:59:30Z
  }

  @Test func templatesLongerThanFortyBytesOrShorterThanATimestampAreNotHeld() {
    let held = "2026-03-31T23:07:30.0000000Z,circuit-10a,1,2\n"
    // 28 + 1 + 11 + 1 = 41 bytes: not held. 28 + 1 = 29 (the time and its comma, as in `Time, In, Out`): held.
    #expect(timestamp(held: held, length: 41, row: held) == nil)
    #expect(timestamp(held: held, length: 40, row: held) == 1_774_998_450)  // 23:07:30Z
    #expect(timestamp(held: held, length: 18, row: held) == nil)
  }

  /// Files whose rows hold one circuit's series in turn (the order the template serves), in every timestamp style,
  /// with one row changed at a time in each byte of its leading fields: the fast path and the general parser agree.
  @Test(arguments: ["Z", "+00:00", "-05:00", ".0000000Z"])
  func circuitMajorFilesGiveTheSameOutcomeOnBothPaths(_ suffix: String) {
    func file(changing position: Int?) -> [UInt8] {
      var text = "Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
      var changed: [UInt8] = []
      for (index, circuit) in ["c", "circuit-02"].enumerated() {
        // 150 minutes from 2026-01-31T22:00: each circuit's rows cross two hours and a month.
        for minute in 0..<150 {
          let time = CivilCalendar.format(1_769_896_800 + Int64(minute) * 60).dropLast() + suffix
          let row = "\(time),\(circuit),\(254_587_286 + minute * 7).86429623,\(1000 + index * minute)\n"
          if minute == 75, let position {
            changed = Array(row.utf8)
            changed[position % (changed.count - 1)] = [0x30, 0x39, 0x3A, 0x2C][position % 4]
            text += String(decoding: changed, as: UTF8.self)
          } else {
            text += row
          }
        }
      }
      return Array(text.utf8)
    }
    let plain = CSVFastPathTests.read(file(changing: nil), fastPath: true)
    #expect(plain.error == nil)
    // The last rows (within a row reader's window of the end) are the general path's.
    #expect(plain.plainRows >= 285)
    #expect(plain == CSVFastPathTests.read(file(changing: nil), fastPath: false))
    for position in 0..<40 {
      let bytes = file(changing: position)
      let fast = CSVFastPathTests.read(bytes, fastPath: true)
      let general = CSVFastPathTests.read(bytes, fastPath: false)
      #expect(fast == general, "byte \(position): fast \(fast) vs general \(general)")
    }
  }
}
