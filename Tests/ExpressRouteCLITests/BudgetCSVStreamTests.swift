import Foundation
import TestSupport
import Testing

/// The budget CSV is written while it is computed, by the real binary: to standard output, to `--output` (atomically),
/// into a full disk or a closed pipe, and it is the gallery's CSV byte for byte.
@Suite struct BudgetCSVStreamTests {
  static let portfolio = packageRoot.appendingPathComponent("Reports/global-estate/portfolio.json").path

  @Test func standardOutputAndOutputFileAreTheGalleryCSV() throws {
    let gallery = try String(
      contentsOf: packageRoot.appendingPathComponent("Reports/global-estate/budget.csv"), encoding: .utf8)
    let piped = try runErcalc(["budget", Self.portfolio, "--format", "csv"])
    #expect(piped.status == 0, "\(piped.errors)")
    #expect(piped.output == gallery)
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("budget.csv").path
    let written = try runErcalc(["budget", Self.portfolio, "--output", file])
    #expect(written.status == 0, "\(written.errors)")
    #expect(written.output.isEmpty)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == gallery)
    // Only the finished file is left: no temporary file beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["budget.csv"])
  }

  @Test func aFullDiskIsAnErrorAndAClosedPipeIsNot() throws {
    let full = try runErcalc(["budget", Self.portfolio, "--format", "csv"], stdout: "/dev/full")
    #expect(full.status == 1)
    #expect(full.errors.contains("error: cannot write to standard output: No space left on device"))
    let closed = try runErcalc(["budget", Self.portfolio, "--format", "csv"], closedStdout: true)
    #expect(!closed.signaled)
    #expect(closed.status == 0, "\(closed.errors)")
  }

  /// `budget --format csv | head -1`: once the reader is gone, ercalc stops after the chunk of 256 sites it is writing
  /// and says so, instead of budgeting 600 sites nobody reads; with `--fail-above` it budgets every site, as the gate
  /// must judge the whole.
  @Test func aReaderThatGoesAwayStopsTheBudgetUnlessAGateJudgesIt() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let sites = (1...600).map { index in
      """
      {"name": "site \(index)", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}}
      """
    }
    let file = directory.appendingPathComponent("many.json").path
    try """
    {"schemaVersion": 1, "name": "many", "startMonth": "2027-01", "horizonMonths": 12, "sites": [\(sites.joined(separator: ","))]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let closed = try runErcalc(["budget", file, "--format", "csv"], closedStdout: true)
    #expect(!closed.signaled && closed.status == 0, "\(closed.errors)")
    #expect(
      closed.errors
        == "note: the output was closed after 0 of 600 sites were written; ercalc stopped there, so the budget is incomplete\n"
    )
    // Standard 1 Gbps UnlimitedData in Amsterdam (Zone 1): 5,700.00 a month per circuit (the default table); 600
    // sites: 600 × 5,700.00 = 3,420,000.00 a month, above a limit of 3,419,999.
    let judged = try runErcalc(["budget", file, "--format", "csv", "--fail-above", "3419999"], closedStdout: true)
    #expect(judged.status == 1)
    #expect(judged.errors.contains("highest monthly total 3,420,000.00 USD exceeds --fail-above 3,419,999.00 USD"))
    #expect(!judged.errors.contains("ercalc stopped there"))
  }

  @Test func anOutputInAMissingFolderLeavesNothing() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("missing/budget.csv").path
    let result = try runErcalc(["budget", Self.portfolio, "--format", "csv", "--output", file])
    #expect(result.status == 1)
    #expect(result.errors.contains("cannot write '\(file)': directory '\(directory.path)/missing' does not exist"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }
}
