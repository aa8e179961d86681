import Foundation

/// One option the solver considered, with its verdict.
public struct SizingCandidate: Hashable, Sendable {
  /// What was considered.
  public enum Kind: Hashable, Sendable {
    /// A provider circuit held for the whole horizon.
    case provider(CircuitTier, BillingFamily, Bandwidth)
    /// A circuit on an ExpressRoute Direct port pair.
    case direct(DirectPortSpeed, CircuitTier, BillingFamily, Bandwidth)
  }

  /// The verdict.
  public enum Verdict: Hashable, Sendable {
    /// Feasible, with its cost over the horizon.
    case feasible(horizonCost: Money, firstMonth: Money)
    /// Breaks a rule or does not carry the traffic.
    case rejected(String)
    /// Feasible as far as is known, but a price is missing.
    case unpriced(String)
  }

  /// What was considered.
  public var kind: Kind
  /// The verdict.
  public var verdict: Verdict

  /// `Standard MeteredData 1 Gbps` or `Direct 10 Gbps: Standard MeteredData 10 Gbps`.
  public var label: String {
    switch kind {
    case .provider(let tier, let billing, let bandwidth): return "\(tier.name) \(billing.name) \(bandwidth)"
    case .direct(let port, let tier, let billing, let bandwidth): return "Direct \(port.name) pair: \(tier.name) \(billing.name) \(bandwidth)"
    }
  }

  /// The horizon cost, when feasible.
  public var horizonCost: Money? {
    if case .feasible(let cost, _) = verdict { return cost }
    return nil
  }
}

/// One step of an upgrade plan: from `month` on, run this configuration.
public struct PlanStep: Hashable, Sendable {
  /// The 0-based month the step starts.
  public var month: Int
  /// The tier.
  public var tier: CircuitTier
  /// The billing model.
  public var billing: BillingFamily
  /// The bandwidth.
  public var bandwidth: Bandwidth
  /// Why the step happens.
  public var reason: String
}

/// A gateway option and its verdict.
public struct GatewayCandidate: Hashable, Sendable {
  /// The SKU.
  public var sku: GatewaySKU
  /// Scale units, for ErGwScale.
  public var scaleUnits: Int?
  /// The verdict.
  public var verdict: SizingCandidate.Verdict

  /// `ErGw2AZ` or `ErGwScale × 3 units`.
  public var label: String { scaleUnits.map { "\(sku.name) × \($0) units" } ?? sku.name }
}

/// A fixed monthly extra the recommendation includes (gateway, second circuit, backup VPN, Global Reach).
public struct SizingExtra: Hashable, Sendable {
  /// What it is.
  public var label: String
  /// The meter it is charged on.
  public var meter: Meter
  /// Cost per month; `nil` when unpriced.
  public var monthly: Money?
  /// Why it is there, or why it is unpriced.
  public var note: String
}

/// An audit of the circuit in service today against the recommendation.
public struct CircuitAudit: Hashable, Sendable {
  /// The current circuit's label.
  public var label: String
  /// Its cost over the horizon, when it can carry the traffic and is priced.
  public var horizonCost: Money?
  /// The recommendation's circuit cost over the horizon.
  public var recommendedCost: Money
  /// Utilisation now: sizing rate over bandwidth.
  public var utilization: Decimal
  /// Findings: savings, risks, rule problems.
  public var findings: [String]
}

/// Everything the solver decided, and why.
public struct SizingResult: Hashable, Sendable {
  /// The profile's name.
  public var name: String
  /// The peering location.
  public var location: PeeringLocation
  /// The demand sized for.
  public var demand: Demand
  /// Hours per month used.
  public var hoursPerMonth: Decimal
  /// The rate table's name.
  public var priceTableName: String
  /// The rate table's date.
  public var priceDate: String
  /// Why the tier is what it is.
  public var tierReasons: [String]
  /// The recommended plan: the first step is what to buy now.
  public var plan: [PlanStep]
  /// Circuit cost of the plan per month.
  public var planMonthlyCosts: [Money]
  /// Every circuit option considered, cheapest feasible first.
  public var candidates: [SizingCandidate]
  /// The recommended gateway, when gateways were asked for.
  public var gateway: GatewayCandidate?
  /// Every gateway option considered.
  public var gatewayCandidates: [GatewayCandidate]
  /// Extras included in the totals (gateways, second circuit, VPN, Global Reach).
  public var extras: [SizingExtra]
  /// The audit of the current circuit, if one was given.
  public var audit: CircuitAudit?
  /// The traffic summary, when sized from a series.
  public var traffic: TrafficSummary?
  /// Notes and warnings for the reader.
  public var notes: [String]

  /// The circuit plan's cost over the horizon.
  public var planCost: Money { Money.sum(planMonthlyCosts, currency: planMonthlyCosts.first?.currency ?? .usd) }

  /// Priced extras per month.
  public var extrasMonthly: Money {
    Money.sum(extras.compactMap(\.monthly), currency: planMonthlyCosts.first?.currency ?? .usd)
  }

  /// Everything over the horizon: plan plus priced extras for every month.
  public var horizonTotal: Money { planCost + extrasMonthly * Decimal(demand.horizonMonths) }

  /// The first step: what to buy now.
  public var recommendation: PlanStep? { plan.first }
}
