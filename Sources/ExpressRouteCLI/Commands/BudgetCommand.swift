import ExpressRouteCalculator

/// `ercalc budget`: prices a portfolio month by month.
enum BudgetCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.argument("portfolio") else {
      throw UsageError("Missing expected argument '<portfolio>'")
    }
    let engine = try PricingOptions.engine(arguments)
    let request = BudgetRequest(
      portfolio: try Portfolio(json: try InputFile(arguments).readJSON(path), file: path), portfolioFile: path,
      plan: PlanOptions(arguments),
      groupBy: arguments.value("group-by"), top: arguments.count("top") ?? 10, showsDetails: arguments.flag("details"),
      reading: SeriesReading(arguments, context: context))
    let budget: Budget
    let gate: RequestOutcome<BudgetReport>.Gate?
    if OutputOptions.format(arguments) == .csv {
      // Every line item of every month: streamed site by site, so memory holds a chunk of sites, not the CSV.
      let streamed = try streamCSV(request, engine: engine, arguments: arguments, context: &context)
      (budget, gate) = (streamed.budget, streamed.gate)
    } else {
      let outcome = try request.run(engine: engine, warnings: &context.warnings)
      try OutputOptions.emit(outcome.report, arguments, context: &context)
      (budget, gate) = (outcome.report.budget, outcome.gate)
    }
    OutputOptions.warnIncomplete(gate?.unpriced ?? 0, context: &context)
    let refused = budget.refused
    if !refused.isEmpty {
      // Everything else is budgeted and written; the status still says data was refused, so pipelines notice.
      context.warnings += refused.map(\.diagnostic.commandLineDescription)
      context.warnings.append(
        "error: \(refused.count) site\(refused.count == 1 ? "" : "s") refused (listed under 'Refused'); the rest is budgeted"
      )
      return .dataError
    }
    try OutputOptions.check(gate, arguments, context: &context)
    return .success
  }

  /// Runs `request` as CSV written piece by piece to `--output` (atomically), to standard output, or (in tests) to
  /// the context's output. A reader that goes away (`| head -1`) gets no more rows; the sites are still budgeted, so
  /// the exit status and `--fail-above` judge all of them.
  static func streamCSV(
    _ request: BudgetRequest, engine: PricingEngine, arguments: ParsedArguments, context: inout CommandContext
  ) throws -> BudgetRequest.StreamedCSV {
    if let path = arguments.value("output"), path != "-" {
      let file = try OutputFile.Stream(path)
      let streamed = try request.streamCSV(engine: engine, warnings: &context.warnings) { bytes in
        var bytes = bytes
        return try file.write(&bytes)
      }
      try file.commit()
      if !file.readerLeft {
        context.written = path
        context.warnings.append("wrote \(path)")
      }
      return streamed
    }
    if var direct = context.directOutput, context.output.isEmpty {
      defer { context.directOutput = direct }
      return try request.streamCSV(engine: engine, warnings: &context.warnings) { bytes in
        direct.write(bytes: bytes)
        return direct.failure == nil && !direct.closedPipe
      }
    }
    var text: [UInt8] = []
    let streamed = try request.streamCSV(engine: engine, warnings: &context.warnings) { bytes in
      text += bytes
      return true
    }
    context.output += String(decoding: text, as: UTF8.self)
    return streamed
  }
}
