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
    // To er-lon: 8e6 bit/s × 14,400 s ÷ 8 = 14.4 GB × 186 = 2,678.4 GB, out of Zone 1 and into Zone 1 (London):
    // 2,678.4 × 0.02 = 53.568 → 53.57 each. Back from er-lon: 4e6 → 7.2 GB × 186 = 1,339.2 GB × 0.02 = 26.784 → 26.78.
    // To er-sin (the link is written er-sin → er-ams, so this is its B to A): 2e6 → 3.6 GB × 186 = 669.6 GB, out of
    // Zone 1: 669.6 × 0.02 = 13.392 → 13.39, into Zone 2 (Singapore): 669.6 × 0.03 = 20.088 → 20.09.
    // From er-sin: no samples, so both of its charges are unpriced, not 0.
    // Total: 6,450.00 (Premium unlimited 1 Gbps, Zone 1) + 2 × 53.57 + 2 × 26.78 + 13.39 + 20.09 = 6,644.18.
    for row in [
      "Global Reach er-ams <-> er-lon  Global Reach outbound data, Zone 1             2,678.4  GB           0.02         53.57",
      "Global Reach er-ams <-> er-lon  Global Reach inbound data, Zone 1              2,678.4  GB           0.02         53.57",
      "Global Reach er-ams <-> er-lon  Global Reach outbound data, Zone 1             1,339.2  GB           0.02         26.78",
      "Global Reach er-ams <-> er-lon  Global Reach inbound data, Zone 1              1,339.2  GB           0.02         26.78",
      "Global Reach er-sin <-> er-ams  Global Reach outbound data, Zone 1               669.6  GB           0.02         13.39",
      "Global Reach er-sin <-> er-ams  Global Reach inbound data, Zone 2                669.6  GB           0.03         20.09",
    ] {
      #expect(result.output.contains(row), "\(row)")
    }
    #expect(result.output.contains("Monthly total:            6,644.18 USD (excludes 2 unpriced items)"))
    #expect(
      result.output.contains("- Global Reach er-sin <-> er-ams: Global Reach outbound data, Zone 2, quantity unknown"))
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

  /// Without rates (the built-in table has none for Global Reach), the measured volumes are listed unpriced, never 0.
  @Test func builtInTableLeavesItUnpriced() {
    let result = ercalc(
      "quote", fixture("global-reach/deployment.json"), "--global-reach-series",
      fixture("global-reach/metrics-list.json"),
      "--quiet")
    #expect(result.status == .success, "\(result.errors)")
    // 6 measured charges without a rate + 2 without a volume; the total is the circuit's 6,450.00 alone.
    #expect(result.output.contains("Monthly total:            6,450.00 USD (excludes 8 unpriced items)"))
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
        "unknown-peer.json: error: series 'er-ams [PeeredCircuitSKey=6f1c2a3b-0000-4000-8000-00000000c003]': unknown peered circuit '6f1c2a3b-0000-4000-8000-00000000c003'"
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
}
