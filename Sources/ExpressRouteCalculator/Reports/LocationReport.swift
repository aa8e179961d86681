/// The report of the peering-location catalogue.
public struct LocationReport: Report {
  /// The catalogue.
  public var catalog: LocationCatalog

  /// Creates a report.
  public init(catalog: LocationCatalog) { self.catalog = catalog }

  public var document: ReportDocument {
    ReportDocument(
      title: "ExpressRoute peering locations",
      blocks: [
        .facts([ReportFact("Source", QuoteReport.sourceLine(catalog.source)), ReportFact("Locations", String(catalog.locations.count))]),
        .table(
          ReportTable(
            columns: [.init("Location"), .init("Zone"), .init("Local Azure regions"), .init("Geopolitical region")],
            rows: catalog.locations.map {
              [$0.name, $0.zone.name, $0.localRegions.isEmpty ? "n/a (no Local)" : $0.localRegions.joined(separator: ", "), $0.geopoliticalRegion]
            })),
        .heading("ExpressRoute Direct port locations"),
        .paragraph("A port pair at a port location is billed in its peering location's zone; a port location not listed here is not priced."),
        .table(
          ReportTable(
            columns: [.init("Port location"), .init("Peering location"), .init("Facility")],
            rows: catalog.portLocations.map { [$0.name, $0.peeringLocation, $0.facility] })),
      ])
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.locations")),
      ("schemaVersion", .number(1)),
      (
        "locations",
        .array(
          catalog.locations.map {
            .object([
              ("name", .string($0.name)), ("zone", .string($0.zone.name)), ("localRegions", .array($0.localRegions.map { .string($0) })),
              ("geopoliticalRegion", .string($0.geopoliticalRegion)),
            ])
          })
      ),
      (
        "portLocations",
        .array(
          catalog.portLocations.map {
            .object([("name", .string($0.name)), ("peeringLocation", .string($0.peeringLocation)), ("facility", .string($0.facility))])
          })
      ),
    ])
  }

  public var csvRows: [CostRow] { [] }

  /// Locations as CSV rows (name, zone, local regions, geopolitical region).
  public var csv: String {
    CSVWriter.write(
      [["Location", "Zone", "LocalRegions", "GeopoliticalRegion"]]
        + catalog.locations.map { [$0.name, $0.zone.name, $0.localRegions.joined(separator: "; "), $0.geopoliticalRegion] })
  }
}
