import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension PriceSheetImporter {
  /// The meters, unit, price and dates of `row` (one row may price both directions of Global Reach), or `nil` when
  /// it names no meter ercalc prices.
  ///
  /// - Throws: ``Diagnostic`` at the field for an unknown unit of measure, a price or date that does not parse, a
  ///   unit that does not fit the meter, and tiers on a meter the rate table prices without tiers.
  func candidates(_ row: PriceSheet.Row, sheet: PriceSheet) throws(Diagnostic) -> [Candidate]? {
    func location(_ column: String) -> FileLocation { row.location(of: column, file: sheet.file) }
    let unitText = row.text("UnitOfMeasure")
    let tierText = row.text("TierMinimumUnits")
    var tier: Decimal = 0
    if !tierText.isEmpty {
      guard let value = Decimal(plain: tierText) ?? Decimal(jsonNumber: tierText), value >= 0 else {
        throw Diagnostic(
          .error, "'\(tierText)' in TierMinimumUnits is not a number (expected 0 or more, such as 0 or 5120)",
          location: location("TierMinimumUnits"))
      }
      tier = value
    }
    let unit = PriceSheetUnit(unitText)
    // Internet egress rows come in the Retail Prices API's shape (Product 'Rtn Preference: MGN', an ARM region) or
    // in the EA shape (Product 'Rtn Preference: MGN - Standard Data Transfer Out - …', a region group).
    let egress = Self.category(of: row) == "Bandwidth" ? internetEgressShape(row) : nil
    // Classify as the Retail Prices API item the row corresponds to (a price per base unit).
    var item = RetailPriceItem(
      currencyCode: sheet.currency.rawValue, retailPrice: 0,
      armRegionName: egress?.region ?? row.text("MeterRegion"),
      meterName: row.text("MeterName"), productName: egress?.product ?? row.text("Product"), skuName: "",
      serviceName: Self.category(of: row) ?? "", unitOfMeasure: unit?.baseText ?? unitText, type: "Consumption",
      effectiveDate: nil, effectiveEndDate: nil, tierMinimumUnits: tier.isWholeNumber ? tier : 0,
      location: FileLocation(file: sheet.file, line: row.line, column: 1))
    var classification = retail.classify(item)
    if case .unrecognized = classification, item.serviceName != "Bandwidth" {
      // The unit may be what kept the row from being recognised: try each base unit to name the meter.
      for base in [Meter.PricingUnit.gigabyte, .hour, .month] {
        item.unitOfMeasure = base.rawValue
        if case .meter(let meter) = retail.classify(item) {
          classification = .meter(meter)
          break
        }
      }
    }
    let meters: [Meter]
    switch classification {
    case .meter(let meter): meters = [meter]
    case .meters(let list): meters = list
    case .unrecognized: return nil
    }
    guard let meter = meters.first else { return nil }
    guard let unit else {
      throw Diagnostic(
        .error,
        "unknown unit of measure '\(unitText)' for \(meter.displayName) (expected a block of GB, hours or months, such as '10 GB', '100 Hours' or '1/Month')",
        location: location("UnitOfMeasure"))
    }
    guard meter.unit == unit.unit else {
      throw Diagnostic(
        .error,
        "'\(unitText)' does not fit \(meter.displayName), which is priced per \(meter.unit.shortName) (expected a block of \(meter.unit.shortName == "GB" ? "GB" : meter.unit.shortName + "s"))",
        location: location("UnitOfMeasure"))
    }
    if tier != 0 {
      guard case .internetEgress = meter else {
        throw Diagnostic(
          .error,
          "\(meter.displayName) is priced in tiers in the sheet (this row from \(tier.plainDescription) \(unit.unit.shortName)), but ercalc prices it with one rate: only internet egress has tiers in a rate table (give this meter's price in an override file instead)",
          location: location("TierMinimumUnits"))
      }
      guard unit.blockSize == 1, tier.isWholeNumber else {
        throw Diagnostic(
          .error,
          "a tier from \(tier.plainDescription) with prices per '\(unitText)': ercalc cannot tell whether the tier counts GB or blocks (expected tiers with the unit '1 GB')",
          location: location("TierMinimumUnits"))
      }
    }
    let priceText = row.text("UnitPrice")
    guard !priceText.isEmpty else {
      throw Diagnostic(
        .error,
        "no UnitPrice for \(meter.displayName) (a row without a price is refused, never read as 0; remove the row or give its price)",
        location: location("UnitPrice"))
    }
    guard let blockPrice = Decimal(plain: priceText) ?? Decimal(jsonNumber: priceText), blockPrice >= 0 else {
      throw Diagnostic(
        .error, "'\(priceText)' in UnitPrice is not a price (expected a number such as 0.20 or 4500)",
        location: location("UnitPrice"))
    }
    guard let start = try Self.date(row.text("EffectiveStartDate"), at: location("EffectiveStartDate")) else {
      throw Diagnostic(
        .error, "no EffectiveStartDate (expected the date the price starts, such as 2026-11-01)",
        location: location("EffectiveStartDate"))
    }
    let end = try Self.date(row.text("EffectiveEndDate"), at: location("EffectiveEndDate"))
    if let end, end < start {
      throw Diagnostic(
        .error, "the price ends on \(end), before it starts on \(start)", location: location("EffectiveEndDate"))
    }
    return meters.map { Candidate(meter: $0, row: row, unit: unit, blockPrice: blockPrice, start: start, end: end) }
  }

  /// Whether the importer reads `row` at all (its `MeterCategory` is one of ``category(of:)``'s): what a sheet needs to
  /// keep.
  package static func reads(_ row: PriceSheet.Row) -> Bool { category(of: row) != nil }

  /// The row's `MeterCategory` as the Retail Prices API spells the service (`ExpressRoute`, `VPN Gateway`,
  /// `Bandwidth`), matched ignoring case; `nil` for any other service.
  package static func category(of row: PriceSheet.Row) -> String? {
    let text = row.text("MeterCategory").lowercased()
    return ["ExpressRoute", "VPN Gateway", "Bandwidth"].first { $0.lowercased() == text }
  }

  /// A date of the sheet as `YYYY-MM-DD`: ISO 8601 (`2026-11-01`, `2026-11-01T00:00:00Z`) or US
  /// (`11/01/2026`, `11/1/2026 12:00:00 AM`); `nil` for an empty field.
  static func date(_ text: String, at location: FileLocation) throws(Diagnostic) -> String? {
    guard !text.isEmpty else { return nil }
    let day = String(text.prefix(10))
    if isISODate(day), text.count == 10 || ["T", " "].contains(text.dropFirst(10).first) { return day }
    if let match = text.firstMatch(of: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$| )/) {
      let month = match.1.count == 1 ? "0\(match.1)" : String(match.1)
      let dayOfMonth = match.2.count == 1 ? "0\(match.2)" : String(match.2)
      let iso = "\(match.3)-\(month)-\(dayOfMonth)"
      if isISODate(iso) { return iso }
    }
    throw Diagnostic(
      .error, "'\(text)' is not a date (expected 2026-11-01, 2026-11-01T00:00:00Z or 11/01/2026)", location: location)
  }
}

extension RetailPriceItem {
  /// An item built from another source's fields (a price sheet row), for the classification of meter names.
  init(
    currencyCode: String, retailPrice: Decimal, armRegionName: String, meterName: String, productName: String,
    skuName: String, serviceName: String, unitOfMeasure: String, type: String, effectiveDate: String?,
    effectiveEndDate: String?, tierMinimumUnits: Decimal, location: FileLocation
  ) {
    self.currencyCode = currencyCode
    self.retailPrice = retailPrice
    self.armRegionName = armRegionName
    self.meterName = meterName
    self.productName = productName
    self.skuName = skuName
    self.serviceName = serviceName
    self.unitOfMeasure = unitOfMeasure
    self.type = type
    self.effectiveDate = effectiveDate
    self.effectiveEndDate = effectiveEndDate
    self.tierMinimumUnits = tierMinimumUnits
    self.location = location
  }
}
