import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Percentiles of a series keep four significant digits (the lower end of their histogram bucket, up to 0.1% below
/// the samples). Sizing and the burst check take the highest rate a percentile may stand for, so a workload given as
/// a series is never sized below the same workload given as numbers.
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

  @Test func aSeriesSizesLikeTheSameNumbersInTheProfile() throws {
    let directory = try temporaryDirectory("ercalc-percentile-ceiling")
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = try write(Self.series(busy: "800.04e6"), to: directory, "busy.csv")
    let sizing = #""sizing": {"percentile": 95, "targetUtilization": 0.8, "yearlyGrowth": 0}"#
    let regions = #""peeringLocation": "Amsterdam", "targetRegions": ["West Europe", "North Europe", "East US"]"#
    let fromSeries = try write(#"{"schemaVersion": 1, "name": "s", \#(regions), \#(sizing)}"#, to: directory, "s.json")
    // Half the samples are at 800.04 Mbps, so P95 is 800.04 Mbps, read as 800.0 to four digits. The circuit needs
    // 800.04 ÷ 0.8 = 1,000.05 Mbps, more than 1 Gbps: 2 Gbps (at 800.0 it would have been exactly 1 Gbps).
    let measured = try Self.report("size", fromSeries, "--series", series)
    #expect((measured["demand"] as? [String: Any])?["sizingRateBps"] as? Int == 800_040_000)
    #expect(Self.firstBandwidth(measured) == "2 Gbps")
    let basis = (measured["demand"] as? [String: Any])?["basis"] as? [String] ?? []
    #expect(
      basis.contains {
        $0.hasPrefix("percentiles keep four significant digits, so P95 outbound lies between 800 Mbps and 800.1 Mbps")
      }, "\(basis)")
    let fromNumbers = try write(
      #"{"schemaVersion": 1, "name": "n", \#(regions), "traffic": {"peakOutbound": "800.04 Mbps", "peakInbound": "10 Mbps", "monthlyEgress": "100000 GB"}, \#(sizing)}"#,
      to: directory, "n.json")
    #expect(Self.firstBandwidth(try Self.report("size", fromNumbers)) == "2 Gbps")
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
      bursts.first?.hasPrefix("outbound bursts above the recommended 1 Gbps in 50.0% of the samples") == true,
      "\(bursts)")
  }
}
