import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// What an Azure inventory (az, Azure Resource Graph or ARM JSON) says about each ExpressRoute resource beyond its
/// price: a circuit's provider provisioning state, SKU and peering location, each gateway's connections and the
/// circuits they reach. Waste that only billing and inventory show together is found from it
/// (`ReconcileReport`'s findings). A Terraform document or an ercalc deployment has none of these facts: its
/// inventory is empty, and the report says the inventory checks did not run.
package struct EstateInventory: Hashable, Sendable {
  /// A circuit as the inventory describes it.
  package struct Circuit: Hashable, Sendable {
    /// The ARM ID as written.
    package var id: String
    /// The name.
    package var name: String
    /// `serviceProviderProvisioningState` (`Provisioned`, `NotProvisioned`, `Provisioning`, `Deprovisioning`).
    package var providerState: String
    /// `Standard`, `Premium` or `Local`.
    package var tier: String
    /// `MeteredData` or `UnlimitedData`.
    package var family: String
    /// The bandwidth in Mbps (provider circuits) or Gbps × 1,000 (circuits on Direct).
    package var bandwidthMbps: Int?
    /// The peering location.
    package var peeringLocation: String?
  }

  /// An ExpressRoute gateway (a virtual network gateway of type ExpressRoute, or a Virtual WAN ExpressRoute gateway).
  package struct Gateway: Hashable, Sendable {
    /// The ARM ID as written.
    package var id: String
    /// The name.
    package var name: String
    /// The Azure region.
    package var region: String?
    /// The lower-cased IDs of the circuits its connections reach (one entry per connection).
    package var connectedCircuits: [String]
  }

  /// Circuits by lower-cased ID.
  package var circuits: [String: Circuit] = [:]
  /// Gateways by lower-cased ID.
  package var gateways: [String: Gateway] = [:]
  /// Whether the document was an Azure inventory at all (a list of resources with IDs).
  package var isAzureInventory = false

  /// An empty inventory.
  package init() {}

  /// Reads the resources of an az, Azure Resource Graph (`{"data": [...]}`), REST (`{"value": [...]}`) or ARM
  /// (`{"resources": [...]}`) document; anything else gives an empty inventory.
  package init(json data: Data, file: String) {
    guard let root = try? JSONNode.parse(data, file: file) else { return }
    var resources: [JSONNode] = []
    if root.isArray, let elements = try? root.array() {
      resources = Array(elements)
    } else if let object = try? root.object() {
      for key in ["data", "value", "resources"] {
        if let list = object.optional(key), list.isArray, let elements = try? list.array() {
          resources = Array(elements)
          break
        }
      }
    }
    var connections: [(gateway: String, circuit: String)] = []
    for node in resources {
      guard let object = try? node.object() else { continue }
      func text(_ key: String) -> String? {
        if let value = object.optional(key), let string = try? value.string() { return string }
        if let properties = object.optional("properties"), let inner = try? properties.object(),
          let value = inner.optional(key), let string = try? value.string()
        {
          return string
        }
        return nil
      }
      func member(_ key: String) -> JSONObject? {
        let node = object.optional(key) ?? (try? object.optional("properties")?.object())?.optional(key)
        return node.flatMap { try? $0.object() }
      }
      func idOf(_ key: String) -> String? { member(key).flatMap { $0.optional("id") }.flatMap { try? $0.string() } }
      guard let id = text("id"), let type = text("type") else { continue }
      isAzureInventory = true
      let name = text("name") ?? id
      switch type.lowercased() {
      case "microsoft.network/expressroutecircuits":
        let sku = member("sku")
        let provider = member("serviceProviderProperties")
        var mbps = provider.flatMap { $0.optional("bandwidthInMbps") }.flatMap { try? $0.int() }
        if let gbps =
          (object.optional("bandwidthInGbps")
          ?? (try? object.optional("properties")?.object())?
          .optional("bandwidthInGbps")).flatMap({ try? $0.decimal() })
        {
          mbps = NSDecimalNumber(decimal: gbps * 1000).intValue
        }
        circuits[Self.identity(id)] = Circuit(
          id: id, name: name, providerState: text("serviceProviderProvisioningState") ?? "",
          tier: sku.flatMap { $0.optional("tier") }.flatMap { try? $0.string() } ?? "",
          family: sku.flatMap { $0.optional("family") }.flatMap { try? $0.string() } ?? "", bandwidthMbps: mbps,
          peeringLocation: provider.flatMap { $0.optional("peeringLocation") }.flatMap { try? $0.string() })
      case "microsoft.network/virtualnetworkgateways":
        guard text("gatewayType")?.lowercased() == "expressroute" else { continue }
        gateways[Self.identity(id)] = Gateway(id: id, name: name, region: text("location"), connectedCircuits: [])
      case "microsoft.network/expressroutegateways":
        var reached: [String] = []
        let list =
          object.optional("expressRouteConnections")
          ?? (try? object.optional("properties")?.object())?.optional("expressRouteConnections")
        for connection in (list.flatMap { try? $0.array() }).map(Array.init) ?? [] {
          let peering = (try? connection.object())
            .flatMap { $0.optional("properties") ?? $0.optional("expressRouteCircuitPeering") }
          let peeringID = Self.peeringID(peering)
          reached.append(peeringID.map(Self.circuitID(ofPeering:)) ?? "")
        }
        gateways[Self.identity(id)] = Gateway(id: id, name: name, region: text("location"), connectedCircuits: reached)
      case "microsoft.network/connections":
        guard let gateway = idOf("virtualNetworkGateway1"), let peer = idOf("peer") else { continue }
        connections.append((Self.identity(gateway), Self.identity(peer)))
      default: continue
      }
    }
    for connection in connections {
      gateways[connection.gateway]?.connectedCircuits.append(connection.circuit)
    }
  }

  /// The circuit peering ID inside a Virtual WAN connection's properties (`expressRouteCircuitPeering.id`).
  private static func peeringID(_ node: JSONNode?) -> String? {
    guard let object = try? node?.object() else { return nil }
    if let id = object.optional("id"), let text = try? id.string() { return text }
    if let inner = object.optional("expressRouteCircuitPeering") { return peeringID(inner) }
    return nil
  }

  /// `…/expressRouteCircuits/ams/peerings/AzurePrivatePeering/` → `…/expressroutecircuits/ams` (its identity).
  static func circuitID(ofPeering id: String) -> String {
    let lower = identity(id)
    guard let range = lower.range(of: "/peerings/") else { return lower }
    return String(lower[..<range.lowerBound])
  }

  /// How the inventory keys a resource: ``AzureResourceReference/identity`` (lower-cased, no trailing `/`), the
  /// rule the export's rows are keyed by too, so a `/` at the end of one ID never makes two resources.
  package static func identity(_ id: String) -> String { AzureResourceReference(id: id).identity }
}
