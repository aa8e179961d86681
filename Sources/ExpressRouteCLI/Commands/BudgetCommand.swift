import ExpressRouteCalculator
import Foundation

/// `ercalc budget`: prices a portfolio month by month.
enum BudgetCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc budget",
    abstract: "Budget a portfolio of sites month by month, with growth and upgrade plans.",
    discussion: """
      A portfolio lists sites; each is a fixed deployment (with yearly volume growth) or a workload profile that ercalc sizes and follows month by month. Totals come per month, year, site and meter.
      Example:
        ercalc budget portfolio.json --format html -o budget.html
      """,
    arguments: [ArgumentSpec("portfolio", help: "Portfolio JSON file (README, 'Portfolios').")],
    options: [
      .option("start", value: "yyyy-mm", kind: .month, help: "First month, overriding the portfolio's startMonth."),
      .option("months", value: "n", kind: .count(1...60), help: "Months to budget, 1 to 60, overriding the portfolio's horizonMonths."),
      BudgetYearOptions.spec,
      .flag("amortize", help: "Spread one-time charges (installation fees) over their contract term instead of their first month."),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when any month's total exceeds this amount, or when a charge could not be priced (a budget gate for CI)."))

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    guard let path = arguments.argument("portfolio") else { throw UsageError("Missing expected argument '<portfolio>'") }
    let engine = try PricingOptions.engine(arguments)
    var portfolio = try Portfolio(json: try InputFile(arguments).readJSON(path), file: path)
    if let month = arguments.month("start") { portfolio.startMonth = month }
    if let months = arguments.count("months") { portfolio.horizonMonths = months }
    let traffic = try SeriesLoader.portfolioTraffic(portfolio, path: path, context: &context)
    var budget = try BudgetPlanner(engine: engine).budget(portfolio, traffic: traffic, amortize: arguments.flag("amortize"))
    BudgetYearOptions.apply(arguments, to: &budget)
    try OutputOptions.emit(BudgetReport(budget: budget), arguments, context: &context)
    OutputOptions.warnIncomplete(budget.unpriced.count, context: &context)
    try OutputOptions.checkBudget(budget.peakMonthTotal, unpriced: budget.unpriced.count, arguments, what: "highest monthly total", context: &context)
    return .success
  }
}
