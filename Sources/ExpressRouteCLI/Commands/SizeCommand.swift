import ExpressRouteCalculator
import Foundation

/// `ercalc size`: recommends circuit, SKU, billing model and gateway from a workload profile.
enum SizeCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc size",
    abstract: "Recommend circuit bandwidth, SKU, billing model and gateway for a workload.",
    discussion: """
      Reads a workload profile (README, 'Workload profiles') and, when given, traffic series: CSV with a time column and BitsInPerSecond/BitsOutPerSecond columns (optionally a circuit column), or Azure Monitor metrics JSON (REST or az monitor metrics list). Every option is priced over the horizon or rejected with its reason.
      Example:
        ercalc size profile.json --series metrics.csv --format html -o sizing.html
      """,
    arguments: [ArgumentSpec("profile", help: "Workload profile JSON file.")],
    options: [
      .option(
        "series", value: "file", kind: .path,
        help:
          "Traffic series, oldest first; repeatable: CSV, Azure Monitor JSON, a diagnostic-settings export (file or folder), AzureMetrics exports, saved summaries, or '-' for standard input. Adds to the profile's own.",
        repeatable: true),
      .option("circuit", value: "name", help: "The circuit to size from, when a series holds several."),
      .option(
        "interval", value: "seconds", kind: .count(1...(86_400 * 31)),
        help: "Seconds between CSV samples, when a series has a single sample per circuit."),
      .option(
        "start", value: "yyyy-mm", kind: .month,
        help:
          "Calendar month of plan month 1 (by default, and at the earliest, a series' last measured month, from which growth counts); also labels the report and CSV periods."
      ),
      LeadTimeOptions.spec,
      .flag("amortize", help: "Spread one-time charges (installation fees) over their contract term instead of their first month."),
      .flag("quiet", short: "q", help: "Do not print progress or data warnings on standard error."),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when any month of the plan (with extras) costs more than this amount, or a charge could not be priced."))

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.argument("profile") else { throw UsageError("Missing expected argument '<profile>'") }
    let engine = try PricingOptions.engine(arguments)
    var profile = try WorkloadProfile(json: try InputFile(arguments).readJSON(path), file: path)
    let start = arguments.month("start")
    if let lead = arguments.count("lead-time") { profile.leadTimeMonths = lead }
    profile.planStart = start
    profile.amortizeCharges = arguments.flag("amortize")
    let interval = arguments.count("interval").map(Int64.init)
    let profileDirectory = URL(fileURLWithPath: path).deletingLastPathComponent()
    var files = profile.series.map { (SeriesLoader.resolve($0, relativeTo: profileDirectory), $0) }
    files += (arguments.values["series"] ?? []).map { ($0, $0) }
    var traffic: TrafficSummary?
    if !files.isEmpty {
      let summaries = try SeriesLoader.summaries(files, quiet: arguments.flag("quiet"), context: &context, interval: interval)
      // The library's one rule (as budget, diff and audit): a named circuit must exist; no name takes the only series.
      do {
        traffic = try SeriesMatch.select(arguments.value("circuit") ?? profile.seriesCircuit, in: summaries)
      } catch .notChosen(let available) {
        throw UsageError(
          "The series holds \(available.count) circuits (\(available.prefix(6).map { "'\($0)'" }.joined(separator: ", "))\(available.count > 6 ? ", …" : "")); choose one with --circuit <name> or \"seriesCircuit\" in the profile."
        )
      } catch {
        throw Diagnostic(.error, error.message)
      }
      profile.series = []
    }
    let result = try SizingSolver(engine: engine).solve(profile, traffic: traffic)
    try OutputOptions.emit(SizingReport(result: result, startMonth: start), arguments, context: &context)
    let unpriced = result.unpricedCharges.count
    OutputOptions.warnIncomplete(unpriced, context: &context)
    if let highest = result.monthlyTotals.max() {
      try OutputOptions.checkBudget(highest, unpriced: unpriced, arguments, what: "highest monthly cost", context: &context)
    }
    return .success
  }
}
