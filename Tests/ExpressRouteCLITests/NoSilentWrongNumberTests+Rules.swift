import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

extension NoSilentWrongNumberTests {
  // MARK: 9. Rules without holes

  @Test func globalReachBetweenZoneOnlyCircuitsIsChecked() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func link(_ zoneA: String, _ zoneB: String, tier: String) throws -> RunResult {
      let path = try write(
        """
        {"circuits": [
          {"name": "a", "zone": "\(zoneA)", "tier": "\(tier)", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "1 TB"},
          {"name": "b", "zone": "\(zoneB)", "tier": "\(tier)", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "1 TB"}],
         "globalReach": [{"circuitA": "a", "circuitB": "b", "dataAToB": "1 TB", "dataBToA": "1 TB"}]}
        """, to: directory, "gr.json")
      return ercalc("quote", path)
    }
    // No geopolitical region has locations in both Zone 1 and Zone 2: the link crosses regions and needs Premium.
    let crossing = try link("Zone 1", "Zone 2", tier: "Standard")
    #expect(crossing.status == .dataError)
    #expect(
      crossing.errors.contains(
        "[global-reach-premium-across-geopolitical] Global Reach link a <-> b joins Zone 1 and Zone 2"))
    // North America has locations in Zone 1 and Zone 4: unknown without locations.
    let unknown = try link("Zone 1", "Zone 4", tier: "Standard")
    #expect(unknown.status == .dataError)
    #expect(unknown.errors.contains("[global-reach-needs-locations]"))
    #expect(try link("Zone 1", "Zone 2", tier: "Premium").status == .success)
  }

  @Test(arguments: [
    (["--global-reach-data", "1TB"], "Error: The option '--global-reach-data' needs '--global-reach <location>'"),
    (["--gateway-count", "2"], "Error: The option '--gateway-count' needs '--gateway <sku>'"),
    (["--scale-units", "2"], "Error: The option '--scale-units' needs '--gateway <sku>'"),
    (
      ["--gateway", "ErGw1AZ", "--scale-units", "3"],
      "Error: The option '--scale-units' applies to '--gateway ErGwScale' only; '--gateway ErGw1AZ' has a fixed size"
    ),
    (
      ["--bandwidth", "1Gbit"],
      "Error: The value '1Gbit' is invalid for '--bandwidth <rate>'. Please provide a rate with a unit, such as 50Mbps, 1Gbps or 10 G. '1Gbit' is an amount of data, not a rate per second."
    ),
    (
      ["--egress", "8000Gb"],
      "Error: The value '8000Gb' is invalid for '--egress <volume>'. Please provide a volume with a unit, such as 500GB, 40TB or 1.5TiB. '8000Gb' is in Gb, bits; data is metered in bytes: write GB (1 GB = 8 Gb)."
    ),
    (
      ["--bandwidth", "1 GBps"],
      "Error: The value '1 GBps' is invalid for '--bandwidth <rate>'. Please provide a rate with a unit, such as 50Mbps, 1Gbps or 10 G. '1 GBps' is in bytes per second; ExpressRoute bandwidths are bits per second: write Gbps."
    ),
    (
      ["--location", "Amster\u{200B}dam"],
      "Error: The value 'Amster\u{200B}dam' is invalid for '--location <name>': it contains the invisible character U+200B."
    ),
    (
      ["--location", "Amster\u{FFFD}dam"],
      "Error: The value 'Amster\u{FFFD}dam' is invalid for '--location <name>': it contains invalid UTF-8 (shown as U+FFFD)."
    ),
  ])
  func flagHolesAreUsageErrors(_ extra: [String], _ expected: String) {
    let result = ercalc(["quote", "--location", "Amsterdam", "--bandwidth", "1Gbps"] + extra)
    #expect(result.status == .usage)
    #expect(result.errors.hasPrefix(expected), "\(result.errors)")
  }

  @Test func fileHolesAreDataErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Invalid UTF-8 (a lone 0xFF byte) in a name.
    let invalid = directory.appendingPathComponent("utf8.json").path
    var bytes = Array(#"{"circuits": [{"name": "ams"#.utf8)
    bytes +=
      [0xFF] + Array(#"", "zone": "Zone 1", "tier": "Standard", "bandwidth": "1 Gbps", "egress": "1 TB"}]}"#.utf8)
    #expect(FileManager.default.createFile(atPath: invalid, contents: Data(bytes)))
    let utf8 = ercalc("quote", invalid)
    #expect(utf8.status == .dataError)
    #expect(
      utf8.errors
        == "\(invalid):1:24: error: invalid JSON: invalid UTF-8 in a string (the file must be UTF-8 encoded)\n")
    let zeroWidth = try write(
      "{\"circuits\": [{\"name\": \"a\u{200B}b\", \"zone\": \"Zone 1\", \"tier\": \"Standard\", \"bandwidth\": \"1 Gbps\", \"egress\": \"1 TB\"}]}",
      to: directory, "zw.json")
    #expect(
      ercalc("quote", zeroWidth).errors.contains(
        "circuits[0].name: 'a\u{200B}b' contains the invisible or control character U+200B"))
    for price in ["+436", ".361", "436."] {
      let override = try write(
        """
        {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "x", "title": "t", "date": "2026-11-01"}],
         "gateways": {"source": "x", "confidence": "ESTIMATE", "rows": [{"sku": "ErGw1AZ", "hourly": "\(price)"}]}}
        """, to: directory, "o.json")
      let result = ercalc("prices", "validate", "--overrides", override)
      #expect(result.status == .dataError, "\(price)")
      #expect(result.errors.contains("'\(price)' is not a price"), "\(price)")
    }
  }

  @Test func egressBeyondCapacityIsRefused() {
    // 1 Gbps carries 10⁹ × 730 × 3,600 ÷ 8 = 328,500,000,000 bytes = 328,500 GB one way in 730 h;
    // 20,000 TB = 20,000,000 GB is 6,088% of that.
    let result = ercalc(Self.quote1G + ["--egress", "20000TB"])
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "error: [egress-within-capacity] circuit 'circuit' sends 20,000,000 GB a month, 6,088% of the 328,500 GB that 1 Gbps carries one way in 730 hours; check the volume's unit or the bandwidth\n"
    )
  }

  @Test func compareAbove10GbpsSaysNotSold() {
    let result = ercalc("compare", "--location", "Amsterdam", "--bandwidth", "20Gbps", "--egress", "1TB")
    #expect(result.status == .success)
    #expect(!result.output.contains("Circuit ()"))
    #expect(result.output.contains("Circuit (USD)"))
    #expect(
      result.output.contains(
        "Standard  MeteredData                                       not sold               20 Gbps is not sold as a provider circuit (more than 10 Gbps needs ExpressRoute Direct)\n"
      ))
    #expect(!result.output.contains("unpriced"))
  }

  @Test func libraryMessagesNameRemediesAndTheCommandLineNamesFlags() throws {
    let result = ercalc("prices", "validate", fixture("direct-override.json"))
    #expect(result.status == .dataError)
    #expect(result.errors.hasSuffix("expected a 'rateTable' here (pass override files with --overrides)\n"))
    // No string in the library names an ercalc flag (az's own flags, quoted as az usage, are fine).
    for (file, text) in try librarySourceFiles() {
      for line in text.split(separator: "\n")
      where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains("\"") {
        guard let range = line.range(of: #"--[a-z]"#, options: .regularExpression), !line.contains("az monitor") else {
          continue
        }
        Issue.record("\(file): a library string names a flag: \(line[range.lowerBound...].prefix(40))")
      }
    }
  }

  // MARK: 10. prices fetch applies --max-change as pages arrive

  @Test func fetchStopsAtTheFirstPageThatMovesAPriceTooFar() throws {
    let page1 = try String(contentsOfFile: fixture("retail/page1.json"), encoding: .utf8)
    let page2 = try String(contentsOfFile: fixture("retail/page2.json"), encoding: .utf8)
    // Page 1 moves Standard MeteredData 1 Gbps Zone 1 from 436 to 900 (+106%).
    let moved = page1.replacingOccurrences(
      of: "\"retailPrice\": 436,\n      \"unitPrice\": 436,", with: "\"retailPrice\": 900,\n      \"unitPrice\": 900,")
    #expect(moved != page1)
    let server = try LocalHTTPServer { path, _ in
      if path.hasPrefix("/jump/api") {
        return (200, moved.replacingOccurrences(of: "\"PAGE2\"", with: "\"/jump/page2\""))
      }
      if path == "/jump/page2" { return (200, page2) }
      return (404, "no")
    }
    defer { server.stop() }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("t.json").path
    let result = ercalc(
      "prices", "fetch", "--endpoint", server.baseURL + "/jump/api", "--gateway-region", "eastus", "--output", output)
    #expect(result.status == .failure)
    #expect(
      result.errors.contains(
        "error: stopped after page 1: 1 price already moves by more than --max-change (Standard MeteredData 1 Gbps circuit, Zone 1: 436 → 900 (+106.4%)); nothing was written; pass --force to accept\n"
      ))
    #expect(server.requests("/jump/page2") == 0)
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
