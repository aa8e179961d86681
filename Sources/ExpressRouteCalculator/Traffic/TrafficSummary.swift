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
    /// Highest sample.
    public var max: Bandwidth
    /// Volume per month, in month order.
    public var months: [MonthVolume]
    /// The duration curve: the rate at percentiles 5, 10, … 100 (20 points).
    public var curve: [Bandwidth]

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
    outbound.months.max { $0.scaled(toHours: hours) < $1.scaled(toHours: hours) }
  }

  /// Yearly growth of outbound volume from a least-squares line through the monthly
  /// volumes (scaled to full months), as a fraction (0.2 = 20% a year); `nil` below three months.
  public func yearlyTrend(hours: Decimal) -> Decimal? {
    let points = outbound.months.filter { $0.coverage >= Decimal(string: "0.5")! }
    guard points.count >= 3 else { return nil }
    let ys = points.map { NSDecimalNumber(decimal: $0.scaled(toHours: hours).gigabytes).doubleValue }
    let xs = points.map { Double(($0.month.year - points[0].month.year) * 12 + $0.month.month - points[0].month.month) }
    let n = Double(points.count)
    let meanX = xs.reduce(0, +) / n
    let meanY = ys.reduce(0, +) / n
    let sxx = zip(xs, xs).map { ($0 - meanX) * ($1 - meanX) }.reduce(0, +)
    guard sxx > 0, meanY > 0 else { return nil }
    let sxy = zip(xs, ys).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
    let yearly = sxy / sxx * 12 / meanY
    return Decimal(string: String(format: "%.4f", yearly)) ?? 0
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
      let months = accumulator.months.keys.sorted().map { month -> TrafficSummary.MonthVolume in
        let entry = accumulator.months[month] ?? (0, 0)
        // bit-seconds → bytes: exact for integer rates; rounded to whole bytes otherwise.
        let bytes = Decimal(string: String(format: "%.0f", entry.bitSeconds / 8)) ?? 0
        return TrafficSummary.MonthVolume(month: month, volume: DataVolume(bytes: bytes), coveredSeconds: Int64(entry.seconds))
      }
      // One pass: P5, P10, … P100 for the curve, then P50, P95 and P99 from the same walk.
      let levels = stride(from: 5.0, through: 100.0, by: 5.0).map { $0 } + [99.0]
      let values = accumulator.histogram.percentiles(levels.sorted())
      let sortedLevels = levels.sorted()
      func at(_ level: Double) -> Bandwidth { rate(sortedLevels.firstIndex(of: level).flatMap { values[$0] }) }
      return TrafficSummary.Direction(
        samples: accumulator.histogram.count, p50: at(50), p95: at(95), p99: at(99), max: rate(accumulator.maximum), months: months,
        curve: stride(from: 5.0, through: 100.0, by: 5.0).map { at($0) })
    }
    var warnings: [Diagnostic] = []
    for (counter, noun) in [(gaps, "missing sample"), (duplicates, "duplicate sample"), (missingValues, "empty value")] where counter.count > 0 {
      if var first = counter.first {
        first.message = "\(counter.count) \(noun)\(counter.count == 1 ? "" : "s") for circuit '\(circuit)'; first: \(first.message)"
        warnings.append(first)
      }
    }
    return TrafficSummary(
      circuit: circuit, interval: interval ?? 0, start: firstTimestamp ?? 0, end: lastTimestamp ?? 0, samples: samples,
      completeSamples: completeSamples,
      outbound: direction(outbound), inbound: direction(inbound), warnings: warnings)
  }
}
