import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

@Suite struct BudgetCommandTests {
  @Test func monthByMonthWithGrowthByHand() {
    let result = ercalc("budget", fixture("small-portfolio.json"), "--format", "json")
    #expect(result.status == .success)
    // ams: 436 + egress × 0.025, egress 10,000 GB × 1.2^(m/12) (factor to six decimals, volume to the MB):
    //   2027-01: 10,000 GB → 250.00 → 686.00
    //   2027-02: × 1.015309 = 10,153.09 GB → 253.83 → 689.83
    //   2027-03: × 1.030853 = 10,308.53 GB → 257.71 → 693.71
    // gw: ErGw1AZ 730 × 0.361 = 263.53 every month.
    #expect(result.output.contains("\"monthTotals\": [\n    \"949.53\",\n    \"953.36\",\n    \"957.24\"\n  ]"))
    // 2,069.54 + 3 × 263.53 = 2,069.54 + 790.59 = 2,860.13
    #expect(result.output.contains("\"total\": \"2860.13\""))
  }

  @Test func csvHasFOCUSChargePeriods() throws {
    let result = ercalc("budget", fixture("small-portfolio.json"), "--format", "csv")
    #expect(result.status == .success)
    let lines = result.output.components(separatedBy: "\r\n")
    // February's data line: 10,153.09 GB × 0.025 = 253.83, charged for 2027-02.
    let row = try #require(
      CSVTable(result.output).rows.first {
        $0["ChargePeriodStart"] == "2027-02-01T00:00:00Z" && $0["PricingUnit"] == "GB"
      })
    #expect(row["ChargePeriodEnd"] == "2027-03-01T00:00:00Z")
    #expect(
      // Budget ResourceNames are scoped by site.
      [row["PricingQuantity"], row["ListUnitPrice"], row["BilledCost"], row["ResourceName"], row["x_Group"]] == [
        "10153.09", "0.025", "253.83", "ams/c", "ams",
      ])
    // 3 months × (2 ams lines + 1 gateway line) + header + final empty line.
    #expect(lines.count == 11)
  }

  /// Charges not priced are counted in the months they fall in, and listed in the per-meter table as not priced (the
  /// table left their groups out, and the two legs of a Global Reach link in one zone counted 6 months of 3).
  @Test func unpricedChargesKeepTheirMonthsAndMeterGroups() throws {
    let directory = try temporaryDirectory("ercalc-budget-unpriced-groups")
    defer { try? FileManager.default.removeItem(at: directory) }
    // Amsterdam and London, both Zone 1, linked by Global Reach (no per-GB rate in the built-in table), 3 months.
    let portfolio = try write(
      #"{"schemaVersion": 1, "name": "p", "startMonth": "2027-11", "horizonMonths": 3, "sites": [{"name": "s", "deployment": {"circuits": [{"name": "ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}, {"name": "lon", "peeringLocation": "London", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}], "globalReach": [{"circuitA": "ams", "circuitB": "lon", "dataAToB": "2 TB", "dataBToA": "1 TB"}]}}]}"#,
      to: directory, "p.json")
    let text = ercalc("budget", portfolio)
    // Circuits: 2 × 5,700 × 3 months = 34,200.00; Global Reach is not priced, so the total is marked.
    #expect(text.output.contains("Global Reach outbound data, Zone 1, in 3 months"), "\(text.output)")
    #expect(!text.output.contains("in 6 months"))
    #expect(text.output.contains("Circuits        34,200.00\nGlobal Reach   not priced\n"), "\(text.output)")
    let json = ercalc("budget", portfolio, "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let groups = try #require(root["meterTotals"] as? [[String: Any]])
    #expect(groups.map { $0["group"] as? String } == ["Circuits", "Global Reach"])
    #expect(groups.last?["total"] is NSNull && groups.last?["complete"] as? Bool == false)
    // With London moved to Milan (Italy is not on the Global Reach availability list), every format says so.
    let milan = try write(
      String(contentsOfFile: portfolio, encoding: .utf8).replacingOccurrences(of: "London", with: "Milan"),
      to: directory, "milan.json")
    for format in ["text", "markdown", "html"] {
      let run = ercalc("budget", milan, "--format", format)
      #expect(
        run.output.replacingOccurrences(of: "\n  ", with: " ").contains("Global Reach is not offered at Milan"),
        "\(format)")
    }
  }

  @Test func failAboveGatesTheHighestMonth() {
    let over = ercalc("budget", fixture("small-portfolio.json"), "--fail-above", "957")
    #expect(over.status == .failure)
    #expect(over.errors == "error: highest monthly total 957.24 USD exceeds --fail-above 957.00 USD\n")
    #expect(ercalc("budget", fixture("small-portfolio.json"), "--fail-above", "957.24").status == .success)
    // A decimal comma is refused (exit 64), not read as a grouping: 957,24 would be 95,724.00 and pass.
    let comma = ercalc("budget", fixture("small-portfolio.json"), "--fail-above", "957,24")
    #expect(comma.status == .usage)
    #expect(comma.errors.contains("a comma only between groups of three digits"), "\(comma.errors)")
  }

  /// A refused site makes the exit status 65, but the gate's verdict on the sites budgeted is still said.
  @Test func aRefusedSiteStillShowsTheGatesVerdict() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-budget-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.json").path
    let portfolio = #"""
      {"startMonth": "2027-01", "horizonMonths": 2, "sites": [
        {"name": "ok", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard",
          "billing": "UnlimitedData", "bandwidth": "50 Mbps"}]}},
        {"name": "bad", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Atlantis", "tier": "Standard",
          "billing": "UnlimitedData", "bandwidth": "50 Mbps"}]}}]}
      """#
    try portfolio.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("budget", path, "--fail-above", "1")
    #expect(result.status == .dataError)
    // Standard UnlimitedData 50 Mbps in Zone 1 is 300.00 a month (PriceTables/expressroute-usd.json): above 1.00.
    #expect(result.errors.contains("error: highest monthly total 300.00 USD exceeds --fail-above 1.00 USD\n"))
    #expect(result.errors.hasSuffix("error: 1 site refused (listed under 'Refused'); the rest is budgeted\n"))
    // Within the limit, the gate still cannot pass a total that leaves the refused site out.
    let within = ercalc("budget", path, "--fail-above", "1000")
    #expect(within.status == .dataError)
    #expect(within.errors.contains("error: --fail-above cannot pass: the total leaves out the sites refused\n"))
  }

  /// A profile that outgrows the largest provider circuit: the months it cannot be served still carry the site's own
  /// charges (known amounts), and a month with nothing priced is unknown (null), never 0.00.
  @Test func unservedMonthsKeepTheSitesOwnCharges() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ercalc-unserved-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.json").path
    // 6 Gbps at 80% needs 7.5 Gbps, doubling every year: 7.5 × 2^(m/12) > 10 Gbps from m = 5 (12 × log2(4/3) =
    // 4.98), so months 6 on (2027-09 on) cannot be served. The installation, 1,200.00 amortised over 12 months from
    // 2027-04, is 120,000 ÷ 12 = 10,000 cents = 100.00 a month to 2028-03.
    let portfolio = #"""
      {"startMonth": "2027-04", "horizonMonths": 14, "sites": [{"name": "big", "profile": {
        "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
        "traffic": {"peakOutbound": "6 Gbps", "peakInbound": "1 Gbps", "monthlyEgress": "400 TB"},
        "sizing": {"percentile": 95, "targetUtilization": "0.8", "yearlyGrowth": "1.0"}},
        "charges": [{"name": "Install", "vendor": "Equinix", "amount": "1200.00", "recurrence": "oneTime",
          "termMonths": 12, "startMonth": "2027-04"}]}]}
      """#
    try portfolio.write(toFile: path, atomically: true, encoding: .utf8)
    let json = ercalc("budget", path, "--amortize", "--format", "json")
    let document = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let site = try #require((document["sites"] as? [[String: Any]])?.first)
    let months = try #require(site["monthTotals"] as? [Any])
    #expect(months[5] as? String == "100.00")  // 2027-09: unserved, its installation share still counted
    #expect(months[11] as? String == "100.00")  // 2028-03: the last share
    #expect(months[12] is NSNull)  // 2028-04: unserved, nothing priced: unknown
    #expect(site["total"] as? String != nil)
    let text = ercalc("budget", path, "--amortize")
    #expect(text.output.contains("2027-09     100.00 *     100.00 *\n"))
    #expect(text.output.contains("2028-04   not priced   not priced\n"))
    // The gateway of the unserved months is not priced either, so its meter group is marked incomplete (it read as
    // complete over 5 of 14 months), and the circuit item says which circuit falls short.
    let groups = try #require(document["meterTotals"] as? [[String: Any]])
    let gateways = groups.first {
      ($0["group"] as? String)?.hasSuffix("gateways") == true || $0["group"] as? String == "Virtual WAN"
    }
    #expect(gateways?["complete"] as? Bool == false, "\(groups)")
    #expect(text.output.replacingOccurrences(of: "\n  ", with: " ").contains("big: gateway:"), "\(text.output)")
  }

  @Test func portfolioErrorsArePrecise() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-budget-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.json").path
    try #"{"startMonth": "2027-13", "sites": []}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("budget", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(path):1:16: error: startMonth: '2027-13' is not a month (expected YYYY-MM from 1970-01 to 2199-12, such as 2027-01)\n"
    )
  }

  /// A start month whose plan would run past year 9999 (`10000-01-01T00:00:00Z` is not a FOCUS date) is a usage error.
  @Test func aStartMonthOutsideTheCalendarIsRefused() {
    let result = ercalc("budget", "Reports/global-estate/portfolio.json", "--start", "9999-06", "--months", "8")
    #expect(result.status == .usage)
    #expect(result.errors.contains("Please provide a month from 1970-01 to 2199-12, such as 2026-01."))
    #expect(
      ercalc("budget", "Reports/global-estate/portfolio.json", "--start", "2199-12", "--months", "60").status
        == .success)
  }

  @Test func diffShowsTheChangePerItem() {
    // Before: 436 + 40,000 × 0.025 + 263.53 = 1,699.53. After: 5,700 + 263.53 = 5,963.53. Change +4,264.00 (+250.9%).
    let result = ercalc("diff", fixture("before.json"), fixture("after.json"))
    #expect(result.status == .success)
    #expect(result.output.contains("Change:          +4,264.00 USD (+250.9%)\n"))
    #expect(result.output.contains("1 item unchanged and not shown."))
    // By category: outbound data 1,000.00 before (40,000 GB × 0.025), included in UnlimitedData after: −1,000.00.
    #expect(result.output.contains("outbound data           1,000.00  0.00 (included in UnlimitedData)   -1,000.00\n"))
    Golden.check(result.output, file: snapshotFile("diff.txt"))
    let gate = ercalc("diff", fixture("before.json"), fixture("after.json"), "--fail-above", "5000")
    #expect(gate.status == .failure)
    #expect(gate.errors == "error: monthly total 5,963.53 USD exceeds --fail-above 5,000.00 USD\n")
    let mixed = ercalc("diff", fixture("before.json"), fixture("small-portfolio.json"))
    #expect(mixed.status == .usage)
  }
}

@Suite struct BudgetYearAndDiffTests {
  /// A site whose charges could not be priced is unknown in a portfolio diff's year table, never 0.00.
  @Test func aPortfolioDiffSaysWhatIsNotPriced() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ bandwidth: String) throws -> String {
      let path = directory.appendingPathComponent("\(bandwidth).json").path
      try #"""
      {"startMonth": "2027-01", "horizonMonths": 2, "sites": [
        {"name": "bjs", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Beijing", "tier": "Standard",
          "billing": "UnlimitedData", "bandwidth": "\#(bandwidth)"}]}}]}
      """#.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let result = ercalc("diff", try write("50 Mbps"), try write("100 Mbps"))
    #expect(result.output.contains("bjs   2027  not priced  not priced  unknown\n"))
  }

  @Test func fiscalYearsTotalPerSite() {
    // small-portfolio.json, 2027-01 to 2027-03. ams: 1 Gbps metered, 10,000 GB growing 20% a year:
    // m0 436 + 250.00 = 686.00; m1 factor 1.015309 → 10,153.09 GB × 0.025 = 253.83 → 689.83;
    // m2 factor 1.030853 → 10,308.53 GB × 0.025 = 257.71 → 693.71. gw: ErGw1AZ 730 × 0.361 = 263.53 a month.
    // Fiscal years from February: 2026-02 to 2027-01 holds 2027-01; 2027-02 to 2028-01 holds the other two months.
    let result = ercalc("budget", fixture("small-portfolio.json"), "--fiscal-year-start", "2027-02")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("2026-02 to 2027-01       1       949.53\n"))  // 686.00 + 263.53
    #expect(result.output.contains("2027-02 to 2028-01       2     1,910.60\n"))  // 689.83 + 693.71 + 2 × 263.53
    // Shares of the period's 2,860.13: 2,069.54 / 2,860.13 = 72.4%, 790.59 / 2,860.13 = 27.6%.
    #expect(result.output.contains("ams                686.00            1,383.54     2,069.54   72.4%\n"))
    #expect(result.output.contains("gw                 263.53              527.06       790.59   27.6%\n"))
  }

  @Test func diffReadsPortfoliosWhoseProfilesUseSeries() throws {
    let directory = try temporaryDirectory("ercalc-diff")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      atPath: fixture("two-circuits.csv"), toPath: directory.appendingPathComponent("metrics.csv").path)
    let portfolio = directory.appendingPathComponent("p.json").path
    try """
    {"schemaVersion": 1, "name": "measured", "startMonth": "2027-01", "horizonMonths": 12, "sites": [
      {"name": "ams", "profile": {"name": "ams", "peeringLocation": "Amsterdam", "gateways": 0,
        "traffic": {"series": ["metrics.csv"], "seriesCircuit": "AMS"}}}]}
    """.write(toFile: portfolio, atomically: true, encoding: .utf8)
    // 'ercalc budget' reads it; 'ercalc diff' must read it the same way (it used to stop: "the profile needs traffic").
    let budget = ercalc("budget", portfolio)
    #expect(budget.status == .success, "\(budget.errors)")
    let diff = ercalc("diff", portfolio, portfolio)
    #expect(diff.status == .success, "\(diff.errors)")
    #expect(diff.output.contains("Change:          0.00 USD (0.0%)\n"))
    #expect(diff.output.contains("Per year and site"))
    // The series circuit 'ams' is matched by the one rule, whatever its case ('AMS' above).
    #expect(!diff.errors.contains("error"))
  }

  @Test func diffOfDeploymentsShowsOneTimeOverlaps() {
    // after.json runs circuit 'c' UnlimitedData 1 Gbps (5,700 a month); before.json has it MeteredData with 40 TB out:
    // going that way needs a new circuit, and the old one carries the traffic until it moves. A month of both: old
    // 5,700 + new idle 436 − new with its traffic (436 + 40,000 × 0.025 = 1,436) = 4,700.00; 2 months 9,400.00 (it
    // charged the old circuit whole, 5,700.00, on top of the new one's own outbound data).
    let one = ercalc("diff", fixture("after.json"), fixture("before.json"))
    #expect(one.status == .success, "\(one.errors)")
    #expect(one.output.contains("One-time: changes that need a new circuit"))
    #expect(
      one.output.contains("c        UnlimitedData cannot go back to MeteredData       1                    4,700.00\n")
    )
    let two = ercalc("diff", fixture("after.json"), fixture("before.json"), "--lead-time", "2", "--format", "json")
    #expect(two.output.contains("\"cost\": \"9400.00\""))
  }

  /// A site whose series cannot be read (a cell that is no number, a file that is not there) is refused alone; the
  /// other sites are budgeted and the exit status is 65, as for any refused site.
  @Test func aSiteWhoseSeriesCannotBeReadIsRefusedAlone() throws {
    let directory = try temporaryDirectory("ercalc-budget-bad-series")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try write("Time,BitsInPerSecond,BitsOutPerSecond\n2027-01-01T00:00:00Z,abc,1\n", to: directory, "bad.csv")
    let portfolio = try write(
      #"""
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 3, "sites": [
        {"name": "ok", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}},
        {"name": "malformed", "profile": {"peeringLocation": "Amsterdam", "traffic": {"series": ["bad.csv"]}}},
        {"name": "absent", "profile": {"peeringLocation": "Amsterdam", "traffic": {"series": ["missing.csv"]}}}]}
      """#, to: directory, "p.json")
    let run = ercalc("budget", portfolio, "--format", "json")
    #expect(run.status == .dataError, "\(run.errors)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    // ok alone: Standard UnlimitedData 1 Gbps at Amsterdam (Zone 1), 5,700.00 a month × 3 = 17,100.00.
    #expect(report["total"] as? String == "17100.00")
    let refused = (report["refused"] as? [[String: Any]] ?? []).compactMap { $0["site"] as? String }
    #expect(refused == ["malformed", "absent"])
    #expect(
      run.errors.contains("bad.csv:2:22: error: site 'malformed': series: 'abc' is not a number"), "\(run.errors)")
    #expect(run.errors.contains("error: site 'absent': cannot read series 'missing.csv': no such file"))
  }

  /// A profile site with no hub or target region has its gateway weighed in its location's first local region, and
  /// the budget says so for the site, as size does.
  @Test func aSiteWhoseGatewayRegionIsAssumedSaysSo() throws {
    let directory = try temporaryDirectory("ercalc-budget-gateway-region")
    defer { try? FileManager.default.removeItem(at: directory) }
    let portfolio = try write(
      #"""
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 3, "sites": [
        {"name": "ams", "profile": {"peeringLocation": "Amsterdam", "traffic": {"peakOutbound": "300 Mbps", "peakInbound": "10 Mbps", "monthlyEgress": "98550 GB"}, "sizing": {"yearlyGrowth": 0}}}]}
      """#, to: directory, "p.json")
    let run = ercalc("budget", portfolio)
    #expect(run.status == .success, "\(run.errors)")
    let text = run.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      text.contains("- ams: no hub or target region is given, so the gateway is assumed in West Europe"), "\(text)")
  }

  /// Grouped by a tag, a group with a refused site says so beside its count (the refused site is in no total).
  @Test func aGroupCountsItsRefusedSites() throws {
    let directory = try temporaryDirectory("ercalc-budget-group-refused")
    defer { try? FileManager.default.removeItem(at: directory) }
    let portfolio = try write(
      #"""
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 3, "sites": [
        {"name": "ok", "tags": {"region": "EU"}, "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}},
        {"name": "absent", "tags": {"region": "EU"}, "profile": {"peeringLocation": "Amsterdam", "traffic": {"series": ["missing.csv"]}}},
        {"name": "latam", "tags": {"region": "LATAM"}, "profile": {"peeringLocation": "Amsterdam", "traffic": {"series": ["missing.csv"]}}}]}
      """#, to: directory, "p.json")
    let run = ercalc("budget", portfolio, "--group-by", "region")
    #expect(run.status == .dataError, "\(run.errors)")
    #expect(run.output.contains("EU      1 (+1 refused)"), "\(run.output)")
    // A group whose only site was refused is listed with no total.
    #expect(run.output.contains("LATAM   0 (+1 refused)"), "\(run.output)")
    let json = ercalc("budget", portfolio, "--group-by", "region", "--format", "json")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let group = (report["groups"] as? [[String: Any]])?.first
    #expect(group?["refused"] as? [String] == ["absent"])
  }
}
