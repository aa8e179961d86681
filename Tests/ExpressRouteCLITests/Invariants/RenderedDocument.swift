import Foundation

/// The facts and tables of a report read back from its text, Markdown or HTML rendering, so the invariant tests
/// compare what a reader of each format sees, not the document the renderers were given.
struct RenderedDocument: Equatable {
  /// One table with the heading it stands under.
  struct Table: Equatable {
    var heading: String
    var columns: [String]
    var rows: [[String]]
    var footer: [String]?
  }

  /// Label–value facts, in order (in text: every line that looks like one; see ``text(_:)``).
  var facts: [Fact] = []
  /// Tables, in order.
  var tables: [Table] = []

  struct Fact: Equatable, CustomStringConvertible {
    var label: String
    var value: String
    var description: String { "\(label): \(value)" }
  }

  /// The value of the first fact labelled `label`.
  func fact(_ label: String) -> String? { facts.first { $0.label == label }?.value }

  /// The tables under `heading`.
  func tables(under heading: String) -> [Table] { tables.filter { $0.heading == heading } }

  /// The first table under `heading` whose columns include `column`.
  func table(under heading: String, withColumn column: String? = nil) -> Table? {
    tables.first { $0.heading == heading && (column.map($0.columns.contains) ?? true) }
  }

  // MARK: - Text

  /// Reads the text rendering: blocks are separated by empty lines; a heading is a line over a single run of
  /// dashes; a table is a header over a rule of dash runs (one per column), its cells cut at the runs' positions,
  /// a second rule before the footer; a block of `Label:  value` lines whose values start in one column is facts.
  static func text(_ output: String) -> RenderedDocument {
    var document = RenderedDocument()
    var blocks: [[String]] = [[]]
    for line in output.components(separatedBy: "\n") {
      if line.isEmpty {
        if !(blocks.last ?? []).isEmpty { blocks.append([]) }
      } else {
        blocks[blocks.count - 1].append(line)
      }
    }
    var heading = ""
    for block in blocks.dropFirst() where !block.isEmpty {  // the first block is the title
      let runs = block.count >= 2 ? dashRuns(block[1]) : []
      if block.count == 2 && runs.count == 1 && runs[0].lowerBound == 0 && runs[0].upperBound == block[0].count {
        heading = block[0]
      } else if runs.count >= 2 {
        func cells(_ line: String) -> [String] {
          let characters = Array(line)
          return runs.map { run in
            guard run.lowerBound < characters.count else { return "" }
            return String(characters[run.lowerBound..<min(run.upperBound, characters.count)]).trimmingCharacters(
              in: .whitespaces)
          }
        }
        var rows: [[String]] = []
        var footer: [String]?
        var index = 2
        while index < block.count {
          if dashRuns(block[index]).count >= 2 {
            footer = index + 1 < block.count ? cells(block[index + 1]) : nil
            break
          }
          rows.append(cells(block[index]))
          index += 1
        }
        document.tables.append(Table(heading: heading, columns: cells(block[0]), rows: rows, footer: footer))
      } else if let facts = factLines(block) {
        document.facts += facts
      }
    }
    return document
  }

  /// Column spans of a rule line (`-----  ---`), or none when the line is not a rule.
  static func dashRuns(_ line: String) -> [Range<Int>] {
    let characters = Array(line)
    guard !characters.isEmpty, characters.allSatisfy({ $0 == "-" || $0 == " " }), characters.first == "-" else {
      return []
    }
    var runs: [Range<Int>] = []
    var start: Int?
    for (index, character) in characters.enumerated() {
      if character == "-" {
        if start == nil { start = index }
      } else if let open = start {
        runs.append(open..<index)
        start = nil
      }
    }
    if let open = start { runs.append(open..<characters.count) }
    return runs
  }

  /// The block as facts when every line is `Label:` padded to one column, then the value.
  static func factLines(_ block: [String]) -> [Fact]? {
    var column: Int?
    var facts: [Fact] = []
    for line in block {
      let characters = Array(line)
      guard let colon = characters.firstIndex(of: ":"), colon > 0, characters[0] != "-", colon + 1 < characters.count,
        characters[colon + 1] == " "
      else { return nil }
      var start = colon + 1
      while start < characters.count && characters[start] == " " { start += 1 }
      guard start < characters.count, column == nil || column == start else { return nil }
      column = start
      facts.append(Fact(label: String(characters[0..<colon]), value: String(characters[start...])))
    }
    return facts
  }

  // MARK: - Markdown

  /// Reads the Markdown rendering: `## ` headings, `- **Label:** value` facts, pipe tables (a footer is the last
  /// row whose non-empty cells are all bold); backslash escapes are undone.
  static func markdown(_ output: String) -> RenderedDocument {
    var document = RenderedDocument()
    let lines = output.components(separatedBy: "\n")
    var heading = ""
    var index = 0
    func cells(_ line: String) -> [String] {
      var body = line
      if body.hasPrefix("| ") { body.removeFirst(2) } else if body.hasPrefix("|") { body.removeFirst() }
      if body.hasSuffix(" |") { body.removeLast(2) } else if body.hasSuffix("|") { body.removeLast() }
      return body.components(separatedBy: " | ").map(unescapeMarkdown)
    }
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("## ") {
        heading = unescapeMarkdown(String(line.dropFirst(3)))
      } else if line.hasPrefix("- **"), let end = line.range(of: ":** ") {
        let label = String(line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound])
        document.facts.append(
          Fact(label: unescapeMarkdown(label), value: unescapeMarkdown(String(line[end.upperBound...]))))
      } else if line.hasPrefix("| "), index + 1 < lines.count, lines[index + 1].hasPrefix("| ---") {
        let columns = cells(line)
        var rows: [[String]] = []
        index += 2
        while index < lines.count, lines[index].hasPrefix("|") {
          rows.append(cells(lines[index]))
          index += 1
        }
        var footer: [String]?
        if let last = rows.last, last.contains(where: { !$0.isEmpty }),
          last.allSatisfy({ $0.isEmpty || ($0.hasPrefix("**") && $0.hasSuffix("**")) })
        {
          rows.removeLast()
          footer = last.map { $0.isEmpty ? "" : String($0.dropFirst(2).dropLast(2)) }
        }
        document.tables.append(Table(heading: heading, columns: columns, rows: rows, footer: footer))
        continue
      }
      index += 1
    }
    return document
  }

  static func unescapeMarkdown(_ text: String) -> String {
    var result = ""
    var escaped = false
    for character in text {
      if !escaped && character == "\\" {
        escaped = true
        continue
      }
      escaped = false
      result.append(character)
    }
    return result
  }

  // MARK: - HTML

  /// Reads the HTML rendering: `<h2>` headings, `<dt>`/`<dd>` facts, and tables (`<th>` columns, `<tbody>` rows,
  /// `<tfoot>` footer); character references are undone.
  static func html(_ output: String) -> RenderedDocument {
    var document = RenderedDocument()
    var heading = ""
    let pattern = #"<h2>(.*?)</h2>|<dt>(.*?)</dt>\s*<dd>(.*?)</dd>|<table(?: class="[a-z-]*")?>(.*?)</table>"#
    for match in matches(pattern, in: output) {
      if let text = match[1] {
        heading = unescapeHTML(text)
      } else if let label = match[2], let value = match[3] {
        document.facts.append(Fact(label: unescapeHTML(label), value: unescapeHTML(value)))
      } else if let table = match[4] {
        func cells(_ row: String, tag: String) -> [String] {
          matches("<\(tag)[^>]*>(.*?)</\(tag)>", in: row).map { unescapeHTML($0[1] ?? "") }
        }
        let head = matches("<thead>(.*?)</thead>", in: table).first?[1] ?? ""
        let body = matches("<tbody>(.*?)</tbody>", in: table).first?[1] ?? ""
        let foot = matches("<tfoot>(.*?)</tfoot>", in: table).first?[1]
        document.tables.append(
          Table(
            heading: heading, columns: cells(head, tag: "th"),
            rows: matches("<tr>(.*?)</tr>", in: body).map { cells($0[1] ?? "", tag: "td") },
            footer: foot.map { cells($0, tag: "td") }))
      }
    }
    return document
  }

  /// Each match of `pattern` (`.` matches line breaks) with its capture groups (`nil` when a group took no part).
  static func matches(_ pattern: String, in text: String) -> [[String?]] {
    guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
      return []
    }
    let string = text as NSString
    return expression.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
      (0..<match.numberOfRanges).map { group in
        let range = match.range(at: group)
        return range.location == NSNotFound ? nil : string.substring(with: range)
      }
    }
  }

  static func unescapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(
      of: "&quot;", with: "\""
    )
    .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }
}
