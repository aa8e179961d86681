import ExpressRouteCore

/// Renders a ``ReportDocument`` as plain text for a terminal.
///
/// Column widths are computed, numbers right-aligned, trailing spaces trimmed,
/// and the output ends with a newline. Charts are left out (their data is in
/// the tables).
struct TextRenderer {
  func render(_ document: ReportDocument) -> String {
    var lines: [String] = [document.title, String(repeating: "=", count: document.title.count)]
    for block in document.blocks {
      switch block {
      case .heading(let text):
        lines.append("")
        lines.append(text)
        lines.append(String(repeating: "-", count: text.count))
      case .facts(let facts):
        lines.append("")
        let width = (facts.map(\.label.count).max() ?? 0) + 1
        for fact in facts {
          lines.append(pad(fact.label + ":", width) + " " + fact.value)
        }
      case .table(let table):
        lines.append("")
        lines.append(contentsOf: renderTable(table))
      case .paragraph(let text):
        lines.append("")
        lines.append(contentsOf: HelpWrap.wrap(text, width: 100))
      case .list(let items):
        lines.append("")
        for item in items {
          let wrapped = HelpWrap.wrap(item, width: 98)
          lines.append("- " + (wrapped.first ?? ""))
          lines.append(contentsOf: wrapped.dropFirst().map { "  " + $0 })
        }
      case .chart:
        continue
      }
    }
    return lines.map { trimTrailing($0) }.joined(separator: "\n") + "\n"
  }

  func renderTable(_ table: ReportTable) -> [String] {
    var widths = table.columns.map(\.title.count)
    for row in table.rows + (table.footer.map { [$0] } ?? []) {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        table.columns[index].alignment == .right ? padLeft(cell, widths[index]) : pad(cell, widths[index])
      }.joined(separator: "  ")
    }
    var lines = [
      line(table.columns.map(\.title)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
    ]
    lines.append(contentsOf: table.rows.map(line))
    if let footer = table.footer {
      lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      lines.append(line(footer))
    }
    return lines
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  private func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private func trimTrailing(_ text: String) -> String {
    var result = text
    while result.last == " " { result.removeLast() }
    return result
  }
}

/// Greedy word wrap shared by the text renderer and the CLI's help.
package enum HelpWrap {
  /// `text` split into lines of at most `width` characters (a longer word gets a line of its own).
  package static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
