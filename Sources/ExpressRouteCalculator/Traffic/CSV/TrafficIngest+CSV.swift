import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension TrafficIngest {
  static let timeHeaders: Set<String> = ["time", "timestamp", "timegenerated", "datetime", "date", "timeutc", "timestamputc", "datetimeutc"]
  static let circuitHeaders: Set<String> = ["circuit", "circuitname", "resource", "resourcename", "resourceid", "name"]

  /// Reads a CSV series held in memory (see ``readCSV(fileDescriptor:file:size:prefix:progress:)``).
  mutating func readCSV(_ data: Data, file: String, progress: ((Int, Int) -> Void)?) throws(Diagnostic) {
    var scanner = makeScanner(file: file)
    let result: Result<Int, Diagnostic> = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
        return .failure(Diagnostic(.error, "the file is empty (expected a CSV header row with a Time column)", file: file))
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
  mutating func readCSV(fileDescriptor: Int32, file: String, size: Int, prefix: [UInt8] = [], progress: ((Int, Int) -> Void)?) throws(Diagnostic)
    -> Int
  {
    var scanner = makeScanner(file: file)
    let done = try Self.stream(
      into: &scanner, series: &accumulators, names: &index, prefix: prefix, file: file, progressBytes: options.progressBytes, expectedSize: size,
      read: { pointer, count in Glibc.read(fileDescriptor, pointer, count) }
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
    into scanner: inout CSVScanner, series: inout [SeriesAccumulator], names: inout [String: Int], prefix: [UInt8], file: String,
    progressBytes: Int = Options().progressBytes, expectedSize: Int = 0, read: (UnsafeMutableRawPointer, Int) -> Int, progress: (Int) -> Void
  ) throws(Diagnostic) -> Int {
    let blockSize = expectedSize > 0 ? min(16 << 20, max(expectedSize + 1, 64 << 10)) : 16 << 20
    var buffer = [UInt8](repeating: 0, count: max(blockSize, prefix.count))
    buffer.replaceSubrange(0..<prefix.count, with: prefix)
    var filled = prefix.count
    var done = 0
    var meter = ProgressMeter(every: progressBytes)
    var endOfFile = false
    while !endOfFile {
      if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
      // The buffer is never empty, so its base address exists.
      let got = buffer.withUnsafeMutableBytes { raw in read(raw.baseAddress! + filled, raw.count - filled) }
      if got < 0 {
        if errno == EINTR { continue }
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      endOfFile = got == 0
      filled += got
      if filled == 0 { break }
      let consumed: Int
      do {
        consumed = try buffer.withUnsafeBufferPointer { pointer throws(Diagnostic) -> Int in
          // swift-format-ignore: NeverForceUnwrap
          // The buffer is never empty.
          try scanner.scan(pointer.baseAddress!, count: filled, isFinal: endOfFile, series: &series, names: &names)
        }
      }
      if consumed < filled {
        buffer.withUnsafeMutableBytes { raw in
          // swift-format-ignore: NeverForceUnwrap
          _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
        }
      }
      filled -= consumed
      done += consumed
      if meter.isDue(done) { progress(done) }
    }
    return done
  }

  func makeScanner(file: String) -> CSVScanner {
    CSVScanner(file: file, defaultCircuit: options.defaultCircuit, interval: options.interval, fastIngest: options.fastIngest)
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
  static func circuitIndex(_ name: String, _ series: inout [SeriesAccumulator], _ names: inout [String: Int], _ interval: Int64?) -> Int {
    let key = SeriesMatch.key(name)
    if let existing = names[key] { return existing }
    series.append(SeriesAccumulator(circuit: name, interval: interval))
    names[key] = series.count - 1
    return series.count - 1
  }
}
