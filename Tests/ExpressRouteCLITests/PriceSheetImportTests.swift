import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// `ercalc prices import SHEET.csv`: the customer's EA or MCA price sheet as CUSTOMER prices (fixtures in
/// `Fixtures/price-sheets/`, synthetic: see its README).
@Suite struct PriceSheetImportTests {
  /// The built-in table with the override at `path` applied.
  func applied(_ path: String) throws -> RateTable {
    var table: RateTable = try RateTable.embeddedDefault()
    try table.apply(overrideJSON: try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
    return table
  }

  func usd(_ text: String) -> Money { Money(Decimal(string: text) ?? -1, currency: .usd) }

  @Test func eaSheetBecomesAnOverrideOfCustomerPrices() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("ea.json").path
    let result = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--export-date", "2026-11-02", "--output", output)
    #expect(result.status == .success, "\(result.errors)")
    let table = try applied(output)
    // Line 2 (410) ended 10/31/2026; line 3 (392.40 from 11/01/2026) is in force on the export date 2026-11-02.
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == usd("392.40"))
    // Per block: 0.20 per 10 GB = 0.02 per GB; 32.49 per 100 Hours = 0.3249 per hour.
    #expect(table.rate(for: .egress(.zone1))?.price == usd("0.02"))
    #expect(table.rate(for: .gateway(.erGw1AZ))?.price == usd("0.3249"))
    // What the built-in table cannot price: Direct port pair, Global Reach (0.15 per 10 GB = 0.015), Traffic Collector.
    #expect(table.rate(for: .directPortPair(.gbps10, .metered))?.price == usd("4500"))
    #expect(table.rate(for: .globalReach(.zone1, .outbound))?.price == usd("0.015"))
    #expect(table.rate(for: .globalReach(.zone1, .inbound))?.price == usd("0.015"))
    #expect(table.rate(for: .trafficCollector(.zone1))?.price == usd("0.54"))
    #expect(table.rate(for: .trafficCollectorData(.zone1))?.price == usd("0.09"))  // 0.90 per 10 GB
    let direct = try #require(table.rate(for: .directPortPair(.gbps10, .metered)))
    #expect(direct.provenance.confidence == .customer)
    #expect(direct.provenance.sourceID == "price-sheet-ea-2026-11-02")
    #expect(direct.provenance.note == "file:ea-pricesheet.csv line 6: 4500 per 1/Month")
    let source = try #require(table.sources.first { $0.id == "price-sheet-ea-2026-11-02" })
    #expect(source.title == "EA price sheet, enrollment 87654321, exported 2026-11-02, USD")
    #expect(source.date == "2026-11-02")
    #expect(source.url == "file:ea-pricesheet.csv")
    // What the sheet lacks keeps the list price (absent from the override) or stays unpriced.
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.price == usd("872"))
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.provenance.confidence == .secondary)
    #expect(table.rate(for: .directPortPair(.gbps100, .metered))?.price == nil)
    let written = try String(contentsOfFile: output, encoding: .utf8)
    Golden.check(written, file: snapshotFile("price-sheet-ea-override.json"))
    #expect(written.contains("\"kind\": \"override\""))
    #expect(!written.contains("hoursPerMonth"))
    #expect(!written.contains("Zone 2"))
    // The log: rows read, each conversion, the meter ercalc does not know; the VM rows are another service's.
    #expect(
      result.errors.contains(
        "read 12 rows of the EA price sheet (enrollment 87654321, USD): 8 meters priced as of 2026-11-02, 1 row skipped"
      ))
    #expect(result.errors.contains("  Metered outbound data, Zone 1: 0.02 per GB (line 4: 0.20 per 10 GB)\n"))
    #expect(result.errors.contains("  ErGw1AZ gateway: 0.3249 per hour (line 5: 32.49 per 100 Hours)\n"))
    #expect(
      result.errors.contains(
        "1 ExpressRoute row was not recognised and left out:\n  line 11: ExpressRoute Metro Resiliency Unit (Zone 1, 1/Month)\n"
      ))
    #expect(!result.errors.contains("warning"))
  }

  @Test func mcaSheetWithByteOrderMarkQuotedFieldsAndTiers() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("mca.json").path
    let result = ercalc("prices", "import", fixture("price-sheets/mca-pricesheet.csv"), "--output", output)
    #expect(result.status == .success, "\(result.errors)")
    let table = try applied(output)
    // No --export-date: the price date and the source's date are the latest start, 2026-10-01.
    let source = try #require(table.sources.first { $0.id == "price-sheet-mca-2026-10-01" })
    #expect(
      source.title
        == "MCA price sheet, billing account Contoso, Ltd., billing profile Contoso EU \"Networking\", latest price start 2026-10-01, export date not given, USD"
    )
    // Line 12's savings-plan price (15,000) is not a Consumption price: line 2's 1,697.40 is kept.
    #expect(table.rate(for: .circuit(.premium, .metered, .gbps(1), .zone2))?.price == usd("1697.40"))
    #expect(table.rate(for: .egress(.zone2))?.price == usd("0.045"))  // 4.50 per 100 GB
    #expect(table.rate(for: .gateway(.erGw2AZ))?.price == usd("0.5688"))  // 5.688 per 10 Hours
    #expect(table.rate(for: .directPortPair(.gbps100, .unlimited))?.price == usd("45000"))
    #expect(table.rate(for: .globalReach(.zone2, .outbound))?.price == usd("0.04"))
    #expect(table.rate(for: .globalReach(.zone2, .inbound))?.price == nil)  // not in the sheet: still unpriced
    // Internet egress tiers (TierMinimumUnits 0, 100, 10240, 51200, 153600) become tiers; the table's own break at
    // 10,335 GB falls in the sheet's tier from 10,240 GB and charges its 0.0747.
    let europe = InternetRouting.InternetRegion.europe
    #expect(table.rate(for: .internetEgress(europe, .microsoftNetwork, fromGB: 100))?.price == usd("0.0783"))
    #expect(table.rate(for: .internetEgress(europe, .microsoftNetwork, fromGB: 10240))?.price == usd("0.0747"))
    #expect(table.rate(for: .internetEgress(europe, .microsoftNetwork, fromGB: 10335))?.price == usd("0.0747"))
    #expect(table.rate(for: .internetEgress(europe, .microsoftNetwork, fromGB: 512095))?.price == usd("0.045"))
    #expect(
      result.errors.contains(
        "read 11 rows of the MCA price sheet (billing account Contoso, Ltd., billing profile Contoso EU \"Networking\", USD): 10 meters priced as of 2026-10-01, 1 row skipped"
      ))
  }

  @Test func asOfPicksThePriceInForceThatDay() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("ea.json").path
    let result = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--as-of", "2026-10-15", "--export-date",
      "2026-11-02", "--output", output)
    #expect(result.status == .success, "\(result.errors)")
    let table = try applied(output)
    // On 2026-10-15 line 2 (07/01/2026 to 10/31/2026, 410) is in force, not line 3 (from 11/01/2026).
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == usd("410"))
    // Nothing else had started: egress keeps the list price 0.025, and the log says why.
    #expect(table.rate(for: .egress(.zone1))?.price == usd("0.025"))
    #expect(
      result.errors.contains(
        "Metered outbound data, Zone 1: no price in force on 2026-10-15 (line 4: 2026-11-01 to open); left out\n"))
    // The sheet, exported after the price date, says why its prices are those of 2026-10-15.
    let source = try #require(table.sources.first { $0.id == "price-sheet-ea-2026-11-02" })
    #expect(source.afterPriceDateReason?.hasSuffix("these are the prices of 2026-10-15") == true)
  }

  @Test func directPortPriceFromTheSheetPricesAQuote() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("ea.json").path
    let imported = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--export-date", "2026-11-02", "--output", output)
    #expect(imported.status == .success, "\(imported.errors)")
    let arguments = [
      "quote", "--location", "Amsterdam", "--bandwidth", "10G", "--direct-port", "10G", "--egress", "1000GB",
      "--gateway", "ErGw1AZ", "--traffic-collector", "100GB", "--global-reach", "London", "--global-reach-data",
      "500GB", "--overrides", output,
    ]
    let quote = ercalc(arguments)
    #expect(quote.status == .success, "\(quote.errors)")
    // From the sheet: egress 1,000 GB × 0.02 = 20.00; Direct pair 4,500.00; ErGw1AZ 730 h × 0.3249 = 237.177 →
    // 237.18; Global Reach 500 GB × 0.015 = 7.50 four times (out and in at each circuit) = 30.00; Traffic Collector
    // 730 h × 0.54 = 394.20 and 100 GB × 0.09 = 9.00. List price: the London circuit (Standard metered 10 Gbps,
    // Zone 1) 3,400.00. Total 20 + 4,500 + 237.18 + 30 + 394.20 + 9 + 3,400 = 8,590.38.
    #expect(quote.output.contains("Monthly total:            8,590.38 USD"))
    #expect(
      quote.output.contains(
        "Direct port pair 'direct'        Direct 10 Gbps port pair, MeteredData                1  month        4500      4,500.00  CUSTOMER\n"
      ))
    #expect(
      quote.output.contains(
        "gateway 'gateway'                ErGw1AZ gateway                                    730  hour       0.3249        237.18  CUSTOMER\n"
      ))
    #expect(
      quote.output.contains(
        "circuit 'remote'                 Standard MeteredData 10 Gbps circuit, Zone 1         1  month        3400      3,400.00  SECONDARY\n"
      ))
    #expect(
      quote.output.contains(
        "- price-sheet-ea-2026-11-02: EA price sheet, enrollment 87654321, exported 2026-11-02, USD,\n  2026-11-02 <file:ea-pricesheet.csv>"
      ))
    // Every line names its source: the sheet's, or the list price's.
    let json = ercalc(arguments + ["--format", "json"])
    #expect(json.output.contains("\"monthlyTotal\": \"8590.38\""))
    #expect(
      json.output.contains(
        "\"amount\": \"4500.00\",\n        \"listAmount\": \"4500.00\",\n        \"discount\": \"0\",\n        \"detail\": \"1 month\",\n        \"source\": \"price-sheet-ea-2026-11-02\",\n        \"sourceDate\": \"2026-11-02\",\n        \"confidence\": \"CUSTOMER\""
      ))
    #expect(json.output.contains("\"source\": \"tco-dump-2026-07\""))
    // A discount is not taken off the customer's own price again: only the London circuit's 3,400 is discounted.
    let discounted = ercalc(arguments + ["--discount", "10%"])
    #expect(discounted.status == .success, "\(discounted.errors)")
    // 8,590.38 − 340.00 (10% of 3,400) = 8,250.38.
    #expect(discounted.output.contains("Monthly total:            8,250.38 USD"))
  }

  @Test func theSheetPricesABudgetAndAComparison() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("ea.json").path
    let imported = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--export-date", "2026-11-02", "--output", output)
    #expect(imported.status == .success, "\(imported.errors)")
    // Budget, first month: circuit 392.40 + 10,000 GB × 0.02 = 200.00, so 592.40; the ErGw1AZ gateway 730 h × 0.3249
    // = 237.177 → 237.18; together 829.58.
    let budget = ercalc("budget", fixture("small-portfolio.json"), "--overrides", output)
    #expect(budget.status == .success, "\(budget.errors)")
    // At list, the same month is 436 + 10,000 × 0.025 = 686.00 and 730 × 0.361 = 263.53: 949.53 beside it.
    #expect(budget.output.contains("2027-01    592.40  237.18      949.53       829.58\n"))
    let csv = ercalc("budget", fixture("small-portfolio.json"), "--overrides", output, "--format", "csv")
    #expect(csv.output.contains(",your own price sheet,2026-07-21,price-sheet-ea-2026-11-02,CUSTOMER,1/Month"))
    // Compare at 40,000 GB: Standard metered 392.40 + 40,000 × 0.02 = 800.00, so 1,192.40, now cheaper than Local's
    // 1,200.00; unlimited wins above (5,700 − 392.40) ÷ 0.02 = 265,380 GB.
    let compare = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--overrides", output)
    #expect(compare.status == .success, "\(compare.errors)")
    #expect(
      compare.output.contains(
        "Standard  MeteredData           392.40         800.00       1,192.40     cheapest\n"))
    #expect(compare.output.contains("- Standard: unlimited is cheaper above 265,380 GB/month"))
  }

  @Test func theSheetPricesASizePlan() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("ea.json").path
    let imported = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--export-date", "2026-11-02", "--output", output)
    #expect(imported.status == .success, "\(imported.errors)")
    let profile = directory.appendingPathComponent("profile.json").path
    try Data(
      """
      {"schemaVersion": 1, "name": "Amsterdam web", "peeringLocation": "Amsterdam",
       "targetRegions": ["West Europe", "North Europe"],
       "traffic": {"peakOutbound": "700 Mbps", "monthlyEgress": "40000 GB"},
       "sizing": {"targetUtilization": "0.8", "yearlyGrowth": "0", "horizonMonths": 12}, "gateways": 1}
      """.utf8
    ).write(to: URL(fileURLWithPath: profile))
    let size = ercalc("size", profile, "--overrides", output)
    #expect(size.status == .success, "\(size.errors)")
    // 700 Mbps at 80% needs 875 Mbps: Standard MeteredData 1 Gbps (Local would not reach North Europe). A month:
    // circuit 392.40 + 40,000 GB × 0.02 = 800.00 + ErGw1AZ 730 h × 0.3249 = 237.18, so 1,429.58; over 12 months the
    // circuit plan is 12 × 1,192.40 = 14,308.80 and the gateway 12 × 237.18 = 2,846.16, 17,154.96 in all.
    #expect(size.output.contains("Buy a Standard MeteredData 1 Gbps circuit at Amsterdam with ErGw1AZ gateway."))
    #expect(size.output.contains("First month: 1,429.58\nUSD."))
    #expect(
      size.output.contains(
        "Horizon total:      17,154.96 USD over 12 months (circuit plan 14,308.80 + extras 2,846.16)\n"))
  }

  @Test func oneTrafficCollectorPricePatchesOnlyThatPrice() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let sheet = directory.appendingPathComponent("tc.csv").path
    try Data(
      """
      MeterName,MeterCategory,MeterRegion,UnitOfMeasure,EffectiveStartDate,UnitPrice,CurrencyCode
      Traffic Collector,ExpressRoute,Zone 2,1 Hour,2026-11-01,0.72,USD

      """.utf8
    ).write(to: URL(fileURLWithPath: sheet))
    let output = directory.appendingPathComponent("tc.json").path
    let result = ercalc("prices", "import", sheet, "--output", output)
    #expect(result.status == .success, "\(result.errors)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(
      written.contains(
        "{\"zone\": \"Zone 2\", \"hourly\": \"0.72\", \"source\": \"price-sheet-ea-2026-11-01\", \"confidence\": \"CUSTOMER\""
      ))
    // The hourly price is the sheet's; the per-GB price stays the table's, with its own source and confidence.
    let table = try applied(output)
    #expect(table.rate(for: .trafficCollector(.zone2))?.price == usd("0.72"))
    #expect(table.rate(for: .trafficCollector(.zone2))?.provenance.confidence == .customer)
    #expect(table.rate(for: .trafficCollectorData(.zone2))?.price == usd("0.20"))
    #expect(table.rate(for: .trafficCollectorData(.zone2))?.provenance.sourceID == "etc-2023")
    // A row with neither price is still an error.
    var base: RateTable = try RateTable.embeddedDefault()
    let empty = """
      {"schemaVersion": 1, "kind": "override", "currency": "USD",
       "sources": [{"id": "s", "title": "t", "url": "file:x", "date": "2026-11-01"}],
       "trafficCollector": {"source": "s", "confidence": "CUSTOMER", "rows": [{"zone": "Zone 2"}]}}
      """
    #expect(throws: Diagnostic.self) { try base.apply(overrideJSON: Data(empty.utf8), file: "o.json") }
  }

  @Test func completeTableKeepsListPricesBesideTheSheets() throws {
    let directory = try temporaryDirectory("ercalc-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("table.json").path
    let result = ercalc(
      "prices", "import", fixture("price-sheets/ea-pricesheet.csv"), "--export-date", "2026-11-02",
      "--complete-table", "--output", output)
    #expect(result.status == .success, "\(result.errors)")
    let table = try RateTable(json: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    #expect(table.effectiveDate == "2026-11-02")
    #expect(table.rate(for: .directPortPair(.gbps10, .metered))?.price == usd("4500"))
    #expect(table.rate(for: .directPortPair(.gbps10, .metered))?.provenance.confidence == .customer)
    #expect(table.rate(for: .egress(.zone2))?.price == usd("0.05"))
    #expect(table.rate(for: .egress(.zone2))?.provenance.confidence == .secondary)
    let validated = ercalc("prices", "validate", output)
    #expect(validated.status == .success, "\(validated.errors)")
    let show = ercalc("prices", "show", "--prices", output, "--sources")
    #expect(show.status == .success, "\(show.errors)")
    #expect(show.output.contains("CUSTOMER"))
  }

  @Test(arguments: [
    ("10 GB", Meter.PricingUnit.gigabyte, "0.20", "0.02"),  // 0.20 ÷ 10
    ("100 Hours", .hour, "46", "0.46"),  // 46 ÷ 100
    ("10 Hours", .hour, "20.16", "2.016"),  // 20.16 ÷ 10
    ("1/Month", .month, "436", "436"),
    ("1 /Hour", .hour, "0.361", "0.361"),
    ("100 GB", .gigabyte, "4.50", "0.045"),  // 4.50 ÷ 100
    ("1 Hour", .hour, "0.54", "0.54"),
  ])
  func unitOfMeasureConvertsABlockPriceToAUnitPrice(
    _ text: String, _ unit: Meter.PricingUnit, _ block: String, _ perUnit: String
  ) throws {
    let parsed = try #require(PriceSheetUnit(text))
    #expect(parsed.unit == unit)
    #expect(parsed.perUnit(Decimal(string: block) ?? -1) == Decimal(string: perUnit))
  }

  @Test(arguments: ["1 TB", "1 GB/Month", "0 GB", "10K", "1/Day", "GB", "1 Gb", ""])
  func unknownUnitsAreNotRead(_ text: String) {
    #expect(PriceSheetUnit(text) == nil)
  }
}
