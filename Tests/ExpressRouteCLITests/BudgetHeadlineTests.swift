import Foundation
import TestSupport
import Testing

/// What a finance reader must see first: list beside discounted totals, circuits that outgrow their capacity and
/// charges left unpriced, ahead of every table; top-by-growth ranks growth, not size; large portfolios leave the
/// per-site table to request.
@Suite struct BudgetHeadlineTests {
  // overrun-portfolio.json, Amsterdam and London both Zone 1. ams: Standard MeteredData 1 Gbps, 300 TB growing 50% a
  // year (factor 1.5^(m/12) to six decimals); lon: Standard UnlimitedData 1 Gbps, 5,700 a month.
  // Month 1 list: ams 436 + 300,000 × 0.025 = 7,936.00; + lon 5,700 = 13,636.00.
  // Month 2 list: 300,000 × 1.034366 = 310,309.8 GB × 0.025 = 7,757.745 → 7,757.75; ams 8,193.75; 13,893.75.
  // Two months 27,529.75. 10% off each line item, rounded once: month 1 392.40 + 6,750.00 + 5,130.00 = 12,272.40;
  // month 2 392.40 + 6,981.97 (7,757.745 × 0.9) + 5,130.00 = 12,504.37. Two months 24,776.77 (ams 14,516.77, lon
  // 10,260.00); saving 2,752.98, 10.0% of list.
  // With the user's own outbound rate, 0.02/GB in Zone 1 (an override file), and no discount: ams's data is
  // 300,000 × 0.02 = 6,000.00 in month 1 and 310,309.8 × 0.02 = 6,206.196 → 6,206.20 in month 2, so the two months
  // are 436 × 2 + 12,206.20 + 5,700 × 2 = 24,478.20, against 27,529.75 at list: the user's prices save 3,051.55
  // (11.1% of list). The saving is theirs, not a discount's.
  @Test func ownPricesShowListBesideTheirs() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-own-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let overrides = directory.appendingPathComponent("own.json").path
    try #"""
    {"schemaVersion": 1, "kind": "override", "currency": "USD",
     "sources": [{"id": "contract", "title": "Our contract (illustrative)", "date": "2026-11-01"}],
     "egress": {"source": "contract", "confidence": "ESTIMATE", "rows": [{"zone": "Zone 1", "perGB": "0.02"}]}}
    """#.write(toFile: overrides, atomically: true, encoding: .utf8)
    let text = ercalc("budget", fixture("overrun-portfolio.json"), "--months", "2", "--overrides", overrides)
    #expect(text.status == .success, "\(text.errors)")
    #expect(text.output.contains("Total:           24,478.20 USD\n"))
    #expect(
      text.output.contains(
        "List total:      27,529.75 USD (your prices save 3,051.55 USD, 11.1%)\n"))
  }

  @Test func aDiscountShowsListBesideDiscountedInEveryFormat() throws {
    let portfolio = fixture("overrun-portfolio.json")
    let text = ercalc("budget", portfolio, "--months", "2", "--discount", "10%")
    #expect(text.status == .success, "\(text.errors)")
    #expect(text.output.contains("Total:           24,776.77 USD\n"))
    #expect(
      text.output.contains(
        "List total:      27,529.75 USD (the discount saves 2,752.98 USD, 10.0%)\n"))
    #expect(text.output.contains("Month          ams        lon  List (USD)  Total (USD)\n"))
    #expect(text.output.contains("2027-01   7,142.40   5,130.00   13,636.00    12,272.40\n"))
    #expect(text.output.contains("Total    14,516.77  10,260.00   27,529.75    24,776.77\n"))
    #expect(text.output.contains("2027        2   27,529.75    24,776.77\n"))
    #expect(text.output.contains("Total       2   27,529.75    24,776.77\n"))

    let json = ercalc("budget", portfolio, "--months", "2", "--discount", "10%", "--format", "json")
    #expect(json.output.contains("\"total\": \"24776.77\",\n  \"listTotal\": \"27529.75\""))
    #expect(json.output.contains("\"monthListTotals\": [\n    \"13636.00\",\n    \"13893.75\"\n  ]"))

    let markdown = ercalc("budget", portfolio, "--months", "2", "--discount", "10%", "--format", "markdown")
    #expect(markdown.output.contains("| 2027-01 | 7,142.40 | 5,130.00 | 13,636.00 | 12,272.40 |"))

    // At list prices there is no list column and the JSON's list total is the total.
    let list = ercalc("budget", portfolio, "--months", "2")
    #expect(!list.output.contains("List"))
    let listJSON = ercalc("budget", portfolio, "--months", "2", "--format", "json")
    #expect(listJSON.output.contains("\"total\": \"27529.75\",\n  \"listTotal\": \"27529.75\""))
  }

  // Capacity of 1 Gbps one way in 730 hours: 10^9 / 8 × 730 × 3,600 = 328,500 GB. ams carries 300,000 × 1.5^(m/12)
  // (six decimals): month index 2 (March) × 1.069913 = 320,973.9 GB fits; index 3 (April) × 1.106682 = 332,004.6 GB
  // does not, and every later month grows: April to December, 9 months.
  @Test func capacityOverrunsAreAHeadlineNotANote() {
    let result = ercalc("budget", fixture("overrun-portfolio.json"))
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Over capacity:   1 circuit from 2027-04 (listed under 'Capacity overruns')\n"))
    #expect(result.output.contains("ams   ams-er      1 Gbps  2027-04   332,004.6 GB  328,500 GB            9\n"))
    let headline = result.output.range(of: "Capacity overruns\n-----------------")
    let unpriced = result.output.range(of: "Not priced\n----------")
    let perMonth = result.output.range(of: "Per month\n---------")
    #expect(headline != nil && unpriced != nil && perMonth != nil)
    if let headline, let unpriced, let perMonth {
      #expect(headline.lowerBound < unpriced.lowerBound && unpriced.lowerBound < perMonth.lowerBound)
    }
    #expect(!result.output.contains("size it with a profile"))  // no longer a note at the end

    let json = ercalc("budget", fixture("overrun-portfolio.json"), "--format", "json")
    #expect(
      json.output.contains(
        """
        "capacityOverruns": [
            {
              "site": "ams",
              "circuit": "ams-er",
              "bandwidth": "1 Gbps",
              "firstMonth": "2027-04",
              "egressGB": "332004.6",
              "capacityGB": "328500",
              "months": 9
            }
          ]
        """))
  }

  /// 13 sites: a large metered site growing 10% a year, a small one growing 50%, and 11 unlimited sites that do not
  /// grow, over 13 months (the last month is 12 months after the first, so growth factors are exactly 1.1 and 1.5).
  static func growthPortfolio() throws -> String {
    let directory = try temporaryDirectory("ercalc-growth")
    let constant = (1...11).map { index in
      """
      {"name": "flat \(index)", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps"}]}}
      """
    }
    let sites =
      [
        """
        {"name": "large", "yearlyGrowth": "0.1", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "egress": "1000 TB"}]}}
        """,
        """
        {"name": "small", "yearlyGrowth": "0.5", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10 TB"}]}}
        """,
      ] + constant
    let text = """
      {"schemaVersion": 1, "name": "growth", "startMonth": "2027-01", "horizonMonths": 13, "sites": [\(sites.joined(separator: ","))]}
      """
    let path = directory.appendingPathComponent("growth.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  // large: 3,400 + 1,000,000 GB × 0.025 = 28,400.00 in 2027-01; 3,400 + 1,100,000 × 0.025 = 30,900.00 in 2028-01:
  // +2,500.00, +8.8%. small: 436 + 10,000 × 0.025 = 686.00; 436 + 15,000 × 0.025 = 811.00: +125.00, +18.2%.
  // By amount large would lead (as it leads by cost); by percentage small does.
  @Test func topByGrowthRanksByPercentage() throws {
    let result = ercalc("budget", try Self.growthPortfolio())
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Top 2 sites by growth (first to last month)"))
    #expect(result.output.contains("   1  small     686.00     811.00    +125.00    +18.2%\n"))
    #expect(result.output.contains("   2  large  28,400.00  30,900.00  +2,500.00     +8.8%\n"))
    // Top by cost is the flat sites (10 Gbps unlimited, 51,300 a month × 13 = 666,900.00), which do not grow at all.
    #expect(result.output.contains("   1  flat 1    666,900.00   8.6%\n"))
  }

  @Test func theSiteTableIsOnRequestAtLargeSizes() throws {
    let path = try Self.growthPortfolio()
    let plain = ercalc("budget", path)
    #expect(plain.output.contains("Each site's totals per year are in the JSON and CSV formats"))
    #expect(!plain.output.contains("flat 11  "))
    let details = ercalc("budget", path, "--details")
    #expect(details.output.contains("Per year and site\n-----------------\n\nSite "))
    #expect(details.output.contains("flat 11 "))
  }

  // provider-charges: a 1,500.00 installation in 2027-01 amortised over 12 months is 125.00 a month to 2027-12. A
  // budget from 2027-03 counts its share in March to December (10 months, 1,250.00) and must say so, not "not counted"
  // (review of issue 31: the note said it was left out while the table counted it).
  @Test func anAmortisedChargeBeforeTheStartIsNamedAsCounted() {
    let portfolio = packageRoot.appendingPathComponent("Reports/provider-charges/portfolio.json").path
    let inside = ercalc("budget", portfolio, "--amortize", "--start", "2027-03", "--months", "14")
    #expect(inside.status == .success, "\(inside.errors)")
    #expect(inside.output.contains("Installation                                        1  month         125"))
    let note = inside.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      note.contains(
        "charge 'Installation' (Megaport): one-time in 2027-01, amortised over its 12-month term to 2027-12; its share of the 10 months from 2027-03 to 2027-12 is counted"
      ))
    #expect(!note.contains("so not counted"))
    let after = ercalc("budget", portfolio, "--amortize", "--start", "2028-03", "--months", "2")
    #expect(
      after.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "one-time in 2027-01, amortised over its 12-month term to 2027-12, outside 2028-03 to 2028-04, so not counted"))
  }

  // before.json → after.json at 10% off: 1,699.53 → 5,963.53 at list; each line less 10%, rounded once:
  // before 392.40 + 900.00 + 237.18 = 1,529.58; after 5,130.00 + 237.18 = 5,367.18. The report says the prices are
  // discounted (review: the diff text and JSON never did).
  @Test func aDiscountedDiffSaysSo() {
    let text = ercalc("diff", fixture("before.json"), fixture("after.json"), "--discount", "10%")
    #expect(text.status == .success, "\(text.errors)")
    #expect(
      text.output.contains(
        "Prices:          Azure ExpressRoute retail prices (USD, pay-as-you-go) with negotiated discount 10% on all Azure charges\n"
      ))
    #expect(text.output.contains("Change:          +3,837.60 USD (+250.9%)\n"))
    // At list prices: 436 + 1,000 + 263.53 = 1,699.53 → 5,700 + 263.53 = 5,963.53, +4,264.00.
    #expect(text.output.contains("List prices:     1,699.53 → 5,963.53 USD (+4,264.00 USD) before the discount\n"))
    let json = ercalc("diff", fixture("before.json"), fixture("after.json"), "--discount", "10%", "--format", "json")
    #expect(json.output.contains("\"negotiatedDiscount\": \"10% on all Azure charges\""))
    #expect(json.output.contains("\"beforeTotal\": \"1529.58\""))
    #expect(json.output.contains("\"afterTotal\": \"5367.18\""))
    #expect(json.output.contains("\"beforeListTotal\": \"1699.53\",\n  \"afterListTotal\": \"5963.53\""))
  }

  // A site at a location that does not exist is refused whole; the one left (Standard UnlimitedData 1 Gbps in
  // Amsterdam, 5,700.00 a month) is priced in full, and "Not priced" must not read as if the budget were complete.
  @Test func aRefusedSiteIsAHeadlineAndNotPricedSaysSo() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("refused.json")
    try """
    {"schemaVersion": 1, "name": "refused", "startMonth": "2027-01", "horizonMonths": 2, "sites": [
      {"name": "ams", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}},
      {"name": "lost", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Atlantis", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}}]}
    """.write(to: path, atomically: true, encoding: .utf8)
    let result = ercalc("budget", path.path)
    #expect(result.status == .dataError)
    #expect(result.output.contains("Total:           11,400.00 USD\n"))
    #expect(
      result.output.contains("Every charge of the sites budgeted was priced; the 1 refusal above is in no total."))
    let refused = result.output.range(of: "Refused\n-------\n\n- lost: ")?.lowerBound
    let perMonth = result.output.range(of: "Per month\n---------")?.lowerBound
    if let refused, let perMonth { #expect(refused < perMonth) } else { Issue.record("\(result.output)") }
  }

  /// A discounted sizing report gives its horizon total at list prices too, and it is the sum of its CSV's `ListCost`
  /// (579,717.87 over the 36 months, as an independent review summed it from the CSV); 10% off each line item,
  /// rounded once, leaves 521,746.09.
  @Test func aDiscountedSizingShowsItsListTotal() throws {
    let profile = packageRoot.appendingPathComponent("Reports/data-centre-growth/profile.json").path
    let text = ercalc("size", profile, "--discount", "10%", "--quiet")
    #expect(text.status == .success, "\(text.errors)")
    #expect(text.output.contains("Horizon total:      521,746.09 USD over 36 months"))
    #expect(text.output.contains("List total:         579,717.87 USD before the discount (saves 57,971.78 USD)\n"))
    let json = ercalc("size", profile, "--discount", "10%", "--quiet", "--format", "json")
    #expect(json.output.contains("\"horizonListTotal\": \"579717.87\""))
    let csv = ercalc("size", profile, "--discount", "10%", "--quiet", "--format", "csv")
    let listCost = CSVTable(csv.output).rows.compactMap { $0["ListCost"].flatMap { Decimal(string: $0) } }
    #expect(listCost.reduce(0, +) == Decimal(string: "579717.87"))
  }
}
