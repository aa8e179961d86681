import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
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
  func newCircuitReason(
    from current: CircuitPlanner.State, to next: CircuitPlanner.State, profile: WorkloadProfile, links: Int
  ) -> String? {
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
    _ current: CircuitPlanner.State, fresh: [CircuitPlanner.Month], planner: CircuitPlanner, policy: TierPolicy,
    profile: WorkloadProfile,
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
        ? Self.keepingLabel(name, from: current, months: months)
        : "changing the current \(name) circuit in place to \(tier.name) (the Premium add-on \(tier == .premium ? "enabled" : "disabled"))"
      add(CurrentCircuitOption(label: label, months: months))
    }
    let idlePlanner = CircuitPlanner(
      engine: engine, location: location, demand: planner.demand, egressShare: 0, lookAhead: 1, virtualNetworkLinks: 0,
      options: optionsCache)
    for tier in policy.allowedTiers {
      guard let months = fresh.first?.state.tier == tier ? fresh : planner.plan(tier: tier, horizon: horizon),
        let first = months.first
      else {
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
      add(
        CurrentCircuitOption(
          label: "a new \(target) circuit", months: months, newCircuitReason: reason, overlapExtra: extra))
    }
    return options
  }

  /// How a plan that starts from the current circuit in its own tier reads: kept as it is, or changed in place (a
  /// billing switch, a larger bandwidth) from its first month or later, so the label never calls a changed circuit kept.
  static func keepingLabel(_ name: String, from current: CircuitPlanner.State, months: [CircuitPlanner.Month]) -> String
  {
    guard let change = months.firstIndex(where: { $0.state != current }) else {
      return "keeping the current \(name) circuit"
    }
    let target = months[change].state
    let to = "\(target.tier.name) \(target.billing.name) \(target.bandwidth)"
    return change == 0
      ? "changing the current \(name) circuit in place to \(to)"
      : "keeping the current \(name) circuit until month \(change), then changing it in place to \(to)"
  }

  /// Why the plan open from the current circuit that won was chosen, against the others, over the horizon.
  func currentCircuitNote(_ chosen: CurrentCircuitOption, others: [CurrentCircuitOption], profile: WorkloadProfile)
    -> String?
  {
    let horizon = profile.horizonMonths
    let lead = min(profile.leadTimeMonths, horizon)
    func months(_ count: Int) -> String { "\(count) month\(count == 1 ? "" : "s")" }
    func describe(_ option: CurrentCircuitOption) -> String {
      var text = "\(option.label) \(option.total.grouped(places: 2))"
      if let reason = option.newCircuitReason {
        text +=
          " (\(reason); \(lead == 0 ? "no overlap" : "\(months(lead)) of overlap, +\(option.overlapExtra.grouped(places: 2))"))"
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
      note +=
        ", the least of the plans open from the current circuit; the others cost "
        + others.map(describe).joined(separator: "; ")
    }
    return note
  }

  /// The first step's reason when the plan starts from the current circuit in place.
  static func inPlaceReason(from current: CircuitPlanner.State, to first: CircuitPlanner.State) -> String {
    var changes: [String] = []
    if first.tier != current.tier {
      changes.append(first.tier == .premium ? "enable the Premium add-on" : "disable the Premium add-on")
    }
    if first.billing != current.billing { changes.append("switch to \(first.billing.name) (one-way)") }
    if first.bandwidth != current.bandwidth { changes.append("grow from \(current.bandwidth) to \(first.bandwidth)") }
    return changes.isEmpty
      ? "keep the current circuit" : "change the current circuit in place: " + changes.joined(separator: ", ")
  }

  /// Plan steps from planned months: a step wherever the state changes.
  static func steps(_ months: [CircuitPlanner.Month]) -> [PlanStep] {
    var steps: [PlanStep] = []
    for (month, planned) in months.enumerated() {
      let state = planned.state
      if let last = steps.last, last.tier == state.tier, last.billing == state.billing,
        last.bandwidth == state.bandwidth
      {
        continue
      }
      steps.append(
        PlanStep(
          month: month, tier: state.tier, billing: state.billing, bandwidth: state.bandwidth,
          reason: month == 0 ? "buy now" : planned.reason))
    }
    return steps
  }

  /// The configuration that runs in `month`: circuits with their share of the traffic, the gateway, VPN and Global Reach.
  func monthlyDeployment(
    _ profile: WorkloadProfile, location: PeeringLocation, demand: Demand, month: Int, primary: CircuitPlanner.Month,
    primaryShare: Decimal,
    second: CircuitPlanner.Month?, secondLocation: PeeringLocation?, gateway: GatewayCandidate?, gatewayCount: Int = 1,
    failover: Bool = false,
    overlap: CircuitPlanner.State? = nil
  ) -> Deployment {
    var deployment = Deployment(name: profile.name)
    let egress = demand.egress(month: month)
    var circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: primary.state.tier, billing: primary.state.billing,
      bandwidth: primary.state.bandwidth,
      monthlyEgress: demand.egressIsKnown ? (failover ? .zero : egress * primaryShare) : nil)
    circuit.virtualNetworkLinks = nil
    if let overlap {
      // Lead time: the current circuit still carries the traffic; the new one is billed but idle.
      deployment.circuits.append(
        Circuit(
          name: "current circuit", peeringLocation: location.name, tier: overlap.tier, billing: overlap.billing,
          bandwidth: overlap.bandwidth,
          monthlyEgress: circuit.monthlyEgress))
      circuit.monthlyEgress = demand.egressIsKnown ? .zero : nil
    }
    deployment.circuits.append(circuit)
    if let second, let secondLocation {
      let secondShare: Decimal = failover ? 1 : (1 - primaryShare)
      deployment.circuits.append(
        Circuit(
          name: "second circuit", peeringLocation: secondLocation.name, tier: second.state.tier,
          billing: second.state.billing,
          bandwidth: second.state.bandwidth,
          monthlyEgress: demand.egressIsKnown || secondShare == 0 ? egress * secondShare : nil))
    }
    if let gateway, let units = gateway.virtualWANScaleUnits {
      deployment.virtualWANHubs = (1...max(gatewayCount, 1)).map {
        VirtualWANHub(
          name: gatewayCount > 1 ? "hub \($0)" : "hub", scaleUnits: units, connections: deployment.circuits.count)
      }
    } else if let gateway {
      deployment.gateways.append(
        Gateway(
          name: "gateway", sku: gateway.sku, scaleUnits: gateway.scaleUnits, count: gatewayCount,
          circuits: deployment.circuits.map(\.name)))
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
    deployment.charges = BudgetPlanner.charges(
      charges, in: base.advanced(by: month), budgetStart: base, amortize: profile.amortizeCharges)
    for (index, need) in profile.globalReach.enumerated() {
      let name = "remote \(index + 1) (\(need.location))"
      var remote = Circuit(
        name: name, peeringLocation: need.location, tier: primary.state.tier == .local ? .standard : primary.state.tier,
        billing: .metered,
        bandwidth: primary.state.bandwidth)
      remote.isExternal = true
      deployment.circuits.append(remote)
      // Unknown data (no monthlyData) stays unknown: the link's per-GB charges are listed as not priced.
      let data = need.monthlyData.map {
        DataVolume(bytes: ($0.bytes * demand.growthFactor(month: month)).rounded(toPlaces: -6, rule: .toNearestOrEven))
      }
      deployment.globalReach.append(
        GlobalReachLink(circuitA: "circuit", circuitB: name, dataAToB: data, dataBToA: data))
    }
    return deployment
  }
}
