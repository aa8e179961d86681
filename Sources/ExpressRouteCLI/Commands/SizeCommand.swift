import ExpressRouteCalculator

/// `ercalc size`: recommends circuit, SKU, billing model and gateway from a workload profile.
enum SizeCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.argument("profile") else { throw UsageError("Missing expected argument '<profile>'") }
    let engine = try PricingOptions.engine(arguments)
    let request = SizingRequest(
      profile: try WorkloadProfile(json: try InputFile(arguments).readJSON(path), file: path), profileFile: path,
      series: (arguments.values["series"] ?? []).map { SeriesReading.File(path: $0) },
      circuit: arguments.value("circuit"),
      plan: PlanOptions(arguments), reading: SeriesReading(arguments, context: context))
    let outcome = try request.run(engine: engine, warnings: &context.warnings)
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    OutputOptions.warnIncomplete(outcome.report.result.unpricedCharges.count, context: &context)
    try OutputOptions.check(outcome.gate, arguments, context: &context)
    return .success
  }
}
