import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Virtual WAN scale units priced by the tiers of the cited page, traceable and dated sources, and an import that
/// keeps every region's internet egress tiers.
@Suite struct RateSourcingTests {
  static func hubQuote(units: Int) throws -> Quote {
    var deployment = Deployment(name: "hub")
    deployment.virtualWANHubs = [VirtualWANHub(name: "hub", scaleUnits: units, connections: 0)]
    return try Fixtures.engine().quote(deployment)
  }

  static func scaleUnitAmounts(_ quote: Quote) -> [Money] {
    quote.lineItems.filter { $0.meter.virtualWANTierStart != nil }.map(\.amount)
  }

  @Test func tenScaleUnitsArePricedByTheTiersOfThePage() throws {
    // "5 ER scale units … priced at $0.42*5/hr. ER increments $0.25/hr from the 6th to 10th scale unit":
    // units 1-5: 5 × 730 × 0.42 = 1,533.00; units 6-10: 5 × 730 × 0.25 = 912.50;
    // (5 × 0.42 + 5 × 0.25) × 730 = 3.35 × 730 = 2,445.50. With the hub, 730 × 0.25 = 182.50: 2,628.00.
    let quote = try Self.hubQuote(units: 10)
    #expect(quote.isComplete)
    #expect(Self.scaleUnitAmounts(quote) == [Fixtures.usd("1533.00"), Fixtures.usd("912.50")])
    #expect(Money.sum(Self.scaleUnitAmounts(quote), currency: .usd) == Fixtures.usd("2445.50"))
    #expect(quote.total == Fixtures.usd("2628.00"))
    // Five units stay in the first tier: 5 × 730 × 0.42 = 1,533.00; seven reach two units of the second:
    // 1,533.00 + 2 × 730 × 0.25 = 1,533.00 + 365.00.
    #expect(Self.scaleUnitAmounts(try Self.hubQuote(units: 5)) == [Fixtures.usd("1533.00")])
    #expect(Self.scaleUnitAmounts(try Self.hubQuote(units: 7)) == [Fixtures.usd("1533.00"), Fixtures.usd("365.00")])
  }

  @Test func unitsBeyondThePricedTiersAreListedAsNotPriced() throws {
    // The page prices units 1 to 10; the eleventh is listed as not priced, never as 0.00 or at 0.25.
    let quote = try Self.hubQuote(units: 11)
    #expect(!quote.isComplete)
    #expect(Self.scaleUnitAmounts(quote) == [Fixtures.usd("1533.00"), Fixtures.usd("912.50")])
    #expect(quote.unpriced.map(\.meter) == [.virtualWANScaleUnits(fromUnit: 11)])
    #expect(quote.unpriced.first?.quantity == 730)
  }

  @Test func amsterdamsVPNBreakEvenRestsOnTheZoneOneRateOfTheVirtualWANPage() throws {
    // 1 Gbps at Amsterdam: the VPN side's internet egress tier from 100 GB is 0.087/GB, cited to the Virtual WAN page
    // ("Standard Outbound Zone 1 ($0.087/GB)", 2023-07-28, CONFIRMED), which can be opened at its URL and commit.
    // ErGwScale is not offered in West Europe, so the ExpressRoute side's gateway is ErGw1AZ, 730 × 0.361 = 263.53.
    // The VPN side is VpnGw2AZ, 730 × 0.564 = 411.72 (the retired non-AZ VpnGw2 is not weighed).
    // Break-even by hand: 411.72 + (V − 100) × 0.087 = 436 + 263.53 + 0.025 V → 0.062 V = 296.51 → V = 4,782.4 → 4,783 GB.
    let engine = try Fixtures.engine()
    let amsterdam = try #require(engine.locations.location(named: "Amsterdam"))
    let comparison = try engine.compare(location: amsterdam, bandwidth: .gbps(1), monthlyEgress: .gigabytes(20_000))
    let vpn = engine.compareWithVPN(comparison, volume: .gigabytes(20_000))
    #expect(vpn.breakEven == .gigabytes(4783))
    let tier = try #require(
      vpn.vpn?.lineItems.first { $0.meter == .internetEgress(.europe, .microsoftNetwork, fromGB: 100) })
    #expect(tier.unitPrice == Fixtures.usd("0.087"))
    #expect(
      tier.provenance
        == Provenance(
          sourceID: "vwan-pricing-2023", date: "2023-07-28", confidence: .confirmed, note: tier.provenance.note))
    let source = try #require(engine.rates.source(id: "vwan-pricing-2023"))
    #expect(source.traceabilityProblem == nil)
    #expect(source.repository == "MicrosoftDocs/azure-docs@e5275f1475c7355c4214a7544eade60d91221f27")
  }

  // MARK: - Schema of the tiers

  static func table(virtualWAN rows: String) -> String {
    RateTableTests.validTable.replacingOccurrences(
      of: "\n}",
      with: ",\n  \"virtualWAN\": {\"source\": \"s\", \"confidence\": \"CONFIRMED\", \"rows\": [\(rows)]}\n}")
  }

  @Test func scaleUnitTiersAreValidatedStrictly() throws {
    let good = try RateTableTests.load(
      Self.table(
        virtualWAN: """
          {"item": "hub", "hourly": "0.25"}, {"item": "ExpressRoute scale unit", "fromUnit": 1, "hourly": "0.42"},
          {"item": "ExpressRoute scale unit", "fromUnit": 6, "hourly": "0.25"}
          """))
    #expect(
      good.virtualWANScaleUnitTiers.map(\.meter) == [
        .virtualWANScaleUnits(fromUnit: 1), .virtualWANScaleUnits(fromUnit: 6),
      ])
    // It reads back from its own JSON.
    let back = try RateTable(json: Data(good.jsonText().utf8), file: "back.json").virtualWANScaleUnitTiers
    #expect(back.map(\.meter) == good.virtualWANScaleUnitTiers.map(\.meter))
    #expect(back.map(\.price) == [Fixtures.usd("0.42"), Fixtures.usd("0.25")])
    let missing = Fixtures.diagnostic {
      _ = try RateTableTests.load(Self.table(virtualWAN: #"{"item": "ExpressRoute scale unit", "hourly": "0.42"}"#))
    }
    #expect(missing?.message.hasPrefix("missing key 'fromUnit'") == true, "\(String(describing: missing))")
    let onHub = Fixtures.diagnostic {
      _ = try RateTableTests.load(Self.table(virtualWAN: #"{"item": "hub", "fromUnit": 1, "hourly": "0.25"}"#))
    }
    #expect(
      onHub?.message.hasPrefix("'fromUnit' belongs only on 'ExpressRoute scale unit' rows") == true,
      "\(String(describing: onHub))")
    let gap = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        Self.table(virtualWAN: #"{"item": "ExpressRoute scale unit", "fromUnit": 6, "hourly": "0.25"}"#))
    }
    #expect(
      gap?.message.hasPrefix("the 'ExpressRoute scale unit' tiers start at unit 6, not 1") == true,
      "\(String(describing: gap))")
    let twice = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        Self.table(
          virtualWAN:
            #"{"item": "ExpressRoute scale unit", "fromUnit": 1, "hourly": "0.42"}, {"item": "ExpressRoute scale unit", "fromUnit": 1, "hourly": "0.25"}"#
        ))
    }
    #expect(
      twice?.message.hasPrefix("duplicate row for Virtual WAN ExpressRoute scale units from unit 1") == true,
      "\(String(describing: twice))")
  }

  // MARK: - Traceable sources

  static func table(source: String) -> String {
    RateTableTests.validTable.replacingOccurrences(
      of: #"{"id": "s", "title": "Test source", "date": "2026-01-01"}"#, with: source)
  }

  @Test func aSourceMustBeOpenableAndDated() throws {
    // Neither a URL nor a repository at a commit: nobody can read it.
    let bare = try RateTableTests.load(
      Self.table(source: #"{"id": "s", "title": "Test source", "date": "2026-01-01"}"#))
    #expect(
      bare.untraceableSources.map(\.description) == [
        "t.json:6:15: error: source 's' has neither a 'url' nor a 'repository' (owner/name@commit): nobody can open it to check its prices"
      ])
    // A URL, or a repository at a commit with the file's path, makes it traceable.
    let url = try RateTableTests.load(
      Self.table(source: #"{"id": "s", "title": "T", "url": "https://example.com/p", "date": "2026-01-01"}"#))
    #expect(url.untraceableSources.isEmpty)
    let repository = try RateTableTests.load(
      Self.table(
        source:
          #"{"id": "s", "title": "T", "repository": "owner/name@0123abc", "path": "a/b.json", "date": "2026-01-01"}"#))
    #expect(repository.untraceableSources.isEmpty)
    #expect(repository.sources.first?.reference == "owner/name@0123abc:a/b.json")
    // Undated: only with the reason it has no date.
    let undated = try RateTableTests.load(
      Self.table(source: #"{"id": "s", "title": "T", "url": "https://example.com/p", "date": null}"#))
    #expect(
      undated.untraceableSources.map(\.message) == [
        "source 's' has no date and no 'undatedReason' (give the date the source itself states, or say why it has none)"
      ])
    let explained = try RateTableTests.load(
      Self.table(
        source:
          #"{"id": "s", "title": "T", "url": "https://example.com/p", "date": null, "undatedReason": "the page shows none"}"#
      ))
    #expect(explained.untraceableSources.isEmpty)
    // Malformed references are load errors, not just untraceable.
    let noCommit = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        Self.table(source: #"{"id": "s", "title": "T", "repository": "owner/name", "date": "2026-01-01"}"#))
    }
    #expect(
      noCommit?.message == "'owner/name' is not a repository at a commit (expected owner/name@<7 to 40 hex digits>)")
    let reasonWithDate = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        Self.table(
          source: #"{"id": "s", "title": "T", "url": "https://e.com", "date": "2026-01-01", "undatedReason": "x"}"#))
    }
    #expect(reasonWithDate?.message == "'undatedReason' goes only with \"date\": null (this source is dated)")
  }

  @Test func ageIsWholeMonthsToTheAsOfDate() {
    let source = PriceSource(id: "v", title: "v", url: "https://e.com", date: "2023-07-28")
    // 2023-07-28 → 2026-07-21: 36 calendar months less one, as the 21st is before the 28th: 35.
    #expect(source.ageInMonths(asOf: "2026-07-21") == 35)
    #expect(source.ageInMonths(asOf: "2026-07-28") == 36)
    #expect(source.ageInMonths(asOf: "2025-01-28") == 18)
    #expect(source.ageInMonths(asOf: "2023-07-01") == 0)
    #expect(PriceSource(id: "u", title: "u", date: nil).ageInMonths(asOf: "2026-07-21") == nil)
  }

  // MARK: - Import

  static func bandwidth(_ region: String, _ from: Int, _ price: String) -> String {
    """
    {"currencyCode": "USD", "tierMinimumUnits": \(from), "retailPrice": \(price), "unitPrice": \(price), "armRegionName": "\(region)",
     "location": "\(region)", "effectiveStartDate": "2026-07-01T00:00:00Z", "meterId": "m-\(region)-\(from)",
     "meterName": "Standard Data Transfer Out", "productId": "p", "skuId": "p/1", "productName": "Rtn Preference: MGN",
     "skuName": "Standard", "serviceName": "Bandwidth", "serviceFamily": "Networking", "unitOfMeasure": "1 GB",
     "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": ""}
    """
  }

  @Test func importKeepsTheTiersOfEveryRegionInThePages() throws {
    // One gateway region (eastus) on the page, and two regions' internet egress tiers: eastus (North America)
    // and westeurope (Europe). Both regions' three tiers are kept, each under its region group.
    let gateway = """
      {"currencyCode": "USD", "tierMinimumUnits": 0, "retailPrice": 0.361, "unitPrice": 0.361, "armRegionName": "eastus",
       "location": "US East", "effectiveStartDate": "2026-07-01T00:00:00Z", "meterId": "g", "meterName": "ErGw1AZ Gateway",
       "productId": "q", "skuId": "q/1", "productName": "ExpressRoute Gateway", "skuName": "ErGw1AZ", "serviceName": "ExpressRoute",
       "serviceFamily": "Networking", "unitOfMeasure": "1 Hour", "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": ""}
      """
    let items = [
      gateway, Self.bandwidth("eastus", 0, "0"), Self.bandwidth("eastus", 100, "0.087"),
      Self.bandwidth("eastus", 10335, "0.083"),
      Self.bandwidth("westeurope", 0, "0"), Self.bandwidth("westeurope", 100, "0.086"),
      Self.bandwidth("westeurope", 10335, "0.081"),
    ]
    let page = try RetailPricePage(
      json: Data(
        #"{"BillingCurrency": "USD", "Items": [\#(items.joined(separator: ",\n"))], "NextPageLink": null, "Count": 7}"#
          .utf8),
      file: "page.json")
    let importer = RetailPriceImporter(gatewayRegion: nil, locations: try LocationCatalog.embeddedDefault())
    let (table, summary) = try importer.makeTable(pages: [page], base: try RateTable.embeddedDefault())
    #expect(summary.conflicts.isEmpty)
    func price(_ region: InternetRegion, _ from: Int) -> Money? {
      table.rate(for: .internetEgress(region, .microsoftNetwork, fromGB: from))?.price
    }
    #expect(price(.northAmerica, 100) == Fixtures.usd("0.087"))
    #expect(price(.northAmerica, 10335) == Fixtures.usd("0.083"))
    #expect(price(.europe, 0) == Fixtures.usd("0"))
    #expect(price(.europe, 100) == Fixtures.usd("0.086"))
    #expect(price(.europe, 10335) == Fixtures.usd("0.081"))
    // The import's sources are traceable too.
    #expect(table.untraceableSources.isEmpty, "\(table.untraceableSources)")
  }
}
