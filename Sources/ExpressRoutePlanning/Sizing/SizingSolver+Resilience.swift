import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
  /// Which failure the design survives, what the redundancy costs, and what a failover month adds.
  func assessResilience(
    _ profile: WorkloadProfile, months: [PlannedMonth], secondMonths: [CircuitPlanner.Month]?,
    secondLocation: PeeringLocation?,
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
          design: "a second circuit", survives: "nothing more until the second circuit can be planned",
          monthlyCost: nil, failoverFirstMonth: nil,
          failoverLastMonth: nil, findings: ["the second circuit could not be planned or priced"])
      }
      let secondCost = first.quote.lineItems.filter { $0.resource == "circuit 'second circuit'" }
      let secondMonthly = Money.sum(secondCost.map(\.amount), currency: currency)
      let unpricedSecond = first.quote.unpriced.contains { $0.resource == "circuit 'second circuit'" }
      let state = secondMonths[0].state
      extras.append(
        SizingExtra(
          label:
            "second circuit: \(state.tier.name) \(state.billing.name) \(state.bandwidth) at \(secondLocation.name)",
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
        guard let quote = try? engine.quote(deployment, checkingCapacity: false),
          quote.unpriced.count == planned.quote.unpriced.count
        else {
          return nil
        }
        return quote.total - planned.quote.total
      }
      let design = failover == .activePassive ? "active/passive" : "active/active"
      var findings: [String] = []
      if failover == .activePassive, state.billing == .metered {
        findings.append(
          "the standby is MeteredData because it carries no traffic in normal running; a failover month pays its metered data"
        )
      }
      if secondMonths.map(\.state) != secondMonths.map({ _ in state }) {
        findings.append("the second circuit follows the load it must carry on failover, month by month (see its plan)")
      }
      return Resilience(
        design:
          "two circuits, \(design), at \(profile.peeringLocation) and \(secondLocation.name) (maximum resiliency)",
        survives: "the loss of a whole peering location or provider: either circuit carries all the traffic alone",
        monthlyCost: unpricedSecond ? nil : secondMonthly, failoverFirstMonth: failoverDelta(0),
        failoverLastMonth: failoverDelta(last),
        findings: findings)
    case .backupVPN(let sku):
      let rate = engine.rates.rate(for: .vpnGateway(sku))
      let charges = months.first.map { month in
        Money.sum(
          month.quote.lineItems.filter { $0.resource == "VPN gateway 'backup VPN'" }.map(\.amount), currency: currency)
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
        bitsPerSecond: NSDecimalNumber(
          decimal: Decimal(demand.sizingRate.bitsPerSecond) * demand.growthFactor(month: 0)
        ).int64Value)
      let needLast = Bandwidth(
        bitsPerSecond: NSDecimalNumber(
          decimal: Decimal(demand.sizingRate.bitsPerSecond) * demand.growthFactor(month: last)
        ).int64Value)
      if throughput < needLast {
        let short = Bandwidth(bitsPerSecond: needLast.bitsPerSecond - throughput.bitsPerSecond)
        let share = Decimal(short.bitsPerSecond) / Decimal(max(needLast.bitsPerSecond, 1)) * 100
        var sentence =
          "\(sku.name) carries about \(throughput) (Microsoft's aggregate benchmark); the traffic it backs up is \(needNow) now and \(needLast) by month \(last + 1), so a failover would leave \(short) (\(share.fixedPoint(places: 0))%) of the \(demand.sizingDirection) \(demand.sizingRate == needLast ? "rate" : "rate then") without a path"
        if let enough = VPNGatewaySKU.allCases.filter({
          $0 != .basic && $0.canBeCreated && $0.aggregateThroughput >= needLast
        })
        .min(by: { $0.aggregateThroughput < $1.aggregateThroughput }) {
          sentence += "; \(enough.name) (\(enough.aggregateThroughput)) would carry it"
        } else {
          sentence += "; no VPN gateway SKU carries that much"
        }
        findings.append(sentence)
      } else {
        findings.append(
          "\(sku.name) carries about \(throughput) (Microsoft's aggregate benchmark), enough for the \(needLast) it backs up by month \(last + 1)"
        )
      }
      if let note = sku.retirementNote { findings.append(note) }
      findings.append(
        "VPN traffic crosses the internet: the benchmark is not guaranteed, and outbound data over it is billed as internet egress (not priced here)"
      )
      return Resilience(
        design: "one circuit with a \(sku.name) VPN gateway as backup",
        survives:
          "the loss of the ExpressRoute circuit or its peering location, over the internet at up to \(throughput)",
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
        "\(name) bursts above the recommended \(step.bandwidth) in up to \((share * 100).fixedPoint(places: 1))% of the samples; the largest is \(direction.max) (\(ratio.fixedPoint(places: 1))× the bandwidth)"
      sentence +=
        ratio <= 2
        ? "; ExpressRoute's burst to about 2× over the secondary link would cover it, but that is not guaranteed: size for the bursts if they matter"
        : "; that is beyond even ExpressRoute's burst to about 2× (which is not guaranteed): expect drops, or size for the bursts"
      findings.append(sentence)
    }
    return findings
  }

  /// Options that would also carry the workload, lack only a price and could cost less than the recommendation
  /// (``CircuitComparison/Choice/mayCostLess(than:)``, the rule `compare` applies too), with the override row that would settle each.
  func blockedByPrice(_ candidates: [SizingCandidate], recommended: PlanStep?, zone: Zone) -> [String] {
    guard let recommended else { return [] }
    let plan = CircuitComparison.Choice(
      tier: recommended.tier, billing: recommended.billing, bandwidth: recommended.bandwidth)
    return candidates.compactMap { candidate in
      guard case .unpriced(let reason) = candidate.verdict else { return nil }
      switch candidate.kind {
      case .provider(let tier, let billing, let bandwidth)
      where CircuitComparison.Choice(tier: tier, billing: billing, bandwidth: bandwidth).mayCostLess(than: plan):
        return
          "\(candidate.label) would also carry the workload and may be cheaper, but has no price (\(reason)); an override row "
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
      let label =
        "Global Reach to \(remote.name) (\(need.monthlyData.map { "\($0) each way" } ?? "monthly data not given"))"
      var deployment = Deployment(name: "reach")
      var local = Circuit(name: "a", zone: zone, tier: .premium, billing: .unlimited, bandwidth: .gbps(1))
      var far = Circuit(name: "b", zone: remote.zone, tier: .premium, billing: .unlimited, bandwidth: .gbps(1))
      local.isExternal = true
      far.isExternal = true
      deployment.circuits = [local, far]
      deployment.globalReach = [
        GlobalReachLink(circuitA: "a", circuitB: "b", dataAToB: need.monthlyData, dataBToA: need.monthlyData)
      ]
      guard let quote = try? engine.quote(deployment, checkingCapacity: false) else { return nil }
      guard need.monthlyData != nil else {
        return SizingExtra(
          label: label, meter: .globalReach(zone, .outbound), monthly: nil,
          note:
            "no monthlyData for the link to \(need.location): Global Reach is charged per GB out and in, so it is not priced"
        )
      }
      if let missing = quote.unpriced.first {
        return SizingExtra(label: label, meter: missing.meter, monthly: nil, note: missing.reason)
      }
      return SizingExtra(
        label: label, meter: .globalReach(zone, .outbound), monthly: quote.total,
        note: "per GB out of and into each circuit, by zone")
    }
  }
}
