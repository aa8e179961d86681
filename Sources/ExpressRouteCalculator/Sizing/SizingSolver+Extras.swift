import Foundation

extension SizingSolver {
  /// Every gateway option for the workload, cheapest feasible first.
  func gatewayOptions(_ profile: WorkloadProfile, demand: Demand) -> [GatewayCandidate] {
    guard profile.gateways > 0 else { return [] }
    let required = demand.peakRequirement
    let circuits: Int
    if case .secondCircuit = profile.redundancy { circuits = 2 } else { circuits = 1 }
    let hours = engine.hoursPerMonth
    var options: [GatewayCandidate] = []
    func verdict(_ sku: GatewaySKU, units: Int?, capabilities: GatewayCapabilities) -> SizingCandidate.Verdict {
      if sku.isLegacy && !profile.allowLegacyGateways {
        return .rejected("legacy non-zone-redundant SKU (set \"allowLegacyGateways\": true to consider it)")
      }
      if Decimal(capabilities.throughput.bitsPerSecond) < required {
        return .rejected("carries \(capabilities.throughput), needs \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: required).int64Value))")
      }
      if capabilities.maxCircuits < circuits { return .rejected("connects \(capabilities.maxCircuits) circuits, needs \(circuits)") }
      if profile.latencySensitive && !capabilities.fastPath { return .rejected("[\(ProductRule.gatewayFastPath.id)] no FastPath, and the workload is latency-sensitive") }
      if profile.privatePeeringRoutes > capabilities.routesLearned {
        return .rejected("learns at most \(capabilities.routesLearned) routes, the workload advertises \(profile.privatePeeringRoutes)")
      }
      guard let rate = engine.rates.rate(for: .gateway(sku)) else { return .unpriced("no rate for \(sku.name)") }
      guard let price = rate.price else { return .unpriced(rate.unpricedReason ?? "unpriced") }
      let monthly = (price.amount * hours * Decimal(units ?? 1) * Decimal(profile.gateways)).rounded(toPlaces: 2, rule: .lineItem)
      return .feasible(horizonCost: Money(monthly * Decimal(demand.horizonMonths), currency: currency), firstMonth: Money(monthly, currency: currency))
    }
    for sku in [GatewaySKU.erGw1AZ, .erGw2AZ, .erGw3AZ, .standard, .highPerformance, .ultraPerformance] {
      guard let capabilities = engine.rates.capabilities(of: sku, scaleUnits: nil) else { continue }
      options.append(GatewayCandidate(sku: sku, scaleUnits: nil, verdict: verdict(sku, units: nil, capabilities: capabilities)))
    }
    let hub = (profile.hubRegion ?? profile.targetRegions.first).flatMap { engine.locations.canonicalAzureRegion($0) ?? $0 }
    if let scale = engine.rates.scaleGateway, let hub, scale.unavailableRegions.contains(where: { normalizedName($0) == normalizedName(hub) }) {
      options.append(GatewayCandidate(sku: .erGwScale, scaleUnits: nil, verdict: .rejected("not offered in \(hub), the hub region (per the rate table's ErGwScale availability list)")))
    } else if let scale = engine.rates.scaleGateway {
      let perUnit = Decimal(scale.throughputPerUnit.bitsPerSecond)
      var units = max(scale.minUnits, NSDecimalNumber(decimal: (required / perUnit).ceilingValue).intValue)
      if profile.latencySensitive { units = max(units, scale.fastPathMinUnits) }
      if let step = scale.circuitSteps.first(where: { $0.maxCircuits >= circuits }) { units = max(units, step.minUnits) }
      if units > scale.maxUnits {
        options.append(GatewayCandidate(sku: .erGwScale, scaleUnits: scale.maxUnits, verdict: .rejected("needs \(units) scale units, more than the \(scale.maxUnits) maximum")))
      } else {
        options.append(GatewayCandidate(sku: .erGwScale, scaleUnits: units, verdict: verdict(.erGwScale, units: units, capabilities: scale.capabilities(units: units))))
      }
    }
    return options.sorted { a, b in
      switch (a.verdict, b.verdict) {
      case (.feasible(let x, _), .feasible(let y, _)): return x != y ? x < y : a.sku < b.sku
      case (.feasible, _): return true
      case (_, .feasible): return false
      default: return a.sku < b.sku
      }
    }
  }

  /// The second circuit or backup VPN the workload asked for.
  func redundancyExtras(_ profile: WorkloadProfile, last: PlanStep?, demand: Demand, notes: inout [String]) -> [SizingExtra] {
    switch profile.redundancy {
    case .single:
      return []
    case .secondCircuit(let name):
      // The location was checked by the tier policy.
      guard let step = last, let location = engine.locations.location(named: name) else { return [] }
      let meter = Meter.circuit(step.tier, step.billing, step.bandwidth, location.zone)
      guard let price = engine.rates.rate(for: meter)?.price else {
        return [SizingExtra(label: "second circuit at \(location.name)", meter: meter, monthly: nil, note: "\(meter.displayName) is unpriced")]
      }
      notes.append("the second circuit is priced as a standby \(step.tier.name) \(step.billing.name) \(step.bandwidth) at \(location.name) (the plan's final size) with no egress; failover traffic on a metered circuit is charged per GB")
      return [SizingExtra(label: "second circuit: \(step.tier.name) \(step.billing.name) \(step.bandwidth) at \(location.name)", meter: meter, monthly: price, note: "standby circuit for redundancy")]
    case .backupVPN(let sku):
      guard let rate = engine.rates.rate(for: .vpnGateway(sku)), let price = rate.price else {
        return [SizingExtra(label: "\(sku.name) VPN gateway", meter: .vpnGateway(sku), monthly: nil, note: engine.rates.rate(for: .vpnGateway(sku))?.unpricedReason ?? "no rate for VPN gateway \(sku.name)")]
      }
      notes.append("a backup VPN carries far less than the circuit; check \(sku.name)'s throughput against the traffic you need to survive an outage")
      return [SizingExtra(label: "\(sku.name) VPN gateway (backup path)", meter: .vpnGateway(sku), monthly: (price * engine.hoursPerMonth).rounded(toPlaces: 2, rule: .lineItem), note: "\(engine.hoursPerMonth.plainDescription) h × \(price.amount.plainDescription)")]
    }
  }

  /// Global Reach charges: per GB out of one circuit and into the other, by each zone.
  func globalReachExtras(_ profile: WorkloadProfile, zone: Zone) -> [SizingExtra] {
    profile.globalReach.compactMap { need in
      guard let remote = engine.locations.location(named: need.location) else { return nil }
      let gigabytes = need.monthlyData.gigabytes
      let meters: [Meter] = [.globalReach(zone, .outbound), .globalReach(remote.zone, .inbound), .globalReach(remote.zone, .outbound), .globalReach(zone, .inbound)]
      var total: Decimal = 0
      for meter in meters {
        guard let price = engine.rates.rate(for: meter)?.price else {
          return SizingExtra(
            label: "Global Reach to \(remote.name) (\(need.monthlyData) each way)", meter: meter, monthly: nil,
            note: engine.rates.rate(for: meter)?.unpricedReason ?? "no rate for \(meter.displayName)")
        }
        total += (price.amount * gigabytes).rounded(toPlaces: 2, rule: .lineItem)
      }
      return SizingExtra(label: "Global Reach to \(remote.name) (\(need.monthlyData) each way)", meter: .globalReach(zone, .outbound), monthly: Money(total, currency: currency), note: "per GB out of and into each circuit, by zone")
    }
  }

  /// Compares the circuit in service with the recommendation.
  func auditCurrent(
    _ current: WorkloadProfile.CurrentCircuit, zone: Zone, demand: Demand, policy: TierPolicy, profile: WorkloadProfile, planCost: Money,
    firstStep: PlanStep?
  ) -> CircuitAudit {
    let label = "\(current.tier.name) \(current.billing.name) \(current.bandwidth)"
    let utilization = Decimal(demand.sizingRate.bitsPerSecond) / Decimal(max(current.bandwidth.bitsPerSecond, 1))
    var findings: [String] = []
    if utilization > Decimal(string: "0.9") ?? 1 {
      findings.append("risk: the \(demand.sizingDirection) sizing rate \(demand.sizingRate) is \((utilization * 100).fixedPoint(places: 0))% of the \(current.bandwidth) circuit (over 90%)")
    }
    if let month = demand.firstMonthExceeding(current.bandwidth) {
      findings.append(month == 0 ? "risk: the circuit is already below the required bandwidth at \((demand.targetUtilization * 100).fixedPoint(places: 0))% target utilisation" : "risk: outgrown in month \(month + 1) at the planned growth")
    }
    let candidate = evaluateProvider(current.tier, current.billing, current.bandwidth, zone: zone, demand: demand, policy: policy, profile: profile)
    var cost: Money?
    switch candidate.verdict {
    case .feasible(let total, _):
      cost = total
      let saving = total - planCost
      if saving.amount > 0 {
        findings.append("saving: the recommendation costs \(saving.groupedAmount) \(currency) less over \(demand.horizonMonths) months (\((saving.amount / Decimal(demand.horizonMonths)).grouped(places: 2)) a month on average)")
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
}
