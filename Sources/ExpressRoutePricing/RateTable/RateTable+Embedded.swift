import ExpressRouteCore
import Foundation

extension RateTable {
  /// The default USD table embedded in the binary (generated from `PriceTables/`).
  public static func embeddedDefault() throws(Diagnostic) -> RateTable {
    try RateTable(
      json: Data(EmbeddedPriceTables.rateTable.utf8),
      file: "<embedded>/PriceTables/\(EmbeddedPriceTables.rateTableFile)")
  }
}

extension LocationCatalog {
  /// The peering-location catalogue embedded in the binary (generated from `PriceTables/`).
  public static func embeddedDefault() throws(Diagnostic) -> LocationCatalog {
    try LocationCatalog(
      json: Data(EmbeddedPriceTables.peeringLocations.utf8),
      file: "<embedded>/PriceTables/\(EmbeddedPriceTables.peeringLocationsFile)")
  }
}
