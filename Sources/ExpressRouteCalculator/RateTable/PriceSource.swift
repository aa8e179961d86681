/// A document prices were taken from, listed once per rate table.
public struct PriceSource: Hashable, Sendable {
  /// A short identifier rows refer to (`tco-dump-2026-07`).
  public var id: String
  /// What the source is.
  public var title: String
  /// Where it can be found, if public.
  public var url: String?
  /// The date the source itself carries (ISO 8601 `YYYY-MM-DD`); `nil` when it carries none.
  public var date: String?

  /// Creates a source.
  public init(id: String, title: String, url: String? = nil, date: String?) {
    self.id = id
    self.title = title
    self.url = url
    self.date = date
  }
}

/// Where one price came from and how far to trust it.
public struct Provenance: Hashable, Sendable, CustomStringConvertible {
  /// The source's identifier in the rate table.
  public var sourceID: String
  /// The date of the source; `nil` when it carries none.
  public var date: String?
  /// How far the figure can be trusted.
  public var confidence: Confidence
  /// A caveat, such as a conflicting value seen elsewhere.
  public var note: String?

  /// Creates a provenance record.
  public init(sourceID: String, date: String?, confidence: Confidence, note: String? = nil) {
    self.sourceID = sourceID
    self.date = date
    self.confidence = confidence
    self.note = note
  }

  /// `tco-dump-2026-07, 2026-07-21, SECONDARY` (`undated` for a source without a date).
  public var description: String { "\(sourceID), \(date ?? "undated"), \(confidence.rawValue)" }
}
