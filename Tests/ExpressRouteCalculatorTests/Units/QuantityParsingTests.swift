import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct QuantityParsingTests {
  @Test(
    "Bandwidth parsing",
    arguments: [
      ("50Mbps", Int64(50_000_000)), ("1Gbps", 1_000_000_000), ("1 G", 1_000_000_000), ("10G", 10_000_000_000),
      ("500M", 500_000_000), ("1.5 Gbps", 1_500_000_000), ("2000 Mb/s", 2_000_000_000), ("100gbps", 100_000_000_000),
      // All capitals, as order forms write it: bits (only a capital B before a small "ps" is bytes).
      ("1 GBPS", 1_000_000_000),
    ])
  func bandwidthParsing(_ input: String, _ bits: Int64) {
    #expect(Bandwidth(parsing: input)?.bitsPerSecond == bits)
  }

  @Test(
    "Bandwidth rejects",
    arguments: [
      "1", "Gbps", "1 Gbit per s", "-1Gbps", "0Mbps", "1.5bps", "1,5Gbps", "1 0Gbps", "1GB",
      // Bytes per second: 1 GBps is 8 Gbps, never to be read as 1 Gbps.
      "1 GBps", "100 MB/s", "125MBps", "1Bps",
    ])
  func bandwidthRejects(_ input: String) {
    #expect(Bandwidth(parsing: input) == nil)
  }

  @Test func bandwidthDescriptionUsesLargestWholeUnit() {
    #expect(Bandwidth.gbps(10).description == "10 Gbps")
    #expect(Bandwidth.mbps(500).description == "500 Mbps")
    #expect(Bandwidth.mbps(1500).description == "1500 Mbps")
    #expect(Bandwidth.gbps(1) == Bandwidth.mbps(1000))
  }

  @Test(
    "Volume parsing",
    arguments: [
      ("40TB", "40000"), ("500GB", "500"), ("1.5TiB", "1649.267441664"), ("750 MB", "0.75"), ("1 PB", "1000000"),
      ("0GB", "0"),
      ("2gib", "2.147483648"),
    ])
  func volumeParsing(_ input: String, _ gigabytes: String) {
    #expect(DataVolume(parsing: input)?.gigabytes == Fixtures.decimal(gigabytes))
  }

  @Test(
    "Volume rejects",
    arguments: [
      "40", "40T", "TB", "-5GB", "4O TB", "40 000 GB", "1e3GB",
      // Bits: 8000 Gb is 1,000 GB, never to be read as 8,000 GB.
      "8000 Gb", "1000Mb", "1 Tb", "500 Kb", "2 Pb",
    ])
  func volumeRejects(_ input: String) {
    #expect(DataVolume(parsing: input) == nil)
  }

  /// A unit of bits where bytes belong, or bytes per second where bits belong, is named in the message; lower case
  /// (`1000gb`, `1000 mb`) stays bytes, as people write them.
  @Test func unitsOfTheWrongKindAreNamed() {
    #expect(
      DataVolume.unitMistake(in: "8000 Gb")
        == "'8000 Gb' is in Gb, bits; data is metered in bytes: write GB (1 GB = 8 Gb)")
    #expect(DataVolume.unitMistake(in: "8000 GB") == nil && DataVolume.unitMistake(in: "8000gb") == nil)
    #expect(DataVolume(parsing: "1000gb")?.gigabytes == 1000 && DataVolume(parsing: "1000 mb")?.gigabytes == 1)
    #expect(
      Bandwidth.unitMistake(in: "1 GBps")
        == "'1 GBps' is in bytes per second; ExpressRoute bandwidths are bits per second: write Gbps")
    #expect(Bandwidth.unitMistake(in: "1Gbit") == "'1Gbit' is an amount of data, not a rate per second")
    #expect(Bandwidth.unitMistake(in: "1 Gbps") == nil && Bandwidth.unitMistake(in: "1 GBPS") == nil)
    // In a file, the JSON path and the same words.
    let json =
      #"{"circuits": [{"name": "c", "zone": "Zone 1", "tier": "Standard", "billing": "MeteredData", "#
      + #""bandwidth": "1 Gbps", "egress": "8000 Gb"}]}"#
    let error = #expect(throws: Diagnostic.self) { try Deployment(json: Data(json.utf8), file: "d.json") }
    #expect(
      error?.description.contains("circuits[0].egress: '8000 Gb' is in Gb, bits") == true,
      "\(String(describing: error))")
  }

  @Test func capacityOfOneMbpsOver730HoursIs328Point5GB() throws {
    // 1,000,000 bit/s × 730 h × 3600 s / 8 = 328,500,000,000 bytes = 328.5 GB
    let engine = try Fixtures.engine()
    #expect(engine.monthlyCapacity(of: .mbps(1)).gigabytes == Fixtures.decimal("328.5"))
  }

  @Test func volumeDescriptionNeverEndsInAPoint() {
    // 161,051,000,400,000 bytes = 161,051.0004 GB: to three decimals 161,051.000, trailing zeros stripped, and then the
    // point too: "161,051 GB" (it printed "161,051. GB"). 0.0004 GB rounds to 0.000: "0 GB". 1.25 GB keeps "1.25 GB".
    #expect(DataVolume(bytes: 161_051_000_400_000).description == "161,051 GB")
    #expect(DataVolume(bytes: 400_000).description == "0 GB")
    #expect(DataVolume(bytes: 1_250_000_000).description == "1.25 GB")
    #expect(DataVolume(bytes: 1_250_400_000).description == "1.25 GB")
    #expect(DataVolume.gigabytes(161_051).description == "161,051 GB")
  }

  @Test func namesMatchIgnoringCaseAndSeparators() {
    #expect(GatewaySKU(name: "ergw1az") == .erGw1AZ)
    #expect(GatewaySKU(name: "ErGw-Scale") == .erGwScale)
    #expect(Zone(name: "zone 2") == .zone2)
    #expect(Zone(name: "US Gov Zone 1") == .usGovZone1)
    #expect(BillingFamily(name: "metered") == .metered)
    #expect(
      CircuitTier.invalidNameMessage("Premum")
        == "'Premum' is not a known circuit SKU tier (expected 'Local', 'Standard' or 'Premium'); did you mean 'Premium'?"
    )
  }
}
