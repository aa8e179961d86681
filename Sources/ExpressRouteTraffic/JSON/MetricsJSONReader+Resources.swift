import ExpressRouteCore

/// The resources one document of the REST shape (Metrics - List, `az monitor metrics list`, Metrics Batch) or of
/// diagnostic-settings records names: two resource IDs of one name are refused (``ResourceIDRegistry``).
extension MetricsJSONReader {
  /// Notes that the metric or record whose resource `id` (the current string token) is being read belongs to circuit
  /// `name`; refuses a resource ID other than the one this document gave that name before. Called once per metric or
  /// per change of a record's ID, never per point.
  mutating func noteResource(_ id: String, named name: String) throws(Diagnostic) {
    let location = FileLocation(file: stream.file, line: stream.line, column: stream.column)
    if let refusal = resourceIDs.refusal(id, named: name, at: location) { throw stream.error(refusal) }
  }
}
