import ExpressRouteCalculator

/// `ercalc diff`: the cost change between two deployments or two portfolios.
enum DiffCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let estates = arguments.values["from"] ?? []
    let files = [arguments.argument("before"), arguments.argument("after")]
    if !estates.isEmpty {
      if files[0] != nil { throw UsageError("Give either two deployment files or '--from <file>', not both.") }
      guard estates.count <= 2 else {
        throw UsageError("Give '--from' once (a Terraform plan) or twice (two estates), not \(estates.count) times.")
      }
    } else {
      guard files[0] != nil else {
        throw UsageError("Missing expected argument '<before>' (or give '--from plan.json')")
      }
      guard files[1] != nil else { throw UsageError("Missing expected argument '<after>'") }
    }
    let gate = try GateOptions.gate(arguments)
    let engine = try PricingOptions.engine(arguments)
    let input = InputFile(arguments)
    let compared: DiffRequest.Input
    if estates.count == 2 {
      compared = .estates(
        before: try ImportOptions.estate(estates[0], arguments), after: try ImportOptions.estate(estates[1], arguments))
    } else if let plan = estates.first {
      compared = .plan((try input.readJSON(plan), plan))
    } else {
      let (first, second) = (files[0] ?? "", files[1] ?? "")
      compared = .documents(before: (try input.readJSON(first), first), after: (try input.readJSON(second), second))
    }
    let request = DiffRequest(
      compared, plan: PlanOptions(arguments), reading: SeriesReading(arguments, context: context))
    let outcome = try request.run(engine: engine, warnings: &context.warnings)
    let verdict = outcome.gate.flatMap { gate.verdict(for: $0.figure) }
    if arguments.value("format") == "github" {
      try OutputOptions.write(outcome.report.pullRequestComment(verdict: verdict), arguments, context: &context)
    } else {
      try OutputOptions.emit(outcome.report, arguments, context: &context)
    }
    let incomplete = outcome.report.rows.filter(\.isIncomplete).count
    if incomplete > 0 {
      context.warnings.append(
        "warning: \(incomplete) item\(incomplete == 1 ? " is" : "s are") not priced on one side or both, so the change is unknown; see 'Not priced'"
      )
    }
    try GateOptions.act(on: verdict, context: &context)
    return .success
  }
}
