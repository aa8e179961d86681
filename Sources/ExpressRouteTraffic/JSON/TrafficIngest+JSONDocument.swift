import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading one large Azure Monitor document (`az monitor metrics list` or REST output) on every core.
///
/// The document is one JSON value, so one reader still walks it from start to end: it keeps the metric, time
/// series and path context, and reports every problem. What costs time is the data points (almost all the bytes),
/// and those are read ahead on the other cores: the file is mapped and cut where a data point object starts, and each
/// piece's points, up to the next cut or the end of their array, are read in place in the mapping by their own stream
/// into a ``PointRun`` (a `pread` copy of every byte cost this machine a tenth more CPU). When the main reader reaches a point at a cut, it takes that run instead of
/// reading the points itself, adds them exactly as it would have, and moves its stream past them. A cut that is not a
/// point of a `data` array is never reached and its run is dropped; a point that is not plainly valid ends its run,
/// and the main reader reads it itself. So results and messages are the same, to the byte, as one core's.
///
/// Memory: runs are read at most two per core ahead of the main reader, and dropped once taken.
extension TrafficIngest {
  /// Reads the Azure Monitor document open at `descriptor` (`size` bytes, seekable, `head` its first bytes, already
  /// read from it; the caller has seen that it starts with `{`) with its data points read on every core; returns
  /// `false` having read nothing when it is too small or has no data point to cut at (then the caller streams it on
  /// one core).
  mutating func readMetricsDocumentInParallel(
    descriptor: Int32, file: String, size: Int, head: [UInt8], progress: ((Int, Int) -> Void)?
  ) throws(Diagnostic) -> Bool {
    let workers = workerCount
    guard workers > 1, size >= (options.chunkBytes ?? Self.parallelThreshold) else { return false }
    // Pieces of about 8 MiB: a run of points is kept until the main reader takes it.
    let pieceBytes = options.chunkBytes ?? min(max(size / (workers * 16), 1 << 20), 8 << 20)
    guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
      return false
    }
    // Read-only and alive until every worker is done.
    nonisolated(unsafe) let bytes = UnsafePointer<UInt8>(mapping.assumingMemoryBound(to: UInt8.self))
    var cuts: [Int] = []
    // The first cut early: what comes before it is read by the main reader alone.
    for offset in stride(from: min(pieceBytes, 1 << 20), to: size, by: pieceBytes) {
      let start = Self.pointStart(bytes, atOrAfter: offset, size: size)
      // The search mapped the folios it touched: hand them back before the next one.
      Self.releaseAround(bytes, size: size, from: offset, to: start ?? min(offset + (1 << 20), size))
      if let start, start > (cuts.last ?? 0) { cuts.append(start) }
    }
    guard !cuts.isEmpty else {
      munmap(mapping, size)
      return false
    }
    let pieces = DocumentPieces(starts: cuts, size: size, ahead: workers * 2)
    let group = DispatchGroup()
    for _ in 0..<workers {
      DispatchQueue.global().async(group: group) {
        while let piece = pieces.take() {
          let start = pieces.starts[piece]
          let run = MetricsJSONReader.readPointRun(
            bytes, file: file, start: start, limit: pieces.limit(of: piece), size: size)
          // The piece's pages are read: hand them back, so the mapping adds no more than the pieces in hand to the
          // resident memory (a page read again, by a neighbour, faults in again from the page cache).
          Self.releaseAround(bytes, size: size, from: start, to: run?.end ?? start)
          pieces.deliver(piece, run)
        }
      }
    }
    // The workers read the mapping until they stop: wait for them whatever happens here.
    defer {
      pieces.cancel()
      group.wait()
      munmap(mapping, size)
      parallelChunks += pieces.taken
    }
    bytesRead += try readMetricsJSON(
      descriptor: descriptor, file: file, prefix: head, size: size, progress: progress, pieces: pieces)
    return true
  }

  /// A data point's keys, quoted, as ``pointStart(_:atOrAfter:size:)`` looks for them after a `{`.
  private static let pointKeys = ["timeStamp", "average", "minimum", "maximum", "total", "count"].map {
    Array("\"\($0)\"".utf8)
  }

  /// The first `{` at or after `offset` (within 1 MiB) that looks like the start of a data point: after `[` or `,`,
  /// and before a point's key (`timeStamp`, `average`, `minimum`, `maximum`, `total` or `count`); `nil` if none.
  static func pointStart(_ bytes: UnsafePointer<UInt8>, atOrAfter offset: Int, size: Int) -> Int? {
    var at = offset
    let stop = min(size, offset + (1 << 20))
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    while at < stop, let found = memchr(bytes + at, Int32(UInt8(ascii: "{")), stop - at) {
      let brace = UnsafeRawPointer(found) - UnsafeRawPointer(bytes)
      at = brace + 1
      var before = brace - 1
      while before >= 0 && isBlank(bytes[before]) { before -= 1 }
      guard before >= 0, bytes[before] == UInt8(ascii: ",") || bytes[before] == UInt8(ascii: "[") else { continue }
      var after = brace + 1
      while after < size && isBlank(bytes[after]) { after += 1 }
      for key in pointKeys where after + key.count <= size && memcmp(bytes + after, key, key.count) == 0 {
        return brace
      }
    }
    return nil
  }
}

/// Data points another core read from a document, in file order (see ``TrafficIngest/readMetricsDocumentInParallel(descriptor:file:size:head:progress:)``).
struct PointRun: Sendable {
  /// Per point: its time, average and maximum (NaN when missing: rates are never NaN), its line counted from the
  /// run's first (1), and ``sawAverage`` and ``other`` flags as the main reader keeps them.
  var times: [Int64] = []
  var averages: [Double] = []
  var maxima: [Double] = []
  var lines: [Int32] = []
  var flags: [UInt8] = []
  /// The input offset of the token after the last point, whether it is another element (its comma read; else the
  /// array's `]`), the line feeds from the first point to it, and its column.
  var end = 0
  var nextIsElement = false
  var lineBreaks = 0
  var endColumn = 1

  static let sawAverage: UInt8 = 1
  static let other: UInt8 = 2

  var count: Int { times.count }

  mutating func append(time: Int64, average: Double?, maximum: Double?, line: Int, sawAverage: Bool, other: Bool) {
    times.append(time)
    averages.append(average ?? .nan)
    maxima.append(maximum ?? .nan)
    lines.append(Int32(clamping: line))
    flags.append((sawAverage ? Self.sawAverage : 0) | (other ? Self.other : 0))
  }

  mutating func finish(end: Int, nextIsElement: Bool, lineBreaks: Int, endColumn: Int) {
    self.end = end
    self.nextIsElement = nextIsElement
    self.lineBreaks = lineBreaks
    self.endColumn = endColumn
  }
}

/// The pieces of one document: handed to workers in order, at most ``ahead`` beyond the one the main reader waits
/// for, and taken by the main reader where it reaches their start.
final class DocumentPieces: @unchecked Sendable {
  /// Each piece's first byte (a cut); a piece ends where the next starts, the last at the end of the file.
  let starts: [Int]
  private let size: Int
  private let ahead: Int
  private let condition = NSCondition()
  private var runs: [PointRun?]
  private var done: [Bool]
  private var next = 0
  private var passed = 0
  private var cancelled = false
  /// Runs the main reader took.
  private(set) var taken = 0

  init(starts: [Int], size: Int, ahead: Int) {
    self.starts = starts
    self.size = size
    self.ahead = max(ahead, 1)
    runs = Array(repeating: nil, count: starts.count)
    done = Array(repeating: false, count: starts.count)
  }

  /// Where piece `index`'s points stop: the next piece's start.
  func limit(of index: Int) -> Int { index + 1 < starts.count ? starts[index + 1] : size }

  /// The next piece to read, waiting while the reader is ``ahead`` pieces behind; `nil` when none is left.
  func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled && next < starts.count && next >= passed + ahead { condition.wait() }
    guard !cancelled, next < starts.count else { return nil }
    next += 1
    return next - 1
  }

  func deliver(_ index: Int, _ run: PointRun?) {
    condition.lock()
    defer { condition.unlock() }
    // A piece the reader has passed is not kept.
    if index >= passed { runs[index] = run }
    done[index] = true
    condition.broadcast()
  }

  /// The run of points starting at input offset `offset`, waiting for it if it is still being read; `nil` when no
  /// piece starts there (pieces the reader has passed are dropped).
  func run(at offset: Int) -> PointRun? {
    condition.lock()
    defer { condition.unlock() }
    guard passed < starts.count, starts[passed] <= offset else { return nil }
    while passed < starts.count && starts[passed] < offset {
      runs[passed] = nil
      passed += 1
      condition.broadcast()
    }
    guard passed < starts.count, starts[passed] == offset else { return nil }
    while !done[passed] { condition.wait() }
    let run = runs[passed]
    runs[passed] = nil
    passed += 1
    condition.broadcast()
    if run != nil { taken += 1 }
    return run
  }

  /// Stops handing out pieces (the reader is done or failed).
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    cancelled = true
    condition.broadcast()
  }
}

/// Streaming an Azure Monitor JSON export on one core, with ``MetricsJSONReader``.
extension TrafficIngest {
  /// Reads an Azure Monitor JSON export from `descriptor` (after `prefix`, bytes already read) as it streams.
  mutating func readMetricsJSON(
    descriptor: Int32, file: String, prefix: [UInt8], size: Int, progress: ((Int, Int) -> Void)?,
    pieces: DocumentPieces? = nil
  ) throws(Diagnostic) -> Int {
    // A small file (an hourly blob of a diagnostic export) gets a block its size, not a fresh MiB to fault in.
    let block = size > 0 ? min(options.jsonBlockSize, max(size + 1, 4096)) : options.jsonBlockSize
    return try readMetricsJSON(
      JSONStream(descriptor: descriptor, file: file, prefix: prefix, blockSize: block), size: size, progress: progress,
      pieces: pieces)
  }

  /// Reads an Azure Monitor JSON export from `stream`; returns the bytes read. `pieces` are runs of its data points
  /// read on other cores (``readMetricsDocumentInParallel(descriptor:file:size:head:progress:)``).
  mutating func readMetricsJSON(
    _ stream: JSONStream, size: Int, progress: ((Int, Int) -> Void)?, pieces: DocumentPieces? = nil
  ) throws(Diagnostic) -> Int {
    stream.limit = options.inputLimit
    var reader = MetricsJSONReader(stream: stream, defaultCircuit: options.defaultCircuit, interval: options.interval)
    reader.readsAhead = options.jsonReadAhead
    reader.refusesUnsplitGlobalReach = options.globalReachPerPeer
    reader.pieces = pieces
    reader.caches = jsonTextCaches
    reader.resourceIDs = resourceIDs
    defer {
      jsonTextCaches = reader.caches
      resourceIDs = reader.resourceIDs
    }
    var meter = ProgressMeter(every: options.progressBytes)
    while try reader.readTopLevelValue() {
      if meter.isDue(stream.consumed) { progress?(stream.consumed, size) }
    }
    try reader.finish()
    note(contentsOf: reader.notes)
    for metric in reader.skippedMetrics { noteSkipped(metric, file: stream.file) }
    try reader.metrics.drain(into: &self, file: stream.file)
    try reader.records.drain(into: &self, file: stream.file)
    return stream.consumed
  }
}
