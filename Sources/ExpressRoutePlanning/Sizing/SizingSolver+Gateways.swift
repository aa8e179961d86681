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
    guard let shared = optionsCache else {
      return virtualWANOption(profile, units: units, circuits: circuits)
    }
    let key = PlannerOptionsCache.HubKey(
      units: units, circuits: circuits, fastPath: profile.latencySensitive, hubs: profile.gateways)
    return shared.hubOption(key) { virtualWANOption(profile, units: units, circuits: circuits) }
  }

  /// The Virtual WAN hub option with `units` scale units, priced by the engine.
  private func virtualWANOption(_ profile: WorkloadProfile, units: Int, circuits: Int) -> GatewayCandidate {
    func candidate(_ verdict: SizingCandidate.Verdict, units: Int) -> GatewayCandidate {
      GatewayCandidate(sku: .erGwScale, scaleUnits: nil, verdict: verdict, virtualWANScaleUnits: units)
    }
    if profile.latencySensitive {
      return candidate(
        .rejected("FastPath on a Virtual WAN hub is not modelled (the profile needs FastPath)"), units: units)
    }
    // Units beyond the table's priced scale-unit tiers come back unpriced from the quote below, never as a number.
    let hubs = (1...max(profile.gateways, 1)).map {
      VirtualWANHub(name: "hub \($0)", scaleUnits: units, connections: circuits)
    }
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
  static let fixedGatewaySKUs: [GatewaySKU] = [
    .erGw1AZ, .erGw2AZ, .erGw3AZ, .standard, .highPerformance, .ultraPerformance,
  ]

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

  /// The Azure region the gateway is weighed in: the profile's hub region, else its first target region, else (as
  /// `compare` assumes) the first local region of its peering location, `assumed` then; `nil` when none is known.
  func gatewayRegion(_ profile: WorkloadProfile) -> (region: String?, assumed: Bool) {
    if let given = profile.hubRegion ?? profile.targetRegions.first {
      return (engine.locations.canonicalAzureRegion(given) ?? given, false)
    }
    let local = engine.locations.location(named: profile.peeringLocation)?.localRegions.first
    return (local, local != nil)
  }

  /// The note a plan with gateways carries when their region was assumed (``gatewayRegion(_:)``); `nil` otherwise.
  func gatewayRegionNote(_ profile: WorkloadProfile, location: PeeringLocation) -> String? {
    guard profile.gateways > 0, case (let region?, true) = gatewayRegion(profile) else { return nil }
    return
      "no hub or target region is given, so the gateway is assumed in \(region), \(location.name)'s first local region (ErGwScale's availability is checked there); give hubRegion to choose"
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
      if FastDecimal.isLess(Decimal(capabilities.throughput.bitsPerSecond), required) {
        return .rejected(
          "carries \(capabilities.throughput), needs \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: required).int64Value))"
        )
      }
      let key = GatewayVerdictKey(sku: sku, units: units)
      if let known = cache[key] { return known }
      let verdict =
        optionsCache.map { shared in
          let key = PlannerOptionsCache.GatewayKey(
            sku: sku, units: units, circuits: circuits, fastPath: profile.latencySensitive,
            routes: profile.privatePeeringRoutes, gateways: profile.gateways)
          return shared.gatewayVerdict(key) { rulesAndPrice(sku, units: units, capabilities: capabilities) }
        } ?? rulesAndPrice(sku, units: units, capabilities: capabilities)
      cache[key] = verdict
      return verdict
    }
    func rulesAndPrice(_ sku: GatewaySKU, units: Int?, capabilities: GatewayCapabilities) -> SizingCandidate.Verdict {
      // The product rules (circuits per gateway, FastPath) are the engine's: validate the gateway as a quote would.
      let names = (1...circuits).map { "circuit \($0)" }
      let probe = Deployment(
        name: "gateway option",
        circuits: names.map {
          Circuit(name: $0, zone: .zone1, tier: .standard, billing: .metered, bandwidth: .gbps(1))
        },
        gateways: [
          Gateway(name: "gateway", sku: sku, scaleUnits: units, circuits: names, fastPath: profile.latencySensitive)
        ])
      do {
        _ = try engine.validate(probe, checkingCapacity: false)
      } catch {
        return .rejected(
          (error.rule.map { "[\($0)] " } ?? "")
            + error.message.replacingOccurrences(of: "gateway 'gateway' ", with: "the gateway "))
      }
      if profile.privatePeeringRoutes > capabilities.routesLearned {
        return .rejected(
          "learns at most \(capabilities.routesLearned) routes, the workload advertises \(profile.privatePeeringRoutes)"
        )
      }
      let charges = engine.monthlyCharges(
        of: Gateway(name: "gateway", sku: sku, scaleUnits: units, count: profile.gateways))
      if let missing = charges.unpriced.first { return .unpriced(missing.reason) }
      return .feasible(horizonCost: charges.total, firstMonth: charges.total)
    }
    for sku in Self.fixedGatewaySKUs {
      guard let capabilities = engine.rates.capabilities(of: sku, scaleUnits: nil) else { continue }
      options.append(
        GatewayCandidate(sku: sku, scaleUnits: nil, verdict: verdict(sku, units: nil, capabilities: capabilities)))
    }
    let hub = gatewayRegion(profile).region
    if let scale = engine.rates.scaleGateway, let hub,
      scale.unavailableRegions.contains(where: { normalizedName($0) == normalizedName(hub) })
    {
      options.append(
        GatewayCandidate(
          sku: .erGwScale, scaleUnits: nil,
          verdict: .rejected("not offered in \(hub), the hub region (per the rate table's ErGwScale availability list)")
        ))
    } else if let scale = engine.rates.scaleGateway {
      let perUnit = Decimal(scale.throughputPerUnit.bitsPerSecond)
      var units = max(scale.minUnits, NSDecimalNumber(decimal: (required / perUnit).ceilingValue).intValue)
      if profile.latencySensitive { units = max(units, scale.fastPathMinUnits) }
      if let step = scale.circuitSteps.first(where: { $0.maxCircuits >= circuits }) {
        units = max(units, step.minUnits)
      }
      if units > scale.maxUnits {
        options.append(
          GatewayCandidate(
            sku: .erGwScale, scaleUnits: scale.maxUnits,
            verdict: .rejected("needs \(units) scale units, more than the \(scale.maxUnits) maximum")))
      } else {
        options.append(
          GatewayCandidate(
            sku: .erGwScale, scaleUnits: units,
            verdict: verdict(.erGwScale, units: units, capabilities: scale.capabilities(units: units))))
      }
    }
    options.append(
      virtualWANOption(profile, requiredBits: NSDecimalNumber(decimal: required).int64Value, circuits: circuits))
    return options.sorted { a, b in
      switch (a.verdict, b.verdict) {
      case (.feasible(let x, _), .feasible(let y, _)): return x != y ? x < y : a.sku < b.sku
      case (.feasible, _): return true
      case (_, .feasible): return false
      default: return a.sku < b.sku
      }
    }
  }
}
