import ExpressRouteCore

/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Cells and text escape `\ | * _ ` [ ] < >` with a backslash and fold
/// newlines into spaces, so user-provided names cannot break the layout.
struct MarkdownRenderer {
  func render(_ document: ReportDocument) -> String {
    var lines = ["# \(escape(document.title))"]
    for block in document.blocks {
      lines.append("")
      switch block {
      case .heading(let text):
        lines.append("## \(escape(text))")
      case .facts(let facts):
        for fact in facts { lines.append("- **\(escape(fact.label)):** \(escape(fact.value))") }
      case .table(let table):
        lines.append("| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in table.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
        if let footer = table.footer {
          lines.append("| " + footer.map { $0.isEmpty ? "" : "**\(escape($0))**" }.joined(separator: " | ") + " |")
        }
      case .paragraph(let text):
        lines.append(escape(text))
      case .list(let items):
        for item in items { lines.append("- \(escape(item))") }
      case .chart(let chart):
        lines.append("_Chart: \(escape(chart.title)) (see the HTML report)_")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "|", "*", "_", "`", "[", "]", "<", ">": result += "\\\(character)"
      case "\n", "\r", "\r\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
