import ExpressRouteCore

/// A fragment of HTML or inline SVG.
///
/// Text and every attribute value are escaped when rendered; only ``raw(_:)``
/// bypasses escaping, and it is used only for markup this module writes
/// (the style sheet). Attributes are an ordered list, so output is stable.
enum HTMLNode: Sendable {
  case element(String, attributes: [(String, String)] = [], children: [HTMLNode] = [])
  case text(String)
  case raw(String)

  static let blockElements: Set<String> = [
    "html", "head", "body", "main", "section", "table", "thead", "tbody", "tfoot", "tr", "ul", "dl", "svg", "g",
    "figure", "style",
    "header", "footer", "meta", "title", "h1", "h2", "p", "li", "dt", "dd", "rect", "line", "polyline", "text",
    "figcaption", "div",
    "circle",
  ]

  func render(into output: inout String) {
    switch self {
    case .text(let text):
      output += text.htmlEscaped
    case .raw(let markup):
      output += markup
    case .element(let name, let attributes, let children):
      output += "<\(name)"
      for (key, value) in attributes {
        output += " \(key)=\"\(value.htmlEscaped)\""
      }
      output += ">"
      if ["meta", "link", "br"].contains(name) {
        if HTMLNode.blockElements.contains(name) { output += "\n" }
        return
      }
      for child in children { child.render(into: &output) }
      output += "</\(name)>"
      if HTMLNode.blockElements.contains(name) { output += "\n" }
    }
  }

  static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name, attributes: attributes, children: children)
  }

  static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes: attributes, children: [.text(text)])
  }
}
