import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import Testing

/// What `prices import` refuses or warns about in a price sheet: every refusal at its file, line and column (exit
/// 65), never a silent zero or a silently shifted column.
@Suite struct PriceSheetRefusalTests {
  /// A small sheet's header (EA columns plus MCA's TierMinimumUnits).
  static let header =
    "EnrollmentNumber,MeterName,MeterCategory,MeterRegion,UnitOfMeasure,TierMinimumUnits,EffectiveStartDate,EffectiveEndDate,UnitPrice,CurrencyCode"

  /// One row of ``header``.
  static func row(
    _ name: String, _ unit: String, _ price: String, region: String = "Zone 1", tier: String = "0",
    start: String = "2026-11-01", currency: String = "USD"
  ) -> String {
    "87654321,\(name),ExpressRoute,\(region),\(unit),\(tier),\(start),,\(price),\(currency)"
  }

  /// Imports a sheet made of `lines` (written as `sheet.csv`) and returns the run and the file's path.
  func importSheet(_ lines: [String], _ extra: [String] = []) throws -> (RunResult, String) {
    try importBytes(Data((lines.joined(separator: "\n") + "\n").utf8), extra)
  }

  func importBytes(_ bytes: Data, _ extra: [String] = []) throws -> (RunResult, String) {
    let directory = try temporaryDirectory("ercalc-sheet")
    let path = directory.appendingPathComponent("sheet.csv").path
    try bytes.write(to: URL(fileURLWithPath: path))
    let result = ercalc(
      ["prices", "import", path, "--output", directory.appendingPathComponent("o.json").path] + extra)
    try? FileManager.default.removeItem(at: directory)
    return (result, path)
  }

  @Test func aPriceTenTimesTheListPriceIsWarnedAboutAtItsRow() throws {
    let (result, path) = try importSheet([
      Self.header,
      // 36.10 per '1 Hour' where the sheet meant 100 Hours: 36.1 ÷ 0.361 (list) = 100×.
      Self.row("ErGw1AZ Gateway", "1 Hour", "36.10", region: "US East"),
      // 0.002 per '1 GB' where the list price is 0.025: 0.025 ÷ 0.002 = 12.5, a twelfth and a half.
      Self.row("Metered Data - Data Transfer Out", "1 GB", "0.002"),
      // 0.20 per 10 GB = 0.02: 0.8× the list price, no warning.
      Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20", region: "Zone 2"),
    ])
    #expect(result.status == .success, "\(result.errors)")
    // The column of each row's UnitOfMeasure field: 10 + "ErGw1AZ Gateway," 16 + "ExpressRoute," 13 + "US East," 8 = 47;
    // 10 + "Metered Data - Data Transfer Out," 33 + 13 + "Zone 1," 7 = 63.
    #expect(
      result.errors.contains(
        "\(path):2:47: warning: ErGw1AZ gateway: 36.1 per hour is 100× the list price 0.361 (UnitPrice 36.10 per '1 Hour'): almost always a unit mistake, check the row\n"
      ))
    #expect(
      result.errors.contains(
        "\(path):3:63: warning: Metered outbound data, Zone 1: 0.002 per GB is 1/12.5 of the list price 0.025 (UnitPrice 0.002 per '1 GB'): almost always a unit mistake, check the row\n"
      ))
    #expect(!result.errors.contains("Zone 2: 0.02 per GB is"))
  }

  // Columns: MeterName 10, MeterCategory 43, MeterRegion 56, UnitOfMeasure 63; after '10 GB': TierMinimumUnits 69,
  // EffectiveStartDate 71, EffectiveEndDate 82, UnitPrice 83, CurrencyCode 88 (after '1 GB': TierMinimumUnits 68).
  @Test(arguments: [
    // An unknown unit: how many GB is a TB in this sheet?
    (
      row("Metered Data - Data Transfer Out", "1 TB", "20"), 2, 63,
      "unknown unit of measure '1 TB' for Metered outbound data, Zone 1 (expected a block of GB, hours or months, such as '10 GB', '100 Hours' or '1/Month')"
    ),
    // A unit that does not fit the meter.
    (
      row("Direct 10 Gbps Port Pair Metered", "10 GB", "4500"), 2, 63,
      "'10 GB' does not fit Direct 10 Gbps port pair, MeteredData, which is priced per month (expected a block of months)"
    ),
    // Tiers on a meter the rate table prices with one rate.
    (
      row("Metered Data - Data Transfer Out", "1 GB", "0.02", tier: "5120"), 2, 68,
      "Metered outbound data, Zone 1 is priced in tiers in the sheet (this row from 5120 GB), but ercalc prices it with one rate: only internet egress has tiers in a rate table (give this meter's price in an override file instead)"
    ),
    // No price is never a price of 0.
    (
      row("Metered Data - Data Transfer Out", "10 GB", ""), 2, 83,
      "no UnitPrice for Metered outbound data, Zone 1 (a row without a price is refused, never read as 0; remove the row or give its price)"
    ),
    (
      row("Metered Data - Data Transfer Out", "10 GB", "\"0,20\""), 2, 83,
      "'0,20' in UnitPrice is not a price (expected a number such as 0.20 or 4500)"
    ),
    (
      row("Metered Data - Data Transfer Out", "10 GB", "0.20", start: "2026-13-01"), 2, 71,
      "'2026-13-01' is not a date (expected 2026-11-01, 2026-11-01T00:00:00Z or 11/01/2026)"
    ),
    (
      row("Metered Data - Data Transfer Out", "10 GB", "0.20", currency: "US$"), 2, 88,
      "unknown currency 'US$' in 'CurrencyCode' (expected an ISO 4217 code such as USD or EUR)"
    ),
    // A malformed row: one field short (the unit's comma is missing).
    (
      "87654321,Metered Data - Data Transfer Out,ExpressRoute,Zone 1,10 GB 0,2026-11-01,,0.20,USD", 2, 1,
      "the row has 9 fields, the header 10 (a field with a comma must be quoted)"
    ),
    (
      "87654321,\"Metered Data - Data Transfer Out,ExpressRoute,Zone 1,10 GB,0,2026-11-01,,0.20,USD", 2, 10,
      "the quoted field that starts here is never closed (expected a closing '\"')"
    ),
  ])
  func aBadRowIsRefusedAtItsField(_ line: String, _ lineNumber: Int, _ column: Int, _ message: String) throws {
    let (result, path) = try importSheet([Self.header, line])
    #expect(result.status == .dataError)
    #expect(result.errors == "\(path):\(lineNumber):\(column): error: \(message)\n")
  }

  /// A price date before every row starts leaves nothing to write: refused, never an empty override file that reads
  /// as if the sheet had been applied (review of issue 30).
  @Test func nothingInForceOnThePriceDateIsRefused() throws {
    let (result, path) = try importSheet(
      [Self.header, Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20")], ["--as-of", "2026-06-30"])
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "\(path): error: no price of the sheet is in force on 2026-06-30 (its ExpressRoute rows start from 2026-11-01)")
    )
  }

  @Test func includedQuantityIsWarnedAbout() throws {
    let (result, path) = try importSheet([
      "MeterName,MeterCategory,MeterRegion,UnitOfMeasure,EffectiveStartDate,UnitPrice,CurrencyCode,IncludedQuantity",
      "Metered Data - Data Transfer Out,expressroute,Zone 1,10 GB,2026-11-01,0.20,USD,100",
    ])
    // The category matches in any case ('expressroute').
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.errors.contains("  Metered outbound data, Zone 1: 0.02 per GB (line 2: 0.20 per 10 GB)\n"))
    // Column 80: the IncludedQuantity field (1 + 33 + 13 + 7 + 6 + 11 + 5 + 4).
    #expect(
      result.errors.contains(
        "\(path):2:80: warning: Metered outbound data, Zone 1: the sheet includes 100 free (IncludedQuantity, in '10 GB' blocks), which ercalc does not deduct: amounts may be too high by up to 100 × 0.20 a month\n"
      ))
  }

  @Test func csvRecordsKeepQuotesCommasNewlinesAndPositions() throws {
    let text = "a,\"b, \"\"c\"\"\",d\r\n\"multi\nline\",,\r\n\ne,f,"
    let records = try CSVRecordReader(file: "x.csv").records(Array(text.utf8))
    #expect(
      records.map { $0.fields.map(\.text) } == [["a", "b, \"c\"", "d"], ["multi\nline", "", ""], ["e", "f", ""]])
    // Positions: line and byte column where each field starts; the blank line 4 is skipped.
    #expect(
      records.map { $0.fields.map { "\($0.line):\($0.column)" } } == [
        ["1:1", "1:3", "1:14"], ["2:1", "3:7", "3:8"], ["5:1", "5:3", "5:5"],
      ])
    #expect(records.map(\.line) == [1, 2, 5])
    #expect(throws: Diagnostic.self) { try CSVRecordReader(file: "x.csv").records(Array("a,b\"c\n".utf8)) }
    #expect(throws: Diagnostic.self) { try CSVRecordReader(file: "x.csv").records(Array("\"a\"b,c\n".utf8)) }
  }

  @Test func gatewaysInSeveralRegionsNeedOneChosen() throws {
    let lines = [
      Self.header, Self.row("ErGw1AZ Gateway", "100 Hours", "32.49", region: "US East"),
      Self.row("ErGw1AZ Gateway", "100 Hours", "39.71", region: "West Europe"),
    ]
    let (refused, path) = try importSheet(lines)
    #expect(refused.status == .dataError)
    #expect(
      refused.errors
        == "\(path): error: the sheet prices gateways in 2 regions (US East, West Europe); choose one (with --gateway-region)\n"
    )
    // The sheet's spelling, ignoring case and spaces: 39.71 per 100 Hours = 0.3971 per hour.
    let (chosen, _) = try importSheet(lines, ["--gateway-region", "westeurope"])
    #expect(chosen.status == .success, "\(chosen.errors)")
    #expect(chosen.errors.contains("  ErGw1AZ gateway: 0.3971 per hour (line 3: 39.71 per 100 Hours)\n"))
    let (elsewhere, _) = try importSheet(
      lines + [Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20")], ["--gateway-region", "eastus"])
    #expect(elsewhere.status == .success, "\(elsewhere.errors)")
    #expect(
      elsewhere.errors.contains(
        "no gateway row in region 'eastus': gateways keep the table's prices (the sheet prices gateways in US East, West Europe)\n"
      ))
  }

  @Test func mixedCurrenciesAreRefused() throws {
    let (result, path) = try importSheet([
      Self.header, Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20"),
      Self.row("Metered Data - Data Transfer Out", "10 GB", "0.18", region: "Zone 2", currency: "EUR"),
    ])
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(path):3:88: error: mixed currencies: EUR here, USD on line 2 (expected one currency per price sheet; export each billing profile or currency separately)\n"
    )
  }

  @Test func aSheetInAnotherCurrencyThanTheTableIsRefused() throws {
    let (result, path) = try importSheet([
      Self.header, Self.row("Metered Data - Data Transfer Out", "10 GB", "0.18", currency: "EUR"),
    ])
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(path): error: the sheet's prices are in EUR, the rate table in use is in USD: import it against a EUR rate table, such as one fetched from the Retail Prices API in EUR (pass complete tables with --prices)\n"
    )
  }

  @Test func anMCASheetBilledInAnotherCurrencyIsRefused() throws {
    let (result, path) = try importSheet([
      "MeterName,MeterCategory,MeterRegion,UnitOfMeasure,EffectiveStartDate,UnitPrice,Currency,BillingCurrency",
      "Metered Data - Data Transfer Out,ExpressRoute,Zone 1,10 GB,2026-11-01,0.20,USD,EUR",
    ])
    #expect(result.status == .dataError)
    // Column 80: the BillingCurrency field.
    #expect(
      result.errors
        == "\(path):2:80: error: the prices are in USD but billed in 'EUR': ercalc does not convert currencies (export the price sheet in the billing currency)\n"
    )
  }

  @Test func twoPricesForOneMeterFromOneStartAreRefused() throws {
    let (result, path) = try importSheet([
      Self.header, Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20"),
      Self.row("Metered Data - Data Transfer Out", "1 GB", "0.03"),
    ])
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(path):3:1: error: two prices for Metered outbound data, Zone 1 in force on 2026-11-01 from 2026-11-01: 0.03 here, 0.02 on line 2 (expected one price per meter and date)\n"
    )
  }

  @Test func aSheetWithoutExpressRoutePricesIsRefused() throws {
    let (result, path) = try importSheet([
      Self.header, "87654321,D2 v5,Virtual Machines,EU West,100 Hours,0,2026-11-01,,8.64,USD",
    ])
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(path): error: the sheet has no ExpressRoute price ercalc can use (1 row read; expected rows with MeterCategory 'ExpressRoute' and the Retail Prices API's meter names, such as 'Standard Metered Data 1 Gbps Circuit')\n"
    )
  }

  @Test(arguments: [
    (
      Data([0x1F, 0x8B, 0x08, 0x00, 0x00]),
      "this is a gzip-compressed file: ercalc reads uncompressed CSV (run 'gunzip -k FILE', or in Cost Management, create the price sheet export with format CSV and compression None, or download the price sheet as CSV from the billing account's Usage + charges page)"
    ),
    (
      Data("PAR1\u{15}\u{04}".utf8),
      "this is a Parquet file: ercalc reads price sheets as CSV (in Cost Management, create the price sheet export with format CSV and compression None, or download the price sheet as CSV from the billing account's Usage + charges page)"
    ),
    (
      Data([0xEF, 0xBB, 0xBF]),
      "the file is empty (expected a price sheet export: a header line, then one line per price)"
    ),
  ])
  func otherFormatsAreRefusedByName(_ bytes: Data, _ message: String) throws {
    let (result, path) = try importBytes(bytes)
    #expect(result.status == .dataError)
    #expect(result.errors == "\(path):1:1: error: \(message)\n")
  }

  @Test func columnNamesMatchIgnoringCaseSpacesAndUnderscores() throws {
    let (result, _) = try importSheet([
      "meter name,Meter Category,meterRegion,Unit of Measure,effective_start_date,Unit Price,Currency Code",
      "Metered Data - Data Transfer Out,ExpressRoute,Zone 1,10 GB,2026-11-01,0.20,USD",
    ])
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.errors.contains("  Metered outbound data, Zone 1: 0.02 per GB (line 2: 0.20 per 10 GB)\n"))
  }

  @Test func aHeaderWithoutThePriceColumnsIsRefused() throws {
    let (result, path) = try importSheet([
      "MeterName,MeterRegion,UnitOfMeasure,EffectiveStartDate,CurrencyCode", "a,b,c,d,USD",
    ])
    #expect(result.status == .dataError)
    #expect(
      result.errors.hasPrefix(
        "\(path):1:1: error: the header has no 'UnitPrice' column (expected an EA or MCA price sheet export"))
  }

  @Test func sheetOptionsAreCheckedAndRefusedForAPIPages() throws {
    let (badDate, _) = try importSheet(
      [Self.header, Self.row("Metered Data - Data Transfer Out", "10 GB", "0.20")], ["--as-of", "2026-11-31"])
    #expect(badDate.status == .usage)
    #expect(
      badDate.errors.hasPrefix(
        "Error: Invalid value '2026-11-31' for '--as-of <yyyy-mm-dd>' (expected a date such as 2026-11-01)"))
    let pages = ercalc("prices", "import", fixture("retail/page1.json"), "--complete-table")
    #expect(pages.status == .usage)
    #expect(pages.errors.hasPrefix("Error: '--complete-table' goes with a price sheet (CSV)"))
    let mixed = ercalc(
      "prices", "import", fixture("retail/page1.json"), fixture("price-sheets/ea-pricesheet.csv"))
    #expect(mixed.status == .usage)
    #expect(mixed.errors.contains("import one price sheet at a time, without Retail Prices API pages (got 2 files)"))
  }
}
