import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports

extension UseCases {
  /// `audit`: each circuit of a live estate, its cost today against what its traffic needs.
  public struct AuditRequest {
    /// The months looked ahead when the request gives none: 12.
    public static let defaultMonths = 12

    /// The estate.
    public var estate: EstateImport
    /// The circuits' metrics, oldest first; each circuit's series is matched by its name (``SeriesMatch``).
    public var series: [SeriesReading.File]
    /// Months to look ahead (1 to 60).
    public var months: Int
    /// Azure regions the circuits serve (lets the audit consider Local).
    public var targetRegions: [String]
    /// Lead time (the other options are not used).
    public var plan: PlanOptions
    /// How series are read.
    public var reading: SeriesReading
    /// Cost exports (FOCUS or cost-details CSV) whose last month, with the estate's inventory, shows waste
    /// (``Reconciliation/WasteFinding``); none by default.
    public var actuals: [String] = []

    /// Creates a request to audit `estate` against `series`.
    public init(
      estate: EstateImport, series: [SeriesReading.File], months: Int? = nil, targetRegions: [String] = [],
      plan: PlanOptions = PlanOptions(),
      reading: SeriesReading = SeriesReading()
    ) {
      self.estate = estate
      self.series = series
      self.months = months ?? Self.defaultMonths
      self.targetRegions = targetRegions
      self.plan = plan
      self.reading = reading
    }

    /// Imports the estate, reads the series (warnings appended to `warnings`) and sizes every provider circuit.
    ///
    /// - Throws: a missing series (``RequestError``), ``Diagnostic``.
    public func run(engine: PricingEngine, warnings: inout [String]) throws -> RequestOutcome<AuditReport> {
      let imported = try estate.read(placingOn: engine.locations)
      // The product rules `quote` applies to the estate (a gateway's circuit limits among them) hold here too.
      _ = try engine.validate(imported.deployment, checkingCapacity: false)
      let summaries = try reading.summaries(series, warnings: &warnings)
      var audit = EstateAudit(engine: engine, horizonMonths: months, targetRegions: targetRegions)
      audit.leadTimeMonths = plan.leadTime
      let entries = try audit.audit(imported.deployment, traffic: summaries)
      var report = AuditReport(
        entries: entries, name: imported.deployment.name, horizonMonths: months, basis: engine.basis)
      if !actuals.isEmpty {
        let known = Set(imported.deployment.azureResources.values.map { $0.id.lowercased() })
        let ledger = try BillingLedger.read(paths: actuals, known: known)
        if let billed = ledger.currency, billed != engine.rates.currency {
          throw Diagnostic(
            .error,
            "the exports bill in \(billed), the audit prices in \(engine.rates.currency): price it with a rate table in \(billed)",
            location: ledger.currencyOrigin, remedy: .completeRateTable)
        }
        let inventory = EstateInventory(json: estate.data, file: estate.file)
        report.waste = WasteFinder(inventory: inventory, engine: engine).findings(ledger)
      }
      return RequestOutcome(report: report, gate: nil)
    }
  }
}

/// `UseCases.AuditRequest`, by its short name inside the package.
package typealias AuditRequest = UseCases.AuditRequest
