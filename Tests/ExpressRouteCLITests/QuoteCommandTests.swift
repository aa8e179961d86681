import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

@Suite struct QuoteCommandTests {
  @Test func issueExampleQuoteText() {
    // 436 + 40,000 GB × 0.025 = 1,436.00; ErGw1AZ 730 × 0.361 = 263.53; total 1,699.53.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--sku", "standard", "--billing", "metered",
      "--egress", "40TB", "--gateway",
      "ErGw1AZ")
    #expect(result.status == .success)
    #expect(result.errors.isEmpty)
    #expect(result.output.contains("Monthly total:            1,699.53 USD\n"))
    Golden.check(result.output, file: snapshotFile("quote-amsterdam.txt"))
  }

  @Test("Quote in every format", arguments: ["text", "markdown", "json", "csv", "html"])
  func deploymentFileInEveryFormat(_ format: String) {
    let result = ercalc("quote", fixture("estate.json"), "--format", format, "--period", "2026-12")
    #expect(result.status == .success)
    // The unpriced Direct port pair is reported on stderr as a warning, not priced as zero. CSV cost rows have no
    // notes section, so its notes come first on stderr.
    let notes =
      format == "csv"
      ? "note: circuit 'fra-direct': Standard 5 Gbps on Direct port pair 'fra-ports' has no circuit fee (included in the port-pair fee)\n"
      : ""
    #expect(
      result.errors == notes + "warning: 1 charge could not be priced and is not in the total; see 'Not priced'\n")
    Golden.check(result.output, file: snapshotFile("estate.\(format)"))
  }

  @Test func jsonQuoteCarriesExactMoneyStrings() throws {
    let result = ercalc(
      "quote", "--zone", "Zone 2", "--bandwidth", "10G", "--sku", "premium", "--billing", "unlimited", "--format",
      "json")
    #expect(result.status == .success)
    #expect(result.output.contains("\"monthlyTotal\": \"85000.00\""))
    #expect(result.output.contains("\"hoursPerMonth\": \"730\""))
    #expect(result.output.contains("\"priceDate\": \"2026-07-21\""))
  }

  @Test func failAboveGatesTheBudget() {
    let over = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "40TB", "--fail-above", "1000")
    #expect(over.status == .failure)
    #expect(over.errors == "error: monthly total 1,436.00 USD exceeds --fail-above 1,000.00 USD\n")
    #expect(!over.output.isEmpty)
    let under = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "40TB", "--fail-above", "1436")
    #expect(under.status == .success)
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("q.json").path
    let result = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "1TB", "--output", path)
    #expect(result.status == .success)
    #expect(result.output.isEmpty)
    #expect(result.errors == "wrote \(path)\n")
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("{\n  \"schema\": \"ercalc.quote\""))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["q.json"])
    let missing = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1G", "--output", "/nonexistent/dir/q.txt")
    #expect(missing.status == .failure)
    #expect(
      missing.errors == "error: cannot write '/nonexistent/dir/q.txt': directory '/nonexistent/dir' does not exist\n")
  }

  @Test func overridesPriceDirectPorts() {
    // Override: 10G metered port pair at 5,000.00 (an ESTIMATE). Standard 10G circuit on it: no fee;
    // egress 1,000 GB × 0.025 = 25.00. Total 5,025.00, nothing unpriced.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "10G", "--direct-port", "10G", "--egress", "1000GB",
      "--overrides", fixture("direct-override.json"), "--format", "json")
    #expect(result.status == .success)
    #expect(result.errors.isEmpty)
    #expect(result.output.contains("\"monthlyTotal\": \"5025.00\""))
    #expect(result.output.contains("\"complete\": true"))
  }

  @Test func compareShowsEveryOptionAndBreakEven() {
    let result = ercalc("compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB")
    #expect(result.status == .success)
    Golden.check(result.output, file: snapshotFile("compare-amsterdam.txt"))
  }

  @Test func breakEvenMatrixMatchesReferenceTable() {
    // Spot checks against pricing-facts.md §2: Zone 1 1 Gbps (5,700 − 436) / 0.025 = 210,560 GB (64%);
    // Zone 3 10 Gbps (82,000 − 3,400) / 0.14 = 561,428.571 GB (17%).
    let result = ercalc("prices", "breakeven")
    #expect(result.status == .success)
    #expect(result.output.contains("1 Gbps       210,560 GB (64%)"))
    #expect(result.output.contains("561,428.571 GB (17%)"))
    Golden.check(result.output, file: snapshotFile("breakeven-standard.txt"))
  }

  @Test func pricesLocationsAndJSONShow() throws {
    let locations = ercalc("prices", "locations")
    #expect(locations.status == .success)
    #expect(
      locations.output.contains(
        "Washington DC            Zone 1         East US, East US 2            North America             yes         Equinix DC2; Equinix DC6"
      ))
    #expect(
      locations.output.contains(
        "Bogota (retired)         Zone 4         n/a (no Local)                South America (inferred)  not stated"))
    // Port locations: from the az CLI how-to's example output, placed by the facility both pages name.
    #expect(
      locations.output.contains(
        "Equinix-Ashburn-DC2            Washington DC       Equinix DC2                      seen in er-direct-cli\n"))
    let locationsJSON = ercalc("prices", "locations", "--format", "json")
    #expect(
      locationsJSON.output.contains(
        "{\n      \"name\": \"Equinix-Seattle-SE2\",\n      \"peeringLocation\": \"Seattle\",\n      \"facility\": \"Equinix SE2\",\n      \"source\": \"er-direct-cli\",\n      \"derived\": null,\n      \"note\": null\n    }"
      ))
    let json = ercalc("prices", "show", "--format", "json")
    #expect(json.status == .success)
    #expect(
      json.output.contains(
        "{\n      \"meter\": \"ErGwScale gateway scale unit\",\n      \"section\": \"scaleGateway\",\n      \"unit\": \"1 Hour\",\n      \"price\": \"0.21\","
      ))
    let table = packageRoot.appendingPathComponent("PriceTables/expressroute-usd.json").path
    // The example contract names no document: validation refuses it, at the source's line.
    let untraceable = ercalc("prices", "validate", table, "--overrides", fixture("direct-override.json"))
    #expect(untraceable.status == .dataError)
    #expect(
      untraceable.errors.hasSuffix(
        "direct-override.json:5:15: error: source 'example-contract' has neither a 'url' nor a 'repository' (owner/name@commit): nobody can open it to check its prices\n"
      ), "\(untraceable.errors)")
    // Cited as a document kept on file, it validates. It prices one of the 35 unpriced meters (Direct 10 Gbps metered port
    // pair): 271 + 1 priced, 35 − 1 unpriced, 10 + 1 sources.
    let directory = try temporaryDirectory("ercalc-override")
    defer { try? FileManager.default.removeItem(at: directory) }
    let cited = directory.appendingPathComponent("cited.json").path
    try String(contentsOfFile: fixture("direct-override.json"), encoding: .utf8)
      .replacingOccurrences(
        of: #""date": "2026-11-01""#, with: #""url": "file:contracts/example-direct.pdf", "date": "2026-11-01""#
      )
      .write(toFile: cited, atomically: true, encoding: .utf8)
    let overrides = ercalc("prices", "validate", table, "--overrides", cited)
    #expect(overrides.output.hasSuffix("305 priced rates, 34 unpriced, 11 sources\n"), "\(overrides.errors)")
  }

  @Test func pricesShowAndValidate() {
    let show = ercalc("prices", "show")
    #expect(show.status == .success)
    #expect(show.output.contains("Effective date:  2026-07-21"))
    #expect(show.output.contains("Direct 10 Gbps port pair, MeteredData: No public port-pair price"))
    let validate = ercalc(
      "prices", "validate", packageRoot.appendingPathComponent("PriceTables/expressroute-usd.json").path)
    #expect(validate.status == .success)
    #expect(
      validate.output.hasSuffix(
        ": ok: Azure ExpressRoute retail prices (USD, pay-as-you-go), USD, effective 2026-07-21, 304 priced rates, 35 unpriced, 10 sources\n"
      ))
    // 201 circuit, egress, gateway, Direct, Global Reach, collector and VPN rows priced, plus 99 internet egress tiers
    // (9 regions, Israel, Qatar and New Zealand among them, × (6 via Microsoft's network + 5 via routing preference
    // internet), each counting its free first 100 GB; 66 + 33 = 99)
    // and 4 Virtual WAN rows (hub, scale units from 1 and from 6, connection unit); 32 + 2 (US Government internet
    // egress) + 1 (scale units from 11) unpriced.
  }
}

@Suite struct DiscountTests {
  @Test func aTwelvePercentDiscountShowsListAndDiscountedAmounts() throws {
    // List: 436 + 40,000 GB × 0.025 = 1,436.00. With 12% off: 436 × 0.88 = 383.68 and 1,000 × 0.88 = 880.00 → 1,263.68.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--discount", "12%", "--format",
      "json")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"monthlyTotal\": \"1263.68\""))
    #expect(result.output.contains("\"listTotal\": \"1436.00\""))
    // FOCUS: ListCost keeps the list price; ContractedCost and EffectiveCost take the discount.
    let csv = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--discount", "12%", "--format",
      "csv")
    let table = CSVTable(csv.output)
    let circuit = try #require(table.rows(where: "PricingUnit", is: "Months").first)
    #expect(circuit["ListUnitPrice"] == "436")
    #expect(circuit["ContractedUnitPrice"] == "383.68")  // 436 × 0.88
    #expect(
      [circuit["ListCost"], circuit["ContractedCost"], circuit["EffectiveCost"], circuit["BilledCost"]] == [
        "436.00", "383.68", "383.68", "383.68",
      ])
    #expect(circuit["x_CostBasis"] == "negotiated discount off list price")
    let data = try #require(table.rows(where: "PricingUnit", is: "GB").first)
    #expect(
      [data["PricingQuantity"], data["ListUnitPrice"], data["ListCost"], data["BilledCost"]] == [
        "40000", "0.025", "1000.00", "880.00",
      ])
    // One family only: 10% on circuits → 392.40 + 1,000.00 = 1,392.40.
    let family = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--discount", "circuits=10%",
      "--format", "json")
    #expect(family.output.contains("\"monthlyTotal\": \"1392.40\""))
    let bad = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--discount", "pizza=10%")
    #expect(bad.status == .usage)
  }

  @Test func anOverrideFileDeclaresTheDiscount() throws {
    let directory = try temporaryDirectory("ercalc-discount")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("ea.json").path
    try """
    {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "ea", "title": "EA", "date": "2026-11-01"}],
     "discounts": {"all": "12"}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--overrides", path, "--format",
      "json")
    #expect(result.output.contains("\"monthlyTotal\": \"1263.68\""), "\(result.errors)")
  }
}

@Suite struct VPNComparisonTests {
  @Test func expressRouteAgainstAVPNAcrossATierBoundary() throws {
    // Washington DC (North America), 500 Mbps.
    // ExpressRoute: Standard MeteredData 500 Mbps 290 + 0.025/GB, ErGwScale 1 unit 730 × 0.21 = 153.30.
    // VPN: VpnGw1AZ (650 Mbps benchmark; the retired non-AZ VpnGw1 is not weighed) 730 × 0.21 = 153.30; internet egress:
    //   100 GB free, 0.087/GB to 10,335 GB, then 0.083/GB.
    // 5,000 GB: ER 290 + 125 + 153.30 = 568.30; VPN 153.30 + 4,900 × 0.087 = 153.30 + 426.30 = 579.60.
    // 20,000 GB (past the 10,335 GB tier boundary): ER 290 + 500 + 153.30 = 943.30;
    //   VPN 153.30 + 10,235 × 0.087 + 9,665 × 0.083 = 153.30 + 890.445 + 802.195 → 890.45 + 802.20 (each line to cents) = 1,845.95.
    // Break-even in the 0.087 tier: 153.30 + (V − 100) × 0.087 = 443.30 + 0.025 V → 0.062 V = 298.70 → V = 4,817.7 → 4,818 GB.
    let low = ercalc(
      "compare", "--location", "Washington DC", "--bandwidth", "500Mbps", "--egress", "5TB", "--with-vpn", "--format",
      "json")
    #expect(low.status == .success, "\(low.errors)")
    #expect(low.output.contains("\"expressRouteMonthly\": \"568.30\""))
    #expect(low.output.contains("\"vpnMonthly\": \"579.60\""))
    #expect(low.output.contains("\"breakEvenGB\": \"4818\""))
    let high = ercalc(
      "compare", "--location", "Washington DC", "--bandwidth", "500Mbps", "--egress", "20TB", "--with-vpn", "--format",
      "json")
    #expect(high.output.contains("\"expressRouteMonthly\": \"943.30\""))
    #expect(high.output.contains("\"vpnMonthly\": \"1845.95\""))
    #expect(high.output.contains("\"breakEvenGB\": \"4818\""))
    // --routing needs --with-vpn.
    #expect(ercalc("compare", "--location", "Amsterdam", "--routing", "Internet").status == .usage)
  }

  @Test func theGatewayIsOneOfferedInTheHubRegion() {
    // Singapore's local region, Southeast Asia, has no ErGwScale (the table's availability list): 1 Gbps metered 436 +
    // ErGw1AZ 730 × 0.361 = 263.53 → 699.53, not 436 + ErGwScale 153.30 = 589.30. In East Asia ErGwScale is offered.
    let southeast = ercalc(
      "compare", "--location", "Singapore", "--bandwidth", "1Gbps", "--egress", "0GB", "--with-vpn", "--format", "json")
    #expect(southeast.output.contains("\"expressRouteMonthly\": \"699.53\""), "\(southeast.output.prefix(400))")
    let east = ercalc(
      "compare", "--location", "Singapore", "--bandwidth", "1Gbps", "--egress", "0GB", "--with-vpn", "--hub-region",
      "East Asia", "--format", "json")
    #expect(east.output.contains("\"expressRouteMonthly\": \"589.30\""))
    let unknown = ercalc("compare", "--location", "Singapore", "--with-vpn", "--hub-region", "East Asai")
    #expect(unknown.status == .usage)
    #expect(
      unknown.errors.contains(
        "'East Asai' is not a known Azure region for --hub-region <region>; did you mean 'East Asia'?"))
  }
}

@Suite struct HoursPerMonthTests {
  @Test func pricesShowPrintsTheHoursInUse() {
    // The hours were stored twice: the flag reached the engine but not the table the report printed (730).
    let show = ercalc("prices", "show", "--hours-per-month", "744")
    #expect(show.output.contains("Hours per month: 744\n"), "\(show.output.prefix(400))")
    // And a quote uses them: ErGw1AZ 744 × 0.361 = 268.584 → 268.58.
    let quote = ercalc(
      "quote", "--zone", "Zone 1", "--bandwidth", "1Gbps", "--egress", "0GB", "--gateway", "ErGw1AZ",
      "--hours-per-month", "744", "--format", "json")
    #expect(quote.output.contains("\"hoursPerMonth\": \"744\""))
    #expect(quote.output.contains("\"amount\": \"268.58\""))
  }
}

@Suite struct QuotePeriodTests {
  @Test func aQuoteForAMonthBillsOnlyTheChargesThatFallInIt() throws {
    // 2027-01: Standard UnlimitedData 1 Gbps in Amsterdam (Zone 1) 5,700.00 + the undated colocation fee 300.00 = 6,000.00.
    // The port that ran 2019-01 to 2019-12 (425.00) and the one from 2031-01 (600.00) are named, not billed: the old
    // quote said 5,700 + 425 + 600 + 300 = 7,025.00, and its FOCUS CSV billed both.
    let directory = try temporaryDirectory("ercalc-period")
    let file = directory.appendingPathComponent("d.json")
    try Data(
      """
      {"name": "charges", "circuits": [{"name": "c1", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}],
       "charges": [
        {"name": "old port", "vendor": "OldCo", "amount": "425.00", "recurrence": "monthly", "startMonth": "2019-01", "termMonths": 12},
        {"name": "future port", "vendor": "NewCo", "amount": "600.00", "recurrence": "monthly", "startMonth": "2031-01"},
        {"name": "colo", "vendor": "Equinix", "amount": "300.00", "recurrence": "monthly"}]}
      """.utf8
    ).write(to: file)
    let text = ercalc("quote", file.path, "--period", "2027-01")
    #expect(text.status == .success)
    #expect(text.output.contains("Monthly total:            6,000.00 USD\n"))
    #expect(
      text.output.contains(
        "- charge 'old port' (OldCo): its 12-month term ended in 2019-12, before 2027-01, so not counted\n"))
    #expect(text.output.contains("- charge 'future port' (NewCo): starts in 2031-01, after 2027-01, so not counted\n"))
    let csv = ercalc("quote", file.path, "--period", "2027-01", "--format", "csv")
    #expect(csv.status == .success)
    #expect(!csv.output.contains("old port") && !csv.output.contains("future port"))
    #expect(csv.output.contains(",colo,"))
  }

  /// A deployment with dated charges and no month: the old quote printed "Monthly total: 627.00" = 461 + 100 + 50 + 7 + 9,
  /// a month that never happens (the old port ended in 2020-12, the future one starts in 2031-01). It is refused
  /// (usage, exit 64) naming the dated charges; with '--period 2027-11' it is priced.
  @Test func datedChargesWithoutAMonthAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-dated")
    let file = directory.appendingPathComponent("charges-dep.json")
    try Data(
      """
      {"name": "dep", "circuits": [{"name": "c1", "peeringLocation": "Chicago", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "1000 GB"}],
       "charges": [
        {"name": "port", "vendor": "Megaport", "amount": "100", "recurrence": "monthly", "startMonth": "2027-10", "termMonths": 6, "renews": true},
        {"name": "xc", "vendor": "Equinix", "amount": "50", "recurrence": "monthly", "startMonth": "2027-11", "termMonths": 3},
        {"name": "install", "vendor": "Megaport", "amount": "1200", "recurrence": "oneTime", "startMonth": "2027-09"},
        {"name": "old", "vendor": "OldCo", "amount": "7", "recurrence": "monthly", "startMonth": "2020-01", "termMonths": 12},
        {"name": "future", "vendor": "NewCo", "amount": "9", "recurrence": "monthly", "startMonth": "2031-01"}]}
      """.utf8
    ).write(to: file)
    let refused = ercalc("quote", file.path)
    #expect(refused.status == .usage)
    #expect(refused.output.isEmpty)
    #expect(
      refused.errors.contains(
        "'port' (from 2027-10), 'xc' (from 2027-11), 'install' (from 2027-09), 'old' (from 2020-01), 'future' (from 2031-01)"
      ))
    #expect(refused.errors.contains("--period YYYY-MM"))
    // 2027-11: Standard Metered 1 Gbps in Chicago (Zone 1) 436.00 + 1,000 GB × 0.025 = 25.00, so 461.00; + port 100.00
    // (2027-10 for 6 months) + xc 50.00 (2027-11 for 3 months) = 611.00. install (2027-09), old (2020) and future (2031)
    // fall in other months.
    let text = ercalc("quote", file.path, "--period", "2027-11")
    #expect(text.status == .success)
    #expect(text.output.contains("Monthly total:            611.00 USD\n"))
    let csv = ercalc("quote", file.path, "--period", "2027-11", "--format", "csv")
    #expect(csv.status == .success)
    // Every row, Azure meter or charge, is billed for November 2027: BillingPeriodEnd, BillingPeriodStart filled.
    let rows = csv.output.split(whereSeparator: \.isNewline).dropFirst()
    #expect(rows.count >= 3)
    #expect(rows.allSatisfy { $0.contains("2027-12-01T00:00:00Z,2027-11-01T00:00:00Z") })
    // A diff of two deployments has no month to price them in: refused the same way.
    let diff = ercalc("diff", file.path, file.path)
    #expect(diff.status == .usage)
    #expect(diff.errors.contains("'port' (from 2027-10)"))
  }
}
