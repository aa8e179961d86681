import ExpressRouteCore
import ExpressRouteTraffic
import Synchronization

/// The parts of a planner that depend only on the location and the VNet links (each option's fee and product-rule
/// problem), shared by the planners of many sites with one engine (a budget), so each location prices its
/// options once.
final class PlannerOptionsCache: Sendable {
  struct Key: Hashable {
    var location: String
    var virtualNetworkLinks: Int
  }
  struct Options {
    var feeUnits: [CircuitPlanner.State: Int64?]
    var ruleProblems: [CircuitPlanner.State: String?]
  }
  private let entries = Mutex<[Key: Options]>([:])

  func options(for key: Key) -> Options? {
    entries.withLock { $0[key] }
  }

  func store(_ options: Options, for key: Key) {
    entries.withLock { $0[key] = options }
  }
}
