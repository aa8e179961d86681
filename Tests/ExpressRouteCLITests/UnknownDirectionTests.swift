import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// A series with no value in one direction does not size that direction as 0 bit/s: its traffic is unknown.
@Suite struct UnknownDirectionTests {
  @Test func aDirectionWithoutValuesIsRefusedUnlessTheProfileGivesIt() throws {
    let directory = try temporaryDirectory("ercalc-unknown-direction")
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = directory.appendingPathComponent("inbound-only.csv").path
    // Three 5-minute samples with inbound rates and empty outbound cells.
    try """
    Time,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-03-01T00:00:00Z,ams,1000,
    2026-03-01T00:05:00Z,ams,2000,
    2026-03-01T00:10:00Z,ams,3000,

    """.write(toFile: series, atomically: true, encoding: .utf8)
    func profile(_ traffic: String) throws -> String {
      let path = directory.appendingPathComponent("profile.json").path
      try
        #"{"schemaVersion": 1, "name": "x", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams"\#(traffic)}}"#
        .write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let refused = ercalc("size", try profile(""), "--series", series)
    #expect(refused.status == .dataError)
    #expect(
      refused.errors.contains(
        "error: series 'ams' has no outbound values (3 samples, none with an outbound rate): its outbound traffic is unknown, not zero"
      ))
    // Given in the profile, the outbound side is the profile's: 200 Mbps and 5,000 GB a month.
    let given = ercalc(
      "size", try profile(#", "peakOutbound": "200Mbps", "monthlyEgress": "5TB""#), "--series", series)
    #expect(given.status == .success, "\(given.errors)")
    #expect(given.output.contains("Outbound data:      5,000 GB/month now"))
  }
}
