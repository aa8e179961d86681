import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// `size` and `budget` choose a workload's series by one rule: for the same series and the same circuit name, both
/// size from the same circuit or both refuse for the same reason. (Before commit 8aba88a `budget` fell back to the
/// only series when `seriesCircuit` named another, pricing site 'lon' from circuit 'ams' where `size` refused.)
@Suite struct SeriesChoiceInvariantTests {
  /// What a request made of the series: the circuit it sized from, or why it refused.
  enum Choice: Hashable {
    case circuit(String)
    case noSuchCircuit
    case ambiguous
    case notChosen
  }

  /// Two hourly samples of circuit `name` at 100 Mbps out.
  static func csv(_ names: [String]) -> String {
    var rows = ["Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond"]
    for hour in 0..<2 {
      rows += names.map { "2026-01-01T0\(hour):00:00Z,\($0),1000000,100000000" }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// The profile both requests size, as JSON: series listed relative to the file that holds it. Two hours cannot give a
  /// month's outbound data, so the profile gives it (without it both refuse the series as too short to know it).
  static func profile(series: [String], circuit: String?) -> String {
    let listed = series.map { "\"\($0)\"" }.joined(separator: ", ")
    let named = circuit.map { #", "seriesCircuit": "\#($0)""# } ?? ""
    return
      #"{"name": "site", "peeringLocation": "Amsterdam", "gateways": 0, "traffic": {"series": [\#(listed)], "monthlyEgress": "1000 GB"\#(named)}}"#
  }

  /// How a refusal of either request reads as a ``Choice``.
  static func refusal(_ error: any Error) -> Choice? {
    if case .seriesNotChosen = error as? RequestError { return .notChosen }
    guard let message = (error as? Diagnostic)?.message else { return nil }
    if message.contains("has no circuit") { return .noSuchCircuit }
    if message.contains(" names ") && message.contains(" series: ") { return .ambiguous }
    if message.contains("set 'seriesCircuit'") { return .notChosen }
    return nil
  }

  static func size(_ directory: URL, series: [String], circuit: String?, engine: PricingEngine) throws -> Choice? {
    let file = directory.appendingPathComponent("profile.json").path
    let profile = try WorkloadProfile(json: Data(profile(series: series, circuit: circuit).utf8), file: file)
    var warnings: [String] = []
    do {
      let outcome = try SizingRequest(profile: profile, profileFile: file).run(engine: engine, warnings: &warnings)
      return outcome.report.result.traffic.map { .circuit($0.circuit) }
    } catch {
      return refusal(error)
    }
  }

  static func budget(_ directory: URL, series: [String], circuit: String?, engine: PricingEngine) throws -> Choice? {
    let file = directory.appendingPathComponent("portfolio.json").path
    let json = """
      {"schemaVersion": 1, "name": "p", "startMonth": "2027-01", "horizonMonths": 12,
       "sites": [{"name": "site", "profile": \(profile(series: series, circuit: circuit))}]}
      """
    let portfolio = try Portfolio(json: Data(json.utf8), file: file)
    var warnings: [String] = []
    do {
      let outcome = try BudgetRequest(portfolio: portfolio, portfolioFile: file).run(
        engine: engine, warnings: &warnings)
      // A series the site cannot take refuses the site alone (the budget goes on): its reason is the choice.
      if let refused = outcome.report.budget.refused.first { return refusal(refused.diagnostic) }
      return outcome.report.budget.sites.first?.sizing?.traffic.map { .circuit($0.circuit) }
    } catch {
      return refusal(error)
    }
  }

  @Test func sizeAndBudgetMakeTheSameChoice() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-choice-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, circuits) in [("two.csv", ["ams", "lon"]), ("ams.csv", ["ams"]), ("lon.csv", ["lon"])] {
      try Self.csv(circuits).write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let engine = try Fixtures.engine()
    // (series files, circuit named, the choice both must make)
    let cases: [([String], String?, Choice)] = [
      (["ams.csv"], "lon", .noSuchCircuit),  // budget used to price 'lon' from the only series, 'ams'
      (["ams.csv"], nil, .circuit("ams")),
      (["ams.csv"], " AMS ", .circuit("ams")),
      (["two.csv"], nil, .notChosen),
      (["two.csv"], "LON", .circuit("lon")),
      (["two.csv"], "fra", .noSuchCircuit),
      (["ams.csv", "lon.csv"], nil, .notChosen),
      (["ams.csv", "lon.csv"], "lon", .circuit("lon")),
    ]
    for (series, circuit, expected) in cases {
      let size = try Self.size(directory, series: series, circuit: circuit, engine: engine)
      let budget = try Self.budget(directory, series: series, circuit: circuit, engine: engine)
      #expect(size == expected, "size, \(series), \(circuit ?? "no name")")
      #expect(budget == size, "budget against size, \(series), \(circuit ?? "no name")")
    }
  }
}
