import ExpressRouteCore
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
  private(set) var circuit: String
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
  /// A lone first sample, kept until the second one gives the interval.
  private(set) var pending: PendingSample?
  /// Where the first sample was read, for problems found when pieces are merged.
  private(set) var firstLocation: FileLocation?

  /// A sample waiting for the series interval.
  struct PendingSample {
    var timestamp: Int64
    var inbound: Double?
    var outbound: Double?
    var location: FileLocation
  }

  init(circuit: String, interval: Int64?) {
    self.circuit = circuit
    self.interval = interval
  }

  /// An accumulator restored from a saved summary (see ``TrafficSummaryFile``).
  init(
    circuit: String, interval: Int64?, first: Int64?, last: Int64?, samples: Int, completeSamples: Int,
    valuedSamples: Int,
    inbound: DirectionAccumulator, outbound: DirectionAccumulator, gaps: IssueCounter, duplicates: IssueCounter,
    missingValues: IssueCounter, pending: PendingSample?, firstLocation: FileLocation?
  ) {
    self.circuit = circuit
    self.interval = interval
    firstTimestamp = first
    lastTimestamp = last
    self.samples = samples
    self.completeSamples = completeSamples
    self.valuedSamples = valuedSamples
    self.inbound = inbound
    self.outbound = outbound
    self.gaps = gaps
    self.duplicates = duplicates
    self.missingValues = missingValues
    self.pending = pending
    self.firstLocation = firstLocation
  }

  /// Adds one sample; `location` is evaluated only when a problem must be reported.
  @inline(__always)
  mutating func add(
    timestamp: Int64, inbound inValue: Double?, outbound outValue: Double?, location: () -> FileLocation
  ) throws(Diagnostic) {
    if let last = lastTimestamp {
      let step = timestamp - last
      if step == 0 {
        duplicates.record(
          location,
          "duplicate sample at \(CivilCalendar.format(timestamp)) for circuit '\(circuit)' (the first one is kept)")
        return
      }
      if step < 0 {
        throw Diagnostic(
          .error,
          "timestamp \(CivilCalendar.format(timestamp)) is earlier than the previous sample of circuit '\(circuit)' (\(CivilCalendar.format(last))); sort the rows by time (out-of-order rows are not reordered silently)",
          location: location())
      }
      if let interval, step != interval {
        if step % interval != 0 {
          // The interval came from the first step alone: that step may have skipped samples (a row missing), which
          // ercalc does not guess; the interval given settles it.
          let firstStepMaySkip = samples == 2 && interval % step == 0
          throw Diagnostic(
            .error,
            "sample at \(CivilCalendar.format(timestamp)) is \(step) s after the previous one, which is not a multiple of the \(interval) s interval of circuit '\(circuit)' (mixed granularity; export one interval per series)"
              + (firstStepMaySkip
                ? "; the \(interval) s interval comes from the first step alone, which may have skipped samples: if the series is every \(step) s, give that interval"
                : ""),
            location: location(), remedy: firstStepMaySkip ? .sampleInterval : nil)
        }
        if step > interval {
          gaps.record(
            location,
            ProblemText.gap(step / interval - 1, before: timestamp, circuit: circuit),
            count: Int(step / interval - 1))
        }
      } else {
        interval = step
        if let first = pending {
          record(timestamp: first.timestamp, inbound: first.inbound, outbound: first.outbound) { first.location }
          pending = nil
        }
      }
    } else {
      firstTimestamp = timestamp
      firstLocation = location()
    }
    lastTimestamp = timestamp
    if interval == nil {
      pending = PendingSample(timestamp: timestamp, inbound: inValue, outbound: outValue, location: location())
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
      if let interval, let last = lastTimestamp, pending == nil, let inMonth = inbound.openMonth,
        let outMonth = outbound.openMonth
      {
        let low = max(inMonth.lowerBound, outMonth.lowerBound)
        let high = min(inMonth.upperBound, outMonth.upperBound)
        var end = k
        var previous = last
        // Times rise by `interval` from `last`: all are at or after `low` when the first is, and at most
        // `(high − 1 − last) ÷ interval` of them come before `high`.
        if interval > 0 && last &+ interval >= low && last < high {
          let limit = k &+ min(count &- k, Int((high &- 1 &- last) / interval))
          if batch.complete {
            while end < limit && batch.timestamps[end] == previous &+ interval {
              previous &+= interval
              end &+= 1
            }
          } else {
            while end < limit && batch.timestamps[end] == previous &+ interval && !batch.inbound[end].isNaN
              && !batch.outbound[end].isNaN
            {
              previous &+= interval
              end &+= 1
            }
          }
        }
        if end > k {
          inbound.add(run: batch.inbound + k, count: end - k)
          outbound.add(run: batch.outbound + k, count: end - k)
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
      try add(
        timestamp: batch.timestamps[k], inbound: inValue.isNaN ? nil : inValue,
        outbound: outValue.isNaN ? nil : outValue
      ) {
        FileLocation(file: file, line: line, column: column > 0 ? column : nil)
      }
      k += 1
    }
  }

  @inline(__always)
  private mutating func record(
    timestamp: Int64, inbound inValue: Double?, outbound outValue: Double?, location: () -> FileLocation
  ) {
    samples += 1
    if inValue != nil && outValue != nil { completeSamples += 1 }
    if inValue != nil || outValue != nil { valuedSamples += 1 }
    if let inValue { inbound.add(inValue, at: timestamp) }
    if let outValue { outbound.add(outValue, at: timestamp) }
    if inValue == nil || outValue == nil {
      missingValues.record(
        location,
        ProblemText.noValue(at: timestamp, circuit: circuit))
    }
  }

  /// Finishes the series; a lone first sample needs a known interval.
  mutating func finish(file: String) throws(Diagnostic) {
    if let pending {
      throw Diagnostic(
        .error,
        "circuit '\(circuit)' has a single sample at \(CivilCalendar.format(pending.timestamp)), so its interval cannot be inferred; give the seconds between samples",
        file: file, remedy: .sampleInterval)
    }
    flush()
  }

  /// Closes both directions' open months (adding more samples afterwards is still allowed).
  mutating func flush() {
    inbound.flush()
    outbound.flush()
  }

  /// Notes the highest `maximum` aggregation per direction of an export (bursts; sizing uses averages).
  mutating func notePeaks(inbound inPeak: Double?, outbound outPeak: Double?) {
    if let inPeak { inbound.burstMaximum = max(inbound.burstMaximum ?? 0, inPeak) }
    if let outPeak { outbound.burstMaximum = max(outbound.burstMaximum ?? 0, outPeak) }
  }

  /// Adds repeated records found while joining an export's points (counted with duplicates).
  mutating func appendRepeats(_ repeats: IssueCounter) {
    duplicates.append(repeats)
  }

  /// Moves every remembered location's line by `lines`: a chunk of a file read on its own counts
  /// lines from the chunk's start.
  mutating func shiftLines(by lines: Int) {
    guard lines != 0 else { return }
    firstLocation?.line += lines
    pending?.location.line += lines
    gaps.shiftLines(by: lines)
    duplicates.shiftLines(by: lines)
    missingValues.shiftLines(by: lines)
  }

  /// Adds `later`, the same circuit's samples that come after this accumulator's (the next chunk
  /// of a file, the next file, or a saved summary of either), exactly as adding them one by one would.
  ///
  /// Returns a diagnostic instead when that cannot be done from the two summaries alone: the
  /// pieces overlap or repeat a timestamp, their intervals differ, or the step between them breaks
  /// the interval. Nothing is changed then.
  mutating func append(_ later: SeriesAccumulator) -> Diagnostic? {
    var later = later
    if let lone = later.pending {
      // A piece with one sample: add it as the next row.
      var copy = self
      do {
        try copy.add(timestamp: lone.timestamp, inbound: lone.inbound, outbound: lone.outbound) { lone.location }
      } catch {
        return error
      }
      self = copy
      return nil
    }
    guard let laterFirst = later.firstTimestamp, let laterLast = later.lastTimestamp, let laterInterval = later.interval
    else { return nil }
    let location = later.firstLocation ?? FileLocation(file: "", line: 0)
    guard let last = lastTimestamp else {
      let name = circuit
      self = later
      circuit = name
      return nil
    }
    let step = laterFirst - last
    var copy = self
    if let lone = copy.pending {
      guard step == laterInterval else {
        return notExact(
          "the interval of circuit '\(circuit)' is \(laterInterval) s after \(CivilCalendar.format(laterFirst)), but \(step) s separate it from the sample before (\(CivilCalendar.format(last)))",
          at: location)
      }
      copy.interval = laterInterval
      copy.pending = nil
      copy.record(timestamp: lone.timestamp, inbound: lone.inbound, outbound: lone.outbound) { lone.location }
    }
    guard copy.interval == laterInterval else {
      return notExact(
        "circuit '\(circuit)' has samples \(copy.interval ?? 0) s apart before \(CivilCalendar.format(laterFirst)) and \(laterInterval) s apart from then (mixed granularity; export one interval per series)",
        at: location)
    }
    if step <= 0 {
      return notExact(
        step == 0
          ? "sample at \(CivilCalendar.format(laterFirst)) for circuit '\(circuit)' repeats the previous piece's last sample"
          : "timestamp \(CivilCalendar.format(laterFirst)) is earlier than the previous sample of circuit '\(circuit)' (\(CivilCalendar.format(last))); give the pieces oldest first, without overlap",
        at: location)
    }
    if step % laterInterval != 0 {
      return notExact(
        "sample at \(CivilCalendar.format(laterFirst)) is \(step) s after the previous one, which is not a multiple of the \(laterInterval) s interval of circuit '\(circuit)' (mixed granularity; export one interval per series)",
        at: location)
    }
    if step > laterInterval {
      copy.gaps.record(
        { location },
        ProblemText.gap(step / laterInterval - 1, before: laterFirst, circuit: circuit),
        count: Int(step / laterInterval - 1))
    }
    later.flush()
    copy.flush()
    copy.lastTimestamp = laterLast
    copy.samples += later.samples
    copy.completeSamples += later.completeSamples
    copy.valuedSamples += later.valuedSamples
    copy.inbound.append(later.inbound)
    copy.outbound.append(later.outbound)
    copy.gaps.append(later.gaps)
    copy.duplicates.append(later.duplicates)
    copy.missingValues.append(later.missingValues)
    self = copy
    return nil
  }

  private func notExact(_ message: String, at location: FileLocation) -> Diagnostic {
    Diagnostic(.error, message, location: location)
  }
}
