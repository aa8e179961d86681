import Foundation
import TestSupport
import Testing

/// Budget charts that read at 1, 12, 1,000 and 10,000 sites, checked on the generated SVG: at most eight series, each in
/// its own colour, the rest as one grey "Other N sites"; no two labels overlap and no marker line crosses one; round
/// ticks (1, 2, 2.5 or 5 × 10ⁿ); one number format per chart.
@Suite struct BudgetChartTests {
  /// A portfolio of `count` sized sites over 24 months from 2027-01: site `n` (from 1) peaks at 300 + 45 n Mbps out
  /// and grows 60% a year, so its circuit is upgraded within the horizon. Names grow longer with `n`.
  static func sizedPortfolio(sites count: Int) throws -> String {
    let directory = try temporaryDirectory("ercalc-charts")
    let sites = (1...count).map { index in
      let name = "Site \(index)" + String(repeating: " branch", count: index % 4)
      return """
        {"name": "\(name)", "profile": {"peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
         "traffic": {"peakOutbound": "\(300 + 45 * index) Mbps", "peakInbound": "100 Mbps", "monthlyEgress": "20 TB"},
         "sizing": {"percentile": 95, "targetUtilization": "0.8", "yearlyGrowth": "0.6"},
         "virtualNetworks": 1, "gateways": 1}}
        """
    }
    let text = """
      {"schemaVersion": 1, "name": "sized", "startMonth": "2027-01", "horizonMonths": 24,
       "sites": [\(sites.joined(separator: ",\n"))]}
      """
    let path = directory.appendingPathComponent("sized.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The budget of `sites` sites in HTML: 1 and 12 sized sites, or 1,000 fixed circuits over 12 months.
  static func budgetHTML(sites: Int) throws -> String {
    let portfolio =
      sites > 12 ? try BudgetAtScaleTests.portfolio(sites: sites, horizon: 12) : try sizedPortfolio(sites: sites)
    let result = ercalc("budget", portfolio, "--format", "html")
    #expect(result.status == .success, "\(result.errors)")
    return result.output
  }

  @Test(arguments: [1, 12, 1000])
  func eachSeriesHasItsOwnColourAndTheRestIsOneGreyRemainder(_ sites: Int) throws {
    let html = try Self.budgetHTML(sites: sites)
    let chart = try #require(SVGDrawing.charts(html).first)
    let legend = chart.legend
    let fills = legend.map(\.fill)
    #expect(Set(fills).count == fills.count, "\(sites) sites: a colour repeats in the legend: \(legend)")
    // Every column segment is in a legend colour.
    #expect(Set(chart.seriesFills).isSubset(of: Set(fills)), "\(chart.seriesFills) against \(fills)")
    switch sites {
    case 1:
      #expect(legend.map(\.label) == ["Site 1 branch"])
    case 12:
      // Sites 12, 11, … peak highest: the seven largest by cost, then the other five in grey.
      #expect(legend.count == 8)
      #expect(legend.last?.label == "Other 5 sites")
      #expect(chart.svg.contains("Monthly budget: the 7 largest sites and the other 5"))
    default:
      #expect(legend.count == 8)
      #expect(legend.last?.label == "Other 993 sites")
    }
    if sites > 1 {
      #expect(legend.last?.fill == "#999999")
      #expect(!legend.dropLast().contains { $0.fill == "#999999" })
    }
  }

  @Test(arguments: [1, 12, 1000])
  func labelsDoNotOverlapAndNoMarkerLineCrossesOne(_ sites: Int) throws {
    let html = try Self.budgetHTML(sites: sites)
    let charts = SVGDrawing.charts(html)
    #expect(charts.count == 2, "the monthly chart and the meter chart")
    for chart in charts { Self.checkLayout(chart, "\(sites) sites") }
    if sites == 12 {
      // Six upgrades, numbered above the plot and spelled out in the key.
      let chart = try #require(charts.first)
      #expect(chart.markerLines.count == 6)
      #expect(chart.textBoxes(class: "marker-number").map(\.text) == ["1", "2", "3", "4", "5", "6"])
      #expect(chart.textBoxes(class: "marker-key").count == 6)
      #expect(chart.textBoxes(class: "marker-key").allSatisfy { $0.text.contains(" from 2027-") })
    }
  }

  @Test(arguments: [1, 12, 1000])
  func ticksAreRoundAndEveryNumberHasOneFormat(_ sites: Int) throws {
    let html = try Self.budgetHTML(sites: sites)
    for chart in SVGDrawing.charts(html) {
      let numbers = Self.checkTicksAndFormat(chart, "\(sites) sites")
      // Budgets are in whole currency units on the chart (the tables have the cents).
      #expect(numbers.allSatisfy { !$0.contains(".") }, "\(sites) sites: \(numbers)")
    }
  }

  @Test func tenThousandSitesReadLikeOneThousand() throws {
    let html = try Self.budgetHTML(sites: 10_000)
    let chart = try #require(SVGDrawing.charts(html).first)
    // 10,000 sites, 12 months; site n has 5 Gbps when n % 3 == 2: the first seven of those (ties in input order).
    #expect(chart.legend.map(\.label) == [2, 5, 8, 11, 14, 17, 20].map { "site \($0)" } + ["Other 9,993 sites"])
    #expect(Set(chart.legend.map(\.fill)).count == 8)
    #expect(chart.legend.last?.fill == "#999999")
    Self.checkLayout(chart, "10,000 sites")
    #expect(Self.checkTicksAndFormat(chart, "10,000 sites").allSatisfy { !$0.contains(".") })
  }

  /// Every chart of the gallery and the HTML snapshots: labels apart, distinct colours, round ticks, one format.
  @Test(arguments: BrowserTests.pages)
  func everyGalleryChartReads(_ page: String) throws {
    let html = try String(contentsOf: packageRoot.appendingPathComponent(page), encoding: .utf8)
    let charts = SVGDrawing.charts(html)
    #expect(!charts.isEmpty)
    for (index, chart) in charts.enumerated() {
      let name = "\(page), chart \(index + 1)"
      Self.checkLayout(chart, name)
      _ = Self.checkTicksAndFormat(chart, name)
      let fills = chart.legend.map(\.fill)
      #expect(Set(fills).count == fills.count, "\(name): a colour repeats: \(fills)")
    }
  }

  /// Every label inside the 720-wide view box, no two overlapping, none crossed by a marker line.
  static func checkLayout(_ chart: SVGDrawing, _ name: String) {
    let boxes = chart.textBoxes
    for (first, box) in boxes.enumerated() {
      #expect(box.x0 >= 0 && box.x1 <= 720, "\(name): '\(box.text)' leaves the view box")
      for other in boxes[(first + 1)...] where box.overlaps(other) {
        Issue.record("\(name): '\(box.text)' overlaps '\(other.text)'")
      }
      for line in chart.markerLines where box.isCrossed(by: line) {
        Issue.record("\(name): a marker line at x \(line.x) runs through '\(box.text)'")
      }
    }
  }

  /// Every number drawn (ticks and values) grouped by threes with "," and with the same decimals; each axis's ticks
  /// (a column of right-aligned ticks, or a row) from 0 in equal steps of 1, 2, 2.5 or 5 × 10ⁿ. Returns the numbers.
  static func checkTicksAndFormat(_ chart: SVGDrawing, _ name: String) -> [String] {
    let numbers = chart.textBoxes.filter { $0.classes.contains("tick") || $0.classes.contains("value") }.filter {
      $0.text.range(of: #"^-?[0-9][0-9,.]*$"#, options: .regularExpression) != nil
    }
    #expect(!numbers.isEmpty, "\(name): no numbers")
    for number in numbers {
      #expect(
        number.text.range(of: #"^-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$"#, options: .regularExpression) != nil,
        "\(name): '\(number.text)' is not grouped by threes")
    }
    let places = Set(numbers.map { $0.text.split(separator: ".").dropFirst().first?.count ?? 0 })
    #expect(places.count == 1, "\(name): numbers with \(places.sorted()) decimals")
    let ticks = numbers.filter { $0.classes.contains("tick") }
    let columns = Dictionary(grouping: ticks.filter { $0.anchor == "end" }, by: \.x).filter { $0.value.count > 1 }
    let inColumns = Set(columns.values.joined().map { "\($0.x),\($0.y)" })
    let rows = Dictionary(grouping: ticks.filter { !inColumns.contains("\($0.x),\($0.y)") }, by: \.y)
    #expect(!columns.isEmpty || !rows.isEmpty, "\(name): no axis")
    for axis in Array(columns.values) + Array(rows.values) {
      let values = axis.compactMap { Double($0.text.replacingOccurrences(of: ",", with: "")) }.sorted()
      #expect(values.count >= 3 && values.first == 0, "\(name): ticks \(values)")
      guard values.count >= 2 else { continue }
      let step = values[1] - values[0]
      #expect(zip(values.dropFirst(), values).allSatisfy { abs($0 - $1 - step) < 1e-9 }, "\(name): uneven \(values)")
      let magnitude = pow(10, floor(log10(step)))
      let mantissa = step / magnitude
      #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(name): tick step \(step) is not round")
    }
    return numbers.map(\.text)
  }
}
