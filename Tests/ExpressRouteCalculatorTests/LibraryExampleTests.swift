// This file imports the library without @testable: it compiles only against the public API, and the README's
// "Use as a library" example is the text between the markers below (ReadmeTests checks they match).
import ExpressRouteCalculator
import Foundation
import Testing

// BEGIN README EXAMPLE
/// Prices a circuit, compares billing models, sizes a workload and budgets both for a year.
func libraryExample() throws -> (
  quote: Quote, comparison: CircuitComparison, sizing: SizingResult, budget: Budget, markdown: String
) {
  let engine = try PricingEngine.embeddedDefault()  // the rate tables built into ercalc

  // Price one configuration: a Standard MeteredData 1 Gbps circuit in Amsterdam sending 40 TB a month.
  var deployment = Deployment(name: "Amsterdam")
  deployment.circuits.append(
    Circuit(
      name: "ams", peeringLocation: "Amsterdam", tier: .standard, billing: .metered, bandwidth: .gbps(1),
      monthlyEgress: .gigabytes(40_000)))
  let quote = try engine.quote(deployment)

  // Compare every tier and billing model at that size and volume.
  let amsterdam = try engine.locations.requireLocation(named: "Amsterdam")
  let comparison = try engine.compare(location: amsterdam, bandwidth: .gbps(1), monthlyEgress: .gigabytes(40_000))

  // Size a workload from its peak and volume.
  let profile = WorkloadProfile(
    name: "web", peeringLocation: "Amsterdam", targetRegions: ["West Europe"], monthlyEgress: .gigabytes(40_000),
    peakOutbound: .mbps(700), gateways: 1)
  let sizing = try SizingSolver(engine: engine).solve(profile)

  // Budget both as sites over 2027.
  let portfolio = Portfolio(
    name: "estate", startMonth: MonthKey(year: 2027, month: 1), horizonMonths: 12,
    sites: [
      .init(name: "Amsterdam", source: .deployment(deployment, yearlyGrowth: 0), tags: ["region": "Europe"]),
      .init(name: "web", source: .profile(profile), tags: ["region": "Europe"]),
    ])
  let budget = try BudgetPlanner(engine: engine).budget(portfolio)

  // Any result renders in any format: text, Markdown, JSON, FOCUS CSV or HTML.
  let markdown = QuoteReport(quote: quote).render(.markdown)
  return (quote, comparison, sizing, budget, markdown)
}
// END README EXAMPLE

@Suite struct LibraryExampleTests {
  @Test func theReadmeExampleRunsAndPrices() throws {
    let result = try libraryExample()
    // 436.00 + 40,000 GB × 0.025 = 1,436.00.
    #expect(result.quote.total.amount == Decimal(1_436))
    // Cheapest option at 40 TB: Local 1 Gbps (1,200.00, data included; West Europe is Amsterdam's local region),
    // against Standard MeteredData 1,436.00 and UnlimitedData 5,700.00.
    #expect(result.comparison.options.compactMap(\.monthlyTotal).min()?.amount == Decimal(1_200))
    // 700 Mbps ÷ 0.8 = 875 Mbps → 1 Gbps: Local UnlimitedData (1,200.00), with ErGw1AZ 730 × 0.361 = 263.53.
    #expect(result.sizing.recommendation?.bandwidth == .gbps(1))
    #expect(result.sizing.recommendation?.tier == .local)
    // 12 × 1,436.00 + 12 × (1,200.00 + 263.53) = 17,232.00 + 17,562.36 = 34,794.36.
    #expect(result.budget.total.amount == Decimal(string: "34794.36"))
    #expect(result.markdown.hasPrefix("# ExpressRoute quote: Amsterdam"))
  }

  /// The example compiles for a package that depends on ercalc: this file shares the package, so `package`
  /// declarations are visible to it; the compiler given the example alone, without the package's name, sees only
  /// what a dependent package sees (a `package` initialiser the example called went unnoticed before).
  @Test(.enabled(if: Self.swiftc != nil, "no swiftc on PATH")) func theReadmeExampleUsesThePublicAPIOnly() throws {
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let begin = try #require(source.range(of: "// BEGIN README EXAMPLE\n"))
    let end = try #require(source.range(of: "// END README EXAMPLE"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-library-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("main.swift")
    try ("import ExpressRouteCalculator\nimport Foundation\n\n" + source[begin.upperBound..<end.lowerBound]).write(
      to: file, atomically: true, encoding: .utf8)
    // The modules the tests were built with sit beside the test executable.
    let modules = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("Modules").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.swiftc))
    process.arguments = ["-typecheck", "-I", modules, file.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = errors
    try process.run()
    let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
  }

  /// `swiftc` from PATH, where the toolchain that built the tests puts it.
  static let swiftc: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
