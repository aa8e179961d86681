import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension SizingSolver {
  /// The months from `month` on that no provider circuit can serve: what the workload needs then and what would serve it.
  func unservedMonths(from month: Int, demand: Demand) -> UnservedMonths {
    let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
    let remedy =
      need > .gbps(100)
      ? "more than any one circuit carries (provider circuits stop at 10 Gbps, ExpressRoute Direct circuits at 100 Gbps on a 100 Gbps port pair): several circuits sharing the load would serve it"
      : need > .gbps(10)
        ? "more than the largest provider circuit (10 Gbps); ExpressRoute Direct (a circuit on a 100 Gbps port pair: circuits on a 10 Gbps pair stop at 10 Gbps) or a second circuit sharing the load would serve it"
        : "and no priced provider circuit carries that (see the unpriced options); an override file with the missing rate would settle it"
    return UnservedMonths(month: month, need: need, remedy: remedy)
  }

  /// A note when the look-ahead after the horizon reaches a month no provider circuit of `tier` can serve: the
  /// plan's last decisions were judged on a window cut there, and the ceiling is coming.
  func lookAheadCeiling(planner: CircuitPlanner, tier: CircuitTier, horizon: Int, lookAhead: Int) -> String? {
    guard lookAhead > 1, let blocked = planner.firstUnservedMonth(tier: tier, months: horizon + lookAhead - 1),
      blocked >= horizon
    else {
      return nil
    }
    let unserved = unservedMonths(from: blocked, demand: planner.demand)
    return
      "the look-ahead is cut at month \(blocked + 1), \(blocked + 1 - horizon) month\(blocked + 1 - horizon == 1 ? "" : "s") after the horizon: \(unserved.reason); plan for it before then"
  }
}
