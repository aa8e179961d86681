import Foundation
import TestSupport
import Testing

/// The budget CSV is written while it is computed, by the real binary: to standard output, to `--output` (atomically),
/// into a full disk or a closed pipe, and it is the gallery's CSV byte for byte.
@Suite struct BudgetCSVStreamTests {
  static let portfolio = packageRoot.appendingPathComponent("Reports/global-estate/portfolio.json").path

  /// `count` sites, each one Standard 1 Gbps UnlimitedData circuit in Amsterdam (5,700.00 a month, Zone 1).
  static func amsterdamSites(_ count: Int) -> [String] {
    (1...count).map { index in
      """
      {"name": "site \(index)", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}}
      """
    }
  }

  /// A portfolio of `sites` over 12 months from 2027-01, written to `path`.
  static func writePortfolio(_ sites: [String], to path: String) throws {
    try """
    {"schemaVersion": 1, "name": "many", "startMonth": "2027-01", "horizonMonths": 12, "sites": [\(sites.joined(separator: ","))]}
    """.write(toFile: path, atomically: true, encoding: .utf8)
  }

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
    // With a gate that fails too, both are said.
    let gated = try runErcalc(["budget", Self.portfolio, "--format", "csv", "--fail-above", "1"], stdout: "/dev/full")
    #expect(gated.status == 1)
    #expect(gated.errors.contains("error: cannot write to standard output: No space left on device"))
    #expect(gated.errors.contains("exceeds --fail-above 1.00 USD"))
    let closed = try runErcalc(["budget", Self.portfolio, "--format", "csv"], closedStdout: true)
    #expect(!closed.signaled)
    #expect(closed.status == 0, "\(closed.errors)")
  }

  /// `budget --format csv | head -1`: once the reader is gone no more rows are rendered, but every site is still
  /// budgeted, so a site refused after the first chunk of 256 still gives exit 65, and `--fail-above` judges all.
  @Test func aReaderThatGoesAwayStillGetsTheWholeVerdict() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var sites = Self.amsterdamSites(600)
    let file = directory.appendingPathComponent("many.json").path
    try Self.writePortfolio(sites, to: file)
    let closed = try runErcalc(["budget", file, "--format", "csv"], closedStdout: true)
    #expect(!closed.signaled && closed.status == 0, "\(closed.errors)")
    #expect(closed.errors.isEmpty)
    // Standard 1 Gbps UnlimitedData in Amsterdam (Zone 1): 5,700.00 a month per circuit (the default table); 600
    // sites: 600 × 5,700.00 = 3,420,000.00 a month, above a limit of 3,419,999.
    let judged = try runErcalc(["budget", file, "--format", "csv", "--fail-above", "3419999"], closedStdout: true)
    #expect(judged.status == 1)
    #expect(judged.errors.contains("highest monthly total 3,420,000.00 USD exceeds --fail-above 3,419,999.00 USD"))
    // Site 500, in the second chunk, at a location that does not exist: refused, exit 65, pipe or not.
    sites[499] = sites[499].replacingOccurrences(of: "Amsterdam", with: "Atlantis")
    try Self.writePortfolio(sites, to: file)
    let refused = try runErcalc(["budget", file, "--format", "csv"], closedStdout: true)
    #expect(refused.status == 65, "\(refused.errors)")
    #expect(refused.errors.contains("error: 1 site refused"))
  }

  /// A FIFO whose reader takes 100 bytes and leaves: neither the streamed CSV nor the whole JSON report (2 MB, far
  /// beyond a pipe's buffer) is said to be "wrote" there.
  @Test func aFIFOWhoseReaderLeftIsNotWritten() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("many.json").path
    try Self.writePortfolio(Self.amsterdamSites(600), to: file)
    let fifo = directory.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for format in ["json", "csv"] {
      let reader = Process()
      reader.executableURL = URL(fileURLWithPath: "/bin/sh")
      reader.arguments = ["-c", "head -c 100 '\(fifo)' > /dev/null"]
      try reader.run()
      let result = try runErcalc(["budget", file, "--format", format, "--output", fifo])
      reader.waitUntilExit()
      #expect(result.status == 0, "\(format): \(result.errors)")
      #expect(!result.errors.contains("wrote"), "\(format): \(result.errors)")
    }
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
