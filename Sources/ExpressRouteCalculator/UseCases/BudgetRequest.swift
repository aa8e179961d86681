import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports

extension UseCases {
  /// `budget`: a portfolio priced month by month, with its sites' traffic, totals per year and the chosen grouping.
  public struct BudgetRequest {
    /// The portfolio.
    public var portfolio: Portfolio
    /// The portfolio's file, which its sites' series paths are relative to (and which errors about sites name).
    public var portfolioFile: String
    /// Start, months, fiscal year and amortisation (lead time comes from each site's profile).
    public var plan: PlanOptions
    /// A site tag to total by (such as `region`); some site must have it.
    public var groupBy: String?
    /// Sites in the top-by-cost and top-by-growth tables.
    public var top: Int
    /// Show the site × month table and every line item even for more than 12 sites.
    public var showsDetails: Bool
    /// How the sites' series are read.
    public var reading: SeriesReading

    /// Creates a request to budget `portfolio`, read from `portfolioFile`.
    public init(
      portfolio: Portfolio, portfolioFile: String, plan: PlanOptions = PlanOptions(), groupBy: String? = nil,
      top: Int = 10,
      showsDetails: Bool = false, reading: SeriesReading = SeriesReading()
    ) {
      self.portfolio = portfolio
      self.portfolioFile = portfolioFile
      self.plan = plan
      self.groupBy = groupBy
      self.top = top
      self.showsDetails = showsDetails
      self.reading = reading
    }

    /// The budget of `portfolio` (read from `file`) over `plan`: each profile site's series chosen by
    /// ``SeriesMatch/select(_:in:)``, totals per `plan`'s years. Sites refused are listed in the budget, not thrown.
    static func budget(
      _ portfolio: Portfolio, file: String, plan: PlanOptions, engine: PricingEngine, reading: SeriesReading,
      warnings: inout [String]
    ) throws -> Budget {
      try budget(
        portfolio, file: file, plan: plan, engine: engine, reading: reading, warnings: &warnings,
        alongside: { _, _ in () }, visit: { site, _ in site })
    }

    /// ``budget(_:file:plan:engine:reading:warnings:)`` site by site, as
    /// ``BudgetPlanner/budget(_:traffic:unreadableTraffic:amortize:alongside:shouldContinue:visit:)`` hands them out: `alongside` gets the budget's
    /// months with each site, on the core that budgeted it; the budget keeps what `visit` returns; `shouldContinue`
    /// returning `false` after a chunk of sites stops there.
    static func budget<Extra: Sendable>(
      _ portfolio: Portfolio, file: String, plan: PlanOptions, engine: PricingEngine, reading: SeriesReading,
      warnings: inout [String], alongside: @escaping @Sendable ([MonthKey], Budget.Site) -> Extra,
      shouldContinue: () -> Bool = { true }, visit: (Budget.Site, Extra) -> Budget.Site?
    ) throws -> Budget {
      let portfolio = plan.applied(to: portfolio)
      let (traffic, unreadable) = try reading.portfolioTraffic(portfolio, path: file, warnings: &warnings)
      let months = portfolio.months
      return plan.applied(
        to: try BudgetPlanner(engine: engine).budget(
          portfolio, traffic: traffic, unreadableTraffic: unreadable, amortize: plan.amortize,
          alongside: { alongside(months, $0) }, shouldContinue: shouldContinue, visit: visit))
    }

    /// Refuses a grouping tag none of `tagSets` (one per site) has, naming the tags they do have.
    static func requireTag(_ tag: String?, in tagSets: [[String: String]]) throws {
      guard let tag, !tagSets.contains(where: { $0[tag] != nil }) else { return }
      throw RequestError.unknownTag(tag, known: Set(tagSets.flatMap(\.keys)).sorted())
    }

    /// Budgets the portfolio and summarises it by year and, with ``groupBy``, by group.
    ///
    /// The gate is the highest monthly total. Refused sites are in the report's budget (`report.budget.refused`);
    /// the rest is budgeted.
    ///
    /// - Throws: ``RequestError/unknownTag(_:known:)`` when no site has the ``groupBy`` tag, a missing series,
    ///   ``Diagnostic``.
    public func run(engine: PricingEngine, warnings: inout [String]) throws -> RequestOutcome<BudgetReport> {
      let budget = try Self.budget(
        portfolio, file: portfolioFile, plan: plan, engine: engine, reading: reading, warnings: &warnings)
      try Self.requireTag(groupBy, in: budget.sites.map(\.tags))
      let summary = BudgetSummary(budget, groupBy: groupBy)
      let report = BudgetReport(
        budget: budget, groupBy: groupBy, top: top, showsDetails: showsDetails, summary: summary)
      let gate = RequestOutcome<BudgetReport>.Gate(
        total: Money(summary.peakMonthTotal, currency: budget.currency), measure: "highest monthly total",
        unpriced: summary.unpriced.count)
      return RequestOutcome(report: report, gate: gate)
    }
  }
}

/// `UseCases.BudgetRequest`, by its short name inside the package.
package typealias BudgetRequest = UseCases.BudgetRequest
