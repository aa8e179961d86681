import ExpressRouteCore

/// The resources one document of the REST shape (Metrics - List, `az monitor metrics list`, Metrics Batch) names.
///
/// ercalc tells circuits (and gateways) apart by name (``SeriesMatch/key(_:)``), so two resources of the same name in
/// different resource groups or subscriptions would be read as one, the second's points taken for repeats of the
/// first's. One document that gives two such resource IDs is refused, naming both; each is read in a run of its own.
extension MetricsJSONReader {
  /// A resource ID as compared: its segments up to the `providers/Microsoft.Insights` part of a metric's ID, in lower
  /// case, empty segments (a trailing or doubled slash) left out; and the same segments as written, for messages.
  /// `nil` for an ID that is a bare name (nothing to tell apart).
  static func resourceIdentity(_ id: String) -> (key: String, text: String)? {
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

  /// Notes that the metric whose `id` (the current string token) is being read belongs to circuit `name`; refuses a
  /// resource ID other than the one this document gave that name before (ignoring case and a trailing slash). Called
  /// once per metric, never per point.
  mutating func noteResource(_ id: String, named name: String) throws(Diagnostic) {
    guard let identity = Self.resourceIdentity(id) else { return }
    let key = SeriesMatch.key(name)
    guard let first = resourceIDs[key] else {
      resourceIDs[key] = (identity.key, identity.text, stream.line, stream.column)
      return
    }
    guard first.key != identity.key else { return }
    throw stream.error(
      "resource IDs '\(first.text)' (line \(first.line), column \(first.column)) and '\(identity.text)' are both named '\(name)': ercalc identifies circuits and gateways by name, so the second's traffic would be read as the first's; read them in separate runs (one file per resource)"
    )
  }
}
