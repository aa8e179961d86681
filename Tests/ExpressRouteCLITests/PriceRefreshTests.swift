import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import Testing

@Suite struct PriceRefreshTests {
  @Test func importClassifiesPagesAndListsWhatItSkipped() throws {
    let directory = try temporaryDirectory("ercalc-prices")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("imported.json").path
    let result = ercalc(
      "prices", "import", fixture("retail/page1.json"), fixture("retail/page2.json"), "--gateway-region", "eastus",
      "--output", output, "--force")
    #expect(result.status == .success, "\(result.errors)")
    // 14 items: 11 imported (two Zone 1 egress items are one meter), DevTest and the westeurope gateway skipped, one unknown.
    #expect(
      result.errors.contains(
        "prices as of 2026-07-01 (the latest start among the rows read; no price date or export date given)\nimported 11 of 14 items (2 skipped: not Consumption, other gateway regions, higher price tiers, or not the price in force on 2026-07-01)\n"
      ))
    #expect(
      result.errors.contains(
        "1 item was not recognised and left out:\n  \(fixture("retail/page2.json")):73:5: ExpressRoute: ExpressRoute Metro Resiliency Unit (Zone 1, 1 Hour, 1.5 USD)\n"
      ))
    #expect(
      result.errors.contains(
        "1 conflicting price:\n  Metered outbound data, Zone 2: 0.05 and 0.06 at \(fixture("retail/page2.json")):95:5; kept the first\n"
      ))
    // The written table is valid schema-1 JSON and carries the imported prices as CONFIRMED API figures.
    let table = try RateTable(json: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    #expect(table.effectiveDate == "2026-07-01")
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Money(436, currency: .usd))
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.provenance.confidence == .confirmed)
    #expect(table.rate(for: .circuit(.local, .unlimited, .gbps(1), .zone1))?.price == Money(1200, currency: .usd))
    #expect(table.rate(for: .gateway(.erGw1AZ))?.price == Money(Decimal(string: "0.361") ?? 0, currency: .usd))
    #expect(table.rate(for: .gateway(.erGwScale))?.price == Money(Decimal(string: "0.21") ?? 0, currency: .usd))
    #expect(table.rate(for: .vpnGateway(.vpnGw1AZ))?.price == Money(Decimal(string: "0.361") ?? 0, currency: .usd))
    // Meters the pages did not price are unpriced, not copied from the built-in table.
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.price == nil)
    #expect(
      table.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.unpricedReason
        == "not in the imported Retail Prices API pages")
    #expect(table.capabilities(of: .erGw1AZ, scaleUnits: nil)?.maxCircuits == 4)
    // And the written table prices a quote.
    let quote = ercalc(
      "quote", "--prices", output, "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "40TB", "--format",
      "json")
    #expect(quote.output.contains("\"monthlyTotal\": \"1436.00\""))
  }

  @Test func refreshGuardRefusesLostMetersAndBigMoves() throws {
    let directory = try temporaryDirectory("ercalc-prices")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("imported.json").path
    let result = ercalc(
      "prices", "import", fixture("retail/page1.json"), fixture("retail/page2.json"), "--gateway-region", "eastus",
      "--output", output)
    #expect(result.status == .failure)
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(
      result.errors.contains(
        "  Standard MeteredData 2 Gbps circuit, Zone 1: priced today at 872, unpriced or missing in the new table\n"))
    #expect(
      result.errors.hasSuffix(
        "error: not written: the new table differs too much from the current one; review the changes above and pass --force to accept them\n"
      ))

    // Against a current table holding only what the pages price, a 30% move still trips a 25% guard.
    let guardian = RefreshGuard()
    let current = RateTable(
      name: "t", currency: .usd, effectiveDate: "2026-01-01", sources: [],
      rates: [
        RateTable.Rate(
          meter: .egress(.zone1), price: Money(Decimal(string: "0.02") ?? 0, currency: .usd),
          provenance: PriceSource.Provenance(sourceID: "s", date: "2026-01-01", confidence: .confirmed))
      ])
    var candidate = current
    candidate.upsert(
      RateTable.Rate(
        meter: .egress(.zone1), price: Money(Decimal(string: "0.026") ?? 0, currency: .usd),
        provenance: PriceSource.Provenance(sourceID: "s", date: "2026-01-01", confidence: .confirmed)))
    let changes = guardian.changes(from: current, to: candidate)
    #expect(changes.map(\.description) == ["Metered outbound data, Zone 1: 0.02 → 0.026 (+30.0%)"])
    #expect(guardian.violations(changes).count == 1)
    #expect(RefreshGuard(threshold: Decimal(string: "0.3") ?? 0).violations(changes).isEmpty)
  }

  struct BadPage: Sendable, CustomTestStringConvertible {
    let file: String
    let expected: String
    var testDescription: String { file }
  }

  @Test(arguments: [
    BadPage(
      file: "wrong-type.json",
      expected: ":7:22: error: Items[0].retailPrice: expected a number, found the string \"0.632\"\n"),
    BadPage(
      file: "missing-items.json",
      expected:
        ":1:1: error: missing key 'Items' (expected a Retail Prices API page: {\"Items\": [...], \"NextPageLink\": ...})\n"
    ),
    BadPage(
      file: "empty.json",
      expected: "error: the pages hold no items (expected Retail Prices API items for serviceName 'ExpressRoute')\n"),
  ])
  func badPagesGiveClearErrors(_ page: BadPage) {
    let result = ercalc("prices", "import", fixture("retail/\(page.file)"))
    #expect(result.status == .dataError)
    #expect(result.errors.hasSuffix(page.expected))
    #expect(result.output.isEmpty)
  }

  @Test func gatewayRegionIsRequiredWhenPagesHoldSeveral() {
    let result = ercalc("prices", "import", fixture("retail/page1.json"), fixture("retail/page2.json"))
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "error: the pages price gateways in 2 regions (eastus, westeurope); choose one (with --gateway-region)\n")
  }

  @Test func fetchFollowsPagesRetriesFailuresAndRejectsMalformedPages() throws {
    let page1 = try String(contentsOfFile: fixture("retail/page1.json"), encoding: .utf8)
    let page2 = try String(contentsOfFile: fixture("retail/page2.json"), encoding: .utf8)
    let server = try LocalHTTPServer { path, attempt in
      if path.hasPrefix("/ok/api") {
        return (200, page1.replacingOccurrences(of: "\"PAGE2\"", with: "\"/ok/page2?x=1\""))
      }
      if path == "/ok/page2?x=1" { return attempt == 1 ? (503, "busy") : (200, page2) }
      if path.hasPrefix("/broken/api") {
        return (200, page1.replacingOccurrences(of: "\"PAGE2\"", with: "\"/broken/page2\""))
      }
      if path == "/broken/page2" { return (200, "{\"Items\": [1, 2,]}") }
      if path.hasPrefix("/down/api") { return (500, "no") }
      if path.hasPrefix("/gone/api") { return (404, "no") }
      return (404, "no")
    }
    defer { server.stop() }
    setenv("ERCALC_RETRY_DELAY", "0.05", 1)
    let directory = try temporaryDirectory("ercalc-prices")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("fetched.json").path

    let fetched = ercalc(
      "prices", "fetch", "--endpoint", server.baseURL + "/ok/api", "--gateway-region", "eastus", "--output", output,
      "--force", "--timeout", "5")
    #expect(fetched.status == .success, "\(fetched.errors)")
    #expect(server.requests("/ok/page2?x=1") == 2)  // one 503, then the page
    let table = try RateTable(json: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    #expect(table.rate(for: .circuit(.premium, .metered, .gbps(1), .zone1))?.price == Money(1186, currency: .usd))

    let malformed = ercalc(
      "prices", "fetch", "--endpoint", server.baseURL + "/broken/api", "--output",
      directory.appendingPathComponent("b.json").path, "--force")
    #expect(malformed.status == .dataError)
    #expect(
      malformed.errors.hasSuffix(
        "page 2 (\(server.baseURL)/broken/page2):1:17: error: invalid JSON: trailing comma before ']'\n"))

    let down = ercalc(
      "prices", "fetch", "--endpoint", server.baseURL + "/down/api", "--output",
      directory.appendingPathComponent("d.json").path, "--retries", "2")
    #expect(down.status == .failure)
    #expect(down.errors.contains("gave up after 2 attempts; last: HTTP 500\n"))

    let gone = ercalc(
      "prices", "fetch", "--endpoint", server.baseURL + "/gone/api", "--output",
      directory.appendingPathComponent("g.json").path)
    #expect(gone.status == .failure)
    #expect(gone.errors.contains(": HTTP 404; not retried\n"))
  }
}

@Suite struct InternetEgressImportTests {
  @Test func importReadsInternetEgressTiers() throws {
    // Bandwidth items carry one item per tier (tierMinimumUnits); each becomes a tier row of the region's group.
    let directory = try temporaryDirectory("ercalc-prices")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("t.json").path
    let result = ercalc(
      "prices", "import", fixture("retail/page1.json"), fixture("retail/bandwidth.json"), "--gateway-region", "eastus",
      "--output", output, "--force")
    #expect(result.status == .success, "\(result.errors)")
    let table = try RateTable(json: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    #expect(
      table.rate(for: .internetEgress(.northAmerica, .microsoftNetwork, fromGB: 100))?.price
        == Money(Decimal(string: "0.087") ?? 0, currency: .usd))
    #expect(
      table.rate(for: .internetEgress(.northAmerica, .microsoftNetwork, fromGB: 153600))?.price
        == Money(Decimal(string: "0.05") ?? 0, currency: .usd)
    )
    #expect(
      table.rate(for: .internetEgress(.northAmerica, .internet, fromGB: 100))?.price
        == Money(Decimal(string: "0.04") ?? 0, currency: .usd))
    // The westus2 item stands for the same group: only the gateway region's items are kept.
    #expect(!result.errors.contains("conflicting"))
  }
}

@Suite struct RetailImportDatesTests {
  static func item(
    _ meter: String, _ price: String, start: String, end: String? = nil, service: String = "ExpressRoute",
    region: String = "Zone 1",
    unit: String = "1/Month"
  ) -> String {
    """
    {"currencyCode": "USD", "tierMinimumUnits": 0, "retailPrice": \(price), "unitPrice": \(price), "armRegionName": "\(region)", "location": "\(region)",
     "effectiveStartDate": "\(start)T00:00:00Z"\(end.map { ", \"effectiveEndDate\": \"\($0)T23:59:59Z\"" } ?? ""), "meterName": "\(meter)",
     "productName": "ExpressRoute", "skuName": "Standard", "serviceName": "\(service)", "unitOfMeasure": "\(unit)", "type": "Consumption"}
    """
  }

  func importPage(_ items: [String], force: Bool = true, _ extra: [String] = []) throws -> (RunResult, RateTable?) {
    let directory = try temporaryDirectory("ercalc-prices")
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("page.json").path
    try (#"{"BillingCurrency": "USD", "Items": ["# + items.joined(separator: ",") + #"], "NextPageLink": null}"#).write(
      toFile: page, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("t.json").path
    let result = ercalc(["prices", "import", page, "--output", output] + (force ? ["--force"] : []) + extra)
    let table = try? RateTable(json: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    return (result, table)
  }

  // Items in the shape of the Azure Retail Prices API
  // (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices): `retailPrice` is per
  // `unitOfMeasure`, which may be a block such as `10 GB` or `100 Hours`.
  @Test func aBlockUnitIsDividedToOneUnitAndAnUnknownUnitIsNotRead() throws {
    let (result, table) = try importPage([
      Self.item("Standard Metered Data 1 Gbps Circuit", "436", start: "2026-07-01"),
      Self.item("Metered Data - Data Transfer Out", "0.25", start: "2026-07-01", unit: "10 GB"),
      Self.item("ErGw1AZ Gateway", "36.1", start: "2026-07-01", region: "eastus", unit: "100 Hours"),
      Self.item("Metered Data - Data Transfer Out", "25", start: "2026-07-01", region: "Zone 2", unit: "1 TB"),
    ])
    #expect(result.status == .success, "\(result.errors)")
    // 0.25 per 10 GB = 0.25 / 10 = 0.025 per GB (read as 0.25 per GB before: ten times too much).
    #expect(table?.rate(for: .egress(.zone1))?.price == Money(Decimal(string: "0.025") ?? 0, currency: .usd))
    // 36.1 per 100 hours = 36.1 / 100 = 0.361 per hour.
    #expect(table?.rate(for: .gateway(.erGw1AZ))?.price == Money(Decimal(string: "0.361") ?? 0, currency: .usd))
    // 1 TB (1,000 or 1,024 GB?) is not guessed: Zone 2's outbound data stays unpriced and the item is listed.
    #expect(table?.rate(for: .egress(.zone2))?.price == nil)
    #expect(result.errors.contains("Data Transfer Out (Zone 2, 1 TB, 25 USD)\n"))
    #expect(
      result.errors.contains(
        "2 prices were per block of units, divided to one unit:\n  Metered outbound data, Zone 1: 0.025 per GB (0.25 per 10 GB at "
      ))
    #expect(result.errors.contains("\n  ErGw1AZ gateway: 0.361 per hour (36.1 per 100 Hours at "))
  }

  @Test func theAsOfDateChoosesThePriceInForceAndListsLaterOnes() throws {
    let items = [
      Self.item("Standard Metered Data 1 Gbps Circuit", "436", start: "2026-07-01"),
      Self.item("Standard Metered Data 1 Gbps Circuit", "500", start: "2027-03-01"),
      Self.item("Metered Data - Data Transfer Out", "0.025", start: "2026-07-01", unit: "1 GB"),
    ]
    // On 2026-12-07 the 436 from 2026-07-01 is in force; the 500 from 2027-03-01 is listed, not taken.
    for option in ["--as-of", "--export-date"] {
      let (result, table) = try importPage(items, [option, "2026-12-07"])
      #expect(result.status == .success, "\(result.errors)")
      #expect(table?.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Money(436, currency: .usd))
      #expect(table?.effectiveDate == "2026-12-07")
      #expect(
        result.errors.contains(
          "1 item starts after 2026-12-07 and was left out:\n  Standard MeteredData 1 Gbps circuit, Zone 1: 500 from 2027-03-01 at "
        ))
    }
    // Without a date, as for a price sheet, the latest start: the 500 of 2027-03-01, and the log says so.
    let (result, table) = try importPage(items)
    #expect(table?.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Money(500, currency: .usd))
    #expect(
      result.errors.hasPrefix(
        "prices as of 2027-03-01 (the latest start among the rows read; no price date or export date given)\n"))
    // A date that is not one is a usage error.
    #expect(try importPage(items, ["--as-of", "2026-13-01"]).0.status == .usage)
  }

  @Test func theItemInEffectOnThePriceDateWins() throws {
    // The same meter twice: 450 from 2026-07-01 replaces 436 from 2025-01-01, whatever their order; a price that
    // ended in 2026-03 is history and skipped. The table is dated 2026-07-01.
    for order in [[0, 1], [1, 0]] {
      let items = [
        Self.item("Standard Metered Data 1 Gbps Circuit", "436", start: "2025-01-01"),
        Self.item("Standard Metered Data 1 Gbps Circuit", "450", start: "2026-07-01"),
      ]
      let (result, table) = try importPage(
        order.map { items[$0] } + [
          Self.item("Standard Metered Data 2 Gbps Circuit", "999", start: "2025-01-01", end: "2026-03-31")
        ])
      #expect(result.status == .success, "\(result.errors)")
      #expect(table?.effectiveDate == "2026-07-01")
      #expect(table?.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Money(450, currency: .usd))
      #expect(table?.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.price == nil)
      #expect(!result.errors.contains("conflicting"))
    }
  }

  @Test func bothLocalNamesAreRecognised() throws {
    let (result, table) = try importPage([
      Self.item("Local 1 Gbps Circuit", "1200", start: "2026-07-01"),
      Self.item("Local Unlimited Data 2 Gbps Circuit", "2200", start: "2026-07-01"),
    ])
    #expect(result.status == .success, "\(result.errors)")
    #expect(table?.rate(for: .circuit(.local, .unlimited, .gbps(1), .zone1))?.price == Money(1200, currency: .usd))
    #expect(table?.rate(for: .circuit(.local, .unlimited, .gbps(2), .zone1))?.price == Money(2200, currency: .usd))
  }

  @Test func pagesWithoutExpressRouteAreRefusedEvenWithForce() throws {
    let (result, table) = try importPage([
      Self.item("VpnGw1 Gateway", "0.19", start: "2026-07-01", service: "VPN Gateway", region: "eastus", unit: "1 Hour")
    ])
    #expect(result.status == .dataError)
    #expect(result.errors == "error: the pages hold no ExpressRoute item (1 item of VPN Gateway); nothing to import\n")
    #expect(table == nil)
  }
}
