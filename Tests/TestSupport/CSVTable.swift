/// A CSV document read back by column name (RFC 4180: quoted fields, doubled quotes, CRLF), so tests check the
/// value of a named column instead of a position in a line.
public struct CSVTable: Sendable {
  /// The header's column names.
  public var columns: [String]
  /// Each row, by column name.
  public var rows: [[String: String]]

  /// Reads `text`; the first record is the header.
  public init(_ text: String) {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r": continue
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    columns = records.first ?? []
    let names = columns
    rows = records.dropFirst().map { values in
      var row: [String: String] = [:]
      for (index, name) in names.enumerated() { row[name] = index < values.count ? values[index] : nil }
      return row
    }
  }

  /// The rows whose `column` is `value`.
  public func rows(where column: String, is value: String) -> [[String: String]] { rows.filter { $0[column] == value } }
}
