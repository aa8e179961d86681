import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
  /// Every gateway option for a month that needs `requirement` bit/s, cheapest feasible first.
  ///
  /// Each option is priced by the engine (``PricingEngine/monthlyCharges(of:)``) for the profile's
  /// number of gateways. ErGwScale takes the fewest scale units that carry the traffic, the circuits and FastPath.
  func gatewayOptions(_ profile: WorkloadProfile, requirement required: Decimal) -> [GatewayCandidate] {
    var cache: [GatewayVerdictKey: SizingCandidate.Verdict] = [:]
    return gatewayOptions(profile, requirement: required, cache: &cache)
  }

  /// A Virtual WAN hub as the gateway: its ExpressRoute scale units (2 Gbps each) carry the traffic; it is billed
  /// for the hub, the scale units and one connection unit per circuit, priced by the engine as a quote prices a hub.
  func virtualWANOption(_ profile: WorkloadProfile, requiredBits: Int64, circuits: Int) -> GatewayCandidate {
    let unitBits: Int64 = 2_000_000_000
    let units = max(1, Int((requiredBits + unitBits - 1) / unitBits))
    func candidate(_ verdict: SizingCandidate.Verdict, units: Int) -> GatewayCandidate {
      GatewayCandidate(sku: .erGwScale, scaleUnits: nil, verdict: verdict, virtualWANScaleUnits: units)
    }
    if profile.latencySensitive {
      return candidate(.rejected("FastPath on a Virtual WAN hub is not modelled (the profile needs FastPath)"), units: units)
    }
    // Units beyond the table's priced scale-unit tiers come back unpriced from the quote below, never as a number.
    let hubs = (1...max(profile.gateways, 1)).map { VirtualWANHub(name: "hub \($0)", scaleUnits: units, connections: circuits) }
    var deployment = Deployment(name: "hub option")
    deployment.virtualWANHubs = hubs
    let quote: Quote
    do {
      quote = try engine.quote(deployment, checkingCapacity: false)
    } catch {
      return candidate(.rejected(error.message), units: units)
    }
    if let missing = quote.unpriced.first { return candidate(.unpriced(missing.reason), units: units) }
    return candidate(.feasible(horizonCost: quote.total, firstMonth: quote.total), units: units)
  }

  /// The gateway SKUs of fixed size the solver weighs (ErGwScale is weighed by its units).
  static let fixedGatewaySKUs: [GatewaySKU] = [.erGw1AZ, .erGw2AZ, .erGw3AZ, .standard, .highPerformance, .ultraPerformance]

  /// What of a needed bandwidth the gateway options depend on: which fixed SKUs carry it, and how many ErGwScale
  /// units it takes. Months with the same key have the same options, so a plan weighs each key once.
  func gatewayRequirementKey(_ required: Decimal) -> [Int] {
    // `required` is a whole number of bits per second (rounded up), so integers compare and divide it exactly.
    let bits = NSDecimalNumber(decimal: required).int64Value
    var key = Self.fixedGatewaySKUs.map { sku in
      engine.rates.capabilities(of: sku, scaleUnits: nil).map { $0.throughput.bitsPerSecond >= bits ? 1 : 0 } ?? -1
    }
    if let scale = engine.rates.scaleGateway, scale.throughputPerUnit.bitsPerSecond > 0 {
      let perUnit = scale.throughputPerUnit.bitsPerSecond
      key.append(Int((bits + perUnit - 1) / perUnit))
    }
    key.append(Int((bits + 1_999_999_999) / 2_000_000_000))  // Virtual WAN scale units
    return key
  }

  /// A gateway option's verdict apart from its throughput: the product rules, routes and price depend only on the
  /// SKU and scale units, so a month-by-month plan works them out once per option through `cache`.
  struct GatewayVerdictKey: Hashable {
    var sku: GatewaySKU
    var units: Int?
  }

  func gatewayOptions(
    _ profile: WorkloadProfile, requirement required: Decimal, cache: inout [GatewayVerdictKey: SizingCandidate.Verdict]
  ) -> [GatewayCandidate] {
    guard profile.gateways > 0 else { return [] }
    let circuits: Int
    if case .secondCircuit = profile.redundancy { circuits = 2 } else { circuits = 1 }
    var options: [GatewayCandidate] = []
    func verdict(_ sku: GatewaySKU, units: Int?, capabilities: GatewayCapabilities) -> SizingCandidate.Verdict {
      if sku.isLegacy && !profile.allowLegacyGateways {
        return .rejected("legacy non-zone-redundant SKU (set \"allowLegacyGateways\": true to consider it)")
      }
      if Decimal(capabilities.throughput.bitsPerSecond) < required {
        return .rejected("carries \(capabilities.throughput), needs \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: required).int64Value))")
      }
      let key = GatewayVerdictKey(sku: sku, units: units)
      if let known = cache[key] { return known }
      let verdict = rulesAndPrice(sku, units: units, capabilities: capabilities)
      cache[key] = verdict
      return verdict
    }
    func rulesAndPrice(_ sku: GatewaySKU, units: Int?, capabilities: GatewayCapabilities) -> SizingCandidate.Verdict {
      // The product rules (circuits per gateway, FastPath) are the engine's: validate the gateway as a quote would.
      let names = (1...circuits).map { "circuit \($0)" }
      let probe = Deployment(
        name: "gateway option", circuits: names.map { Circuit(name: $0, zone: .zone1, tier: .standard, billing: .metered, bandwidth: .gbps(1)) },
        gateways: [Gateway(name: "gateway", sku: sku, scaleUnits: units, circuits: names, fastPath: profile.latencySensitive)])
      do {
        _ = try engine.validate(probe, checkingCapacity: false)
      } catch {
        return .rejected((error.rule.map { "[\($0)] " } ?? "") + error.message.replacingOccurrences(of: "gateway 'gateway' ", with: "the gateway "))
      }
      if profile.privatePeeringRoutes > capabilities.routesLearned {
        return .rejected("learns at most \(capabilities.routesLearned) routes, the workload advertises \(profile.privatePeeringRoutes)")
      }
      let charges = engine.monthlyCharges(of: Gateway(name: "gateway", sku: sku, scaleUnits: units, count: profile.gateways))
      if let missing = charges.unpriced.first { return .unpriced(missing.reason) }
      return .feasible(horizonCost: charges.total, firstMonth: charges.total)
    }
    for sku in Self.fixedGatewaySKUs {
      guard let capabilities = engine.rates.capabilities(of: sku, scaleUnits: nil) else { continue }
      options.append(GatewayCandidate(sku: sku, scaleUnits: nil, verdict: verdict(sku, units: nil, capabilities: capabilities)))
    }
    let hub = (profile.hubRegion ?? profile.targetRegions.first).flatMap { engine.locations.canonicalAzureRegion($0) ?? $0 }
    if let scale = engine.rates.scaleGateway, let hub, scale.unavailableRegions.contains(where: { normalizedName($0) == normalizedName(hub) }) {
      options.append(
        GatewayCandidate(
          sku: .erGwScale, scaleUnits: nil,
          verdict: .rejected("not offered in \(hub), the hub region (per the rate table's ErGwScale availability list)")))
    } else if let scale = engine.rates.scaleGateway {
      let perUnit = Decimal(scale.throughputPerUnit.bitsPerSecond)
      var units = max(scale.minUnits, NSDecimalNumber(decimal: (required / perUnit).ceilingValue).intValue)
      if profile.latencySensitive { units = max(units, scale.fastPathMinUnits) }
      if let step = scale.circuitSteps.first(where: { $0.maxCircuits >= circuits }) { units = max(units, step.minUnits) }
      if units > scale.maxUnits {
        options.append(
          GatewayCandidate(
            sku: .erGwScale, scaleUnits: scale.maxUnits, verdict: .rejected("needs \(units) scale units, more than the \(scale.maxUnits) maximum")))
      } else {
        options.append(
          GatewayCandidate(
            sku: .erGwScale, scaleUnits: units, verdict: verdict(.erGwScale, units: units, capabilities: scale.capabilities(units: units))))
      }
    }
    options.append(virtualWANOption(profile, requiredBits: NSDecimalNumber(decimal: required).int64Value, circuits: circuits))
    return options.sorted { a, b in
      switch (a.verdict, b.verdict) {
      case (.feasible(let x, _), .feasible(let y, _)): return x != y ? x < y : a.sku < b.sku
      case (.feasible, _): return true
      case (_, .feasible): return false
      default: return a.sku < b.sku
      }
    }
  }

  /// Which failure the design survives, what the redundancy costs, and what a failover month adds.
  func assessResilience(
    _ profile: WorkloadProfile, months: [PlannedMonth], secondMonths: [CircuitPlanner.Month]?, secondLocation: PeeringLocation?,
    demand: Demand, extras: inout [SizingExtra], notes: inout [String]
  ) -> Resilience {
    let last = max(months.count - 1, 0)
    switch profile.redundancy {
    case .single:
      return Resilience(
        design: "one circuit",
        survives:
          "the loss of one of the circuit's two connections (every ExpressRoute circuit has a primary and a secondary link), but not an outage of the peering location or the provider there",
        monthlyCost: .zero(currency), failoverFirstMonth: nil, failoverLastMonth: nil, findings: [])
    case .secondCircuit(_, let failover):
      guard let secondMonths, let secondLocation, let first = months.first else {
        return Resilience(
          design: "a second circuit", survives: "nothing more until the second circuit can be planned", monthlyCost: nil, failoverFirstMonth: nil,
          failoverLastMonth: nil, findings: ["the second circuit could not be planned or priced"])
      }
      let secondCost = first.quote.lineItems.filter { $0.resource == "circuit 'second circuit'" }
      let secondMonthly = Money.sum(secondCost.map(\.amount), currency: currency)
      let unpricedSecond = first.quote.unpriced.contains { $0.resource == "circuit 'second circuit'" }
      let state = secondMonths[0].state
      extras.append(
        SizingExtra(
          label: "second circuit: \(state.tier.name) \(state.billing.name) \(state.bandwidth) at \(secondLocation.name)",
          meter: .circuit(state.tier, state.billing, state.bandwidth, secondLocation.zone),
          monthly: unpricedSecond ? nil : secondMonthly,
          note: failover == .activePassive
            ? "standby: carries no traffic until failover; planned on its own (zero) egress"
            : "active/active: carries half the traffic, sized for all of it"))
      // What a month on failover adds: the survivor carries all outbound data.
      func failoverDelta(_ month: Int) -> Money? {
        let planned = months[month]
        var deployment = planned.deployment
        guard let primary = deployment.circuits.firstIndex(where: { $0.name == "circuit" }),
          let second = deployment.circuits.firstIndex(where: { $0.name == "second circuit" })
        else { return nil }
        deployment.circuits[second].monthlyEgress = demand.egress(month: month)
        deployment.circuits[primary].monthlyEgress = .zero
        guard let quote = try? engine.quote(deployment, checkingCapacity: false), quote.unpriced.count == planned.quote.unpriced.count else {
          return nil
        }
        return quote.total - planned.quote.total
      }
      let design = failover == .activePassive ? "active/passive" : "active/active"
      var findings: [String] = []
      if failover == .activePassive, state.billing == .metered {
        findings.append("the standby is MeteredData because it carries no traffic in normal running; a failover month pays its metered data")
      }
      if secondMonths.map(\.state) != secondMonths.map({ _ in state }) {
        findings.append("the second circuit follows the load it must carry on failover, month by month (see its plan)")
      }
      return Resilience(
        design: "two circuits, \(design), at \(profile.peeringLocation) and \(secondLocation.name) (maximum resiliency)",
        survives: "the loss of a whole peering location or provider: either circuit carries all the traffic alone",
        monthlyCost: unpricedSecond ? nil : secondMonthly, failoverFirstMonth: failoverDelta(0), failoverLastMonth: failoverDelta(last),
        findings: findings)
    case .backupVPN(let sku):
      let rate = engine.rates.rate(for: .vpnGateway(sku))
      let charges = months.first.map { month in
        Money.sum(month.quote.lineItems.filter { $0.resource == "VPN gateway 'backup VPN'" }.map(\.amount), currency: currency)
      }
      let priced = rate?.price != nil
      extras.append(
        SizingExtra(
          label: "\(sku.name) VPN gateway (backup path)", meter: .vpnGateway(sku), monthly: priced ? charges : nil,
          note: priced
            ? "\(engine.hoursPerMonth.plainDescription) h × \(rate?.price?.amount.plainDescription ?? "")"
            : rate?.unpricedReason ?? "no rate for VPN gateway \(sku.name)"))
      var findings: [String] = []
      let throughput = sku.aggregateThroughput
      let needNow = Bandwidth(
        bitsPerSecond: NSDecimalNumber(decimal: Decimal(demand.sizingRate.bitsPerSecond) * demand.growthFactor(month: 0)).int64Value)
      let needLast = Bandwidth(
        bitsPerSecond: NSDecimalNumber(decimal: Decimal(demand.sizingRate.bitsPerSecond) * demand.growthFactor(month: last)).int64Value)
      if throughput < needLast {
        let short = Bandwidth(bitsPerSecond: needLast.bitsPerSecond - throughput.bitsPerSecond)
        let share = Decimal(short.bitsPerSecond) / Decimal(max(needLast.bitsPerSecond, 1)) * 100
        var sentence =
          "\(sku.name) carries about \(throughput) (Microsoft's aggregate benchmark); the traffic it backs up is \(needNow) now and \(needLast) by month \(last + 1), so a failover would leave \(short) (\(share.fixedPoint(places: 0))%) of the \(demand.sizingDirection) \(demand.sizingRate == needLast ? "rate" : "rate then") without a path"
        let zoneRedundant = sku.name.hasSuffix("AZ")
        if let enough = VPNGatewaySKU.allCases.filter({
          $0 != .basic && $0.name.hasSuffix("AZ") == zoneRedundant && $0.aggregateThroughput >= needLast
        })
        .min(by: { $0.aggregateThroughput < $1.aggregateThroughput }) {
          sentence += "; \(enough.name) (\(enough.aggregateThroughput)) would carry it"
        } else {
          sentence += "; no VPN gateway SKU carries that much"
        }
        findings.append(sentence)
      } else {
        findings.append(
          "\(sku.name) carries about \(throughput) (Microsoft's aggregate benchmark), enough for the \(needLast) it backs up by month \(last + 1)")
      }
      findings.append(
        "VPN traffic crosses the internet: the benchmark is not guaranteed, and outbound data over it is billed as internet egress (not priced here)")
      return Resilience(
        design: "one circuit with a \(sku.name) VPN gateway as backup",
        survives: "the loss of the ExpressRoute circuit or its peering location, over the internet at up to \(throughput)",
        monthlyCost: priced ? charges : nil, failoverFirstMonth: nil, failoverLastMonth: nil, findings: findings)
    }
  }

  /// Bursts above the recommended bandwidth, from the measured series: how often, how large, and whether
  /// ExpressRoute's burst to about twice the bandwidth (over the secondary link; not guaranteed) covers them.
  func burstFindings(_ traffic: TrafficSummary?, step: PlanStep?) -> [String] {
    guard let traffic, let step else { return [] }
    var findings: [String] = []
    for (name, direction) in [("outbound", traffic.outbound), ("inbound", traffic.inbound)] {
      let share = direction.shareAbove(step.bandwidth)
      guard share > 0, direction.max > step.bandwidth else { continue }
      let ratio = Decimal(direction.max.bitsPerSecond) / Decimal(step.bandwidth.bitsPerSecond)
      var sentence =
        "\(name) bursts above the recommended \(step.bandwidth) in \((share * 100).fixedPoint(places: 1))% of the samples; the largest is \(direction.max) (\(ratio.fixedPoint(places: 1))× the bandwidth)"
      sentence +=
        ratio <= 2
        ? "; ExpressRoute's burst to about 2× over the secondary link would cover it, but that is not guaranteed: size for the bursts if they matter"
        : "; that is beyond even ExpressRoute's burst to about 2× (which is not guaranteed): expect drops, or size for the bursts"
      findings.append(sentence)
    }
    return findings
  }

  /// Options that would also carry the workload, are smaller or the same size as the recommendation, and
  /// lack only a price, with the override row that would settle each.
  func blockedByPrice(_ candidates: [SizingCandidate], recommended: PlanStep?, zone: Zone) -> [String] {
    guard let recommended else { return [] }
    return candidates.compactMap { candidate in
      guard case .unpriced(let reason) = candidate.verdict else { return nil }
      switch candidate.kind {
      case .provider(let tier, let billing, let bandwidth)
      where bandwidth < recommended.bandwidth || (bandwidth == recommended.bandwidth && tier < recommended.tier):
        return "\(candidate.label) would also carry the workload and may be cheaper, but has no price (\(reason)); an override row "
          + "{\"tier\": \"\(tier.name)\", \"billing\": \"\(billing.name)\", \"bandwidth\": \"\(bandwidth)\", \"zone\": \"\(zone.name)\", \"monthly\": \"…\"} in 'circuits' would settle it"
      default:
        return nil
      }
    }
  }

  /// Global Reach charges: per GB out of one circuit and into the other, by each zone (month 1, as the engine prices them).
  func globalReachExtras(_ profile: WorkloadProfile, zone: Zone) -> [SizingExtra] {
    profile.globalReach.compactMap { need in
      guard let remote = engine.locations.location(named: need.location) else { return nil }
      let label = "Global Reach to \(remote.name) (\(need.monthlyData.map { "\($0) each way" } ?? "monthly data not given"))"
      var deployment = Deployment(name: "reach")
      var local = Circuit(name: "a", zone: zone, tier: .premium, billing: .unlimited, bandwidth: .gbps(1))
      var far = Circuit(name: "b", zone: remote.zone, tier: .premium, billing: .unlimited, bandwidth: .gbps(1))
      local.isExternal = true
      far.isExternal = true
      deployment.circuits = [local, far]
      deployment.globalReach = [GlobalReachLink(circuitA: "a", circuitB: "b", dataAToB: need.monthlyData, dataBToA: need.monthlyData)]
      guard let quote = try? engine.quote(deployment, checkingCapacity: false) else { return nil }
      guard need.monthlyData != nil else {
        return SizingExtra(
          label: label, meter: .globalReach(zone, .outbound), monthly: nil,
          note: "no monthlyData for the link to \(need.location): Global Reach is charged per GB out and in, so it is not priced")
      }
      if let missing = quote.unpriced.first {
        return SizingExtra(label: label, meter: missing.meter, monthly: nil, note: missing.reason)
      }
      return SizingExtra(
        label: label, meter: .globalReach(zone, .outbound), monthly: quote.total, note: "per GB out of and into each circuit, by zone")
    }
  }

  /// Compares the circuit in service with the recommendation.
  func auditCurrent(
    _ current: WorkloadProfile.CurrentCircuit, planner: CircuitPlanner, demand: Demand, policy: TierPolicy, planCost: Money, firstStep: PlanStep?
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
      CircuitPlanner.State(tier: current.tier, billing: current.billing, bandwidth: current.bandwidth), planner: planner, policy: policy)
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
        findings.append("moving from UnlimitedData to MeteredData is not allowed in place on a provider circuit: it needs a new circuit")
      }
      if step.bandwidth < current.bandwidth {
        findings.append("bandwidth cannot be decreased in place: a smaller circuit means creating a new one and moving over")
      }
      if step.tier != current.tier && (step.tier == .local || current.tier == .local) {
        findings.append("changing to or from Local means a new circuit")
      }
    }
    return CircuitAudit(label: label, horizonCost: cost, recommendedCost: planCost, utilization: utilization, findings: findings)
  }

  /// The tier of a redundant design's second circuit: the primary's, except that a Local primary gets a Standard second
  /// circuit where Local at the second location does not reach every target region (Local reaches only the local
  /// regions of its peering location; nothing asks both circuits of a pair to share a tier).
  func secondCircuitTier(_ profile: WorkloadProfile, primary: CircuitTier, second: PeeringLocation) -> CircuitTier {
    guard primary == .local else { return primary }
    let regions = profile.targetRegions.map { engine.locations.canonicalAzureRegion($0) ?? $0 }
    return second.offersLocal && !regions.isEmpty && regions.allSatisfy({ second.localRegions.contains($0) }) ? .local : .standard
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
    guard let alone = try? solver.solve(single, traffic: traffic), let one = alone.months.first, let both = result.months.first else {
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
  func comparePaths(_ profile: WorkloadProfile, candidates: [SizingCandidate], result: SizingResult) -> ([String], CostComparison?) {
    guard let direct = candidates.first(where: { if case .direct = $0.kind, $0.verdict.isFeasible { return true } else { return false } }),
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
        name: "circuit", peeringLocation: result.location.name, tier: tier, billing: billing, bandwidth: size, monthlyEgress: plan.monthlyEgress,
        directPort: "Direct ports")
      circuit.virtualNetworkLinks = plan.virtualNetworkLinks
      // Moving onto Direct needs a new circuit: the one in service runs beside it for the lead time, as it would for
      // the plan's own moves.
      if let current = profile.current, planned.month < profile.leadTimeMonths, !deployment.circuits.contains(where: { $0.name == "current circuit" })
      {
        deployment.circuits.insert(
          Circuit(
            name: "current circuit", peeringLocation: result.location.name, tier: current.tier, billing: current.billing,
            bandwidth: current.bandwidth, monthlyEgress: plan.monthlyEgress),
          at: index)
        circuit.monthlyEgress = plan.monthlyEgress == nil ? nil : .zero
        deployment.circuits[index + 1] = circuit
      } else {
        deployment.circuits[index] = circuit
      }
      deployment.directPorts.append(DirectPortPair(name: "Direct ports", peeringLocation: result.location.name, speed: port, billing: billing))
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
      subject: "provider circuit or ExpressRoute Direct", period: "\(months) months", first: providerSide, second: directSide)
    let providerOwn = providerSide.cost(of: .ownCharges)?.amount ?? .zero(currency)
    let directOwn = directSide.cost(of: .ownCharges)?.amount ?? .zero(currency)
    var lines: [String] = []
    if !profile.charges.contains(where: { $0.path == .provider }) {
      lines.append("no provider-side charges were given (port and VLAN fees): the provider side counts Azure's charges only")
    }
    if !profile.charges.contains(where: { $0.path == .direct }) {
      lines.append("no Direct-side charges were given (colocation cross-connects, routers): the Direct side counts Azure's charges only")
    }
    let shared = [CostCategory.gateway, .secondPath, .globalReach, .trafficCollector].filter { costs.categories.contains($0) }
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
