import ExpressRouteCalculator

extension BudgetCommand {
  /// The options and help of `ercalc budget`.
  static let spec = CommandSpec(
    name: "ercalc budget",
    abstract: "Budget a portfolio of sites month by month, with growth and upgrade plans.",
    discussion: """
      A portfolio lists sites; each is a fixed deployment (with yearly volume growth) or a workload profile that ercalc sizes and follows month by month. Totals come per month, year, site and meter.
      Example:
        ercalc budget portfolio.json --format html -o budget.html
      """,
    arguments: [ArgumentSpec("portfolio", help: "Portfolio JSON file (README, 'Budgets').")],
    options: [
      .option("start", value: "yyyy-mm", kind: .month, help: "First month, overriding the portfolio's startMonth."),
      .option(
        "months", value: "n", kind: .count(1...60),
        help: "Months to budget, 1 to 60, overriding the portfolio's horizonMonths."),
      BudgetYearOptions.spec,
      .flag(
        "amortize",
        help: "Spread one-time charges (installation fees) over their contract term instead of their first month."),
      .option(
        "group-by", value: "tag",
        help:
          "Group sites by one of their tags (such as region or costCentre): totals per group and year, and a chart by group."
      ),
      .option(
        "top", value: "n", kind: .count(1...1000), help: "Sites in the top-by-cost and top-by-growth tables.",
        default: "10"),
      .flag(
        "details",
        help:
          "Show the site × month table and each site's line items (and every month's quote in JSON) even for more than 12 sites; CSV always holds every line item."
      ),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when any month's total exceeds this amount, or when a charge could not be priced (a budget gate for CI)."
      ))
}
