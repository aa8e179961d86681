import ExpressRouteCalculator

extension SizeCommand {
  /// The options and help of `ercalc size`.
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
      .flag(
        "amortize",
        help: "Spread one-time charges (installation fees) over their contract term instead of their first month."),
      .flag("quiet", short: "q", help: "Do not print progress or data warnings on standard error."),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when any month of the plan (with extras) costs more than this amount, or a charge could not be priced."
      ))
}
