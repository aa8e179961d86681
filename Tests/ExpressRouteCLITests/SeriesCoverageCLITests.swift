import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Series that cannot give a monthly volume, and series paths in profiles, through the commands that read them.
@Suite struct SeriesCoverageCLITests {
  @Test func hoursOfSamplesAreNeverScaledUpToAMonth() throws {
    let directory = try temporaryDirectory("ercalc-coverage")
    defer { try? FileManager.default.removeItem(at: directory) }
    // 152,207,002 bit/s for 2 hours = 152,207,002 × 7,200 ÷ 8 = 136,986,301,800 bytes (136.986 GB) in each of 2027-03
    // and 2027-04, 2 ÷ 744 and 2 ÷ 720 of the months (0.3%). Scaled to 730 h it was printed as 50,000 GB a month, and
    // --fail-above passed; then the volume was left unknown but the billing model was still chosen at 0 GB. With no
    // month at least half covered, the month's outbound data is unknown: refused as a data error (exit 65).
    var csv = "Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
    for time in ["2027-03-01T00", "2027-03-01T01", "2027-04-01T00", "2027-04-01T01"] {
      csv += "\(time):00:00Z,c,15220700,152207002\n"
    }
    _ = try write(csv, to: directory, "two-tiny.csv")
    let profile = try write(
      #"{"schemaVersion": 1, "name": "t", "peeringLocation": "Amsterdam", "targetRegions": ["North Europe"], "traffic": {"series": ["two-tiny.csv"]}, "sizing": {"percentile": 95, "targetUtilization": "0.8", "horizonMonths": 12}}"#,
      to: directory, "p.json")
    let gated = ercalc("size", profile, "--fail-above", "1000000", "--quiet")
    #expect(gated.status == .dataError, "\(gated.errors)")
    #expect(!gated.output.contains("50,000 GB"))
    #expect(
      gated.errors.contains(
        "error: series 'c' covers at most 0.3% of a month (2027-04), too little to know a month's outbound data"),
      "\(gated.errors)")
    // With "monthlyEgress" given, the series still gives the rates and the plan is made.
    let given = try write(
      #"{"schemaVersion": 1, "name": "t", "peeringLocation": "Amsterdam", "targetRegions": ["North Europe"], "traffic": {"series": ["two-tiny.csv"], "monthlyEgress": "2000 GB"}, "sizing": {"percentile": 95, "targetUtilization": "0.8", "horizonMonths": 12}}"#,
      to: directory, "given.json")
    let planned = ercalc("size", given, "--quiet")
    #expect(planned.status == .success, "\(planned.errors)")
    #expect(planned.output.contains("2,000 GB"))
  }

  @Test func absoluteSeriesPathsStayAbsolute() throws {
    let directory = try temporaryDirectory("ercalc-absolute")
    defer { try? FileManager.default.removeItem(at: directory) }
    // The series lives elsewhere (the fixtures folder) and is named by its absolute path: it used to be looked up
    // under the profile's folder ('<dir>/<absolute path>').
    let series = fixture("two-circuits.csv")
    let profile = try write(
      #"{"schemaVersion": 1, "name": "t", "peeringLocation": "Amsterdam", "gateways": 0, "traffic": {"series": ["\#(series)"], "seriesCircuit": "ams"}}"#,
      to: directory, "p.json")
    let size = ercalc("size", profile, "--quiet", "--format", "json")
    #expect(size.status == .success, "\(size.errors)")
    // As sizesFromASeriesReferencedByTheProfile: January's 83,700 GB scaled to 730 h is 82,125 GB.
    #expect(size.output.contains("\"monthlyEgressGB\": \"82125\""))
    let portfolio = try write(
      #"{"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12, "sites": [{"name": "ams", "profile": {"name": "ams", "peeringLocation": "Amsterdam", "gateways": 0, "traffic": {"series": ["\#(series)"], "seriesCircuit": "ams"}}}]}"#,
      to: directory, "portfolio.json")
    let budget = ercalc("budget", portfolio)
    #expect(budget.status == .success, "\(budget.errors)")
  }

  @Test func aMissingSeriesNamesTheBudgetSite() throws {
    let directory = try temporaryDirectory("ercalc-missing")
    defer { try? FileManager.default.removeItem(at: directory) }
    let portfolio = try write(
      #"{"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12, "sites": [{"name": "paris", "profile": {"name": "paris", "peeringLocation": "Paris", "gateways": 0, "traffic": {"series": ["gone.csv"]}}}]}"#,
      to: directory, "portfolio.json")
    let budget = ercalc("budget", portfolio)
    #expect(budget.status != .success)
    #expect(
      budget.errors.contains(
        "error: site 'paris': cannot read series 'gone.csv': no such file (looked in '\(directory.appendingPathComponent("gone.csv").path)')"
      ),
      "\(budget.errors)")
  }
}
