import ExpressRouteCalculator
import Foundation

// Parsing options into the library's requests, and saying the library's refusals in the command line's words.

extension PlanOptions {
  /// `--start`, `--months`, `--fiscal-year-start`, `--lead-time` and `--amortize`, as far as a command has them.
  init(_ arguments: ParsedArguments) {
    self.init(
      start: arguments.month("start"), months: arguments.count("months"),
      fiscalYearStart: arguments.month("fiscal-year-start")?.month,
      leadTimeMonths: arguments.count("lead-time"), amortize: arguments.flag("amortize"))
  }
}

extension SeriesReading {
  /// Reading with `--interval`, `--quiet`, the input limit and progress on standard error; `ERCALC_THREADS=1` reads
  /// on one core (for benchmarks and comparisons), the default is every core.
  init(_ arguments: ParsedArguments, context: CommandContext) {
    self.init(
      interval: arguments.count("interval").map(Int64.init), quiet: arguments.flag("quiet"), progress: context.progress)
    inputLimit = context.inputLimit
    if let threads = ProcessInfo.processInfo.environment["ERCALC_THREADS"].flatMap(Int.init), threads > 0 {
      workers = threads
    }
  }
}

extension ImportOptions {
  /// The estate at `path` with an ARM template's `--parameters`, read within `--max-input-size`.
  static func estate(_ path: String, _ arguments: ParsedArguments) throws -> EstateImport {
    let input = InputFile(arguments)
    let parameters = try arguments.value("parameters").map { file in (data: try input.readJSON(file), file: file) }
    return EstateImport(data: try input.readJSON(path), file: path, parameters: parameters)
  }
}

extension OutputOptions {
  /// The `--fail-above` gate on a request's figure (see ``checkBudget(_:unpriced:_:what:context:)``).
  static func check(
    _ gate: RequestOutcome<some Report>.Gate?, _ arguments: ParsedArguments, context: inout CommandContext
  ) throws {
    guard let gate, let total = gate.total else { return }
    try checkBudget(total, unpriced: gate.unpriced, arguments, what: gate.measure, context: &context)
  }
}

extension RequestError {
  /// Lines shown on standard error before the refusal: the refresh guard's log, or the sites refused.
  var commandLineWarnings: [String] {
    switch self {
    case .refreshRefused(let log): return log
    case .sitesRefused(let refused): return refused.map(\.diagnostic.commandLineDescription)
    default: return []
    }
  }

  /// The refusal as a usage error (exit 64) or a failure (exit 1), naming the options that would fix it.
  var commandLineError: any Error {
    switch self {
    case .datedCharges(let dated, let pricing):
      let names = dated.map { "'\($0.name)' (from \($0.startMonth?.description ?? ""))" }.joined(separator: ", ")
      let remedy =
        switch pricing {
        case .oneConfiguration: "give the month to price with '--period YYYY-MM'"
        case .twoDeployments:
          "diff compares one undated month, so compare 'ercalc quote --period YYYY-MM' of each side, or budget both"
        case .twoEstates: "diff compares one undated month, so compare 'ercalc quote --period YYYY-MM' of each side"
        }
      return UsageError(
        "The charge\(dated.count == 1 ? "" : "s") \(names) \(dated.count == 1 ? "is" : "are") dated, so which charges fall depends on the month; \(remedy)."
      )
    case .seriesNotChosen(let available):
      return UsageError(
        "The series holds \(available.count) circuits (\(available.prefix(6).map { "'\($0)'" }.joined(separator: ", "))\(available.count > 6 ? ", …" : "")); choose one with --circuit <name> or \"seriesCircuit\" in the profile."
      )
    case .missingSeries(let shown, let path, let site):
      let message = RequestError.missingSeriesMessage(shown: shown, path: path)
      return CommandFailure(site.map { "site '\($0)': \(message)" } ?? message)
    case .unknownTag(let tag, let known):
      return UsageError(
        "No site has the tag '\(tag)'"
          + (known.isEmpty
            ? "; the portfolio's sites have no tags" : " (tags in this portfolio: \(known.joined(separator: ", ")))"))
    case .mixedDiffInputs(let before, let after):
      return UsageError("'\(before)' and '\(after)' must both be deployments or both be portfolios.")
    case .sitesRefused(let refused):
      return Diagnostic(
        .error,
        "\(refused.count) site\(refused.count == 1 ? "" : "s") could not be budgeted (listed above); a diff needs every site of both portfolios"
      )
    case .refreshRefused:
      return CommandFailure(
        "not written: the new table differs too much from the current one; review the changes above and pass --force to accept them"
      )
    case .refreshStopped(let page, let moved):
      return CommandFailure(
        "stopped after page \(page): \(moved.count) price\(moved.count == 1 ? "" : "s") already move\(moved.count == 1 ? "s" : "") by more than --max-change (\(moved[0])\(moved.count > 1 ? ", …" : "")); nothing was written; pass --force to accept"
      )
    case .unknownRegion(let region, let nearest):
      return UsageError(
        "'\(region)' is not a known Azure region for --hub-region <region>"
          + (nearest.map { "; did you mean '\($0)'?" } ?? ""))
    }
  }
}
