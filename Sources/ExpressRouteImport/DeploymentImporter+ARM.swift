import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension DeploymentImporter {
  // MARK: - ARM

  /// `error` with the ARM expression it quotes named, when ercalc could not evaluate that expression.
  static func namingExpressions(_ error: Diagnostic, _ unevaluated: [String: String]) -> Diagnostic {
    var named = error
    named.message = namingExpressions(in: error.message, unevaluated)
    return named
  }

  /// `message` with the first unevaluated ARM expression it quotes explained.
  static func namingExpressions(in message: String, _ unevaluated: [String: String]) -> String {
    for (text, reason) in unevaluated.sorted(by: { $0.key < $1.key }) where message.contains(text) {
      return message
        + " (the ARM template expression \(text) was not evaluated: \(reason); give the value in a parameters file or in the template)"
    }
    return message
  }

  /// Looks a key up on the resource and then inside `properties`.
  func property(_ object: JSONObject, _ key: String) throws(Diagnostic) -> JSONNode? {
    if let direct = object.optional(key) { return direct }
    if let properties = object.optional("properties") { return try properties.object().optional(key) }
    return nil
  }

  /// The resources of a list, each ARM ID once (ignoring case and a trailing `/`): an export read twice, or two that
  /// overlap, list a resource again. A repeat with the same content (its ID's spelling aside) is one resource, noted;
  /// one that differs is refused at its ID, as which of the two is current is unknown.
  static func uniqueByID(_ resources: JSONNode.Elements, notes: inout [String]) throws(Diagnostic) -> [JSONNode] {
    var first: [String: (node: JSONNode, content: JSONValue)] = [:]
    var unique: [JSONNode] = []
    for resource in resources {
      guard let idNode = resource.member("id"), case .string(let id) = idNode.value.kind, id.hasPrefix("/") else {
        unique.append(resource)
        continue
      }
      let key = AzureResourceReference(id: id).identity
      let content = replacing(["id": key], in: resource.value)
      guard let seen = first[key] else {
        first[key] = (resource, content)
        unique.append(resource)
        continue
      }
      guard sameContent(seen.content, content) else {
        throw idNode.error(
          "'\(id)' is listed again with other properties (first at \(seen.node.location)): which one is current is unknown (give each resource once)"
        )
      }
      notes.append(
        "'\(id)' (\(resource.location)) is listed again (first at \(seen.node.location)): one resource, priced once")
    }
    return unique
  }

  func readARMResource(_ node: JSONNode, into state: inout State) throws(Diagnostic) {
    let resource = try node.object()
    let type = try resource.optional("type")?.string() ?? ""
    let given = try resource.optional("name")?.string() ?? "resource \(state.counter + 1)"
    let name = state.distinctNames[state.counter] ?? given
    state.counter += 1
    if name != given {
      state.recordRename(label: resourceLabel(type: type, name: name, resource: resource), given: given, name: name)
      state.notes.append(
        "\(resourceLabel(type: type, name: name, resource: resource) ?? name): named with its resource group (or ARM ID), because another resource of its kind in this export is also named '\(given)'"
      )
    }
    let skippedBefore = state.skipped.count
    try readARMResourceFields(resource, node: node, type: type, name: name, into: &state)
    if let label = resourceLabel(type: type, name: name, resource: resource),
      let id = try resource.optional("id")?.string(), id.lowercased().hasPrefix("/subscriptions/")
    {
      if type.lowercased() == "microsoft.network/expressroutecircuits" { state.recordCircuitID(id, name: name) }
      state.azureResources[label] = AzureResourceReference(
        id: id, region: try resource.optional("location")?.string())
    }
    // `az resource list` rows carry `"properties": null`: bandwidth, gateway type and scale units are not in them.
    if resource.members.contains(where: { $0.key == "properties" && $0.value.kind == .null }) {
      for index in skippedBefore..<state.skipped.count {
        state.skipped[index] +=
          " (the row has \"properties\": null, as 'az resource list' returns it; export with 'az network express-route list', 'az network vnet-gateway list', 'az graph query' or 'az resource show' to price it)"
      }
    }
  }

  /// A note when `sku.name` (`Premium_MeteredData`) names another tier or family than `sku.tier` and `sku.family`;
  /// `nil` when they agree, or when the name is not `Tier_Family` (an expression, another spelling) and so says
  /// nothing either way.
  ///
  /// The circuit is priced by `tier` and `family`: the REST API's `ExpressRouteCircuitSku` types them as enums
  /// (`ExpressRouteCircuitSkuTier`, `ExpressRouteCircuitSkuFamily`) where `name` is a free string, Terraform's
  /// `azurerm_express_route_circuit` sets only them, and Microsoft's Bicep example writes the name as
  /// `'${skuTier}_${skuFamily}'` from them. Real exports disagree (a NetBrain export: `Standard_MeteredData` with tier
  /// `Premium`), so the reading is kept and the disagreement shown in the quote's notes.
  static func skuNameConflict(_ node: JSONNode, tier: CircuitTier, billing: BillingFamily, circuit: String) -> String? {
    guard let text = try? node.string() else { return nil }
    let parts = text.split(separator: "_", omittingEmptySubsequences: false)
    guard parts.count == 2, let nameTier = CircuitTier(name: String(parts[0])),
      let nameFamily = BillingFamily(name: String(parts[1])), nameTier != tier || nameFamily != billing
    else { return nil }
    var differ: [String] = []
    if nameTier != tier { differ.append("sku.tier '\(tier.name)'") }
    if nameFamily != billing { differ.append("sku.family '\(billing.name)'") }
    return
      "circuit '\(circuit)': sku.name '\(text)' (\(node.location)) disagrees with \(differ.joined(separator: " and ")); priced as \(tier.name) \(billing.name), from sku.tier and sku.family, the fields the REST API types as the SKU's tier and family (sku.name is free text, written as Tier_Family by the tools that set it); if the name is right, correct the export"
  }

  func readARMResourceFields(
    _ resource: JSONObject, node: JSONNode, type: String, name: String, into state: inout State
  ) throws(Diagnostic) {
    switch type.lowercased() {
    case "microsoft.network/expressroutecircuits":
      let skuObject = try resource.required("sku").object()
      let tier = try skuObject.required("tier").oneOf(CircuitTier.self)
      let billing = try skuObject.required("family").oneOf(BillingFamily.self)
      if let nameNode = skuObject.optional("name"),
        let note = Self.skuNameConflict(nameNode, tier: tier, billing: billing, circuit: name)
      {
        state.notes.append(note)
      }
      var bandwidth: Bandwidth?
      var location: String?
      if let provider = try property(resource, "serviceProviderProperties"), !provider.isNull {
        let providerObject = try provider.object()
        if let mbps = providerObject.optional("bandwidthInMbps") {
          bandwidth = .mbps(Int64(try mbps.int(in: 1...1_000_000)))
        }
        location = try providerObject.optional("peeringLocation")?.string()
      }
      if let gbps = try property(resource, "bandwidthInGbps"), !gbps.isNull {
        let value = try gbps.decimal()
        bandwidth = Bandwidth(parsing: "\(value.plainDescription) Gbps")
      }
      var port: String?
      if let portNode = try property(resource, "expressRoutePort"), !portNode.isNull,
        let id = try portNode.object().optional("id")
      {
        port = Self.lastSegment(try id.string())
      }
      guard let bandwidth else {
        state.skipped.append(
          "circuit '\(name)': no bandwidth (expected serviceProviderProperties.bandwidthInMbps or bandwidthInGbps)")
        return
      }
      state.circuits.append(
        Circuit(
          name: name, peeringLocation: location, tier: tier, billing: billing, bandwidth: bandwidth, directPort: port,
          origin: node.location))
      // The key Global Reach metrics name a peer by (PeeredCircuitSKey); az network express-route show gives it.
      if let key = try property(resource, "serviceKey"), !key.isNull {
        state.circuits[state.circuits.count - 1].serviceKey = try key.string()
      }
      if let region = try resource.optional("location")?.string() { state.circuitRegions[name] = region }
      // Global Reach connections nested in the circuit's peerings.
      for peering in try property(resource, "peerings")?.array() ?? [] {
        let peeringObject = try peering.object()
        for connection in try property(peeringObject, "connections")?.array() ?? [] {
          let connectionObject = try connection.object()
          if let peer = try property(connectionObject, "peerExpressRouteCircuitPeering"),
            let id = try peer.object().optional("id")
          {
            state.globalReach.append((name, try id.string(), node.location))
          }
        }
      }
    case "microsoft.network/expressrouteports":
      let speed = try property(resource, "bandwidthInGbps").map { node throws(Diagnostic) -> DirectPortSpeed in
        let value = try node.decimal()
        guard let speed = DirectPortSpeed(name: value.plainDescription) else {
          throw node.error("\(value.plainDescription) Gbps is not a Direct port speed (expected 10, 100 or 400)")
        }
        return speed
      }
      let billing = try property(resource, "billingType").map { node throws(Diagnostic) in
        try node.oneOf(BillingFamily.self)
      }
      guard let speed else {
        state.skipped.append("Direct port '\(name)': no bandwidthInGbps")
        return
      }
      state.ports.append(
        DirectPortPair(
          name: name, peeringLocation: try property(resource, "peeringLocation")?.string(), speed: speed,
          billing: billing ?? .metered,
          origin: node.location))
      if let region = try resource.optional("location")?.string() { state.portRegions[name] = region }
      if billing == nil { state.notes.append("Direct port '\(name)': no billingType; assumed MeteredData") }
    case "microsoft.network/virtualnetworkgateways":
      let gatewayType = try property(resource, "gatewayType")?.string() ?? ""
      // REST, ARM templates and Azure Resource Graph put the SKU under properties.sku; az puts it at the top.
      let skuName =
        try property(resource, "sku").map { node throws(Diagnostic) in
          try node.object().optional("name")?.string() ?? ""
        } ?? ""
      if gatewayType.lowercased() == "expressroute" {
        guard let sku = GatewaySKU(name: skuName) else {
          state.skipped.append("ExpressRoute gateway '\(name)': SKU '\(skuName)' is not one ercalc knows")
          return
        }
        var units: Int?
        if sku == .erGwScale {
          if let bounds = try property(resource, "autoScaleConfiguration").flatMap({ node throws(Diagnostic) in
            try node.object().optional("bounds")
          }
          ) {
            units = try bounds.object().optional("min")?.int(in: 1...1000)
          }
          state.notes.append(
            "gateway '\(name)': ErGwScale priced at its minimum of \(units ?? 0) scale units; autoscaling above it costs more"
          )
        }
        state.gateways.append(Gateway(name: name, sku: sku, scaleUnits: units, origin: node.location))
        if let id = try resource.optional("id")?.string() {
          state.gatewayIDs[AzureResourceReference(id: id).identity] = name
        }
      } else if gatewayType.lowercased() == "vpn" {
        guard let sku = VPNGatewaySKU(name: skuName) else {
          state.skipped.append("VPN gateway '\(name)': \(VPNGatewaySKU.invalidNameMessage(skuName))")
          return
        }
        state.vpnGateways.append(VPNGateway(name: name, sku: sku, origin: node.location))
      } else {
        state.skipped.append(
          "virtual network gateway '\(name)': gatewayType '\(gatewayType)' is neither ExpressRoute nor Vpn")
      }
    case "microsoft.network/expressroutegateways":
      // Virtual WAN: the gateway's scale units (the minimum of its autoscale bounds) and its ExpressRoute connections.
      var units: Int?
      if let bounds = try property(resource, "autoScaleConfiguration").flatMap({ node throws(Diagnostic) in
        try node.object().optional("bounds")
      }) {
        units = try bounds.object().optional("min")?.int(in: 1...1000)
      }
      let connections = try property(resource, "expressRouteConnections")?.array().count ?? 0
      guard let units else {
        state.skipped.append(
          "Virtual WAN ExpressRoute gateway '\(name)': no autoScaleConfiguration.bounds.min, so its scale units are unknown"
        )
        return
      }
      state.hubs.append(VirtualWANHub(name: name, scaleUnits: units, connections: connections, origin: node.location))
      state.notes.append(
        "Virtual WAN ExpressRoute gateway '\(name)': priced with its hub at its minimum of \(units) scale units and \(connections) connection\(connections == 1 ? "" : "s"); autoscaling above it costs more"
      )
    case "microsoft.network/virtualhubs":
      state.notes.append(
        "Virtual WAN hub '\(name)': priced with its ExpressRoute gateway (a hub without one is not priced here)")
    case "microsoft.network/expressroutecircuits/peerings/connections":
      let circuit = try property(resource, "expressRouteCircuitPeering").flatMap { node throws(Diagnostic) in
        try node.object().optional("id")
      }
      let peer = try property(resource, "peerExpressRouteCircuitPeering").flatMap { node throws(Diagnostic) in
        try node.object().optional("id")
      }
      if let circuit, let peer {
        state.globalReach.append((try circuit.string(), try peer.string(), node.location))
      } else {
        state.skipped.append("Global Reach connection '\(name)': the circuit peering IDs are missing")
      }
    case "microsoft.network/connections":
      state.notes.append("\(type) '\(name)': no charge of its own")
      // An ExpressRoute connection: the gateway (virtualNetworkGateway1) and the circuit (peer) it joins.
      func id(_ key: String) throws(Diagnostic) -> String? {
        try property(resource, key).flatMap { node throws(Diagnostic) in try node.object().optional("id")?.string() }
      }
      if let gateway = try id("virtualNetworkGateway1"), let peer = try id("peer"),
        peer.lowercased().contains("/expressroutecircuits/")
      {
        state.gatewayConnections.append((name, gateway, peer))
      }
    case "microsoft.network/expressroutecircuits/peerings", "microsoft.network/expressroutecircuits/authorizations":
      state.notes.append("\(type) '\(name)': no charge of its own")
    default:
      state.outOfScope.append("\(type.isEmpty ? "resource" : type) '\(name)': not an ExpressRoute resource")
    }
  }

  /// The label line items give a resource of ARM `type` (`circuit 'ams-1'`), or `nil` for a type ercalc does not price.
  func resourceLabel(type: String, name: String, resource: JSONObject) -> String? {
    switch type.lowercased() {
    case "microsoft.network/expressroutecircuits": return "circuit '\(name)'"
    case "microsoft.network/expressrouteports": return "Direct port pair '\(name)'"
    case "microsoft.network/expressroutegateways": return "Virtual WAN hub '\(name)'"
    case "microsoft.network/virtualnetworkgateways":
      let gatewayType = (try? property(resource, "gatewayType")?.string()) ?? ""
      return gatewayType.lowercased() == "vpn" ? "VPN gateway '\(name)'" : "gateway '\(name)'"
    default: return nil
    }
  }

  static func lastSegment(_ id: String) -> String { String(id.split(separator: "/").last ?? Substring(id)) }

  /// `…/expressRouteCircuits/ams/peerings/AzurePrivatePeering` → `ams`.
  static func circuitName(inPeeringID id: String) -> String {
    let parts = id.split(separator: "/").map(String.init)
    if let index = parts.firstIndex(where: { $0.lowercased() == "expressroutecircuits" }), index + 1 < parts.count {
      return parts[index + 1]
    }
    return lastSegment(id)
  }
}
