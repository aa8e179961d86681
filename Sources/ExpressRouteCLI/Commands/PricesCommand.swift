import ExpressRouteCalculator
import Foundation

/// `ercalc prices show|validate|locations|breakeven|import|fetch`: inspect, check and refresh rate tables.
enum PricesCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    let files = arguments.positionals["files"] ?? []
    let input = InputFile(arguments)
    if ["show", "locations", "fetch", "breakeven"].contains(action), let file = files.first {
      throw UsageError(
        "Unexpected argument '\(file)'" + (action == "show" ? " (use --prices FILE to show a file)" : ""))
    }
    switch action {
    case "show":
      let (engine, file) = (
        try PricingOptions.engine(arguments),
        arguments.value("prices") ?? "built-in (PriceTables/expressroute-usd.json)"
      )
      guard let asOf = try sourcesAsOf(arguments) else {
        try OutputOptions.emit(RateTableReport(table: engine.rates, file: file), arguments, context: &context)
        return .success
      }
      try OutputOptions.emit(
        RateSourcesReport(table: engine.rates, file: file, asOf: asOf), arguments, context: &context)
    case "validate" where files.isEmpty:
      let engine = try PricingOptions.engine(arguments)
      context.output += try PriceTableValidation.validate(
        engine.rates, file: arguments.value("prices") ?? "built-in table", warnings: &context.warnings)
      context.output += try PriceTableValidation.validate(
        engine.locations, file: arguments.value("locations") ?? "built-in location catalogue",
        warnings: &context.warnings)
    case "validate":
      for file in files {
        context.output += try PriceTableValidation.validate(
          try input.readJSON(file), file: file, overrides: arguments.values["overrides"] ?? [], read: input.readJSON,
          warnings: &context.warnings)
      }
    case "locations":
      try OutputOptions.emit(
        LocationReport(catalog: try PricingOptions.engine(arguments).locations), arguments, context: &context)
    case "import":
      guard !files.isEmpty else {
        throw UsageError("Missing expected argument '<files>' (Retail Prices API page files to import)")
      }
      let pages = try files.map { file in try RetailPricePage(json: try input.readJSON(file), file: file) }
      try write(try refresh(arguments).run(pages: pages), arguments, context: &context)
    case "fetch":
      guard arguments.value("output") != nil else {
        throw UsageError("Missing expected option '--output <file>' (where to write the fetched table)")
      }
      let fetcher = RetailPriceFetcher(arguments, progress: context.progress)
      let refresh = try refresh(arguments)
      try write(try refresh.run(pages: try fetcher.fetchAll(check: refresh.earlyCheck())), arguments, context: &context)
    case "breakeven":
      let engine = try PricingOptions.engine(arguments)
      let tier = CircuitTier(name: arguments.value("sku") ?? "standard") ?? .standard
      try OutputOptions.emit(
        BreakEvenReport(results: engine.breakEvenMatrix(tier: tier), tier: tier, basis: engine.basis), arguments,
        context: &context)
    default:
      throw unknownAction(action)
    }
    return .success
  }
}
