import ExpressRouteCore

/// A histogram of bit rates with four significant decimal digits per bucket.
///
/// Memory is bounded however many samples are added (counters only for the
/// span between the lowest and highest bucket seen, at most about 100,000), so
/// percentiles of a year of one-minute samples cost the same as of a day. Values with at most four significant
/// digits (`150000000`, `1234`) are exact; others are reported as their
/// bucket's lower bound, at most 0.1% below the true value. Below 1,000 bit/s
/// buckets are whole bits.
package struct RateHistogram: Sendable {
  /// Counters for buckets `offset ..< offset + counts.count`: only the span the values use.
  private var counts: [UInt32] = []
  private var offset = 0
  private var counted: Int = 0

  /// Samples added.
  public var count: Int { counted }

  /// An empty histogram.
  public init() {}

  @inline(always) static func bucket(_ value: Double) -> Int {
    bucket(whole: whole(value))
  }

  /// A non-negative rate in whole bit/s, rounded down (at most 9.2 × 10^18).
  @inline(always) static func whole(_ value: Double) -> UInt64 {
    // Int64 conversion is one instruction; UInt64 conversion is a dozen.
    UInt64(bitPattern: value < 9.2e18 ? Int64(value) : 9_200_000_000_000_000_000)
  }

  /// The bucket of a rate of `v` whole bit/s (the rate rounded down).
  @inline(always) static func bucket(whole v: UInt64) -> Int {
    if v < 1000 { return Int(v) }
    // Keep four significant digits. Each branch divides by a literal, which compiles to a multiply and shift.
    let exponent: Int
    let mantissa: UInt64
    switch v {
    case ..<10_000: (exponent, mantissa) = (3, v)
    case ..<100_000: (exponent, mantissa) = (4, v / 10)
    case ..<1_000_000: (exponent, mantissa) = (5, v / 100)
    case ..<10_000_000: (exponent, mantissa) = (6, v / 1_000)
    case ..<100_000_000: (exponent, mantissa) = (7, v / 10_000)
    case ..<1_000_000_000: (exponent, mantissa) = (8, v / 100_000)
    case ..<10_000_000_000: (exponent, mantissa) = (9, v / 1_000_000)
    case ..<100_000_000_000: (exponent, mantissa) = (10, v / 10_000_000)
    case ..<1_000_000_000_000: (exponent, mantissa) = (11, v / 100_000_000)
    case ..<10_000_000_000_000: (exponent, mantissa) = (12, v / 1_000_000_000)
    case ..<100_000_000_000_000: (exponent, mantissa) = (13, v / 10_000_000_000)
    default: (exponent, mantissa) = (14, min(v / 100_000_000_000, 9999))
    }
    return 1000 + (exponent - 3) * 9000 + (Int(mantissa) - 1000)
  }

  /// The rates from 10^e to 10^(e+1) (e in 4...14), whose buckets are `base + ⌊v ÷ 10^(e−3)⌋`: the division is a
  /// multiplication by a precomputed reciprocal, exact below 2^50 (above every rate ercalc accepts, 1 Pbps). A rate
  /// lies in the decade exactly when that quotient has four digits (1000 ... 9999): below 10^e it has fewer, from
  /// 10^(e+1) more.
  struct Decade {
    /// The first bucket, and the reciprocal and shift that divide by 10^(e−3) (see ``RateHistogram/reciprocals``).
    let base: Int
    let reciprocal: UInt64
    let shift: UInt64

    /// No decade: its reciprocal is 0, so every quotient is 0 and it holds no rate.
    static let empty = Decade(base: 0, reciprocal: 0, shift: 0)

    private init(base: Int, reciprocal: UInt64, shift: UInt64) {
      self.base = base
      self.reciprocal = reciprocal
      self.shift = shift
    }

    /// The decade from 10^`exponent` to 10^(`exponent` + 1), `exponent` in 4...14.
    init(exponent: Int) {
      let (reciprocal, shift) = RateHistogram.reciprocals[exponent - 4]
      self.init(base: (exponent - 3) * 9000, reciprocal: reciprocal, shift: shift)
    }

    /// The decade holding `v`; ``empty`` below 10^4 and from 10^15 (those go through ``RateHistogram/bucket(whole:)``).
    init(of v: UInt64) {
      self = Self.holds(v) ? RateHistogram.decades[Self.exponent(of: v) - 4] : .empty
    }

    /// Whether `v` lies in one of the decades (10^4 ..< 10^15).
    @inline(__always)
    static func holds(_ v: UInt64) -> Bool {
      v &- 10_000 < 1_000_000_000_000_000 - 10_000
    }

    /// ⌊log10 v⌋ for `v` of at least 1.
    @inline(__always)
    static func exponent(of v: UInt64) -> Int {
      // ⌊log10 v⌋ is ⌊bits × log10 2⌋ (1233/4096 is log10 2 to 4 digits) or one less.
      let bits = 64 - v.leadingZeroBitCount
      let guess = (bits &* 1233) &>> 12
      return v < UInt64.powerOfTen(guess) ? guess - 1 : guess
    }

    /// ⌊`v` ÷ 10^(e−3)⌋ (0 for ``empty``).
    @inline(__always) func quotient(_ v: UInt64) -> Int {
      Int(truncatingIfNeeded: v.multipliedFullWidth(by: reciprocal).high &>> shift)
    }

    /// Whether `quotient` (from ``quotient(_:)``) has four digits: whether its rate lies in the decade.
    @inline(__always) static func isInside(quotient: Int) -> Bool {
      UInt(bitPattern: quotient &- 1000) < 9000
    }

    /// Whether `v` lies in this decade (never in ``empty``).
    func contains(_ v: UInt64) -> Bool {
      Self.isInside(quotient: quotient(v))
    }

    /// The bucket of `v`, which must lie in this decade.
    @inline(__always) func bucket(_ v: UInt64) -> Int {
      base &+ quotient(v)
    }
  }

  /// The decades of exponents 4...14, in order.
  static let decades: [Decade] = (4...14).map(Decade.init(exponent:))

  /// For `d` = 10^k, k in 1...11: `M = ⌈2^ℓ ÷ d⌉` with `ℓ = max(64, 50 + ⌈log2 d⌉)`, and `ℓ − 64`. Then
  /// `⌊v × M ÷ 2^ℓ⌋ = ⌊v ÷ d⌋` for every `v < 2^50`: `v × M ÷ 2^ℓ = v ÷ d + v × δ ÷ (d × 2^ℓ)` with `0 ≤ δ < d`, and
  /// the second term is below `2^50 ÷ 2^ℓ ≤ 2^-⌈log2 d⌉ ≤ 1 ÷ d`, too little to reach the next integer.
  static let reciprocals: [(UInt64, UInt64)] = (1...11).map { k in
    let d = UInt128(UInt64.powerOfTen(k))
    let ceilingLog2 = 128 - (d - 1).leadingZeroBitCount
    let l = max(64, 50 + ceilingLog2)
    let m = ((UInt128(1) << l) + d - 1) / d
    return (UInt64(m), UInt64(l - 64))
  }

  /// The highest bucket ``bucket(_:)`` returns (four digits at 10^14).
  static let highestBucket = 1000 + 11 * 9000 + 8999

  /// The lower bound of `bucket`'s range.
  static func lowerBound(_ bucket: Int) -> Double {
    if bucket < 1000 { return Double(bucket) }
    let exponent = (bucket - 1000) / 9000 + 3
    let mantissa = (bucket - 1000) % 9000 + 1000
    return Double(mantissa) * CSVNumber.power(exponent - 3)
  }

  /// Adds one non-negative sample.
  public mutating func add(_ value: Double) {
    countGrowing(Self.bucket(value))
    counted += 1
  }

  /// Counts a sample in `bucket`, growing the counters to cover it.
  private mutating func countGrowing(_ bucket: Int) {
    if counts.isEmpty {
      cover(bucket, bucket)
    } else {
      cover(min(bucket, offset), max(bucket, offset + counts.count - 1))
    }
    counts[bucket - offset] &+= 1
  }

  /// Adds `count` rates from `values` (bit/s, from 0 to ``TrafficIngest/maximumRate``) in one pass that also keeps
  /// the direction's sums: `maximum` rises to the highest rate, and each rate in 1/8192 bit/s, truncated
  /// (``DirectionAccumulator/MonthSum/scaledRate(_:)``), joins `scaledSum`. The bucket comes from the same
  /// integer: shifted right by 13 bits it is the rate in whole bit/s.
  ///
  /// Buckets inside the span already covered are counted in place; the first one outside it grows the span (rare:
  /// the span settles after the first samples). The loop holds the last rate's decade (its reciprocal and shift)
  /// and that decade's first bucket already less the span's offset, and walks a pointer to the end: few enough
  /// values to stay in registers (with the decade's bounds and the span's offset apart, the sum and the bounds
  /// were kept in memory).
  @inline(__always)
  mutating func add(rates values: UnsafePointer<Double>, count: Int, maximum: inout Double, scaledSum: inout UInt128) {
    var done = 0
    var highest = maximum
    var sum = scaledSum
    let end = values + count
    while done < count {
      if counts.isEmpty {
        // The first rate's bucket starts the span (the loop counts it).
        let first = Self.bucket(
          whole: DirectionAccumulator.MonthSum.scaledRate(values[done])
            &>> UInt64(DirectionAccumulator.MonthSum.scaleShift))
        cover(first, first)
      }
      let offset = self.offset
      let span = UInt(bitPattern: counts.count)
      var cursor = values + done
      var outside = -1
      counts.withUnsafeMutableBufferPointer { buffer in
        // swift-format-ignore: NeverForceUnwrap
        // The span is not empty.
        let slots = buffer.baseAddress!
        // The decade of the last rate, which the next ones usually share (none at first), and its first bucket less
        // `offset`. Whether a rate lies in it is its quotient's test (``Decade/isInside(quotient:)``): no bounds to
        // hold, so the loop's values fit in registers.
        var decade = Decade.empty
        var first = 0
        while cursor < end {
          let value = cursor.pointee
          cursor += 1
          // A select, not a branch (rates are never NaN): one instruction.
          highest = value > highest ? value : highest
          let scaled = DirectionAccumulator.MonthSum.scaledRate(value)
          sum &+= UInt128(scaled)
          let v = scaled &>> UInt64(DirectionAccumulator.MonthSum.scaleShift)
          let slot: Int
          let quotient = decade.quotient(v)
          if Decade.isInside(quotient: quotient) {
            slot = first &+ quotient
          } else {
            decade = Decade(of: v)
            first = decade.base &- offset
            slot = (decade.reciprocal == 0 ? Self.bucket(whole: v) : decade.bucket(v)) &- offset
          }
          guard UInt(bitPattern: slot) < span else {
            outside = slot &+ offset
            break
          }
          slots[slot] &+= 1
        }
      }
      done = cursor - values
      if outside >= 0 { countGrowing(outside) }
    }
    counted += count
    maximum = highest
    scaledSum = sum
  }

  /// Grows the counters so buckets `lowest...highest` have one.
  private mutating func cover(_ lowest: Int, _ highest: Int) {
    if counts.isEmpty {
      offset = lowest
      counts = [UInt32](repeating: 0, count: highest - lowest + 1)
      return
    }
    if lowest < offset {
      counts.insert(contentsOf: repeatElement(0, count: offset - lowest), at: 0)
      offset = lowest
    }
    if highest >= offset + counts.count {
      counts.append(contentsOf: repeatElement(0, count: highest - offset - counts.count + 1))
    }
  }

  /// Adds every sample of `other` (exact: counts add bucket by bucket).
  mutating func append(_ other: RateHistogram) {
    guard !other.counts.isEmpty else { return }
    cover(other.offset, other.offset + other.counts.count - 1)
    let shift = other.offset - offset
    // Index loops over the buffers: a histogram spans up to 109,000 buckets, and an enumerated sequence costs a
    // generic call per bucket in a debug build (the tests').
    other.counts.withUnsafeBufferPointer { source in
      counts.withUnsafeMutableBufferPointer { target in
        for index in 0..<source.count where source[index] > 0 { target[shift + index] &+= source[index] }
      }
    }
    counted += other.counted
  }

  /// The least and the greatest sum of ``DirectionAccumulator/MonthSum/scaledRate(_:)`` these samples can have: each
  /// at its bucket's lower bound, or at the next bucket's (which no rate in the bucket reaches; `maximum` for the
  /// highest bucket). A summary whose rate sums lie outside does not describe these samples.
  func scaledRateSumBounds(maximum: Double) -> ClosedRange<UInt128> {
    let buckets = self.buckets
    let highest = buckets.map(\.bucket).max() ?? 0
    var lowest: UInt128 = 0
    var upmost: UInt128 = 0
    for (bucket, count) in buckets {
      let upper = bucket == highest ? maximum : Self.lowerBound(bucket + 1)
      lowest += UInt128(count) * UInt128(DirectionAccumulator.MonthSum.scaledRate(Self.lowerBound(bucket)))
      upmost += UInt128(count) * UInt128(DirectionAccumulator.MonthSum.scaledRate(upper))
    }
    return lowest...upmost
  }

  /// The non-empty buckets and their counts, lowest first (for saved summaries).
  var buckets: [(bucket: Int, count: Int)] {
    counts.withUnsafeBufferPointer { counts in
      var found: [(bucket: Int, count: Int)] = []
      for index in 0..<counts.count where counts[index] > 0 { found.append((offset + index, Int(counts[index]))) }
      return found
    }
  }

  /// A histogram holding `buckets` (bucket index and count), as ``buckets`` lists them.
  init?(buckets: [(bucket: Int, count: Int)]) {
    guard let lowest = buckets.map(\.bucket).min(), let highest = buckets.map(\.bucket).max() else { return }
    guard lowest >= 0, highest <= Self.highestBucket, highest - lowest < 1 << 20 else { return nil }
    cover(lowest, highest)
    for (bucket, count) in buckets {
      guard count > 0, count <= Int(UInt32.max) - Int(counts[bucket - offset]) else { return nil }
      counts[bucket - offset] += UInt32(count)
      counted += count
    }
  }

  /// Several nearest-rank percentiles in one pass over the buckets; `percentiles` ascending.
  public func percentiles(_ percentiles: [Double]) -> [Double?] {
    guard count > 0 else { return percentiles.map { _ in nil } }
    let ranks = percentiles.map { min(max(Int(($0 / 100 * Double(count)).rounded(.up)), 1), count) }
    var result = [Double?](repeating: nil, count: ranks.count)
    var next = 0
    var seen = 0
    for (index, value) in counts.enumerated() where value > 0 {
      seen += Int(value)
      while next < ranks.count && seen >= ranks[next] {
        result[next] = Self.lowerBound(offset + index)
        next += 1
      }
      if next == ranks.count { break }
    }
    return result
  }

  /// The nearest-rank percentile: the value at rank ⌈p/100 × n⌉ of the sorted samples.
  ///
  /// `percentile` is in (0, 100]; `nil` when empty.
  public func percentile(_ percentile: Double) -> Double? {
    guard count > 0 else { return nil }
    var rank = Int((percentile / 100 * Double(count)).rounded(.up))
    rank = min(max(rank, 1), count)
    var seen = 0
    for (index, value) in counts.enumerated() where value > 0 {
      seen += Int(value)
      if seen >= rank { return Self.lowerBound(offset + index) }
    }
    return nil
  }
}
