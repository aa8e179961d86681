import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The location catalogue of the page of 04/28/2026 (MicrosoftDocs/azure-docs@0034968231599d97f4958cbb4ed673ea9feb4c3c):
/// each change to a bill the 2023 table got wrong, priced through the engine. Rates are the built-in table's
/// (PriceTables/expressroute-usd.json): Standard MeteredData 1 Gbps 436/month in Zones 1 to 4; egress per GB
/// Zone 1 0.025, Zone 2 0.05, Zone 4 0.10; Local UnlimitedData 1 Gbps Zone 1 1,200/month.
@Suite struct PeeringLocationCatalogueTests {
  func meteredCircuit(at location: String, egress: String) -> Deployment {
    Deployment(
      name: "t",
      circuits: [
        Circuit(
          name: "c", peeringLocation: location, tier: .standard, billing: .metered, bandwidth: .gbps(1),
          monthlyEgress: DataVolume(parsing: egress))
      ])
  }

  @Test func jakartaEgressIsBilledInZone2() throws {
    // Jakarta is Zone 2 on the page: 436 + 10,000 GB × 0.05 = 436 + 500 = 936.00 (the 2023 table's Zone 4 gave
    // 436 + 10,000 × 0.10 = 1,436.00).
    let quote = try Fixtures.engine().quote(meteredCircuit(at: "Jakarta", egress: "10000GB"))
    #expect(quote.lineItems.map(\.meter) == [.circuit(.standard, .metered, .gbps(1), .zone2), .egress(.zone2)])
    #expect(quote.lineItems.map(\.amount) == [Fixtures.usd("436.00"), Fixtures.usd("500.00")])
    #expect(quote.total == Fixtures.usd("936.00"))
  }

  @Test func madridLocalReachesSpainCentral() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(catalog.location(named: "Madrid")?.localRegions == ["Spain Central"])
    #expect(catalog.location(named: "Madrid2")?.localRegions == ["Spain Central"])
    // Spain Central is not in the geopolitical-region include (04/05/2024): it is placed in Europe by inference, and says so.
    let europe = catalog.geopoliticalRegion(ofAzureRegion: "spaincentral")
    #expect(europe?.name == "Europe")
    #expect(europe?.inferredAzureRegions.contains("Spain Central") == true)
    #expect(europe?.inference?.hasPrefix("inferred:") == true)
    // Local UnlimitedData 1 Gbps at Madrid (Zone 1): 1,200.00, no egress charge.
    let local = Deployment(
      name: "t",
      circuits: [Circuit(name: "c", peeringLocation: "Madrid", tier: .local, billing: .unlimited, bandwidth: .gbps(1))])
    #expect(try Fixtures.engine().quote(local).total == Fixtures.usd("1200.00"))
  }

  /// The 16 locations the 2023 table did not know, each with the page's zone: Standard MeteredData 1 Gbps and
  /// 1,000 GB out costs 436 + 1,000 × 0.025 = 461.00 in Zone 1 and 436 + 1,000 × 0.05 = 486.00 in Zone 2.
  @Test(arguments: [
    ("Atlanta2", "461.00"), ("Brussels", "461.00"), ("Brussels2", "461.00"), ("Dallas2", "461.00"),
    ("Jakarta2", "486.00"),
    ("Kuala Lumpur2", "486.00"), ("Madrid2", "461.00"), ("Melbourne2", "486.00"), ("Milan2", "461.00"),
    ("Phoenix2", "461.00"),
    ("Stockholm2", "461.00"), ("Taipei2", "486.00"), ("Tel Aviv2", "486.00"), ("Vienna", "461.00"),
    ("Vienna2", "461.00"),
    ("Zurich2", "461.00"),
  ])
  func eachLocationMissingIn2023Quotes(location: String, total: String) throws {
    let quote = try Fixtures.engine().quote(meteredCircuit(at: location, egress: "1000GB"))
    #expect(quote.total == Fixtures.usd(total))
    #expect(quote.isComplete)
  }

  @Test func queretaroIsFoundByThePagesNameAndTheOldOne() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(catalog.location(named: "Queretaro (Mexico)")?.name == "Queretaro (Mexico)")
    #expect(catalog.location(named: "Queretaro")?.name == "Queretaro (Mexico)")
    #expect(catalog.location(named: "Queretaro (Mexico)")?.localRegions == ["Mexico Central"])
    // Zone 4: 436 + 1,000 GB × 0.10 = 536.00.
    #expect(
      try Fixtures.engine().quote(meteredCircuit(at: "Queretaro (Mexico)", egress: "1000GB")).total
        == Fixtures.usd("536.00"))
  }

  /// The five locations whose ER Direct column is &cross; on the page.
  @Test(arguments: ["Busan", "Dubai2", "Marseille", "Seoul2", "Washington DC2"])
  func directIsRefusedWhereThePageHasNoERDirect(location: String) throws {
    let deployment = Deployment(
      name: "t", directPorts: [DirectPortPair(name: "p", peeringLocation: location, speed: .gbps10, billing: .metered)])
    let error = Fixtures.diagnostic { _ = try Fixtures.engine().quote(deployment) }
    #expect(error?.rule == ProductRule.directNotOffered.id)
    #expect(
      error?.message
        == "Direct port pair 'p' is at \(location), where ExpressRoute Direct is not offered (no ER Direct on er-locations-2026-04, 2026-04-28)"
    )
  }

  @Test func directAtALocationWithERDirectIsNotRefused() throws {
    let deployment = Deployment(
      name: "t", directPorts: [DirectPortPair(name: "p", peeringLocation: "Seoul", speed: .gbps10, billing: .metered)])
    #expect(throws: Never.self) { _ = try Fixtures.engine().quote(deployment) }
  }

  @Test func sizingRejectsDirectWhereItIsNotOffered() throws {
    // 12 Gbps at 80% utilisation needs 15 Gbps: more than any provider circuit. At Seoul the message points to Direct's
    // smallest fit; at Seoul2 (no ER Direct on the page) Direct is rejected, so no Direct option is named.
    func profile(_ location: String) -> WorkloadProfile {
      WorkloadProfile(
        name: "t", peeringLocation: location, targetRegions: ["Korea Central"],
        monthlyEgress: DataVolume(parsing: "1000GB"),
        peakOutbound: .gbps(12), targetUtilization: Fixtures.decimal("0.8"), yearlyGrowth: 0, horizonMonths: 12,
        gateways: 0)
    }
    let solver = SizingSolver(engine: try Fixtures.engine())
    let prefix =
      "error: no priced provider circuit can carry this workload: it needs 15 Gbps by the end of the horizon; provider circuits stop at 10 Gbps, so it needs ExpressRoute Direct"
    let seoul = Fixtures.diagnostic { _ = try solver.solve(profile("Seoul")) }
    #expect(
      seoul?.description.hasPrefix(prefix + " (Direct 100 Gbps pair") == true, "\(seoul?.description ?? "no error")")
    let seoul2 = Fixtures.diagnostic { _ = try solver.solve(profile("Seoul2")) }
    #expect(seoul2?.description == prefix, "\(seoul2?.description ?? "no error")")
  }

  @Test func chinaLocationsAreListedAndEveryChargeThereIsUnpriced() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    #expect(
      ["Beijing", "Beijing2", "Shanghai", "Shanghai2"].map { catalog.location(named: $0)?.zone }
        == Array(repeating: .china, count: 4))
    let deployment = Deployment(
      name: "t",
      circuits: [
        Circuit(
          name: "c", peeringLocation: "Beijing", tier: .standard, billing: .metered, bandwidth: .gbps(1),
          monthlyEgress: DataVolume(parsing: "1000GB")),
        Circuit(name: "d", tier: .premium, billing: .metered, bandwidth: .gbps(10), directPort: "p"),
      ],
      directPorts: [DirectPortPair(name: "p", peeringLocation: "Shanghai", speed: .gbps10, billing: .metered)],
      gateways: [Gateway(name: "g", sku: .erGw1AZ, circuits: ["c"])])
    let quote = try Fixtures.engine().quote(deployment)
    #expect(quote.lineItems.isEmpty)
    #expect(quote.total == Fixtures.usd("0.00"))
    #expect(!quote.isComplete)
    // Circuit c's fee and egress, the port pair, circuit d's Premium add-on and its egress (volume not given), and the
    // gateway of circuit c (in Azure China too, never at the global ErGw1AZ rate): each not priced, with the reason.
    #expect(quote.unpriced.count == 6)
    #expect(quote.unpriced.contains { $0.resource == "gateway 'g'" })
    #expect(quote.unpriced.allSatisfy { $0.reason == Zone.china.noRatesReason })
    #expect(!Zone.priced.contains(.china))
  }

  @Test func bogotaStaysReadableWithARetiredNote() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    let bogota = try #require(catalog.location(named: "Bogota"))
    #expect(bogota.zone == .zone4)
    #expect(catalog.source(of: bogota).date == "2023-08-28")
    // Zone 4: 436 + 1,000 GB × 0.10 = 536.00, with a note that the page no longer lists it.
    let quote = try Fixtures.engine().quote(meteredCircuit(at: "Bogota", egress: "1000GB"))
    #expect(quote.total == Fixtures.usd("536.00"))
    #expect(
      quote.notes.contains { $0.hasPrefix("peering location Bogota is retired: not listed on the page of 04/28/2026") })
  }

  @Test func portLocationsCarryTheirEvidence() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    // In the very az CLI example output the 2023 mapping quoted, now mapped.
    #expect(catalog.portLocation(named: "Equinix-New-York-NY5")?.peeringLocation == "New York")
    #expect(catalog.portLocation(named: "Equinix-New-York-NY5")?.sourceID == "er-direct-cli")
    // Created in Azure by the azurerm provider's acceptance tests.
    #expect(catalog.portLocation(named: "Airtel-Chennai2-CLS")?.peeringLocation == "Chennai2")
    #expect(catalog.portLocation(named: "Airtel-Chennai2-CLS")?.sourceID == "azurerm-acctest")
    // Derived from the Address column (Equinix AT1 at Atlanta), and marked so.
    let derived = try #require(catalog.portLocation(named: "Equinix-Atlanta-AT1"))
    #expect(derived.peeringLocation == "Atlanta")
    #expect(derived.isDerived && derived.sourceID == nil)
    // Every port location's source is one the catalogue cites, and every name is either seen or derived.
    for port in catalog.portLocations {
      #expect(port.sourceID.map { catalog.source(id: $0) != nil } ?? port.isDerived, "\(port.name)")
    }
  }

  @Test func anUnknownPortLocationNamesTheNearestKnownOnes() throws {
    let catalog = try LocationCatalog.embeddedDefault()
    // 'equinixashburndc9' is one edit from 'equinixashburndc2' and 'equinixashburndc6'.
    #expect(
      catalog.unknownPortLocationMessage("Equinix-Ashburn-DC9")
        == "'Equinix-Ashburn-DC9' is neither a peering location nor a known ExpressRoute Direct port location; nearest port locations: 'Equinix-Ashburn-DC2', 'Equinix-Ashburn-DC6'"
    )
  }

  @Test func anImportedEstatePlacesPortsByTheirEvidenceAndListsTheRest() throws {
    let engine = try Fixtures.engine()
    let ports = [
      DirectPortPair(name: "ny", peeringLocation: "Equinix-New-York-NY5", speed: .gbps10, billing: .metered),
      DirectPortPair(name: "dc", peeringLocation: "Equinix-Atlanta-AT1", speed: .gbps10, billing: .metered),
      DirectPortPair(name: "va", peeringLocation: "CoreSite-Reston-VA2", speed: .gbps10, billing: .metered),
      DirectPortPair(name: "typo", peeringLocation: "Equinix-Ashburn-DC9", speed: .gbps10, billing: .metered),
    ]
    let imported = DeploymentImporter.Result(
      deployment: Deployment(name: "t", directPorts: ports), skipped: [], notes: [], format: "test")
    let placed = imported.placingLocations(engine.locations)
    #expect(placed.deployment.directPorts.map(\.name) == ["ny", "dc"])
    #expect(placed.deployment.directPorts.map(\.peeringLocation) == ["New York", "Atlanta"])
    #expect(
      placed.notes == [
        "Direct port pair 'ny': port location Equinix-New-York-NY5 is peering location New York (facility Equinix NY5; seen in er-direct-cli, 2019-05-20)",
        "Direct port pair 'dc': port location Equinix-Atlanta-AT1 is peering location Atlanta (facility Equinix AT1; name derived, not seen in Azure's output)",
        "Direct port pair 'va': port location CoreSite-Reston-VA2 is peering location Washington DC2 (facility Coresite VA2; seen in gcp-cci-azure, 2026-04-02)",
      ])
    #expect(
      placed.skipped == [
        "Direct port pair 'va': [direct-not-offered] Washington DC2 has no ER Direct on er-locations-2026-04 (2026-04-28); not priced",
        "Direct port pair 'typo': 'Equinix-Ashburn-DC9' is neither a peering location nor a known ExpressRoute Direct port location; nearest port locations: 'Equinix-Ashburn-DC2', 'Equinix-Ashburn-DC6'; not priced (a port location needs an entry in the peering-location table's portLocations to be placed)",
      ])
  }

  /// The new keys are checked like the old ones: where a row cites a source, infers a region or derives a port name, it
  /// must say which and why.
  @Test func catalogueFilesThatHideTheirEvidenceAreRejected() {
    func error(
      regions: String = #"{"name": "Europe", "azureRegions": ["West Europe"]}"#, location: String = "",
      port: String = ""
    )
      -> String?
    {
      let text = """
        {"schemaVersion": 1, "source": {"id": "page", "title": "t", "date": "2026-04-28"},
         "sources": [{"id": "cli", "title": "t", "date": null}],
         "geopoliticalRegions": [\(regions)],
         "locations": [{"name": "Amsterdam", "zone": "Zone 1", "geopoliticalRegion": "Europe"\(location)}],
         "portLocations": [\(port)]}
        """
      do {
        _ = try LocationCatalog(json: Data(text.utf8), file: "l.json")
        return nil
      } catch {
        return error.description
      }
    }
    #expect(error() == nil)
    #expect(error(location: #", "source": "cli", "erDirect": false"#) == nil)
    #expect(
      error(regions: #"{"name": "Europe", "azureRegions": ["West Europe"], "inferredAzureRegions": ["Spain Central"]}"#)
        == "l.json:3:26: error: geopoliticalRegions[0]: 'inferredAzureRegions' needs an 'inference' saying why they are placed in 'Europe'"
    )
    #expect(
      error(location: #", "source": "clii""#)
        == "l.json:4:98: error: locations[0].source: 'clii' is not a source id (expected 'page' or 'cli'); did you mean 'cli'?"
    )
    #expect(
      error(
        port:
          #"{"name": "X-Amsterdam-AM5", "peeringLocation": "Amsterdam", "facility": "X AM5", "source": "cli", "derived": "pattern"}"#
      )
        == "l.json:5:20: error: portLocations[0]: port location 'X-Amsterdam-AM5' has both 'source' (seen in a document) and 'derived' (not seen): keep one"
    )
  }

  @Test func aUSGovernmentEstatePlacesPortsAtUSGovRowsAndRefusesCommercialOnlyNames() throws {
    let engine = try Fixtures.engine()
    let ports = [
      DirectPortPair(name: "gov-port", peeringLocation: "Equinix-Ashburn-DC2", speed: .gbps10, billing: .metered),
      DirectPortPair(name: "dc6", peeringLocation: "Equinix-Ashburn-DC6", speed: .gbps10, billing: .metered),
      DirectPortPair(name: "commercial", peeringLocation: "Equinix-Ashburn-DC2", speed: .gbps10, billing: .metered),
    ]
    let circuits = [
      Circuit(name: "ams", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .mbps(1000))
    ]
    var imported = DeploymentImporter.Result(
      deployment: Deployment(name: "t", circuits: circuits, directPorts: ports), skipped: [], notes: [], format: "test")
    imported.portRegions = ["gov-port": "usgovvirginia", "dc6": "usgovvirginia", "commercial": "eastus"]
    imported.circuitRegions = ["ams": "usdodeast"]
    let placed = imported.placingLocations(engine.locations)
    #expect(placed.deployment.directPorts.map(\.name) == ["gov-port", "commercial"])
    #expect(placed.deployment.directPorts.map(\.peeringLocation) == ["Washington DC (US Gov)", "Washington DC"])
    #expect(placed.deployment.circuits.isEmpty)
    #expect(
      placed.notes.first
        == "Direct port pair 'gov-port': Azure region usgovvirginia is a US Government region: port location Equinix-Ashburn-DC2 (facility Equinix DC2) is peering location Washington DC (US Gov), billed in US Gov Zone 1"
    )
    #expect(
      placed.skipped.contains(
        "Direct port pair 'dc6': Azure region usgovvirginia is a US Government region, and port location Equinix-Ashburn-DC6 is facility Equinix DC6, which is not the address of Washington DC (US Gov) (Equinix DC2) on er-locations-2026-04; not priced"
      ))
    #expect(
      placed.skipped.contains {
        $0.hasPrefix(
          "circuit 'ams': Azure region usdodeast is a US Government region, and 'Amsterdam' has no US Government peering location on er-locations-2026-04 (2026-04-28)"
        )
      })
  }
}
