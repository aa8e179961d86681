import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Synchronization

/// What the solves of many sites with one engine (a budget) share: each option's fee per zone and product-rule
/// problem per location and VNet links, the gateway options' verdicts and the search shapes, so each is worked out
/// once.
final class PlannerOptionsCache: Sendable {
  struct Key: Hashable {
    var location: String
    var virtualNetworkLinks: Int
  }
  private let problems = Mutex<[Key: [CircuitPlanner.State: String?]]>([:])

  /// What a gateway option's rules-and-price verdict depends on besides its SKU and units: the profile's circuits,
  /// FastPath, advertised routes and number of gateways.
  struct GatewayKey: Hashable {
    var sku: GatewaySKU
    var units: Int?
    var circuits: Int
    var fastPath: Bool
    var routes: Int
    var gateways: Int
  }
  private let gatewayVerdicts = Mutex<[GatewayKey: SizingCandidate.Verdict]>([:])

  /// What a Virtual WAN hub option depends on: its scale units, circuits, FastPath and number of hubs.
  struct HubKey: Hashable {
    var units: Int
    var circuits: Int
    var fastPath: Bool
    var hubs: Int
  }
  private let hubOptions = Mutex<[HubKey: SizingResult.GatewayCandidate]>([:])

  /// The verdict stored for `key`, or `make()`'s, stored (each solve of a budget weighs the same few gateways).
  func gatewayVerdict(_ key: GatewayKey, make: () -> SizingCandidate.Verdict) -> SizingCandidate.Verdict {
    if let known = gatewayVerdicts.withLock({ $0[key] }) { return known }
    let verdict = make()
    gatewayVerdicts.withLock { $0[key] = verdict }
    return verdict
  }

  /// The hub option stored for `key`, or `make()`'s, stored.
  func hubOption(_ key: HubKey, make: () -> SizingResult.GatewayCandidate) -> SizingResult.GatewayCandidate {
    if let known = hubOptions.withLock({ $0[key] }) { return known }
    let option = make()
    hubOptions.withLock { $0[key] = option }
    return option
  }

  /// Each provider state's product-rule problem at the location with the VNet links of `key`, if worked out.
  func ruleProblems(for key: Key) -> [CircuitPlanner.State: String?]? {
    problems.withLock { $0[key] }
  }

  func storeRuleProblems(_ problems: [CircuitPlanner.State: String?], for key: Key) {
    self.problems.withLock { $0[key] = problems }
  }

  /// The search shape of each state list planned so far.
  private let shapes = Mutex<[[CircuitPlanner.State]: PathCosts.Shape]>([:])

  /// The ``PathCosts/Shape`` of `states`, worked out once.
  func shape(of states: [CircuitPlanner.State]) -> PathCosts.Shape {
    if let known = shapes.withLock({ $0[states] }) { return known }
    let shape = PathCosts.shape(states)
    shapes.withLock { $0[states] = shape }
    return shape
  }

  /// Each provider state's monthly fee in a zone (a fee depends on the zone alone, not the location).
  private let zoneFees = Mutex<[Zone: [CircuitPlanner.State: Int64?]]>([:])

  func fees(in zone: Zone) -> [CircuitPlanner.State: Int64?]? {
    zoneFees.withLock { $0[zone] }
  }

  func storeFees(_ fees: [CircuitPlanner.State: Int64?], in zone: Zone) {
    zoneFees.withLock { $0[zone] = fees }
  }
}
