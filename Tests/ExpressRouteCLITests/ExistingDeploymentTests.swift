import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

@Suite struct ExistingDeploymentTests {
  @Test func azListOutputIsPricedAndTheRestListed() {
    let result = ercalc("quote", "--from", fixture("existing/az-estate.json"), "--format", "json")
    #expect(result.status == .success)
    // Premium MeteredData 1 Gbps Zone 1 (1,186) + Premium UnlimitedData 1 Gbps Zone 2 (10,150)
    // + ErGw2AZ 730 × 0.632 (461.36) + VpnGw1AZ 730 × 0.21 (153.30) = 11,950.66.
    #expect(result.output.contains("\"monthlyTotal\": \"11950.66\""))
    #expect(result.output.contains("\"resource\": \"Direct port pair 'ams-direct'\""))
    // The metered circuit's outbound volume is unknown: listed with no quantity, never 0.00.
    #expect(
      result.output.contains(
        "\"quantity\": null,\n        \"reason\": \"outbound data per month not given (MeteredData charges every GB out; give the volume, or measure it from traffic)\""
      ))
    // The storage account is named, outside the quote, and not counted as an unpriced charge.
    #expect(
      result.output.contains(
        "\"outOfScopeResources\": [\n      \"Microsoft.Storage/storageAccounts 'logs': not an ExpressRoute resource\"\n    ]"
      ))
    // The Global Reach link's volumes are unknown too: out of one circuit and into the other, each way (4 meters).
    #expect(
      result.output.contains(
        "\"reason\": \"data volume from 'ams-er' to 'sin-er' not given (Global Reach is charged per GB out and in)\""))
    #expect(
      result.errors
        == "warning: 6 charges could not be priced and are not in the total; see 'Not priced' (give outbound volumes with --egress)\n"
    )
  }

  @Test func egressFlagFillsUnknownVolumes() {
    // ams-er metered: + 10,000 GB × 0.025 = 250.00 → 12,200.66.
    let result = ercalc("quote", "--from", fixture("existing/az-estate.json"), "--egress", "10TB", "--format", "json")
    #expect(result.output.contains("\"monthlyTotal\": \"12200.66\""))
  }

  @Test func terraformPlanIsPriced() {
    let result = ercalc("quote", "--from", fixture("existing/terraform-plan.json"))
    #expect(result.status == .success)
    // Standard UnlimitedData 2 Gbps Zone 1 (11,400) + ErGw1AZ (263.53) + VpnGw2AZ in a child module 730 × 0.564 (411.72)
    // + the Virtual WAN hub of azurerm_express_route_gateway.hub: 730 × 0.25 = 182.50 and 2 scale units 2 × 730 × 0.42 = 613.20
    // = 12,870.95.
    // The resource group is outside the quote (listed, not unpriced), so the total is complete.
    #expect(result.output.contains("Monthly total:            12,870.95 USD\n"))
    #expect(
      result.output.contains(
        "- azurerm_resource_group.network: azurerm_resource_group is not an ExpressRoute resource\n"))
    #expect(
      result.output.contains(
        "Virtual WAN hub 'vwan-er'  Virtual WAN ExpressRoute scale units from unit 1     1,460  hour         0.42        613.20  CONFIRMED\n"
      ))
  }

  @Test func terraformCircuitOnAPortFromTheSamePlanIsTracedThroughModules() {
    // module.circuits' express_route_port_id = var.port_id ← module.ports.port_id ← azurerm_express_route_port.primary.id.
    let result = ercalc("quote", "--from", fixture("existing/terraform-direct-plan.json"), "--egress", "1000GB")
    #expect(result.status == .success)
    // Only the circuit on the port is priced: MeteredData Zone 1 (Amsterdam) 1,000 GB × 0.025 = 25.00; the circuit fee is in the
    // port-pair fee, and the 10 Gbps port-pair fee has no published price (listed as not priced).
    #expect(result.output.contains("Monthly total:            25.00 USD (excludes 2 unpriced items)\n"))
    #expect(
      result.output.contains(
        "circuit 'ams-direct-er'  Metered outbound data, Zone 1     1,000  GB         0.025         25.00  CONFIRMED\n")
    )
    let flat = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      flat.contains(
        "- module.circuits.azurerm_express_route_circuit.this[0]: express_route_port_id is known only after apply; traced through the plan's configuration to module.ports.azurerm_express_route_port.primary\n"
      ))
    // The root circuit's port comes from a variable the plan does not bind to a port: listed with the reason, not dropped.
    #expect(
      flat.contains(
        "- azurerm_express_route_circuit.legacy: express_route_port_id is known only after apply and its references (var.existing_port_id) do not lead to one azurerm_express_route_port in this plan; not priced\n"
      ))
  }

  @Test func armTemplateExpressionsAreEvaluatedFromDefaultsAndAParametersFile() {
    // Defaults: Premium MeteredData 50 Mbps at Washington DC (Zone 1) 130.00 + legacy Standard gateway 730 × 0.19 = 138.70
    // → 268.70; the circuit's name comes from parameters(), the gateway's from concat(), the SKU name from format().
    let defaults = ercalc("quote", "--from", fixture("existing/arm-template.json"))
    #expect(defaults.status == .success, "\(defaults.errors)")
    #expect(defaults.output.contains("Monthly total:            268.70 USD (excludes 1 unpriced item)\n"))
    #expect(defaults.output.contains("gateway 'er-ckt01-gw'  Standard gateway "))
    // The parameters file (azuredeploy.parameters.json shape) wins: Standard 1 Gbps 436.00 + 1,000 GB × 0.025 = 25.00
    // + ErGw1AZ 730 × 0.361 = 263.53 → 724.53.
    let given = ercalc(
      "quote", "--from", fixture("existing/arm-template.json"), "--parameters",
      fixture("existing/arm-template.parameters.json"),
      "--egress", "1000GB")
    #expect(given.status == .success, "\(given.errors)")
    #expect(given.output.contains("Monthly total:            724.53 USD\n"))
    #expect(given.output.contains("circuit 'er-ckt01'     Standard MeteredData 1 Gbps circuit, Zone 1 "))
    // --parameters means nothing without --from.
    #expect(ercalc("quote", "--parameters", fixture("existing/arm-template.parameters.json")).status == .usage)
  }

  @Test func armExpressionsThatCannotBeEvaluatedAreNamed() throws {
    let directory = try temporaryDirectory("ercalc-arm")
    defer { try? FileManager.default.removeItem(at: directory) }
    let template = try String(contentsOfFile: fixture("existing/arm-template.json"), encoding: .utf8)
    // A gateway SKU chosen by if(): the gateway is listed as not priced, naming the expression; the circuit is still priced.
    let withIf = directory.appendingPathComponent("if.json").path
    try template.replacingOccurrences(
      of: #""sku": {"name": "[parameters('gatewaySku')]", "tier": "[parameters('gatewaySku')]"}"#,
      with: #""sku": {"name": "[if(equals(parameters('location'), 'eastus'), 'ErGw2AZ', 'ErGw1AZ')]"}"#
    ).write(toFile: withIf, atomically: true, encoding: .utf8)
    let skipped = ercalc("quote", "--from", withIf)
    #expect(skipped.status == .success)
    #expect(skipped.output.contains("Monthly total:            130.00 USD (excludes 2 unpriced items)\n"))
    #expect(
      skipped.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "was not evaluated: function 'if()' is not evaluated by ercalc (it evaluates parameters(), variables(), concat(), format(), toLower(), toUpper(), copyIndex() and resourceId()); give the value in a parameters file or in the template)"
      ))
    // A circuit tier from a parameter with no default and no parameters file: an error at the value, naming the expression.
    let noDefault = directory.appendingPathComponent("nodefault.json").path
    try template.replacingOccurrences(
      of: #""defaultValue": "Premium", "#, with: ""
    ).write(toFile: noDefault, atomically: true, encoding: .utf8)
    let failed = ercalc("quote", "--from", noDefault)
    #expect(failed.status == .dataError)
    #expect(
      failed.errors.hasPrefix(
        "\(noDefault):24:60: error: resources[0].sku.tier: '[parameters('erSKU_Tier')]' is not a known circuit SKU tier (expected 'Local', 'Standard' or 'Premium') (the ARM template expression [parameters('erSKU_Tier')] was not evaluated: parameter 'erSKU_Tier' has no value (no defaultValue in the template and none in a parameters file); give the value in a parameters file or in the template)"
      ), "\(failed.errors)")
  }

  @Test func wrongTypesInTerraformAreErrorsWithPaths() {
    let result = ercalc("quote", "--from", fixture("existing/terraform-bad-sku.json"))
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(fixture("existing/terraform-bad-sku.json")):40:25: error: planned_values.root_module.resources[1].values.sku[0].tier: 'Ultra' is not a known circuit SKU tier (expected 'Local', 'Standard' or 'Premium')\n"
    )
    let notJSON = ercalc("quote", "--from", fixture("two-circuits.csv"))
    #expect(notJSON.status == .dataError)
    #expect(
      notJSON.errors.hasPrefix(
        "\(fixture("two-circuits.csv")):1:1: error: invalid JSON: expected '{' or '[' at the start of the document, found 'T'"
      )
    )
  }

  @Test func auditComparesEachCircuitWithItsTraffic() {
    let result = ercalc(
      "audit", "--from", fixture("existing/az-estate.json"), "--series", fixture("existing/ams-er-metrics.json"),
      "--series",
      fixture("existing/sin-er-metrics.json"), "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    // ams-er: P95 100 Mbps → 125 Mbps needed → 200 Mbps. January 100 Mbps × 744 h = 33,480 GB, scaled to 730 h = 32,850 GB.
    // Global Reach to Singapore keeps it Premium: 295 + 32,850 × 0.025 = 1,116.25/month against today's 1,186 + 821.25 = 2,007.25.
    // Saving 12 × 891.00 = 10,692.00, less the lead month a smaller circuit needs: old 2,007.25 + new idle 295 − new 1,116.25
    // = 1,186.00 → 9,506.00.
    // sin-er: P95 300 Mbps → 500 Mbps; 98,550 GB × 0.05 + 1,090 = 6,017.50 metered > 6,000 unlimited (Zone 2).
    // Saving 12 × (10,150 − 6,000) = 49,800.00, less its lead month (10,150 + 6,000 − 6,000 = 10,150) → 39,650.00.
    // Total 49,156.00.
    #expect(result.output.contains("\"totalSaving\": \"49156.00\""))
    #expect(result.output.contains("\"recommended\": \"Premium MeteredData 200 Mbps\""))
    #expect(result.output.contains("\"recommended\": \"Premium UnlimitedData 500 Mbps\""))
    #expect(
      result.output.contains("\"skippedReason\": \"runs on ExpressRoute Direct; the audit sizes provider circuits\""))
  }

  @Test func resourceGraphShapesVirtualWANAndUnknownPortLocations() {
    // az graph query output ({"count", "data"}), a gateway whose SKU is under properties.sku (REST/ARM/Resource Graph),
    // a Virtual WAN ExpressRoute gateway, a Direct port at a documented port location and one at a derived one.
    // ams-er 5,700 + ErGw2AZ 730 × 0.632 = 461.36 + hub 730 × 0.25 = 182.50 + 3 scale units 3 × 730 × 0.42 = 919.80
    // + 2 connection units 2 × 730 × 0.05 = 73.00 = 7,336.66; the port pairs are listed as not priced (no port-pair price).
    let result = ercalc("quote", "--from", fixture("existing/graph-vwan-estate.json"), "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"monthlyTotal\": \"7336.66\""))
    // Equinix-Seattle-SE2 is a port location the table maps (facility Equinix SE2 = peering location Seattle): the pair is
    // placed and listed for its missing port-pair price, not for its location.
    #expect(
      result.output.contains(
        "Direct port pair 'sea-ports': port location Equinix-Seattle-SE2 is peering location Seattle (facility Equinix SE2; seen in er-direct-cli, 2019-05-20)"
      ))
    #expect(result.output.contains("\"resource\": \"Direct port pair 'sea-ports'\""))
    #expect(!result.output.contains("'Equinix-Seattle-SE2' is not a known peering location"))
    // Interxion-Amsterdam-AMS8 is a name the table derives from the page's Address column (Digital Realty(Interxion)
    // AMS8 = Amsterdam2), not one seen in Azure's output, and the note says so; its pair is listed for its port price.
    #expect(
      result.output.contains(
        "Direct port pair 'ams-ports': port location Interxion-Amsterdam-AMS8 is peering location Amsterdam2 (facility Digital Realty(Interxion) AMS8; name derived, not seen in Azure's output)"
      ))
    #expect(result.output.contains("\"resource\": \"Direct port pair 'ams-ports'\""))
  }

  @Test func azResourceListRowsSayWhatIsMissingAndHowToExport() {
    // az resource list gives "properties": null: the circuit's bandwidth and the gateway's type are not in the rows.
    let result = ercalc("quote", "--from", fixture("existing/az-resource-list.json"))
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "circuit 'ams-er': no bandwidth (expected serviceProviderProperties.bandwidthInMbps or bandwidthInGbps) (the row has \"properties\": null, as 'az resource list' returns it; export with 'az network express-route list', 'az network vnet-gateway list', 'az graph query' or 'az resource show' to price it)"
      ))
    #expect(
      result.errors.contains(
        "virtual network gateway 'weu-ergw': gatewayType '' is neither ExpressRoute nor Vpn (the row has \"properties\": null"
      ))
  }

  @Test func anEstateWithNothingToPriceSaysWhy() throws {
    let directory = try temporaryDirectory("ercalc-import")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("e.json").path
    try #"[{"type": "Microsoft.Storage/storageAccounts", "name": "logs"}]"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("quote", "--from", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "(1 other resource skipped; Microsoft.Storage/storageAccounts 'logs': not an ExpressRoute resource)"))
  }

  /// A resource read but not placed is named by its Terraform address in the CSV, not by its whole error message
  /// (review of issue 31), with its reason in `x_UnpricedReason`.
  @Test func anUnplacedResourceIsNamedByItsAddress() throws {
    let result = ercalc("quote", "--from", fixture("existing/terraform-direct-plan.json"), "--format", "csv")
    let row = try #require(CSVTable(result.output).rows.first { $0["ResourceType"] == "Other" })
    #expect(row["ResourceName"] == "azurerm_express_route_circuit.legacy")
    #expect(row["ResourceId"] == "ercalc:/plans/terraform-direct-plan/other/azurerm_express_route_circuit.legacy")
    #expect(row["x_UnpricedReason"]?.hasPrefix("express_route_port_id is known only after apply") == true)
  }

  /// A circuit the plan replaces keeps its ARM ID on the after side of the diff CSV (an ARM ID is the resource's path,
  /// and the successor has the same name), so the change pivots on one ResourceId (review of issue 31).
  @Test func aReplacedCircuitKeepsItsResourceIdAcrossTheDiff() throws {
    let id =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/network-rg/providers/Microsoft.Network"
      + "/expressRouteCircuits/lon-er"
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture("existing/terraform-change-plan.json")))
    var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var changes = try #require(document["resource_changes"] as? [[String: Any]])
    // lon-er's prior state gains its ARM ID (`change.before.id`), as a refreshed Terraform state has it.
    let position = try #require(changes.firstIndex { $0["address"] as? String == "azurerm_express_route_circuit.lon" })
    var change = try #require(changes[position]["change"] as? [String: Any])
    var prior = try #require(change["before"] as? [String: Any])
    prior["id"] = id
    change["before"] = prior
    changes[position]["change"] = change
    document["resource_changes"] = changes
    let withID = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.json")
    try withID.write(to: plan, atomically: true, encoding: .utf8)
    let result = ercalc("diff", "--from", plan.path, "--format", "csv")
    #expect(result.status == .success, "\(result.errors)")
    let rows = CSVTable(result.output).rows.filter { $0["ResourceName"] == "lon-er" }
    #expect(Set(rows.compactMap { $0["x_Scenario"] }) == ["before", "after"])
    #expect(rows.allSatisfy { $0["ResourceId"] == id }, "\(rows.map { $0["ResourceId"] ?? "" })")
  }

  /// A circuit that carries month 1 but is outgrown later has a month-1 cost, not "cannot carry it": while the plan
  /// keeps it, that cost is the plan's month 1.
  @Test func aCircuitOutgrownLaterStillHasItsFirstMonthCost() throws {
    let directory = try temporaryDirectory("ercalc-audit-first-month")
    defer { try? FileManager.default.removeItem(at: directory) }
    let estate = try write(
      #"[{"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-m", "name": "ams-m", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "sku": {"name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData"}, "peerings": [], "serviceProviderProperties": {"bandwidthInMbps": 1000, "peeringLocation": "Amsterdam", "serviceProviderName": "Equinix"}}]"#,
      to: directory, "estate.json")
    // Hourly samples, January to March 2027, outbound 450, 500 and 555 Mbps (about +11% a month): 1 Gbps carries
    // month 1 at 80% and is outgrown within the year.
    var csv = "Time,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
    for (month, days, rate) in [(1, 31, "450000000"), (2, 28, "500000000"), (3, 31, "555000000")] {
      for day in 1...days {
        for hour in 0..<24 {
          csv += String(format: "2027-%02d-%02dT%02d:00:00Z,ams-m,50000000,", month, day, hour) + rate + "\n"
        }
      }
    }
    let series = try write(csv, to: directory, "series.csv")
    let result = ercalc("audit", "--from", estate, "--series", series)
    #expect(result.status == .success, "\(result.errors)")
    let row = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("ams-m ") })
    #expect(!row.contains("cannot carry it"), "\(row)")
    #expect(result.output.contains("outgrown in month"), "\(result.output)")
    // Today, month 1 equals Recommended, month 1 (the plan keeps the circuit at first).
    let amounts = row.split(separator: " ").filter { $0.contains(".") && $0.first?.isNumber == true }
    #expect(amounts.count >= 2 && amounts[0] == amounts[1], "\(row)")
  }
}
