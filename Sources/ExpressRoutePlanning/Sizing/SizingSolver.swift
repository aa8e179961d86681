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
        .error, "the profile needs traffic: 'peakOutbound' (and 'monthlyEgress') under 'traffic', or series files ('traffic.series')",
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
      first: calendarStart, last: calendarStart.advanced(by: max(demand.horizonMonths, 1) - 1), budgetStart: calendarStart,
      label: { month in
        profile.planStart == nil ? "month \((month.year - calendarStart.year) * 12 + month.month - calendarStart.month + 1)" : month.description
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
            evaluateProvider(CircuitPlanner.State(tier: tier, billing: billing, bandwidth: bandwidth), planner: planner, policy: policy))
        }
      }
    }
    if depth == .full {
      candidates.append(contentsOf: directCandidates(location: location, demand: demand, policy: policy, share: primaryShare))
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
      let servable = policy.allowedTiers.map { planner.firstUnservedMonth(tier: $0, months: horizon) ?? horizon }.max() ?? 0
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
      let direct = candidates.first { if case .direct = $0.kind, case .unpriced = $0.verdict { return true } else { return false } }
      var message = "no priced provider circuit can carry this workload: it needs \(requirement) by the end of the horizon"
      if requirement > .gbps(10) {
        message += "; provider circuits stop at 10 Gbps, so it needs ExpressRoute Direct"
        if let direct { message += " (\(direct.label) is the smallest fit, but its port price is unknown: supply it in an override file)" }
      }
      throw Diagnostic(.error, message, remedy: direct == nil ? nil : .overrideFile)
    }
    // The circuit in service today: every plan open from it (kept, changed in place, or replaced by a new circuit
    // that runs beside it for the lead months) is priced over the whole horizon, and the cheapest wins.
    var overlap: CircuitPlanner.State?
    var moveNote: String?
    var overlapExtra: Decimal = 0
    var firstReason: String?
    if let current = profile.current {
      let currentState = CircuitPlanner.State(tier: current.tier, billing: current.billing, bandwidth: current.bandwidth)
      let options = currentCircuitOptions(currentState, fresh: chosen, planner: planner, policy: policy, profile: profile, location: location)
      if let best = options.indices.min(by: { (options[$0].total, $0) < (options[$1].total, $1) }) {
        let winner = options[best]
        chosen = winner.months
        moveNote = currentCircuitNote(winner, others: options.indices.filter { $0 != best }.map { options[$0] }, profile: profile)
        if winner.newCircuitReason != nil {
          if min(profile.leadTimeMonths, horizon) > 0 { overlap = currentState }
          overlapExtra = winner.overlapExtra
        } else {
          firstReason = Self.inPlaceReason(from: currentState, to: winner.months[0].state)
        }
      }
    }
    if let moveNote { notes.append(moveNote) }
    if let ceiling = lookAheadCeiling(planner: planner, tier: chosen[0].state.tier, horizon: horizon, lookAhead: profile.lookAheadMonths) {
      notes.append(ceiling)
    }
    var steps = Self.steps(chosen)
    if let firstReason, !steps.isEmpty { steps[0].reason = firstReason }
    if overlap != nil, !steps.isEmpty {
      steps[0].reason = "buy now; the current circuit runs alongside for \(min(profile.leadTimeMonths, horizon)) month(s)"
    }
    if steps.count > 1 {
      notes.append("growing bandwidth in place needs room on the provider's port; connectivity-provider fees are not included")
    }

    // The second circuit, planned on its own traffic.
    var secondMonths: [CircuitPlanner.Month]?
    var secondLocation: PeeringLocation?
    if case .secondCircuit(let name, let failover) = profile.redundancy, let other = engine.locations.location(named: name) {
      secondLocation = other
      let secondPlanner = CircuitPlanner(
        engine: engine, location: other, demand: demand, egressShare: failover == .activePassive ? 0 : Decimal(1) / 2,
        lookAhead: profile.lookAheadMonths, virtualNetworkLinks: policy.virtualNetworkLinks, options: optionsCache)
      let primaryTier = steps.first?.tier ?? .standard
      var tier = secondCircuitTier(profile, primary: primaryTier, second: other)
      secondMonths =
        secondPlanner.plan(tier: tier, horizon: horizon) ?? (tier == .local ? secondPlanner.plan(tier: .standard, horizon: horizon) : nil)
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
      if tier != primaryTier, secondMonths != nil, !cheaperThanLocal {
        notes.append(
          "the second circuit at \(other.name) is \(tier.name) while the primary is \(primaryTier.name): Local reaches only the local regions of its peering location (\(other.localRegions.isEmpty ? "none at \(other.name)" : other.localRegions.joined(separator: ", "))), and no product rule asks the two circuits of a redundant pair to share a tier"
        )
      }
      if secondMonths == nil {
        notes.append("the second circuit at \(other.name) cannot be planned: no priced \(tier.name) circuit there carries the failover load")
      }
    }

    // Gateways, month by month.
    let gatewayCandidates = gatewayOptions(profile, requirement: demand.requiredBitsPerSecond(month: 0))
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
            let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
            if option.virtualWANScaleUnits != nil && previous.virtualWANScaleUnits != nil {
              reason = "scale the Virtual WAN hub to \(option.virtualWANScaleUnits ?? 0) scale units for \(need) (in place)"
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
              month: month, sku: option.sku, scaleUnits: option.scaleUnits, reason: reason, virtualWANScaleUnits: option.virtualWANScaleUnits))
        }
      }
    }

    // Every month, priced as a quote.
    var months: [PlannedMonth] = []
    for month in 0..<horizon {
      let deployment = monthlyDeployment(
        profile, location: location, demand: demand, month: month, primary: chosen[month], primaryShare: primaryShare,
        second: secondMonths?[month], secondLocation: secondLocation, gateway: profile.gateways > 0 ? monthlyGateways[month] : nil,
        gatewayCount: profile.gateways,
        overlap: month < profile.leadTimeMonths ? overlap : nil)
      var quote: Quote
      if let previous = months.last, previous.deployment == deployment {
        // The same configuration and volumes as the month before (unlimited data, no growth): the same quote.
        quote = previous.quote
      } else {
        do {
          quote = try engine.quote(deployment, checkingCapacity: false)
        } catch {
          throw Diagnostic(error.severity, "month \(month + 1) of the plan: \(error.message)", location: profile.origin, rule: error.rule)
        }
      }
      quote.notes = []
      if profile.gateways > 0 && monthlyGateways[month] == nil {
        quote.unpriced.append(
          UnpricedItem(
            resource: "gateway", meter: .gateway(.erGw1AZ), quantity: nil,
            reason: "no gateway option is both feasible and priced; see the gateway table"))
      }
      months.append(PlannedMonth(month: month, deployment: deployment, quote: quote, circuitCost: Money(chosen[month].cost, currency: currency)))
    }

    var extras: [SizingExtra] = []
    if profile.gateways > 0 {
      if let option = monthlyGateways.first ?? nil, option.virtualWANScaleUnits != nil {
        let monthly: Money? = if case .feasible(_, let first) = option.verdict { first } else { nil }
        extras.append(
          SizingExtra(
            label: "\(profile.gateways) × \(option.label)", meter: .virtualWANScaleUnits(fromUnit: 1), monthly: monthly,
            note: "hub, scale units and a connection unit per circuit; "
              + (gatewayPlan.count > 1 ? "resized with demand (see the gateway plan)" : "cheapest gateway that carries the traffic")))
      } else if let option = monthlyGateways.first ?? nil {
        let gateway = Gateway(name: "gateway", sku: option.sku, scaleUnits: option.scaleUnits, count: profile.gateways, circuits: ["circuit"])
        let charges = engine.monthlyCharges(of: gateway)
        extras.append(
          SizingExtra(
            label: "\(profile.gateways) × \(option.label) gateway",
            meter: .gateway(gateway.sku),
            monthly: charges.unpriced.isEmpty ? charges.total : nil,
            note: gatewayPlan.count > 1 ? "resized with demand (see the gateway plan)" : "cheapest gateway that carries the traffic"))
      } else {
        extras.append(
          SizingExtra(
            label: "ExpressRoute gateway", meter: .gateway(.erGw1AZ), monthly: nil,
            note: "no gateway option is both feasible and priced; see the gateway table"))
      }
    }
    let resilience = assessResilience(
      profile, months: months, secondMonths: secondMonths, secondLocation: secondLocation, demand: demand, extras: &extras, notes: &notes)
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
    let secondSteps = secondMonths.map(Self.steps) ?? []
    var result = SizingResult(
      name: profile.name, location: location, demand: demand, basis: engine.basis, tierReasons: policy.reasons, plan: steps,
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
      result.costCurves.append(StepCostCurve(step: step, curve: curve, volume: demand.egressIsKnown ? demand.egress(month: step.month) : nil))
    }
    result.blockedByPrice = blockedByPrice(candidates, recommended: steps.first, zone: location.zone)
    (result.pathComparison, result.pathCosts) = comparePaths(profile, candidates: candidates, result: result)
    if case .single = profile.redundancy {
    } else if let costs = redundancyCosts(profile, traffic: traffic, result: result) {
      // What redundancy costs: this design against the best single-circuit design, like with like.
      result.redundancyCosts = costs
      result.resilience?.monthlyCost = costs.isComplete ? costs.difference : nil
    }
    if let step = steps.first,
      var comparison = try? engine.compare(location: location, bandwidth: step.bandwidth, monthlyEgress: demand.egress(month: 0))
    {
      // Only the tiers this workload may use (Local, for one, may be ruled out by its regions).
      comparison.options = comparison.options.filter { policy.allowedTiers.contains($0.tier) }
      let hub = (profile.hubRegion ?? profile.targetRegions.first).map { engine.locations.canonicalAzureRegion($0) ?? $0 }
      // The ExpressRoute side is the plan's own month 1 (its circuit and gateway), not a design of its own.
      result.vpnAlternative = engine.compareWithVPN(
        comparison, volume: demand.egress(month: 0), hubRegion: hub, design: result.months.first?.deployment)
    }
    return result
  }

  /// The months from `month` on that no provider circuit can serve: what the workload needs then and what would serve it.
  func unservedMonths(from month: Int, demand: Demand) -> UnservedMonths {
    let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
    let remedy =
      need > .gbps(10)
      ? "more than the largest provider circuit (10 Gbps); ExpressRoute Direct (a circuit on a 10 Gbps or 100 Gbps port pair) or a second circuit sharing the load would serve it"
      : "and no priced provider circuit carries that (see the unpriced options); an override file with the missing rate would settle it"
    return UnservedMonths(month: month, need: need, remedy: remedy)
  }

  /// A note when the look-ahead after the horizon reaches a month no provider circuit of `tier` can serve: the
  /// plan's last decisions were judged on a window cut there, and the ceiling is coming.
  func lookAheadCeiling(planner: CircuitPlanner, tier: CircuitTier, horizon: Int, lookAhead: Int) -> String? {
    guard lookAhead > 1, let blocked = planner.firstUnservedMonth(tier: tier, months: horizon + lookAhead - 1), blocked >= horizon else {
      return nil
    }
    let unserved = unservedMonths(from: blocked, demand: planner.demand)
    return
      "the look-ahead is cut at month \(blocked + 1), \(blocked + 1 - horizon) month\(blocked + 1 - horizon == 1 ? "" : "s") after the horizon: \(unserved.reason); plan for it before then"
  }

  /// Plan steps from planned months: a step wherever the state changes.
  // MARK: - The circuit in service today

  /// A circuit plan open from the circuit in service today, priced over the whole horizon.
  struct CurrentCircuitOption {
    /// What the plan does with the current circuit, for the notes.
    var label: String
    var months: [CircuitPlanner.Month]
    /// Why the plan needs a new circuit; `nil` when it starts from the current circuit, in place.
    var newCircuitReason: String?
    /// What the lead months add: the current circuit carries the traffic while the new one is billed but idle (0 in place).
    var overlapExtra: Decimal = 0
    /// The plan's circuit cost over the horizon, the overlap included.
    var total: Decimal { months.reduce(0) { $0 + $1.cost } + overlapExtra }
  }

  /// Why moving from `current` to `next` needs a new circuit, or `nil` when it can be done in place: the planner's
  /// rules (bandwidth never shrinks, UnlimitedData never goes back, Local never converts) and the Premium add-on's
  /// (pricing-facts.md §1.7: it is disabled in place only with fewer than 10 VNet links and fewer than 4,000
  /// private-peering routes; cross-region links already make Premium required).
  func newCircuitReason(from current: CircuitPlanner.State, to next: CircuitPlanner.State, profile: WorkloadProfile, links: Int) -> String? {
    var reasons = [CircuitPlanner.newCircuitReason(from: current, to: next)].compactMap { $0 }
    if current.tier == .premium && next.tier == .standard && (links >= 10 || profile.privatePeeringRoutes >= 4_000) {
      reasons.append(
        "the Premium add-on cannot be disabled in place with \(links) VNet links and \(profile.privatePeeringRoutes) private-peering routes (it needs fewer than 10 and fewer than 4,000)"
      )
    }
    return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
  }

  /// Every plan open from `current`, in the order that wins ties: in place first (the current tier kept, then
  /// each other allowed tier reached in place, Standard ↔ Premium being the add-on switched), then each allowed
  /// tier's plan from nothing (`fresh` is the chosen tier's), in place when its first month can be reached so,
  /// otherwise as a new circuit paying its overlap months. Plans with the same months are listed once.
  func currentCircuitOptions(
    _ current: CircuitPlanner.State, fresh: [CircuitPlanner.Month], planner: CircuitPlanner, policy: TierPolicy, profile: WorkloadProfile,
    location: PeeringLocation
  ) -> [CurrentCircuitOption] {
    let horizon = planner.demand.horizonMonths
    let lead = min(profile.leadTimeMonths, horizon)
    let links = policy.virtualNetworkLinks
    let name = "\(current.tier.name) \(current.billing.name) \(current.bandwidth)"
    var options: [CurrentCircuitOption] = []
    func add(_ option: CurrentCircuitOption) {
      if !options.contains(where: { $0.months.map(\.state) == option.months.map(\.state) }) { options.append(option) }
    }
    let tiers = policy.allowedTiers.filter { $0 == current.tier } + policy.allowedTiers.filter { $0 != current.tier }
    for tier in tiers {
      let start = CircuitPlanner.State(tier: tier, billing: current.billing, bandwidth: current.bandwidth)
      guard newCircuitReason(from: current, to: start, profile: profile, links: links) == nil,
        let months = planner.plan(tier: tier, horizon: horizon, start: start)
      else { continue }
      let label =
        tier == current.tier
        ? "keeping the current \(name) circuit"
        : "changing the current \(name) circuit in place to \(tier.name) (the Premium add-on \(tier == .premium ? "enabled" : "disabled"))"
      add(CurrentCircuitOption(label: label, months: months))
    }
    let idlePlanner = CircuitPlanner(
      engine: engine, location: location, demand: planner.demand, egressShare: 0, lookAhead: 1, virtualNetworkLinks: 0, options: optionsCache)
    for tier in policy.allowedTiers {
      guard let months = fresh.first?.state.tier == tier ? fresh : planner.plan(tier: tier, horizon: horizon), let first = months.first else {
        continue
      }
      let target = "\(first.state.tier.name) \(first.state.billing.name) \(first.state.bandwidth)"
      guard let reason = newCircuitReason(from: current, to: first.state, profile: profile, links: links) else {
        add(CurrentCircuitOption(label: "changing the current \(name) circuit in place to \(target)", months: months))
        continue
      }
      // The overlap: the current circuit carries the traffic while the new one is billed but idle.
      var extra: Decimal = 0
      for month in 0..<lead {
        let old = planner.cost(current, month: month)
        let idle = idlePlanner.cost(months[month].state, month: month)
        extra += (old ?? 0) + (idle ?? 0) - months[month].cost
      }
      add(CurrentCircuitOption(label: "a new \(target) circuit", months: months, newCircuitReason: reason, overlapExtra: extra))
    }
    return options
  }

  /// Why the plan open from the current circuit that won was chosen, against the others, over the horizon.
  func currentCircuitNote(_ chosen: CurrentCircuitOption, others: [CurrentCircuitOption], profile: WorkloadProfile) -> String? {
    let horizon = profile.horizonMonths
    let lead = min(profile.leadTimeMonths, horizon)
    func months(_ count: Int) -> String { "\(count) month\(count == 1 ? "" : "s")" }
    func describe(_ option: CurrentCircuitOption) -> String {
      var text = "\(option.label) \(option.total.grouped(places: 2))"
      if let reason = option.newCircuitReason {
        text += " (\(reason); \(lead == 0 ? "no overlap" : "\(months(lead)) of overlap, +\(option.overlapExtra.grouped(places: 2))"))"
      }
      return text
    }
    var note: String
    if let reason = chosen.newCircuitReason {
      guard lead > 0 || !others.isEmpty else { return nil }
      note =
        lead > 0
        ? "the recommendation needs a new circuit (\(reason)): the current circuit keeps running for \(months(lead)) (lead time) while the new one is billed, adding \(chosen.overlapExtra.grouped(places: 2)) \(currency); with it the circuit plan costs \(chosen.total.grouped(places: 2)) over the \(horizon)-month horizon"
        : "the recommendation needs a new circuit (\(reason)), with no lead-time overlap: the circuit plan costs \(chosen.total.grouped(places: 2)) over the \(horizon)-month horizon"
    } else {
      guard !others.isEmpty else { return nil }
      note = "\(chosen.label) costs \(chosen.total.grouped(places: 2)) over the \(horizon)-month horizon"
    }
    if !others.isEmpty {
      note += ", the least of the plans open from the current circuit; the others cost " + others.map(describe).joined(separator: "; ")
    }
    return note
  }

  /// The first step's reason when the plan starts from the current circuit in place.
  static func inPlaceReason(from current: CircuitPlanner.State, to first: CircuitPlanner.State) -> String {
    var changes: [String] = []
    if first.tier != current.tier { changes.append(first.tier == .premium ? "enable the Premium add-on" : "disable the Premium add-on") }
    if first.billing != current.billing { changes.append("switch to \(first.billing.name) (one-way)") }
    if first.bandwidth != current.bandwidth { changes.append("grow from \(current.bandwidth) to \(first.bandwidth)") }
    return changes.isEmpty ? "keep the current circuit" : "change the current circuit in place: " + changes.joined(separator: ", ")
  }

  static func steps(_ months: [CircuitPlanner.Month]) -> [PlanStep] {
    var steps: [PlanStep] = []
    for (month, planned) in months.enumerated() {
      let state = planned.state
      if let last = steps.last, last.tier == state.tier, last.billing == state.billing, last.bandwidth == state.bandwidth { continue }
      steps.append(
        PlanStep(month: month, tier: state.tier, billing: state.billing, bandwidth: state.bandwidth, reason: month == 0 ? "buy now" : planned.reason))
    }
    return steps
  }

  /// The configuration that runs in `month`: circuits with their share of the traffic, the gateway, VPN and Global Reach.
  func monthlyDeployment(
    _ profile: WorkloadProfile, location: PeeringLocation, demand: Demand, month: Int, primary: CircuitPlanner.Month, primaryShare: Decimal,
    second: CircuitPlanner.Month?, secondLocation: PeeringLocation?, gateway: GatewayCandidate?, gatewayCount: Int = 1, failover: Bool = false,
    overlap: CircuitPlanner.State? = nil
  ) -> Deployment {
    var deployment = Deployment(name: profile.name)
    let egress = demand.egress(month: month)
    var circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: primary.state.tier, billing: primary.state.billing, bandwidth: primary.state.bandwidth,
      monthlyEgress: demand.egressIsKnown ? (failover ? .zero : egress * primaryShare) : nil)
    circuit.virtualNetworkLinks = nil
    if let overlap {
      // Lead time: the current circuit still carries the traffic; the new one is billed but idle.
      deployment.circuits.append(
        Circuit(
          name: "current circuit", peeringLocation: location.name, tier: overlap.tier, billing: overlap.billing, bandwidth: overlap.bandwidth,
          monthlyEgress: circuit.monthlyEgress))
      circuit.monthlyEgress = demand.egressIsKnown ? .zero : nil
    }
    deployment.circuits.append(circuit)
    if let second, let secondLocation {
      let secondShare: Decimal = failover ? 1 : (1 - primaryShare)
      deployment.circuits.append(
        Circuit(
          name: "second circuit", peeringLocation: secondLocation.name, tier: second.state.tier, billing: second.state.billing,
          bandwidth: second.state.bandwidth, monthlyEgress: demand.egressIsKnown || secondShare == 0 ? egress * secondShare : nil))
    }
    if let gateway, let units = gateway.virtualWANScaleUnits {
      deployment.virtualWANHubs = (1...max(gatewayCount, 1)).map {
        VirtualWANHub(name: gatewayCount > 1 ? "hub \($0)" : "hub", scaleUnits: units, connections: deployment.circuits.count)
      }
    } else if let gateway {
      deployment.gateways.append(
        Gateway(
          name: "gateway", sku: gateway.sku, scaleUnits: gateway.scaleUnits, count: gatewayCount, circuits: deployment.circuits.map(\.name)))
    }
    if case .backupVPN(let sku) = profile.redundancy {
      deployment.vpnGateways.append(VPNGateway(name: "backup VPN", sku: sku))
    }
    // The user's own charges that fall this month (without a calendar, a charge starts in month 1).
    let base = profile.planStart ?? MonthKey(year: 2000, month: 1)
    // The plan is a provider circuit: Direct-only charges (cross-connects) belong to the Direct alternative.
    let providerCharges = profile.charges.filter { $0.path != .direct }
    let charges =
      profile.planStart == nil
      ? providerCharges.map { charge in
        var copy = charge; copy.startMonth = nil; return copy
      } : providerCharges
    deployment.charges = BudgetPlanner.charges(charges, in: base.advanced(by: month), budgetStart: base, amortize: profile.amortizeCharges)
    for (index, need) in profile.globalReach.enumerated() {
      let name = "remote \(index + 1) (\(need.location))"
      var remote = Circuit(
        name: name, peeringLocation: need.location, tier: primary.state.tier == .local ? .standard : primary.state.tier, billing: .metered,
        bandwidth: primary.state.bandwidth)
      remote.isExternal = true
      deployment.circuits.append(remote)
      // Unknown data (no monthlyData) stays unknown: the link's per-GB charges are listed as not priced.
      let data = need.monthlyData.map {
        DataVolume(bytes: ($0.bytes * demand.growthFactor(month: month)).rounded(toPlaces: -6, rule: .toNearestOrEven))
      }
      deployment.globalReach.append(GlobalReachLink(circuitA: "circuit", circuitB: name, dataAToB: data, dataBToA: data))
    }
    return deployment
  }

  // MARK: - Demand

  func makeDemand(_ profile: WorkloadProfile, traffic: TrafficSummary?, notes: inout [String]) throws(Diagnostic) -> Demand {
    var basis: [String] = []
    let percentileName = profile.percentile == 100 ? "maximum" : "P\(profile.percentile)"
    var outbound = profile.peakOutbound ?? .init(bitsPerSecond: 0)
    var inbound = profile.peakInbound ?? .init(bitsPerSecond: 0)
    var egress = profile.monthlyEgress
    var growth: Demand.Growth? = profile.yearlyGrowth.map { .stated(yearly: $0) }
    var anchorOffset = 0
    if let traffic {
      if profile.peakOutbound == nil { outbound = traffic.outbound.rate(atPercentile: profile.percentile) }
      if profile.peakInbound == nil { inbound = traffic.inbound.rate(atPercentile: profile.percentile) }
      basis.append(
        "\(percentileName) from series '\(traffic.circuit)': outbound \(outbound), inbound \(inbound) (\(traffic.samples) samples every \(traffic.interval) s)"
      )
      let hours = engine.hoursPerMonth
      let threshold = (TrafficSummary.MonthVolume.measuredCoverage * 100).fixedPoint(places: 0)
      // Only months at least half covered by samples are measured: a month with an hour of samples would
      // otherwise be scaled up a hundredfold and outweigh every fully measured month.
      let measured = traffic.outbound.months.filter(\.isMeasured)
      let partial = traffic.outbound.months.filter { !$0.isMeasured }
      if !partial.isEmpty {
        basis.append(
          "months under \(threshold)% covered by samples, left out of the volume and the growth fit: "
            + partial.map { "\($0.month) (\(($0.coverage * 100).fixedPoint(places: 1))%)" }.joined(separator: ", "))
      }
      let fitted = GrowthFit.fit(measured.map { ($0.month, $0.scaled(toHours: hours)) })
      // A fit whose 95% interval spans 0 (a flat series with one busy month, a lopsided handful of months) is not
      // distinguishable from flat: it is not projected, and its level (pulled about by that month) is not the base.
      let fit = fitted.flatMap { $0.isProjected ? $0 : nil }
      let median = Self.median(measured.map { $0.scaled(toHours: hours) })
      // The projection's anchor: the last measured month (the best-covered month when none is measured).
      let anchor = measured.last ?? traffic.outbound.months.max { $0.coverage < $1.coverage }
      if egress == nil, let anchor {
        if measured.isEmpty {
          // An hour of samples is never scaled up to a month: with no month half covered the volume is unknown, so
          // the metered data charge is not priced and every total (and gate) is incomplete.
          notes.append(
            "no month of series '\(traffic.circuit)' is at least \(threshold)% covered by samples (the best, \(anchor.month), is \((anchor.coverage * 100).fixedPoint(places: 1))%): the monthly outbound volume is unknown, as a few hours are never scaled up to a month; give a series covering at least half a month, or \"monthlyEgress\" in the profile"
          )
        } else if let fit {
          egress = fit.level
          basis.append(
            "monthly outbound \(fit.level): the fitted trend's level in \(anchor.month), the last measured month (\(anchor.scaled(toHours: hours)) measured, scaled to \(hours.plainDescription) h)"
          )
        } else if let rejected = fitted, let median {
          egress = median
          basis.append(
            "monthly outbound \(median): the median of the \(measured.count) measured months \(rejected.months.first?.description ?? "") to \(rejected.months.last?.description ?? "") (each scaled to \(hours.plainDescription) h; the last, \(anchor.month), measured \(anchor.scaled(toHours: hours))), as their trend is not distinguishable from flat"
          )
        } else {
          egress = anchor.scaled(toHours: hours)
          basis.append(
            "monthly outbound \(egress ?? .zero): \(anchor.month), the last measured month (\(anchor.volume) measured over \((anchor.coverage * 100).fixedPoint(places: 1))% of the month), scaled to \(hours.plainDescription) h"
          )
        }
      }
      if let rejected = fitted, fit == nil, profile.yearlyGrowth == nil || profile.monthlyEgress == nil {
        let used = [
          profile.yearlyGrowth == nil ? "0% growth a year" : nil, profile.monthlyEgress == nil ? "the median measured month as the base" : nil,
        ].compactMap { $0 }
        notes.append(
          "the trend of series '\(traffic.circuit)', \(rejected.summary), is not projected: its 95% interval includes 0% a year, so it is not distinguishable from flat; the plan takes \(used.joined(separator: " and ")) (state \"yearlyGrowth\" or \"monthlyEgress\" in the profile for a lasting change)"
        )
      }
      if growth == nil, let fit {
        growth = .fitted(fit)
        basis.append(
          "growth \(fit.summary), fitted on the monthly outbound volumes of \(fit.months.first?.description ?? "") to \(fit.months.last?.description ?? "") (\(fit.months.count) months): \(fit.reason); peak rates are assumed to grow like volumes"
        )
      } else if growth == nil, let rejected = fitted {
        growth = .stated(yearly: 0)
        basis.append(
          "growth 0% a year: the trend fitted on \(rejected.months.first?.description ?? "") to \(rejected.months.last?.description ?? "") (\(rejected.summary)) is not distinguishable from flat (its 95% interval includes 0%), so it is not projected"
        )
      }
      if let anchor = anchor?.month {
        // Growth runs on the calendar from the anchor: a plan starting k months later is the projection shifted by k.
        let start = profile.planStart ?? anchor
        guard start >= anchor else {
          throw Diagnostic(
            .error,
            "the plan starts in \(start), before \(anchor), the last measured month of series '\(traffic.circuit)': growth is projected from the last measured month, so start in \(anchor) or later",
            location: profile.origin)
        }
        anchorOffset = (start.year - anchor.year) * 12 + start.month - anchor.month
        basis.append(
          "growth counts from \(anchor), the last measured month; plan month 1 is \(start), \(anchorOffset) month\(anchorOffset == 1 ? "" : "s") later"
        )
      }
    } else {
      basis.append("\(percentileName) rates from the profile: outbound \(outbound), inbound \(inbound)")
    }
    if let given = profile.monthlyEgress { basis.append("monthly outbound \(given) from the profile") }
    if egress == nil {
      notes.append(
        "no monthly outbound volume was given or measured: options are compared at 0 GB, and the metered data charge is listed as not priced")
    }
    if let stated = profile.yearlyGrowth {
      basis.append("growth \(GrowthFit.percent(stated)) a year from the profile (it wins over any trend in the series)")
    } else if growth == nil {
      basis.append("no growth given or measurable (fewer than three measured months): 0% a year")
    }
    let larger = max(outbound, inbound)
    if traffic == nil, let egress, larger.bitsPerSecond > 0 {
      // The average rate a month's volume implies cannot exceed the peak it was sized on.
      let average = egress.bytes * 8 / (engine.hoursPerMonth * 3600)
      if average > Decimal(larger.bitsPerSecond) {
        notes.append(
          "check the inputs: \(egress) a month averages \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: average).int64Value)), more than the sizing rate \(larger), which cannot be a peak; sized on the average instead, so the circuit carries the month's volume"
        )
      }
    }
    basis.append("target utilisation \((profile.targetUtilization * 100).fixedPoint(places: 1))% over a \(profile.horizonMonths)-month horizon")
    var demand = Demand(
      sizingRate: larger, sizingDirection: outbound >= inbound ? "outbound" : "inbound", monthlyEgress: egress ?? .zero,
      growth: growth ?? .stated(yearly: 0), targetUtilization: profile.targetUtilization, horizonMonths: profile.horizonMonths, basis: basis,
      anchorOffset: anchorOffset, hoursPerMonth: engine.hoursPerMonth)
    demand.egressIsKnown = egress != nil
    return demand
  }

  /// The median of `volumes` (the mean of the middle two for an even count); `nil` when empty.
  static func median(_ volumes: [DataVolume]) -> DataVolume? {
    let sorted = volumes.sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : DataVolume(bytes: (sorted[middle - 1].bytes + sorted[middle].bytes) / 2)
  }

  // MARK: - Tier policy

  struct TierPolicy {
    var allowedTiers: [CircuitTier]
    var reasons: [String]
    var localRejection: String?
    var standardRejection: String?
    var virtualNetworkLinks: Int
  }

  func tierPolicy(_ profile: WorkloadProfile, location: PeeringLocation) throws(Diagnostic) -> TierPolicy {
    var premiumReasons: [String] = []
    var localProblems: [String] = []
    var regions: [String] = []
    for region in profile.targetRegions {
      guard let canonical = engine.locations.canonicalAzureRegion(region) else {
        var message = "'\(region)' is not a known Azure region"
        if let near = Suggestion.nearest(to: region, in: engine.locations.allAzureRegions) { message += "; did you mean '\(near)'?" }
        throw Diagnostic(.error, message, location: profile.origin, path: "targetRegions")
      }
      regions.append(canonical)
    }
    let outside = regions.filter { engine.locations.geopoliticalRegion(ofAzureRegion: $0)?.name != location.geopoliticalRegion }
    if !outside.isEmpty {
      premiumReasons.append(
        "\(outside.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") outside \(location.geopoliticalRegion), the geopolitical region of \(location.name)"
      )
    }
    if profile.privatePeeringRoutes > 10_000 {
      throw Diagnostic(
        .error, "\(profile.privatePeeringRoutes) private-peering routes exceed even Premium's 10,000; summarise routes before sizing",
        location: profile.origin, path: "privatePeeringRoutes")
    }
    if profile.privatePeeringRoutes > 4_000 {
      premiumReasons.append("\(profile.privatePeeringRoutes) private-peering routes exceed the 4,000 of Standard and Local")
    }
    let links = profile.virtualNetworks + profile.globalReach.count
    if links > 10 { premiumReasons.append("\(links) VNet links (Global Reach connections count too) exceed the 10 of Standard and Local") }
    if profile.microsoft365 { premiumReasons.append("Microsoft 365 over Microsoft peering requires the Premium add-on") }
    for need in profile.globalReach {
      guard let remote = engine.locations.location(named: need.location) else {
        throw Diagnostic(
          .error, "globalReach: \(engine.locations.unknownLocationMessage(need.location))", location: profile.origin, path: "globalReach")
      }
      if remote.geopoliticalRegion != location.geopoliticalRegion {
        premiumReasons.append(
          "Global Reach to \(remote.name) crosses geopolitical regions (\(location.geopoliticalRegion) to \(remote.geopoliticalRegion))")
      }
      if remote == location {
        throw Diagnostic(
          .error, "Global Reach links circuits at different peering locations; \(remote.name) is this circuit's own", location: profile.origin,
          path: "globalReach", rule: ProductRule.globalReachDifferentLocations.id)
      }
    }
    if case .secondCircuit(let other, _) = profile.redundancy {
      guard let second = engine.locations.location(named: other) else {
        throw Diagnostic(
          .error, "redundancy: \(engine.locations.unknownLocationMessage(other))", location: profile.origin, path: "redundancy.location")
      }
      if second == location {
        throw Diagnostic(
          .error, "redundancy: the second circuit must be at another peering location than \(location.name)", location: profile.origin,
          path: "redundancy.location")
      }
    }
    if !location.offersLocal { localProblems.append("\(location.name) has no local Azure region") }
    if regions.isEmpty {
      localProblems.append("no target regions were given, so Local's reach cannot be checked")
    } else if location.offersLocal {
      let far = regions.filter { !location.localRegions.contains($0) }
      if !far.isEmpty {
        localProblems.append(
          "\(far.joined(separator: ", ")) \(far.count == 1 ? "is" : "are") not local to \(location.name) (local: \(location.localRegions.joined(separator: ", ")))"
        )
      }
    }
    if !profile.globalReach.isEmpty { localProblems.append("Global Reach is not available on Local") }
    // A second circuit that cannot be Local does not rule Local out for the primary: no product rule asks the two
    // circuits of a redundant pair to share a tier (pricing-facts.md §7 lists Local's rules), so the second circuit is
    // then Standard (see `secondCircuitTier`).
    localProblems.append(contentsOf: premiumReasons)
    var reasons: [String] = []
    var allowed: [CircuitTier] = []
    if localProblems.isEmpty {
      allowed.append(.local)
      reasons.append("Local is possible: every target region (\(regions.joined(separator: ", "))) is local to \(location.name)")
    } else {
      reasons.append("Local is ruled out: \(localProblems.joined(separator: "; "))")
    }
    if premiumReasons.isEmpty {
      allowed.append(.standard)
      var reason =
        "Standard is enough: regions, routes (\(profile.privatePeeringRoutes)), VNet links (\(links)) and Microsoft 365 are within its limits"
      // A target region placed in the geopolitical region by inference (Spain Central in Europe): Standard rests on it.
      let region = engine.locations.geopoliticalRegions.first { $0.name == location.geopoliticalRegion }
      let inferred = regions.filter { region?.inferredAzureRegions.contains($0) == true }
      if !inferred.isEmpty, let region {
        reason +=
          " (\(inferred.joined(separator: ", ")) \(inferred.count == 1 ? "is" : "are") in \(region.name) by inference, \(region.inference ?? "inferred"))"
      }
      reasons.append(reason)
    } else {
      reasons.append("Premium is required: \(premiumReasons.joined(separator: "; "))")
    }
    allowed.append(.premium)
    return TierPolicy(
      allowedTiers: allowed, reasons: reasons, localRejection: localProblems.isEmpty ? nil : localProblems.joined(separator: "; "),
      standardRejection: premiumReasons.isEmpty ? nil : "Premium is required: " + premiumReasons.joined(separator: "; "), virtualNetworkLinks: links)
  }

  // MARK: - Candidates

  /// Why a provider configuration cannot serve the whole horizon, or `nil`.
  ///
  /// The workload's tier policy first, then the product rules (checked by the engine's validator, the one
  /// place they live, through `rules`), then capacity month by month.
  func staticRejection(
    _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, demand: Demand, policy: TierPolicy, months: Range<Int>? = nil,
    rules: () -> String?
  ) -> String? {
    if tier == .local, let reason = policy.localRejection { return reason }
    if tier == .standard, let reason = policy.standardRejection { return reason }
    if let rule = rules() { return rule }
    let range = months ?? 0..<demand.horizonMonths
    if let month = range.first(where: { demand.requiredBitsPerSecond(month: $0) > Decimal(bandwidth.bitsPerSecond) }) {
      let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
      let utilisation = "\((demand.targetUtilization * 100).fixedPoint(places: 0))% utilisation"
      if demand.volumeSetsRequirement(month: month), let average = demand.averageEgressBitsPerSecond(month: month) {
        return
          "too small: needs \(need)\(month == 0 ? " now" : " from month \(month + 1)") to carry \(demand.egress(month: month)) a month (an average of \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: average).int64Value)) ÷ \(utilisation); [\(ProductRule.egressWithinCapacity.id)])"
      }
      return month == 0
        ? "too small: needs \(need) now (\(demand.sizingDirection) \(demand.sizingRate) ÷ \(utilisation))"
        : "too small from month \(month + 1): needs \(need) with \(GrowthFit.percent(demand.yearlyGrowth)) yearly growth"
    }
    return nil
  }

  /// A provider configuration held unchanged for the whole horizon, priced month by month by the engine.
  func evaluateProvider(_ state: CircuitPlanner.State, planner: CircuitPlanner, policy: TierPolicy) -> SizingCandidate {
    let kind = SizingCandidate.Kind.provider(state.tier, state.billing, state.bandwidth)
    if let reason = staticRejection(
      state.tier, state.billing, state.bandwidth, demand: planner.demand, policy: policy, rules: { planner.ruleProblem(state) })
    {
      return SizingCandidate(kind: kind, verdict: .rejected(reason))
    }
    var total: Decimal = 0
    var first: Decimal = 0
    for month in 0..<planner.demand.horizonMonths {
      guard let cost = planner.cost(state, month: month) else {
        let circuit = Circuit(
          name: "circuit", peeringLocation: planner.location.name, tier: state.tier, billing: state.billing, bandwidth: state.bandwidth,
          monthlyEgress: planner.egress(month: month))
        let reason = engine.monthlyCharges(of: circuit, zone: planner.location.zone).unpriced.first?.reason ?? "unpriced"
        return SizingCandidate(kind: kind, verdict: .unpriced(reason))
      }
      total += cost
      if month == 0 { first = cost }
    }
    return SizingCandidate(
      kind: kind, verdict: .feasible(horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency)))
  }

  /// Circuits on ExpressRoute Direct port pairs, priced by the engine as a port pair plus a circuit on it.
  func directCandidates(location: PeeringLocation, demand: Demand, policy: TierPolicy, share: Decimal) -> [SizingCandidate] {
    var result: [SizingCandidate] = []
    let need = demand.peakRequirement
    if location.offersDirect != true {
      let source = engine.locations.source(of: location)
      let reason =
        location.offersDirect == nil
        ? "ExpressRoute Direct availability at \(location.name) is not known (\(source.id), \(source.date ?? "undated"), has no ER Direct column)"
        : "ExpressRoute Direct is not offered at \(location.name) (\(source.id), \(source.date ?? "undated"))"
      return [DirectPortSpeed.gbps10, .gbps100].map { port in
        SizingCandidate(
          kind: .direct(port, .standard, .metered, port.circuitSizes.last ?? port.bandwidth),
          verdict: .rejected("[\(ProductRule.directNotOffered.id)] \(reason)")
        )
      }
    }
    for port in [DirectPortSpeed.gbps10, .gbps100] {
      guard let size = port.circuitSizes.first(where: { Decimal($0.bitsPerSecond) >= need }) else {
        result.append(
          SizingCandidate(
            kind: .direct(port, .standard, .metered, port.circuitSizes.last ?? port.bandwidth),
            verdict: .rejected("too small: the largest circuit on a \(port.name) pair is \(port.circuitSizes.last?.description ?? "")")))
        continue
      }
      // Local is a Direct circuit SKU too, covered by the port fee with its egress included on either billing
      // (pricing-facts.md §3), so a workload Local may serve weighs it on Direct as it does on a provider circuit.
      let tiers: [CircuitTier] =
        policy.standardRejection != nil ? [.premium] : policy.allowedTiers.contains(.local) ? [.local, .standard] : [.standard]
      for (tier, billing) in tiers.flatMap({ tier in BillingFamily.allCases.map { (tier, $0) } }) {
        let kind = SizingCandidate.Kind.direct(port, tier, billing, size)
        var total: Decimal = 0
        var first: Decimal = 0
        var gap: String?
        for month in 0..<demand.horizonMonths {
          let deployment = Deployment(
            name: "direct",
            circuits: [
              Circuit(
                name: "circuit", peeringLocation: location.name, tier: tier, billing: billing, bandwidth: size,
                monthlyEgress: demand.egress(month: month) * share, directPort: "ports")
            ],
            directPorts: [DirectPortPair(name: "ports", peeringLocation: location.name, speed: port, billing: billing)])
          guard let quote = try? engine.quote(deployment, checkingCapacity: false) else {
            gap = "not a valid Direct configuration"
            break
          }
          if let missing = quote.unpriced.first {
            gap = missing.reason
            break
          }
          if month == 0 { first = quote.total.amount }
          total += quote.total.amount
        }
        if let gap {
          result.append(SizingCandidate(kind: kind, verdict: .unpriced(gap)))
        } else {
          result.append(
            SizingCandidate(
              kind: kind, verdict: .feasible(horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency))))
        }
      }
    }
    return result
  }

  static func candidateOrder(_ a: SizingCandidate, _ b: SizingCandidate) -> Bool {
    func group(_ candidate: SizingCandidate) -> Int {
      switch candidate.verdict {
      case .feasible: return 0
      case .unpriced: return 1
      case .rejected: return 2
      }
    }
    if group(a) != group(b) { return group(a) < group(b) }
    if let x = a.horizonCost, let y = b.horizonCost, x != y { return x < y }
    return a.sortKey.lexicographicallyPrecedes(b.sortKey)
  }
}

extension SizingCandidate {
  var sortKey: [Int] {
    switch kind {
    case .provider(let tier, let billing, let bandwidth):
      return [0, tier.rank, billing == .metered ? 0 : 1, Int(bandwidth.bitsPerSecond / 1_000_000)]
    case .direct(let port, let tier, let billing, let bandwidth):
      return [1, Int(port.bandwidth.bitsPerSecond / 1_000_000_000), tier.rank, billing == .metered ? 0 : 1, Int(bandwidth.bitsPerSecond / 1_000_000)]
    }
  }
}

extension SizingCandidate.Verdict {
  /// Whether the option is feasible and priced.
  public var isFeasible: Bool {
    if case .feasible = self { return true }
    return false
  }
}
