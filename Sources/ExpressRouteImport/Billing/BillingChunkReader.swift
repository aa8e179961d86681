import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a regular file's records on every core: the file is cut into chunks of ``Sizes/chunk`` bytes, read in
/// rounds of a few chunks (two per core, so a core slowed by another process holds the round back less), each
/// screened by ``BillingRecordSplitter`` on whichever thread is free.
///
/// A chunk other than a round's first starts after the first line feed at or after its nominal start, which is a
/// record boundary unless that line feed is inside a quoted field. So each chunk stops at the first record starting
/// at or after the next chunk's start, and the next chunk counts only if it started exactly there (then its start was
/// a true record boundary, outside quotes); otherwise it is read again from where the previous one ended, as one
/// reader would. A round's first chunk starts where the previous round ended. Memory: one buffer of a chunk and its
/// window per chunk of a round, reused, and the records that pass the screen.
final class BillingChunkReader: @unchecked Sendable {
  /// The chunk and window sizes.
  struct Sizes: Sendable {
    /// Bytes per chunk: 2 MiB.
    var chunk = 2 << 20
    /// Bytes read past a chunk's end for its last record and the next chunk's start: 256 KiB. A record running
    /// past it goes to the general reader.
    var window = 256 << 10
  }

  private let descriptor: Int32
  private let fileSize: Int
  private let screen: BillingScreen
  private let sizes: Sizes
  private let slots: Int
  /// Where the next round's first chunk starts (a record boundary), and where chunk 0 nominally started.
  private var next: Int
  private let origin: Int
  /// The next chunk's index.
  private var index = 0
  /// Chunks read again because their start was not where the chunk before ended (a line feed inside quotes).
  private(set) var rereads = 0
  /// Each slot's buffer, reused from round to round (only the thread reading that slot's chunk touches it).
  private let buffers: [Buffer]
  private var results: [BillingChunk?]
  private let lock = NSLock()

  /// A buffer of bytes that grows as needed.
  private final class Buffer: @unchecked Sendable {
    var pointer: UnsafeMutableRawPointer?
    var capacity = 0
    deinit { pointer?.deallocate() }
  }

  /// A reader of `descriptor` (a regular file of `fileSize` bytes) from the record boundary `start`; `nil` when
  /// the descriptor is not a regular file.
  init?(descriptor: Int32, start: Int, screen: BillingScreen, sizes: Sizes, slots: Int) {
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    self.descriptor = descriptor
    fileSize = Int(status.st_size)
    self.screen = screen
    self.sizes = sizes
    self.slots = max(1, slots)
    next = start
    origin = start
    buffers = (0..<self.slots).map { _ in Buffer() }
    results = Array(repeating: nil, count: self.slots)
  }

  /// The next round's chunks in file order, each starting where the one before ended; empty at the end of the file.
  /// After a chunk with an irregular record, nothing more (the general reader reads on).
  func nextRound() -> [BillingChunk] {
    guard next < fileSize else { return [] }
    let first = index
    let start = next
    index += slots
    DispatchQueue.concurrentPerform(iterations: slots) { slot in
      let nominal = origin + (first + slot) * sizes.chunk
      let chunk = read(slot: slot, start: slot == 0 ? start : nil, nominal: nominal)
      lock.withLock { results[slot] = chunk }
    }
    var chunks: [BillingChunk] = []
    for slot in 0..<slots {
      guard var chunk = lock.withLock({ results[slot] }) else { break }
      if let previous = chunks.last {
        if previous.irregular != nil || previous.end >= fileSize { break }
        if chunk.start != previous.end {
          rereads += 1
          chunk = read(slot: slot, start: previous.end, nominal: origin + (first + slot) * sizes.chunk)
        }
      }
      chunks.append(chunk)
    }
    next = chunks.last.map { $0.irregular == nil ? $0.end : fileSize } ?? fileSize
    return chunks
  }

  /// Reads the chunk nominally at `nominal`, from `start` when it is known to be a record boundary, else from after
  /// the first line feed at or after `nominal - 1`.
  private func read(slot: Int, start: Int?, nominal: Int) -> BillingChunk {
    let nominalEnd = nominal + sizes.chunk
    let low = start ?? max(origin, nominal - 1)
    let high = min(fileSize, max(low, nominalEnd) + sizes.window)
    guard high > low else { return BillingChunk(at: min(low, fileSize)) }
    guard let base = fill(buffers[slot], from: low, to: high) else {
      var unread = BillingChunk(at: low)
      unread.irregular = (low, 0)
      return unread
    }
    let bytes = UnsafePointer(base.assumingMemoryBound(to: UInt8.self))
    let limit = high - low
    func lineAfter(_ from: Int) -> Int? {
      guard from < limit, let found = memchr(bytes + from, 0x0A, limit - from) else { return nil }
      return bytes.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
    }
    let from = start == nil ? lineAfter(0) ?? limit : 0
    let stop = nominalEnd >= fileSize ? limit : lineAfter(max(nominalEnd - 1 - low, from)) ?? limit
    return BillingRecordSplitter.chunk(
      bytes, origin: low, from: from, stop: stop, limit: limit, fileEnd: high == fileSize, screen: screen)
  }

  /// Reads bytes `from..<to` of the file into `storage`, followed by eight zero bytes; `nil` when the file
  /// cannot be read (the general reader then reports it).
  private func fill(_ storage: Buffer, from: Int, to: Int) -> UnsafeMutableRawPointer? {
    let needed = to - from + 8
    if storage.capacity < needed {
      storage.pointer?.deallocate()
      storage.pointer = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 16)
      storage.capacity = needed
    }
    guard let buffer = storage.pointer else { return nil }
    var done = 0
    while done < to - from {
      let count = pread(descriptor, buffer + done, to - from - done, off_t(from + done))
      guard count > 0 else { return nil }
      done += count
    }
    (buffer + done).initializeMemory(as: UInt8.self, repeating: 0, count: 8)
    return buffer
  }
}
