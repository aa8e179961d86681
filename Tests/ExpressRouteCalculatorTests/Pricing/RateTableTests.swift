import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct RateTableTests {
  /// A small valid table: Standard MeteredData Zone 1 at every size, Zone 1 egress.
  /// Line 8 holds the 50 Mbps row; line 12 the 1 Gbps row.
  static let validTable = """
    {
      "schemaVersion": 1,
      "name": "Test",
      "currency": "USD",
      "effectiveDate": "2026-01-01",
      "sources": [{"id": "s", "title": "Test source", "date": "2026-01-01"}],
      "circuits": {"source": "s", "confidence": "CONFIRMED", "rows": [
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 1", "monthly": "55"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "100"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 1", "monthly": "145"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 1", "monthly": "290"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "436"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "872"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "2180"},
        {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "3400"}
      ]},
      "egress": {"source": "s", "confidence": "CONFIRMED", "rows": [{"zone": "Zone 1", "perGB": "0.025"}]}
    }
    """

  static func load(_ text: String) throws -> RateTable {
    try RateTable(json: Data(text.utf8), file: "t.json")
  }

  @Test func validTableLoads() throws {
    let table = try Self.load(Self.validTable)
    #expect(table.rates.count == 9)
    #expect(table.hoursPerMonth == 730)
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Fixtures.usd("436"))
    #expect(
      table.rate(for: .egress(.zone1))?.provenance
        == Provenance(sourceID: "s", date: "2026-01-01", confidence: .confirmed))
  }

  typealias ErrorCase = TestSupport.ErrorCase<[String]>

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "negative price", replace: "\"monthly\": \"436\"", with: "\"monthly\": \"-436\"",
      expected: "t.json:12:104: error: circuits.rows[4].monthly: negative price '-436' (expected zero or more)"),
    ErrorCase(
      id: "comma decimal", replace: "\"monthly\": \"436\"", with: "\"monthly\": \"436,00\"",
      expected:
        "t.json:12:104: error: circuits.rows[4].monthly: '436,00' is not a price (expected digits with an optional decimal point and digits after it, such as \"436.00\" or \"0.361\")"
    ),
    ErrorCase(
      id: "number price", replace: "\"monthly\": \"436\"", with: "\"monthly\": 436",
      expected:
        "t.json:12:104: error: circuits.rows[4].monthly: expected a price string such as \"436.00\", found the number 436"
    ),
    ErrorCase(
      id: "bad currency", replace: "\"currency\": \"USD\"", with: "\"currency\": \"usd\"",
      expected:
        "t.json:4:15: error: currency: 'usd' is not a currency code (expected three upper-case letters such as USD)"),
    ErrorCase(
      id: "unknown tier", replace: "\"tier\": \"Standard\", \"billing\": \"MeteredData\", \"bandwidth\": \"2 Gbps\"",
      with: "\"tier\": \"Standart\", \"billing\": \"MeteredData\", \"bandwidth\": \"2 Gbps\"",
      expected:
        "t.json:13:14: error: circuits.rows[5].tier: 'Standart' is not a known circuit SKU tier (expected 'Local', 'Standard' or 'Premium'); did you mean 'Standard'?"
    ),
    ErrorCase(
      id: "unknown zone", replace: "[{\"zone\": \"Zone 1\"", with: "[{\"zone\": \"Zone 9\"",
      expected:
        "t.json:17:74: error: egress.rows[0].zone: 'Zone 9' is not a known ExpressRoute zone (expected 'Zone 1', 'Zone 2', 'Zone 3', 'Zone 4', 'US Gov Zone 1' or 'China'); did you mean 'Zone 1'?"
    ),
    ErrorCase(
      id: "missing bandwidth row",
      replace:
        "    {\"tier\": \"Standard\", \"billing\": \"MeteredData\", \"bandwidth\": \"5 Gbps\", \"zone\": \"Zone 1\", \"monthly\": \"2180\"},\n",
      with: "",
      expected:
        "t.json:7:15: error: circuits: Standard MeteredData Zone 1 has no row for 5 Gbps (a group with any row needs every size: 50 Mbps, 100 Mbps, 200 Mbps, 500 Mbps, 1 Gbps, 2 Gbps, 5 Gbps, 10 Gbps)"
    ),
    ErrorCase(
      id: "duplicate row", replace: "\"bandwidth\": \"2 Gbps\"", with: "\"bandwidth\": \"1 Gbps\"",
      expected:
        "t.json:13:5: error: circuits.rows[5]: duplicate row for Standard MeteredData 1 Gbps circuit, Zone 1 (first defined at line 12)"
    ),
    ErrorCase(
      id: "unknown key", replace: "\"monthly\": \"436\"", with: "\"montly\": \"436\"",
      expected: "t.json:12:103: error: circuits.rows[4].montly: unknown key 'montly'; did you mean 'monthly'?"),
    ErrorCase(
      id: "bad bandwidth", replace: "\"bandwidth\": \"2 Gbps\"", with: "\"bandwidth\": \"3 Gbps\"",
      expected:
        "t.json:13:65: error: circuits.rows[5].bandwidth: [provider-bandwidths] 3 Gbps is not a provider circuit size (expected 50 Mbps, 100 Mbps, 200 Mbps, 500 Mbps, 1 Gbps, 2 Gbps, 5 Gbps, 10 Gbps)"
    ),
    ErrorCase(
      id: "metered local",
      replace:
        "\"tier\": \"Standard\", \"billing\": \"MeteredData\", \"bandwidth\": \"10 Gbps\", \"zone\": \"Zone 1\", \"monthly\": \"3400\"}",
      with:
        "\"tier\": \"Standard\", \"billing\": \"MeteredData\", \"bandwidth\": \"10 Gbps\", \"zone\": \"Zone 1\", \"monthly\": \"3400\"},\n    {\"tier\": \"Local\", \"billing\": \"MeteredData\", \"bandwidth\": \"1 Gbps\", \"zone\": \"Zone 1\", \"monthly\": \"1200\"}",
      expected:
        "t.json:16:34: error: circuits.rows[8].billing: [local-unlimited-only] Local circuits are UnlimitedData only"),
    ErrorCase(
      id: "unknown source", replace: "\"circuits\": {\"source\": \"s\"", with: "\"circuits\": {\"source\": \"S1\"",
      expected:
        "t.json:8:5: error: circuits.rows[0]: unknown source 'S1' (expected an id from 'sources'); did you mean 's'?"),
    ErrorCase(
      id: "newer schema", replace: "\"schemaVersion\": 1", with: "\"schemaVersion\": 3",
      expected: "t.json:2:20: error: schemaVersion: version 3 is newer than this tool supports (1)"),
    ErrorCase(
      id: "bad date", replace: "\"effectiveDate\": \"2026-01-01\"", with: "\"effectiveDate\": \"2026-02-30\"",
      expected: "t.json:5:20: error: effectiveDate: '2026-02-30' is not a date (expected YYYY-MM-DD)"),
    ErrorCase(
      id: "source without a date", replace: "\"title\": \"Test source\", \"date\": \"2026-01-01\"",
      with: "\"title\": \"Test source\"",
      expected:
        "t.json:6:15: error: sources[0]: missing key 'date' (a YYYY-MM-DD date, or null when the source carries none)"),
    ErrorCase(
      id: "bad source date", replace: "\"date\": \"2026-01-01\"", with: "\"date\": \"January 2025\"",
      expected: "t.json:6:59: error: sources[0].date: 'January 2025' is not a date (expected YYYY-MM-DD, or null)"),
    ErrorCase(
      id: "price and unpriced", replace: "\"monthly\": \"436\"", with: "\"monthly\": \"436\", \"unpriced\": \"why\"",
      expected: "t.json:12:104: error: circuits.rows[4].monthly: a row has either 'monthly' or 'unpriced', not both"),
    ErrorCase(
      id: "no price", replace: ", \"monthly\": \"436\"", with: "",
      expected:
        "t.json:12:5: error: circuits.rows[4]: missing key 'monthly' (a price string, or 'unpriced' with the reason there is none)"
    ),
  ]

  @Test func aSourceWithoutADateIsUndated() throws {
    // `"date": null` says the source carries no date: its prices say "undated", never a made-up date.
    let table = try Self.load(
      Self.validTable.replacingOccurrences(of: "\"date\": \"2026-01-01\"", with: "\"date\": null"))
    let rate = try #require(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1)))
    #expect(rate.provenance.date == nil)
    #expect(rate.provenance.description == "s, undated, CONFIRMED")
  }

  @Test(arguments: errorCases)
  func invalidTablesGiveExactErrors(_ errorCase: ErrorCase) {
    #expect(Self.validTable.contains(errorCase.replace), "fixture does not contain the text to replace")
    let text = Self.validTable.replacingOccurrences(of: errorCase.replace, with: errorCase.with)
    let error = Fixtures.diagnostic { _ = try Self.load(text) }
    #expect(error?.description == errorCase.expected)
  }

  @Test func overridesPatchPricesAndCheckCurrency() throws {
    var table = try Self.load(Self.validTable)
    let override = """
      {"schemaVersion": 1, "kind": "override", "currency": "USD",
       "sources": [{"id": "contract", "title": "Negotiated", "date": "2026-03-01"}],
       "circuits": {"source": "contract", "confidence": "ESTIMATE", "rows": [
         {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "400"}]},
       "globalReach": {"source": "contract", "confidence": "ESTIMATE", "rows": [
         {"zone": "Zone 1", "direction": "outbound", "perGB": "0.02"}]}}
      """
    try table.apply(overrideJSON: Data(override.utf8), file: "o.json")
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.price == Fixtures.usd("400"))
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(1), .zone1))?.provenance.confidence == .estimate)
    #expect(table.rate(for: .globalReach(.zone1, .outbound))?.price == Fixtures.usd("0.02"))
    #expect(table.rate(for: .circuit(.standard, .metered, .gbps(2), .zone1))?.price == Fixtures.usd("872"))

    let euro = override.replacingOccurrences(of: "\"USD\"", with: "\"EUR\"")
    let error = Fixtures.diagnostic { try table.apply(overrideJSON: Data(euro.utf8), file: "o.json") }
    #expect(
      error?.description == "o.json:1:54: error: currency: override currency EUR does not match the rate table's USD")
    let wrongKind = Fixtures.diagnostic { _ = try Self.load(override) }
    #expect(
      wrongKind?.description == "t.json:1:30: error: kind: this file is a 'override', expected a 'rateTable' here")
    #expect(wrongKind?.remedy == .overrideFile)  // the CLI says which flag: see UsageErrorTests
  }
}

extension TestSupport.ErrorCase where Input == [String] {
  /// A case that replaces `replace` with `with` in the valid table.
  fileprivate init(id: String, replace: String, with: String, expected: String) {
    self.init(id: id, input: [replace, with], expected: expected)
  }
  fileprivate var replace: String { input[0] }
  fileprivate var with: String { input[1] }
}
