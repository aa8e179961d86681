import ExpressRouteCore

/// Parsed CSV samples waiting, per circuit, to be added to their accumulator in batches.
///
/// Long-format files interleave circuits row by row; adding each row straight
/// to its circuit's accumulator touches a different accumulator every row.
/// Staging keeps up to ``capacity`` rows per circuit in one block each and adds
/// them with ``SeriesAccumulator/add(batch:file:)``, which runs the common
/// case (regular steps, both values present, same month) as tight loops.
/// Missing values are staged as NaN (parsing never produces NaN).
///
/// Errors keep their order: when a batch fails, or parsing fails, every
/// staged row is added first, and the error with the earliest line wins, so
/// messages are the same as adding row by row.
///
/// One scanner owns its staging and uses it on one thread, so the buffer
/// properties skip Swift's runtime exclusivity checks (`@exclusivity(unchecked)`),
/// which otherwise cost more per row than the staging itself.
final class SampleStaging {
  /// Rows staged per circuit before they are added.
  static let capacity = 256

  /// One circuit's staged rows: ``capacity`` timestamps (`Int64`), inbound and outbound rates (`Double`), lines
  /// and time-field columns (`Int`), each run of ``capacity`` after the other. A row is five stores at fixed
  /// offsets from one pointer.
  static let blockBytes = 5 * capacity * 8
  private static let inboundOffset = capacity * 8
  private static let outboundOffset = 2 * capacity * 8
  private static let linesOffset = 3 * capacity * 8
  private static let columnsOffset = 4 * capacity * 8

  /// The circuits' blocks, one after the other.
  @exclusivity(unchecked) private var blocks: UnsafeMutableRawPointer
  /// Rows staged per circuit.
  @exclusivity(unchecked) private(set) var counts: UnsafeMutablePointer<Int>
  /// Whether a circuit's staged rows include a missing value (NaN).
  @exclusivity(unchecked) private var missing: UnsafeMutablePointer<Bool>
  @exclusivity(unchecked) private var circuitCapacity = 0

  init() {
    blocks = .allocate(byteCount: Self.blockBytes, alignment: 8)
    counts = .allocate(capacity: 1)
    missing = .allocate(capacity: 1)
  }

  deinit {
    blocks.deallocate()
    counts.deallocate()
    missing.deallocate()
  }

  /// One circuit's staged rows, as a row loop appends to them: its block and its count (see ``keep(_:)``).
  struct Rows {
    let block: UnsafeMutableRawPointer
    var count: Int

    /// Stages one row with both values (neither is NaN); returns `true` when the block is now full.
    @inline(__always)
    mutating func append(timestamp: Int64, inbound: Double, outbound: Double, line: Int, column: Int) -> Bool {
      block.assumingMemoryBound(to: Int64.self)[count] = timestamp
      (block + SampleStaging.inboundOffset).assumingMemoryBound(to: Double.self)[count] = inbound
      (block + SampleStaging.outboundOffset).assumingMemoryBound(to: Double.self)[count] = outbound
      (block + SampleStaging.linesOffset).assumingMemoryBound(to: Int.self)[count] = line
      (block + SampleStaging.columnsOffset).assumingMemoryBound(to: Int.self)[count] = column
      count &+= 1
      return count == SampleStaging.capacity
    }
  }

  /// Circuit `circuit`'s staged rows, to append to in a loop that holds the count itself; ``keep(_:)`` hands it back
  /// before anything else reads the staging.
  @inline(__always)
  func rows(of circuit: Int) -> Rows {
    Rows(block: blocks + circuit &* Self.blockBytes, count: counts[circuit])
  }

  /// Records the count of rows appended through `rows`.
  @inline(__always)
  func keep(_ rows: Rows) {
    counts[(rows.block - blocks) / Self.blockBytes] = rows.count
  }

  /// Makes room for circuits `0 ..< circuits` (their blocks keep what they hold).
  func reserve(circuits: Int) {
    guard circuits > circuitCapacity else { return }
    let newCapacity = max(circuits, circuitCapacity * 2, 8)
    let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity * Self.blockBytes, alignment: 8)
    if circuitCapacity > 0 { grown.copyMemory(from: blocks, byteCount: circuitCapacity * Self.blockBytes) }
    // Each run of a block holds one type.
    for circuit in 0..<newCapacity {
      let block = grown + circuit * Self.blockBytes
      block.bindMemory(to: Int64.self, capacity: Self.capacity)
      (block + Self.inboundOffset).bindMemory(to: Double.self, capacity: 2 * Self.capacity)
      (block + Self.linesOffset).bindMemory(to: Int.self, capacity: 2 * Self.capacity)
    }
    blocks.deallocate()
    blocks = grown
    func grow<T>(_ pointer: inout UnsafeMutablePointer<T>, filling value: T) {
      let grown = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
      if circuitCapacity > 0 { grown.moveInitialize(from: pointer, count: circuitCapacity) }
      (grown + circuitCapacity).initialize(repeating: value, count: newCapacity - circuitCapacity)
      pointer.deallocate()
      pointer = grown
    }
    grow(&counts, filling: 0)
    grow(&missing, filling: false)
    circuitCapacity = newCapacity
  }

  /// Stages one row (NaN for a missing value); returns `true` when the circuit's buffer is now full (call
  /// ``flush(_:series:file:)``).
  @inline(__always)
  func append(
    circuit: Int, timestamp: Int64, inbound inValue: Double, outbound outValue: Double, line: Int, column: Int
  ) -> Bool {
    if inValue.isNaN || outValue.isNaN { missing[circuit] = true }
    return appendComplete(
      circuit: circuit, timestamp: timestamp, inbound: inValue, outbound: outValue, line: line, column: column)
  }

  /// Stages one row with both values (neither is NaN), as ``append(circuit:timestamp:inbound:outbound:line:column:)``.
  @inline(__always)
  func appendComplete(
    circuit: Int, timestamp: Int64, inbound inValue: Double, outbound outValue: Double, line: Int, column: Int
  ) -> Bool {
    var rows = rows(of: circuit)
    let full = rows.append(timestamp: timestamp, inbound: inValue, outbound: outValue, line: line, column: column)
    counts[circuit] = rows.count
    return full
  }

  /// Adds circuit `circuit`'s staged rows to its accumulator; on an error, adds every other circuit's
  /// rows too and throws the error with the earliest line.
  func flush(_ circuit: Int, series: inout [SeriesAccumulator], file: String) throws(Diagnostic) {
    do {
      try add(circuit, to: &series, file: file)
    } catch {
      throw earliest(error, series: &series, file: file)
    }
  }

  /// Adds every staged row; throws the error with the earliest line, if any.
  func flushAll(series: inout [SeriesAccumulator], file: String) throws(Diagnostic) {
    var first: Diagnostic?
    for circuit in 0..<min(circuitCapacity, series.count) {
      do {
        try add(circuit, to: &series, file: file)
      } catch {
        if first.map({ Self.line(of: error) < Self.line(of: $0) }) ?? true { first = error }
      }
    }
    if let first { throw first }
  }

  /// Adds every staged row, then returns the earliest of `error` and any error that raised.
  func earliest(_ error: Diagnostic, series: inout [SeriesAccumulator], file: String) -> Diagnostic {
    do {
      try flushAll(series: &series, file: file)
      return error
    } catch let other {
      return Self.line(of: other) < Self.line(of: error) ? other : error
    }
  }

  private func add(_ circuit: Int, to series: inout [SeriesAccumulator], file: String) throws(Diagnostic) {
    guard counts[circuit] > 0 else { return }
    try flush(circuit, into: &series[circuit], file: file)
  }

  /// Adds staged circuit `circuit`'s rows to `accumulator` (for a staging that holds one series at a time, whose
  /// errors need no ordering against other circuits').
  func flush(_ circuit: Int, into accumulator: inout SeriesAccumulator, file: String) throws(Diagnostic) {
    let count = counts[circuit]
    guard count > 0 else { return }
    counts[circuit] = 0
    let complete = !missing[circuit]
    missing[circuit] = false
    let block = UnsafeRawPointer(blocks + circuit * Self.blockBytes)
    let batch = SampleBatch(
      timestamps: block.assumingMemoryBound(to: Int64.self),
      inbound: (block + Self.inboundOffset).assumingMemoryBound(to: Double.self),
      outbound: (block + Self.outboundOffset).assumingMemoryBound(to: Double.self),
      lines: (block + Self.linesOffset).assumingMemoryBound(to: Int.self),
      columns: (block + Self.columnsOffset).assumingMemoryBound(to: Int.self),
      count: count, complete: complete)
    try accumulator.add(batch: batch, file: file)
  }

  private static func line(of error: Diagnostic) -> Int { error.location?.line ?? Int.max }
}

/// A run of one circuit's samples in row order (see ``SampleStaging``).
struct SampleBatch {
  var timestamps: UnsafePointer<Int64>
  /// Bits per second; NaN when missing.
  var inbound: UnsafePointer<Double>
  var outbound: UnsafePointer<Double>
  var lines: UnsafePointer<Int>
  /// The time field's column; 0 when messages give the line alone.
  var columns: UnsafePointer<Int>
  var count: Int
  /// Whether every sample has both values (no NaN).
  var complete: Bool
}
