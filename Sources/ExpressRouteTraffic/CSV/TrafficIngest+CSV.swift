import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension TrafficIngest {
  static let timeHeaders: Set<String> = [
    "time", "timestamp", "timegenerated", "datetime", "date", "timeutc", "timestamputc", "datetimeutc",
  ]
  static let circuitHeaders: Set<String> = ["circuit", "circuitname", "resource", "resourcename", "resourceid", "name"]

  /// Reads a CSV series held in memory (see ``readCSV(fileDescriptor:file:size:prefix:progress:)``).
  mutating func readCSV(_ data: Data, file: String, progress: ((Int, Int) -> Void)?) throws(Diagnostic) {
    var scanner = makeScanner(file: file)
    let result: Result<Int, Diagnostic> = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
        return .failure(
          Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file))
      }
      do throws(Diagnostic) {
        return .success(try scanner.scan(base, count: raw.count, isFinal: true, series: &accumulators, names: &index))
      } catch {
        return .failure(error)
      }
    }
    if case .failure(let error) = result { throw error }
    try complete(scanner)
  }

  /// Streams a CSV series from a file descriptor in 16 MiB blocks.
  ///
  /// A time column, `BitsInPerSecond`/`BitsOutPerSecond` columns (or
  /// `Bits In`/`Bits Out`, with an optional `Mbps`/`Gbps` unit in the header),
  /// and optionally a circuit column (long format). Preamble lines before the
  /// header row are skipped. Empty cells and `null` are missing values;
  /// anything else that is not a non-negative number is an error with its
  /// line and column. Memory stays at one block plus the per-circuit state, for
  /// pipes too: `prefix` holds bytes already read from `fileDescriptor` (a pipe's
  /// peeked head), which are read first. `size` is only for progress (0 when unknown).
  /// Returns the bytes read.
  @discardableResult
  mutating func readCSV(
    fileDescriptor: Int32, file: String, size: Int, prefix: [UInt8] = [], progress: ((Int, Int) -> Void)?
  ) throws(Diagnostic)
    -> Int
  {
    var scanner = makeScanner(file: file)
    let done = try Self.stream(
      into: &scanner, series: &accumulators, names: &index, prefix: prefix, file: file,
      progressBytes: options.progressBytes, expectedSize: size,
      limit: options.inputLimit, read: { pointer, count in Glibc.read(fileDescriptor, pointer, count) }
    ) { done in progress?(done, size) }
    if done == 0 && scanner.line == 0 {
      throw Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file)
    }
    try complete(scanner)
    return done
  }

  /// Feeds `scanner` the bytes `read` returns (0 at the end, -1 with `errno` on failure) in 16 MiB
  /// blocks, after `prefix`; returns the bytes scanned. `progress` hears the count every `progressBytes`.
  /// `expectedSize` (the file's size, 0 when unknown) makes the block no larger than the file needs: a small file
  /// does not pay for zeroing 16 MiB.
  static func stream(
    into scanner: inout CSVScanner, series: inout [SeriesAccumulator], names: inout [String: Int], prefix: [UInt8],
    file: String,
    progressBytes: Int = Options().progressBytes, expectedSize: Int = 0, limit: Int = Options.defaultInputLimit,
    read: (UnsafeMutableRawPointer, Int) -> Int, progress: (Int) -> Void
  ) throws(Diagnostic) -> Int {
    let blockSize = expectedSize > 0 ? min(16 << 20, max(expectedSize + 1, 64 << 10)) : 16 << 20
    // A malloc'd block, so growing it for a long line (realloc) never holds the old and the new block at once.
    var capacity = max(blockSize, prefix.count, 1)
    guard var buffer = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
      throw Diagnostic(.error, "cannot read the file (out of memory for a \(capacity)-byte block)", file: file)
    }
    defer { free(buffer) }
    prefix.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
    }
    var filled = prefix.count
    /// Bytes of an unfinished line the last scan left at the front of the block.
    var leftover = 0
    var done = 0
    var meter = ProgressMeter(every: progressBytes)
    var endOfFile = false
    while !endOfFile {
      if filled == capacity {
        // The block holds one unfinished line: a NUL byte is never CSV text (a stream of zeros ends here, at once),
        // and a line may grow only up to the limit on one document (checked here, once per block, not per byte).
        if memchr(buffer, 0, filled) != nil {
          throw Diagnostic(
            .error, "byte 0x00 is not allowed in a CSV series (expected text)",
            location: FileLocation(file: file, line: scanner.line + 1, column: 1))
        }
        guard capacity < limit else {
          throw Diagnostic(
            .error,
            "a line longer than \(describe(bytes: limit)) (the limit for one line or JSON document)",
            location: FileLocation(file: file, line: scanner.line + 1, column: 1), remedy: .largerInputLimit)
        }
        let grownCapacity = min(capacity * 2, max(limit, capacity + 1))
        guard let grown = realloc(buffer, grownCapacity)?.assumingMemoryBound(to: UInt8.self) else {
          throw Diagnostic(.error, "cannot read the file (out of memory for a \(grownCapacity)-byte line)", file: file)
        }
        buffer = grown
        capacity = grownCapacity
      }
      let got = read(buffer + filled, capacity - filled)
      if got < 0 {
        if errno == EINTR { continue }
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      endOfFile = got == 0
      filled += got
      if filled == 0 { break }
      // Bytes after an unfinished line that end no line (a pipe's small reads inside a long line) leave the scanner
      // nothing to do: read on instead of scanning the line again, so a long line costs one scan, not one per read.
      if leftover > 0 && !endOfFile && filled < capacity && memchr(buffer + filled - got, 0x0A, got) == nil { continue }
      let consumed = try scanner.scan(buffer, count: filled, isFinal: endOfFile, series: &series, names: &names)
      if consumed < filled {
        _ = memmove(buffer, buffer + consumed, filled - consumed)
      }
      filled -= consumed
      leftover = filled
      done += consumed
      if meter.isDue(done) { progress(done) }
    }
    return done
  }

  func makeScanner(file: String) -> CSVScanner {
    CSVScanner(
      file: file, defaultCircuit: options.defaultCircuit, interval: options.interval, fastIngest: options.fastIngest)
  }

  /// Adds a finished file's staged samples, counts and notes.
  mutating func complete(_ scanner: CSVScanner) throws(Diagnostic) {
    rowsRead += scanner.rows
    plainRowsRead += scanner.plainRowCount
    try scanner.finish(series: &accumulators)
    note(contentsOf: scanner.notes)
  }

  /// The accumulator index of circuit `name`, adding one when it is new; `names` holds positions by circuit identity
  /// (``SeriesMatch/key(_:)``), so `AMS-1` after `ams-1` continues its series, as in JSON.
  static func circuitIndex(
    _ name: String, _ series: inout [SeriesAccumulator], _ names: inout [String: Int], _ interval: Int64?
  ) -> Int {
    let key = SeriesMatch.key(name)
    if let existing = names[key] { return existing }
    series.append(SeriesAccumulator(circuit: name, interval: interval))
    names[key] = series.count - 1
    return series.count - 1
  }
}
