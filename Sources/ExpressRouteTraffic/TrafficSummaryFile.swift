import ExpressRouteCore
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
package enum TrafficSummaryFile {
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
          .string(
            "Mergeable traffic summaries from ercalc traffic summarize. Read them as traffic series, oldest first, alone or with raw series."
          )
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
      ("first", .string(copy.firstTimestamp.map(CivilCalendar.format))),
      ("last", .string(copy.lastTimestamp.map(CivilCalendar.format))),
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
        .objects(direction.months.keys.sorted()) { month in
          let sum = direction.months[month] ?? .init()
          return [
            ("month", .string(month.description)), ("rateSum", .string(String(sum.scaledRates))),
            ("samples", .number(sum.samples)),
          ]
        }
      ),
    ])
  }

  private static func pendingJSON(_ pending: SeriesAccumulator.PendingSample) -> JSONValue {
    .object([
      ("time", .string(CivilCalendar.format(pending.timestamp))),
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
    .object([
      ("file", .string(location.file)), ("line", .number(location.line)),
      ("column", location.column.map { .number($0) } ?? .null),
    ])
  }

  /// A rate as the shortest text that reads back as the same double.
  private static func rateText(_ rate: Double) -> String { "\(rate)" }

  // MARK: - Reading

  /// The accumulators saved in `root`, in their saved order.
  static func read(_ root: JSONNode) throws(Diagnostic) -> [SeriesAccumulator] {
    let object = try root.object(allowing: [marker, "about", "circuits"])
    let versionNode = try object.required(marker)
    guard try versionNode.int() == version else {
      throw versionNode.error(
        "summary format \(try versionNode.int()) is not supported (expected \(version); write it again with this ercalc)"
      )
    }
    var result: [SeriesAccumulator] = []
    for node in try object.required("circuits").array() {
      result.append(try circuit(node))
    }
    return result
  }

  /// One circuit's saved statistics, checked against themselves: every count, sum and bound a summary written by
  /// ercalc keeps (each sample is in one month and one histogram bucket, no month holds more samples than its
  /// seconds allow, each month's rate sum lies between its count times the lowest and the highest rate, all months'
  /// rate sums lie between the sums of the samples' bucket bounds, the maximum is in the highest bucket, and no more
  /// samples than the times between the first and the last). A summary that contradicts itself is an error at the
  /// value, never a volume scaled from it.
  private static func circuit(_ node: JSONNode) throws(Diagnostic) -> SeriesAccumulator {
    let object = try node.object(allowing: [
      "circuit", "intervalSeconds", "first", "last", "firstLocation", "samples", "completeSamples", "valuedSamples",
      "pending", "inbound",
      "outbound", "gaps", "duplicates", "emptyValues",
    ])
    let interval = try object.optional("intervalSeconds").map { node throws(Diagnostic) in
      Int64(try node.int(in: 1...(366 * 86400)))
    }
    let first = try object.optional("first").map(timestamp)
    let last = try object.optional("last").map(timestamp)
    if let first, let last, last < first {
      throw try object.required("last").error("the last sample is before the first (expected first ≤ last)")
    }
    // The sample times on the interval's grid from the first to the last: no more samples than these (timestamps
    // are years 0 to 9999, so the span cannot overflow).
    var times: Int?
    if let first, let last, let interval { times = Int((last - first) / interval + 1) }
    let samplesNode = try object.required("samples")
    let samples = try samplesNode.int()
    if samples > 0 {
      guard let times else {
        throw samplesNode.error(
          "\(samples) samples, but no intervalSeconds, first and last (a summary with samples has all three; write it again with ercalc traffic summarize)"
        )
      }
      guard samples <= times else {
        throw samplesNode.error(
          "\(samples) samples, but only \(times) sample times lie between the first and the last, \(interval ?? 0) s apart (expected at most \(times))"
        )
      }
    }
    let complete = try object.required("completeSamples").int(in: 0...samples)
    let valued = try object.required("valuedSamples").int(in: complete...samples)
    let inboundNode = try object.required("inbound")
    let outboundNode = try object.required("outbound")
    let inbound = try direction(inboundNode, interval: interval, first: first, last: last)
    let outbound = try direction(outboundNode, interval: interval, first: first, last: last)
    // Each valued sample has one or both rates; each complete one both: complete ≤ each direction's count ≤ valued, and
    // the two counts add up to complete + valued.
    for (directionNode, accumulator) in [(inboundNode, inbound), (outboundNode, outbound)] {
      let count = accumulator.histogram.count
      guard count >= complete, count <= valued else {
        throw try directionNode.object().required("histogram").error(
          "the histogram holds \(count) samples, but the circuit has \(complete) samples with both rates and \(valued) with either (expected \(complete == valued ? "\(complete)" : "\(complete) to \(valued)"))"
        )
      }
    }
    guard inbound.histogram.count + outbound.histogram.count == complete + valued else {
      throw try object.required("valuedSamples").error(
        "the inbound and outbound histograms hold \(inbound.histogram.count) + \(outbound.histogram.count) samples, but \(complete) complete and \(valued) valued samples give \(complete + valued) (expected the same count)"
      )
    }
    let pendingSample = try object.optional("pending").map(pending)
    if pendingSample != nil, samples > 0 || interval != nil {
      throw try object.required("pending").error(
        "a pending sample (a lone first sample waiting for the interval) with \(samples) samples and an interval (expected neither)"
      )
    }
    let limit = times ?? 0
    return SeriesAccumulator(
      circuit: try object.required("circuit").nonEmptyString(), interval: interval, first: first, last: last,
      samples: samples,
      completeSamples: complete, valuedSamples: valued, inbound: inbound, outbound: outbound,
      gaps: try counter(
        try object.required("gaps"), atMost: limit,
        "no more missing samples than sample times between the first and the last"),
      duplicates: try counter(
        try object.required("duplicates"), atMost: 1 << 48, "a bound that keeps merged counts exact"),
      missingValues: try counter(
        try object.required("emptyValues"), atMost: samples, "at most one empty value per sample"),
      pending: pendingSample, firstLocation: try object.optional("firstLocation").map(location))
  }

  private static func direction(_ node: JSONNode, interval: Int64?, first: Int64?, last: Int64?) throws(Diagnostic)
    -> DirectionAccumulator
  {
    let object = try node.object(allowing: ["maximum", "burstMaximum", "histogram", "months"])
    let maximumNode = try object.required("maximum")
    let maximum = try rate(maximumNode)
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
        throw histogramNode.error(
          "the histogram's buckets are out of range (expected buckets 0 to \(RateHistogram.highestBucket), each count at most \(UInt32.max))"
        )
      }
      histogram = restored
    }
    // The lowest and highest rates the histogram allows: the lowest bucket's lower bound, and the maximum, which must be
    // in the highest bucket (an empty histogram has no rates, so its maximum is 0).
    let lowestBucket = buckets.map(\.bucket).min()
    let highestBucket = buckets.map(\.bucket).max()
    if let highestBucket {
      guard RateHistogram.bucket(maximum) == highestBucket else {
        throw maximumNode.error(
          "the maximum \(rateText(maximum)) bit/s is not in the histogram's highest bucket, which holds rates from \(rateText(RateHistogram.lowerBound(highestBucket))) bit/s (expected the highest rate there)"
        )
      }
    } else if maximum != 0 {
      throw maximumNode.error("the maximum is \(rateText(maximum)) bit/s, but the histogram holds no rate (expected 0)")
    }
    let lowestScaled = UInt128(
      DirectionAccumulator.MonthSum.scaledRate(lowestBucket.map(RateHistogram.lowerBound) ?? 0))
    let highestScaled = UInt128(DirectionAccumulator.MonthSum.scaledRate(maximum))
    var months: [MonthKey: DirectionAccumulator.MonthSum] = [:]
    let monthsNode = try object.required("months")
    var monthSamples = 0
    for monthNode in try monthsNode.array() {
      let month = try monthNode.object()
      let keyNode = try month.required("month")
      let key = try keyNode.parsed(as: "a month such as 2026-07") { MonthKey(parsing: $0) }
      guard months[key] == nil else { throw keyNode.error("month \(key) appears twice (expected each month once)") }
      if let first, let last, key < CivilCalendar.monthKey(first) || key > CivilCalendar.monthKey(last) {
        throw keyNode.error(
          "month \(key) is outside the series, from \(CivilCalendar.format(first)) to \(CivilCalendar.format(last)) (expected months \(CivilCalendar.monthKey(first)) to \(CivilCalendar.monthKey(last)))"
        )
      }
      guard let interval else {
        throw keyNode.error("month \(key) has samples, but the circuit has no intervalSeconds")
      }
      // Samples of one month are distinct times on the interval's grid inside it.
      let capacity = Int((key.seconds + interval - 1) / interval)
      let countNode = try month.required("samples")
      let count = try countNode.int(in: 1...capacity)
      let sumNode = try month.required("rateSum")
      let sum = try sumNode.parsed(as: "a whole number of 1/8192 bit/s") { UInt128($0) }
      let scaledCount = UInt128(count)
      guard sum >= scaledCount * lowestScaled, sum <= scaledCount * highestScaled else {
        throw sumNode.error(
          "the rate sum of \(count) sample\(count == 1 ? "" : "s") is not between \(count) × the lowest rate (\(rateText(RateHistogram.lowerBound(lowestBucket ?? 0))) bit/s) and \(count) × the maximum (\(rateText(maximum)) bit/s), in 1/8192 bit/s (expected \(scaledCount * lowestScaled) to \(scaledCount * highestScaled))"
        )
      }
      monthSamples += count
      months[key] = .init(scaledRates: sum, samples: count)
    }
    guard monthSamples == histogram.count else {
      throw monthsNode.error(
        "the months hold \(monthSamples) samples, but the histogram holds \(histogram.count) (expected the same count: each sample is in one month and one bucket)"
      )
    }
    // The histogram is kept over the whole series, so the months' rate sums together lie between the sum of each
    // sample's bucket lower bound and the sum of its bucket's upper bound (the next bucket's lower bound, which no rate
    // in the bucket reaches; the maximum for the highest bucket). Without this, counts that add up would let a
    // histogram of small rates stand beside sums of huge ones, and the volumes sized on would not be the rates'.
    let bounds = histogram.scaledRateSumBounds(maximum: maximum)
    let rateSum = months.values.reduce(UInt128(0)) { $0 + $1.scaledRates }
    guard bounds.contains(rateSum) else {
      throw histogramNode.error(
        "the months' rate sums total \(rateSum) (in 1/8192 bit/s), but the histogram's \(histogram.count) samples allow only \(bounds.lowerBound) to \(bounds.upperBound) (expected the sum of the rates to lie between the sums of each sample's bucket bounds)"
      )
    }
    return DirectionAccumulator(histogram: histogram, maximum: maximum, months: months, burstMaximum: burst)
  }

  /// A problem counter; its count is at most `limit` (`what` says what bounds it).
  private static func counter(_ node: JSONNode, atMost limit: Int, _ what: String) throws(Diagnostic) -> IssueCounter {
    let object = try node.object(allowing: ["count", "firstMessage", "firstLocation"])
    let countNode = try object.required("count")
    let count = try countNode.int()
    guard count <= limit else { throw countNode.error("\(count) is too many (expected at most \(limit): \(what))") }
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
      file: try object.required("file").string(), line: try object.required("line").int(),
      column: try object.optional("column")?.int())
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
