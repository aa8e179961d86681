import ExpressRouteCore
import Foundation

// What a kept row means once its cells are read: its quantity in the estimate's units, and whether another export
// already billed it.
extension BillingLedger {
  /// Where a row was first seen: the export (its index in ``exports``) and the row's line.
  struct RowOrigin: Hashable, Sendable {
    var export: Int
    var line: Int
  }

  /// Reads the exports at `paths` in order into one ledger (see ``read(path:file:into:amortised:known:)``).
  ///
  /// - Throws: ``Diagnostic``: a path given twice (its rows would be summed twice), and every refusal of
  ///   ``read(path:file:into:amortised:known:)``, including a row another export already billed.
  public static func read(paths: [String], amortised: Bool = false, known: Set<String> = []) throws(Diagnostic)
    -> BillingLedger
  {
    var ledger = BillingLedger()
    var seen: [String: String] = [:]
    for path in paths {
      let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      if let earlier = seen[resolved] {
        throw Diagnostic(
          .error,
          "'\(path)' is given twice\(earlier == path ? "" : " (also as '\(earlier)')"): its rows would be summed twice, doubling the bill; give each export once",
          location: FileLocation(file: path, line: 1, column: 1))
      }
      seen[resolved] = path
      try read(path: path, file: path, into: &ledger, amortised: amortised, known: known)
    }
    return ledger
  }

  /// `quantity` in the units the estimate counts (GB, hours, months): cost details count `Quantity` in blocks of
  /// their `UnitOfMeasure` (``PriceSheetUnit``: 3 of `10 GB` is 30 GB, 7.2 of `100 Hours` is 720 hours); an empty
  /// unit leaves the quantity as it is.
  ///
  /// - Throws: a unit of measure ercalc does not know (`1 TB`, `1/Day`), at its cell: the quantity cannot be compared.
  static func quantityInBaseUnits(_ quantity: Decimal?, unit text: String, column: String, at location: FileLocation)
    throws(Diagnostic) -> Decimal?
  {
    guard !text.isEmpty, let quantity else { return quantity }
    guard let unit = PriceSheetUnit(text) else {
      throw Diagnostic(
        .error,
        "unknown unit of measure '\(text)' in \(column) (expected a block of GB, hours or months, such as '10 GB', '100 Hours' or '1/Month'): the quantity cannot be compared with the estimate's",
        location: location)
    }
    return quantity * unit.blockSize
  }

  /// `quantity` in the units the estimate counts, by FOCUS's `ConsumedUnit` or `PricingUnit`: a block of GB, hours
  /// or months (``PriceSheetUnit``: `10 GB` counts ten GB; only for `ConsumedQuantity`, since `PricingQuantity`'s
  /// blocks are `x_PricingBlockSize`'s), or one of the distinct units Microsoft's exports write for the meters
  /// ercalc estimates (``focusUnits``: `GB`, `Hours`, `Months`, `Units/Month`, …), as it is.
  ///
  /// - Throws: any other unit (`TB`, `31 Days`, `GiB`), at its cell: read as GB or hours it would be off by its
  ///   size (1,000 times for TB, or 1,024: the export does not say), so it is refused rather than guessed.
  static func quantityInEstimateUnits(
    _ quantity: Decimal?, focusUnit text: String, column: String, at location: FileLocation, blocksCounted: Bool
  ) throws(Diagnostic) -> Decimal? {
    guard let quantity, !text.isEmpty else { return quantity }
    if let unit = PriceSheetUnit(text) { return blocksCounted ? quantity : quantity * unit.blockSize }
    guard focusUnits.contains(text.trimmedOfWhitespace().lowercased()) else {
      throw Diagnostic(
        .error,
        "unknown unit '\(text)' in \(column) (expected GB, Hours, Months, Units/Month or Units/Hour, or a block of GB, hours or months such as '10 GB' or '100 Hours'): the quantity cannot be compared with the estimate's",
        location: location)
    }
    return quantity
  }

  /// The distinct units (finops-toolkit `PricingUnits.csv`, column `DistinctUnits`) of the meters ercalc estimates,
  /// lowercased: outbound data in GB, gateways and hourly units in hours, circuits and ports in months.
  static let focusUnits: Set<String> = [
    "gb", "hours", "hour", "months", "month", "units", "unit", "units/month", "units/hour",
  ]

  /// `quantity` in units when FOCUS gives it as `PricingQuantity`, in blocks of `x_PricingBlockSize` (100 blocks of
  /// 10 GB are 1,000 GB); an empty block size leaves it as it is.
  ///
  /// - Throws: a block size that is not a number above 0, at its cell.
  static func quantityInBaseUnits(
    _ quantity: Decimal?, blockSize text: String, column: String, at location: FileLocation
  ) throws(Diagnostic) -> Decimal? {
    guard !text.isEmpty, let quantity else { return quantity }
    guard let size = number(text), size > 0 else {
      throw Diagnostic(
        .error,
        "'\(text)' in \(column) is not a block size (expected a number above 0, such as 1, 10 or 100): PricingQuantity cannot be turned into units",
        location: location)
    }
    return quantity * size
  }

  /// Refuses a row that another export already billed: the same resource, meter, charge period, quantity and
  /// cost seen in an earlier export (the same export under another name, or exports covering the same days), which
  /// summed would double the bill. Rows repeated within one export are kept (an export may split a day's charge).
  mutating func checkOverlap(
    _ key: Key, period: String, quantity: Decimal?, cost: Decimal, at location: Diagnostic.FileLocation
  ) throws(Diagnostic) {
    var hasher = Hasher()
    hasher.combine(key)
    hasher.combine(period)
    hasher.combine(quantity)
    hasher.combine(cost)
    let fingerprint = hasher.finalize()
    let export = exports.count - 1
    guard let origin = rowOrigins[fingerprint] else {
      rowOrigins[fingerprint] = RowOrigin(export: export, line: location.line)
      return
    }
    guard origin.export != export, exports.indices.contains(origin.export) else { return }
    let first = exports[origin.export].file
    throw Diagnostic(
      .error,
      "this row repeats \(first):\(origin.line) (same resource, meter, charge period \(period), quantity and cost \(cost.plainDescription)): '\(first)' and '\(location.file)' overlap (the same export under two names, or two exports covering the same days), and summing them would double the bill; give each charge period in one export only",
      location: FileLocation(file: location.file, line: location.line, column: 1))
  }
}
