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
    let outcome = try request.run(engine: engine, warnings: &context.warnings)
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    OutputOptions.warnIncomplete(outcome.gate?.unpriced ?? 0, context: &context)
    let refused = outcome.report.budget.refused
    if !refused.isEmpty {
      // Everything else is budgeted and written; the status still says data was refused, so pipelines notice.
      context.warnings += refused.map(\.diagnostic.commandLineDescription)
      context.warnings.append(
        "error: \(refused.count) site\(refused.count == 1 ? "" : "s") refused (listed under 'Refused'); the rest is budgeted"
      )
      return .dataError
    }
    try OutputOptions.check(outcome.gate, arguments, context: &context)
    return .success
  }
}
