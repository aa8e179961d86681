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
