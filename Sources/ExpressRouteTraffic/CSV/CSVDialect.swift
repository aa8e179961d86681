import ExpressRouteCore

/// The dialect of one traffic CSV file: its field separator and the decimal marks its number cells may use, detected
/// once from the header line (``detect(_:rank:)``) and then handed to the one scanner (``CSVScanner``, through
/// ``CSVColumnLayout/dialect``), whose every byte-level routine (the plain-row fast path, the general row parser,
/// the blank-line check, the name fields) takes its separator from here.
///
/// Common to every dialect: `"` quotes with `""` inside them (RFC 4180), lines ending in `\n` or `\r\n`, spaces and
/// tabs around a cell trimmed, timestamps as ``Timestamp/parse(_:)`` reads them.
///
/// - Comma (``comma``, the default): numbers as ``CSVNumber/parse(_:_:_:)`` reads them, `.` the only decimal mark.
/// - Semicolon (``semicolon``, as European Excel writes CSV) and tab (``tab``): a number cell may use `,` as its
///   decimal mark instead of `.` (`1234,56` is 1234.56). One mark at most: a cell with both (`1.234,56`,
///   `1,234.56`) or with two commas is refused with its `file:line:column`, since thousands separators are not read.
///   A lone `.` is a decimal point, except that one to three digits, a dot and three digits (`1.234`) is refused
///   where a comma may be the decimal mark: it may as well be 1234 with a thousands dot (in comma files it is 1.234).
struct CSVDialect: Sendable, Equatable {
  /// The field separator: `,` (0x2C), `;` (0x3B) or tab (0x09).
  let separator: UInt8
  /// ``separator`` in each of a word's eight bytes: the broadcast word that
  /// ``ByteScanning/matches(_:broadcast:)`` compares words with, computed once per file rather than once per word.
  let separatorWord: UInt64
  /// The decimal mark a number cell may use besides `.`: `,` (0x2C) when the separator is not a comma, otherwise
  /// `.` again (no second mark). The fast path compares a rate's mark with both.
  let decimalMark: UInt8

  /// The dialect whose fields are separated by `separator`.
  init(separator: UInt8) {
    self.separator = separator
    separatorWord = UInt64(separator) &* ByteScanning.ones
    decimalMark = separator == 0x2C ? 0x2E : 0x2C
  }

  /// `,`-separated, `.` decimals: RFC 4180, and every file ercalc read before dialects were detected.
  static let comma = CSVDialect(separator: 0x2C)
  /// `;`-separated, with `,` or `.` decimals (European spreadsheet exports).
  static let semicolon = CSVDialect(separator: 0x3B)
  /// Tab-separated, with `,` or `.` decimals.
  static let tab = CSVDialect(separator: 0x09)
  /// The dialects a header is tried in, in the order ties go by (the comma first).
  static let candidates: [CSVDialect] = [.comma, .semicolon, .tab]

  /// Whether a number cell may use `,` as its decimal mark.
  var acceptsDecimalComma: Bool { decimalMark == 0x2C }

  /// The separator's name, for messages and notes.
  var name: String {
    switch separator {
    case 0x2C: "comma"
    case 0x3B: "semicolon"
    case 0x09: "tab"
    default: "byte \(separator)"
    }
  }

  /// Whether `line` holds `separator` outside double quotes.
  static func separates(_ line: UnsafeBufferPointer<UInt8>, with separator: UInt8) -> Bool {
    var inQuotes = false
    for byte in line {
      if byte == 0x22 {
        inQuotes.toggle()
      } else if byte == separator && !inQuotes {
        return true
      }
    }
    return false
  }

  /// The dialect of the line `line` (a header, or a line that may be one) and its cells split by it.
  ///
  /// Each candidate whose separator occurs in the line outside quotes (the comma always) splits it; `rank` scores
  /// the cells (higher: more like the header the reader expects, such as a time column and a traffic column). The
  /// highest rank wins, then the most cells, then the earlier candidate (``candidates``: the comma first). A line no
  /// other separator splits better is read with commas, as before dialects were detected.
  static func detect(_ line: UnsafeBufferPointer<UInt8>, rank: ([String]) -> Int) -> (CSVDialect, [String]) {
    var best = CSVDialect.comma
    var bestCells = CSVBytes.splitQuoted(line, separator: best.separator)
    var bestRank = rank(bestCells)
    for dialect in candidates.dropFirst() where separates(line, with: dialect.separator) {
      let cells = CSVBytes.splitQuoted(line, separator: dialect.separator)
      let score = rank(cells)
      if score > bestRank || (score == bestRank && cells.count > bestCells.count) {
        best = dialect
        bestCells = cells
        bestRank = score
      }
    }
    return (best, bestCells)
  }
}
