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

/// The built-in tables: they load, they match PriceTables/ byte for byte, and key figures are right.
@Suite struct EmbeddedPriceTablesTests {
  /// The EmbedPriceTables build plugin embeds PriceTables/ as it is at build time: the embedded text must be the
  /// files' bytes exactly (a literal that dropped a line, a `\r` or a trailing newline would fail here).
  @Test func embeddedTablesMatchPriceTablesFolder() throws {
    let folder = packageRoot.appendingPathComponent("PriceTables")
    let rateTable = try String(contentsOf: folder.appendingPathComponent("expressroute-usd.json"), encoding: .utf8)
    let locations = try String(contentsOf: folder.appendingPathComponent("peering-locations.json"), encoding: .utf8)
    #expect(EmbeddedPriceTables.rateTableFile == "expressroute-usd.json")
    #expect(EmbeddedPriceTables.peeringLocationsFile == "peering-locations.json")
    #expect(Array(EmbeddedPriceTables.rateTable.utf8) == Array(rateTable.utf8))
    #expect(Array(EmbeddedPriceTables.peeringLocations.utf8) == Array(locations.utf8))
  }

  @Test func defaultTablesLoadWithExpectedCounts() throws {
    let table = try RateTable.embeddedDefault()
    // 4 families × 8 sizes × 5 zones = 160 provider rows, plus 4 Local sizes × 4 zones = 16.
    #expect(table.rates.filter { $0.meter.section == "circuits" }.count == 176)
    #expect(table.currency == .usd)
    #expect(table.effectiveDate == "2026-07-21")
    #expect(table.hoursPerMonth == 730)
    #expect(table.rate(for: .circuit(.local, .unlimited, .gbps(1), .zone4)) == nil)
    #expect(table.rate(for: .gateway(.erGwScale))?.price == Fixtures.usd("0.21"))
    #expect(table.rate(for: .gateway(.erGwScale))?.provenance.confidence == .confirmed)
    #expect(table.rate(for: .directPortPair(.gbps100, .unlimited))?.price == nil)
    #expect(table.rate(for: .circuit(.standard, .metered, .mbps(100), .zone1))?.price == nil)
    #expect(
      table.capabilities(of: .erGwScale, scaleUnits: 10)
        == GatewayCapabilities(throughput: .gbps(10), maxCircuits: 16, routesLearned: 9500, fastPath: true))
    #expect(table.capabilities(of: .erGw1AZ, scaleUnits: nil)?.maxCircuits == 4)
    // VPN rows carry the date their source carries: infracost's golden test changed VpnGw1AZ to 730 × 0.21 = 153.30 on
    // 2025-01-15 (it was 263.53, 0.361/h); the ExpressRoute gateway prices come from a repository at a commit whose
    // script says its prices were retrieved 2026-09-19.
    #expect(table.rate(for: .vpnGateway(.vpnGw1AZ))?.price == Fixtures.usd("0.21"))
    #expect(table.rate(for: .vpnGateway(.vpnGw1AZ))?.provenance.date == "2025-01-15")
    #expect(table.rate(for: .vpnGateway(.vpnGw1))?.price == Fixtures.usd("0.19"))
    #expect(table.rate(for: .gateway(.erGw1AZ))?.provenance.date == "2026-09-19")
    #expect(table.rate(for: .gateway(.erGw1AZ))?.provenance.description == "gw-third-party, 2026-09-19, SECONDARY")
    // Every source of the built-in table can be opened and is dated.
    #expect(table.untraceableSources.isEmpty, "\(table.untraceableSources)")
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(catalog.location(named: "washington-dc")?.localRegions == ["East US", "East US 2"])
    #expect(catalog.location(named: "Bogota")?.zone == .zone4)
    #expect(catalog.location(named: "Phoenix (US Gov)")?.zone == .usGovZone1)
    #expect(catalog.geopoliticalRegion(ofAzureRegion: "westeurope")?.name == "Europe")
  }

  @Test func everyPriceTablesFileValidates() throws {
    let folder = packageRoot.appendingPathComponent("PriceTables")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    #expect(files.contains("expressroute-usd.json"))
    for file in files where file != "peering-locations.json" {
      let data = try Data(contentsOf: folder.appendingPathComponent(file))
      if file.contains("override") {
        var table = try RateTable.embeddedDefault()
        try table.apply(overrideJSON: data, file: file)
      } else {
        _ = try RateTable(json: data, file: file)
      }
    }
  }

  /// A location or port named twice (the names compare as lookups do: case, spaces and hyphens ignored) is an error
  /// at the second name.
  @Test func aPeeringOrPortLocationNamedTwiceIsRejectedWhereItRepeats() {
    func catalog(locations: String, ports: String) -> String {
      """
      {"schemaVersion": 1, "source": {"id": "t", "title": "t", "url": "https://example.com", "date": "2024-04-05"},
       "geopoliticalRegions": [{"name": "Europe", "azureRegions": ["West Europe"]}],
       "locations": [\(locations)],
       "portLocations": [\(ports)]}
      """
    }
    let amsterdam = #"{"name": "Amsterdam", "zone": "Zone 1", "geopoliticalRegion": "Europe"}"#
    let london = #"{"name": "London", "zone": "Zone 1", "geopoliticalRegion": "Europe"}"#
    let twice = #"{"name": "amster-dam", "zone": "Zone 1", "geopoliticalRegion": "Europe"}"#
    let port = #"{"name": "Equinix-AM5", "peeringLocation": "Amsterdam", "facility": "Equinix AM5"}"#
    let portTwice = #"{"name": "equinix am5", "peeringLocation": "London", "facility": "Equinix AM5"}"#
    func error(_ text: String) -> String? {
      do {
        _ = try LocationCatalog(json: Data(text.utf8), file: "l.json")
        return nil
      } catch {
        return error.description
      }
    }
    #expect(error(catalog(locations: "\(amsterdam), \(london)", ports: port)) == nil)
    // Line 3: the locations' line; the third entry repeats the first.
    let location = error(catalog(locations: "\(amsterdam), \(london), \(twice)", ports: port))
    #expect(location?.hasPrefix("l.json:3:") == true, "\(location ?? "no error")")
    #expect(location?.contains("duplicate peering location 'amster-dam'") == true, "\(location ?? "no error")")
    let repeatedPort = error(catalog(locations: "\(amsterdam), \(london)", ports: "\(port), \(portTwice)"))
    #expect(repeatedPort?.hasPrefix("l.json:4:") == true, "\(repeatedPort ?? "no error")")
    #expect(repeatedPort?.contains("duplicate port location 'equinix am5'") == true, "\(repeatedPort ?? "no error")")
  }
}
