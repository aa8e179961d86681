import ExpressRouteCore
import Foundation

/// Draws a ``ReportChart`` as inline SVG with a fixed view box.
///
/// Axes carry titles with units, ticks at round values (1, 2 or 5 × 10ⁿ) with gridlines, and a legend laid out
/// in rows by label width so entries never overlap (long names are shortened, the full name in a tooltip). Colours
/// are the Okabe–Ito palette, told apart with the common kinds of colour blindness. Coordinates are printed with
/// one decimal by integer arithmetic (no locale); every label is user-visible text and goes through escaping.
struct SVGChart {
  let chart: ReportChart
  /// Okabe & Ito's colour-blind-safe palette (black last, for an eighth series).
  static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
  /// The view box width.
  static let viewWidth = 720.0
  /// The plot area: left edge (room for tick labels and the value-axis title), width, top and height.
  static let plotLeft = 86.0
  static let plotWidth = 614.0
  static let plotTop = 20.0
  static let plotHeight = 220.0

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

  private var kindName: String {
    switch chart.kind {
    case .bars: return "bars"
    case .stackedColumns: return "columns"
    case .lines: return "lines"
    }
  }

  /// Round tick values from 0 to at least `maximum`: steps of 1, 2 or 5 × 10ⁿ, about five of them.
  static func ticks(upTo maximum: Double) -> [Double] {
    guard maximum > 0, maximum.isFinite else { return [0, 1] }
    let rough = maximum / 5
    let magnitude = pow(10, floor(log10(rough)))
    let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? rough
    let count = Int((maximum / step).rounded(.up))
    return (0...max(count, 1)).map { Double($0) * step }
  }

  /// A tick label: grouped whole numbers, or up to two decimals for small steps.
  func tickLabel(_ value: Double, step: Double) -> String {
    if step >= 1 || value == 0 {
      let text = amount(value)
      return String(text.dropLast(3))
    }
    return amount(value)
  }

  /// Gridlines, tick labels and the value-axis title for a vertical value axis scaled to `ticks`.
  private func valueAxis(_ ticks: [Double]) -> [HTMLNode] {
    let top = ticks.last ?? 1
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    var nodes: [HTMLNode] = []
    for tick in ticks {
      let y = Self.plotTop + Self.plotHeight - tick / top * Self.plotHeight
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(Self.plotLeft)), ("y1", n(y)), ("x2", n(Self.plotLeft + Self.plotWidth)), ("y2", n(y)),
            ("class", "grid"),
          ]))
      nodes.append(
        .el(
          "text", [("x", n(Self.plotLeft - 6)), ("y", n(y + 4)), ("text-anchor", "end"), ("class", "tick")],
          text: tickLabel(tick, step: step)))
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
          ("x1", n(Self.plotLeft)), ("y1", n(Self.plotTop + Self.plotHeight)),
          ("x2", n(Self.plotLeft + Self.plotWidth)),
          ("y2", n(Self.plotTop + Self.plotHeight)), ("class", "axis"),
        ]))
    nodes.append(
      .el(
        "line",
        [
          ("x1", n(Self.plotLeft)), ("y1", n(Self.plotTop)), ("x2", n(Self.plotLeft)),
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
          ("x", n(Self.plotLeft + Self.plotWidth / 2)), ("y", n(y)), ("text-anchor", "middle"), ("class", "axis-title"),
        ],
        text: chart.categoryLabel)
    ]
  }

  private func bars() -> ([HTMLNode], Int) {
    let values = chart.series.first?.values ?? []
    let ticks = Self.ticks(upTo: values.max() ?? 0)
    let top = ticks.last ?? 1
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    let rowHeight = 26.0
    let left = 210.0
    let width = 380.0
    let bottom = 10 + Double(chart.categories.count) * rowHeight
    var nodes: [HTMLNode] = []
    for tick in ticks {
      let x = left + tick / top * width
      nodes.append(.el("line", [("x1", n(x)), ("y1", "6.0"), ("x2", n(x)), ("y2", n(bottom)), ("class", "grid")]))
      nodes.append(
        .el(
          "text", [("x", n(x)), ("y", n(bottom + 14)), ("text-anchor", "middle"), ("class", "tick")],
          text: tickLabel(tick, step: step)))
    }
    for (index, category) in chart.categories.enumerated() {
      let value = index < values.count ? values[index] : 0
      let y = 10 + Double(index) * rowHeight
      let barWidth = max(0, value / top * width)
      nodes.append(
        .el("text", [("x", "200"), ("y", n(y + 16)), ("text-anchor", "end"), ("class", "label")], text: category))
      nodes.append(
        .el(
          "rect",
          [
            ("x", n(left)), ("y", n(y + 3)), ("width", n(barWidth)), ("height", n(rowHeight - 8)),
            ("fill", Self.palette[0]),
          ],
          [.el("title", text: "\(category): \(amount(value))")]))
      nodes.append(
        .el("text", [("x", n(left + 6 + barWidth)), ("y", n(y + 16)), ("class", "value")], text: amount(value)))
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
    let totals = (0..<count).map { index in
      chart.series.reduce(0.0) { $0 + (index < $1.values.count ? max(0, $1.values[index]) : 0) }
    }
    let ticks = Self.ticks(upTo: totals.max() ?? 0)
    let top = ticks.last ?? 1
    let slot = Self.plotWidth / Double(count)
    var nodes = valueAxis(ticks)
    let labelEvery = labelStride(count, spanning: Self.plotWidth)
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
              ("x", n(Self.plotLeft + Double(index) * slot + slot * 0.15)), ("y", n(base)), ("width", n(slot * 0.7)),
              ("height", n(height)),
              ("fill", Self.palette[seriesIndex % Self.palette.count]),
            ],
            [.el("title", text: "\(chart.categories[index]), \(series.name): \(amount(value))")]))
      }
      if index % labelEvery == 0 {
        nodes.append(
          .el(
            "text",
            [
              ("x", n(Self.plotLeft + Double(index) * slot + slot / 2)), ("y", n(Self.plotTop + Self.plotHeight + 16)),
              ("text-anchor", "middle"),
              ("class", "tick"),
            ],
            text: chart.categories[index]))
      }
    }
    nodes.append(contentsOf: markerNodes { position in Self.plotLeft + (position + 0.5) * slot })
    nodes.append(contentsOf: categoryTitle(y: Self.plotTop + Self.plotHeight + 34))
    let (legendNodes, legendHeight) = legend(y: Self.plotTop + Self.plotHeight + 56)
    nodes.append(contentsOf: legendNodes)
    return (nodes, Int(Self.plotTop + Self.plotHeight + 48 + legendHeight))
  }

  private func lines() -> ([HTMLNode], Int) {
    let count = chart.categories.count
    guard count > 1 else { return ([], 40) }
    let ticks = Self.ticks(upTo: max(chart.series.flatMap(\.values).max() ?? 0, chart.levels.map(\.value).max() ?? 0))
    let top = ticks.last ?? 1
    func x(_ position: Double) -> Double { Self.plotLeft + position / Double(count - 1) * Self.plotWidth }
    func y(_ value: Double) -> Double { Self.plotTop + Self.plotHeight - max(0, value) / top * Self.plotHeight }
    var nodes = valueAxis(ticks)
    for (seriesIndex, series) in chart.series.enumerated() {
      let colour = Self.palette[seriesIndex % Self.palette.count]
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
    for level in chart.levels {
      let ly = y(level.value)
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(Self.plotLeft)), ("y1", n(ly)), ("x2", n(Self.plotLeft + Self.plotWidth)), ("y2", n(ly)),
            ("class", "level"),
          ]))
      nodes.append(.el("text", [("x", n(Self.plotLeft + 6)), ("y", n(ly - 4)), ("class", "label")], text: level.label))
    }
    // Labels at points 0, n, 2n … and always the last; edge labels are anchored inward so they stay inside the view
    // box, and a label that would touch the one before (or the last) is left out.
    let labelEvery = labelStride(count - 1, spanning: Self.plotWidth)
    var indices = Array(stride(from: 0, to: count, by: labelEvery))
    if indices.last != count - 1 { indices.append(count - 1) }
    func extent(_ index: Int) -> ClosedRange<Double> {
      let width = Double(chart.categories[index].count) * 6.6
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
    for index in drawn {
      let anchor = index == 0 ? "start" : index == count - 1 ? "end" : "middle"
      nodes.append(
        .el(
          "text",
          [
            ("x", n(x(Double(index)))), ("y", n(Self.plotTop + Self.plotHeight + 16)), ("text-anchor", anchor),
            ("class", "tick"),
          ],
          text: chart.categories[index]))
    }
    nodes.append(contentsOf: markerNodes(x))
    nodes.append(contentsOf: categoryTitle(y: Self.plotTop + Self.plotHeight + 34))
    let (legendNodes, legendHeight) = legend(y: Self.plotTop + Self.plotHeight + 56)
    nodes.append(contentsOf: legendNodes)
    return (nodes, Int(Self.plotTop + Self.plotHeight + 48 + legendHeight))
  }

  /// Vertical marker lines with their labels, placed left or right of the line so they stay in the view box.
  private func markerNodes(_ x: (Double) -> Double) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for (index, marker) in chart.markers.enumerated() {
      let mx = x(marker.position)
      let rightHalf = mx > Self.plotLeft + Self.plotWidth / 2
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(mx)), ("y1", n(Self.plotTop)), ("x2", n(mx)), ("y2", n(Self.plotTop + Self.plotHeight)),
            ("class", "marker"),
          ]))
      nodes.append(
        .el(
          "text",
          [
            ("x", n(rightHalf ? mx - 4 : mx + 4)), ("y", n(Self.plotTop + 12 + Double(index % 3) * 14)),
            ("text-anchor", rightHalf ? "end" : "start"),
            ("class", "label"),
          ],
          text: marker.label))
    }
    return nodes
  }

  /// Label every n-th category so at most about six labels share the axis.
  static func labelStride(_ count: Int) -> Int { max(1, (count + 5) / 6) }

  /// Label every n-th category so at most six labels share the axis and no two overlap (about 6.6 px a
  /// character at 12 px, plus a gap).
  func labelStride(_ count: Int, spanning width: Double) -> Int {
    let widest = Double(chart.categories.map(\.count).max() ?? 0) * 6.6 + 16
    let fitting = max(1, Int(width / max(widest, 1)))
    return max(Self.labelStride(count), (count + fitting - 1) / fitting)
  }

  /// Legend entries in rows, each as wide as its label (about 6.6 px a character at 12 px), wrapping before the
  /// right edge; labels over 40 characters are shortened with the full name in a tooltip. Returns the height used.
  private func legend(y: Double) -> ([HTMLNode], Double) {
    var nodes: [HTMLNode] = []
    var x = Self.plotLeft
    var row = 0.0
    for (index, series) in chart.series.enumerated() {
      let label = series.name.count > 40 ? String(series.name.prefix(39)) + "…" : series.name
      let width = 16 + Double(label.count) * 6.6 + 18
      if x > Self.plotLeft && x + width > Self.viewWidth - 6 {
        x = Self.plotLeft
        row += 1
      }
      let ly = y + row * 18
      nodes.append(
        .el(
          "rect",
          [
            ("x", n(x)), ("y", n(ly - 10)), ("width", "12"), ("height", "12"),
            ("fill", Self.palette[index % Self.palette.count]),
          ]))
      nodes.append(
        .el(
          "text", [("x", n(x + 16)), ("y", n(ly)), ("class", "label")], [.text(label), .el("title", text: series.name)])
      )
      x += width
    }
    return (nodes, chart.series.isEmpty ? 0 : (row + 1) * 18)
  }

  /// A coordinate with one decimal, by integer arithmetic.
  func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// A chart label for an amount: grouped, two decimals (display only).
  func amount(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    let cents = Int64((value * 100).rounded())
    let sign = cents < 0 ? "-" : ""
    let magnitude = abs(cents)
    let whole = String(magnitude / 100)
    var grouped = ""
    for (index, character) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    let fraction = magnitude % 100
    return "\(sign)\(grouped).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
