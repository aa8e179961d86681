import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The trace from a value known only after apply to the resource its expression names, on the `configuration`
/// shape of `terraform show -json PLAN` (developer.hashicorp.com/terraform/internals/json-format).
@Suite struct TerraformConfigurationTests {
  private func configuration(_ json: String) throws -> TerraformConfiguration {
    let node = try JSONNode.parse(Data(json.utf8), file: "plan.json")
    return try TerraformConfiguration(plan: node.object())
  }

  @Test func followsVariablesAndOutputsAcrossNestedModules() throws {
    // module.edge.module.circuit's port_id ← module.edge's var.port ← root module.ports.id output ← the port.
    let plan = try configuration(
      """
      {"configuration": {"root_module": {"module_calls": {
        "ports": {"module": {
          "outputs": {"id": {"expression": {"references": ["azurerm_express_route_port.p[0].id", "azurerm_express_route_port.p"]}}},
          "resources": [{"address": "azurerm_express_route_port.p", "expressions": {}}]}},
        "edge": {"expressions": {"port": {"references": ["module.ports.id", "module.ports"]}}, "module": {"module_calls": {
          "circuit": {"expressions": {"port_id": {"references": ["var.port"]}}, "module": {"resources": [
            {"address": "azurerm_express_route_circuit.c", "expressions": {"express_route_port_id": {"references": ["var.port_id"]}}}]}}}}}}}}}
      """)
    #expect(
      plan.resource(
        for: "module.edge.module.circuit.azurerm_express_route_circuit.c[\"a\"]", attribute: "express_route_port_id",
        ofType: "azurerm_express_route_port") == "module.ports.azurerm_express_route_port.p")
    // A reference of another type, and an attribute with no expression, lead nowhere.
    #expect(
      plan.resource(
        for: "module.edge.module.circuit.azurerm_express_route_circuit.c", attribute: "express_route_port_id",
        ofType: "azurerm_virtual_hub")
        == nil)
    #expect(
      plan.resource(
        for: "module.edge.module.circuit.azurerm_express_route_circuit.c", attribute: "peering_location",
        ofType: "azurerm_express_route_port")
        == nil)
  }

  @Test func aPlanWithoutConfigurationTracesNothing() throws {
    let plan = try configuration(#"{"format_version": "1.2"}"#)
    #expect(
      plan.resource(
        for: "azurerm_express_route_circuit.c", attribute: "express_route_port_id", ofType: "azurerm_express_route_port"
      ) == nil)
    #expect(TerraformConfiguration.normalized("module.a[0].azurerm_x.y[\"k\"]") == "module.a.azurerm_x.y")
  }
}
