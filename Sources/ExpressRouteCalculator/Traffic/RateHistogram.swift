/// A histogram of bit rates with four significant decimal digits per bucket.
///
/// Memory is bounded (at most about 100,000 counters, allocated as needed)
/// however many samples are added, so percentiles of a year of one-minute
/// samples cost the same as of a day. Values with at most four significant
/// digits (`150000000`, `1234`) are exact; others are reported as their
/// bucket's lower bound, at most 0.1% below the true value. Below 1,000 bit/s
/// buckets are whole bits.
public struct RateHistogram: Sendable {
  private var counts: [UInt32] = []
  /// Samples added.
  public private(set) var count: Int = 0

  /// An empty histogram.
  public init() {}

  static let powers: [Double] = (0...20).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  @inline(__always) static func bucket(_ value: Double) -> Int {
    if value < 1000 { return Int(value) }
    var exponent = 3
    while exponent < 19 && value >= powers[exponent + 1] { exponent += 1 }
    let mantissa = Int(value / powers[exponent - 3])  // 1000...9999
    return 1000 + (exponent - 3) * 9000 + (min(mantissa, 9999) - 1000)
  }

  static func lowerBound(_ bucket: Int) -> Double {
    if bucket < 1000 { return Double(bucket) }
    let exponent = (bucket - 1000) / 9000 + 3
    let mantissa = (bucket - 1000) % 9000 + 1000
    return Double(mantissa) * powers[exponent - 3]
  }

  /// Adds one non-negative sample.
  @inline(__always) public mutating func add(_ value: Double) {
    let index = Self.bucket(value)
    if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index - counts.count + 1024)) }
    counts[index] &+= 1
    count += 1
  }

  /// Adds every sample of `other`.
  public mutating func merge(_ other: RateHistogram) {
    if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
    for (index, value) in other.counts.enumerated() where value > 0 { counts[index] &+= value }
    count += other.count
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
      if seen >= rank { return Self.lowerBound(index) }
    }
    return nil
  }
}
