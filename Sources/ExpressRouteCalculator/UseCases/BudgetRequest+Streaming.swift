import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import Foundation
import Synchronization

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
  /// `write` returns whether its reader wants more: after `false` (the reader went away, as `| head -1` does) the sites
  /// are still budgeted, so refusals and the gate cover every site, but their rows are no longer rendered.
  ///
  /// - Throws: what ``run(engine:warnings:)`` throws, and the first error `write` throws (nothing more is written
  ///   after it).
  public func streamCSV(
    engine: PricingEngine, warnings: inout [String], write: ([UInt8]) throws -> Bool
  ) throws -> StreamedCSV {
    // Checked before anything is read or written, from the portfolio's own sites.
    try Self.requireTag(groupBy, in: portfolio.sites.map(\.tags))
    let applied = plan.applied(to: portfolio)
    var monthTotals = [Decimal](repeating: 0, count: applied.horizonMonths)
    let periods = BudgetReport.CSVPieces.Periods(applied.months)
    var unpriced = 0
    var failure: (any Error)?
    var headerWritten = false
    let readerGone = Flag()
    func emit(_ bytes: [UInt8]) {
      if !headerWritten {
        headerWritten = true
        emit(BudgetReport.CSVPieces.header)
      }
      guard failure == nil, !readerGone.isSet else { return }
      do {
        if try !write(bytes) { readerGone.set() }
      } catch { failure = error }
    }
    // Each site's rows, month totals and unpriced count are worked out on the core that budgeted it; the visitor only
    // adds them up and writes, so little runs on one core between chunks. A write error stops the budget.
    let budget = try Self.budget(
      portfolio, file: portfolioFile, plan: plan, engine: engine, reading: reading, warnings: &warnings,
      alongside: { months, site in
        let totals = site.months.prefix(months.count).map { quote in
          quote.lineItems.reduce(Decimal(0)) { FastDecimal.sum($0, $1.amount.amount) }
        }
        return (
          rows: readerGone.isSet
            ? [] : BudgetReport.CSVPieces.rows(of: site, periods: months == periods.months ? periods : .init(months)),
          totals: totals,
          unpriced: Budget.unpriced(of: site).count
        )
      }, shouldContinue: { failure == nil }
    ) { _, rendered in
      for (index, total) in rendered.totals.enumerated() { FastDecimal.add(total, to: &monthTotals[index]) }
      unpriced += rendered.unpriced
      emit(rendered.rows)
      return nil
    }
    emit(BudgetReport.CSVPieces.refusedRows(budget))
    if let failure { throw failure }
    let gate = UseCases.RequestOutcome<BudgetReport>.Gate(
      total: Money(monthTotals.max() ?? 0, currency: budget.currency), measure: "highest monthly total",
      unpriced: unpriced)
    return StreamedCSV(budget: budget, gate: gate)
  }

  /// A flag set once, read from every core: whether the CSV's reader went away.
  private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
  }
}
