import Foundation

/// Mergeable traffic summaries on disk: what `ercalc traffic summarize` writes and `--series` reads.
///
/// A summary keeps, per circuit, everything sizing needs and nothing that
/// grows with the data: the rate histogram (bucket counts), each month's exact
/// rate sum (in 1/8192 bit/s, summed as integers) and sample count, the
/// maximum, the interval, the first and last sample (and where the first was
/// read), and the data problems counted so far with the first of each.
/// Summaries of consecutive pieces of a series, given oldest first, merge to
/// exactly the statistics of the whole: counts and sums add, and the step
/// between two pieces is checked as if their rows were read one after the other.
///
/// The format is JSON with `"ercalcTrafficSummary": 1`; rates are strings
/// (shortest round-trip doubles), histograms a compact `bucket:count` list.
public enum TrafficSummaryFile {
  /// The format version written and read.
  public static let version = 1
  static let marker = "ercalcTrafficSummary"

  /// Whether a file's first bytes are those of a saved summary: the quoted marker within the first 512.
  static func isSummary(_ head: some Collection<UInt8>) -> Bool {
    // This runs on every JSON file read (thousands of hourly blobs in an export tree): no copy where the bytes are
    // contiguous, and the marker is compared only where a quote starts it.
    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let count = min(bytes.count, 512)
      guard let base = bytes.baseAddress, count >= quotedMarker.count else { return false }
      return (0...(count - quotedMarker.count)).contains { start in
        base[start] == UInt8(ascii: "\"") && memcmp(base + start, quotedMarker, quotedMarker.count) == 0
      }
    }
    return head.withContiguousStorageIfAvailable(search) ?? Array(head.prefix(512)).withUnsafeBufferPointer(search)
  }

  private static let quotedMarker = Array("\"\(marker)\"".utf8)

  /// The JSON text of `series`' current statistics.
  static func write(_ series: [SeriesAccumulator]) -> String {
    JSONWriter.write(
      .object([
        (marker, .number(version)),
        (
          "about",
          .string("Mergeable traffic summaries from ercalc traffic summarize. Read them as traffic series, oldest first, alone or with raw series.")
        ),
        ("circuits", .array(series.map(circuitJSON))),
      ]))
  }

  private static func circuitJSON(_ accumulator: SeriesAccumulator) -> JSONValue {
    var copy = accumulator
    copy.flush()
    return .object([
      ("circuit", .string(copy.circuit)),
      ("intervalSeconds", copy.interval.map { .number(Int($0)) } ?? .null),
      ("first", .string(copy.firstTimestamp.map(Timestamp.format))),
      ("last", .string(copy.lastTimestamp.map(Timestamp.format))),
      ("firstLocation", copy.firstLocation.map(locationJSON) ?? .null),
      ("samples", .number(copy.samples)),
      ("completeSamples", .number(copy.completeSamples)),
      ("valuedSamples", .number(copy.valuedSamples)),
      ("pending", copy.pending.map(pendingJSON) ?? .null),
      ("inbound", directionJSON(copy.inbound)),
      ("outbound", directionJSON(copy.outbound)),
      ("gaps", counterJSON(copy.gaps)),
      ("duplicates", counterJSON(copy.duplicates)),
      ("emptyValues", counterJSON(copy.missingValues)),
    ])
  }

  private static func directionJSON(_ direction: DirectionAccumulator) -> JSONValue {
    .object([
      ("maximum", .string(rateText(direction.maximum))),
      ("burstMaximum", .string(direction.burstMaximum.map(rateText))),
      ("histogram", .string(direction.histogram.buckets.map { "\($0.bucket):\($0.count)" }.joined(separator: " "))),
      (
        "months",
        .array(
          direction.months.keys.sorted().map { month in
            let sum = direction.months[month] ?? .init()
            return .object([("month", .string(month.description)), ("rateSum", .string(String(sum.scaledRates))), ("samples", .number(sum.samples))])
          })
      ),
    ])
  }

  private static func pendingJSON(_ pending: SeriesAccumulator.PendingSample) -> JSONValue {
    .object([
      ("time", .string(Timestamp.format(pending.timestamp))),
      ("inbound", .string(pending.inbound.map(rateText))),
      ("outbound", .string(pending.outbound.map(rateText))),
      ("location", locationJSON(pending.location)),
    ])
  }

  private static func counterJSON(_ counter: IssueCounter) -> JSONValue {
    .object([
      ("count", .number(counter.count)),
      ("firstMessage", .string(counter.first?.message)),
      ("firstLocation", counter.first?.location.map(locationJSON) ?? .null),
    ])
  }

  private static func locationJSON(_ location: FileLocation) -> JSONValue {
    .object([("file", .string(location.file)), ("line", .number(location.line)), ("column", location.column.map { .number($0) } ?? .null)])
  }

  /// A rate as the shortest text that reads back as the same double.
  private static func rateText(_ rate: Double) -> String { "\(rate)" }

  // MARK: - Reading

  /// The accumulators saved in `root`, in their saved order.
  static func read(_ root: JSONNode) throws(Diagnostic) -> [SeriesAccumulator] {
    let object = try root.object()
    try object.rejectUnknownKeys([marker, "about", "circuits"])
    let versionNode = try object.required(marker)
    guard try versionNode.int() == version else {
      throw versionNode.error("summary format \(try versionNode.int()) is not supported (expected \(version); write it again with this ercalc)")
    }
    var result: [SeriesAccumulator] = []
    for node in try object.required("circuits").array() {
      result.append(try circuit(node))
    }
    return result
  }

  private static func circuit(_ node: JSONNode) throws(Diagnostic) -> SeriesAccumulator {
    let object = try node.object()
    try object.rejectUnknownKeys([
      "circuit", "intervalSeconds", "first", "last", "firstLocation", "samples", "completeSamples", "valuedSamples", "pending", "inbound",
      "outbound", "gaps", "duplicates", "emptyValues",
    ])
    let interval = try object.optional("intervalSeconds").map { node throws(Diagnostic) in Int64(try node.int(in: 1...(366 * 86400))) }
    let first = try object.optional("first").map(timestamp)
    let last = try object.optional("last").map(timestamp)
    let samples = try object.required("samples").int()
    let complete = try object.required("completeSamples").int(in: 0...samples)
    let valued = try object.required("valuedSamples").int(in: complete...samples)
    if let first, let last, last < first {
      throw try object.required("last").error("the last sample is before the first (expected first ≤ last)")
    }
    let inbound = try direction(try object.required("inbound"))
    let outbound = try direction(try object.required("outbound"))
    return SeriesAccumulator(
      circuit: try object.required("circuit").nonEmptyString(), interval: interval, first: first, last: last, samples: samples,
      completeSamples: complete, valuedSamples: valued, inbound: inbound, outbound: outbound, gaps: try counter(try object.required("gaps")),
      duplicates: try counter(try object.required("duplicates")), missingValues: try counter(try object.required("emptyValues")),
      pending: try object.optional("pending").map(pending), firstLocation: try object.optional("firstLocation").map(location))
  }

  private static func direction(_ node: JSONNode) throws(Diagnostic) -> DirectionAccumulator {
    let object = try node.object()
    try object.rejectUnknownKeys(["maximum", "burstMaximum", "histogram", "months"])
    let maximum = try rate(try object.required("maximum"))
    let burst = try object.optional("burstMaximum").map(rate)
    let histogramNode = try object.required("histogram")
    var buckets: [(bucket: Int, count: Int)] = []
    for pair in try histogramNode.string().split(separator: " ") {
      let parts = pair.split(separator: ":")
      guard parts.count == 2, let bucket = Int(parts[0]), let count = Int(parts[1]), count > 0 else {
        throw histogramNode.error("'\(pair)' is not a histogram entry (expected bucket:count with whole numbers)")
      }
      buckets.append((bucket, count))
    }
    var histogram = RateHistogram()
    if !buckets.isEmpty {
      guard let restored = RateHistogram(buckets: buckets) else {
        throw histogramNode.error("the histogram's buckets are out of range (expected buckets 0 to \(RateHistogram.highestBucket))")
      }
      histogram = restored
    }
    var months: [MonthKey: DirectionAccumulator.MonthSum] = [:]
    for monthNode in try object.required("months").array() {
      let month = try monthNode.object()
      let keyNode = try month.required("month")
      let key = try keyNode.parsed(as: "a month such as 2026-07") { MonthKey(parsing: $0) }
      let sumNode = try month.required("rateSum")
      let sum = try sumNode.parsed(as: "a whole number of 1/8192 bit/s") { UInt128($0) }
      guard months[key] == nil else { throw keyNode.error("month \(key) appears twice (expected each month once)") }
      months[key] = .init(scaledRates: sum, samples: try month.required("samples").int())
    }
    return DirectionAccumulator(histogram: histogram, maximum: maximum, months: months, burstMaximum: burst)
  }

  private static func counter(_ node: JSONNode) throws(Diagnostic) -> IssueCounter {
    let object = try node.object()
    try object.rejectUnknownKeys(["count", "firstMessage", "firstLocation"])
    let count = try object.required("count").int()
    guard let message = try object.optional("firstMessage")?.string() else { return IssueCounter(count: count) }
    let place = try object.optional("firstLocation").map(location)
    return IssueCounter(count: count, first: Diagnostic(.warning, message, location: place))
  }

  private static func pending(_ node: JSONNode) throws(Diagnostic) -> SeriesAccumulator.PendingSample {
    let object = try node.object()
    return SeriesAccumulator.PendingSample(
      timestamp: try timestamp(try object.required("time")), inbound: try object.optional("inbound").map(rate),
      outbound: try object.optional("outbound").map(rate), location: try location(try object.required("location")))
  }

  private static func location(_ node: JSONNode) throws(Diagnostic) -> FileLocation {
    let object = try node.object()
    return FileLocation(
      file: try object.required("file").string(), line: try object.required("line").int(), column: try object.optional("column")?.int())
  }

  private static func timestamp(_ node: JSONNode) throws(Diagnostic) -> Int64 {
    try node.parsed(as: Timestamp.expectedFormat) { Timestamp.parse($0) }
  }

  private static func rate(_ node: JSONNode) throws(Diagnostic) -> Double {
    try node.parsed(as: "a rate in bit/s such as \"254587286.86429623\"") { text in
      Double(text).flatMap { $0 >= 0 && $0 <= TrafficIngest.maximumRate ? $0 : nil }
    }
  }
}
