import Foundation
import TestSupport
import Testing

/// Prints budgets to PDF in headless Chromium and reads each page's text back with `pdftotext`.
///
/// A printed budget must have one labelled total row per table, at the table's end, and each total once: the
/// screen style keeps the first column and the footer in view while scrolling (`position: sticky`), and in print
/// that once put "Total" on a month row, left the real total row unlabelled and repeated it under every page's
/// part of a long table. `.ci/run` installs Chromium and poppler-utils; without them the tests are skipped with
/// that reason (under CI, where `CI` is set, they run and fail instead).
@Suite struct PrintTests {
  static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
  static let available = BrowserTests.chromium != nil && pdftotext != nil
  static let skipReason: Comment =
    "Chromium or pdftotext is not installed (apt-get install chromium poppler-utils): printed budgets are not checked"

  /// The gallery's largest budget (the most bytes of HTML: the most table rows).
  static func largestGalleryBudget() throws -> URL {
    let budgets = GalleryTests.examples.filter { $0.output == "budget" }.map {
      packageRoot.appendingPathComponent("Reports/\($0.folder)/budget.html")
    }
    let sized = try budgets.map { ($0, try Data(contentsOf: $0).count) }
    return try #require(sized.max { $0.1 < $1.1 }?.0)
  }

  @Test(.enabled(if: available || BrowserTests.required, skipReason))
  func theLargestGalleryBudgetPrintsEachTotalOnceAndLabelled() throws {
    let page = try Self.largestGalleryBudget()
    // The regional estate (200 sites) is the largest: its site table alone runs over several pages.
    #expect(page.path.hasSuffix("regional-estate/budget.html"))
    let html = try String(contentsOf: page, encoding: .utf8)
    let pages = try Self.printedPages(page)
    #expect(pages.count >= 5, "the largest budget printed on \(pages.count) pages")
    try Self.checkTotals(html: html, pages: pages, name: "regional-estate")
  }

  @Test(.enabled(if: available || BrowserTests.required, skipReason))
  func aTenSiteBudgetPrintsEachTotalOnceAndLabelled() throws {
    // Ten sites over 36 months: the site × month matrix (ten site columns) and each site's line items.
    let portfolio = try BudgetAtScaleTests.portfolio(sites: 10, horizon: 36)
    let result = ercalc("budget", portfolio, "--format", "html")
    #expect(result.status == .success, "\(result.errors)")
    let directory = try temporaryDirectory("ercalc-print")
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("budget.html")
    try result.output.write(to: page, atomically: true, encoding: .utf8)
    let pages = try Self.printedPages(page)
    #expect(pages.count >= 2, "36 months printed on \(pages.count) page")
    try Self.checkTotals(html: result.output, pages: pages, name: "ten sites")
  }

  /// The widest tables a budget prints: twelve sites with long names and a discount (site columns, a list column
  /// and the total), and twenty with the details option. Each table's total column must be on the paper: a table
  /// wider than the page used to lose its right-hand columns, Total among them.
  @Test(.enabled(if: available || BrowserTests.required, skipReason), arguments: [12, 20])
  func aWideBudgetPrintsItsTotalColumn(sites count: Int) throws {
    let directory = try temporaryDirectory("ercalc-print-wide")
    defer { try? FileManager.default.removeItem(at: directory) }
    let sites = (1...count).map { index in
      """
      {"name": "Contoso manufacturing plant number \(index) (EMEA)", "deployment": {"circuits": [{"name": "er", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps"}]}}
      """
    }
    let portfolio = directory.appendingPathComponent("wide.json")
    try """
    {"schemaVersion": 1, "name": "wide", "startMonth": "2027-01", "horizonMonths": 12, "sites": [\(sites.joined(separator: ","))]}
    """.write(to: portfolio, atomically: true, encoding: .utf8)
    let result = ercalc("budget", portfolio.path, "--discount", "10%", "--details", "--format", "html")
    #expect(result.status == .success, "\(result.errors)")
    let page = directory.appendingPathComponent("budget.html")
    try result.output.write(to: page, atomically: true, encoding: .utf8)
    let pages = try Self.printedPages(page)
    try Self.checkTotals(html: result.output, pages: pages, name: "\(count) wide sites")
    // 10 Gbps Standard UnlimitedData in Zone 1 is 51,300 a month, 46,170.00 after 10%; the month's total over the
    // sites is 46,170 × count, at the end of every month's row.
    let monthTotal = count == 12 ? "554,040.00" : "923,400.00"
    let printed = pages.joined().joined(separator: "\n")
    #expect(printed.contains("2027-01 46,170.00"))
    #expect(printed.split(separator: "\n").contains { $0.hasPrefix("2027-01 ") && $0.hasSuffix(" \(monthTotal)") })
  }

  /// Page by page: every line starting with "Total" is a table footer or the summary fact, no footer's amounts are
  /// printed without their label, and no unlabelled row holds the grand total. Over the whole print, each footer
  /// appears exactly as often as the HTML has it (once per table, not under every page's part), so the grand total
  /// is labelled once per table that ends with it plus once in the summary.
  static func checkTotals(html: String, pages: [[String]], name: String) throws {
    let footers = Self.footers(html)
    let fact = try #require(Self.totalFact(html), "\(name): no Total fact")
    let grand = try #require(fact.split(separator: " ").first.map(String.init))
    let unlabelled = Set(footers.map { String($0.dropFirst("Total ".count)) })
    #expect(footers.allSatisfy { $0.hasPrefix("Total ") }, "\(name): a footer without its label: \(footers)")
    for (index, lines) in pages.enumerated() {
      let page = index + 1
      for line in lines where line == "Total" || line.hasPrefix("Total ") {
        #expect(
          footers.contains(line) || line == "Total \(fact)",
          "\(name), page \(page): 'Total' labels a row that is not a total: '\(line)'")
      }
      for line in lines where unlabelled.contains(line) {
        Issue.record("\(name), page \(page): a total row without its label: '\(line)'")
      }
      // A row of the grand total is labelled "Total", or is a named row that happens to equal it (one meter group,
      // or the only year of a one-year budget, labelled `2027`).
      for line in lines where line.split(separator: " ").contains(where: { $0 == grand }) {
        let label = line.prefix { $0 != " " }
        let isYear = label.count == 4 && label.allSatisfy(\.isNumber)
        #expect(
          line.hasPrefix("Total ") || line.first?.isLetter == true || isYear,
          "\(name), page \(page): the grand total on an unlabelled row: '\(line)'")
      }
    }
    let printed = pages.enumerated().flatMap { index, lines in lines.map { (page: index + 1, line: $0) } }
    for footer in Set(footers) {
      let expected = footers.filter { $0 == footer }.count
      let found = printed.filter { $0.line == footer }
      #expect(
        found.count == expected,
        "\(name): '\(footer)' printed \(found.count) times (pages \(found.map(\.page))), expected \(expected)")
    }
    let tablesWithGrand = footers.filter { $0.split(separator: " ").contains { $0 == grand } }.count
    let withGrand = printed.filter {
      $0.line.hasPrefix("Total ") && $0.line.split(separator: " ").contains { $0 == grand }
    }
    // Per month, per year, per year and group or site, per meter.
    #expect(tablesWithGrand >= 4, "\(name): \(tablesWithGrand) tables end with the grand total \(grand)")
    let pagesWithGrand = withGrand.map(\.page)
    #expect(
      withGrand.count == tablesWithGrand + 1,
      "\(name): grand total \(grand) printed \(withGrand.count) times (pages \(pagesWithGrand)), not \(tablesWithGrand + 1)"
    )
  }

  /// Each `<tfoot>` row's non-empty cells, joined by single spaces (`Total 18,084,307.54 100.0%`).
  static func footers(_ html: String) -> [String] {
    html.components(separatedBy: "<tfoot>").dropFirst().map { part in
      let footer = part.components(separatedBy: "</tfoot>")[0]
      return footer.components(separatedBy: "<td").dropFirst().compactMap { cell -> String? in
        let text = cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
        let unescaped = text.replacingOccurrences(of: "&amp;", with: "&")
        return unescaped.isEmpty ? nil : unescaped
      }.joined(separator: " ")
    }
  }

  /// The summary's Total fact (`18,084,307.54 USD`).
  static func totalFact(_ html: String) -> String? {
    html.components(separatedBy: "<dt>Total</dt>\n<dd>").dropFirst().first.map { String($0.prefix { $0 != "<" }) }
  }

  /// Prints `page` to PDF (A4 landscape, the page's own `@page` rule) and returns each page's non-empty lines,
  /// runs of spaces collapsed to one.
  static func printedPages(_ page: URL) throws -> [[String]] {
    let browser = try #require(BrowserTests.chromium, "CI must install Chromium (.ci/run does)")
    let converter = try #require(pdftotext, "CI must install poppler-utils (.ci/run does)")
    let directory = try temporaryDirectory("ercalc-pdf")
    defer { try? FileManager.default.removeItem(at: directory) }
    let pdf = directory.appendingPathComponent("page.pdf")
    let text = directory.appendingPathComponent("page.txt")
    let printed = try Self.run(
      browser,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
        "--print-to-pdf-no-header",  // the same, for Chromium before 112
        "--print-to-pdf=\(pdf.path)", page.absoluteString,
      ])
    #expect(printed == 0, "chromium exited with \(printed)")
    #expect(try Self.run(converter, ["-layout", pdf.path, text.path]) == 0)
    let output = try String(contentsOf: text, encoding: .utf8)
    var pages = output.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages.map { page in
      page.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
    }
  }

  /// Runs `tool` with its output discarded (the results are files) and returns its exit status.
  static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
