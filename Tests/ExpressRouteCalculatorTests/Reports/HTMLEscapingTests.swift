import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct HTMLEscapingTests {
  @Test func attributesAndTextAreEscaped() {
    var output = ""
    HTMLNode.el("rect", [("title", "\" onmouseover=\"alert(1)")], [.text("<script>alert('x') & co</script>")]).render(
      into: &output)
    #expect(
      output
        == "<rect title=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#39;x&#39;) &amp; co&lt;/script&gt;</rect>\n"
    )
  }

  @Test func userStringsInEveryPartOfAReportRenderAsText() {
    let hostile = "<script>alert(\"x\")</script> & 'quotes'"
    let document = ReportDocument(
      title: hostile,
      blocks: [
        .facts([ReportFact(hostile, hostile)]), .heading(hostile), .paragraph(hostile), .list([hostile]),
        .table(ReportTable(columns: [.init(hostile)], rows: [[hostile]], footer: [hostile])),
        .chart(
          ReportChart(
            kind: .bars, title: hostile, categories: [hostile], series: [.init(name: hostile, values: [1])],
            valueLabel: hostile)),
        .chart(
          ReportChart(
            kind: .lines, title: hostile, categories: [hostile, hostile],
            series: [.init(name: hostile, values: [1, 2])], valueLabel: hostile,
            markers: [.init(position: 0.5, label: hostile)])),
        .chart(
          ReportChart(
            kind: .stackedColumns, title: hostile, categories: [hostile], series: [.init(name: hostile, values: [1])],
            valueLabel: hostile)),
      ])
    let html = HTMLRenderer().render(document)
    #expect(!html.contains("<script"))
    #expect(!html.contains("\"x\")"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
    // Self-contained: no external URLs, scripts or fonts.
    // Only the SVG namespace.
    #expect(html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") })
    #expect(!html.contains("https://"))
    #expect(!html.contains("src="))
    #expect(html.contains("Content-Security-Policy"))
    let markdown = MarkdownRenderer().render(document)
    #expect(markdown.contains("\\<script\\>alert(\"x\")\\</script\\> & 'quotes'"))
  }

  @Test func csvQuotesAndDefusesFormulas() {
    #expect(
      CSVWriter.write([["a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "-12.5", "@me", "line\nbreak"]])
        == "\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",-12.5,'@me,\"line\nbreak\"\r\n")
  }
}
