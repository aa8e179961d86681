import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// One bad site, resource or month never ends a whole estate: everything else is priced and budgeted, every refusal
/// is listed with its reason, and the status stays 65 so pipelines notice.
@Suite struct EstateDegradationTests {
  /// Writes `text` as `name` in a fresh directory and returns its path (the directory is removed by the caller).
  static func write(_ text: String, _ name: String = "portfolio.json") throws -> (path: String, directory: URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-estate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (path, directory)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Three sites over 40 months; the profile site passes 10 Gbps in month 40 (2030-04).
  static let ceilingPortfolio = """
    {"schemaVersion": 1, "name": "ceiling", "startMonth": "2027-01", "horizonMonths": 40, "sites": [
      {"name": "ams", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard",
        "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10000 GB"}]}},
      {"name": "growing", "profile": {"peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
        "traffic": {"peakOutbound": "4 Gbps", "monthlyEgress": "0 GB"},
        "sizing": {"targetUtilization": "0.8", "yearlyGrowth": "0.24"}, "gateways": 0}},
      {"name": "gw", "deployment": {"gateways": [{"name": "g", "sku": "ErGw1AZ"}]}}
    ]}
    """

  /// Every site refused: there is no total to give, so every total is unknown (null, `not priced`), never 0.00.
  @Test func aBudgetWhoseEverySiteIsRefusedHasNoTotal() throws {
    let (path, directory) = try Self.write(
      """
      {"schemaVersion": 1, "name": "none", "startMonth": "2027-03", "horizonMonths": 2, "sites": [
        {"name": "nowhere", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Atlantis", "tier": "Standard",
          "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10 GB"}]}}
      ]}
      """)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("budget", path, "--format", "json")
    #expect(result.status == .dataError, "\(result.errors)")
    let budget = try Self.json(result.output)
    #expect(budget["total"] is NSNull && budget["listTotal"] is NSNull, "\(result.output)")
    #expect((budget["monthTotals"] as? [Any])?.count == 2)
    #expect((budget["monthTotals"] as? [Any])?.allSatisfy { $0 is NSNull } == true, "\(result.output)")
    #expect((budget["refused"] as? [[String: Any]])?.first?["site"] as? String == "nowhere")
    #expect(budget["complete"] as? Bool == false)
    let text = ercalc("budget", path)
    #expect(text.status == .dataError)
    #expect(text.output.contains("Total:           not priced\n"), "\(text.output)")
    #expect(text.output.contains("Highest month:   not priced\n"), "\(text.output)")
    #expect(!text.output.contains("0.00"), "\(text.output)")
  }

  @Test func aSiteIsPlannedUpToTheMonthItCanNoLongerBeServed() throws {
    let (path, directory) = try Self.write(Self.ceilingPortfolio)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("budget", path, "--format", "json")
    #expect(result.status == .dataError, "\(result.errors)")
    let budget = try Self.json(result.output)
    // growing: 4 Gbps ÷ 0.8 = 5 Gbps now, × 1.24^(m/12). Month 1 fits 5 Gbps; from month 2 (5.09 Gbps) it needs
    // 10 Gbps; month 40 needs 5 × 1.24^(39/12) = 5 × 2.01198 = 10,059.9 Mbps, more than any provider circuit.
    // Zone 1 Standard MeteredData fees: 5 Gbps 2,180, 10 Gbps 3,400; 0 GB of outbound data costs 0.00.
    // Months 1 to 39: 2,180 + 38 × 3,400 = 2,180 + 129,200 = 131,380.00; month 40: nothing priced.
    // ams: 436 + 10,000 GB × 0.025 = 686.00 a month × 40 = 27,440.00. gw: 730 × 0.361 = 263.53 × 40 = 10,541.20.
    // Total: 131,380.00 + 27,440.00 + 10,541.20 = 169,361.20.
    let sites = try #require(budget["sites"] as? [[String: Any]])
    #expect(sites.map { $0["name"] as? String } == ["ams", "growing", "gw"])
    #expect(sites.map { $0["total"] as? String } == ["27440.00", "131380.00", "10541.20"])
    #expect(budget["total"] as? String == "169361.20")
    let months = try #require(budget["monthTotals"] as? [String])
    #expect(months.count == 40)
    #expect(months[0] == "3129.53")  // 686.00 + 2,180.00 + 263.53
    #expect(months[38] == "4349.53")  // 2030-03: 686.00 + 3,400.00 + 263.53
    #expect(months[39] == "949.53")  // 2030-04: 686.00 + 263.53, the growing site unserved
    let refused = try #require(budget["refused"] as? [[String: Any]])
    #expect(refused.count == 1)
    #expect(refused.first?["site"] as? String == "growing")
    #expect(refused.first?["from"] as? String == "2030-04")
    let reason = try #require(refused.first?["reason"] as? String)
    #expect(reason.contains("needs 10,059.9 Mbps from 2030-04 (month 40)"), "\(reason)")
    #expect(reason.contains("ExpressRoute Direct") && reason.contains("second circuit"), "\(reason)")
    #expect(reason.hasSuffix("planned and budgeted up to 2030-03"), "\(reason)")
    #expect(budget["complete"] as? Bool == false)
    let unpriced = try #require(budget["unpriced"] as? [[String: Any]])
    #expect(
      unpriced.count == 1 && unpriced.first?["site"] as? String == "growing" && unpriced.first?["months"] as? Int == 1)
    #expect(
      result.errors.contains("error: site 'growing': the workload needs 10,059.9 Mbps from 2030-04 (month 40)"),
      "\(result.errors)")
    #expect(result.errors.hasSuffix("error: 1 site refused (listed under 'Refused'); the rest is budgeted\n"))
    // The text names the month and the remedy too, and the CSV lists the unserved month as unpriced.
    let text = ercalc("budget", path)
    #expect(text.status == .dataError)
    #expect(text.output.contains("Total:           169,361.20 USD (excludes 1 unpriced item, listed below)"))
    #expect(
      text.output.contains("Refused\n-------\n\n- growing: the workload needs 10,059.9 Mbps from 2030-04 (month 40)"))
    // What the totals leave out comes before every table.
    let refusedAt = text.output.range(of: "Refused\n-------")?.lowerBound
    let perMonthAt = text.output.range(of: "Per month\n---------")?.lowerBound
    if let refusedAt, let perMonthAt { #expect(refusedAt < perMonthAt) } else { Issue.record("sections missing") }
    let csv = ercalc("budget", path, "--format", "csv")
    let row = try #require(CSVTable(csv.output).rows.first { $0["x_Status"] == "unpriced" })
    #expect(
      row["ChargePeriodStart"] == "2030-04-01T00:00:00Z" && row["BilledCost"] == "0.00"
        && row["x_Placeholders"] == "cost quantity" && row["x_Group"] == "growing")
  }

  @Test func everyImpossibleSiteIsListedAndTheRestBudgeted() throws {
    // 52 sites needing 20 Gbps ÷ 0.8 = 25 Gbps from month 1 (no provider circuit), and one gateway site in the middle.
    var sites = (0..<52).map { index in
      """
      {"name": "bad\(index)", "profile": {"peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
        "traffic": {"peakOutbound": "20 Gbps", "monthlyEgress": "0 GB"}, "gateways": 0}}
      """
    }
    sites.insert(#"{"name": "gw", "deployment": {"gateways": [{"name": "g", "sku": "ErGw1AZ"}]}}"#, at: 10)
    let (path, directory) = try Self.write(
      #"{"name": "many", "startMonth": "2027-01", "horizonMonths": 3, "sites": ["# + sites.joined(separator: ",\n")
        + "]}")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("budget", path, "--format", "json")
    #expect(result.status == .dataError)
    let budget = try Self.json(result.output)
    let refused = try #require(budget["refused"] as? [[String: Any]])
    #expect(refused.map { $0["site"] as? String } == (0..<52).map { "bad\($0)" })
    #expect(refused.allSatisfy { ($0["from"] as Any?) is NSNull })
    #expect(refused.allSatisfy { ($0["reason"] as? String)?.contains("it needs 25 Gbps") == true })
    // gw: 730 × 0.361 = 263.53 a month × 3 = 790.59, priced as if it were alone.
    #expect(budget["total"] as? String == "790.59")
    #expect(result.errors.components(separatedBy: "\n").filter { $0.hasPrefix("error: site 'bad") }.count == 52)
  }

  @Test func sitesThatCannotBeReadAreListedWithTheirPlaceAndTheRestBudgeted() throws {
    let (path, directory) = try Self.write(
      """
      {"name": "typos", "startMonth": "2027-01", "horizonMonths": 1, "sites": [
        {"name": "a", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard",
          "billing": "MeteredData", "bandwidth": "3 Gigs", "egress": "10000 GB"}]}},
        {"name": "gw", "deployment": {"gateways": [{"name": "g", "sku": "ErGw1AZ"}]}},
        {"name": "b", "deployment": {}, "yearlyGrowht": "0.1"}
      ]}
      """)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("budget", path, "--format", "json")
    #expect(result.status == .dataError)
    let budget = try Self.json(result.output)
    // gw alone: 730 × 0.361 = 263.53.
    #expect(budget["total"] as? String == "263.53")
    let refused = try #require(budget["refused"] as? [[String: Any]])
    #expect(refused.map { $0["site"] as? String } == ["a", "b"])
    #expect(
      result.errors.contains(
        "\(path):3:44: error: sites[0].deployment.circuits[0].bandwidth: '3 Gigs' is not valid (expected a rate with a unit, such as 50Mbps, 1Gbps or 10 G)\n"
      ), "\(result.errors)")
    #expect(
      result.errors.contains(
        "\(path):5:51: error: sites[2].yearlyGrowht: unknown key 'yearlyGrowht'; did you mean 'yearlyGrowth'?\n"),
      "\(result.errors)")
  }

  @Test func aDirectCircuitWithAnUnknownPortIsRefusedNotTheEstate() throws {
    // A budget site whose circuit names a port pair the file does not have: that site is refused, the others priced.
    let (path, directory) = try Self.write(
      """
      {"name": "direct", "startMonth": "2027-01", "horizonMonths": 2, "sites": [
        {"name": "ams", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard",
          "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "10000 GB"}]}},
        {"name": "fra", "deployment": {"circuits": [{"name": "d", "peeringLocation": "Frankfurt", "tier": "Standard",
          "billing": "MeteredData", "bandwidth": "10 Gbps", "egress": "1000 GB", "directPort": "missing-ports"}]}}
      ]}
      """)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("budget", path, "--format", "json")
    #expect(result.status == .dataError)
    let budget = try Self.json(result.output)
    // ams: 436 + 10,000 × 0.025 = 686.00 a month, × 2 = 1,372.00.
    #expect(budget["total"] as? String == "1372.00")
    let refused = try #require(budget["refused"] as? [[String: Any]])
    #expect(refused.map { $0["site"] as? String } == ["fra"])
    #expect((refused.first?["reason"] as? String)?.contains("missing-ports") == true, "\(refused)")
    // The FOCUS CSV names the refused site too: one unpriced row per budget month, its costs flagged placeholders.
    let csv = CSVTable(ercalc("budget", path, "--format", "csv").output)
    let rows = csv.rows(where: "ResourceName", is: "fra")
    #expect(rows.map { $0["BillingPeriodStart"] } == ["2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"])
    #expect(
      rows.allSatisfy {
        $0["x_Status"] == "unpriced" && $0["BilledCost"] == "0.00" && $0["ListCost"] == "0.00"
          && $0["x_Placeholders"] == "cost quantity"
      })
    #expect(
      rows.allSatisfy {
        ($0["x_UnpricedReason"] ?? "").hasPrefix("not budgeted: ") && $0["x_UnpricedReason"]!.contains("missing-ports")
      })
    // The priced rows still add up to the JSON total: 1,372.00.
    let billed = csv.rows.compactMap { Decimal(string: $0["BilledCost"] ?? "") }.reduce(0, +)
    #expect(billed == Decimal(string: "1372.00"))
  }

  @Test func anImportedCircuitWhosePortIsNotInTheExportIsListedAndTheRestPriced() throws {
    let full = try Data(contentsOf: URL(fileURLWithPath: fixture("existing/az-estate.json")))
    let resources = try #require(try JSONSerialization.jsonObject(with: full) as? [[String: Any]])
    // The same export without the port pair the Direct circuit runs on.
    let withoutPort = resources.filter { ($0["name"] as? String) != "ams-direct" }
    let (path, directory) = try Self.write(
      String(decoding: try JSONSerialization.data(withJSONObject: withoutPort, options: [.sortedKeys]), as: UTF8.self),
      "estate.json")
    defer { try? FileManager.default.removeItem(at: directory) }
    let whole = ercalc("quote", "--from", fixture("existing/az-estate.json"), "--format", "json")
    let result = ercalc("quote", "--from", path, "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    let quote = try #require(try Self.json(result.output)["quote"] as? [String: Any])
    let unpriced = try #require(quote["unpriced"] as? [[String: Any]])
    let entry = try #require(unpriced.first { $0["resource"] as? String == "circuit 'ams-direct-circuit'" })
    #expect(
      (entry["reason"] as? String)?.contains("Direct port pair 'ams-direct', which is not in this export") == true)
    // Every other line is priced exactly as in the whole export (the port pair and its circuit are the only difference).
    let wholeQuote = try #require(try Self.json(whole.output)["quote"] as? [String: Any])
    func lines(_ quote: [String: Any]) -> [String] {
      ((quote["lineItems"] as? [[String: Any]]) ?? []).compactMap { item in
        guard let resource = item["resource"] as? String, !resource.contains("ams-direct") else { return nil }
        return "\(resource)|\(item["meter"] ?? "")|\(item["amount"] ?? "")"
      }
    }
    #expect(!lines(quote).isEmpty)
    #expect(lines(quote) == lines(wholeQuote))
    // The FOCUS CSV lists it as well, unpriced with its reason (it was in text and JSON only).
    let csv = CSVTable(ercalc("quote", "--from", path, "--format", "csv").output)
    let row = try #require(csv.rows(where: "ResourceName", is: "ams-direct-circuit").first)
    #expect(row["x_Status"] == "unpriced")
    #expect(row["BilledCost"] == "0.00" && row["x_Placeholders"] == "cost quantity")
    #expect(
      (row["x_UnpricedReason"] ?? "").contains("Direct port pair 'ams-direct', which is not in this export"), "\(row)")
  }

  @Test func sizeSaysWhenTheLookAheadMeetsTheCeiling() throws {
    // The same workload sized over 24 months: month 40 is inside the look-ahead of months 17 to 24.
    let (path, directory) = try Self.write(
      """
      {"name": "growing", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
       "traffic": {"peakOutbound": "4 Gbps", "monthlyEgress": "0 GB"},
       "sizing": {"targetUtilization": "0.8", "yearlyGrowth": "0.24", "horizonMonths": 24}, "gateways": 0}
      """, "profile.json")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("size", path, "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    let notes = try #require(try Self.json(result.output)["notes"] as? [String])
    #expect(
      notes.contains {
        $0.hasPrefix(
          "the look-ahead is cut at month 40, 16 months after the horizon: from month 40 the workload needs 10,059.9 Mbps"
        )
      }, "\(notes)")
  }
}
