import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension SizingResult {
  /// What the recommended MeteredData billing rests on when no outbound volume was given or measured.
  ///
  /// The solver compares options at 0 GB, where MeteredData always wins; this says up to which monthly volume that
  /// stays true in month 1 (a plan that grows changes the circuit later, so over the horizon the volume differs): the break-even against the cheapest UnlimitedData option that carries the traffic,
  /// `(its monthly fee − the metered circuit's monthly fee) ÷ the price billed per outbound GB`, from the prices
  /// billed (list less any negotiated discount), rounded once to whole bytes as every break-even.
  public struct BillingCondition: Hashable, Sendable {
    /// The recommended circuit (`Standard MeteredData 500 Mbps`).
    public var recommended: String
    /// The cheapest UnlimitedData option that carries month 1's traffic (`Local UnlimitedData 1 Gbps`).
    public var alternative: String
    /// The alternative's charges in month 1.
    public var alternativeMonthly: Money
    /// Where the choice turns, as a break-even has it: ``CircuitComparison/BreakEven/Outcome/crossover(volume:capacityShare:)``
    /// (MeteredData costs less only below the volume), ``CircuitComparison/BreakEven/Outcome/beyondCapacity(volume:capacityShare:)``
    /// (it costs less at any volume the circuit can carry: the choice does not depend on the volume) or
    /// ``CircuitComparison/BreakEven/Outcome/unpriced(_:)`` (the outbound data rate has no price).
    public var outcome: CircuitComparison.BreakEven.Outcome

    /// Whether the billing model holds at any volume the circuit can carry.
    public var isDecided: Bool {
      switch outcome {
      case .beyondCapacity, .unlimitedAlwaysCheaper, .meteredAlwaysCheaper: return true
      case .crossover, .unpriced, .notSold: return false
      }
    }

    /// One sentence for the recommendation.
    public var summary: String {
      let alternativeCost =
        "\(alternative) (\(alternativeMonthly.groupedAmount) \(alternativeMonthly.currency) a month)"
      switch outcome {
      case .crossover(let volume, let share):
        return
          "No outbound volume was given or measured, so the billing model was chosen at 0 GB: in month 1, \(recommended) costs less than \(alternativeCost), the cheapest UnlimitedData option that carries the whole horizon unchanged, only below \(volume) of outbound data a month (\((share * 100).fixedPoint(places: 0))% of its one-way capacity); above that, \(alternative) costs less."
      case .beyondCapacity(let volume, let share):
        return
          "No outbound volume was given or measured, yet in month 1 the billing model holds at any volume: \(recommended) costs less than \(alternativeCost), the cheapest UnlimitedData option that carries the whole horizon unchanged, up to its full capacity (the break-even would be \(volume) a month, \((share * 100).fixedPoint(places: 0))% of its one-way capacity)."
      case .unpriced(let reason), .notSold(let reason):
        return
          "No outbound volume was given or measured, so the billing model was chosen at 0 GB: whether \(alternativeCost), the cheapest UnlimitedData option that carries the whole horizon unchanged, would cost less is unknown (\(reason))."
      case .unlimitedAlwaysCheaper, .meteredAlwaysCheaper:
        return "The billing model does not depend on the outbound volume: \(recommended) against \(alternativeCost)."
      }
    }
  }
}
