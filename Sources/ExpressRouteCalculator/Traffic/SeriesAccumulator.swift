import Foundation

/// Accumulates one circuit's samples as they stream in, in bounded memory.
///
/// Each sample is an average rate over the series interval starting at its
/// timestamp. Volumes integrate `rate × interval` per calendar month (UTC);
/// percentiles come from ``RateHistogram``. Problems are handled explicitly:
/// duplicates are dropped (first kept) and counted; gaps and empty values are
/// counted and reported; backwards timestamps and steps that break the
/// interval grid (mixed granularity) stop ingest with the row's location.
struct SeriesAccumulator {
  let circuit: String
  private(set) var interval: Int64?
  private(set) var firstTimestamp: Int64?
  private(set) var lastTimestamp: Int64?
  private(set) var samples = 0
  /// Samples with both an inbound and an outbound value.
  private(set) var completeSamples = 0
  /// Samples with at least one value.
  private(set) var valuedSamples = 0
  private(set) var inbound = DirectionAccumulator()
  private(set) var outbound = DirectionAccumulator()
  private(set) var gaps = IssueCounter()
  private(set) var duplicates = IssueCounter()
  private(set) var missingValues = IssueCounter()
  private var pending: (Int64, Double?, Double?)?

  init(circuit: String, interval: Int64?) {
    self.circuit = circuit
    self.interval = interval
  }

  /// Adds one sample; `location` is evaluated only when a problem must be reported.
  @inline(__always)
  mutating func add(timestamp: Int64, inbound inValue: Double?, outbound outValue: Double?, location: () -> FileLocation) throws(Diagnostic) {
    if let last = lastTimestamp {
      let step = timestamp - last
      if step == 0 {
        duplicates.record(location, "duplicate sample at \(Timestamp.format(timestamp)) for circuit '\(circuit)' (the first one is kept)")
        return
      }
      if step < 0 {
        throw Diagnostic(
          .error,
          "timestamp \(Timestamp.format(timestamp)) is earlier than the previous sample of circuit '\(circuit)' (\(Timestamp.format(last))); sort the rows by time (out-of-order rows are not reordered silently)",
          location: location())
      }
      if let interval, step != interval {
        if step % interval != 0 {
          throw Diagnostic(
            .error,
            "sample at \(Timestamp.format(timestamp)) is \(step) s after the previous one, which is not a multiple of the \(interval) s interval of circuit '\(circuit)' (mixed granularity; export one interval per series)",
            location: location())
        }
        if step > interval {
          gaps.record(
            location, "gap of \(step / interval - 1) sample(s) before \(Timestamp.format(timestamp)) for circuit '\(circuit)'",
            count: Int(step / interval - 1))
        }
      } else {
        interval = step
        if let (t, i, o) = pending {
          record(timestamp: t, inbound: i, outbound: o, location: location)
          pending = nil
        }
      }
    } else {
      firstTimestamp = timestamp
    }
    lastTimestamp = timestamp
    if interval == nil {
      pending = (timestamp, inValue, outValue)
      return
    }
    record(timestamp: timestamp, inbound: inValue, outbound: outValue, location: location)
  }

  /// Adds a batch of samples in row order, exactly as adding them one by one would.
  ///
  /// Runs of samples one interval apart, with both values and inside both
  /// directions' current month, are added as whole runs; any other sample
  /// goes through ``add(timestamp:inbound:outbound:location:)``.
  mutating func add(batch: SampleBatch, file: String) throws(Diagnostic) {
    var k = 0
    let count = batch.count
    while k < count {
      if let interval, let last = lastTimestamp, pending == nil, let inMonth = inbound.openMonth, let outMonth = outbound.openMonth {
        let low = max(inMonth.lowerBound, outMonth.lowerBound)
        let high = min(inMonth.upperBound, outMonth.upperBound)
        var end = k
        var previous = last
        while end < count {
          let t = batch.timestamps[end]
          guard t &- previous == interval, t >= low, t < high, !batch.inbound[end].isNaN, !batch.outbound[end].isNaN else { break }
          previous = t
          end += 1
        }
        if end > k {
          let seconds = Double(interval)
          inbound.add(run: batch.inbound + k, count: end - k, seconds: seconds)
          outbound.add(run: batch.outbound + k, count: end - k, seconds: seconds)
          samples += end - k
          completeSamples += end - k
          valuedSamples += end - k
          lastTimestamp = previous
          k = end
          continue
        }
      }
      let inValue = batch.inbound[k]
      let outValue = batch.outbound[k]
      let line = batch.lines[k]
      let column = batch.columns[k]
      try add(timestamp: batch.timestamps[k], inbound: inValue.isNaN ? nil : inValue, outbound: outValue.isNaN ? nil : outValue) {
        FileLocation(file: file, line: line, column: column)
      }
      k += 1
    }
  }

  @inline(__always)
  private mutating func record(timestamp: Int64, inbound inValue: Double?, outbound outValue: Double?, location: () -> FileLocation) {
    samples += 1
    if inValue != nil && outValue != nil { completeSamples += 1 }
    if inValue != nil || outValue != nil { valuedSamples += 1 }
    let seconds = Double(interval ?? 0)
    if let inValue { inbound.add(inValue, at: timestamp, seconds: seconds) }
    if let outValue { outbound.add(outValue, at: timestamp, seconds: seconds) }
    if inValue == nil || outValue == nil {
      missingValues.record(location, "no value at \(Timestamp.format(timestamp)) for circuit '\(circuit)' (treated as missing, not as zero)")
    }
  }

  /// Finishes the series; a lone first sample needs a known interval.
  mutating func finish(file: String) throws(Diagnostic) {
    if let (t, _, _) = pending {
      throw Diagnostic(
        .error,
        "circuit '\(circuit)' has a single sample at \(Timestamp.format(t)), so its interval cannot be inferred; give the seconds between samples",
        file: file, remedy: .sampleInterval)
    }
    inbound.flush()
    outbound.flush()
  }
}

/// Counts one kind of data problem and remembers where it first happened.
struct IssueCounter {
  private(set) var count = 0
  private(set) var first: Diagnostic?

  @inline(__always)
  mutating func record(_ location: () -> FileLocation, _ message: @autoclosure () -> String, count: Int = 1) {
    if first == nil { first = Diagnostic(.warning, message(), location: location()) }
    self.count += count
  }
}

/// One direction's running statistics.
struct DirectionAccumulator {
  private(set) var histogram = RateHistogram()
  private(set) var maximum = 0.0
  /// Bit-seconds and covered seconds per month.
  private(set) var months: [MonthKey: (bitSeconds: Double, seconds: Double)] = [:]
  private var currentMonth: MonthKey?
  private var currentStart: Int64 = 0
  private var currentEnd: Int64 = 0
  private var currentBits = 0.0
  private var currentSeconds = 0.0

  @inline(__always)
  mutating func add(_ value: Double, at timestamp: Int64, seconds: Double) {
    histogram.add(value)
    if value > maximum { maximum = value }
    if timestamp < currentStart || timestamp >= currentEnd || currentMonth == nil {
      flush()
      let month = Timestamp.monthKey(timestamp)
      currentMonth = month
      currentStart = month.start
      currentEnd = month.next.start
      currentBits = 0
      currentSeconds = 0
    }
    currentBits += value * seconds
    currentSeconds += seconds
  }

  /// The current month's seconds, `nil` before the first sample.
  var openMonth: Range<Int64>? { currentMonth == nil ? nil : currentStart..<currentEnd }

  /// Adds `count` samples that all fall in the current month (see ``openMonth``), in order.
  mutating func add(run values: UnsafePointer<Double>, count: Int, seconds: Double) {
    histogram.add(values, count: count)
    var maximum = self.maximum
    var bits = currentBits
    var covered = currentSeconds
    for index in 0..<count {
      let value = values[index]
      if value > maximum { maximum = value }
      bits += value * seconds
      covered += seconds
    }
    self.maximum = maximum
    currentBits = bits
    currentSeconds = covered
  }

  mutating func flush() {
    histogram.flush()
    guard let month = currentMonth else { return }
    let existing = months[month] ?? (0, 0)
    months[month] = (existing.bitSeconds + currentBits, existing.seconds + currentSeconds)
    currentBits = 0
    currentSeconds = 0
  }
}
