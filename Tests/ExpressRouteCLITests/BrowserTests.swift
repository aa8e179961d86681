import Foundation
import Testing

/// Renders the HTML reports in a real browser (headless Chromium) and checks they load cleanly.
///
/// `.ci/run` installs Chromium from the system packages, and under CI a missing
/// browser is a failure; on a developer machine without it the test is skipped.
@Suite struct BrowserTests {
  static let chromium: String? =
    ["CHROMIUM", "CHROME"].compactMap { ProcessInfo.processInfo.environment[$0] }.first
    ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static let required = ProcessInfo.processInfo.environment["CI"] != nil

  static let pages: [String] = [
    "Reports/branch-office/quote.html", "Reports/data-centre-growth/sizing.html", "Reports/global-estate/budget.html",
    "Reports/redundant-design/sizing.html", "Reports/provider-charges/budget.html",
    "Tests/ExpressRouteCLITests/Snapshots/estate.html",
  ]

  @Test(.enabled(if: chromium != nil || required, "Chromium is not installed (apt-get install chromium)"), arguments: pages)
  func pageLoadsWithoutErrorsAndShowsCharts(_ page: String) throws {
    let browser = try #require(Self.chromium, "CI must install Chromium (.ci/run does)")
    let file = packageRoot.appendingPathComponent(page)
    let source = try String(contentsOf: file, encoding: .utf8)
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)",
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000", "--dump-dom", file.absoluteString,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus): \(log.suffix(2000))")
    // The page parsed completely, its charts are in the rendered DOM, and nothing ran or was blocked.
    #expect(dom.contains("</main>"))
    let charts = source.components(separatedBy: "<svg").count - 1
    #expect(charts > 0)
    #expect(dom.components(separatedBy: "<svg").count - 1 == charts)
    #expect(!dom.contains("<script"))
    let problems = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Refused to") || $0.contains("Uncaught") }
    #expect(problems.isEmpty, "console: \(problems.joined(separator: "\n"))")
  }
}
