import ExpressRouteCalculator
import Foundation

/// Options shared by every command that prices: which tables, overrides and hours.
enum PricingOptions {
  static let specs: [OptionSpec] = [
    .option("prices", value: "file", kind: .path, help: "Rate table JSON to use instead of the built-in table."),
    .option(
      "overrides", value: "file", kind: .path,
      help: "Override file patching the rate table (negotiated prices, Direct and Global Reach rates); repeatable.",
      repeatable: true),
    .option(
      "locations", value: "file", kind: .path,
      help: "Peering-location catalogue JSON to use instead of the built-in one."),
    .option(
      "hours-per-month", value: "hours", kind: .hours, help: "Hours in a billing month for hourly meters.",
      default: "730, or the rate table's value"),
    InputFile.limitSpec,
    .option(
      "discount", value: "percent", kind: .discount,
      help:
        "A negotiated discount off Azure's list prices: 12% on everything, or circuits=10% on one meter family (the % is required); repeatable.",
      repeatable: true),
  ]

  /// Loads the tables named by the options (or the built-in ones) into an engine (see ``PricingSetup``).
  static func engine(_ arguments: ParsedArguments) throws -> PricingEngine {
    var setup = PricingSetup()
    setup.prices = arguments.value("prices")
    setup.overrides = arguments.values["overrides"] ?? []
    setup.locations = arguments.value("locations")
    setup.hoursPerMonth = arguments.decimal("hours-per-month")
    setup.discounts = (arguments.values["discount"] ?? []).compactMap { text in
      Discounts.parse(option: text).map { ($0.family, $0.fraction, "--discount \(text)") }  // validated with the option
    }
    do {
      return try setup.engine(read: InputFile(arguments).readJSON)
    } catch let conflict as Discounts.Conflict {
      throw UsageError("Conflicting discounts: \(conflict.message).")
    }
  }

  /// The peering location `name`, or the usage error that names `option` and the nearest names.
  static func location(_ name: String, option: String, engine: PricingEngine) throws -> PeeringLocation {
    guard let found = engine.locations.location(named: name) else {
      throw UsageError(
        "The value '\(name)' is invalid for '\(option)': \(engine.locations.unknownLocationMessage(name)).")
    }
    return found
  }
}

/// `--fiscal-year-start`, for the commands that total budgets per year.
enum BudgetYearOptions {
  static let spec = OptionSpec.option(
    "fiscal-year-start", value: "yyyy-mm", kind: .month,
    help:
      "Total per fiscal year starting in this month (such as 2027-04 for April to March) instead of per calendar year.")
}

/// `--lead-time`: months an old and a new circuit both run when a change needs a new circuit.
enum LeadTimeOptions {
  static let spec = OptionSpec.option(
    "lead-time", value: "months", kind: .count(0...12),
    help:
      "Months the old and the new circuit both run when a change needs a new circuit (smaller, unlimited to metered, to or from Local).",
    default: "1, or the profile's leadTimeMonths")
}

/// Options shared by every command that reports: format, output file, budget gate.
enum OutputOptions {
  static let formats = ReportFormat.allCases.map(\.rawValue)

  static let specs: [OptionSpec] = specs(extra: [])

  /// `--format` (with a command's own `extra` formats after the report formats) and `--output`.
  static func specs(extra: [String]) -> [OptionSpec] {
    [
      .option(
        "format", short: "f", value: "format", help: "Report format.", allowed: formats + extra,
        default: "text, or from the --output extension"),
      .option(
        "output", short: "o", value: "file", kind: .path,
        help: "Write the report to this file (atomically) instead of standard output; '-' is standard output."),
    ]
  }

  /// `--fail-above` with the command's own help, and `--allow-unpriced`.
  static func gateSpecs(_ help: String) -> [OptionSpec] {
    [
      .option("fail-above", value: "amount", kind: .money, help: help),
      .flag(
        "allow-unpriced",
        help: "Let --fail-above pass although some charges could not be priced (the total is then incomplete).",
        parent: "fail-above"),
    ]
  }

  /// The format from `--format`, else from the `--output` extension, else text.
  static func format(_ arguments: ParsedArguments) -> ReportFormat {
    if let name = arguments.value("format"), let format = ReportFormat(rawValue: name) { return format }
    if let path = arguments.value("output"), let format = ReportFormat(fileExtension: (path as NSString).pathExtension)
    {
      return format
    }
    return .text
  }

  /// Renders `report` and writes it to standard output or `--output`.
  static func emit(_ report: some Report, _ arguments: ParsedArguments, context: inout CommandContext) throws {
    try write(report.render(format(arguments)), arguments, context: &context)
  }

  /// Writes finished report text to standard output or `--output` (`-` is standard output).
  static func write(_ text: String, _ arguments: ParsedArguments, context: inout CommandContext) throws {
    if let path = arguments.value("output"), path != "-" {
      // A pipe whose reader went away took only part of it: nothing is said to be written there.
      guard try OutputFile.write(text, to: path) else { return }
      context.written = path
      context.warnings.append("wrote \(path)")
    } else {
      context.output += text
    }
  }

  /// Warns on standard error that `count` charges are missing from the total, with the flags that would price them.
  static func warnIncomplete(_ count: Int, hints: [String] = [], context: inout CommandContext) {
    guard count > 0 else { return }
    var line =
      "warning: \(count) charge\(count == 1 ? "" : "s") could not be priced and \(count == 1 ? "is" : "are") not in the total; see 'Not priced'"
    if !hints.isEmpty { line += " (\(hints.joined(separator: "; ")))" }
    context.warnings.append(line)
  }

  /// The `--fail-above` gate: fails with status 1 when `total` exceeds the amount, or when
  /// `unpriced` charges are missing from it (unless `--allow-unpriced`).
  ///
  /// A report already written to `--output` stays: it is valid and shows why the gate failed.
  static func checkBudget(
    _ total: Money, unpriced: Int, _ arguments: ParsedArguments, what: String, context: inout CommandContext
  ) throws {
    guard let limit = arguments.money("fail-above") else { return }
    let written = context.written.map { " (the report was written to '\($0)' and shows why)" } ?? ""
    if total.amount > limit {
      throw CommandFailure(
        "\(what) \(total.groupedAmount) \(total.currency) exceeds --fail-above \(limit.grouped(places: 2)) \(total.currency)\(written)"
      )
    }
    if unpriced > 0 && !arguments.flag("allow-unpriced") {
      throw CommandFailure(
        "--fail-above cannot pass: \(unpriced) charge\(unpriced == 1 ? " was" : "s were") not priced, so the \(what) of \(total.groupedAmount) \(total.currency) is incomplete; price them (see 'Not priced') or pass --allow-unpriced\(written)"
      )
    }
  }
}

/// `--from` estates: an ARM template's `--parameters` (the estate is read by ``estate(_:_:)``).
enum ImportOptions {
  static let parametersSpec = OptionSpec.option(
    "parameters", value: "file", kind: .path,
    help:
      "Parameter values for an ARM template given with --from (the azuredeploy.parameters.json shape); defaults come from the template.",
    parent: "from")
}
