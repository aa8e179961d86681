import Foundation
import TestSupport
import Testing

/// Budgets of 1, 12 and 1,000 sites and the gallery's pages measured in a 1280 × 900 Chromium window: every table's
/// Total column is in view without scrolling, and no two chart labels overlap, measured on the rendered text.
extension BrowserTests {
  /// Reports, into `<pre id="layout-problems">`, each Total column out of view and each pair of chart labels that
  /// overlap by more than 1 × 3 px (the boxes are whole em boxes, so touching lines overlap a little), and into
  /// `data-totals` how many Total columns it checked.
  static let layoutProbe = """
    <script>
    const problems = [];
    let totals = 0;
    for (const table of document.querySelectorAll('table')) {
      const headers = table.querySelectorAll('thead th');
      const last = headers[headers.length - 1];
      if (!last || !last.textContent.startsWith('Total')) continue;
      totals += 1;
      const cell = last.getBoundingClientRect();
      const wrap = table.closest('.table-wrap').getBoundingClientRect();
      if (cell.left < wrap.left - 1 || cell.right > wrap.right + 1 || cell.right > window.innerWidth) {
        problems.push('hidden: ' + last.textContent + ' at ' + cell.left + '-' + cell.right + ' in ' + wrap.right);
      }
    }
    for (const svg of document.querySelectorAll('svg')) {
      const texts = [...svg.querySelectorAll('text')].map(t => [t.firstChild.textContent, t.getBoundingClientRect()]);
      for (let a = 0; a < texts.length; a++) {
        for (let b = a + 1; b < texts.length; b++) {
          const p = texts[a][1], q = texts[b][1];
          const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (dx > 1 && dy > 3) problems.push('overlap: ' + texts[a][0] + ' | ' + texts[b][0]);
        }
      }
    }
    const out = document.createElement('pre');
    out.id = 'layout-problems';
    out.setAttribute('data-totals', String(totals));
    out.textContent = problems.join('\\n');
    document.body.appendChild(out);
    </script>
    """

  @Test(
    .enabled(if: chromium != nil || required, "Chromium is not installed (apt-get install chromium)"),
    arguments: [1, 12, 1000])
  func totalColumnsAreInViewAndChartLabelsDoNotOverlap(_ sites: Int) throws {
    let (totals, problems) = try Self.measureLayout(BudgetChartTests.budgetHTML(sites: sites))
    // Per year and per meter always end with Total; the 1- and 12-site budgets add the site × month matrix.
    #expect(totals >= 2, "\(sites) sites: \(totals) Total columns checked")
    #expect(problems.isEmpty, "\(sites) sites: \(problems)")
  }

  @Test(
    .enabled(if: chromium != nil || required, "Chromium is not installed (apt-get install chromium)"),
    arguments: pages)
  func galleryTotalColumnsAreInViewAndChartLabelsDoNotOverlap(_ page: String) throws {
    let html = try String(contentsOf: packageRoot.appendingPathComponent(page), encoding: .utf8)
    let (_, problems) = try Self.measureLayout(html)
    #expect(problems.isEmpty, "\(page): \(problems)")
  }

  /// Renders `html` (its Content Security Policy removed so the probe runs) in a 1280 × 900 window and returns how
  /// many Total columns the probe checked and what it found.
  static func measureLayout(_ html: String) throws -> (totals: Int, problems: String) {
    let browser = try #require(Self.chromium, "CI must install Chromium (.ci/run does)")
    let measuring = html.replacingOccurrences(
      of: #"<meta http-equiv="Content-Security-Policy""#, with: #"<meta name="removed-for-test""#
    )
    .replacingOccurrences(of: "</body>", with: Self.layoutProbe + "</body>")
    let directory = try temporaryDirectory("ercalc-layout")
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("page.html")
    try measuring.write(to: copy, atomically: true, encoding: .utf8)
    let rendered = try Self.render(copy, browser: browser)
    #expect(rendered.status == 0)
    let report = try #require(
      rendered.dom.components(separatedBy: "<pre id=\"layout-problems\"").dropFirst().first, "the probe did not run")
    let totals = Int(report.components(separatedBy: "data-totals=\"").dropFirst().first?.prefix { $0.isNumber } ?? "")
    return (totals ?? 0, String(report.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }))
  }
}
