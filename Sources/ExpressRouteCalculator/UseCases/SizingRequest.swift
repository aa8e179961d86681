import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import ExpressRouteTraffic

extension UseCases {
  /// `size`: recommend circuit, SKU, billing model and gateway for one workload, sized from its traffic when given.
  public struct SizingRequest {
    /// The workload profile.
    public var profile: WorkloadProfile
    /// The profile's file, which its `series` paths are relative to.
    public var profileFile: String
    /// Series given besides the profile's own, oldest first (read after them).
    public var series: [SeriesReading.File]
    /// The circuit to size from when the series hold several; `nil` takes the profile's `seriesCircuit`.
    public var circuit: String?
    /// Plan start, lead time and amortisation (months and fiscal years are not used).
    public var plan: PlanOptions
    /// How series are read.
    public var reading: SeriesReading

    /// Creates a request to size `profile`, read from `profileFile`.
    public init(
      profile: WorkloadProfile, profileFile: String, series: [SeriesReading.File] = [], circuit: String? = nil,
      plan: PlanOptions = PlanOptions(),
      reading: SeriesReading = SeriesReading()
    ) {
      self.profile = profile
      self.profileFile = profileFile
      self.series = series
      self.circuit = circuit
      self.plan = plan
      self.reading = reading
    }

    /// Sizes the workload: reads the series (warnings appended to `warnings`), chooses one by
    /// ``SeriesMatch/select(_:in:)`` (the one rule, as budget and diff use), and prices every option over the horizon.
    ///
    /// The gate is the highest month of the plan with its extras; `nil` when the plan has no month.
    ///
    /// - Throws: ``RequestError`` (``RequestError/seriesNotChosen(available:)``, a missing series), ``Diagnostic``.
    public func run(engine: PricingEngine, warnings: inout [String]) throws -> RequestOutcome<SizingReport> {
      var profile = plan.applied(to: profile)
      let files = profile.series.map { SeriesReading.File(listed: $0, in: profileFile) } + series
      var traffic: TrafficSummary?
      if !files.isEmpty {
        let summaries = try reading.summaries(files, warnings: &warnings)
        do {
          traffic = try SeriesMatch.select(circuit ?? profile.seriesCircuit, in: summaries)
        } catch .notChosen(let available) {
          throw RequestError.seriesNotChosen(available: available)
        } catch {
          throw Diagnostic(.error, error.message)
        }
        profile.series = []
      }
      let result = try SizingSolver(engine: engine).solve(profile, traffic: traffic)
      let gate = result.monthlyTotals.max().map {
        RequestOutcome<SizingReport>.Gate(
          total: $0, measure: "highest monthly cost", unpriced: result.unpricedCharges.count)
      }
      return RequestOutcome(report: SizingReport(result: result, startMonth: plan.start), gate: gate)
    }
  }
}

/// `UseCases.SizingRequest`, by its short name inside the package.
package typealias SizingRequest = UseCases.SizingRequest
