import ExpressRouteCore
import Foundation

/// Draws a ``ReportChart`` as inline SVG with a fixed view box.
///
/// Axes carry titles with units and ticks at round values (1, 2, 2.5 or 5 × 10ⁿ) with gridlines. Every number drawn
/// uses one ``ChartNumberFormat`` (the value axis's); exact amounts are in the tooltips and the tables. Each series
/// has its own colour, from the Okabe–Ito palette (told apart with the common kinds of colour blindness), and a
/// remainder series ("Other 989 sites") is grey, a colour no named series has. Labels never overlap: category labels
/// are thinned to fit, the legend is laid out in rows by label width (long names shortened, the full name in a
/// tooltip), and marker lines are numbered above the plot with their labels in a key under the legend, so no line
/// runs through a label. Coordinates are printed with one decimal by integer arithmetic (no locale); every label
/// is user-visible text and goes through escaping.
struct SVGChart {
  let chart: ReportChart
  /// Okabe & Ito's colour-blind-safe palette (black last, for an eighth series): one colour per named series, as many
  /// as ``ReportChart/maximumSeries``.
  static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
  /// The remainder series' colour: a mid grey, in no named series.
  static let remainderColour = "#999999"
  /// The width of a character at 12 px, for laying out labels (generous for digits and lower case).
  static let characterWidth = 6.6
  /// The view box width.
  static let viewWidth = 720.0
  /// The plot area's right edge, top and height.
  static let plotRight = 700.0
  static let plotTop = 20.0
  static let plotHeight = 220.0
  /// The plot area's left edge: room for the rotated value-axis title (x 8 to 20), a gap and the widest tick label.
  let plotLeft: Double
  /// The plot area's width.
  var plotWidth: Double { Self.plotRight - plotLeft }
  /// The value axis's ticks: from 0 to at least the largest bar, column (stacked) or point and level.
  let valueTicks: [Double]
  /// The chart's one number format, set by the value axis's tick step.
  let format: ChartNumberFormat

  /// Lays out `chart`: its value axis and, from the widest tick label, the plot's left edge.
  init(chart: ReportChart) {
    self.chart = chart
    let ticks = Self.valueTicks(chart)
    let format = ChartNumberFormat(step: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
    self.valueTicks = ticks
    self.format = format
    let widest = ticks.map { Self.width(format($0)) }.max() ?? 0
    plotLeft = chart.kind == .bars ? 86 : max(86, 32 + widest)
  }

  func render(index: Int) -> HTMLNode {
    let body: [HTMLNode]
    let height: Int
    switch chart.kind {
    case .bars: (body, height) = bars()
    case .stackedColumns: (body, height) = columns()
    case .lines: (body, height) = lines()
    }
    let titleID = "chart-\(index)-title"
    return .el(
      "figure", [("class", "chart")],
      [
        .el(
          "svg",
          [
            ("viewBox", "0 0 720 \(height)"), ("width", "720"), ("height", "\(height)"), ("role", "img"),
            ("aria-labelledby", titleID),
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart-\(kindName)"),
          ],
          [.el("title", [("id", titleID)], text: chart.title)] + body),
        .el("figcaption", text: "\(chart.title) (\(chart.valueLabel))"),
      ])
  }

  /// Each series' colour: named series take the palette in order, the remainder series grey.
  var colours: [String] {
    var named = 0
    return chart.series.map { series in
      if series.isRemainder { return Self.remainderColour }
      defer { named += 1 }
      return Self.palette[named % Self.palette.count]
    }
  }

  /// The ticks of `chart`'s value axis: from 0 to at least the largest bar, column (stacked) or point and level.
  static func valueTicks(_ chart: ReportChart) -> [Double] {
    switch chart.kind {
    case .bars:
      return ticks(upTo: chart.series.first?.values.max() ?? 0)
    case .stackedColumns:
      let totals = chart.categories.indices.map { index in
        chart.series.reduce(0.0) { $0 + (index < $1.values.count ? max(0, $1.values[index]) : 0) }
      }
      return ticks(upTo: totals.max() ?? 0)
    case .lines:
      return ticks(upTo: max(chart.series.flatMap(\.values).max() ?? 0, chart.levels.map(\.value).max() ?? 0))
    }
  }

  /// Text's width in the view box at 12 px.
  static func width(_ text: String) -> Double { Double(text.count) * characterWidth }

  private var kindName: String {
    switch chart.kind {
    case .bars: return "bars"
    case .stackedColumns: return "columns"
    case .lines: return "lines"
    }
  }

  /// Round tick values from 0 to at least `maximum`: steps of 1, 2, 2.5 or 5 × 10ⁿ, five or six of them.
  static func ticks(upTo maximum: Double) -> [Double] {
    guard maximum > 0, maximum.isFinite else { return [0, 1] }
    let rough = maximum / 5
    let magnitude = pow(10, floor(log10(rough)))
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-12) } ?? rough
    let count = Int((maximum / step * (1 - 1e-12)).rounded(.up))
    return (0...max(count, 1)).map { Double($0) * step }
  }

  /// Gridlines, tick labels and the value-axis title for a vertical value axis scaled to `ticks`.
  private func valueAxis(_ ticks: [Double]) -> [HTMLNode] {
    let top = ticks.last ?? 1
    var nodes: [HTMLNode] = []
    for tick in ticks {
      let y = Self.plotTop + Self.plotHeight - tick / top * Self.plotHeight
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(plotLeft)), ("y1", n(y)), ("x2", n(plotLeft + plotWidth)), ("y2", n(y)),
            ("class", "grid"),
          ]))
      nodes.append(
        .el(
          "text", [("x", n(plotLeft - 6)), ("y", n(y + 4)), ("text-anchor", "end"), ("class", "tick")],
          text: format(tick)))
    }
    let middle = Self.plotTop + Self.plotHeight / 2
    nodes.append(
      .el(
        "text",
        [
          ("x", "14"), ("y", n(middle)), ("text-anchor", "middle"), ("transform", "rotate(-90 14 \(n(middle)))"),
          ("class", "axis-title"),
        ],
        text: chart.valueLabel))
    nodes.append(
      .el(
        "line",
        [
          ("x1", n(plotLeft)), ("y1", n(Self.plotTop + Self.plotHeight)),
          ("x2", n(plotLeft + plotWidth)),
          ("y2", n(Self.plotTop + Self.plotHeight)), ("class", "axis"),
        ]))
    nodes.append(
      .el(
        "line",
        [
          ("x1", n(plotLeft)), ("y1", n(Self.plotTop)), ("x2", n(plotLeft)),
          ("y2", n(Self.plotTop + Self.plotHeight)), ("class", "axis"),
        ]))
    return nodes
  }

  /// The category-axis title under the plot.
  private func categoryTitle(y: Double) -> [HTMLNode] {
    guard !chart.categoryLabel.isEmpty else { return [] }
    return [
      .el(
        "text",
        [
          ("x", n(plotLeft + plotWidth / 2)), ("y", n(y)), ("text-anchor", "middle"), ("class", "axis-title"),
        ],
        text: chart.categoryLabel)
    ]
  }

  private func bars() -> ([HTMLNode], Int) {
    let values = chart.series.first?.values ?? []
    let ticks = valueTicks
    let top = ticks.last ?? 1
    let rowHeight = 26.0
    let left = 210.0
    let width = 380.0
    let bottom = 10 + Double(chart.categories.count) * rowHeight
    // Category labels end 10 px left of the bars: longer names are shortened, the full name in a tooltip.
    let fitting = Int((left - 16) / Self.characterWidth)
    var nodes: [HTMLNode] = []
    for tick in ticks {
      let x = left + tick / top * width
      nodes.append(.el("line", [("x1", n(x)), ("y1", "6.0"), ("x2", n(x)), ("y2", n(bottom)), ("class", "grid")]))
      nodes.append(
        .el(
          "text", [("x", n(x)), ("y", n(bottom + 14)), ("text-anchor", "middle"), ("class", "tick")],
          text: format(tick)))
    }
    for (index, category) in chart.categories.enumerated() {
      let value = index < values.count ? values[index] : 0
      let y = 10 + Double(index) * rowHeight
      let barWidth = max(0, value / top * width)
      let label = category.count > fitting ? String(category.prefix(fitting - 1)) + "…" : category
      nodes.append(
        .el(
          "text", [("x", n(left - 10)), ("y", n(y + 16)), ("text-anchor", "end"), ("class", "label")],
          [.text(label)] + (label == category ? [] : [.el("title", text: category)])))
      nodes.append(
        .el(
          "rect",
          [
            ("x", n(left)), ("y", n(y + 3)), ("width", n(barWidth)), ("height", n(rowHeight - 8)),
            ("fill", colours.first ?? Self.palette[0]),
          ],
          [.el("title", text: "\(category): \(amount(value))")]))
      nodes.append(
        .el("text", [("x", n(left + 6 + barWidth)), ("y", n(y + 16)), ("class", "value")], text: format(value)))
    }
    nodes.append(
      .el(
        "text",
        [("x", n(left + width / 2)), ("y", n(bottom + 32)), ("text-anchor", "middle"), ("class", "axis-title")],
        text: chart.valueLabel))
    return (nodes, Int(bottom + 44))
  }

  private func columns() -> ([HTMLNode], Int) {
    let count = chart.categories.count
    guard count > 0 else { return ([], 40) }
    let ticks = valueTicks
    let top = ticks.last ?? 1
    let slot = plotWidth / Double(count)
    let colours = self.colours
    var nodes = valueAxis(ticks)
    let labelEvery = labelStride(count, spanning: plotWidth)
    for index in 0..<count {
      var base = Self.plotTop + Self.plotHeight
      for (seriesIndex, series) in chart.series.enumerated() {
        let value = index < series.values.count ? max(0, series.values[index]) : 0
        let height = value / top * Self.plotHeight
        base -= height
        nodes.append(
          .el(
            "rect",
            [
              ("x", n(plotLeft + Double(index) * slot + slot * 0.15)), ("y", n(base)), ("width", n(slot * 0.7)),
              ("height", n(height)), ("fill", colours[seriesIndex]),
            ],
            [.el("title", text: "\(chart.categories[index]), \(series.name): \(amount(value))")]))
      }
      if index % labelEvery == 0 {
        nodes.append(
          .el(
            "text",
            [
              ("x", n(plotLeft + Double(index) * slot + slot / 2)), ("y", n(Self.plotTop + Self.plotHeight + 16)),
              ("text-anchor", "middle"), ("class", "tick"),
            ],
            text: chart.categories[index]))
      }
    }
    nodes.append(contentsOf: markerNodes { position in plotLeft + (position + 0.5) * slot })
    nodes.append(contentsOf: categoryTitle(y: Self.plotTop + Self.plotHeight + 34))
    return (nodes + annotations.nodes, Int(Self.plotTop + Self.plotHeight + 48 + annotations.height))
  }

  private func lines() -> ([HTMLNode], Int) {
    let count = chart.categories.count
    guard count > 1 else { return ([], 40) }
    let ticks = valueTicks
    let top = ticks.last ?? 1
    let numeric = chart.categoryValues.count == count
    let xTicks = Self.ticks(upTo: numeric ? chart.categoryValues.max() ?? 0 : 0)
    /// The x coordinate of `position`, in category-index units (fractions between two categories).
    func x(_ position: Double) -> Double {
      guard numeric else { return plotLeft + position / Double(count - 1) * plotWidth }
      let index = min(max(Int(position.rounded(.down)), 0), count - 2)
      let values = chart.categoryValues
      let value = values[index] + (position - Double(index)) * (values[index + 1] - values[index])
      return plotLeft + value / (xTicks.last ?? 1) * plotWidth
    }
    func y(_ value: Double) -> Double { Self.plotTop + Self.plotHeight - max(0, value) / top * Self.plotHeight }
    var nodes = valueAxis(ticks)
    for (seriesIndex, series) in chart.series.enumerated() {
      let colour = colours[seriesIndex]
      let measured = chart.lastStepIsPeak && series.values.count > 2 ? Array(series.values.dropLast()) : series.values
      let points = measured.enumerated().map { "\(n(x(Double($0.offset)))),\(n(y($0.element)))" }.joined(separator: " ")
      nodes.append(
        .el(
          "polyline", [("points", points), ("fill", "none"), ("stroke", colour), ("stroke-width", "2")],
          [.el("title", text: series.name)]))
      if chart.lastStepIsPeak, series.values.count > 2, let last = series.values.last, let before = measured.last {
        // The peak is one sample, not a measured step: a dashed jump to a dot, not a ramp that looks like data.
        let from = (x(Double(measured.count - 1)), y(before))
        let to = (x(Double(series.values.count - 1)), y(last))
        nodes.append(
          .el(
            "line",
            [
              ("x1", n(from.0)), ("y1", n(from.1)), ("x2", n(to.0)), ("y2", n(to.1)), ("stroke", colour),
              ("stroke-width", "1.5"), ("class", "peak"),
            ],
            [.el("title", text: "\(series.name): peak (highest sample), not a measured step")]))
        nodes.append(
          .el(
            "circle", [("cx", n(to.0)), ("cy", n(to.1)), ("r", "3.5"), ("fill", colour)],
            [.el("title", text: "\(series.name) peak: \(amount(last))")]
          ))
      }
    }
    nodes.append(contentsOf: levelNodes(y: y, markers: chart.markers.map { x($0.position) }))
    nodes.append(contentsOf: numeric ? numericCategoryTicks(xTicks) : categoryTicks(x))
    nodes.append(contentsOf: markerNodes(x))
    nodes.append(contentsOf: categoryTitle(y: Self.plotTop + Self.plotHeight + 34))
    return (nodes + annotations.nodes, Int(Self.plotTop + Self.plotHeight + 48 + annotations.height))
  }

  /// Labels at categories 0, n, 2n … and always the last; edge labels are anchored inward so they stay inside the
  /// view box, and a label that would touch the one before (or the last) is left out.
  private func categoryTicks(_ x: (Double) -> Double) -> [HTMLNode] {
    let count = chart.categories.count
    let labelEvery = labelStride(count - 1, spanning: plotWidth)
    var indices = Array(stride(from: 0, to: count, by: labelEvery))
    if indices.last != count - 1 { indices.append(count - 1) }
    func extent(_ index: Int) -> ClosedRange<Double> {
      let width = Self.width(chart.categories[index])
      let center = x(Double(index))
      if index == 0 { return center...(center + width) }
      if index == count - 1 { return (center - width)...center }
      return (center - width / 2)...(center + width / 2)
    }
    var drawn: [Int] = []
    for index in indices {
      while let previous = drawn.last, extent(previous).upperBound + 8 > extent(index).lowerBound {
        if index == count - 1 { drawn.removeLast() } else { break }
      }
      if let previous = drawn.last, extent(previous).upperBound + 8 > extent(index).lowerBound { continue }
      drawn.append(index)
    }
    return drawn.map { index in
      let anchor = index == 0 ? "start" : index == count - 1 ? "end" : "middle"
      return .el(
        "text",
        [
          ("x", n(x(Double(index)))), ("y", n(Self.plotTop + Self.plotHeight + 16)), ("text-anchor", anchor),
          ("class", "tick"),
        ],
        text: chart.categories[index])
    }
  }

  /// A numeric category axis (``ReportChart/categoryValues``): round ticks with gridlines, in one format; the last
  /// label is anchored at its end so it stays inside the view box.
  private func numericCategoryTicks(_ ticks: [Double]) -> [HTMLNode] {
    let top = ticks.last ?? 1
    let format = ChartNumberFormat(step: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
    var nodes: [HTMLNode] = []
    for (index, tick) in ticks.enumerated() {
      let x = plotLeft + tick / top * plotWidth
      let label = format(tick)
      let last = index == ticks.count - 1 && x + Self.width(label) / 2 > Self.viewWidth - 2
      if index > 0 {
        nodes.append(
          .el(
            "line",
            [
              ("x1", n(x)), ("y1", n(Self.plotTop)), ("x2", n(x)), ("y2", n(Self.plotTop + Self.plotHeight)),
              ("class", "grid"),
            ]))
      }
      nodes.append(
        .el(
          "text",
          [
            ("x", n(x)), ("y", n(Self.plotTop + Self.plotHeight + 16)), ("text-anchor", last ? "end" : "middle"),
            ("class", "tick"),
          ],
          text: label))
    }
    return nodes
  }

  /// Label every n-th category so at most about six labels share the axis.
  static func labelStride(_ count: Int) -> Int { max(1, (count + 5) / 6) }

  /// Label every n-th category so at most six labels share the axis and no two overlap.
  func labelStride(_ count: Int, spanning width: Double) -> Int {
    let widest = Self.width(chart.categories.max { $0.count < $1.count } ?? "") + 16
    let fitting = max(1, Int(width / max(widest, 1)))
    return max(Self.labelStride(count), (count + fitting - 1) / fitting)
  }

  /// A coordinate with one decimal, by integer arithmetic.
  func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// An exact amount for a tooltip: grouped, two decimals (display only).
  func amount(_ value: Double) -> String { ChartNumberFormat(places: 2)(value) }
}
