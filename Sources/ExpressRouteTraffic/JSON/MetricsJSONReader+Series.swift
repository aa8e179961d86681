import ExpressRouteCore

/// The time series of one metric of the REST shape (Metrics - List, `az monitor metrics list`, a Metrics Batch
/// resource), and the rule that tells a series split by a dimension from the same series listed again.
///
/// Series of one circuit and metric split by a summed dimension (`DeviceRole`, `PeeringType`) with different values
/// make up the circuit's traffic and are summed. The same circuit (its identity ignoring case), direction, metric and
/// dimension values seen again in the document (a resource listed twice in a Metrics Batch response, a metric twice
/// in one resource, a series twice in one metric) is the same series: a point at a time it already gave is a repeat,
/// counted with the file's duplicates and the first value kept, as the readers of records do; a point at a new time
/// is added. A series is told apart by identity when its dimensions come before its data (REST: Metrics - List,
/// Metrics Batch); one whose data comes first (`az`) is read as a series of its own.
extension MetricsJSONReader {
  /// A data point: time, average, maximum (`nil` when missing) and line.
  typealias HeldPoint = (time: Int64, average: Double?, maximum: Double?, line: Int)

  /// What the reading of one metric gathers over its time series.
  struct MetricRead {
    /// Whether some point gave an average, and whether some point without one gave another aggregation.
    var sawAverage = false
    var sawOther = false
    /// Points read before the metric's name and circuit are known (REST puts them first; az after).
    var early: [HeldPoint] = []
    /// Time series that added points, per circuit they went to (a DeviceRole primary and secondary: two), each series
    /// once, and those read before the metric's name (which go to its circuit): see
    /// ``MetricPointGrid/noteSeries(_:inbound:count:)``.
    var seriesCounts: [(circuit: Int, count: Int)] = []
    var earlySeries = 0
    var counted: Set<String> = []

    mutating func countSeries(_ circuit: Int, _ count: Int = 1) {
      if let index = seriesCounts.firstIndex(where: { $0.circuit == circuit }) {
        seriesCounts[index].count += count
      } else {
        seriesCounts.append((circuit, count))
      }
    }
  }

  /// A series' identity: its circuit in ``metrics`` (one per identity ignoring case, and per kept dimension value),
  /// direction and metric (lower case), and `dimensions` (every dimension's `name=value`, lower case, sorted).
  static func seriesKey(_ target: (circuit: Int, inbound: Bool), metric: String, dimensions: String? = nil) -> String {
    "\(target.circuit)|\(target.inbound)|\(normalizedName(metric))" + (dimensions.map { "|" + $0 } ?? "")
  }

  /// Where one series' points go: its coverage so far and whether it was seen before (then points at covered times
  /// are repeats), and how many points it added.
  struct SeriesSink {
    var coverage: SeriesCoverage
    var seenBefore: Bool
    var added = 0
  }

  /// The sink of the series `key`, taken out of ``coverage`` while it is filled.
  mutating func openSink(_ key: String) -> SeriesSink {
    if let known = coverage.removeValue(forKey: key) { return SeriesSink(coverage: known, seenBefore: true) }
    return SeriesSink(coverage: SeriesCoverage(), seenBefore: false)
  }

  /// Adds `point` to `target` through `sink`: a repeat when the series already covers its time.
  mutating func feed(_ point: HeldPoint, to target: (circuit: Int, inbound: Bool), sink: inout SeriesSink)
    throws(Diagnostic)
  {
    if sink.seenBefore && sink.coverage.contains(point.time) {
      metrics.repeatPoint(
        target.circuit, time: point.time, inbound: target.inbound, line: point.line, file: stream.file)
      return
    }
    if let maximum = point.maximum { metrics.peak(target.circuit, inbound: target.inbound, maximum) }
    try metrics.add(
      target.circuit, time: point.time, inbound: target.inbound, value: point.average, line: point.line,
      file: stream.file)
    sink.coverage.insert(point.time)
    sink.added += 1
  }

  /// Adds the points of `run` (read on another core; its first on line `firstLine`) through `sink`: in one pass when
  /// the series was not seen before, else point by point.
  mutating func feed(_ run: PointRun, firstLine: Int, to target: (circuit: Int, inbound: Bool), sink: inout SeriesSink)
    throws(Diagnostic)
  {
    guard sink.seenBefore else {
      try metrics.add(target.circuit, inbound: target.inbound, run: run, firstLine: firstLine, file: stream.file)
      for time in run.times { sink.coverage.insert(time) }
      sink.added += run.count
      return
    }
    for k in 0..<run.count {
      let point: HeldPoint = (
        run.times[k], run.averages[k].isNaN ? nil : run.averages[k], run.maxima[k].isNaN ? nil : run.maxima[k],
        firstLine + Int(run.lines[k]) - 1
      )
      try feed(point, to: target, sink: &sink)
    }
  }

  /// Reads one time series of metric `metricName` (of `circuitName`, going to `target` when known), whose `{` was
  /// just read. Its points go to the grid as they are read: through the series' identity when its dimensions came
  /// first (REST), as a series of its own when its data comes first (`az`). A metric split by a kept dimension holds
  /// them until its dimensions are read, and Global Reach until its peer is known
  /// (``requireSplit(_:at:nameAfterData:)``).
  mutating func readSeries(
    metricName: String?, circuitName: String?, target: (circuit: Int, inbound: Bool)?, skip: Bool,
    into read: inout MetricRead
  ) throws(Diagnostic) {
    let seriesMark = stream.mark
    var seriesTarget = target
    let holds = target != nil && TrafficIngest.dimensionedMetrics.contains(normalizedName(metricName ?? ""))
    let globalReach = holds && TrafficIngest.isGlobalReach(metricName ?? "")
    let metric = metricName ?? ""
    var dimensionsRead = false
    var dimensions = ""
    var split: String?
    var held: [HeldPoint] = []
    var points = 0
    var sink: SeriesSink?
    // The circuit the sink's points went to (a kept dimension read after the data does not move them).
    var sinkTarget: (circuit: Int, inbound: Bool)?
    // Whether a point read now goes to the sink (opened as the series' identity allows), else it is held.
    func sinkNow() -> Bool {
      guard let seriesTarget, !(holds && (!dimensionsRead || (globalReach && split == nil))) else { return false }
      if sink != nil { return true }
      sinkTarget = seriesTarget
      if dimensionsRead {
        sink = openSink(Self.seriesKey(seriesTarget, metric: metric, dimensions: dimensions))
      } else {
        // Data before the dimensions (`az` sorts keys): a series of its own, summed with the metric's others as a
        // DeviceRole split is. Holding its points until its dimensions are read, to tell a repeat from a split, held
        // half an `az` year in memory (2.5 times the peak, 1.8 times the time); a document `az` writes for one
        // resource lists each series once, and repeats (a resource twice in a Metrics Batch) come in REST order.
        sink = SeriesSink(coverage: SeriesCoverage(), seenBefore: false)
      }
      return true
    }
    while try stream.nextKey() {
      let isData = stream.textIs("data")
      let isDimensions = stream.textIs("metadatavalues")
      let seriesValue = try stream.next()
      if isDimensions && seriesValue != .arrayStart {
        throw stream.error("expected an array of {name, value} objects, found \(describe(seriesValue))")
      }
      if isDimensions {
        dimensionsRead = true
        let found = try readDimensions()
        dimensions = found.all
        // Points of a series split by a kept dimension go to the circuit's series for the dimension's value.
        if let kept = found.kept, let metricTarget = target {
          split = kept
          let name = (circuitName ?? defaultCircuit) + " [\(kept)]"
          metrics.markSplitApart(metricTarget.circuit)
          seriesTarget = (metrics.circuit(name, interval: interval), metricTarget.inbound)
        }
        continue
      }
      guard isData, seriesValue == .arrayStart else {
        try stream.skip(seriesValue)
        continue
      }
      while true {
        let pointToken = try stream.next()
        if pointToken == .arrayEnd { break }
        guard pointToken == .objectStart else { throw stream.error("expected a data point object") }
        if let run = pieces?.run(at: stream.tokenOffset) {
          // Points another core read from here on: added exactly as below, then the stream moves past them.
          FastPath.hit(.jsonDocumentPieces)
          let firstLine = stream.line
          points += run.count
          for k in 0..<run.count {
            let flags = run.flags[k]
            if flags & PointRun.sawAverage != 0 { read.sawAverage = true }
            if run.averages[k].isNaN && flags & PointRun.other != 0 { read.sawOther = true }
          }
          if sinkNow(), let owner = sinkTarget, var open = sink {
            sink = nil
            try feed(run, firstLine: firstLine, to: owner, sink: &open)
            sink = open
          } else if seriesTarget != nil || !skip {
            for k in 0..<run.count {
              let average = run.averages[k].isNaN ? nil : run.averages[k]
              let maximum = run.maxima[k].isNaN ? nil : run.maxima[k]
              let point = (run.times[k], average, maximum, firstLine + Int(run.lines[k]) - 1)
              if seriesTarget != nil { held.append(point) } else { read.early.append(point) }
            }
          }
          try stream.skipElements(
            count: run.count, to: run.end, nextIsElement: run.nextIsElement, lineBreaks: run.lineBreaks,
            endColumn: run.endColumn)
          continue
        }
        let pointLine = stream.line
        var point = Point()
        let time = try readPoint(into: &point)
        points += 1
        if point.sawAverage { read.sawAverage = true }
        if point.average == nil && point.other { read.sawOther = true }
        let held1: HeldPoint = (time, point.average, point.maximum, pointLine)
        if sinkNow(), let owner = sinkTarget, var open = sink {
          sink = nil
          try feed(held1, to: owner, sink: &open)
          sink = open
        } else if seriesTarget != nil {
          held.append(held1)
        } else if !skip {
          read.early.append(held1)
        }
      }
    }
    if globalReach && split == nil, let metricTarget = target {
      try requireSplit(metricName, at: seriesMark)  // refused, or skipped: its held points are dropped
      metrics.markSplitApart(metricTarget.circuit)
    } else if let seriesTarget, target != nil {
      let owner = sink == nil ? seriesTarget : sinkTarget ?? seriesTarget
      let key = Self.seriesKey(owner, metric: metric, dimensions: dimensions)
      var open = sink ?? openSink(key)
      for point in held { try feed(point, to: owner, sink: &open) }
      coverage[key] = open.coverage
      if open.added > 0 && !read.counted.contains(key) {
        read.counted.insert(key)
        read.countSeries(owner.circuit)
      }
    } else if !skip && points > 0 {
      read.earlySeries += 1
    }
  }
}
