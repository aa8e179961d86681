import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

@Suite struct SizeCommandTests {
  @Test func sizesFromASeriesReferencedByTheProfile() {
    let result = ercalc("size", fixture("sizing-profile.json"), "--format", "json")
    #expect(result.status == .success)
    // ams outbound: 12 h × 400 Mbps + 12 h × 100 Mbps a day = 2,700 GB/day; January 31 days = 83,700 GB,
    // scaled to 730 h: 83,700 × 730 / 744 = 82,125 GB. P95 = 400 Mbps; ÷ 0.8 → 500 Mbps needed now.
    #expect(result.output.contains("\"monthlyEgressGB\": \"82125\""))
    #expect(result.output.contains("\"sizingRateBps\": 400000000"))
    #expect(result.output.contains("\"p95Bps\": 400000000"))
    #expect(result.output.contains("{\n          \"month\": \"2026-01\",\n          \"gigabytes\": \"83700\","))
    Golden.check(result.output, file: snapshotFile("sizing.json"))
  }

  @Test("Sizing report in every format", arguments: ["text", "markdown", "csv", "html"])
  func everyFormat(_ format: String) {
    let result = ercalc("size", fixture("sizing-profile.json"), "--format", format, "--start", "2027-01", "--quiet")
    #expect(result.status == .success)
    #expect(result.errors.isEmpty)
    Golden.check(result.output, file: snapshotFile("sizing.\(format)"))
  }

  @Test func severalCircuitsNeedAChoice() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-size-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = directory.appendingPathComponent("p.json").path
    try #"{"peeringLocation": "Amsterdam"}"#.write(toFile: profile, atomically: true, encoding: .utf8)
    let unchosen = ercalc("size", profile, "--series", fixture("two-circuits.csv"))
    #expect(unchosen.status == .usage)
    #expect(
      unchosen.errors.hasPrefix(
        "Error: The series holds 2 circuits ('ams', 'lon'); choose one with --circuit <name> or \"seriesCircuit\" in the profile.\n"
      ))
    let wrong = ercalc("size", profile, "--series", fixture("two-circuits.csv"), "--circuit", "nope")
    #expect(wrong.status == .dataError)
    #expect(wrong.errors == "error: the series has no circuit 'nope' (it has 'ams', 'lon')\n")
    let chosen = ercalc(
      "size", profile, "--series", fixture("two-circuits.csv"), "--circuit", "lon", "--format", "json")
    #expect(chosen.status == .success)
    // lon: 10 Mbps always; January = 10⁷ × 744 h × 3600 s ÷ 8 = 3,348 GB.
    #expect(chosen.output.contains("\"gigabytes\": \"3348\""))
  }

  @Test func badSeriesReportsLineAndColumn() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-size-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = directory.appendingPathComponent("bad.csv").path
    try "Time,BitsOutPerSecond\n2026-01-01T00:00:00Z,5\n2026-01-01T00:01:00Z,five\n".write(
      toFile: series, atomically: true, encoding: .utf8)
    let profile = directory.appendingPathComponent("p.json").path
    try #"{"peeringLocation": "Amsterdam", "gateways": 0}"#.write(toFile: profile, atomically: true, encoding: .utf8)
    let result = ercalc("size", profile, "--series", series)
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(series):3:22: error: 'five' is not a number in column 'BitsOutPerSecond' (expected bits per second, such as 125000000)\n"
    )
    let noTraffic = ercalc("size", profile)
    #expect(noTraffic.status == .dataError)
    #expect(
      noTraffic.errors
        == "\(profile):1:1: error: the profile needs traffic: 'peakOutbound' (and 'monthlyEgress') under 'traffic', or series files ('traffic.series') (or pass them with --series)\n"
    )
  }

  @Test func profileErrorsNameThePath() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-size-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = directory.appendingPathComponent("p.json").path
    try #"{"peeringLocation": "Amsterdam", "sizing": {"percentile": 90}}"#.write(
      toFile: profile, atomically: true, encoding: .utf8)
    let result = ercalc("size", profile)
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(profile):1:59: error: sizing.percentile: 90 is not a supported percentile (expected 50, 95, 99 or 100 for the maximum)\n"
    )
  }
}

@Suite struct SeriesMatchTests {
  @Test func sizeAndAuditMatchSeriesByOneRule() {
    // two-circuits.csv names its circuits 'ams' and 'lon'; 'AMS', ' ams ' and a resource ID ending in 'ams' all select 'ams'.
    for wanted in [
      "AMS", " ams ", "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/expressRouteCircuits/ams",
    ] {
      let result = ercalc("size", fixture("sizing-profile.json"), "--circuit", wanted, "--quiet", "--format", "json")
      #expect(result.status == .success, "\(wanted): \(result.errors)")
      #expect(result.output.contains("\"circuit\": \"ams\""))
    }
  }

  /// The plan that starts from the current circuit is called "keeping" it only when it keeps it: a billing switch in
  /// place in month 1 is named as the change it is, with its cost.
  @Test func aCurrentCircuitChangedInPlaceIsNotCalledKept() throws {
    let directory = try temporaryDirectory("ercalc-keeping")
    defer { try? FileManager.default.removeItem(at: directory) }
    // 250,000 GB a month out of a Standard MeteredData 1 Gbps circuit at Amsterdam (Zone 1), 300 Mbps peaks.
    let profile = try write(
      #"{"schemaVersion": 1, "name": "m", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"peakOutbound": "300 Mbps", "peakInbound": "10 Mbps", "monthlyEgress": "250000 GB"}, "sizing": {"horizonMonths": 12, "yearlyGrowth": 0}, "gateways": 0, "redundancy": {"mode": "single"}, "current": {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps"}}"#,
      to: directory, "m.json")
    let result = ercalc("size", profile)
    #expect(result.status == .success, "\(result.errors)")
    let text = result.output.replacingOccurrences(of: "\n  ", with: " ")
    // Kept metered: 12 × (436.00 + 250,000 × 0.025) = 12 × 6,686.00 = 80,232.00. Switched in place to UnlimitedData:
    // 12 × 5,700.00 = 68,400.00, which is not "keeping" it.
    #expect(!text.contains("keeping the current Standard MeteredData 1 Gbps circuit 68,400.00"), "\(text)")
    #expect(
      text.contains(
        "changing the current Standard MeteredData 1 Gbps circuit in place to Standard UnlimitedData 1 Gbps 68,400.00"),
      "\(text)")
  }

  /// With no hub or target region, the gateway is weighed in the location's first local region, as `compare` does:
  /// ErGwScale, not offered in West Europe, is not recommended at Amsterdam, and a note says where it was assumed.
  @Test func aGatewayWithoutARegionIsWeighedInTheLocalRegion() throws {
    let directory = try temporaryDirectory("ercalc-gateway-region")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(
      #"{"schemaVersion": 1, "name": "g", "peeringLocation": "Amsterdam", "traffic": {"peakOutbound": "300 Mbps", "peakInbound": "10 Mbps", "monthlyEgress": "98550 GB"}, "sizing": {"yearlyGrowth": 0}}"#,
      to: directory, "g.json")
    let result = ercalc("size", profile)
    #expect(result.status == .success, "\(result.errors)")
    let text = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(text.contains("with ErGw1AZ gateway"), "\(text)")
    #expect(text.contains("ErGwScale                                      rejected: not offered in West Europe"))
    #expect(
      text.contains(
        "no hub or target region is given, so the gateway is assumed in West Europe, Amsterdam's first local region"))
    // The VPN break-even against Standard MeteredData 500 Mbps (290.00) with ErGw1AZ (263.53), as compare --with-vpn
    // has it: 553.53 + 0.025 V = VpnGw1AZ 153.30 + 0.087 (V − 100) → 0.062 V = 408.93 → V = 6,595.6, shown rounded up.
    // Said against the plan's circuit (compare weighs the cheapest option at each volume, which may differ).
    #expect(
      text.contains(
        "against the plan's Standard 500 Mbps circuit: a VPN over the internet is cheaper below 6,596 GB a month"))
  }

  /// Over 10 Gbps with the Direct port price supplied, the refusal says what the Direct design costs and how to price
  /// it, instead of asking again for the price that was given.
  @Test func aPricedDirectDesignIsNamedWithItsCost() throws {
    let directory = try temporaryDirectory("ercalc-direct-priced")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(
      #"{"schemaVersion": 1, "name": "dir", "peeringLocation": "Frankfurt", "targetRegions": ["Germany West Central"], "traffic": {"peakOutbound": "16 Gbps", "peakInbound": "2 Gbps", "monthlyEgress": "1000 TB"}, "sizing": {"yearlyGrowth": 0, "horizonMonths": 12}, "gateways": 1}"#,
      to: directory, "dir.json")
    let overrides = try write(
      #"{"schemaVersion": 1, "kind": "override", "currency": "USD", "sources": [{"id": "c1", "title": "Illustrative Direct rates", "date": "2026-11-01"}], "directPorts": {"source": "c1", "confidence": "ESTIMATE", "rows": [{"portSpeed": "100 Gbps", "billing": "MeteredData", "monthly": "30000.00"}]}}"#,
      to: directory, "ports.json")
    let result = ercalc("size", profile, "--overrides", overrides)
    #expect(result.status == .dataError)
    // 16 Gbps ÷ 80% = 20 Gbps: a 100 Gbps metered pair with a Local 40 Gbps circuit (Germany West Central is local to
    // Frankfurt; Local on a pair takes its billing and pays no circuit fee of its own): 30,000.00 a month, 12 × 30,000.00
    // = 360,000.00 over the horizon.
    #expect(
      result.errors.contains(
        "Direct 100 Gbps pair: Local MeteredData 40 Gbps carries it (30,000.00 USD in month 1, 360,000.00 over the horizon"
      ), "\(result.errors)")
    #expect(!result.errors.contains("supply it in an override file"))
  }

  /// Over 100 Gbps no one circuit carries the workload, Direct included: the refusal says so instead of "needs
  /// ExpressRoute Direct".
  @Test func aWorkloadOverAHundredGigabitsNeedsSeveralCircuits() throws {
    let directory = try temporaryDirectory("ercalc-over-100")
    defer { try? FileManager.default.removeItem(at: directory) }
    // 96 Gbps ÷ 80% = 120 Gbps.
    let profile = try write(
      #"{"schemaVersion": 1, "name": "big", "peeringLocation": "Frankfurt", "targetRegions": ["Germany West Central"], "traffic": {"peakOutbound": "96 Gbps", "peakInbound": "1 Gbps", "monthlyEgress": "1000 TB"}, "sizing": {"yearlyGrowth": 0}}"#,
      to: directory, "big.json")
    let result = ercalc("size", profile)
    #expect(result.status == .dataError)
    #expect(result.errors.contains("it needs 120 Gbps by the end of the horizon"), "\(result.errors)")
    #expect(result.errors.contains("so no one circuit carries it: split the workload over several circuits"))
  }
}
