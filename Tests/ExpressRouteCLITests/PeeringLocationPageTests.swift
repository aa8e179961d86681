import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// The built-in location catalogue against the page it cites: Microsoft's "Locations and connectivity providers for
/// Azure ExpressRoute" of 04/28/2026 (MicrosoftDocs/azure-docs@0034968231599d97f4958cbb4ed673ea9feb4c3c), transcribed in
/// the page's own Markdown shape in `Fixtures/locations/` (see its README).
@Suite struct PeeringLocationPageTests {
  /// One row of one of the page's tables.
  struct PageRow {
    var cloud: String
    var location: String
    var address: String
    var zone: String?
    var localRegions: [String]
    var erDirect: Bool
  }

  /// Reads the page's tables: `### Global commercial Azure` (with a Zone column), `### US Government cloud` and
  /// `### China` (without); cells split on `|`, several values on `<br/>`, `&check;` / `&cross;` as on the page.
  static func pageRows() throws -> [PageRow] {
    let text = try String(
      contentsOfFile: fixture("locations/expressroute-locations-providers-2026-04-28.md"), encoding: .utf8)
    var cloud = ""
    var rows: [PageRow] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("### ") {
        cloud = String(line.dropFirst(4))
        continue
      }
      guard line.hasPrefix("| **") else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
        .map { $0.trimmingCharacters(in: .whitespaces) }
      let hasZone = cloud == "Global commercial Azure"
      #expect(cells.count == (hasZone ? 5 : 4), "\(line)")
      guard cells.count == (hasZone ? 5 : 4) else { continue }
      let local = cells[hasZone ? 3 : 2]
      let direct = cells[hasZone ? 4 : 3]
      #expect(direct == "&check;" || direct == "&cross;", "\(line)")
      rows.append(
        PageRow(
          cloud: cloud, location: cells[0].replacingOccurrences(of: "**", with: ""),
          address: cells[1].replacingOccurrences(of: "<br/>", with: "; "), zone: hasZone ? cells[2] : nil,
          localRegions: local == "&cross;" ? [] : local.components(separatedBy: "<br/>"), erDirect: direct == "&check;")
      )
    }
    return rows
  }

  /// The catalogue's name for a page row: US Government rows carry ` (US Gov)`; the others are found as the page spells them.
  static func catalogueName(_ row: PageRow) -> String {
    row.cloud == "US Government cloud" ? "\(row.location) (US Gov)" : row.location
  }

  /// The zone the catalogue must give a row: the page's number, `US Gov Zone 1` for US Government (the page has no zone
  /// column there), `China` for China (no zone column, no rates).
  static func expectedZone(_ row: PageRow) -> Zone? {
    switch row.cloud {
    case "US Government cloud": return .usGovZone1
    case "China": return .china
    default: return row.zone.flatMap { Zone(name: "Zone \($0)") }
    }
  }

  @Test func everyRowOfThePageMatchesTheCatalogue() throws {
    let rows = try Self.pageRows()
    // 105 commercial rows (tabs A-C to T-Z), 9 US Government, 4 China.
    #expect(rows.filter { $0.cloud == "Global commercial Azure" }.count == 105)
    #expect(rows.filter { $0.cloud == "US Government cloud" }.count == 9)
    #expect(rows.filter { $0.cloud == "China" }.count == 4)
    let catalog = try LocationCatalog.embeddedDefault()
    for row in rows {
      let name = Self.catalogueName(row)
      guard let location = catalog.location(named: name) else {
        Issue.record("\(row.cloud) row '\(row.location)' is not in the catalogue")
        continue
      }
      #expect(location.zone == Self.expectedZone(row), "\(name): zone")
      #expect(location.localRegions == row.localRegions, "\(name): local regions")
      #expect(location.offersDirect == row.erDirect, "\(name): ER Direct")
      #expect(location.address == row.address, "\(name): address")
      #expect(location.retired == nil, "\(name): listed on the page, so not retired")
      #expect(catalog.source(of: location).id == catalog.source.id, "\(name): sourced to the page")
    }
    // And the other way: every location the catalogue sources to the page is a row of it.
    let pageNames = Set(rows.map { Self.catalogueName($0) })
    for location in catalog.locations where catalog.source(of: location).id == catalog.source.id {
      #expect(
        pageNames.contains(location.name) || rows.contains { catalog.location(named: $0.location) == location },
        "\(location.name)")
    }
    #expect(catalog.source.date == "2026-04-28")
    #expect(catalog.source.url?.contains("0034968231599d97f4958cbb4ed673ea9feb4c3c") == true)
  }

  @Test func pricesLocationsShowsThePagesSourceAndDateInEveryFormat() throws {
    let commit = "0034968231599d97f4958cbb4ed673ea9feb4c3c"
    for format in ["text", "markdown", "html"] {
      let result = ercalc("prices", "locations", "--format", format)
      #expect(result.status == .success)
      #expect(result.output.contains("2026-04-28") && result.output.contains(commit), "\(format)")
      // The include keeps its own date.
      #expect(result.output.contains("2024-04-05"), "\(format)")
    }
    let json = ercalc("prices", "locations", "--format", "json")
    #expect(json.output.contains("\"source\": {\n    \"id\": \"er-locations-2026-04\","))
    #expect(json.output.contains("\"date\": \"2026-04-28\""))
    #expect(json.output.contains(commit))
    #expect(
      json.output.contains(
        "\"name\": \"Jakarta\",\n      \"zone\": \"Zone 2\",\n      \"localRegions\": [\n        \"Indonesia Central\"\n      ]"
      ))
    let csv = ercalc("prices", "locations", "--format", "csv")
    let lines = csv.output.components(separatedBy: "\r\n")
    #expect(
      lines.first
        == "Location,Zone,LocalRegions,GeopoliticalRegion,GeopoliticalRegionInferred,Address,ERDirect,Retired,Source,SourceDate,SourceURL,Note"
    )
    // Jakarta's local region Indonesia Central is in Asia by inference (the include predates it): the column says so.
    #expect(
      lines.contains {
        $0.hasPrefix(
          "Jakarta,Zone 2,Indonesia Central,Asia,\"local region Indonesia Central inferred: the include (04/05/2024) lists Jakarta"
        )
          && $0.hasSuffix(
            ",NeutraDC HDC,yes,,er-locations-2026-04,2026-04-28,https://github.com/MicrosoftDocs/azure-docs/blob/\(commit)/articles/expressroute/expressroute-locations-providers.md,"
          )
      })
    #expect(
      lines.contains { $0.hasPrefix("Bogota,Zone 4,,South America,") && $0.contains(",er-locations-2023,2023-08-28,") })
  }
}
