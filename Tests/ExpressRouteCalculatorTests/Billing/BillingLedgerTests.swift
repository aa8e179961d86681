import ExpressRouteCalculator
import Foundation
import Testing

/// The pieces of reading a cost export: dates, numbers, which rows are ExpressRoute.
@Suite struct BillingLedgerTests {
  @Test(
    "Dates as exports write them give their month",
    arguments: [
      ("2026-10-01", "2026-10"), ("2026-10-31T00:00:00Z", "2026-10"), ("2026-10-01 00:00:00", "2026-10"),
      ("10/31/2026", "2026-10"), ("1/5/2027", "2027-01"), ("01/05/2027 00:00:00", "2027-01"),
    ])
  func monthOfADate(_ text: String, _ month: String) {
    #expect(BillingLedger.month(of: text)?.description == month)
  }

  @Test("What is not a date is refused", arguments: ["", "NULL", "Oct 2026", "2026-13-01", "31/10/26", "2026/10/01"])
  func notADate(_ text: String) {
    #expect(BillingLedger.month(of: text) == nil)
  }

  @Test func numbersPlainOrWithAnExponent() {
    #expect(BillingLedger.number("436") == 436)
    #expect(BillingLedger.number("-118.60") == Decimal(string: "-118.60"))
    // 4.88E-05 = 0.0000488; 1.5e3 = 1,500.
    #expect(BillingLedger.number("4.88E-05") == Decimal(string: "0.0000488"))
    #expect(BillingLedger.number("1.5e3") == 1500)
    for text in ["", "NULL", "1,5", "4.88E-", "E5", "12abc"] { #expect(BillingLedger.number(text) == nil, "\(text)") }
  }

  @Test func expressRouteRowsByResourceMeterOrService() {
    let circuit =
      "/subscriptions/s/resourcegroups/r/providers/microsoft.network/expressroutecircuits/ams"
    #expect(BillingLedger.isExpressRoute(resourceId: circuit, meter: "anything", service: ""))
    let gateway = "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworkGateways/g"
    #expect(BillingLedger.isExpressRoute(resourceId: gateway, meter: "ErGw1AZ Gateway", service: "Virtual Network"))
    // A VPN gateway is a virtual network gateway too: not ExpressRoute by its meter or service.
    #expect(
      !BillingLedger.isExpressRoute(resourceId: gateway, meter: "VpnGw1AZ", service: "Virtual Network VPN Gateway"))
    let hub = "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualHubs/h"
    #expect(BillingLedger.isExpressRoute(resourceId: hub, meter: "ExpressRoute Connection Unit", service: ""))
    #expect(!BillingLedger.isExpressRoute(resourceId: hub, meter: "Standard Hub", service: "Virtual WAN"))
    let collector = "/subscriptions/s/resourceGroups/r/providers/Microsoft.NetworkFunction/azureTrafficCollectors/c"
    #expect(BillingLedger.isExpressRoute(resourceId: collector, meter: "Traffic Collector", service: ""))
    #expect(!BillingLedger.isExpressRoute(resourceId: "", meter: "Hot LRS Data Stored", service: "Storage"))
  }
}
