import Foundation
import TestSupport
import Testing

/// `compare` never claims a cheapest option it cannot know: an option without a price that could cost less, or an
/// outbound volume nobody gave, is said in every format.
@Suite struct CompareVerdictTests {
  // London is Zone 1; 100 Mbps. Built-in rates: Standard MeteredData 100 Mbps Zone 1 is unpriced (UNCERTAIN: 110 vs
  // 100); Premium MeteredData 100 Mbps 200, Standard UnlimitedData 575, Premium UnlimitedData 675; Zone 1 egress 0.025/GB.
  static let london = ["compare", "--location", "London", "--bandwidth", "100Mbps", "--egress", "1000GB"]

  @Test func premiumIsNeverCalledTheCheapestWhileStandardIsUnpriced() throws {
    // Premium MeteredData: 200 + 1,000 GB × 0.025 = 225.00, the cheapest *priced* option; Standard MeteredData (the
    // same circuit without the Premium add-on) has no price, so it could be cheaper: the cheapest is not known.
    let text = ercalc(Self.london)
    #expect(text.status == .success, "\(text.errors)")
    #expect(
      text.output.contains(
        "Cheapest priced: Premium MeteredData at 225.00 USD/month; Standard MeteredData has no price and\ncould be cheaper, so the cheapest is not known."
      ), "\(text.output)")
    #expect(!text.output.contains("Cheapest:"))
    #expect(text.output.contains("225.00  cheapest priced"))
    let json = ercalc(Self.london + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["cheapest"] is NSNull)
    #expect((object["cheapestPriced"] as? [String: Any])?["monthlyTotal"] as? String == "225.00")
    #expect((object["cheapestPriced"] as? [String: Any])?["tier"] as? String == "Premium")
    #expect(object["unpricedMayCostLess"] as? [String] == ["Standard MeteredData"])
    #expect(object["complete"] as? Bool == false)
    #expect(
      object["verdict"] as? String
        == "Cheapest priced: Premium MeteredData at 225.00 USD/month; Standard MeteredData has no price and could be cheaper, so the cheapest is not known"
    )
    // Markdown and HTML carry the same verdict; the CSV (cost rows, no verdict) has the Standard circuit unpriced.
    for format in ["markdown", "html"] {
      let rendered = ercalc(Self.london + ["--format", format]).output
      #expect(rendered.contains("Cheapest priced: Premium MeteredData at 225.00 USD/month"), "\(format)")
      #expect(rendered.contains("Standard MeteredData has no price and could be cheaper"), "\(format)")
      #expect(!rendered.contains("Cheapest: "), "\(format)")
    }
    let csv = CSVTable(ercalc(Self.london + ["--format", "csv"]).output)
    let standard = try #require(
      csv.rows(where: "ChargeDescription", is: "Standard MeteredData 100 Mbps circuit, Zone 1").first)
    #expect(standard["x_Status"] == "unpriced")
  }

  @Test func anUnpricedOptionWhosePricedChargesAlreadyCostMoreCannotBeTheCheapest() throws {
    // At 30 TB Standard MeteredData's outbound data alone is 30,000 GB × 0.025 = 750.00, above Standard
    // UnlimitedData's 575.00 in all: whatever its missing circuit fee, it is not the cheapest, so the cheapest is known.
    let json = ercalc([
      "compare", "--location", "London", "--bandwidth", "100Mbps", "--egress", "30TB", "--format", "json",
    ])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect((object["cheapest"] as? [String: Any])?["monthlyTotal"] as? String == "575.00", "\(json.output)")
    #expect((object["cheapest"] as? [String: Any])?["billing"] as? String == "UnlimitedData")
    #expect((object["unpricedMayCostLess"] as? [String])?.isEmpty == true)
  }

  @Test func theGateCountsAPossiblyCheaperUnpricedOptionAsNotPriced() {
    // The cheapest priced total, 225.00, is under 1,000 but not known to be the cheapest: the gate cannot pass
    // unless unpriced charges are allowed; over 100 it fails either way.
    let held = ercalc(Self.london + ["--fail-above", "1000"])
    #expect(held.status == .failure)
    #expect(
      held.errors.contains(
        "--fail-above cannot pass: 1 charge was not priced, so the cheapest option's monthly total of 225.00 USD is incomplete"
      ))
    #expect(ercalc(Self.london + ["--fail-above", "1000", "--allow-unpriced"]).status == .success)
    #expect(ercalc(Self.london + ["--fail-above", "100", "--allow-unpriced"]).status == .failure)
  }

  @Test func aHubRegionRulesOutTheOptionsThatCannotReachIt() throws {
    // Amsterdam 1 Gbps, 40 TB, hub North Europe: Local (1,200.00, cheapest without a hub) reaches only West Europe, so
    // the cheapest is Standard MeteredData 436 + 40,000 × 0.025 = 1,436.00. Hub East US (North America): only Premium
    // reaches it: Premium MeteredData 1,186 + 10,000 × 0.025 = 1,436.00 at 10 TB.
    let north = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB", "--with-vpn", "--hub-region",
      "North Europe", "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(north.output.utf8)) as? [String: Any])
    let cheapest = try #require(root["cheapest"] as? [String: Any])
    #expect(cheapest["tier"] as? String == "Standard" && cheapest["monthlyTotal"] as? String == "1436.00")
    let east = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "10TB", "--with-vpn", "--hub-region",
      "East US")
    #expect(east.output.contains("Cheapest: Premium MeteredData at 1,436.00 USD/month"), "\(east.output)")
    #expect(east.output.contains("Standard reaches only Europe, not the hub region East US (North America)"))
    // The break-evens of the tiers ruled out are not given (Local's 30,560 GB advised an option that cannot serve).
    #expect(!east.output.contains("- Standard: unlimited is cheaper"))
    #expect(!east.output.contains("Local is cheaper than Standard"))
    #expect(root["localBreakEven"] is NSNull || root["localBreakEven"] == nil)
  }

  @Test func theVPNSideIsInTheCSVToo() {
    // Tokyo 500 Mbps at 60 TB with a VPN: the CSV carries the VPN's gateway (VpnGw1AZ, 730 × 0.21 = 153.30) and its
    // internet egress rows, grouped as "VPN over the internet", as text, Markdown, HTML and JSON carry the comparison.
    let csv = ercalc(
      "compare", "--location", "Tokyo", "--bandwidth", "500Mbps", "--egress", "60TB", "--with-vpn", "--format", "csv")
    let rows = csv.output.split(whereSeparator: \.isNewline).filter { $0.contains("VPN over the internet") }
    #expect(rows.contains { $0.contains("VpnGw1AZ VPN gateway") && $0.hasPrefix("153.30,") }, "\(csv.output)")
    #expect(rows.count >= 2, "\(rows)")
  }

  @Test func compareRefusesWhatQuoteRefuses() {
    // A size no provider sells and more data than the circuit carries in a month (1 Gbps × 730 h one way = 328,500 GB)
    // are refused by compare as by quote (exit 65, the same rule), not listed as every option "not sold" with exit 0.
    for (bandwidth, egress, rule) in [
      ("3Gbps", "1TB", "[provider-bandwidths]"), ("1Gbps", "330000GB", "[egress-within-capacity]"),
    ] {
      let compared = ercalc("compare", "--location", "Amsterdam", "--bandwidth", bandwidth, "--egress", egress)
      let quoted = ercalc("quote", "--location", "Amsterdam", "--bandwidth", bandwidth, "--egress", egress)
      #expect(compared.status == .dataError && quoted.status == .dataError, "\(compared.errors)")
      #expect(compared.errors.contains(rule) && quoted.errors.contains(rule))
    }
  }

  @Test func theVPNBreakEvenIsLabelledAsAgainstTheCheapestPricedOption() throws {
    // ExpressRoute side: Premium MeteredData 200 + 1,000 × 0.025 = 25 + ErGwScale 730 h × 0.21 = 153.30 → 378.30.
    // VPN side: VpnGw1AZ 730 × 0.21 = 153.30 + Europe internet egress (1,000 − 100 free) × 0.087 = 78.30 → 231.60.
    // Break-even: 153.30 + (V − 100) × 0.087 = 353.30 + 0.025 V → 0.062 V = 208.70 → V = 3,366.1 → 3,367 GB, but
    // only against the cheapest priced option: the unpriced Standard MeteredData could be cheaper and move it.
    let text = ercalc(Self.london + ["--with-vpn"])
    #expect(text.output.contains("ExpressRoute (cheapest priced option)             378.30"), "\(text.output)")
    #expect(
      text.output.contains(
        "Break-even: against the cheapest priced ExpressRoute option only (Standard MeteredData has no price\nand could cost less, which would favour ExpressRoute): a VPN over the internet is cheaper below\n3,367 GB a month"
      ), "\(text.output)")
    let json = ercalc(Self.london + ["--with-vpn", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let vpn = try #require(object["vpnComparison"] as? [String: Any])
    #expect(vpn["expressRouteMonthly"] as? String == "378.30")
    #expect(vpn["vpnMonthly"] as? String == "231.60")
    #expect(vpn["breakEvenGB"] as? String == "3367")
    #expect(vpn["breakEvenAgainst"] as? String == "cheapest priced option")
    #expect(vpn["unpricedMayCostLess"] as? [String] == ["Standard MeteredData"])
    #expect((vpn["verdict"] as? String)?.hasPrefix("against the cheapest priced ExpressRoute option only") == true)
  }

  @Test func pricingTheGapSettlesTheVerdictAndTheBreakEven() throws {
    // With Standard MeteredData 100 Mbps Zone 1 priced at 100 (an override row): 100 + 1,000 × 0.025 = 125.00 is the
    // cheapest, and known. VPN break-even: 153.30 + (V − 100) × 0.087 = 100 + 0.025 V + 153.30 → 0.062 V = 108.70 →
    // V = 1,753.2 → 1,754 GB (lower than 3,367: the priced Standard circuit favours ExpressRoute).
    let directory = try temporaryDirectory("cmpfix")
    let override = directory.appendingPathComponent("o.json")
    try Data(
      """
      {"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "q", "title": "quote", "date": "2026-11-01"}],
       "circuits": {"source": "q", "confidence": "ESTIMATE", "rows": [
         {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "100"}]}}
      """.utf8
    ).write(to: override)
    let text = ercalc(Self.london + ["--with-vpn", "--overrides", override.path])
    #expect(text.status == .success, "\(text.errors)")
    #expect(text.output.contains("Cheapest: Standard MeteredData at 125.00 USD/month."), "\(text.output)")
    #expect(!text.output.contains("Cheapest priced") && !text.output.contains("cheapest priced option"))
    let json = ercalc(Self.london + ["--with-vpn", "--overrides", override.path, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect((object["cheapest"] as? [String: Any])?["monthlyTotal"] as? String == "125.00")
    #expect(object["complete"] as? Bool == true)
    #expect(object["unpricedMayCostLess"] as? [String] == [])
    let vpn = try #require(object["vpnComparison"] as? [String: Any])
    #expect(vpn["breakEvenGB"] as? String == "1754")
    #expect(vpn["breakEvenAgainst"] as? String == "cheapest option")
  }

  @Test func compareAndSizeNameTheSameUnpricedOption() throws {
    // The review's profile: London, 70 Mbps ÷ 0.8 = 87.5 Mbps. size recommends Standard MeteredData 200 Mbps
    // (145 + 1,000 × 0.025 = 170.00) and names the unpriced 100 Mbps circuit; compare at 100 Mbps names the same one.
    let directory = try temporaryDirectory("cmpfix")
    let profile = directory.appendingPathComponent("prof4.json")
    try Data(
      """
      {"schemaVersion":1,"name":"small","peeringLocation":"London","targetRegions":["UK West"],
       "traffic":{"peakOutbound":"70 Mbps","peakInbound":"20 Mbps","monthlyEgress":"1000 GB"},
       "sizing":{"percentile":95,"targetUtilization":"0.8","horizonMonths":12,"yearlyGrowth":"0"},"virtualNetworks":3,"gateways":1,"redundancy":{"mode":"single"}}
      """.utf8
    ).write(to: profile)
    let size = ercalc("size", profile.path)
    #expect(size.output.contains("Cheaper option without a price: Standard MeteredData 100 Mbps"), "\(size.output)")
    let compare = ercalc(Self.london)
    #expect(compare.output.contains("Standard MeteredData has no price and could cost less than Premium MeteredData"))
  }

  // Amsterdam is Zone 1; 1 Gbps: Standard MeteredData 436 + 0 GB × 0.025 = 436.00 is cheapest at no outbound data.
  static let amsterdam = ["compare", "--location", "Amsterdam", "--bandwidth", "1Gbps"]

  @Test func withoutAnOutboundVolumeEveryFormatSaysWhatWasAssumed() throws {
    let text = ercalc(Self.amsterdam)
    #expect(text.status == .success)
    #expect(text.output.contains("Outbound data:   not given; compared at 0 GB/month\n"), "\(text.output)")
    #expect(text.output.contains("- No outbound data volume was given: every option is priced at 0 GB a month"))
    #expect(
      text.output.contains(
        "Cheapest at 0 GB of outbound data (no volume was given): Standard MeteredData at 436.00 USD/month."))
    #expect(!text.output.contains("Cheapest: "))
    for format in ["markdown", "html"] {
      let rendered = ercalc(Self.amsterdam + ["--format", format]).output
      #expect(
        rendered.contains("No outbound data volume was given: every option is priced at 0 GB a month"), "\(format)")
      #expect(rendered.contains("Cheapest at 0 GB of outbound data (no volume was given)"), "\(format)")
    }
    let json = ercalc(Self.amsterdam + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["monthlyEgressGB"] is NSNull)
    #expect(object["egressGiven"] as? Bool == false)
    #expect(object["comparedAtEgressGB"] as? String == "0")
    #expect(object["complete"] as? Bool == false)
    #expect((object["cheapest"] as? [String: Any])?["monthlyTotal"] as? String == "436.00")
    #expect(
      (object["notes"] as? [String])?.first?.hasPrefix(
        "No outbound data volume was given: every option is priced at 0 GB a month") == true)
    // The CSV's metered outbound data has no known quantity: unpriced rows with the reason, not 0 GB at 0.00.
    let csv = CSVTable(ercalc(Self.amsterdam + ["--format", "csv"]).output)
    let egress = csv.rows(where: "ChargeDescription", is: "Metered outbound data, Zone 1")
    #expect(egress.count == 2)  // Standard and Premium MeteredData
    for row in egress {
      #expect(row["x_Status"] == "unpriced")
      #expect(
        row["x_UnpricedReason"] == "no outbound data volume was given (the comparison assumes 0 GB a month)")
      #expect(row["x_Placeholders"] == "cost quantity")
    }
    // An -o HTML report carries the note too.
    let directory = try temporaryDirectory("cmpfix")
    let html = directory.appendingPathComponent("cmp0.html")
    #expect(ercalc(Self.amsterdam + ["-o", html.path]).status == .success)
    #expect(try String(contentsOf: html, encoding: .utf8).contains("No outbound data volume was given"))
  }

  @Test func anOutboundVolumeOfZeroGivenIsNotACaveat() throws {
    // 0 GB given explicitly is a volume: no note, a plain verdict, complete.
    let text = ercalc(Self.amsterdam + ["--egress", "0GB"])
    #expect(text.output.contains("Cheapest: Standard MeteredData at 436.00 USD/month."))
    #expect(!text.output.contains("No outbound data volume was given"))
    let json = ercalc(Self.amsterdam + ["--egress", "0GB", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["monthlyEgressGB"] as? String == "0")
    #expect(object["egressGiven"] as? Bool == true)
    #expect(object["complete"] as? Bool == true)
  }
}
