import Foundation

/// Plans one circuit month by month, judging every move against the months after it.
///
/// States are (tier, billing, bandwidth) of a provider circuit. A state may only
/// move to an equal or larger bandwidth, and from MeteredData to UnlimitedData
/// (both are one-way in place). The state for month `m` is the first step of the
/// cheapest path over months `m ..< m + lookAhead` that starts from month `m − 1`'s
/// state: a rolling look-ahead, so a decision depends only on the demand of the
/// months it looks at, never on where the horizon happens to end. Every month is
/// priced by ``PricingEngine/monthlyCharges(of:zone:)``, the pricer that quotes use.
struct CircuitPlanner {
  /// One circuit configuration.
  struct State: Hashable {
    var tier: CircuitTier
    var billing: BillingFamily
    var bandwidth: Bandwidth
  }

  /// A planned month: the state and its monthly circuit cost.
  struct Month {
    var state: State
    var cost: Decimal
    /// Why the state changed from the month before (empty when it did not).
    var reason: String
  }

  let engine: PricingEngine
  let location: PeeringLocation
  let demand: Demand
  /// The share of the demand's outbound volume this circuit carries (1, 0.5, or 0 for a standby).
  let egressShare: Decimal
  let lookAhead: Int
  /// VNet links on the circuit (checked against the tier's limit).
  let virtualNetworkLinks: Int

  /// The outbound volume this circuit carries in `month`.
  func egress(month: Int) -> DataVolume { demand.egress(month: month) * egressShare }

  /// The states of `tier` the product rules allow, with the rule problem for the others.
  func states(tier: CircuitTier) -> [State] {
    let billings: [BillingFamily] = tier == .local ? [.unlimited] : [.metered, .unlimited]
    return billings.flatMap { billing in
      Bandwidth.providerSizes.map { State(tier: tier, billing: billing, bandwidth: $0) }
    }.filter { ruleProblem($0) == nil }
  }

  /// The product rule a state breaks at this location, checked by the engine's validator (one place for the rules).
  func ruleProblem(_ state: State) -> String? {
    let circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: state.tier, billing: state.billing, bandwidth: state.bandwidth,
      virtualNetworkLinks: max(virtualNetworkLinks, 0))
    do {
      _ = try engine.validate(Deployment(name: "option", circuits: [circuit]), checkingCapacity: false)
      return nil
    } catch {
      return (error.rule.map { "[\($0)] " } ?? "") + error.message.replacingOccurrences(of: "circuit 'circuit' ", with: "this circuit ")
    }
  }

  /// The circuit's monthly cost in `month`, or `nil` when a charge is unpriced.
  func cost(_ state: State, month: Int) -> Decimal? {
    let circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: state.tier, billing: state.billing, bandwidth: state.bandwidth,
      monthlyEgress: egress(month: month))
    let charges = engine.monthlyCharges(of: circuit, zone: location.zone)
    return charges.unpriced.isEmpty ? charges.total.amount : nil
  }

  func carries(_ state: State, month: Int) -> Bool {
    Decimal(state.bandwidth.bitsPerSecond) >= demand.requiredBitsPerSecond(month: month)
  }

  static func canMove(_ from: State, _ to: State) -> Bool {
    to.bandwidth >= from.bandwidth && (from.billing == to.billing || (from.billing == .metered && to.billing == .unlimited))
  }

  /// The plan for `horizon` months in `tier`, or `nil` when some month has no priced state that carries the traffic.
  ///
  /// With `start`, the circuit in service today, month 0 may only be reached from it in place.
  func plan(tier: CircuitTier, horizon: Int, start: State? = nil) -> [Month]? {
    let states = states(tier: tier)
    guard !states.isEmpty else { return nil }
    if let start, !states.contains(start) { return nil }
    let table = costTable(states, months: horizon + lookAhead)
    var months: [Month] = []
    var previous: Int? = start.flatMap { states.firstIndex(of: $0) }
    for month in 0..<horizon {
      guard let (path, total) = cheapestPath(table, states: states, from: previous, months: month..<(month + lookAhead)) else { return nil }
      let chosen = path[0]
      var reason = ""
      if let previous, chosen != previous {
        reason = explain(from: states[previous], to: states[chosen], month: month, table: table, states: states, total: total)
      }
      months.append(Month(state: states[chosen], cost: table[month][chosen] ?? 0, reason: reason))
      previous = chosen
    }
    return months
  }

  /// Each state's cost in months `0 ..< months`; `nil` where it does not carry the month or is unpriced.
  func costTable(_ states: [State], months: Int) -> [[Decimal?]] {
    var table = [[Decimal?]](repeating: [Decimal?](repeating: nil, count: states.count), count: months)
    for month in 0..<months {
      for (index, state) in states.enumerated() where carries(state, month: month) {
        table[month][index] = cost(state, month: month)
      }
    }
    return table
  }

  /// The cost of the cheapest path over the first look-ahead window in `tier`: how tiers are compared,
  /// so the choice of tier does not depend on the horizon either.
  func firstWindowCost(tier: CircuitTier, start: State? = nil) -> Decimal? {
    let states = states(tier: tier)
    guard !states.isEmpty else { return nil }
    let from = start.flatMap { states.firstIndex(of: $0) }
    if start != nil && from == nil { return nil }
    return cheapestPath(costTable(states, months: lookAhead), states: states, from: from, months: 0..<lookAhead)?.total
  }

  /// Why moving from `current` to `next` needs a new circuit, or `nil` when it can be done in place.
  static func newCircuitReason(from current: State, to next: State) -> String? {
    var reasons: [String] = []
    if next.bandwidth < current.bandwidth { reasons.append("bandwidth cannot shrink in place (\(current.bandwidth) to \(next.bandwidth))") }
    if current.billing == .unlimited && next.billing == .metered { reasons.append("UnlimitedData cannot go back to MeteredData") }
    if (current.tier == .local) != (next.tier == .local) { reasons.append("changing to or from Local means a new circuit") }
    return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
  }

  /// The cheapest path over `window` starting from a state reachable from `start`; the window is cut
  /// before the first month no state can serve (beyond that, nothing can be planned anyway).
  func cheapestPath(
    _ table: [[Decimal?]], states: [State], from start: Int?, months window: Range<Int>, allowed: (State) -> Bool = { _ in true }
  ) -> (path: [Int], total: Decimal)? {
    var end = window.upperBound
    if let blocked = window.first(where: { month in !table[month].contains { $0 != nil } }) { end = blocked }
    guard end > window.lowerBound else { return nil }
    let months = window.lowerBound..<end
    var best = [Decimal?](repeating: nil, count: states.count)
    var parents: [[Int]] = []
    for (offset, month) in months.enumerated() {
      var next = [Decimal?](repeating: nil, count: states.count)
      var parent = [Int](repeating: -1, count: states.count)
      for to in states.indices where allowed(states[to]) {
        guard let here = table[month][to] else { continue }
        if offset == 0 {
          if let start, !Self.canMove(states[start], states[to]) { continue }
          // Prefer staying in the current state on ties.
          next[to] = here
          parent[to] = start ?? -1
          continue
        }
        var chosen: (Decimal, Int)?
        for from in states.indices where Self.canMove(states[from], states[to]) {
          guard let value = best[from] else { continue }
          if let (incumbent, incumbentFrom) = chosen, incumbent < value || (incumbent == value && (incumbentFrom == to || from != to)) { continue }
          chosen = (value, from)
        }
        if let (value, from) = chosen {
          next[to] = value + here
          parent[to] = from
        }
      }
      best = next
      parents.append(parent)
    }
    // The cheapest end; on ties the earliest state in the list (smaller, metered first), or staying put.
    var last: (Decimal, Int)?
    for index in states.indices {
      guard let value = best[index] else { continue }
      if let (incumbent, incumbentIndex) = last {
        if incumbent < value { continue }
        if incumbent == value && !(index == start && incumbentIndex != start) { continue }
      }
      last = (value, index)
    }
    guard let (total, final) = last else { return nil }
    var path = [final]
    for offset in stride(from: parents.count - 1, to: 0, by: -1) {
      path.append(parents[offset][path[path.count - 1]])
    }
    return (path.reversed(), total)
  }

  /// Why the plan moves from `from` to `to` in `month`.
  func explain(from: State, to: State, month: Int, table: [[Decimal?]], states: [State], total: Decimal) -> String {
    var parts: [String] = []
    if to.bandwidth != from.bandwidth {
      let need = Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
      parts.append(
        carries(from, month: month)
          ? "grow in place from \(from.bandwidth) ahead of need (\(need) now): cheaper over the next \(lookAhead) months"
          : "grow in place from \(from.bandwidth): the workload needs \(need) from month \(month + 1)")
    }
    if to.billing != from.billing {
      let window = month..<(month + lookAhead)
      let stayingMetered = cheapestPath(table, states: states, from: states.firstIndex(of: from), months: window) { $0.billing == .metered }
      var sentence = "switch to UnlimitedData (one-way): outbound reaches \(egress(month: month)) a month"
      if let staying = stayingMetered {
        let saving = staying.total - total
        sentence += "; over months \(month + 1) to \(month + lookAhead) it saves \(saving.grouped(places: 2)) against staying metered"
      } else {
        sentence += "; staying metered cannot be priced over months \(month + 1) to \(month + lookAhead)"
      }
      parts.append(sentence)
    }
    return parts.joined(separator: "; ")
  }
}
