import ExpressRouteCore
import Foundation

extension SizingSolver {
  /// The traffic a workload needs carried, month by month over the horizon.
  ///
  /// Month `m` (0-based) scales the base figures by the growth factor: `(1 + growth)^((k + m)/12)`
  /// for a stated yearly rate, or the fitted model's factor (``GrowthFit``), where `k` (``anchorOffset``)
  /// is the number of months from the month the base figures describe (the last measured month of a
  /// series) to the plan's first month: growth runs on the calendar, so a plan starting `k` months later
  /// is the same projection shifted by `k`. The
  /// bandwidth a circuit needs in month `m` is the sizing rate of the larger
  /// direction, grown, divided by the target utilisation, and never less than the average rate that month's
  /// outbound volume implies over ``hoursPerMonth`` divided by the same utilisation: a circuit must carry the
  /// month's volume one way (the quote's `egress-within-capacity` rule), and a peak below the average is no
  /// peak, so the volume's average is held to the same utilisation as the peak. Every figure is defined
  /// beyond the horizon too, so a decision can be judged against the months after it.
  public struct Demand: Hashable, Sendable {
    /// How the base figures grow.
    public enum Growth: Hashable, Sendable {
      /// A stated yearly rate, compounded monthly.
      case stated(yearly: Decimal)
      /// A model fitted to measured monthly volumes.
      case fitted(SizingSolver.Demand.GrowthFit)
    }

    /// The rate sized on (the chosen percentile of the larger direction).
    public let sizingRate: Bandwidth
    /// Which direction that was (`outbound` or `inbound`).
    public let sizingDirection: String
    /// Outbound data in month 0.
    public let monthlyEgress: DataVolume
    /// Whether the outbound volume was given or measured; when not, plans compare options at 0 GB
    /// and quotes list the metered data charge as not priced.
    public var egressIsKnown = true
    /// Yearly growth applied (the headline figure of ``growth``).
    public let yearlyGrowth: Decimal
    /// How the figures grow.
    public let growth: Growth
    /// Target utilisation.
    public let targetUtilization: Decimal
    /// Months planned.
    public let horizonMonths: Int
    /// Where each figure came from, for the report.
    public let basis: [String]
    /// Months from the month the base figures describe (the growth anchor) to plan month 0; 0 when the figures
    /// describe the plan's first month (a profile without a series).
    public let anchorOffset: Int
    /// The hours of a billing month the outbound volume is spread over for its average rate (the engine's
    /// hours per month); `nil` leaves the volume out of the needed bandwidth.
    public let hoursPerMonth: Decimal?

    /// Growth factors, needed bandwidths and outbound data of each month of the horizon, computed once:
    /// the solver asks for them for every option.
    private let factors: [Decimal]
    private let requirements: [Decimal]
    private let volumes: [DataVolume]

    /// Creates the demand and works out each month of the horizon.
    public init(
      sizingRate: Bandwidth, sizingDirection: String, monthlyEgress: DataVolume, yearlyGrowth: Decimal,
      targetUtilization: Decimal,
      horizonMonths: Int, basis: [String]
    ) {
      self.init(
        sizingRate: sizingRate, sizingDirection: sizingDirection, monthlyEgress: monthlyEgress,
        growth: .stated(yearly: yearlyGrowth),
        targetUtilization: targetUtilization, horizonMonths: horizonMonths, basis: basis)
    }

    /// Creates the demand with a growth model and works out each month of the horizon.
    public init(
      sizingRate: Bandwidth, sizingDirection: String, monthlyEgress: DataVolume, growth: Growth,
      targetUtilization: Decimal,
      horizonMonths: Int, basis: [String], anchorOffset: Int = 0, hoursPerMonth: Decimal? = nil
    ) {
      self.init(
        sizingRate: sizingRate, sizingDirection: sizingDirection, monthlyEgress: monthlyEgress, growth: growth,
        targetUtilization: targetUtilization, horizonMonths: horizonMonths, basis: basis, anchorOffset: anchorOffset,
        hoursPerMonth: hoursPerMonth, growthFactors: nil)
    }

    /// Creates the demand, taking growth factors already worked out from `growthFactors` (a budget's, shared by
    /// its sites) when given.
    init(
      sizingRate: Bandwidth, sizingDirection: String, monthlyEgress: DataVolume, growth: Growth,
      targetUtilization: Decimal,
      horizonMonths: Int, basis: [String], anchorOffset: Int, hoursPerMonth: Decimal?, growthFactors: GrowthFactorCache?
    ) {
      self.anchorOffset = max(anchorOffset, 0)
      self.hoursPerMonth = hoursPerMonth
      self.sizingRate = sizingRate
      self.sizingDirection = sizingDirection
      self.monthlyEgress = monthlyEgress
      self.growth = growth
      switch growth {
      case .stated(let yearly): self.yearlyGrowth = yearly
      case .fitted(let fit): self.yearlyGrowth = fit.yearly
      }
      self.targetUtilization = targetUtilization
      self.horizonMonths = horizonMonths
      self.basis = basis
      // The horizon and the default look-ahead beyond it: planners ask for every one of these months
      // for every option, so each is worked out once here.
      factors = (0..<(max(horizonMonths, 0) + Self.monthsBeyondHorizon)).map { [offset = self.anchorOffset] in
        Self.growthFactor(growth, month: offset + $0, cache: growthFactors)
      }
      volumes = factors.map { Self.grown(monthlyEgress, factor: $0) }
      requirements = zip(factors, volumes).map { factor, volume in
        Self.required(
          sizingRate, factor: factor, volume: volume, hoursPerMonth: hoursPerMonth, utilization: targetUtilization)
      }
    }

    /// Months past the horizon worked out in advance (the default look-ahead; months further out are worked out
    /// when asked for).
    static let monthsBeyondHorizon = 24

    /// The growth factor of plan month `month` (``anchorOffset`` + `month` months after the anchor), to six decimals.
    public func growthFactor(month: Int) -> Decimal {
      factors.indices.contains(month) ? factors[month] : Self.growthFactor(growth, month: anchorOffset + month)
    }

    static func growthFactor(_ growth: Growth, month: Int, cache: GrowthFactorCache? = nil) -> Decimal {
      switch growth {
      case .stated(let yearly): return growthFactor(yearlyGrowth: yearly, month: month, cache: cache)
      case .fitted(let fit): return fit.factor(month: month)
      }
    }

    /// `(1 + yearlyGrowth)^(month/12)`, to six decimals: growth compounded monthly.
    public static func growthFactor(yearlyGrowth: Decimal, month: Int) -> Decimal {
      computeGrowthFactor(yearlyGrowth: yearlyGrowth, month: month)
    }

    /// ``growthFactor(yearlyGrowth:month:)``, taken from `cache` when it holds it. Portfolios share a few growth rates
    /// across many sites, so a budget works out each (rate, month) once.
    static func growthFactor(yearlyGrowth: Decimal, month: Int, cache: GrowthFactorCache?) -> Decimal {
      guard let cache else { return computeGrowthFactor(yearlyGrowth: yearlyGrowth, month: month) }
      return cache.factor(yearlyGrowth: yearlyGrowth, month: month) {
        computeGrowthFactor(yearlyGrowth: yearlyGrowth, month: month)
      }
    }

    static func computeGrowthFactor(yearlyGrowth: Decimal, month: Int) -> Decimal {
      let base = max(0, NSDecimalNumber(decimal: 1 + yearlyGrowth).doubleValue)
      let factor = pow(base, Double(month) / 12)
      return Decimal(string: String(format: "%.6f", factor)) ?? 1
    }

    /// Outbound data in `month`, to the megabyte.
    public func egress(month: Int) -> DataVolume {
      volumes.indices.contains(month) ? volumes[month] : Self.grown(monthlyEgress, factor: growthFactor(month: month))
    }

    /// The bandwidth needed in `month`, in bits per second (rounded up).
    public func requiredBitsPerSecond(month: Int) -> Decimal {
      requirements.indices.contains(month)
        ? requirements[month]
        : Self.required(
          sizingRate, factor: growthFactor(month: month), volume: egress(month: month), hoursPerMonth: hoursPerMonth,
          utilization: targetUtilization)
    }

    /// The average rate, in bits per second, of the outbound volume of `month` over ``hoursPerMonth``
    /// (`nil` without hours).
    public func averageEgressBitsPerSecond(month: Int) -> Decimal? {
      hoursPerMonth.map { Self.average(egress(month: month), hours: $0) }
    }

    /// Whether the outbound volume's average, not the sizing rate, sets the bandwidth needed in `month`.
    public func volumeSetsRequirement(month: Int) -> Bool {
      guard let average = averageEgressBitsPerSecond(month: month) else { return false }
      return average > Decimal(sizingRate.bitsPerSecond) * growthFactor(month: month)
    }

    private static func average(_ volume: DataVolume, hours: Decimal) -> Decimal {
      volume.bytes * 8 / (hours * 3600)
    }

    private static func grown(_ volume: DataVolume, factor: Decimal) -> DataVolume {
      DataVolume(bytes: FastDecimal.product(volume.bytes, factor).rounded(toPlaces: -6, rule: .toNearestOrEven))
    }

    private static func required(
      _ rate: Bandwidth, factor: Decimal, volume: DataVolume, hoursPerMonth: Decimal?, utilization: Decimal
    )
      -> Decimal
    {
      let peak = FastDecimal.product(Decimal(rate.bitsPerSecond), factor).divided(
        by: utilization, roundedToPlaces: 0, rule: .up)
      guard let hours = hoursPerMonth else { return peak }
      // Bits a month over the month's seconds at the target utilisation, in one division, rounded up.
      let seconds = FastDecimal.product(FastDecimal.product(hours, 3600), utilization)
      let average = FastDecimal.product(volume.bytes, 8).divided(by: seconds, roundedToPlaces: 0, rule: .up)
      return FastDecimal.isLessOrEqual(peak, average) ? average : peak  // max(peak, average)
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
}

// Short names inside the package.
package typealias Demand = SizingSolver.Demand
