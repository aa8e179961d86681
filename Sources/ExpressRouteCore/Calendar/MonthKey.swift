import Foundation

/// A calendar month in UTC.
public struct MonthKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int

  /// Creates a month.
  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// `2026-07`.
  public var description: String { "\(year)-\(CivilCalendar.two(month))" }

  /// Seconds since 1970 at the start of this month.
  public var start: Int64 { Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: 1)) * 86400 }
  /// The following month.
  public var next: MonthKey {
    month == 12 ? MonthKey(year: year + 1, month: 1) : MonthKey(year: year, month: month + 1)
  }
  /// Seconds in this month.
  public var seconds: Int64 { next.start - start }

  public static func < (lhs: MonthKey, rhs: MonthKey) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

extension MonthKey {
  /// Parses `2027-01`: a month of ``parsedYears`` (ASCII digits only).
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, text.utf8.allSatisfy({ $0 < 0x80 }),
      let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), Self.parsedYears.contains(year)
    else { return nil }
    self.init(year: year, month: month)
  }

  /// The years a month given as text may fall in: from the Unix epoch, and far enough from year 10,000 that a plan's
  /// last month (60 months on) and its period end are still four-digit ISO 8601 dates.
  public static let parsedYears = 1970...2199

  /// The month `count` months later.
  public func advanced(by count: Int) -> MonthKey {
    let index = year * 12 + (month - 1) + count
    return MonthKey(year: index / 12, month: index % 12 + 1)
  }
}
