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
    let budget = try plan.applied(
      to: BudgetPlanner(engine: engine).budget(
        planned, traffic: traffic, amortize: plan.amortize,
        alongside: { site in BudgetReport.CSVPieces.rows(of: site, months: months) }
      ) { site, rows in
        for (index, quote) in site.months.enumerated() where index < monthTotals.count {
          for item in quote.lineItems { FastDecimal.add(item.amount.amount, to: &monthTotals[index]) }
        }
        unpriced += Budget.unpriced(of: site).count
        emit(rows)
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
