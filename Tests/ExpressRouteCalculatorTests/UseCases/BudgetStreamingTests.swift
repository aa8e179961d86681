import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports

/// A budget's CSV streamed site by site (``UseCases/BudgetRequest/streamCSV(engine:warnings:write:)``) is byte for
/// byte the CSV of the whole report, with the same gate figure and refusals, across chunk boundaries, profile sites,
/// one-time charges amortised or not, and sites refused whole.
@Suite struct BudgetStreamingTests {
  static func compare(_ request: BudgetRequest, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let engine = try Fixtures.engine()
    var warnings: [String] = []
    let whole = try request.run(engine: engine, warnings: &warnings)
    var streamedWarnings: [String] = []
    var pieces = 0
    var bytes: [UInt8] = []
    let streamed = try request.streamCSV(engine: engine, warnings: &streamedWarnings) { piece in
      pieces += 1
      bytes += piece
      return true
    }
    #expect(String(decoding: bytes, as: UTF8.self) == whole.report.render(.csv), sourceLocation: sourceLocation)
    #expect(streamed.gate == whole.gate, sourceLocation: sourceLocation)
    #expect(streamed.budget.refused == whole.report.budget.refused, sourceLocation: sourceLocation)
    #expect(streamed.budget.overruns == whole.report.budget.overruns, sourceLocation: sourceLocation)
    #expect(streamed.budget.sources == whole.report.budget.sources, sourceLocation: sourceLocation)
    #expect(streamed.budget.sites.isEmpty, sourceLocation: sourceLocation)
    // Header, one piece per budgeted site, the refused sites' rows.
    #expect(pieces == whole.report.budget.sites.count + 2, sourceLocation: sourceLocation)
  }

  static func request(_ path: String, plan: PlanOptions = PlanOptions()) throws -> BudgetRequest {
    let file = packageRoot.appendingPathComponent(path).path
    return BudgetRequest(
      portfolio: try Portfolio(json: try Data(contentsOf: URL(fileURLWithPath: file)), file: file), portfolioFile: file,
      plan: plan)
  }

  @Test func galleryPortfolios() throws {
    try Self.compare(Self.request("Reports/global-estate/portfolio.json"))
    try Self.compare(Self.request("Reports/provider-charges/portfolio.json"))
    try Self.compare(Self.request("Reports/provider-charges/portfolio.json", plan: PlanOptions(amortize: true)))
    try Self.compare(Self.request("Reports/regional-estate/portfolio.json", plan: PlanOptions(months: 6)))
  }

  /// 600 sites (three chunks of 256, the last partial), every 97th refused whole (a location that does not exist),
  /// every 5th growing into a capacity overrun.
  @Test func acrossChunksWithRefusedSites() throws {
    let sites = (1...600).map { index in
      let location = index % 97 == 0 ? "Atlantis" : ["Amsterdam", "Singapore", "London"][index % 3]
      let egress = index % 5 == 0 ? "320 TB" : "\(index % 300 + 1) TB"
      return """
        {"name": "site \(index)", "yearlyGrowth": "0.3", "deployment": {"circuits": [{"name": "er", "peeringLocation": "\(location)", "tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "\(egress)"}]}}
        """
    }
    let json = """
      {"schemaVersion": 1, "name": "many", "startMonth": "2027-01", "horizonMonths": 4, "sites": [\(sites.joined(separator: ","))]}
      """
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString).json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let request = BudgetRequest(
      portfolio: try Portfolio(json: Data(json.utf8), file: file.path), portfolioFile: file.path)
    try Self.compare(request)
    var warnings: [String] = []
    let streamed = try request.streamCSV(engine: try Fixtures.engine(), warnings: &warnings) { _ in true }
    // Sites 97, 194, 291, 388, 485 and 582 are refused; 320 TB grows past 1 Gbps's 328,500 GB in 4 months at 30% a
    // year (320,000 × 1.022105 = 327,073.6 GB in month 2 fits; × 1.044697 = 334,303.0 GB in month 3 does not), on
    // the 120 sites whose index is a multiple of 5, less site 485, which is refused: 119.
    #expect(streamed.budget.refused.count == 6)
    #expect(streamed.budget.overruns.count == 119)
    #expect(streamed.budget.overruns.allSatisfy { $0.firstMonth.description == "2027-03" && $0.months == 2 })

    // A reader that goes away after the first site's rows (`| head`) is given nothing more, but every site is still
    // budgeted: the same refusals, overruns and gate as above.
    var calls = 0
    var stoppedWarnings: [String] = []
    let stopped = try request.streamCSV(engine: try Fixtures.engine(), warnings: &stoppedWarnings) { _ in
      calls += 1
      return calls < 3  // the header, site 1, then site 2's rows find the reader gone
    }
    #expect(calls == 3)
    #expect(stopped.budget.refused == streamed.budget.refused)
    #expect(stopped.budget.overruns.count == 119)
    #expect(stopped.gate == streamed.gate)
  }

  @Test func aWriteErrorStopsTheStream() throws {
    struct Full: Error {}
    var calls = 0
    #expect(throws: Full.self) {
      var warnings: [String] = []
      _ = try Self.request("Reports/global-estate/portfolio.json").streamCSV(
        engine: try Fixtures.engine(), warnings: &warnings
      ) { _ in
        calls += 1
        if calls == 2 { throw Full() }
        return true
      }
    }
    #expect(calls == 2)  // nothing is written after the first failure
  }
}
