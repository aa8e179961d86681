// swift-format-ignore-file
// GENERATED FILE: do not edit. Regenerate with
//   UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests
// from the files in PriceTables/. A test fails when the two drift.

/// The default tables, embedded so the binary works from any directory.
enum EmbeddedPriceTables {
  /// The file name of the default rate table.
  static let rateTableFile = "expressroute-usd.json"
  /// The file name of the peering-location catalogue.
  static let peeringLocationsFile = "peering-locations.json"

  /// The contents of `PriceTables/expressroute-usd.json`.
  static let rateTable = [rateTablePart1, rateTablePart2].joined()

  /// The contents of `PriceTables/peering-locations.json`.
  static let peeringLocations = [peeringLocationsPart1, peeringLocationsPart2].joined()
}
