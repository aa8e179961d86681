import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Resources that share a name in one import stay distinct.
///
/// Azure allows two circuits (or gateways, or port pairs) of one name in different resource groups or subscriptions,
/// and Terraform's `count` and `for_each` make them often. Everything ercalc prints, pairs and exports (quote lines,
/// diff rows, FOCUS `ResourceId` and `ResourceName`) names a resource by its kind and name, so resources of one kind
/// that share a name are renamed, deterministically, before anything is priced:
///
/// - Terraform: each is named by its Terraform address (`azurerm_express_route_circuit.er[1]`), which is unique in a
///   plan or state and the same on both sides of a plan.
/// - ARM and az exports: each is named `name (resource group)` from its ARM ID; where two share the resource group
///   too (different subscriptions), `name (ARM ID)`; a row without an ID, `name (resource N)` by its position.
///
/// A resource whose name no other of its kind shares keeps its name. Each rename is stated in the import's notes.
extension DeploymentImporter {
  /// The Terraform addresses of resources that share their kind and name with a resource at another address, anywhere
  /// in the document (a plan's prior values and planned values, state, prior state): these are named by address.
  static func terraformSharedNames(_ object: JSONObject) throws(Diagnostic) -> Set<String> {
    var addresses: [String: Set<String>] = [:]
    func note(_ resource: JSONObject, values: JSONNode?) throws(Diagnostic) {
      guard try resource.optional("mode")?.string() != "data", let values, values.isObject,
        let type = try resource.optional("type")?.string(), let address = try resource.optional("address")?.string()
      else { return }
      let fields = try values.object()
      let name = try fields.optional("name").flatMap { $0.isNull ? nil : $0 }?.string()
      guard let name,
        let label = terraformLabel(
          type: type, name: name, gatewayType: try fields.optional("type").flatMap { $0.isNull ? nil : $0 }?.string())
      else { return }
      addresses[label, default: []].insert(address)
    }
    func module(_ node: JSONNode?) throws(Diagnostic) {
      guard let node, node.isObject else { return }
      let object = try node.object()
      for resource in try object.optional("resources")?.array() ?? [] {
        let fields = try resource.object()
        try note(fields, values: fields.optional("values"))
      }
      for child in try object.optional("child_modules")?.array() ?? [] { try module(child) }
    }
    for node in try object.optional("resource_changes")?.array() ?? [] {
      let resource = try node.object()
      guard let change = try resource.optional("change")?.object() else { continue }
      try note(resource, values: change.optional("before"))
      try note(resource, values: change.optional("after"))
    }
    try module(object.optional("planned_values").flatMap { try? $0.object().optional("root_module") })
    try module(object.optional("values").flatMap { try? $0.object().optional("root_module") })
    if let prior = object.optional("prior_state"), prior.isObject,
      let values = try prior.object().optional("values"), values.isObject
    {
      try module(try values.object().optional("root_module"))
    }
    return addresses.values.filter { $0.count > 1 }.reduce(into: Set<String>()) { $0.formUnion($1) }
  }

  /// The names of ARM resources (by position in `resources`) that share their kind and name with another resource
  /// of the list (see the type's rules); resources whose name is their own are not in it.
  func armDistinctNames(_ resources: [JSONNode]) throws(Diagnostic) -> [Int: String] {
    var groups: [String: [(index: Int, name: String, id: String?)]] = [:]
    var order: [String] = []
    for (index, node) in resources.enumerated() where node.isObject {
      let resource = try node.object()
      guard let name = try resource.optional("name").flatMap({ $0.isNull ? nil : $0 })?.string(),
        let label = resourceLabel(
          type: try resource.optional("type").flatMap { $0.isNull ? nil : $0 }?.string() ?? "", name: name,
          resource: resource)
      else { continue }
      let id = try resource.optional("id").flatMap { $0.isNull ? nil : $0 }?.string()
      if groups[label] == nil { order.append(label) }
      groups[label, default: []].append((index, name, id))
    }
    var names: [Int: String] = [:]
    for label in order {
      guard let group = groups[label], group.count > 1 else { continue }
      let ids = group.map { $0.id?.lowercased() }
      // The same ID twice is one resource listed twice, not two resources of one name.
      guard Set(ids).count > 1 || ids.contains(nil) else { continue }
      let resourceGroups = group.map { $0.id.flatMap(Self.resourceGroup(inID:))?.lowercased() }
      for (position, entry) in group.enumerated() {
        let resourceGroup = resourceGroups[position]
        if let resourceGroup, resourceGroups.filter({ $0 == resourceGroup }).count == 1,
          let shown = entry.id.flatMap(Self.resourceGroup(inID:))
        {
          names[entry.index] = "\(entry.name) (\(shown))"
        } else if let id = entry.id, ids.filter({ $0 == id.lowercased() }).count == 1 {
          names[entry.index] = "\(entry.name) (\(id))"
        } else {
          names[entry.index] = "\(entry.name) (resource \(entry.index + 1))"
        }
      }
    }
    return names
  }

  /// `/subscriptions/…/resourceGroups/rg-b/providers/…` → `rg-b`.
  static func resourceGroup(inID id: String) -> String? {
    let parts = id.split(separator: "/").map(String.init)
    guard let index = parts.firstIndex(where: { $0.lowercased() == "resourcegroups" }), index + 1 < parts.count else {
      return nil
    }
    return parts[index + 1]
  }

  /// The circuit's ARM ID, lower-cased, in a circuit or peering ID (`…/expressRouteCircuits/ams/peerings/…` →
  /// `/subscriptions/…/expressroutecircuits/ams`); `nil` when the ID names no circuit.
  static func circuitID(in id: String) -> String? {
    let parts = id.lowercased().split(separator: "/").map(String.init)
    guard let index = parts.firstIndex(of: "expressroutecircuits"), index + 1 < parts.count else { return nil }
    return "/" + parts[...(index + 1)].joined(separator: "/")
  }
}

extension DeploymentImporter.State {
  /// The circuit a Global Reach end names: a name as read, or an ARM peering ID resolved to the circuit with that ID
  /// in this import (its name after any rename), else to the circuit name the ID ends in.
  func circuitName(_ reference: String) -> String {
    // An ARM ID, or a template's resourceId() without its subscription (`/providers/…/expressRouteCircuits/ams/…`).
    guard reference.hasPrefix("/") else { return reference }
    if let id = DeploymentImporter.circuitID(in: reference) {
      if let name = circuitIDs[id] { return name }
      // A template's resourceId() with a subscription: the template knows its resources by group and name.
      if let group = id.range(of: "/resourcegroups/"), let name = circuitIDs[String(id[group.lowerBound...])] {
        return name
      }
    }
    return DeploymentImporter.circuitName(inPeeringID: reference)
  }

  /// Records a circuit's ARM ID (when it has one) under its name, for Global Reach ends to find it.
  mutating func recordCircuitID(_ id: String?, name: String) {
    guard let id, let key = DeploymentImporter.circuitID(in: id) else { return }
    circuitIDs[key] = name
  }
}
