import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic showback`: a shared gateway's and circuit's monthly cost, priced by ercalc or typed, split by each
/// connection's share of the traffic.
@Suite struct TrafficShowbackTests {
  /// The Metrics Batch fixture's gateway: conn-a carries 1 + 3 Mbit/s, conn-b 2 + 4 Mbit/s, for four hours of March.
  @Test func aTypedCostSplitsByConnection() {
    let result = ercalc(
      "traffic", "showback", fixture("metrics-batch/batch.json"), "--monthly-cost", "1000")
    #expect(result.status == .success, "\(result.errors)")
    // conn-a: (1e6 + 3e6) bit/s × 14,400 s ÷ 8 = 7.2 GB over 4 hours, × 744 h ÷ 4 h = 1,339.2 GB for March;
    // conn-b: (2e6 + 4e6) × 14,400 ÷ 8 × 186 = 2,008.8 GB. Shares 4 ÷ 10 and 6 ÷ 10 of 1,000.00.
    #expect(result.output.contains("a typed monthly cost, not priced by ercalc"))
    #expect(result.output.contains("ergw-1    2026-03  ConnectionName=conn-a      1339.200  40.0%  400.00\n"))
    #expect(result.output.contains("ergw-1    2026-03  ConnectionName=conn-b      2008.800  60.0%  600.00\n"))
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
    let result = ercalc("traffic", "showback", path, "--monthly-cost", "100", "--quiet", "--format", "csv")
    #expect(result.status == .success, "\(result.errors)")
    // April: 2,000 bit/s × 7,200 s ÷ 8 = 1.8 MB each, × 720 h ÷ 2 h = 0.648 GB; 10,000 cents ÷ 3 = 3,333.33… each, the
    // left-over cent to the first. May: c has no samples; a and b (× 744 ÷ 2 = 0.6696 GB) split 100.00 evenly.
    #expect(
      result.output
        == """
        Month,Resource,Connection,TrafficGB,Share,Charge,Cost,Currency,x_Status,x_UnpricedReason\r
        2026-04,gw,ConnectionName=a,0.648,0.333333,monthly cost,33.34,,priced,\r
        2026-04,gw,ConnectionName=b,0.648,0.333333,monthly cost,33.33,,priced,\r
        2026-04,gw,ConnectionName=c,0.648,0.333333,monthly cost,33.33,,priced,\r
        2026-05,gw,ConnectionName=a,0.670,0.5,monthly cost,50.00,,priced,\r
        2026-05,gw,ConnectionName=b,0.670,0.5,monthly cost,50.00,,priced,\r
        2026-05,gw,ConnectionName=c,,,monthly cost,0.00,,priced,\r

        """)
  }

  /// The shared circuit and gateway priced by ercalc from a deployment file, each line split by connection: the
  /// `az monitor metrics list` fixture of a gateway split by ConnectionName, with a connection without samples.
  @Test func aDeploymentPricedAndSplit() {
    let result = ercalc(
      "traffic", "showback", fixture("showback/az-gateway-connections.json"), "--deployment",
      fixture("showback/deployment.json"), "--format", "csv", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // Priced on the built-in table: Standard metered 1 Gbps Zone 1 = 436.00 a month; ErGw1AZ 0.361 × 730 h = 263.53.
    // Traffic over 2 h of April (720 h, so × 360): conn-a (1e6 + 2e6) bit/s × 7,200 s ÷ 8 = 2.7 GB → 972 GB;
    // conn-b (1e6 + 0) → 0.9 GB → 324 GB; conn-c has no samples (share 0). Shares 972 ÷ 1,296 = 0.75 and 0.25.
    // Circuit: 43,600 cents × 0.75 = 32,700, × 0.25 = 10,900. Gateway: 26,353 × 0.75 = 19,764.75 → 19,764,
    // × 0.25 = 6,588.25 → 6,588, the cent left to the larger remainder (.75): 197.65 and 65.88 (sum 263.53).
    // conn-a 327.00 + 197.65 = 524.65, conn-b 109.00 + 65.88 = 174.88: 699.53, the priced total.
    let circuit = "\"circuit 'er-ams': Standard MeteredData 1 Gbps circuit, Zone 1 (1 month)\""
    let gateway = "gateway 'ergw-hub': ErGw1AZ gateway (730 h)"
    #expect(
      result.output
        == """
        Month,Resource,Connection,TrafficGB,Share,Charge,Cost,Currency,x_Status,x_UnpricedReason\r
        2026-04,ergw-hub,ConnectionName=conn-a,972.000,0.75,\(circuit),327.00,USD,priced,\r
        2026-04,ergw-hub,ConnectionName=conn-a,972.000,0.75,\(gateway),197.65,USD,priced,\r
        2026-04,ergw-hub,ConnectionName=conn-b,324.000,0.25,\(circuit),109.00,USD,priced,\r
        2026-04,ergw-hub,ConnectionName=conn-b,324.000,0.25,\(gateway),65.88,USD,priced,\r
        2026-04,ergw-hub,ConnectionName=conn-c,,,\(circuit),0.00,USD,priced,\r
        2026-04,ergw-hub,ConnectionName=conn-c,,,\(gateway),0.00,USD,priced,\r
        ,,,,,"circuit 'er-ams': Metered outbound data, Zone 1, quantity unknown",,USD,unpriced,"outbound data per month not given (MeteredData charges every GB out; give the volume, or measure it from traffic); in no connection's cost"\r

        """)
    // The metered data charge has no volume: listed, split to nobody, and said on standard error.
    #expect(result.errors.contains("1 charge could not be priced"))
  }

  /// The JSON document carries the price date, the lines, the unpriced charge and each row's per-line costs.
  @Test func jsonCarriesLinesRowsAndTheUnpriced() throws {
    let result = ercalc(
      "traffic", "showback", fixture("showback/az-gateway-connections.json"), "--deployment",
      fixture("showback/deployment.json"), "--format", "json", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "ercalc.showback")
    #expect(object["priceDate"] as? String == "2026-07-21")
    // 436.00 + 263.53 (as in aDeploymentPricedAndSplit).
    #expect(object["total"] as? String == "699.53")
    #expect((object["unpriced"] as? [String])?.count == 1)
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(
      rows.map { $0["costs"] as? [String] ?? [] } == [["327.00", "197.65"], ["109.00", "65.88"], ["0.00", "0.00"]])
    #expect(rows.map { $0["cost"] as? String ?? "" } == ["524.65", "174.88", "0.00"])
    #expect(rows[2]["share"] is NSNull)
  }

  /// Each row carries its outbound share (what outbound-data lines are split by) beside the in + out share, as an
  /// exact decimal; a connection measured in but not out has none.
  @Test func jsonCarriesEachConnectionsOutboundShare() throws {
    let directory = try temporaryDirectory("ercalc-showback-outbound")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("connections.csv").path
    try """
    Time,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-04-01T00:00:00Z,gw [ConnectionName=a],3000,1000
    2026-04-01T01:00:00Z,gw [ConnectionName=a],3000,1000
    2026-04-01T00:00:00Z,gw [ConnectionName=b],1000,3000
    2026-04-01T01:00:00Z,gw [ConnectionName=b],1000,3000
    2026-04-01T00:00:00Z,gw [ConnectionName=c],4000,
    2026-04-01T01:00:00Z,gw [ConnectionName=c],4000,

    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc("traffic", "showback", path, "--monthly-cost", "90", "--format", "json", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    // In + out: a 3,000 + 1,000, b 1,000 + 3,000, c 4,000 + nothing = 4,000 bit/s each over the same 2 h: 1/3 each
    // (0.333333). Outbound: a 1,000 and b 3,000 of 4,000 bit/s: 0.25 and 0.75; c sent nothing measured: null.
    #expect(rows.map { $0["share"] as? String } == ["0.333333", "0.333333", "0.333333"])
    #expect(rows.map { $0["outboundShare"] as? String } == ["0.25", "0.75", nil])
    #expect(rows[2]["outboundShare"] is NSNull)
    // The typed cost is split by in + out: 9,000 cents ÷ 3 = 3,000 each.
    #expect(rows.map { $0["cost"] as? String } == ["30.00", "30.00", "30.00"])
  }

  /// The same configuration from quote's circuit and gateway options: the same split, itemised with the price date, the
  /// unpriced egress listed and the connection without samples named.
  @Test func quoteOptionsPricedAndSplit() {
    let result = ercalc(
      "traffic", "showback", fixture("showback/az-gateway-connections.json"), "--location", "Amsterdam",
      "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // As in aDeploymentPricedAndSplit: 436.00 + 263.53 = 699.53, split 327.00 + 197.65 and 109.00 + 65.88.
    #expect(result.output.contains("Price date:      2026-07-21\n"))
    #expect(result.output.contains("[2]   gateway 'gateway': ErGw1AZ gateway (730 h)"))
    let lines = result.output.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("      Total ") && $0.hasSuffix(" 699.53") })
    #expect(result.output.contains("- circuit 'circuit': Metered outbound data, Zone 1, quantity unknown"))
    #expect(
      result.output.contains(
        "ergw-hub  2026-04  ConnectionName=conn-a       972.000  75.0%  327.00  197.65  524.65\n"
          + "ergw-hub  2026-04  ConnectionName=conn-b       324.000  25.0%  109.00   65.88  174.88\n"
          + "ergw-hub  2026-04  ConnectionName=conn-c  not measured      -    0.00    0.00    0.00\n"))
    #expect(
      result.output.contains("- ergw-hub ConnectionName=conn-c: no samples in 2026-04: not measured, so given share 0"))
  }

  @Test func usageAndDataErrors() {
    let series = fixture("showback/az-gateway-connections.json")
    #expect(ercalc("traffic", "showback", fixture("metrics-batch/batch.json")).status == .usage)
    #expect(ercalc("traffic", "summarize", fixture("metrics-batch/batch.json"), "--monthly-cost", "5").status == .usage)
    #expect(
      ercalc("traffic", "summarize", series, "--deployment", fixture("showback/deployment.json")).status == .usage)
    let both = ercalc(
      "traffic", "showback", series, "--monthly-cost", "5", "--deployment", fixture("showback/deployment.json"))
    #expect(both.status == .usage)
    #expect(both.errors.contains("Give either '--monthly-cost' or the configuration to price"))
    let mixed = ercalc(
      "traffic", "showback", series, "--deployment", fixture("showback/deployment.json"), "--bandwidth", "1G")
    #expect(mixed.status == .usage)
    // Pricing options with a typed cost, and query's options, would be silently ignored: refused.
    #expect(ercalc("traffic", "showback", series, "--monthly-cost", "5", "--prices", series).status == .usage)
    #expect(ercalc("traffic", "showback", series, "--monthly-cost", "5", "--engine", "kql").status == .usage)
    #expect(ercalc("traffic", "showback", series).errors.contains("Missing the cost to split"))
    let unsplit = ercalc("traffic", "showback", fixture("metrics-batch/expected.csv"), "--monthly-cost", "5")
    #expect(unsplit.status == .success)
    let none = ercalc("traffic", "showback", fixture("pushdown/result-duckdb.csv"), "--monthly-cost", "5", "--quiet")
    #expect(none.status == .dataError)
    #expect(none.errors.contains("no series split by connection"))
  }

  /// A priced showback splits one gateway's cost: series of two gateways are refused, naming both.
  @Test func twoGatewaysAreRefusedWhenPriced() throws {
    let directory = try temporaryDirectory("ercalc-showback-two")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("two.csv").path
    try """
    Time,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-04-01T00:00:00Z,gw-1 [ConnectionName=a],1000,1000
    2026-04-01T00:00:00Z,gw-2 [ConnectionName=b],1000,1000

    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc(
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--interval", "3600", "--quiet")
    #expect(result.status == .dataError)
    #expect(
      result.errors.contains("two.csv:3:22: error: the series hold the connections of 2 gateways ('gw-1', 'gw-2')"))
  }
}
