import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// Recommends circuit bandwidth, SKU, billing model and gateway for a workload.
///
/// The search is exhaustive: every provider size × tier × billing model
/// (and Direct port options) is priced over the whole horizon or rejected
/// with the rule or number that rules it out. The recommendation is an
/// upgrade plan found by dynamic programming over months, because bandwidth
/// can only grow in place and a provider circuit can only switch from
/// metered to unlimited, never back. Its cost is never more than the best
/// configuration held unchanged for the whole horizon.
public struct SizingSolver: Sendable {
  /// The engine that prices options.
  public var engine: PricingEngine

  /// Creates a solver.
  public init(engine: PricingEngine) { self.engine = engine }

  /// How much a solve explains beyond its plan.
  public enum Depth: Sendable {
    /// Every option weighed and every comparison (the `size` report).
    case full
    /// The plan, its gateway and its priced months only (a budget, which shows plans, not the options weighed).
    case planOnly
  }

  /// How much ``solve(_:traffic:)`` explains; `.full` unless a caller needs only the plan.
  public var depth: Depth = .full

  /// Options already priced per location, shared by the solves of one budget (same engine); `nil` prices them
  /// for each solve.
  var optionsCache: PlannerOptionsCache?
  /// Growth factors shared with other solvers (a budget's sites), or `nil` to work them out here.
  var growthFactors: GrowthFactorCache?

  var currency: CurrencyCode { engine.rates.currency }

  /// Sizes `profile`, using `traffic` (a summarised series) when given.
  ///
  /// Every month of the horizon is planned (circuit, second circuit, gateway, VPN,
  /// Global Reach) and priced by the engine as a quote; every decision is judged
  /// against the `lookAheadMonths` after it, so the plan of a month never depends
  /// on where the horizon ends.
  ///
  /// - Throws: ``Diagnostic`` for unknown locations or regions, or when no
  ///   option can carry the workload.
  public func solve(_ profile: WorkloadProfile, traffic: TrafficSummary? = nil) throws(Diagnostic) -> SizingResult {
    let location: PeeringLocation
    do {
      location = try engine.locations.requireLocation(named: profile.peeringLocation)
    } catch {
      throw Diagnostic(.error, error.message, location: profile.origin, path: "peeringLocation")
    }
    if traffic == nil && profile.peakOutbound == nil && profile.peakInbound == nil {
      throw Diagnostic(
        .error,
        "the profile needs traffic: 'peakOutbound' (and 'monthlyEgress') under 'traffic', or series files ('traffic.series')",
        location: profile.origin,
        remedy: .seriesFiles)
    }
    var notes: [String] = []
    let demand = try makeDemand(profile, traffic: traffic, notes: &notes)
    // Charges whose term ends inside the horizon, or that fall outside it, are named (months as plan months without a calendar).
    let calendarStart = profile.planStart ?? MonthKey(year: 2000, month: 1)
    notes += UserCharge.calendarNotes(
      profile.planStart == nil
        ? profile.charges.map {
          var copy = $0; copy.startMonth = nil; return copy
        } : profile.charges,
      first: calendarStart, last: calendarStart.advanced(by: max(demand.horizonMonths, 1) - 1),
      budgetStart: calendarStart, amortize: profile.amortizeCharges,
      label: { month in
        profile.planStart == nil
          ? "month \((month.year - calendarStart.year) * 12 + month.month - calendarStart.month + 1)"
          : month.description
      })
    let policy = try tierPolicy(profile, location: location)
    let horizon = demand.horizonMonths
    var primaryShare: Decimal = 1
    if case .secondCircuit(_, .activeActive) = profile.redundancy { primaryShare = Decimal(1) / 2 }
    let planner = CircuitPlanner(
      engine: engine, location: location, demand: demand, egressShare: primaryShare, lookAhead: profile.lookAheadMonths,
      virtualNetworkLinks: policy.virtualNetworkLinks, options: optionsCache)

    // Static candidates, for comparison (a plan-only solve weighs them only to explain a failure).
    var candidates: [SizingCandidate] = []
    for tier in depth == .full ? CircuitTier.allCases : [] {
      for billing in BillingFamily.allCases {
        for bandwidth in Bandwidth.providerSizes {
          candidates.append(
            evaluateProvider(
              CircuitPlanner.State(tier: tier, billing: billing, bandwidth: bandwidth), planner: planner, policy: policy
            ))
        }
      }
    }
    if depth == .full {
      candidates.append(
        contentsOf: directCandidates(location: location, demand: demand, policy: policy, share: primaryShare))
      candidates.sort(by: Self.candidateOrder)
    }

    // The plan: the tier whose first look-ahead window is cheapest (independent of the horizon).
    // Tiers are tried cheapest window first (the earlier allowed tier on ties), and the first whose whole horizon
    // can be planned wins: the same choice as planning every tier, with one plan instead of one per tier. (A tier
    // with no first-window path cannot plan its first month either.)
    var best: (window: Decimal, months: [CircuitPlanner.Month])?
    let windows = policy.allowedTiers.enumerated().compactMap { order, tier in
      planner.firstWindowCost(tier: tier).map { (tier: tier, window: $0, order: order) }
    }
    for candidate in windows.sorted(by: { ($0.window, $0.order) < ($1.window, $1.order) }) {
      guard let months = planner.plan(tier: candidate.tier, horizon: horizon) else { continue }
      best = (candidate.window, months)
      break
    }
    guard var chosen = best?.months else {
      // A budget plans the months that can be served and names the first that cannot (and what would serve it).
      let servable =
        policy.allowedTiers.map { planner.firstUnservedMonth(tier: $0, months: horizon) ?? horizon }.max() ?? 0
      if depth == .planOnly, servable > 0, servable < horizon {
        var served = profile
        served.horizonMonths = servable
        var result = try solve(served, traffic: traffic)
        result.unserved = unservedMonths(from: servable, demand: demand)
        result.notes.removeAll { $0.hasPrefix("the look-ahead is cut") }  // the unserved months say it
        return result
      }
      if depth != .full { return try SizingSolver(engine: engine).solve(profile, traffic: traffic) }
      let requirement = Bandwidth(bitsPerSecond: Int64(NSDecimalNumber(decimal: demand.peakRequirement).int64Value))
      let direct = candidates.first {
        if case .direct = $0.kind, case .unpriced = $0.verdict { return true } else { return false }
      }
      // A Direct design with its port price supplied carries the workload, but plans are of provider circuits: say
      // what it costs and how to price it whole, rather than ask again for the price that was given.
      let pricedDirect = candidates.first {
        if case .direct = $0.kind, case .feasible = $0.verdict { return true } else { return false }
      }
      var message =
        "no priced provider circuit can carry this workload: it needs \(requirement) by the end of the horizon"
      if requirement > .gbps(100) {
        message +=
          "; provider circuits stop at 10 Gbps and ExpressRoute Direct circuits at 100 Gbps, so no one circuit carries it: split the workload over several circuits (one profile each)"
      } else if requirement > .gbps(10) {
        message += "; provider circuits stop at 10 Gbps, so it needs ExpressRoute Direct"
        if let pricedDirect, case .feasible(let horizonCost, let firstMonth) = pricedDirect.verdict {
          message +=
            ": \(pricedDirect.label) carries it (\(firstMonth.groupedAmount) \(firstMonth.currency) in month 1, \(horizonCost.groupedAmount) over the horizon, circuit and port only), but sizing plans provider circuits; price that design whole as a deployment with its directPorts"
        } else if let direct {
          message +=
            " (\(direct.label) is the smallest fit, but its port price is unknown: supply it in an override file)"
        }
      }
      throw Diagnostic(.error, message, remedy: direct == nil || pricedDirect != nil ? nil : .overrideFile)
    }
    // The circuit in service today: every plan open from it (kept, changed in place, or replaced by a new circuit
    // that runs beside it for the lead months) is priced over the whole horizon, and the cheapest wins.
    var overlap: CircuitPlanner.State?
    var moveNote: String?
    var overlapExtra: Decimal = 0
    var firstReason: String?
    if let current = profile.current {
      let currentState = CircuitPlanner.State(
        tier: current.tier, billing: current.billing, bandwidth: current.bandwidth)
      let options = currentCircuitOptions(
        currentState, fresh: chosen, planner: planner, policy: policy, profile: profile, location: location)
      if let best = options.indices.min(by: { (options[$0].total, $0) < (options[$1].total, $1) }) {
        let winner = options[best]
        chosen = winner.months
        moveNote = currentCircuitNote(
          winner, others: options.indices.filter { $0 != best }.map { options[$0] }, profile: profile)
        if winner.newCircuitReason != nil {
          if min(profile.leadTimeMonths, horizon) > 0 { overlap = currentState }
          overlapExtra = winner.overlapExtra
        } else {
          firstReason = Self.inPlaceReason(from: currentState, to: winner.months[0].state)
        }
      }
    }
    if let moveNote { notes.append(moveNote) }
    if let ceiling = lookAheadCeiling(
      planner: planner, tier: chosen[0].state.tier, horizon: horizon, lookAhead: profile.lookAheadMonths)
    {
      notes.append(ceiling)
    }
    var steps = Self.steps(chosen)
    if let firstReason, !steps.isEmpty { steps[0].reason = firstReason }
    if overlap != nil, !steps.isEmpty {
      steps[0].reason =
        "buy now; the current circuit runs alongside for \(min(profile.leadTimeMonths, horizon)) month(s)"
    }
    if steps.count > 1 {
      notes.append(
        "growing bandwidth in place needs room on the provider's port; connectivity-provider fees are not included")
    }

    // The second circuit, planned on its own traffic.
    var secondMonths: [CircuitPlanner.Month]?
    var secondLocation: PeeringLocation?
    if case .secondCircuit(let name, let failover) = profile.redundancy,
      let other = engine.locations.location(named: name)
    {
      secondLocation = other
      let secondPlanner = CircuitPlanner(
        engine: engine, location: other, demand: demand, egressShare: failover == .activePassive ? 0 : Decimal(1) / 2,
        lookAhead: profile.lookAheadMonths, virtualNetworkLinks: policy.virtualNetworkLinks, options: optionsCache)
      let primaryTier = steps.first?.tier ?? .standard
      var tier = secondCircuitTier(profile, primary: primaryTier, location: location, second: other)
      secondMonths =
        secondPlanner.plan(tier: tier, horizon: horizon)
        ?? (tier == .local ? secondPlanner.plan(tier: .standard, horizon: horizon) : nil)
      // Standard reaches every region Local does: the second circuit is the cheaper of the two for its own share of
      // the traffic (a standby's is none, where Standard MeteredData usually wins).
      var cheaperThanLocal = false
      if tier == .local, let local = secondMonths, let standard = secondPlanner.plan(tier: .standard, horizon: horizon),
        standard.reduce(Decimal(0), { $0 + $1.cost }) < local.reduce(Decimal(0), { $0 + $1.cost })
      {
        secondMonths = standard
        tier = .standard
        cheaperThanLocal = true
        notes.append(
          "the second circuit at \(other.name) is Standard while the primary is Local: Standard reaches the same regions and costs less for the second circuit's share of the traffic\(failover == .activePassive ? " (none: it is a standby)" : "")"
        )
      }
      if tier == .premium && primaryTier != .premium, secondMonths != nil {
        notes.append(
          "the second circuit at \(other.name) is Premium while the primary is \(primaryTier.name): Standard reaches only the regions of its own geopolitical region (\(other.geopoliticalRegion) at \(other.name)), and the regions this design must reach are not all in it"
        )
      } else if tier != primaryTier, secondMonths != nil, !cheaperThanLocal {
        notes.append(
          "the second circuit at \(other.name) is \(tier.name) while the primary is \(primaryTier.name): Local reaches only the local regions of its peering location (\(other.localRegions.isEmpty ? "none at \(other.name)" : other.localRegions.joined(separator: ", "))), and no product rule asks the two circuits of a redundant pair to share a tier"
        )
      }
      if secondMonths == nil {
        notes.append(
          "the second circuit at \(other.name) cannot be planned: no priced \(tier.name) circuit there carries the failover load"
        )
      }
    }

    // Gateways, month by month.
    let gatewayCandidates = gatewayOptions(profile, requirement: demand.requiredBitsPerSecond(month: 0))
    if let note = gatewayRegionNote(profile, location: location) { notes.append(note) }
    var gatewayPlan: [GatewayStep] = []
    var monthlyGateways: [GatewayCandidate?] = []
    if profile.gateways > 0 {
      var verdicts: [GatewayVerdictKey: SizingCandidate.Verdict] = [:]
      var chosenByKey: [[Int]: GatewayCandidate?] = [:]
      for month in 0..<horizon {
        let required = demand.requiredBitsPerSecond(month: month)
        let key = gatewayRequirementKey(required)
        let option =
          chosenByKey[key]
          ?? {
            let first = gatewayOptions(profile, requirement: required, cache: &verdicts).first { $0.verdict.isFeasible }
            chosenByKey[key] = .some(first)
            return first
          }()
        monthlyGateways.append(option)
        let previousOption = month > 0 ? monthlyGateways[month - 1] : nil
        if let option, previousOption.map({ !$0.isSameGateway(as: option) }) ?? true {
          var reason = month == 0 ? "cheapest gateway that carries month 1" : ""
          if let previous = gatewayPlan.last {
            let need = Bandwidth(
              bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
            if option.virtualWANScaleUnits != nil && previous.virtualWANScaleUnits != nil {
              reason =
                "scale the Virtual WAN hub to \(option.virtualWANScaleUnits ?? 0) scale units for \(need) (in place)"
            } else if (option.virtualWANScaleUnits != nil) != (previous.virtualWANScaleUnits != nil) {
              reason =
                "move from \(previous.label) to \(option.label) for \(need): a different gateway (and a migration of its connections), not an in-place resize"
            } else {
              reason =
                option.sku == .erGwScale && previous.sku == .erGwScale
                ? "scale to \(option.scaleUnits ?? 0) units for \(need) (autoscale, in place)"
                : previous.sku.isLegacy != option.sku.isLegacy
                  ? "move from \(previous.label) to \(option.label) for \(need): a migration between legacy and zone-redundant SKUs, not an in-place resize"
                  : "resize in place from \(previous.label) to \(option.label) for \(need)"
            }
          }
          gatewayPlan.append(
            GatewayStep(
              month: month, sku: option.sku, scaleUnits: option.scaleUnits, reason: reason,
              virtualWANScaleUnits: option.virtualWANScaleUnits))
        }
      }
    }

    // Every month, priced as a quote.
    var months: [PlannedMonth] = []
    var lastQuoted: (deployment: Deployment, quote: Quote)?  // as the engine returned it
    for month in 0..<horizon {
      let deployment = monthlyDeployment(
        profile, location: location, demand: demand, month: month, primary: chosen[month], primaryShare: primaryShare,
        second: secondMonths?[month], secondLocation: secondLocation,
        gateway: profile.gateways > 0 ? monthlyGateways[month] : nil,
        gatewayCount: profile.gateways,
        overlap: month < profile.leadTimeMonths ? overlap : nil)
      var quote: Quote
      do throws(Diagnostic) {
        if let lastQuoted {
          // The month before's quote, with only what grew priced again when nothing else changed.
          quote = try engine.quote(deployment, after: lastQuoted.deployment, quoted: lastQuoted.quote)
        } else {
          quote = try engine.quote(deployment, checkingCapacity: false)
        }
      } catch {
        throw Diagnostic(
          error.severity, "month \(month + 1) of the plan: \(error.message)", location: profile.origin,
          rule: error.rule)
      }
      lastQuoted = (deployment, quote)
      quote.notes = []
      if profile.gateways > 0 && monthlyGateways[month] == nil {
        quote.unpriced.append(
          UnpricedItem(
            resource: "gateway", meter: .gateway(.erGw1AZ), quantity: nil,
            reason: "no gateway option is both feasible and priced; see the gateway table"))
      }
      months.append(
        PlannedMonth(
          month: month, deployment: deployment, quote: quote, circuitCost: Money(chosen[month].cost, currency: currency)
        ))
    }

    var extras: [SizingExtra] = []
    if profile.gateways > 0 {
      if let option = monthlyGateways.first ?? nil, option.virtualWANScaleUnits != nil {
        let monthly: Money? = if case .feasible(_, let first) = option.verdict { first } else { nil }
        extras.append(
          SizingExtra(
            label: "\(profile.gateways) × \(option.label)", meter: .virtualWANScaleUnits(fromUnit: 1), monthly: monthly,
            note: "hub, scale units and a connection unit per circuit; "
              + (gatewayPlan.count > 1
                ? "resized with demand (see the gateway plan)" : "cheapest gateway that carries the traffic")))
      } else if let option = monthlyGateways.first ?? nil {
        let gateway = Gateway(
          name: "gateway", sku: option.sku, scaleUnits: option.scaleUnits, count: profile.gateways,
          circuits: ["circuit"])
        let charges = engine.monthlyCharges(of: gateway)
        extras.append(
          SizingExtra(
            label: "\(profile.gateways) × \(option.label) gateway",
            meter: .gateway(gateway.sku),
            monthly: charges.unpriced.isEmpty ? charges.total : nil,
            note: gatewayPlan.count > 1
              ? "resized with demand (see the gateway plan)" : "cheapest gateway that carries the traffic"))
      } else {
        extras.append(
          SizingExtra(
            label: "ExpressRoute gateway", meter: .gateway(.erGw1AZ), monthly: nil,
            note: "no gateway option is both feasible and priced; see the gateway table"))
      }
    }
    let resilience = assessResilience(
      profile, months: months, secondMonths: secondMonths, secondLocation: secondLocation, demand: demand,
      extras: &extras, notes: &notes)
    extras.append(contentsOf: globalReachExtras(profile, zone: location.zone))

    let planMonthly = chosen.map { Money($0.cost, currency: currency) }
    var audit = profile.current.map {
      // The recommendation's cost includes the overlap months a new circuit needs.
      auditCurrent(
        $0, planner: planner, demand: demand, policy: policy,
        planCost: Money.sum(planMonthly, currency: currency) + Money(overlapExtra, currency: currency),
        firstStep: steps.first)
    }
    if let moveNote { audit?.findings.append(moveNote) }
    if overlapExtra != 0 { audit?.overlapCost = Money(overlapExtra, currency: currency) }
    let secondSteps = secondMonths.map(Self.steps) ?? []
    if let note = shortHorizonNote(candidates: candidates, chosen: chosen, planner: planner) { notes.append(note) }
    var result = SizingResult(
      name: profile.name, location: location, demand: demand, basis: engine.basis, tierReasons: policy.reasons,
      plan: steps,
      planMonthlyCosts: planMonthly, candidates: candidates,
      gateway: profile.gateways > 0 ? gatewayCandidates.first { $0.verdict.isFeasible } : nil,
      gatewayCandidates: profile.gateways > 0 ? gatewayCandidates : [],
      extras: extras, audit: audit, traffic: traffic, notes: notes)
    result.gatewayPlan = gatewayPlan
    result.secondPlan = secondSteps
    result.months = months
    result.resilience = resilience
    result.lookAheadMonths = profile.lookAheadMonths
    result.bursts = burstFindings(traffic, step: steps.first)
    guard depth == .full else { return result }
    var drawn: Set<String> = []
    for step in steps {
      let tier: CircuitTier = step.tier == .local ? .standard : step.tier
      guard drawn.insert("\(tier.name) \(step.bandwidth)").inserted,
        let curve = engine.costCurve(tier: tier, bandwidth: step.bandwidth, zone: location.zone)
      else { continue }
      result.costCurves.append(
        StepCostCurve(step: step, curve: curve, volume: demand.egressIsKnown ? demand.egress(month: step.month) : nil))
    }
    result.blockedByPrice = blockedByPrice(candidates, recommended: steps.first, zone: location.zone)
    (result.pathComparison, result.pathCosts) = comparePaths(profile, candidates: candidates, result: result)
    if case .single = profile.redundancy {
    } else if let costs = redundancyCosts(profile, traffic: traffic, result: result) {
      // What redundancy costs: this design against the best single-circuit design, like with like.
      result.redundancyCosts = costs
      result.resilience?.monthlyCost = costs.isComplete ? costs.difference : nil
    }
    // A VPN over the internet is priced by its volume: with none known, no verdict (the notes say why).
    if !demand.egressIsKnown {
      result.billingCondition = billingCondition(
        first: steps.first, candidates: candidates, zone: location.zone, demand: demand)
      result.notes.append(
        "ExpressRoute and a VPN over the internet were not compared: a VPN is priced by its outbound volume, and none was given or measured"
      )
    } else if let step = steps.first,
      var comparison = try? engine.compare(
        location: location, bandwidth: step.bandwidth, monthlyEgress: demand.egress(month: 0))
    {
      // Only the tiers this workload may use (Local, for one, may be ruled out by its regions).
      comparison.options = comparison.options.filter { policy.allowedTiers.contains($0.tier) }
      let hub = (profile.hubRegion ?? profile.targetRegions.first).map {
        engine.locations.canonicalAzureRegion($0) ?? $0
      }
      // The ExpressRoute side is the plan's own month 1 (its circuit and gateway), not a design of its own.
      // The VPN carries what the traffic needs in month 1, not the headroom of a circuit sold no smaller.
      let need = Bandwidth(
        bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: 0).ceilingValue).int64Value)
      result.vpnAlternative = engine.compareWithVPN(
        comparison, volume: demand.egress(month: 0), hubRegion: hub, design: result.months.first?.deployment,
        need: need)
    }
    return result
  }
}
