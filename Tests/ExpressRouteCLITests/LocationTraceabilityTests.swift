import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// The location catalogue's sources are traceable like a rate table's; US Government estates price at US Gov rows;
/// nothing-priced totals are unknown, never 0.00; the CSV lists port locations.
@Suite struct LocationTraceabilityTests {
  static var cataloguePath: String { packageRoot.appendingPathComponent("PriceTables/peering-locations.json").path }

  /// The built-in catalogue with `edit` applied to its JSON text, written to a temporary file.
  static func editedCatalogue(_ edit: (String) -> String) throws -> (URL, String) {
    let text = try String(contentsOfFile: cataloguePath, encoding: .utf8)
    let edited = edit(text)
    #expect(edited != text, "the edit changed nothing")
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("locations.json")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file.path)
  }

  @Test func theBuiltInCatalogueValidatesAsALocationCatalogue() {
    let given = ercalc("prices", "validate", Self.cataloguePath)
    #expect(given.status == .success, "\(given.errors)")
    #expect(given.output.contains(": ok: location catalogue, source er-locations-2026-04 (2026-04-28), "))
    #expect(!given.errors.contains("unknown key 'source'"))
    let builtIn = ercalc("prices", "validate")
    #expect(builtIn.status == .success, "\(builtIn.errors)")
    #expect(builtIn.output.contains("built-in table: ok"))
    #expect(builtIn.output.contains("built-in location catalogue: ok: location catalogue"))
  }

  @Test func aCatalogueSourceWithoutURLIsRefused() throws {
    // The page's own source loses its url.
    let (directory, file) = try Self.editedCatalogue {
      $0.replacingOccurrences(
        of:
          "\"url\": \"https://github.com/MicrosoftDocs/azure-docs/blob/0034968231599d97f4958cbb4ed673ea9feb4c3c/articles/expressroute/expressroute-locations-providers.md\", ",
        with: "")
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("prices", "validate", "--locations", file)
    #expect(result.status != .success)
    #expect(result.errors.contains("source 'er-locations-2026-04' has neither a 'url' nor a 'repository'"))
    let direct = ercalc("prices", "validate", file)
    #expect(direct.status != .success)
    #expect(direct.errors.contains("source 'er-locations-2026-04' has neither a 'url' nor a 'repository'"))
  }

  @Test func aCatalogueSourceURLNamesAHostAsARateTablesDoes() throws {
    // One reader for both kinds of file (PriceSource.readLink): a scheme alone opens nothing.
    let (directory, file) = try Self.editedCatalogue {
      $0.replacingOccurrences(
        of:
          "\"url\": \"https://docs.cloud.google.com/network-connectivity/docs/interconnect/how-to/cci/azure/choose-locations\"",
        with: "\"url\": \"https://\"")
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("prices", "validate", "--locations", file)
    #expect(result.status == .dataError)
    #expect(result.errors.contains("'https://' names no host"), "\(result.errors)")
  }

  @Test func aCatalogueSourceWithANullDateNeedsAReason() throws {
    let (directory, file) = try Self.editedCatalogue {
      $0.replacingOccurrences(
        of:
          "\"url\": \"https://docs.cloud.google.com/network-connectivity/docs/interconnect/how-to/cci/azure/choose-locations\", \"date\": \"2026-04-02\"",
        with:
          "\"url\": \"https://docs.cloud.google.com/network-connectivity/docs/interconnect/how-to/cci/azure/choose-locations\", \"date\": null"
      )
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc("prices", "validate", "--locations", file)
    #expect(result.status != .success)
    #expect(result.errors.contains("source 'gcp-cci-azure' has no date and no 'undatedReason'"))
  }

  @Test func theBuiltInCataloguesSourcesAreAllTraceable() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(catalog.untraceableSources.isEmpty)
    #expect(catalog.source(id: "azurerm-acctest")?.undatedReason != nil)
  }

  /// An az circuit created in usgovvirginia at "Washington DC" (Azure writes no " (US Gov)" suffix).
  static let governmentCircuit = """
    [{"type": "Microsoft.Network/expressRouteCircuits", "name": "gov-er", "location": "usgovvirginia",
      "sku": {"name": "Premium_MeteredData", "tier": "Premium", "family": "MeteredData"},
      "serviceProviderProperties": {"serviceProviderName": "Equinix", "peeringLocation": "Washington DC", "bandwidthInMbps": 1000}}]
    """

  @Test func aUSGovernmentCircuitFromAzIsPricedAtUSGovZone1() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("gov.json")
    try Self.governmentCircuit.write(to: file, atomically: true, encoding: .utf8)
    let result = ercalc("quote", "--from", file.path, "--egress", "10TB", "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    // US Gov Zone 1, Premium MeteredData 1 Gbps: 1,480.00 a month; egress 10 TB = 10,000 GB × 0.03 = 300.00;
    // total 1,480.00 + 300.00 = 1,780.00 (commercial Zone 1 would be 1,186 + 250 = 1,436).
    #expect(result.output.contains("\"amount\": \"1480.00\""))
    #expect(result.output.contains("\"amount\": \"300.00\""))
    #expect(result.output.contains("\"monthlyTotal\": \"1780.00\""))
    #expect(
      result.output.contains("peering location 'Washington DC' is Washington DC (US Gov), billed in US Gov Zone 1"))
  }

  @Test func nothingPricedIsNeverATotalOfZero() {
    let text = ercalc("quote", "--location", "Beijing", "--bandwidth", "1G", "--egress", "1TB")
    #expect(
      text.output.contains("Monthly total:   not priced (nothing has a price: 2 unpriced items, see Not priced)"),
      "\(text.output)\(text.errors)")
    #expect(!text.output.contains("0.00 USD"))
    #expect(!text.output.contains(" 0.00"))
    let json = ercalc("quote", "--location", "Beijing", "--bandwidth", "1G", "--egress", "1TB", "--format", "json")
    #expect(json.output.contains("\"monthlyTotal\": null"))
    // Partly priced keeps its amount and says what it excludes.
    let partial = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1G")
    #expect(partial.output.contains("(excludes 1 unpriced item)"))
  }

  @Test func queretaroLocalSaysZone4HasNoLocalPrice() {
    let arguments = [
      "quote", "--location", "Querétaro (Mexico)", "--sku", "Local", "--billing", "unlimited", "--bandwidth", "1G",
    ]
    let json = ercalc(arguments + ["--format", "json"])
    #expect(
      json.output.contains(
        "has no Local UnlimitedData price in Zone 4 (it prices Local UnlimitedData in Zone 1, Zone 2, Zone 3, US Gov Zone 1 only; sources: "
      ), "\(json.output)\(json.errors)")
    #expect(json.output.contains("\"monthlyTotal\": null"))
    let text = ercalc(arguments)
    #expect(text.output.contains("Monthly total:   not priced (nothing has a price: 1 unpriced item, see Not priced)"))
    #expect(text.output.contains("Total                                          not priced"))
  }

  @Test func directAtALocationOfUnknownDirectAvailabilityIsRefused() {
    let result = ercalc("quote", "--location", "Bogota", "--bandwidth", "10G", "--direct-port", "10G")
    #expect(result.status != .success)
    #expect(
      result.errors.contains(
        "ExpressRoute Direct availability is not known (er-locations-2023, 2023-08-28, has no ER Direct column)"))
  }

  @Test func theCSVListsPortLocationsInASecondSection() {
    let csv = ercalc("prices", "locations", "--format", "csv")
    let lines = csv.output.components(separatedBy: "\r\n")
    #expect(
      lines.contains("PortLocation,PeeringLocation,Zone,Facility,Evidence,Source,SourceDate,SourceURL,Derived,Note"))
    #expect(
      lines.contains(
        "Equinix-New-York-NY5,New York,Zone 1,Equinix NY5,seen,er-direct-cli,2019-05-20,https://github.com/MicrosoftDocs/azure-docs/blob/00ae202d3387da443c7ff4ac508408876ac2d8c1/articles/expressroute/expressroute-howto-expressroute-direct-cli.md,,"
      ))
    #expect(lines.contains { $0.hasPrefix("Equinix-Atlanta-AT1,Atlanta,Zone 1,Equinix AT1,derived,,,,") })
    // Madrid's local region Spain Central is in Europe by inference: the column says so.
    #expect(
      lines.contains { $0.hasPrefix("Madrid,Zone 1,Spain Central,Europe,\"local region Spain Central inferred: ") })
  }

  @Test func accentedNamesFindTheirLocations() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(catalog.location(named: "São Paulo")?.name == "Sao Paulo")
    #expect(catalog.location(named: "Querétaro (Mexico)")?.name == "Queretaro (Mexico)")
  }

  @Test func noDerivedPortNameDuplicatesASeenOneForTheSameFacility() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    let key = { (port: LocationCatalog.PortLocation) in
      "\(port.peeringLocation)|\(port.facility.lowercased().filter { $0.isLetter || $0.isNumber })"
    }
    let seen = Set(catalog.portLocations.filter { !$0.isDerived }.map(key))
    for port in catalog.portLocations where port.isDerived {
      #expect(!seen.contains(key(port)), "\(port.name) duplicates a seen name for \(port.facility)")
    }
    #expect(catalog.portLocation(named: "Equinix-Silicon-Valley-SV1") == nil)
    #expect(catalog.portLocation(named: "Equinix-San-Jose-SV1")?.peeringLocation == "Silicon Valley")
  }
}
