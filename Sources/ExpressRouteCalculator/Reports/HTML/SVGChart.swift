/// Draws a ``ReportChart`` as inline SVG with a fixed view box.
///
/// Coordinates are printed with one decimal by integer arithmetic (no
/// locale); every label is user-visible text and goes through escaping.
struct SVGChart {
  let chart: ReportChart
  static let palette = ["#2f6db5", "#e07b39", "#3c9d5d", "#b54a6a", "#7a5fb5", "#8c8c3a", "#3a8c8c", "#a06030"]

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
            ("viewBox", "0 0 720 \(height)"), ("width", "720"), ("height", "\(height)"), ("role", "img"), ("aria-labelledby", titleID),
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

  private func bars() -> ([HTMLNode], Int) {
    let values = chart.series.first?.values ?? []
    let maxValue = max(values.max() ?? 0, 1)
    let rowHeight = 26.0
    var nodes: [HTMLNode] = []
    for (index, category) in chart.categories.enumerated() {
      let value = index < values.count ? values[index] : 0
      let y = 10 + Double(index) * rowHeight
      let width = max(0, value / maxValue * 380)
      nodes.append(.el("text", [("x", "200"), ("y", n(y + 16)), ("text-anchor", "end"), ("class", "label")], text: category))
      nodes.append(
        .el(
          "rect", [("x", "210"), ("y", n(y + 3)), ("width", n(width)), ("height", n(rowHeight - 8)), ("fill", Self.palette[0])],
          [.el("title", text: "\(category): \(amount(value))")]))
      nodes.append(.el("text", [("x", n(216 + width)), ("y", n(y + 16)), ("class", "value")], text: amount(value)))
    }
    return (nodes, Int(20 + Double(chart.categories.count) * rowHeight))
  }

  private func columns() -> ([HTMLNode], Int) {
    let count = chart.categories.count
    guard count > 0 else { return ([], 40) }
    let totals = (0..<count).map { index in chart.series.reduce(0.0) { $0 + (index < $1.values.count ? max(0, $1.values[index]) : 0) } }
    let maxValue = max(totals.max() ?? 0, 1)
    let plotTop = 20.0
    let plotHeight = 220.0
    let left = 70.0
    let width = 630.0
    let slot = width / Double(count)
    var nodes: [HTMLNode] = [
      .el("line", [("x1", n(left)), ("y1", n(plotTop + plotHeight)), ("x2", n(left + width)), ("y2", n(plotTop + plotHeight)), ("class", "axis")]),
      .el("text", [("x", n(left - 6)), ("y", n(plotTop + 4)), ("text-anchor", "end"), ("class", "value")], text: amount(maxValue)),
      .el("text", [("x", n(left - 6)), ("y", n(plotTop + plotHeight)), ("text-anchor", "end"), ("class", "value")], text: "0"),
    ]
    for index in 0..<count {
      var base = plotTop + plotHeight
      for (seriesIndex, series) in chart.series.enumerated() {
        let value = index < series.values.count ? max(0, series.values[index]) : 0
        let height = value / maxValue * plotHeight
        base -= height
        nodes.append(
          .el(
            "rect",
            [
              ("x", n(left + Double(index) * slot + slot * 0.15)), ("y", n(base)), ("width", n(slot * 0.7)), ("height", n(height)),
              ("fill", Self.palette[seriesIndex % Self.palette.count]),
            ],
            [.el("title", text: "\(chart.categories[index]), \(series.name): \(amount(value))")]))
      }
      let labelEvery = Self.labelStride(count)
      if index % labelEvery == 0 {
        nodes.append(
          .el(
            "text",
            [("x", n(left + Double(index) * slot + slot / 2)), ("y", n(plotTop + plotHeight + 16)), ("text-anchor", "middle"), ("class", "label")],
            text: chart.categories[index]))
      }
    }
    nodes.append(contentsOf: legend(y: plotTop + plotHeight + 36))
    return (nodes, Int(plotTop + plotHeight + 50 + Double((chart.series.count + 3) / 4) * 18))
  }

  private func lines() -> ([HTMLNode], Int) {
    let count = chart.categories.count
    guard count > 1 else { return ([], 40) }
    let allValues = chart.series.flatMap(\.values)
    let maxValue = max(allValues.max() ?? 0, 1)
    let plotTop = 20.0
    let plotHeight = 220.0
    let left = 70.0
    let width = 630.0
    func x(_ position: Double) -> Double { left + position / Double(count - 1) * width }
    func y(_ value: Double) -> Double { plotTop + plotHeight - max(0, value) / maxValue * plotHeight }
    var nodes: [HTMLNode] = [
      .el("line", [("x1", n(left)), ("y1", n(plotTop + plotHeight)), ("x2", n(left + width)), ("y2", n(plotTop + plotHeight)), ("class", "axis")]),
      .el("line", [("x1", n(left)), ("y1", n(plotTop)), ("x2", n(left)), ("y2", n(plotTop + plotHeight)), ("class", "axis")]),
      .el("text", [("x", n(left - 6)), ("y", n(plotTop + 4)), ("text-anchor", "end"), ("class", "value")], text: amount(maxValue)),
      .el("text", [("x", n(left - 6)), ("y", n(plotTop + plotHeight)), ("text-anchor", "end"), ("class", "value")], text: "0"),
    ]
    for (seriesIndex, series) in chart.series.enumerated() {
      let points = series.values.enumerated().map { "\(n(x(Double($0.offset)))),\(n(y($0.element)))" }.joined(separator: " ")
      nodes.append(
        .el(
          "polyline", [("points", points), ("fill", "none"), ("stroke", Self.palette[seriesIndex % Self.palette.count]), ("stroke-width", "2")],
          [.el("title", text: series.name)]))
    }
    let labelEvery = Self.labelStride(count)
    for index in stride(from: 0, to: count, by: labelEvery) {
      // Edge labels are anchored inward so they stay inside the view box.
      let anchor = index == 0 ? "start" : index == count - 1 ? "end" : "middle"
      nodes.append(
        .el(
          "text", [("x", n(x(Double(index)))), ("y", n(plotTop + plotHeight + 16)), ("text-anchor", anchor), ("class", "label")],
          text: chart.categories[index]))
    }
    for marker in chart.markers {
      let mx = x(marker.position)
      nodes.append(.el("line", [("x1", n(mx)), ("y1", n(plotTop)), ("x2", n(mx)), ("y2", n(plotTop + plotHeight)), ("class", "marker")]))
      nodes.append(.el("text", [("x", n(mx + 4)), ("y", n(plotTop + 12)), ("class", "label")], text: marker.label))
    }
    nodes.append(contentsOf: legend(y: plotTop + plotHeight + 36))
    return (nodes, Int(plotTop + plotHeight + 50 + Double((chart.series.count + 3) / 4) * 18))
  }

  /// Label every n-th category so at most about six labels share the axis.
  static func labelStride(_ count: Int) -> Int { max(1, (count + 5) / 6) }

  private func legend(y: Double) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for (index, series) in chart.series.enumerated() {
      let column = Double(index % 4)
      let row = Double(index / 4)
      let x = 70 + column * 160
      let ly = y + row * 18
      nodes.append(
        .el("rect", [("x", n(x)), ("y", n(ly - 10)), ("width", "12"), ("height", "12"), ("fill", Self.palette[index % Self.palette.count])]))
      nodes.append(.el("text", [("x", n(x + 16)), ("y", n(ly)), ("class", "label")], text: series.name))
    }
    return nodes
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
