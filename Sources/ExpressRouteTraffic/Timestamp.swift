import ExpressRouteCore
import Foundation

/// UTC timestamps as whole seconds since 1970, parsed without Foundation's date machinery.
///
/// Accepts ISO 8601 (`2026-01-01T00:05:00Z`, `+00:00`/`-05:00` offsets,
/// fractional seconds) and the space-separated form `2026-01-01 00:05:00`
/// (read as UTC). Calendar arithmetic is Howard Hinnant's days-from-civil.
package enum Timestamp {
  /// What ``parse(_:)`` accepts, for messages.
  package static let expectedFormat = "an ISO 8601 timestamp such as 2026-07-01T00:00:00Z"

  /// Minutes × 60 + seconds of the `MM:SS` at bytes 14–18 of a `YYYY-MM-DDTHH:MM:SS…` field at `field`, `nil`
  /// unless they are valid digits and a colon (a timestamp that differs from one already parsed only there is read
  /// this way).
  @inline(__always)
  static func minuteAndSecond(_ field: UnsafePointer<UInt8>) -> Int64? {
    minuteAndSecond(word: ByteScanning.word(at: field + 11))
  }

  /// ``minuteAndSecond(_:)`` of bytes 11–18 (`HH:MM:SS`) of a field as one little-endian word; the hour is not
  /// read. A word at a time: the minute tens at most 5, the second tens at most 6, the units at most 9, the colon
  /// at byte 16, and at most 59 seconds (a leap second, `:60`, is refused as ``parse(_:)`` refuses it: read as the
  /// next minute it moved a month's last sample into the next month, and no leap second has been inserted since 2016).
  @inline(__always)
  static func minuteAndSecond(word: UInt64) -> Int64? {
    // Lanes, lowest first: H H : M M : S S. The hour's and the colons' lanes become `0`, so none of them
    // borrows from the lane above when `0` is taken from every lane.
    let digits = (word & 0xFFFF_00FF_FF00_0000 | 0x0000_3000_0030_3030) &- 0x3030_3030_3030_3030
    // A lane below `0` wraps to 0x80 or more; one above its highest digit reaches 0x80 when 0x7F less that digit
    // is added (a carry only leaves a lane that is already marked).
    let aboveHighest = digits &+ 0x7679_0076_7A00_0000
    guard (digits | aboveHighest) & 0x8080_0080_8000_0000 == 0, word & 0x0000_FF00_0000_0000 == 0x0000_3A00_0000_0000
    else { return nil }
    // Tens × 10 + units in the tens' lanes (every lane is at most 9, so no lane overflows).
    let pairs = digits &* 10 &+ (digits &>> 8)
    let second = Int64(truncatingIfNeeded: pairs &>> 48 & 0xFF)
    guard second < 60 else { return nil }
    return Int64(truncatingIfNeeded: pairs &>> 24 & 0xFF) &* 60 &+ second
  }

  /// The minute in bytes 6–7 of `word` (bytes 14–15 of the field when `word` is read at byte 8): two digits, 00 to
  /// 59; `nil` otherwise. The minute lanes of ``minuteAndSecond(word:)`` alone, for ``CSVRowTemplate``, which compares
  /// the colon and the seconds with the held row's, so a hit costs no second word.
  @inline(__always)
  static func minute(word: UInt64) -> Int64? {
    // Tens in the low byte, units in the high one, `0` taken from each: a byte below `0` leaves its high bit set
    // (the units' borrow runs through the bits above, and 0x80 of the second byte stays set), one above its highest
    // digit (5, 9) reaches 0x80 when 0x7F less that digit is added.
    let digits = (word &>> 48) &- 0x3030
    guard (digits | (digits &+ 0x767A)) & 0x8080 == 0 else { return nil }
    return Int64(truncatingIfNeeded: (digits & 0xFF) &* 10 &+ (digits &>> 8))
  }

  /// Parses `bytes` (one field) into seconds since 1970-01-01T00:00:00Z.
  package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    let count = bytes.count
    guard count >= 16 else { return nil }
    @inline(__always) func digit(_ index: Int) -> Int? {
      let byte = bytes[index]
      return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }
    @inline(__always) func number(_ start: Int, _ length: Int) -> Int? {
      var value = 0
      for index in start..<(start + length) {
        guard let d = digit(index) else { return nil }
        value = value * 10 + d
      }
      return value
    }
    guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
      bytes[10] == 84 || bytes[10] == 32 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58,
      let minute = number(14, 2)
    else { return nil }
    var index = 16
    var second = 0
    if index < count, bytes[index] == 58 {
      guard count >= 19, let s = number(17, 2) else { return nil }
      second = s
      index = 19
      if index < count, bytes[index] == 46 {
        index += 1
        let start = index
        while index < count, digit(index) != nil { index += 1 }
        guard index > start else { return nil }
      }
    }
    var offset = 0
    if index < count {
      switch bytes[index] {
      case 90, 122:  // Z
        index += 1
      case 43, 45:  // + or -
        let sign = bytes[index] == 45 ? -1 : 1
        guard count >= index + 3, let hours = number(index + 1, 2) else { return nil }
        var minutes = 0
        if count >= index + 6, bytes[index + 3] == 58, let m = number(index + 4, 2) {
          minutes = m
          index += 6
        } else if count >= index + 5, let m = number(index + 3, 2) {
          minutes = m
          index += 5
        } else {
          index += 3
        }
        // UTC offsets run from −12:00 to +14:00 with minutes below 60; `+25:00` or `+14:30` is no offset.
        guard minutes < 60, hours * 60 + minutes <= 14 * 60 else { return nil }
        offset = sign * (hours * 3600 + minutes * 60)
      default:
        return nil
      }
    }
    guard index == count, (1...12).contains(month), day >= 1,
      day <= CivilCalendar.daysInMonth(year: year, month: month), hour < 24, minute < 60,
      second < 60
    else { return nil }
    return Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: day)) * 86400
      + Int64(hour * 3600 + minute * 60 + second - offset)
  }

  /// Parses a string field.
  package static func parse(_ text: String) -> Int64? {
    var copy = text
    return copy.withUTF8 { parse($0) }
  }

}
