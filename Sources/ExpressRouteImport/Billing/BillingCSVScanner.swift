import ExpressRouteCore
import Foundation

/// Reads the records of an RFC 4180 CSV file in blocks of ``blockSize`` bytes, so a file of any size is read in
/// bounded memory: only the current block and the current record are held.
///
/// Accepts a UTF-8 byte-order mark, CRLF or LF line endings, and quoted fields holding commas, doubled quotes and line
/// breaks. A quote inside an unquoted field, text after a closing quote, or a quoted field still open at the end of
/// the file is an error at its line and column. Line numbers count physical lines, so a record after a quoted line
/// break is reported where an editor shows it.
///
/// After ``screen(_:sizes:slots:)``, records come from a regular file through ``BillingChunkReader`` instead: read on
/// every core and pre-screened, only the records that may be kept reach this reader, which reads each one exactly as
/// it would have read it in the whole file (same fields, lines, columns and errors); a record the fast reader does not
/// read makes this reader read on from it, unscreened.
struct BillingCSVScanner {
  /// Bytes read from the file at a time: 1 MiB.
  static let blockSize = 1 << 20

  /// The file name used in messages.
  let file: String
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var position = 0
  /// The file offset of `buffer[0]` when reading the file.
  private var bufferOffset = 0
  private var atEnd = false
  private var line = 1
  private var column = 1
  /// The line the last record returned by ``next()`` started on.
  private(set) var recordLine = 1
  /// The column each field of the last record started at.
  private(set) var fieldColumns: [Int] = []
  /// The line each field of the record starts on (a quoted line break before it moves it past the record's first).
  private(set) var fieldLines: [Int] = []
  /// The fast reader's state once ``screen(_:sizes:slots:)`` was called, until it hands over to this reader.
  private var screened: Screened?
  /// Records the pre-screen passed over (never read here).
  private(set) var rowsScreenedOut = 0
  /// Chunks the fast reader read again from a true record boundary (while it reads, and after the end).
  var chunksReread: Int { screened?.reader.rereads ?? 0 }

  /// Where the fast reader is: its chunks of the current round, and the current chunk's passed records.
  private struct Screened {
    var reader: BillingChunkReader
    var pending: [BillingChunk] = []
    /// The current chunk's passed records: the line feeds before each since the chunk's start.
    var lines: [Int] = []
    var next = 0
    /// The current chunk's first record the fast reader left, if any.
    var irregular: (offset: Int, newlines: Int)?
    /// The line the current chunk starts on, and the next one's.
    var lineBase = 0
    var nextLine: Int
  }

  /// Opens `path`, refusing compressed and columnar exports by their first bytes.
  init(path: String, file: String) throws(Diagnostic) {
    self.file = file
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Diagnostic(.error, "cannot open the file", file: file)
    }
    self.handle = handle
    try refill()
    try Self.refuseBinary(Array(buffer.prefix(4)), file: file)
    if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// Refuses gzip, Parquet and zip files by their magic bytes, naming how to get CSV instead.
  static func refuseBinary(_ head: [UInt8], file: String) throws(Diagnostic) {
    let how =
      "export the cost data as CSV (Cost Management > Exports, format CSV, compression None), or convert it first"
    if head.starts(with: [0x1F, 0x8B]) {
      throw Diagnostic(
        .error, "this is a gzip-compressed export; ercalc reads uncompressed CSV: run 'gunzip -k' on it, or \(how)",
        location: FileLocation(file: file, line: 1, column: 1))
    }
    if head.starts(with: Array("PAR1".utf8)) {
      throw Diagnostic(
        .error,
        "this is a Parquet export; ercalc reads CSV: \(how) (for example with DuckDB: COPY (SELECT * FROM 'file.parquet') TO 'file.csv')",
        location: FileLocation(file: file, line: 1, column: 1))
    }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw Diagnostic(
        .error, "this is a zip archive; ercalc reads CSV: unzip it and give the CSV files inside, or \(how)",
        location: FileLocation(file: file, line: 1, column: 1))
    }
  }

  private mutating func refill() throws(Diagnostic) {
    if screened != nil {
      // A screened record is whole in the buffer: only the file's last record reaches its end.
      atEnd = true
      return
    }
    if position > 0 {
      bufferOffset += position
      buffer.removeFirst(position)
      position = 0
    }
    do {
      if let data = try handle.read(upToCount: Self.blockSize), !data.isEmpty {
        buffer.append(contentsOf: data)
      } else {
        atEnd = true
      }
    } catch {
      throw Diagnostic(.error, "cannot read the file: \(error.localizedDescription)", file: file)
    }
  }

  /// Reads the rest of the file (the records after those read so far) with ``BillingChunkReader``, in rounds of
  /// `slots` chunks (two per core, at most 16), passing only the records `screen` passes. Nothing changes when the
  /// file is not a regular file.
  mutating func screen(
    _ screen: BillingScreen, sizes: BillingChunkReader.Sizes = .init(),
    slots: Int = min(16, 2 * ProcessInfo.processInfo.activeProcessorCount)
  ) {
    guard screened == nil,
      let reader = BillingChunkReader(
        descriptor: handle.fileDescriptor, start: bufferOffset + position, screen: screen, sizes: sizes, slots: slots)
    else { return }
    screened = Screened(reader: reader, nextLine: line)
    buffer = []
    position = 0
  }

  /// Puts the next record the pre-screen passed in the buffer, with its line; `false` at the end of the file. Where
  /// the fast reader left a record, this reader reads on from it, unscreened.
  private mutating func nextCandidate() throws(Diagnostic) -> Bool {
    guard var state = screened else { return true }
    while state.next == state.lines.count {
      if let irregular = state.irregular {
        screened = nil
        do {
          try handle.seek(toOffset: UInt64(irregular.offset))
        } catch {
          throw Diagnostic(.error, "cannot read the file: \(error.localizedDescription)", file: file)
        }
        buffer = []
        position = 0
        bufferOffset = irregular.offset
        atEnd = false
        line = state.lineBase + irregular.newlines
        column = 1
        return true
      }
      if state.pending.isEmpty { state.pending = state.reader.nextRound() }
      guard !state.pending.isEmpty else {
        screened = state
        return false
      }
      let chunk = state.pending.removeFirst()
      state.lineBase = state.nextLine
      state.nextLine += chunk.newlines
      rowsScreenedOut += chunk.rows - chunk.candidateLines.count
      buffer = chunk.candidates
      position = 0
      state.lines = chunk.candidateLines
      state.next = 0
      state.irregular = chunk.irregular
    }
    line = state.lineBase + state.lines[state.next]
    column = 1
    atEnd = false
    state.next += 1
    screened = state
    return true
  }

  /// The next byte, reading a new block when the current one is used up; `nil` at the end of the file.
  private mutating func nextByte() throws(Diagnostic) -> UInt8? {
    if position == buffer.count {
      if atEnd { return nil }
      try refill()
      if position == buffer.count { return nil }
    }
    let byte = buffer[position]
    position += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else {
      column += 1
    }
    return byte
  }

  private func error(_ message: String, line: Int, column: Int) -> Diagnostic {
    Diagnostic(.error, message, location: FileLocation(file: file, line: line, column: column))
  }

  /// The current record's field bytes, one after another (quotes removed, doubled quotes single).
  private var bytes: [UInt8] = []
  /// Where each field of the current record ends in ``bytes``.
  private var ends: [Int] = []

  /// The number of fields in the current record.
  var fieldCount: Int { ends.count }

  /// Field `index` of the current record as text (only the fields a caller reads become strings).
  func field(_ index: Int) -> String {
    let start = index == 0 ? 0 : ends[index - 1]
    return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
  }

  /// Appends field `index` of the current record to `output`, ASCII letters lower-cased (no string is made).
  func appendLowercased(_ index: Int, to output: inout [UInt8]) {
    let start = index == 0 ? 0 : ends[index - 1]
    for byte in bytes[start..<ends[index]] {
      output.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
    }
  }

  /// The fields of the next record, or `nil` at the end of the file.
  mutating func next() throws(Diagnostic) -> [String]? {
    guard try nextRecord() else { return nil }
    return (0..<fieldCount).map(field)
  }

  /// Reads the next record into ``field(_:)``; `false` at the end of the file. Blank lines are skipped.
  mutating func nextRecord() throws(Diagnostic) -> Bool {
    if screened != nil {
      guard try nextCandidate() else { return false }
    }
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    fieldColumns.removeAll(keepingCapacity: true)
    fieldLines.removeAll(keepingCapacity: true)
    var started = false
    var quoted = false
    var closed = false
    var fieldStart = (line: line, column: column)
    recordLine = line
    func endField() {
      ends.append(bytes.count)
      fieldColumns.append(fieldStart.column)
      fieldLines.append(fieldStart.line)
      quoted = false
      closed = false
    }
    while true {
      // Unquoted runs are copied whole, up to the next byte that matters.
      if !quoted && !closed && position < buffer.count {
        let end = buffer.withUnsafeBufferPointer { pointer in
          var end = position
          while end < pointer.count {
            let byte = pointer[end]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
              || byte == UInt8(ascii: "\"")
            {
              break
            }
            end += 1
          }
          return end
        }
        if end > position {
          bytes.append(contentsOf: buffer[position..<end])
          column += end - position
          position = end
          started = true
        }
        // A comma ends the field here, without the byte-by-byte path.
        if position < buffer.count && buffer[position] == UInt8(ascii: ",") {
          position += 1
          column += 1
          started = true
          endField()
          fieldStart = (line, column)
          continue
        }
      }
      guard let byte = try nextByte() else {
        if quoted && !closed {
          throw error(
            "a quoted field is still open at the end of the file (a missing closing quote)", line: fieldStart.line,
            column: fieldStart.column)
        }
        if !started && ends.isEmpty { return false }
        endField()
        return true
      }
      if quoted && !closed {
        if byte == UInt8(ascii: "\"") {
          // A doubled quote is one quote; a single one closes the field.
          if position == buffer.count && !atEnd { try refill() }
          if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
            _ = try nextByte()
            bytes.append(byte)
          } else {
            closed = true
          }
        } else {
          bytes.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: ","):
        started = true
        endField()
        fieldStart = (line, column)
      case UInt8(ascii: "\n"):
        if !started && ends.isEmpty && !closed {
          recordLine = line
          fieldStart = (line, column)
          continue  // a blank line
        }
        endField()
        return true
      case UInt8(ascii: "\r"):
        continue
      case UInt8(ascii: "\""):
        let fieldBytes = bytes.count - (ends.last ?? 0)
        guard fieldBytes == 0 && !closed else {
          throw error(
            closed
              ? "a closing quote must be followed by a comma or the end of the line"
              : "a quote inside an unquoted field (quote the whole field and double the quote)",
            line: line, column: column - 1)
        }
        started = true
        quoted = true
      default:
        if closed {
          throw error(
            "a closing quote must be followed by a comma or the end of the line", line: line, column: column - 1)
        }
        started = true
        bytes.append(byte)
      }
    }
  }
}
