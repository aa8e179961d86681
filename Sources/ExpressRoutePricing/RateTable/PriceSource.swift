import ExpressRouteCore

/// A document prices were taken from, listed once per rate table.
///
/// A source is **traceable** when a reader can open it: it carries a `url`, or a `repository`
/// (`owner/name@commit`, with the file's `path`), and the date the source itself states, or
/// `date: nil` with an ``undatedReason`` saying why it has none. `ercalc prices validate` refuses a
/// table with a source that is not (see ``traceabilityProblem``).
public struct PriceSource: Hashable, Sendable {
  /// A short identifier rows refer to (`tco-dump-2026-07`).
  public var id: String
  /// What the source is.
  public var title: String
  /// Where it can be read (`https://…`, or `file:…` for a contract kept on file).
  public var url: String?
  /// The repository and commit that hold it, `owner/name@<commit hash>` (7 to 40 hex digits).
  public var repository: String?
  /// The file inside ``repository``.
  public var path: String?
  /// The date the source itself carries (ISO 8601 `YYYY-MM-DD`); `nil` when it carries none.
  public var date: String?
  /// Why the source carries no date; required with `date: nil` for the source to be traceable.
  public var undatedReason: String?
  /// Why a source dated after the table's price date may still stand behind it (`retrieved later; the price
  /// is the one in effect on the price date`); without it such a source fails validation.
  public var afterPriceDateReason: String?
  /// Where the source is defined, for messages (not part of equality).
  public var location: Diagnostic.FileLocation?
  /// Whether the source came from an override file (not part of equality): an override's prices (a contract
  /// signed later) may be dated after the base table's price date.
  public var isFromOverride = false

  /// Creates a source.
  public init(
    id: String, title: String, url: String? = nil, repository: String? = nil, path: String? = nil, date: String?,
    undatedReason: String? = nil, afterPriceDateReason: String? = nil, location: Diagnostic.FileLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.url = url
    self.repository = repository
    self.path = path
    self.date = date
    self.undatedReason = undatedReason
    self.afterPriceDateReason = afterPriceDateReason
    self.location = location
  }

  public static func == (lhs: PriceSource, rhs: PriceSource) -> Bool {
    lhs.id == rhs.id && lhs.title == rhs.title && lhs.url == rhs.url && lhs.repository == rhs.repository
      && lhs.path == rhs.path
      && lhs.date == rhs.date && lhs.undatedReason == rhs.undatedReason
      && lhs.afterPriceDateReason == rhs.afterPriceDateReason
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(title)
    hasher.combine(url)
    hasher.combine(repository)
    hasher.combine(path)
    hasher.combine(date)
    hasher.combine(undatedReason)
    hasher.combine(afterPriceDateReason)
  }

  /// Where to read the source: its URL, else `owner/name@commit:path`; `nil` when it has neither.
  public var reference: String? {
    if let url { return url }
    guard let repository else { return nil }
    return path.map { "\(repository):\($0)" } ?? repository
  }

  /// Why the source cannot be traced, or `nil` when it can: no URL and no `repository@commit`, or no
  /// date and no reason for its absence.
  public var traceabilityProblem: String? {
    if url == nil && repository == nil {
      return
        "source '\(id)' has neither a 'url' nor a 'repository' (owner/name@commit): nobody can open it to check its prices"
    }
    if date == nil && undatedReason == nil {
      return
        "source '\(id)' has no date and no 'undatedReason' (give the date the source itself states, or say why it has none)"
    }
    return nil
  }

  /// Why the source cannot stand behind prices dated `priceDate`, or `nil` when it can: a source dated after the
  /// price date, without an ``afterPriceDateReason``, would be a price taken from the table's future.
  public func dateProblem(priceDate: String) -> String? {
    guard let date, date > priceDate, afterPriceDateReason == nil, !isFromOverride else { return nil }
    return
      "source '\(id)' is dated \(date), after the table's price date \(priceDate): a price cannot rest on a source from its future (move 'effectiveDate' to \(date) or later, or say in 'afterPriceDateReason' why the source still states the price of \(priceDate))"
  }

  /// Whether the source is more than `months` months older than `asOf`, by calendar date: its date plus `months`
  /// months (the day clamped to the month's end) falls before `asOf`. `false` when undated.
  public func isOlder(thanMonths months: Int, asOf: String) -> Bool {
    guard let date, let from = Self.yearMonthDay(date), let to = Self.yearMonthDay(asOf) else { return false }
    let monthIndex = from.0 * 12 + (from.1 - 1) + months
    let year = monthIndex / 12
    let month = monthIndex % 12 + 1
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let limit = (year, month, min(from.2, lastDay))
    return limit < to
  }

  /// Whether the source is older than ``staleAfterMonths`` at `asOf` (see ``isOlder(thanMonths:asOf:)``).
  public func isStale(asOf: String) -> Bool { isOlder(thanMonths: Self.staleAfterMonths, asOf: asOf) }

  /// Whole months from the source's date to `asOf` (both `YYYY-MM-DD`); negative when the source is later; `nil` when undated.
  public func ageInMonths(asOf: String) -> Int? {
    guard let date, let from = Self.yearMonthDay(date), let to = Self.yearMonthDay(asOf) else { return nil }
    var months = (to.0 - from.0) * 12 + (to.1 - from.1)
    if months > 0 && to.2 < from.2 { months -= 1 }
    if months < 0 && to.2 > from.2 { months += 1 }
    return months
  }

  private static func yearMonthDay(_ text: String) -> (Int, Int, Int)? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
  }
}

extension PriceSource {
  /// Where one price came from and how far to trust it.
  public struct Provenance: Hashable, Sendable, CustomStringConvertible {
    /// The source's identifier in the rate table.
    public var sourceID: String
    /// The date of the source; `nil` when it carries none.
    public var date: String?
    /// How far the figure can be trusted.
    public var confidence: PriceSource.Confidence
    /// A caveat, such as a conflicting value seen elsewhere.
    public var note: String?
    /// Whether the price is the user's own rate, from an override file (`--overrides`): what they pay, not a list
    /// price, so a negotiated discount is not taken off it again.
    public var isOwnRate = false

    /// Creates a provenance record.
    public init(sourceID: String, date: String?, confidence: PriceSource.Confidence, note: String? = nil) {
      self.sourceID = sourceID
      self.date = date
      self.confidence = confidence
      self.note = note
    }

    /// `tco-dump-2026-07, 2026-07-21, SECONDARY` (`undated` for a source without a date).
    public var description: String { "\(sourceID), \(date ?? "undated"), \(confidence.rawValue)" }
  }
}

extension PriceSource {
  /// Whether `text` is a calendar date in `YYYY-MM-DD` form (as source dates and `--as-of` must be).
  public static func isDate(_ text: String) -> Bool { isISODate(text) }

  /// Sources older than this many months at the as-of date (by calendar date: 2025-01-15 is stale from 2026-07-16 on) are flagged as stale.
  public static let staleAfterMonths = 18
}

// Short names inside the package.
package typealias Provenance = PriceSource.Provenance
