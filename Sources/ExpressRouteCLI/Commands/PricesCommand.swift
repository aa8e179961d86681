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
      try show(arguments, context: &context)
    case "validate":
      try validate(files, input: input, arguments, context: &context)
    case "locations":
      try OutputOptions.emit(
        LocationReport(catalog: try PricingOptions.engine(arguments).locations), arguments, context: &context)
    case "import":
      guard !files.isEmpty else {
        throw UsageError(
          "Missing expected argument '<files>' (Retail Prices API page files, or one price sheet CSV, to import)")
      }
      if let sheet = files.first(where: { !input.looksLikeJSON($0) }) {
        try importSheet(sheet, files: files, input: input, arguments, context: &context)
        return .success
      }
      try rejectSheetOptions(arguments)
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
