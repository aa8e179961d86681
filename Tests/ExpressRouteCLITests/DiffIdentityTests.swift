import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Resources that share a name in one import stay distinct (quote lines, diff pairing, FOCUS `ResourceId`), the
/// category table of a diff says the same as its headline, and two portfolios over different months are not compared.
///
/// Rates (PriceTables/expressroute-usd.json): Standard MeteredData 1 Gbps, Zone 1: 436.00 a month; Premium
/// UnlimitedData 1 Gbps, Zone 1: 6,450.00 a month.
@Suite struct DiffIdentityTests {
  // terraform-count-delete-metered-plan.json: `count = 2` circuits both named er-main (rg-a, rg-b), Standard
  // MeteredData 1 Gbps at Amsterdam, egress not given; the plan destroys er[1].
  // Before: 436 + 436 = 872.00; after: 436.00; priced items alone: 436 − 872 = −436.00. er[1]'s outbound data is
  // unknown and leaves with it, so the change is unknown (it was −436.00, complete, when the two were one name).
  @Test func destroyedSameNamedCircuitKeepsItsUnknownEgress() {
    let plan = fixture("existing/shared-name/terraform-count-delete-metered-plan.json")
    let text = ercalc("diff", "--from", plan)
    #expect(text.status == .success)
    #expect(text.output.contains("Change:          unknown: 1 item is not priced (priced items alone: -436.00 USD)\n"))
    #expect(
      text.output.contains(
        "circuit 'azurerm_express_route_circuit.er[1]' · Metered outbound data, Zone 1                not priced       -  unknown\n"
      ))
    #expect(text.output.contains("outbound data         0.00 + not priced    0.00 + not priced  not priced\n"))
    let json = ercalc("diff", "--from", plan, "--format", "json").output
    #expect(json.contains("\n  \"change\": null,\n  \"complete\": false,\n"))
  }

  // terraform-count-delete-unlimited-plan.json: er[0] (er-main, rg-a, Standard MeteredData 1 Gbps, egress not given)
  // is left as it is; er[1] (er-main, rg-b, Premium UnlimitedData 1 Gbps, London) is destroyed.
  // Before: 436 + 6,450 = 6,886.00; after: 436.00; change: 436 − 6,886 = −6,450.00. er[0]'s unknown egress is the same
  // on both sides and cancels, UnlimitedData has no egress charge: the change is known, in the headline and the
  // category table alike (outbound data 0.00, total −6,450.00).
  @Test func categoryTableSaysWhatTheHeadlineSays() {
    let plan = fixture("existing/shared-name/terraform-count-delete-unlimited-plan.json")
    let text = ercalc("diff", "--from", plan)
    #expect(text.output.contains("Change:          -6,450.00 USD (-93.7%)\n"))
    #expect(text.output.contains("outbound data           0.00 + not priced    0.00 + not priced        0.00\n"))
    #expect(text.output.contains("total               6,886.00 + not priced  436.00 + not priced   -6,450.00\n"))
    // The two were one name before: a destroyed UnlimitedData er-main and a kept MeteredData er-main read as one
    // circuit moving from UnlimitedData to MeteredData, a change that needs a new circuit.
    #expect(!text.output.contains("One-time: changes that need a new circuit"))
    let json = ercalc("diff", "--from", plan, "--format", "json").output
    #expect(json.contains("\n  \"change\": \"-6450.00\",\n  \"complete\": true,\n"))
    #expect(json.contains("\"difference\": \"-6450.00\","))
  }

  // terraform-count-plan.json creates er[0] (er-main, rg-a, Standard MeteredData 1 Gbps: 436.00) and er[1] (er-main,
  // rg-b, Premium UnlimitedData 1 Gbps: 6,450.00): named by their addresses, two resources in FOCUS.
  @Test func sameNamedTerraformResourcesAreTwoFocusResources() {
    let plan = fixture("existing/terraform-count-plan.json")
    let text = ercalc("quote", "--from", plan).output
    #expect(text.contains("Monthly total:            6,886.00 USD (excludes 1 unpriced item)\n"))  // 436 + 6,450
    #expect(text.contains("- azurerm_express_route_circuit.er[1]: named by its Terraform address, because another"))
    let csv = CSVTable(ercalc("quote", "--from", plan, "--format", "csv").output)
    let first = csv.rows(where: "ResourceName", is: "azurerm_express_route_circuit.er[0]")
    let second = csv.rows(where: "ResourceName", is: "azurerm_express_route_circuit.er[1]")
    #expect(first.map { $0["BilledCost"] } == ["436.00", "0.00"])  // the circuit and its unpriced egress
    #expect(second.map { $0["BilledCost"] } == ["6450.00"])
    #expect(
      first.first?["ResourceId"]
        == "ercalc:/plans/terraform-count-plan/expressRouteCircuits/azurerm_express_route_circuit.er%5B0%5D")
    #expect(
      second.first?["ResourceId"]
        == "ercalc:/plans/terraform-count-plan/expressRouteCircuits/azurerm_express_route_circuit.er%5B1%5D")
  }

  // az-shared-name.json (`az network express-route list`): er-main in rg-a (Standard MeteredData 1 Gbps, Amsterdam:
  // 436.00) with Global Reach to er-main in rg-b (Premium UnlimitedData 1 Gbps, London: 6,450.00).
  // Total 436 + 6,450 = 6,886.00; each keeps its own ARM ID; the Global Reach link joins the two.
  @Test func sameNamedAzCircuitsAreNamedWithTheirResourceGroup() {
    let estate = fixture("existing/az-shared-name.json")
    let text = ercalc("quote", "--from", estate).output
    #expect(text.contains("Monthly total:            6,886.00 USD (excludes 5 unpriced items)\n"))
    #expect(text.contains("circuit 'er-main (rg-a)'  Standard MeteredData 1 Gbps circuit, Zone 1          1  month"))
    #expect(text.contains("circuit 'er-main (rg-b)'  Premium UnlimitedData 1 Gbps circuit, Zone 1         1  month"))
    #expect(text.contains("- Global Reach er-main (rg-a) <-> er-main (rg-b): Global Reach outbound data, Zone 1"))
    let csv = CSVTable(ercalc("quote", "--from", estate, "--format", "csv").output)
    let ids =
      csv.rows(where: "ResourceName", is: "er-main (rg-a)").map { $0["ResourceId"] }
      + csv.rows(where: "ResourceName", is: "er-main (rg-b)").map { $0["ResourceId"] }
    let prefix = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
    let suffix = "/providers/Microsoft.Network/expressRouteCircuits/er-main"
    #expect(ids == [prefix + "rg-a" + suffix, prefix + "rg-a" + suffix, prefix + "rg-b" + suffix])
  }

  // az-shared-name-one.json holds only the rg-a er-main (same ARM ID, Standard MeteredData 1 Gbps: 436.00). It is named
  // as in az-shared-name.json, so the two estates pair it: unchanged at 436.00, and the rg-b circuit (6,450.00) leaves.
  // Priced items alone: 436 − (436 + 6,450) = −6,450.00; its egress and the Global Reach data are not given.
  @Test func twoEstatesPairSameNamedCircuitsByARMID() {
    let result = ercalc(
      "diff", "--from", fixture("existing/az-shared-name.json"), "--from",
      fixture("existing/shared-name/az-shared-name-one.json"))
    #expect(
      result.output.contains("Change:          unknown: 3 items are not priced (priced items alone: -6,450.00 USD)\n"))
    #expect(
      result.output.contains(
        "circuit 'er-main (rg-b)' · Premium UnlimitedData 1 Gbps circuit, Zone 1                6,450.00           -  -6,450.00\n"
      ))
    #expect(
      result.output.contains(
        "circuit 'er-main (rg-a)' · Metered outbound data, Zone 1                             not priced  not priced    unknown\n"
      ))
    #expect(!result.output.contains("circuit 'er-main' ·"))
  }

  // diff-period-14-months.json covers 2027-03 to 2028-04 (29,325.61), diff-period-12-months.json 2027-01 to 2027-12
  // (25,508.18): most of the 3,817.43 between them is two months fewer, not a saving. Refused, both ways.
  @Test func portfoliosOverDifferentMonthsAreRefused() {
    let long = fixture("diff-period-14-months.json")
    let short = fixture("diff-period-12-months.json")
    let result = ercalc("diff", long, short)
    #expect(result.status == .dataError)
    #expect(result.output.isEmpty)
    #expect(
      result.errors.contains(
        "diff-period-12-months.json:4:17: error: startMonth: '\(short)' covers 2027-01 to 2027-12 (12 months) but '\(long)' covers 2027-03 to 2028-04 (14 months); a diff compares the same months on both sides, so give both portfolios the same startMonth and horizonMonths"
      ))
    let reverse = ercalc("diff", short, long)
    #expect(reverse.status == .dataError)
    #expect(reverse.errors.contains("covers 2027-03 to 2028-04 (14 months) but '\(short)' covers 2027-01 to 2027-12"))
  }
  /// A Global Reach link whose peer the after side no longer holds is skipped with its reason: the category table
  /// counts it as a Global Reach charge without a price, not as "none after".
  @Test func aSkippedGlobalReachLinkIsNotNoneInItsCategory() throws {
    let directory = try temporaryDirectory("ercalc-diff-skipped-reach")
    defer { try? FileManager.default.removeItem(at: directory) }
    let prefix =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits"
    func circuit(_ name: String, _ location: String, peer: String?) -> String {
      let connections =
        peer.map {
          #"[{"name": "AzurePrivatePeering", "peeringType": "AzurePrivatePeering", "connections": [{"name": "gr", "addressPrefix": "10.0.0.0/29", "expressRouteCircuitPeering": {"id": "\#(prefix)/\#(name)/peerings/AzurePrivatePeering"}, "peerExpressRouteCircuitPeering": {"id": "\#(prefix)/\#($0)/peerings/AzurePrivatePeering"}}]}]"#
        } ?? "[]"
      return
        #"{"id": "\#(prefix)/\#(name)", "name": "\#(name)", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "sku": {"name": "Premium_MeteredData", "tier": "Premium", "family": "MeteredData"}, "peerings": \#(connections), "serviceProviderProperties": {"bandwidthInMbps": 1000, "peeringLocation": "\#(location)", "serviceProviderName": "Equinix"}}"#
    }
    let before = try write(
      "[\(circuit("ams-er", "Amsterdam", peer: "lon-er")), \(circuit("lon-er", "London", peer: nil))]", to: directory,
      "before.json")
    let after = try write("[\(circuit("ams-er", "Amsterdam", peer: "lon-er"))]", to: directory, "after.json")
    let result = ercalc("diff", "--from", before, "--from", after)
    let table = result.output.split(separator: "\n").first { $0.hasPrefix("Global Reach  ") }.map(String.init) ?? ""
    #expect(table.contains("not priced") && !table.contains("none after"), "\(result.output)")
  }
  /// A gateway and a port pair `az resource list` gives without properties are skipped, each in its own category as a
  /// charge without a price (the gateway category was missing, so "none before" stood beside nothing after).
  @Test func skippedResourcesAreFiledByTheirKind() throws {
    let directory = try temporaryDirectory("ercalc-diff-skipped-kinds")
    defer { try? FileManager.default.removeItem(at: directory) }
    let circuit =
      #"{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams", "name": "ams", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "sku": {"name": "Standard_UnlimitedData", "tier": "Standard", "family": "UnlimitedData"}, "properties": {"serviceProviderProperties": {"serviceProviderName": "Equinix", "peeringLocation": "Amsterdam", "bandwidthInMbps": 1000}}}"#
    let gateway =
      #"{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw", "name": "gw", "type": "Microsoft.Network/virtualNetworkGateways", "location": "westeurope", "properties": null}"#
    let before = try write("[\(circuit)]", to: directory, "before.json")
    let after = try write("[\(circuit), \(gateway)]", to: directory, "after.json")
    let result = ercalc("diff", "--from", before, "--from", after)
    let row = result.output.split(separator: "\n").first { $0.hasPrefix("gateway  ") }.map(String.init) ?? ""
    #expect(row.contains("0.00 (none before)") && row.contains("0.00 + not priced"), "\(result.output)")
  }
}
