import ExpressRouteCLI
import Foundation
import Testing

/// Reconcile never turns what an export leaves out into a verdict: a billed row without a quantity is not 0 GB, a
/// cost that matches while the quantity does not is not "as estimated", and no month to judge is not "no waste".
/// Rates as in ``ReconcileCommandTests`` (Standard Metered 1 Gbps Zone 1 436/month, outbound data Zone 1 0.025/GB;
/// with `--egress 10TB`, 10,000 GB a month estimated), MCA cost details as in ``ReconcileReviewTests``.
@Suite struct ReconcileUnknownsTests {
  /// ams-er's fee (one month) and its outbound data with `quantity` (empty when unknown) at `cost`.
  static func export(egress quantity: String, cost: String) -> String {
    ReconcileReviewTests.header
      + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(ReconcileReviewTests.circuit)\n"
      + "2026-10-01,ExpressRoute,Metered Data - Data Transfer Out,\(quantity),1 GB,\(cost),USD,\(ReconcileReviewTests.circuit)\n"
  }

  static func findings(_ report: [String: Any], _ resource: String) -> [String] {
    (report["findings"] as? [[String: Any]] ?? []).filter { $0["resource"] as? String == resource }
      .compactMap { $0["kind"] as? String }
  }

  @Test func aBilledVolumeWithoutAQuantityIsNotZeroGigabytes() throws {
    // 250.00 of outbound data at 0.025/GB is 10,000 GB, 30 times the 328.5 GB (0.1% of 1 Gbps) the low-traffic check
    // looks for; with the quantity empty the volume is unknown, so the check must not say "0 GB out".
    let report = try ReconcileReviewTests.reconciled("noqty.csv", Self.export(egress: "", cost: "250"))
    let egress = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(egress?["billedQuantity"] is NSNull)
    // The cost matches the estimate's 10,000 GB × 0.025 = 250.00, but the quantity is not known: not "none".
    #expect(ReconcileCommandTests.values(egress) == ["250.00", "250.00", "0.00", "billed quantity not given"])
    #expect(!Self.findings(report, "ams-er").contains("almost no outbound data"), "\(report["findings"] ?? "")")
    #expect(report["wasteJudged"] as? Bool == true && report["wasteMonth"] as? String == "2026-10")
    // A known 10 GB (0.25) is under the 328.5 GB: the finding stands.
    let low = try ReconcileReviewTests.reconciled("low.csv", Self.export(egress: "10", cost: "0.25"))
    #expect(Self.findings(low, "ams-er").contains("almost no outbound data"))
  }

  @Test func aMatchingCostWithAnotherQuantityIsNotAsEstimated() throws {
    // 12,500 GB billed at 0.02 = 250.00, the estimate's 10,000 GB × 0.025 = 250.00: the variance is 0.00, but 25% more
    // data went out at a lower price; both differ.
    let report = try ReconcileReviewTests.reconciled("same.csv", Self.export(egress: "12500", cost: "250"))
    let egress = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(ReconcileCommandTests.values(egress) == ["250.00", "250.00", "0.00", "quantity and unit price"])
    // The fee billed as estimated (1 month, 436.00) keeps "none".
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(ReconcileCommandTests.values(fee) == ["436.00", "436.00", "0.00", "none"])
  }

  @Test func anExportWithoutRowsJudgesNoWaste() throws {
    let path = try ReconcileRefusalTests.scratch("empty.csv", Array(ReconcileReviewTests.header.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (result, report) = try ReconcileCommandTests.report([path])
    #expect(result.status == .success, "\(result.errors)")
    #expect(report["wasteJudged"] as? Bool == false && report["wasteMonth"] is NSNull)
    #expect((report["findings"] as? [Any])?.isEmpty == true && report["total"] is NSNull)
    let text = ercalc("reconcile", fixture("reconcile/az-estate.json"), "--egress", "10TB", "--actuals", path)
    #expect(text.output.contains("Months compared: none (nothing in the exports to compare)\n"), "\(text.output)")
    #expect(
      text.output.contains(
        "Not judged: no month of the exports bills its fees whole, so there is no month to judge waste on."))
    #expect(!text.output.contains("None found"))
  }

  @Test func aResourceIdWithATrailingSlashIsTheSameResource() throws {
    // The fee billed on `…/ams-er/` is ams-er's (ARM IDs ignore case and a trailing slash): 436.00 as estimated, not
    // "resource not in the estate" beside "estimated, not billed".
    let text =
      ReconcileReviewTests.header
      + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(ReconcileReviewTests.circuit)/\n"
    let report = try ReconcileReviewTests.reconciled("slash.csv", text)
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(ReconcileCommandTests.values(fee) == ["436.00", "436.00", "0.00", "none"])
    let reasons = (report["lines"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    #expect(!reasons.contains("resource not in the estate"))
  }

  @Test(arguments: ["2026-09-31", "09/31/2026", "02/29/2027", "2026-10-30T25:00:00Z", "2026-10-30 23:61:00"])
  func aDayTheMonthDoesNotHaveIsRefusedAtItsCell(_ date: String) throws {
    let text =
      ReconcileReviewTests.header
      + "\(date),ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(ReconcileReviewTests.circuit)\n"
    let result = try ReconcileRefusalTests.refused("day.csv", text)
    #expect(result.status == .dataError)
    #expect(result.errors.hasPrefix("day.csv:2:1: error: '\(date)' in date is not a date"), "\(result.errors)")
  }

  /// Every ARM ID of the inventory written with a trailing `/` (resources, connections' gateway and peer) finds the
  /// same waste as the inventory as exported: identity is one rule on both sides of the comparison.
  @Test func anInventoryWhoseIDsEndInASlashFindsTheSameWaste() throws {
    let export = fixture("reconcile/ea-amortized-2026-11.csv")
    let estate = try String(contentsOfFile: fixture("reconcile/az-estate.json"), encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #""(/subscriptions/[^"]*[^/"])""#)
    let slashed = pattern.stringByReplacingMatches(
      in: estate, range: NSRange(estate.startIndex..., in: estate), withTemplate: #""$1/""#)
    #expect(slashed != estate)
    let path = try ReconcileRefusalTests.scratch("slashed.json", Array(slashed.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    func findings(_ estate: String) throws -> [String] {
      let result = ercalc(["reconcile", estate, "--egress", "10TB", "--actuals", export, "--format", "json"])
      let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
      return (report["findings"] as? [[String: Any]] ?? []).map {
        "\($0["kind"] ?? "") \($0["resource"] ?? "") \($0["monthlyCost"] ?? "")"
      }
    }
    // As exported: neu-ergw idle at ErGw1AZ's 730 × 0.361 = 263.53 (not billed), fra-er Premium where Standard fits
    // (809.30 billed) and almost no outbound data (1,245.30 billed).
    let expected = [
      "gateway with no connection neu-ergw 263.53", "Premium where Standard fits fra-er 809.30",
      "almost no outbound data fra-er 1245.30",
    ]
    #expect(try findings(fixture("reconcile/az-estate.json")) == expected)
    #expect(try findings(path) == expected)
  }

  /// FOCUS counts `ConsumedQuantity` in `ConsumedUnit`: blocks of GB are scaled, and TB (1,000 or 1,024 GB?) is
  /// refused at its cell rather than read as GB, 1,000 times off.
  @Test func focusConsumedUnitSaysWhatTheQuantityCounts() throws {
    let header =
      "BilledCost,BillingCurrency,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,ResourceId,SkuMeter,ServiceName\n"
    func row(_ quantity: String, _ unit: String) -> String {
      "250,USD,2026-10-01 00:00:00,\(quantity),\(unit),\(ReconcileReviewTests.circuit),Metered Data - Data Transfer Out,ExpressRoute\n"
    }
    // 1,000 blocks of 10 GB = 10,000 GB at 0.025 = 250.00, as estimated.
    let blocks = try ReconcileReviewTests.reconciled("focus-10gb.csv", header + row("1000", "10 GB"))
    let egress = ReconcileCommandTests.line(blocks, "ams-er", "Metered Data - Data Transfer Out")
    #expect(egress?["billedQuantity"] as? String == "10000")
    #expect(ReconcileCommandTests.values(egress) == ["250.00", "250.00", "0.00", "none"])
    // 10 TB: refused at ConsumedUnit, line 2, column 32 ("250,USD,2026-10-01 00:00:00,10," is 4 + 4 + 20 + 3 = 31
    // characters).
    let terabytes = try ReconcileRefusalTests.refused("focus-tb.csv", header + row("10", "TB"))
    #expect(terabytes.status == .dataError)
    #expect(
      terabytes.errors.hasPrefix(
        "focus-tb.csv:2:32: error: unknown unit 'TB' in ConsumedUnit (expected GB, Hours, Months"),
      "\(terabytes.errors)")
    // Days are no unit the estimate counts (31 Days read as 31 hours): refused too.
    let days = try ReconcileRefusalTests.refused("focus-days.csv", header + row("1", "31 Days"))
    #expect(
      days.errors.hasPrefix("focus-days.csv:2:31: error: unknown unit '31 Days' in ConsumedUnit"), "\(days.errors)")
  }
}
