import ExpressRouteCore
import Foundation

extension PushdownResult {
  /// The result tables in `data`, in any of the shapes the engines give:
  /// - the Log Analytics query REST result, `{"tables": [{"name", "columns": [{"name", "type"}], "rows": [[…]]}]}`,
  ///   cells typed or as strings, and its batch envelope `{"responses": [{"id", "status", "body": {"tables": …}}]}`;
  /// - the Data Explorer query REST result, v1 (`{"Tables": [{"TableName", "Columns": [{"ColumnName", "DataType"}],
  ///   "Rows"}]}`) and v2 (an array of frames; the `DataTable` frames hold `Columns` and `Rows`);
  /// - `az monitor log-analytics query` output: an array of flat row objects, every value a string (`TableName` and
  ///   other extra keys ignored; a null written as `None`, as `az` writes Python's `str(None)`, is null);
  /// - CSV with a header row, as DuckDB (`COPY … TO … (HEADER)`, `duckdb -csv`), Spark (`header=true`) and Data
  ///   Explorer write it, lines ending in LF or CRLF (Python's `csv` module), after an optional UTF-8 byte order
  ///   mark; an empty field, or an unquoted `NULL` as the `duckdb` shell may print, is null.
  /// Only tables with the ``marker`` column are results; a document with none is refused.
  static func tables(_ data: Data, file: String) throws(Diagnostic) -> [Table] {
    let first = data.first {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
    }
    guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return [try csvTable(data, file: file)] }
    let root = try JSONNode.parse(data, file: file)
    var found: [Table] = []
    if root.isArray, let first = try root.array().first, first.member("FrameType") != nil {
      found += try dataExplorerFrames(root)
    } else if root.isArray {
      found.append(try azTable(root))
    } else if let tables = root.member("Tables") {
      for table in try tables.array() {
        let read = try restTable(table, shape: "Data Explorer result", keys: .dataExplorer)
        try refuseFailedStatus(read)
        found.append(read)
      }
    } else if let responses = root.member("responses") {
      for response in try responses.array() {
        let object = try response.object()
        // The status as a number or as text ("206"); a response without one is not known to be whole.
        let status = try object.required("status")
        let code = (try? status.int()) ?? (try? status.string()).flatMap { Int($0) }
        guard code == 200 else {
          throw status.error(
            "the batch response has status \(code.map(String.init) ?? status.summary) (expected 200: run that query again)"
          )
        }
        found += try restTables(try object.required("body"))
      }
    } else {
      found += try restTables(root)
    }
    let results = found.filter { $0.columns.contains { $0.lowercased() == "ercalc_summary" } }
    guard !results.isEmpty else {
      throw Diagnostic(
        .error, "no table with an 'ercalc_summary' column (expected the result of ercalc traffic query)", file: file)
    }
    return results
  }

  private static func cell(_ node: JSONNode, shape: String) throws(Diagnostic) -> Cell {
    let text: String?
    switch node.value.kind {
    case .null: text = nil
    case .string(let value): text = value
    case .number(let value): text = value
    default: throw node.error("\(shape): expected a string, a number or null, found \(node.summary)")
    }
    return Cell(text: text, location: node.location, path: node.path)
  }

  /// How a REST result spells a table's keys.
  private struct TableKeys {
    var columns: String
    var name: String
    var rows: String
    static let logAnalytics = TableKeys(columns: "columns", name: "name", rows: "rows")
    static let dataExplorer = TableKeys(columns: "Columns", name: "ColumnName", rows: "Rows")
  }

  private static func restTables(_ root: JSONNode) throws(Diagnostic) -> [Table] {
    // A query cut off at the service's limits (500,000 rows, 64 MB, the time limit) still answers 200 with the rows
    // it had, and an `error` beside `tables` (`PartialError`; Microsoft Learn, Azure Monitor "Partial query
    // failures": ignore the whole result). Those rows are not the whole summary.
    if let error = root.member("error") {
      throw Diagnostic(
        .error,
        "Log Analytics result: the query did not complete (its 'error' beside 'tables' says \(azureError(error))); a partial result is not the whole summary (expected a result without 'error': query fewer resources or months at a time and run it again)",
        location: error.location)
    }
    var result: [Table] = []
    for tableNode in try (try root.object().required("tables")).array() {
      result.append(try restTable(tableNode, shape: "Log Analytics result", keys: .logAnalytics))
    }
    return result
  }

  private static func restTable(_ tableNode: JSONNode, shape: String, keys: TableKeys) throws(Diagnostic) -> Table {
    let table = try tableNode.object()
    let columnsNode = try table.required(keys.columns)
    var names: [String] = []
    for column in try columnsNode.array() { names.append(try column.object().required(keys.name).string()) }
    var rows: [[Cell]] = []
    // Only a result's rows and a status table's are read: other tables (Data Explorer's `@ExtendedProperties`,
    // whose cells are objects) are passed over.
    let lower = Set(names.map { $0.lowercased() })
    guard lower.contains("ercalc_summary") || lower.contains("severity") || lower.contains("payload") else {
      return Table(shape: shape, columns: names, rows: [], location: columnsNode.location)
    }
    for rowNode in try table.required(keys.rows).array() {
      var cells: [Cell] = []
      for cellNode in try rowNode.array() { cells.append(try cell(cellNode, shape: shape)) }
      guard cells.count == names.count else {
        throw rowNode.error("\(shape): the row has \(cells.count) cells for \(names.count) columns")
      }
      rows.append(cells)
    }
    return Table(shape: shape, columns: names, rows: rows, location: columnsNode.location)
  }

  /// `CODE: message` of an Azure error object, with the innermost detail's message where it has one
  /// (`details[].innererror.message`: the limit that was hit).
  private static func azureError(_ node: JSONNode) -> String {
    func text(_ node: JSONNode?, _ key: String) -> String? { (try? node?.object().optional(key)?.string()) ?? nil }
    var words = [text(node, "code"), text(node, "message")].compactMap { $0 }.joined(separator: ": ")
    if let details = try? node.object().optional("details")?.array() {
      for detail in details {
        if let inner = text(detail.member("innererror"), "message") ?? text(detail, "message") {
          words += "; " + inner
        }
      }
    }
    return words.isEmpty ? "an error without a message" : words
  }

  /// Refuses a Data Explorer status table that reports an error: v1's `QueryStatus` (`Severity`,
  /// `StatusDescription`) and v2's `QueryCompletionInformation` (`Level`, `Payload`), at severity or level 2 or lower
  /// (a query cut off at a limit reports it there when partial failures are deferred).
  private static func refuseFailedStatus(_ table: Table) throws(Diagnostic) {
    let lower = table.columns.map { $0.lowercased() }
    guard
      let severity = lower.firstIndex(of: "severity")
        ?? (lower.contains("payload") ? lower.firstIndex(of: "level") : nil),
      let description = lower.firstIndex(of: "statusdescription") ?? lower.firstIndex(of: "payload")
    else { return }
    for row in table.rows where severity < row.count && description < row.count {
      guard let level = row[severity].text.flatMap({ Int($0) }), level <= 2 else { continue }
      throw Diagnostic(
        .error,
        "Data Explorer result: the query status reports an error (\(row[description].text ?? "no description")); a partial result is not the whole summary (expected no status of severity 2 or lower: run the query again)",
        location: row[severity].location)
    }
  }

  /// The `DataTable` frames of a Data Explorer v2 result; a result whose completion frame reports errors is refused.
  private static func dataExplorerFrames(_ root: JSONNode) throws(Diagnostic) -> [Table] {
    var result: [Table] = []
    for frame in try root.array() {
      let object = try frame.object()
      let kind = try object.optional("FrameType")?.string()
      if kind == "DataTable" {
        let table = try restTable(frame, shape: "Data Explorer result", keys: .dataExplorer)
        try refuseFailedStatus(table)
        result.append(table)
      } else if kind == "DataSetCompletion", let errors = object.optional("HasErrors"), try errors.bool() {
        throw errors.error("the Data Explorer query reports errors (expected HasErrors false: run it again)")
      } else if kind == "DataSetCompletion", let cancelled = object.optional("Cancelled"), try cancelled.bool() {
        throw cancelled.error("the Data Explorer query was cancelled (expected Cancelled false: run it again)")
      }
    }
    return result
  }

  private static func azTable(_ root: JSONNode) throws(Diagnostic) -> Table {
    let shape = "az monitor log-analytics query output"
    var names: [String] = []
    var rows: [[Cell]] = []
    for rowNode in try root.array() {
      let object = try rowNode.object()
      if names.isEmpty { names = object.members.map(\.key) }
      var cells: [Cell] = []
      for name in names {
        guard let node = object.optional(name) else {
          throw rowNode.error("\(shape): the row has no '\(name)' (expected the keys of the first row)")
        }
        var read = try cell(node, shape: shape)
        if read.text == "None" { read.text = nil }
        cells.append(read)
      }
      rows.append(cells)
    }
    return Table(shape: shape, columns: names, rows: rows, location: root.location)
  }

  /// A CSV result: comma-separated, fields optionally in double quotes (`""` inside for a quote).
  private static func csvTable(_ data: Data, file: String) throws(Diagnostic) -> Table {
    let shape = "CSV result"
    var text = String(decoding: data, as: UTF8.self)
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    // CRLF is one Character in Swift: split on either ending.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    if lines.last?.isEmpty == true { lines.removeLast() }
    var header: [String] = []
    var rows: [[Cell]] = []
    for (index, raw) in lines.enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      var fields: [(text: String, column: Int, quoted: Bool)] = []
      var current = ""
      var quoted = false
      var inQuotes = false
      var start = 1
      var column = 1
      var characters = line.makeIterator()
      var pending: Character? = nil
      while let character = pending ?? characters.next() {
        pending = nil
        if inQuotes {
          if character == "\"" {
            let next = characters.next()
            if next == "\"" {
              current.append("\"")
            } else {
              inQuotes = false
              pending = next
            }
          } else {
            current.append(character)
          }
        } else if character == "\"" && current.isEmpty {
          inQuotes = true
          quoted = true
        } else if character == "," {
          fields.append((current, start, quoted))
          current = ""
          quoted = false
          start = column + 1
        } else {
          current.append(character)
        }
        column += 1
      }
      guard !inQuotes else {
        throw Diagnostic(
          .error, "\(shape): a quoted field is not closed", location: FileLocation(file: file, line: index + 1))
      }
      fields.append((current, start, quoted))
      if index == 0 {
        header = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        continue
      }
      guard fields.count == header.count else {
        throw Diagnostic(
          .error, "\(shape): the row has \(fields.count) fields for \(header.count) columns",
          location: FileLocation(file: file, line: index + 1))
      }
      rows.append(
        fields.map { field in
          Cell(
            text: !field.quoted && (field.text.isEmpty || field.text == "NULL") ? nil : field.text,
            location: FileLocation(file: file, line: index + 1, column: field.column), path: nil)
        })
    }
    return Table(shape: shape, columns: header, rows: rows, location: FileLocation(file: file, line: 1, column: 1))
  }
}
