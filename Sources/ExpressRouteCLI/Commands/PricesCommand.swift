import ExpressRouteCalculator
import Foundation

/// `ercalc prices show|validate|locations`: inspect and check rate tables.
enum PricesCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc prices",
    abstract: "Show, validate, import or fetch rate tables; list peering locations.",
    discussion: """
      Actions:
        show        Print the rate table in use (built-in unless --prices), with sources, dates and what is unpriced; --sources lists every rate with its source, date, age and confidence.
        validate    Check rate table files (and --overrides) and location catalogues strictly, every source traceable and dated; one line per file (with no file: the tables in use, --prices and --locations or built-in).
        locations   List peering locations (zone, local regions, geopolitical region, ER Direct, address, source) and port locations.
        breakeven   Metered-vs-unlimited break-even for every size and zone (--sku standard or premium).
        import      Convert saved Retail Prices API pages (files) into a rate table (--output).
        fetch       Download the Retail Prices API pages and import them (--output).
      A new table that moves any price by more than --max-change or loses a priced meter is refused unless --force.
      """,
    arguments: [
      ArgumentSpec("action", help: "show, validate, locations, breakeven, import or fetch."),
      ArgumentSpec(
        "files", help: "For validate: rate table files (default: the built-in table); for import: API page files.", isOptional: true,
        isRepeating: true),
    ],
    options: [
      .option("sku", value: "tier", help: "Tier for breakeven.", allowed: ["standard", "premium"], default: "standard"),
      .option("gateway-region", value: "region", help: "For import and fetch: the ARM region whose gateway prices to take, such as eastus."),
      .option("currency", value: "code", kind: .currencyCode, help: "For fetch: the currency to ask for, such as EUR.", default: "USD"),
      .option(
        "endpoint", value: "url", kind: .url, help: "For fetch: the Retail Prices API endpoint.",
        default: "https://prices.azure.com/api/retail/prices"),
      .option("timeout", value: "seconds", kind: .count(1...600), help: "For fetch: seconds before a request times out.", default: "30"),
      .option("retries", value: "n", kind: .count(1...10), help: "For fetch: attempts per page.", default: "3"),
      .option(
        "max-change", value: "percent", kind: .percentage, help: "For import and fetch: the largest price move accepted without --force.",
        default: "25%"),
      .flag("force", help: "For import and fetch: write the table even when the refresh guard objects."),
      .flag("sources", help: "For show: list every rate with its source, the source's date, its age and confidence."),
      .option(
        "as-of", value: "yyyy-mm-dd",
        help: "For show --sources: the date source ages are measured to (default: the table's price date, never today)."),
    ] + PricingOptions.specs + OutputOptions.specs)

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    let files = arguments.positionals["files"] ?? []
    let input = InputFile(arguments)
    switch action {
    case "show":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])' (use --prices FILE to show a file)") }
      let engine = try PricingOptions.engine(arguments)
      let file = arguments.value("prices") ?? "built-in (PriceTables/expressroute-usd.json)"
      let asOf = arguments.value("as-of")
      if let asOf, !PriceSource.isDate(asOf) {
        throw UsageError("Invalid value '\(asOf)' for '--as-of <yyyy-mm-dd>' (expected a date such as 2026-07-21)")
      }
      guard arguments.flag("sources") else {
        if asOf != nil { throw UsageError("'--as-of' goes with '--sources'") }
        try OutputOptions.emit(RateTableReport(table: engine.rates, file: file), arguments, context: &context)
        return .success
      }
      try OutputOptions.emit(RateSourcesReport(table: engine.rates, file: file, asOf: asOf), arguments, context: &context)
      return .success
    case "validate":
      if files.isEmpty {
        let engine = try PricingOptions.engine(arguments)
        try requireTraceableSources(engine.rates, context: &context)
        context.output += summary(engine.rates, file: arguments.value("prices") ?? "built-in table")
        try requireTraceableSources(engine.locations, context: &context)
        context.output += summary(engine.locations, file: arguments.value("locations") ?? "built-in location catalogue")
        return .success
      }
      for file in files {
        let data = try input.readJSON(file)
        // A location catalogue given where a rate table is expected is validated as one, by its own rules.
        if LocationCatalog.looksLikeCatalogue(json: data) {
          let catalog = try LocationCatalog(json: data, file: file)
          try requireTraceableSources(catalog, context: &context)
          context.output += summary(catalog, file: file)
          continue
        }
        var table = try RateTable(json: data, file: file)
        for path in arguments.values["overrides"] ?? [] {
          try table.apply(overrideJSON: try input.readJSON(path), file: path)
        }
        try requireTraceableSources(table, context: &context)
        context.output += summary(table, file: file)
      }
      return .success
    case "locations":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])'") }
      let engine = try PricingOptions.engine(arguments)
      try OutputOptions.emit(LocationReport(catalog: engine.locations), arguments, context: &context)
      return .success
    case "import":
      guard !files.isEmpty else { throw UsageError("Missing expected argument '<files>' (Retail Prices API page files to import)") }
      let pages = try files.map { file in try RetailPricePage(json: try input.readJSON(file), file: file) }
      return try importPages(pages, arguments, context: &context)
    case "fetch":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])'") }
      guard arguments.value("output") != nil else { throw UsageError("Missing expected option '--output <file>' (where to write the fetched table)") }
      var fetcher = RetailPriceFetcher(endpoint: arguments.value("endpoint") ?? "https://prices.azure.com/api/retail/prices")
      if let code = arguments.value("currency") { fetcher.currency = code }
      fetcher.timeout = TimeInterval(arguments.count("timeout") ?? 30)
      fetcher.attempts = arguments.count("retries") ?? 3
      if let delay = ProcessInfo.processInfo.environment["ERCALC_RETRY_DELAY"], let seconds = Double(delay) { fetcher.retryDelay = seconds }
      fetcher.progress = context.progress
      let pages = try fetcher.fetchAll(check: try earlyGuard(arguments))
      return try importPages(pages, arguments, context: &context)
    case "breakeven":
      if !files.isEmpty { throw UsageError("Unexpected argument '\(files[0])'") }
      let engine = try PricingOptions.engine(arguments)
      let tier = CircuitTier(name: arguments.value("sku") ?? "standard") ?? .standard
      try OutputOptions.emit(
        BreakEvenReport(results: engine.breakEvenMatrix(tier: tier), tier: tier, basis: engine.basis), arguments, context: &context)
      return .success
    default:
      var message = "Unknown action '\(action)'. Please provide one of 'show', 'validate', 'locations', 'breakeven', 'import' or 'fetch'."
      if let near = Suggestion.nearest(to: action, in: ["show", "validate", "locations", "breakeven", "import", "fetch"]) {
        message = "Unknown action '\(action)'. Did you mean '\(near)'?"
      }
      throw UsageError(message)
    }
  }

  /// The refresh guard applied while pages arrive: a price that already moves by more than
  /// `--max-change` stops the download at once (unless `--force`), instead of after the last page.
  /// Lost meters are judged only at the end, when every page is in.
  static func earlyGuard(_ arguments: ParsedArguments) throws -> ([RetailPricePage]) throws -> Void {
    guard !arguments.flag("force") else { return { _ in } }
    let current = try PricingOptions.engine(arguments).rates
    let importer = RetailPriceImporter(gatewayRegion: arguments.value("gateway-region"), locations: try PricingOptions.engine(arguments).locations)
    let guardian = RefreshGuard(threshold: arguments.fraction("max-change") ?? Decimal(25) / 100)
    return { pages in
      // A partial set of pages may not import yet (for example, gateways in several regions): judge it later.
      guard let (table, _) = try? importer.makeTable(pages: pages, base: current), table.currency == current.currency else { return }
      let moved = guardian.violations(guardian.changes(from: current, to: table)).filter { $0.kind == .changed }
      guard let first = moved.first else { return }
      throw CommandFailure(
        "stopped after page \(pages.count): \(moved.count) price\(moved.count == 1 ? "" : "s") already move\(moved.count == 1 ? "s" : "") by more than --max-change (\(first.description)\(moved.count > 1 ? ", …" : "")); nothing was written; pass --force to accept"
      )
    }
  }

  /// Imports `pages`, checks the result against the current table, and writes it.
  static func importPages(_ pages: [RetailPricePage], _ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let current = try PricingOptions.engine(arguments).rates
    let importer = RetailPriceImporter(gatewayRegion: arguments.value("gateway-region"), locations: try PricingOptions.engine(arguments).locations)
    let (table, summary) = try importer.makeTable(pages: pages, base: current)
    let threshold = arguments.fraction("max-change") ?? Decimal(25) / 100
    var report = [
      "imported \(summary.imported) of \(summary.items) items (\(summary.skipped) skipped: not Consumption, other gateway regions or higher price tiers)"
    ]
    if !summary.unrecognized.isEmpty {
      report.append("\(summary.unrecognized.count) item\(summary.unrecognized.count == 1 ? " was" : "s were") not recognised and left out:")
      report += summary.unrecognized.map { "  \($0)" }
    }
    if !summary.conflicts.isEmpty {
      report.append("\(summary.conflicts.count) conflicting price\(summary.conflicts.count == 1 ? "" : "s"):")
      report += summary.conflicts.map { "  \($0)" }
    }
    let guardian = RefreshGuard(threshold: threshold)
    if table.currency == current.currency {
      let changes = guardian.changes(from: current, to: table)
      let violations = guardian.violations(changes)
      report.append("\(changes.count) change\(changes.count == 1 ? "" : "s") against the current table '\(current.name)'")
      if !violations.isEmpty {
        report.append(
          "the refresh guard objects to \(violations.count) change\(violations.count == 1 ? "" : "s") (over \((threshold * 100).fixedPoint(places: 0))% or a priced meter lost):"
        )
        report += violations.prefix(40).map { "  \($0.description)" }
        if violations.count > 40 { report.append("  … and \(violations.count - 40) more") }
        if !arguments.flag("force") {
          context.warnings += report
          throw CommandFailure(
            "not written: the new table differs too much from the current one; review the changes above and pass --force to accept them")
        }
      }
    } else {
      report.append("the new table is in \(table.currency), the current one in \(current.currency): prices were not compared")
    }
    context.warnings += report
    let text = table.jsonText(notes: "Imported from the Azure Retail Prices API. Meters the pages did not price are marked unpriced.")
    try OutputOptions.write(text, arguments, context: &context)
    return .success
  }

  /// Fails validation on the first source nobody can open or date (the others are listed before it).
  static func requireTraceableSources(_ table: RateTable, context: inout CommandContext) throws {
    let problems = table.untraceableSources
    guard let first = problems.first else { return }
    context.warnings += problems.dropFirst().map(\.description)
    throw first
  }

  /// Fails validation on the first location-catalogue source nobody can open or date (the others are listed before it).
  static func requireTraceableSources(_ catalog: LocationCatalog, context: inout CommandContext) throws {
    let problems = catalog.untraceableSources
    guard let first = problems.first else { return }
    context.warnings += problems.dropFirst().map(\.description)
    throw first
  }

  static func summary(_ catalog: LocationCatalog, file: String) -> String {
    "\(file): ok: location catalogue, source \(catalog.source.id) (\(catalog.source.date ?? "undated")), \(catalog.locations.count) locations, \(catalog.portLocations.count) port locations, \(catalog.sources.count + 1) sources\n"
  }

  static func summary(_ table: RateTable, file: String) -> String {
    let unpriced = table.unpricedRates.count
    return
      "\(file): ok: \(table.name), \(table.currency), effective \(table.effectiveDate), \(table.rates.count - unpriced) priced rates, \(unpriced) unpriced, \(table.sources.count) sources\n"
  }
}
