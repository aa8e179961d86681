import Foundation
import Testing

@testable import ExpressRouteCore
@testable import ExpressRouteTraffic

/// Two resources of one name (other subscriptions or resource groups) are never read as one circuit, on any path that
/// sees full resource IDs; and a traffic CSV reads one column a direction, never another metric's, never the first
/// of several. Each wrong reading made a confident number from a fraction (or a multiple) of the traffic.
@Suite struct SameNameResourceTests {
  static let idA = "/SUBSCRIPTIONS/AAAA/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-MAIN"
  static let idB = "/SUBSCRIPTIONS/BBBB/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-MAIN"

  func refusal(_ text: String, file: String) -> Diagnostic? {
    var ingest = TrafficIngest(options: .init())
    do {
      try ingest.read(Data(text.utf8), file: file)
      _ = try ingest.summaries(file: file)
      return nil
    } catch { return error }
  }

  @Test func azureMetricsRowsOfTwoResourcesOfOneNameAreRefused() throws {
    // Log Analytics' AzureMetrics columns (azure-reference/tables/azuremetrics), rows interleaved by time: AAAA at
    // 100 Mbps and BBBB at 500 Mbps. Read as one, BBBB's rows were "duplicates" and 83% of the traffic was dropped.
    let text = """
      TimeGenerated [UTC],ResourceId,MetricName,Total,Count,Maximum,Minimum,Average,TimeGrain,UnitName
      2026-06-01T00:00:00Z,\(Self.idA),BitsOutPerSecond,1e8,1,1e8,1e8,100000000,PT1H,BitsPerSecond
      2026-06-01T00:00:00Z,\(Self.idB),BitsOutPerSecond,5e8,1,5e8,5e8,500000000,PT1H,BitsPerSecond
      2026-06-01T01:00:00Z,\(Self.idA),BitsOutPerSecond,1e8,1,1e8,1e8,100000000,PT1H,BitsPerSecond

      """
    let error = try #require(refusal(text, file: "am.csv"))
    #expect(error.location?.line == 3)
    #expect(error.message.contains("are both named 'ER-MAIN'"), "\(error.message)")
    // The same resource in other capitals or with a trailing slash is one resource.
    let same = text.replacingOccurrences(of: Self.idB, with: Self.idA.lowercased() + "/")
    #expect(refusal(same, file: "am.csv") == nil)
  }

  @Test func diagnosticSettingsRecordsOfTwoResourcesOfOneNameAreRefused() throws {
    // Diagnostic-settings records (one JSON object a line), read ahead or token by token: refused either way.
    func record(_ id: String, _ average: Int) -> String {
      #"{"count": 1, "average": \#(average), "resourceId": "\#(id)", "time": "2026-06-01T00:00:00.0000000Z", "metricName": "BitsOutPerSecond", "timeGrain": "PT1H"}"#
    }
    let text = [record(Self.idA, 100_000_000), record(Self.idB, 500_000_000)].joined(separator: "\n") + "\n"
    let error = try #require(refusal(text, file: "d.json"))
    #expect(error.location?.line == 2)
    #expect(error.message.contains("are both named 'ER-MAIN'"), "\(error.message)")
  }

  @Test func aCircuitColumnOfTwoResourcesOfOneNameIsRefused() throws {
    let text = """
      Time,ResourceId,BitsInPerSecond,BitsOutPerSecond
      2026-01-01T00:00:00Z,/subscriptions/A/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-x,1,2
      2026-01-01T00:00:00Z,/subscriptions/B/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-x,3,4

      """
    let error = try #require(refusal(text, file: "c.csv"))
    #expect(error.location?.line == 3)
    #expect(error.message.contains("are both named 'er-x'"), "\(error.message)")
  }

  @Test(
    "Several columns of one direction are refused at the second",
    arguments: [
      (
        "Time,Bits In (Max),Bits Out (Max),Bits In (Average),Bits Out (Average)", "'Bits In (Max)', 'Bits In (Average)'"
      ),
      (
        "Time,BitsInPerSecond (DeviceRole: Primary),BitsOutPerSecond (DeviceRole: Primary),BitsInPerSecond (DeviceRole: Secondary),BitsOutPerSecond (DeviceRole: Secondary)",
        "DeviceRole: Secondary"
      ),
      ("Time,er-ams BitsIn,er-ams BitsOut,er-fra BitsIn,er-fra BitsOut", "'er-ams BitsIn', 'er-fra BitsIn'"),
    ])
  func severalColumnsOfOneDirectionAreRefused(_ header: String, _ named: String) throws {
    let text = header + "\n2026-01-01T00:00:00Z,90000000,900000000,10000000,100000000\n"
    let error = try #require(refusal(text, file: "w.csv"))
    #expect(error.location?.line == 1)
    #expect(error.message.contains("inbound traffic columns"), "\(error.message)")
    #expect(error.message.contains(named), "\(error.message)")
  }

  @Test func azLogAnalyticsNoneIsAMissingValue() throws {
    // `az monitor log-analytics query` rows (every value a string, a null as "None"): the hour with "None" out is a
    // sample without an outbound value, not an error. Out: 2 × 10⁸ bit/s for one hour = 90 GB (the other hour none).
    let id = "/SUBSCRIPTIONS/0000/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-LA"
    func row(_ time: String, _ metric: String, _ average: String) -> String {
      #"{"Average": "\#(average)", "MetricName": "\#(metric)", "ResourceId": "\#(id)", "TableName": "PrimaryResult", "TimeGenerated": "\#(time)", "TimeGrain": "PT1H", "UnitName": "BitsPerSecond"}"#
    }
    let rows = [
      row("2026-06-30T22:00:00Z", "BitsOutPerSecond", "200000000.0"),
      row("2026-06-30T22:00:00Z", "BitsInPerSecond", "10000000.0"),
      row("2026-06-30T23:00:00Z", "BitsOutPerSecond", "None"),
      row("2026-06-30T23:00:00Z", "BitsInPerSecond", "10000000.0"),
    ]
    var ingest = TrafficIngest(options: .init())
    try ingest.read(Data(("[" + rows.joined(separator: ",\n") + "]").utf8), file: "la.json")
    let summary = try #require(try ingest.summaries(file: "la.json").first)
    #expect(summary.outbound.samples == 1 && summary.inbound.samples == 2)
    #expect(summary.outbound.total == .gigabytes(90))
  }

  @Test func anotherMetricsColumnIsNeverTheCircuitsTraffic() throws {
    // Global Reach's own bits and QoS-dropped bits come first; the circuit's are BitsIn/BitsOutPerSecond: 400 Mbps out
    // for one hour is 4 × 10⁸ × 3,600 ÷ 8 = 180 × 10⁹ bytes = 180 GB (it read 20 Mbps, and 1 Kbps for QoS drops).
    for header in [
      "Time,GlobalReachBitsOutPerSecond,BitsInPerSecond,BitsOutPerSecond",
      "Time,QosDropBitsOutPerSecond,BitsInPerSecond,BitsOutPerSecond",
    ] {
      let text = header + "\n2026-01-01T00:00:00Z,20000000,50000000,400000000\n"
      var ingest = TrafficIngest(options: .init(interval: 3600))
      try ingest.read(Data(text.utf8), file: "g.csv")
      let summary = try #require(try ingest.summaries(file: "g.csv").first)
      #expect(summary.outbound.max == .mbps(400), "\(header)")
      #expect(summary.outbound.total == .gigabytes(180), "\(header)")
    }
  }
}
