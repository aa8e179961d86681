import ExpressRouteCore
import Foundation

/// A cost table in whole hundredths of a cent: every line item is rounded to cents, so a month's cost is a whole
/// number of units and the look-ahead search adds and compares `Int64`s exactly instead of `Decimal`s.
struct PathCosts {
  /// Units per unit of money: 10⁴ (hundredths of a cent).
  static let scalePower = 4
  /// The marker of "no cost": the state does not carry the month, or is unpriced.
  static let none = Int64.max
  /// `[month][state]` cost in units; `nil` where the state does not carry the month or is unpriced.
  let units: [[Int64?]]
  /// The same costs in one array, `[month * states + state]`, with ``none`` for `nil`: what the search reads.
  let flat: [Int64]
  /// Whether any state serves each month.
  private let served: [Bool]
  /// `[from * states + to]`: whether a circuit can move in place between the states the table was built for.
  private var moves: [Bool]?
  /// For the states the table was built for, the states that can move to each; `nil` when they are not runs.
  private var runs: PredecessorRuns?
  /// `false` makes the search compare every pair of states even where runs would do (for the test that
  /// compares the two searches).
  var searchesByRuns = true

  init(_ table: [[Decimal?]]) {
    self.init(units: table.map { row in row.map { value in value.map(Self.units) } })
  }

  /// `units` for `states`; `shape`, when given, is ``shape(_:)`` of `states` worked out before.
  init(units: [[Int64?]], states: [CircuitPlanner.State]? = nil, shape: Shape? = nil) {
    self.units = units
    flat = units.flatMap { row in row.map { $0 ?? Self.none } }
    served = units.map { row in row.contains { $0 != nil } }
    if let shape, states != nil {
      moves = shape.moves
      runs = shape.runs
    } else {
      moves = states.map(Self.moves)
      runs = moves.flatMap { PredecessorRuns($0, count: states?.count ?? 0) }
    }
  }

  /// What the search reads of a state list besides the costs: the moves between its states and their predecessor
  /// runs, the same for every table built for those states.
  struct Shape {
    let moves: [Bool]
    let runs: PredecessorRuns?
  }

  /// The ``Shape`` of `states`.
  static func shape(_ states: [CircuitPlanner.State]) -> Shape {
    let moves = Self.moves(states)
    return Shape(moves: moves, runs: PredecessorRuns(moves, count: states.count))
  }

  /// Whether any state serves `month`.
  func servesAny(month: Int) -> Bool { served[month] }

  /// Which moves between `states` can be made in place, flattened (worked out once when the table was built for them).
  func flatMoves(_ states: [CircuitPlanner.State]) -> [Bool] {
    if let moves, moves.count == states.count * states.count { return moves }
    return Self.moves(states)
  }

  /// ``runs`` for `states` (worked out once when the table was built for them); `nil` when the search must
  /// look at every pair.
  func predecessorRuns(_ states: [CircuitPlanner.State]) -> PredecessorRuns? {
    guard searchesByRuns else { return nil }
    if let runs, runs.stays.count == states.count { return runs }
    return PredecessorRuns(Self.moves(states), count: states.count)
  }

  static func moves(_ states: [CircuitPlanner.State]) -> [Bool] {
    states.flatMap { from in states.map { to in CircuitPlanner.canMove(from, to) } }
  }

  /// `amount` in units (amounts are whole cents, so this is exact).
  static func units(_ amount: Decimal) -> Int64 {
    NSDecimalNumber(decimal: amount.shifted(byPowerOfTen: scalePower).rounded(toPlaces: 0, rule: .lineItem)).int64Value
  }

  /// `units` back in money.
  static func decimal(_ units: Int64) -> Decimal { Decimal(units).shifted(byPowerOfTen: -scalePower) }
}

/// The states that can move to each state, as at most two runs of consecutive states (the order a tier's states
/// are listed in makes them so: MeteredData sizes, then UnlimitedData sizes, each growing): what the linear
/// search in ``CircuitPlanner/cheapestPath(_:states:from:months:allowed:)`` reads.
struct PredecessorRuns {
  /// The distinct first states of the runs, in order; the search keeps a running minimum from each.
  let starts: [Int]
  /// `[state * 2 + k]`: the k-th run of the state's predecessors as the slot of its first state in ``starts``
  /// (−1 for no run) and its last state.
  let slots: [Int]
  let lasts: [Int]
  /// Whether each state may stay as it is (it is among its own predecessors).
  let stays: [Bool]

  /// The runs of `movable` (`[from * count + to]`), or `nil` when some state's predecessors are more than two runs.
  init?(_ movable: [Bool], count: Int) {
    var runs: [(start: Int, last: Int)] = []
    var stays: [Bool] = []
    for to in 0..<count {
      var own: [(start: Int, last: Int)] = []
      var from = 0
      while from < count {
        guard movable[from * count + to] else {
          from += 1
          continue
        }
        let start = from
        while from < count && movable[from * count + to] { from += 1 }
        own.append((start, from - 1))
      }
      guard own.count <= 2 else { return nil }
      stays.append(own.contains { $0.start <= to && to <= $0.last })
      runs += own + Array(repeating: (-1, -1), count: 2 - own.count)
    }
    let starts = Array(Set(runs.map(\.start).filter { $0 >= 0 })).sorted()
    self.starts = starts
    slots = runs.map { run in run.start < 0 ? -1 : starts.firstIndex(of: run.start) ?? -1 }
    lasts = runs.map(\.last)
    self.stays = stays
  }
}
