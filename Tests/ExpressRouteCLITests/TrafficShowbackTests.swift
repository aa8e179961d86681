import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic showback`: a shared gateway's monthly cost split by each connection's share of the traffic.
@Suite struct TrafficShowbackTests {
  /// The Metrics Batch fixture's gateway: conn-a carries 1 + 3 Mbit/s, conn-b 2 + 4 Mbit/s, for four hours of March.
  @Test func aBatchSplitsByConnection() {
    let result = ercalc(
      "traffic", "showback", fixture("metrics-batch/batch.json"), "--monthly-cost", "1000")
    #expect(result.status == .success, "\(result.errors)")
    // conn-a: (1e6 + 3e6) bit/s × 14,400 s ÷ 8 = 7.2 GB over 4 hours, × 744 h ÷ 4 h = 1,339.2 GB for March;
    // conn-b: (2e6 + 4e6) × 14,400 ÷ 8 × 186 = 2,008.8 GB. Shares 4 ÷ 10 and 6 ÷ 10 of 1,000.00.
    #expect(
      result.output.hasSuffix(
        """
        Resource  Month    Connection             Traffic (GB)  Share    Cost
        ergw-1    2026-03  ConnectionName=conn-a      1339.200  40.0%  400.00
        ergw-1    2026-03  ConnectionName=conn-b      2008.800  60.0%  600.00

        """))
  }

  /// Equal shares round to cents that add up to the cost; a connection without samples in a month is not measured.
  @Test func roundingAndConnectionsWithoutSamples() throws {
    let directory = try temporaryDirectory("ercalc-showback")
    defer { try? FileManager.default.removeItem(at: directory) }
    var rows = ["Time,Circuit,BitsInPerSecond,BitsOutPerSecond"]
    for connection in ["a", "b", "c"] {
      for hour in ["2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z"] {
        rows.append("\(hour),gw [ConnectionName=\(connection)],1000,1000")
      }
      guard connection != "c" else { continue }
      for hour in ["2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z"] {
        rows.append("\(hour),gw [ConnectionName=\(connection)],1000,1000")
      }
    }
    let path = directory.appendingPathComponent("connections.csv").path
    try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "showback", path, "--monthly-cost", "100", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // April: 2,000 bit/s × 7,200 s ÷ 8 = 1.8 MB each, × 720 h ÷ 2 h = 0.648 GB; 10,000 cents ÷ 3 = 3,333.33… each, the
    // left-over cent to the first. May: c has no samples; a and b (× 744 ÷ 2 = 0.6696 GB) split 100.00 evenly.
    #expect(
      result.output.hasSuffix(
        """
        Resource  Month    Connection        Traffic (GB)  Share   Cost
        gw        2026-04  ConnectionName=a         0.648  33.3%  33.34
        gw        2026-04  ConnectionName=b         0.648  33.3%  33.33
        gw        2026-04  ConnectionName=c         0.648  33.3%  33.33
        gw        2026-05  ConnectionName=a         0.670  50.0%  50.00
        gw        2026-05  ConnectionName=b         0.670  50.0%  50.00
        gw        2026-05  ConnectionName=c  not measured      -   0.00

        """))
  }

  @Test func usageAndDataErrors() {
    #expect(ercalc("traffic", "showback", fixture("metrics-batch/batch.json")).status == .usage)
    #expect(ercalc("traffic", "summarize", fixture("metrics-batch/batch.json"), "--monthly-cost", "5").status == .usage)
    let unsplit = ercalc("traffic", "showback", fixture("metrics-batch/expected.csv"), "--monthly-cost", "5")
    #expect(unsplit.status == .success)
    let none = ercalc("traffic", "showback", fixture("pushdown/result-duckdb.csv"), "--monthly-cost", "5", "--quiet")
    #expect(none.status == .dataError)
    #expect(none.errors.contains("no series split by connection"))
  }
}
