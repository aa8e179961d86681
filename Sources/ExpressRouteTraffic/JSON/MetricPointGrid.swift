import ExpressRouteCore

/// Metric points that arrive one direction at a time, in any order, joined per circuit on a time grid.
///
/// Azure Monitor exports give inbound and outbound as separate records (the
/// REST shape lists a whole metric before the next; JSON lines and
/// `AzureMetrics` rows interleave them in any order). The grid keeps, per
/// circuit, one slot per interval between the first and last timestamp seen:
/// the inbound and outbound rates (NaN while missing) and the line of the first
/// record. Memory is 20 bytes per slot: bounded by circuits and the time span,
/// not by the file (a year of one-minute slots is 10.5 MB per circuit).
/// ``drain(into:file:)`` then adds the samples in time order, as a CSV row
/// would be.
struct MetricPointGrid {
  /// What to do when a slot already has a value for the direction.
  enum Repeat {
    /// Add it: split series (primary and secondary device) make up the circuit's total. A time where one series has
    /// a point without a value, or no point at all while another has one (``noteSeries(_:inbound:count:)``), is a
    /// sample without a value in that direction, whatever the others hold: a missing half is never summed in as zero.
    /// The same series listed again never reaches the sum: the reader counts its points as repeats
    /// (``repeatPoint(_:time:inbound:line:file:)``; see `MetricsJSONReader.readSeries`).
    case sum
    /// Keep the first and count the repeat: the same record exported twice.
    case keepFirst
  }

  struct Circuit {
    var name: String
    var interval: Int64?
    var origin: Int64 = 0
    var inbound: [Double] = []
    var outbound: [Double] = []
    /// Line of the first record of each slot; 0 for a slot no record reached.
    var lines: [Int32] = []
    /// Points before the interval is known (at most a few).
    var early: [(time: Int64, inbound: Bool, value: Double?, line: Int)] = []
    var repeats = IssueCounter()
    /// The highest `maximum` aggregation seen, per direction (bursts inside an interval).
    var inboundPeak: Double?
    var outboundPeak: Double?
    /// Whether its metric's series were split by a kept dimension into circuits of their own (Metrics Batch): left
    /// out when it holds no points of its own.
    var splitApart = false
    /// Times and directions of points without a value, under ``Repeat/sum`` (rare: kept as a list).
    var holes: [(time: Int64, inbound: Bool)] = []
    /// Under ``Repeat/sum``: how many series have a point (with or without a value) in each slot, per direction (2
    /// bytes a slot; empty under ``Repeat/keepFirst``), and the most series one metric gave the circuit.
    var inboundSeries: [UInt8] = []
    var outboundSeries: [UInt8] = []
    var inboundSplit = 0
    var outboundSplit = 0
  }

  private(set) var circuits: [Circuit] = []
  /// Positions in ``circuits`` by circuit identity (``SeriesMatch/key(_:)``), the rule of every other reader: `AMS-1`
  /// and `ams-1` are one circuit, under the first spelling.
  private var index: [String: Int] = [:]
  let repeatRule: Repeat

  init(repeatRule: Repeat) { self.repeatRule = repeatRule }

  var isEmpty: Bool { circuits.isEmpty }

  /// The circuit's position, adding it (with `interval` when known) the first time.
  mutating func circuit(_ name: String, interval: Int64?) -> Int {
    let key = SeriesMatch.key(name)
    if let existing = index[key] {
      if circuits[existing].interval == nil, let interval { circuits[existing].interval = interval }
      return existing
    }
    circuits.append(Circuit(name: name, interval: interval))
    index[key] = circuits.count - 1
    return circuits.count - 1
  }

  /// Notes that one metric gave `circuit` `count` series (with points) in one direction, such as `DeviceRole` primary
  /// and secondary: a slot where fewer of them have a point is a sample without a value in that direction.
  mutating func noteSeries(_ circuit: Int, inbound: Bool, count: Int) {
    if inbound {
      circuits[circuit].inboundSplit = max(circuits[circuit].inboundSplit, count)
    } else {
      circuits[circuit].outboundSplit = max(circuits[circuit].outboundSplit, count)
    }
  }

  /// Counts a point of one series in `slot` (saturating: 255 series are as many as there are).
  private mutating func countSeries(_ circuit: Int, slot: Int, inbound: Bool) {
    guard repeatRule == .sum else { return }
    if inbound {
      if circuits[circuit].inboundSeries[slot] < .max { circuits[circuit].inboundSeries[slot] += 1 }
    } else {
      if circuits[circuit].outboundSeries[slot] < .max { circuits[circuit].outboundSeries[slot] += 1 }
    }
  }

  /// Notes that `circuit`'s series went to circuits of their own, one per value of a kept dimension.
  mutating func markSplitApart(_ circuit: Int) { circuits[circuit].splitApart = true }

  /// Records the `maximum` aggregation of a point (for bursts; not part of sizing's averages).
  mutating func peak(_ circuit: Int, inbound: Bool, _ value: Double) {
    if inbound {
      circuits[circuit].inboundPeak = max(circuits[circuit].inboundPeak ?? 0, value)
    } else {
      circuits[circuit].outboundPeak = max(circuits[circuit].outboundPeak ?? 0, value)
    }
  }

  /// Counts a point of a series listed again (the same resource, metric and dimension values) at a time that series
  /// already gave, on `line`: a repeat, the first value kept, whatever ``repeatRule`` says of split series.
  mutating func repeatPoint(_ circuit: Int, time: Int64, inbound: Bool, line: Int, file: String) {
    let name = circuits[circuit].name
    circuits[circuit].repeats.record(
      { FileLocation(file: file, line: line) }, ProblemText.repeated(inbound: inbound, at: time, circuit: name))
  }

  /// Adds one point: `value` `nil` is a record with no value (a missing sample, not a gap).
  /// Throws when the time is off the circuit's grid.
  mutating func add(_ circuit: Int, time: Int64, inbound: Bool, value: Double?, line: Int, file: String)
    throws(Diagnostic)
  {
    guard let interval = circuits[circuit].interval else {
      circuits[circuit].early.append((time, inbound, value, line))
      try settleInterval(circuit, fromTimes: 3, file: file)
      return
    }
    if circuits[circuit].lines.isEmpty { circuits[circuit].origin = time }
    var offset = time - circuits[circuit].origin
    guard offset % interval == 0 else {
      throw Diagnostic(
        .error,
        "sample at \(CivilCalendar.format(time)) is off the \(interval) s grid of circuit '\(circuits[circuit].name)' (mixed granularity; export one interval per series)",
        location: FileLocation(file: file, line: line))
    }
    if offset < 0 {
      growFront(circuit, toReach: time, interval: interval)
      offset = time - circuits[circuit].origin
    }
    let slot = Int(offset / interval)
    if slot == circuits[circuit].lines.count {
      // The next interval, as records in time order reach it: one slot.
      circuits[circuit].inbound.append(.nan)
      circuits[circuit].outbound.append(.nan)
      circuits[circuit].lines.append(0)
      if repeatRule == .sum {
        circuits[circuit].inboundSeries.append(0)
        circuits[circuit].outboundSeries.append(0)
      }
    } else if slot > circuits[circuit].lines.count {
      growBack(circuit, slots: slot + 1)
    }
    if circuits[circuit].lines[slot] == 0 { circuits[circuit].lines[slot] = Int32(clamping: line) }
    countSeries(circuit, slot: slot, inbound: inbound)
    guard let value else {
      if repeatRule == .sum { circuits[circuit].holes.append((time, inbound)) }
      return
    }
    let existing = inbound ? circuits[circuit].inbound[slot] : circuits[circuit].outbound[slot]
    var updated = value
    if !existing.isNaN {
      switch repeatRule {
      case .sum:
        updated = existing + value
      case .keepFirst:
        let name = circuits[circuit].name
        circuits[circuit].repeats.record(
          { FileLocation(file: file, line: line) },
          ProblemText.repeated(inbound: inbound, at: time, circuit: name))
        return
      }
    }
    if inbound {
      circuits[circuit].inbound[slot] = updated
    } else {
      circuits[circuit].outbound[slot] = updated
    }
  }

  /// Adds the points of `run` (read on another core) to `circuit` in one `direction`, exactly as adding each with its
  /// peak and ``add(_:time:inbound:value:line:file:)`` would; the first point is on line `firstLine`. Runs of a circuit
  /// whose interval is known, whose points all lie on its grid, go in one pass over raw storage; any other goes point
  /// by point.
  mutating func add(_ circuit: Int, inbound: Bool, run: PointRun, firstLine: Int, file: String) throws(Diagnostic) {
    let count = run.count
    guard count > 0 else { return }
    var earliest = Int64.max
    var latest = Int64.min
    var onGrid = false
    if repeatRule == .sum, let interval = circuits[circuit].interval, interval > 0, !circuits[circuit].lines.isEmpty {
      let origin = circuits[circuit].origin
      onGrid = true
      for k in 0..<count {
        let time = run.times[k]
        guard (time &- origin) % interval == 0 else {
          onGrid = false
          break
        }
        earliest = min(earliest, time)
        latest = max(latest, time)
      }
    }
    guard onGrid, let interval = circuits[circuit].interval else {
      for k in 0..<count {
        if !run.maxima[k].isNaN { peak(circuit, inbound: inbound, run.maxima[k]) }
        let average = run.averages[k]
        try add(
          circuit, time: run.times[k], inbound: inbound, value: average.isNaN ? nil : average,
          line: firstLine + Int(run.lines[k]) - 1, file: file)
      }
      return
    }
    // Make room for every slot first (as the points would, one by one), then fill them.
    if earliest < circuits[circuit].origin { growFront(circuit, toReach: earliest, interval: interval) }
    let origin = circuits[circuit].origin
    growBack(circuit, slots: Int((latest - origin) / interval) + 1)
    // Out of the grid while filled, so each array has one owner (no copy, no uniqueness check per point).
    var peak = inbound ? circuits[circuit].inboundPeak : circuits[circuit].outboundPeak
    var values = inbound ? circuits[circuit].inbound : circuits[circuit].outbound
    if inbound { circuits[circuit].inbound = [] } else { circuits[circuit].outbound = [] }
    var lines = circuits[circuit].lines
    circuits[circuit].lines = []
    var holes = circuits[circuit].holes
    circuits[circuit].holes = []
    var series = inbound ? circuits[circuit].inboundSeries : circuits[circuit].outboundSeries
    if inbound { circuits[circuit].inboundSeries = [] } else { circuits[circuit].outboundSeries = [] }
    values.withUnsafeMutableBufferPointer { values in
      lines.withUnsafeMutableBufferPointer { lines in
        for k in 0..<count {
          let maximum = run.maxima[k]
          if !maximum.isNaN { peak = max(peak ?? 0, maximum) }
          let slot = Int((run.times[k] &- origin) / interval)
          if lines[slot] == 0 { lines[slot] = Int32(clamping: firstLine + Int(run.lines[k]) - 1) }
          if series[slot] < .max { series[slot] += 1 }
          let average = run.averages[k]
          guard !average.isNaN else {
            holes.append((run.times[k], inbound))
            continue
          }
          let existing = values[slot]
          values[slot] = existing.isNaN ? average : existing + average
        }
      }
    }
    circuits[circuit].lines = lines
    circuits[circuit].holes = holes
    if inbound { circuits[circuit].inboundSeries = series } else { circuits[circuit].outboundSeries = series }
    if inbound {
      circuits[circuit].inbound = values
      circuits[circuit].inboundPeak = peak
    } else {
      circuits[circuit].outbound = values
      circuits[circuit].outboundPeak = peak
    }
  }

  /// Adds empty slots before the circuit's first so that `time` (earlier, on its grid) has one: by at least as many
  /// slots again as there are, so repeated growth stays linear.
  private mutating func growFront(_ circuit: Int, toReach time: Int64, interval: Int64) {
    let grow = max(Int((circuits[circuit].origin - time) / interval), circuits[circuit].lines.count)
    circuits[circuit].inbound.insert(contentsOf: repeatElement(.nan, count: grow), at: 0)
    circuits[circuit].outbound.insert(contentsOf: repeatElement(.nan, count: grow), at: 0)
    circuits[circuit].lines.insert(contentsOf: repeatElement(0, count: grow), at: 0)
    if repeatRule == .sum {
      circuits[circuit].inboundSeries.insert(contentsOf: repeatElement(0, count: grow), at: 0)
      circuits[circuit].outboundSeries.insert(contentsOf: repeatElement(0, count: grow), at: 0)
    }
    circuits[circuit].origin -= Int64(grow) * interval
  }

  /// Adds empty slots after the circuit's last until it has `slots` (when it has fewer).
  private mutating func growBack(_ circuit: Int, slots: Int) {
    let grow = slots - circuits[circuit].lines.count
    guard grow > 0 else { return }
    circuits[circuit].inbound.append(contentsOf: repeatElement(.nan, count: grow))
    circuits[circuit].outbound.append(contentsOf: repeatElement(.nan, count: grow))
    circuits[circuit].lines.append(contentsOf: repeatElement(0, count: grow))
    if repeatRule == .sum {
      circuits[circuit].inboundSeries.append(contentsOf: repeatElement(0, count: grow))
      circuits[circuit].outboundSeries.append(contentsOf: repeatElement(0, count: grow))
    }
  }

  /// Sets a circuit's interval from its early points once they hold `times` distinct timestamps (or
  /// more than 64 points): the smallest step between them. The early points then go on the grid.
  private mutating func settleInterval(_ circuit: Int, fromTimes times: Int, file: String) throws(Diagnostic) {
    let distinct = Set(circuits[circuit].early.map(\.time)).sorted()
    guard distinct.count >= times || circuits[circuit].early.count > 64,
      let step = zip(distinct.dropFirst(), distinct).map({ $0 - $1 }).min(), step > 0
    else { return }
    circuits[circuit].interval = step
    let early = circuits[circuit].early
    circuits[circuit].early = []
    for point in early {
      try add(circuit, time: point.time, inbound: point.inbound, value: point.value, line: point.line, file: file)
    }
  }

  /// Under ``Repeat/sum``: empties each slot and direction where one series had a point without a value but another
  /// a value (the sum would be the others alone); the note that says how many, or none.
  private mutating func clearHalfValues(_ circuit: Int) -> [String] {
    guard let interval = circuits[circuit].interval, interval > 0 else { return [] }
    var cleared = 0
    var first: Int64?
    for hole in circuits[circuit].holes {
      let offset = hole.time - circuits[circuit].origin
      guard offset >= 0, offset % interval == 0, Int(offset / interval) < circuits[circuit].lines.count else {
        continue
      }
      let slot = Int(offset / interval)
      if hole.inbound, !circuits[circuit].inbound[slot].isNaN {
        circuits[circuit].inbound[slot] = .nan
      } else if !hole.inbound, !circuits[circuit].outbound[slot].isNaN {
        circuits[circuit].outbound[slot] = .nan
      } else {
        continue
      }
      cleared += 1
      first = min(first ?? hole.time, hole.time)
    }
    circuits[circuit].holes = []
    guard cleared > 0, let first else { return [] }
    return [
      "circuit '\(circuits[circuit].name)': \(cleared) sample(s) where one split series (such as a DeviceRole) has no value and another has one (first at \(CivilCalendar.format(first))) have no value in that direction (treated as missing, not as the other series alone)"
    ]
  }

  /// Under ``Repeat/sum``: empties each slot and direction where some of the series one metric gave the circuit
  /// (``noteSeries(_:inbound:count:)``) have a point and others have none (the sum would be those alone); the note
  /// that says how many, or none. A slot no series reached in a direction is left as it is (a sample without that
  /// direction, or a gap).
  private mutating func clearAbsentHalves(_ circuit: Int) -> [String] {
    guard let interval = circuits[circuit].interval, interval > 0 else { return [] }
    var cleared = 0
    var first: Int?
    for inbound in [true, false] {
      let split = inbound ? circuits[circuit].inboundSplit : circuits[circuit].outboundSplit
      let series = inbound ? circuits[circuit].inboundSeries : circuits[circuit].outboundSeries
      guard split > 1 else { continue }
      for slot in series.indices where series[slot] > 0 && Int(series[slot]) < split {
        if inbound, !circuits[circuit].inbound[slot].isNaN {
          circuits[circuit].inbound[slot] = .nan
        } else if !inbound, !circuits[circuit].outbound[slot].isNaN {
          circuits[circuit].outbound[slot] = .nan
        } else {
          continue
        }
        cleared += 1
        first = min(first ?? slot, slot)
      }
    }
    guard cleared > 0, let first else { return [] }
    let time = circuits[circuit].origin + Int64(first) * interval
    return [
      "circuit '\(circuits[circuit].name)': \(cleared) sample(s) where one split series (such as a DeviceRole) has no point at that time and another has one (first at \(CivilCalendar.format(time))) have no value in that direction (treated as missing, not as the other series alone)"
    ]
  }

  /// Adds every circuit's slots to `ingest` in time order and empties the grid.
  mutating func drain(into ingest: inout TrafficIngest, file: String) throws(Diagnostic) {
    // Circuits whose interval is still open: two timestamps give it; one leaves it to the accumulator.
    for position in circuits.indices where circuits[position].interval == nil {
      try settleInterval(position, fromTimes: 2, file: file)
    }
    for position in circuits.indices where !circuits[position].holes.isEmpty {
      ingest.note(contentsOf: clearHalfValues(position))
    }
    for position in circuits.indices where circuits[position].inboundSplit > 1 || circuits[position].outboundSplit > 1 {
      ingest.note(contentsOf: clearAbsentHalves(position))
    }
    // One series at a time goes through the staging, as circuit 0.
    let staging = SampleStaging()
    staging.reserve(circuits: 1)
    for circuit in circuits where !(circuit.splitApart && circuit.lines.isEmpty && circuit.early.isEmpty) {
      if circuit.interval == nil, let only = circuit.early.first {
        // One timestamp only: the accumulator asks for the interval.
        var inbound: Double?
        var outbound: Double?
        for point in circuit.early where point.time == only.time {
          if point.inbound { inbound = point.value } else { outbound = point.value }
        }
        let position = ingest.accumulatorIndex(for: circuit.name, interval: nil)
        try ingest.accumulators[position].add(timestamp: only.time, inbound: inbound, outbound: outbound) {
          FileLocation(file: file, line: only.line)
        }
        ingest.rowsRead += 1
        continue
      }
      guard let interval = circuit.interval else { continue }
      let position = ingest.accumulatorIndex(for: circuit.name, interval: interval)
      // The filled slots in time order, staged and added in batches as CSV rows are (exactly as one by one); column
      // 0: messages name the line only.
      for slot in circuit.lines.indices where circuit.lines[slot] != 0 {
        if staging.append(
          circuit: 0, timestamp: circuit.origin + Int64(slot) * interval, inbound: circuit.inbound[slot],
          outbound: circuit.outbound[slot],
          line: Int(circuit.lines[slot]), column: 0)
        {
          try staging.flush(0, into: &ingest.accumulators[position], file: file)
        }
        ingest.rowsRead += 1
      }
      try staging.flush(0, into: &ingest.accumulators[position], file: file)
      ingest.accumulators[position].notePeaks(inbound: circuit.inboundPeak, outbound: circuit.outboundPeak)
      if circuit.inboundPeak != nil || circuit.outboundPeak != nil {
        // Named as the series is (its first spelling), so blobs that spell the resource ID differently note it once.
        let note =
          "circuit '\(ingest.accumulators[position].circuit)': sizing integrates each interval's average; the export's 'maximum' aggregation gives its burst peak"
        ingest.note(note)
      }
      ingest.accumulators[position].appendRepeats(circuit.repeats)
    }
    circuits = []
    index = [:]
  }
}
