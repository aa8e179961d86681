import ExpressRouteCore
import Foundation

extension Deployment {
  /// The newest deployment `schemaVersion` this build understands.
  public static let supportedSchemaVersion = 1

  /// Decodes a deployment file (schema in README.md, "Deployment files").
  ///
  /// - Throws: ``Diagnostic`` with file, line, column and JSON path.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    try self.init(node: root)
  }

  /// Decodes a deployment from a JSON object node (also used inside portfolios).
  package init(node: JSONNode, defaultName: String = "deployment") throws(Diagnostic) {
    let object = try node.object(allowing: [
      "$schema", "schemaVersion", "name", "notes", "circuits", "directPorts", "gateways", "globalReach",
      "trafficCollectors",
      "vpnGateways", "charges", "virtualWANHubs",
    ])
    try object.checkSchemaVersion(supported: Deployment.supportedSchemaVersion)
    self.init(name: try object.optional("name")?.nonEmptyString() ?? defaultName)
    var names = Set<String>()
    func uniqueName(_ object: JSONObject) throws(Diagnostic) -> String {
      let nameNode = try object.required("name")
      let name = try nameNode.nonEmptyString()
      guard names.insert(name).inserted else {
        throw nameNode.error("duplicate name '\(name)' (names must be unique in a deployment)")
      }
      return name
    }
    /// The resource's Azure ID (`azureId`), so its charges carry it and a cost export's rows match it: an ARM ID of the
    /// resource's own type (`types`, lower-cased provider/type), given to one resource only.
    var azureIds: [String: String] = [:]
    func readAzureId(_ item: JSONObject, _ label: String, types: [String]) throws(Diagnostic) {
      guard let node = item.optional("azureId") else { return }
      let id = try node.nonEmptyString()
      let lowered = id.lowercased()
      guard lowered.hasPrefix("/subscriptions/"), id.split(separator: "/").count >= 8 else {
        throw node.error(
          "'\(id)' is not an Azure resource ID (expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/<type>/<name>)"
        )
      }
      guard types.contains(where: { lowered.contains("/providers/\($0)/") }) else {
        throw node.error(
          "'\(id)' is not the ID of a \(label.prefix { $0 != "'" }.trimmedOfWhitespace()) (expected a resource of type \(types.joined(separator: " or ")))"
        )
      }
      if let other = azureIds[lowered] {
        throw node.error("\(label) has the same azureId as \(other) (expected each resource's own ID)")
      }
      azureIds[lowered] = label
      azureResources[label] = AzureResourceReference(id: id)
    }
    for node in try object.optional("circuits")?.array() ?? [] {
      let item = try node.object(allowing: [
        "name", "peeringLocation", "zone", "tier", "billing", "bandwidth", "egress", "directPort", "vnetLinks",
        "external", "azureId", "serviceKey", "notes",
      ])
      circuits.append(
        Circuit(
          name: try uniqueName(item), peeringLocation: try item.optional("peeringLocation")?.nonEmptyString(),
          zone: try item.optional("zone")?.oneOf(Zone.self), tier: try item.required("tier").oneOf(CircuitTier.self),
          billing: try item.optional("billing")?.oneOf(BillingFamily.self) ?? .metered,
          bandwidth: try readBandwidth(item.required("bandwidth")),
          monthlyEgress: try item.optional("egress").map { node throws(Diagnostic) in try readVolume(node) },
          directPort: try item.optional("directPort")?.nonEmptyString(),
          virtualNetworkLinks: try item.optional("vnetLinks")?.int(in: 0...1000), origin: node.location))
      circuits[circuits.count - 1].isExternal = try item.optional("external")?.bool() ?? false
      circuits[circuits.count - 1].globalReachBilledElsewhere = circuits[circuits.count - 1].isExternal
      circuits[circuits.count - 1].serviceKey = try item.optional("serviceKey")?.nonEmptyString()
      try readAzureId(
        item, "circuit '\(circuits[circuits.count - 1].name)'", types: ["microsoft.network/expressroutecircuits"])
    }
    for node in try object.optional("directPorts")?.array() ?? [] {
      let item = try node.object(allowing: [
        "name", "peeringLocation", "zone", "portSpeed", "billing", "azureId", "notes",
      ])
      directPorts.append(
        DirectPortPair(
          name: try uniqueName(item), peeringLocation: try item.optional("peeringLocation")?.nonEmptyString(),
          zone: try item.optional("zone")?.oneOf(Zone.self),
          speed: try item.required("portSpeed").oneOf(DirectPortSpeed.self),
          billing: try item.required("billing").oneOf(BillingFamily.self), origin: node.location))
      try readAzureId(
        item, "Direct port pair '\(directPorts[directPorts.count - 1].name)'",
        types: ["microsoft.network/expressrouteports"])
    }
    for node in try object.optional("gateways")?.array() ?? [] {
      let item = try node.object(allowing: [
        "name", "sku", "scaleUnits", "count", "circuits", "fastPath", "azureId", "notes",
      ])
      gateways.append(
        Gateway(
          name: try uniqueName(item), sku: try item.required("sku").oneOf(GatewaySKU.self),
          scaleUnits: try item.optional("scaleUnits")?.int(in: 0...1000),
          count: try item.optional("count")?.int(in: 1...1000) ?? 1,
          circuits: try item.nonEmptyStrings("circuits"),
          fastPath: try item.optional("fastPath")?.bool() ?? false, origin: node.location))
      try readAzureId(
        item, "gateway '\(gateways[gateways.count - 1].name)'",
        types: ["microsoft.network/virtualnetworkgateways", "microsoft.network/expressroutegateways"])
    }
    for node in try object.optional("globalReach")?.array() ?? [] {
      let item = try node.object(allowing: ["circuitA", "circuitB", "dataAToB", "dataBToA", "notes"])
      globalReach.append(
        GlobalReachLink(
          circuitA: try item.required("circuitA").nonEmptyString(),
          circuitB: try item.required("circuitB").nonEmptyString(),
          dataAToB: try item.optional("dataAToB").map { node throws(Diagnostic) in try readVolume(node) },
          dataBToA: try item.optional("dataBToA").map { node throws(Diagnostic) in try readVolume(node) },
          origin: node.location))
    }
    for node in try object.optional("trafficCollectors")?.array() ?? [] {
      let item = try node.object(allowing: ["name", "circuits", "zone", "processedData", "azureId", "notes"])
      trafficCollectors.append(
        TrafficCollector(
          name: try uniqueName(item),
          circuits: try item.nonEmptyStrings("circuits"),
          zone: try item.optional("zone")?.oneOf(Zone.self),
          processedData: try item.optional("processedData").map { node throws(Diagnostic) in try readVolume(node) },
          origin: node.location))
      try readAzureId(
        item, "Traffic Collector '\(trafficCollectors[trafficCollectors.count - 1].name)'",
        types: ["microsoft.networkfunction/azuretrafficcollectors"])
    }
    for node in try object.optional("vpnGateways")?.array() ?? [] {
      let item = try node.object(allowing: ["name", "sku", "count", "azureId", "notes"])
      vpnGateways.append(
        VPNGateway(
          name: try uniqueName(item), sku: try item.required("sku").oneOf(VPNGatewaySKU.self),
          count: try item.optional("count")?.int(in: 1...1000) ?? 1, origin: node.location))
      try readAzureId(
        item, "VPN gateway '\(vpnGateways[vpnGateways.count - 1].name)'",
        types: ["microsoft.network/virtualnetworkgateways", "microsoft.network/vpngateways"])
    }
    charges = try UserCharge.list(object.optional("charges"))
    for node in try object.optional("virtualWANHubs")?.array() ?? [] {
      let item = try node.object(allowing: ["name", "scaleUnits", "connections", "azureId", "notes"])
      virtualWANHubs.append(
        VirtualWANHub(
          name: try uniqueName(item), scaleUnits: try item.required("scaleUnits").int(in: 1...1000),
          connections: try item.optional("connections")?.int(in: 0...1000) ?? 0, origin: node.location))
      try readAzureId(
        item, "Virtual WAN hub '\(virtualWANHubs[virtualWANHubs.count - 1].name)'",
        types: ["microsoft.network/virtualhubs", "microsoft.network/expressroutegateways"])
    }
    if circuits.isEmpty && directPorts.isEmpty && gateways.isEmpty && vpnGateways.isEmpty && trafficCollectors.isEmpty
      && charges.isEmpty
      && virtualWANHubs.isEmpty
    {
      throw node.error(
        "the deployment has nothing to price (expected at least one of 'circuits', 'directPorts', 'gateways', 'trafficCollectors' or 'vpnGateways')"
      )
    }
  }
}

/// Reads a data-volume string such as `"40 TB"`.
package func readVolume(_ node: JSONNode) throws(Diagnostic) -> DataVolume {
  try node.parsed(as: DataVolume.expectedFormat, mistake: DataVolume.unitMistake(in:)) { DataVolume(parsing: $0) }
}
