import ExpressRouteCLI
import Foundation
import Testing

/// The review of issue 30's reconcile: cost details priced per block of units, the amortised round trip, and the
/// same rows given twice. Rates as in ``ReconcileCommandTests`` (Standard Metered 1 Gbps Zone 1 436/month, outbound
/// data Zone 1 0.025/GB, ErGw1AZ 0.361/hour; 730 hours and, with `--egress 10TB`, 10,000 GB a month estimated).
@Suite struct ReconcileReviewTests {
  static let circuit =
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/ams-er"
  static let gateway =
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/virtualNetworkGateways/weu-ergw"
  /// MCA cost details (camelCase) with their unit of measure.
  /// `text` as an export named `name`, reconciled against the fixture estate (10 TB of egress) as JSON: it must
  /// succeed; the report's JSON object.
  static func reconciled(
    _ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    let path = try ReconcileRefusalTests.scratch(name, Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (result, report) = try ReconcileCommandTests.report([path])
    #expect(result.status == .success, "\(result.errors)", sourceLocation: sourceLocation)
    return report
  }

  static let header =
    "date,meterCategory,meterName,quantity,unitOfMeasure,costInBillingCurrency,billingCurrency,resourceId\n"

  @Test func costDetailsQuantitiesInBlocksAreBroughtToTheEstimatesUnits() throws {
    let text =
      Self.header
      // 1,000 blocks of 10 GB = 10,000 GB at 0.25 per 10 GB = 250.00: as estimated.
      + "2026-10-01,ExpressRoute,Metered Data - Data Transfer Out,1000,10 GB,250,USD,\(Self.circuit)\n"
      // 7.44 blocks of 100 hours = 744 hours (October) × 0.361 = 268.584: 268.58 against 730 × 0.361 = 263.53.
      + "2026-10-01,ExpressRoute,ErGw1AZ Gateway,7.44,100 Hours,268.584,USD,\(Self.gateway)\n"
      // One month of the circuit fee, as `1/Month`.
      + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    let report = try Self.reconciled("blocks.csv", text)
    let egress = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(egress?["billedQuantity"] as? String == "10000")
    #expect(ReconcileCommandTests.values(egress) == ["250.00", "250.00", "0.00", "none"])
    // 744 hours at the estimate's 0.361 is the bill to the cent: the hours differ, not the price.
    let hours = ReconcileCommandTests.line(report, "weu-ergw", "ErGw1AZ Gateway")
    #expect(hours?["billedQuantity"] as? String == "744")
    #expect(ReconcileCommandTests.values(hours) == ["263.53", "268.58", "5.05", "quantity"])
    #expect(
      ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")?["billedQuantity"]
        as? String == "1")
  }

  @Test func dailyRowsOfADiscountedFeeDifferInUnitPriceOnly() throws {
    // Cost details bill a monthly fee by the day: 31 rows of 0.0322580645 of `1/Month` (the 1/31 Azure writes, to ten
    // places) sum to 0.9999999995, the estimate's 1 month. At 10% off, 31 × 12.6580645161 = 392.40 (436 × 0.9): the
    // whole −43.60 is the price. It was called "quantity and unit price" for the 0.0000000005.
    var text = Self.header
    for day in 1...31 {
      text +=
        "2026-10-\(day < 10 ? "0" : "")\(day),ExpressRoute,Standard Metered Data 1 Gbps Circuit,0.0322580645,1/Month,12.6580645161,USD,\(Self.circuit)\n"
    }
    let report = try Self.reconciled("daily.csv", text)
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(fee?["billedQuantity"] as? String == "0.9999999995")
    #expect(ReconcileCommandTests.values(fee) == ["436.00", "392.40", "-43.60", "unit price"], "\(fee ?? [:])")
  }

  @Test func anUnknownUnitOfMeasureIsRefusedAtItsCell() throws {
    let text =
      Self.header + "2026-10-01,ExpressRoute,Metered Data - Data Transfer Out,10,1 TB,250,USD,\(Self.circuit)\n"
    let result = try ReconcileRefusalTests.refused("tb.csv", text)
    #expect(result.status == .dataError)
    // Line 2, column 61: the fifth field (after 10 + 1 + 12 + 1 + 32 + 1 + 2 + 1 = 60 characters).
    #expect(
      result.errors.hasPrefix(
        "tb.csv:2:61: error: unknown unit of measure '1 TB' in unitOfMeasure (expected a block of GB, hours or months"))
  }

  /// A quoted line break in an earlier field moves the cell to the record's second line: the error names that line
  /// and the column on it (`Data Transfer Out",10,` is 17 + 1 + 1 + 2 + 1 = 22 characters, so `1 TB` starts at
  /// column 23 of line 3).
  @Test func aCellAfterAQuotedLineBreakIsNamedOnItsOwnLine() throws {
    let text =
      Self.header + "2026-10-01,ExpressRoute,\"Metered Data -\nData Transfer Out\",10,1 TB,250,USD,\(Self.circuit)\n"
    let result = try ReconcileRefusalTests.refused("wrapped.csv", text)
    #expect(result.status == .dataError)
    #expect(result.errors.hasPrefix("wrapped.csv:3:23: error: unknown unit of measure '1 TB'"), "\(result.errors)")
  }

  @Test func ownQuoteCSVReadBackWithAndWithoutAmortizeHasZeroVariance() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // The deployment has a one-time Megaport installation (1,500.00): billed whole in the quote's month.
    let deployment = fixture("focus-deployment.json")
    let csv = directory.appendingPathComponent("quote.csv").path
    #expect(
      ercalc("quote", deployment, "--period", "2026-10", "--format", "csv", "--output", csv)
        .status == .success)
    for extra in [[], ["--amortize"]] {
      let result = ercalc(["reconcile", deployment, "--actuals", csv, "--format", "json"] + extra)
      #expect(result.status == .success, "\(result.errors)")
      let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
      let lines = report["lines"] as? [[String: Any]] ?? []
      #expect(!lines.isEmpty)
      #expect(lines.allSatisfy { $0["reason"] as? String == "none" && $0["variance"] as? String == "0.00" })
      #expect(lines.contains { $0["resource"] as? String == "Megaport: Installation for ams-1" })
      #expect((report["total"] as? [String: Any])?["variance"] as? String == "0.00")
    }
  }

  @Test func anAmortisedBudgetReadBackWithoutTheOptionShowsTheSpreadCharge() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let portfolio = fixture("focus-portfolio.json")
    let csv = directory.appendingPathComponent("amortised.csv").path
    #expect(ercalc("budget", portfolio, "--amortize", "--format", "csv", "--output", csv).status == .success)
    let result = ercalc("reconcile", portfolio, "--actuals", csv, "--format", "json")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    // Not amortised, the estimate bills the Survey (0.30) whole in 2027-01 and the export's BilledCost does too:
    // that month agrees; the later months' amortised rows (BilledCost 0.00) are charges the estimate does not
    // spread, named by the charge, never percent-encoded.
    let survey = (report["lines"] as? [[String: Any]] ?? []).filter {
      $0["resource"] as? String == "ams/Megaport: Survey for circuit"
    }
    // One line a month over the 60-month term, each named as the portfolio names the charge.
    #expect(survey.count == 60)
    #expect(survey.first?["month"] as? String == "2027-01")
    #expect(survey.first?["variance"] as? String == "0.00")
    #expect(survey.dropFirst().allSatisfy { $0["reason"] as? String == "meter not in the estimate" })
  }

  @Test func theSameExportTwiceIsRefusedNamingBothFiles() throws {
    let text =
      Self.header + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    let path = try ReconcileRefusalTests.scratch("october.csv", Array(text.utf8))
    let copy = try ReconcileRefusalTests.scratch("october-copy.csv", Array(text.utf8))
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: copy)
    }
    let estate = fixture("reconcile/az-estate.json")
    // The same path twice: refused before reading, at the second mention.
    let twice = ercalc("reconcile", estate, "--actuals", path, "--actuals", path)
    #expect(twice.status == .dataError)
    #expect(
      twice.errors.hasPrefix(
        "\(path):1:1: error: '\(path)' is given twice: its rows would be summed twice, doubling the bill"))
    // The same rows under another name: refused at the repeated row, naming both files.
    let copied = ercalc("reconcile", estate, "--actuals", path, "--actuals", copy)
    #expect(copied.status == .dataError)
    #expect(copied.errors.hasPrefix("\(copy):2:1: error: this row repeats \(path):2 "))
    #expect(copied.errors.contains("'\(path)' and '\(copy)' overlap"))
    // Audit reads exports the same way.
    let audit = ercalc(
      "audit", "--from", estate, "--series", fixture("existing/ams-er-metrics.json"), "--actuals", path, "--actuals",
      copy)
    #expect(audit.status == .dataError)
  }

  /// The same row with its date written two ways (`2026-10-01`, `10/01/2026`, `2026-10-01 00:00:00`) is the same
  /// charge period: refused as an overlap, not summed.
  @Test func theSameRowWithItsDateSpelledAnotherWayIsAnOverlap() throws {
    let row = ",ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    let iso = try ReconcileRefusalTests.scratch("iso.csv", Array((Self.header + "2026-10-01" + row).utf8))
    let us = try ReconcileRefusalTests.scratch("us.csv", Array((Self.header + "10/01/2026" + row).utf8))
    let spaced = try ReconcileRefusalTests.scratch(
      "spaced.csv", Array((Self.header + "2026-10-01 00:00:00" + row).utf8))
    defer { for path in [iso, us, spaced] { try? FileManager.default.removeItem(atPath: path) } }
    let estate = fixture("reconcile/az-estate.json")
    for other in [us, spaced] {
      let result = ercalc("reconcile", estate, "--actuals", iso, "--actuals", other)
      #expect(result.status == .dataError, "\(result.output)")
      #expect(result.errors.hasPrefix("\(other):2:1: error: this row repeats \(iso):2 "))
    }
  }

  /// old-ergw's only connection reaches par-er, which the inventory does not hold: with par-er billed in the same
  /// export (a circuit in a subscription the inventory does not cover), it is not gone, so no "circuit is gone"
  /// finding tells the user to delete a working gateway.
  @Test func aConnectedCircuitBilledElsewhereIsNotGone() throws {
    let fixtureText = try String(contentsOfFile: fixture("reconcile/focus-1.2-2026-10.csv"), encoding: .utf8)
    // The fixture ends its lines in CRLF, which Swift reads as one Character.
    let lines = fixtureText.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" })
    let lonRow = try #require(lines.first { $0.contains("expressroutecircuits/lon-er,") })
    let parRow = lonRow.replacingOccurrences(of: "lon-er", with: "par-er")
    let path = try ReconcileRefusalTests.scratch("par-billed.csv", Array((fixtureText + parRow + "\r\n").utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = ercalc(
      "reconcile", fixture("reconcile/az-estate.json"), "--egress", "10TB", "--format", "json", "--actuals", path)
    #expect(result.status == .success, "\(result.errors)")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    let kinds = (report["findings"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? ""): \($0["resource"] ?? "")" }
    #expect(!kinds.contains("gateway billed after its circuit is gone: old-ergw"))
    #expect(kinds.contains("gateway with no connection: neu-ergw"))
    // Without par-er's bill the finding stands, and says what to check before deleting anything.
    let (_, original) = try ReconcileCommandTests.report([fixture("reconcile/focus-1.2-2026-10.csv")])
    let orphaned = (original["findings"] as? [[String: Any]] ?? []).first { $0["resource"] as? String == "old-ergw" }
    #expect(
      orphaned?["evidence"] as? String
        == "its connections reach par-er, neither in the inventory nor billed in 2026-10 (costed from the billed rows)")
    let fix = orphaned?["fix"] as? String
    #expect(fix?.hasPrefix("check that par-er is gone") == true)
  }

  /// An ercalc deployment whose circuit carries its `azureId` (in another case than the export writes it) matches the
  /// export's rows: ams-er's fee 436.00 against 436.00 billed (none), 10,000 GB × 0.025 = 250.00 against 12,000 GB
  /// and 300.00 billed (quantity). A malformed ID is refused at its cell.
  @Test func aDeploymentWithAzureIdsMatchesTheExport() throws {
    func deployment(_ id: String) -> String {
      """
      {"schemaVersion": 1, "name": "amsterdam", "circuits": [{"name": "ams-er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10 TB", "azureId": "\(id)"}]}
      """
    }
    let id =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/ams-er"
    let path = try ReconcileRefusalTests.scratch("deployment.json", Array(deployment(id).utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = ercalc(
      "reconcile", path, "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"), "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(fee?["estimated"] as? String == "436.00" && fee?["billed"] as? String == "436.00")
    #expect(fee?["reason"] as? String == "none")
    let data = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(data?["estimated"] as? String == "250.00" && data?["billed"] as? String == "300.00")
    #expect(data?["reason"] as? String == "quantity")
    let bad = try ReconcileRefusalTests.scratch("bad.json", Array(deployment("ams-er").utf8))
    defer { try? FileManager.default.removeItem(atPath: bad) }
    let refused = ercalc("reconcile", bad, "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"))
    #expect(refused.status == .dataError)
    #expect(refused.errors.contains("error: circuits[0].azureId: 'ams-er' is not an Azure resource ID"))
    // A gateway's ID on a circuit, and one ID on two circuits, are refused.
    let gatewayId =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/virtualNetworkGateways/weu-ergw"
    let wrongType = try ReconcileRefusalTests.scratch("type.json", Array(deployment(gatewayId).utf8))
    defer { try? FileManager.default.removeItem(atPath: wrongType) }
    let typed = ercalc("quote", wrongType)
    #expect(typed.status == .dataError)
    #expect(
      typed.errors.contains(
        "is not the ID of a circuit (expected a resource of type microsoft.network/expressroutecircuits)"))
    let twice = deployment(id).replacingOccurrences(
      of: "]}",
      with:
        #", {"name": "ams-2", "peeringLocation": "Amsterdam", "tier": "Standard", "bandwidth": "1 Gbps", "azureId": "\#(id.uppercased())"}]}"#
    )
    let shared = try ReconcileRefusalTests.scratch("twice.json", Array(twice.utf8))
    defer { try? FileManager.default.removeItem(atPath: shared) }
    let sharedResult = ercalc("quote", shared)
    #expect(sharedResult.status == .dataError)
    #expect(
      sharedResult.errors.contains(
        "error: circuits[1].azureId: circuit 'ams-2' has the same azureId as circuit 'ams-er'"),
      "\(sharedResult.errors)")
  }

  /// A billed cost of 436.005 is 436.01 on its line (cents, half away from zero, as the estimate's lines), so the
  /// line's variance is +0.01 and the month adds up from its lines; a row with no quantity (`NULL`) has its own
  /// reason, not "unit price".
  @Test func billedAmountsAreRoundedOnceAndAnUnknownQuantityIsSaid() throws {
    let text =
      Self.header
      + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436.005,USD,\(Self.circuit)\n"
      + "2026-10-01,ExpressRoute,Metered Data - Data Transfer Out,NULL,1 GB,25,USD,\(Self.circuit)\n"
    let report = try Self.reconciled("rounding.csv", text)
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(fee?["billed"] as? String == "436.01" && fee?["variance"] as? String == "0.01")
    #expect(fee?["reason"] as? String == "unit price")
    // 10 TB estimated: 10,000 GB × 0.025 = 250.00 against 25 billed with no quantity: −225.00.
    let data = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(data?["variance"] as? String == "-225.00")
    #expect(data?["reason"] as? String == "billed quantity not given")
    // The month's billed total is the sum of its lines: 436.01 + 25.00 = 461.01.
    let month = (report["months"] as? [[String: Any]])?.first
    #expect(month?["billed"] as? String == "461.01")
  }

  /// A portfolio budgeted 2027-01 to 2027-12 against an export that bills only 2030-01: nothing can be compared, which
  /// is refused (exit 65) with both sides' months, not an empty report.
  @Test func exportsOutsideThePortfolioCalendarAreRefused() throws {
    let text =
      Self.header + "2030-01-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    let path = try ReconcileRefusalTests.scratch("later.csv", Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = ercalc("reconcile", "Reports/provider-charges/portfolio.json", "--actuals", path)
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains(
        "error: the exports bill 2030-01, which the estimate (2027-01 to 2027-12) does not cover, so nothing can be compared"
      ))
  }

  /// A month-to-date export: September billed by the month (436.00, 3,000 GB), October for its first 3 days only
  /// (a daily share of the fee, 100 GB a day). October is named as 3 of 31 days, and waste is judged on September,
  /// whose 3,000 GB is far above 328.5 GB: no "almost no outbound data" from October's 300 GB.
  @Test func aMonthToDateExportIsNamedAndWasteIsJudgedOnTheLastWholeMonth() throws {
    var text = Self.header
    text += "2026-09-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    text += "2026-09-01,ExpressRoute,Metered Data - Data Transfer Out,3000,1 GB,75,USD,\(Self.circuit)\n"
    for day in 1...3 {
      text +=
        "2026-10-0\(day),ExpressRoute,Standard Metered Data 1 Gbps Circuit,0.0322581,1/Month,14.06,USD,\(Self.circuit)\n"
      text += "2026-10-0\(day),ExpressRoute,Metered Data - Data Transfer Out,100,1 GB,2.5,USD,\(Self.circuit)\n"
    }
    let report = try Self.reconciled("month-to-date.csv", text)
    let notes = report["notes"] as? [String] ?? []
    #expect(notes.contains { $0.hasPrefix("2026-10 bills a fee for part of the month only") }, "\(notes)")
    let findings = (report["findings"] as? [[String: Any]] ?? []).map {
      "\($0["kind"] as? String ?? ""): \($0["resource"] as? String ?? "") \($0["month"] as? String ?? "")"
    }
    #expect(!findings.contains { $0.hasPrefix("almost no outbound data: ams-er") }, "\(findings)")
  }

  /// Whole and partial months are told by the fees, not by the days rows start on: a monthly export with a credit on
  /// the 20th is whole (its fee is 1 month), a month-to-date export of the 1st alone is partial (a fee for 0.0322581
  /// of a month), and an export with no whole month judges no waste and says so.
  @Test func partialMonthsAreToldByTheirFees() throws {
    func run(_ rows: String) throws -> (notes: [String], findings: [String]) {
      let report = try Self.reconciled("fees.csv", Self.header + rows)
      let findings = (report["findings"] as? [[String: Any]] ?? []).map {
        "\($0["kind"] as? String ?? ""): \($0["resource"] as? String ?? "") \($0["month"] as? String ?? "")"
      }
      return (report["notes"] as? [String] ?? [], findings)
    }
    let fee = "ExpressRoute,Standard Metered Data 1 Gbps Circuit"
    let data = "ExpressRoute,Metered Data - Data Transfer Out"
    // October: 10 GB, far under 328.5 GB: "almost no outbound data", judged on October though a credit falls on the 20th.
    let credited = try run(
      "2026-10-01,\(fee),1,1/Month,436,USD,\(Self.circuit)\n2026-10-20,\(fee),,1/Month,-10,USD,\(Self.circuit)\n"
        + "2026-10-01,\(data),10,1 GB,0.25,USD,\(Self.circuit)\n")
    #expect(!credited.notes.contains { $0.contains("part of the month") }, "\(credited.notes)")
    #expect(credited.findings.contains("almost no outbound data: ams-er 2026-10"), "\(credited.findings)")
    // September whole (3,000 GB), October the 1st only: October partial, waste judged on September (no finding).
    let firstDay = try run(
      "2026-09-01,\(fee),1,1/Month,436,USD,\(Self.circuit)\n2026-09-01,\(data),3000,1 GB,75,USD,\(Self.circuit)\n"
        + "2026-10-01,\(fee),0.0322581,1/Month,14.06,USD,\(Self.circuit)\n2026-10-01,\(data),100,1 GB,2.5,USD,\(Self.circuit)\n"
    )
    #expect(firstDay.notes.contains { $0.hasPrefix("2026-10 bills a fee for part of the month only") })
    #expect(!firstDay.findings.contains { $0.hasPrefix("almost no outbound data: ams-er") }, "\(firstDay.findings)")
    // October's first day alone: no whole month, no waste judged.
    let only = try run(
      "2026-10-01,\(fee),0.0322581,1/Month,14.06,USD,\(Self.circuit)\n2026-10-01,\(data),100,1 GB,2.5,USD,\(Self.circuit)\n"
    )
    #expect(only.findings.isEmpty, "\(only.findings)")
    #expect(only.notes.contains { $0.hasPrefix("waste not judged: no month of the exports bills its fees whole") })
    // The CSV carries the notes too, as `note` records.
    let path = try ReconcileRefusalTests.scratch(
      "notes.csv",
      Array(
        (Self.header + "2026-10-01,\(fee),0.0322581,1/Month,14.06,USD,\(Self.circuit)\n").utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let csv = ercalc("reconcile", fixture("reconcile/az-estate.json"), "--actuals", path, "--format", "csv")
    #expect(csv.output.contains("\nnote,,,,,,,,,,,,waste not judged: no month of the exports bills its fees whole"))
  }

  /// Without `--egress` the estimate has no price for outbound data: the text's month table gives that billed part its
  /// own column, so the row adds up: 16,357.22 − 6,310.50 − 9,684.12 = +362.60.
  @Test func theTextMonthTableAddsUpWhenSomeLinesHaveNoPricedEstimate() {
    let result = ercalc(
      "reconcile", fixture("reconcile/az-estate.json"), "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"))
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Month    Estimated     Billed  Billed, no priced estimate  Variance\n"))
    #expect(result.output.contains("2026-10   9,684.12  16,357.22                    6,310.50   +362.60\n"))
  }

  /// `10/1/2026 12:00 AM` is midnight of 2026-10-01: the same charge period as `2026-10-01`, so an overlap.
  @Test func aTwelveHourClockIsRead() throws {
    let row = ",ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
    let iso = try ReconcileRefusalTests.scratch("iso.csv", Array((Self.header + "2026-10-01" + row).utf8))
    let us = try ReconcileRefusalTests.scratch("us.csv", Array((Self.header + "10/1/2026 12:00 AM" + row).utf8))
    defer { for path in [iso, us] { try? FileManager.default.removeItem(atPath: path) } }
    let result = ercalc("reconcile", fixture("reconcile/az-estate.json"), "--actuals", iso, "--actuals", us)
    #expect(result.status == .dataError)
    #expect(result.errors.hasPrefix("\(us):2:1: error: this row repeats \(iso):2 "))
  }

  /// A monthly export (weu-ergw 744 h, 268.584) and a daily one (31 × 24 h at 8.664) of the same October are not the
  /// same rows, so both are summed: 1,488 h, more than one gateway bills in 744 hours, which the notes say.
  @Test func aFeeBilledTwiceOverIsNamed() throws {
    let monthly = "2026-10-01,ExpressRoute,ErGw1AZ Gateway,744,1 Hour,268.584,USD,\(Self.gateway)\n"
    let daily = (1...31).map { day in
      "2026-10-\(day < 10 ? "0" : "")\(day),ExpressRoute,ErGw1AZ Gateway,24,1 Hour,8.664,USD,\(Self.gateway)\n"
    }.joined()
    let first = try ReconcileRefusalTests.scratch("monthly.csv", Array((Self.header + monthly).utf8))
    let second = try ReconcileRefusalTests.scratch("daily.csv", Array((Self.header + daily).utf8))
    defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
    let (result, report) = try ReconcileCommandTests.report([first, second])
    #expect(result.status == .success, "\(result.errors)")
    let notes = report["notes"] as? [String] ?? []
    #expect(
      notes.contains {
        $0.hasPrefix("2026-10: weu-ergw is billed 1488 of 'ErGw1AZ Gateway', more than one resource bills")
      },
      "\(notes)")
  }

  @Test func twoExportsSplittingAMonthByDaysAreSummed() throws {
    // The gateway billed 24 h × 0.361 = 8.664 a day: days 1-15 in one export, 16-30 in the other. Equal amounts on
    // different days are not an overlap: 30 × 8.664 = 259.92 for 720 hours.
    func rows(_ days: ClosedRange<Int>) -> String {
      days.map { day in
        "2026-11-\(day < 10 ? "0" : "")\(day),ExpressRoute,ErGw1AZ Gateway,24,1 Hour,8.664,USD,\(Self.gateway)\n"
      }.joined()
    }
    let first = try ReconcileRefusalTests.scratch("first.csv", Array((Self.header + rows(1...15)).utf8))
    let second = try ReconcileRefusalTests.scratch("second.csv", Array((Self.header + rows(16...30)).utf8))
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let (result, report) = try ReconcileCommandTests.report([first, second])
    #expect(result.status == .success, "\(result.errors)")
    // 259.92 against 730 × 0.361 = 263.53: −3.61, the hours.
    #expect(
      ReconcileCommandTests.values(ReconcileCommandTests.line(report, "weu-ergw", "ErGw1AZ Gateway")) == [
        "263.53", "259.92", "-3.61", "quantity",
      ])
  }

  @Test func aCreditKeepsTheQuantityAndHalfACentHasNoReason() throws {
    let text =
      Self.header
      // The circuit fee, one month, then a credit with no quantity: 436 − 43.60 = 392.40, still 1 month.
      + "2026-10-01,ExpressRoute,Standard Metered Data 1 Gbps Circuit,1,1/Month,436,USD,\(Self.circuit)\n"
      + "2026-10-15,ExpressRoute,Standard Metered Data 1 Gbps Circuit,,1/Month,-43.60,USD,\(Self.circuit)\n"
      // Daily gateway rows that land 0.0036 off the estimate: 730.01 h billed 263.5336 against 730 × 0.361 = 263.53.
      + "2026-10-01,ExpressRoute,ErGw1AZ Gateway,365,1 Hour,131.765,USD,\(Self.gateway)\n"
      + "2026-10-16,ExpressRoute,ErGw1AZ Gateway,365.01,1 Hour,131.7686,USD,\(Self.gateway)\n"
    let report = try Self.reconciled("credit.csv", text)
    let fee = ReconcileCommandTests.line(report, "ams-er", "Standard Metered Data 1 Gbps Circuit")
    #expect(fee?["billedQuantity"] as? String == "1")
    // Same quantity, a lower price: 392.40 − 436.00 = −43.60.
    #expect(ReconcileCommandTests.values(fee) == ["436.00", "392.40", "-43.60", "unit price"])
    // 263.5336 − 263.53 = 0.0036, shown as 0.00: no reason.
    #expect(
      ReconcileCommandTests.values(ReconcileCommandTests.line(report, "weu-ergw", "ErGw1AZ Gateway")) == [
        "263.53", "263.53", "0.00", "none",
      ])
  }

  @Test func focusPricingQuantityCountsBlocksOfThePricingBlockSize() throws {
    let header =
      "BilledCost,BillingCurrency,ChargePeriodStart,ConsumedQuantity,PricingQuantity,x_PricingBlockSize,ResourceId,SkuMeter,ServiceName\n"
    // No ConsumedQuantity: 1,000 blocks of 10 GB = 10,000 GB at 0.025 = 250.00, as estimated.
    let text =
      header
      + "250,USD,2026-10-01 00:00:00,NULL,1000,10,\(Self.circuit),Metered Data - Data Transfer Out,ExpressRoute\n"
    let report = try Self.reconciled("focus-blocks.csv", text)
    let egress = ReconcileCommandTests.line(report, "ams-er", "Metered Data - Data Transfer Out")
    #expect(egress?["billedQuantity"] as? String == "10000")
    #expect(ReconcileCommandTests.values(egress) == ["250.00", "250.00", "0.00", "none"])
    // A block size that is not a number: refused at its cell, line 2, column 39 ("250,USD,2026-10-01 00:00:00,NULL,1000,"
    // is 4 + 4 + 20 + 5 + 5 = 38 characters).
    let bad = try ReconcileRefusalTests.refused(
      "size.csv",
      header
        + "250,USD,2026-10-01 00:00:00,NULL,1000,ten,\(Self.circuit),Metered Data - Data Transfer Out,ExpressRoute\n")
    #expect(bad.status == .dataError)
    #expect(bad.errors.hasPrefix("size.csv:2:39: error: 'ten' in x_PricingBlockSize is not a block size"))
  }
}
