import ExpressRouteCalculator
import Foundation

extension PricesCommand {
  /// `prices import SHEET.csv`: the customer's price sheet as an override file (or, with `--complete-table`, a
  /// complete table), written to `--output`; what was read on standard error, with a warning for each price far
  /// from the list price.
  static func importSheet(
    _ sheetFile: String, files: [String], input: InputFile, _ arguments: ParsedArguments,
    context: inout CommandContext
  ) throws {
    guard files.count == 1 else {
      throw UsageError(
        "'\(sheetFile)' is a price sheet: import one price sheet at a time, without Retail Prices API pages (got \(files.count) files)"
      )
    }
    for name in ["as-of", "export-date"] {
      if let value = arguments.value(name), !PriceSource.isDate(value) {
        throw UsageError(
          "Invalid value '\(value)' for '--\(name) <yyyy-mm-dd>' (expected a date such as 2026-11-01)")
      }
    }
    if arguments.flag("sources") { throw UsageError("'--sources' goes with 'prices show'") }
    let sheet = try PriceSheet(
      data: try input.readBytes(sheetFile), file: sheetFile, keep: PriceSheetImporter.reads)
    let run = PriceSheetImport(
      engine: try PricingOptions.engine(arguments), gatewayRegion: arguments.value("gateway-region"),
      asOf: arguments.value("as-of"), exportDate: arguments.value("export-date"),
      completeTable: arguments.flag("complete-table"))
    let result = try run.run(sheet: sheet)
    context.warnings += result.log + result.warnings.map(\.description)
    try OutputOptions.write(result.text, arguments, context: &context)
  }

  /// Refuses the price-sheet-only option on an import of Retail Prices API pages, where they mean nothing.
  static func rejectSheetOptions(_ arguments: ParsedArguments) throws {
    if arguments.flag("complete-table") {
      throw UsageError("'--complete-table' goes with a price sheet (CSV); importing API pages always makes a table")
    }
  }
}
