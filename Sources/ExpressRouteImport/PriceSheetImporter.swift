import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Turns a customer's price sheet (``PriceSheet``) into rates whose confidence is ``Confidence/customer``.
///
/// Rows are kept when their `MeterCategory` is `ExpressRoute` or `VPN Gateway`, in any case (and `Bandwidth` rows that are
/// internet egress tiers), their `PriceType` is `Consumption` (or empty) and they carry no `Term`. Each is named as
/// the Retail Prices API names it (the classification of ``RetailPriceImporter``, by `MeterName` and
/// `MeterRegion`), its `UnitPrice` per block turned into a price per unit (``PriceSheetUnit``), and the price in
/// force on the price date chosen (``PriceInForce``, the rule the Retail Prices API import shares): the row whose
/// `EffectiveStartDate` is on or before it and whose `EffectiveEndDate` (inclusive) is on or after it or empty, the
/// latest start winning. A unit of measure ercalc
/// does not know, a tiered row for a meter priced without tiers, a malformed price or date, and two prices for one
/// meter from one start are refused at their row. A price 10 times the list price of the table in use or more, or
/// a tenth or less, is almost always a unit mistake: it is kept, with a warning naming the row.
package struct PriceSheetImporter: Sendable {
  /// The gateway region to take (`eastus` or the sheet's spelling, `US East`); required when the sheet prices
  /// gateways in several.
  package var gatewayRegion: String?
  /// The price date (`YYYY-MM-DD`); `nil`: the export date, else the latest start among the rows.
  package var asOf: String?
  /// The day the sheet was exported (`YYYY-MM-DD`), the date of its source; `nil`: the latest start.
  package var exportDate: String?
  /// The classification of meter names, and the internet regions of ARM regions.
  var retail: RetailPriceImporter

  /// An importer; `locations` places the regions of internet egress rows.
  package init(gatewayRegion: String?, asOf: String?, exportDate: String?, locations: LocationCatalog) {
    self.gatewayRegion = gatewayRegion
    self.asOf = asOf
    self.exportDate = exportDate
    retail = RetailPriceImporter(gatewayRegion: gatewayRegion, locations: locations)
  }

  /// What an import read.
  package struct Result: Sendable {
    /// The sheet's rates, by meter, each ``Confidence/customer`` and citing ``source``.
    package var rates: [Rate]
    /// The sheet as a price source.
    package var source: PriceSource
    /// The date whose prices were taken.
    package var priceDate: String
    /// What was read, skipped and converted, for standard error.
    package var log: [String]
    /// Prices 10× the list price or more, or a tenth or less, at their rows.
    package var warnings: [Diagnostic]
  }

  /// A row of the sheet that names a meter ercalc prices.
  struct Candidate {
    var meter: Meter
    var row: PriceSheet.Row
    var unit: PriceSheetUnit
    var blockPrice: Decimal
    var start: String
    var end: String?
  }

  /// Reads the rates of `sheet`; `base` (the table in use) gives the list prices they are checked against.
  package func read(_ sheet: PriceSheet, base: RateTable) throws(Diagnostic) -> Result {
    guard sheet.currency == base.currency else {
      throw Diagnostic(
        .error,
        "the sheet's prices are in \(sheet.currency), the rate table in use is in \(base.currency): import it against a \(sheet.currency) rate table, such as one fetched from the Retail Prices API in \(sheet.currency)",
        file: sheet.file, remedy: .completeRateTable)
    }
    var log: [String] = []
    var skipped = 0
    var unrecognized: [String] = []
    /// Bandwidth rows that are not internet egress ercalc can place, with the reason.
    var otherBandwidth: [String] = []
    var candidates: [Candidate] = []
    var gatewayRegions: Set<String> = []
    for row in sheet.rows {
      guard let category = Self.category(of: row) else { continue }
      let priceType = row.text("PriceType")
      guard priceType.isEmpty || priceType.lowercased() == "consumption", row.text("Term").isEmpty else {
        skipped += 1
        continue
      }
      guard let found = try self.candidates(row, sheet: sheet) else {
        if category == "Bandwidth" {
          otherBandwidth.append(
            "line \(row.line): \(row.text("MeterName")) (\(row.text("MeterRegion")), \(row.text("UnitOfMeasure"))): \(bandwidthSkipReason(row))"
          )
        } else {
          unrecognized.append(
            "line \(row.line): \(row.text("MeterName")) (\(row.text("MeterRegion")), \(row.text("UnitOfMeasure")))")
        }
        continue
      }
      for candidate in found {
        if case .gateway = candidate.meter { gatewayRegions.insert(row.text("MeterRegion")) }
        if case .vpnGateway = candidate.meter { gatewayRegions.insert(row.text("MeterRegion")) }
      }
      candidates += found
    }
    let region = try chooseGatewayRegion(gatewayRegions.sorted(), file: sheet.file)
    if let region, !gatewayRegions.isEmpty, !gatewayRegions.contains(where: { armName($0) == armName(region) }) {
      log.append(
        "no gateway row in region '\(region)': gateways keep the table's prices (the sheet prices gateways in \(gatewayRegions.sorted().joined(separator: ", ")))"
      )
    }
    candidates.removeAll { candidate in
      switch candidate.meter {
      case .gateway, .vpnGateway:
        guard armName(candidate.row.text("MeterRegion")) != region.map(armName) else { return false }
        skipped += 1
        return true
      default: return false
      }
    }
    guard let latestStart = candidates.map(\.start).max() else {
      if let region, !gatewayRegions.isEmpty {
        // Only gateways, none in the region asked for: that is the cause, not a sheet without ExpressRoute prices.
        throw Diagnostic(
          .error,
          "the sheet prices gateways only, and none in region '\(region)': it prices them in \(gatewayRegions.sorted().joined(separator: ", ")) (expected one of these, as an ARM name such as eastus or the sheet's own spelling)",
          file: sheet.file, remedy: .gatewayRegion)
      }
      throw Diagnostic(
        .error,
        "the sheet has no ExpressRoute price ercalc can use (\(sheet.rowCount) row\(sheet.rowCount == 1 ? "" : "s") read; expected rows with MeterCategory 'ExpressRoute' and the Retail Prices API's meter names, such as 'Standard Metered Data 1 Gbps Circuit')",
        file: sheet.file)
    }
    let (priceDate, _) = PriceInForce.priceDate(asOf: asOf, exportDate: exportDate, latestStart: latestStart)
    let sourceDate = exportDate ?? latestStart
    var source = PriceSource(
      id: "price-sheet-\(sheet.agreement.rawValue.lowercased())-\(sourceDate)", title: title(sheet, sourceDate),
      url: "file:\((sheet.file as NSString).lastPathComponent)", date: sourceDate)
    if sourceDate > priceDate {
      source.afterPriceDateReason =
        "the sheet, exported on \(sourceDate), states each price with the dates it is in force; these are the prices of \(priceDate)"
    }
    var rates: [Rate] = []
    var warnings: [Diagnostic] = []
    var converted: [String] = []
    for meter in Set(candidates.map(\.meter)).sorted() {
      let rows = candidates.filter { $0.meter == meter }
      let inForce = rows.filter { PriceInForce.isInForce(start: $0.start, end: $0.end, on: priceDate) }
      guard let chosen = PriceInForce.chosen(rows, on: priceDate, start: \.start, end: \.end) else {
        let spans = rows.map { "line \($0.row.line): \($0.start) to \($0.end ?? "open")" }
        log.append(
          "\(meter.displayName): no price in force on \(priceDate) (\(spans.joined(separator: "; "))); left out")
        skipped += rows.count
        continue
      }
      let perUnit = chosen.unit.perUnit(chosen.blockPrice)
      if let rival = inForce.first(where: {
        $0.start == chosen.start && $0.unit.perUnit($0.blockPrice) != perUnit && $0.row.line != chosen.row.line
      }) {
        throw Diagnostic(
          .error,
          "two prices for \(meter.displayName) in force on \(priceDate) from \(chosen.start): \(rival.unit.perUnit(rival.blockPrice).plainDescription) here, \(perUnit.plainDescription) on line \(chosen.row.line) (expected one price per meter and date)",
          location: FileLocation(file: sheet.file, line: rival.row.line, column: 1))
      }
      skipped += rows.count - 1
      let unitText = chosen.row.text("UnitOfMeasure")
      let priceText = chosen.row.text("UnitPrice")
      let note = "\(source.url ?? sheet.file) line \(chosen.row.line): \(priceText) per \(unitText)"
      rates.append(
        Rate(
          meter: meter, price: Money(perUnit, currency: sheet.currency),
          provenance: Provenance(sourceID: source.id, date: source.date, confidence: .customer, note: note),
          location: FileLocation(file: sheet.file, line: chosen.row.line, column: 1)))
      converted.append(
        "  \(meter.displayName): \(perUnit.plainDescription) per \(meter.unit.shortName) (line \(chosen.row.line): \(priceText) per \(unitText))"
      )
      if let warning = listCheck(meter, perUnit: perUnit, chosen: chosen, base: base, file: sheet.file) {
        warnings.append(warning)
      }
      if let included = Decimal(plain: chosen.row.text("IncludedQuantity")), included > 0 {
        warnings.append(
          Diagnostic(
            .warning,
            "\(meter.displayName): the sheet includes \(included.plainDescription) free (IncludedQuantity, in '\(unitText)' blocks), which ercalc does not deduct: amounts may be too high by up to \(included.plainDescription) × \(priceText) a month",
            location: chosen.row.location(of: "IncludedQuantity", file: sheet.file)))
      }
    }
    guard !rates.isEmpty else {
      // An override of nothing would be written and used as if the sheet had been applied.
      throw Diagnostic(
        .error,
        "no price of the sheet is in force on \(priceDate) (its ExpressRoute rows start from \(candidates.map(\.start).min() ?? latestStart)); expected a price date within the sheet's effective dates",
        file: sheet.file)
    }
    log.insert(
      "read \(sheet.rowCount) rows of the \(sheet.agreement.rawValue) price sheet (\(holder(sheet)), \(sheet.currency)): \(rates.count) meter\(rates.count == 1 ? "" : "s") priced as of \(priceDate), \(skipped) row\(skipped == 1 ? "" : "s") skipped (other price types or terms, other gateway regions, not in force, superseded)",
      at: 0)
    log += converted
    if !otherBandwidth.isEmpty {
      log.append(
        "\(otherBandwidth.count) Bandwidth row\(otherBandwidth.count == 1 ? " was" : "s were") not read as internet egress and left out:"
      )
      log += otherBandwidth.map { "  \($0)" }
    }
    if !unrecognized.isEmpty {
      log.append(
        "\(unrecognized.count) ExpressRoute row\(unrecognized.count == 1 ? " was" : "s were") not recognised and left out:"
      )
      log += unrecognized.map { "  \($0)" }
    }
    return Result(rates: rates, source: source, priceDate: priceDate, log: log, warnings: warnings)
  }

  /// The source's title: agreement, account, export date and currency.
  func title(_ sheet: PriceSheet, _ date: String) -> String {
    let who = holder(sheet)
    let when = exportDate.map { "exported \($0)" } ?? "latest price start \(date), export date not given"
    return "\(sheet.agreement.rawValue) price sheet, \(who), \(when), \(sheet.currency)"
  }

  /// Whose sheet it is: `enrollment 87654321`, `billing account Contoso, billing profile Contoso EU`.
  func holder(_ sheet: PriceSheet) -> String {
    switch sheet.agreement {
    case .ea: return sheet.account.isEmpty ? "enrollment not stated" : "enrollment \(sheet.account)"
    case .mca:
      let account = sheet.accountName ?? (sheet.account.isEmpty ? "not stated" : sheet.account)
      return "billing account \(account)" + (sheet.billingProfile.map { ", billing profile \($0)" } ?? "")
    }
  }

  /// The one gateway region to keep, or `nil` when the sheet prices no gateway.
  func chooseGatewayRegion(_ regions: [String], file: String) throws(Diagnostic) -> String? {
    if let gatewayRegion { return gatewayRegion }
    guard regions.count > 1 else { return regions.first }
    throw Diagnostic(
      .error,
      "the sheet prices gateways in \(regions.count) regions (\(regions.prefix(8).joined(separator: ", "))\(regions.count > 8 ? ", …" : "")); choose one",
      file: file, remedy: .gatewayRegion)
  }

  /// The warning for a price 10× the list price or more, or a tenth or less.
  func listCheck(_ meter: Meter, perUnit: Decimal, chosen: Candidate, base: RateTable, file: String) -> Diagnostic? {
    guard let list = base.rate(for: meter)?.price?.amount, list > 0 else { return nil }
    let ratio = perUnit / list
    guard ratio >= 10 || ratio <= Decimal(1) / 10 else { return nil }
    let comparison: String
    if perUnit.isZero {
      comparison = "0, against the list price \(list.plainDescription)"
    } else if ratio >= 10 {
      comparison =
        "\(ratio.rounded(toPlaces: 1, rule: .toNearestOrEven).plainDescription)× the list price \(list.plainDescription)"
    } else {
      comparison =
        "1/\((1 / ratio).rounded(toPlaces: 1, rule: .toNearestOrEven).plainDescription) of the list price \(list.plainDescription)"
    }
    return Diagnostic(
      .warning,
      "\(meter.displayName): \(perUnit.plainDescription) per \(meter.unit.shortName) is \(comparison) (UnitPrice \(chosen.row.text("UnitPrice")) per '\(chosen.row.text("UnitOfMeasure"))'): almost always a unit mistake, check the row",
      location: chosen.row.location(of: "UnitOfMeasure", file: file))
  }
}
