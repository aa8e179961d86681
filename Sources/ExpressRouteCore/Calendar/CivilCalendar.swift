import Foundation

/// The proleptic Gregorian calendar in UTC, as whole days and seconds since 1970-01-01: the arithmetic
/// behind months (`MonthKey`), traffic timestamps and every printed date.
package enum CivilCalendar {
  /// Days since 1970-01-01 of a proleptic Gregorian date.
  @inlinable package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The (year, month, day) of a day count since 1970-01-01.
  @inlinable package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  @inlinable package static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `2026-07-01T00:05:00Z`.
  @inlinable package static func format(_ seconds: Int64) -> String {
    let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let rest = Int(seconds - Int64(days) * 86400)
    let (y, m, d) = civil(fromDays: days)
    return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  /// The calendar month (`2026-07`) containing `seconds`.
  @inlinable package static func monthKey(_ seconds: Int64) -> MonthKey {
    let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    let (y, m, _) = civil(fromDays: days)
    return MonthKey(year: y, month: m)
  }

  @inlinable package static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
