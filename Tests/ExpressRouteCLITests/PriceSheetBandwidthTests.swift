import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// `prices import` on internet egress (`Bandwidth`) rows in the shapes real sheets write, and every other Bandwidth
/// row listed with its reason, never dropped silently. Synthetic rows; their shapes follow the EA cost details of
/// Microsoft's demo enrollment (Product `Rtn Preference: MGN - Standard Data Transfer Out - Zone 1`, MeterRegion
/// `All Regions`, an `Intra Continent Data Transfer Out` row) and the MCA price sheet fixture.
@Suite struct PriceSheetBandwidthTests {
  static let header =
    "EnrollmentNumber,MeterName,MeterCategory,MeterSubCategory,Product,MeterRegion,UnitOfMeasure,TierMinimumUnits,EffectiveStartDate,EffectiveEndDate,UnitPrice,CurrencyCode"

  static func row(
    _ name: String, category: String = "Bandwidth", sub: String = "", product: String, region: String,
    unit: String = "1 GB", tier: String = "0", price: String
  ) -> String {
    "87654321,\(name),\(category),\(sub),\(product),\(region),\(unit),\(tier),2026-11-01,,\(price),USD"
  }

  func usd(_ text: String) -> Money { Money(Decimal(string: text) ?? -1, currency: .usd) }

  /// `lines` written as `sheet.csv` in `directory` and imported by `prices import … --output o.json` with `options`:
  /// the sheet's path, the run, and (when it succeeded) the import applied over the built-in rate table.
  static func imported(_ lines: [String], in directory: URL, _ options: String...) throws -> (
    path: String, result: RunResult, table: RateTable?
  ) {
    let path = directory.appendingPathComponent("sheet.csv").path
    let output = directory.appendingPathComponent("o.json").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let result = ercalc(["prices", "import", path, "--output", output] + options)
    guard result.status == .success else { return (path, result, nil) }
    var table: RateTable = try RateTable.embeddedDefault()
    try table.apply(overrideJSON: try Data(contentsOf: URL(fileURLWithPath: output)), file: output)
    return (path, result, table)
  }

  @Test func internetEgressInEAAndMCAShapesIsReadAndTheRestListed() throws {
    let lines = [
      Self.header,
      // Line 2: an ExpressRoute price, so the sheet has one.
      Self.row(
        "Standard Metered Data 1 Gbps Circuit", category: "ExpressRoute", sub: "ExpressRoute", product: "ExpressRoute",
        region: "Zone 1", unit: "1/Month", price: "392.40"),
      // Lines 3-4: the EA product name leading with the routing preference; an Azure region.
      Self.row(
        "Standard Data Transfer Out", product: "Rtn Preference: MGN - Standard Data Transfer Out - Europe",
        region: "West Europe", price: "0"),
      Self.row(
        "Standard Data Transfer Out", product: "Rtn Preference: MGN - Standard Data Transfer Out - Europe",
        region: "West Europe", tier: "100", price: "0.0783"),
      // Lines 5-6: the routing preference in MeterSubCategory, the region a region group.
      Self.row(
        "Standard Data Transfer Out", sub: "Rtn Preference: Internet", product: "Bandwidth", region: "North America",
        price: "0"),
      Self.row(
        "Standard Data Transfer Out", sub: "Rtn Preference: Internet", product: "Bandwidth", region: "North America",
        tier: "100", price: "0.07"),
      // Line 7: transfer between regions, not internet egress.
      Self.row(
        "Intra Continent Data Transfer Out", sub: "Inter-Region",
        product: "Bandwidth Inter-Region - Intra Continent Data Transfer Out - North America",
        region: "North America", price: "0.02"),
      // Line 8: the demo enrollment's shape: a bandwidth zone, no region.
      Self.row(
        "Standard Data Transfer Out", product: "Rtn Preference: MGN - Standard Data Transfer Out - Zone 1",
        region: "All Regions", price: "0.087"),
      // Line 9: no routing preference anywhere.
      Self.row("Standard Data Transfer Out", product: "Bandwidth", region: "West Europe", price: "0.087"),
    ]
    let directory = try temporaryDirectory("ercalc-sheet-bandwidth")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, result, imported) = try Self.imported(lines, in: directory)
    #expect(result.status == .success, "\(result.errors)")
    let table = try #require(imported)
    // The sheet's prices per GB from 100 GB: 0.0783 (Europe, Microsoft's network), 0.07 (North America, internet).
    #expect(table.rate(for: .internetEgress(.europe, .microsoftNetwork, fromGB: 100))?.price == usd("0.0783"))
    #expect(table.rate(for: .internetEgress(.northAmerica, .internet, fromGB: 100))?.price == usd("0.07"))
    #expect(
      table.rate(for: .internetEgress(.northAmerica, .internet, fromGB: 100))?.provenance.confidence == .customer)
    #expect(result.errors.contains("3 Bandwidth rows were not read as internet egress and left out:\n"))
    #expect(
      result.errors.contains(
        "  line 7: Intra Continent Data Transfer Out (North America, 1 GB): not internet egress ercalc prices"))
    #expect(
      result.errors.contains(
        "  line 8: Standard Data Transfer Out (All Regions, 1 GB): 'All Regions' in MeterRegion is neither an Azure region nor an internet egress region group"
      ))
    #expect(
      result.errors.contains(
        "  line 9: Standard Data Transfer Out (West Europe, 1 GB): no routing preference in Product or MeterSubCategory"
      ))
  }

  /// `Unlimited Data - Data Transfer Out` (an unlimited circuit's outbound data, billed at 0) and `ExpressRoute Port
  /// Data Transfer Out` are not the metered circuits' outbound data: only `Metered Data - Data Transfer Out` (0.25 per
  /// 10 GB = 0.025 per GB) prices it, whatever order the rows come in.
  @Test func onlyMeteredDataPricesMeteredOutboundData() throws {
    let lines = [
      Self.header,
      Self.row(
        "Unlimited Data - Data Transfer Out", category: "ExpressRoute", sub: "ExpressRoute", product: "ExpressRoute",
        region: "Zone 1", unit: "10 GB", price: "0"),
      Self.row(
        "ExpressRoute Port Data Transfer Out", category: "ExpressRoute", sub: "ExpressRoute", product: "ExpressRoute",
        region: "Zone 1", unit: "10 GB", price: "0.2"),
      Self.row(
        "Metered Data - Data Transfer Out", category: "ExpressRoute", sub: "ExpressRoute", product: "ExpressRoute",
        region: "Zone 1", unit: "10 GB", price: "0.25"),
    ]
    let directory = try temporaryDirectory("ercalc-sheet-unlimited")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, result, imported) = try Self.imported(lines, in: directory)
    #expect(result.status == .success, "\(result.errors)")
    let table = try #require(imported)
    #expect(table.rate(for: .egress(.zone1))?.price == usd("0.025"))
    #expect(table.rate(for: .egress(.zone1))?.provenance.confidence == .customer)
  }

  /// A warning about a row whose earlier field holds a quoted line break names the unit's own line and column:
  /// line 3, where `Metered",Zone 1,` is 16 characters, so `1 GB` starts at column 17 (0.25 per GB is 10× 0.025).
  @Test func aWarningAfterAQuotedLineBreakIsNamedOnItsOwnLine() throws {
    let lines = [
      Self.header,
      Self.row(
        "Metered Data - Data Transfer Out", category: "ExpressRoute", sub: "ExpressRoute",
        product: "\"ExpressRoute,\nMetered\"", region: "Zone 1", unit: "1 GB", price: "0.25"),
    ]
    let directory = try temporaryDirectory("ercalc-sheet-wrapped")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (path, result, _) = try Self.imported(lines, in: directory)
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.errors.contains("\(path):3:17: warning: Metered outbound data"), "\(result.errors)")
  }

  @Test func aGatewayOnlySheetWithAnotherRegionNamesTheRegion() throws {
    let lines = [
      Self.header,
      Self.row(
        "ErGw1AZ Gateway", category: "ExpressRoute", sub: "ExpressRoute Gateway", product: "ExpressRoute Gateway",
        region: "US East", unit: "100 Hours", price: "32.49"),
    ]
    let directory = try temporaryDirectory("ercalc-sheet-gateway")
    defer { try? FileManager.default.removeItem(at: directory) }
    let (path, result, _) = try Self.imported(lines, in: directory, "--gateway-region", "westeurope")
    #expect(result.status == .dataError)
    // Not "no ExpressRoute price": the sheet has one, for another region.
    #expect(
      result.errors.hasPrefix(
        "\(path): error: the sheet prices gateways only, and none in region 'westeurope': it prices them in US East"))
  }
}
