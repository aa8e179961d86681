import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// An ARM template is priced as Azure would deploy it: copy loops as their copies, false conditions not at all,
/// nested inline templates in their scope, linked templates as not priced. The resources follow the
/// `Microsoft.Network/expressRouteCircuits` and `Microsoft.Resources/deployments` template reference (learn.microsoft.com
/// `templates/microsoft.resources/deployments`: `properties.template`, `templateLink`,
/// `expressionEvaluationOptions.scope`; `copy` with `name` and `count`; `condition`).
@Suite struct ARMTemplateDeploymentTests {
  /// A circuit resource at Amsterdam of `mbps`, named `name` (text, possibly an expression), with extra members.
  static func circuit(_ name: String, mbps: Int, _ extra: String = "") -> String {
    #"{"type": "Microsoft.Network/expressRouteCircuits", "apiVersion": "2023-09-01", "name": "\#(name)", "location": "westeurope", "sku": {"name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData"}, "properties": {"serviceProviderProperties": {"serviceProviderName": "Equinix", "peeringLocation": "Amsterdam", "bandwidthInMbps": \#(mbps)}}\#(extra)}"#
  }

  static func template(_ resources: [String], parameters: String = "{}") -> String {
    #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": \#(parameters), "resources": [\#(resources.joined(separator: ",\n"))]}"#
  }

  static func quote(_ text: String, _ name: String) throws -> (RunResult, [String: Any]?) {
    let directory = try temporaryDirectory("ercalc-arm-template")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try write(text, to: directory, name)
    let run = ercalc("quote", "--from", file, "--egress", "0GB", "--format", "json")
    let root = try? JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
    return (run, root?["quote"] as? [String: Any])
  }

  static func total(_ report: [String: Any]?) -> String? { report?["monthlyTotal"] as? String }

  @Test func copyLoopsAndConditionsDeployWhatAzureWould() throws {
    // Two copies of a 50 Mbps circuit (count from a parameter, names from copyIndex(1)), a 1 Gbps circuit whose
    // condition is a false parameter: 2 × 55.00 = 110.00 (the 1 Gbps circuit's 436.00 is not deployed).
    let text = Self.template(
      [
        Self.circuit(
          "[concat('c', copyIndex(1))]", mbps: 50, #", "copy": {"name": "loop", "count": "[parameters('n')]"}"#),
        Self.circuit("big", mbps: 1000, #", "condition": "[parameters('deployBig')]""#),
      ], parameters: #"{"n": {"type": "int", "defaultValue": 2}, "deployBig": {"type": "bool", "defaultValue": false}}"#
    )
    let (run, report) = try Self.quote(text, "loops.json")
    #expect(run.status == .success, "\(run.errors)")
    #expect(Self.total(report) == "110.00", "\(run.output)")
    let resources = Set((report?["lineItems"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String })
    #expect(resources == ["circuit 'c1'", "circuit 'c2'"])
  }

  @Test func copiesWhoseNamesAreNotEvaluatedAreEachPriced() throws {
    // Three copies of a 50 Mbps circuit: names by toLower(concat(…)) (evaluated: 'er-x1' … 'er-x3') and by
    // uniqueString() (not evaluated: each copy told apart by its number). Azure names each copy apart, so each is a
    // circuit: 3 × 55.00 = 165.00 either way (the uniqueString() names were priced once, 55.00, as "declared again").
    for (name, expected) in [
      ("[toLower(concat('ER-X', copyIndex(1)))]", ["circuit 'er-x1'", "circuit 'er-x2'", "circuit 'er-x3'"]),
      (
        "[format('er-{0}-{1}', uniqueString(resourceGroup().id), copyIndex())]",
        (1...3).map { "circuit '[format('er-{0}-{1}', uniqueString(resourceGroup().id), copyIndex())] (copy \($0))'" }
      ),
    ] {
      let text = Self.template([Self.circuit(name, mbps: 50, #", "copy": {"name": "loop", "count": 3}"#)])
      let (run, report) = try Self.quote(text, "copies.json")
      #expect(run.status == .success, "\(run.errors)")
      #expect(Self.total(report) == "165.00", "\(run.output)")
      let resources = Set((report?["lineItems"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String })
      #expect(resources == Set(expected), "\(resources)")
    }
  }

  @Test func aResourceListedTwiceInAnExportIsPricedOnce() throws {
    // `az network express-route list` output read twice (or two overlapping exports): the same ARM ID twice, once in
    // capitals, is one circuit, 55.00 (it was 110.00); the same ID with other properties is refused (exit 65).
    let id = "/subscriptions/1111/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-ams"
    func listed(_ id: String, mbps: Int) -> String {
      #"{"id": "\#(id)", "name": "er-ams", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "sku": {"name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData"}, "serviceProviderProperties": {"serviceProviderName": "Equinix", "peeringLocation": "Amsterdam", "bandwidthInMbps": \#(mbps)}}"#
    }
    let (run, report) = try Self.quote(
      "[\(listed(id, mbps: 50)), \(listed(id.uppercased() + "/", mbps: 50))]", "l.json")
    #expect(run.status == .success, "\(run.errors)")
    #expect(Self.total(report) == "55.00", "\(run.output)")
    #expect((report?["notes"] as? [String])?.contains { $0.contains("is listed again") } == true)
    let (differing, _) = try Self.quote("[\(listed(id, mbps: 50)), \(listed(id, mbps: 1000))]", "d.json")
    #expect(differing.status == .dataError)
    #expect(differing.errors.contains("is listed again with other properties"), "\(differing.errors)")
  }

  @Test func anEstatesEgressIsEachCircuitsAndSaysSo() throws {
    // Two 50 Mbps metered circuits without a volume of their own, --egress 10TB: each is billed 10,000 GB × 0.025 =
    // 250.00, so 2 × (55 + 250) = 610.00, and the quote says 20,000 GB are billed in all.
    let text = Self.template(
      [Self.circuit("ams-a", mbps: 50), Self.circuit("ams-b", mbps: 50)])
    let directory = try temporaryDirectory("ercalc-estate-egress")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try write(text, to: directory, "two.json")
    let run = ercalc("quote", "--from", file, "--egress", "10TB")
    #expect(run.status == .success, "\(run.errors)")
    #expect(run.output.contains("Monthly total:            610.00 USD"), "\(run.output)")
    #expect(
      run.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "10,000 GB of outbound data a month is each circuit's without a volume of its own: 2 metered circuits ('ams-a', 'ams-b') are billed for it, 20,000 GB in all"
      ), "\(run.output)")
  }

  @Test func anEstatesConnectionsTieCircuitsToTheirGateway() throws {
    // `az network express-route list` + `az network vnet-gateway list` + `az network vpn-connection list` shapes
    // (properties flattened, as az prints them): circuits c0…c(n−1) at Amsterdam, an ErGw1AZ gateway, one ExpressRoute
    // connection per circuit. Four are priced: 4 × 436 + 730 × 0.361 = 1,744 + 263.53 = 2,007.53; five break the
    // gateway's limit (ErGw1AZ connects 4), as the same design in a deployment file does (it was priced, 2,443.53).
    let base = "/subscriptions/1111/resourceGroups/rg/providers/Microsoft.Network"
    func estate(_ count: Int) -> String {
      let circuits = (0..<count).map {
        #"{"id": "\#(base)/expressRouteCircuits/c\#($0)", "name": "c\#($0)", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "sku": {"name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData"}, "serviceProviderProperties": {"bandwidthInMbps": 1000, "peeringLocation": "Amsterdam", "serviceProviderName": "Equinix"}}"#
      }
      let gateway =
        #"{"id": "\#(base)/virtualNetworkGateways/gw", "name": "gw", "type": "Microsoft.Network/virtualNetworkGateways", "location": "westeurope", "gatewayType": "ExpressRoute", "sku": {"name": "ErGw1AZ", "tier": "ErGw1AZ"}}"#
      let connections = (0..<count).map {
        #"{"id": "\#(base)/connections/conn\#($0)", "name": "conn\#($0)", "type": "Microsoft.Network/connections", "location": "westeurope", "connectionType": "ExpressRoute", "virtualNetworkGateway1": {"id": "\#(base)/virtualNetworkGateways/gw"}, "peer": {"id": "\#(base)/expressRouteCircuits/c\#($0)"}}"#
      }
      return "[" + (circuits + [gateway] + connections).joined(separator: ",\n") + "]"
    }
    let directory = try temporaryDirectory("ercalc-estate-connections")
    defer { try? FileManager.default.removeItem(at: directory) }
    let four = ercalc("quote", "--from", try write(estate(4), to: directory, "four.json"), "--egress", "0GB")
    #expect(four.status == .success, "\(four.errors)")
    #expect(four.output.contains("Monthly total:            2,007.53 USD"), "\(four.output)")
    // A fifth connection to a circuit outside the export: priced as four, and the quote says the limit was checked
    // without it.
    let far =
      estate(4).dropLast()
      + #",{"id": "\#(base)/connections/k4", "name": "k4", "type": "Microsoft.Network/connections", "connectionType": "ExpressRoute", "virtualNetworkGateway1": {"id": "\#(base)/virtualNetworkGateways/gw"}, "peer": {"id": "/subscriptions/2222/resourceGroups/z/providers/Microsoft.Network/expressRouteCircuits/far"}}]"#
    let partial = ercalc("quote", "--from", try write(String(far), to: directory, "far.json"), "--egress", "0GB")
    #expect(partial.output.contains("Monthly total:            2,007.53 USD"), "\(partial.output) \(partial.errors)")
    #expect(
      partial.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "connection 'k4': its circuit 'far' is not in this export, so the gateway's circuit limits"))
    let five = ercalc("quote", "--from", try write(estate(5), to: directory, "five.json"), "--egress", "0GB")
    #expect(five.status == .dataError)
    #expect(
      five.errors.contains("[gateway-circuit-limit] gateway 'gw' connects 5 circuits; ErGw1AZ allows 4"),
      "\(five.errors)")
    // audit applies the same rules to the estate (it audited the five circuits, exit 0).
    let series = try write(
      "Time,Circuit,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,c0,1,2\n2026-01-01T01:00:00Z,c0,1,2\n",
      to: directory, "c0.csv")
    let audited = ercalc(
      "audit", "--from", directory.appendingPathComponent("five.json").path, "--series", series)
    #expect(audited.status == .dataError, "\(audited.output)")
    #expect(audited.errors.contains("[gateway-circuit-limit]"), "\(audited.errors)")
  }

  @Test func aLocationLeftAsAnExpressionSaysSo() throws {
    // `parameters('locs')[copyIndex()]` (an array index ercalc does not evaluate) as the peering location: each copy is
    // listed as not priced, and the message says the expression was not evaluated (it read as a location name).
    let circuit = Self.circuit("[concat('c', copyIndex(1))]", mbps: 50, #", "copy": {"name": "loop", "count": 2}"#)
      .replacingOccurrences(
        of: #""peeringLocation": "Amsterdam""#, with: #""peeringLocation": "[parameters('locs')[copyIndex()]]""#)
    let text = Self.template(
      [circuit], parameters: #"{"locs": {"type": "array", "defaultValue": ["Amsterdam", "London"]}}"#)
    let directory = try temporaryDirectory("ercalc-arm-index")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = ercalc("quote", "--from", try write(text, to: directory, "index.json"))
    let output = run.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      output.contains(
        "is not a known peering location (run 'ercalc prices locations' for the list); not priced (the ARM template expression [parameters('locs')[copyIndex()]] was not evaluated"
      ), "\(run.output) \(run.errors)")
  }

  @Test func nestedInlineTemplatesAreReadInTheirScope() throws {
    // Outer scope: the inner circuit's name comes from the outer parameter ('outer-ckt', 1 Gbps: 436.00). Inner scope:
    // the deployment passes its own parameter ('inner-ckt', 50 Mbps: 55.00). With the outer 50 Mbps: 546.00.
    let outer =
      #"{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "outerScope", "properties": {"mode": "Incremental", "template": {"resources": [\#(Self.circuit("[parameters('outerName')]", mbps: 1000))]}}}"#
    let inner =
      #"{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "innerScope", "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"}, "parameters": {"circuitName": {"value": "[concat(parameters('outerName'), '-inner')]"}}, "template": {"parameters": {"circuitName": {"type": "string"}}, "resources": [\#(Self.circuit("[parameters('circuitName')]", mbps: 50))]}}}"#
    let text = Self.template(
      [Self.circuit("top", mbps: 50), outer, inner],
      parameters: #"{"outerName": {"type": "string", "defaultValue": "outer-ckt"}}"#)
    let (run, report) = try Self.quote(text, "nested.json")
    #expect(run.status == .success, "\(run.errors)")
    #expect(Self.total(report) == "546.00", "\(run.output)")
    let resources = Set((report?["lineItems"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? String })
    #expect(resources == ["circuit 'top'", "circuit 'outer-ckt'", "circuit 'outer-ckt-inner'"])
  }

  @Test func aLinkedTemplateLeavesTheQuoteIncomplete() throws {
    let linked =
      #"{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "linked", "properties": {"mode": "Incremental", "templateLink": {"uri": "https://example.com/er.json"}}}"#
    let (run, report) = try Self.quote(Self.template([Self.circuit("top", mbps: 50), linked]), "linked.json")
    #expect(run.status == .success, "\(run.errors)")
    #expect(report?["complete"] as? Bool == false, "\(run.output)")
    #expect(
      run.output.contains("nested deployment 'linked': a linked template (templateLink), which ercalc does not fetch"))
  }

  @Test func aLoopOrConditionErcalcCannotEvaluateIsRefused() throws {
    let count = Self.template([
      Self.circuit("c", mbps: 50, #", "copy": {"name": "loop", "count": "[length(parameters('sites'))]"}"#)
    ])
    let (loop, _) = try Self.quote(count, "count.json")
    #expect(loop.status == .dataError)
    #expect(loop.errors.contains("is not a whole number from 0 to 800 ercalc can evaluate"), "\(loop.errors)")
    #expect(loop.errors.contains("function 'length()' is not evaluated by ercalc"), "\(loop.errors)")
    let condition = Self.template([Self.circuit("c", mbps: 50, #", "condition": "[equals(1, 1)]""#)])
    let (unknown, _) = try Self.quote(condition, "condition.json")
    #expect(unknown.status == .dataError)
    #expect(unknown.errors.contains("whether the resource is deployed is unknown"), "\(unknown.errors)")
  }

  /// A Global Reach connection written as a child resource names its peerings with `resourceId()`: both circuits of
  /// the template are found, and the link's four legs are listed (unpriced without volumes), not "not in this export".
  @Test func aGlobalReachConnectionNamedByResourceIdFindsItsCircuits() throws {
    let connection =
      #"{"type": "Microsoft.Network/expressRouteCircuits/peerings/connections", "apiVersion": "2023-09-01", "name": "ams/AzurePrivatePeering/ams-to-lon", "properties": {"expressRouteCircuitPeering": {"id": "[resourceId('Microsoft.Network/expressRouteCircuits/peerings', 'ams', 'AzurePrivatePeering')]"}, "peerExpressRouteCircuitPeering": {"id": "[resourceId('Microsoft.Network/expressRouteCircuits/peerings', 'lon', 'AzurePrivatePeering')]"}, "addressPrefix": "192.168.8.0/29"}}"#
    let london = Self.circuit("lon", mbps: 50).replacingOccurrences(of: "Amsterdam", with: "London")
    let (run, report) = try Self.quote(Self.template([Self.circuit("ams", mbps: 50), london, connection]), "gr.json")
    #expect(run.status == .success, "\(run.errors)")
    let reach = (report?["unpriced"] as? [[String: Any]] ?? []).filter {
      ($0["resource"] as? String) == "Global Reach ams <-> lon"
    }
    #expect(reach.count == 4, "\(run.output)")
    #expect(!run.output.contains("not in this export"), "\(run.output)")
  }

  /// Child resources nested in their parent's `resources`, with short types and names (a peering, and in it a Global
  /// Reach connection), are read like top-level ones: the link's four legs are listed, not silently dropped.
  @Test func childResourcesNestedInTheirParentAreRead() throws {
    let connection =
      #"{"type": "connections", "apiVersion": "2023-09-01", "name": "ams-to-lon", "properties": {"expressRouteCircuitPeering": {"id": "[resourceId('Microsoft.Network/expressRouteCircuits/peerings', 'ams', 'AzurePrivatePeering')]"}, "peerExpressRouteCircuitPeering": {"id": "[resourceId('Microsoft.Network/expressRouteCircuits/peerings', 'lon', 'AzurePrivatePeering')]"}, "addressPrefix": "192.168.8.0/29"}}"#
    let peering =
      #", "resources": [{"type": "peerings", "apiVersion": "2023-09-01", "name": "AzurePrivatePeering", "properties": {"peeringType": "AzurePrivatePeering"}, "resources": [\#(connection)]}]"#
    let london = Self.circuit("lon", mbps: 50).replacingOccurrences(of: "Amsterdam", with: "London")
    let (run, report) = try Self.quote(Self.template([Self.circuit("ams", mbps: 50, peering), london]), "child.json")
    #expect(run.status == .success, "\(run.errors)")
    let reach = (report?["unpriced"] as? [[String: Any]] ?? []).filter {
      ($0["resource"] as? String) == "Global Reach ams <-> lon"
    }
    #expect(reach.count == 4, "\(run.output)")
  }

  /// One resource declared twice in one resource group (a constant name in a copy loop) is one resource: priced once.
  @Test func aResourceDeclaredAgainIsPricedOnce() throws {
    // 3 copies of circuit 'same' (50 Mbps Standard MeteredData, 55.00): one circuit, 55.00.
    let text = Self.template([Self.circuit("same", mbps: 50, #", "copy": {"name": "loop", "count": 3}"#)])
    let (run, report) = try Self.quote(text, "again.json")
    #expect(run.status == .success, "\(run.errors)")
    #expect(Self.total(report) == "55.00", "\(run.output)")
    #expect(run.output.contains("is declared again in the same resource group: one resource, priced once"))
  }

  /// The same circuit name in another resource group (a nested deployment's `resourceGroup`) is another circuit:
  /// named with its group and priced at its own location; a differing declaration in one group is refused.
  @Test func theSameNameInAnotherResourceGroupIsAnotherCircuit() throws {
    let singapore = Self.circuit("p0", mbps: 50).replacingOccurrences(of: "Amsterdam", with: "Singapore")
    let nested =
      #"{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "other", "resourceGroup": "rg2", "properties": {"mode": "Incremental", "template": {"resources": [\#(singapore)]}}}"#
    let (run, report) = try Self.quote(Self.template([Self.circuit("p0", mbps: 50), nested]), "groups.json")
    #expect(run.status == .success, "\(run.errors)")
    // Two circuits, each at its own location's zone: Standard MeteredData 50 Mbps is 55.00 a month in Zone 1
    // (Amsterdam) and in Zone 2 (Singapore) alike; their outbound data is 0.025 and 0.05 a GB.
    let items = report?["lineItems"] as? [[String: Any]] ?? []
    let meters = Set(items.compactMap { "\($0["resource"] ?? "") \($0["meter"] ?? "")" })
    #expect(meters.contains("circuit 'p0' Standard MeteredData 50 Mbps circuit, Zone 1"), "\(meters)")
    #expect(meters.contains("circuit 'p0 (rg2)' Standard MeteredData 50 Mbps circuit, Zone 2"), "\(meters)")
    // One name declared twice in one group with another size: refused (exit 65).
    let twice = Self.template([Self.circuit("er", mbps: 50), Self.circuit("er", mbps: 1000)])
    let (refused, _) = try Self.quote(twice, "twice.json")
    #expect(refused.status == .dataError)
    #expect(refused.errors.contains("is declared again in the same resource group with other properties"))
  }
}
