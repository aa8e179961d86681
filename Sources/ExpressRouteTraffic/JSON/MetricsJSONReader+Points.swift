import ExpressRouteCore

/// The data points of the REST shape: one in one pass where it is plainly written, or token by token (which reports
/// what is wrong), and runs of them read on other cores.
extension MetricsJSONReader {
  /// Reads the data points of the document mapped at `bytes` (`size` bytes) from the `{` at `start` on (an element of a `data`
  /// array, as the main reader will find if it is one), up to the first point that starts at or after `limit`, the
  /// array's end, or anything that is not a plainly valid point (which the main reader then reads itself, so its
  /// messages are its own). `nil` when no point could be read.
  static func readPointRun(_ bytes: UnsafePointer<UInt8>, file: String, start: Int, limit: Int, size: Int) -> PointRun?
  {
    ByteScanning.checkBounds(start < size && limit <= size, "a run of points starts and stops inside the document")
    // In place in the mapping, as elements of an array, as they are in the document.
    let stream = JSONStream(file: file, borrowing: bytes + start, count: size - start)
    let reader = MetricsJSONReader(stream: stream, defaultCircuit: "", interval: nil)
    var run = PointRun()
    var token: JSONStream.Token
    do {
      try stream.enterArray()
      token = try stream.next()
    } catch {
      return nil
    }
    guard token == .objectStart, stream.tokenOffset == 0 else { return nil }
    while true {
      let offset = start + stream.tokenOffset
      let line = stream.line
      let column = stream.column
      if token != .objectStart || (offset >= limit && run.count > 0) {
        run.finish(end: offset, nextIsElement: token != .arrayEnd, lineBreaks: line - 1, endColumn: column)
        break
      }
      var point = Point()
      do {
        let time = try reader.readPoint(into: &point)
        token = try stream.next()
        run.append(
          time: time, average: point.average, maximum: point.maximum, line: line, sawAverage: point.sawAverage,
          other: point.other)
        FastPath.hit(.jsonPointRun)
      } catch {
        // Stop before this point: the main reader reads it (and reports what is wrong with it or after it).
        run.finish(end: offset, nextIsElement: true, lineBreaks: line - 1, endColumn: column)
        break
      }
    }
    return run.count > 0 ? run : nil
  }

  /// Reads the data point whose `{` was just read into `point` and returns its time: a plainly written point in one
  /// pass, anything else (or anything wrong) token by token, which reports the error.
  func readPoint(into point: inout Point) throws(Diagnostic) -> Int64 {
    if readsAhead, let end = stream.peekFlatObject(), let time = readAheadPoint(into: &point) {
      FastPath.hit(.jsonReadAheadPoint)
      try stream.commitFlatObject(end)
      return time
    }
    point = Point()
    let line = stream.line
    let column = stream.column
    let index = stream.elementIndex
    while try stream.nextKey() {
      let fieldKey = MetricKey(stream)
      try apply(fieldKey, try stream.next(), to: &point)
    }
    guard let time = point.time else {
      let path = stream.containerPath + (index.map { "[\($0)]" } ?? "")
      throw stream.error("missing key 'timeStamp'", at: JSONStream.Mark(line: line, column: column, path: path))
    }
    return time
  }

  /// The fields of a data point.
  struct Point {
    var time: Int64?
    var average: Double?
    var maximum: Double?
    /// Whether some member gave an average (a later `null` may clear ``average``).
    var sawAverage = false
    /// Whether an aggregation other than the average has a value.
    var other = false
  }

  /// One member of a data point (the current token is its value): the same rules whether read token by token or
  /// ahead.
  @inline(__always)
  func apply(_ key: MetricKey, _ value: JSONStream.Token, to point: inout Point) throws(Diagnostic) {
    switch key {
    case .timeStamp:
      guard value == .string, let parsed = stream.timestamp else {
        throw stream.error("'\(stream.string)' is not a timestamp (expected \(Timestamp.expectedFormat))")
      }
      point.time = parsed
    case .average:
      point.average = try rate(value)
      if point.average != nil { point.sawAverage = true }
    case .maximum:
      point.maximum = try rate(value)
      if point.maximum != nil { point.other = true }
    case .otherAggregation:
      if value != .null { point.other = true }
      try stream.skip(value)
    default:
      try stream.skip(value)
    }
  }

  /// The data point ``JSONStream/peekFlatObject()`` read ahead, by ``apply(_:_:to:)``, and its time; `nil` when a
  /// member breaks a rule or the time is missing, so the point is read token by token and the error reported there.
  func readAheadPoint(into point: inout Point) -> Int64? {
    for index in 0..<stream.flatMemberCount {
      let member = stream.flatMember(index)
      let key = stream.meaning(ofMember: index, reader: MetricKey.reader) { MetricKey(stream) }
      stream.focus(value: member)
      do { try apply(key, member.kind, to: &point) } catch { return nil }
    }
    return point.time
  }

  /// The keys of a metric, a time series and a data point of the REST shape, matched without making strings.
  enum MetricKey: Int {
    case name, id, unit, errorCode, errorMessage, timeseries, timeStamp, average, maximum, otherAggregation, other

    /// This reader's tag in the meanings it keeps with ``JSONStream/meaning(ofMember:reader:_:)``.
    static let reader = 2

    init(_ stream: JSONStream) {
      switch stream.textCount {
      case 2 where stream.textIs("id"): self = .id
      case 4 where stream.textIs("name"): self = .name
      case 4 where stream.textIs("unit"): self = .unit
      case 5 where stream.textIs("total") || stream.textIs("count"): self = .otherAggregation
      case 7 where stream.textIs("average"): self = .average
      case 7 where stream.textIs("maximum"): self = .maximum
      case 7 where stream.textIs("minimum"): self = .otherAggregation
      case 9 where stream.textIs("timeStamp"): self = .timeStamp
      case 9 where stream.textIs("errorCode"): self = .errorCode
      case 10 where stream.textIs("timeseries"): self = .timeseries
      case 12 where stream.textIs("errorMessage"): self = .errorMessage
      default: self = .other
      }
    }
  }

  /// A rate: a number, a numeric string, or `null` (missing), as is an empty string or `"None"` (how
  /// `az monitor log-analytics query` writes a null, every value a string). Negative and above 1 Pbps are errors.
  func rate(_ token: JSONStream.Token) throws(Diagnostic) -> Double? {
    switch token {
    case .null:
      return nil
    case .number, .string:
      if token == .string && (stream.textCount == 0 || stream.textIs("None")) { return nil }
      guard let value = stream.number else {
        throw stream.error("'\(stream.string)' is not a number (expected plain decimal notation such as \"0.025\")")
      }
      guard value >= 0 else { throw stream.error("negative rate \(stream.string) (expected zero or more)") }
      guard value <= TrafficIngest.maximumRate else {
        throw stream.error("rate \(stream.string) is above 1 Pbps (expected bits per second; check the unit)")
      }
      return value
    default:
      throw stream.error("expected a number, found \(describe(token))")
    }
  }

  func describe(_ token: JSONStream.Token) -> String {
    switch token {
    case .objectStart: return "an object"
    case .arrayStart: return "an array"
    case .string: return "the string \"\(stream.string)\""
    case .number: return "the number \(stream.string)"
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    default: return "'\(stream.string)'"
    }
  }
}
