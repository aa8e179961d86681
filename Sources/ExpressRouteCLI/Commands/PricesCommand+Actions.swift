import ExpressRouteCalculator
import Foundation

extension PricesCommand {
  /// `prices show`: the rate table, or with `--sources-as-of` its sources.
  static func show(_ arguments: ParsedArguments, context: inout CommandContext) throws {
    let (engine, file) = (
      try PricingOptions.engine(arguments),
      arguments.value("prices") ?? "built-in (PriceTables/expressroute-usd.json)"
    )
    guard let asOf = try sourcesAsOf(arguments) else {
      try OutputOptions.emit(RateTableReport(table: engine.rates, file: file), arguments, context: &context)
      return
    }
    try OutputOptions.emit(
      RateSourcesReport(table: engine.rates, file: file, asOf: asOf), arguments, context: &context)
  }

  /// `prices validate [files]`: the given files, or without any the tables in use.
  static func validate(
    _ files: [String], input: InputFile, _ arguments: ParsedArguments, context: inout CommandContext
  ) throws {
    guard !files.isEmpty else {
      let engine = try PricingOptions.engine(arguments)
      context.output += try PriceTableValidation.validate(
        engine.rates, file: arguments.value("prices") ?? "built-in table", warnings: &context.warnings)
      context.output += try PriceTableValidation.validate(
        engine.locations, file: arguments.value("locations") ?? "built-in location catalogue",
        warnings: &context.warnings)
      return
    }
    for file in files {
      context.output += try PriceTableValidation.validate(
        try input.readJSON(file), file: file, overrides: arguments.values["overrides"] ?? [], read: input.readJSON,
        warnings: &context.warnings)
    }
  }
}
