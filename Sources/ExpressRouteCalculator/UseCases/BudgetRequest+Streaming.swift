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
  }

  /// Budgets the portfolio and hands its FOCUS CSV to `write` piece by piece: the header, each site's rows as soon as
  /// its chunk of sites is budgeted (in portfolio order, rendered on the core that budgeted the site), then the rows
  /// of sites refused whole. The pieces joined are byte for byte the CSV of ``run(engine:warnings:)``'s report, but
  /// memory holds one chunk of sites instead of every quote of every site (10,000 sites over three years are about
  /// half a gigabyte of CSV).
  ///
  /// - Throws: what ``run(engine:warnings:)`` throws, and the first error `write` throws (nothing more is written
  ///   after it).
  public func streamCSV(
    engine: PricingEngine, warnings: inout [String], write: ([UInt8]) throws -> Void
  ) throws -> StreamedCSV {
    if let groupBy, !portfolio.sites.contains(where: { $0.tags[groupBy] != nil }) {
      throw RequestError.unknownTag(groupBy, known: Set(portfolio.sites.flatMap(\.tags.keys)).sorted())
    }
    let planned = plan.applied(to: portfolio)
    let traffic = try reading.portfolioTraffic(planned, path: portfolioFile, warnings: &warnings)
    let months = (0..<planned.horizonMonths).map { planned.startMonth.advanced(by: $0) }
    var monthTotals = [Decimal](repeating: 0, count: months.count)
    var unpriced = 0
    var failure: (any Error)?
    func emit(_ bytes: [UInt8]) {
      guard failure == nil else { return }
      do { try write(bytes) } catch { failure = error }
    }
    emit(BudgetReport.CSVPieces.header)
    // Each site's rows, month totals and unpriced count are worked out on the core that budgeted it; the visitor only
    // adds them up and writes, so little runs on one core between chunks.
    let budget = try plan.applied(
      to: BudgetPlanner(engine: engine).budget(
        planned, traffic: traffic, amortize: plan.amortize,
        alongside: { site in
          let totals = site.months.prefix(months.count).map { quote in
            quote.lineItems.reduce(Decimal(0)) { FastDecimal.sum($0, $1.amount.amount) }
          }
          return (
            rows: BudgetReport.CSVPieces.rows(of: site, months: months), totals: totals,
            unpriced: Budget.unpriced(of: site).count
          )
        }
      ) { _, rendered in
        for (index, total) in rendered.totals.enumerated() { FastDecimal.add(total, to: &monthTotals[index]) }
        unpriced += rendered.unpriced
        emit(rendered.rows)
        return nil
      })
    emit(BudgetReport.CSVPieces.refusedRows(budget))
    if let failure { throw failure }
    let gate = UseCases.RequestOutcome<BudgetReport>.Gate(
      total: Money(monthTotals.max() ?? 0, currency: budget.currency), measure: "highest monthly total",
      unpriced: unpriced)
    return StreamedCSV(budget: budget, gate: gate)
  }
}
