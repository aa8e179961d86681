import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Percentiles of a series keep four significant digits (the lower end of their histogram bucket, up to 0.1% below
/// the samples). Sizing uses them as read and says when the samples may need the next size; the burst check counts
/// every sample that may lie above the bandwidth.
@Suite struct SeriesPercentileCeilingTests {
  /// Five-minute samples for January 2027 (31 × 288 = 8,928): `busy` bit/s outbound from 00:00 to 11:55 each day,
  /// 100 Mbps after; 10 Mbps inbound.
  static func series(busy: String) -> String {
    var csv = "Time,BitsInPerSecond,BitsOutPerSecond\n"
    for day in 1...31 {
      for step in 0..<288 {
        let time = String(format: "2027-01-%02dT%02d:%02d:00Z", day, step / 12, step % 12 * 5)
        csv += "\(time),1e7,\(step < 144 ? busy : "1e8")\n"
      }
    }
    return csv
  }

  static func report(_ arguments: String...) throws -> [String: Any] {
    let run = ercalc(arguments + ["--format", "json"])
    #expect(run.status == .success, "\(run.errors)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
  }

  static func firstBandwidth(_ report: [String: Any]) -> String? {
    ((report["plan"] as? [[String: Any]])?.first)?["bandwidth"] as? String
  }

  @Test func aPercentileJustUnderASizeSaysTheNextSizeMayBeNeeded() throws {
    let directory = try temporaryDirectory("ercalc-percentile-ceiling")
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = try write(Self.series(busy: "800.04e6"), to: directory, "busy.csv")
    let sizing = #""sizing": {"percentile": 95, "targetUtilization": 0.8, "yearlyGrowth": 0}"#
    let regions = #""peeringLocation": "Amsterdam", "targetRegions": ["West Europe", "North Europe", "East US"]"#
    let fromSeries = try write(#"{"schemaVersion": 1, "name": "s", \#(regions), \#(sizing)}"#, to: directory, "s.json")
    // Half the samples are at 800.04 Mbps, so P95 is 800.04 Mbps, read as 800.0 to four digits: 800.0 ÷ 0.8 = 1 Gbps
    // exactly. The samples may reach 800.04 (the series' maximum), which needs 800.04 ÷ 0.8 = 1,000.05 Mbps, 0.005%
    // above 1 Gbps: within the reading's precision, sized at 800.0, and the note says so.
    let measured = try Self.report("size", fromSeries, "--series", series)
    #expect((measured["demand"] as? [String: Any])?["sizingRateBps"] as? Int == 800_000_000)
    #expect(Self.firstBandwidth(measured) == "1 Gbps")
    let notes = measured["notes"] as? [String] ?? []
    #expect(
      notes.contains {
        $0.hasPrefix("P95 outbound is read to four significant digits as 800 Mbps; the samples it stands for may reach")
          && $0.contains("above 1 Gbps by at most 0.005%")
      }, "\(notes)")
    // Given as numbers, 800.04 Mbps is exact: 1,000.05 Mbps needs 2 Gbps, as the note warned.
    let fromNumbers = try write(
      #"{"schemaVersion": 1, "name": "n", \#(regions), "traffic": {"peakOutbound": "800.04 Mbps", "peakInbound": "10 Mbps", "monthlyEgress": "100000 GB"}, \#(sizing)}"#,
      to: directory, "n.json")
    #expect(Self.firstBandwidth(try Self.report("size", fromNumbers)) == "2 Gbps")
    // Exact data sizes as read with no note: 400 Mbps throughout ÷ 0.8 = 500 Mbps.
    let exact = try write(
      Self.series(busy: "4e8").replacingOccurrences(of: ",1e8\n", with: ",4e8\n"), to: directory, "x.csv")
    let flat = try Self.report("size", fromSeries, "--series", exact)
    #expect(Self.firstBandwidth(flat) == "500 Mbps")
    #expect(!((flat["notes"] as? [String]) ?? []).contains { $0.contains("four significant digits") })
  }

  @Test func samplesJustAboveTheBandwidthAreBursts() throws {
    let directory = try temporaryDirectory("ercalc-percentile-bursts")
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = try write(Self.series(busy: "1000.9e6"), to: directory, "busy.csv")
    // Sized on a stated 900 Mbps at 90%: 1 Gbps. Half the samples (1000.9 Mbps) lie above it, though their
    // percentiles read 1,000 Mbps to four digits: the burst finding says 50.0% (the busiest tenth is all above).
    let profile = try write(
      #"{"schemaVersion": 1, "name": "b", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe", "North Europe", "East US"], "traffic": {"peakOutbound": "900 Mbps", "peakInbound": "10 Mbps"}, "sizing": {"targetUtilization": 0.9, "yearlyGrowth": 0}}"#,
      to: directory, "b.json")
    let report = try Self.report("size", profile, "--series", series)
    #expect(Self.firstBandwidth(report) == "1 Gbps")
    let bursts = report["bursts"] as? [String] ?? []
    #expect(
      bursts.first?.hasPrefix("outbound bursts above the recommended 1 Gbps in up to 50.0% of the samples") == true,
      "\(bursts)")
  }
}
