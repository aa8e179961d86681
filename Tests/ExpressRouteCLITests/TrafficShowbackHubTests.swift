import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `traffic showback` of a Virtual WAN hub's ExpressRoute gateway (`expressRouteGateways`, the resource that emits
/// `ErGatewayConnectionBits*` by `ConnectionName`: Microsoft Learn, supported metrics of
/// Microsoft.Network/expressRouteGateways): priced from the hub in a deployment file, refused with circuit options.
@Suite struct TrafficShowbackHubTests {
  static let gateway =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vwan/providers/Microsoft.Network/expressRouteGateways/hub-ergw"

  /// A Metrics Batch response (REST order: dimensions before data), three hours of 2026-04: conn-a 4 Mbit/s in and
  /// nothing out, conn-b 4 Mbit/s in and 4 Mbit/s out.
  static func batch() -> String {
    func series(_ connection: String, _ rate: String) -> String {
      let points = (0..<3).map { #"{"timeStamp": "2026-04-01T0\#($0):00:00Z", "average": \#(rate)}"# }
      return
        #"{"metadatavalues": [{"name": {"value": "ConnectionName"}, "value": "\#(connection)"}], "data": [\#(points.joined(separator: ", "))]}"#
    }
    func metric(_ name: String, _ series: [String]) -> String {
      #"{"id": "\#(gateway)/providers/Microsoft.Insights/metrics/\#(name)", "name": {"value": "\#(name)"}, "errorCode": "Success", "timeseries": [\#(series.joined(separator: ", "))]}"#
    }
    let metrics = [
      metric("ErGatewayConnectionBitsInPerSecond", [series("conn-a", "4000000.0"), series("conn-b", "4000000.0")]),
      metric("ErGatewayConnectionBitsOutPerSecond", [series("conn-b", "4000000.0")]),
    ]
    return
      #"{"values": [{"starttime": "2026-04-01T00:00:00Z", "endtime": "2026-04-01T03:00:00Z", "interval": "PT1H", "namespace": "Microsoft.Network/expressRouteGateways", "resourceid": "\#(gateway)", "value": [\#(metrics.joined(separator: ", "))]}]}"#
  }

  @Test func aHubsChargesAreSplitAndCircuitOptionsRefused() throws {
    let directory = try temporaryDirectory("ercalc-showback-hub")
    defer { try? FileManager.default.removeItem(at: directory) }
    let series = directory.appendingPathComponent("hub.json").path
    try Self.batch().write(toFile: series, atomically: true, encoding: .utf8)
    let deployment = directory.appendingPathComponent("vwan.json").path
    try
      #"{"schemaVersion": 1, "name": "vwan", "circuits": [{"name": "er-ams", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "1000 GB"}], "virtualWANHubs": [{"name": "hub-weu", "scaleUnits": 1, "connections": 1, "azureId": "\#(Self.gateway)"}]}"#
      .write(toFile: deployment, atomically: true, encoding: .utf8)
    let split = ercalc("traffic", "showback", series, "--deployment", deployment, "--format", "csv")
    #expect(split.status == .success, "\(split.errors)")
    // conn-a 5.4 GB in 3 h, conn-b 10.8 GB, each scaled to April's 720 h (× 240): 1,296 and 2,592 GB, shares 1/3 and
    // 2/3. Hub 730 h × 0.25 = 182.50 → 60.83 + 121.67; scale unit 730 × 0.42 = 306.60 → 102.20 + 204.40; connection
    // unit 730 × 0.05 = 36.50 → 12.17 + 24.33; circuit 436.00 → 145.33 + 290.67; outbound data 1,000 GB × 0.025 =
    // 25.00, all conn-b's (conn-a sent nothing out).
    for row in [
      "hub-ergw,ConnectionName=conn-a,1296.000,0.333333,Virtual WAN hub 'hub-weu': Virtual WAN hub (730 h),60.83,USD",
      "hub-ergw,ConnectionName=conn-b,2592.000,0.666667,Virtual WAN hub 'hub-weu': Virtual WAN hub (730 h),121.67,USD",
      #"conn-a,1296.000,0.333333,"Virtual WAN hub 'hub-weu': Virtual WAN ExpressRoute scale units from unit 1 (730 h × 1 scale unit (unit 1, 2 Gbps each))",102.20,USD"#,
      "conn-a,1296.000,0.333333,Virtual WAN hub 'hub-weu': Virtual WAN ExpressRoute connection unit (730 h × 1 connections),12.17,USD",
      #"conn-a,1296.000,,"circuit 'er-ams': Metered outbound data, Zone 1 (1,000 GB outbound)",0.00,USD"#,
      #"conn-b,2592.000,1,"circuit 'er-ams': Metered outbound data, Zone 1 (1,000 GB outbound)",25.00,USD"#,
      #"conn-b,2592.000,0.666667,"circuit 'er-ams': Standard MeteredData 1 Gbps circuit, Zone 1 (1 month)",290.67,USD"#,
    ] {
      #expect(split.output.contains(row), "\(row)\n\(split.output)")
    }
    let text = ercalc("traffic", "showback", series, "--deployment", deployment)
    #expect(text.output.contains("Total") && text.output.contains("986.60"))
    #expect(text.output.contains("Virtual WAN hub 'hub-weu': its circuits are taken to be those no virtual network"))
    // The circuit options price a virtual network gateway: refused at the series' gateway ID.
    let options = ercalc(
      "traffic", "showback", series, "--location", "Amsterdam", "--bandwidth", "1G", "--gateway", "ErGw1AZ")
    #expect(options.status == .dataError)
    #expect(options.errors.contains("error: the series' gateway 'hub-ergw' is a Virtual WAN ExpressRoute gateway"))
  }
}
