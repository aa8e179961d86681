import ExpressRouteCLI
import Foundation
import Testing

/// `ercalc reconcile` against the hand-built exports in Fixtures/reconcile (see its README). Rates of the built-in
/// table: Standard Metered 1 Gbps Zone 1 436/month, Premium Metered 1 Gbps Zone 1 1,186, Standard Unlimited 1 Gbps
/// Zone 1 5,700, metered outbound data Zone 1 0.025/GB, ErGw1AZ 0.361/hour; the estimate has 730 hours a month and,
/// with `--egress 10TB`, 10,000 GB out of each metered circuit (250.00).
@Suite struct ReconcileCommandTests {
  /// The JSON report of `reconcile` on the az estate fixture with `actuals`.
  static func report(_ actuals: [String], _ extra: [String] = []) throws -> (RunResult, [String: Any]) {
    let result = ercalc(
      ["reconcile", fixture("reconcile/az-estate.json"), "--egress", "10TB", "--format", "json"]
        + actuals.flatMap { ["--actuals", $0] } + extra)
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    return (result, object)
  }

  /// The line of `resource` and `meter` (one month in each fixture).
  static func line(_ report: [String: Any], _ resource: String, _ meter: String) -> [String: Any]? {
    (report["lines"] as? [[String: Any]])?.first {
      $0["resource"] as? String == resource && $0["meter"] as? String == meter
    }
  }

  static func values(_ line: [String: Any]?) -> [String] {
    ["estimated", "billed", "variance", "reason"].map { (line?[$0] as? String) ?? "null" }
  }

  @Test func focus12EveryReasonHandComputed() throws {
    let (result, report) = try Self.report([fixture("reconcile/focus-1.2-2026-10.csv")])
    #expect(result.status == .success)
    // The export writes IDs lower-cased (resourcegroups/…/microsoft.network/…); the estate in mixed case: matched.
    #expect(
      Self.values(Self.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")) == [
        "436.00", "436.00", "0.00", "none",
      ])
    // 12,000 GB billed × 0.025 = 300.00 against 10,000 GB estimated (250.00): +50.00, same price.
    #expect(
      Self.values(Self.line(report, "ams-er", "Metered Data - Data Transfer Out")) == [
        "250.00", "300.00", "50.00", "quantity",
      ])
    // Global Reach on ams-er was not in the estimate: 500 GB billed 25.00.
    #expect(
      Self.values(Self.line(report, "ams-er", "Global Reach Data Transfer Out")) == [
        "null", "25.00", "25.00", "meter not in the estimate",
      ])
    // Premium 1,186 at a 10% discount: 1,067.40, -118.60.
    #expect(
      Self.values(Self.line(report, "fra-er", "Premium Metered Data 1 Gbps Circuit")) == [
        "1186.00", "1067.40", "-118.60", "unit price",
      ])
    // October has 744 hours: 744 × 0.361 = 268.584 → 268.58 against 730 × 0.361 = 263.53: +5.05.
    #expect(Self.values(Self.line(report, "weu-ergw", "ErGw1AZ Gateway")) == ["263.53", "268.58", "5.05", "quantity"])
    // lon-er's outbound data was estimated (250.00) and not billed.
    #expect(
      Self.values(Self.line(report, "lon-er", "Metered Data - Data Transfer Out")) == [
        "250.00", "null", "-250.00", "estimated, not billed",
      ])
    // sin-er is billed (436.00) but not in the estate.
    #expect(
      Self.values(Self.line(report, "sin-er", "Standard Metered Data 1 Gbps Circuit")) == [
        "null", "436.00", "436.00", "resource not in the estate",
      ])
    // The storage account and the VPN gateway rows are not ExpressRoute: dropped (17 of 19 rows kept).
    #expect((report["lines"] as? [[String: Any]])?.count == 18)
    #expect(
      (report["notes"] as? [String])?.contains(
        "17 of 19 rows kept (ExpressRoute-related or on a resource of the estate)") == true)
    // Estimate: 436 × 4 + 1,186 + 5,700 + 250 × 5 + 263.53 × 4 = 10,934.12. Billed: 436 + 300 + 25 + 1,067.40 + 10
    // + 436 + 436 + 6,000 + 5,700 + 0 + 436 + 0.50 + 268.58 × 4 + 436 = 16,357.22. Variance +5,423.10.
    let total = report["total"] as? [String: Any]
    #expect(total?["estimated"] as? String == "10934.12")
    #expect(total?["billed"] as? String == "16357.22")
    #expect(total?["variance"] as? String == "5423.10")
    let months = report["months"] as? [[String: Any]]
    #expect(months?.map { $0["month"] as? String } == ["2026-10"])
  }

  @Test func eaAmortisedCostDetailsWithBOMUSDatesNULLAndQuotedLineBreaks() throws {
    let (result, report) = try Self.report([fixture("reconcile/ea-amortized-2026-11.csv")])
    #expect(result.status == .success, "\(result.errors)")
    // 30 daily rows of 24 h × 0.361 = 8.664, summed: 720 h, 259.92 against 263.53: -3.61.
    #expect(Self.values(Self.line(report, "weu-ergw", "ErGw1AZ Gateway")) == ["263.53", "259.92", "-3.61", "quantity"])
    #expect(Self.line(report, "weu-ergw", "ErGw1AZ Gateway")?["billedQuantity"] as? String == "720")
    // Two rows, 6,000 + 4,000 GB = 150 + 100 = 250.00: as estimated.
    #expect(
      Self.values(Self.line(report, "ams-er", "Metered Data - Data Transfer Out")) == [
        "250.00", "250.00", "0.00", "none",
      ])
    // The first row's quoted AdditionalInfo holds a comma and a line break; its circuit fee is still read.
    #expect(
      Self.values(Self.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")) == [
        "436.00", "436.00", "0.00", "none",
      ])
    // A price rise: 1,245.30 against 1,186.00: +59.30.
    #expect(
      Self.values(Self.line(report, "fra-er", "Premium Metered Data 1 Gbps Circuit")) == [
        "1186.00", "1245.30", "59.30", "unit price",
      ])
    // Billed 436 + 250 + 1,245.30 + 259.92 = 2,191.22; estimated 10,934.12; variance -8,742.90.
    let total = report["total"] as? [String: Any]
    #expect(total?["billed"] as? String == "2191.22")
    #expect(total?["variance"] as? String == "-8742.90")
    #expect((report["months"] as? [[String: Any]])?.map { $0["month"] as? String } == ["2026-11"])
    let notes = report["notes"] as? [String] ?? []
    #expect(notes.contains { $0.hasPrefix("read EA/MCA cost details from ") })
    // 1 + 2 + 1 + 30 + 1 storage row = 35 read, the storage row dropped.
    #expect(notes.contains("34 of 35 rows kept (ExpressRoute-related or on a resource of the estate)"))
  }

  @Test func twoExportsAreComparedMonthByMonth() throws {
    let (_, report) = try Self.report([
      fixture("reconcile/focus-1.2-2026-10.csv"), fixture("reconcile/ea-amortized-2026-11.csv"),
    ])
    let months = report["months"] as? [[String: Any]] ?? []
    #expect(months.map { $0["variance"] as? String } == ["5423.10", "-8742.90"])
    // 5,423.10 − 8,742.90 = −3,319.80.
    #expect((report["total"] as? [String: Any])?["variance"] as? String == "-3319.80")
  }

  @Test func ownQuoteCSVReadBackHasZeroVariance() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("quote.csv").path
    let written = ercalc(
      "quote", "--from", fixture("reconcile/az-estate.json"), "--egress", "10TB", "--period", "2026-10", "--format",
      "csv", "--output", csv)
    #expect(written.status == .success)
    let (result, report) = try Self.report([csv])
    #expect(result.status == .success)
    let lines = report["lines"] as? [[String: Any]] ?? []
    #expect(lines.count == 15)
    #expect(lines.allSatisfy { $0["reason"] as? String == "none" && $0["variance"] as? String == "0.00" })
    let total = report["total"] as? [String: Any]
    #expect(total?["estimated"] as? String == "10934.12")
    #expect(total?["billed"] as? String == "10934.12")
    #expect(total?["variance"] as? String == "0.00")
  }

  @Test func ownBudgetCSVReadBackHasZeroVarianceEveryMonth() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let portfolio = fixture("focus-portfolio.json")
    // The portfolio's one-time Survey charge (0.30, 60-month term) is billed whole in 2027-01, or with --amortize
    // spread over the term: each way the CSV read back with the same option is the estimate, month by month.
    for extra in [[], ["--amortize"]] {
      let csv = directory.appendingPathComponent("budget\(extra.count).csv").path
      #expect(ercalc(["budget", portfolio, "--format", "csv", "--output", csv] + extra).status == .success)
      let result = ercalc(["reconcile", portfolio, "--actuals", csv, "--format", "json"] + extra)
      let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
      let months = report["months"] as? [[String: Any]] ?? []
      #expect(months.count == 60)
      #expect(months.allSatisfy { $0["variance"] as? String == "0.00" })
      let lines = report["lines"] as? [[String: Any]] ?? []
      #expect(lines.allSatisfy { $0["reason"] as? String == "none" && $0["variance"] as? String == "0.00" })
      // The charge's name is read back as written, not percent-encoded, within its site (as the CSV's ResourceName).
      #expect(lines.contains { $0["resource"] as? String == "ams/Megaport: Survey for circuit" })
      #expect(!lines.contains { ($0["resource"] as? String ?? "").contains("%") })
    }
  }

  @Test func everyFormatCarriesTotalsAndVariance() {
    let base = [
      "reconcile", fixture("reconcile/az-estate.json"), "--egress", "10TB", "--actuals",
      fixture("reconcile/focus-1.2-2026-10.csv"),
    ]
    #expect(ercalc(base).output.contains("Variance:        +5,423.10 USD\n"))
    #expect(ercalc(base).output.contains("2026-10  10,934.12  16,357.22  +5,423.10\n"))
    #expect(ercalc(base + ["--format", "markdown"]).output.contains("| 2026-10 | 10,934.12 | 16,357.22 | +5,423.10 |"))
    #expect(ercalc(base + ["--format", "html"]).output.contains("+5,423.10"))
    let csv = ercalc(base + ["--format", "csv"]).output
    #expect(
      csv.hasPrefix(
        "Record,Month,ResourceId,Resource,Meter,EstimatedQuantity,BilledQuantity,Estimated,Billed,Variance,Reason,Currency,Detail,BilledWithoutPricedEstimate\r\n"
      ))
    // Every figure is priced here (with --egress), so nothing is billed without a priced estimate: 0.00.
    #expect(csv.contains("month total,2026-10,,,,,,10934.12,16357.22,5423.10,,USD,,0.00\r\n"))
    #expect(csv.contains("\r\ntotal,2026-10/2026-10,,,,,,10934.12,16357.22,5423.10,,USD,,0.00\r\n"))
    #expect(csv.contains(",fra-er,Premium Metered Data 1 Gbps Circuit,1,1,1186.00,1067.40,-118.60,unit price,USD,"))
  }

  @Test func focus10WithSkuMeterNameAndSpaceSeparatedDates() throws {
    let (result, report) = try Self.report([fixture("reconcile/focus-1.0-2026-09.csv")])
    #expect(result.status == .success)
    // September has 720 hours: 720 × 0.361 = 259.92 against 263.53: -3.61.
    #expect(
      Self.values(Self.line(report, "weu-ergw", "ErGw1AZ Gateway")) == ["263.53", "259.92", "-3.61", "quantity"])
    // 8,000 GB × 0.025 = 200.00 against 250.00: -50.00.
    #expect(
      Self.values(Self.line(report, "ams-er", "Metered Data - Data Transfer Out")) == [
        "250.00", "200.00", "-50.00", "quantity",
      ])
    // 436 + 200 + 259.92 = 895.92 billed; the virtual machine row is dropped.
    #expect((report["total"] as? [String: Any])?["billed"] as? String == "895.92")
    #expect((report["notes"] as? [String])?.first?.hasPrefix("read FOCUS 1.0 from ") == true)
  }

  @Test func mcaCostDetailsWithCamelCaseHeadersAndISODates() throws {
    let header = "invoiceId,date,meterCategory,meterName,quantity,costInBillingCurrency,billingCurrency,resourceId\n"
    let id =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/fra-er"
    let text =
      header + "NULL,2026-12-01,ExpressRoute,Premium Metered Data 1 Gbps Circuit,1,1126.70,USD,\(id)\n"
      + "NULL,2026-12-14,ExpressRoute,Metered Data - Data Transfer Out,10000,250,usd,\(id.uppercased())\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)-mca.csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let (result, report) = try Self.report([url.path])
    #expect(result.status == .success, "\(result.errors)")
    // 1,186 less 5% = 1,126.70: -59.30.
    #expect(
      Self.values(Self.line(report, "fra-er", "Premium Metered Data 1 Gbps Circuit")) == [
        "1186.00", "1126.70", "-59.30", "unit price",
      ])
    // The ID in upper case still matches; 10,000 GB as estimated.
    #expect(
      Self.values(Self.line(report, "fra-er", "Metered Data - Data Transfer Out")) == [
        "250.00", "250.00", "0.00", "none",
      ])
  }

  @Test func withoutEgressTheDataChargesHaveNoEstimateAndAreShownApart() throws {
    let result = ercalc(
      "reconcile", fixture("reconcile/az-estate.json"), "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"),
      "--format", "json")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    #expect(
      Self.values(Self.line(report, "dub-er", "Metered Data - Data Transfer Out")) == [
        "null", "6000.00", "null", "estimate has no price",
      ])
    let total = report["total"] as? [String: Any]
    // Estimated 10,934.12 − 5 × 250 = 9,684.12; billed 16,357.22, of which 300 + 0.50 + 6,000 + 10 = 6,310.50 has no
    // priced estimate; variance 16,357.22 − 6,310.50 − 9,684.12 = 362.60.
    #expect(total?["estimated"] as? String == "9684.12")
    #expect(total?["billedWithoutPricedEstimate"] as? String == "6310.50")
    #expect(total?["variance"] as? String == "362.60")
  }
}
