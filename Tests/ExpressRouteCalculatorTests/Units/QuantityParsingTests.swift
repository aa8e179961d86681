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
    ])
  func bandwidthParsing(_ input: String, _ bits: Int64) {
    #expect(Bandwidth(parsing: input)?.bitsPerSecond == bits)
  }

  @Test(
    "Bandwidth rejects",
    arguments: ["1", "Gbps", "1 Gbit per s", "-1Gbps", "0Mbps", "1.5bps", "1,5Gbps", "1 0Gbps", "1GB"])
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

  @Test("Volume rejects", arguments: ["40", "40T", "TB", "-5GB", "4O TB", "40 000 GB", "1e3GB"])
  func volumeRejects(_ input: String) {
    #expect(DataVolume(parsing: input) == nil)
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
