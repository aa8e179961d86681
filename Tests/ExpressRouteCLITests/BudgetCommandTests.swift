import ExpressRouteCLI
import Foundation
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

  @Test func csvHasFOCUSChargePeriods() {
    let result = ercalc("budget", fixture("small-portfolio.json"), "--format", "csv")
    #expect(result.status == .success)
    let lines = result.output.components(separatedBy: "\r\n")
    #expect(lines[0].hasPrefix("BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName,ServiceCategory,ResourceName,SkuMeter,"))
    #expect(lines.contains("USD,2027-02-01T00:00:00Z,2027-03-01T00:00:00Z,Azure ExpressRoute,Networking,circuit 'c',Metered Data - Data Transfer Out,\"Metered outbound data, Zone 1\",10153.09,1 GB,0.025,253.83,ams,priced,2026-07-21,waf-net-2023,CONFIRMED"))
    // 3 months × (2 ams lines + 1 gateway line) + header + final empty line.
    #expect(lines.count == 11)
  }

  @Test func failAboveGatesTheHighestMonth() {
    let over = ercalc("budget", fixture("small-portfolio.json"), "--fail-above", "957")
    #expect(over.status == .failure)
    #expect(over.errors == "error: highest monthly total 957.24 USD exceeds --fail-above 957.00 USD\n")
    #expect(ercalc("budget", fixture("small-portfolio.json"), "--fail-above", "957.24").status == .success)
  }

  @Test func portfolioErrorsArePrecise() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-budget-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("p.json").path
    try #"{"startMonth": "2027-13", "sites": []}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("budget", path)
    #expect(result.status == .dataError)
    #expect(result.errors == "\(path):1:16: error: startMonth: '2027-13' is not a month (expected YYYY-MM, such as 2027-01)\n")
  }

  @Test func diffShowsTheChangePerItem() {
    // Before: 436 + 40,000 × 0.025 + 263.53 = 1,699.53. After: 5,700 + 263.53 = 5,963.53. Change +4,264.00 (+250.9%).
    let result = ercalc("diff", fixture("before.json"), fixture("after.json"))
    #expect(result.status == .success)
    #expect(result.output.contains("Change:          +4,264.00 USD (+250.9%)\n"))
    #expect(result.output.contains("1 item unchanged and not shown."))
    assertSnapshot(result.output, named: "diff.txt")
    let gate = ercalc("diff", fixture("before.json"), fixture("after.json"), "--fail-above", "5000")
    #expect(gate.status == .failure)
    #expect(gate.errors == "error: monthly total 5,963.53 USD exceeds --fail-above 5,000.00 USD\n")
    let mixed = ercalc("diff", fixture("before.json"), fixture("small-portfolio.json"))
    #expect(mixed.status == .usage)
  }
}
