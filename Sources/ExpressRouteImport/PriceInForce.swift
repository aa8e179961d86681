import Foundation

/// The as-of rule both price importers (``PriceSheetImporter`` and ``RetailPriceImporter``) share: which day's
/// prices to take, and which of a meter's rows is the price on that day.
///
/// The price date is the one asked for, else the export date (the day the prices were downloaded), else the latest
/// start among the rows read: never the clock, so an import is the same whenever it runs. A row is in force on a
/// date when it starts on or before it (a row without a start has always been in force) and ends on or after it
/// (the end inclusive; no end: open). Of the rows in force, the latest start wins; a row that starts after the
/// price date is a future price, left out.
package enum PriceInForce {
  /// Where the price date came from, for the import's log.
  package enum Basis: Sendable, Hashable {
    /// Asked for.
    case asked
    /// The export date.
    case exportDate
    /// The latest start among the rows read.
    case latestStart

    /// `the date asked for`, `the export date`, `the latest start among the rows (no price or export date given)`.
    package var description: String {
      switch self {
      case .asked: return "the date asked for"
      case .exportDate: return "the export date"
      case .latestStart: return "the latest start among the rows read; no price date or export date given"
      }
    }
  }

  /// The price date (`YYYY-MM-DD`) and where it came from: `asOf`, else `exportDate`, else `latestStart`.
  package static func priceDate(asOf: String?, exportDate: String?, latestStart: String) -> (String, Basis) {
    if let asOf { return (asOf, .asked) }
    if let exportDate { return (exportDate, .exportDate) }
    return (latestStart, .latestStart)
  }

  /// Whether a row from `start` (`nil`: always) to `end` (inclusive; `nil`: open) is in force on `date`.
  package static func isInForce(start: String?, end: String?, on date: String) -> Bool {
    (start ?? "") <= date && (end.map { $0 >= date } ?? true)
  }

  /// The row of `rows` in force on `date` with the latest start (the first of equal starts), or `nil` when none is.
  package static func chosen<Row>(
    _ rows: [Row], on date: String, start: (Row) -> String?, end: (Row) -> String?
  ) -> Row? {
    var best: Row?
    for row in rows where isInForce(start: start(row), end: end(row), on: date) {
      if let current = best, (start(current) ?? "") >= (start(row) ?? "") { continue }
      best = row
    }
    return best
  }
}
