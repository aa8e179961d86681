import Foundation

/// Prices a ``Portfolio`` month by month.
///
/// Deployment sites keep their configuration; their volumes (egress, Global
/// Reach, collector data) grow by the site's yearly growth, compounded
/// monthly. Profile sites are sized by ``SizingSolver`` over the portfolio's
/// horizon and follow its plan: each month's configuration is turned into a
/// ``Deployment`` and priced by the same ``PricingEngine``.
public struct BudgetPlanner: Sendable {
  /// The engine.
  public var engine: PricingEngine

  /// Creates a planner.
  public init(engine: PricingEngine) { self.engine = engine }

  /// Budgets `portfolio`; `traffic` holds summarised series for profile sites, by site name.
  public func budget(_ portfolio: Portfolio, traffic: [String: TrafficSummary] = [:]) throws(Diagnostic) -> Budget {
    let months = (0..<portfolio.horizonMonths).map { portfolio.startMonth.advanced(by: $0) }
    var sites: [Budget.Site] = []
    var notes: [String] = []
    for site in portfolio.sites {
      switch site.source {
      case .deployment(let deployment, let growth):
        var quotes: [Quote] = []
        for index in months.indices {
          let factor = Demand.growthFactor(yearlyGrowth: growth, month: index)
          var scaled = deployment
          scaled.name = site.name
          for position in scaled.circuits.indices {
            scaled.circuits[position].monthlyEgress = deployment.circuits[position].monthlyEgress.map { grown($0, factor) }
            let capacity = engine.monthlyCapacity(of: scaled.circuits[position].bandwidth)
            if let egress = scaled.circuits[position].monthlyEgress, egress > capacity, !notes.contains(where: { $0.hasPrefix("\(site.name): circuit '\(scaled.circuits[position].name)'") }) {
              notes.append("\(site.name): circuit '\(scaled.circuits[position].name)' would carry \(egress) in \(months[index]), more than its \(scaled.circuits[position].bandwidth) can carry one way in a month (\(capacity)); size it with a profile")
            }
          }
          for position in scaled.globalReach.indices {
            scaled.globalReach[position].dataAToB = deployment.globalReach[position].dataAToB.map { grown($0, factor) }
            scaled.globalReach[position].dataBToA = deployment.globalReach[position].dataBToA.map { grown($0, factor) }
          }
          for position in scaled.trafficCollectors.indices {
            scaled.trafficCollectors[position].processedData = deployment.trafficCollectors[position].processedData.map { grown($0, factor) }
          }
          do {
            // Month 1 is the deployment as given; later months note an overrun (above) instead of failing.
            quotes.append(try engine.quote(scaled, checkingCapacity: index == 0))
          } catch {
            throw Diagnostic(error.severity, "site '\(site.name)': \(error.message)", location: error.location, path: error.path, file: error.file, rule: error.rule)
          }
        }
        if growth != 0 { notes.append("\(site.name): volumes grow \((growth * 100).fixedPoint(places: 1))% a year, compounded monthly; the configuration is fixed") }
        sites.append(Budget.Site(name: site.name, months: quotes, sizing: nil))
      case .profile(var profile):
        profile.horizonMonths = portfolio.horizonMonths
        let result: SizingResult
        do {
          result = try SizingSolver(engine: engine).solve(profile, traffic: traffic[site.name])
        } catch {
          throw Diagnostic(error.severity, "site '\(site.name)': \(error.message)", location: error.location, path: error.path, file: error.file, rule: error.rule)
        }
        // The solver prices every month of its plan through the engine; the budget takes those quotes as they are.
        let quotes = result.months.map(\.quote)
        notes.append("\(site.name): sized from its profile; the plan starts at \(result.plan.first.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" } ?? "?")\(result.plan.count > 1 ? " and changes \(result.plan.count - 1) time\(result.plan.count == 2 ? "" : "s")" : "")")
        sites.append(Budget.Site(name: site.name, months: quotes, sizing: result))
      }
    }
    var used = Set<String>()
    for site in sites {
      for quote in site.months { used.formUnion(quote.sources.map(\.id)) }
    }
    return Budget(
      name: portfolio.name, months: months, sites: sites, currency: engine.rates.currency, hoursPerMonth: engine.hoursPerMonth,
      priceTableName: engine.rates.name, priceDate: engine.rates.effectiveDate, sources: engine.rates.sources.filter { used.contains($0.id) },
      notes: notes)
  }

  func grown(_ volume: DataVolume, _ factor: Decimal) -> DataVolume {
    DataVolume(bytes: (volume.bytes * factor).rounded(toPlaces: -6, rule: .toNearestOrEven))
  }
}
