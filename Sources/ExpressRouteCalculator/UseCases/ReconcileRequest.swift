import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import Foundation

extension UseCases {
  /// `reconcile`: an estate's or portfolio's estimate against cost exports, per resource × meter × month, with the
  /// waste billing and inventory show together.
  public struct ReconcileRequest {
    /// What the estimate is made from.
    public enum Estimate {
      /// An az, Resource Graph, ARM or Terraform document (`quote --from`), with the outbound volume a metered
      /// circuit is estimated at (its data charge is not priced without it).
      case estate(EstateImport, egress: DataVolume?)
      /// An ercalc deployment file.
      case deployment(Deployment)
      /// An ercalc portfolio, budgeted as `budget` would (its months are the estimate's months).
      case portfolio(BudgetRequest)
    }

    /// What the estimate is made from.
    public var estimate: Estimate

    /// The estimate a document describes: a portfolio (it has `sites`), an ercalc deployment (an object with none of
    /// the keys of Azure, ARM or Terraform documents), or else an estate for the `quote --from` importers.
    public static func estimate(
      _ estate: EstateImport, egress: DataVolume?, plan: PlanOptions = PlanOptions(),
      reading: SeriesReading = SeriesReading()
    ) throws -> Estimate {
      guard let root = try? JSONNode.parse(estate.data, file: estate.file), let object = try? root.object() else {
        return .estate(estate, egress: egress)
      }
      if object.has("sites") {
        return .portfolio(
          BudgetRequest(
            portfolio: try Portfolio(json: estate.data, file: estate.file), portfolioFile: estate.file, plan: plan,
            reading: reading))
      }
      let foreign = [
        "resources", "data", "value", "format_version", "planned_values", "resource_changes", "id", "type",
        "$schema", "contentVersion",
      ]
      if estate.parameters == nil, !foreign.contains(where: object.has) {
        return .deployment(try Deployment(json: estate.data, file: estate.file))
      }
      return .estate(estate, egress: egress)
    }
    /// The cost exports (paths).
    public var actuals: [String]
    /// Whether amortised costs are compared: one-time charges spread over their contract term in the estimate (as
    /// ``PlanOptions/amortize`` spreads them in a budget) and FOCUS rows summed by `EffectiveCost` rather than
    /// `BilledCost`. EA/MCA cost details carry no such choice of column: an `AmortizedCost` export is amortised.
    public var amortised: Bool

    /// Creates a request.
    public init(_ estimate: Estimate, actuals: [String], amortised: Bool = false) {
      self.estimate = estimate
      self.actuals = actuals
      self.amortised = amortised
    }

    /// Reads the exports (streamed, ExpressRoute rows kept), prices the estimate for the months they bill and sets
    /// one against the other.
    ///
    /// - Throws: ``Diagnostic`` for a malformed export, a refused format, or a billing currency other than the
    ///   estimate's; errors of the estimate's own request.
    public func run(engine: PricingEngine, warnings: inout [String]) throws -> RequestOutcome<ReconcileReport> {
      // The estimate's resources first, so rows on them are kept whatever their meter.
      var budget: Budget?
      var quoteSource: QuoteRequest.Source?
      var inventory = EstateInventory()
      switch estimate {
      case .estate(let estate, let egress):
        quoteSource = .estate(estate, egress: egress)
        inventory = EstateInventory(json: estate.data, file: estate.file)
      case .deployment(let deployment): quoteSource = .deployment(deployment)
      case .portfolio(let request):
        // One meaning of amortised for both sides: the estimate spreads one-time charges as the exports do.
        var plan = request.plan
        plan.amortize = amortised
        budget = try BudgetRequest.budget(
          request.portfolio, file: request.portfolioFile, plan: plan, engine: engine,
          reading: request.reading, warnings: &warnings)
      }
      var rows: [CostRow] = []
      let name: String
      let basis: PricingBasis
      let currency: CurrencyCode
      if let budget {
        rows = Reconciliation.estimateRows(budget)
        name = budget.name
        basis = budget.basis
        currency = budget.currency
      } else if let quoteSource {
        let probe = try QuoteRequest(quoteSource, period: CostRow.defaultPeriod(priceDate: engine.rates.effectiveDate))
          .run(engine: engine).report.quote
        rows = Reconciliation.estimateRows(probe, month: CostRow.defaultPeriod(priceDate: probe.priceDate))
        name = probe.name
        basis = probe.basis
        currency = probe.currency
      } else {
        preconditionFailure("an estimate is a quote source or a budget")
      }
      let known = Reconciliation.resourceIds(rows)
      let ledger = try BillingLedger.read(paths: actuals, amortised: amortised, known: known)
      if let billed = ledger.currency, billed != currency {
        throw Diagnostic(
          .error,
          "the exports bill in \(billed), the estimate is in \(currency): price the estimate with a rate table in \(billed) so the two can be compared",
          location: ledger.currencyOrigin, remedy: .completeRateTable)
      }
      if let quoteSource {
        rows = try ledger.months.flatMap { month in
          Reconciliation.estimateRows(
            try QuoteRequest(quoteSource, period: month).run(engine: engine).report.quote, month: month)
        }
      }
      var notes = ledger.exports.map { "read \($0.format) from \($0.file)" }
      if amortised {
        notes.append(
          budget == nil
            ? "amortised: FOCUS rows summed by EffectiveCost"
            : "amortised: one-time charges spread over their term in the estimate, FOCUS rows summed by EffectiveCost")
      }
      notes.append(
        "\(ledger.rowsKept) of \(ledger.rowsRead) rows kept (ExpressRoute-related or on a resource of the estate)")
      if ledger.unpricedRowsSkipped > 0 {
        notes.append(
          "\(ledger.unpricedRowsSkipped) rows marked unpriced in ercalc's own CSV skipped (their costs are placeholders)"
        )
      }
      let lastMonth = ledger.lastCompleteMonth
      if lastMonth == nil, !ledger.months.isEmpty, inventory.isAzureInventory {
        notes.append(
          "waste not judged: no month of the exports bills its fees whole (a month-to-date export's volumes would be set against a whole month's fee)"
        )
      }
      let estimated = Reconciliation.estimatedCost(
        rows.filter { row in
          lastMonth.map { BillingLedger.month(of: row.periodStart) == $0 } ?? false
        })
      let findings = WasteFinder(inventory: inventory, engine: engine).findings(ledger, estimated: estimated)
      let reconciliation = Reconciliation(
        estimate: rows, ledger: ledger, currency: currency, amortised: amortised, findings: findings, notes: notes)
      if reconciliation.months.isEmpty, let first = ledger.months.first, let last = ledger.months.last,
        let budget, let start = budget.months.first, let end = budget.months.last
      {
        // Nothing to compare is no answer: say which months each side covers instead of an empty report.
        throw Diagnostic(
          .error,
          "the exports bill \(first == last ? "\(first)" : "\(first) to \(last)"), which the estimate (\(start) to \(end)) does not cover, so nothing can be compared; start the estimate's calendar in a billed month",
          location: FileLocation(file: actuals.first ?? "", line: 1, column: 1))
      }
      let report = ReconcileReport(
        reconciliation: reconciliation, name: name, basis: basis, inventoryChecked: inventory.isAzureInventory,
        wasteMonth: lastMonth)
      return RequestOutcome(report: report, gate: nil)
    }
  }
}

/// `UseCases.ReconcileRequest`, by its short name inside the package.
package typealias ReconcileRequest = UseCases.ReconcileRequest
