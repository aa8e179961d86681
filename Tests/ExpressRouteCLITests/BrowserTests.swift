import Foundation
import TestSupport
import Testing

/// Renders the HTML reports in a real browser (headless Chromium) and checks they load cleanly.
///
/// `.ci/run` installs Chromium from the system packages, and under CI a missing
/// browser is a failure; on a developer machine without it the test is skipped.
@Suite struct BrowserTests {
  static let chromium: String? =
    ["CHROMIUM", "CHROME"].compactMap { ProcessInfo.processInfo.environment[$0] }.first
    ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  static let required = ProcessInfo.processInfo.environment["CI"] != nil

  static let pages: [String] = [
    "Reports/branch-office/quote.html", "Reports/data-centre-growth/sizing.html", "Reports/global-estate/budget.html",
    "Reports/redundant-design/sizing.html", "Reports/provider-charges/budget.html",
    "Reports/regional-estate/budget.html",
    "Tests/ExpressRouteCLITests/Snapshots/estate.html",
  ]

  /// Runs headless Chromium on `file` with a 1280 × 900 window and returns the rendered DOM and the log.
  static func render(_ file: URL, browser: String) throws -> (status: Int32, dom: String, log: String) {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--user-data-dir=\(profile.path)",
      "--enable-logging=stderr", "--v=0", "--window-size=1280,900", "--virtual-time-budget=2000", "--dump-dom",
      file.absoluteString,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, dom, log)
  }

  /// No page is wider than a 1280 px window: wide tables scroll inside their own box. The shipped page runs no
  /// script (its Content Security Policy forbids them), so a test copy without the policy measures the layout.
  @Test(
    .enabled(if: chromium != nil || required, "Chromium is not installed (apt-get install chromium)"), arguments: pages)
  func pageFitsA1280PixelWindowAndChartsHaveAxisTitles(_ page: String) throws {
    let browser = try #require(Self.chromium, "CI must install Chromium (.ci/run does)")
    let source = try String(contentsOf: packageRoot.appendingPathComponent(page), encoding: .utf8)
    // Every column and line chart names both axes; bar charts name their value axis.
    for chart in source.components(separatedBy: "<svg").dropFirst() {
      let svg = chart.components(separatedBy: "</svg>")[0]
      let titles = svg.components(separatedBy: "class=\"axis-title\"").count - 1
      #expect(titles >= (svg.contains("chart-bars") ? 1 : 2), "\(page): a chart lacks axis titles")
    }
    let measuring = source.replacingOccurrences(
      of: #"<meta http-equiv="Content-Security-Policy""#, with: #"<meta name="removed-for-test""#
    )
    .replacingOccurrences(
      of: "</body>",
      with:
        "<script>document.body.setAttribute('data-width', String(document.documentElement.scrollWidth))</script></body>"
    )
    let directory = try temporaryDirectory("ercalc-width")
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("page.html")
    try measuring.write(to: copy, atomically: true, encoding: .utf8)
    let rendered = try Self.render(copy, browser: browser)
    #expect(rendered.status == 0)
    let width = rendered.dom.components(separatedBy: "data-width=\"").dropFirst().first.flatMap {
      Int($0.prefix { $0.isNumber })
    }
    let measured = try #require(width, "\(page): the page was not measured")
    #expect(measured <= 1280, "\(page) is \(measured) px wide in a 1280 px window")
  }

  @Test(
    .enabled(if: chromium != nil || required, "Chromium is not installed (apt-get install chromium)"), arguments: pages)
  func pageLoadsWithoutErrorsAndShowsCharts(_ page: String) throws {
    let browser = try #require(Self.chromium, "CI must install Chromium (.ci/run does)")
    let file = packageRoot.appendingPathComponent(page)
    let source = try String(contentsOf: file, encoding: .utf8)
    let (status, dom, log) = try Self.render(file, browser: browser)
    #expect(status == 0, "chromium exited with \(status): \(log.suffix(2000))")
    // The page parsed completely, its charts are in the rendered DOM, and nothing ran or was blocked.
    #expect(dom.contains("</main>"))
    let charts = source.components(separatedBy: "<svg").count - 1
    #expect(charts > 0)
    #expect(dom.components(separatedBy: "<svg").count - 1 == charts)
    #expect(!dom.contains("<script"))
    let problems = log.split(separator: "\n").filter {
      $0.contains("CONSOLE") || $0.contains("Refused to") || $0.contains("Uncaught")
    }
    #expect(problems.isEmpty, "console: \(problems.joined(separator: "\n"))")
  }
}
