import Foundation
import TestSupport
import Testing

/// `--discount` values, discounts given in two places, and what reports call discounted prices.
@Suite struct DiscountOptionTests {
  @Test func aBareNumberIsRefusedWithTheFix() {
    for bare in ["0.12", "12", "circuits=10"] {
      let result = ercalc("compare", "--bandwidth", "1Gbps", "--egress", "1TB", "--discount", bare)
      #expect(result.status == .usage, "\(bare)")
      #expect(
        result.errors.hasPrefix(
          "Error: The value '\(bare)' is invalid for '--discount <percent>'. A discount needs its % sign: write '\(bare)%' if that is the percentage you mean (a bare 0.12 could mean 0.12% or 12%; twelve percent is 12%).\n"
        ), "\(result.errors)")
    }
  }

  @Test func conflictingDiscountsNameBothPlaces() throws {
    let directory = try temporaryDirectory("ercalc-discounts")
    defer { try? FileManager.default.removeItem(at: directory) }
    func override(_ name: String, _ percent: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try """
      {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "\(name)", "title": "EA", "date": "2026-11-01"}],
       "discounts": {"all": "\(percent)"}}
      """.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let a = try override("a.json", "10")
    let b = try override("b.json", "20")
    let flags = ercalc("compare", "--egress", "1TB", "--discount", "10%", "--discount", "20%")
    #expect(flags.status == .usage)
    #expect(
      flags.errors.hasPrefix(
        "Error: Conflicting discounts: two different discounts on all Azure charges: 10% (--discount 10%) and 20% (--discount 20%); give the discount in one place only.\n"
      ))
    let files = ercalc("compare", "--egress", "1TB", "--overrides", a, "--overrides", b)
    #expect(files.status == .dataError)
    #expect(
      files.errors
        == "\(b):2:23: error: discounts.all: two different discounts on all Azure charges: 10% (override file '\(a)') and 20% (override file '\(b)'); give the discount in one place only\n"
    )
    let mixed = ercalc("compare", "--egress", "1TB", "--overrides", a, "--discount", "20%")
    #expect(mixed.status == .usage)
    #expect(mixed.errors.contains("10% (override file '\(a)') and 20% (--discount 20%)"))
    // The same discount twice is one truth, and a family's own discount beside the file's 'all' is the documented rule.
    #expect(ercalc("compare", "--egress", "1TB", "--overrides", a, "--discount", "10%").status == .success)
    let family = ercalc(
      "compare", "--egress", "1TB", "--overrides", a, "--discount", "circuits=50%", "--format", "json")
    #expect(family.status == .success)
    #expect(family.output.contains("\"negotiatedDiscount\": \"10% on all Azure charges, 50% on circuits\""))
  }

  @Test func fileDiscountsFollowTheFlagsRule() throws {
    let directory = try temporaryDirectory("ercalc-file-discounts")
    defer { try? FileManager.default.removeItem(at: directory) }
    func override(_ name: String, _ value: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try """
      {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "ea", "title": "EA", "date": "2026-11-01"}],
       "discounts": {"circuits": "\(value)"}}
      """.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // "12" (the documented form) and "12%" are both 12%.
    for value in ["12", "12%"] {
      let result = ercalc(
        "compare", "--egress", "1TB", "--overrides", try override("p.json", value), "--format", "json")
      #expect(result.status == .success, "\(value): \(result.errors)")
      #expect(result.output.contains("\"negotiatedDiscount\": \"12% on circuits\""), "\(value)")
    }
    // A bare number between 0 and 1 could mean 0.5% or 50%: refused at the value, as the flag refuses "0.12" (it was read as 0.5%).
    let half = try override("half.json", "0.5")
    let refused = ercalc("compare", "--egress", "1TB", "--overrides", half)
    #expect(refused.status == .dataError)
    #expect(
      refused.errors
        == "\(half):2:28: error: discounts.circuits: '0.5' is ambiguous: it could mean 0.5% or 50% (write \"0.5%\" or \"50%\"; a bare number is a percentage, \"12\" being 12%)\n"
    )
    #expect(
      ercalc("compare", "--egress", "1TB", "--overrides", try override("halfpct.json", "0.5%"), "--format", "json")
        .output.contains(
          "\"negotiatedDiscount\": \"0.5% on circuits\""))
    // A family on the command line matches whatever its case, as names do everywhere.
    let upper = ercalc("compare", "--egress", "1TB", "--discount", "CIRCUITS=20%", "--format", "json")
    #expect(upper.status == .success, "\(upper.errors)")
    #expect(upper.output.contains("\"negotiatedDiscount\": \"20% on circuits\""))
  }

  @Test func anOverrideRowIsYourOwnRateAndIsNotDiscountedAgain() throws {
    let directory = try temporaryDirectory("ercalc-own-rate")
    defer { try? FileManager.default.removeItem(at: directory) }
    let contract = directory.appendingPathComponent("contract.json").path
    try """
    {"schemaVersion": 1, "kind": "override", "currency": "USD",
     "sources": [{"id": "our-contract", "title": "Our contract", "url": "file:contract.pdf", "date": "2026-11-01"}],
     "directPorts": {"source": "our-contract", "confidence": "CONFIRMED", "rows": [{"portSpeed": "10 Gbps", "billing": "MeteredData", "monthly": "3800.00"}]}}
    """.write(toFile: contract, atomically: true, encoding: .utf8)
    let deployment = directory.appendingPathComponent("d.json").path
    try """
    {"schemaVersion": 1, "name": "d",
     "circuits": [{"name": "ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}],
     "directPorts": [{"name": "fra-ports", "peeringLocation": "Frankfurt", "portSpeed": "10 Gbps", "billing": "MeteredData"}]}
    """.write(toFile: deployment, atomically: true, encoding: .utf8)
    // --discount 10%: the list circuit Standard UnlimitedData 1 Gbps Zone 1 5,700.00 × 0.9 = 5,130.00; the port pair's
    // 3,800.00 is the contract's own price and stays 3,800.00 (it was 3,420.00, and called list price in the CSV).
    // Total 5,130.00 + 3,800.00 = 8,930.00.
    let text = ercalc("quote", deployment, "--overrides", contract, "--discount", "10%")
    #expect(text.status == .success, "\(text.errors)")
    #expect(text.output.contains("Monthly total:            8,930.00 USD\n"), "\(text.output)")
    let csv = ercalc("quote", deployment, "--overrides", contract, "--discount", "10%", "--format", "csv")
    let table = CSVTable(csv.output)
    let port = try #require(table.rows.first { $0["ResourceName"] == "fra-ports" })
    #expect(port["BilledCost"] == "3800.00")
    #expect(port["ListCost"] == "3800.00")
    #expect(port["x_CostBasis"] == "your own rate (override file)")
    let circuit = try #require(table.rows.first { $0["ResourceName"] == "ams" })
    #expect(circuit["BilledCost"] == "5130.00")
    #expect(circuit["ListCost"] == "5700.00")
    #expect(circuit["x_CostBasis"] == "negotiated discount off list price")
  }

  @Test func compareAndSizeLabelDiscountedPricesAndBreakEvensUseThem() {
    // circuits=50%: (5,700 × 0.5 − 436 × 0.5) ÷ 0.025 = (2,850 − 218) ÷ 0.025 = 105,280 GB, not 210,560 GB at list prices.
    let halved = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "27TB", "--discount", "circuits=50%")
    #expect(halved.status == .success)
    #expect(
      halved.output.contains(
        "Prices:          Azure ExpressRoute retail prices (USD, pay-as-you-go) with negotiated discount 50% on circuits\n"
      ))
    #expect(
      halved.output.contains(
        "- Standard: unlimited is cheaper above 105,280 GB/month (32% of one direction's capacity)\n"))
    // 12% on everything: Local (1,200 − 436) × 0.88 ÷ (0.025 × 0.88) = 672.32 ÷ 0.022 = 30,560 GB; at 27,000 GB Standard
    // metered (383.68 + 594.00 = 977.68) is cheaper than Local (1,056.00).
    let uniform = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "27TB", "--discount", "12%")
    #expect(uniform.output.contains("- Local is cheaper than Standard metered above 30,560 GB/month"))
    #expect(uniform.output.contains("Cheapest: Standard MeteredData at 977.68 USD/month."))
    let size = ercalc("size", fixture("sizing-profile.json"), "--quiet", "--discount", "12%")
    #expect(size.status == .success, "\(size.errors)")
    #expect(
      size.output.contains(
        "Azure ExpressRoute retail prices (USD, pay-as-you-go) with negotiated discount 12% on all Azure charges"))
    let breakeven = ercalc("prices", "breakeven", "--discount", "circuits=50%", "--format", "json")
    #expect(breakeven.output.contains("\"negotiatedDiscount\": \"50% on circuits\""))
    #expect(breakeven.output.contains("\"volumeGB\": \"105280\""))
  }
}

/// `size`, `budget`, `diff` and `audit` choose a workload's series by the library's one rule.
@Suite struct SeriesChoiceTests {
  static func write(_ directory: URL) throws {
    // `AMS-1` and `ams-1` rows are one circuit (48 hourly samples): 100 Mbps out on even hours, 200 Mbps on odd ones.
    var rows = ["Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond"]
    for hour in 0..<48 {
      let time = "2026-01-0\(1 + hour / 24)T\(hour % 24 < 10 ? "0" : "")\(hour % 24):00:00Z"
      rows.append("\(time),\(hour % 2 == 0 ? "AMS-1" : "ams-1"),50000000,\(hour % 2 == 0 ? 100_000_000 : 200_000_000)")
      rows.append("\(time),lon,0,1000000")
    }
    try (rows.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("mixed.csv"), atomically: true, encoding: .utf8)
    try
      "Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,ams,1,1\n2026-01-01T01:00:00Z,ams,1,1\n"
      .write(
        to: directory.appendingPathComponent("ams-only.csv"), atomically: true, encoding: .utf8)
  }

  static func portfolio(_ directory: URL, series: String, circuit: String) throws -> String {
    let path = directory.appendingPathComponent("portfolio-\(UUID().uuidString).json").path
    try """
    {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12, "sites": [
      {"name": "site", "profile": {"name": "site", "peeringLocation": "Amsterdam", "gateways": 0,
        "traffic": {"series": ["\(series)"], "seriesCircuit": "\(circuit)", "monthlyEgress": "1000 GB"}}}]}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func profile(_ directory: URL, series: String, circuit: String) throws -> String {
    let path = directory.appendingPathComponent("profile-\(UUID().uuidString).json").path
    try """
    {"schemaVersion": 1, "name": "site", "peeringLocation": "Amsterdam", "gateways": 0,
     "traffic": {"series": ["\(series)"], "seriesCircuit": "\(circuit)", "monthlyEgress": "1000 GB"}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aSeriesCircuitThatIsNotThereFailsEveryCommand() throws {
    let directory = try temporaryDirectory("ercalc-series")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write(directory)
    // The CSV holds only 'ams': 'lon' is an error everywhere (budget used to price the site from 'ams').
    let profile = try Self.profile(directory, series: "ams-only.csv", circuit: "lon")
    let size = ercalc("size", profile, "--quiet")
    #expect(size.status == .dataError)
    #expect(size.errors == "error: the series has no circuit 'lon' (it has 'ams')\n")
    let portfolio = try Self.portfolio(directory, series: "ams-only.csv", circuit: "lon")
    for arguments in [["budget", portfolio], ["diff", portfolio, portfolio]] {
      let result = ercalc(arguments)
      #expect(result.status == .dataError, "\(arguments[0])")
      // The site is refused (the budget goes on without it; a diff needs every site): exit 65 either way.
      #expect(
        result.errors.hasPrefix("\(portfolio): error: site 'site': the series has no circuit 'lon' (it has 'ams')\n"),
        "\(arguments[0])")
    }
  }

  @Test func everyCommandSeesOneCircuitWhateverItsSpelling() throws {
    let directory = try temporaryDirectory("ercalc-series")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write(directory)
    let series = directory.appendingPathComponent("mixed.csv").path
    // size: '--circuit ams-1' and 'AMS-1' are the one circuit of 48 samples (it used to pick the 24 of 'AMS-1').
    for wanted in ["ams-1", "AMS-1", " Ams-1 "] {
      let size = ercalc(
        "size", try Self.profile(directory, series: "mixed.csv", circuit: "lon"), "--circuit", wanted, "--quiet",
        "--format", "json")
      #expect(size.status == .success, "\(size.errors)")
      #expect(size.output.contains("\"circuit\": \"AMS-1\""))
      #expect(size.output.contains("\"samples\": 48"))
      // budget and diff take the profile's seriesCircuit by the same rule.
      let portfolio = try Self.portfolio(directory, series: "mixed.csv", circuit: wanted)
      #expect(ercalc("budget", portfolio).status == .success)
      #expect(ercalc("diff", portfolio, portfolio).status == .success)
    }
    // audit matches an estate's circuit 'ams-1' to the same series (48 hours are too few to know a month's outbound
    // data, so the circuit it matched is not audited, for that reason: not for a missing series).
    let estate = directory.appendingPathComponent("estate.json").path
    try """
    [{"name": "ams-1", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope",
      "id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1",
      "serviceProviderProperties": {"bandwidthInMbps": 1000, "peeringLocation": "Amsterdam", "serviceProviderName": "Equinix"},
      "sku": {"family": "MeteredData", "name": "Standard_MeteredData", "tier": "Standard"}}]
    """.write(toFile: estate, atomically: true, encoding: .utf8)
    let audit = ercalc("audit", "--from", estate, "--series", series, "--quiet", "--format", "json")
    #expect(audit.status == .success, "\(audit.errors)")
    #expect(audit.output.contains("\"skippedReason\": \"series 'AMS-1' covers at most "), "\(audit.output)")
  }
}
