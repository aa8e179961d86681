import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// `prices validate`: rate tables and location catalogues checked strictly, every source traceable and dated.
///
/// Each document validated gives one line, `file: ok: …`; the first source nobody can open or date fails validation
/// (as a ``Diagnostic``), the others are listed in the warnings before it.
package enum PriceTableValidation {
  /// Validates one document: a location catalogue (recognised by its shape) by its own rules, else a rate table with
  /// the override files `overrides` applied (each read by `read` only when needed).
  package static func validate(
    _ data: Data, file: String, overrides: [String], read: (String) throws -> Data, warnings: inout [String]
  ) throws -> String {
    // A location catalogue given where a rate table is expected is validated as one, by its own rules.
    if LocationCatalog.looksLikeCatalogue(json: data) {
      return try validate(try LocationCatalog(json: data, file: file), file: file, warnings: &warnings)
    }
    var table = try RateTable(json: data, file: file)
    for path in overrides {
      try table.apply(overrideJSON: try read(path), file: path)
    }
    return try validate(table, file: file, warnings: &warnings)
  }

  /// Validates a rate table shown as `file`; the line names its currency, date and counts of priced and unpriced rates.
  package static func validate(_ table: RateTable, file: String, warnings: inout [String]) throws(Diagnostic) -> String
  {
    try require(table.untraceableSources, warnings: &warnings)
    let unpriced = table.unpricedRates.count
    return
      "\(file): ok: \(table.name), \(table.currency), effective \(table.effectiveDate), \(table.rates.count - unpriced) priced rates, \(unpriced) unpriced, \(table.sources.count) sources\n"
  }

  /// Validates a location catalogue shown as `file`; the line names its source and counts.
  package static func validate(_ catalog: LocationCatalog, file: String, warnings: inout [String]) throws(Diagnostic)
    -> String
  {
    try require(catalog.untraceableSources, warnings: &warnings)
    return
      "\(file): ok: location catalogue, source \(catalog.source.id) (\(catalog.source.date ?? "undated")), \(catalog.locations.count) locations, \(catalog.portLocations.count) port locations, \(catalog.sources.count + 1) sources\n"
  }

  /// Fails on the first problem; the others are listed in `warnings` before it.
  static func require(_ problems: [Diagnostic], warnings: inout [String]) throws(Diagnostic) {
    guard let first = problems.first else { return }
    warnings += problems.dropFirst().map(\.description)
    throw first
  }
}
