import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// Regression tests for the ten defects of the "no silent wrong number, no crash" issue, one group per item.
///
/// Prices come from the built-in table (PriceTables/expressroute-usd.json): Standard MeteredData 1 Gbps
/// Zone 1 $436/month, Premium $1,186; Zone 1 egress $0.025/GB; ErGw1AZ $0.361/h; VpnGw1AZ $0.21/h; 730 h.
@Suite struct NoSilentWrongNumberTests {
  static let quote1G = ["quote", "--location", "Amsterdam", "--bandwidth", "1Gbps"]

  // MARK: 1. A full disk or a closed pipe never crashes

  @Test("Full disk: one message, exit 1, every format", arguments: ["text", "markdown", "json", "csv", "html"])
  func fullDiskIsOneMessage(_ format: String) throws {
    let result = try runErcalc(Self.quote1G + ["--egress", "40TB", "--format", format], stdout: "/dev/full")
    #expect(!result.signaled)
    #expect(result.status == 1)
    #expect(result.errors == "error: cannot write to standard output: No space left on device\n")
  }

  @Test func fullDiskOnPricesShowAndOnStandardError() throws {
    let show = try runErcalc(["prices", "show"], stdout: "/dev/full")
    #expect(!show.signaled && show.status == 1)
    // Standard error on a full device: the usage error still exits 64, with nothing to say it on.
    let usage = try runErcalc(["quote", "--bandwidth", "fast"], stderr: "/dev/full")
    #expect(!usage.signaled && usage.status == 64)
  }

  @Test func closedPipeExitsQuietly() throws {
    let result = try runErcalc(Self.quote1G + ["--egress", "40TB", "--format", "html"], closedStdout: true)
    #expect(!result.signaled)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
  }

  // MARK: 2. Unknown SKU names are errors, known ones match in any case

  @Test(arguments: ["vpngw1az", "VPNGW1AZ", "VpnGw1AZ", "vpn-gw-1-az"])
  func vpnSkuMatchesCaseInsensitively(_ spelling: String) {
    // 436.00 + 730 h × 0.21 (VpnGw1AZ) = 436.00 + 153.30 = 589.30.
    let result = ercalc(
      Self.quote1G + ["--egress", "0GB", "--backup-vpn", spelling, "--format", "json", "--fail-above", "600"])
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"monthlyTotal\": \"589.30\""))
  }

  @Test func unknownSkuIsAUsageErrorWithSuggestion() {
    let banana = ercalc(Self.quote1G + ["--backup-vpn", "banana"])
    #expect(banana.status == .usage)
    #expect(
      banana.errors.hasPrefix(
        "Error: The value 'banana' is invalid for '--backup-vpn <sku>'. Please provide one of the following:\n  - Basic\n"
      ))
    let typo = ercalc(Self.quote1G + ["--backup-vpn", "VpnGw1AZZ"])
    #expect(
      typo.errors.hasPrefix(
        "Error: The value 'VpnGw1AZZ' is invalid for '--backup-vpn <sku>'. Did you mean 'VpnGw1AZ'?"))
    // Other names fold too: PREMIUM metered 1 Gbps Zone 1 = 1,186.00; ergw1az = ErGw1AZ, 730 × 0.361 = 263.53 → 1,449.53.
    let folded = ercalc(
      Self.quote1G + ["--sku", "PREMIUM", "--egress", "0GB", "--gateway", "ergw1az", "--format", "json"])
    #expect(folded.status == .success, "\(folded.errors)")
    #expect(folded.output.contains("\"monthlyTotal\": \"1449.53\""))
  }

  @Test func skuNamesInFilesAreCanonicalOrErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let override = try write(
      """
      {"schemaVersion": 1, "kind": "override", "currency": "USD",
       "sources": [{"id": "ea", "title": "Our price sheet", "date": "2026-11-01"}],
       "vpnGateways": {"source": "ea", "confidence": "ESTIMATE", "rows": [{"sku": "vpngw1az", "hourly": "0.21"}]}}
      """, to: directory, "o.json")
    // The lower-case override row replaces VpnGw1AZ: 436.00 + 730 × 0.21 = 436.00 + 153.30 = 589.30.
    let patched = ercalc(
      Self.quote1G + ["--egress", "0GB", "--backup-vpn", "VpnGw1AZ", "--overrides", override, "--format", "json"])
    #expect(patched.status == .success, "\(patched.errors)")
    #expect(patched.output.contains("\"monthlyTotal\": \"589.30\""))
    let deployment = try write(#"{"vpnGateways": [{"name": "v", "sku": "banana"}]}"#, to: directory, "d.json")
    let bad = ercalc("quote", deployment)
    #expect(bad.status == .dataError)
    #expect(bad.errors.contains("vpnGateways[0].sku: 'banana' is not a known VPN gateway SKU"))
  }

  // MARK: 3. An unknown quantity is not priced, never 0.00

  @Test func deploymentCircuitWithoutEgressIsUnpricedNotZero() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let deployment = try write(
      #"{"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps"}]}"#,
      to: directory, "d.json")
    let result = ercalc("quote", deployment, "--format", "json")
    #expect(result.status == .success)
    // Only the circuit fee (436.00) is priced; the data charge is listed with an unknown quantity.
    #expect(result.output.contains("\"monthlyTotal\": \"436.00\""))
    #expect(result.output.contains("\"complete\": false"))
    #expect(
      result.output.contains(
        "\"meter\": \"Metered outbound data, Zone 1\",\n        \"unit\": \"1 GB\",\n        \"quantity\": null"))
    #expect(!result.output.contains("\"amount\": \"0.00\""))
    let csv = ercalc("quote", deployment, "--format", "csv")
    let row = try #require(
      CSVTable(csv.output).rows(where: "ChargeDescription", is: "Metered outbound data, Zone 1").first)
    // FOCUS needs a quantity and costs: 0 placeholders, named in x_Placeholders, never a bare 0.
    #expect(
      [
        row["ResourceName"], row["x_Status"], row["PricingQuantity"], row["BilledCost"], row["ListCost"],
        row["x_Placeholders"],
      ] == ["c", "unpriced", "0", "0.00", "0.00", "cost quantity"])
    #expect(row["x_UnpricedReason"]?.hasPrefix("outbound data per month not given") == true)
  }

  @Test func globalReachSecondCircuitTakesItsOwnVolume() {
    // Amsterdam: 436 + 10,000 GB × 0.025 = 686.00; London (Zone 1): 436 + 5,000 GB × 0.025 = 561.00;
    // Global Reach per-GB rates are unpriced in the built-in table. Total 1,247.00.
    let given = ercalc(
      Self.quote1G + [
        "--egress", "10TB", "--global-reach", "London", "--global-reach-egress", "5TB", "--global-reach-data", "1TB",
        "--format", "json",
      ])
    #expect(given.status == .success, "\(given.errors)")
    #expect(given.output.contains("\"monthlyTotal\": \"1247.00\""))
    // Without the second circuit's volume its data charge is not priced: 686.00 + 436.00 = 1,122.00, and said.
    let unknown = ercalc(
      Self.quote1G + ["--egress", "10TB", "--global-reach", "London", "--global-reach-data", "1TB", "--format", "json"])
    #expect(unknown.output.contains("\"monthlyTotal\": \"1122.00\""))
    #expect(
      unknown.output.contains(
        "\"resource\": \"circuit 'remote'\",\n        \"meter\": \"Metered outbound data, Zone 1\",\n        \"unit\": \"1 GB\",\n        \"quantity\": null"
      ))
    #expect(unknown.errors.contains("--global-reach-data and --global-reach-egress"))
  }

  @Test func diffShowsUnpricedItemsAndAnUnknownChange() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let after = try write(
      """
      {"name": "proposed", "circuits": [
        {"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "40 TB"},
        {"name": "d", "peeringLocation": "London", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps"}],
       "gateways": [{"name": "g", "sku": "ErGw1AZ", "circuits": ["c", "d"]}]}
      """, to: directory, "after.json")
    // Before: 436 + 40,000 × 0.025 + 730 × 0.361 = 436 + 1,000 + 263.53 = 1,699.53. After adds d's 436.00 priced,
    // and d's outbound data unpriced: the change is unknown, not +436.00.
    let text = ercalc("diff", fixture("before.json"), after)
    #expect(text.status == .success)
    #expect(text.output.contains("Change:          unknown: 1 item is not priced (priced items alone: +436.00 USD)\n"))
    #expect(
      text.output.contains("circuit 'd' · Metered outbound data, Zone 1                       -  not priced  unknown\n")
    )
    #expect(text.output.contains("After:           proposed: 2,135.53 USD (incomplete: excludes unpriced charges)\n"))
    #expect(text.errors.contains("warning: 1 item is not priced on one side or both, so the change is unknown"))
    // The CSV (FOCUS rows of both sides) flags d's data on the after side: 0 placeholders, with the reason.
    let csv = CSVTable(ercalc("diff", fixture("before.json"), after, "--format", "csv").output)
    let data = csv.rows(where: "x_Status", is: "unpriced")
    #expect(
      data.map {
        [$0["x_Scenario"], $0["ResourceName"], $0["ChargeDescription"], $0["BilledCost"], $0["x_Placeholders"]]
      }
        == [["after", "d", "Metered outbound data, Zone 1", "0.00", "cost quantity"]])
    #expect(data.first?["x_UnpricedReason"]?.hasPrefix("outbound data per month not given") == true)
    let json = ercalc("diff", fixture("before.json"), after, "--format", "json")
    #expect(json.output.contains("\"change\": null"))
    #expect(json.output.contains("\"complete\": false"))
  }

  // MARK: 4. A budget gate never passes an incomplete total

  @Test func gateFailsWhenAnythingIsUnpriced() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let ports = try write(
      #"{"directPorts": [{"name": "p", "peeringLocation": "Amsterdam", "portSpeed": "10 Gbps", "billing": "MeteredData"}]}"#,
      to: directory, "ports.json")
    // The only charge is the Direct port pair, which has no price: the total 0.00 is not a pass.
    let gated = ercalc("quote", ports, "--fail-above", "1")
    #expect(gated.status == .failure)
    #expect(
      gated.errors.contains(
        "error: --fail-above cannot pass: 1 charge was not priced, so the monthly total of 0.00 USD is incomplete"))
    #expect(ercalc("quote", ports, "--fail-above", "1", "--allow-unpriced").status == .success)
    let estate = packageRoot.appendingPathComponent("Reports/global-estate/portfolio.json").path
    let budget = ercalc("budget", estate, "--fail-above", "1000000")
    #expect(budget.status == .failure)
    // 3 unpriced: the Direct port pair and the two Global Reach legs at ams-premium's end (sin-premium is not yours).
    #expect(budget.errors.contains("error: --fail-above cannot pass: 3 charges were not priced"), "\(budget.errors)")
    #expect(ercalc("budget", estate, "--fail-above", "1000000", "--allow-unpriced").status == .success)
    #expect(ercalc("quote", "--allow-unpriced", "--location", "Amsterdam", "--bandwidth", "1G").status == .usage)
  }

  // MARK: 5. Reading is bounded

  @Test func endlessZerosStopAtTheFirstByte() throws {
    let result = try runErcalc(["quote", "-"], stdin: "/dev/zero", memoryLimitKB: 524_288, timeout: 20)
    #expect(!result.signaled && !result.timedOut)
    #expect(result.status == 65)
    #expect(result.errors == "<stdin>:1:1: error: invalid JSON: byte 0x00 is not allowed in JSON text\n")
    #expect(result.seconds < 5)
  }

  @Test func inputCapIsClearAndRaisable() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let body = (0..<40).map {
      #"{"name": "c\#($0)", "zone": "Zone 1", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "1 TB"}"#
    }
    let path = try write(#"{"circuits": ["# + body.joined(separator: ",\n") + "]}", to: directory, "d.json")
    let capped = ercalc("quote", path, "--max-input-size", "1KB")
    #expect(capped.status == .dataError)
    #expect(
      capped.errors
        == "\(path): error: the input is larger than the 1,000 bytes limit for one document (raise it with --max-input-size, such as --max-input-size 1GB)\n"
    )
    // 40 circuits × (436 + 1,000 × 0.025) = 40 × 461.00 = 18,440.00 once the cap allows the file.
    let raised = ercalc("quote", path, "--max-input-size", "1MB", "--format", "json")
    #expect(raised.output.contains("\"monthlyTotal\": \"18440.00\""), "\(raised.errors)")
  }

  @Test func largeDocumentStaysInBoundedMemory() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // About 20 MB: 150,000 circuits, the last with an unknown key. The whole file is parsed, then rejected with its position,
    // inside a 768 MiB address-space limit (peak measured at about 5× the file; see README, 'Errors and limits').
    let path = directory.appendingPathComponent("big.json").path
    var text = #"{"circuits": ["#
    for index in 0..<150_000 {
      text += #"{"name": "c\#(index)", "peeringLocation": "Amsterdam", "tier": "Standard", "bandwidth": "1 Gbps"},"#
    }
    text += #"{"name": "last", "bogus": 1}]}"#
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try runErcalc(["quote", path], memoryLimitKB: 786_432, timeout: 60)
    #expect(!result.signaled && !result.timedOut)
    #expect(result.status == 65)
    #expect(result.errors.contains("circuits[150000].bogus: unknown key 'bogus'"))
  }

  // MARK: 6. No traffic is not zero traffic

  @Test func emptySeriesAreErrorsNamingTheFile() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(
      #"{"schemaVersion": 1, "name": "x", "peeringLocation": "Amsterdam"}"#, to: directory, "p.json")
    let header = try write("Time,BitsInPerSecond,BitsOutPerSecond\n", to: directory, "header.csv")
    let empty = try write(
      "Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,,\n2026-01-01T00:01:00Z,,\n", to: directory,
      "empty.csv")
    let onlyHeader = ercalc("size", profile, "--series", header, "--quiet")
    #expect(onlyHeader.status == .dataError)
    #expect(
      onlyHeader.errors
        == "\(header): error: the series has no traffic samples (expected rows with BitsInPerSecond/BitsOutPerSecond values, found no rows)\n"
    )
    let onlyEmpty = ercalc("size", profile, "--series", empty, "--quiet")
    #expect(onlyEmpty.status == .dataError)
    #expect(
      onlyEmpty.errors
        == "\(empty): error: the series has no traffic samples (expected rows with BitsInPerSecond/BitsOutPerSecond values, found only empty values)\n"
    )
    // One row with values is not "only empty values": it has no interval yet (the step to a second row).
    let one = try write(
      "Time,BitsInPerSecond,BitsOutPerSecond\n2027-01-01T00:00:00Z,100,200\n", to: directory, "one.csv")
    let oneRow = ercalc("size", profile, "--series", one, "--quiet")
    #expect(oneRow.status == .dataError)
    #expect(
      oneRow.errors
        == "\(one): error: the series has no traffic samples (expected rows with BitsInPerSecond/BitsOutPerSecond values, found a single row per circuit: the sampling interval is the step between two rows, so at least two are needed)\n"
    )
  }

  // MARK: 7. --output never replaces what it should not

  @Test func outputKeepsModeFollowsLinksAndWritesThroughPipes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let args = Self.quote1G + ["--egress", "40TB", "--format", "json"]
    // A mode-600 file keeps its mode.
    let secret = try write("old", to: directory, "secret.json")
    chmod(secret, 0o600)
    #expect(ercalc(args + ["--output", secret]).status == .success)
    #expect((try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int) == 0o600)
    #expect(try String(contentsOfFile: secret, encoding: .utf8).contains("\"monthlyTotal\": \"1436.00\""))
    // A symbolic link stays a link; its target gets the report.
    let target = try write("old", to: directory, "target.json")
    let link = directory.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(ercalc(args + ["--output", link]).status == .success)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"monthlyTotal\": \"1436.00\""))
    // A FIFO is written through and stays a FIFO.
    let fifo = directory.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
    reader.start()
    #expect(ercalc(args + ["--output", fifo]).status == .success)
    while !reader.isFinished { usleep(1000) }
    #expect(String(decoding: received, as: UTF8.self).contains("\"monthlyTotal\": \"1436.00\""))
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    // A character device is written through, never replaced.
    #expect(ercalc(args + ["--output", "/dev/null"]).status == .success)
    #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    // A directory is refused.
    let refused = ercalc(args + ["--output", directory.path])
    #expect(refused.status == .failure)
    #expect(refused.errors == "error: cannot write '\(directory.path)': it is a directory\n")
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == [
        "secret.json", "target.json", "link.json", "fifo",
      ])
  }

  @Test func failedRunLeavesTheOldOutputAndTrippedGateStillWrites() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = try write("previous report", to: directory, "q.json")
    let bad = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "3Gbps", "--egress", "1TB", "--output", output)
    #expect(bad.status == .dataError)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous report")
    // 1,436.00 > 1,000: the gate fails, and the valid report that shows why is written all the same.
    let gated = ercalc(Self.quote1G + ["--egress", "40TB", "--output", output, "--fail-above", "1000"])
    #expect(gated.status == .failure)
    #expect(
      gated.errors.contains("exceeds --fail-above 1,000.00 USD (the report was written to '\(output)' and shows why)"))
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"monthlyTotal\": \"1436.00\""))
  }

  // MARK: 8. Devices, pipes and empty paths read as a shell user expects

  @Test func devNullAndPipesAreRead() throws {
    let empty = ercalc("quote", "/dev/null")
    #expect(empty.status == .dataError)
    #expect(empty.errors == "/dev/null:1:1: error: the input is empty (expected a JSON document)\n")
    // A named pipe, as `quote <(cat before.json)` gives: read like a file. 1,699.53 (see item 3).
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("in").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = try Data(contentsOf: URL(fileURLWithPath: fixture("before.json")))
    let writer = Thread { FileHandle(forWritingAtPath: fifo)?.write(text) }
    writer.start()
    let piped = ercalc("quote", fifo, "--format", "json")
    #expect(piped.status == .success, "\(piped.errors)")
    #expect(piped.output.contains("\"monthlyTotal\": \"1699.53\""))
    let noPath = ercalc(Self.quote1G + ["--output", ""])
    #expect(noPath.status == .usage)
    #expect(
      noPath.errors.hasPrefix("Error: The value '' is invalid for '--output <file>'. Please provide a file path.\n"))
  }
}
