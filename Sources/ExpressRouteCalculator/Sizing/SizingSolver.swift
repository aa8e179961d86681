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

  var currency: CurrencyCode { engine.rates.currency }

  /// Sizes `profile`, using `traffic` (a summarised series) when given.
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
      throw Diagnostic(.error, "the profile needs traffic: 'peakOutbound' (and 'monthlyEgress') under 'traffic', or series files ('traffic.series')", location: profile.origin,
        remedy: .seriesFiles)
    }
    var notes: [String] = []
    let demand = makeDemand(profile, traffic: traffic, notes: &notes)
    let policy = try tierPolicy(profile, location: location)
    let zone = location.zone

    // Static candidates.
    var candidates: [SizingCandidate] = []
    for tier in CircuitTier.allCases {
      for billing in BillingFamily.allCases {
        for bandwidth in Bandwidth.providerSizes {
          candidates.append(evaluateProvider(tier, billing, bandwidth, zone: zone, demand: demand, policy: policy, profile: profile))
        }
      }
    }
    candidates.append(contentsOf: directCandidates(zone: zone, demand: demand, policy: policy, profile: profile))
    candidates.sort(by: Self.candidateOrder)

    // The plan.
    var best: (cost: Decimal, states: [(CircuitTier, BillingFamily, Bandwidth)], monthly: [Decimal])?
    for tier in policy.allowedTiers {
      guard let plan = optimalPlan(tier: tier, zone: zone, demand: demand, profile: profile) else { continue }
      if let current = best, current.cost <= plan.cost { continue }
      best = plan
    }
    guard let chosen = best else {
      let requirement = Bandwidth(bitsPerSecond: Int64(NSDecimalNumber(decimal: demand.peakRequirement).int64Value))
      let direct = candidates.first { if case .direct = $0.kind, case .unpriced = $0.verdict { return true } else { return false } }
      var message = "no priced provider circuit can carry this workload: it needs \(requirement) by the end of the horizon"
      if requirement > .gbps(10) {
        message += "; provider circuits stop at 10 Gbps, so it needs ExpressRoute Direct"
        if let direct { message += " (\(direct.label) is the smallest fit, but its port price is unknown: supply it in an override file)" }
      }
      throw Diagnostic(.error, message, remedy: direct == nil ? nil : .overrideFile)
    }
    var steps: [PlanStep] = []
    for (month, state) in chosen.states.enumerated() {
      let previous = steps.last
      if previous == nil || previous?.bandwidth != state.2 || previous?.billing != state.1 {
        var reason = month == 0 ? "buy now" : ""
        if let previous {
          var parts: [String] = []
          if state.2 != previous.bandwidth {
            let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
            parts.append("grow in place from \(previous.bandwidth): the workload needs \(need) from month \(month + 1)")
          }
          if state.1 != previous.billing {
            parts.append("switch to UnlimitedData: outbound reaches \(demand.egress(month: month)) a month, where unlimited is cheaper (one-way change)")
          }
          reason = parts.joined(separator: "; ")
        }
        steps.append(PlanStep(month: month, tier: state.0, billing: state.1, bandwidth: state.2, reason: reason))
      }
    }

    if steps.count > 1 {
      notes.append("growing bandwidth in place needs room on the provider's port; connectivity-provider fees are not included")
    }
    let gatewayCandidates = gatewayOptions(profile, demand: demand)
    let gateway = gatewayCandidates.first { $0.verdict.isFeasible }
    var extras: [SizingExtra] = []
    if profile.gateways > 0 {
      if let gateway, case .feasible(_, let monthly) = gateway.verdict {
        extras.append(SizingExtra(label: "\(profile.gateways) × \(gateway.label) gateway", meter: .gateway(gateway.sku), monthly: monthly, note: "cheapest gateway that carries the traffic"))
      } else {
        extras.append(SizingExtra(label: "ExpressRoute gateway", meter: .gateway(.erGw1AZ), monthly: nil, note: "no gateway option is both feasible and priced; see the gateway table"))
      }
    }
    extras.append(contentsOf: redundancyExtras(profile, last: steps.last, demand: demand, notes: &notes))
    extras.append(contentsOf: globalReachExtras(profile, zone: zone))

    let planMonthly = chosen.monthly.map { Money($0, currency: currency) }
    let audit = profile.current.map { auditCurrent($0, zone: zone, demand: demand, policy: policy, profile: profile, planCost: Money.sum(planMonthly, currency: currency), firstStep: steps.first) }
    return SizingResult(
      name: profile.name, location: location, demand: demand, hoursPerMonth: engine.hoursPerMonth, priceTableName: engine.rates.name,
      priceDate: engine.rates.effectiveDate, tierReasons: policy.reasons, plan: steps, planMonthlyCosts: planMonthly, candidates: candidates,
      gateway: profile.gateways > 0 ? gateway : nil, gatewayCandidates: profile.gateways > 0 ? gatewayCandidates : [], extras: extras,
      audit: audit, traffic: traffic, notes: notes)
  }

  // MARK: - Demand

  func makeDemand(_ profile: WorkloadProfile, traffic: TrafficSummary?, notes: inout [String]) -> Demand {
    var basis: [String] = []
    let percentileName = profile.percentile == 100 ? "maximum" : "P\(profile.percentile)"
    var outbound = profile.peakOutbound ?? .init(bitsPerSecond: 0)
    var inbound = profile.peakInbound ?? .init(bitsPerSecond: 0)
    var egress = profile.monthlyEgress
    var growth = profile.yearlyGrowth
    if let traffic {
      if profile.peakOutbound == nil { outbound = traffic.outbound.rate(atPercentile: profile.percentile) }
      if profile.peakInbound == nil { inbound = traffic.inbound.rate(atPercentile: profile.percentile) }
      basis.append("\(percentileName) from series '\(traffic.circuit)': outbound \(outbound), inbound \(inbound) (\(traffic.samples) samples every \(traffic.interval) s)")
      if egress == nil, let busiest = traffic.busiestMonth(hours: engine.hoursPerMonth) {
        egress = busiest.scaled(toHours: engine.hoursPerMonth)
        basis.append("monthly outbound \(egress ?? .zero): busiest month \(busiest.month) (\(busiest.volume) measured over \((busiest.coverage * 100).fixedPoint(places: 1))% of the month), scaled to \(engine.hoursPerMonth.plainDescription) h")
      }
      if growth == nil, let trend = traffic.yearlyTrend(hours: engine.hoursPerMonth) {
        growth = trend
        basis.append("growth \((trend * 100).fixedPoint(places: 1))% a year from the series trend")
      }
    } else {
      basis.append("\(percentileName) rates from the profile: outbound \(outbound), inbound \(inbound)")
    }
    if let given = profile.monthlyEgress { basis.append("monthly outbound \(given) from the profile") }
    if egress == nil {
      notes.append("no monthly outbound volume was given or measured: metered options are priced with 0 GB of egress")
    }
    if profile.yearlyGrowth != nil {
      basis.append("growth \(((growth ?? 0) * 100).fixedPoint(places: 1))% a year from the profile")
    } else if growth == nil {
      basis.append("no growth given or measurable (fewer than three months of data): 0% a year")
    }
    let larger = max(outbound, inbound)
    if let egress, larger.bitsPerSecond > 0 {
      // The average rate a month's volume implies cannot exceed the peak it was sized on.
      let average = egress.bytes * 8 / (engine.hoursPerMonth * 3600)
      if average > Decimal(larger.bitsPerSecond) {
        notes.append("check the inputs: \(egress) a month averages \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: average).int64Value)), more than the sizing rate \(larger)")
      }
    }
    basis.append("target utilisation \((profile.targetUtilization * 100).fixedPoint(places: 1))% over a \(profile.horizonMonths)-month horizon")
    return Demand(
      sizingRate: larger, sizingDirection: outbound >= inbound ? "outbound" : "inbound", monthlyEgress: egress ?? .zero,
      yearlyGrowth: growth ?? 0, targetUtilization: profile.targetUtilization, horizonMonths: profile.horizonMonths, basis: basis)
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
      premiumReasons.append("\(outside.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") outside \(location.geopoliticalRegion), the geopolitical region of \(location.name)")
    }
    if profile.privatePeeringRoutes > 10_000 {
      throw Diagnostic(.error, "\(profile.privatePeeringRoutes) private-peering routes exceed even Premium's 10,000; summarise routes before sizing", location: profile.origin, path: "privatePeeringRoutes")
    }
    if profile.privatePeeringRoutes > 4_000 { premiumReasons.append("\(profile.privatePeeringRoutes) private-peering routes exceed the 4,000 of Standard and Local") }
    let links = profile.virtualNetworks + profile.globalReach.count
    if links > 10 { premiumReasons.append("\(links) VNet links (Global Reach connections count too) exceed the 10 of Standard and Local") }
    if profile.microsoft365 { premiumReasons.append("Microsoft 365 over Microsoft peering requires the Premium add-on") }
    for need in profile.globalReach {
      guard let remote = engine.locations.location(named: need.location) else {
        throw Diagnostic(.error, "globalReach: \(engine.locations.unknownLocationMessage(need.location))", location: profile.origin, path: "globalReach")
      }
      if remote.geopoliticalRegion != location.geopoliticalRegion {
        premiumReasons.append("Global Reach to \(remote.name) crosses geopolitical regions (\(location.geopoliticalRegion) to \(remote.geopoliticalRegion))")
      }
      if remote == location { throw Diagnostic(.error, "Global Reach links circuits at different peering locations; \(remote.name) is this circuit's own", location: profile.origin, path: "globalReach", rule: ProductRule.globalReachDifferentLocations.id) }
    }
    if case .secondCircuit(let other) = profile.redundancy {
      guard let second = engine.locations.location(named: other) else {
        throw Diagnostic(.error, "redundancy: \(engine.locations.unknownLocationMessage(other))", location: profile.origin, path: "redundancy.location")
      }
      if second == location {
        throw Diagnostic(.error, "redundancy: the second circuit must be at another peering location than \(location.name)", location: profile.origin, path: "redundancy.location")
      }
    }
    if !location.offersLocal { localProblems.append("\(location.name) has no local Azure region") }
    if regions.isEmpty {
      localProblems.append("no target regions were given, so Local's reach cannot be checked")
    } else if location.offersLocal {
      let far = regions.filter { !location.localRegions.contains($0) }
      if !far.isEmpty { localProblems.append("\(far.joined(separator: ", ")) \(far.count == 1 ? "is" : "are") not local to \(location.name) (local: \(location.localRegions.joined(separator: ", ")))") }
    }
    if !profile.globalReach.isEmpty { localProblems.append("Global Reach is not available on Local") }
    if case .secondCircuit(let other) = profile.redundancy, let second = engine.locations.location(named: other), !regions.allSatisfy({ second.localRegions.contains($0) }) {
      localProblems.append("the second circuit at \(second.name) could not be Local for the same regions")
    }
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
      reasons.append("Standard is enough: regions, routes (\(profile.privatePeeringRoutes)), VNet links (\(links)) and Microsoft 365 are within its limits")
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
  func staticRejection(_ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, demand: Demand, policy: TierPolicy, months: Range<Int>? = nil) -> String? {
    if tier == .local, let reason = policy.localRejection { return reason }
    if tier == .standard, let reason = policy.standardRejection { return reason }
    if tier == .local && billing == .metered { return "[\(ProductRule.localUnlimitedOnly.id)] Local is UnlimitedData only" }
    if tier == .local && bandwidth < .gbps(1) { return "[\(ProductRule.localMinimumBandwidth.id)] Local starts at 1 Gbps" }
    let range = months ?? 0..<demand.horizonMonths
    if let month = range.first(where: { demand.requiredBitsPerSecond(month: $0) > Decimal(bandwidth.bitsPerSecond) }) {
      let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
      return month == 0
        ? "too small: needs \(need) now (\(demand.sizingDirection) \(demand.sizingRate) ÷ \((demand.targetUtilization * 100).fixedPoint(places: 0))% utilisation)"
        : "too small from month \(month + 1): needs \(need) with \((demand.yearlyGrowth * 100).fixedPoint(places: 1))% yearly growth"
    }
    let limit = tier.maxVirtualNetworkLinks(at: bandwidth)
    if policy.virtualNetworkLinks > limit { return "[\(ProductRule.virtualNetworkLinks.id)] \(policy.virtualNetworkLinks) VNet links exceed the \(limit) of \(tier.name) at \(bandwidth)" }
    return nil
  }

  /// The monthly circuit cost in `month`, or the reason it is unpriced.
  func monthlyCost(_ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, zone: Zone, demand: Demand, month: Int) -> Result<Decimal, PricingGap> {
    guard let rate = engine.rates.rate(for: .circuit(tier, billing, bandwidth, zone)) else {
      return .failure(PricingGap(reason: "no rate for \(Meter.circuit(tier, billing, bandwidth, zone).displayName)"))
    }
    guard let fee = rate.price else { return .failure(PricingGap(reason: rate.unpricedReason ?? "unpriced")) }
    var total = fee.amount
    if billing == .metered && tier != .local {
      guard let egress = engine.rates.rate(for: .egress(zone))?.price else { return .failure(PricingGap(reason: "no metered egress price for \(zone.name)")) }
      total += (egress.amount * demand.egress(month: month).gigabytes).rounded(toPlaces: 2, rule: .lineItem)
    }
    return .success(total)
  }

  struct PricingGap: Error { var reason: String }

  func evaluateProvider(
    _ tier: CircuitTier, _ billing: BillingFamily, _ bandwidth: Bandwidth, zone: Zone, demand: Demand, policy: TierPolicy, profile: WorkloadProfile
  ) -> SizingCandidate {
    let kind = SizingCandidate.Kind.provider(tier, billing, bandwidth)
    if let reason = staticRejection(tier, billing, bandwidth, demand: demand, policy: policy) {
      return SizingCandidate(kind: kind, verdict: .rejected(reason))
    }
    var total: Decimal = 0
    var first: Decimal = 0
    for month in 0..<demand.horizonMonths {
      switch monthlyCost(tier, billing, bandwidth, zone: zone, demand: demand, month: month) {
      case .success(let cost):
        total += cost
        if month == 0 { first = cost }
      case .failure(let gap):
        return SizingCandidate(kind: kind, verdict: .unpriced(gap.reason))
      }
    }
    return SizingCandidate(kind: kind, verdict: .feasible(horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency)))
  }

  func directCandidates(zone: Zone, demand: Demand, policy: TierPolicy, profile: WorkloadProfile) -> [SizingCandidate] {
    var result: [SizingCandidate] = []
    let need = demand.peakRequirement
    for port in [DirectPortSpeed.gbps10, .gbps100] {
      guard let size = port.circuitSizes.first(where: { Decimal($0.bitsPerSecond) >= need }) else {
        result.append(SizingCandidate(kind: .direct(port, .standard, .metered, port.circuitSizes.last ?? port.bandwidth), verdict: .rejected("too small: the largest circuit on a \(port.name) pair is \(port.circuitSizes.last?.description ?? "")")))
        continue
      }
      for billing in BillingFamily.allCases {
        let tier: CircuitTier = policy.standardRejection == nil ? .standard : .premium
        let kind = SizingCandidate.Kind.direct(port, tier, billing, size)
        guard let portRate = engine.rates.rate(for: .directPortPair(port, billing)), let portPrice = portRate.price else {
          result.append(SizingCandidate(kind: kind, verdict: .unpriced(engine.rates.rate(for: .directPortPair(port, billing))?.unpricedReason ?? "no Direct port-pair rate")))
          continue
        }
        var monthly = portPrice.amount
        if tier == .premium {
          guard let addOn = engine.rates.rate(for: .directPremiumAddOn(size))?.price else {
            result.append(SizingCandidate(kind: kind, verdict: .unpriced("the Premium add-on for a \(size) circuit on Direct is unpriced")))
            continue
          }
          monthly += addOn.amount
        }
        var total: Decimal = 0
        var first: Decimal = 0
        var gap: String?
        for month in 0..<demand.horizonMonths {
          var cost = monthly
          if billing == .metered {
            guard let egress = engine.rates.rate(for: .egress(zone))?.price else {
              gap = "no metered egress price for \(zone.name)"
              break
            }
            cost += (egress.amount * demand.egress(month: month).gigabytes).rounded(toPlaces: 2, rule: .lineItem)
          }
          if month == 0 { first = cost }
          total += cost
        }
        if let gap {
          result.append(SizingCandidate(kind: kind, verdict: .unpriced(gap)))
        } else {
          result.append(SizingCandidate(kind: kind, verdict: .feasible(horizonCost: Money(total, currency: currency), firstMonth: Money(first, currency: currency))))
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

  // MARK: - Plan

  /// The cheapest month-by-month plan for `tier`, or `nil` when no plan carries the traffic.
  ///
  /// States are (bandwidth, billing); a state may only move to a larger or
  /// equal bandwidth and from metered to unlimited.
  func optimalPlan(tier: CircuitTier, zone: Zone, demand: Demand, profile: WorkloadProfile) -> (cost: Decimal, states: [(CircuitTier, BillingFamily, Bandwidth)], monthly: [Decimal])? {
    let sizes = Bandwidth.providerSizes
    let billings: [BillingFamily] = tier == .local ? [.unlimited] : [.metered, .unlimited]
    let states = billings.flatMap { billing in sizes.map { (billing, $0) } }
    let policy = TierPolicy(allowedTiers: [tier], reasons: [], localRejection: nil, standardRejection: nil, virtualNetworkLinks: profile.virtualNetworks + profile.globalReach.count)
    let months = demand.horizonMonths
    var cost = [[Decimal?]](repeating: [Decimal?](repeating: nil, count: states.count), count: months)
    for month in 0..<months {
      for (index, state) in states.enumerated() {
        guard staticRejection(tier, state.0, state.1, demand: demand, policy: policy, months: month..<(month + 1)) == nil else { continue }
        if case .success(let value) = monthlyCost(tier, state.0, state.1, zone: zone, demand: demand, month: month) { cost[month][index] = value }
      }
    }
    func canMove(_ from: Int, _ to: Int) -> Bool {
      let a = states[from]
      let b = states[to]
      return b.1 >= a.1 && (a.0 == b.0 || (a.0 == .metered && b.0 == .unlimited))
    }
    var best = [[Decimal?]](repeating: [Decimal?](repeating: nil, count: states.count), count: months)
    var parent = [[Int]](repeating: [Int](repeating: -1, count: states.count), count: months)
    for index in states.indices { best[0][index] = cost[0][index] }
    if months > 1 {
      for month in 1..<months {
        for to in states.indices {
          guard let here = cost[month][to] else { continue }
          var bestPrevious: (Decimal, Int)?
          for from in states.indices where canMove(from, to) {
            guard let previous = best[month - 1][from] else { continue }
            // Prefer staying put on ties, so plans change only when it saves money.
            if let (incumbent, incumbentFrom) = bestPrevious, incumbent < previous || (incumbent == previous && (incumbentFrom == to || from != to)) {
              continue
            }
            bestPrevious = (previous, from)
          }
          if let (previous, from) = bestPrevious {
            best[month][to] = previous + here
            parent[month][to] = from
          }
        }
      }
    }
    var end: (Decimal, Int)?
    for index in states.indices {
      guard let value = best[months - 1][index] else { continue }
      if let (incumbent, _) = end, incumbent <= value { continue }
      end = (value, index)
    }
    guard let (total, last) = end else { return nil }
    var path = [last]
    var month = months - 1
    while month > 0 {
      path.append(parent[month][path[path.count - 1]])
      month -= 1
    }
    path.reverse()
    let monthly = path.enumerated().map { cost[$0.offset][$0.element] ?? 0 }
    return (total, path.map { (tier, states[$0].0, states[$0].1) }, monthly)
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
