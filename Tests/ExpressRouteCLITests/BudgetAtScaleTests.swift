import Foundation
import Testing

/// Budgets that read at any size: sites grouped by a tag, top sites, and the site × month matrix only when small.
@Suite struct BudgetAtScaleTests {
  // tagged-portfolio.json, 2027-11 to 2028-01, Standard UnlimitedData Zone 1: 1 Gbps 5,700 and 2 Gbps 11,400 a month;
  // ErGw1AZ 730 × 0.361 = 263.53. ams (Europe) 5,700; lon (Europe) 11,400; iad (North America) 5,963.53; chi (untagged) 5,700.
  @Test func sitesGroupByATag() {
    let result = ercalc("budget", fixture("tagged-portfolio.json"), "--group-by", "region")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Grouped by:      region (3 groups)\n"))
    // Europe: 2027 2 × 17,100 = 34,200; 2028 17,100; 51,300 of 86,290.59 (= 3 × 28,763.53) is 59.5%.
    // North America: 2 × 5,963.53 = 11,927.06; 5,963.53; 17,890.59 is 20.7%. Untagged: 11,400; 5,700; 17,100 is 19.8%.
    #expect(result.output.contains("Europe             2  34,200.00  17,100.00    51,300.00   59.5%\n"))
    #expect(result.output.contains("North America      1  11,927.06   5,963.53    17,890.59   20.7%\n"))
    #expect(result.output.contains("(no region)        1  11,400.00   5,700.00    17,100.00   19.8%\n"))
    #expect(result.output.contains("Total              4  57,527.06  28,763.53    86,290.59  100.0%\n"))
    // Months by group (untagged sites last), not by site.
    #expect(result.output.contains("Month       Europe  North America  (no region)  Total (USD)\n"))
    #expect(result.output.contains("2027-11  17,100.00       5,963.53     5,700.00    28,763.53\n"))
  }

  @Test func groupingInJSON() {
    let result = ercalc("budget", fixture("tagged-portfolio.json"), "--group-by", "costCentre", "--format", "json")
    #expect(result.output.contains("\"groupBy\": \"costCentre\""))
    // CC-1 holds ams and iad: 3 × 5,700 + 3 × 5,963.53 = 34,990.59.
    #expect(
      result.output.contains("\"name\": \"CC-1\",\n      \"sites\": [\n        \"ams\",\n        \"iad\"\n      ]"))
    #expect(result.output.contains("\"total\": \"34990.59\""))
    #expect(
      result.output.contains("\"tags\": {\n        \"costCentre\": \"CC-1\",\n        \"region\": \"Europe\"\n      }"))
  }

  @Test func anUnknownTagIsAUsageError() {
    let result = ercalc("budget", fixture("tagged-portfolio.json"), "--group-by", "department")
    #expect(result.status == .usage)
    #expect(result.errors.contains("No site has the tag 'department' (tags in this portfolio: costCentre, region)"))
  }

  /// A portfolio of `count` sites over `horizon` months from 2027-01, site `n` (from 1) a Standard UnlimitedData
  /// circuit of `sizes[n % 3]` in Amsterdam.
  static func portfolio(sites count: Int, horizon: Int = 2) throws -> String {
    let directory = try temporaryDirectory("ercalc-scale")
    let sizes = ["1 Gbps", "2 Gbps", "5 Gbps"]
    let sites = (1...count).map { index in
      """
      {"name": "site \(index)", "tags": {"region": "R\(index % 2)"}, "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "\(sizes[index % 3])"}]}}
      """
    }
    let text = """
      {"schemaVersion": 1, "name": "many", "startMonth": "2027-01", "horizonMonths": \(horizon), "sites": [\(sites.joined(separator: ","))]}
      """
    let path = directory.appendingPathComponent("many.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func largePortfoliosShowTopSitesNotTheMatrix() throws {
    // 20 sites: site n has 5 Gbps when n % 3 == 2 (sites 2, 5, 8, 11, 14, 17, 20): 25,650 a month, 51,300 over 2 months.
    // The 20 sites total 7 × 51,300 + 7 × 22,800 (2 Gbps, n % 3 == 1) + 6 × 11,400 (1 Gbps) = 587,100; 51,300 is 8.7%.
    let path = try Self.portfolio(sites: 20)
    let result = ercalc("budget", path, "--top", "3")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Top 3 sites by cost\n"))
    // Ties keep portfolio order: sites 2, 5 and 8.
    #expect(result.output.contains("   1  site 2    51,300.00   8.7%\n"))
    #expect(result.output.contains("   2  site 5    51,300.00   8.7%\n"))
    #expect(result.output.contains("   3  site 8    51,300.00   8.7%\n"))
    // No site × month matrix: months are rows with the total only, and no site's line items.
    #expect(result.output.contains("Month    Total (USD)  Change\n"))
    #expect(!result.output.contains("site 20: first month"))
    let detailed = ercalc("budget", path, "--details")
    #expect(detailed.output.contains("site 20: first month (2027-01)"))
  }
}
