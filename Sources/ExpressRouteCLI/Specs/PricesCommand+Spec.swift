import ExpressRouteCalculator
import Foundation

extension PricesCommand {
  /// The options and help of `ercalc prices`.
  static let spec = CommandSpec(
    name: "ercalc prices",
    abstract: "Show, validate, import or fetch rate tables; list peering locations.",
    discussion: """
      Actions:
        show        Print the rate table in use (built-in unless --prices), with sources, dates and what is unpriced; --sources lists every rate with its source, date, age and confidence.
        validate    Check rate table files (and --overrides) and location catalogues strictly, every source traceable and dated; one line per file (with no file: the tables in use, --prices and --locations or built-in).
        locations   List peering locations (zone, local regions, geopolitical region, ER Direct, address, source) and port locations.
        breakeven   Metered-vs-unlimited break-even for every size and zone (--sku standard or premium).
        import      Convert saved Retail Prices API pages (files) into a rate table (--output), or your EA or MCA price sheet export (one CSV file) into an override file of CUSTOMER prices (--complete-table: a whole table).
        fetch       Download the Retail Prices API pages and import them (--output).
      A new table that moves any price by more than --max-change or loses a priced meter is refused unless --force.
      """,
    arguments: [
      ArgumentSpec("action", help: "show, validate, locations, breakeven, import or fetch."),
      ArgumentSpec(
        "files",
        help:
          "For validate: rate table files (default: the built-in table); for import: API page files, or one price sheet CSV.",
        isOptional: true,
        isRepeating: true),
    ],
    options: [
      .option(
        "sku", value: "tier", help: "Tier for breakeven.", allowed: ["standard", "premium"], default: "standard"),
      .option(
        "gateway-region", value: "region",
        help:
          "For import and fetch: the region whose gateway prices to take: an ARM region such as eastus for Retail Prices API pages, the sheet's own MeterRegion spelling (such as 'US East'; case and spaces ignored) for a price sheet."
      ),
      .option(
        "currency", value: "code", kind: .currencyCode, help: "For fetch: the currency to ask for, such as EUR.",
        default: "USD"),
      .option(
        "endpoint", value: "url", kind: .url, help: "For fetch: the Retail Prices API endpoint.",
        default: "https://prices.azure.com/api/retail/prices"),
      .option(
        "timeout", value: "seconds", kind: .count(1...600), help: "For fetch: seconds before a request times out.",
        default: "30"),
      .option("retries", value: "n", kind: .count(1...10), help: "For fetch: attempts per page.", default: "3"),
      .option(
        "max-change", value: "percent", kind: .percentage,
        help: "For import and fetch: the largest price move accepted without --force.",
        default: "25%"),
      .flag("force", help: "For import and fetch: write the table even when the refresh guard objects."),
      .flag("sources", help: "For show: list every rate with its source, the source's date, its age and confidence."),
      .option(
        "as-of", value: "yyyy-mm-dd",
        help:
          "For show --sources: the date source ages are measured to (default: the table's price date, never today); for import (price sheet or Retail Prices API pages) and fetch: the date whose prices to take, each meter's price in force on it, later prices left out and listed (default: --export-date, else the latest start)."
      ),
      .option(
        "export-date", value: "yyyy-mm-dd",
        help:
          "For import and fetch: the day the price sheet or pages were exported, the date of their source (default: the latest start)."
      ),
      .flag(
        "complete-table",
        help: "For import of a price sheet: write the table in use with the sheet's prices in place, not an override."),
    ] + PricingOptions.specs + OutputOptions.specs)
}

extension PricesCommand {
  /// `--sources` with its checked `--as-of` date (`.some(nil)` without one); `nil` without `--sources`.
  static func sourcesAsOf(_ arguments: ParsedArguments) throws -> String?? {
    let asOf = arguments.value("as-of")
    if let asOf, !PriceSource.isDate(asOf) {
      throw UsageError("Invalid value '\(asOf)' for '--as-of <yyyy-mm-dd>' (expected a date such as 2026-07-21)")
    }
    guard arguments.flag("sources") else {
      if asOf != nil { throw UsageError("'--as-of' goes with '--sources'") }
      return nil
    }
    return .some(asOf)
  }

  /// The refresh of the table in use that `--gateway-region`, `--max-change`, `--force`, `--as-of` and
  /// `--export-date` describe.
  static func refresh(_ arguments: ParsedArguments) throws -> PriceTableRefresh {
    PriceTableRefresh(
      engine: try PricingOptions.engine(arguments), gatewayRegion: arguments.value("gateway-region"),
      maxChange: arguments.fraction("max-change"),
      force: arguments.flag("force"), asOf: try importDate(arguments, "as-of"),
      exportDate: try importDate(arguments, "export-date"))
  }

  /// The checked `--as-of` or `--export-date` of an import (`nil` when not given).
  static func importDate(_ arguments: ParsedArguments, _ name: String) throws -> String? {
    guard let value = arguments.value(name) else { return nil }
    guard PriceSource.isDate(value) else {
      throw UsageError("Invalid value '\(value)' for '--\(name) <yyyy-mm-dd>' (expected a date such as 2026-11-01)")
    }
    return value
  }

  /// Shows the import's log on standard error and writes the table to `--output`.
  static func write(_ result: PriceTableRefresh.Result, _ arguments: ParsedArguments, context: inout CommandContext)
    throws
  {
    context.warnings += result.log
    try OutputOptions.write(result.text, arguments, context: &context)
  }

  /// The usage error for an action that is not one, with the nearest action's name.
  static func unknownAction(_ action: String) -> UsageError {
    let actions = ["show", "validate", "locations", "breakeven", "import", "fetch"]
    guard let near = Suggestion.nearest(to: action, in: actions) else {
      return UsageError(
        "Unknown action '\(action)'. Please provide one of 'show', 'validate', 'locations', 'breakeven', 'import' or 'fetch'."
      )
    }
    return UsageError("Unknown action '\(action)'. Did you mean '\(near)'?")
  }
}

extension RetailPriceFetcher {
  /// A fetcher from `--endpoint`, `--currency`, `--timeout` and `--retries` (`ERCALC_RETRY_DELAY` sets the pause
  /// between attempts, for tests).
  init(_ arguments: ParsedArguments, progress: @escaping (String) -> Void) {
    self.init(endpoint: arguments.value("endpoint") ?? "https://prices.azure.com/api/retail/prices")
    if let code = arguments.value("currency") { currency = code }
    timeout = TimeInterval(arguments.count("timeout") ?? 30)
    attempts = arguments.count("retries") ?? 3
    if let delay = ProcessInfo.processInfo.environment["ERCALC_RETRY_DELAY"], let seconds = Double(delay) {
      retryDelay = seconds
    }
    self.progress = progress
  }
}
