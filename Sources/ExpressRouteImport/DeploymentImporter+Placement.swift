import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension DeploymentImporter.Result {
  /// The estate priced by `engine`, with what was read but not priced (skipped with a reason, or outside the
  /// quote) and how it was read, so the report lists every resource.
  public func quote(with engine: PricingEngine) throws(Diagnostic) -> Quote {
    var quote = try engine.quote(deployment)
    quote.skippedResources = skipped
    quote.outOfScopeResources = outOfScope
    quote.notes += notes
    return quote
  }

  /// The result with every circuit and port pair whose peering location `locations` does not know moved to
  /// `skipped` (with the reason), and the gateways that named them pointed at what remains: one unknown
  /// location no longer stops the whole estate.
  package func placingLocations(_ locations: LocationCatalog) -> DeploymentImporter.Result {
    var result = self
    // A resource in a US Government region (usgovvirginia, usdodeast) is at the US Government peering location of that
    // name: Azure writes `Washington DC` there, never the catalogue's ` (US Gov)` suffix.
    var removed = result.placeInUSGovernment(
      \.deployment.directPorts, label: "Direct port pair", regions: portRegions, locations)
    removed.formUnion(
      result.placeInUSGovernment(\.deployment.circuits, label: "circuit", regions: circuitRegions, locations))
    for index in result.deployment.directPorts.indices {
      let port = result.deployment.directPorts[index]
      guard let name = port.peeringLocation, locations.location(named: name) == nil,
        let mapped = locations.portLocation(named: name)
      else {
        continue
      }
      result.deployment.directPorts[index].peeringLocation = mapped.peeringLocation
      let evidence =
        mapped.sourceID.map { id in "seen in \(id)\(locations.source(id: id)?.date.map { ", \($0)" } ?? ", undated")" }
        ?? "name derived, not seen in Azure's output"
      result.notes.append(
        "Direct port pair '\(port.name)': port location \(mapped.name) is peering location \(mapped.peeringLocation) (facility \(mapped.facility); \(evidence))"
      )
    }
    result.deployment.directPorts.removeAll { port in
      guard let name = port.peeringLocation else { return false }
      guard let location = locations.location(named: name) else {
        result.skipped.append(
          "Direct port pair '\(port.name)': \(locations.unknownPortLocationMessage(name)); not priced (a port location needs an entry in the peering-location table's portLocations to be placed)"
        )
        removed.insert(port.name)
        return true
      }
      // An existing port at a location whose source shows no ER Direct: listed as not priced, not a stop for the estate.
      guard location.offersDirect != true else { return false }
      if location.offersDirect == nil {
        result.skipped.append(
          "Direct port pair '\(port.name)': [\(ProductRule.directNotOffered.id)] \(location.name): \(locations.directUnavailableReason(location) ?? ""); not priced"
        )
        removed.insert(port.name)
        return true
      }
      result.skipped.append(
        "Direct port pair '\(port.name)': [\(ProductRule.directNotOffered.id)] \(location.name) has no ER Direct on \(locations.source(of: location).id) (\(locations.source(of: location).date ?? "undated")); not priced"
      )
      removed.insert(port.name)
      return true
    }
    let ports = Set(result.deployment.directPorts.map(\.name))
    result.deployment.circuits.removeAll { circuit in
      if let port = circuit.directPort, removed.contains(port) {
        result.skipped.append("circuit '\(circuit.name)': runs on Direct port pair '\(port)', which is not priced")
        removed.insert(circuit.name)
        return true
      }
      if let port = circuit.directPort, !ports.contains(port) {
        // Its port pair (and so its location, billing and capacity) is not in this export: listed, not priced.
        result.skipped.append(
          "circuit '\(circuit.name)': runs on Direct port pair '\(port)', which is not in this export; not priced (export the port with the circuit)"
        )
        removed.insert(circuit.name)
        return true
      }
      guard let name = circuit.peeringLocation, locations.location(named: name) == nil else { return false }
      result.skipped.append("circuit '\(circuit.name)': \(locations.unknownLocationMessage(name)); not priced")
      removed.insert(circuit.name)
      return true
    }
    for index in result.deployment.gateways.indices {
      result.deployment.gateways[index].circuits.removeAll { removed.contains($0) }
    }
    result.deployment.globalReach.removeAll { link in
      guard removed.contains(link.circuitA) || removed.contains(link.circuitB) else { return false }
      result.skipped.append("Global Reach \(link.name): one end is not priced")
      return true
    }
    // A location written as an expression ercalc could not evaluate is named as such.
    result.skipped = result.skipped.map { DeploymentImporter.namingExpressions(in: $0, unevaluated) }
    return result
  }

  /// Moves each resource of `path` read in a US Government region to the US Government peering location of its
  /// name (with a note), or to `skipped` (with the reason); returns the names skipped. A circuit on a Direct port
  /// follows its port instead.
  private mutating func placeInUSGovernment<Resource: USGovernmentPlaceable>(
    _ path: WritableKeyPath<DeploymentImporter.Result, [Resource]>, label: String, regions: [String: String],
    _ locations: LocationCatalog
  ) -> Set<String> {
    var removed = Set<String>()
    for index in self[keyPath: path].indices {
      let resource = self[keyPath: path][index]
      guard let region = regions[resource.name], locations.isUSGovernmentRegion(region), !resource.followsPort,
        let name = resource.peeringLocation
      else { continue }
      switch locations.usGovernmentPlacement(of: name, region: region) {
      case .placed(let location, let how):
        self[keyPath: path][index].peeringLocation = location.name
        notes.append("\(label) '\(resource.name)': \(how)")
      case .refused(let reason):
        skipped.append("\(label) '\(resource.name)': \(reason); not priced")
        removed.insert(resource.name)
      }
    }
    self[keyPath: path].removeAll { removed.contains($0.name) }
    return removed
  }
}

/// A resource that a US Government region can place: a circuit or a Direct port pair.
private protocol USGovernmentPlaceable {
  var name: String { get }
  var peeringLocation: String? { get set }
  /// Whether its location comes from its Direct port pair rather than its own.
  var followsPort: Bool { get }
}

extension DirectPortPair: USGovernmentPlaceable {
  fileprivate var followsPort: Bool { false }
}

extension Circuit: USGovernmentPlaceable {
  fileprivate var followsPort: Bool { directPort != nil }
}
