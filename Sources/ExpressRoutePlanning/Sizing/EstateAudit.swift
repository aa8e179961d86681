import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// Audits every circuit of a live estate against what its measured traffic needs.
///
/// Each provider circuit with a metrics series is sized as a workload whose
/// current configuration is the circuit itself; the result is its cost now,
/// the recommended configuration's cost, the saving over the horizon and any
/// risk (over 90% utilisation, outgrown within the horizon).
public struct EstateAudit: Sendable {
  /// One circuit's audit.
  public struct Entry: Hashable, Sendable {
    /// The circuit's name.
    public var circuit: String
    /// `Standard MeteredData 1 Gbps at Amsterdam`.
    public var current: String
    /// The sizing, when the circuit could be audited.
    public var result: SizingResult?
    /// Why it was not audited.
    public var skippedReason: String?
  }

  /// The solver.
  public var solver: SizingSolver
  /// Months an old and a new circuit both run when the recommendation needs a new circuit.
  public var leadTimeMonths = 1
  /// Months to look ahead.
  public var horizonMonths: Int
  /// Regions the circuits serve (Local is only considered when given).
  public var targetRegions: [String]

  /// Creates an audit.
  public init(engine: PricingEngine, horizonMonths: Int = 12, targetRegions: [String] = []) {
    solver = SizingSolver(engine: engine)
    self.horizonMonths = horizonMonths
    self.targetRegions = targetRegions
  }

  /// Audits every circuit in `deployment` that has a series in `traffic` (by circuit name).
  public func audit(_ deployment: Deployment, traffic: [TrafficSummary]) throws(Diagnostic) -> [Entry] {
    var entries: [Entry] = []
    for circuit in deployment.circuits where !circuit.isExternal {
      let location =
        circuit.peeringLocation
        ?? circuit.directPort.flatMap { name in deployment.directPorts.first { $0.name == name }?.peeringLocation }
      let label =
        "\(circuit.tier.name) \(circuit.billing.name) \(circuit.bandwidth)" + (location.map { " at \($0)" } ?? "")
      if circuit.directPort != nil {
        entries.append(
          Entry(
            circuit: circuit.name, current: label, result: nil,
            skippedReason: "runs on ExpressRoute Direct; the audit sizes provider circuits"))
        continue
      }
      guard let location else {
        entries.append(
          Entry(
            circuit: circuit.name, current: label, result: nil,
            skippedReason: "no peering location in the configuration"))
        continue
      }
      // The circuit's series by the rule every command uses; several answering to its name is an error, never a pick.
      let summary: TrafficSummary
      switch SeriesMatch.match(circuit.name, in: traffic) {
      case .success(let found): summary = found
      case .failure(.ambiguous(let name, let matches)):
        throw Diagnostic(
          .error, "circuit '\(circuit.name)': " + SeriesMatch.Problem.ambiguous(name, matches: matches).message)
      case .failure:
        entries.append(
          Entry(
            circuit: circuit.name, current: label, result: nil,
            skippedReason:
              "no metrics series for this circuit (series hold: \(traffic.map(\.circuit).joined(separator: ", ")))"))
        continue
      }
      // Without a measured month the outbound volume is unknown: a saving or a recommendation priced on 0 GB is no
      // finding, so the circuit is not audited (a configuration gives no volume to fall back on).
      if let unknown = SizingSolver.unknownMonthlyVolume(summary) {
        entries.append(
          Entry(
            circuit: circuit.name, current: label, result: nil,
            skippedReason: unknown + "; a series covering at least half a month audits it"))
        continue
      }
      // Global Reach links stay: they can require Premium and count as VNet links.
      let peers = deployment.globalReach.compactMap { link -> String? in
        link.circuitA == circuit.name ? link.circuitB : link.circuitB == circuit.name ? link.circuitA : nil
      }
      // The links' volumes are not in a configuration: unknown, so their per-GB charges are listed as not priced.
      let reach = peers.compactMap { name in deployment.circuit(named: name)?.peeringLocation }.map {
        WorkloadProfile.GlobalReachNeed(location: $0, monthlyData: nil)
      }
      var profile = WorkloadProfile(
        name: circuit.name, peeringLocation: location, targetRegions: targetRegions, horizonMonths: horizonMonths,
        virtualNetworks: circuit.virtualNetworkLinks ?? 1, globalReach: reach, gateways: 0,
        current: .init(tier: circuit.tier, billing: circuit.billing, bandwidth: circuit.bandwidth))
      profile.leadTimeMonths = leadTimeMonths
      do {
        entries.append(
          Entry(
            circuit: circuit.name, current: label, result: try solver.solve(profile, traffic: summary),
            skippedReason: nil))
      } catch {
        entries.append(Entry(circuit: circuit.name, current: label, result: nil, skippedReason: error.message))
      }
    }
    return entries
  }
}
