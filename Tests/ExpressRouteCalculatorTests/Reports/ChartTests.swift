import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Charts a reader can read: round ticks, axis titles, the user's own volume, a capacity line, a peak not drawn as data.
@Suite struct ChartTests {
  @Test func ticksAreRoundValuesCoveringTheMaximum() {
    // 17,683.29: a fifth is 3,536.66, so steps of 5,000 up to 20,000.
    #expect(SVGChart.ticks(upTo: 17_683.29) == [0, 5_000, 10_000, 15_000, 20_000])
    // 1,800: a fifth is 360, so steps of 500 up to 2,000.
    #expect(SVGChart.ticks(upTo: 1_800) == [0, 500, 1_000, 1_500, 2_000])
    // 0.9: steps of 0.2 up to 1.0.
    let small = SVGChart.ticks(upTo: 0.9)
    #expect(small.count == 6 && abs((small.last ?? 0) - 1.0) < 1e-9)
    #expect(SVGChart.ticks(upTo: 0) == [0, 1])
    // 12,000: a fifth is 2,400, so steps of 2,500 (5,000 left three ticks) up to 12,500.
    #expect(SVGChart.ticks(upTo: 12_000) == [0, 2_500, 5_000, 7_500, 10_000, 12_500])
    // Exactly 10,000: a fifth is 2,000, so steps of 2,000 ending at 10,000 (no extra tick above).
    #expect(SVGChart.ticks(upTo: 10_000) == [0, 2_000, 4_000, 6_000, 8_000, 10_000])
  }

  @Test func oneNumberFormatPerAxisStep() {
    // Whole steps: no decimals, grouped; half away from zero.
    let whole = ChartNumberFormat(step: 2_500)
    #expect(whole.places == 0)
    #expect(whole(1_234_567.5) == "1,234,568")
    #expect(whole(-1_500) == "-1,500")
    #expect(whole(0) == "0")
    // 0.25 needs two places, 0.5 one, 0.2 one (0.1 + 0.1 is not exactly 0.2 in binary: still one place).
    #expect(ChartNumberFormat(step: 0.25).places == 2)
    #expect(ChartNumberFormat(step: 0.5).places == 1)
    #expect(ChartNumberFormat(step: 0.1 + 0.1).places == 1)
    #expect(ChartNumberFormat(step: 0.25)(1_000.5) == "1,000.50")
    #expect(ChartNumberFormat(places: 2)(0.05) == "0.05")
  }

  @Test func chartsNameBothAxesAndMarkTheUsersVolume() throws {
    let engine = try PricingEngine.embeddedDefault()
    // Standard 1 Gbps Zone 1: capacity 1 Gbps × 730 h one way = 328,500 GB; 40,000 GB is 12.2% of it.
    let curve = try #require(engine.costCurve(tier: .standard, bandwidth: .gbps(1), zone: .zone1))
    let chart = CrossoverChart.make(curve, volume: .gigabytes(40_000))
    #expect(chart.categoryLabel == "Outbound data per month (GB)")
    let marker = try #require(chart.markers.first { $0.label == "your volume: 40,000 GB" })
    #expect(abs(marker.position - 40_000.0 / 328_500.0 * 10) < 1e-9)
    let svg = HTMLRenderer().render(ReportDocument(title: "t", blocks: [.chart(chart)]))
    #expect(svg.components(separatedBy: "class=\"axis-title\"").count - 1 == 2)
    #expect(svg.contains(">USD per month</text>") && svg.contains(">Outbound data per month (GB)</text>"))
    // Markers are numbered above the plot and named in the key under the legend (break-even is 1, the volume 2).
    #expect(svg.contains(">2 your volume: 40,000 GB<title>your volume: 40,000 GB</title>\n</text>"))
    #expect(svg.contains("class=\"marker-number\">2<title>your volume: 40,000 GB</title>\n</text>"))
  }

  @Test func aPeakIsADotAndACapacityIsALine() {
    var chart = ReportChart(
      kind: .lines, title: "curve", categories: ["P50", "P95", "P100"],
      series: [.init(name: "Outbound Mbps", values: [100, 200, 900])],
      valueLabel: "Rate (Mbps)", categoryLabel: "Percentile")
    chart.lastStepIsPeak = true
    chart.levels = [(1000, "capacity: 1 Gbps circuit")]
    let html = HTMLRenderer().render(ReportDocument(title: "t", blocks: [.chart(chart)]))
    // The polyline stops at P95 (two points); P95 → P100 is a dashed line to a dot.
    let polyline = html.components(separatedBy: "<polyline points=\"")[1].components(separatedBy: "\"")[0]
    #expect(polyline.split(separator: " ").count == 2)
    #expect(html.contains("class=\"peak\"") && html.contains("<circle"))
    #expect(html.contains("class=\"level\"") && html.contains(">capacity: 1 Gbps circuit</text>"))
  }
}

/// Reports take data, never the engine: nothing under Reports/ can price.
@Suite struct ReportsTakeDataTests {
  @Test func noReportSourceNamesTheEngine() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/ExpressRouteReports")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter {
      $0.hasSuffix(".swift")
    }
    #expect(files.count > 10)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains("PricingEngine"), "\(file) names PricingEngine: reports take priced data")
    }
  }
}
