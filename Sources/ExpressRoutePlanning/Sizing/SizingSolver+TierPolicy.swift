import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension SizingSolver {
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
    // The regions the circuit must reach: the target regions, and the hub region, where the gateway is.
    let named =
      profile.targetRegions.map { ($0, "targetRegions") } + (profile.hubRegion.map { [($0, "hubRegion")] } ?? [])
    for (region, path) in named {
      guard let canonical = engine.locations.canonicalAzureRegion(region) else {
        var message = "'\(region)' is not a known Azure region"
        if let near = Suggestion.nearest(to: region, in: engine.locations.allAzureRegions) {
          message += "; did you mean '\(near)'?"
        }
        throw Diagnostic(.error, message, location: profile.origin, path: path)
      }
      if !regions.contains(canonical) { regions.append(canonical) }
    }
    let hubAdded = regions.count > Set(profile.targetRegions.compactMap(engine.locations.canonicalAzureRegion)).count
    let outside = regions.filter {
      engine.locations.geopoliticalRegion(ofAzureRegion: $0)?.name != location.geopoliticalRegion
    }
    if !outside.isEmpty {
      premiumReasons.append(
        "\(outside.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") outside \(location.geopoliticalRegion), the geopolitical region of \(location.name)"
      )
    }
    if profile.privatePeeringRoutes > 10_000 {
      throw Diagnostic(
        .error,
        "\(profile.privatePeeringRoutes) private-peering routes exceed even Premium's 10,000; summarise routes before sizing",
        location: profile.origin, path: "privatePeeringRoutes")
    }
    if profile.privatePeeringRoutes > 4_000 {
      premiumReasons.append(
        "\(profile.privatePeeringRoutes) private-peering routes exceed the 4,000 of Standard and Local")
    }
    let links = profile.virtualNetworks + profile.globalReach.count
    if links > 10 {
      premiumReasons.append(
        "\(links) VNet links (Global Reach connections count too) exceed the 10 of Standard and Local")
    }
    if profile.microsoft365 {
      premiumReasons.append("Microsoft 365 over Microsoft peering requires the Premium add-on")
    }
    for need in profile.globalReach {
      guard let remote = engine.locations.location(named: need.location) else {
        throw Diagnostic(
          .error, "globalReach: \(engine.locations.unknownLocationMessage(need.location))", location: profile.origin,
          path: "globalReach")
      }
      if remote.geopoliticalRegion != location.geopoliticalRegion {
        premiumReasons.append(
          "Global Reach to \(remote.name) crosses geopolitical regions (\(location.geopoliticalRegion) to \(remote.geopoliticalRegion))"
        )
      }
      // Sizing plans new links: none where Microsoft's availability list does not offer Global Reach.
      for end in [location, remote] where !end.offersGlobalReach {
        throw Diagnostic(
          .error,
          "Global Reach is not offered at \(end.name) (its country is not on Microsoft's Global Reach availability list, 01/31/2025), so a link to \(remote.name) cannot be planned",
          location: profile.origin, path: "globalReach")
      }
      if remote == location {
        throw Diagnostic(
          .error, "Global Reach links circuits at different peering locations; \(remote.name) is this circuit's own",
          location: profile.origin,
          path: "globalReach", rule: ProductRule.globalReachDifferentLocations.id)
      }
    }
    if case .secondCircuit(let other, _) = profile.redundancy {
      guard let second = engine.locations.location(named: other) else {
        throw Diagnostic(
          .error, "redundancy: \(engine.locations.unknownLocationMessage(other))", location: profile.origin,
          path: "redundancy.location")
      }
      if second == location {
        throw Diagnostic(
          .error, "redundancy: the second circuit must be at another peering location than \(location.name)",
          location: profile.origin,
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
      reasons.append(
        "Local is possible: every target region\(hubAdded ? " and the hub region" : "") (\(regions.joined(separator: ", "))) is local to \(location.name)"
      )
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
      allowedTiers: allowed, reasons: reasons,
      localRejection: localProblems.isEmpty ? nil : localProblems.joined(separator: "; "),
      standardRejection: premiumReasons.isEmpty
        ? nil : "Premium is required: " + premiumReasons.joined(separator: "; "), virtualNetworkLinks: links)
  }
}
