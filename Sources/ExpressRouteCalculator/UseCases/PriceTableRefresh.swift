import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import Foundation

/// `prices import` and `prices fetch`: a rate table made from Azure Retail Prices API pages, checked by the refresh
/// guard against the table in use before it may be written.
///
/// The guard objects to a price that moves by more than ``maxChange`` (a fraction, 0.25 for 25%) and to a priced
/// meter the new table loses; with ``force`` its objections are listed but the table is still made. Tables in
/// different currencies are not compared.
package struct PriceTableRefresh {
  /// The largest price move accepted without ``force`` when none is given: 25%.
  package static let defaultMaxChange = Decimal(25) / 100

  /// The new table and what importing it found.
  package struct Result: Sendable {
    /// The table made from the pages.
    package var table: RateTable
    /// The table as JSON, ready to write.
    package var text: String
    /// Lines describing the import: items imported and skipped, items not recognised, conflicts, changes.
    package var log: [String]
  }

  /// The table in use.
  package var current: RateTable
  /// The catalogue the pages' locations are matched against.
  package var locations: LocationCatalog
  /// The ARM region whose gateway prices to take (such as `eastus`).
  package var gatewayRegion: String?
  /// The largest price move accepted without ``force``, as a fraction.
  package var maxChange: Decimal
  /// Make the table even when the guard objects.
  package var force: Bool
  /// The date whose prices to take (`YYYY-MM-DD`); `nil`: ``exportDate``, else the latest start (``PriceInForce``).
  package var asOf: String?
  /// The day the pages were saved (`YYYY-MM-DD`); `nil`: not known.
  package var exportDate: String?

  /// A refresh of `engine`'s table, matched against its catalogue.
  package init(
    engine: PricingEngine, gatewayRegion: String? = nil, maxChange: Decimal? = nil, force: Bool = false,
    asOf: String? = nil, exportDate: String? = nil
  ) {
    self.asOf = asOf
    self.exportDate = exportDate
    current = engine.rates
    locations = engine.locations
    self.gatewayRegion = gatewayRegion
    self.maxChange = maxChange ?? Self.defaultMaxChange
    self.force = force
  }

  /// The check to run while pages arrive: a price that already moves by more than ``maxChange`` stops the download at
  /// once (unless ``force``), instead of after the last page. Lost meters are judged only at the end, when every page
  /// is in; a partial set of pages that does not import yet is judged later.
  ///
  /// The check throws ``RequestError/refreshStopped(afterPage:moved:)``.
  package func earlyCheck() -> ([RetailPricePage]) throws -> Void {
    guard !force else { return { _ in } }
    let (current, importer, guardian) = (current, importer, RefreshGuard(threshold: maxChange))
    return { pages in
      guard let (table, _) = try? importer.makeTable(pages: pages, base: current), table.currency == current.currency
      else { return }
      let moved = guardian.violations(guardian.changes(from: current, to: table)).filter { $0.kind == .changed }
      guard !moved.isEmpty else { return }
      throw RequestError.refreshStopped(afterPage: pages.count, moved: moved.map(\.description))
    }
  }

  /// The importer of the pages, with this refresh's gateway region and dates.
  var importer: RetailPriceImporter {
    var importer = RetailPriceImporter(gatewayRegion: gatewayRegion, locations: locations)
    importer.asOf = asOf
    importer.exportDate = exportDate
    return importer
  }

  /// Imports `pages` and checks the table against the current one.
  ///
  /// - Throws: ``RequestError/refreshRefused(log:)`` when the guard objects and ``force`` is off, ``Diagnostic`` for
  ///   pages that do not make a table.
  package func run(pages: [RetailPricePage]) throws -> Result {
    let (table, summary) = try importer.makeTable(pages: pages, base: current)
    var log = [
      "prices as of \(summary.priceDate) (\(summary.priceDateBasis.description))",
      "imported \(summary.imported) of \(summary.items) items (\(summary.skipped) skipped: not Consumption, other gateway regions, higher price tiers, or not the price in force on \(summary.priceDate))",
    ]
    if !summary.future.isEmpty {
      log.append(
        "\(summary.future.count) item\(summary.future.count == 1 ? " starts" : "s start") after \(summary.priceDate) and \(summary.future.count == 1 ? "was" : "were") left out:"
      )
      log += summary.future.map { "  \($0)" }
    }
    if !summary.blocks.isEmpty {
      log.append(
        "\(summary.blocks.count) price\(summary.blocks.count == 1 ? " was" : "s were") per block of units, divided to one unit:"
      )
      log += summary.blocks.map { "  \($0)" }
    }
    if !summary.unrecognized.isEmpty {
      log.append(
        "\(summary.unrecognized.count) item\(summary.unrecognized.count == 1 ? " was" : "s were") not recognised and left out:"
      )
      log += summary.unrecognized.map { "  \($0)" }
    }
    if !summary.conflicts.isEmpty {
      log.append("\(summary.conflicts.count) conflicting price\(summary.conflicts.count == 1 ? "" : "s"):")
      log += summary.conflicts.map { "  \($0)" }
    }
    let guardian = RefreshGuard(threshold: maxChange)
    if table.currency == current.currency {
      let changes = guardian.changes(from: current, to: table)
      let violations = guardian.violations(changes)
      log.append("\(changes.count) change\(changes.count == 1 ? "" : "s") against the current table '\(current.name)'")
      if !violations.isEmpty {
        log.append(
          "the refresh guard objects to \(violations.count) change\(violations.count == 1 ? "" : "s") (over \((maxChange * 100).fixedPoint(places: 0))% or a priced meter lost):"
        )
        log += violations.prefix(40).map { "  \($0.description)" }
        if violations.count > 40 { log.append("  … and \(violations.count - 40) more") }
        if !force { throw RequestError.refreshRefused(log: log) }
      }
    } else {
      log.append(
        "the new table is in \(table.currency), the current one in \(current.currency): prices were not compared")
    }
    let text = table.jsonText(
      notes: "Imported from the Azure Retail Prices API. Meters the pages did not price are marked unpriced.")
    return Result(table: table, text: text, log: log)
  }
}
