import ExpressRouteCalculator

/// `ercalc audit`: current cost against recommended cost for every circuit of a live estate.
enum AuditCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.value("from") else { throw UsageError("Missing expected option '--from <file>'") }
    let files = arguments.values["series"] ?? []
    guard !files.isEmpty else { throw UsageError("Missing expected option '--series <file>' (the circuits' metrics)") }
    let engine = try PricingOptions.engine(arguments)
    var request = AuditRequest(
      estate: try ImportOptions.estate(path, arguments), series: files.map { SeriesReading.File(path: $0) },
      months: arguments.count("months"),
      targetRegions: arguments.values["target-region"] ?? [], plan: PlanOptions(arguments),
      reading: SeriesReading(arguments, context: context))
    request.actuals = arguments.values["actuals"] ?? []
    let outcome = try request.run(engine: engine, warnings: &context.warnings)
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    return .success
  }
}
