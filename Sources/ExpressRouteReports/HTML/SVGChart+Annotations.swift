import ExpressRouteCore

extension SVGChart {
  /// The vertical offset of a legend or key row below the previous one.
  static let legendRowHeight = 18.0

  /// Positions for entries `widths` wide, in rows from the plot's left edge, wrapping before the view box's right
  /// edge; returns each entry's baseline position and the height used.
  func flow(_ widths: [Double], y: Double) -> (positions: [(x: Double, y: Double)], height: Double) {
    var x = plotLeft
    var row = 0.0
    var positions: [(x: Double, y: Double)] = []
    for width in widths {
      if x > plotLeft && x + width > Self.viewWidth - 6 {
        x = plotLeft
        row += 1
      }
      positions.append((x, y + row * Self.legendRowHeight))
      x += width
    }
    return (positions, widths.isEmpty ? 0 : (row + 1) * Self.legendRowHeight)
  }

  /// `text` shortened with "…" to at most `characters`.
  static func shortened(_ text: String, to characters: Int) -> String {
    text.count > characters ? String(text.prefix(max(characters - 1, 1))) + "…" : text
  }

  /// The legend (one entry per series, in its colour) and under it the key to the numbered markers, from the
  /// row under the category-axis title; returns the nodes and the height they use.
  var annotations: (nodes: [HTMLNode], height: Double) {
    let top = Self.plotTop + Self.plotHeight + 56
    let (legend, legendHeight) = legend(y: top)
    let (key, keyHeight) = markerKey(y: top + legendHeight)
    return (legend + key, legendHeight + keyHeight)
  }

  /// Legend entries in rows, each as wide as its label, wrapping before the right edge; labels over 40 characters
  /// are shortened with the full name in a tooltip. Returns the height used.
  func legend(y: Double) -> ([HTMLNode], Double) {
    let labels = chart.series.map { Self.shortened($0.name, to: 40) }
    let (positions, height) = flow(labels.map { 16 + Self.width($0) + 18 }, y: y)
    let colours = self.colours
    var nodes: [HTMLNode] = []
    for (index, series) in chart.series.enumerated() {
      let (x, ly) = positions[index]
      nodes.append(
        .el(
          "rect", [("x", n(x)), ("y", n(ly - 10)), ("width", "12"), ("height", "12"), ("fill", colours[index])]))
      nodes.append(
        .el(
          "text", [("x", n(x + 16)), ("y", n(ly)), ("class", "label")],
          [.text(labels[index]), .el("title", text: series.name)]))
    }
    return (nodes, height)
  }

  /// The key to the numbered markers ("1 Singapore region: 2 Gbps …"), laid out like the legend; labels too long
  /// for one row are shortened, the full label in a tooltip.
  func markerKey(y: Double) -> ([HTMLNode], Double) {
    let fitting = Int((Self.viewWidth - 6 - plotLeft) / Self.characterWidth) - 4
    let entries = chart.markers.enumerated().map { "\($0.offset + 1) \(Self.shortened($0.element.label, to: fitting))" }
    let (positions, height) = flow(entries.map { Self.width($0) + 28 }, y: y)
    var nodes: [HTMLNode] = []
    for (index, entry) in entries.enumerated() {
      nodes.append(
        .el(
          "text", [("x", n(positions[index].x)), ("y", n(positions[index].y)), ("class", "label marker-key")],
          [.text(entry), .el("title", text: chart.markers[index].label)]))
    }
    return (nodes, height)
  }

  /// Vertical marker lines through the plot, each numbered in the band above it; the numbers are pushed apart so
  /// none touch (and stay over the plot), and their labels are in ``markerKey(y:)``, so no line crosses a label.
  func markerNodes(_ x: (Double) -> Double) -> [HTMLNode] {
    let lines = chart.markers.map { x($0.position) }
    let widths = chart.markers.indices.map { Self.width(String($0 + 1)) + 4 }
    let order = lines.indices.sorted { (lines[$0], $0) < (lines[$1], $1) }
    var centres = lines
    // Left to right, each number at least its half-widths plus 2 px right of the one before; then back from the
    // plot's right edge, the same leftwards.
    for (rank, index) in order.enumerated() {
      let floor =
        rank == 0
        ? plotLeft + widths[index] / 2
        : centres[order[rank - 1]] + 2
          + (widths[order[rank - 1]] + widths[index]) / 2
      centres[index] = max(centres[index], floor)
    }
    for (rank, index) in order.enumerated().reversed() {
      let ceiling =
        rank == order.count - 1
        ? plotLeft + plotWidth - widths[index] / 2
        : centres[order[rank + 1]]
          - 2 - (widths[order[rank + 1]] + widths[index]) / 2
      centres[index] = min(centres[index], ceiling)
    }
    var nodes: [HTMLNode] = []
    for (index, marker) in chart.markers.enumerated() {
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(lines[index])), ("y1", n(Self.plotTop)), ("x2", n(lines[index])),
            ("y2", n(Self.plotTop + Self.plotHeight)), ("class", "marker"),
          ],
          [.el("title", text: marker.label)]))
      nodes.append(
        .el(
          "text",
          [
            ("x", n(centres[index])), ("y", n(Self.plotTop - 6)), ("text-anchor", "middle"), ("class", "marker-number"),
          ],
          [.text(String(index + 1)), .el("title", text: marker.label)]))
    }
    return nodes
  }

  /// Horizontal reference lines with their labels above them, at the plot's left or right end, whichever no marker
  /// line crosses (`markers` are the markers' x coordinates).
  func levelNodes(y: (Double) -> Double, markers: [Double]) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for level in chart.levels {
      let ly = y(level.value)
      let width = Self.width(level.label)
      let left = (plotLeft + 6)...(plotLeft + 6 + width)
      let right = (plotLeft + plotWidth - 6 - width)...(plotLeft + plotWidth - 6)
      let atRight = markers.contains { left.contains($0) } && !markers.contains { right.contains($0) }
      nodes.append(
        .el(
          "line",
          [
            ("x1", n(plotLeft)), ("y1", n(ly)), ("x2", n(plotLeft + plotWidth)), ("y2", n(ly)),
            ("class", "level"),
          ]))
      nodes.append(
        .el(
          "text",
          [
            ("x", n(atRight ? right.upperBound : left.lowerBound)), ("y", n(ly - 4)),
            ("text-anchor", atRight ? "end" : "start"), ("class", "label"),
          ],
          text: level.label))
    }
    return nodes
  }
}
