import ExpressRouteCalculator

/// `ercalc prices show|validate|locations`: inspect and check rate tables.
enum PricesCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc prices",
    abstract: "Show or validate a rate table, or list peering locations.",
    discussion: """
      Actions:
        show        Print the rate table in use (built-in unless --prices), with sources, dates and what is unpriced.
        validate    Check rate table files (and --overrides) strictly; print one line per file.
        locations   List peering locations with zone, local regions and geopolitical region.
        breakeven   Metered-vs-unlimited break-even for every size and zone (--sku standard or premium).
      """,
    arguments: [
      ArgumentSpec("action", help: "show, validate, locations or breakeven."),
      ArgumentSpec("files", help: "For validate: rate table files (default: the built-in table).", isOptional: true, isRepeating: true),
    ],
    options: [.option("sku", value: "tier", help: "Tier for breakeven.", allowed: ["standard", "premium"], default: "standard")]
      + PricingOptions.specs + OutputOptions.specs)

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    let files = arguments.positionals["files"] ?? []
    switch action {
    case "show":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])' (use --prices FILE to show a file)") }
      let engine = try PricingOptions.engine(arguments)
      try OutputOptions.emit(RateTableReport(table: engine.rates, file: arguments.value("prices") ?? "built-in (PriceTables/expressroute-usd.json)"), arguments, context: &context)
      return .success
    case "validate":
      if files.isEmpty {
        let engine = try PricingOptions.engine(arguments)
        context.output += summary(engine.rates, file: arguments.value("prices") ?? "built-in table")
        return .success
      }
      for file in files {
        var table = try RateTable(json: try readInput(file), file: file)
        for path in arguments.values["overrides"] ?? [] {
          try table.apply(overrideJSON: try readInput(path), file: path)
        }
        context.output += summary(table, file: file)
      }
      return .success
    case "locations":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])'") }
      let engine = try PricingOptions.engine(arguments)
      try OutputOptions.emit(LocationReport(catalog: engine.locations), arguments, context: &context)
      return .success
    case "breakeven":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])'") }
      let engine = try PricingOptions.engine(arguments)
      let tier = CircuitTier(name: arguments.value("sku") ?? "standard") ?? .standard
      try OutputOptions.emit(BreakEvenReport(engine: engine, tier: tier), arguments, context: &context)
      return .success
    default:
      var message = "Unknown action '\(action)'. Please provide one of 'show', 'validate', 'locations' or 'breakeven'."
      if let near = Suggestion.nearest(to: action, in: ["show", "validate", "locations", "breakeven"]) { message = "Unknown action '\(action)'. Did you mean '\(near)'?" }
      throw UsageError(message)
    }
  }

  static func summary(_ table: RateTable, file: String) -> String {
    let unpriced = table.unpricedRates.count
    return "\(file): ok: \(table.name), \(table.currency), effective \(table.effectiveDate), \(table.rates.count - unpriced) priced rates, \(unpriced) unpriced, \(table.sources.count) sources\n"
  }
}
