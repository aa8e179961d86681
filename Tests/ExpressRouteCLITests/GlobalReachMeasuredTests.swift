import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc quote --global-reach-series`: Global Reach priced from `GlobalReachBits*` series split by
/// `PeeredCircuitSKey`, in the Metrics - List and `az monitor metrics list` shapes.
@Suite struct GlobalReachMeasuredTests {
  func quote(_ series: String, _ extra: String...) -> RunResult {
    ercalc(
      [
        "quote", fixture("global-reach/deployment.json"), "--global-reach-series", fixture("global-reach/\(series)"),
        "--overrides", fixture("global-reach/rates-override.json"),
      ] + extra)
  }

  /// er-ams measured for 4 h of March 2026 (744 h, so × 186), priced at the fixture's illustrative rates
  /// (Zone 1 out 0.02 and in 0.02, Zone 2 in 0.03 per GB).
  @Test func pricedFromMetricsList() {
    let result = quote("metrics-list.json", "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // er-lon and er-sin are not er-ams's owner's ("external"): Global Reach bills each leg at its circuit (out at the
    // source, in at the destination), so only the legs at er-ams are priced here.
    // To er-lon: 8e6 bit/s × 14,400 s ÷ 8 = 14.4 GB × 186 = 2,678.4 GB out of er-ams (Zone 1): 2,678.4 × 0.02 =
    // 53.568 → 53.57. Back from er-lon: 4e6 → 7.2 GB × 186 = 1,339.2 GB into er-ams (Zone 1) × 0.02 = 26.784 → 26.78.
    // To er-sin: 2e6 → 3.6 GB × 186 = 669.6 GB out of er-ams: 669.6 × 0.02 = 13.392 → 13.39 (into er-sin, Zone 2,
    // is er-sin's owner's). From er-sin: no samples, so the leg into er-ams is unpriced, not 0.
    // Total: 6,450.00 (Premium unlimited 1 Gbps, Zone 1) + 53.57 + 26.78 + 13.39 = 6,543.74.
    for row in [
      "Global Reach er-ams <-> er-lon  Global Reach outbound data, Zone 1             2,678.4  GB           0.02         53.57",
      "Global Reach er-ams <-> er-lon  Global Reach inbound data, Zone 1              1,339.2  GB           0.02         26.78",
      "Global Reach er-sin <-> er-ams  Global Reach outbound data, Zone 1               669.6  GB           0.02         13.39",
    ] {
      #expect(result.output.contains(row), "\(row)")
    }
    #expect(!result.output.contains("Zone 2  "), "no leg at er-sin (Zone 2) is billed here")
    #expect(result.output.contains("Monthly total:            6,543.74 USD (excludes 1 unpriced item)"))
    #expect(
      result.output.contains("- Global Reach er-sin <-> er-ams: Global Reach inbound data, Zone 1, quantity unknown"))
    // Notes wrap at 100 columns: read them unwrapped.
    let unwrapped = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(unwrapped.contains("er-sin to er-ams not measured (no samples)"))
    #expect(result.output.contains("Global Reach measured for 2026-03"))
  }

  /// The same traffic as `az monitor metrics list` prints it (sorted keys: each series' data before its dimensions)
  /// gives the same quote, byte for byte.
  @Test func azOutputGivesTheSameQuote() {
    let rest = quote("metrics-list.json", "--quiet", "--format", "json")
    let az = quote("az-metrics-list.json", "--quiet", "--format", "json")
    #expect(rest.status == .success && az.status == .success, "\(rest.errors) \(az.errors)")
    #expect(az.output == rest.output)
  }

  /// Monthly pulls kept as summaries (`traffic summarize`) keep the series apart by peer: the same quote.
  @Test func summariesGiveTheSameQuote() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-summary")
    defer { try? FileManager.default.removeItem(at: directory) }
    let summary = directory.appendingPathComponent("global-reach.summary.json").path
    let summarized = ercalc(
      "traffic", "summarize", fixture("global-reach/az-metrics-list.json"), "--quiet", "--output", summary)
    #expect(summarized.status == .success, "\(summarized.errors)")
    let fromSummary = ercalc(
      "quote", fixture("global-reach/deployment.json"), "--global-reach-series", summary, "--overrides",
      fixture("global-reach/rates-override.json"), "--quiet", "--format", "json")
    let fromRaw = quote("az-metrics-list.json", "--quiet", "--format", "json")
    #expect(fromSummary.status == .success, "\(fromSummary.errors)")
    #expect(fromSummary.output == fromRaw.output)
  }

  /// Without rates (the built-in table has none for Global Reach), the measured volumes are listed unpriced, never 0.
  @Test func builtInTableLeavesItUnpriced() {
    let result = ercalc(
      "quote", fixture("global-reach/deployment.json"), "--global-reach-series",
      fixture("global-reach/metrics-list.json"),
      "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // At er-ams's end (er-lon and er-sin are not yours): 3 measured charges without a rate + 1 without a volume; the
    // total is the circuit's 6,450.00 alone.
    #expect(result.output.contains("Monthly total:            6,450.00 USD (excludes 4 unpriced items)"))
    let unwrapped = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      unwrapped.contains("Global Reach outbound data, Zone 1, 2,678.4 GB: Global Reach per-GB rates were not found"))
  }

  @Test func badSeriesAreRefused() {
    let unsplit = quote("no-dimension.json")
    #expect(unsplit.status == .dataError)
    #expect(
      unsplit.errors.contains(
        "no-dimension.json:45:9: error: value[0].timeseries[1]: a GlobalReachBitsInPerSecond series without the PeeredCircuitSKey dimension"
      ), "\(unsplit.errors)")
    let unknown = quote("unknown-peer.json", "--quiet")
    #expect(unknown.status == .dataError)
    #expect(
      unknown.errors.contains(
        // Line 52, column 25: where the unknown key first stands (its series' metadatavalues).
        "unknown-peer.json:52:25: error: series 'er-ams [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000c003]': unknown peered circuit '6f1c2a3b-0000-4000-8000-00000000c003'"
      ), "\(unknown.errors)")
    let noSeries = ercalc(
      "quote", fixture("global-reach/deployment.json"), "--global-reach-series",
      fixture("showback/az-gateway-connections.json"), "--quiet")
    #expect(noSeries.status == .dataError)
    #expect(noSeries.errors.contains("no Global Reach series split by PeeredCircuitSKey"))
    let empty = quote("metrics-list.json", "--quiet", "--period", "2026-05")
    #expect(empty.status == .dataError)
    #expect(empty.errors.contains("the Global Reach series hold no samples in 2026-05"))
  }

  /// A series between circuits the deployment does not link is refused, naming both.
  @Test func unlinkedCircuitsAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-global-reach")
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try String(contentsOfFile: fixture("global-reach/deployment.json"), encoding: .utf8)
    let unlinked = original.replacingOccurrences(
      of: ",\n    {\n      \"circuitA\": \"er-sin\",\n      \"circuitB\": \"er-ams\"\n    }", with: "")
    #expect(unlinked != original)
    let path = directory.appendingPathComponent("deployment.json").path
    try unlinked.write(toFile: path, atomically: true, encoding: .utf8)
    let result = ercalc(
      "quote", path, "--global-reach-series", fixture("global-reach/metrics-list.json"), "--quiet")
    #expect(result.status == .dataError)
    #expect(result.errors.contains("the deployment has no Global Reach link between 'er-ams' and 'er-sin'"))
  }

  /// An existing estate (`az network express-route list`) carries each circuit's serviceKey: `quote --from` prices its
  /// Global Reach link from the measured series. The export's keys are blanked out (all zeros), so sin-er's is set.
  @Test func anImportedEstateFindsThePeerByItsServiceKey() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-estate")
    defer { try? FileManager.default.removeItem(at: directory) }
    let zeros = "\"serviceKey\": \"00000000-0000-0000-0000-000000000000\""
    var estate = try String(contentsOfFile: fixture("existing/az-estate.json"), encoding: .utf8)
    let second = try #require(estate.ranges(of: zeros).dropFirst().first)
    estate.replaceSubrange(second, with: "\"serviceKey\": \"6f1c2a3b-0000-4000-8000-00000000b002\"")
    let estatePath = directory.appendingPathComponent("az-estate.json").path
    try estate.write(toFile: estatePath, atomically: true, encoding: .utf8)
    let seriesPath = directory.appendingPathComponent("global-reach.csv").path
    try """
    Time,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-04-01T00:00:00Z,ams-er [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000b002],1000000,2000000
    2026-04-01T01:00:00Z,ams-er [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000b002],1000000,2000000

    """.write(toFile: seriesPath, atomically: true, encoding: .utf8)
    let result = ercalc(
      "quote", "--from", estatePath, "--global-reach-series", seriesPath, "--overrides",
      fixture("global-reach/rates-override.json"), "--quiet", "--format", "csv")
    #expect(result.status == .success, "\(result.errors)")
    // 2 h of April (720 h, × 360): ams-er → sin-er 1e6 bit/s × 7,200 s ÷ 8 = 0.9 GB → 324 GB, out of Zone 1 at 0.02 =
    // 6.48 and into Zone 2 at 0.03 = 9.72; sin-er → ams-er 2e6 → 1.8 GB → 648 GB, out of Zone 2 at 0.04 = 25.92 and
    // into Zone 1 at 0.02 = 12.96.
    let reach = result.output.split(separator: "\r\n").filter { $0.contains("Global Reach") }
    #expect(reach.count == 4, "\(result.output)")
    for (quantity, amount) in [("324", "6.48"), ("324", "9.72"), ("648", "25.92"), ("648", "12.96")] {
      #expect(
        reach.contains { $0.contains(",\(quantity),") && $0.contains(",\(amount),") }, "\(quantity) GB for \(amount)")
    }
  }

  /// quote's own options describe one Global Reach link: a series of one circuit and one peer is that link's traffic.
  @Test func quoteOptionsTakeTheSingleLink() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-options")
    defer { try? FileManager.default.removeItem(at: directory) }
    let seriesPath = directory.appendingPathComponent("global-reach.csv").path
    try """
    Time,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-04-01T00:00:00Z,er-ams [PeeredCircuitSKey=k],1000000,2000000
    2026-04-01T01:00:00Z,er-ams [PeeredCircuitSKey=k],1000000,2000000

    """.write(toFile: seriesPath, atomically: true, encoding: .utf8)
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "0GB", "--global-reach", "London",
      "--global-reach-egress", "0GB", "--global-reach-series", seriesPath, "--overrides",
      fixture("global-reach/rates-override.json"), "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // 2 h of April (× 360): circuit → remote 0.9 GB → 324 GB, remote → circuit 1.8 GB → 648 GB, both ends Zone 1 at
    // 0.02 out and in: 2 × 6.48 + 2 × 12.96 = 38.88, on two Standard metered 1 Gbps circuits (2 × 436.00): 910.88.
    #expect(result.output.contains("Monthly total:            910.88 USD\n"), "\(result.output)")
    #expect(
      result.output.replacingOccurrences(of: "\n  ", with: " ").contains(
        "series matched to the deployment's only Global Reach link"))
  }

  /// A link measured from both ends: per direction the near end's series when it has samples in the month, else the
  /// far end's, mirrored (In at er-lon, circuit B, is data from er-lon to er-ams). er-lon: 2 h of March (744 h, × 372),
  /// In 6e6 b/s × 7,200 s ÷ 8 = 5.4 GB × 372 = 2,008.8 GB er-lon → er-ams (× 0.02 = 40.176 → 40.18, out and in);
  /// Out 3e6 → 2.7 GB × 372 = 1,004.4 GB er-ams → er-lon (× 0.02 = 20.088 → 20.09, out and in).
  @Test func bothEndsTakeEachDirectionFromTheEndWithSamples() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-both-ends")
    defer { try? FileManager.default.removeItem(at: directory) }
    let ams = "er-ams [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000a001]"
    let lon = "er-lon [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000a000]"
    func run(amsInMarch: Bool) throws -> RunResult {
      let path = directory.appendingPathComponent("both-\(amsInMarch).csv").path
      // er-ams (circuit A) has February only, or in March In only (its Out cells are empty).
      let march = amsInMarch ? "2026-03-01T00:00:00Z,\(ams),8000000,\n2026-03-01T01:00:00Z,\(ams),8000000,\n" : ""
      try """
      Time,Circuit,BitsInPerSecond,BitsOutPerSecond
      2026-02-28T20:00:00Z,\(ams),1000000,1000000
      2026-02-28T21:00:00Z,\(ams),1000000,1000000
      \(march)2026-03-01T00:00:00Z,\(lon),6000000,3000000
      2026-03-01T01:00:00Z,\(lon),6000000,3000000

      """.write(toFile: path, atomically: true, encoding: .utf8)
      return ercalc(
        "quote", fixture("global-reach/deployment.json"), "--global-reach-series", path, "--period", "2026-03",
        "--overrides", fixture("global-reach/rates-override.json"), "--quiet")
    }
    // er-ams has no March samples: both directions from er-lon. Only the legs at er-ams are yours (er-lon is not):
    // out 1,004.4 × 0.02 = 20.088 → 20.09 and in 2,008.8 × 0.02 = 40.176 → 40.18: 6,450.00 + 20.09 + 40.18 = 6,510.27.
    // er-sin's link has no volume: the two legs at er-ams are unpriced.
    let farOnly = try run(amsInMarch: false)
    #expect(farOnly.status == .success, "\(farOnly.errors)")
    #expect(farOnly.output.contains("Monthly total:            6,510.27 USD (excludes 2 unpriced items)"))
    let unwrapped = farOnly.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(unwrapped.contains("er-ams to er-lon 1004.400 GB from the far end, \(lon), mirrored"), "\(unwrapped)")
    #expect(unwrapped.contains("er-lon to er-ams 2008.800 GB from the far end, \(lon), mirrored"))
    // er-ams has In only: er-ams → er-lon from er-ams, 8e6 × 7,200 ÷ 8 = 7.2 GB × 372 = 2,678.4 GB (× 0.02 = 53.568
    // → 53.57, out of er-ams); er-lon → er-ams from er-lon's In as above (40.18 into er-ams).
    // 6,450.00 + 53.57 + 40.18 = 6,543.75.
    let mixed = try run(amsInMarch: true)
    #expect(mixed.status == .success, "\(mixed.errors)")
    #expect(mixed.output.contains("Monthly total:            6,543.75 USD (excludes 2 unpriced items)"))
    let mixedNotes = mixed.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(mixedNotes.contains("er-ams to er-lon 2678.400 GB from \(ams) (samples"), "\(mixedNotes)")
    #expect(mixedNotes.contains("er-lon to er-ams 2008.800 GB from the far end, \(lon), mirrored"))
  }

  /// Outside Global Reach pricing (summaries, sizing) a series not split by peer is skipped with a note that points at
  /// it, and never counted as the circuit's own traffic.
  @Test func sizingSkipsAnUnsplitSeriesWithANote() {
    let result = ercalc("traffic", "summarize", fixture("global-reach/no-dimension.json"))
    #expect(result.status == .success, "\(result.errors)")
    #expect(
      result.errors.contains(
        "no-dimension.json:45:9: value[0].timeseries[1]: a GlobalReachBitsInPerSecond series without the PeeredCircuitSKey dimension"
      ), "\(result.errors)")
    #expect(result.output.contains("\"circuit\": \"er-ams [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000a001]\""))
    #expect(!result.output.contains("\"circuit\": \"er-ams\""))
  }

  /// Without `--period` the quote is for the month measured (March 2026, as its note says): every CSV row is charged
  /// in it (ChargePeriodStart 2026-03-01, ChargePeriodEnd 2026-04-01), byte for byte the quote with `--period 2026-03`.
  @Test func theQuoteIsForTheMonthMeasured() throws {
    let measured = quote("metrics-list.json", "--quiet", "--format", "csv")
    #expect(measured.status == .success, "\(measured.errors)")
    let lines = measured.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    // The header names ChargePeriodEnd, then ChargePeriodStart; every row (the 5 items, priced or not: the circuit,
    // the 3 legs at er-ams measured and the 1 not) has them so.
    #expect(lines.first?.contains(",ChargePeriodEnd,ChargePeriodStart,") == true)
    let rows = lines.dropFirst()
    #expect(rows.count == 5)
    for row in rows {
      #expect(row.contains(",2026-04-01T00:00:00Z,2026-03-01T00:00:00Z,"), "\(row)")
      #expect(!row.contains("2026-08-01") && !row.contains("2026-09-01"), "\(row)")
    }
    let given = quote("metrics-list.json", "--quiet", "--format", "csv", "--period", "2026-03")
    #expect(given.status == .success, "\(given.errors)")
    #expect(measured.output == given.output)
  }

  /// Global Reach bills each leg at its circuit (out at the source, in at the destination): with a far end that is
  /// not yours (`"external": true`), only the legs at your end are yours, whichever side of the link it is written.
  @Test func aLinkToACircuitThatIsNotYoursBillsOnlyYourLegs() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-external")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (a, b) in [("ams", "partner"), ("partner", "ams")] {
      let deployment = try write(
        #"""
        {"schemaVersion": 1, "name": "ext", "circuits": [
          {"name": "ams", "peeringLocation": "Amsterdam", "tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps"},
          {"name": "partner", "peeringLocation": "Singapore", "tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "external": true}],
         "globalReach": [{"circuitA": "\#(a)", "circuitB": "\#(b)", "dataAToB": "\#(a == "ams" ? "2 TB" : "1 TB")", "dataBToA": "\#(a == "ams" ? "1 TB" : "2 TB")"}]}
        """#, to: directory, "ext-\(a).json")
      let result = ercalc(
        "quote", deployment, "--overrides", fixture("global-reach/rates-override.json"), "--format", "json")
      #expect(result.status == .success, "\(result.errors)")
      // 2,000 GB out of ams (Zone 1) × 0.02 = 40.00, 1,000 GB into ams (Zone 1) × 0.02 = 20.00; partner's legs (out
      // of and into Singapore, Zone 2) are its owner's. 6,450.00 + 40.00 + 20.00 = 6,510.00.
      #expect(result.output.contains("\"monthlyTotal\": \"6510.00\""), "\(result.output)")
      #expect(!result.output.contains("Zone 2"), "\(result.output)")
    }
  }
  /// A deployment with one link whose far end is not yours (no serviceKey to match): the series of your circuit
  /// (named as in Azure, `ams-er`, not as in the file) is that link, measured at your end whichever way the link is
  /// written, and only the legs at your end are priced.
  @Test func aSingleLinkToACircuitThatIsNotYoursTakesYourSeries() throws {
    let directory = try temporaryDirectory("ercalc-global-reach-single")
    defer { try? FileManager.default.removeItem(at: directory) }
    func metric(_ name: String, _ rate: String) -> String {
      let points = (0..<4).map { #"{"timeStamp": "2026-03-10T0\#($0):00:00Z", "average": \#(rate)}"# }
      return
        #"{"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-er/providers/Microsoft.Insights/metrics/\#(name)", "type": "Microsoft.Insights/metrics", "name": {"value": "\#(name)"}, "unit": "BitsPerSecond", "timeseries": [{"metadatavalues": [{"name": {"value": "peeredcircuitskey"}, "value": "6f1c2a3b-0000-4000-8000-00000000a001"}], "data": [\#(points.joined(separator: ", "))]}], "errorCode": "Success"}"#
    }
    let series = try write(
      #"{"interval": "PT1H", "value": [\#(metric("GlobalReachBitsInPerSecond", "8000000.0")), \#(metric("GlobalReachBitsOutPerSecond", "4000000.0"))]}"#,
      to: directory, "series.json")
    let deployment = try write(
      #"""
      {"schemaVersion": 1, "name": "single", "circuits": [
        {"name": "ams", "peeringLocation": "Amsterdam", "tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps"},
        {"name": "partner", "peeringLocation": "London", "tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "external": true}],
       "globalReach": [{"circuitA": "partner", "circuitB": "ams"}]}
      """#, to: directory, "single.json")
    let result = ercalc(
      "quote", deployment, "--global-reach-series", series, "--overrides", fixture("global-reach/rates-override.json"),
      "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // 4 h of March (744 h: × 186). In at ams-er is data from ams out: 8e6 × 14,400 ÷ 8 = 14.4 GB × 186 = 2,678.4 GB
    // × 0.02 = 53.57; Out is data into ams: 7.2 GB × 186 = 1,339.2 GB × 0.02 = 26.78. 6,450.00 + 53.57 + 26.78 = 6,530.35.
    #expect(
      result.output.contains(
        "Global Reach partner <-> ams  Global Reach outbound data, Zone 1             2,678.4  GB           0.02         53.57"
      ), "\(result.output)")
    #expect(result.output.contains("Monthly total:            6,530.35 USD"))
  }
}
