import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc traffic showback`: what a priced showback splits (the series' gateway and its circuits only), outbound data
/// by outbound share, one `--period`, and the options and inputs it refuses.
@Suite struct TrafficShowbackRulesTests {
  /// Writes `rows` (after the header) as a CSV series in `directory`; returns its path.
  func series(_ rows: [String], in directory: URL, named name: String = "series.csv") throws -> String {
    let path = directory.appendingPathComponent(name).path
    let text = (["Time,Circuit,BitsInPerSecond,BitsOutPerSecond"] + rows).joined(separator: "\n") + "\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A deployment of two hubs: only the series' gateway (ergw-hub) and the circuit it connects (er-ams) are split;
  /// er-sin and ergw-asia are named in a note, in no connection's cost. A gateway the deployment lacks is refused where
  /// the series names it.
  @Test func aDeploymentSplitsOnlyTheSeriesGatewayAndItsCircuits() throws {
    let directory = try temporaryDirectory("ercalc-showback-scope")
    defer { try? FileManager.default.removeItem(at: directory) }
    let deployment = directory.appendingPathComponent("two-hubs.json").path
    try """
    {"schemaVersion": 1, "name": "two hubs",
     "circuits": [
      {"name": "er-ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"},
      {"name": "er-sin", "peeringLocation": "Singapore", "tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps"}],
     "gateways": [
      {"name": "ergw-hub", "sku": "ErGw1AZ", "circuits": ["er-ams"]},
      {"name": "ergw-asia", "sku": "ErGw3AZ", "circuits": ["er-sin"]}]}
    """.write(toFile: deployment, atomically: true, encoding: .utf8)
    let hours = ["2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z"]
    let hub = try series(
      hours.flatMap { ["\($0),ergw-hub [ConnectionName=a],1000,1000", "\($0),ergw-hub [ConnectionName=b],1000,1000"] },
      in: directory)
    let result = ercalc("traffic", "showback", hub, "--deployment", deployment, "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // Standard unlimited 1 Gbps Zone 1 = 5,700.00; ErGw1AZ 0.361 × 730 h = 263.53: 5,963.53 (not 92,533.76 with
    // er-sin's 85,000.00 and ergw-asia's 1,570.23). Equal traffic, so halves: circuit 2,850.00 each; gateway
    // 26,353 cents ÷ 2 = 13,176.5 → 13,176 each, the cent left to the first (a tie): 131.77 and 131.76.
    // a: 2,850.00 + 131.77 = 2,981.77; b: 2,850.00 + 131.76 = 2,981.76.
    #expect(
      result.output.contains(
        "      Total                                                                      5963.53\n"))
    #expect(
      result.output.contains("ConnectionName=a         0.648  50.0%  2850.00  131.77  2981.77\n"), "\(result.output)")
    #expect(result.output.contains("ConnectionName=b         0.648  50.0%  2850.00  131.76  2981.76\n"))
    let notes = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      notes.contains(
        "not split (charges of resources other than gateway 'ergw-hub' and the circuits it connects): circuit 'er-sin' Premium UnlimitedData 10 Gbps circuit, Zone 2 85000.00; gateway 'ergw-asia' ErGw3AZ gateway 1570.23"
      ), "\(notes)")
    // The series' gateway found by the azureId the deployment gives a differently named gateway: the same split.
    let byId = directory.appendingPathComponent("by-id.json").path
    let id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/"
    try String(contentsOfFile: deployment, encoding: .utf8).replacingOccurrences(
      of: "\"name\": \"ergw-hub\",", with: "\"name\": \"hub\", \"azureId\": \"\(id)virtualNetworkGateways/ergw-hub\","
    ).write(toFile: byId, atomically: true, encoding: .utf8)
    let matched = ercalc("traffic", "showback", hub, "--deployment", byId, "--quiet")
    #expect(matched.status == .success, "\(matched.errors)")
    #expect(
      matched.output.contains("ConnectionName=a         0.648  50.0%  2850.00  131.77  2981.77\n"), "\(matched.output)")
    #expect(matched.output.contains("[2]   gateway 'hub': ErGw1AZ gateway (730 h)"))
    // A series of a gateway the deployment does not hold: refused at its name (line 2, after the 21 characters of its time).
    let other = try series(
      [
        "2026-04-01T00:00:00Z,ergw-nope [ConnectionName=a],1000,1000",
        "2026-04-01T01:00:00Z,ergw-nope [ConnectionName=a],1000,1000",
      ], in: directory, named: "o.csv")
    let refused = ercalc("traffic", "showback", other, "--deployment", deployment)
    #expect(refused.status == .dataError)
    #expect(
      refused.errors.contains("o.csv:2:22: error: the series' gateway 'ergw-nope' is not in the deployment"),
      "\(refused.errors)")
  }

  /// Metered outbound data is split by outbound share, the fixed fees by in + out; `--period` splits that month only.
  @Test func outboundDataBySentTrafficAndOnePeriod() throws {
    let directory = try temporaryDirectory("ercalc-showback-outbound")
    defer { try? FileManager.default.removeItem(at: directory) }
    var rows: [String] = []
    for hour in ["2026-04-01T00:00:00Z", "2026-04-01T01:00:00Z", "2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z"] {
      rows += ["\(hour),gw [ConnectionName=a],1000,3000", "\(hour),gw [ConnectionName=b],3000,1000"]
      rows.append("\(hour),gw [ConnectionName=c],2000,0")
    }
    let path = try series(rows, in: directory)
    let result = ercalc(
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--egress",
      "1000GB", "--period", "2026-04", "--format", "csv", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // April, 2 h of 720 (× 360): in + out a 4,000 bit/s × 7,200 s ÷ 8 = 3.6 MB → 1.296 GB, b 1.296 GB, c 2,000 bit/s
    // → 0.648 GB: shares 0.4, 0.4, 0.2. Outbound 3,000 : 1,000 : 0 → 0.75, 0.25, 0.
    // Circuit (Standard metered 1 Gbps Zone 1) 43,600 cents × 0.4 = 17,440 (174.40), × 0.2 = 8,720 (87.20).
    // Outbound data 1,000 GB × 0.025 = 25.00: 2,500 × 0.75 = 1,875 (18.75), × 0.25 = 625 (6.25), c 0.00 (not 5.00).
    // Gateway 26,353 × 0.4 = 10,541.2 → 10,541, × 0.2 = 5,270.6 → 5,270; the cent left to c (remainder .6): 52.71.
    // The Share column is the share the row's cost was split by: 0.75, 0.25 and 0 on the outbound-data rows.
    let circuit = "\"circuit 'circuit': Standard MeteredData 1 Gbps circuit, Zone 1 (1 month)\""
    let egress = "\"circuit 'circuit': Metered outbound data, Zone 1 (1,000 GB outbound)\""
    let gateway = "gateway 'gateway': ErGw1AZ gateway (730 h)"
    for row in [
      "2026-04,gw,ConnectionName=a,1.296,0.4,\(circuit),174.40,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=a,1.296,0.75,\(egress),18.75,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=a,1.296,0.4,\(gateway),105.41,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=b,1.296,0.25,\(egress),6.25,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=b,1.296,0.4,\(gateway),105.41,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=c,0.648,0.2,\(circuit),87.20,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=c,0.648,0,\(egress),0.00,USD,priced,\r\n",
      "2026-04,gw,ConnectionName=c,0.648,0.2,\(gateway),52.71,USD,priced,\r\n",
    ] {
      #expect(result.output.contains(row), "\(row)\n\(result.output)")
    }
    #expect(!result.output.contains("2026-05"))
    let june = ercalc(
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--period",
      "2026-06")
    #expect(june.status == .dataError)
    #expect(june.errors.contains("the connections' series hold no samples in 2026-06"), "\(june.errors)")
  }

  /// Unpriced charges stay in the CSV as `x_Status` `unpriced` rows with no cost; sub-cent typed costs, showback's
  /// options on `traffic query` and a second gateway (at its name) are refused.
  @Test func unpricedRowsAndRefusals() throws {
    let directory = try temporaryDirectory("ercalc-showback-refusals")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try series(
      ["2026-04-01T00:00:00Z,gw [ConnectionName=a],1000,1000", "2026-04-01T01:00:00Z,gw [ConnectionName=a],1000,1000"],
      in: directory)
    // Metered circuit without an egress volume: its outbound data charge is unpriced.
    let csv = ercalc(
      "traffic", "showback", path, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ", "--format",
      "csv", "--quiet")
    #expect(csv.status == .success, "\(csv.errors)")
    let unpriced = csv.output.split(separator: "\r\n").filter { $0.contains(",unpriced,") }
    #expect(unpriced.count == 1, "\(csv.output)")
    #expect(unpriced.first?.hasPrefix(",,,,,\"circuit 'circuit': Metered outbound data, Zone 1") == true, "\(unpriced)")
    #expect(unpriced.first?.contains(",,USD,unpriced,") == true)
    let cents = ercalc("traffic", "showback", path, "--monthly-cost", "100.005")
    #expect(cents.status == .usage)
    #expect(cents.errors.contains("--monthly-cost '100.005' is not an amount in cents"))
    #expect(ercalc("traffic", "showback", path, "--monthly-cost", "100.01").status == .success)
    let query = ercalc("traffic", "query", "--engine", "kql", "--monthly-cost", "5")
    #expect(query.status == .usage)
    #expect(query.errors.contains("--monthly-cost belongs to 'ercalc traffic showback'"))
    let two = try series(
      ["a", "a", "b", "b"].enumerated().map { index, connection in
        "2026-04-01T0\(index % 2):00:00Z,gw\(connection == "a" ? "" : "-2") [ConnectionName=\(connection)],1000,1000"
      }, in: directory, named: "two.csv")
    let refused = ercalc(
      "traffic", "showback", two, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ")
    #expect(refused.status == .dataError)
    #expect(
      refused.errors.contains("two.csv:4:22: error: the series hold the connections of 2 gateways"), "\(refused.errors)"
    )
  }
}
