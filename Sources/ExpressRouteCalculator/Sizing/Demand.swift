import Foundation

/// The traffic a workload needs carried, month by month over the horizon.
///
/// Month `m` (0-based) scales the base figures by `(1 + growth)^(m/12)`.
/// The bandwidth a circuit needs in month `m` is the sizing rate of the
/// larger direction, grown, divided by the target utilisation.
public struct Demand: Hashable, Sendable {
  /// The rate sized on (the chosen percentile of the larger direction).
  public var sizingRate: Bandwidth
  /// Which direction that was (`outbound` or `inbound`).
  public var sizingDirection: String
  /// Outbound data in month 0.
  public var monthlyEgress: DataVolume
  /// Yearly growth applied.
  public var yearlyGrowth: Decimal
  /// Target utilisation.
  public var targetUtilization: Decimal
  /// Months planned.
  public var horizonMonths: Int
  /// Where each figure came from, for the report.
  public var basis: [String]

  /// The growth factor of month `month`, to six decimals.
  public func growthFactor(month: Int) -> Decimal { Self.growthFactor(yearlyGrowth: yearlyGrowth, month: month) }

  /// `(1 + yearlyGrowth)^(month/12)`, to six decimals: growth compounded monthly.
  public static func growthFactor(yearlyGrowth: Decimal, month: Int) -> Decimal {
    let base = NSDecimalNumber(decimal: 1 + yearlyGrowth).doubleValue
    let factor = pow(base, Double(month) / 12)
    return Decimal(string: String(format: "%.6f", factor)) ?? 1
  }

  /// Outbound data in `month`, to the megabyte.
  public func egress(month: Int) -> DataVolume {
    DataVolume(bytes: (monthlyEgress.bytes * growthFactor(month: month)).rounded(toPlaces: -6, rule: .toNearestOrEven))
  }

  /// The bandwidth needed in `month`, in bits per second (rounded up).
  public func requiredBitsPerSecond(month: Int) -> Decimal {
    (Decimal(sizingRate.bitsPerSecond) * growthFactor(month: month) / targetUtilization).rounded(toPlaces: 0, rule: .up)
  }

  /// The largest bandwidth needed over the horizon (the last month, unless traffic shrinks).
  public var peakRequirement: Decimal {
    (0..<horizonMonths).map(requiredBitsPerSecond(month:)).max() ?? 0
  }

  /// The first month (0-based) in which `bandwidth` is too small, if any.
  public func firstMonthExceeding(_ bandwidth: Bandwidth) -> Int? {
    (0..<horizonMonths).first { requiredBitsPerSecond(month: $0) > Decimal(bandwidth.bitsPerSecond) }
  }
}
