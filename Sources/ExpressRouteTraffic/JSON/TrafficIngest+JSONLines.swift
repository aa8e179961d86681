import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading one large JSON-lines file (diagnostic-settings records, one per line: exported blobs joined into one
/// file) on every core.
///
/// The file is cut into pieces at line ends where the records' time changes (found in a mapping of the file), so a
/// minute's inbound and outbound records stay in one piece. Each piece is streamed by its own reader with `pread`,
/// in 1 MiB blocks as one core reads the file (parsing the mapping itself took a third more CPU on this machine's
/// virtual memory). The pieces are merged in file order with ``SeriesAccumulator/append(_:)``, as the chunks of a
/// large CSV file are. Anything the merge cannot settle (an error, a record repeated across pieces, times out of
/// order, a circuit spelled two ways) sends the file back to the one-core stream, so results and messages are the
/// same, to the byte, as one core's.
extension TrafficIngest {
  /// Reads the JSON-lines file open at `descriptor` (`size` bytes, seekable; `head` its first bytes) on every core
  /// and returns `true`; returns `false` having changed nothing when it must be streamed on one core instead.
  mutating func readJSONLinesInParallel(
    descriptor: Int32, file: String, size: Int, head: UnsafeBufferPointer<UInt8>, progress: ((Int, Int) -> Void)?
  ) -> Bool {
    let workers = workerCount
    guard workers > 1, size >= (options.chunkBytes ?? Self.parallelThreshold), Self.isJSONLines(head)
    else { return false }
    guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
      return false
    }
    defer { munmap(mapping, size) }
    // Read-only and alive until every worker is done.
    nonisolated(unsafe) let bytes = UnsafePointer<UInt8>(mapping.assumingMemoryBound(to: UInt8.self))
    // About four pieces per core, so a slow piece does not leave a core idle for long.
    let pieceBytes = options.chunkBytes ?? min(max(size / (workers * 4), 8 << 20), 64 << 20)
    var starts = [0]
    for cut in stride(from: pieceBytes, to: size, by: pieceBytes) {
      let found = Self.timeChange(bytes, atOrAfter: cut, size: size)
      // The pieces are read with `pread`; the search mapped the folios it touched: hand them back.
      Self.releaseAround(bytes, size: size, from: cut, to: found ?? cut)
      guard let start = found else { return false }
      if let last = starts.last, start > last, start < size { starts.append(start) }
    }
    guard starts.count > 1 else { return false }
    starts.append(size)
    let bounds = starts
    let pieces = bounds.count - 1
    var single = options
    single.workers = 1
    let readerOptions = single
    let before = skippedMetrics
    let state = ChunkMerge(ingest: self, chunks: pieces, lineOffset: 0, total: size, progress: progress)
    DispatchQueue.concurrentPerform(iterations: min(workers, pieces)) { _ in
      while let piece = state.take() {
        let range = bounds[piece]..<bounds[piece + 1]
        var reader = TrafficIngest(options: readerOptions)
        var result = ChunkResult()
        do {
          let stream = JSONStream(
            descriptor: descriptor, file: file, range: range, blockSize: readerOptions.jsonBlockSize)
          _ = try reader.readMetricsJSON(stream, size: 0, progress: nil)
          result = reader.chunkResult()
          result.lines = stream.lineFeedsRead
        } catch {
          result.failed = true
        }
        state.deliver(piece, result)
        state.advance(by: range.count)
      }
    }
    guard var merged = state.result() else { return false }
    merged.countSkippedOnce(since: before)
    merged.bytesRead += size
    merged.parallelChunks += pieces
    FastPath.hit(.jsonLinesPieces)
    self = merged
    return true
  }

  /// Whether `head` starts like JSON lines: a first line that closes an object, and another object on the next.
  static func isJSONLines(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let newline = head.firstIndex(of: 0x0A) else { return false }
    let before = head[..<newline].last { $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }
    let after = head[(newline + 1)...].first { $0 != 0x0D && $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }
    return before == UInt8(ascii: "}") && after == UInt8(ascii: "{")
  }

  /// The first line start at or after `offset` whose record's time differs from the record's on the line before
  /// (looking at most 10,000 lines on); `nil` when no such line is found or a line has no `"time"` or
  /// `"TimeGenerated"` string.
  static func timeChange(_ bytes: UnsafePointer<UInt8>, atOrAfter offset: Int, size: Int) -> Int? {
    var start = lineStart(bytes, atOrAfter: offset, size: size)
    guard start > 0, start < size else { return nil }
    var previousStart = start - 1
    while previousStart > 0 && bytes[previousStart - 1] != 0x0A { previousStart -= 1 }
    guard var previous = recordTime(bytes, from: previousStart, to: start) else { return nil }
    for _ in 0..<10_000 {
      let end = lineStart(bytes, atOrAfter: start + 1, size: size)
      guard let time = recordTime(bytes, from: start, to: end) else { return nil }
      if time.count != previous.count || memcmp(bytes + time.lowerBound, bytes + previous.lowerBound, time.count) != 0 {
        return start
      }
      guard end < size else { return nil }
      previous = time
      start = end
    }
    return nil
  }

  /// Where the value of the line's `"time"` (or `"TimeGenerated"`) string lies, without its quotes.
  private static func recordTime(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Range<Int>? {
    for key in ["\"time\"", "\"TimeGenerated\""] {
      let pattern = Array(key.utf8)
      var at = start
      while at + pattern.count <= end {
        guard let found = memchr(bytes + at, 0x22, end - at) else { break }
        let quote = UnsafeRawPointer(found) - UnsafeRawPointer(bytes)
        guard quote + pattern.count <= end else { break }
        if memcmp(bytes + quote, pattern, pattern.count) == 0 {
          var value = quote + pattern.count
          while value < end && (bytes[value] == 0x20 || bytes[value] == 0x3A) { value += 1 }
          guard value < end, bytes[value] == 0x22 else { return nil }
          guard let close = memchr(bytes + value + 1, 0x22, end - value - 1) else { return nil }
          return (value + 1)..<(UnsafeRawPointer(close) - UnsafeRawPointer(bytes))
        }
        at = quote + 1
      }
    }
    return nil
  }
}
