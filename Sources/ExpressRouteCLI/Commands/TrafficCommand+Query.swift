import ExpressRouteCalculator

extension TrafficCommand {
  /// `ercalc traffic query --engine kql|duckdb|spark`: prints the push-down query.
  static func query(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let name = arguments.value("engine"), let engine = PushdownPlan.Engine(rawValue: name) else {
      throw UsageError("Missing expected option '--engine <name>' (kql, duckdb or spark)")
    }
    if let option = showbackOptions.first(where: { arguments.values[$0] != nil }) {
      throw UsageError("--\(option) belongs to 'ercalc traffic showback'")
    }
    if arguments.values["interval"] != nil {
      throw UsageError(
        "--interval belongs to 'ercalc traffic summarize' (the query takes each resource's interval from its records)")
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
