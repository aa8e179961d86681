import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension DeploymentImporter {
  /// A resource named apart from another of its kind and name in one import (see `DeploymentImporter+SharedNames`).
  public struct Rename: Sendable, Hashable {
    /// The kind, as line items name it (`circuit`, `gateway`, `VPN gateway`, `Direct port pair`, `Virtual WAN hub`).
    public var kind: String
    /// The name the document gives it (`er-main`).
    public var given: String
    /// The name it takes (`er-main (rg-b)`, `azurerm_express_route_circuit.er[1]`).
    public var name: String
  }
}

extension DeploymentImporter.State {
  /// Records that the resource labelled `label` (`circuit 'er-main (rg-b)'`) was named `name` instead of `given`.
  mutating func recordRename(label: String?, given: String, name: String) {
    guard let label, name != given, let kind = label.components(separatedBy: " '").first else { return }
    renames.append(DeploymentImporter.Rename(kind: kind, given: given, name: name))
  }
}

extension DeploymentImporter.Result {
  /// The result with each resource that `other` named apart (``DeploymentImporter/Rename``) named the same way here
  /// too, where this side holds it under its given name with the same ARM ID: two estates compared then pair the
  /// same resource, even when only one of them has two resources of that name.
  package func namedAlike(_ other: DeploymentImporter.Result) -> DeploymentImporter.Result {
    var result = self
    for rename in other.renames {
      let theirs = other.deployment.azureResources["\(rename.kind) '\(rename.name)'"]?.id.lowercased()
      let label = "\(rename.kind) '\(rename.given)'"
      guard let theirs, deployment.azureResources[label]?.id.lowercased() == theirs else { continue }
      result.rename(kind: rename.kind, from: rename.given, to: rename.name)
      result.notes.append(
        "\(rename.kind) '\(rename.name)': named as in the other estate, where another \(rename.kind) is also named '\(rename.given)'"
      )
    }
    return result
  }

  /// Renames the resource of `kind` named `old`, and every reference to it.
  mutating func rename(kind: String, from old: String, to new: String) {
    func swap(_ name: inout String) { if name == old { name = new } }
    switch kind {
    case "circuit":
      for index in deployment.circuits.indices { swap(&deployment.circuits[index].name) }
      for index in deployment.gateways.indices {
        deployment.gateways[index].circuits = deployment.gateways[index].circuits.map { $0 == old ? new : $0 }
      }
      for index in deployment.globalReach.indices {
        swap(&deployment.globalReach[index].circuitA)
        swap(&deployment.globalReach[index].circuitB)
      }
      if let region = circuitRegions.removeValue(forKey: old) { circuitRegions[new] = region }
    case "Direct port pair":
      for index in deployment.directPorts.indices { swap(&deployment.directPorts[index].name) }
      for index in deployment.circuits.indices where deployment.circuits[index].directPort == old {
        deployment.circuits[index].directPort = new
      }
      if let region = portRegions.removeValue(forKey: old) { portRegions[new] = region }
    case "gateway":
      for index in deployment.gateways.indices { swap(&deployment.gateways[index].name) }
    case "VPN gateway":
      for index in deployment.vpnGateways.indices { swap(&deployment.vpnGateways[index].name) }
    case "Virtual WAN hub":
      for index in deployment.virtualWANHubs.indices { swap(&deployment.virtualWANHubs[index].name) }
    default: return
    }
    if let reference = deployment.azureResources.removeValue(forKey: "\(kind) '\(old)'") {
      deployment.azureResources["\(kind) '\(new)'"] = reference
    }
  }
}
