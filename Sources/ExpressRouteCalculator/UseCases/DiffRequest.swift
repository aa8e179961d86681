import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import Foundation

extension UseCases {
  /// `diff`: the cost change per item between two deployments, two portfolios, two estates, or the two sides of a
  /// Terraform plan.
  public struct DiffRequest {
    /// A JSON document and its file name.
    public typealias Document = (data: Data, file: String)

    /// What is compared.
    public enum Input {
      /// Two deployment files or two portfolio files (a document with `sites` is a portfolio); both must be alike.
      case documents(before: Document, after: Document)
      /// Two estates, in any mix of formats.
      case estates(before: EstateImport, after: EstateImport)
      /// A Terraform plan (`terraform show -json PLAN`): the state it changes against what applying it makes.
      case plan(Document)
    }

    /// What is compared.
    public var input: Input
    /// Fiscal years (portfolios) and the lead time of circuits moved or replaced (deployments).
    public var plan: PlanOptions
    /// How portfolio sites' series are read.
    public var reading: SeriesReading

    /// Creates a request to compare `input`.
    public init(_ input: Input, plan: PlanOptions = PlanOptions(), reading: SeriesReading = SeriesReading()) {
      self.input = input
      self.plan = plan
      self.reading = reading
    }

    /// Prices both sides and compares them.
    ///
    /// The gate is the after side's monthly total (its highest month for portfolios), or for estates and plans the
    /// monthly increase, incomplete while any item is not priced on one side. Portfolio sites read their series as
    /// ``BudgetRequest`` does; a site refused on either side fails the diff
    /// (``RequestError/sitesRefused(_:)``).
    ///
    /// - Throws: ``RequestError`` (``RequestError/mixedDiffInputs(before:after:)``, sites refused, dated charges, a
    ///   missing series), ``Diagnostic`` (also two portfolios that cover different months).
    public func run(engine: PricingEngine, warnings: inout [String]) throws -> RequestOutcome<DiffReport> {
      switch input {
      case .documents(let before, let after):
        let isPortfolio = Self.isPortfolio(before)
        guard isPortfolio == Self.isPortfolio(after) else {
          throw RequestError.mixedDiffInputs(before: before.file, after: after.file)
        }
        if isPortfolio { return try portfolios(before, after, engine: engine, warnings: &warnings) }
        let sides = (
          before: try Deployment(json: before.data, file: before.file),
          after: try Deployment(json: after.data, file: after.file)
        )
        for deployment in [sides.before, sides.after] {
          try QuoteRequest.refuseDatedCharges(deployment.charges, in: .twoDeployments)
        }
        let quotes = (before: try engine.quote(sides.before), after: try engine.quote(sides.after))
        var report = DiffReport(before: quotes.before, after: quotes.after, deployments: sides)
        report.overlaps = engine.moveOverlaps(from: sides.before, to: sides.after, leadMonths: plan.leadTime)
        let unpriced = quotes.after.unpriced.count + quotes.after.skippedResources.count
        var gate = RequestOutcome<DiffReport>.Gate(
          total: quotes.after.total, measure: "monthly total", unpriced: unpriced, before: quotes.before.total,
          change: quotes.after.total - quotes.before.total)
        gate.beforeUnpriced = quotes.before.unpriced.count + quotes.before.skippedResources.count
        return RequestOutcome(report: report, gate: gate)
      case .estates(let before, let after):
        // A resource one estate names apart (two of its name) is named alike in the other, found by its ARM ID.
        let sides = (
          before: try before.read(placingOn: engine.locations), after: try after.read(placingOn: engine.locations)
        )
        return try imported(
          before: sides.before.namedAlike(sides.after), after: sides.after.namedAlike(sides.before), plan: nil,
          engine: engine)
      case .plan(let document):
        let change = try DeploymentImporter().readPlanChange(json: document.data, file: document.file)
        return try imported(
          before: change.before.placingLocations(engine.locations),
          after: change.after.placingLocations(engine.locations), plan: change,
          engine: engine)
      }
    }

    /// Two portfolios budgeted over their own periods, every site of both required.
    func portfolios(_ first: Document, _ second: Document, engine: PricingEngine, warnings: inout [String]) throws
      -> RequestOutcome<DiffReport>
    {
      let portfolios = (
        before: try Portfolio(json: first.data, file: first.file),
        after: try Portfolio(json: second.data, file: second.file)
      )
      try Self.refuseDifferentPeriods(portfolios, first, second)
      // Both sides cover the same months (checked above), no amortisation: only the years are the options'.
      let calendar = PlanOptions(fiscalYearStart: plan.fiscalYearStart)
      let before = try BudgetRequest.budget(
        portfolios.before, file: first.file, plan: calendar, engine: engine, reading: reading, warnings: &warnings)
      let after = try BudgetRequest.budget(
        portfolios.after, file: second.file, plan: calendar, engine: engine, reading: reading, warnings: &warnings)
      // A site refused on either side would read as added or removed: the diff needs every site budgeted.
      let refused = (before.refused + after.refused).filter { $0.from == nil }
      if !refused.isEmpty { throw RequestError.sitesRefused(refused) }
      var gate = RequestOutcome<DiffReport>.Gate(
        total: after.peakMonthTotal, measure: "highest monthly total", unpriced: after.unpriced.count,
        before: before.peakMonthTotal, change: after.peakMonthTotal - before.peakMonthTotal)
      gate.beforeUnpriced = before.unpriced.count
      return RequestOutcome(report: DiffReport(before: before, after: after), gate: gate)
    }

    /// Two imported sides, with the plan's changes when they come from one.
    func imported(
      before: DeploymentImporter.Result, after: DeploymentImporter.Result, plan change: TerraformPlanChange?,
      engine: PricingEngine
    ) throws -> RequestOutcome<DiffReport> {
      // The resources the plan leaves as they are, as the report names them: they add nothing to the change.
      var unchanged: Set<String> = []
      if let kept = try change?.unchanged?.placingLocations(engine.locations).quote(with: engine) {
        unchanged = Set(kept.lineItems.map(\.resource) + kept.unpriced.map(\.resource) + kept.skippedResources)
      }
      for side in [before, after] { try QuoteRequest.refuseDatedCharges(side.deployment.charges, in: .twoEstates) }
      var report = DiffReport(
        before: try before.quote(with: engine), after: try after.quote(with: engine),
        deployments: (before.deployment, after.deployment))
      report.plannedChanges = change?.changes ?? []
      report.planStatement = change?.statement
      report.markUnchanged(resources: unchanged)
      report.overlaps = engine.moveOverlaps(
        from: before.deployment, to: after.deployment, leadMonths: plan.leadTime,
        replaced: Set(change?.replacedCircuits ?? []))
      let incomplete = report.rows.filter(\.isIncomplete).count
      return RequestOutcome(
        report: report,
        gate: .init(
          total: report.afterTotal - report.beforeTotal, measure: "monthly increase", unpriced: incomplete,
          before: report.beforeTotal, change: report.afterTotal - report.beforeTotal))
    }

    /// Refuses two portfolios that cover different months: each side's total is over its own months, so their
    /// difference would mix a change in cost with a change in period (two months fewer reads as a saving).
    ///
    /// - Throws: ``Diagnostic`` at the second portfolio's `startMonth` (or `horizonMonths`, or the document when
    ///   neither is written), naming both periods.
    static func refuseDifferentPeriods(
      _ portfolios: (before: Portfolio, after: Portfolio), _ first: Document, _ second: Document
    ) throws {
      let (before, after) = portfolios
      guard before.months != after.months else { return }
      func period(_ portfolio: Portfolio) -> String {
        let months = portfolio.months
        let span = "\(months.first?.description ?? "") to \(months.last?.description ?? "")"
        return "\(span) (\(portfolio.horizonMonths) month\(portfolio.horizonMonths == 1 ? "" : "s"))"
      }
      let root = try JSONNode.parse(second.data, file: second.file)
      let object = try root.object()
      let node =
        before.startMonth != after.startMonth
        ? object.optional("startMonth") ?? root
        : object.optional("horizonMonths") ?? object.optional("startMonth") ?? root
      throw node.error(
        "'\(second.file)' covers \(period(after)) but '\(first.file)' covers \(period(before)); a diff compares the same months on both sides, so give both portfolios the same startMonth and horizonMonths"
      )
    }

    /// Whether a document is a portfolio (it has `sites`); syntax errors surface when it is decoded.
    static func isPortfolio(_ document: Document) -> Bool {
      guard let root = try? JSONNode.parse(document.data, file: document.file) else { return false }
      return root.member("sites") != nil
    }
  }
}

/// `UseCases.DiffRequest`, by its short name inside the package.
package typealias DiffRequest = UseCases.DiffRequest
