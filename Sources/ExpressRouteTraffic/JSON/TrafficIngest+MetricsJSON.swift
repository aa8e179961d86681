import ExpressRouteCore
import Foundation

/// Streaming readers for Azure Monitor's JSON shapes.
///
/// - The `Metrics - List` REST response and `az monitor metrics list` output:
///   `{"interval": "PT1M", "value": [{"name": {"value": "BitsInPerSecond"}, "id": "…/expressRouteCircuits/ams-1/…",
///   "timeseries": [{"metadatavalues": […], "data": [{"timeStamp": "…", "average": 1.5}, …]}]}]}`.
///   Time series split by a dimension (`DeviceRole` primary and secondary) are summed per timestamp, except those split
///   by a kept dimension (``MetricsJSONReader/keptDimensions``), which are series of their own.
/// - Diagnostic-settings exports to a storage account (`insights-metrics-pt1m/resourceId=/…/y=2026/m=01/d=01/h=00/m=00/PT1H.json`):
///   JSON lines, one record per line:
///   `{"count": 1, "total": 1.5, "minimum": 1.5, "maximum": 1.5, "average": 1.5, "resourceId": "/SUBSCRIPTIONS/…/EXPRESSROUTECIRCUITS/AMS-1",
///   "time": "2026-01-01T00:00:00.0000000Z", "metricName": "BitsInPerSecond", "timeGrain": "PT1M"}`.
/// - `az monitor log-analytics query` output over the `AzureMetrics` table: an array of rows with
///   `TimeGenerated`, `ResourceId`, `MetricName`, `Average`, `Maximum`, … (values may be strings).
///
/// Sizing integrates the `average` of each interval (volumes, percentiles); where the export also
/// gives `maximum`, the highest maximum is kept as the circuit's burst peak. Records are joined per
/// circuit on a time grid (``MetricPointGrid``), so memory grows with circuits and time span, not
/// with the file.
extension TrafficIngest {
  /// Metric names read from Azure Monitor exports, by direction.
  static let inboundMetrics: Set<String> = [
    "bitsinpersecond", "portbitsinpersecond", "ergatewayconnectionbitsinpersecond",
  ]
  static let outboundMetrics: Set<String> = [
    "bitsoutpersecond", "portbitsoutpersecond", "ergatewayconnectionbitsoutpersecond",
  ]
  /// The direction metric `name` measures (any case): `true` inbound, `false` outbound, `nil` for one ercalc does not read.
  static func direction(ofMetric name: String) -> Bool? {
    let key = normalizedName(name)
    return inboundMetrics.contains(key) ? true : outboundMetrics.contains(key) ? false : nil
  }
}

/// The state of one streaming read of an Azure Monitor JSON export.
struct MetricsJSONReader {
  let stream: JSONStream
  let defaultCircuit: String
  /// Points of the REST shape (split series summed) and of records (repeats kept once).
  var metrics = MetricPointGrid(repeatRule: .sum)
  var records = MetricPointGrid(repeatRule: .keepFirst)
  var notes: [String] = []
  /// Whether a Global Reach series without `PeeredCircuitSKey` is refused (else skipped, with a note once per metric).
  var refusesUnsplitGlobalReach = false
  var interval: Int64?
  var restDocuments = 0
  /// Resources of Metrics Batch responses read, and those with no metrics (by quoted `resourceid`), in order.
  var batchResources = 0
  var emptyResources: [String] = []
  private var metricsFound = 0
  private var recordsFound = 0
  /// Metrics that are not bits in or out, in the order first met (each once).
  private(set) var skippedMetrics: [String] = []
  /// What the record texts seen so far mean; kept by the ingest from one file to the next (an export tree's blobs).
  var caches = TextCaches()
  private var lastCircuit: (name: String, interval: Int64?, index: Int)?
  private var rootMark: JSONStream.Mark?
  /// The times each series of the REST shape (circuit, direction, metric and dimension values) gave points at, by
  /// ``seriesKey(_:metric:dimensions:)``, so the same series listed again is told from a split one
  /// (``MetricsJSONReader/readSeries(metricName:circuitName:target:skip:into:)``).
  var coverage: [String: SeriesCoverage] = [:]
  /// The resource ID each circuit name of the REST shape was first given by (compared form, as written, line and
  /// column), by ``SeriesMatch/key(_:)``: ``noteResource(_:named:)``.
  var resourceIDs = ResourceIDRegistry()
  /// Whether plainly written data points are read ahead in one pass.
  var readsAhead = true
  /// Runs of data points other cores read from this document, taken where this reader reaches them.
  var pieces: DocumentPieces?

  init(stream: JSONStream, defaultCircuit: String, interval: Int64?) {
    self.stream = stream
    self.defaultCircuit = defaultCircuit
    self.interval = interval
  }

  /// Reads one top-level value; `false` at the end of the input.
  mutating func readTopLevelValue() throws(Diagnostic) -> Bool {
    let token = try stream.next()
    switch token {
    case .end:
      return false
    case .objectStart:
      if rootMark == nil { rootMark = stream.mark }
      try readObject(topLevel: true)
    case .arrayStart:
      if rootMark == nil { rootMark = stream.mark }
      // Rows of a log-analytics query.
      while true {
        let element = try stream.next()
        if element == .arrayEnd { break }
        guard element == .objectStart else {
          throw stream.error("expected a row object with TimeGenerated, ResourceId, MetricName and Average")
        }
        try readObject(topLevel: false)
      }
    default:
      throw stream.error(
        "expected an Azure Monitor metrics export (an object with 'value', diagnostic-settings records, or log-analytics rows)"
      )
    }
    return true
  }

  /// Fails when nothing usable was found.
  func finish() throws(Diagnostic) {
    if metricsFound == 0 && recordsFound == 0 && batchResources > 0 && emptyResources.count == batchResources {
      let listed = emptyResources.prefix(3).joined(separator: ", ") + (emptyResources.count > 3 ? ", …" : "")
      let message =
        "every resource of the Metrics Batch response has an empty 'value' list (\(emptyResources.count): \(listed)): there is no traffic to read (check the resource IDs, metric names and time span of the request)"
      if let rootMark { throw stream.error(message, at: rootMark) }
      throw Diagnostic(.error, message, file: stream.file)
    }
    if metricsFound == 0 && recordsFound == 0 {
      let message =
        restDocuments > 0
        ? "no BitsInPerSecond or BitsOutPerSecond metric in the export (expected a 'value' array with those metrics)"
        : "no BitsInPerSecond or BitsOutPerSecond records in the export (expected records with metricName and average)"
      if let rootMark { throw stream.error(message, at: rootMark) }
      throw Diagnostic(.error, message, file: stream.file)
    }
  }

  /// Records repeat their resource ID, metric name and time grain: each is turned into a value once per change, not
  /// once per record (nor once per file of an export tree).
  struct TextCaches: Sendable {
    /// Resource IDs with their circuit name and, for a second resource of a name, the refusal.
    fileprivate var resource = TextCache<(name: String, refusal: String?)>()
    /// Metric names with their direction (`true` inbound, `false` outbound, `nil` not read), worked out once per name.
    fileprivate var metric = TextCache<(name: String, inbound: Bool?)>()
    fileprivate var grain = TextCache<Int64?>()
  }

  /// Values of the last few distinct texts seen (records alternate metric names), each worked out once.
  fileprivate struct TextCache<Value: Sendable>: Sendable {
    private var entries: [(bytes: [UInt8], value: Value)] = []

    mutating func value(_ stream: JSONStream, _ make: (String) -> Value) -> Value {
      if let known = cached(stream) { return known }
      let made = make(stream.string)
      keep(made, for: stream)
      return made
    }

    /// The value of the stream's current text, when kept.
    func cached(_ stream: JSONStream) -> Value? {
      for entry in entries where entry.bytes.count == stream.textCount {
        if entry.bytes.withUnsafeBufferPointer({
          $0.baseAddress.map { memcmp($0, stream.textStart, stream.textCount) == 0 } ?? true
        }) {
          return entry.value
        }
      }
      return nil
    }

    /// Keeps `value` for the stream's current text (the last 8 texts are kept).
    mutating func keep(_ value: Value, for stream: JSONStream) {
      if entries.count == 8 { entries.removeFirst() }
      entries.append((Array(stream.text), value))
    }
  }

  /// One member of a record (the current token is its value): the same rules whether read token by token or ahead.
  private mutating func apply(_ key: RecordKey, _ value: JSONStream.Token, to record: inout Record, topLevel: Bool)
    throws(Diagnostic)
  {
    switch key {
    case .interval where topLevel:
      guard value == .string else { throw stream.error("expected a string such as \"PT1M\", found \(describe(value))") }
      guard let parsed = parseInterval(stream.string) else {
        throw stream.error("'\(stream.string)' is not an interval (expected ISO 8601 such as PT1M or PT1H, or 0:01:00)")
      }
      if interval == nil { interval = parsed }
    case .time:
      guard value != .null else { return }
      guard value == .string, let time = stream.timestamp else {
        throw stream.error("'\(stream.string)' is not a timestamp (expected \(Timestamp.expectedFormat))")
      }
      record.time = time
    case .resourceID:
      if value == .string {
        // A record's ID is checked against the others of its name once per distinct text (the cache keeps the
        // verdict, so a record read again token by token after a read-ahead attempt is refused again); a record
        // that repeats a kept text costs one comparison.
        let resource: (name: String, refusal: String?)
        if let known = caches.resource.cached(stream) {
          resource = known
        } else {
          let id = stream.string
          let name = resourceName(id)
          let location = FileLocation(file: stream.file, line: record.line, column: record.column)
          resource = (name, resourceIDs.refusal(id, named: name, at: location))
          caches.resource.keep(resource, for: stream)
        }
        if let refusal = resource.refusal { throw stream.error(refusal) }
        record.resource = resource.name
      }
    case .resource:
      if value == .string, record.resource == nil { record.resource = stream.string }
    case .metricName:
      if value == .string {
        record.metric = caches.metric.value(stream) { ($0, TrafficIngest.direction(ofMetric: $0)) }
      }
    case .timeGrain:
      if value == .string, record.grain == nil { record.grain = caches.grain.value(stream) { parseInterval($0) } }
    case .average:
      record.average = try rate(value)
    case .maximum:
      record.maximum = try rate(value)
    default:
      try stream.skip(value)
    }
  }

  /// The record ``JSONStream/peekFlatObject()`` read ahead, by ``apply(_:_:to:topLevel:)``; `false` when a member
  /// breaks a rule, so the record is read token by token and the error reported there. (Setting the interval
  /// twice to the same value, then, changes nothing.)
  private mutating func readAheadRecord(into record: inout Record, topLevel: Bool) -> Bool {
    for index in 0..<stream.flatMemberCount {
      let member = stream.flatMember(index)
      // Lines of an export spell their keys in the same order: the stream says when a key is as before.
      let key = stream.meaning(ofMember: index, reader: RecordKey.reader) { RecordKey(stream) }
      stream.focus(value: member)
      do { try apply(key, member.kind, to: &record, topLevel: topLevel) } catch { return false }
    }
    return true
  }

  /// The keys a record or document may have, matched without making strings (ASCII case ignored).
  private enum RecordKey: Int {
    case value, interval, time, resourceID, resource, metricName, timeGrain, average, maximum, other

    /// This reader's tag in the meanings it keeps with ``JSONStream/meaning(ofMember:reader:_:)``.
    static let reader = 1

    /// Every spelling a key may have, in lower case, with the key it names.
    private static let spellings: [(text: StaticString, key: RecordKey)] = [
      ("time", .time), ("timestamp", .time), ("timegenerated", .time), ("value", .value), ("average", .average),
      ("maximum", .maximum), ("interval", .interval), ("resource", .resource), ("resourceid", .resourceID),
      ("_resourceid", .resourceID), ("metricname", .metricName), ("timegrain", .timeGrain),
    ]

    /// The key the stream's current text spells (``JSONStream/textIs(lowercased:)`` compares lengths first).
    init(_ stream: JSONStream) {
      self = Self.spellings.first { stream.textIs(lowercased: $0.text) }?.key ?? .other
    }
  }

  /// The fields of a record (diagnostic-settings line or log-analytics row).
  private struct Record {
    /// Where the record's object starts (the same whether it is read ahead or token by token).
    var line: Int
    var column: Int
    var time: Int64?
    var resource: String?
    var metric: (name: String, inbound: Bool?)?
    var average: Double?
    var maximum: Double?
    var grain: Int64?
  }

  /// Reads an object whose `{` was just read: a REST document (`value` array of metrics) or a record.
  private mutating func readObject(topLevel: Bool) throws(Diagnostic) {
    let line = stream.line
    let column = stream.column
    let index = stream.elementIndex
    var record = Record(line: line, column: column)
    if readsAhead, let end = stream.peekFlatObject(), readAheadRecord(into: &record, topLevel: topLevel) {
      // A plainly written record, read in one pass (a diagnostic-settings line is about 20 tokens).
      FastPath.hit(.jsonReadAheadRecord)
      try stream.commitFlatObject(end)
    } else {
      record = Record(line: line, column: column)
      var isDocument = false
      while try stream.nextKey() {
        let key = RecordKey(stream)
        let isBatch = key == .other && topLevel && stream.textCount == 6 && stream.textIs(lowercased: "values")
        let isError = key == .other && topLevel && stream.textIs("error")
        let value = try stream.next()
        if isError && value == .objectStart {
          // An Azure REST error response (a failed Metrics - List or Metrics Batch call): its code and message.
          throw try readAzureError(at: JSONStream.Mark(line: stream.line, column: stream.column, path: ""))
        }
        if isBatch && value == .arrayStart {
          // A Metrics Batch response: a REST document per resource.
          isDocument = true
          try readBatch()
          continue
        }
        if key == .value && topLevel && value == .arrayStart {
          isDocument = true
          restDocuments += 1
          while true {
            let element = try stream.next()
            if element == .arrayEnd { break }
            guard element == .objectStart else { throw stream.error("expected a metric object") }
            try readMetric()
          }
          continue
        }
        try apply(key, value, to: &record, topLevel: topLevel)
      }
      if isDocument { return }
    }
    // Where this object started, for messages about it as a whole (rare: the path is built only then).
    var mark: JSONStream.Mark {
      JSONStream.Mark(line: line, column: column, path: index.map { stream.containerPath + "[\($0)]" } ?? stream.path)
    }
    guard let metric = record.metric else {
      throw stream.error(
        "expected an Azure Monitor export: an object with a 'value' array of metrics, or a record with metricName, time and average",
        at: mark)
    }
    guard let inbound = metric.inbound else {
      if !skippedMetrics.contains(metric.name) { skippedMetrics.append(metric.name) }
      return
    }
    guard let time = record.time else {
      throw stream.error("the record has no time (expected 'time' or 'TimeGenerated')", at: mark)
    }
    recordsFound += 1
    let circuitName = record.resource ?? defaultCircuit
    let circuit: Int
    if let last = lastCircuit, last.name == circuitName, last.interval == (interval ?? record.grain) {
      circuit = last.index
    } else {
      circuit = records.circuit(circuitName, interval: interval ?? record.grain)
      lastCircuit = (circuitName, interval ?? record.grain, circuit)
    }
    if let peak = record.maximum { records.peak(circuit, inbound: inbound, peak) }
    try records.add(circuit, time: time, inbound: inbound, value: record.average, line: line, file: stream.file)
  }

  /// Reads one metric of the REST shape (Metrics - List, az monitor metrics list, one resource of a Metrics Batch), whose
  /// `{` was just read; each time series split by a kept dimension (``readDimensions()``) is its own series, and a series
  /// listed again is read as repeats (``readSeries(metricName:circuitName:target:skip:into:)``).
  mutating func readMetric() throws(Diagnostic) {
    let mark = stream.mark
    var metricName: String?
    var circuitName: String?
    var errorCode: (code: String, mark: JSONStream.Mark)?
    var errorMessage: String?
    var unit: (name: String, mark: JSONStream.Mark)?
    var read = MetricRead()
    var target: (circuit: Int, inbound: Bool)?
    var skip = false
    func resolve() {
      guard target == nil, !skip, let metricName else { return }
      guard let inbound = TrafficIngest.splitDirection(ofMetric: metricName) else {
        skip = true
        return
      }
      target = (metrics.circuit(circuitName ?? defaultCircuit, interval: interval), inbound)
    }
    while try stream.nextKey() {
      let key = MetricKey(stream)
      let value = try stream.next()
      switch key {
      case .name:
        if value == .string {
          metricName = stream.string
        } else if value == .objectStart {
          while try stream.nextKey() {
            let isValue = stream.textIs("value")
            let innerValue = try stream.next()
            if isValue && innerValue == .string { metricName = stream.string } else { try stream.skip(innerValue) }
          }
        } else {
          throw stream.error("expected the metric name, found \(describe(value))")
        }
      case .id:
        if value == .string {
          let id = stream.string
          let name = resourceName(id)
          circuitName = name
          try noteResource(id, named: name)
        }
      case .errorCode:
        if value == .string { errorCode = (stream.string, stream.mark) }
      case .errorMessage:
        if value == .string { errorMessage = stream.string } else { try stream.skip(value) }
      case .unit:
        if value == .string { unit = (stream.string, stream.mark) } else { try stream.skip(value) }
      case .timeseries:
        guard value == .arrayStart else {
          throw stream.error("expected an array of time series, found \(describe(value))")
        }
        // The name usually comes first (az sorts keys, REST lists it before the data); the circuit defaults.
        resolve()
        while true {
          let series = try stream.next()
          if series == .arrayEnd { break }
          guard series == .objectStart else { throw stream.error("expected a time series object") }
          try readSeries(metricName: metricName, circuitName: circuitName, target: target, skip: skip, into: &read)
        }
      default:
        try stream.skip(value)
      }
    }
    guard let metricName else { throw stream.error("missing key 'name'", at: mark) }
    resolve()
    guard let target else {
      if !skippedMetrics.contains(metricName) { skippedMetrics.append(metricName) }
      return
    }
    // The rates are read as bits per second; a metric stating another unit (BytesPerSecond, 8 times fewer) is not.
    if let unit,
      let refusal = TrafficIngest.unitRefusal(unit.name, metric: "\(metricName) of \(circuitName ?? defaultCircuit)")
    {
      throw stream.error(refusal, at: unit.mark)
    }
    if let errorCode, errorCode.code != "Success" {
      throw stream.error(
        "Azure reports errorCode '\(errorCode.code)' for \(metricName) of \(circuitName ?? defaultCircuit)\(errorMessage.map { ": \($0)" } ?? "") (expected Success)",
        at: errorCode.mark)
    }
    if !read.sawAverage && read.sawOther {
      throw stream.error(
        "\(metricName) has no 'average' values (re-export with the Average aggregation, as az monitor metrics list --aggregation Average does; maxima cannot be integrated into volumes)",
        at: mark)
    }
    metricsFound += 1
    if !read.early.isEmpty { try requireSplit(metricName, at: mark, nameAfterData: true) }
    try add(read.early, to: target)
    if read.earlySeries > 0 { read.countSeries(target.circuit, read.earlySeries) }
    for entry in read.seriesCounts { metrics.noteSeries(entry.circuit, inbound: target.inbound, count: entry.count) }
  }
}
