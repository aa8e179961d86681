import ExpressRouteCore
import Foundation

extension PricingEngine {
  /// What validation learned about a deployment: each named part's zone and location.
  public struct ResolvedDeployment: Hashable, Sendable {
    /// The billing zone of each circuit, port pair and Traffic Collector, by name.
    public var zones: [String: Zone]
    /// The peering location of each circuit and port pair that named one, by name.
    public var locations: [String: PeeringLocation]
  }
}

extension PricingEngine {
  /// Checks every product rule and reference in `deployment`.
  ///
  /// - Returns: The zone and location of each part.
  /// - Throws: ``Diagnostic`` naming the broken ``ProductRule`` (or the dangling
  ///   name) and, for files, where the offending part was defined.
  ///
  /// `checkingCapacity` says whether to check each circuit's outbound
  /// volume against what it can carry (``ProductRule/egressWithinCapacity``);
  ///   budgets that grow volumes month by month note an overrun instead.
  public func validate(_ deployment: Deployment, checkingCapacity: Bool = true) throws(Diagnostic)
    -> PricingEngine.ResolvedDeployment
  {
    var resolved = ResolvedDeployment(zones: [:], locations: [:])
    func fail(_ message: String, at origin: FileLocation?, rule: ProductRule? = nil) -> Diagnostic {
      Diagnostic(.error, message, location: origin, rule: rule?.id)
    }
    func place(_ what: String, location name: String?, zone: Zone?, origin: FileLocation?) throws(Diagnostic) -> (
      Zone, PeeringLocation?
    ) {
      guard let name else {
        guard let zone else {
          throw fail("\(what) needs a peering location or a zone", at: origin)
        }
        return (zone, nil)
      }
      guard let location = locations.location(named: name) else {
        throw fail("\(what): \(locations.unknownLocationMessage(name))", at: origin)
      }
      if let zone, zone != location.zone {
        throw fail(
          "\(what): zone '\(zone.name)' does not match \(location.name), which is in \(location.zone.name)", at: origin)
      }
      return (location.zone, location)
    }

    for port in deployment.directPorts {
      let (zone, location) = try place(
        "Direct port pair '\(port.name)'", location: port.peeringLocation, zone: port.zone, origin: port.origin)
      if let location, let reason = locations.directUnavailableReason(location) {
        throw fail(
          "Direct port pair '\(port.name)' is at \(location.name), where \(reason)", at: port.origin,
          rule: .directNotOffered)
      }
      resolved.zones[port.name] = zone
      resolved.locations[port.name] = location
    }
    for circuit in deployment.circuits {
      let what = "circuit '\(circuit.name)'"
      // A circuit on a Direct port pair may leave its location to the pair.
      var placement = (circuit.peeringLocation, circuit.zone)
      if placement.0 == nil && placement.1 == nil,
        let port = circuit.directPort.flatMap({ name in deployment.directPorts.first { $0.name == name } })
      {
        placement = (port.peeringLocation, port.zone)
      }
      var (zone, location) = try place(what, location: placement.0, zone: placement.1, origin: circuit.origin)
      if circuit.tier == .local {
        // On a Direct pair a Local circuit takes the pair's billing and its egress is included (pricing-facts.md §3,
        // "Metered/unlimited on Direct": "Metered circuits pay per-GB egress by zone (Standard/Premium). Local circuits
        // include egress."), so the UnlimitedData-only rule is the provider circuits' rule.
        if circuit.billing != .unlimited && circuit.directPort == nil {
          throw fail(
            "\(what) is Local, and Local provider circuits are UnlimitedData only (on a Direct port pair a Local circuit takes the pair's billing)",
            at: circuit.origin, rule: .localUnlimitedOnly)
        }
        if circuit.bandwidth < .gbps(1) {
          throw fail(
            "\(what) is Local at \(circuit.bandwidth); Local starts at 1 Gbps", at: circuit.origin,
            rule: .localMinimumBandwidth)
        }
        guard let location else {
          throw fail(
            "\(what) is Local and needs a peering location (Local depends on its local Azure region)",
            at: circuit.origin,
            rule: .localNeedsLocalRegion)
        }
        if !location.offersLocal {
          throw fail(
            "\(what) is Local, but \(location.name) has no local Azure region, so Local is not sold there",
            at: circuit.origin,
            rule: .localNeedsLocalRegion)
        }
      }
      if let portName = circuit.directPort {
        guard let port = deployment.directPorts.first(where: { $0.name == portName }) else {
          throw fail(
            "\(what) names Direct port pair '\(portName)', which the deployment does not define", at: circuit.origin)
        }
        if let portLocation = resolved.locations[portName], let location, portLocation != location {
          throw fail(
            "\(what) is at \(location.name) but its Direct port pair '\(portName)' is at \(portLocation.name)",
            at: circuit.origin)
        }
        if location == nil, let portLocation = resolved.locations[portName] {
          location = portLocation
          zone = portLocation.zone
        }
        if !port.speed.circuitSizes.contains(circuit.bandwidth) {
          throw fail(
            "\(what) is \(circuit.bandwidth), but a \(port.speed.name) Direct pair offers \(port.speed.circuitSizes.map(\.description).joined(separator: ", "))",
            at: circuit.origin, rule: .directCircuitSizes)
        }
        if port.billing != circuit.billing {
          throw fail(
            "\(what) is \(circuit.billing.name), but Direct port pair '\(portName)' is \(port.billing.name)",
            at: circuit.origin, rule: .directBillingMatchesPort)
        }
      } else if !Bandwidth.providerSizes.contains(circuit.bandwidth) {
        let hint = circuit.bandwidth > .gbps(10) ? " (more than 10 Gbps needs ExpressRoute Direct)" : ""
        throw fail(
          "\(what) is \(circuit.bandwidth), which is not a provider circuit size (expected \(Bandwidth.providerSizes.map(\.description).joined(separator: ", ")))\(hint)",
          at: circuit.origin, rule: .providerBandwidths)
      }
      if checkingCapacity, !circuit.isExternal, let egress = circuit.monthlyEgress {
        let capacity = monthlyCapacity(of: circuit.bandwidth)
        if egress > capacity {
          let share = (egress.bytes / capacity.bytes * 100).rounded(toPlaces: 0, rule: .lineItem)
          throw fail(
            "\(what) sends \(egress) a month, \(share.grouped(places: 0))% of the \(capacity) that \(circuit.bandwidth) carries one way in \(hoursPerMonth.plainDescription) hours; check the volume's unit or the bandwidth",
            at: circuit.origin, rule: .egressWithinCapacity)
        }
      }
      resolved.zones[circuit.name] = zone
      resolved.locations[circuit.name] = location
    }
    for port in deployment.directPorts {
      guard let limit = port.speed.subscriptionLimit else { continue }
      if let total = deployment.subscribedBandwidth(onPort: port.name), total > limit {
        throw fail(
          "circuits on Direct port pair '\(port.name)' total \(total), above the pair's \(limit) limit (twice one \(port.speed.name) port)",
          at: port.origin, rule: .directSubscriptionLimit)
      }
    }
    for charge in deployment.charges {
      if let currency = charge.currency, currency != rates.currency {
        throw fail(
          "charge '\(charge.name)' is in \(currency), but the rate table is in \(rates.currency) (give charges in the table's currency)",
          at: charge.origin)
      }
      if let name = charge.attachedTo, deployment.circuit(named: name) == nil,
        !deployment.directPorts.contains(where: { $0.name == name })
      {
        throw fail(
          "charge '\(charge.name)' is attached to '\(name)', which is neither a circuit nor a Direct port pair of the deployment",
          at: charge.origin)
      }
    }
    try validateGlobalReach(deployment, resolved: resolved)
    try validateVirtualNetworkLinks(deployment)
    try validateGateways(deployment)
    for collector in deployment.trafficCollectors {
      let what = "Traffic Collector '\(collector.name)'"
      for name in collector.circuits {
        guard let circuit = deployment.circuit(named: name) else {
          throw fail("\(what) names circuit '\(name)', which the deployment does not define", at: collector.origin)
        }
        if circuit.bandwidth < .gbps(1) {
          throw fail(
            "\(what) collects circuit '\(name)' at \(circuit.bandwidth); Traffic Collector needs 1 Gbps or more",
            at: collector.origin,
            rule: .trafficCollectorMinimumBandwidth)
        }
      }
      guard let zone = collector.zone ?? collector.circuits.first.flatMap({ resolved.zones[$0] }) else {
        throw fail("\(what) needs a zone or at least one circuit", at: collector.origin)
      }
      resolved.zones[collector.name] = zone
    }
    return resolved
  }

  private func validateGlobalReach(_ deployment: Deployment, resolved: ResolvedDeployment) throws(Diagnostic) {
    for link in deployment.globalReach {
      let what = "Global Reach link \(link.name)"
      guard let a = deployment.circuit(named: link.circuitA), let b = deployment.circuit(named: link.circuitB) else {
        let missing = deployment.circuit(named: link.circuitA) == nil ? link.circuitA : link.circuitB
        throw Diagnostic(
          .error, "\(what) names circuit '\(missing)', which the deployment does not define", location: link.origin)
      }
      if a.tier == .local || b.tier == .local {
        throw Diagnostic(
          .error, "\(what) includes a Local circuit; Global Reach needs Standard or Premium", location: link.origin,
          rule: ProductRule.globalReachNotLocal.id)
      }
      let locationA = resolved.locations[a.name]
      let locationB = resolved.locations[b.name]
      if locationA == nil || locationB == nil {
        // An end given by zone only: check what the zones alone can prove.
        let regionsA = locationA.map { [$0.geopoliticalRegion] } ?? geopoliticalRegions(in: resolved.zones[a.name])
        let regionsB = locationB.map { [$0.geopoliticalRegion] } ?? geopoliticalRegions(in: resolved.zones[b.name])
        let bothPremium = a.tier == .premium && b.tier == .premium
        if !bothPremium {
          if regionsA.isDisjoint(with: regionsB) {
            throw Diagnostic(
              .error,
              "\(what) joins \(resolved.zones[a.name]?.name ?? "?") and \(resolved.zones[b.name]?.name ?? "?"), which share no geopolitical region, so it crosses geopolitical regions; both circuits must be Premium",
              location: link.origin, rule: ProductRule.globalReachPremiumAcrossGeopolitical.id)
          }
          throw Diagnostic(
            .error,
            "\(what) cannot be checked: circuit '\(locationA == nil ? a.name : b.name)' is given by zone only, so whether the link crosses geopolitical regions (which needs Premium on both ends) is unknown; give peering locations, or make both circuits Premium",
            location: link.origin, rule: ProductRule.globalReachNeedsLocations.id)
        }
        if resolved.zones[a.name] == resolved.zones[b.name] {
          throw Diagnostic(
            .error,
            "\(what) cannot be checked: both ends are in \(resolved.zones[a.name]?.name ?? "the same zone") and one is given by zone only, so whether they are at different peering locations is unknown; give peering locations",
            location: link.origin, rule: ProductRule.globalReachNeedsLocations.id)
        }
      }
      if let locationA, let locationB {
        if locationA == locationB {
          throw Diagnostic(
            .error,
            "\(what) joins two circuits at \(locationA.name); Global Reach links circuits at different peering locations",
            location: link.origin, rule: ProductRule.globalReachDifferentLocations.id)
        }
        if locationA.geopoliticalRegion != locationB.geopoliticalRegion && (a.tier != .premium || b.tier != .premium) {
          throw Diagnostic(
            .error,
            "\(what) crosses geopolitical regions (\(locationA.geopoliticalRegion) to \(locationB.geopoliticalRegion)); both circuits must be Premium",
            location: link.origin, rule: ProductRule.globalReachPremiumAcrossGeopolitical.id)
        }
      }
    }
  }

  /// The geopolitical regions with at least one peering location in `zone`.
  private func geopoliticalRegions(in zone: Zone?) -> Set<String> {
    Set(locations.locations.filter { $0.zone == zone }.map(\.geopoliticalRegion))
  }

  private func validateVirtualNetworkLinks(_ deployment: Deployment) throws(Diagnostic) {
    for circuit in deployment.circuits {
      let reach = deployment.globalReach.filter { $0.circuitA == circuit.name || $0.circuitB == circuit.name }.count
      let links = (circuit.virtualNetworkLinks ?? 0) + reach
      let limit = circuit.tier.maxVirtualNetworkLinks(at: circuit.bandwidth)
      if links > limit {
        throw Diagnostic(
          .error,
          "circuit '\(circuit.name)' has \(links) VNet links (Global Reach connections count too); a \(circuit.tier.name) \(circuit.bandwidth) circuit allows \(limit)",
          location: circuit.origin, rule: ProductRule.virtualNetworkLinks.id)
      }
    }
  }

  private func validateGateways(_ deployment: Deployment) throws(Diagnostic) {
    for gateway in deployment.gateways {
      let what = "gateway '\(gateway.name)'"
      if gateway.sku == .erGwScale {
        let scale = rates.scaleGateway
        let range = (scale?.minUnits ?? 1)...(scale?.maxUnits ?? 40)
        guard let units = gateway.scaleUnits, range.contains(units) else {
          throw Diagnostic(
            .error,
            "\(what) is ErGwScale and needs scaleUnits from \(range.lowerBound) to \(range.upperBound)\(gateway.scaleUnits.map { ", not \($0)" } ?? "")",
            location: gateway.origin, rule: ProductRule.gatewayScaleUnits.id)
        }
      } else if let units = gateway.scaleUnits {
        throw Diagnostic(
          .error, "\(what) is \(gateway.sku.name); scaleUnits (\(units)) applies to ErGwScale only",
          location: gateway.origin)
      }
      for name in gateway.circuits where deployment.circuit(named: name) == nil {
        throw Diagnostic(
          .error, "\(what) names circuit '\(name)', which the deployment does not define", location: gateway.origin)
      }
      guard let capabilities = rates.capabilities(of: gateway.sku, scaleUnits: gateway.scaleUnits) else { continue }
      if gateway.fastPath && !capabilities.fastPath {
        throw Diagnostic(
          .error,
          "\(what) wants FastPath, which \(gatewayLabel(gateway)) does not support (needs UltraPerformance, ErGw3AZ or ErGwScale with 10 or more scale units)",
          location: gateway.origin, rule: ProductRule.gatewayFastPath.id)
      }
      if gateway.circuits.count > capabilities.maxCircuits {
        throw Diagnostic(
          .error,
          "\(what) connects \(gateway.circuits.count) circuits; \(gatewayLabel(gateway)) allows \(capabilities.maxCircuits)",
          location: gateway.origin, rule: ProductRule.gatewayCircuitLimit.id)
      }
      // Whatever the SKU, one VNet (one gateway) takes at most 4 circuits from one peering location.
      var byLocation: [String: [String]] = [:]
      for name in gateway.circuits {
        guard let written = deployment.circuit(named: name)?.peeringLocation,
          let location = locations.location(named: written)
        else { continue }
        byLocation[location.name, default: []].append(name)
      }
      if let (location, names) = byLocation.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 4 }) {
        throw Diagnostic(
          .error,
          "\(what) connects \(names.count) circuits from \(location) (\(names.map { "'\($0)'" }.joined(separator: ", "))); one VNet takes at most 4 circuits from the same peering location",
          location: gateway.origin, rule: ProductRule.gatewaySameLocationCircuits.id)
      }
    }
  }

  private func gatewayLabel(_ gateway: Gateway) -> String {
    gateway.sku == .erGwScale ? "ErGwScale with \(gateway.scaleUnits ?? 0) scale units" : gateway.sku.name
  }
}

// Short names inside the package.
package typealias ResolvedDeployment = PricingEngine.ResolvedDeployment
