import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
  /// Compares the circuit in service with the recommendation.
  func auditCurrent(
    _ current: WorkloadProfile.CurrentCircuit, planner: CircuitPlanner, demand: Demand, policy: TierPolicy,
    planCost: Money, firstStep: PlanStep?
  ) -> CircuitAudit {
    let label = "\(current.tier.name) \(current.billing.name) \(current.bandwidth)"
    let utilization = Decimal(demand.sizingRate.bitsPerSecond) / Decimal(max(current.bandwidth.bitsPerSecond, 1))
    var findings: [String] = []
    if utilization > Decimal(string: "0.9") ?? 1 {
      findings.append(
        "risk: the \(demand.sizingDirection) sizing rate \(demand.sizingRate) is \((utilization * 100).fixedPoint(places: 0))% of the \(current.bandwidth) circuit (over 90%)"
      )
    }
    if let month = demand.firstMonthExceeding(current.bandwidth) {
      findings.append(
        month == 0
          ? "risk: the circuit is already below the required bandwidth at \((demand.targetUtilization * 100).fixedPoint(places: 0))% target utilisation"
          : "risk: outgrown in month \(month + 1) at the planned growth")
    }
    let candidate = evaluateProvider(
      CircuitPlanner.State(tier: current.tier, billing: current.billing, bandwidth: current.bandwidth),
      planner: planner, policy: policy)
    var cost: Money?
    switch candidate.verdict {
    case .feasible(let total, _):
      cost = total
      let saving = total - planCost
      if saving.amount > 0 {
        findings.append(
          "saving: the recommendation costs \(saving.groupedAmount) \(currency) less over \(demand.horizonMonths) months (\((saving.amount / Decimal(demand.horizonMonths)).grouped(places: 2)) a month on average)"
        )
      } else {
        findings.append("the current circuit is already the cheapest option that carries the traffic")
      }
    case .rejected(let reason):
      findings.append("the current circuit does not fit the plan: \(reason)")
    case .unpriced(let reason):
      findings.append("the current circuit cannot be priced: \(reason)")
    }
    if let step = firstStep {
      if current.billing == .unlimited && step.billing == .metered {
        findings.append(
          "moving from UnlimitedData to MeteredData is not allowed in place on a provider circuit: it needs a new circuit"
        )
      }
      if step.bandwidth < current.bandwidth {
        findings.append(
          "bandwidth cannot be decreased in place: a smaller circuit means creating a new one and moving over")
      }
      if step.tier != current.tier && (step.tier == .local || current.tier == .local) {
        findings.append("changing to or from Local means a new circuit")
      }
    }
    var audit = CircuitAudit(
      label: label, horizonCost: cost, recommendedCost: planCost, utilization: utilization, findings: findings)
    audit.carriesFirstMonth = demand.firstMonthExceeding(current.bandwidth) != 0
    if audit.carriesFirstMonth,
      let first = planner.cost(
        CircuitPlanner.State(tier: current.tier, billing: current.billing, bandwidth: current.bandwidth), month: 0)
    {
      audit.firstMonthCost = Money(first, currency: currency)
    }
    return audit
  }

  /// The tier of a redundant design's second circuit: the primary's, except where the second location changes what a
  /// tier reaches. Local reaches only the local regions of its peering location, Standard only the regions of its
  /// geopolitical region (pricing-facts.md §6, §7): a Local primary gets a Standard second circuit where Local there
  /// does not reach every target and hub region, and a Local or Standard primary gets a Premium one where a region
  /// lies outside the second location's geopolitical region (with none named, the primary location's region stands
  /// for them). Nothing asks both circuits of a pair to share a tier.
  func secondCircuitTier(
    _ profile: WorkloadProfile, primary: CircuitTier, location: PeeringLocation, second: PeeringLocation
  ) -> CircuitTier {
    guard primary != .premium else { return primary }
    let regions = (profile.targetRegions + (profile.hubRegion.map { [$0] } ?? [])).map {
      engine.locations.canonicalAzureRegion($0) ?? $0
    }
    let geopolitical =
      regions.isEmpty
      ? [location.geopoliticalRegion] : regions.map { engine.locations.geopoliticalRegion(ofAzureRegion: $0)?.name }
    if geopolitical.contains(where: { $0 != second.geopoliticalRegion }) { return .premium }
    guard primary == .local else { return primary }
    return second.offersLocal && !regions.isEmpty && regions.allSatisfy({ second.localRegions.contains($0) })
      ? .local : .standard
  }

  /// Month 1 of the redundant design in `result` against the best single-circuit design for the same workload (planned
  /// by the same solver with `redundancy` set to a single circuit), both priced by the engine and filed by category.
  /// The single side's second path is explicitly none; every other category is on both sides.
  func redundancyCosts(_ profile: WorkloadProfile, traffic: TrafficSummary?, result: SizingResult) -> CostComparison? {
    var single = profile
    single.redundancy = .single
    var solver = SizingSolver(engine: engine)
    solver.depth = .planOnly
    solver.optionsCache = optionsCache
    solver.growthFactors = growthFactors
    guard let alone = try? solver.solve(single, traffic: traffic), let one = alone.months.first,
      let both = result.months.first
    else {
      return nil
    }
    var first = CostSide(label: "one circuit", currency: currency)
    first.add(one.quote, deployment: one.deployment)
    first.declare(.secondPath, note: "none: one circuit")
    var second = CostSide(label: "this design", currency: currency)
    second.add(both.quote, deployment: both.deployment)
    if second.cost(of: .secondPath) == nil, case .secondCircuit = profile.redundancy, result.secondPlan.isEmpty {
      // The design's second circuit could not be planned (no priced circuit at its location): what redundancy costs is
      // unknown, not nothing.
      second.addUnpriced(.secondPath)
    }
    if first.cost(of: .currentCircuit) != nil || second.cost(of: .currentCircuit) != nil {
      first.declare(.currentCircuit, note: "none")
      second.declare(.currentCircuit, note: "none")
    }
    let step = alone.plan.first.map { "\($0.tier.name) \($0.billing.name) \($0.bandwidth)" } ?? "one circuit"
    first.label = "one circuit (\(step))"
    return CostComparison(subject: "redundant or single", period: "month 1", first: first, second: second)
  }

  /// The provider plan against the cheapest priced Direct design over the horizon, each with the charges the profile
  /// gives for its path (provider ports; Direct cross-connects), saying plainly when a path has none.
  ///
  /// The Direct design is the plan's own, month by month, with its circuit moved onto the Direct port pair: the same
  /// share of the outbound data, the same gateway, second path, Global Reach and lead-time overlap, priced by the engine
  /// and filed by category like the plan, so the two sides differ only where the designs do.
  func comparePaths(_ profile: WorkloadProfile, candidates: [SizingCandidate], result: SizingResult) -> (
    [String], CostComparison?
  ) {
    guard
      let direct = candidates.first(where: {
        if case .direct = $0.kind, $0.verdict.isFeasible { return true } else { return false }
      }),
      case .direct(let port, let tier, let billing, let size) = direct.kind
    else { return ([], nil) }
    let base = profile.planStart ?? MonthKey(year: 2000, month: 1)
    func own(_ path: UserCharge.Path) -> [UserCharge] {
      profile.charges.filter { $0.path == path || $0.path == nil }.map { charge -> UserCharge in
        var copy = charge
        if profile.planStart == nil { copy.startMonth = nil }
        return copy
      }
    }
    let directCharges = own(.direct)
    var providerSide = CostSide(label: "provider plan", currency: currency)
    var directSide = CostSide(label: direct.label, currency: currency)
    for planned in result.months {
      providerSide.add(planned.quote, deployment: planned.deployment)
      var deployment = planned.deployment
      guard let index = deployment.circuits.firstIndex(where: { $0.name == "circuit" }) else { return ([], nil) }
      let plan = deployment.circuits[index]
      var circuit = Circuit(
        name: "circuit", peeringLocation: result.location.name, tier: tier, billing: billing, bandwidth: size,
        monthlyEgress: plan.monthlyEgress,
        directPort: "Direct ports")
      circuit.virtualNetworkLinks = plan.virtualNetworkLinks
      // Moving onto Direct needs a new circuit: the one in service runs beside it for the lead time, as it would for
      // the plan's own moves.
      if let current = profile.current, planned.month < profile.leadTimeMonths,
        !deployment.circuits.contains(where: { $0.name == "current circuit" })
      {
        deployment.circuits.insert(
          Circuit(
            name: "current circuit", peeringLocation: result.location.name, tier: current.tier,
            billing: current.billing,
            bandwidth: current.bandwidth, monthlyEgress: plan.monthlyEgress),
          at: index)
        circuit.monthlyEgress = plan.monthlyEgress == nil ? nil : .zero
        deployment.circuits[index + 1] = circuit
      } else {
        deployment.circuits[index] = circuit
      }
      deployment.directPorts.append(
        DirectPortPair(name: "Direct ports", peeringLocation: result.location.name, speed: port, billing: billing))
      deployment.charges = BudgetPlanner.charges(
        directCharges, in: base.advanced(by: planned.month), budgetStart: base, amortize: profile.amortizeCharges)
      guard let quote = try? engine.quote(deployment, checkingCapacity: false) else { return ([], nil) }
      directSide.add(quote, deployment: deployment)
    }
    for category in [CostCategory.currentCircuit, .ownCharges] {
      if providerSide.cost(of: category) != nil || directSide.cost(of: category) != nil {
        providerSide.declare(category, note: "none")
        directSide.declare(category, note: "none")
      }
    }
    let months = result.demand.horizonMonths
    let costs = CostComparison(
      subject: "provider circuit or ExpressRoute Direct", period: "\(months) months", first: providerSide,
      second: directSide)
    let providerOwn = providerSide.cost(of: .ownCharges)?.amount ?? .zero(currency)
    let directOwn = directSide.cost(of: .ownCharges)?.amount ?? .zero(currency)
    var lines: [String] = []
    if !profile.charges.contains(where: { $0.path == .provider }) {
      lines.append(
        "no provider-side charges were given (port and VLAN fees): the provider side counts Azure's charges only")
    }
    if !profile.charges.contains(where: { $0.path == .direct }) {
      lines.append(
        "no Direct-side charges were given (colocation cross-connects, routers): the Direct side counts Azure's charges only"
      )
    }
    let shared = [CostCategory.gateway, .secondPath, .globalReach, .trafficCollector].filter {
      costs.categories.contains($0)
    }
    lines.append(
      "over \(months) months: provider plan \(providerSide.total.groupedAmount) \(currency) (Azure \((providerSide.total - providerOwn).groupedAmount) + own charges \(providerOwn.groupedAmount)); "
        + "\(direct.label) \(directSide.total.groupedAmount) \(currency) (Azure \((directSide.total - directOwn).groupedAmount) + own charges \(directOwn.groupedAmount))"
        + (shared.isEmpty ? "" : "; both with the same \(shared.map(\.name).joined(separator: ", "))")
    )
    if !costs.isComplete {
      lines.append("on the whole cost the two cannot be compared: a charge on one side has no price (see the table)")
      return (lines, costs)
    }
    let difference = costs.difference
    lines.append(
      difference.amount < 0
        ? "on the whole cost ExpressRoute Direct is cheaper by \((providerSide.total - directSide.total).groupedAmount) \(currency): consider \(direct.label) (the plan above is the provider alternative)"
        : "on the whole cost the provider circuit is cheaper by \(difference.groupedAmount) \(currency)")
    return (lines, costs)
  }
}
