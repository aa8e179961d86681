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
      let streamed = try OutputOptions.stream(arguments, context: &context) { warnings, write in
        try request.streamCSV(engine: engine, warnings: &warnings, write: write)
      }
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
      do {
        try OutputOptions.check(gate, arguments, context: &context)  // its verdict on the sites budgeted, still said
        if arguments.value("fail-above") != nil {
          context.warnings.append("error: --fail-above cannot pass: the total leaves out the sites refused")
        }
      } catch let failure as CommandFailure {
        context.warnings.append("error: \(failure.message)")
      }
      context.warnings.append(
        "error: \(refused.count) site\(refused.count == 1 ? "" : "s") refused (listed under 'Refused'); the rest is budgeted"
      )
      return .dataError
    }
    try OutputOptions.check(gate, arguments, context: &context)
    return .success
  }
}
