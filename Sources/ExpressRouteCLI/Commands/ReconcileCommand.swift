import ExpressRouteCalculator
import Foundation

/// `ercalc reconcile`: an estate's or portfolio's estimate against cost exports.
enum ReconcileCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.argument("estate") else { throw UsageError("Missing expected argument '<estate>'") }
    let actuals = arguments.values["actuals"] ?? []
    guard !actuals.isEmpty else {
      throw UsageError("Missing expected option '--actuals <export>' (a FOCUS or cost-details CSV export)")
    }
    // A file that cannot be opened is an I/O failure (exit 1), as for every other input.
    for file in actuals {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
        throw CommandFailure("cannot read '\(file)': no such file")
      }
      if isDirectory.boolValue { throw CommandFailure("cannot read '\(file)': it is a directory") }
    }
    let engine = try PricingOptions.engine(arguments)
    let estimate = try ReconcileRequest.estimate(
      try ImportOptions.estate(path, arguments), egress: arguments.volume("egress"), plan: PlanOptions(arguments),
      reading: SeriesReading(arguments, context: context))
    let request = ReconcileRequest(estimate, actuals: actuals, amortised: arguments.flag("amortize"))
    let outcome = try request.run(engine: engine, warnings: &context.warnings)
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    return .success
  }
}
