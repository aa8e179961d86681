import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The pricing basis of one run, made into one engine: a rate table (the built-in one unless a file is given) patched
/// by override files, a location catalogue (built in unless given), the hours in a billing month, and negotiated
/// discounts.
///
/// Rules: the table carries the hours used (the option's, else its own, else 730), so every report prints them; a
/// discount given twice for one family must agree, whether it comes from override files or from the options.
package struct PricingSetup {
  /// A discount given outside the table: its meter family (or ``Discounts/allFamily``), the fraction off (0.12 for
  /// 12%) and where it was given, as messages name it.
  package typealias Discount = (family: String, fraction: Decimal, place: String)

  /// The rate table file, or `nil` for the built-in table.
  package var prices: String?
  /// Override files, applied in order.
  package var overrides: [String] = []
  /// The location catalogue file, or `nil` for the built-in catalogue.
  package var locations: String?
  /// Hours in a billing month for hourly meters; `nil` keeps the table's.
  package var hoursPerMonth: Decimal?
  /// Discounts given besides the override files'.
  package var discounts: [Discount] = []

  /// A setup of the built-in tables.
  package init() {}

  /// Reads the tables (each file through `read`, in the order above) and makes the engine.
  ///
  /// - Throws: ``Discounts/Conflict`` when a discount contradicts an earlier one, ``Diagnostic`` for a bad table, and
  ///   what `read` throws.
  package func engine(read: (String) throws -> Data) throws -> PricingEngine {
    var rates: RateTable
    if let prices {
      rates = try RateTable(json: try read(prices), file: prices)
    } else {
      rates = try RateTable.embeddedDefault()
    }
    for path in overrides {
      try rates.apply(overrideJSON: try read(path), file: path)
    }
    let catalog: LocationCatalog
    if let locations {
      catalog = try LocationCatalog(json: try read(locations), file: locations)
    } else {
      catalog = try LocationCatalog.embeddedDefault()
    }
    if let hoursPerMonth { rates.hoursPerMonth = hoursPerMonth }
    var engine = PricingEngine(rates: rates, locations: catalog)
    // Override files gave theirs (a second file giving a family another discount was refused); a discount given
    // here that differs from a file's or another one here is refused too, naming both.
    engine.discounts = rates.discounts
    for discount in discounts {
      if let conflict = engine.discounts.set(discount.fraction, on: discount.family, from: discount.place) {
        throw conflict
      }
    }
    return engine
  }
}
