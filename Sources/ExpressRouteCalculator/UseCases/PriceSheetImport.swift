import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import Foundation

/// `prices import SHEET.csv`: the customer's EA or MCA price sheet as an override file (the default) or a complete
/// rate table, every price from the sheet ``Confidence/customer``.
///
/// An override holds only what the sheet prices: applied with `--overrides`, every other meter keeps the table's
/// list price (or stays unpriced). A complete table is the table in use with the sheet's prices in place of its
/// own. The refresh guard of ``PriceTableRefresh`` does not apply: a customer's prices differ from list prices on
/// purpose. Instead each price is checked against the list price (``PriceSheetImporter``).
package struct PriceSheetImport {
  /// The table in use: its list prices, currency, gateway capabilities and hours per month.
  package var current: RateTable
  /// The catalogue internet egress regions are matched against.
  package var locations: LocationCatalog
  /// What to read and how.
  package var importer: PriceSheetImporter
  /// Write a complete rate table instead of an override file.
  package var completeTable: Bool

  /// An import against `engine`'s table.
  package init(
    engine: PricingEngine, gatewayRegion: String?, asOf: String?, exportDate: String?, completeTable: Bool
  ) {
    current = engine.rates
    locations = engine.locations
    importer = PriceSheetImporter(
      gatewayRegion: gatewayRegion, asOf: asOf, exportDate: exportDate, locations: engine.locations)
    self.completeTable = completeTable
  }

  /// The file written, what was read, and the warnings.
  package struct Result: Sendable {
    /// The override or table.
    package var table: RateTable
    /// Its JSON text.
    package var text: String
    /// What was read, skipped and converted.
    package var log: [String]
    /// Prices far from the list price, at their rows (`file:line:column: warning: …`).
    package var warnings: [Diagnostic]
  }

  /// Reads `sheet` and makes the file.
  ///
  /// - Throws: ``Diagnostic`` for a sheet ercalc cannot read (see ``PriceSheetImporter``).
  package func run(sheet: PriceSheet) throws(Diagnostic) -> Result {
    let read = try importer.read(sheet, base: current)
    var rates = read.rates
    let sources = [read.source]
    rates += tierBreaks(read.rates)
    let table: RateTable
    var notes: String
    if completeTable {
      var complete = current
      complete.name = "\(current.name), with \(read.source.title)"
      complete.effectiveDate = read.priceDate
      complete.sources.append(read.source)
      for rate in rates { complete.upsert(rate) }
      table = complete
      notes =
        "The table in use with the customer's price sheet in place (CUSTOMER rows); every other row keeps its list price and source."
    } else {
      let priced = Set(rates.map(\.meter))
      table = RateTable(
        name: read.source.title, currency: current.currency, effectiveDate: read.priceDate,
        hoursPerMonth: current.hoursPerMonth, sources: sources, rates: rates,
        gatewayCapabilities: current.gatewayCapabilities.filter { priced.contains(.gateway($0.key)) },
        scaleGateway: priced.contains(.gateway(.erGwScale)) ? current.scaleGateway : nil)
      notes =
        "The customer's own prices (CUSTOMER), an override file: meters the sheet does not price keep the table's list price."
    }
    notes += " Prices in force on \(read.priceDate); each row's note gives the sheet's line, price and unit of measure."
    let text = table.jsonText(notes: notes, asOverride: !completeTable)
    return Result(table: table, text: text, log: read.log, warnings: read.warnings)
  }

  /// The sheet's internet egress tiers at the table's own tier breaks: a tier of the table that starts where the
  /// sheet has none gets the price of the sheet's tier it falls in, so the table's rows left between the sheet's
  /// (10,335 GB between the sheet's 10,240 and 51,200) charge the sheet's price, not the list price.
  func tierBreaks(_ sheetRates: [Rate]) -> [Rate] {
    var added: [Rate] = []
    let groups = Set(sheetRates.compactMap(\.meter.internetEgressGroup))
    for rate in current.rates {
      guard let group = rate.meter.internetEgressGroup, groups.contains(group),
        !sheetRates.contains(where: { $0.meter == rate.meter }),
        case .internetEgress(let region, let routing, let start) = rate.meter
      else { continue }
      let covering = sheetRates.filter {
        guard case .internetEgress(region, routing, let from) = $0.meter else { return false }
        return from <= start
      }.max { $0.meter < $1.meter }
      guard var tier = covering else { continue }
      tier.meter = .internetEgress(region, routing, fromGB: start)
      tier.provenance.note = (tier.provenance.note ?? "") + " (the table's tier break at \(start) GB, in this tier)"
      added.append(tier)
    }
    return added
  }
}
