import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Reads existing or planned configurations into a ``Deployment``.
///
/// Understands `az network express-route list` and other ARM JSON (a list, a
/// REST `{"value": [...]}` page, a template's `resources`, or one resource,
/// with or without the `properties` wrapper), and Terraform JSON
/// (`terraform show -json` of a plan or of state). Every resource it cannot
/// price is listed with the reason, never dropped silently.
public struct DeploymentImporter: Sendable {
  /// What was read.
  public struct Result: Sendable {
    /// The deployment to price.
    public var deployment: Deployment
    /// Resources not priced, with why (`azurerm_express_route_gateway 'hub': Virtual WAN …`).
    public var skipped: [String]
    /// Facts about how resources were read (assumptions, free resources).
    public var notes: [String]
    /// Resources that are not ExpressRoute resources (`azurerm_resource_group.network: not an ExpressRoute
    /// resource`): outside the quote, not unpriced.
    public var outOfScope: [String] = []
    /// The format detected.
    public var format: String
    /// The Azure region (`usgovvirginia`) each circuit was created in, by circuit name, where the document gives it:
    /// a US Government region places the circuit at the US Government peering location of that name.
    public var circuitRegions: [String: String] = [:]
    /// The Azure region of each Direct port pair, by port name (as ``circuitRegions``).
    public var portRegions: [String: String] = [:]
  }

  /// The parameters file (`azuredeploy.parameters.json` shape) for an ARM template's `parameters()`, if any.
  package var templateParameters: JSONNode?

  /// Creates an importer; `templateParameters` gives an ARM template's parameter values.
  package init(templateParameters: JSONNode?) {
    self.templateParameters = templateParameters
  }

  /// Creates an importer with no ARM template parameter values.
  public init() { templateParameters = nil }

  /// Creates an importer with an ARM template's parameter values, from its parameters file
  /// (`azuredeploy.parameters.json` shape).
  ///
  /// - Throws: ``Diagnostic`` when the file is not JSON.
  public init(templateParametersFile data: Data, file: String) throws(Diagnostic) {
    templateParameters = try JSONNode.parse(data, file: file)
  }

  /// Reads `data`, detecting the format.
  public func read(json data: Data, file: String) throws(Diagnostic) -> Result {
    let root = try JSONNode.parse(data, file: file)
    var state = State(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
    if root.isObject, root.member("format_version") != nil || root.member("terraform_version") != nil {
      try Self.checkTerraformDocument(try root.object())
      try readTerraformPlannedValues(root, into: &state)
      return try state.finish(format: "Terraform JSON")
    }
    var resources: JSONNode.Elements = []
    if root.isArray {
      resources = try root.array()
    } else if root.isObject {
      if root.member("value")?.isArray == true {
        resources = try root.object().required("value").array()
      } else if root.member("data")?.isArray == true {
        // az graph query: {"count": N, "data": [...]}.
        resources = try root.object().required("data").array()
      } else if root.member("resources")?.isArray == true {
        // An ARM template: evaluate parameters(), variables(), concat() and format() where resources use them.
        let template = try root.object()
        var expressions = try ARMTemplateExpressions(template: template, values: templateParameters)
        for resource in try template.required("resources").array() {
          let resolved = JSONNode(value: expressions.resolve(resource.value), position: resource.position, file: resource.file)
          let skippedBefore = state.skipped.count
          do {
            try readARMResource(resolved, into: &state)
          } catch {
            throw Self.namingExpressions(error, expressions.unevaluated)
          }
          for index in skippedBefore..<state.skipped.count {
            state.skipped[index] = Self.namingExpressions(in: state.skipped[index], expressions.unevaluated)
          }
        }
        return try state.finish(format: "ARM template")
      } else {
        resources = [root]
      }
    } else {
      throw root.error("expected ARM JSON (a resource, a list of resources, or a template) or Terraform JSON, found \(root.summary)")
    }
    for resource in resources { try readARMResource(resource, into: &state) }
    return try state.finish(format: "ARM JSON")
  }

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
      return message + " (the ARM template expression \(text) was not evaluated: \(reason); give the value in a parameters file or in the template)"
    }
    return message
  }

  /// Looks a key up on the resource and then inside `properties`.
  func property(_ object: JSONObject, _ key: String) throws(Diagnostic) -> JSONNode? {
    if let direct = object.optional(key) { return direct }
    if let properties = object.optional("properties") { return try properties.object().optional(key) }
    return nil
  }

  func readARMResource(_ node: JSONNode, into state: inout State) throws(Diagnostic) {
    let resource = try node.object()
    let type = try resource.optional("type")?.string() ?? ""
    let name = try resource.optional("name")?.string() ?? "resource \(state.counter + 1)"
    state.counter += 1
    let skippedBefore = state.skipped.count
    try readARMResourceFields(resource, node: node, type: type, name: name, into: &state)
    // `az resource list` rows carry `"properties": null`: bandwidth, gateway type and scale units are not in them.
    if resource.members.contains(where: { $0.key == "properties" && $0.value.kind == .null }) {
      for index in skippedBefore..<state.skipped.count {
        state.skipped[index] +=
          " (the row has \"properties\": null, as 'az resource list' returns it; export with 'az network express-route list', 'az network vnet-gateway list', 'az graph query' or 'az resource show' to price it)"
      }
    }
  }

  func readARMResourceFields(_ resource: JSONObject, node: JSONNode, type: String, name: String, into state: inout State) throws(Diagnostic) {
    switch type.lowercased() {
    case "microsoft.network/expressroutecircuits":
      let skuObject = try resource.required("sku").object()
      let tier = try skuObject.required("tier").oneOf(CircuitTier.self)
      let billing = try skuObject.required("family").oneOf(BillingFamily.self)
      var bandwidth: Bandwidth?
      var location: String?
      if let provider = try property(resource, "serviceProviderProperties"), !provider.isNull {
        let providerObject = try provider.object()
        if let mbps = providerObject.optional("bandwidthInMbps") { bandwidth = .mbps(Int64(try mbps.int(in: 1...1_000_000))) }
        location = try providerObject.optional("peeringLocation")?.string()
      }
      if let gbps = try property(resource, "bandwidthInGbps"), !gbps.isNull {
        let value = try gbps.decimal()
        bandwidth = Bandwidth(parsing: "\(value.plainDescription) Gbps")
      }
      var port: String?
      if let portNode = try property(resource, "expressRoutePort"), !portNode.isNull, let id = try portNode.object().optional("id") {
        port = Self.lastSegment(try id.string())
      }
      guard let bandwidth else {
        state.skipped.append("circuit '\(name)': no bandwidth (expected serviceProviderProperties.bandwidthInMbps or bandwidthInGbps)")
        return
      }
      state.circuits.append(
        Circuit(name: name, peeringLocation: location, tier: tier, billing: billing, bandwidth: bandwidth, directPort: port, origin: node.location))
      if let region = try resource.optional("location")?.string() { state.circuitRegions[name] = region }
      // Global Reach connections nested in the circuit's peerings.
      for peering in try property(resource, "peerings")?.array() ?? [] {
        let peeringObject = try peering.object()
        for connection in try property(peeringObject, "connections")?.array() ?? [] {
          let connectionObject = try connection.object()
          if let peer = try property(connectionObject, "peerExpressRouteCircuitPeering"), let id = try peer.object().optional("id") {
            state.globalReach.append((name, Self.circuitName(inPeeringID: try id.string()), node.location))
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
      let billing = try property(resource, "billingType").map { node throws(Diagnostic) in try node.oneOf(BillingFamily.self) }
      guard let speed else {
        state.skipped.append("Direct port '\(name)': no bandwidthInGbps")
        return
      }
      state.ports.append(
        DirectPortPair(
          name: name, peeringLocation: try property(resource, "peeringLocation")?.string(), speed: speed, billing: billing ?? .metered,
          origin: node.location))
      if let region = try resource.optional("location")?.string() { state.portRegions[name] = region }
      if billing == nil { state.notes.append("Direct port '\(name)': no billingType; assumed MeteredData") }
    case "microsoft.network/virtualnetworkgateways":
      let gatewayType = try property(resource, "gatewayType")?.string() ?? ""
      // REST, ARM templates and Azure Resource Graph put the SKU under properties.sku; az puts it at the top.
      let skuName = try property(resource, "sku").map { node throws(Diagnostic) in try node.object().optional("name")?.string() ?? "" } ?? ""
      if gatewayType.lowercased() == "expressroute" {
        guard let sku = GatewaySKU(name: skuName) else {
          state.skipped.append("ExpressRoute gateway '\(name)': SKU '\(skuName)' is not one ercalc knows")
          return
        }
        var units: Int?
        if sku == .erGwScale {
          if let bounds = try property(resource, "autoScaleConfiguration").flatMap({ node throws(Diagnostic) in try node.object().optional("bounds") }
          ) {
            units = try bounds.object().optional("min")?.int(in: 1...1000)
          }
          state.notes.append("gateway '\(name)': ErGwScale priced at its minimum of \(units ?? 0) scale units; autoscaling above it costs more")
        }
        state.gateways.append(Gateway(name: name, sku: sku, scaleUnits: units, origin: node.location))
      } else if gatewayType.lowercased() == "vpn" {
        guard let sku = VPNGatewaySKU(name: skuName) else {
          state.skipped.append("VPN gateway '\(name)': \(VPNGatewaySKU.invalidNameMessage(skuName))")
          return
        }
        state.vpnGateways.append(VPNGateway(name: name, sku: sku, origin: node.location))
      } else {
        state.skipped.append("virtual network gateway '\(name)': gatewayType '\(gatewayType)' is neither ExpressRoute nor Vpn")
      }
    case "microsoft.network/expressroutegateways":
      // Virtual WAN: the gateway's scale units (the minimum of its autoscale bounds) and its ExpressRoute connections.
      var units: Int?
      if let bounds = try property(resource, "autoScaleConfiguration").flatMap({ node throws(Diagnostic) in try node.object().optional("bounds") }) {
        units = try bounds.object().optional("min")?.int(in: 1...1000)
      }
      let connections = try property(resource, "expressRouteConnections")?.array().count ?? 0
      guard let units else {
        state.skipped.append("Virtual WAN ExpressRoute gateway '\(name)': no autoScaleConfiguration.bounds.min, so its scale units are unknown")
        return
      }
      state.hubs.append(VirtualWANHub(name: name, scaleUnits: units, connections: connections, origin: node.location))
      state.notes.append(
        "Virtual WAN ExpressRoute gateway '\(name)': priced with its hub at its minimum of \(units) scale units and \(connections) connection\(connections == 1 ? "" : "s"); autoscaling above it costs more"
      )
    case "microsoft.network/virtualhubs":
      state.notes.append("Virtual WAN hub '\(name)': priced with its ExpressRoute gateway (a hub without one is not priced here)")
    case "microsoft.network/expressroutecircuits/peerings/connections":
      let circuit = try property(resource, "expressRouteCircuitPeering").flatMap { node throws(Diagnostic) in try node.object().optional("id") }
      let peer = try property(resource, "peerExpressRouteCircuitPeering").flatMap { node throws(Diagnostic) in try node.object().optional("id") }
      if let circuit, let peer {
        state.globalReach.append(
          (Self.circuitName(inPeeringID: try circuit.string()), Self.circuitName(inPeeringID: try peer.string()), node.location))
      } else {
        state.skipped.append("Global Reach connection '\(name)': the circuit peering IDs are missing")
      }
    case "microsoft.network/expressroutecircuits/peerings", "microsoft.network/connections", "microsoft.network/expressroutecircuits/authorizations":
      state.notes.append("\(type) '\(name)': no charge of its own")
    default:
      state.outOfScope.append("\(type.isEmpty ? "resource" : type) '\(name)': not an ExpressRoute resource")
    }
  }

  static func lastSegment(_ id: String) -> String { String(id.split(separator: "/").last ?? Substring(id)) }

  /// `…/expressRouteCircuits/ams/peerings/AzurePrivatePeering` → `ams`.
  static func circuitName(inPeeringID id: String) -> String {
    let parts = id.split(separator: "/").map(String.init)
    if let index = parts.firstIndex(where: { $0.lowercased() == "expressroutecircuits" }), index + 1 < parts.count { return parts[index + 1] }
    return lastSegment(id)
  }

  // MARK: - Terraform

  /// Reads a Terraform document's `planned_values` (a plan) or `values` (state), tracing circuits whose port is
  /// known only after apply through the plan's `configuration`.
  func readTerraformPlannedValues(_ root: JSONNode, into state: inout State) throws(Diagnostic) {
    let object = try root.object()
    var modules: [JSONNode] = []
    if let planned = object.optional("planned_values") { modules.append(try planned.object().required("root_module")) }
    if let values = object.optional("values"), let module = try values.object().optional("root_module") { modules.append(module) }
    guard !modules.isEmpty else {
      throw root.error("a Terraform JSON document needs 'planned_values' (terraform show -json PLAN) or 'values' (terraform show -json)")
    }
    for module in modules { try readTerraformModule(module, into: &state) }
    try state.tracePortsKnownAfterApply(through: TerraformConfiguration(plan: object))
  }

  /// Reads a module's resources and its child modules'; `including` chooses resources by address.
  func readTerraformModule(_ node: JSONNode, into state: inout State, including: (String) -> Bool = { _ in true }) throws(Diagnostic) {
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
      try valuesNode.object(), type: type, address: address, resourceName: try resource.optional("name")?.string() ?? address, origin: node.location,
      into: &state)
  }

  /// Reads one Terraform resource's attribute values (`values` in planned values or state, `before` in a plan's
  /// resource change); `origin` is where diagnostics and line items point.
  func readTerraformValues(
    _ values: JSONObject, type: String, address: String, resourceName: String, origin: FileLocation, into state: inout State
  ) throws(Diagnostic) {
    let name = try values.optional("name")?.string() ?? resourceName
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
      if let gbps = values.optional("bandwidth_in_gbps") { bandwidth = Bandwidth(parsing: "\(try gbps.decimal().plainDescription) Gbps") }
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
          name: name, peeringLocation: peeringLocation, tier: tier, billing: billing, bandwidth: bandwidth, directPort: port,
          origin: origin))
      if let region = try values.optional("location")?.string() { state.circuitRegions[name] = region }
    case "azurerm_express_route_port":
      let gbps = try values.required("bandwidth_in_gbps")
      guard let speed = DirectPortSpeed(name: try gbps.decimal().plainDescription) else {
        throw gbps.error("\(try gbps.decimal().plainDescription) Gbps is not a Direct port speed (expected 10, 100 or 400)")
      }
      let billing = try values.optional("billing_type").map { node throws(Diagnostic) in try node.oneOf(BillingFamily.self) }
      state.portAddresses[TerraformConfiguration.normalized(address)] = name
      state.ports.append(
        DirectPortPair(
          name: name, peeringLocation: try values.optional("peering_location")?.string(), speed: speed, billing: billing ?? .metered,
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
        if sku == .erGwScale { state.notes.append("\(address): ErGwScale priced at 1 scale unit (the plan does not state the scale bounds)") }
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
        state.globalReach.append((Self.circuitName(inPeeringID: circuit), Self.circuitName(inPeeringID: peer), origin))
      } else {
        state.skipped.append("\(address): Global Reach connection whose circuit IDs are known only after apply; per-GB charges not priced")
      }
    case "azurerm_express_route_gateway":
      guard let units = try values.optional("scale_units")?.int(in: 1...1000) else {
        state.skipped.append("\(address): Virtual WAN ExpressRoute gateway without scale_units; its scale units are unknown")
        return
      }
      state.hubs.append(VirtualWANHub(name: name, scaleUnits: units, connections: 0, origin: origin))
    case "azurerm_virtual_hub":
      state.notes.append("\(address): Virtual WAN hub, priced with its ExpressRoute gateway")
    case "azurerm_express_route_connection":
      state.terraformConnections += 1
    case "azurerm_express_route_circuit_peering", "azurerm_express_route_circuit_authorization", "azurerm_virtual_network_gateway_connection":
      state.notes.append("\(address): no charge of its own")
    default:
      state.outOfScope.append("\(address): \(type) is not an ExpressRoute resource")
    }
  }

  // MARK: - Assembly

  struct State {
    var name: String
    var counter = 0
    var circuits: [Circuit] = []
    var ports: [DirectPortPair] = []
    var gateways: [Gateway] = []
    var vpnGateways: [VPNGateway] = []
    var globalReach: [(String, String, FileLocation)] = []
    var hubs: [VirtualWANHub] = []
    var terraformConnections = 0
    var skipped: [String] = []
    var outOfScope: [String] = []
    var notes: [String] = []
    var circuitRegions: [String: String] = [:]
    var portRegions: [String: String] = [:]
    /// Terraform port pairs by address (indices removed), for circuits whose port ID is known only after apply.
    var portAddresses: [String: String] = [:]
    /// Terraform circuits with neither a peering location nor a port ID: (index in `circuits`, address).
    var circuitsOnUnknownPorts: [(Int, String)] = []

    /// Gives each circuit whose `express_route_port_id` is unknown until apply the port pair its configuration
    /// expression refers to (across modules); a circuit that cannot be traced is listed as not priced, with why.
    mutating func tracePortsKnownAfterApply(through configuration: TerraformConfiguration) {
      var untraced = Set<Int>()
      for (index, address) in circuitsOnUnknownPorts {
        if let portAddress = configuration.resource(for: address, attribute: "express_route_port_id", ofType: "azurerm_express_route_port"),
          let port = portAddresses[portAddress]
        {
          circuits[index].directPort = port
          notes.append("\(address): express_route_port_id is known only after apply; traced through the plan's configuration to \(portAddress)")
          continue
        }
        let references = configuration.references(for: address, attribute: "express_route_port_id")
        let why =
          references.isEmpty
          ? "no peering_location and no express_route_port_id, and the plan's configuration names no port for it"
          : "express_route_port_id is known only after apply and its references (\(references.joined(separator: ", "))) do not lead to one azurerm_express_route_port in this plan"
        skipped.append("\(address): \(why); not priced")
        untraced.insert(index)
      }
      circuits = circuits.enumerated().filter { !untraced.contains($0.offset) }.map(\.element)
    }

    /// The deployment read; with `allowingEmpty` false, a document with nothing to price is an error.
    mutating func finish(format: String, allowingEmpty: Bool = false) throws(Diagnostic) -> Result {
      var deployment = Deployment(name: name, circuits: circuits, directPorts: ports, gateways: gateways, vpnGateways: vpnGateways)
      // Terraform connections name their gateway only by an ID known after apply: one hub takes them all.
      if terraformConnections > 0 {
        if hubs.count == 1 {
          hubs[0].connections += terraformConnections
        } else {
          notes.append(
            "\(terraformConnections) Virtual WAN ExpressRoute connection\(terraformConnections == 1 ? "" : "s") could not be tied to one hub; their connection units are not priced"
          )
        }
      }
      deployment.virtualWANHubs = hubs
      for (a, b, origin) in globalReach {
        guard deployment.circuit(named: b) != nil else {
          skipped.append("Global Reach from '\(a)' to '\(b)': the peer circuit is not in this export, so its zone and SKU are unknown")
          continue
        }
        let duplicate = deployment.globalReach.contains { ($0.circuitA == a && $0.circuitB == b) || ($0.circuitA == b && $0.circuitB == a) }
        if !duplicate { deployment.globalReach.append(GlobalReachLink(circuitA: a, circuitB: b, origin: origin)) }
      }
      if !allowingEmpty && deployment.circuits.isEmpty && deployment.directPorts.isEmpty && deployment.gateways.isEmpty
        && deployment.vpnGateways.isEmpty
        && deployment.virtualWANHubs.isEmpty
      {
        let others = skipped + outOfScope
        let shown = others.prefix(10).map { "; \($0)" }.joined()
        throw Diagnostic(
          .error,
          "found no ExpressRoute circuit, Direct port or gateway to price (\(others.count) other resource\(others.count == 1 ? "" : "s") skipped\(shown)\(others.count > 10 ? "; …" : ""))"
        )
      }
      return Result(
        deployment: deployment, skipped: skipped, notes: notes, outOfScope: outOfScope, format: format, circuitRegions: circuitRegions,
        portRegions: portRegions)
    }
  }

}

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
  public func placingLocations(_ locations: LocationCatalog) -> DeploymentImporter.Result {
    var result = self
    var removed = Set<String>()
    // A resource in a US Government region (usgovvirginia, usdodeast) is at the US Government peering location of that
    // name: Azure writes `Washington DC` there, never the catalogue's ` (US Gov)` suffix.
    for index in result.deployment.directPorts.indices {
      let port = result.deployment.directPorts[index]
      guard let region = portRegions[port.name], locations.isUSGovernmentRegion(region), let name = port.peeringLocation else { continue }
      switch locations.usGovernmentPlacement(of: name, region: region) {
      case .placed(let location, let how):
        result.deployment.directPorts[index].peeringLocation = location.name
        result.notes.append("Direct port pair '\(port.name)': \(how)")
      case .refused(let reason):
        result.skipped.append("Direct port pair '\(port.name)': \(reason); not priced")
        removed.insert(port.name)
      }
    }
    result.deployment.directPorts.removeAll { removed.contains($0.name) }
    for index in result.deployment.circuits.indices {
      let circuit = result.deployment.circuits[index]
      guard let region = circuitRegions[circuit.name], locations.isUSGovernmentRegion(region), circuit.directPort == nil,
        let name = circuit.peeringLocation
      else { continue }
      switch locations.usGovernmentPlacement(of: name, region: region) {
      case .placed(let location, let how):
        result.deployment.circuits[index].peeringLocation = location.name
        result.notes.append("circuit '\(circuit.name)': \(how)")
      case .refused(let reason):
        result.skipped.append("circuit '\(circuit.name)': \(reason); not priced")
        removed.insert(circuit.name)
      }
    }
    result.deployment.circuits.removeAll { removed.contains($0.name) }
    for index in result.deployment.directPorts.indices {
      let port = result.deployment.directPorts[index]
      guard let name = port.peeringLocation, locations.location(named: name) == nil, let mapped = locations.portLocation(named: name) else {
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
          "circuit '\(circuit.name)': runs on Direct port pair '\(port)', which is not in this export; not priced (export the port with the circuit)")
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
    return result
  }
}
