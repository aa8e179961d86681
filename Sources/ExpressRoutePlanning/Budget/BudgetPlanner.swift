import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
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

  /// The charges that fall in `month`, each as a monthly line of that month's amount.
  ///
  /// One-time charges fall in their start month, or spread over their term with `amortize`.
  static func charges(_ charges: [UserCharge], in month: MonthKey, budgetStart: MonthKey, amortize: Bool)
    -> [UserCharge]
  {
    charges.compactMap { charge in
      guard let amount = charge.amount(in: month, budgetStart: budgetStart, amortize: amortize) else { return nil }
      var monthly = charge
      monthly.oneTimeBilling = charge.oneTimeBilling(in: month, budgetStart: budgetStart, amortize: amortize)
      monthly.amount = amount
      monthly.recurrence = .monthly
      monthly.termMonths = nil
      return monthly
    }
  }

  /// Sites budgeted at a time by ``budget(_:traffic:unreadableTraffic:amortize:alongside:shouldContinue:visit:)``: enough to keep every core busy, few enough
  /// that a chunk's quotes stay a few megabytes.
  static let chunkSize = 256

  /// One site's months, with the capacity overruns it raises.
  struct SiteBudget: Sendable {
    var site: Budget.Site
    var overruns: [Budget.CapacityOverrun] = []
    var grew = false
    var sized = false
  }

  /// Budgets `portfolio`; `traffic` holds summarised series for profile sites, by site name.
  ///
  /// User charges (provider and colocation fees) fall month by month; one-time charges fall in
  /// their month, or spread over their contract term with `amortize`. Sites are independent, so they are
  /// budgeted on every core; the result and notes are in portfolio order, as on one core.
  ///
  /// A site that cannot be budgeted does not stop the others: it is listed in ``Budget/refused`` with its reason
  /// (every one, in portfolio order) and counts in no total. A sized site that outgrows every provider circuit is
  /// planned and priced up to the month before it, and the months from there on are listed as not priced, with
  /// what the workload needs then and what would serve it.
  public func budget(_ portfolio: Portfolio, traffic: [String: TrafficSummary] = [:], amortize: Bool = false)
    throws(Diagnostic) -> Budget
  {
    try budget(portfolio, traffic: traffic, amortize: amortize, alongside: { _ in () }) { site, _ in site }
  }

  /// Budgets `portfolio` as ``budget(_:traffic:amortize:)`` does, a chunk of ``chunkSize`` sites at a time (each
  /// chunk on every core), handing every budgeted site to `visit` in portfolio order as soon as its chunk is done.
  /// The budget returned holds what `visit` returns for each site (`nil` keeps none of it), so a caller that writes
  /// each site's lines as they come needs memory for one chunk, not for the portfolio. Refusals, notes, capacity
  /// overruns and price sources are those of every site, whatever `visit` keeps. `alongside` runs on the core that
  /// budgeted the site, right after it (to render the site's lines in parallel); `visit` receives its result. The
  /// next chunk is budgeted while `visit` sees the sites of one, so writing them overlaps the work. A site named in
  /// `unreadableTraffic` (its series could not be read) is refused with that diagnostic, as any site that fails.
  ///
  /// `shouldContinue` is asked after each chunk: `false` (writing the lines failed) budgets no further chunk, and the
  /// budget returned covers the sites visited so far (the caller reports the failure instead of the budget).
  public func budget<Extra: Sendable>(
    _ portfolio: Portfolio, traffic: [String: TrafficSummary] = [:], unreadableTraffic: [String: Diagnostic] = [:],
    amortize: Bool = false,
    alongside: @escaping @Sendable (Budget.Site) -> Extra, shouldContinue: () -> Bool = { true },
    visit: (Budget.Site, Extra) -> Budget.Site?
  ) throws(Diagnostic) -> Budget {
    let months = portfolio.months
    // Many sites share a growth rate: each rate's monthly factors are worked out once.
    let growthFactors = GrowthFactorCache()
    var factorsByGrowth: [Decimal: [Decimal]] = [:]
    for site in portfolio.sites {
      if case .deployment(_, let growth) = site.source, factorsByGrowth[growth] == nil {
        factorsByGrowth[growth] = months.indices.map {
          Demand.growthFactor(yearlyGrowth: growth, month: $0, cache: growthFactors)
        }
      }
    }
    let factors = factorsByGrowth
    let options = PlannerOptionsCache()
    var sites: [Budget.Site] = []
    var refused: [Budget.Refusal] = []
    var notes: [String] = []
    var overruns: [Budget.CapacityOverrun] = []
    var grownSites = 0
    var sizedSites = 0
    /// The sites of the file that could not be read, listed where they stood among the others.
    func refuseInvalid(at position: Int) {
      for invalid in portfolio.invalidSites where invalid.position == position {
        refused.append(
          Budget.Refusal(
            site: invalid.name, from: nil, reason: invalid.diagnostic.message, diagnostic: invalid.diagnostic))
      }
    }
    var used = Set<String>()
    let chunks = stride(from: 0, to: portfolio.sites.count, by: Self.chunkSize).map {
      Array(portfolio.sites[$0..<min($0 + Self.chunkSize, portfolio.sites.count)])
    }
    var stopped = false
    ConcurrentMap.pipelined(chunks) { [self] site in
      Result { () throws(Diagnostic) -> (SiteBudget, Extra) in
        if let unreadable = unreadableTraffic[site.name] { throw unreadable }
        let budgeted = try budget(
          site, months: months, portfolio: portfolio, traffic: traffic[site.name], factors: factors,
          amortize: amortize, options: options, growthFactors: growthFactors)
        return (budgeted, alongside(budgeted.site))
      }
    } consume: { chunkIndex, results in
      let chunkStart = chunkIndex * Self.chunkSize
      for (offset, (site, result)) in zip(chunks[chunkIndex], results).enumerated() {
        refuseInvalid(at: chunkStart + offset)
        let siteBudget: SiteBudget
        let extra: Extra
        switch result {
        case .success(let budgeted): (siteBudget, extra) = budgeted
        case .failure(let error):
          let prefix = "site '\(site.name)': "
          let reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
          refused.append(
            Budget.Refusal(site: site.name, from: nil, reason: reason, diagnostic: error, tags: site.tags))
          continue
        }
        if let unserved = siteBudget.site.unserved { refused.append(unserved) }
        // A Global Reach link where it is not offered is said in every format, not only with each site's details.
        for note in siteBudget.site.months.first?.notes ?? []
        where note.contains(PricingEngine.globalReachNotOffered) && !notes.contains("\(site.name): \(note)") {
          notes.append("\(site.name): \(note)")
        }
        for quote in siteBudget.site.months { used.formUnion(quote.sources.map(\.id)) }
        if let kept = visit(siteBudget.site, extra) { sites.append(kept) }
        overruns += siteBudget.overruns
        if siteBudget.grew { grownSites += 1 }
        if siteBudget.sized { sizedSites += 1 }
      }
      stopped = !shouldContinue()
      return !stopped
    }
    if !stopped { refuseInvalid(at: portfolio.sites.count) }
    if grownSites > 0 {
      notes.append(
        "deployment sites with a yearly growth (\(grownSites)): volumes grow by it, compounded monthly, on a fixed configuration (see each site)"
      )
    }
    if sizedSites > 0 {
      notes.append(
        "profile sites (\(sizedSites)): sized by the solver and following its month-by-month plan (see each site)")
    }
    var planned = Budget(
      name: portfolio.name, refused: refused, months: months, sites: sites, basis: engine.basis,
      sources: engine.rates.sources.filter { used.contains($0.id) }, notes: notes)
    planned.overruns = overruns
    return planned
  }

  /// Budgets one site over `months`.
  func budget(
    _ site: Portfolio.Site, months: [MonthKey], portfolio: Portfolio, traffic: TrafficSummary?,
    factors: [Decimal: [Decimal]], amortize: Bool,
    options: PlannerOptionsCache? = nil, growthFactors: GrowthFactorCache? = nil
  ) throws(Diagnostic) -> SiteBudget {
    var siteNotes: [String] = []
    if let first = months.first, let last = months.last {
      let own: [UserCharge]
      switch site.source {
      case .deployment(let deployment, _): own = deployment.charges
      case .profile(let profile): own = profile.charges
      }
      siteNotes += UserCharge.calendarNotes(
        own + site.charges, first: first, last: last, budgetStart: portfolio.startMonth, amortize: amortize)
    }
    switch site.source {
    case .deployment(let deployment, let growth):
      let asOfOffset =
        site.volumesAsOf.map { (portfolio.startMonth.year - $0.year) * 12 + portfolio.startMonth.month - $0.month } ?? 0
      var quotes: [Quote] = []
      var overruns: [Budget.CapacityOverrun] = []
      var previous: Deployment?
      for index in months.indices {
        // Volumes dated `volumesAsOf` grow from that month: the same calendar month has the same volume in every budget.
        let factor =
          asOfOffset == 0
          ? factors[growth]?[index] ?? Demand.growthFactor(yearlyGrowth: growth, month: index, cache: growthFactors)
          : Demand.growthFactor(yearlyGrowth: growth, month: index + asOfOffset, cache: growthFactors)
        var scaled = deployment
        scaled.name = site.name
        scaled.charges = Self.charges(
          deployment.charges + site.charges, in: months[index], budgetStart: portfolio.startMonth, amortize: amortize)
        for position in scaled.circuits.indices {
          scaled.circuits[position].monthlyEgress = deployment.circuits[position].monthlyEgress.map {
            grown($0, factor)
          }
          let circuit = scaled.circuits[position]
          let capacity = engine.monthlyCapacity(of: circuit.bandwidth)
          if let egress = circuit.monthlyEgress, egress > capacity {
            if let known = overruns.firstIndex(where: { $0.circuit == circuit.name }) {
              overruns[known].months += 1
            } else {
              overruns.append(
                Budget.CapacityOverrun(
                  site: site.name, circuit: circuit.name, bandwidth: circuit.bandwidth, firstMonth: months[index],
                  egress: egress, capacity: capacity, months: 1))
            }
          }
        }
        for position in scaled.globalReach.indices {
          scaled.globalReach[position].dataAToB = deployment.globalReach[position].dataAToB.map { grown($0, factor) }
          scaled.globalReach[position].dataBToA = deployment.globalReach[position].dataBToA.map { grown($0, factor) }
        }
        for position in scaled.trafficCollectors.indices {
          scaled.trafficCollectors[position].processedData = deployment.trafficCollectors[position].processedData.map {
            grown($0, factor)
          }
        }
        if index > 0, let previous, previous == scaled, let last = quotes.last {
          // Nothing grew or fell due since last month (unlimited data, no volumes): the same quote.
          quotes.append(last)
          continue
        }
        do {
          // Month 1 is the deployment as given; later months note an overrun (above) instead of failing, and
          // reprice only what grew when nothing else changed.
          if index > 0, let previous, let last = quotes.last {
            quotes.append(try engine.quote(scaled, after: previous, quoted: last))
          } else {
            quotes.append(try engine.quote(scaled, checkingCapacity: index == 0))
          }
        } catch {
          throw Diagnostic(
            error.severity, "site '\(site.name)': \(error.message)", location: error.location, path: error.path,
            file: error.file, rule: error.rule)
        }
        previous = scaled
      }
      if !growth.isZero {
        siteNotes.append(
          "volumes grow \(FastDecimal.product(growth, 100).fixedPoint(places: 1))% a year, compounded monthly\(site.volumesAsOf.map { " from \($0), the month they describe" } ?? ""); the configuration is fixed"
        )
      }
      return SiteBudget(
        site: Budget.Site(name: site.name, months: quotes, sizing: nil, tags: site.tags, notes: siteNotes),
        overruns: overruns, grew: !growth.isZero)
    case .profile(var profile):
      profile.horizonMonths = portfolio.horizonMonths
      // The plan runs on the portfolio's calendar: growth measured in a series counts from its last measured month.
      profile.planStart = portfolio.startMonth
      let profileCharges = profile.charges
      profile.charges = []  // added month by month below, on the portfolio's calendar
      let result: SizingResult
      do {
        var solver = SizingSolver(engine: engine)
        solver.depth = .planOnly
        solver.optionsCache = options
        solver.growthFactors = growthFactors
        result = try solver.solve(profile, traffic: traffic)
      } catch {
        throw Diagnostic(
          error.severity, "site '\(site.name)': \(error.message)", location: error.location, path: error.path,
          file: error.file, rule: error.rule)
      }
      // The solver prices every month of its plan through the engine; the budget takes those quotes as they are,
      // re-quoting a month only to add the charges that fall in it.
      var quotes: [Quote] = []
      var unserved: Budget.Refusal?
      for (index, planned) in result.months.enumerated() where index < months.count {
        let falling = Self.charges(
          profileCharges + site.charges, in: months[index], budgetStart: portfolio.startMonth, amortize: amortize)
        guard !falling.isEmpty else {
          quotes.append(planned.quote)
          continue
        }
        var deployment = planned.deployment
        deployment.charges = falling
        var quote = try engine.quote(deployment, checkingCapacity: false)
        quote.notes = []
        quote.unpriced = planned.quote.unpriced
        quotes.append(quote)
      }
      if let gap = result.unserved, gap.month < months.count, let last = result.plan.last {
        // The months the plan cannot reach: no charge, one unpriced item naming the need and the remedy.
        let reason =
          "the workload needs \(gap.need) from \(months[gap.month]) (month \(gap.month + 1)), \(gap.remedy); planned and budgeted up to \(months[gap.month].advanced(by: -1))"
        unserved = Budget.Refusal(
          site: site.name, from: months[gap.month], reason: reason,
          diagnostic: Diagnostic(.error, "site '\(site.name)': \(reason)", location: profile.origin))
        // The circuit that would serve those months is unknown, and so is the gateway beside it: both unpriced, so
        // each meter group the site pays shows them (the circuit named by the last one planned, which falls short).
        var items = [
          UnpricedItem(
            resource: "circuit", meter: .circuit(last.tier, last.billing, last.bandwidth, result.location.zone),
            quantity: nil,
            reason:
              "cannot be served from \(months[gap.month]) (the \(last.tier.name) \(last.billing.name) \(last.bandwidth) circuit planned up to then falls short): the workload needs \(gap.need), \(gap.remedy)"
          )
        ]
        if let gateway = result.gatewayPlan.last {
          let meter: Meter =
            gateway.virtualWANScaleUnits != nil ? .virtualWAN(.hub) : .gateway(gateway.sku)
          items.append(
            UnpricedItem(
              resource: "gateway", meter: meter, quantity: nil,
              reason:
                "not planned from \(months[gap.month]): no circuit serves the site then, so neither does a gateway sized for it"
            ))
        }
        for month in months.indices where month >= quotes.count {
          // The site's own charges that fall in the month are known amounts: still budgeted beside the gap.
          let falling = Self.charges(
            profileCharges + site.charges, in: months[month], budgetStart: portfolio.startMonth, amortize: amortize)
          var charges = Deployment(name: site.name)
          charges.charges = falling
          var quote = try engine.quote(charges, checkingCapacity: false)
          quote.notes = []
          quote.unpriced.append(contentsOf: items)
          quotes.append(quote)
        }
      }
      // Where the solver assumed the gateway's region, the budget says so for the site too.
      if let note = SizingSolver(engine: engine).gatewayRegionNote(profile, location: result.location) {
        siteNotes.append(note)
      }
      siteNotes.append(
        "sized from its profile; the plan starts at \(result.plan.first.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" } ?? "?")\(result.plan.count > 1 ? " and changes \(result.plan.count - 1) time\(result.plan.count == 2 ? "" : "s")" : "")"
      )
      return SiteBudget(
        site: Budget.Site(
          name: site.name, months: quotes, sizing: result, tags: site.tags, notes: siteNotes, unserved: unserved),
        sized: true)
    }
  }

  func grown(_ volume: DataVolume, _ factor: Decimal) -> DataVolume {
    DataVolume(bytes: FastDecimal.product(volume.bytes, factor).rounded(toPlaces: -6, rule: .toNearestOrEven))
  }
}
