import ExpressRouteCore
import Foundation

/// What a circuit's measured traffic says: percentiles, peaks and monthly volumes.
///
/// Outbound is `BitsOutPerSecond` (Azure → on-premises, the metered
/// direction); inbound is `BitsInPerSecond`. Volumes are integrated
/// (`Σ rate × interval ÷ 8`), never averaged, and grouped by UTC month.
public struct TrafficSummary: Hashable, Sendable {
  /// One direction's statistics.
  public struct Direction: Hashable, Sendable {
    /// Samples with a value.
    public var samples: Int
    /// Median rate.
    public var p50: Bandwidth
    /// 95th percentile rate (nearest rank).
    public var p95: Bandwidth
    /// 99th percentile rate (nearest rank).
    public var p99: Bandwidth
    /// Highest sample; where the export gave the `maximum` aggregation, the highest of those
    /// (bursts inside an interval), which sizing reports as bursts but never integrates.
    public var max: Bandwidth
    /// Volume per month, in month order.
    public var months: [MonthVolume]
    /// The duration curve: the rate at percentiles 5, 10, … 100 (20 points).
    public var curve: [Bandwidth]
    /// The busiest tenth in detail: the rate at percentiles 90.0, 90.1, … 100.0 (101 points).
    public var tail: [Bandwidth]

    /// The share of samples that may lie above `rate` (0 to 1), to 0.1% in the busiest tenth and 5% below it: a
    /// percentile counts as above when the highest rate it may stand for (``highest(within:)``) is.
    public func shareAbove(_ rate: Bandwidth) -> Decimal {
      guard samples > 0 else { return 0 }
      let atMost = { (percentile: Bandwidth) in highest(within: percentile) <= rate }
      if let last = tail.last, atMost(last) { return 0 }
      if let index = tail.lastIndex(where: atMost) {
        return Decimal(100 - index) / 1000
      }
      let below = curve.lastIndex(where: atMost).map { $0 + 1 } ?? 0
      return Decimal(20 - below) / 20
    }

    /// The highest rate a percentile read as `rate` may stand for. Percentiles keep four significant digits (the
    /// lower end of their ``RateHistogram`` bucket, up to 0.1% below the samples they stand for): the bucket's upper
    /// end (the next bucket's lower end less 1 bit/s), but never above ``max``. Exact below 10,000 bit/s, and for
    /// a percentile in the bucket of the highest sample.
    public func highest(within rate: Bandwidth) -> Bandwidth {
      guard rate.bitsPerSecond >= 10_000 else { return rate }
      let bucket = RateHistogram.bucket(whole: UInt64(rate.bitsPerSecond))
      let next = Int64(RateHistogram.lowerBound(bucket + 1))
      return Bandwidth(bitsPerSecond: Swift.max(rate.bitsPerSecond, Swift.min(next - 1, max.bitsPerSecond)))
    }

    /// The rate at `percentile` (50, 95, 99 or 100).
    public func rate(atPercentile percentile: Int) -> Bandwidth {
      switch percentile {
      case ...50: return p50
      case 51...95: return p95
      case 96...99: return p99
      default: return max
      }
    }

    /// Total volume over the series.
    public var total: DataVolume { months.reduce(.zero) { $0 + $1.volume } }
  }

  /// The volume of one month and how much of it the samples covered.
  public struct MonthVolume: Hashable, Sendable {
    /// The month.
    public var month: MonthKey
    /// Measured volume.
    public var volume: DataVolume
    /// Seconds covered by samples.
    public var coveredSeconds: Int64
    /// Share of the month covered (0 to 1).
    public var coverage: Decimal { Decimal(coveredSeconds) / Decimal(month.seconds) }
    /// The coverage from which a month counts as measured (half the month): sizing takes its volume and
    /// growth only from measured months, and lists the others.
    public static let measuredCoverage = Decimal(5) / 10
    /// Whether samples cover at least ``measuredCoverage`` of the month.
    public var isMeasured: Bool { coverage >= Self.measuredCoverage }
    /// The volume scaled to a full billing month of `hours` hours.
    public func scaled(toHours hours: Decimal) -> DataVolume {
      guard coveredSeconds > 0 else { return .zero }
      return DataVolume(bytes: volume.bytes * hours * 3600 / Decimal(coveredSeconds))
    }
  }

  /// The circuit's name.
  public var circuit: String
  /// Seconds between samples.
  public var interval: Int64
  /// First sample's time.
  public var start: Int64
  /// Last sample's time.
  public var end: Int64
  /// Samples kept (timestamps, with or without values).
  public var samples: Int
  /// Samples with both an inbound and an outbound value: what coverage counts.
  public var completeSamples: Int
  /// Outbound (egress) statistics.
  public var outbound: Direction
  /// Inbound (ingress) statistics.
  public var inbound: Direction
  /// Warnings about the data (gaps, duplicates, missing values), each with its first location.
  public var warnings: [Diagnostic]

  /// Share of the expected samples present between first and last, counting
  /// only samples with both values (an empty cell is not a sample).
  public var coverage: Decimal {
    let expected = (end - start) / max(interval, 1) + 1
    return expected > 0 ? Decimal(completeSamples) / Decimal(expected) : 0
  }

  /// The month with the most outbound data per covered hour, scaled to `hours`.
  public func busiestMonth(hours: Decimal) -> MonthVolume? {
    // Each month scaled once (a division), not once per comparison.
    outbound.months.map { ($0, $0.scaled(toHours: hours)) }.max { $0.1 < $1.1 }?.0
  }
}

extension SeriesAccumulator {
  /// The summary of everything added so far.
  func summary() -> TrafficSummary {
    func direction(_ accumulator: DirectionAccumulator) -> TrafficSummary.Direction {
      func rate(_ value: Double?) -> Bandwidth {
        // Ingest rejects rates above 1 Pbps; clamp anyway so a summary can never trap.
        Bandwidth(bitsPerSecond: Int64(min(max((value ?? 0).rounded(.down), 0), TrafficIngest.maximumRate)))
      }
      let interval = self.interval ?? 0
      let months = accumulator.months.keys.sorted().map { month -> TrafficSummary.MonthVolume in
        let entry = accumulator.months[month] ?? .init()
        // Σ rate × interval ÷ 8, exact to 1/8192 bit/s per sample, rounded once to whole bytes.
        let bytes = Decimal(string: String(entry.bytes(interval: interval))) ?? 0
        // Saved summaries are checked (no month holds more samples than its seconds); checked here too, so it never traps.
        let covered = Int64(entry.samples).multipliedReportingOverflow(by: interval)
        return TrafficSummary.MonthVolume(
          month: month, volume: DataVolume(bytes: bytes),
          coveredSeconds: covered.overflow ? Int64.max : covered.partialValue)
      }
      // One pass: P5, P10, … P100 for the curve, P90.0 … P100 by 0.1 for the tail, and P50, P95 and P99, from the same walk.
      let tailLevels = (0...100).map { 90 + Double($0) / 10 }
      let curveLevels = stride(from: 5.0, through: 100.0, by: 5.0).map { $0 }
      let sortedLevels = Array(Set(curveLevels + tailLevels + [99.0])).sorted()
      let values = accumulator.histogram.percentiles(sortedLevels)
      func at(_ level: Double) -> Bandwidth {
        rate(sortedLevels.firstIndex { abs($0 - level) < 1e-9 }.flatMap { values[$0] })
      }
      return TrafficSummary.Direction(
        samples: accumulator.histogram.count, p50: at(50), p95: at(95), p99: at(99),
        max: rate(max(accumulator.maximum, accumulator.burstMaximum ?? 0)), months: months,
        curve: curveLevels.map { at($0) }, tail: tailLevels.map { at($0) })
    }
    var warnings: [Diagnostic] = []
    for (counter, noun) in [(gaps, "missing sample"), (duplicates, "duplicate sample"), (missingValues, "empty value")]
    where counter.count > 0 {
      if var first = counter.first {
        first.message =
          "\(counter.count) \(noun)\(counter.count == 1 ? "" : "s") for circuit '\(circuit)'; first: \(first.message)"
        warnings.append(first)
      }
    }
    return TrafficSummary(
      circuit: circuit, interval: interval ?? 0, start: firstTimestamp ?? 0, end: lastTimestamp ?? 0, samples: samples,
      completeSamples: completeSamples,
      outbound: direction(outbound), inbound: direction(inbound), warnings: warnings)
  }
}
