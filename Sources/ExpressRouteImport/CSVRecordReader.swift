import ExpressRouteCore
import Foundation

/// Splits comma-separated text (RFC 4180) into records whose fields know their line and column.
///
/// Fields may be quoted (`"a, b"`, with `""` for a quote inside) and a quoted field may span lines; records end
/// at LF or CRLF; blank lines are skipped. Columns count bytes from 1, as compilers do. A quote inside an unquoted
/// field, text after a closing quote, and a quote left open at the end of the file are errors at their position:
/// a malformed file is refused, never read as shifted columns.
package struct CSVRecordReader: Sendable {
  /// One field of a record, with where it starts.
  package struct Field: Hashable, Sendable {
    /// The field's text, quotes removed.
    package var text: String
    /// The line the field starts on (1-based).
    package var line: Int
    /// The byte column the field starts at (1-based).
    package var column: Int
  }

  /// One record (a row of the file).
  package struct Record: Hashable, Sendable {
    /// The fields, in order.
    package var fields: [Field]
    /// The line the record starts on.
    package var line: Int
  }

  /// The file name shown in diagnostics.
  package var file: String

  /// A reader whose diagnostics name `file`.
  package init(file: String) { self.file = file }

  /// Every record of `bytes` (UTF-8, without a byte-order mark).
  ///
  /// - Throws: ``Diagnostic`` at the position of a misplaced or unterminated quote, or of bytes that are not UTF-8.
  package func records(_ bytes: [UInt8]) throws(Diagnostic) -> [Record] {
    var records: [Record] = []
    try forEachRecord(bytes) { record throws(Diagnostic) in records.append(record) }
    return records
  }

  /// Hands each record of `bytes` to `body` as it is read, so a caller keeps only the records it needs.
  package func forEachRecord(_ bytes: [UInt8], _ body: (Record) throws(Diagnostic) -> Void) throws(Diagnostic) {
    var fields: [Field] = []
    var index = 0
    var line = 1
    var lineStart = 0
    var recordLine = 1
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    func text(_ slice: ArraySlice<UInt8>, line: Int, column: Int) throws(Diagnostic) -> String {
      guard let string = String(validating: slice, as: UTF8.self) else {
        throw Diagnostic(
          .error, "the field is not UTF-8 text (save the export as CSV UTF-8)",
          location: FileLocation(file: file, line: line, column: column))
      }
      return string
    }
    while index < bytes.count {
      let fieldLine = line
      let column = index - lineStart + 1
      var value = ""
      if index < bytes.count, bytes[index] == quote {
        // A quoted field: runs to the quote that is not doubled.
        var buffer: [UInt8] = []
        var cursor = index + 1
        var closed = false
        while cursor < bytes.count {
          let byte = bytes[cursor]
          if byte == quote {
            if cursor + 1 < bytes.count, bytes[cursor + 1] == quote {
              buffer.append(quote)
              cursor += 2
              continue
            }
            closed = true
            cursor += 1
            break
          }
          if byte == newline {
            line += 1
            lineStart = cursor + 1
          }
          buffer.append(byte)
          cursor += 1
        }
        guard closed else {
          throw Diagnostic(
            .error, "the quoted field that starts here is never closed (expected a closing '\"')",
            location: FileLocation(file: file, line: fieldLine, column: column))
        }
        value = try text(buffer[...], line: fieldLine, column: column)
        index = cursor
        if index < bytes.count, ![comma, newline, carriageReturn].contains(bytes[index]) {
          throw Diagnostic(
            .error, "text after the closing quote of a field (expected ',' or the end of the line)",
            location: FileLocation(file: file, line: line, column: index - lineStart + 1))
        }
      } else {
        let start = index
        while index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriageReturn {
          if bytes[index] == quote {
            throw Diagnostic(
              .error, "a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")",
              location: FileLocation(file: file, line: line, column: index - lineStart + 1))
          }
          index += 1
        }
        value = try text(bytes[start..<index], line: fieldLine, column: column)
      }
      fields.append(Field(text: value, line: fieldLine, column: column))
      if index < bytes.count, bytes[index] == comma {
        index += 1
        if index < bytes.count { continue }
        fields.append(Field(text: "", line: line, column: index - lineStart + 1))
      }
      // The end of a record: CR LF, LF, a lone CR, or the end of the file.
      if index < bytes.count, bytes[index] == carriageReturn { index += 1 }
      if index < bytes.count, bytes[index] == newline { index += 1 }
      if !(fields.count == 1 && fields[0].text.isEmpty) {
        try body(Record(fields: fields, line: recordLine))
      }
      fields = []
      line += 1
      lineStart = index
      recordLine = line
    }
  }
}
