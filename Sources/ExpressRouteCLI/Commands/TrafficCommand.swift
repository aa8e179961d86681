import ExpressRouteCalculator
import Foundation

/// `ercalc traffic summarize`: mergeable per-circuit summaries of traffic series; `ercalc traffic query`: the query
/// that computes the same summaries where the data lives.
enum TrafficCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc traffic",
    abstract: "Summarise traffic series into small files that merge exactly.",
    discussion: """
      Actions:
        summarize   Read series (CSV, Azure Monitor JSON, diagnostic-settings exports as files or folders, AzureMetrics exports, or earlier summaries), oldest first, and write one mergeable summary per circuit.
        query       Print the query that computes the same summary inside the engine that holds the data, per resource, UTC month and direction: KQL for Log Analytics (AzureMetrics) and Data Explorer, SQL for DuckDB and Spark over a diagnostic-settings JSON-lines tree. Its result (Log Analytics REST JSON, az monitor log-analytics query output, or CSV) is read by --series like any series or summary.
        showback    Split a shared gateway's or circuit's monthly cost by each connection's share of the traffic (in + out, scaled to the whole month), from series kept apart by ConnectionName or PeeredCircuitSKey (Metrics Batch responses). A connection without samples in a month is listed as not measured and gets no part of that month's cost.
      A summary holds the rate histogram, exact monthly volumes, coverage, gaps and first and last sample; it does not grow with the data. Give summaries to --series of size, budget or audit, oldest first, alone or mixed with raw files: the result is the same as reading all the raw data at once.
      Examples:
        ercalc traffic summarize metrics-2026-01.csv --output 2026-01.summary.json
        ercalc size p.json --series 2026-01.summary.json --series 2026-02.csv
        ercalc traffic showback batch.json --monthly-cost 1450.00
        ercalc traffic query --engine kql --from 2025-01 --to 2027-01 > summary.kql
        ercalc traffic query --engine duckdb --source 'export/**/*.json' > summary.sql
      """,
    arguments: [
      ArgumentSpec("action", help: "summarize, query or showback."),
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
      .option(
        "engine", value: "name", help: "query: the engine to write the query for.", allowed: ["kql", "duckdb", "spark"]),
      .option(
        "source", value: "table-or-path",
        help:
          "query: the table (KQL, default AzureMetrics), the JSON-lines glob (DuckDB, default insights-metrics-pt1m/**/*.json) or folder (Spark, default insights-metrics-pt1m).",
        parent: "engine"),
      .option(
        "from", value: "month", kind: .month, help: "query: the first month to summarise (UTC).", parent: "engine"),
      .option("to", value: "month", kind: .month, help: "query: the month after the last (UTC).", parent: "engine"),
      .option(
        "monthly-cost", value: "amount", kind: .money,
        help: "showback: the monthly cost to split, in your currency (such as 1450.00)."),
      InputFile.limitSpec,
    ])

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let action = arguments.argument("action") ?? ""
    if action == "query" { return try query(arguments, context: &context) }
    if action == "showback" { return try showback(arguments, context: &context) }
    guard action == "summarize" || action == "summarise" else {
      var message = "Unknown action '\(action)' (expected summarize, query or showback)"
      if action.isEmpty { message = "Missing expected argument '<action>' (summarize, query or showback)" }
      throw UsageError(message)
    }
    guard arguments.value("monthly-cost") == nil else {
      throw UsageError("--monthly-cost belongs to 'ercalc traffic showback'")
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

extension TrafficCommand {
  /// `ercalc traffic query --engine kql|duckdb|spark`: prints the push-down query.
  static func query(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let name = arguments.value("engine"), let engine = PushdownPlan.Engine(rawValue: name) else {
      throw UsageError("Missing expected option '--engine <name>' (kql, duckdb or spark)")
    }
    guard (arguments.positionals["series"] ?? []).isEmpty else {
      throw UsageError("'ercalc traffic query' reads no series (it prints a query; give its result to --series)")
    }
    let from = arguments.value("from").flatMap(OptionValueKind.month)
    let to = arguments.value("to").flatMap(OptionValueKind.month)
    if let from, let to, to <= from {
      throw UsageError("--to \(to) is not after --from \(from) (expected the month after the last one)")
    }
    let plan = PushdownPlan(
      source: arguments.value("source") ?? PushdownPlan.defaultSource(engine), from: from?.start, to: to?.start)
    try OutputOptions.write(plan.render(for: engine), arguments, context: &context)
    return .success
  }
}

extension TrafficCommand {
  /// `ercalc traffic showback <series> --monthly-cost <amount>`: the cost split by connection.
  static func showback(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let text = arguments.value("monthly-cost"), let cost = OptionValueKind.money(text) else {
      throw UsageError("Missing expected option '--monthly-cost <amount>' (the monthly cost to split)")
    }
    let files = arguments.positionals["series"] ?? []
    guard !files.isEmpty else {
      throw UsageError("Missing expected argument '<series>' (series split by connection, such as a Metrics Batch)")
    }
    var ingest = try SeriesReading(arguments, context: context).ingest(files.map { SeriesReading.File(path: $0) })
    let showback = TrafficShowback(summaries: try ingest.summaries(file: files[0]), monthlyCost: cost)
    guard !showback.rows.isEmpty else {
      throw Diagnostic(
        .error,
        "no series split by connection (expected series named 'gateway [ConnectionName=…]', as a Metrics Batch response of ErGatewayConnectionBitsInPerSecond and ErGatewayConnectionBitsOutPerSecond gives them)",
        file: files[0])
    }
    var table = [["Resource", "Month", "Connection", "Traffic (GB)", "Share", "Cost"]]
    for row in showback.rows {
      table.append([
        row.parent, row.month.description, row.connection,
        row.volume.map { $0.gigabytes.fixedPoint(places: 3) } ?? "not measured",
        row.share.map { ($0 * 100).fixedPoint(places: 1) + "%" } ?? "-", row.cost.fixedPoint(places: 2),
      ])
    }
    let widths = (0..<6).map { column in table.map { $0[column].count }.max() ?? 0 }
    var lines = [
      "Monthly cost \(cost.fixedPoint(places: 2)) split by each connection's share of the traffic (in + out, scaled to the whole month).",
      "Not measured: no samples that month; assumed to share nothing, so the measured connections carry its cost.",
      "",
    ]
    for cells in table {
      // Text columns left-aligned, numbers right-aligned.
      let padded = cells.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column < 3 ? cell + pad : pad + cell
      }
      lines.append(padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
    }
    context.output += lines.joined(separator: "\n") + "\n"
    return .success
  }
}
