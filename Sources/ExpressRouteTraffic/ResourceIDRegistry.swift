import ExpressRouteCore

/// The resource IDs one read has met under each circuit name, so that two resources of one name are never read as one.
///
/// ercalc tells circuits (and gateways) apart by name (``SeriesMatch/key(_:)``), so two resources of the same name in
/// different resource groups or subscriptions would be read as one, the second's points taken for repeats of the
/// first's. A read that meets two such resource IDs is refused, naming both; each is read in a run of its own. Every
/// reader that sees full IDs (Metrics - List and Batch, diagnostic-settings records, `AzureMetrics` rows, a CSV
/// circuit column) keeps one.
struct ResourceIDRegistry: Sendable {
  private var first: [String: (key: String, text: String, location: FileLocation)] = [:]

  /// A resource ID as compared: its segments up to the `providers/Microsoft.Insights` part of a metric's ID, in lower
  /// case, empty segments (a trailing or doubled slash) left out; and the same segments as written, for messages.
  /// `nil` for an ID that is a bare name (nothing to tell apart).
  static func identity(_ id: String) -> (key: String, text: String)? {
    var segments = id.split(separator: "/", omittingEmptySubsequences: true)
    let lower = segments.map { $0.lowercased() }
    if let providers = lower.indices.last(where: { lower[$0] == "providers" }), providers >= 1,
      providers + 1 < lower.count, lower[providers + 1] == "microsoft.insights"
    {
      segments.removeSubrange(providers...)
    }
    guard segments.count > 1 else { return nil }
    let text = "/" + segments.joined(separator: "/")
    return (text.lowercased(), text)
  }

  /// Notes that `id`, read at `location`, names circuit `name`: `nil` when it is the first ID of that name or the same
  /// resource (ignoring case and a trailing slash), else the refusal to report at `location`.
  mutating func refusal(_ id: String, named name: String, at location: FileLocation) -> String? {
    guard let identity = Self.identity(id) else { return nil }
    let key = SeriesMatch.key(name)
    guard let known = first[key] else {
      first[key] = (identity.key, identity.text, location)
      return nil
    }
    guard known.key != identity.key else { return nil }
    return Self.refusal(known.text, at: known.location, identity.text, named: name)
  }

  /// Adds what `other` (another core's part of the same read) met; `false` when the two give one name to two
  /// resources (the caller reads again on one core, which reports it where it stands).
  mutating func merge(_ other: ResourceIDRegistry) -> Bool {
    for (name, entry) in other.first.sorted(by: { $0.key < $1.key }) {
      if let known = first[name] {
        guard known.key == entry.key else { return false }
      } else {
        first[name] = entry
      }
    }
    return true
  }

  /// The refusal of resource `second` named `name` like `first` (read at `location`, when known).
  static func refusal(_ first: String, at location: FileLocation?, _ second: String, named name: String) -> String {
    "resource IDs '\(first)'\(location.map { " (\($0))" } ?? "") and '\(second)' are both named '\(name)': ercalc identifies circuits and gateways by name, so the second's traffic would be read as the first's; read them in separate runs (one file per resource)"
  }
}
