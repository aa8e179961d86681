import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc diff --from plan.json` (the change a Terraform plan makes) and `--from A --from B` (two estates).
@Suite struct PlanDiffTests {
  // terraform-change-plan.json: ams-er (Standard UnlimitedData, Zone 1) grows 1 → 2 Gbps, lon-er is replaced
  // (London → London2), fra-er is unchanged, an ErGw2AZ gateway is created and a VpnGw1AZ gateway destroyed.
  // Before: 3 × 5,700 (1 Gbps circuits) + VpnGw1AZ 730 × 0.21 (153.30) = 17,253.30.
  // After: 11,400 (2 Gbps) + 2 × 5,700 + ErGw2AZ 730 × 0.632 (461.36) = 23,261.36.
  // Change: 23,261.36 − 17,253.30 = +6,008.06.
  @Test func planChangeIsPricedFromBeforeAndAfter() {
    let result = ercalc("diff", "--from", fixture("existing/terraform-change-plan.json"))
    #expect(result.status == .success)
    #expect(result.output.contains("Before:          terraform-change-plan (before): 17,253.30 USD\n"))
    #expect(result.output.contains("After:           terraform-change-plan (after): 23,261.36 USD\n"))
    #expect(result.output.contains("Change:          +6,008.06 USD (+34.8%)\n"))
    #expect(
      result.output.contains(
        "VPN gateway 'weu-vpn' · VpnGw1AZ VPN gateway                         153.30          -     -153.30\n"))
    #expect(
      result.output.contains(
        "gateway 'weu-ergw' · ErGw2AZ gateway                                      -     461.36     +461.36\n"))
    // Every ExpressRoute resource change with its action; the resource group and the data source are not listed.
    #expect(result.output.contains("azurerm_express_route_circuit.ams    changed\n"))
    #expect(result.output.contains("azurerm_express_route_circuit.lon    replaced\n"))
    #expect(result.output.contains("azurerm_virtual_network_gateway.er   created\n"))
    #expect(result.output.contains("azurerm_virtual_network_gateway.vpn  destroyed\n"))
    #expect(!result.output.contains("azurerm_resource_group"))
    // The replaced circuit runs one month alongside its successor: UnlimitedData 1 Gbps at both ends, 5,700 + 5,700 − 5,700
    // = 5,700.00 one-time (no egress to move).
    #expect(
      result.output.contains(
        "lon-er   the plan destroys and re-creates it; another peering location (London to London2)       1                    5,700.00\n"
      ))
  }

  @Test func planChangeInJSONAndCSV() {
    let json = ercalc("diff", "--from", fixture("existing/terraform-change-plan.json"), "--format", "json")
    #expect(json.output.contains("\"change\": \"6008.06\""))
    #expect(
      json.output.contains(
        "{\n      \"resource\": \"azurerm_express_route_circuit.lon\",\n      \"action\": \"replaced\"\n    }"))
    #expect(json.output.contains("\"circuit\": \"lon-er\""))
    // The CSV is FOCUS rows of both sides: the VPN gateway the plan destroys is on the before side only.
    let csv = CSVTable(
      ercalc("diff", "--from", fixture("existing/terraform-change-plan.json"), "--format", "csv").output)
    let vpn = csv.rows(where: "ResourceName", is: "weu-vpn")
    #expect(
      vpn.map { [$0["x_Scenario"], $0["BilledCost"], $0["ResourceType"]] } == [["before", "153.30", "VPN gateway"]])
    // The plan's prior state gives its ARM ID and region: ResourceId, SubAccountId, RegionId.
    #expect(
      vpn.first?["ResourceId"]
        == "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworkGateways/weu-vpn"
    )
    #expect(vpn.first?["SubAccountId"] == "/subscriptions/11111111-2222-3333-4444-555555555555")
    #expect(vpn.first?["RegionId"] == "westeurope")
  }

  @Test func failAboveGatesTheIncrease() {
    // +6,008.06 a month: over 5,000 fails, under 6,100 passes.
    let over = ercalc("diff", "--from", fixture("existing/terraform-change-plan.json"), "--fail-above", "5000")
    #expect(over.status == .failure)
    #expect(over.errors.contains("error: monthly increase 6,008.06 USD exceeds --fail-above 5,000.00 USD"))
    let under = ercalc("diff", "--from", fixture("existing/terraform-change-plan.json"), "--fail-above", "6100")
    #expect(under.status == .success)
  }

  @Test func twoEstatesOfDifferentFormatsDiff() {
    // az-estate (11,950.66 priced, six charges unpriced) against terraform-plan (12,870.95, complete):
    // the change is unknown, and the priced part is 12,870.95 − 11,950.66 = +920.29.
    let result = ercalc(
      "diff", "--from", fixture("existing/az-estate.json"), "--from", fixture("existing/terraform-plan.json"))
    #expect(result.status == .success)
    #expect(
      result.output.contains("Change:          unknown: 6 items are not priced (priced items alone: +920.29 USD)\n"))
    let gated = ercalc(
      "diff", "--from", fixture("existing/az-estate.json"), "--from", fixture("existing/terraform-plan.json"),
      "--fail-above", "100000")
    #expect(gated.status == .failure)
    #expect(gated.errors.contains("--fail-above cannot pass: 6 charges were not priced"))
  }

  @Test func wrongShapesAreUsageOrDataErrors() {
    // A state or az export has one side only.
    let single = ercalc("diff", "--from", fixture("existing/az-estate.json"))
    #expect(single.status == .dataError)
    #expect(single.errors.contains("expected a Terraform plan with 'resource_changes'"))
    let three = ercalc(
      "diff", "--from", fixture("existing/az-estate.json"), "--from", fixture("existing/az-estate.json"), "--from",
      fixture("existing/az-estate.json")
    )
    #expect(three.status == .usage)
    let mixed = ercalc("diff", "--from", fixture("existing/az-estate.json"), fixture("existing/az-estate.json"))
    #expect(mixed.status == .usage)
  }
}
