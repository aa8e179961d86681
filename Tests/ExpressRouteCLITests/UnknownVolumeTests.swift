import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// A series too short to know a month's outbound data never sizes, prices or audits a circuit at 0 GB.
@Suite struct UnknownVolumeTests {
  /// Hourly samples at a constant 100 Mbps in and 400 Mbps out for circuit `AMS-ER` from 2026-03-01T00:00Z.
  static func series(hours: Int) -> String {
    var csv = "Time,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
    for hour in 0..<hours {
      let day = String(format: "%02d", hour / 24 + 1)
      csv += "2026-03-\(day)T\(String(format: "%02d", hour % 24)):00:00Z,AMS-ER,1e8,4e8\n"
    }
    return csv
  }

  /// One Standard MeteredData 1 Gbps circuit at Amsterdam, as `az network express-route list -o json` gives it.
  static let estate = #"""
    [{"id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/er-rg/providers/Microsoft.Network/expressRouteCircuits/ams-er",
      "name": "ams-er", "type": "Microsoft.Network/expressRouteCircuits", "location": "westeurope", "resourceGroup": "er-rg",
      "provisioningState": "Succeeded", "serviceProviderProvisioningState": "Provisioned", "expressRoutePort": null,
      "serviceProviderProperties": {"bandwidthInMbps": 1000, "peeringLocation": "Amsterdam", "serviceProviderName": "Equinix"},
      "sku": {"family": "MeteredData", "name": "Standard_MeteredData", "tier": "Standard"}, "peerings": []}]
    """#

  @Test func sizeRefusesToChooseOnAnUnknownVolume() throws {
    let directory = try temporaryDirectory("ercalc-unknown-volume")
    defer { try? FileManager.default.removeItem(at: directory) }
    // 240 hours (10 days) of 2026-03's 744: 240 ÷ 744 = 32.26%, under the 50% a month needs to count. The 10 days
    // alone carried 4×10⁸ × 240 × 3,600 ÷ 8 = 43,200 GB, yet the month was taken as 0 GB: VPN "cheaper below 5,054 GB",
    // MeteredData chosen. Refused as a data error naming the coverage.
    let short = try write(Self.series(hours: 240), to: directory, "ten-days.csv")
    let profile = try write(
      #"{"schemaVersion": 1, "name": "edge", "peeringLocation": "Amsterdam", "targetRegions": ["North Europe"], "sizing": {"percentile": 95, "targetUtilization": "0.8", "yearlyGrowth": "0", "horizonMonths": 12}, "gateways": 1}"#,
      to: directory, "profile.json")
    let refused = ercalc("size", profile, "--series", short, "--circuit", "AMS-ER")
    #expect(refused.status == .dataError, "\(refused.output)")
    #expect(
      refused.errors.contains(
        "error: series 'AMS-ER' covers at most 32.3% of a month (2026-03), too little to know a month's outbound data (a month counts from 50% covered by samples; a month covered less is never scaled up to a whole one); give traffic.monthlyEgress in the profile, or a series covering at least half a month"
      ), "\(refused.errors)")
    #expect(!refused.output.contains("0 GB"))
    // The whole month (744 hours) is measured: 4×10⁸ × 744 × 3,600 ÷ 8 = 133,920 GB, scaled to 730 h = 131,400 GB.
    // P95 400 Mbps ÷ 0.8 = 500 Mbps. MeteredData 290 + 131,400 × 0.025 = 3,575.00 > UnlimitedData 2,750.00.
    let month = try write(Self.series(hours: 744), to: directory, "month.csv")
    let sized = ercalc("size", profile, "--series", month, "--circuit", "AMS-ER", "--format", "json")
    #expect(sized.status == .success, "\(sized.errors)")
    #expect(sized.output.contains("\"monthlyEgressGB\": \"131400\""), "\(sized.output)")
  }

  @Test func auditLeavesACircuitWithAnUnknownVolumeNotAudited() throws {
    let directory = try temporaryDirectory("ercalc-unknown-volume-audit")
    defer { try? FileManager.default.removeItem(at: directory) }
    let estate = try write(Self.estate, to: directory, "estate.json")
    // 240 ÷ 744 = 32.3% of 2026-03: it printed "Today, month 1: 436.00" against "Recommended, month 1: 290.00" for a
    // metered circuit, both without its data charge. Not audited, with the reason.
    let short = try write(Self.series(hours: 240), to: directory, "ten-days.csv")
    let text = ercalc("audit", "--from", estate, "--series", short)
    #expect(text.status == .success, "\(text.errors)")
    #expect(!text.output.contains("290.00"), "\(text.output)")
    #expect(
      text.output.contains(
        "Not audited: series 'AMS-ER' covers at most 32.3% of a month (2026-03), too little to know a month's\n"),
      "\(text.output)")
    #expect(text.output.contains("Audited:                 0\n"))
    let json = ercalc("audit", "--from", estate, "--series", short, "--format", "json")
    #expect(json.status == .success, "\(json.errors)")
    #expect(
      json.output.contains(
        "\"skippedReason\": \"series 'AMS-ER' covers at most 32.3% of a month (2026-03), too little to know a month's outbound data (a month counts from 50% covered by samples; a month covered less is never scaled up to a whole one); a series covering at least half a month audits it\""
      ), "\(json.output)")
    // A whole month is audited: 131,400 GB a month (as above), so UnlimitedData 500 Mbps at 2,750.00 a month beats
    // MeteredData 500 Mbps at 290 + 131,400 × 0.025 = 3,575.00.
    let month = try write(Self.series(hours: 744), to: directory, "month.csv")
    let audited = ercalc("audit", "--from", estate, "--series", month, "--format", "json")
    #expect(audited.status == .success, "\(audited.errors)")
    #expect(audited.output.contains("\"recommended\": \"Standard UnlimitedData 500 Mbps\""), "\(audited.output)")
    #expect(audited.output.contains("\"skippedReason\": null"), "\(audited.output)")
  }

  /// A profile of peak rates alone at Amsterdam (400 Mbps out, 100 Mbps in, one gateway): no outbound volume.
  static let peaksOnly =
    #"{"schemaVersion": 1, "name": "peaks", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"peakOutbound": "400 Mbps", "peakInbound": "100 Mbps"}, "gateways": 1}"#

  /// `ercalc size PROFILE --format json`, which must succeed, as a JSON object.
  static func sizedJSON(_ profile: String, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
    throws -> [String: Any]
  {
    let json = ercalc(["size", profile, "--format", "json"] + arguments)
    #expect(json.status == .success, "\(json.errors)", sourceLocation: sourceLocation)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], sourceLocation: sourceLocation)
  }

  /// A profile of peak rates alone gives no volume: the report says so (JSON null, never 0 GB) and no VPN verdict is
  /// made, since a VPN is priced by its volume (at 0 GB it would always look cheaper).
  @Test func peaksWithoutAVolumeMakeNoVPNVerdict() throws {
    let directory = try temporaryDirectory("ercalc-unknown-volume-peaks")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(Self.peaksOnly, to: directory, "profile.json")
    let report = try Self.sizedJSON(profile)
    #expect((report["demand"] as? [String: Any])?["monthlyEgressGB"] is NSNull)
    #expect(report["vpnAlternative"] == nil || report["vpnAlternative"] is NSNull, "\(report)")
    let text = ercalc("size", profile)
    #expect(text.output.contains("Outbound data:      not given or measured (the metered data charge is not priced)"))
    #expect(text.output.contains("ExpressRoute and a VPN over the internet were not compared"))
    #expect(!text.output.contains("VPN over the internet:"))
  }

  /// MeteredData wins every comparison at 0 GB; with no volume the recommendation says up to which volume it holds.
  @Test func peaksWithoutAVolumeSayWhereTheBillingModelTurns() throws {
    let directory = try temporaryDirectory("ercalc-unknown-volume-billing")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(Self.peaksOnly, to: directory, "profile.json")
    // 400 Mbps ÷ 80% = 500 Mbps: Standard MeteredData 500 Mbps at Zone 1, 290.00 a month. The cheapest UnlimitedData
    // option that fits is Local UnlimitedData 1 Gbps (West Europe is local to Amsterdam) at 1,200.00. Outbound data
    // costs 0.025 per GB in Zone 1: (1,200.00 − 290.00) ÷ 0.025 = 36,400 GB a month, of the 500 Mbps circuit's
    // one-way capacity 500e6 × 730 × 3600 ÷ 8 = 164,250 GB: 36,400 ÷ 164,250 = 22.2%.
    let report = try Self.sizedJSON(profile)
    let condition = try #require(report["billingCondition"] as? [String: Any])
    #expect(condition["recommended"] as? String == "Standard MeteredData 500 Mbps")
    #expect(condition["alternative"] as? String == "Local UnlimitedData 1 Gbps")
    #expect(condition["alternativeMonthly"] as? String == "1200.00")
    #expect(condition["breakEvenGB"] as? String == "36400")
    #expect(condition["decided"] as? Bool == false)
    let text = ercalc("size", profile).output.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("only below 36,400 GB of outbound data a month (22% of its one-way capacity)"), "\(text)")
    // The runner-ups: a metered option's 290.00 leaves out its data; against UnlimitedData the difference depends on
    // the volume (among metered options the same volume at the same 0.025/GB cancels out).
    #expect(text.contains("Standard MeteredData 500 Mbps    290.00 + data   3,480.00 + data               same"))
    #expect(text.contains("Local UnlimitedData 1 Gbps            1,200.00         14,400.00  depends on volume"))
    let candidates = report["candidates"] as? [[String: Any]] ?? []
    let metered = candidates.first { $0["option"] as? String == "Standard MeteredData 500 Mbps" }
    let unlimited = candidates.first { $0["option"] as? String == "Local UnlimitedData 1 Gbps" }
    #expect(metered?["excludesOutboundData"] as? Bool == true && unlimited?["excludesOutboundData"] as? Bool == false)
    // An 80% discount on outbound data alone: 0.025 × 0.2 = 0.005 per GB, (1,200.00 − 290.00) ÷ 0.005 = 182,000 GB,
    // 182,000 ÷ 164,250 = 110.8% of capacity: MeteredData costs less at any volume the circuit carries.
    let decided = try Self.sizedJSON(profile, "--discount", "egress=80%")
    let held = try #require(decided["billingCondition"] as? [String: Any])
    #expect(held["breakEvenGB"] as? String == "182000")
    #expect(held["decided"] as? Bool == true)
    // With the volume given, nothing rests on an unknown: no condition.
    let given = try write(
      #"{"schemaVersion": 1, "name": "given", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"peakOutbound": "400 Mbps", "peakInbound": "100 Mbps", "monthlyEgress": "10000 GB"}, "gateways": 1}"#,
      to: directory, "given.json")
    #expect(try Self.sizedJSON(given)["billingCondition"] is NSNull)
  }

  /// With growth the month-1 circuit does not carry the whole horizon, yet the condition is still stated, from the
  /// fee billed in month 1.
  @Test func aGrowingPeaksOnlyProfileStillSaysWhereTheBillingModelTurns() throws {
    let directory = try temporaryDirectory("ercalc-unknown-volume-growth")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = try write(
      #"{"schemaVersion": 1, "name": "g", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"peakOutbound": "300 Mbps", "peakInbound": "50 Mbps"}, "sizing": {"yearlyGrowth": "1.0", "horizonMonths": 24}}"#,
      to: directory, "g.json")
    let report = try Self.sizedJSON(profile)
    let condition = try #require(report["billingCondition"] as? [String: Any], "\(report)")
    // 300 Mbps ÷ 80% = 375 Mbps: Standard MeteredData 500 Mbps, 290.00 in month 1. Doubling each year for 24 months,
    // 375 × 4 = 1.5 Gbps: the cheapest UnlimitedData option held unchanged is Local UnlimitedData 2 Gbps, 2,200.00.
    // (2,200.00 − 290.00) ÷ 0.025 = 76,400 GB.
    #expect(condition["alternative"] as? String == "Local UnlimitedData 2 Gbps")
    #expect(condition["breakEvenGB"] as? String == "76400")
  }
}
