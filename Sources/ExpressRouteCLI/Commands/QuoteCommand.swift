import ExpressRouteCalculator

/// `ercalc quote`: prices one configuration from flags or a deployment file.
enum QuoteCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    let source: QuoteRequest.Source
    if let path = arguments.value("from") {
      if arguments.argument("deployment") != nil {
        throw UsageError("Give either a deployment file or '--from <file>', not both.")
      }
      if let flag = circuitFlags.filter({ $0 != "egress" }).first(where: { arguments.values[$0] != nil }) {
        throw UsageError(
          "The option '--\(flag)' cannot be combined with '--from'; only '--egress' (applied to every metered circuit) can."
        )
      }
      source = .estate(try ImportOptions.estate(path, arguments), egress: arguments.volume("egress"))
    } else if let path = arguments.argument("deployment") {
      if let flag = circuitFlags.first(where: { arguments.values[$0] != nil })
        ?? (arguments.flag("fastpath") ? "fastpath" : nil)
      {
        throw UsageError(
          "The option '--\(flag)' cannot be combined with a deployment file; describe the whole configuration in the file."
        )
      }
      source = .deployment(try Deployment(json: try InputFile(arguments).readJSON(path), file: path))
    } else {
      source = .circuit(try circuit(arguments, engine: engine))
    }
    var request = QuoteRequest(source, period: arguments.month("period"))
    let measured = arguments.values["global-reach-series"] ?? []
    if !measured.isEmpty {
      var warnings: [String] = []
      var reading = SeriesReading(arguments, context: context)
      reading.globalReachPerPeer = true
      request.globalReachTraffic = try reading.summaries(
        measured.map { SeriesReading.File(path: $0) }, warnings: &warnings)
      request.globalReachFiles = measured
      context.warnings += warnings
    }
    let outcome = try request.run(engine: engine)
    let hints = outcome.report.quote.unpriced.contains { $0.quantity == nil } ? quantityHints(arguments) : []
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    // CSV cost rows have no notes section: the notes (such as a circuit whose SKU fields disagree) go to standard error.
    if OutputOptions.format(arguments) == .csv {
      context.warnings += outcome.report.quote.notes.map { "note: \($0)" }
    }
    OutputOptions.warnIncomplete(outcome.gate?.unpriced ?? 0, hints: hints, context: &context)
    try OutputOptions.check(outcome.gate, arguments, context: &context)
    return .success
  }
}
