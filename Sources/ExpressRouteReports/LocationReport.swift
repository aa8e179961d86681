import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing

/// The report of the peering-location catalogue: every row with its source, in every format.
package struct LocationReport: Report {
  /// The catalogue.
  public var catalog: LocationCatalog

  /// Creates a report.
  public init(catalog: LocationCatalog) { self.catalog = catalog }

  /// `yes`, `no`, or `not stated` for a row whose source has no ER Direct column.
  static func directText(_ location: PeeringLocation) -> String {
    location.offersDirect.map { $0 ? "yes" : "no" } ?? "not stated"
  }

  /// What a reader must know about a row beyond its columns: retired, inferred, aliases, caveats.
  static func notes(_ location: PeeringLocation) -> [String] {
    var notes: [String] = []
    if let retired = location.retired { notes.append("retired: \(retired)") }
    if !location.aliases.isEmpty {
      notes.append("also found as " + location.aliases.map { "'\($0)'" }.joined(separator: ", "))
    }
    if let inference = location.geopoliticalRegionInference { notes.append("geopolitical region \(inference)") }
    if let note = location.note { notes.append(note) }
    return notes
  }

  /// Why the row's geopolitical region, or the placement of its local regions in it, is an inference: the row's own
  /// inference, else the region's for local regions placed there by inference (Madrid's Spain Central); `nil` when stated.
  func inference(_ location: PeeringLocation) -> String? {
    if let inference = location.geopoliticalRegionInference { return inference }
    guard let region = catalog.geopoliticalRegions.first(where: { $0.name == location.geopoliticalRegion }) else {
      return nil
    }
    let inferred = location.localRegions.filter { region.inferredAzureRegions.contains($0) }
    guard !inferred.isEmpty else { return nil }
    return
      "local region\(inferred.count == 1 ? "" : "s") \(inferred.joined(separator: ", ")) \(region.inference ?? "inferred")"
  }

  /// `seen in er-direct-cli` or `derived: …`, with the note if any.
  static func evidence(_ port: PortLocation) -> String {
    var text = port.sourceID.map { "seen in \($0)" } ?? "derived: \(port.derivation ?? "")"
    if let note = port.note { text += "; \(note)" }
    return text
  }

  /// The catalogue's source, then the others, as cited.
  var allSources: [PriceSource] { [catalog.source] + catalog.sources }

  public var document: ReportDocument {
    let noted = catalog.locations.filter { !Self.notes($0).isEmpty }
    let inferredRegions = catalog.geopoliticalRegions.filter { !$0.inferredAzureRegions.isEmpty }
    var blocks: [ReportBlock] = [
      .facts([
        ReportFact("Source", QuoteReport.sourceLine(catalog.source)),
        ReportFact("Locations", String(catalog.locations.count)),
        ReportFact("Port locations", String(catalog.portLocations.count)),
      ]),
      .table(
        ReportTable(
          columns: [
            .init("Location"), .init("Zone"), .init("Local Azure regions"), .init("Geopolitical region"),
            .init("ER Direct"),
            .init("Address"), .init("Source"),
          ],
          rows: catalog.locations.map {
            [
              $0.name + ($0.retired == nil ? "" : " (retired)"), $0.zone.name,
              $0.localRegions.isEmpty ? "n/a (no Local)" : $0.localRegions.joined(separator: ", "),
              $0.geopoliticalRegion + ($0.geopoliticalRegionInference == nil ? "" : " (inferred)"), Self.directText($0),
              $0.address ?? "", catalog.source(of: $0).id,
            ]
          })),
    ]
    if !noted.isEmpty {
      blocks.append(.heading("Notes on locations"))
      blocks.append(.list(noted.map { "\($0.name): " + Self.notes($0).joined(separator: "; ") }))
    }
    if !inferredRegions.isEmpty {
      blocks.append(.heading("Inferred geopolitical regions"))
      blocks.append(
        .list(
          inferredRegions.map {
            "\($0.name): \($0.inferredAzureRegions.joined(separator: ", ")) (\($0.inference ?? "inferred"))"
          }))
    }
    blocks += [
      .heading("ExpressRoute Direct port locations"),
      .paragraph(
        "A port pair at a port location is billed in its peering location's zone; a port location not listed here is not priced. A name 'seen in' a source appears there; a 'derived' name follows Azure's pattern from the page's Address column and was not seen in Azure's output."
      ),
      .table(
        ReportTable(
          columns: [.init("Port location"), .init("Peering location"), .init("Facility"), .init("Evidence")],
          rows: catalog.portLocations.map { [$0.name, $0.peeringLocation, $0.facility, Self.evidence($0)] })),
      .heading("Sources"),
      .table(
        ReportTable(
          columns: [.init("Id"), .init("Date"), .init("Title"), .init("URL")],
          rows: allSources.map {
            [$0.id, $0.date ?? "undated: \($0.undatedReason ?? "no reason given")", $0.title, $0.reference ?? ""]
          })),
    ]
    return ReportDocument(title: "ExpressRoute peering locations", blocks: blocks)
  }

  static func sourceJSON(_ source: PriceSource) -> JSONValue {
    .object([
      ("id", .string(source.id)), ("title", .string(source.title)), ("url", .string(source.url)),
      ("repository", .string(source.repository)), ("path", .string(source.path)), ("date", .string(source.date)),
      ("undatedReason", .string(source.undatedReason)),
    ])
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.locations")),
      ("schemaVersion", .number(1)),
      ("source", Self.sourceJSON(catalog.source)),
      ("sources", .array(catalog.sources.map(Self.sourceJSON))),
      (
        "geopoliticalRegions",
        .objects(catalog.geopoliticalRegions) {
          [
            ("name", .string($0.name)), ("azureRegions", .strings($0.azureRegions)),
            ("inferredAzureRegions", .strings($0.inferredAzureRegions)),
            ("inference", .string($0.inference)),
          ]
        }
      ),
      (
        "locations",
        .objects(catalog.locations) {
          [
            ("name", .string($0.name)), ("zone", .string($0.zone.name)),
            ("localRegions", .strings($0.localRegions)),
            ("geopoliticalRegion", .string($0.geopoliticalRegion)),
            ("geopoliticalRegionInferred", .string($0.geopoliticalRegionInference)),
            ("address", .string($0.address)), ("erDirect", $0.offersDirect.map { .bool($0) } ?? .null),
            ("aliases", .strings($0.aliases)), ("retired", .string($0.retired)),
            ("source", .string(catalog.source(of: $0).id)), ("sourceDate", .string(catalog.source(of: $0).date)),
            ("note", .string($0.note)),
          ]
        }
      ),
      (
        "portLocations",
        .objects(catalog.portLocations) {
          [
            ("name", .string($0.name)), ("peeringLocation", .string($0.peeringLocation)),
            ("facility", .string($0.facility)),
            ("source", .string($0.sourceID)), ("derived", .string($0.derivation)),
            ("note", .string($0.note)),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { [] }

  /// Locations as CSV rows, each with the source it comes from and that source's date (the page's for every listed
  /// row), so a spreadsheet keeps the provenance; then, after a blank line, a second section of ExpressRoute Direct
  /// port locations (`PortLocation,PeeringLocation,Zone,Facility,Evidence,Source,SourceDate,SourceURL,Derived,Note`).
  public var csv: String {
    locationsCSV + "\r\n" + portLocationsCSV
  }

  /// The port-location section of ``csv``: a seen name carries its source, a derived one says how it was derived.
  var portLocationsCSV: String {
    CSVWriter.write(
      [
        [
          "PortLocation", "PeeringLocation", "Zone", "Facility", "Evidence", "Source", "SourceDate", "SourceURL",
          "Derived", "Note",
        ]
      ]
        + catalog.portLocations.map { port in
          let source = port.sourceID.flatMap { catalog.source(id: $0) }
          return [
            port.name, port.peeringLocation, catalog.location(named: port.peeringLocation)?.zone.name ?? "",
            port.facility,
            port.isDerived ? "derived" : "seen", source?.id ?? "", source.map { $0.date ?? "undated" } ?? "",
            source?.reference ?? "",
            port.derivation ?? "", port.note ?? "",
          ]
        })
  }

  var locationsCSV: String {
    CSVWriter.write(
      [
        [
          "Location", "Zone", "LocalRegions", "GeopoliticalRegion", "GeopoliticalRegionInferred", "Address", "ERDirect",
          "Retired", "Source",
          "SourceDate", "SourceURL", "Note",
        ]
      ]
        + catalog.locations.map {
          let source = catalog.source(of: $0)
          return [
            $0.name, $0.zone.name, $0.localRegions.joined(separator: "; "), $0.geopoliticalRegion, inference($0) ?? "",
            $0.address ?? "", Self.directText($0), $0.retired ?? "", source.id, source.date ?? "undated",
            source.reference ?? "",
            (($0.aliases.isEmpty ? [] : ["also found as " + $0.aliases.joined(separator: ", ")])
              + ($0.note.map { [$0] } ?? []))
              .joined(separator: "; "),
          ]
        })
  }
}
