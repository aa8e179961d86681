import ExpressRouteCalculator
import Foundation

/// Reads an input document (a path, or `-` for standard input) with a size cap.
///
/// Regular files, pipes, process substitutions (`<(…)`) and character devices
/// are all read with `read(2)`, so `/dev/null` is an empty document rather
/// than "unreadable". JSON is checked while it streams in: a control byte
/// (such as NUL) or a first character that cannot start a JSON document stops
/// the read at once with its line and column, so `ercalc quote - < /dev/zero`
/// fails at 1:1 instead of filling memory.
struct InputFile {
  /// The default cap on one input document: 128 MiB.
  static let defaultLimit = 128 << 20

  /// `--max-input-size`, shared by every command that reads documents.
  static let limitSpec = OptionSpec.option(
    "max-input-size", value: "size", kind: .inputSize,
    help: "The largest JSON document (or series line) accepted, such as 512MB; at most 4 GiB or the machine's memory.",
    default: "128MiB")

  /// The largest document accepted, in bytes.
  var limit: Int

  /// A reader with the cap from `--max-input-size`, or ``defaultLimit``.
  init(_ arguments: ParsedArguments) {
    limit =
      arguments.volume("max-input-size").map {
        Int(truncating: min($0.bytes, Decimal(OptionValueKind.maximumInputSize)) as NSNumber)
      }
      ?? Self.defaultLimit
  }

  init(limit: Int) { self.limit = limit }

  /// Reads the JSON document at `path`.
  ///
  /// - Throws: ``CommandFailure`` when the file cannot be opened (exit 1);
  ///   ``Diagnostic`` when it is empty, too large, or starts or continues with
  ///   bytes no JSON document can contain (exit 65).
  func readJSON(_ path: String) throws -> Data {
    let shown = path == "-" ? "<stdin>" : path
    var check = JSONByteCheck(file: shown)
    let data = try read(path) { chunk throws(Diagnostic) in try check.scan(chunk) }
    guard check.sawDocument else {
      throw Diagnostic(
        .error, "the input is empty (expected a JSON document)", location: FileLocation(file: shown, line: 1, column: 1)
      )
    }
    return data
  }

  /// Reads the bytes at `path` as they are (a CSV price sheet), with the same cap and errors as ``readJSON(_:)``.
  func readBytes(_ path: String) throws -> Data { try read(path) { _ throws(Diagnostic) in } }

  /// Whether the file at `path` is to be read as JSON: not named `*.csv`, and starting, after blanks and a
  /// byte-order mark, with `{` or `[` (or standard input, empty or unreadable: ``readJSON(_:)`` then says what is
  /// wrong).
  func looksLikeJSON(_ path: String) -> Bool {
    guard !path.lowercased().hasSuffix(".csv") else { return false }
    guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 512)) ?? Data()
    let significant = head.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    guard let first = significant.first else { return true }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// Reads `path` in chunks, handing each to `scan`.
  private func read(_ path: String, scan: (ArraySlice<UInt8>) throws(Diagnostic) -> Void) throws -> Data {
    let descriptor: Int32
    if path == "-" {
      descriptor = STDIN_FILENO
    } else {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
        throw CommandFailure("cannot read '\(path)': \(reason)")
      }
    }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
      throw CommandFailure("cannot read '\(path)': it is a directory")
    }
    let shown = path == "-" ? "<stdin>" : path
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CommandFailure("cannot read '\(path)': \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      try scan(chunk[0..<count])
      guard data.count + count <= limit else {
        throw Diagnostic(
          .error,
          "the input is larger than the \(Self.describe(limit)) limit for one document (raise it with --max-input-size, such as --max-input-size 1GB)",
          file: shown)
      }
      data.append(contentsOf: chunk[0..<count])
    }
    return data
  }

  static func describe(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(Decimal(bytes).grouped(places: 0)) bytes"
  }
}

/// Checks JSON bytes as they arrive for what can never be valid anywhere in a
/// document: control bytes other than tab, line feed and carriage return, and a
/// first non-blank character other than `{` or `[` (every ercalc input is an
/// object or an array).
struct JSONByteCheck {
  let file: String
  private var line = 1
  private var column = 1
  private var offset = 0
  /// Whether the first significant character has been seen.
  private(set) var sawDocument = false

  init(file: String) { self.file = file }

  mutating func scan(_ bytes: ArraySlice<UInt8>) throws(Diagnostic) {
    for byte in bytes {
      defer { offset += 1 }
      if byte == 0x0A {
        line += 1
        column = 1
        continue
      }
      defer { column += 1 }
      if byte < 0x20 && byte != 0x09 && byte != 0x0D {
        throw failure("byte 0x\(String(byte, radix: 16, uppercase: true).leftPadded(2)) is not allowed in JSON text")
      }
      if !sawDocument {
        // A UTF-8 byte-order mark is allowed before the document.
        if offset < 3 && byte == [0xEF, 0xBB, 0xBF][offset] { column -= 1; continue }
        if byte == 0x20 || byte == 0x09 || byte == 0x0D { continue }
        guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else {
          let shown =
            byte >= 0x21 && byte < 0x7F
            ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
          throw failure("expected '{' or '[' at the start of the document, found \(shown)")
        }
        sawDocument = true
      }
    }
  }

  private func failure(_ message: String) -> Diagnostic {
    Diagnostic(.error, "invalid JSON: \(message)", location: FileLocation(file: file, line: line, column: column))
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
