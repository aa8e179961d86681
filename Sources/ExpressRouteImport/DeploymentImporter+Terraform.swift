import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension DeploymentImporter {
  // MARK: - Terraform

  /// Reads a Terraform document's `planned_values` (a plan) or `values` (state), tracing circuits whose port is
  /// known only after apply through the plan's `configuration`.
  func readTerraformPlannedValues(_ root: JSONNode, into state: inout State) throws(Diagnostic) {
    let object = try root.object()
    var modules: [JSONNode] = []
    if let planned = object.optional("planned_values") { modules.append(try planned.object().required("root_module")) }
    if let values = object.optional("values"), let module = try values.object().optional("root_module") {
      modules.append(module)
    }
    guard !modules.isEmpty else {
      throw root.error(
        "a Terraform JSON document needs 'planned_values' (terraform show -json PLAN) or 'values' (terraform show -json)"
      )
    }
    for module in modules { try readTerraformModule(module, into: &state) }
    try state.tracePortsKnownAfterApply(through: TerraformConfiguration(plan: object))
  }

  /// Reads a module's resources and its child modules'; `including` chooses resources by address.
  func readTerraformModule(_ node: JSONNode, into state: inout State, including: (String) -> Bool = { _ in true })
    throws(Diagnostic)
  {
    let module = try node.object()
    for resourceNode in try module.optional("resources")?.array() ?? [] {
      let resource = try resourceNode.object()
      if let address = try resource.optional("address")?.string(), !including(address) { continue }
      try readTerraformResource(resourceNode, into: &state)
    }
    for child in try module.optional("child_modules")?.array() ?? [] {
      try readTerraformModule(child, into: &state, including: including)
    }
  }

  func readTerraformResource(_ node: JSONNode, into state: inout State) throws(Diagnostic) {
    let resource = try node.object()
    let type = try resource.required("type").string()
    let address = try resource.optional("address")?.string() ?? type
    if try resource.optional("mode")?.string() == "data" { return }
    guard let valuesNode = resource.optional("values") else {
      state.skipped.append("\(address): no values (unknown until apply)")
      return
    }
    try readTerraformValues(
      try valuesNode.object(), type: type, address: address,
      resourceName: try resource.optional("name")?.string() ?? address, origin: node.location,
      into: &state)
  }

  /// Reads one Terraform resource's attribute values (`values` in planned values or state, `before` in a plan's
  /// resource change); `origin` is where diagnostics and line items point.
  func readTerraformValues(
    _ values: JSONObject, type: String, address: String, resourceName: String, origin: FileLocation,
    into state: inout State
  ) throws(Diagnostic) {
    let given = try values.optional("name")?.string() ?? resourceName
    let name = state.sharedNames.contains(address) ? address : given
    if name != given {
      state.recordRename(
        label: Self.terraformLabel(type: type, name: name, gatewayType: try values.optional("type")?.string()),
        given: given, name: name)
      state.notes.append(
        "\(address): named by its Terraform address, because another resource of its kind in this plan is also named '\(given)'"
      )
    }
    switch type {
    case "azurerm_express_route_circuit":
      guard let skuNode = try values.optional("sku")?.array().first else {
        state.skipped.append("\(address): no sku block")
        return
      }
      let sku = try skuNode.object()
      let tier = try sku.required("tier").oneOf(CircuitTier.self)
      let billing = try sku.required("family").oneOf(BillingFamily.self)
      var bandwidth: Bandwidth?
      if let mbps = values.optional("bandwidth_in_mbps") { bandwidth = .mbps(Int64(try mbps.int(in: 1...1_000_000))) }
      if let gbps = values.optional("bandwidth_in_gbps") {
        bandwidth = Bandwidth(parsing: "\(try gbps.decimal().plainDescription) Gbps")
      }
      guard let bandwidth else {
        state.skipped.append("\(address): no bandwidth_in_mbps or bandwidth_in_gbps")
        return
      }
      var port: String?
      if let id = try values.optional("express_route_port_id")?.string() { port = Self.lastSegment(id) }
      let peeringLocation = try values.optional("peering_location")?.string()
      if port == nil && peeringLocation == nil { state.circuitsOnUnknownPorts.append((state.circuits.count, address)) }
      state.circuits.append(
        Circuit(
          name: name, peeringLocation: peeringLocation, tier: tier, billing: billing, bandwidth: bandwidth,
          directPort: port,
          origin: origin))
      // Sensitive in the provider; present in state output, unknown (null) in a plan.
      if let key = values.optional("service_key"), !key.isNull {
        state.circuits[state.circuits.count - 1].serviceKey = try key.string()
      }
      if let region = try values.optional("location")?.string() { state.circuitRegions[name] = region }
    case "azurerm_express_route_port":
      let gbps = try values.required("bandwidth_in_gbps")
      guard let speed = DirectPortSpeed(name: try gbps.decimal().plainDescription) else {
        throw gbps.error(
          "\(try gbps.decimal().plainDescription) Gbps is not a Direct port speed (expected 10, 100 or 400)")
      }
      let billing = try values.optional("billing_type").map { node throws(Diagnostic) in
        try node.oneOf(BillingFamily.self)
      }
      state.portAddresses[TerraformConfiguration.normalized(address)] = name
      state.ports.append(
        DirectPortPair(
          name: name, peeringLocation: try values.optional("peering_location")?.string(), speed: speed,
          billing: billing ?? .metered,
          origin: origin))
      if let region = try values.optional("location")?.string() { state.portRegions[name] = region }
      if billing == nil { state.notes.append("\(address): no billing_type; assumed MeteredData") }
    case "azurerm_virtual_network_gateway":
      let gatewayType = try values.optional("type")?.string() ?? ""
      let skuName = try values.optional("sku")?.string() ?? ""
      if gatewayType == "ExpressRoute" {
        guard let sku = GatewaySKU(name: skuName) else {
          state.skipped.append("\(address): ExpressRoute gateway SKU '\(skuName)' is not one ercalc knows")
          return
        }
        state.gateways.append(Gateway(name: name, sku: sku, scaleUnits: sku == .erGwScale ? 1 : nil, origin: origin))
        if sku == .erGwScale {
          state.notes.append("\(address): ErGwScale priced at 1 scale unit (the plan does not state the scale bounds)")
        }
      } else if gatewayType == "Vpn" {
        guard let sku = VPNGatewaySKU(name: skuName) else {
          state.skipped.append("\(address): \(VPNGatewaySKU.invalidNameMessage(skuName))")
          return
        }
        state.vpnGateways.append(VPNGateway(name: name, sku: sku, origin: origin))
      } else {
        state.skipped.append("\(address): gateway type '\(gatewayType)' is neither ExpressRoute nor Vpn")
      }
    case "azurerm_express_route_circuit_connection":
      let circuit = try values.optional("peering_id")?.string()
      let peer = try values.optional("peer_peering_id")?.string()
      if let circuit, let peer {
        state.globalReach.append((circuit, peer, origin))
      } else {
        state.skipped.append(
          "\(address): Global Reach connection whose circuit IDs are known only after apply; per-GB charges not priced")
      }
    case "azurerm_express_route_gateway":
      guard let units = try values.optional("scale_units")?.int(in: 1...1000) else {
        state.skipped.append(
          "\(address): Virtual WAN ExpressRoute gateway without scale_units; its scale units are unknown")
        return
      }
      state.hubs.append(VirtualWANHub(name: name, scaleUnits: units, connections: 0, origin: origin))
    case "azurerm_virtual_hub":
      state.notes.append("\(address): Virtual WAN hub, priced with its ExpressRoute gateway")
    case "azurerm_express_route_connection":
      state.terraformConnections += 1
    case "azurerm_express_route_circuit_peering", "azurerm_express_route_circuit_authorization",
      "azurerm_virtual_network_gateway_connection":
      state.notes.append("\(address): no charge of its own")
    default:
      state.outOfScope.append("\(address): \(type) is not an ExpressRoute resource")
    }
    // A resource that exists (state, or a plan's prior values) has its ARM ID: FOCUS ResourceId in the CSV.
    if let id = try values.optional("id")?.string(), id.lowercased().hasPrefix("/subscriptions/"),
      let label = Self.terraformLabel(type: type, name: name, gatewayType: try values.optional("type")?.string())
    {
      if type == "azurerm_express_route_circuit" { state.recordCircuitID(id, name: name) }
      state.azureResources[label] = AzureResourceReference(id: id, region: try values.optional("location")?.string())
    }
  }

  /// The label line items give a Terraform resource of `type` (`circuit 'ams-1'`), or `nil` for one ercalc does not
  /// price.
  static func terraformLabel(type: String, name: String, gatewayType: String?) -> String? {
    switch type {
    case "azurerm_express_route_circuit": return "circuit '\(name)'"
    case "azurerm_express_route_port": return "Direct port pair '\(name)'"
    case "azurerm_express_route_gateway": return "Virtual WAN hub '\(name)'"
    case "azurerm_virtual_network_gateway": return gatewayType == "Vpn" ? "VPN gateway '\(name)'" : "gateway '\(name)'"
    default: return nil
    }
  }
}
