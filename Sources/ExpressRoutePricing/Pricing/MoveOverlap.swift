import ExpressRouteCore
import Foundation

/// A change that needs a new circuit, and what running the old one alongside costs.
///
/// Bandwidth cannot shrink in place, UnlimitedData cannot go back to MeteredData,
/// Local and the other tiers do not convert, and a circuit cannot move to another
/// peering location or from a provider onto ExpressRoute Direct: each needs a new
/// circuit, and the old one runs until traffic has moved (the lead time).
public struct MoveOverlap: Hashable, Sendable {
  /// The circuit's name.
  public var circuit: String
  /// Why the change needs a new circuit.
  public var reason: String
  /// Months both circuits run.
  public var months: Int
  /// What those months cost beyond the new circuit alone (one-time): the traffic stays on the old circuit until it
  /// has moved, so each month adds the old circuit's charges with the traffic and the new one's without it, less the
  /// new one's with it (Standard MeteredData 1 Gbps → 500 Mbps at 50,000 GB: 436 + 1,250 + 290 − (290 + 1,250) =
  /// 436.00, the old fee); `nil` when any of them cannot be priced.
  public var cost: Money?

  /// Why a circuit of SKU `old` cannot become one of SKU `new` in place, in this order: bandwidth cannot shrink,
  /// UnlimitedData cannot go back to MeteredData, Local and the other tiers do not convert; empty when it can. The
  /// one rule of both an estate's change (``PricingEngine/moveOverlaps(from:to:leadMonths:replaced:)``) and a sizing
  /// plan's step.
  package static func reasons(
    from old: (tier: CircuitTier, billing: BillingFamily, bandwidth: Bandwidth),
    to new: (tier: CircuitTier, billing: BillingFamily, bandwidth: Bandwidth)
  ) -> [String] {
    var reasons: [String] = []
    if new.bandwidth < old.bandwidth {
      reasons.append("bandwidth cannot shrink in place (\(old.bandwidth) to \(new.bandwidth))")
    }
    if old.billing == .unlimited && new.billing == .metered {
      reasons.append("UnlimitedData cannot go back to MeteredData")
    }
    if (old.tier == .local) != (new.tier == .local) {
      reasons.append("changing to or from Local means a new circuit")
    }
    return reasons
  }
}

extension PricingEngine {
  /// The circuits of `after` that replace a circuit of the same name in `before` with a new one, each with the
  /// cost of running the old circuit for `leadMonths` more months (``MoveOverlap/cost``), priced as a quote prices it.
  ///
  /// `replaced` names circuits that are replaced whatever the change (a Terraform plan's delete-and-create).
  public func moveOverlaps(from before: Deployment, to after: Deployment, leadMonths: Int, replaced: Set<String> = [])
    -> [MoveOverlap]
  {
    var result: [MoveOverlap] = []
    for old in before.circuits where !old.isExternal {
      guard let new = after.circuit(named: old.name), !new.isExternal else { continue }
      var reasons: [String] = replaced.contains(old.name) ? ["the plan destroys and re-creates it"] : []
      reasons += MoveOverlap.reasons(
        from: (old.tier, old.billing, old.bandwidth), to: (new.tier, new.billing, new.bandwidth))
      if let a = old.peeringLocation, let b = new.peeringLocation,
        locations.location(named: a) != locations.location(named: b)
      {
        reasons.append("another peering location (\(a) to \(b))")
      }
      if old.directPort == nil && new.directPort != nil {
        reasons.append("moving from a provider onto ExpressRoute Direct")
      }
      guard !reasons.isEmpty else { continue }
      var cost: Money?
      if let oldZone = try? validate(
        Deployment(name: "old", circuits: [old], directPorts: before.directPorts), checkingCapacity: false
      ).zones[old.name],
        let newZone = try? validate(
          Deployment(name: "new", circuits: [new], directPorts: after.directPorts), checkingCapacity: false
        ).zones[new.name]
      {
        var idle = new
        idle.monthlyEgress = .zero
        let charges = [
          monthlyCharges(of: old, zone: oldZone), monthlyCharges(of: idle, zone: newZone),
          monthlyCharges(of: new, zone: newZone),
        ]
        if charges.allSatisfy({ $0.unpriced.isEmpty }) {
          cost = (charges[0].total + charges[1].total - charges[2].total) * Decimal(leadMonths)
        }
      }
      result.append(
        MoveOverlap(circuit: old.name, reason: reasons.joined(separator: "; "), months: leadMonths, cost: cost))
    }
    return result
  }
}
