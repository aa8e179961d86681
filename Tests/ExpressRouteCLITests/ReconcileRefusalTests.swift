import ExpressRouteCLI
import Foundation
import Testing

/// `reconcile`'s waste findings on the FOCUS 1.2 fixture, and what it refuses.
@Suite struct ReconcileRefusalTests {
  @Test func eachWasteFindingWithItsMonthlyCost() throws {
    let (_, report) = try ReconcileCommandTests.report([fixture("reconcile/focus-1.2-2026-10.csv")])
    let findings = (report["findings"] as? [[String: Any]] ?? []).map {
      "\($0["kind"] as? String ?? ""): \($0["resource"] as? String ?? "") \($0["monthlyCost"] as? String ?? "")"
    }
    // Every finding is costed from what the export billed (all these resources have billed rows).
    #expect((report["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["costBasis"] as? String == "billed" })
    #expect(
      findings == [
        // lon-er: serviceProviderProvisioningState NotProvisioned, its circuit billed 436.00.
        "circuit billed but not provisioned: lon-er 436.00",
        // neu-ergw has no connection; billed 744 × 0.361 = 268.58.
        "gateway with no connection: neu-ergw 268.58",
        // old-ergw's only connection reaches par-er, which the inventory no longer has.
        "gateway billed after its circuit is gone: old-ergw 268.58",
        // fra-er (Frankfurt, Europe) connects only to gwc-ergw in Germany West Central (Europe): billed Premium
        // 1,186 less 10% = 1,067.40, against Standard 436: 1,067.40 − 436 = 631.40 (the list difference, 750, is not
        // what the customer would save).
        "Premium where Standard fits: fra-er 631.40",
        // dub-er: 436 + 240,000 GB × 0.025 (6,000) = 6,436 against Unlimited 5,700: 736.00.
        "Unlimited would cost less: dub-er 736.00",
        // ams-unl: Metered 436 + 2,000 GB × 0.025 = 486 against 5,700: 5,214.00.
        "Metered would cost less: ams-unl 5214.00",
        // ams-quiet: 20 GB against 0.1% of 1 Gbps for 730 h (1,000 × 0.3285 = 328.5 GB): its 436.00 fee.
        "almost no outbound data: ams-quiet 436.00",
      ])
    let fixes = (report["findings"] as? [[String: Any]] ?? []).map { $0["fix"] as? String ?? "" }
    #expect(fixes.allSatisfy { !$0.isEmpty })
    #expect(fixes[5].hasPrefix("Azure does not move a circuit from Unlimited to Metered"))
    #expect(report["inventoryChecked"] as? Bool == true)
  }

  @Test func auditWithActualsListsTheSameWaste() throws {
    let result = ercalc(
      "audit", "--from", fixture("reconcile/az-estate.json"), "--series", fixture("existing/ams-er-metrics.json"),
      "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"), "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    let waste = (report["waste"] as? [[String: Any]] ?? []).map {
      "\($0["resource"] as? String ?? "") \($0["monthlyCost"] as? String ?? "")"
    }
    // As in reconcile: lon-er 436, neu-ergw and old-ergw 268.58, fra-er billed 1,067.40 − 436, dub-er 6,436 − 5,700,
    // ams-unl 5,700 − 486, ams-quiet 436.
    #expect(
      waste == [
        "lon-er 436.00", "neu-ergw 268.58", "old-ergw 268.58", "fra-er 631.40", "dub-er 736.00", "ams-unl 5214.00",
        "ams-quiet 436.00",
      ])
    // Without exports the audit's JSON has no waste member.
    let plain = ercalc(
      "audit", "--from", fixture("reconcile/az-estate.json"), "--series", fixture("existing/ams-er-metrics.json"),
      "--format", "json")
    #expect(!plain.output.contains("\"waste\""))
  }

  @Test func virtualWANGatewayFromResourceGraphIsMatchedAndAnUnconnectedGatewayFound() throws {
    let gateway =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/net/providers/microsoft.network/expressroutegateways/weu-hub-ergw"
    let text =
      Self.focusHeader
      // October: 3 scale units × 744 h × 0.42 = 937.44; 2 connection units × 744 h × 0.05 = 74.40.
      + "937.44,USD,2026-10-01 00:00:00,2232,\(gateway),ExpressRoute Scale Unit,Virtual WAN\n"
      + "74.40,USD,2026-10-01 00:00:00,1488,\(gateway),ExpressRoute Connection Unit,Virtual WAN\n"
    let path = try Self.scratch("vwan.csv", Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = ercalc(
      "reconcile", fixture("existing/graph-vwan-estate.json"), "--actuals", path, "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    // Estimated 3 × 730 × 0.42 = 919.80 and 2 × 730 × 0.05 = 73.00: +17.64 and +1.40, both the hours.
    #expect(
      ReconcileCommandTests.values(ReconcileCommandTests.line(report, "weu-hub-ergw", "ExpressRoute Scale Unit")) == [
        "919.80", "937.44", "17.64", "quantity",
      ])
    #expect(
      ReconcileCommandTests.values(ReconcileCommandTests.line(report, "weu-hub-ergw", "ExpressRoute Connection Unit"))
        == ["73.00", "74.40", "1.40", "quantity"])
    // hub-ergw (ErGw2AZ) has no connection and no bill in the export: its estimate, 730 × 0.632 = 461.36.
    let findings = (report["findings"] as? [[String: Any]] ?? []).map {
      "\($0["kind"] as? String ?? ""): \($0["resource"] as? String ?? "") \($0["monthlyCost"] as? String ?? "")"
    }
    #expect(findings == ["gateway with no connection: hub-ergw 461.36"])
    // Not billed, so costed at the rate table's price, and the finding says so.
    let finding = (report["findings"] as? [[String: Any]])?.first
    #expect(finding?["costBasis"] as? String == "list price")
    #expect(
      (finding?["evidence"] as? String)?.hasSuffix(
        "(costed at the rate table's price: the export bills no such row in 2026-10)") == true)
  }

  @Test func aDeploymentFileHasNoInventorySoNoWasteChecksRun() throws {
    let result = ercalc(
      "reconcile", fixture("focus-deployment.json"), "--actuals", fixture("reconcile/focus-1.2-2026-10.csv"))
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("so the waste checks did not run."))
    // The deployment's Megaport installation is the provider's bill, not Azure's: named, not set against the export.
    #expect(
      result.output.contains(
        "- your own charges are not on an Azure invoice, not compared: Megaport: Installation for ams-1\n"))
    // ams-1 436 + 10,000 GB × 0.025 (250) + gateway 730 × 0.361 (263.53) = 949.53.
    #expect(result.output.contains("Estimated:       949.53 USD\n"))
  }

  /// A scratch file with `bytes`, removed by the caller's `defer`.
  static func scratch(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: url)
    return url.path
  }

  static func refused(_ name: String, _ text: String) throws -> RunResult {
    try refused(name, Array(text.utf8))
  }

  static func refused(_ name: String, _ bytes: [UInt8]) throws -> RunResult {
    let path = try scratch(name, bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var result = ercalc("reconcile", fixture("reconcile/az-estate.json"), "--actuals", path)
    result.errors = result.errors.replacingOccurrences(of: path, with: name)
    return result
  }

  static let focusHeader =
    "BilledCost,BillingCurrency,ChargePeriodStart,ConsumedQuantity,ResourceId,SkuMeter,ServiceName\n"
  static let circuit =
    "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/ams-er"

  @Test func gzipAndParquetAreRefusedByName() throws {
    let gzip = try Self.refused("export.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0])
    #expect(gzip.status == .dataError)
    #expect(
      gzip.errors.hasPrefix(
        "export.csv.gz:1:1: error: this is a gzip-compressed export; ercalc reads uncompressed CSV: run 'gunzip -k' on it"
      ))
    let parquet = try Self.refused("export.parquet", Array("PAR1\u{15}\u{04}".utf8))
    #expect(parquet.status == .dataError)
    #expect(parquet.errors.hasPrefix("export.parquet:1:1: error: this is a Parquet export; ercalc reads CSV"))
  }

  @Test func malformedRowsAreErrorsAtTheirLineAndColumn() throws {
    // Line 3, column 5: a quote inside an unquoted field.
    let quote = try Self.refused(
      "quote.csv",
      Self.focusHeader + "436,USD,2026-10-01,1,\(Self.circuit),x,ExpressRoute\n1,US\"D,2026-10-01,1,x,y,z\n")
    #expect(quote.status == .dataError)
    #expect(quote.errors.hasPrefix("quote.csv:3:5: error: a quote inside an unquoted field"))
    // A quoted field never closed: reported where it opens (line 2, column 1).
    let open = try Self.refused("open.csv", Self.focusHeader + "\"436,USD\n")
    #expect(open.errors.hasPrefix("open.csv:2:1: error: a quoted field is still open at the end of the file"))
    // Too few fields.
    let short = try Self.refused("short.csv", Self.focusHeader + "436,USD\n")
    #expect(short.errors.hasPrefix("short.csv:2:1: error: the row has 2 fields, the header 7"))
    // A cost that is not a number, column 1; a NULL cost on an ExpressRoute row is never 0.
    let bad = try Self.refused(
      "bad.csv",
      Self.focusHeader + "4x6,USD,2026-10-01,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,ExpressRoute\n")
    #expect(bad.errors.hasPrefix("bad.csv:2:1: error: '4x6' in BilledCost is not a number"))
    let null = try Self.refused(
      "null.csv",
      Self.focusHeader + "NULL,USD,2026-10-01,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,ExpressRoute\n")
    #expect(null.status == .dataError)
    #expect(
      null.errors.hasPrefix(
        "null.csv:2:1: error: BilledCost is empty or NULL on an ExpressRoute row; ercalc does not read a missing cost as 0"
      ))
    // A date that is neither ISO nor US: column 3.
    let date = try Self.refused(
      "date.csv",
      Self.focusHeader + "436,USD,Oct 2026,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,ExpressRoute\n")
    #expect(date.errors.hasPrefix("date.csv:2:9: error: 'Oct 2026' in ChargePeriodStart is not a date"))
  }

  @Test func currenciesOtherThanTheEstimatesOrMixedAreRefused() throws {
    let row = ",2026-10-01,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,ExpressRoute\n"
    let euro = try Self.refused("eur.csv", Self.focusHeader + "400,EUR" + row)
    #expect(euro.status == .dataError)
    // At the currency's cell: column 5, after `400,`.
    #expect(euro.errors.hasPrefix("eur.csv:2:5: error: the exports bill in EUR, the estimate is in USD"))
    let mixed = try Self.refused("mixed.csv", Self.focusHeader + "436,USD" + row + "400,EUR" + row)
    #expect(
      mixed.errors.hasPrefix(
        "mixed.csv:3:5: error: mixed currencies: this row is billed in EUR, earlier rows in USD (first at mixed.csv:2:5)"
      ))
    let unknown = try Self.refused("unknown.csv", Self.focusHeader + "436,US$" + row)
    #expect(
      unknown.errors.hasPrefix("unknown.csv:2:5: error: 'US$' in BillingCurrency is not an ISO 4217 currency code"))
    let empty = try Self.refused("empty.csv", Self.focusHeader + "436,NULL" + row)
    #expect(empty.errors.hasPrefix("empty.csv:2:5: error: BillingCurrency is empty: the row's currency is unknown"))
  }

  @Test func aMissingExportIsAnIOFailureAndNoExportAUsageError() {
    let missing = ercalc(
      "reconcile", fixture("reconcile/az-estate.json"), "--actuals", "/nonexistent/export.csv")
    #expect(missing.status == .failure)
    #expect(missing.errors == "error: cannot read '/nonexistent/export.csv': no such file\n")
    let none = ercalc("reconcile", fixture("reconcile/az-estate.json"))
    #expect(none.status == .usage)
  }

  @Test func aPriceSheetOrOtherCSVIsNotACostExport() throws {
    let sheet = try Self.refused("sheet.csv", "MeterId,MeterName,UnitOfMeasure,UnitPrice,CurrencyCode\n")
    #expect(sheet.status == .dataError)
    #expect(sheet.errors.hasPrefix("sheet.csv:1:1: error: not a cost export ercalc reads"))
    #expect(sheet.errors.contains("a price sheet goes to 'ercalc prices import'"))
  }

  @Test func rowsAcrossBlockBoundariesAreReadWhole() throws {
    // 3 MiB of other services' rows (more than the 1 MiB blocks), then an ExpressRoute row whose quoted field holds a
    // line break and a comma, placed so it straddles a block boundary; then a row on the next line, counted right.
    var text = Self.focusHeader
    let filler =
      "1.00,USD,2026-10-01,1,/subscriptions/x/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/s,Hot LRS,Storage\n"
    while text.utf8.count < 3 * (1 << 20) - 40 { text += filler }
    text += "436,USD,2026-10-01,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,\"Express\nRoute, circuit\"\n"
    let lineOfBadRow = text.split(separator: "\n", omittingEmptySubsequences: false).count
    text += "9x,USD,2026-10-01,1,\(Self.circuit),Standard Metered Data 1 Gbps Circuit,ExpressRoute\n"
    let result = try Self.refused("large.csv", text)
    // The straddling row was read (else the bad row's line would be off by one) and the next row is refused at its line.
    #expect(result.errors.hasPrefix("large.csv:\(lineOfBadRow):1: error: '9x' in BilledCost is not a number"))
  }
}
