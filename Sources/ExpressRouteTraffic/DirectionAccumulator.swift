import ExpressRouteCore

/// One direction's running statistics.
///
/// Monthly volumes are kept exactly, so that statistics of pieces of a series
/// merge to those of the whole in any split: each rate is held as a whole
/// number of 1/8192 bit/s (``MonthSum``), summed in 128-bit integers.
struct DirectionAccumulator {
  /// One month's rates: their sum in 1/8192 bit/s and how many samples it holds.
  struct MonthSum: Equatable {
    /// Σ ⌊rate × 8192⌋ over the month's samples.
    var scaledRates: UInt128 = 0
    var samples: Int = 0

    /// Rates are kept in units of 1/``scale`` bit/s (2^13: a 1 Pbps rate still fits in an Int64).
    static let scale = 8192.0
    static let scaleShift = 13

    /// A rate in 1/8192 bit/s, truncated (rates are at most 1 Pbps, so the product fits).
    @inline(__always) static func scaled(_ rate: Double) -> UInt128 {
      UInt128(scaledRate(rate))
    }

    /// ``scaled(_:)`` as a 64-bit integer; shifted right by ``scaleShift`` it is the rate in whole bit/s
    /// (multiplying by 8192 is exact).
    @inline(__always) static func scaledRate(_ rate: Double) -> UInt64 {
      UInt64(bitPattern: Int64(rate * scale))
    }

    /// Whole bytes over the month for samples `interval` seconds apart: Σ rate × interval ÷ 8, rounded half up.
    func bytes(interval: Int64) -> UInt128 {
      let bitSecondsScaled = scaledRates * UInt128(max(interval, 0))
      // ÷ 8192 (scale) ÷ 8 (bits per byte) = ÷ 2^16.
      return (bitSecondsScaled + (1 << 15)) >> 16
    }
  }

  private(set) var histogram = RateHistogram()
  private(set) var maximum = 0.0
  /// The highest `maximum` aggregation an export gave (bursts inside an interval), when it gave one.
  var burstMaximum: Double?
  /// Rates per month (closed months only; see ``flush()``).
  private(set) var months: [MonthKey: MonthSum] = [:]
  private var currentMonth: MonthKey?
  private var currentStart: Int64 = 0
  private var currentEnd: Int64 = 0
  private var current = MonthSum()

  init() {}

  /// A direction restored from a saved summary.
  init(histogram: RateHistogram, maximum: Double, months: [MonthKey: MonthSum], burstMaximum: Double? = nil) {
    self.histogram = histogram
    self.maximum = maximum
    self.months = months
    self.burstMaximum = burstMaximum
  }

  @inline(__always)
  mutating func add(_ value: Double, at timestamp: Int64) {
    histogram.add(value)
    if value > maximum { maximum = value }
    if timestamp < currentStart || timestamp >= currentEnd || currentMonth == nil {
      flush()
      let month = CivilCalendar.monthKey(timestamp)
      currentMonth = month
      currentStart = month.start
      currentEnd = month.next.start
    }
    current.scaledRates &+= MonthSum.scaled(value)
    current.samples &+= 1
  }

  /// The current month's seconds, `nil` before the first sample.
  var openMonth: Range<Int64>? { currentMonth == nil ? nil : currentStart..<currentEnd }

  /// Adds `count` samples that all fall in the current month (see ``openMonth``), in order.
  mutating func add(run values: UnsafePointer<Double>, count: Int) {
    histogram.add(rates: values, count: count, maximum: &maximum, scaledSum: &current.scaledRates)
    current.samples &+= count
  }

  /// Closes the current month: its sums join ``months``.
  mutating func flush() {
    guard let month = currentMonth else { return }
    var entry = months[month] ?? MonthSum()
    entry.scaledRates &+= current.scaledRates
    entry.samples += current.samples
    months[month] = entry
    current = MonthSum()
    currentMonth = nil
  }

  /// Adds the statistics of another piece of the same series (both flushed first).
  mutating func append(_ other: DirectionAccumulator) {
    var other = other
    other.flush()
    flush()
    histogram.append(other.histogram)
    maximum = max(maximum, other.maximum)
    if let burst = other.burstMaximum { burstMaximum = max(burstMaximum ?? 0, burst) }
    for (month, sum) in other.months {
      var entry = months[month] ?? MonthSum()
      entry.scaledRates &+= sum.scaledRates
      entry.samples += sum.samples
      months[month] = entry
    }
  }
}
