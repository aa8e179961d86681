import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension SizingSolver {
  /// What MeteredData in month 1 rests on when the outbound volume is unknown (``SizingResult/BillingCondition``);
  /// `nil` when the volume is known, the first step is not metered, or no UnlimitedData option fits (then nothing
  /// can undercut it, whatever the volume), or outbound data is free in the zone.
  func billingCondition(
    first step: SizingResult.PlanStep?, candidates: [SizingResult.SizingCandidate], zone: Zone, demand: Demand
  ) -> SizingResult.BillingCondition? {
    guard !demand.egressIsKnown, let step, step.billing == .metered else { return nil }
    let recommended = candidates.first {
      if case .provider(step.tier, .metered, step.bandwidth) = $0.kind { return true } else { return false }
    }
    // Month 1's fee: the option's own when it carries the whole horizon, else (a plan that grows) the fee billed.
    let meteredMonthly: Money
    if case .feasible(_, let first)? = recommended?.verdict {
      meteredMonthly = first
    } else if let fee = engine.effectivePrice(of: .circuit(step.tier, .metered, step.bandwidth, zone)) {
      meteredMonthly = Money(fee, currency: engine.rates.currency)
    } else {
      return nil
    }
    let alternatives = candidates.compactMap { candidate -> (String, Money)? in
      guard case .feasible(_, let monthly) = candidate.verdict else { return nil }
      switch candidate.kind {
      case .provider(_, .unlimited, _), .direct(_, _, .unlimited, _): return (candidate.label, monthly)
      default: return nil
      }
    }
    // The cheapest, the first listed on a tie (candidates come cheapest feasible first).
    guard let alternative = alternatives.indices.min(by: { (alternatives[$0].1, $0) < (alternatives[$1].1, $1) })
    else { return nil }
    let (label, monthly) = alternatives[alternative]
    func condition(_ outcome: CircuitComparison.BreakEven.Outcome) -> SizingResult.BillingCondition {
      SizingResult.BillingCondition(
        recommended: "\(step.tier.name) \(step.billing.name) \(step.bandwidth)", alternative: label,
        alternativeMonthly: monthly, outcome: outcome)
    }
    guard let perGB = engine.effectivePrice(of: .egress(zone)) else {
      return condition(.unpriced("\(Meter.egress(zone).displayName) has no price"))
    }
    guard perGB > 0, meteredMonthly < monthly else { return nil }
    return condition(
      .crossing(
        at: CircuitComparison.BreakEven.volume(difference: (monthly - meteredMonthly).amount, pricePerGB: perGB),
        capacity: engine.monthlyCapacity(of: step.bandwidth)))
  }
}
