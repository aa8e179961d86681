import ExpressRouteCore
import Foundation

extension Demand {
  /// Growth fitted to measured monthly volumes: compound (log-linear) and linear, the better one chosen.
  ///
  /// Each month's volume is scaled to a full billing month first, and only months
  /// at least half covered by samples count. Both models are fitted by least
  /// squares (the compound one on the logarithms) and compared by R² on the volumes
  /// themselves; the better fit wins, unless a linear decline would reach zero
  /// within four years, when the compound fit (which never reaches zero) is used.
  /// The yearly rate of a compound fit is `e^(12b) − 1`, so it can never fall below
  /// −100%; a linear fit's is twelve monthly increments over the base month's volume.
  /// A fit is used only when ``isProjected`` (its 95% interval excludes 0).
  public struct GrowthFit: Hashable, Sendable {
    /// How volumes grow.
    public enum Model: String, Hashable, Sendable {
      /// By the same factor every month.
      case compound
      /// By the same amount every month.
      case linear
    }

    /// The chosen model.
    public var model: Model
    /// The yearly growth the chosen model implies, as a fraction (2.138 = +213.8% a year).
    public var yearly: Decimal
    /// Compound: growth per month as a fraction; linear: the monthly increment over the base month's volume.
    public var monthly: Decimal
    /// The chosen model's 95% interval for ``yearly``.
    public var yearlyLow: Decimal
    /// The chosen model's 95% interval for ``yearly``.
    public var yearlyHigh: Decimal
    /// R² of the compound fit, on the volumes.
    public var compoundRSquared: Decimal
    /// R² of the linear fit.
    public var linearRSquared: Decimal
    /// The monthly increment of the linear fit.
    public var linearIncrement: DataVolume
    /// The months fitted, oldest first.
    public var months: [MonthKey]
    /// The chosen model's volume in the last month fitted (the projection's anchor): a level that one
    /// busy or quiet month moves only by its share of the fit, never the month's own volume.
    public var level: DataVolume = .zero
    /// Why the model was chosen.
    public var reason: String

    /// Whether the trend is projected: its 95% interval for ``yearly`` excludes 0, so it is statistically
    /// distinguishable from flat (or the months are exactly flat, when it says 0% anyway). A fit whose interval
    /// spans 0, such as a flat series with one busy month, is not projected: the plan takes 0% a year from the
    /// median measured month instead (``SizingSolver``).
    public var isProjected: Bool {
      yearlyLow > 0 || yearlyHigh < 0 || (yearly == 0 && yearlyLow == 0 && yearlyHigh == 0)
    }

    /// The growth factor `month` months after the base month (0 is the base month itself); never below zero.
    public func factor(month: Int) -> Decimal {
      switch model {
      case .compound:
        return GrowthFit.rounded(pow(1 + NSDecimalNumber(decimal: monthly).doubleValue, Double(month)))
      case .linear:
        return max(0, 1 + monthly * Decimal(month))
      }
    }

    /// `+213.8% a year (compound, R² 1.00; 95% interval +213.8% to +213.8%)`.
    public var summary: String {
      "\(Self.percent(yearly)) a year (\(model.rawValue), R² \(Self.fixed(model == .compound ? compoundRSquared : linearRSquared)); 95% interval \(Self.percent(yearlyLow)) to \(Self.percent(yearlyHigh)))"
    }

    static func percent(_ fraction: Decimal) -> String {
      let text = (fraction * 100).fixedPoint(places: 1)
      return fraction >= 0 ? "+" + text + "%" : text + "%"
    }

    static func fixed(_ value: Decimal) -> String { value.fixedPoint(places: 2) }

    /// `value` to six decimals (or `places`), through text so the Decimal is exact.
    static func rounded(_ value: Double, places: Int = 6) -> Decimal {
      guard value.isFinite else { return 0 }
      return Decimal(string: String(format: "%.\(places)f", value)) ?? 0
    }

    /// Fits `points` (month, volume) measured over consecutive or gapped months; `base` is the
    /// volume the projection starts from in the last month (a linear increment is taken relative to it),
    /// the fitted ``level`` when absent. `nil` below three points.
    public static func fit(_ points: [(month: MonthKey, volume: DataVolume)], base: DataVolume? = nil) -> SizingSolver
      .Demand.GrowthFit?
    {
      guard points.count >= 3, let first = points.first?.month else { return nil }
      let xs = points.map { Double(($0.month.year - first.year) * 12 + $0.month.month - first.month) }
      let ys = points.map { NSDecimalNumber(decimal: $0.volume.gigabytes).doubleValue }
      let n = Double(points.count)
      let meanX = xs.reduce(0, +) / n
      let sxx = xs.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +)
      guard sxx > 0 else { return nil }
      let meanY = ys.reduce(0, +) / n
      let sst = ys.map { ($0 - meanY) * ($0 - meanY) }.reduce(0, +)
      func rSquared(_ predicted: [Double]) -> Double {
        let sse = zip(ys, predicted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        return sst > 0 ? max(0, 1 - sse / sst) : 1
      }
      let t = studentT95(degreesOfFreedom: points.count - 2)
      // Linear: y = a + b·x.
      let b = zip(xs, ys).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +) / sxx
      let a = meanY - b * meanX
      let linearPredicted = xs.map { a + b * $0 }
      let linearR2 = rSquared(linearPredicted)
      let linearSSE = zip(ys, linearPredicted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
      let linearSE = points.count > 2 ? (linearSSE / (n - 2) / sxx).squareRoot() : 0
      let lastX = xs.last ?? 0
      // Compound: ln y = c + d·x, when every volume is positive.
      var compound: (c: Double, d: Double, r2: Double, se: Double)?
      if ys.allSatisfy({ $0 > 0 }) {
        let logs = ys.map { Foundation.log($0) }
        let meanL = logs.reduce(0, +) / n
        let d = zip(xs, logs).map { ($0 - meanX) * ($1 - meanL) }.reduce(0, +) / sxx
        let c = meanL - d * meanX
        let predicted = xs.map { Foundation.exp(c + d * $0) }
        let logSSE = zip(logs, xs).map { ($0 - (c + d * $1)) * ($0 - (c + d * $1)) }.reduce(0, +)
        compound = (c, d, rSquared(predicted), points.count > 2 ? (logSSE / (n - 2) / sxx).squareRoot() : 0)
      }
      // Months until a linear decline reaches zero, from the last month's fitted level.
      let linearLevel = max(0, a + b * lastX)
      let reachesZeroSoon = b < 0 && linearLevel / -b < 48
      var model: Model
      var reason: String
      if let compound, compound.r2 >= linearR2 {
        model = .compound
        reason =
          "compound fits better (R² \(fixed(rounded(compound.r2))) against \(fixed(rounded(linearR2))) for linear)"
      } else if compound != nil && reachesZeroSoon {
        model = .compound
        reason =
          "linear fits better, but its decline would reach zero within four years; a compound decline is used instead"
      } else {
        model = .linear
        reason =
          compound == nil
          ? "linear (a month without traffic rules out a compound fit)"
          : "linear fits better (R² \(fixed(rounded(linearR2))) against \(fixed(rounded(compound?.r2 ?? 0))) for compound)"
      }
      let yearly: Double
      let low: Double
      let high: Double
      let monthly: Double
      let levelGB = model == .compound ? Foundation.exp((compound?.c ?? 0) + (compound?.d ?? 0) * lastX) : linearLevel
      let level = DataVolume.gigabytes(rounded(levelGB, places: 3))
      let baseGB = max(NSDecimalNumber(decimal: (base ?? level).gigabytes).doubleValue, 1e-9)
      switch model {
      case .compound:
        let d = compound?.d ?? 0
        let se = compound?.se ?? 0
        monthly = Foundation.exp(d) - 1
        yearly = Foundation.exp(12 * d) - 1
        low = Foundation.exp(12 * (d - t * se)) - 1
        high = Foundation.exp(12 * (d + t * se)) - 1
      case .linear:
        monthly = b / baseGB
        yearly = 12 * b / baseGB
        low = max(-1, 12 * (b - t * linearSE) / baseGB)
        high = 12 * (b + t * linearSE) / baseGB
      }
      return GrowthFit(
        model: model, yearly: rounded(yearly), monthly: rounded(monthly, places: 12), yearlyLow: rounded(low),
        yearlyHigh: rounded(high),
        compoundRSquared: rounded(compound?.r2 ?? 0), linearRSquared: rounded(linearR2),
        linearIncrement: DataVolume.gigabytes(rounded(b)), months: points.map(\.month), level: level, reason: reason)
    }

    /// The two-sided 95% Student t quantile for `degreesOfFreedom` (1.96 beyond 30).
    static func studentT95(degreesOfFreedom: Int) -> Double {
      let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
        2.110, 2.101, 2.093,
        2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
      ]
      guard degreesOfFreedom >= 1 else { return 0 }
      return degreesOfFreedom <= table.count ? table[degreesOfFreedom - 1] : 1.96
    }
  }
}

// Short names inside the package.
package typealias GrowthFit = Demand.GrowthFit
