import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Reading Azure cost exports into a ledger: FOCUS 1.0, 1.0r2 and 1.2 (`FocusCost`, and ercalc's own FOCUS
/// CSV), and EA/MCA actual or amortised cost details (`ActualCost`, `AmortizedCost`, PascalCase or camelCase headers).
///
/// Rows are streamed (``BillingCSVScanner``) and only the ExpressRoute-related ones are kept and summed
/// (``isExpressRoute(resourceId:meter:service:)``, or a resource the caller knows). Which column gives what:
///
/// | | FOCUS | cost details |
/// |---|---|---|
/// | resource | `ResourceId` | `ResourceId` (`InstanceName`) |
/// | meter | `x_SkuMeterName`, `SkuMeter` (1.2), ercalc's `SkuId` | `MeterName` |
/// | month | `ChargePeriodStart` | `Date` (`UsageDateTime`) |
/// | quantity | `ConsumedQuantity`, else `PricingQuantity` × `x_PricingBlockSize` | `Quantity` × the `UnitOfMeasure` block (`10 GB`) |
/// | cost | `BilledCost` (`EffectiveCost` when amortised) | `CostInBillingCurrency` (`Cost`, `PreTaxCost`) |
/// | currency | `BillingCurrency` | `BillingCurrency` (`BillingCurrencyCode`, `Currency`) |
///
/// Dates are ISO (`2026-01-01`, `2026-01-01T00:00:00Z`, `2026-01-01 00:00:00`) or US (`01/31/2026`). The literal
/// `NULL` is an empty cell. A kept row whose cost is empty, `NULL` or not a number is an error at its cell, never 0.
extension BillingLedger {
  /// Reads the export at `path` (named `file` in messages) into `ledger`.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - file: its name in messages.
  ///   - ledger: where the kept rows are summed.
  ///   - amortised: whether FOCUS rows are summed by `EffectiveCost` (amortised) rather than `BilledCost`.
  ///   - known: the estate's resource IDs, lower-cased (their rows are kept whatever their meter).
  /// - Throws: ``Diagnostic`` at `file:line:column` for a malformed row, a header that is neither FOCUS nor cost
  ///   details, a gzip/Parquet/zip file, an unknown or mixed currency.
  public static func read(
    path: String, file: String, into ledger: inout BillingLedger, amortised: Bool = false,
    known: Set<String> = []
  ) throws(Diagnostic) {
    let knownBytes = Set(known.map { Array($0.utf8) })
    var screen: [UInt8] = []
    var idBytes: [UInt8] = []
    var scanner = try BillingCSVScanner(path: path, file: file)
    guard let header = try scanner.next() else {
      throw Diagnostic(.error, "the export is empty (no header row)", location: FileLocation(file: file, line: 1))
    }
    let layout = try Layout(header: header, file: file, amortised: amortised)
    ledger.exports.append(BillingLedger.Export(file: file, format: layout.format))
    if let id = layout.resourceId {
      scanner.screen(
        BillingScreen(
          fieldCount: header.count, idColumn: id, wordColumns: [id] + layout.meter + layout.service, known: knownBytes))
    }
    while try scanner.nextRecord() {
      ledger.rowsRead += 1
      let line = scanner.recordLine
      func at(_ column: Int) -> FileLocation {
        guard column < scanner.fieldColumns.count, column < scanner.fieldLines.count else {
          return FileLocation(file: file, line: line, column: 1)
        }
        return FileLocation(file: file, line: scanner.fieldLines[column], column: scanner.fieldColumns[column])
      }
      guard scanner.fieldCount == header.count else {
        throw Diagnostic(
          .error, "the row has \(scanner.fieldCount) fields, the header \(header.count)",
          location: FileLocation(file: file, line: line, column: 1))
      }
      // A cheap look at the raw bytes first (most rows of a tenant's export are other services): the row goes on
      // only when its ID, meter or service mentions ExpressRoute, or its ID is the estate's.
      idBytes.removeAll(keepingCapacity: true)
      if let column = layout.resourceId { scanner.appendLowercased(column, to: &idBytes) }
      screen.removeAll(keepingCapacity: true)
      screen.append(contentsOf: idBytes)
      for column in layout.meter + layout.service {
        screen.append(0)
        scanner.appendLowercased(column, to: &screen)
      }
      guard Self.mentionsExpressRoute(screen) || knownBytes.contains(idBytes) else { continue }
      func cell(_ column: Int?) -> String {
        guard let column else { return "" }
        let text = scanner.field(column).trimmedOfWhitespace()
        return text == "NULL" ? "" : text
      }
      let resourceId = cell(layout.resourceId)
      let meter = layout.meter.lazy.map { cell($0) }.first { !$0.isEmpty } ?? ""
      let service = layout.service.map { cell($0) }.joined(separator: " ")
      guard
        known.contains(AzureResourceReference(id: resourceId).identity)
          || isExpressRoute(resourceId: resourceId, meter: meter, service: service)
      else { continue }
      if let status = layout.status, cell(status) == "unpriced" {
        ledger.unpricedRowsSkipped += 1
        continue
      }
      guard !meter.isEmpty else {
        throw Diagnostic(
          .error, "the row has no meter name (\(layout.meterNames))", location: at(layout.meter.first ?? 0))
      }
      let dateText = cell(layout.date)
      guard let month = month(of: dateText) else {
        throw Diagnostic(
          .error,
          "'\(dateText)' in \(header[layout.date]) is not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)",
          location: at(layout.date))
      }
      let costText = cell(layout.cost)
      guard let cost = number(costText) else {
        throw Diagnostic(
          .error,
          costText.isEmpty
            ? "\(header[layout.cost]) is empty or NULL on an ExpressRoute row; ercalc does not read a missing cost as 0"
            : "'\(costText)' in \(header[layout.cost]) is not a number",
          location: at(layout.cost))
      }
      var quantity: Decimal?
      var quantityColumn: Int?
      for column in layout.quantity where quantity == nil {
        let text = cell(column)
        if text.isEmpty { continue }
        guard let value = number(text) else {
          throw Diagnostic(.error, "'\(text)' in \(header[column]) is not a number", location: at(column))
        }
        quantity = value
        quantityColumn = column
      }
      if let column = layout.unitOfMeasure {
        quantity = try quantityInBaseUnits(quantity, unit: cell(column), column: header[column], at: at(column))
      }
      if let quantityColumn,
        let column = quantityColumn == layout.pricingQuantity ? layout.pricingUnit : layout.consumedUnit
      {
        quantity = try quantityInEstimateUnits(
          quantity, focusUnit: cell(column), column: header[column], at: at(column),
          blocksCounted: quantityColumn == layout.pricingQuantity)
      }
      if let column = layout.pricingBlockSize, quantityColumn != nil, quantityColumn == layout.pricingQuantity {
        quantity = try quantityInBaseUnits(quantity, blockSize: cell(column), column: header[column], at: at(column))
      }
      let currencyText = cell(layout.currency)
      guard let currency = CurrencyCode(currencyText.uppercased()), currencyText.count == 3 else {
        throw Diagnostic(
          .error,
          currencyText.isEmpty
            ? "\(header[layout.currency]) is empty: the row's currency is unknown"
            : "'\(currencyText)' in \(header[layout.currency]) is not an ISO 4217 currency code",
          location: at(layout.currency))
      }
      ledger.rowsKept += 1
      try ledger.add(
        resourceId: resourceId, meter: meter, resourceType: cell(layout.resourceType), month: month,
        period: Self.chargeInstant(of: dateText) ?? dateText, quantity: quantity, cost: cost, currency: currency,
        at: FileLocation(file: file, line: line), currencyAt: at(layout.currency))
    }
    ledger.rowsRead += scanner.rowsScreenedOut
  }

  /// Whether a row is ExpressRoute-related by its resource ID (circuits, Direct ports, Virtual WAN ExpressRoute
  /// gateways, Traffic Collectors), its meter (`ErGw…` gateways, `ExpressRoute …` units, Global Reach, Traffic
  /// Collector) or its
  /// service or meter category (`ExpressRoute`).
  public static func isExpressRoute(resourceId: String, meter: String, service: String) -> Bool {
    let id = resourceId.lowercased()
    for type in [
      "/microsoft.network/expressroutecircuits/", "/microsoft.network/expressrouteports/",
      "/microsoft.network/expressroutegateways/", "/microsoft.networkfunction/azuretrafficcollectors/",
    ] where id.contains(type) {
      return true
    }
    let meterName = meter.lowercased()
    if meterName.hasPrefix("ergw") || meterName.contains("expressroute") || meterName.contains("global reach")
      || meterName.contains("traffic collector")
    {
      return true
    }
    return service.lowercased().contains("expressroute")
  }

  /// The lower-cased words ``isExpressRoute(resourceId:meter:service:)`` looks for.
  static let expressRouteWords = [
    "expressroute", "ergw", "global reach", "traffic collector", "azuretrafficcollectors",
  ]
  .map { Array($0.utf8) }

  /// Whether lower-cased `bytes` contain a word of ``expressRouteWords`` (a superset of what
  /// ``isExpressRoute(resourceId:meter:service:)`` keeps, so it only screens).
  static func mentionsExpressRoute(_ bytes: [UInt8]) -> Bool {
    for word in expressRouteWords {
      guard let first = word.first, bytes.count >= word.count else { continue }
      var index = 0
      let last = bytes.count - word.count
      while index <= last {
        if bytes[index] == first {
          var offset = 1
          while offset < word.count && bytes[index + offset] == word[offset] { offset += 1 }
          if offset == word.count { return true }
        }
        index += 1
      }
    }
    return false
  }

  /// A number as exports write it: plain (`436`, `-0.25`) or, as some cost-details files do for tiny amounts, in
  /// exponent notation (`4.88E-05`); `nil` for anything else.
  public static func number(_ text: String) -> Decimal? {
    if let plain = Decimal(strict: text) { return plain }
    let parts = text.split(whereSeparator: { $0 == "E" || $0 == "e" })
    guard parts.count == 2, let mantissa = Decimal(strict: parts[0]), let exponent = Int(parts[1]),
      (-40...40).contains(exponent)
    else { return nil }
    var value = mantissa
    for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
    return value
  }

  /// The month of `2026-01-31`, `2026-01-31T00:00:00Z`, `2026-01-31 00:00:00` or `01/31/2026`; `nil` otherwise.
  public static func month(of text: String) -> MonthKey? {
    civilDate(of: text).map { MonthKey(year: $0.year, month: $0.month) }
  }

  /// `text`'s day and time of day as one spelling (`2026-10-15T00:00`), whichever way the export wrote it
  /// (`2026-10-15T00:00Z`, `2026-10-15 00:00:00`, `10/15/2026`): two exports' rows are the same charge period only
  /// if these are equal. Seconds and zones are not kept (exports write whole hours in UTC).
  static func chargeInstant(of text: String) -> String? {
    guard let date = civilDate(of: text) else { return nil }
    let two = CivilCalendar.two
    return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(date.hour)):\(two(date.minute))"
  }

  /// The calendar date (and the hour and minute after it, 0 when absent) of the spellings ``month(of:)`` reads; `nil`
  /// for a day the month does not have (`2026-09-31`, `02/30/2027`).
  static func civilDate(of text: String) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int)? {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    /// `HH:MM` at `offset` (after `T` or a space), 0:00 when there is none; `nil` for a time of day no day has
    /// (`25:00`, `23:61`).
    func time(at offset: Int) -> (Int, Int)? {
      guard offset + 5 <= bytes.count, bytes[offset + 2] == UInt8(ascii: ":"), let hour = number(offset..<offset + 2),
        let minute = number(offset + 3..<offset + 5)
      else { return (0, 0) }
      return hour < 24 && minute < 60 ? (hour, minute) : nil
    }
    if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
    {
      guard let (hour, minute) = time(at: 11) else { return nil }
      return (year, month, day, hour, minute)
    }
    // US dates: M/D/YYYY or MM/DD/YYYY, optionally followed by a time.
    let pieces = text.split(separator: " ", maxSplits: 1)
    let datePart = pieces.first.map(String.init) ?? text
    let parts = datePart.split(separator: "/")
    if parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
      parts[2].count == 4, (1...12).contains(month),
      (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
    {
      // `12:00 AM` is midnight, `1:00 PM` is 13:00 (US exports write a 12-hour clock).
      let timeText = pieces.count > 1 ? String(pieces[1]).uppercased() : ""
      let clock = timeText.split(whereSeparator: { $0 == ":" || $0 == " " })
      var hour = clock.count >= 2 ? Int(clock[0]) ?? 0 : 0
      let minute = clock.count >= 2 ? Int(clock[1]) ?? 0 : 0
      if timeText.hasSuffix("PM"), hour < 12 { hour += 12 }
      if timeText.hasSuffix("AM"), hour == 12 { hour = 0 }
      guard hour < 24, minute < 60 else { return nil }
      return (year, month, day, hour, minute)
    }
    return nil
  }
}
