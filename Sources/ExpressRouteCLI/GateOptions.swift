import ExpressRouteCalculator

/// `--fail-above`, `--warn-above` and `--allow-unpriced` of `ercalc diff`: levels that are amounts or percentages of
/// the before side (`+10%`), judged by ``CostGate``.
enum GateOptions {
  /// The options, with the help that defines what each level is compared with.
  static let diffSpecs: [OptionSpec] = [
    .option(
      "fail-above", value: "limit", kind: .threshold,
      help:
        "Exit with status 1 above this limit: an amount, compared with the after side's monthly total (highest month for portfolios; with --from, the monthly increase), or +N% of the before side's total, compared with the change (from a total of 0, any increase is above). At the limit passes; a charge not priced fails."
    ),
    .option(
      "warn-above", value: "limit", kind: .threshold,
      help:
        "Warn above this limit (an amount or +N%, as --fail-above) without failing: the exit status stays 0 and the verdict (standard error, or the github comment) says warn."
    ),
    .flag(
      "allow-unpriced",
      help:
        "Judge the priced charges alone when some could not be priced: the verdict is then warn at best, never pass.",
      parent: "fail-above"),
  ]

  /// The gate the options set; a warn level that could never show (not below a fail level of the same kind) is a
  /// usage error.
  static func gate(_ arguments: ParsedArguments) throws -> CostGate {
    let levels = (
      fail: arguments.value("fail-above").flatMap(CostGate.Threshold.init(parsing:)),
      warn: arguments.value("warn-above").flatMap(CostGate.Threshold.init(parsing:))
    )
    switch (levels.warn, levels.fail) {
    case (.amount(let warn)?, .amount(let fail)?) where warn >= fail,
      (.percent(let warn)?, .percent(let fail)?) where warn >= fail:
      throw UsageError(
        "'--warn-above \(arguments.value("warn-above") ?? "")' must be below '--fail-above \(arguments.value("fail-above") ?? "")'; otherwise the warning could never show."
      )
    default: break
    }
    var gate = CostGate(fail: levels.fail, warn: levels.warn, allowUnpriced: arguments.flag("allow-unpriced"))
    (gate.failOption, gate.warnOption, gate.allowOption) = ("--fail-above", "--warn-above", "--allow-unpriced")
    return gate
  }

  /// Acts on a verdict: a failure throws (exit 1, naming the report written to `--output`), a warning goes to
  /// standard error (exit 0), a pass is silent.
  static func act(on verdict: CostGate.Verdict?, context: inout CommandContext) throws {
    guard let verdict else { return }
    switch verdict.status {
    case .pass: return
    case .warn: context.warnings.append("warning: cost gate: \(verdict.reason)")
    case .fail:
      let written = context.written.map { " (the report was written to '\($0)' and shows why)" } ?? ""
      throw CommandFailure(verdict.reason + written)
    }
  }
}
