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

  @Test func theLedgerGrowsWithResourcesNotRows() throws {
    // 20,000 hourly rows of one gateway over two months, 10,000 other rows: two charges kept, whatever the row count.
    var text = "BilledCost,BillingCurrency,ChargePeriodStart,ConsumedQuantity,ResourceId,SkuMeter,ServiceName\n"
    let gateway = "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworkGateways/g"
    for index in 0..<20_000 {
      let month = index < 10_000 ? "2026-10" : "2026-11"
      text += "0.361,USD,\(month)-01 00:00:00,1,\(gateway),ErGw1AZ Gateway,Virtual Network\n"
      if index % 2 == 0 { text += "0.01,USD,\(month)-01 00:00:00,1,/subscriptions/s/x/storage,Hot LRS,Storage\n" }
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var ledger = BillingLedger()
    try BillingLedger.read(path: url.path, file: "ledger.csv", into: &ledger)
    #expect(ledger.rowsRead == 30_000)
    #expect(ledger.rowsKept == 20_000)
    #expect(ledger.charges.count == 2)
    // 10,000 hours × 0.361 = 3,610 in each month.
    #expect(ledger.charges.values.map(\.cost).sorted() == [3610, 3610])
    #expect(ledger.months.map(\.description) == ["2026-10", "2026-11"])
  }
}
