import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
  // MARK: - Candidates

  /// Why a provider configuration cannot serve the whole horizon, or `nil`.
  ///
  /// The workload's tier policy first, then the product rules (checked by the engine's validator, the one
  /// place they live, through `rules`), then capacity month by month.
  func staticRejection(
    _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, demand: Demand, policy: TierPolicy,
    months: Range<Int>? = nil,
    rules: () -> String?
  ) -> String? {
    if tier == .local, let reason = policy.localRejection { return reason }
    if tier == .standard, let reason = policy.standardRejection { return reason }
    if let rule = rules() { return rule }
    let range = months ?? 0..<demand.horizonMonths
    if let month = range.first(where: { demand.requiredBitsPerSecond(month: $0) > Decimal(bandwidth.bitsPerSecond) }) {
      let need = Bandwidth(
        bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
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
      state.tier, state.billing, state.bandwidth, demand: planner.demand, policy: policy,
      rules: { planner.ruleProblem(state) })
    {
      return SizingCandidate(kind: kind, verdict: .rejected(reason))
    }
    var total: Decimal = 0
    var first: Decimal = 0
    for month in 0..<planner.demand.horizonMonths {
      guard let cost = planner.cost(state, month: month) else {
        let circuit = Circuit(
          name: "circuit", peeringLocation: planner.location.name, tier: state.tier, billing: state.billing,
          bandwidth: state.bandwidth,
          monthlyEgress: planner.egress(month: month))
        let reason =
          engine.monthlyCharges(of: circuit, zone: planner.location.zone).unpriced.first?.reason ?? "unpriced"
        return SizingCandidate(kind: kind, verdict: .unpriced(reason))
      }
      total += cost
      if month == 0 { first = cost }
    }
    return SizingCandidate(
      kind: kind,
      verdict: .feasible(horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency)))
  }

  /// Circuits on ExpressRoute Direct port pairs, priced by the engine as a port pair plus a circuit on it.
  func directCandidates(location: PeeringLocation, demand: Demand, policy: TierPolicy, share: Decimal)
    -> [SizingCandidate]
  {
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
            verdict: .rejected(
              "too small: the largest circuit on a \(port.name) pair is \(port.circuitSizes.last?.description ?? "")")))
        continue
      }
      // Local is a Direct circuit SKU too, covered by the port fee with its egress included on either billing
      // (pricing-facts.md §3), so a workload Local may serve weighs it on Direct as it does on a provider circuit.
      let tiers: [CircuitTier] =
        policy.standardRejection != nil
        ? [.premium] : policy.allowedTiers.contains(.local) ? [.local, .standard] : [.standard]
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
              kind: kind,
              verdict: .feasible(
                horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency))))
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
      return [
        1, Int(port.bandwidth.bitsPerSecond / 1_000_000_000), tier.rank, billing == .metered ? 0 : 1,
        Int(bandwidth.bitsPerSecond / 1_000_000),
      ]
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
