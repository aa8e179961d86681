import Foundation

/// One chart of an HTML report, read back from its SVG for tests: text boxes, legend entries, fills, marker lines.
///
/// Text boxes are estimated, not measured: 7 px a character at 12 px (more than the renderer's 6.6, so a layout
/// that only just fits fails), from 9 px above the baseline to 2 px below; the rotated value-axis title is a box
/// 12 px wide around its x. The browser test measures the real boxes.
struct SVGDrawing {
  /// The chart's markup, `<svg` to `</svg>`.
  let svg: String

  /// One `<text>` element's estimated box.
  struct TextBox: CustomStringConvertible {
    let text: String
    let classes: [String]
    let x: Double
    let y: Double
    let anchor: String
    let x0: Double
    let x1: Double
    let y0: Double
    let y1: Double

    var description: String { "'\(text)' [\(x0)…\(x1)] × [\(y0)…\(y1)]" }

    func overlaps(_ other: TextBox) -> Bool {
      x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
    }

    func isCrossed(by line: (x: Double, y0: Double, y1: Double)) -> Bool {
      x0 < line.x && line.x < x1 && y0 < line.y1 && line.y0 < y1
    }
  }

  /// Every chart in `html`, in order.
  static func charts(_ html: String) -> [SVGDrawing] {
    html.components(separatedBy: "<svg").dropFirst().map {
      SVGDrawing(svg: "<svg" + $0.components(separatedBy: "</svg>")[0])
    }
  }

  /// `name="value"` attributes of an opening tag's text.
  static func attributes(_ tag: Substring) -> [String: String] {
    var result: [String: String] = [:]
    let pattern = try? NSRegularExpression(pattern: #"([a-z0-9-]+)="([^"]*)""#)
    let text = String(tag)
    for match in pattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
      guard let key = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text) else {
        continue
      }
      result[String(text[key])] = String(text[value])
    }
    return result
  }

  static func unescaped(_ text: Substring) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Each `<text>`'s first run of text (not its tooltip) and estimated box.
  var textBoxes: [TextBox] {
    svg.components(separatedBy: "<text ").dropFirst().map { part in
      let tag = part.prefix { $0 != ">" }
      let attributes = Self.attributes(tag)
      let text = Self.unescaped(part.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
      let x = Double(attributes["x"] ?? "") ?? 0
      let y = Double(attributes["y"] ?? "") ?? 0
      let anchor = attributes["text-anchor"] ?? "start"
      let width = Double(text.count) * 7
      if attributes["transform"]?.hasPrefix("rotate(-90") == true {
        return TextBox(
          text: text, classes: (attributes["class"] ?? "").split(separator: " ").map(String.init), x: x, y: y,
          anchor: anchor, x0: x - 9, x1: x + 3, y0: y - width / 2, y1: y + width / 2)
      }
      let x0 = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
      return TextBox(
        text: text, classes: (attributes["class"] ?? "").split(separator: " ").map(String.init), x: x, y: y,
        anchor: anchor, x0: x0, x1: x0 + width, y0: y - 9, y1: y + 2)
    }
  }

  /// The text boxes whose class list includes `name`.
  func textBoxes(class name: String) -> [TextBox] { textBoxes.filter { $0.classes.contains(name) } }

  /// The legend: each 12 × 12 swatch's fill and the label after it.
  var legend: [(fill: String, label: String)] {
    svg.components(separatedBy: "<rect ").dropFirst().compactMap { part in
      let attributes = Self.attributes(part.prefix { $0 != ">" })
      guard attributes["width"] == "12", attributes["height"] == "12", let fill = attributes["fill"] else { return nil }
      let label = part.components(separatedBy: "class=\"label\">").dropFirst().first.map {
        Self.unescaped($0.prefix { $0 != "<" })
      }
      return (fill, label ?? "")
    }
  }

  /// The fills of the drawn data (rectangles with a tooltip: columns and bars).
  var seriesFills: [String] {
    svg.components(separatedBy: "<rect ").dropFirst().compactMap { part in
      let attributes = Self.attributes(part.prefix { $0 != ">" })
      return part.drop { $0 != ">" }.hasPrefix("><title>") ? attributes["fill"] : nil
    }
  }

  /// The marker lines: x and vertical extent.
  var markerLines: [(x: Double, y0: Double, y1: Double)] {
    svg.components(separatedBy: "<line ").dropFirst().compactMap { part in
      let attributes = Self.attributes(part.prefix { $0 != ">" })
      guard attributes["class"] == "marker", let x = Double(attributes["x1"] ?? ""),
        let y1 = Double(attributes["y1"] ?? ""), let y2 = Double(attributes["y2"] ?? "")
      else { return nil }
      return (x, min(y1, y2), max(y1, y2))
    }
  }
}
