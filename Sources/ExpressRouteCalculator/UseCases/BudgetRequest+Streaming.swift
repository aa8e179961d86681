import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import Foundation

extension UseCases.BudgetRequest {
  /// What a budget streamed as CSV leaves once written: the budget without its sites' months (refusals, notes,
  /// overruns, sources) and the figure a gate checks.
  public struct StreamedCSV: Sendable {
    /// The budget; its ``Budget/sites`` are empty, as their rows were written and let go.
    public var budget: Budget
    /// The highest monthly total and the unpriced charges (each once per site), as ``run(engine:warnings:)`` gives.
    public var gate: UseCases.RequestOutcome<BudgetReport>.Gate
    /// The sites whose rows `write` took before it asked to stop (every budgeted site when it never did); the budget's
    /// refusals and the gate then cover the chunks of sites budgeted by then only.
    public var sitesWritten: Int
    /// Whether every site was budgeted (`write` never asked to stop).
    public var isComplete: Bool
  }

  /// Budgets the portfolio and hands its FOCUS CSV to `write` piece by piece: the header, each site's rows as soon as
  /// its chunk of sites is budgeted (in portfolio order, rendered on the core that budgeted the site), then the rows
  /// of sites refused whole. The pieces joined are byte for byte the CSV of ``run(engine:warnings:)``'s report, but
  /// memory holds one chunk of sites instead of every quote of every site (10,000 sites over three years are about
  /// half a gigabyte of CSV).
  ///
  /// `write` returns whether to go on: `false` (its reader went away, as `| head -1` does) stops budgeting after the
  /// chunk of sites being written, instead of working out a CSV nobody reads.
  ///
  /// - Throws: what ``run(engine:warnings:)`` throws, and the first error `write` throws (nothing more is written
  ///   after it).
  public func streamCSV(
    engine: PricingEngine, warnings: inout [String], write: ([UInt8]) throws -> Bool
  ) throws -> StreamedCSV {
    // Checked before anything is read or written, from the portfolio's own sites.
    try Self.requireTag(groupBy, in: portfolio.sites.map(\.tags))
    var monthTotals = [Decimal](repeating: 0, count: plan.applied(to: portfolio).horizonMonths)
    var unpriced = 0
    var failure: (any Error)?
    var headerWritten = false
    var stopped = false
    var sitesWritten = 0
    /// Writes `bytes` (after the header, the first time); whether the reader took them and wants more.
    @discardableResult func emit(_ bytes: [UInt8]) -> Bool {
      if !headerWritten {
        headerWritten = true
        emit(BudgetReport.CSVPieces.header)
      }
      guard failure == nil, !stopped else { return false }
      do { stopped = try !write(bytes) } catch { failure = error }
      return failure == nil && !stopped
    }
    // Each site's rows, month totals and unpriced count are worked out on the core that budgeted it; the visitor only
    // adds them up and writes, so little runs on one core between chunks.
    let budget = try Self.budget(
      portfolio, file: portfolioFile, plan: plan, engine: engine, reading: reading, warnings: &warnings,
      alongside: { months, site in
        let totals = site.months.prefix(months.count).map { quote in
          quote.lineItems.reduce(Decimal(0)) { FastDecimal.sum($0, $1.amount.amount) }
        }
        return (
          rows: BudgetReport.CSVPieces.rows(of: site, months: months), totals: totals,
          unpriced: Budget.unpriced(of: site).count
        )
      }, shouldContinue: { failure == nil && !stopped }
    ) { _, rendered in
      for (index, total) in rendered.totals.enumerated() { FastDecimal.add(total, to: &monthTotals[index]) }
      unpriced += rendered.unpriced
      if emit(rendered.rows) { sitesWritten += 1 }
      return nil
    }
    let isComplete = failure == nil && !stopped
    if isComplete { emit(BudgetReport.CSVPieces.refusedRows(budget)) }
    if let failure { throw failure }
    let gate = UseCases.RequestOutcome<BudgetReport>.Gate(
      total: Money(monthTotals.max() ?? 0, currency: budget.currency), measure: "highest monthly total",
      unpriced: unpriced)
    return StreamedCSV(budget: budget, gate: gate, sitesWritten: sitesWritten, isComplete: isComplete)
  }
}
