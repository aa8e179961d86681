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

  /// A note when a provider option held unchanged costs less over the horizon than the plan's circuits: each move is
  /// judged over the look-ahead after it, and over that window the option costs more (falling traffic makes a short
  /// horizon favour a flat fee). `nil` when no option undercuts the plan, or when it is cheaper over the window too.
  func shortHorizonNote(candidates: [SizingCandidate], chosen: [CircuitPlanner.Month], planner: CircuitPlanner)
    -> String?
  {
    let horizon = chosen.count
    let lookAhead = planner.lookAhead
    guard lookAhead > horizon, let last = chosen.last else { return nil }
    let planHorizon = chosen.reduce(Decimal(0)) { $0 + $1.cost }
    let cheaper = candidates.compactMap { candidate -> (String, CircuitPlanner.State, Decimal)? in
      guard case .provider(let tier, let billing, let bandwidth) = candidate.kind,
        case .feasible(let cost, _) = candidate.verdict, cost.amount < planHorizon
      else { return nil }
      return (candidate.label, CircuitPlanner.State(tier: tier, billing: billing, bandwidth: bandwidth), cost.amount)
    }.min { $0.2 < $1.2 }
    guard let (label, state, optionHorizon) = cheaper else { return nil }
    // Over months 1 to the look-ahead: the plan's months, then its last circuit held; the option held throughout.
    var planWindow = planHorizon
    var optionWindow = optionHorizon
    for month in horizon..<lookAhead {
      guard let plan = planner.cost(last.state, month: month), let option = planner.cost(state, month: month) else {
        return nil
      }
      planWindow += plan
      optionWindow += option
    }
    guard optionWindow > planWindow else { return nil }
    func amount(_ value: Decimal) -> String { "\(value.grouped(places: 2)) \(currency)" }
    return
      "\(label) costs \(amount(planHorizon - optionHorizon)) less than the plan's circuits over these \(horizon) months, but each move is judged over the \(lookAhead) months after it, and over months 1 to \(lookAhead) it costs \(amount(optionWindow - planWindow)) more (\(amount(optionWindow)) against \(amount(planWindow)))\(planner.demand.yearlyGrowth < 0 ? ": with traffic falling, a short horizon favours its flat fee" : ""); a horizonMonths of \(lookAhead) shows the whole window"
  }
}
