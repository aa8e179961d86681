import ExpressRouteCalculator
import Foundation

/// `ercalc diff`: the cost change between two deployments or two portfolios.
enum DiffCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc diff",
    abstract: "Show the cost change per item between two deployments or two portfolios.",
    discussion: """
      Deployments are compared month against month, line by line; portfolios over their period, by site and meter group.
      With one '--from', a Terraform plan (terraform show -json PLAN) is compared with the state it changes: the monthly cost change applying it makes. With two, two estates (az/ARM JSON, ARM templates or Terraform JSON, in any mix) are compared.
      Examples:
        ercalc diff today.json proposed.json --fail-above 20000
        ercalc diff --from plan.json --fail-above 500
        ercalc diff --from estate-2026.json --from main.tfplan.json
      """,
    arguments: [
      ArgumentSpec("before", help: "Deployment or portfolio JSON file.", isOptional: true),
      ArgumentSpec("after", help: "Deployment or portfolio JSON file.", isOptional: true),
    ],
    options: [
      .option(
        "from", value: "file", kind: .path,
        help: "A Terraform plan to price the change of (once), or an estate to compare (twice: before, then after); az/ARM JSON or Terraform JSON.",
        repeatable: true),
      ImportOptions.parametersSpec, BudgetYearOptions.spec, LeadTimeOptions.spec,
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when the after side's monthly total (highest month for portfolios) exceeds this amount, or a charge could not be priced. With --from, the limit is on the monthly increase."
      )
  )

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    if let estates = arguments.values["from"] {
      if arguments.argument("before") != nil { throw UsageError("Give either two deployment files or '--from <file>', not both.") }
      return try runImported(estates, arguments, context: &context)
    }
    guard let first = arguments.argument("before") else {
      throw UsageError("Missing expected argument '<before>' (or give '--from plan.json')")
    }
    guard let second = arguments.argument("after") else {
      throw UsageError("Missing expected argument '<after>'")
    }
    let engine = try PricingOptions.engine(arguments)
    let input = InputFile(arguments)
    let firstData = try input.readJSON(first)
    let secondData = try input.readJSON(second)
    let firstIsPortfolio = isPortfolio(firstData, file: first)
    guard firstIsPortfolio == isPortfolio(secondData, file: second) else {
      throw UsageError("'\(first)' and '\(second)' must both be deployments or both be portfolios.")
    }
    let report: DiffReport
    let gateTotal: Money
    let afterUnpriced: Int
    if firstIsPortfolio {
      let planner = BudgetPlanner(engine: engine)
      let beforePortfolio = try Portfolio(json: firstData, file: first)
      let afterPortfolio = try Portfolio(json: secondData, file: second)
      // Profile sites read their traffic series exactly as 'ercalc budget' does.
      var before = try planner.budget(beforePortfolio, traffic: try SeriesLoader.portfolioTraffic(beforePortfolio, path: first, context: &context))
      var after = try planner.budget(afterPortfolio, traffic: try SeriesLoader.portfolioTraffic(afterPortfolio, path: second, context: &context))
      // A site refused on either side would read as added or removed: the diff needs every site budgeted.
      let refused = (before.refused + after.refused).filter { $0.from == nil }
      if !refused.isEmpty {
        context.warnings += refused.map(\.diagnostic.commandLineDescription)
        throw Diagnostic(
          .error,
          "\(refused.count) site\(refused.count == 1 ? "" : "s") could not be budgeted (listed above); a diff needs every site of both portfolios")
      }
      BudgetYearOptions.apply(arguments, to: &before)
      BudgetYearOptions.apply(arguments, to: &after)
      report = DiffReport(before: before, after: after)
      gateTotal = after.peakMonthTotal
      afterUnpriced = after.unpriced.count
    } else {
      let beforeDeployment = try Deployment(json: firstData, file: first)
      let afterDeployment = try Deployment(json: secondData, file: second)
      for deployment in [beforeDeployment, afterDeployment] {
        try QuoteCommand.refuseDatedCharges(
          deployment.charges, remedy: "diff compares one undated month, so compare 'ercalc quote --period YYYY-MM' of each side, or budget both")
      }
      let before = try engine.quote(beforeDeployment)
      let after = try engine.quote(afterDeployment)
      var deploymentReport = DiffReport(before: before, after: after, deployments: (beforeDeployment, afterDeployment))
      deploymentReport.overlaps = engine.moveOverlaps(from: beforeDeployment, to: afterDeployment, leadMonths: arguments.count("lead-time") ?? 1)
      report = deploymentReport
      gateTotal = after.total
      afterUnpriced = after.unpriced.count + after.skippedResources.count
    }
    _ = try emit(report, arguments, context: &context)
    try OutputOptions.checkBudget(
      gateTotal, unpriced: afterUnpriced, arguments, what: firstIsPortfolio ? "highest monthly total" : "monthly total", context: &context)
    return .success
  }

  /// `diff --from PLAN` (the change a Terraform plan makes) or `diff --from A --from B` (two estates).
  static func runImported(_ estates: [String], _ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard estates.count <= 2 else { throw UsageError("Give '--from' once (a Terraform plan) or twice (two estates), not \(estates.count) times.") }
    let engine = try PricingOptions.engine(arguments)
    let before: DeploymentImporter.Result
    let after: DeploymentImporter.Result
    var plannedChanges: [TerraformPlanChange.ResourceChange] = []
    var replaced: Set<String> = []
    var statement: String?
    var unchanged: Set<String> = []
    if estates.count == 2 {
      before = try ImportOptions.read(estates[0], arguments, engine: engine)
      after = try ImportOptions.read(estates[1], arguments, engine: engine)
    } else {
      let plan = try DeploymentImporter().readPlanChange(json: try InputFile(arguments).readJSON(estates[0]), file: estates[0])
      before = plan.before.placingLocations(engine.locations)
      after = plan.after.placingLocations(engine.locations)
      plannedChanges = plan.changes
      replaced = Set(plan.replacedCircuits)
      statement = plan.statement
      // The resources the plan leaves as they are, as the report names them: they add nothing to the change.
      if let kept = try plan.unchanged?.placingLocations(engine.locations).quote(with: engine) {
        unchanged = Set(kept.lineItems.map(\.resource) + kept.unpriced.map(\.resource) + kept.skippedResources)
      }
    }
    for side in [before, after] {
      try QuoteCommand.refuseDatedCharges(
        side.deployment.charges, remedy: "diff compares one undated month, so compare 'ercalc quote --period YYYY-MM' of each side")
    }
    let beforeQuote = try before.quote(with: engine)
    let afterQuote = try after.quote(with: engine)
    var report = DiffReport(before: beforeQuote, after: afterQuote, deployments: (before.deployment, after.deployment))
    report.plannedChanges = plannedChanges
    report.planStatement = statement
    report.markUnchanged(resources: unchanged)
    report.overlaps = engine.moveOverlaps(
      from: before.deployment, to: after.deployment, leadMonths: arguments.count("lead-time") ?? 1, replaced: replaced)
    let incomplete = try emit(report, arguments, context: &context)
    try OutputOptions.checkBudget(
      report.afterTotal - report.beforeTotal, unpriced: incomplete, arguments, what: "monthly increase", context: &context)
    return .success
  }

  /// Writes the report and warns when items are not priced on a side; returns how many are incomplete.
  static func emit(_ report: DiffReport, _ arguments: ParsedArguments, context: inout CommandContext) throws -> Int {
    try OutputOptions.emit(report, arguments, context: &context)
    let incomplete = report.rows.filter(\.isIncomplete).count
    if incomplete > 0 {
      context.warnings.append(
        "warning: \(incomplete) item\(incomplete == 1 ? " is" : "s are") not priced on one side or both, so the change is unknown; see 'Not priced'")
    }
    return incomplete
  }

  /// Whether a JSON file is a portfolio (it has `sites`); syntax errors surface when it is decoded.
  static func isPortfolio(_ data: Data, file: String) -> Bool {
    guard let root = try? JSONNode.parse(data, file: file) else { return false }
    return root.member("sites") != nil
  }
}
