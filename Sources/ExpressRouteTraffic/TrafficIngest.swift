import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads traffic series (CSV and Azure Monitor JSON) into per-circuit accumulators.
///
/// Files are read in order; a circuit seen in several files continues across
/// them, so files must be given oldest first. Memory grows with the number of
/// circuits, not rows.
public struct TrafficIngest: Sendable {
  /// How to read files.
  public struct Options: Sendable {
    /// Seconds between samples, when it cannot be read from the file (CSV).
    public var interval: Int64?
    /// The circuit name for single-circuit files without a circuit column.
    public var defaultCircuit: String
    /// Whether CSV ingest uses the plain-row fast path and per-circuit staging; off, every row is
    /// parsed by the general parser and added on its own (tests compare the two).
    var fastIngest = true
    /// Cores to read a large CSV or JSON-lines file, or a folder, on (default: all); 1 reads on one core.
    public var workers: Int? = nil
    /// The chunk size for reading on several cores, and the file size from which it is used
    /// (default: chosen from the file size); tests set it small to cut files into many chunks.
    var chunkBytes: Int? = nil
    /// The JSON reader's block size (tests set it tiny so tokens straddle every block edge).
    var jsonBlockSize = 1 << 20
    /// Bytes between progress reports on large files and folders (tests set it small).
    var progressBytes = 64 << 20
    /// Whether a Global Reach series not split by `PeeredCircuitSKey` is refused (pricing Global Reach per peer needs the
    /// split); otherwise it is skipped with a note (sizing does not read Global Reach).
    public var globalReachPerPeer = false
    /// Whether plainly written JSON data points are read ahead in one pass (`false` reads every token in turn, for
    /// the test that compares the two).
    var jsonReadAhead = true

    /// The most bytes held at once for one line, value or record of a series, and for a saved summary read whole:
    /// the limit on one JSON document (`--max-input-size`). Streams keep memory bounded by it, whatever their length.
    public var inputLimit = Options.defaultInputLimit
    /// The default ``inputLimit``: 128 MiB, as for documents.
    public static let defaultInputLimit = 128 << 20

    /// Creates options.
    public init(interval: Int64? = nil, defaultCircuit: String = "circuit") {
      self.interval = interval
      self.defaultCircuit = defaultCircuit
    }
  }

  /// The highest rate accepted, in bit/s (1 Pbps); anything above is a unit mistake.
  static let maximumRate = 1e15

  var accumulators: [SeriesAccumulator] = []
  /// Positions in ``accumulators`` by circuit identity (``SeriesMatch/key(_:)``): `AMS-1` and `ams-1` are one
  /// circuit in every format, whichever spelling came first.
  var index: [String: Int] = [:]
  /// Total bytes read.
  public internal(set) var bytesRead = 0
  /// Total data rows read.
  public internal(set) var rowsRead = 0
  /// CSV rows read by the plain-row fast path (the rest took the general parser).
  var plainRowsRead = 0
  /// Chunks of large files, and files of folders, read on several cores and merged (0 when all was read on one core).
  var parallelChunks = 0
  /// Notes about how files were read (header line found, units), each once, in the order first made; then one
  /// per metric skipped (the first file that had it, and how many more did: an export tree has every platform
  /// metric in every hourly blob).
  public var notes: [String] {
    madeNotes
      + skippedMetrics.map { skipped in
        let files =
          skipped.files == 1
          ? skipped.first : "\(skipped.first) and \(skipped.files - 1) more file\(skipped.files == 2 ? "" : "s")"
        return "\(files): skipped metric '\(skipped.metric)' (ercalc reads BitsInPerSecond and BitsOutPerSecond)"
      }
  }
  private(set) var madeNotes: [String] = []
  /// What JSON record texts (resource IDs, metric names, grains) mean, from one file to the next.
  var jsonTextCaches = MetricsJSONReader.TextCaches()
  /// The resource IDs the JSON documents and `AzureMetrics` rows read so far named each circuit by, kept from one file
  /// to the next (with the JSON text caches, whose verdicts depend on it): two resources of one name in two files are
  /// refused too.
  var resourceIDs = ResourceIDRegistry()
  private var noted: Set<String> = []
  /// Metrics that are not bits in or out, in the order first met: the first file with each, and how many files had it.
  private(set) var skippedMetrics: [(metric: String, first: String, files: Int)] = []
  let options: Options

  /// Creates an empty ingest.
  public init(options: Options = Options()) { self.options = options }

  /// Adds `text` to ``notes`` unless it is there already (every hourly blob of an export tree makes the same ones).
  mutating func note(_ text: String) {
    if noted.insert(text).inserted { madeNotes.append(text) }
  }

  /// Records that `file` held `metric`, which is not read (each file once per metric).
  mutating func noteSkipped(_ metric: String, file: String, files: Int = 1) {
    if let known = skippedMetrics.firstIndex(where: { $0.metric == metric }) {
      skippedMetrics[known].files += files
    } else {
      skippedMetrics.append((metric, file, files))
    }
  }

  /// Cores to read on: ``Options/workers``, or every core (at least one).
  var workerCount: Int { max(options.workers ?? ProcessInfo.processInfo.activeProcessorCount, 1) }

  /// Counts one file once for the metrics it skipped, after its pieces were merged (each piece noted them as a
  /// file's); `before` is the list from before the file.
  mutating func countSkippedOnce(since before: [(metric: String, first: String, files: Int)]) {
    for index in skippedMetrics.indices {
      let earlier = before.first { $0.metric == skippedMetrics[index].metric }?.files ?? 0
      if skippedMetrics[index].files > earlier { skippedMetrics[index].files = earlier + 1 }
    }
  }

  /// Adds each of `texts` with ``note(_:)``.
  mutating func note(contentsOf texts: [String]) {
    for text in texts { note(text) }
  }

  /// The accumulator for `circuit`, matched as ``SeriesMatch`` matches (exports spell resource names in capitals),
  /// adding one when none matches (`interval` `nil`: the ingest's own).
  mutating func accumulatorIndex(for circuit: String, interval: Int64?) -> Int {
    Self.circuitIndex(circuit, &accumulators, &index, interval ?? options.interval)
  }

  /// Reads one file, choosing the reader by content (JSON starts with `{`).
  ///
  /// CSV is streamed in blocks (memory does not grow with the file); JSON is
  /// read whole. `path` `-` reads standard input.
  ///
  /// - Throws: ``Diagnostic`` naming the file when it holds no sample with a
  ///   value (only a header, or only empty cells): no traffic is not zero traffic.
  public mutating func read(path: String, displayName: String, progress: ((Int, Int) -> Void)? = nil) throws(Diagnostic)
  {
    let valuedBefore = valuedSamples
    let rowsBefore = rowsRead
    var isDirectory: ObjCBool = false
    if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      // A folder (a diagnostic-settings export tree): every file under it, in path order, which is time order.
      let files = Self.filesUnder(path, workers: workerCount)
      guard !files.isEmpty else {
        throw Diagnostic(
          .error, "the folder holds no files (expected metric exports such as PT1H.json)", file: displayName)
      }
      try readFiles(files.map { (path + "/" + $0, displayName + "/" + $0) }, progress: progress)
      note("\(displayName): read \(files.count) file\(files.count == 1 ? "" : "s") under the folder, in path order")
    } else {
      try readAny(path: path, displayName: displayName, progress: progress)
    }
    if valuedSamples == valuedBefore {
      // A single row per circuit holds values but stays pending: its interval is the step to the next row.
      let lone = accumulators.contains { $0.pending.map { $0.inbound != nil || $0.outbound != nil } ?? false }
      let found =
        rowsRead == rowsBefore
        ? "found no rows"
        : lone
          ? "found a single row per circuit: the sampling interval is the step between two rows, so at least two are needed"
          : "found only empty values"
      throw Diagnostic(
        .error,
        "the series has no traffic samples (expected rows with BitsInPerSecond/BitsOutPerSecond values, \(found))",
        file: displayName)
    }
  }

  /// The cells of the first non-empty line of `head` (for choosing a reader).
  static func firstLine(_ head: some Collection<UInt8>) -> [String] {
    let bytes = Array(head)
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let line = bytes[start..<end]
      if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 && $0 != CSVDialect.comma.separator }) {
        return line.withUnsafeBufferPointer { CSVBytes.splitQuoted($0) }
      }
      start = end + 1
    }
    return []
  }

  /// What a traffic file holds, told from its first bytes: the one rule by which a file (``readAny(path:displayName:progress:)``)
  /// and bytes in memory (``read(_:file:progress:)``) choose their reader.
  enum Format {
    /// A saved summary (``TrafficSummaryFile``).
    case summary
    /// The result of a push-down query (``PushdownResult``), in any engine's shape.
    case pushdownResult
    /// Azure Monitor JSON, whose first byte is `{` (a document, or JSON lines of records) or `[` (rows).
    case json(first: UInt8)
    /// Azure Monitor metric rows as CSV (``isMetricRowsHeader(_:)``).
    case metricRows
    /// A traffic series as CSV (``CSVScanner``).
    case csv

    init(head: some Collection<UInt8>) {
      // The first byte that is neither whitespace nor part of a UTF-8 byte-order mark.
      let first = head.first(where: {
        $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
      })
      if first == UInt8(ascii: "{") && TrafficSummaryFile.isSummary(head) {
        self = .summary
      } else if PushdownResult.isResult(head) {
        self = .pushdownResult
      } else if let first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
        self = .json(first: first)
      } else {
        self = TrafficIngest.isMetricRowsHeader(TrafficIngest.firstLine(head.prefix(4096))) ? .metricRows : .csv
      }
    }
  }

  /// Samples with at least one value, over every circuit read so far.
  var valuedSamples: Int { accumulators.reduce(0) { $0 + $1.valuedSamples } }

  mutating func readAny(path: String, displayName: String, progress: ((Int, Int) -> Void)?) throws(Diagnostic) {
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: displayName)
    }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var status = stat()
    let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    let size = isRegular ? Int(status.st_size) : 0
    // Peek at the first bytes to choose the reader; the readers go on after them (nothing is read twice). A small
    // file (an hourly blob of an export tree) is read whole by this one call: a short read of a regular file is
    // its end, so no reader needs the descriptor again.
    let capacity = isRegular && size < 1 << 20 ? size + 1 : 4096
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    var adopted = false
    defer { if !adopted { block.deallocate() } }
    var got = -1
    repeat {
      got = Glibc.read(descriptor, block, capacity)
    } while got < 0 && errno == EINTR
    guard got >= 0 else {
      throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: displayName)
    }
    let rest = isRegular && got < capacity ? -1 : descriptor
    let peeked = UnsafeBufferPointer(start: block, count: got)
    let format = Format(head: peeked)
    if case .json = format, rest < 0 {
      // A whole small file is parsed where it was read, without a copy.
      adopted = true
      let stream = JSONStream(descriptor: rest, file: displayName, adopting: block, capacity: capacity, filled: got)
      bytesRead += try readMetricsJSON(stream, size: size, progress: progress)
      return
    }
    let head = Array(peeked)
    switch format {
    case .json(let first):
      // A large JSON-lines file is split across cores; other JSON streams on one.
      if isRegular
        && readJSONLinesInParallel(
          descriptor: descriptor, file: displayName, size: size, head: peeked, progress: progress)
      {
        return
      }
      // A large document: its data points are read ahead on the other cores.
      if isRegular && size > 0 && rest >= 0 && first == UInt8(ascii: "{"),
        try readMetricsDocumentInParallel(
          descriptor: descriptor, file: displayName, size: size, head: head, progress: progress)
      {
        return
      }
      // Azure Monitor JSON streams: memory stays bounded by circuits, not by the file.
      bytesRead += try readMetricsJSON(
        descriptor: rest, file: displayName, prefix: head, size: size, progress: progress)
    case .summary, .pushdownResult:
      // A saved summary or a push-down result is small: read it whole, up to the limit on one document.
      var data = Data(head)
      while rest >= 0 {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(rest, $0.baseAddress, 1 << 20) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        guard data.count + count <= options.inputLimit else {
          throw Self.tooLarge(options.inputLimit, file: displayName)
        }
        data.append(contentsOf: chunk[0..<count])
      }
      try read(data, file: displayName, progress: progress)
    case .metricRows:
      bytesRead += try readMetricRowsCSV(descriptor: rest, file: displayName, prefix: head)
    case .csv:
      // A large file is split across cores (the mapping reads from the start, whatever was peeked); CSV streams from
      // files and pipes alike, the peeked bytes first.
      if isRegular && readCSVMapped(descriptor: descriptor, file: displayName, size: size, progress: progress) {
        return
      }
      bytesRead += try readCSV(
        fileDescriptor: descriptor, file: displayName, size: size, prefix: head, progress: progress)
    }
  }

  /// `134,217,728 bytes (128 MiB)`-style text for a byte limit in messages.
  static func describe(bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(Decimal(bytes).grouped(places: 0)) bytes"
  }

  /// The error for input beyond `limit` bytes in `file`.
  static func tooLarge(_ limit: Int, file: String) -> Diagnostic {
    Diagnostic(
      .error,
      "the input is larger than the \(describe(bytes: limit)) limit for one document", file: file,
      remedy: .largerInputLimit)
  }

  /// Reads one file's bytes.
  public mutating func read(_ data: Data, file: String, progress: ((Int, Int) -> Void)? = nil) throws(Diagnostic) {
    switch Format(head: data) {
    case .summary: try merge(TrafficSummaryFile.read(JSONNode.parse(data, file: file)))
    case .pushdownResult: try merge(PushdownResult.read(data, file: file))
    case .json:
      _ = try readMetricsJSON(descriptor: -1, file: file, prefix: Array(data), size: data.count, progress: progress)
    case .metricRows: _ = try readMetricRowsCSV(descriptor: -1, file: file, prefix: Array(data))
    case .csv: try readCSV(data, file: file, progress: progress)
    }
    bytesRead += data.count
  }

  /// Adds saved or separately read pieces of series that come after everything read so far,
  /// circuit by circuit, exactly as reading their rows here would.
  ///
  /// - Throws: the ``Diagnostic`` of the first piece that cannot follow what came before
  ///   (it overlaps, repeats a timestamp or changes the interval).
  mutating func merge(_ pieces: [SeriesAccumulator]) throws(Diagnostic) {
    for piece in pieces {
      if let problem = append(piece) { throw problem }
    }
  }

  /// Adds one circuit's later piece (see ``merge(_:)``); returns why it cannot follow, changing nothing then.
  mutating func append(_ piece: SeriesAccumulator) -> Diagnostic? {
    let key = SeriesMatch.key(piece.circuit)
    if let position = index[key] { return accumulators[position].append(piece) }
    accumulators.append(piece)
    index[key] = accumulators.count - 1
    return nil
  }

  /// The mergeable summary of every series read so far (see ``TrafficSummaryFile``).
  public func savedSummaries() -> String { TrafficSummaryFile.write(accumulators) }

  /// Circuits read so far, in first-seen order.
  public var circuits: [String] { accumulators.map(\.circuit) }

  /// Finishes every series and returns one summary per circuit, in first-seen order.
  public mutating func summaries(file: String) throws(Diagnostic) -> [TrafficSummary] {
    var result: [TrafficSummary] = []
    for position in accumulators.indices {
      try accumulators[position].finish(file: file)
      result.append(accumulators[position].summary())
    }
    return result
  }
}
