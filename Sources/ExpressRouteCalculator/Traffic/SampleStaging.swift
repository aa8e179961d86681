/// Parsed CSV samples waiting, per circuit, to be added to their accumulator in batches.
///
/// Long-format files interleave circuits row by row; adding each row straight
/// to its circuit's accumulator touches a different accumulator every row.
/// Staging keeps up to ``capacity`` rows per circuit in flat buffers and adds
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

  @exclusivity(unchecked) private(set) var timestamps: UnsafeMutablePointer<Int64>
  @exclusivity(unchecked) private(set) var inbound: UnsafeMutablePointer<Double>
  @exclusivity(unchecked) private(set) var outbound: UnsafeMutablePointer<Double>
  /// Line and time-field column of each row, for messages.
  @exclusivity(unchecked) private(set) var lines: UnsafeMutablePointer<Int>
  @exclusivity(unchecked) private(set) var columns: UnsafeMutablePointer<Int>
  /// Rows staged per circuit.
  @exclusivity(unchecked) private(set) var counts: UnsafeMutablePointer<Int>
  /// Whether a circuit's staged rows include a missing value (NaN).
  @exclusivity(unchecked) private var missing: UnsafeMutablePointer<Bool>
  @exclusivity(unchecked) private var circuitCapacity = 0

  init() {
    timestamps = .allocate(capacity: 1)
    inbound = .allocate(capacity: 1)
    outbound = .allocate(capacity: 1)
    lines = .allocate(capacity: 1)
    columns = .allocate(capacity: 1)
    counts = .allocate(capacity: 1)
    missing = .allocate(capacity: 1)
  }

  deinit {
    timestamps.deallocate()
    inbound.deallocate()
    outbound.deallocate()
    lines.deallocate()
    columns.deallocate()
    counts.deallocate()
    missing.deallocate()
  }

  /// Makes room for circuits `0 ..< circuits` (their buffers keep what they hold).
  func reserve(circuits: Int) {
    guard circuits > circuitCapacity else { return }
    let newCapacity = max(circuits, circuitCapacity * 2, 8)
    func grow<T>(_ pointer: inout UnsafeMutablePointer<T>, _ perCircuit: Int) {
      let grown = UnsafeMutablePointer<T>.allocate(capacity: newCapacity * perCircuit)
      if circuitCapacity > 0 { grown.moveInitialize(from: pointer, count: circuitCapacity * perCircuit) }
      pointer.deallocate()
      pointer = grown
    }
    grow(&timestamps, Self.capacity)
    grow(&inbound, Self.capacity)
    grow(&outbound, Self.capacity)
    grow(&lines, Self.capacity)
    grow(&columns, Self.capacity)
    let oldCapacity = circuitCapacity
    grow(&counts, 1)
    (counts + oldCapacity).initialize(repeating: 0, count: newCapacity - oldCapacity)
    grow(&missing, 1)
    (missing + oldCapacity).initialize(repeating: false, count: newCapacity - oldCapacity)
    circuitCapacity = newCapacity
  }

  /// Stages one row (NaN for a missing value); returns `true` when the circuit's buffer is now full (call
  /// ``flush(_:series:file:)``).
  @inline(__always)
  func append(circuit: Int, timestamp: Int64, inbound inValue: Double, outbound outValue: Double, line: Int, column: Int) -> Bool {
    if inValue.isNaN || outValue.isNaN { missing[circuit] = true }
    return appendComplete(circuit: circuit, timestamp: timestamp, inbound: inValue, outbound: outValue, line: line, column: column)
  }

  /// Stages one row with both values (neither is NaN), as ``append(circuit:timestamp:inbound:outbound:line:column:)``.
  @inline(__always)
  func appendComplete(circuit: Int, timestamp: Int64, inbound inValue: Double, outbound outValue: Double, line: Int, column: Int) -> Bool {
    let count = counts[circuit]
    let slot = circuit &* Self.capacity &+ count
    timestamps[slot] = timestamp
    inbound[slot] = inValue
    outbound[slot] = outValue
    lines[slot] = line
    columns[slot] = column
    counts[circuit] = count &+ 1
    return count &+ 1 == Self.capacity
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
    let start = circuit * Self.capacity
    let batch = SampleBatch(
      timestamps: timestamps + start, inbound: inbound + start, outbound: outbound + start, lines: lines + start, columns: columns + start,
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
