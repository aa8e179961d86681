import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct TrafficIngestTests {
  static func ingest(_ text: String, file: String = "t.csv", interval: Int64? = nil) throws -> [TrafficSummary] {
    var ingest = TrafficIngest(options: .init(interval: interval))
    try ingest.read(Data(text.utf8), file: file)
    return try ingest.summaries(file: file)
  }

  static let fourMinutes = """
    Time,BitsInPerSecond,BitsOutPerSecond
    2026-01-01T00:00:00Z,100000000,200000000
    2026-01-01T00:01:00Z,100000000,400000000
    2026-01-01T00:02:00Z,300000000,600000000
    2026-01-01T00:03:00Z,100000000,800000000

    """

  @Test func percentilesAndVolumesByHand() throws {
    let summary = try #require(try Self.ingest(Self.fourMinutes).first)
    // Outbound 200, 400, 600, 800 Mbps. Nearest rank: P50 = rank ⌈0.5×4⌉ = 2 → 400 Mbps; P95 = rank ⌈3.8⌉ = 4 → 800 Mbps.
    #expect(summary.outbound.p50 == .mbps(400))
    #expect(summary.outbound.p95 == .mbps(800))
    #expect(summary.outbound.p99 == .mbps(800))
    #expect(summary.outbound.max == .mbps(800))
    // Volume = (200 + 400 + 600 + 800) × 10⁶ bit/s × 60 s ÷ 8 = 15 × 10⁹ bytes = 15 GB (integrated, not averaged).
    #expect(summary.outbound.total == .gigabytes(15))
    // Inbound 100, 100, 300, 100 Mbps: P50 rank 2 → 100 Mbps; P95 rank 4 → 300 Mbps; 600 × 10⁶ × 60 ÷ 8 = 4.5 GB.
    #expect(summary.inbound.p50 == .mbps(100))
    #expect(summary.inbound.p95 == .mbps(300))
    #expect(summary.inbound.total == .gigabytes(Fixtures.decimal("4.5")))
    #expect(summary.interval == 60)
    #expect(summary.samples == 4)
    #expect(summary.warnings.isEmpty)
    #expect(summary.outbound.months.map(\.month.description) == ["2026-01"])
  }

  @Test func longFormatPreambleQuotesCRLFAndUnits() throws {
    let text =
      "Report for subscription X\r\n\r\n\"Timestamp\",\"Circuit\",\"Bits Out (Mbps)\",\"Bits In (Mbps)\"\r\n"
      + "\"2026-01-31 23:59:00\",\"ams\",\"100\",\"1.5\"\r\n" + "2026-01-31 23:59:00,lon,50,0\r\n"
      + "2026-02-01T00:00:00+00:00,ams,300,2.5\r\n" + "2026-02-01T01:00:00+01:00,lon,70,0\r\n"
    let summaries = try Self.ingest(text)
    #expect(summaries.map(\.circuit) == ["ams", "lon"])
    // ams: 100 Mbps in January (60 s → 0.75 GB), 300 Mbps in February (2.25 GB); max 300 Mbps.
    #expect(
      summaries[0].outbound.months.map(\.volume) == [
        .gigabytes(Fixtures.decimal("0.75")), .gigabytes(Fixtures.decimal("2.25")),
      ])
    #expect(summaries[0].outbound.max == .mbps(300))
    #expect(summaries[0].inbound.max == Bandwidth(bitsPerSecond: 2_500_000))
    // lon: 01:00+01:00 is 00:00Z, so its two samples are 60 s apart as well.
    #expect(summaries[1].interval == 60)
  }

  typealias ErrorCase = TestSupport.ErrorCase<String>

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "out of order",
      text: "Time,BitsOutPerSecond\n2026-01-01T00:02:00Z,1\n2026-01-01T00:03:00Z,1\n2026-01-01T00:01:00Z,1\n",
      expected:
        "t.csv:4:1: error: timestamp 2026-01-01T00:01:00Z is earlier than the previous sample of circuit 'circuit' (2026-01-01T00:03:00Z); sort the rows by time (out-of-order rows are not reordered silently)"
    ),
    ErrorCase(
      id: "negative", text: "Time,BitsOutPerSecond\n2026-01-01T00:00:00Z,-5\n",
      expected: "t.csv:2:22: error: negative rate '-5' in column 'BitsOutPerSecond' (expected zero or more)"),
    ErrorCase(
      id: "non-numeric", text: "Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,12,5x\n",
      expected:
        "t.csv:2:25: error: '5x' is not a number in column 'BitsOutPerSecond' (expected bits per second, such as 125000000)"
    ),
    ErrorCase(
      id: "mixed granularity",
      text: "Time,BitsOutPerSecond\n2026-01-01T00:00:00Z,1\n2026-01-01T00:05:00Z,1\n2026-01-01T00:06:00Z,1\n",
      expected:
        "t.csv:4:1: error: sample at 2026-01-01T00:06:00Z is 60 s after the previous one, which is not a multiple of the 300 s interval of circuit 'circuit' (mixed granularity; export one interval per series); the 300 s interval comes from the first step alone, which may have skipped samples: if the series is every 60 s, give that interval"
    ),
    ErrorCase(
      id: "bad timestamp", text: "Time,BitsOutPerSecond\n2026-13-01T00:00:00Z,1\n",
      expected:
        "t.csv:2:1: error: '2026-13-01T00:00:00Z' is not a timestamp (expected an ISO 8601 timestamp such as 2026-07-01T00:00:00Z)"
    ),
    ErrorCase(
      id: "field count", text: "Time,BitsOutPerSecond\n2026-01-01T00:00:00Z,1,2\n",
      expected: "t.csv:2:1: error: expected 2 fields like the header, found 3"),
    ErrorCase(
      id: "no traffic column", text: "Time,Packets\n2026-01-01T00:00:00Z,1\n",
      expected:
        "t.csv:1:1: error: the header has no traffic column (expected BitsInPerSecond and BitsOutPerSecond, or 'Bits In'/'Bits Out'; found 'Time', 'Packets')"
    ),
    ErrorCase(
      id: "no header", text: "a,b\n1,2\n",
      expected:
        "t.csv: error: no header row with a time column (expected a column named Time, Timestamp or TimeGenerated)"),
    ErrorCase(
      id: "single sample", text: "Time,BitsOutPerSecond\n2026-01-01T00:00:00Z,1\n",
      expected:
        "t.csv: error: circuit 'circuit' has a single sample at 2026-01-01T00:00:00Z, so its interval cannot be inferred; give the seconds between samples"
    ),
  ]

  @Test(arguments: errorCases)
  func badSeriesGiveExactErrors(_ errorCase: ErrorCase) {
    let error = Fixtures.diagnostic { _ = try Self.ingest(errorCase.text) }
    #expect(error?.description == errorCase.expected)
  }

  @Test func gapsDuplicatesAndEmptyValuesAreReportedNotAveraged() throws {
    let text = """
      Time,BitsInPerSecond,BitsOutPerSecond
      2026-01-01T00:00:00Z,8,800
      2026-01-01T00:01:00Z,8,800
      2026-01-01T00:01:00Z,8,999999
      2026-01-01T00:04:00Z,8,
      2026-01-01T00:05:00Z,8,800

      """
    let summary = try #require(try Self.ingest(text).first)
    // Kept outbound: 800, 800, (empty), 800 → 3 values × 800 bit/s × 60 s ÷ 8 = 18,000 bytes. The duplicate is dropped;
    // the two missing minutes (00:02, 00:03) and the empty value add nothing.
    #expect(summary.outbound.total == DataVolume(bytes: 18_000))
    #expect(summary.outbound.max == Bandwidth(bitsPerSecond: 800))
    #expect(summary.samples == 4)
    #expect(
      summary.warnings.map(\.description) == [
        "t.csv:5:1: warning: 2 missing samples for circuit 'circuit'; first: gap of 2 sample(s) before 2026-01-01T00:04:00Z for circuit 'circuit'",
        "t.csv:4:1: warning: 1 duplicate sample for circuit 'circuit'; first: duplicate sample at 2026-01-01T00:01:00Z for circuit 'circuit' (the first one is kept)",
        "t.csv:5:1: warning: 1 empty value for circuit 'circuit'; first: no value at 2026-01-01T00:04:00Z for circuit 'circuit' (treated as missing, not as zero)",
      ])
    // 4 of the 6 one-minute slots from 00:00 to 00:05 have a row, but 00:04 has an empty value:
    // an empty cell is not a sample, so coverage is 3 ÷ 6 = 50%.
    #expect(summary.completeSamples == 3)
    #expect(summary.coverage == Fixtures.decimal("0.5"))
  }

  @Test func azureMonitorCLIShapeWithDeviceRolesAndNulls() throws {
    let json = """
      {
        "cost": 0.0,
        "interval": "0:01:00",
        "namespace": "Microsoft.Network/expressRouteCircuits",
        "resourceregion": "westeurope",
        "timespan": "2026-01-01T00:00:00Z/2026-01-01T00:03:00Z",
        "value": [
          {
            "errorCode": "Success", "errorMessage": null,
            "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1/providers/Microsoft.Insights/metrics/BitsOutPerSecond",
            "name": {"localizedValue": "BitsOutPerSecond", "value": "BitsOutPerSecond"},
            "resourceGroup": "rg",
            "timeseries": [
              {"data": [
                {"average": 100000000.0, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:00:00+00:00", "total": null},
                {"average": 300000000.0, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:01:00+00:00", "total": null},
                {"average": null, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:02:00+00:00", "total": null}
              ], "metadatavalues": [{"name": {"localizedValue": "devicerole", "value": "devicerole"}, "value": "Primary"}]},
              {"data": [
                {"average": 20000000.0, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:00:00+00:00", "total": null},
                {"average": 0.0, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:01:00+00:00", "total": null},
                {"average": null, "count": null, "maximum": null, "minimum": null, "timeStamp": "2026-01-01T00:02:00+00:00", "total": null}
              ], "metadatavalues": [{"name": {"localizedValue": "devicerole", "value": "devicerole"}, "value": "Secondary"}]}
            ],
            "type": "Microsoft.Insights/metrics",
            "unit": "BitsPerSecond"
          }
        ]
      }
      """
    let summary = try #require(try Self.ingest(json, file: "m.json").first)
    #expect(summary.circuit == "ams-1")
    #expect(summary.interval == 60)
    // Primary + secondary per minute: 120 Mbps, 300 Mbps; 00:02 has no value (null), not zero.
    #expect(summary.outbound.max == .mbps(300))
    #expect(summary.outbound.samples == 2)
    // (120 + 300) × 10⁶ × 60 ÷ 8 = 3.15 × 10⁹ bytes = 3.15 GB.
    #expect(summary.outbound.total == .gigabytes(Fixtures.decimal("3.15")))
    // No inbound metric: every minute lacks it. JSON messages give the point's line only (no column).
    #expect(
      summary.warnings.map(\.description) == [
        "m.json:15: warning: 3 empty values for circuit 'ams-1'; first: no value at 2026-01-01T00:00:00Z for circuit 'ams-1' (treated as missing, not as zero)"
      ])
  }

  @Test func restShapeWithISOIntervalAndMaximumOnlyIsRejected() throws {
    let rest = """
      {"cost": 59, "timespan": "2026-01-01T00:00:00Z/2026-01-01T01:00:00Z", "interval": "PT5M", "value": [
        {"id": "/subscriptions/x/providers/Microsoft.Network/expressRouteCircuits/c1/providers/Microsoft.Insights/metrics/BitsInPerSecond",
         "type": "Microsoft.Insights/metrics", "name": {"value": "BitsInPerSecond", "localizedValue": "BitsInPerSecond"},
         "unit": "BitsPerSecond", "errorCode": "Success",
         "timeseries": [{"metadatavalues": [], "data": [{"timeStamp": "2026-01-01T00:00:00Z", "maximum": 5}]}]}]}
      """
    let error = Fixtures.diagnostic { _ = try Self.ingest(rest, file: "r.json") }
    #expect(
      error?.description
        == "r.json:2:3: error: value[0]: BitsInPerSecond has no 'average' values (re-export with the Average aggregation, as az monitor metrics list --aggregation Average does; maxima cannot be integrated into volumes)"
    )
    #expect(parseInterval("PT1M") == 60)
    #expect(parseInterval("PT1H") == 3600)
    #expect(parseInterval("P1D") == 86400)
    #expect(parseInterval("0:05:00") == 300)
    #expect(parseInterval("1 day, 0:00:00") == 86400)
    #expect(parseInterval("PT") == nil)
  }

  /// Rates are bits per second: a metric in `BytesPerSecond` (8 times fewer) is refused at its unit, wherever in the
  /// metric the unit stands (`az` sorts keys, so it follows the time series).
  @Test func restShapeInAnotherUnitIsRefused() throws {
    for unitFirst in [true, false] {
      let unit = #""unit": "BytesPerSecond""#
      let series = #""timeseries": [{"data": [{"timeStamp": "2026-01-01T00:00:00Z", "average": 5}]}]"#
      let rest =
        "{\"interval\": \"PT1M\", \"value\": [\n{\"name\": {\"value\": \"BitsOutPerSecond\"}, "
        + (unitFirst ? unit + ", " + series : series + ", " + unit) + "}]}\n"
      let error = Fixtures.diagnostic { _ = try Self.ingest(rest, file: "b.json") }
      // The unit's value stands at column 49 before the series, at column 130 after it.
      #expect(
        error?.description.hasPrefix(
          "b.json:2:\(unitFirst ? 49 : 130): error: value[0].unit: BitsOutPerSecond of circuit is in 'BytesPerSecond' "
            + "(expected BitsPerSecond") == true, "\(error?.description ?? "no error")")
    }
  }

  /// An `AzureMetrics` CSV row whose `UnitName` is not `BitsPerSecond` is refused at that cell.
  @Test func metricRowsInAnotherUnitAreRefused() throws {
    let csv =
      "TimeGenerated,ResourceId,MetricName,Average,UnitName\n"
      + "2026-01-01T00:00:00Z,/x/expressRouteCircuits/ams,BitsInPerSecond,5,BytesPerSecond\n"
    let error = Fixtures.diagnostic { _ = try Self.ingest(csv, file: "u.csv") }
    // "2026-01-01T00:00:00Z,/x/expressRouteCircuits/ams,BitsInPerSecond,5," is 21 + 28 + 16 + 2 = 67 characters.
    #expect(
      error?.description.hasPrefix("u.csv:2:68: error: BitsInPerSecond is in 'BytesPerSecond' (expected BitsPerSecond")
        == true, "\(error?.description ?? "no error")")
  }

  /// A series whose first step skips a sample (00:00, then 00:02, then every minute) is not guessed at: the refusal
  /// says the interval came from the first step alone, and with the interval given it reads, with one gap.
  @Test func aFirstStepThatSkipsASampleIsNotGuessed() throws {
    for minutes in [4, 300] {
      var csv = "Time,BitsInPerSecond,BitsOutPerSecond\n2027-03-01T00:00:00Z,8000,16000\n"
      for minute in 2...minutes {
        csv += String(format: "2027-03-01T%02d:%02d:00Z,8000,16000\n", minute / 60, minute % 60)
      }
      let error = Fixtures.diagnostic { _ = try Self.ingest(csv, file: "g.csv") }
      #expect(
        error?.description.hasSuffix(
          "the 120 s interval comes from the first step alone, which may have skipped samples: if the series is every "
            + "60 s, give that interval") == true, "\(error?.description ?? "")")
      #expect(error?.remedy == .sampleInterval)
      let summary = try #require(try Self.ingest(csv, file: "g.csv", interval: 60).first)
      // Samples at minute 0 and 2 ... `minutes`: `minutes` samples, one missing (minute 1).
      #expect(summary.samples == minutes)
      #expect(summary.warnings.first?.description.contains("1 missing sample for circuit 'circuit'") == true)
      // Outbound 16,000 bit/s × 60 s ÷ 8 = 120,000 bytes a sample.
      #expect(summary.outbound.total == DataVolume(bytes: Decimal(120_000 * minutes)))
    }
  }

  @Test func resourceNamesComeFromTheIDsSegments() {
    let circuit = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/expressRouteCircuits/ams-1"
    #expect(resourceName(circuit) == "ams-1")
    // A REST metric's id names the metric after the circuit; Log Analytics writes IDs in capitals.
    #expect(resourceName(circuit + "/providers/Microsoft.Insights/metrics/BitsInPerSecond") == "ams-1")
    #expect(
      resourceName(
        "/SUBSCRIPTIONS/0000/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/ER-01/PROVIDERS/MICROSOFT.INSIGHTS")
        == "ER-01")
    // Empty segments (a doubled or trailing slash) do not count; a bare name is its own name.
    #expect(resourceName("/a//circuits/lon-2/") == "lon-2")
    #expect(resourceName("lon-2") == "lon-2")
    #expect(resourceName("/") == "/")
    #expect(resourceName("/x/providers") == "providers")
    #expect(resourceName("/x/providers/microsoft.insightsX") == "microsoft.insightsX")
  }

  @Test func azureMonitorAveragesAreNumbersOrNumericStringsWithinRange() throws {
    func export(_ averages: [String]) -> String {
      let points = averages.enumerated().map { index, average in
        "{\"timeStamp\": \"2026-01-01T00:0\(index):00Z\", \"average\": \(average)}"
      }
      return """
        {"interval": "PT1M", "value": [{"name": {"value": "BitsOutPerSecond"}, "timeseries": [{"data": [
        \(points.joined(separator: ",\n"))
        ]}]}]}
        """
    }
    // Numbers, exponents and numeric strings: 125 + 250 + 62.5 Mbps.
    let summary = try #require(try Self.ingest(export(["125000000", "2.5e8", "\"62500000.0\""]), file: "m.json").first)
    #expect(summary.outbound.max == .mbps(250))
    #expect(summary.outbound.samples == 3)
    // (125 + 250 + 62.5) × 10⁶ × 60 ÷ 8 = 3.28125 × 10⁹ bytes.
    #expect(summary.outbound.total == .gigabytes(Fixtures.decimal("3.28125")))
    // The same rates with signs, points and exponents before, on and after the scan's eight-byte words.
    let spelled = try Self.ingest(
      export(["12500000.0E+01", "250000000000000000e-9", "0.00000625e+13"]), file: "m.json")
    #expect(spelled.first == summary)
    let negative = Fixtures.diagnostic { _ = try Self.ingest(export(["1", "-5.5"]), file: "m.json") }
    #expect(
      negative?.description
        == "m.json:3:50: error: value[0].timeseries[0].data[1].average: negative rate -5.5 (expected zero or more)")
    let huge = Fixtures.diagnostic { _ = try Self.ingest(export(["2e15"]), file: "m.json") }
    #expect(
      huge?.description
        == "m.json:2:50: error: value[0].timeseries[0].data[0].average: rate 2e15 is above 1 Pbps (expected bits per second; check the unit)"
    )
  }

  @Test func histogramIsExactForFourDigitValuesAndBounded() {
    var histogram = RateHistogram()
    for value in stride(from: 1.0, through: 1000.0, by: 1.0) { histogram.add(value * 1_000_000) }
    // Nearest rank of 1..1000 Mbps: P95 = rank 950 → 950 Mbps; P99 = rank 990 → 990 Mbps.
    #expect(histogram.percentile(95) == 950_000_000)
    #expect(histogram.percentile(99) == 990_000_000)
    #expect(histogram.percentile(100) == 1_000_000_000)
    // A 5-significant-digit value reports its bucket's lower bound, within 0.1%.
    var fine = RateHistogram()
    fine.add(123_456_789)
    #expect(fine.percentile(50) == 123_400_000)
  }

  /// The bucket of `v` whole bit/s from its decimal digits: whole bits below 1,000, else the first four digits
  /// and the position of the first (10^3 → 1000, each further power of ten 9000 buckets on).
  private static func referenceBucket(_ v: UInt64) -> Int {
    let digits = String(v)
    guard v >= 1000 else { return Int(v) }
    guard digits.count <= 15 else { return RateHistogram.highestBucket }
    return (digits.count - 4) * 9000 + (Int(digits.prefix(4)) ?? 0)  // four decimal digits always parse
  }

  @Test func bucketsAndTheDecadeShortcutKeepFourDigitsAtEveryBoundary() {
    var values: [UInt64] = [
      0, 1, 999, 1000, 1001, 9999, 10_000, 123_456_789, 999_999_999_999_999, 1_000_000_000_000_000, 1 << 49,
      (1 << 50) - 1,
    ]
    // Every four-digit mantissa at every power of ten from 10^4 to 10^14: the value, one below, the last of its bucket.
    for exponent in 4...14 {
      let unit = UInt64.powerOfTen(exponent - 3)
      for mantissa in UInt64(1000)...9999 {
        values += [mantissa * unit, mantissa * unit - 1, mantissa * unit + unit - 1]
      }
    }
    var wrong = 0
    for v in values {
      let expected = Self.referenceBucket(v)
      if RateHistogram.bucket(whole: v) != expected { wrong += 1 }
      // Below 2^53 the rate as a double is exact.
      if v < 1 << 53 && RateHistogram.bucket(Double(v)) != expected { wrong += 1 }
      // The decade of a value is either empty (then the caller uses bucket(whole:)) or holds it and gives the same bucket.
      let decade = RateHistogram.Decade(of: v)
      if decade.contains(v) && decade.bucket(v) != expected { wrong += 1 }
      if (v >= 10_000 && v < 1_000_000_000_000_000) != decade.contains(v) { wrong += 1 }
      // No other decade holds it: its quotient there has fewer than four digits, or more.
      for exponent in 4...14 where !(v >= UInt64.powerOfTen(exponent) && v < UInt64.powerOfTen(exponent + 1)) {
        if RateHistogram.Decade(exponent: exponent).contains(v) { wrong += 1 }
      }
    }
    #expect(wrong == 0)
    // 123,456,789 bit/s: exponent 8, mantissa 1234 → (8 − 3) × 9000 + 1234 = 46,234.
    #expect(RateHistogram.bucket(whole: 123_456_789) == 46_234)
    #expect(RateHistogram.Decade(of: 123_456_789).bucket(123_456_789) == 46_234)
  }

  @Test func theRunLoopCountsEveryRateInItsBucketAcrossDecades() {
    // The run loop keeps the last rate's decade and takes a rate as in it when its quotient has four digits. Every
    // four-digit mantissa at every power of ten (the value, one below, the last of its bucket), as whole and as
    // fractional rates, once in order (long runs in one decade) and once from both ends in turn (a new decade at
    // almost every rate): the same buckets, maximum and scaled sum as adding the rates one by one.
    var wholes: [UInt64] = [0, 1, 999, 1000, 1001, 9999, 10_000, 999_999_999_999_999, 1_000_000_000_000_000]
    for exponent in 4...14 {
      let unit = UInt64.powerOfTen(exponent - 3)
      for mantissa in UInt64(1000)...9999 {
        wholes += [mantissa * unit, mantissa * unit - 1, mantissa * unit + unit - 1]
      }
    }
    let sorted = wholes.sorted().flatMap { [Double($0), Double($0) + 0.5] }.filter { $0 <= TrafficIngest.maximumRate }
    let alternating = (0..<sorted.count).map { $0 % 2 == 0 ? sorted[$0 / 2] : sorted[sorted.count - 1 - $0 / 2] }
    for rates in [sorted, alternating] {
      var looped = RateHistogram()
      var maximum = 0.0
      var sum: UInt128 = 0
      rates.withUnsafeBufferPointer {
        // swift-format-ignore: NeverForceUnwrap
        looped.add(rates: $0.baseAddress!, count: $0.count, maximum: &maximum, scaledSum: &sum)
      }
      var single = RateHistogram()
      for rate in rates { single.add(rate) }
      // One Bool, so that a failure does not print some 600,000 buckets.
      let sameBuckets =
        looped.buckets.map(\.bucket) == single.buckets.map(\.bucket)
        && looped.buckets.map(\.count) == single.buckets.map(\.count)
      #expect(sameBuckets, "\(rates.count) rates")
      #expect(looped.count == rates.count)
      #expect(maximum == 1e15)
      #expect(sum == rates.reduce(UInt128(0)) { $0 + DirectionAccumulator.MonthSum.scaled($1) })
    }
  }

  @Test func timestampsParseAllAcceptedForms() {
    #expect(Timestamp.parse("2026-07-01T00:00:00Z") == 1_782_864_000)
    #expect(Timestamp.parse("2026-07-01T02:00:00+02:00") == 1_782_864_000)
    #expect(Timestamp.parse("2026-07-01 00:00:00") == 1_782_864_000)
    #expect(Timestamp.parse("2026-07-01T00:00:00.000Z") == 1_782_864_000)
    #expect(Timestamp.parse("2026-07-01T00:00Z") == 1_782_864_000)
    #expect(Timestamp.parse("2026-02-29T00:00:00Z") == nil)
    #expect(Timestamp.parse("07/01/2026 00:00") == nil)
    #expect(CivilCalendar.format(1_782_864_000) == "2026-07-01T00:00:00Z")
  }
}

extension TestSupport.ErrorCase where Input == String {
  /// A case that ingests `text`.
  fileprivate init(id: String, text: String, expected: String) { self.init(id: id, input: text, expected: expected) }
  fileprivate var text: String { input }
}
