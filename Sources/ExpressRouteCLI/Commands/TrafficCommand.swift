import ExpressRouteCalculator
import Foundation

/// `ercalc traffic summarize`: mergeable per-circuit summaries of traffic series.
enum TrafficCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc traffic",
    abstract: "Summarise traffic series into small files that merge exactly.",
    discussion: """
      Actions:
        summarize   Read series (CSV, Azure Monitor JSON, diagnostic-settings exports as files or folders, AzureMetrics exports, or earlier summaries), oldest first, and write one mergeable summary per circuit.
      A summary holds the rate histogram, exact monthly volumes, coverage, gaps and first and last sample; it does not grow with the data. Give summaries to --series of size, budget or audit, oldest first, alone or mixed with raw files: the result is the same as reading all the raw data at once.
      Examples:
        ercalc traffic summarize metrics-2026-01.csv --output 2026-01.summary.json
        ercalc size p.json --series 2026-01.summary.json --series 2026-02.csv
      """,
    arguments: [
      ArgumentSpec("action", help: "summarize."),
      ArgumentSpec(
        "series", help: "Series files or summaries, oldest first; '-' reads standard input.", isOptional: true,
        isRepeating: true),
    ],
    options: [
      .option(
        "output", short: "o", value: "file", kind: .path,
        help: "Write the summary to this file (atomically) instead of standard output; '-' is standard output."),
      .option(
        "interval", value: "seconds", kind: .count(1...(86_400 * 31)),
        help: "Seconds between CSV samples, when a series has a single sample per circuit."),
      .flag("quiet", short: "q", help: "Do not print data warnings or progress on standard error."),
      InputFile.limitSpec,
    ])

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    guard action == "summarize" || action == "summarise" else {
      var message = "Unknown action '\(action)' (expected summarize)"
      if action.isEmpty { message = "Missing expected argument '<action>' (summarize)" }
      throw UsageError(message)
    }
    let files = arguments.positionals["series"] ?? []
    guard !files.isEmpty else {
      throw UsageError("Missing expected argument '<series>' (the series files to summarise, oldest first)")
    }
    let quiet = arguments.flag("quiet")
    let ingest = try SeriesReading(arguments, context: context).ingest(files.map { SeriesReading.File(path: $0) })
    if !quiet {
      context.warnings += ingest.notes.map { "note: \($0)" }
      context.warnings.append(
        "summarised \(ingest.circuits.count) circuit\(ingest.circuits.count == 1 ? "" : "s") from \(files.count) file\(files.count == 1 ? "" : "s")"
      )
    }
    try OutputOptions.write(ingest.savedSummaries(), arguments, context: &context)
    return .success
  }
}
