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
      .option(
        "group-by", value: "tag",
        help: "Group sites by one of their tags (such as region or costCentre): totals per group and year, and a chart by group."),
      .option("top", value: "n", kind: .count(1...1000), help: "Sites in the top-by-cost and top-by-growth tables.", default: "10"),
      .flag(
        "details",
        help:
          "Show the site × month table and each site's line items (and every month's quote in JSON) even for more than 12 sites; CSV always holds every line item."
      ),
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
    if let tag = arguments.value("group-by"), !budget.sites.contains(where: { $0.tags[tag] != nil }) {
      let known = Set(budget.sites.flatMap(\.tags.keys)).sorted()
      throw UsageError(
        "No site has the tag '\(tag)'"
          + (known.isEmpty ? "; the portfolio's sites have no tags" : " (tags in this portfolio: \(known.joined(separator: ", ")))"))
    }
    let summary = BudgetSummary(budget, groupBy: arguments.value("group-by"))
    let report = BudgetReport(
      budget: budget, groupBy: arguments.value("group-by"), top: arguments.count("top") ?? 10, showsDetails: arguments.flag("details"),
      summary: summary)
    try OutputOptions.emit(report, arguments, context: &context)
    OutputOptions.warnIncomplete(summary.unpriced.count, context: &context)
    if !budget.refused.isEmpty {
      // Everything else is budgeted and written; the status still says data was refused, so pipelines notice.
      context.warnings += budget.refused.map(\.diagnostic.commandLineDescription)
      context.warnings.append(
        "error: \(budget.refused.count) site\(budget.refused.count == 1 ? "" : "s") refused (listed under 'Refused'); the rest is budgeted")
      return .dataError
    }
    try OutputOptions.checkBudget(
      Money(summary.peakMonthTotal, currency: budget.currency), unpriced: summary.unpriced.count, arguments, what: "highest monthly total",
      context: &context)
    return .success
  }
}
