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
package struct DeploymentImporter: Sendable {
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
    /// Resources named apart from another of their kind and name in this document.
    public var renames: [DeploymentImporter.Rename] = []
    /// An ARM template's expressions ercalc could not evaluate, with why: a resource skipped later (an unknown
    /// peering location) that quotes one says so.
    package var unevaluated: [String: String] = [:]
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
      state.sharedNames = try Self.terraformSharedNames(try root.object())
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
        // An ARM template: evaluate parameters(), variables(), concat(), format() and copyIndex() where resources
        // use them; conditions, copy loops and nested deployments as Azure deploys them.
        let template = try root.object()
        var expressions = try ARMTemplateExpressions(template: template, values: templateParameters)
        try readARMTemplate(template, expressions: &expressions, into: &state)
        var result = try state.finish(format: "ARM template")
        result.unevaluated = expressions.unevaluated
        return result
      } else {
        resources = [root]
      }
    } else {
      throw root.error(
        "expected ARM JSON (a resource, a list of resources, or a template) or Terraform JSON, found \(root.summary)")
    }
    let unique = try Self.uniqueByID(resources, notes: &state.notes)
    state.distinctNames = try armDistinctNames(unique)
    for resource in unique { try readARMResource(resource, into: &state) }
    return try state.finish(format: "ARM JSON")
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
    /// ExpressRoute connections (`Microsoft.Network/connections`): the gateway's and the circuit's ARM IDs.
    var gatewayConnections: [(name: String, gateway: String, circuit: String)] = []
    /// ExpressRoute gateways by the identity of their ARM ID (``AzureResourceReference/identity``), as named here.
    var gatewayIDs: [String: String] = [:]
    var hubs: [VirtualWANHub] = []
    var terraformConnections = 0
    var skipped: [String] = []
    var outOfScope: [String] = []
    var notes: [String] = []
    var circuitRegions: [String: String] = [:]
    var portRegions: [String: String] = [:]
    /// ARM IDs and regions by resource label, for resources whose export row has a full `id`.
    var azureResources: [String: AzureResourceReference] = [:]
    /// Terraform port pairs by address (indices removed), for circuits whose port ID is known only after apply.
    var portAddresses: [String: String] = [:]
    /// Terraform addresses of resources that share their kind and name with another: named by address.
    var sharedNames: Set<String> = []
    /// ARM resources (by position in the list) that share their kind and name with another, and the names they take.
    var distinctNames: [Int: String] = [:]
    /// Circuit names by lower-cased ARM ID, for Global Reach ends given as peering IDs.
    var circuitIDs: [String: String] = [:]
    /// The ARM template resources read, by deployment scope, type and name (lowercased): one declared again is one.
    var templateResources: [String: JSONValue] = [:]
    /// The deployment scope each ARM template resource type and name (lowercased) was first read in.
    var templateScopes: [String: String] = [:]
    /// Resources named apart from another of their kind and name.
    var renames: [DeploymentImporter.Rename] = []
    /// Terraform circuits with neither a peering location nor a port ID: (index in `circuits`, address).
    var circuitsOnUnknownPorts: [(Int, String)] = []

    /// Gives each circuit whose `express_route_port_id` is unknown until apply the port pair its configuration
    /// expression refers to (across modules); a circuit that cannot be traced is listed as not priced, with why.
    mutating func tracePortsKnownAfterApply(through configuration: TerraformConfiguration) {
      var untraced = Set<Int>()
      for (index, address) in circuitsOnUnknownPorts {
        if let portAddress = configuration.resource(
          for: address, attribute: "express_route_port_id", ofType: "azurerm_express_route_port"),
          let port = portAddresses[portAddress]
        {
          circuits[index].directPort = port
          notes.append(
            "\(address): express_route_port_id is known only after apply; traced through the plan's configuration to \(portAddress)"
          )
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
      var deployment = Deployment(
        name: name, circuits: circuits, directPorts: ports, gateways: gateways, vpnGateways: vpnGateways)
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
      deployment.azureResources = azureResources
      // Each connection ties its circuit to its gateway, so the gateway's circuit rules (how many, how many from one
      // location) hold for an estate as for a deployment file. The gateway is found by its ARM ID, else its name.
      for connection in gatewayConnections {
        let gatewayName =
          gatewayIDs[AzureResourceReference(id: connection.gateway).identity]
          ?? DeploymentImporter.lastSegment(connection.gateway)
        let circuit = circuitName(connection.circuit)
        guard let index = deployment.gateways.firstIndex(where: { $0.name == gatewayName }),
          deployment.circuit(named: circuit) != nil
        else {
          // One end outside the export: the gateway's limits are checked without this connection, and said so.
          let missing =
            deployment.gateways.contains { $0.name == gatewayName }
            ? "circuit '\(circuit)'" : "gateway '\(gatewayName)'"
          notes.append(
            "connection '\(connection.name)': its \(missing) is not in this export, so the gateway's circuit limits (how many, how many from one peering location) were checked without it"
          )
          continue
        }
        if !deployment.gateways[index].circuits.contains(circuit) {
          deployment.gateways[index].circuits.append(circuit)
        }
      }
      for (first, second, origin) in globalReach {
        let (a, b) = (circuitName(first), circuitName(second))
        guard deployment.circuit(named: b) != nil else {
          skipped.append(
            "Global Reach from '\(a)' to '\(b)': the peer circuit is not in this export, so its zone and SKU are unknown"
          )
          continue
        }
        let duplicate = deployment.globalReach.contains {
          ($0.circuitA == a && $0.circuitB == b) || ($0.circuitA == b && $0.circuitB == a)
        }
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
        deployment: deployment, skipped: skipped, notes: notes, outOfScope: outOfScope, format: format,
        circuitRegions: circuitRegions,
        portRegions: portRegions, renames: renames)
    }
  }

}
