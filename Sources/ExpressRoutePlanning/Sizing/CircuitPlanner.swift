import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
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
  /// Each provider state's monthly fee (with no outbound data) in ``PathCosts`` units, `nil` inside when
  /// unpriced: priced once. Amounts are whole cents, so the units are exact and every cost is read from them.
  private let feeUnits: [State: Int64?]
  /// The outbound-data line of each month in units, `nil` when unpriced, for months `0 ..< horizon + lookAhead`:
  /// every MeteredData state in the zone uses the same meter, so it is priced once per month, not once per state.
  private let dataUnits: [Int64?]
  /// Each month's needed bandwidth in whole bits per second, for the same months.
  private let requiredBits: [Int64]
  /// Each provider state's product-rule problem at this location (`nil` inside when it has none).
  private var ruleProblems: [State: String?] = [:]
  /// What is shared with the planners of other sites (a budget's), or `nil`.
  private let shared: PlannerOptionsCache?

  /// Creates a planner and prices its options' fees and each month's outbound data (months
  /// `0 ..< horizon + lookAhead`) once, with the engine's own pricer.
  init(
    engine: PricingEngine, location: PeeringLocation, demand: Demand, egressShare: Decimal, lookAhead: Int,
    virtualNetworkLinks: Int,
    options: PlannerOptionsCache? = nil
  ) {
    self.engine = engine
    self.location = location
    self.demand = demand
    self.egressShare = egressShare
    self.lookAhead = lookAhead
    self.virtualNetworkLinks = virtualNetworkLinks
    shared = options
    var fees: [State: Int64?] = options?.fees(in: location.zone) ?? [:]
    if fees.isEmpty {
      // A state's fee depends only on the zone: priced once per zone for all locations in it.
      for tier in CircuitTier.allCases {
        for billing in BillingFamily.allCases {
          for bandwidth in Bandwidth.providerSizes {
            let state = State(tier: tier, billing: billing, bandwidth: bandwidth)
            let circuit = Circuit(
              name: "circuit", peeringLocation: location.name, tier: tier, billing: billing, bandwidth: bandwidth,
              monthlyEgress: Self.paysForData(state) ? .zero : nil)
            let charges = engine.monthlyCharges(of: circuit, zone: location.zone)
            fees[state] = .some(charges.unpriced.isEmpty ? PathCosts.units(charges.total.amount) : nil)
          }
        }
      }
      options?.storeFees(fees, in: location.zone)
    }
    feeUnits = fees
    let months = 0..<(demand.horizonMonths + max(lookAhead, 1))
    dataUnits = months.map { month in
      engine.outboundDataCharge(demand.egress(month: month) * egressShare, zone: location.zone).map {
        PathCosts.units($0.amount)
      }
    }
    requiredBits = months.map { NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: $0)).int64Value }
    let key = PlannerOptionsCache.Key(location: location.name, virtualNetworkLinks: virtualNetworkLinks)
    if let known = options?.ruleProblems(for: key) {
      ruleProblems = known
    } else {
      for state in fees.keys { ruleProblems[state] = .some(checkRules(state)) }
      options?.storeRuleProblems(ruleProblems, for: key)
    }
  }

  /// The outbound volume this circuit carries in `month`.
  func egress(month: Int) -> DataVolume { demand.egress(month: month) * egressShare }

  /// The states of `tier` the product rules allow, with the rule problem for the others.
  func states(tier: CircuitTier) -> [State] {
    let billings: [BillingFamily] = tier == .local ? [.unlimited] : [.metered, .unlimited]
    return billings.flatMap { billing in
      Bandwidth.providerSizes.map { State(tier: tier, billing: billing, bandwidth: $0) }
    }.filter { ruleProblem($0) == nil }
  }

  /// The product rule a state breaks at this location, checked once per state when the planner is made.
  func ruleProblem(_ state: State) -> String? {
    if let known = ruleProblems[state] { return known }
    return checkRules(state)
  }

  /// The product rule a state breaks at this location, checked by the engine's validator (one place for the rules).
  func checkRules(_ state: State) -> String? {
    let circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: state.tier, billing: state.billing,
      bandwidth: state.bandwidth,
      virtualNetworkLinks: max(virtualNetworkLinks, 0))
    do {
      _ = try engine.validate(Deployment(name: "option", circuits: [circuit]), checkingCapacity: false)
      return nil
    } catch {
      return (error.rule.map { "[\($0)] " } ?? "")
        + error.message.replacingOccurrences(of: "circuit 'circuit' ", with: "this circuit ")
    }
  }

  /// The circuit's monthly cost in `month`, or `nil` when a charge is unpriced: its fee plus, for MeteredData,
  /// the month's outbound-data line, each priced once by the engine (equal to ``pricedWhole(_:month:)``).
  func cost(_ state: State, month: Int) -> Decimal? {
    guard let entry = feeUnits[state] else { return pricedWhole(state, month: month) }  // not a provider size
    guard let fee = entry else { return nil }
    guard Self.paysForData(state) else { return PathCosts.decimal(fee) }
    guard month < dataUnits.count else { return pricedWhole(state, month: month) }
    return dataUnits[month].map { PathCosts.decimal(fee + $0) }
  }

  /// The circuit's monthly cost in `month` priced as one circuit by the engine, or `nil` when a charge is unpriced.
  func pricedWhole(_ state: State, month: Int) -> Decimal? {
    let circuit = Circuit(
      name: "circuit", peeringLocation: location.name, tier: state.tier, billing: state.billing,
      bandwidth: state.bandwidth,
      monthlyEgress: egress(month: month))
    let charges = engine.monthlyCharges(of: circuit, zone: location.zone)
    return charges.unpriced.isEmpty ? charges.total.amount : nil
  }

  func carries(_ state: State, month: Int) -> Bool {
    if month < requiredBits.count { return state.bandwidth.bitsPerSecond >= requiredBits[month] }
    return FastDecimal.isLessOrEqual(demand.requiredBitsPerSecond(month: month), Decimal(state.bandwidth.bitsPerSecond))
  }

  /// Each state's cost in months `0 ..< months` in ``PathCosts`` units; `nil` where it does not carry the
  /// month or is unpriced. Equal to ``costTable(_:months:)``, built from integers.
  func unitTable(_ states: [State], months: Int) -> PathCosts {
    guard months <= dataUnits.count else { return PathCosts(decimalTable(states, months: months)) }
    var table = [[Int64?]](repeating: [Int64?](repeating: nil, count: states.count), count: months)
    let fees = states.map { feeUnits[$0] ?? nil }
    let paysForData = states.map(Self.paysForData)
    let bits = states.map(\.bandwidth.bitsPerSecond)
    for month in 0..<months {
      let data = dataUnits[month]
      let required = requiredBits[month]
      for index in states.indices where bits[index] >= required {
        guard let fee = fees[index] else { continue }
        if paysForData[index] {
          if let data { table[month][index] = fee + data }
        } else {
          table[month][index] = fee
        }
      }
    }
    return PathCosts(units: table, states: states, shape: shared?.shape(of: states))
  }

  static func canMove(_ from: State, _ to: State) -> Bool {
    to.bandwidth >= from.bandwidth
      && (from.billing == to.billing || (from.billing == .metered && to.billing == .unlimited))
  }

  /// The plan for `horizon` months in `tier`, or `nil` when some month has no priced state that carries the traffic.
  ///
  /// With `start`, the circuit in service today, month 0 may only be reached from it in place.
  func plan(tier: CircuitTier, horizon: Int, start: State? = nil) -> [Month]? {
    let states = states(tier: tier)
    guard !states.isEmpty else { return nil }
    if let start, !states.contains(start) { return nil }
    let table = unitTable(states, months: horizon + lookAhead)
    var months: [Month] = []
    var previous: Int? = start.flatMap { states.firstIndex(of: $0) }
    for month in 0..<horizon {
      guard let (path, total) = cheapestPath(table, states: states, from: previous, months: month..<(month + lookAhead))
      else { return nil }
      let chosen = path[0]
      var reason = ""
      if let previous, chosen != previous {
        reason = explain(
          from: states[previous], to: states[chosen], month: month, table: table, states: states, total: total)
      }
      months.append(
        Month(state: states[chosen], cost: table.units[month][chosen].map(PathCosts.decimal) ?? 0, reason: reason))
      previous = chosen
    }
    return months
  }

  /// The first of months `0 ..< months` that no priced state of `tier` carries (the month a plan in that tier must
  /// stop before), or `nil` when every one is served.
  func firstUnservedMonth(tier: CircuitTier, months: Int) -> Int? {
    let states = states(tier: tier)
    guard !states.isEmpty else { return 0 }
    let table = unitTable(states, months: months)
    return (0..<months).first { !table.servesAny(month: $0) }
  }

  /// Each state's cost in months `0 ..< months`; `nil` where it does not carry the month or is unpriced.
  func costTable(_ states: [State], months: Int) -> [[Decimal?]] {
    let table = unitTable(states, months: months)
    return table.units.map { row in row.map { $0.map(PathCosts.decimal) } }
  }

  /// ``costTable(_:months:)`` month by month through ``cost(_:month:)`` (for months past the precomputed ones).
  func decimalTable(_ states: [State], months: Int) -> [[Decimal?]] {
    var table = [[Decimal?]](repeating: [Decimal?](repeating: nil, count: states.count), count: months)
    for month in 0..<months {
      for (index, state) in states.enumerated() where carries(state, month: month) {
        table[month][index] = cost(state, month: month)
      }
    }
    return table
  }

  /// Whether the state is billed per outbound GB (MeteredData, except Local, whose data is included).
  static func paysForData(_ state: State) -> Bool { state.billing == .metered && state.tier != .local }

  /// The cost of the cheapest path over the first look-ahead window in `tier`: how tiers are compared,
  /// so the choice of tier does not depend on the horizon either.
  func firstWindowCost(tier: CircuitTier, start: State? = nil) -> Decimal? {
    let states = states(tier: tier)
    guard !states.isEmpty else { return nil }
    let from = start.flatMap { states.firstIndex(of: $0) }
    if start != nil && from == nil { return nil }
    return cheapestPath(unitTable(states, months: lookAhead), states: states, from: from, months: 0..<lookAhead)?.total
  }

  /// Why moving from `current` to `next` needs a new circuit, or `nil` when it can be done in place.
  static func newCircuitReason(from current: State, to next: State) -> String? {
    let reasons = MoveOverlap.reasons(
      from: (current.tier, current.billing, current.bandwidth), to: (next.tier, next.billing, next.bandwidth))
    return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
  }

  /// The cheapest path over `window` starting from a state reachable from `start`; the window is cut
  /// before the first month no state can serve (beyond that, nothing can be planned anyway).
  ///
  /// Each month every state takes the cheapest state that can move to it the month before (the first in state
  /// order on ties, or itself). When each state's predecessors are runs of consecutive states (as the tier's
  /// state list makes them), that is a running minimum along each run: linear in the states, not quadratic.
  func cheapestPath(
    _ table: PathCosts, states: [State], from start: Int?, months window: Range<Int>,
    allowed: (State) -> Bool = { _ in true }
  ) -> (path: [Int], total: Decimal)? {
    let count = states.count
    var end = window.upperBound
    if let blocked = window.first(where: { !table.servesAny(month: $0) }) { end = blocked }
    guard end > window.lowerBound else { return nil }
    let months = window.lowerBound..<end
    let movable = table.flatMoves(states)  // [from * count + to]
    let runs = table.predecessorRuns(states)
    let allowedStates = states.map(allowed)
    let none = PathCosts.none
    var best = [Int64](repeating: none, count: count)
    var next = best
    var parents = [Int](repeating: -1, count: months.count * count)  // [offset * count + state]
    var reached: [Int] = []  // the states with a path so far, in state order
    reached.reserveCapacity(count)
    // With runs: the cheapest state so far (first in order on ties) from each run start, [slot * count + state].
    let slotCount = runs?.starts.count ?? 0
    var prefixValue = [Int64](repeating: none, count: slotCount * count)
    var prefixIndex = [Int](repeating: -1, count: slotCount * count)
    table.flat.withUnsafeBufferPointer { costs in
      for (offset, month) in months.enumerated() {
        for index in 0..<count { next[index] = none }
        let row = month * count
        if offset > 0, let runs {
          for (slot, start) in runs.starts.enumerated() {
            var value = none
            var chosen = -1
            for index in start..<count {
              if best[index] < value {
                value = best[index]
                chosen = index
              }
              prefixValue[slot * count + index] = value
              prefixIndex[slot * count + index] = chosen
            }
          }
          for to in 0..<count where allowedStates[to] {
            let here = costs[row + to]
            if here == none { continue }
            // The cheapest predecessor, the first in state order on ties; staying put wins a tie.
            var chosenValue = none
            var chosenFrom = -1
            for run in (2 * to)..<(2 * to + 2) where runs.slots[run] >= 0 {
              let at = runs.slots[run] * count + runs.lasts[run]
              let (value, from) = (prefixValue[at], prefixIndex[at])
              if from >= 0, chosenFrom < 0 || value < chosenValue || (value == chosenValue && from < chosenFrom) {
                chosenValue = value
                chosenFrom = from
              }
            }
            if chosenFrom >= 0 {
              if runs.stays[to] && best[to] == chosenValue { chosenFrom = to }
              next[to] = chosenValue + here
              parents[offset * count + to] = chosenFrom
            }
          }
          swap(&best, &next)
          continue
        }
        for to in 0..<count where allowedStates[to] {
          let here = costs[row + to]
          if here == none { continue }
          if offset == 0 {
            if let start, !movable[start * count + to] { continue }
            // Prefer staying in the current state on ties.
            next[to] = here
            parents[to] = start ?? -1
            continue
          }
          var chosenValue = none
          var chosenFrom = -1
          for from in reached where movable[from * count + to] {
            let value = best[from]
            if chosenFrom >= 0, chosenValue < value || (chosenValue == value && (chosenFrom == to || from != to)) {
              continue
            }
            chosenValue = value
            chosenFrom = from
          }
          if chosenFrom >= 0 {
            next[to] = chosenValue + here
            parents[offset * count + to] = chosenFrom
          }
        }
        swap(&best, &next)
        reached.removeAll(keepingCapacity: true)
        for index in 0..<count where best[index] != none { reached.append(index) }
      }
    }
    // The cheapest end; on ties the earliest state in the list (smaller, metered first), or staying put.
    var total = none
    var final = -1
    for index in 0..<count where best[index] != none {
      let value = best[index]
      if final >= 0 {
        if total < value { continue }
        if total == value && !(index == start && final != start) { continue }
      }
      total = value
      final = index
    }
    guard final >= 0 else { return nil }
    var path = [final]
    for offset in stride(from: months.count - 1, to: 0, by: -1) {
      path.append(parents[offset * count + path[path.count - 1]])
    }
    return (path.reversed(), PathCosts.decimal(total))
  }

  /// Why the plan moves from `from` to `to` in `month`.
  func explain(from: State, to: State, month: Int, table: PathCosts, states: [State], total: Decimal) -> String {
    var parts: [String] = []
    if to.bandwidth != from.bandwidth {
      let need = Bandwidth(
        bitsPerSecond: NSDecimalNumber(decimal: demand.requiredBitsPerSecond(month: month)).int64Value)
      parts.append(
        carries(from, month: month)
          ? "grow in place from \(from.bandwidth) ahead of need (\(need) now): cheaper over the next \(lookAhead) months"
          : "grow in place from \(from.bandwidth): the workload needs \(need) from month \(month + 1)")
    }
    if to.billing != from.billing {
      let window = month..<(month + lookAhead)
      let stayingMetered = cheapestPath(table, states: states, from: states.firstIndex(of: from), months: window) {
        $0.billing == .metered
      }
      var sentence = "switch to UnlimitedData (one-way): outbound reaches \(egress(month: month)) a month"
      if let staying = stayingMetered {
        let saving = staying.total - total
        sentence +=
          "; over months \(month + 1) to \(month + lookAhead) it saves \(saving.grouped(places: 2)) against staying metered"
      } else {
        sentence += "; staying metered cannot be priced over months \(month + 1) to \(month + lookAhead)"
      }
      parts.append(sentence)
    }
    return parts.joined(separator: "; ")
  }
}
