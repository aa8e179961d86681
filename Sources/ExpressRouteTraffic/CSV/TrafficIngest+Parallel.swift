import ExpressRouteCore
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Reading one large CSV file on every core.
///
/// The data rows after the header are cut into chunks at line ends; each
/// chunk is read by its own scanner into its own accumulators, counting lines
/// from the chunk's start, and the chunks are merged in file order with
/// ``SeriesAccumulator/append(_:)``, which checks the step between chunks as if
/// the rows had been read one after the other. Counts, histograms and monthly
/// sums are integers, so the result is the same, to the byte, as one core's.
/// Anything the merge cannot settle alone (an error in any chunk, a duplicate
/// or a new interval at a chunk boundary) sends the whole file back to the
/// one-core reader, so messages are the same too.
extension TrafficIngest {
  /// Files smaller than this are read on one core.
  static let parallelThreshold = 48 << 20

  /// What reading one chunk (or one file of a folder) gave.
  struct ChunkResult: Sendable {
    var series: [SeriesAccumulator] = []
    var lines = 0
    var rows = 0
    var plainRows = 0
    /// Notes, skipped metrics and bytes of files read whole (a chunk's are counted for its file).
    var notes: [String] = []
    var skippedMetrics: [(metric: String, first: String, files: Int)] = []
    var bytes = 0
    var failed = false
    /// The resource IDs this part met under each circuit name.
    var resourceIDs = ResourceIDRegistry()
  }

  /// What this ingest (one that read a chunk, a run of files or a piece, on one core) holds, for ``ChunkMerge``;
  /// its accumulators are flushed first.
  mutating func chunkResult() -> ChunkResult {
    for index in accumulators.indices { accumulators[index].flush() }
    var result = ChunkResult()
    result.series = accumulators
    result.rows = rowsRead
    result.plainRows = plainRowsRead
    result.notes = madeNotes
    result.skippedMetrics = skippedMetrics
    result.bytes = bytesRead
    result.resourceIDs = resourceIDs
    return result
  }

  /// Reads the CSV file open at `descriptor` (`size` bytes, seekable) on every core and returns
  /// `true`; returns `false` having changed nothing when it must be read by the block reader instead.
  ///
  /// With one worker (`ERCALC_THREADS=1`) a large file is still mapped and read chunk after chunk: the mapping
  /// saves copying every byte out of the page cache, about a sixth of the CPU time of a plain read.
  mutating func readCSVMapped(descriptor: Int32, file: String, size: Int, progress: ((Int, Int) -> Void)?) -> Bool {
    let workers = workerCount
    guard size >= (options.chunkBytes ?? Self.parallelThreshold), options.fastIngest else { return false }
    // The header (and any preamble) from the first MiB.
    var header = makeScanner(file: file)
    let headLength = min(size, 1 << 20)
    guard headLength > 0 else { return false }
    var head = [UInt8](repeating: 0, count: headLength)
    guard head.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, headLength, 0) }) == headLength else {
      return false
    }
    let headerEnd: Int
    do {
      headerEnd = try head.withUnsafeBufferPointer { pointer throws(Diagnostic) -> Int in
        // swift-format-ignore: NeverForceUnwrap
        // The head is not empty.
        try header.findHeader(pointer.baseAddress!, count: headLength, isFinal: headLength == size)
      }
    } catch {
      return false
    }
    guard let layout = header.layout, headerEnd < size else { return false }
    // About four chunks per core, so a slow chunk does not leave a core idle for long.
    let dataBytes = size - headerEnd
    let chunkBytes = options.chunkBytes ?? min(max(dataBytes / (workers * 4), 8 << 20), 64 << 20)
    let chunkCount = max((dataBytes + chunkBytes - 1) / chunkBytes, 1)
    let options = self.options
    // The file is mapped, not copied: each chunk is scanned in place (reads stay inside the mapping).
    guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
      return false
    }
    defer { munmap(mapping, size) }
    // Read-only and alive until every worker is done.
    nonisolated(unsafe) let bytes = UnsafePointer<UInt8>(mapping.assumingMemoryBound(to: UInt8.self))
    let state = ChunkMerge(ingest: self, chunks: chunkCount, lineOffset: header.line, total: size, progress: progress)
    DispatchQueue.concurrentPerform(iterations: min(workers, chunkCount)) { _ in
      while let chunk = state.take() {
        let start =
          chunk == 0 ? headerEnd : Self.lineStart(bytes, atOrAfter: headerEnd + chunk * chunkBytes, size: size)
        let end =
          chunk == chunkCount - 1
          ? size : Self.lineStart(bytes, atOrAfter: headerEnd + (chunk + 1) * chunkBytes, size: size)
        let scanner = CSVScanner(
          file: file, defaultCircuit: options.defaultCircuit, interval: options.interval, layout: layout)
        state.deliver(chunk, Self.readChunk(bytes + start, count: end - start, scanner: scanner, file: file))
        Self.releaseAround(bytes, size: size, from: start, to: end)
        state.advance(by: end - start)
      }
    }
    guard var merged = state.result() else { return false }
    merged.note(contentsOf: header.notes)
    merged.bytesRead += size
    merged.parallelChunks += chunkCount
    FastPath.hit(.csvMappedChunks)
    self = merged
    return true
  }

  /// Reads the rows in `base[0..<count]` with `scanner` (a new one: each owns its staging).
  static func readChunk(_ base: UnsafePointer<UInt8>, count: Int, scanner: consuming CSVScanner, file: String)
    -> ChunkResult
  {
    var scanner = scanner
    var result = ChunkResult()
    var names: [String: Int] = [:]
    do {
      // Eight MiB at a time; pages already read are handed back, so the mapping never adds more
      // than a window per core to the resident memory.
      var done = 0
      var released = Int(bitPattern: base)
      while done < count {
        let window = min(count - done, 8 << 20)
        let isFinal = done + window == count
        let consumed = try scanner.scan(
          base + done, count: window, isFinal: isFinal, series: &result.series, names: &names)
        // A window too short for one line (never with real rows) is widened by reading on to the end.
        if consumed == 0 && !isFinal {
          done += try scanner.scan(
            base + done, count: count - done, isFinal: true, series: &result.series, names: &names)
          break
        }
        done += consumed
        released = releasePages(from: released, to: Int(bitPattern: base) + done)
      }
      try scanner.finish(series: &result.series)
    } catch {
      result.failed = true
      return result
    }
    for index in result.series.indices { result.series[index].flush() }
    result.lines = scanner.line
    result.rows = scanner.rows
    result.plainRows = scanner.plainRowCount
    return result
  }

  /// The size of a memory page.
  static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Hands the whole pages of a read-only file mapping between addresses `start` and `end` (bytes already read)
  /// back to the kernel, so the mapping adds no more than what is being read to the resident memory (a page read
  /// again faults in again from the page cache). Returns where the pages handed back end: `end` rounded down to a
  /// page, or `start` rounded up when no whole page lies between.
  static func releasePages(from start: Int, to end: Int) -> Int {
    let from = (start + pageSize - 1) / pageSize * pageSize
    let upTo = end / pageSize * pageSize
    guard upTo > from else { return from }
    madvise(UnsafeMutableRawPointer(bitPattern: from), upTo - from, MADV_DONTNEED)
    return upTo
  }

  /// The most bytes of a cached file that one touch of its mapping makes resident. Linux (6.x) caches a file read
  /// from disk in folios of up to 2 MiB where memory allows, and a fault maps the whole folio it lands in: a reader
  /// that hands back only the pages it went through leaves the rest of its first and last folios (and those its
  /// boundary searches touched) in the resident memory, up to 2 MiB per piece.
  static let largestFolio = 2 << 20

  /// Hands back the pages of `base[start..<end]` (a range read from a read-only file mapping of `size` bytes) and
  /// those of the folios around it: `largestFolio` on each side, within the mapping. A neighbour's page handed back
  /// while it reads faults in again from the page cache.
  static func releaseAround(_ base: UnsafePointer<UInt8>, size: Int, from start: Int, to end: Int) {
    let low = max(start - largestFolio, 0) / pageSize * pageSize
    let high = min(end + largestFolio, size + pageSize - 1) / pageSize * pageSize
    guard high > low else { return }
    madvise(UnsafeMutableRawPointer(mutating: base + low), high - low, MADV_DONTNEED)
  }

  /// The first line start at or after `offset`: `offset` itself when the byte before it ends a line.
  static func lineStart(_ bytes: UnsafePointer<UInt8>, atOrAfter offset: Int, size: Int) -> Int {
    guard offset > 0 else { return 0 }
    guard offset < size, let found = memchr(bytes + (offset - 1), 0x0A, size - offset + 1) else { return size }
    return UnsafeRawPointer(found) - UnsafeRawPointer(bytes) + 1
  }

  /// Chunks (or files) handed out in order, their results merged in order as soon as each one's predecessors are in.
  /// Shared by the reading threads; its state is behind one `Mutex`.
  final class ChunkMerge: Sendable {
    /// What the threads share.
    private struct State {
      var merged: TrafficIngest
      var next = 0
      var nextToMerge = 0
      var waiting: [Int: ChunkResult] = [:]
      var failed = false
      var lineOffset: Int
      var done = 0
      var meter: ProgressMeter
    }
    private let state: Mutex<State>
    /// The caller's progress report, called only while `state` is locked, so never from two threads at once.
    nonisolated(unsafe) private let progress: ((Int, Int) -> Void)?
    private let chunks: Int
    private let total: Int

    init(ingest: sending TrafficIngest, chunks: Int, lineOffset: Int, total: Int, progress: ((Int, Int) -> Void)?) {
      state = Mutex(
        State(merged: ingest, lineOffset: lineOffset, meter: ProgressMeter(every: ingest.options.progressBytes)))
      self.progress = progress
      self.chunks = chunks
      self.total = total
    }

    /// The next chunk to read, or `nil` when all are taken or one failed.
    func take() -> Int? {
      state.withLock { state in
        guard !state.failed, state.next < chunks else { return nil }
        state.next += 1
        return state.next - 1
      }
    }

    /// Counts bytes read, reporting every 64 MiB (and at the end).
    func advance(by bytes: Int) {
      state.withLock { state in
        state.done += bytes
        // And once at the end.
        if state.meter.isDue(state.done) || state.done == total { progress?(state.done, total) }
      }
    }

    func deliver(_ chunk: Int, _ result: ChunkResult) {
      state.withLock { state in
        state.waiting[chunk] = result
        while !state.failed, let ready = state.waiting.removeValue(forKey: state.nextToMerge) {
          state.nextToMerge += 1
          // A part that failed, or one whose resources share a name with another part's, is read again on one core.
          guard !ready.failed, state.merged.resourceIDs.merge(ready.resourceIDs) else {
            state.failed = true
            break
          }
          for var piece in ready.series {
            piece.shiftLines(by: state.lineOffset)
            // A circuit spelled differently from one already read (`AMS-1` after `ams-1`) is the same circuit; where
            // its samples go among the other spelling's is for the one-core reader to settle.
            let known = state.merged.index[SeriesMatch.key(piece.circuit)].map { state.merged.accumulators[$0].circuit }
            if known.map({ $0 != piece.circuit }) == true || state.merged.append(piece) != nil {
              state.failed = true
              break
            }
          }
          state.lineOffset += ready.lines
          state.merged.rowsRead += ready.rows
          state.merged.plainRowsRead += ready.plainRows
          state.merged.note(contentsOf: ready.notes)
          for skipped in ready.skippedMetrics {
            state.merged.noteSkipped(skipped.metric, file: skipped.first, files: skipped.files)
          }
          state.merged.bytesRead += ready.bytes
        }
        if state.failed { state.waiting.removeAll() }
      }
    }

    /// The merged ingest, or `nil` when the file must be read on one core.
    func result() -> TrafficIngest? {
      state.withLock { state in state.failed || state.nextToMerge < chunks ? nil : state.merged }
    }
  }
}
