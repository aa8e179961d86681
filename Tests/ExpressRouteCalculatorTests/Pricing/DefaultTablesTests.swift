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
  /// The folder the generated files are written to.
  static let generatedFolder = "Sources/ExpressRoutePricing/RateTable"
  /// The generated files' names start with this.
  static let generatedPrefix = "EmbeddedPriceTables"
  /// The most lines of table text in one generated file, and the widest generated line.
  static let linesPerFile = 400
  static let maximumWidth = 120

  /// The Swift sources the generator writes for the current PriceTables/ files, by file name.
  ///
  /// Each table is cut into parts of at most ``linesPerFile`` lines, one raw multi-line literal per file, so no
  /// generated file is long; a line wider than ``maximumWidth`` is broken with a `\##` line continuation (which
  /// adds no newline). A multi-line literal drops the newline just before its closing delimiter, so each part
  /// ends with one extra newline to keep its own.
  static func generatedSources(rateTable: String, locations: String) -> [String: String] {
    let header = """
      // swift-format-ignore-file
      // GENERATED FILE: do not edit. Regenerate with
      //   UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests
      // from the files in PriceTables/. A test fails when the two drift.

      """
    var files: [String: String] = [:]
    func parts(_ text: String, name: String, file: String) -> [String] {
      let chunks = literalLines(text).chunked(linesPerFile)
      return chunks.enumerated().map { index, lines in
        let part = "\(name)Part\(index + 1)"
        files["\(generatedPrefix)+\(part.prefix(1).uppercased() + part.dropFirst()).swift"] = """
          \(header)
          extension EmbeddedPriceTables {
            /// Part \(index + 1) of \(chunks.count) of `PriceTables/\(file)`.
            static let \(part) = ##\"\"\"
          \(lines.joined(separator: "\n"))

          \"\"\"##
          }

          """
        return part
      }
    }
    let rateTableParts = parts(rateTable, name: "rateTable", file: "expressroute-usd.json")
    let locationParts = parts(locations, name: "peeringLocations", file: "peering-locations.json")
    files["\(generatedPrefix).swift"] = """
      \(header)
      /// The default tables, embedded so the binary works from any directory.
      enum EmbeddedPriceTables {
        /// The file name of the default rate table.
        static let rateTableFile = "expressroute-usd.json"
        /// The file name of the peering-location catalogue.
        static let peeringLocationsFile = "peering-locations.json"

        /// The contents of `PriceTables/expressroute-usd.json`.
        static let rateTable = [\(rateTableParts.joined(separator: ", "))].joined()

        /// The contents of `PriceTables/peering-locations.json`.
        static let peeringLocations = [\(locationParts.joined(separator: ", "))].joined()
      }

      """
    return files
  }

  /// The lines of a raw multi-line literal holding `text` (which ends with a newline): a line wider than
  /// ``maximumWidth`` is cut into pieces that end in `\##`, never after a space or a backslash.
  static func literalLines(_ text: String) -> [String] {
    var result: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      var rest = Substring(line)
      while rest.count > maximumWidth {
        var cut = rest.index(rest.startIndex, offsetBy: maximumWidth - 3)
        while cut > rest.index(after: rest.startIndex), [" ", "\\"].contains(rest[rest.index(before: cut)]) {
          cut = rest.index(before: cut)
        }
        result.append(String(rest[..<cut]) + "\\##")
        rest = rest[cut...]
      }
      result.append(String(rest))
    }
    return result
  }

  @Test func embeddedTablesMatchPriceTablesFolder() throws {
    let root = packageRoot
    let rateTable = try String(
      contentsOf: root.appendingPathComponent("PriceTables/expressroute-usd.json"), encoding: .utf8)
    let locations = try String(
      contentsOf: root.appendingPathComponent("PriceTables/peering-locations.json"), encoding: .utf8)
    for table in [rateTable, locations] {
      #expect(!table.contains("\"\"\"##") && !table.contains("\\##") && table.hasSuffix("\n"))
    }
    let expected = Self.generatedSources(rateTable: rateTable, locations: locations)
    let folder = root.appendingPathComponent(Self.generatedFolder)
    let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(Self.generatedPrefix) && $0.hasSuffix(".swift")
    }
    var actual: [String: String] = [:]
    for name in present { actual[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
    if ProcessInfo.processInfo.environment["UPDATE_EMBEDDED_TABLES"] != nil {
      if actual != expected {
        for name in present where expected[name] == nil {
          try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        for (name, text) in expected where actual[name] != text {
          try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        Issue.record(
          "Regenerated \(Self.generatedFolder)/\(Self.generatedPrefix)*.swift; rebuild and run the tests again")
      }
      return
    }
    #expect(
      actual == expected,
      "PriceTables/ and the embedded copy drifted: run UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests"
    )
    for (name, text) in expected {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(
        lines.count <= 450 && lines.allSatisfy { $0.count <= Self.maximumWidth }, "\(name) is too long or too wide")
    }
    #expect(EmbeddedPriceTables.rateTable == rateTable)
    #expect(EmbeddedPriceTables.peeringLocations == locations)
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

extension Array {
  /// The elements in consecutive runs of at most `size`.
  fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}
