import ExpressRouteCalculator
import Foundation

/// `ercalc traffic summarize`: mergeable per-circuit summaries of traffic series; `ercalc traffic query`: the query
/// that computes the same summaries where the data lives; `ercalc traffic showback`: a shared cost split by
/// connection.
enum TrafficCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    if action == "query" { return try query(arguments, context: &context) }
    if action == "showback" { return try showback(arguments, context: &context) }
    guard action == "summarize" || action == "summarise" else {
      var message = "Unknown action '\(action)' (expected summarize, query or showback)"
      if action.isEmpty { message = "Missing expected argument '<action>' (summarize, query or showback)" }
      throw UsageError(message)
    }
    if let option = showbackOptions.first(where: { arguments.values[$0] != nil }) {
      throw UsageError("--\(option) belongs to 'ercalc traffic showback'")
    }
    guard arguments.value("engine") == nil else {
      throw UsageError("--engine belongs to 'ercalc traffic query' (summarize reads series; query prints a query)")
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
