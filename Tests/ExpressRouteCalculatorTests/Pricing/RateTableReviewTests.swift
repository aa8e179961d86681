import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The rate table's review findings: an import replaces a region group's internet egress tiers whole, a price list
/// with a hole is refused, a source names a host and is not dated after the price date, staleness is by calendar
/// date, and Israel, Qatar and New Zealand are priced from their own regions.
@Suite struct RateTableReviewTests {
  // MARK: - Import: a region group gets exactly the page's tiers

  static func bandwidthPage(_ tiers: [(String, Int, String)]) throws -> RetailPricePage {
    let gateway = """
      {"currencyCode": "USD", "tierMinimumUnits": 0, "retailPrice": 0.361, "unitPrice": 0.361, "armRegionName": "eastus",
       "location": "US East", "effectiveStartDate": "2026-07-01T00:00:00Z", "meterId": "g", "meterName": "ErGw1AZ Gateway",
       "productId": "q", "skuId": "q/1", "productName": "ExpressRoute Gateway", "skuName": "ErGw1AZ", "serviceName": "ExpressRoute",
       "serviceFamily": "Networking", "unitOfMeasure": "1 Hour", "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": ""}
      """
    let items = [gateway] + tiers.map { RateSourcingTests.bandwidth($0.0, $0.1, $0.2) }
    return try RetailPricePage(
      json: Data(
        #"{"BillingCurrency": "USD", "Items": [\#(items.joined(separator: ",\n"))], "NextPageLink": null}"#.utf8),
      file: "page.json")
  }

  @Test func anImportedRegionGroupGetsExactlyThePagesTiers() throws {
    // Tier starts of the API shape 0/100/10240/51200/153600: none of the built-in table's 10335, 51295, 153695 or
    // 512095 may stay between them as unpriced rows.
    let page = try Self.bandwidthPage([
      ("eastus", 0, "0"), ("eastus", 100, "0.087"), ("eastus", 10240, "0.083"), ("eastus", 51200, "0.07"),
      ("eastus", 153600, "0.05"),
    ])
    let importer = RetailPriceImporter(gatewayRegion: "eastus", locations: try LocationCatalog.embeddedDefault())
    let (table, _) = try importer.makeTable(pages: [page], base: try RateTable.embeddedDefault())
    let engine = PricingEngine(rates: table, locations: try LocationCatalog.embeddedDefault())
    let tiers = engine.internetEgressTiers(.northAmerica, .microsoftNetwork)
    #expect(tiers.compactMap(\.meter.internetTierStart) == [0, 100, 10240, 51200, 153600])
    #expect(tiers.allSatisfy { $0.price != nil })
    // A group the pages do not price keeps the base's rows, all unpriced (no hole: nothing priced above them).
    #expect(table.rate(for: .internetEgress(.europe, .microsoftNetwork, fromGB: 10335))?.price == nil)
    // 10,400 GB by hand: 0–100 free; 100–10,240: 10,140 × 0.087 = 882.18; 10,240–10,400: 160 × 0.083 = 13.28;
    // 882.18 + 13.28 = 895.46, with nothing unpriced.
    var builder = QuoteBuilder(rates: table)
    engine.priceInternetEgress(
      .gigabytes(10_400), region: .northAmerica, routing: .microsoftNetwork, resource: "e", into: &builder)
    let quote = builder.quote(name: "e", hoursPerMonth: 730, table: table)
    #expect(quote.unpriced.isEmpty, "\(quote.unpriced.map(\.reason))")
    #expect(quote.lineItems.map(\.amount) == [Fixtures.usd("0"), Fixtures.usd("882.18"), Fixtures.usd("13.28")])
    #expect(quote.total == Fixtures.usd("895.46"))
    // The written table validates when read back.
    let back = try RateTable(json: Data(table.jsonText().utf8), file: "imp.json")
    #expect(
      back.rate(for: .internetEgress(.northAmerica, .microsoftNetwork, fromGB: 10240))?.price == Fixtures.usd("0.083"))
  }

  static func table(internetEgress rows: String) -> String {
    RateTableTests.validTable.replacingOccurrences(
      of: "\n}",
      with: ",\n  \"internetEgress\": {\"source\": \"s\", \"confidence\": \"SECONDARY\", \"rows\": [\(rows)]}\n}")
  }

  @Test func aPriceListWithAnUnpricedTierBetweenPricedOnesIsRefused() throws {
    let hole = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        Self.table(
          internetEgress: """
            {"region": "Europe", "routing": "Microsoft network", "fromGB": 0, "perGB": "0"},
            {"region": "Europe", "routing": "Microsoft network", "fromGB": 10240, "perGB": "0.083"},
            {"region": "Europe", "routing": "Microsoft network", "fromGB": 10335, "unpriced": "old tier"},
            {"region": "Europe", "routing": "Microsoft network", "fromGB": 51200, "perGB": "0.07"}
            """))
    }
    #expect(
      hole?.message
        == "internet egress for Europe via Microsoft network has an unpriced tier from 10335 GB below the priced tier from 51200 GB: every volume from 10335 GB up to 51200 GB would be unpriced (a price list's tiers come from one source: replace the group's rows whole, or end the list with the unpriced tier)"
    )
    #expect(hole?.location?.line == 20)
    // Ending unpriced is honest (the volume above the last priced tier is unpriced), and another group's rows do not count.
    let ending = try RateTableTests.load(
      Self.table(
        internetEgress: """
          {"region": "Europe", "routing": "Microsoft network", "fromGB": 0, "perGB": "0"},
          {"region": "Europe", "routing": "Microsoft network", "fromGB": 10240, "unpriced": "not in the source"},
          {"region": "Europe", "routing": "Internet", "fromGB": 0, "perGB": "0.08"}
          """))
    #expect(ending.rate(for: .internetEgress(.europe, .microsoftNetwork, fromGB: 10240))?.price == nil)
  }

  // MARK: - Sources: a host, and no date after the price date

  @Test func aURLNamesAHostAndAFileURLAPath() {
    for url in ["https://", "http://", "https:///p", "file:"] {
      let problem = Fixtures.diagnostic {
        _ = try RateTableTests.load(
          RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "\#(url)", "date": "2026-01-01"}"#))
      }
      #expect(problem?.message.hasPrefix("'\(url)' names no ") == true, "\(url): \(String(describing: problem))")
    }
    #expect(throws: Never.self) {
      _ = try RateTableTests.load(
        RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "https://e.com", "date": "2026-01-01"}"#))
      _ = try RateTableTests.load(
        RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "file:contract.pdf", "date": "2026-01-01"}"#)
      )
    }
  }

  @Test func aSourceDatedAfterThePriceDateNeedsAReason() throws {
    // The table's price date is 2026-01-01.
    let future = try RateTableTests.load(
      RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "https://e.com/p", "date": "2099-01-01"}"#))
    #expect(
      future.untraceableSources.map(\.message) == [
        "source 's' is dated 2099-01-01, after the table's price date 2026-01-01: a price cannot rest on a source from its future (move 'effectiveDate' to 2099-01-01 or later, or say in 'afterPriceDateReason' why the source still states the price of 2026-01-01)"
      ])
    #expect(
      RateSourcesReport(table: future, file: "t.json").flags(of: future.sources[0]) == [
        "DATED AFTER the price date 2026-01-01"
      ])
    // The same day is not after it.
    let sameDay = try RateTableTests.load(
      RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "https://e.com/p", "date": "2026-01-01"}"#))
    #expect(sameDay.untraceableSources.isEmpty)
    let explained = try RateTableTests.load(
      RateSourcingTests.table(
        source:
          #"{"id": "s", "title": "T", "url": "https://e.com/p", "date": "2026-02-01", "afterPriceDateReason": "retrieved later"}"#
      ))
    #expect(explained.untraceableSources.isEmpty)
    #expect(
      RateSourcesReport(table: explained, file: "t.json").flags(of: explained.sources[0]) == [
        "dated after the price date: retrieved later"
      ])
    // It reads back from its own JSON with the reason.
    #expect(
      try RateTable(json: Data(explained.jsonText().utf8), file: "b.json").sources[0].afterPriceDateReason
        == "retrieved later")
    let undated = Fixtures.diagnostic {
      _ = try RateTableTests.load(
        RateSourcingTests.table(
          source:
            #"{"id": "s", "title": "T", "url": "https://e.com/p", "date": null, "undatedReason": "none", "afterPriceDateReason": "x"}"#
        ))
    }
    #expect(undated?.message == "'afterPriceDateReason' goes only with a dated source (this one has \"date\": null)")
  }

  @Test func anOverridesSourceMayBeDatedAfterTheBaseTablesPriceDate() throws {
    // A contract signed after the base table's price date (2026-01-01) prices what the user pays: not refused.
    var table = try RateTableTests.load(
      RateSourcingTests.table(source: #"{"id": "s", "title": "T", "url": "https://e.com/p", "date": "2026-01-01"}"#))
    let override = """
      {"schemaVersion": 1, "kind": "override", "currency": "USD",
       "sources": [{"id": "contract", "title": "EA sheet", "url": "file:contracts/ea.pdf", "date": "2026-11-01"}],
       "egress": {"source": "contract", "confidence": "CONFIRMED", "rows": [{"zone": "Zone 1", "perGB": "0.02"}]}}
      """
    try table.apply(overrideJSON: Data(override.utf8), file: "o.json")
    #expect(table.untraceableSources.isEmpty, "\(table.untraceableSources)")
  }

  @Test func theBuiltInTableHasNoSourceFromItsFutureWithoutAReason() throws {
    // gw-third-party was retrieved 2026-09-19, after the price date 2026-07-21: it carries its reason.
    let table = try RateTable.embeddedDefault()
    #expect(table.untraceableSources.isEmpty, "\(table.untraceableSources)")
    let later = try #require(table.source(id: "gw-third-party"))
    #expect(later.date == "2026-09-19")
    #expect(later.afterPriceDateReason != nil)
  }

  // MARK: - Staleness by calendar date

  @Test func aSourceIsStaleWhenMoreThanEighteenMonthsOldByDate() throws {
    let source = PriceSource(id: "v", title: "v", url: "https://e.com", date: "2025-01-15")
    // 2025-01-15 + 18 months = 2026-07-15: stale from 2026-07-16 on, not on 2026-07-15 (exactly 18 months).
    #expect(source.isStale(asOf: "2026-07-21"))
    #expect(source.isStale(asOf: "2026-07-16"))
    #expect(!source.isStale(asOf: "2026-07-15"))
    // The day is clamped to the month's end: 2024-08-31 + 18 months = 2026-02-28 (2026 is not a leap year).
    let endOfMonth = PriceSource(id: "e", title: "e", url: "https://e.com", date: "2024-08-31")
    #expect(!endOfMonth.isStale(asOf: "2026-02-28"))
    #expect(endOfMonth.isStale(asOf: "2026-03-01"))
    #expect(!PriceSource(id: "u", title: "u", date: nil).isStale(asOf: "2030-01-01"))
    // In the built-in table, infracost-vpn (2025-01-15) is 18 months and 6 days before 2026-07-21: flagged.
    let table = try RateTable.embeddedDefault()
    let report = RateSourcesReport(table: table, file: "t.json")
    #expect(report.flags(of: table.source(id: "infracost-vpn")) == ["older than 18 months"])
    #expect(report.age(of: table.source(id: "infracost-vpn")) == "18 mo")
  }

  // MARK: - Regions priced from their own rows

  static func vpnEgress(_ place: String, routing: InternetRouting) throws -> VPNComparison {
    let engine = try Fixtures.engine()
    let location = try #require(engine.locations.location(named: place))
    let comparison = try engine.compare(location: location, bandwidth: .gbps(1), monthlyEgress: .gigabytes(1100))
    return engine.compareWithVPN(comparison, volume: .gigabytes(1100), routing: routing)
  }

  static func egressAmounts(_ vpn: VPNComparison) -> [Money] {
    vpn.vpn?.lineItems.filter { $0.meter.internetTierStart != nil }.map(\.amount) ?? []
  }

  @Test func telAvivDohaAndAucklandArePricedFromTheirOwnRegions() throws {
    // 1,100 GB: the first 100 GB are free, then 1,000 GB at the region's first paid rate (tco-dump-2026-07).
    // Tel Aviv, israelcentral, Microsoft network: 1,000 × 0.087 = 87.00.
    let telAviv = try Self.vpnEgress("Tel Aviv", routing: .microsoftNetwork)
    #expect(telAviv.region == .israel)
    #expect(Self.egressAmounts(telAviv) == [Fixtures.usd("0"), Fixtures.usd("87.00")])
    // Doha, qatarcentral, Internet routing: 1,000 × 0.11 = 110.00.
    let doha = try Self.vpnEgress("Doha", routing: .internet)
    #expect(doha.region == .qatar)
    #expect(Self.egressAmounts(doha) == [Fixtures.usd("0"), Fixtures.usd("110.00")])
    // Auckland, newzealandnorth (not australiaeast's 0.11), Internet routing: 1,000 × 0.1155 = 115.50.
    let auckland = try Self.vpnEgress("Auckland", routing: .internet)
    #expect(auckland.region == .newZealand)
    #expect(Self.egressAmounts(auckland) == [Fixtures.usd("0"), Fixtures.usd("115.50")])
    // Sydney stays in Oceania: 1,000 × 0.11 = 110.00.
    let sydney = try Self.vpnEgress("Sydney", routing: .internet)
    #expect(sydney.region == .oceania)
    #expect(Self.egressAmounts(sydney) == [Fixtures.usd("0"), Fixtures.usd("110.00")])
  }

  @Test func theImporterPlacesRegionsPricedAlone() throws {
    let importer = RetailPriceImporter(gatewayRegion: nil, locations: try LocationCatalog.embeddedDefault())
    #expect(importer.internetRegions["israelcentral"] == .israel)
    #expect(importer.internetRegions["qatarcentral"] == .qatar)
    #expect(importer.internetRegions["newzealandnorth"] == .newZealand)
    #expect(importer.internetRegions["australiaeast"] == .oceania)
  }

  @Test func aMissingVPNSideSaysWhichPartIsMissing() throws {
    // A zone without a location has no internet egress region; the VPN gateway is priced.
    let engine = try Fixtures.engine()
    let comparison = try engine.compare(
      location: nil, zone: .zone1, bandwidth: .gbps(1), monthlyEgress: .gigabytes(1100))
    let vpn = engine.compareWithVPN(comparison, volume: .gigabytes(1100))
    #expect(vpn.vpn == nil)
    #expect(vpn.vpnMissing == ["internet egress not priced: no region group is known for this place"])
  }
}
