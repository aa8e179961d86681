import ExpressRouteCalculator
import Foundation

extension TrafficCommand {
  /// The options only `ercalc traffic showback` reads.
  static let showbackOptions =
    ["monthly-cost", "deployment", "period", "format"] + QuoteCommand.circuitFlags
    + PricingOptions.specs.map(\.name).filter { $0 != InputFile.limitSpec.name }

  /// `ercalc traffic showback <series> (--deployment <file> | circuit options | --monthly-cost <amount>)`: the shared
  /// cost, priced by ercalc or typed, split by connection.
  static func showback(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let files = arguments.positionals["series"] ?? []
    guard !files.isEmpty else {
      throw UsageError(
        "Missing expected argument '<series>' (series split by ConnectionName, such as a Metrics Batch response)")
    }
    if let option = ["engine", "source", "from", "to"].first(where: { arguments.values[$0] != nil }) {
      throw UsageError("--\(option) belongs to 'ercalc traffic query'")
    }
    let (cost, engine) = try ShowbackRequest.Cost.parsed(arguments)
    var warnings: [String] = []
    let summaries = try SeriesReading(arguments, context: context).summaries(
      files.map { SeriesReading.File(path: $0) }, warnings: &warnings)
    if !arguments.flag("quiet") { context.warnings += warnings }
    let request = ShowbackRequest(
      cost: cost, summaries: summaries, file: files[0], files: files, period: arguments.month("period"))
    let outcome = try request.run(engine: try engine ?? PricingEngine.embeddedDefault())
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    OutputOptions.warnIncomplete(outcome.gate?.unpriced ?? 0, hints: [], context: &context)
    return .success
  }
}
