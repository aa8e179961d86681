import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingResult {
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
      case .direct(let port, let tier, let billing, let bandwidth):
        return "Direct \(port.name) pair: \(tier.name) \(billing.name) \(bandwidth)"
      }
    }

    /// The billing model considered.
    public var billing: BillingFamily {
      switch kind {
      case .provider(_, let billing, _), .direct(_, _, let billing, _): return billing
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
    public var verdict: SizingResult.SizingCandidate.Verdict
    /// Set when the option is a Virtual WAN hub's ExpressRoute gateway with this many scale units (2 Gbps each);
    /// ``sku`` and ``scaleUnits`` then do not apply.
    public var virtualWANScaleUnits: Int? = nil

    /// `ErGw2AZ`, `ErGwScale × 3 units` or `Virtual WAN hub × 2 scale units`.
    public var label: String {
      if let units = virtualWANScaleUnits { return "Virtual WAN hub × \(units) scale unit\(units == 1 ? "" : "s")" }
      return scaleUnits.map { "\(sku.name) × \($0) units" } ?? sku.name
    }

    /// Whether `other` is the same gateway (SKU and size, or the same hub size).
    func isSameGateway(as other: GatewayCandidate) -> Bool {
      virtualWANScaleUnits == other.virtualWANScaleUnits
        && (virtualWANScaleUnits != nil || (sku == other.sku && scaleUnits == other.scaleUnits))
    }
  }

  /// One step of the gateway plan: from `month` on, run this gateway.
  public struct GatewayStep: Hashable, Sendable {
    /// The 0-based month the step starts.
    public var month: Int
    /// The SKU.
    public var sku: GatewaySKU
    /// Scale units, for ErGwScale.
    public var scaleUnits: Int?
    /// Why the step happens.
    public var reason: String
    /// Set when the step runs a Virtual WAN hub's ExpressRoute gateway with this many scale units.
    public var virtualWANScaleUnits: Int? = nil

    /// `ErGw2AZ`, `ErGwScale × 3 units` or `Virtual WAN hub × 2 scale units`.
    public var label: String {
      if let units = virtualWANScaleUnits { return "Virtual WAN hub × \(units) scale unit\(units == 1 ? "" : "s")" }
      return scaleUnits.map { "\(sku.name) × \($0) units" } ?? sku.name
    }
  }

  /// One month of the plan: everything that runs that month, priced by the engine.
  public struct PlannedMonth: Hashable, Sendable {
    /// The 0-based month.
    public var month: Int
    /// The configuration that runs (circuits, gateways, VPN, Global Reach).
    public var deployment: Deployment
    /// Its monthly quote.
    public var quote: Quote
    /// The recommended circuit's own charges (fee and metered data).
    public var circuitCost: Money
  }

  /// Which failure the design survives, and what surviving it costs.
  public struct Resilience: Hashable, Sendable {
    /// The redundancy mode, in words.
    public var design: String
    /// What failure the design survives, and what it does not.
    public var survives: String
    /// What the redundancy adds to month 1 (second circuit, VPN gateway); `nil` when unpriced, zero for a single circuit.
    public var monthlyCost: Money?
    /// What a month spent on failover adds in month 1, when it differs from normal running.
    public var failoverFirstMonth: Money?
    /// What a month spent on failover adds in the last month of the horizon.
    public var failoverLastMonth: Money?
    /// Findings: throughput shortfalls, what is not priced.
    public var findings: [String]
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
    /// Its cost in month 1, when it carries month 1's traffic and is priced (it may be outgrown later).
    public var firstMonthCost: Money? = nil
    /// Whether it carries month 1's traffic (at the target utilisation).
    public var carriesFirstMonth = true
    /// The recommendation's circuit cost over the horizon, with the overlap while the current circuit runs beside a
    /// new one (``overlapCost``).
    public var recommendedCost: Money
    /// What the lead time adds when the recommendation needs a new circuit (the current one carrying the traffic, the
    /// new one idle); `nil` when it needs none.
    public var overlapCost: Money? = nil
    /// Utilisation now: sizing rate over bandwidth.
    public var utilization: Decimal
    /// Findings: savings, risks, rule problems.
    public var findings: [String]
  }

  /// A plan step's circuit size with its metered-vs-unlimited cost curve and the outbound volume when it starts.
  public struct StepCostCurve: Hashable, Sendable {
    /// The plan step.
    public var step: SizingResult.PlanStep
    /// The cost curve at the step's size.
    public var curve: CircuitComparison.CostCurve
    /// The outbound volume in the step's first month, when known.
    public var volume: DataVolume?
  }

  /// Months at the end of a horizon that no provider circuit can serve (a budget plans the months before them).
  public struct UnservedMonths: Hashable, Sendable {
    /// The first 0-based month that cannot be served; every later month cannot either.
    public var month: Int
    /// The bandwidth the workload needs in that month.
    public var need: Bandwidth
    /// Why no provider circuit serves it and what would (ExpressRoute Direct, a second circuit, a missing rate).
    public var remedy: String

    /// `from month 40 the workload needs 10.1 Gbps, more than …`.
    public var reason: String { "from month \(month + 1) the workload needs \(need), \(remedy)" }
  }
}

/// Everything the solver decided, and why.
public struct SizingResult: Hashable, Sendable {
  /// The profile's name.
  public var name: String
  /// The peering location.
  public var location: PeeringLocation
  /// The demand sized for.
  public var demand: SizingSolver.Demand
  /// What the sizing was priced on (rate table, date, currency, hours per month).
  public var basis: PricingBasis
  /// Metered-vs-unlimited cost by volume for each circuit size the plan uses (Local is drawn as Standard), with
  /// the plan step each belongs to.
  public var costCurves: [SizingResult.StepCostCurve] = []
  /// Hours per month used.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's date.
  public var priceDate: String { basis.priceDate }
  /// Why the tier is what it is.
  public var tierReasons: [String]
  /// The recommended plan: the first step is what to buy now.
  public var plan: [SizingResult.PlanStep]
  /// Circuit cost of the plan per month.
  public var planMonthlyCosts: [Money]
  /// Every circuit option considered, cheapest feasible first.
  public var candidates: [SizingResult.SizingCandidate]
  /// The recommended gateway, when gateways were asked for.
  public var gateway: SizingResult.GatewayCandidate?
  /// Every gateway option considered.
  public var gatewayCandidates: [SizingResult.GatewayCandidate]
  /// Extras included in the totals (gateways, second circuit, VPN, Global Reach).
  public var extras: [SizingResult.SizingExtra]
  /// The audit of the current circuit, if one was given.
  public var audit: SizingResult.CircuitAudit?
  /// The traffic summary, when sized from a series.
  public var traffic: TrafficSummary?
  /// Notes and warnings for the reader.
  public var notes: [String]
  /// The gateway plan, month by month (empty without gateways).
  public var gatewayPlan: [SizingResult.GatewayStep] = []
  /// The second circuit's plan, for a second-circuit design.
  public var secondPlan: [SizingResult.PlanStep] = []
  /// Every month of the horizon: the configuration and its quote.
  public var months: [SizingResult.PlannedMonth] = []
  /// Which failure the design survives and at what cost.
  public var resilience: SizingResult.Resilience?
  /// Bursts above the recommended bandwidth, measured from the series.
  public var bursts: [String] = []
  /// Cheaper options blocked only by a missing price, with the override row that would settle each.
  public var blockedByPrice: [String] = []
  /// The recommended circuit in month 1 against a VPN over the internet carrying the same traffic.
  public var vpnAlternative: CircuitComparison.VPNComparison?
  /// Up to which outbound volume the recommended MeteredData holds, when no volume was given or measured; `nil`
  /// when the volume is known or the billing model does not depend on it.
  public var billingCondition: SizingResult.BillingCondition?
  /// Provider circuit against ExpressRoute Direct on the whole cost (Azure's and the user's own charges), when Direct was weighed.
  public var pathComparison: [String] = []
  /// The provider plan against the cheapest priced Direct design over the horizon, category by category (the Direct
  /// side keeps the plan's gateway, second path and Global Reach); `nil` when no Direct option is priced.
  public var pathCosts: CostComparison?
  /// Month 1 of this redundant design against the best single-circuit design, category by category; `nil` for a
  /// single circuit, or when the single design cannot be planned.
  public var redundancyCosts: CostComparison?
  /// Months after each month that every decision was judged against.
  public var lookAheadMonths: Int = 0
  /// Set when the plan stops before the horizon asked for: the months from there on cannot be served (budgets only;
  /// ``months`` then holds the served months).
  public var unserved: SizingResult.UnservedMonths?

  /// The circuit plan's cost over the horizon.
  public var planCost: Money { Money.sum(planMonthlyCosts, currency: planMonthlyCosts.first?.currency ?? .usd) }

  /// Priced extras in month 1 (gateways, second circuit, VPN, Global Reach).
  public var extrasMonthly: Money { extrasMonthlyCosts.first ?? .zero(planMonthlyCosts.first?.currency ?? .usd) }

  /// Priced extras in each month: each month's quote less the recommended circuit's own charges.
  public var extrasMonthlyCosts: [Money] { months.map { $0.quote.total - $0.circuitCost } }

  /// Each month's total, as its quote prices it.
  public var monthlyTotals: [Money] { months.map(\.quote.total) }

  /// Everything over the horizon: the sum of the monthly quotes.
  public var horizonTotal: Money { Money.sum(monthlyTotals, currency: planMonthlyCosts.first?.currency ?? .usd) }

  /// ``horizonTotal`` at list prices (before any negotiated discount): the same line items' list amounts.
  public var horizonListTotal: Money {
    Money.sum(months.map(\.quote.listTotal), currency: planMonthlyCosts.first?.currency ?? .usd)
  }

  /// Charges no month could price (each listed once).
  public var unpricedCharges: [Quote.UnpricedItem] {
    var seen = Set<String>()
    return months.flatMap(\.quote.unpriced).filter { seen.insert("\($0.resource)|\($0.meter.displayName)").inserted }
  }

  /// The first step: what to buy now.
  public var recommendation: SizingResult.PlanStep? { plan.first }
}

// Short names inside the package.
package typealias SizingCandidate = SizingResult.SizingCandidate
package typealias PlanStep = SizingResult.PlanStep
package typealias GatewayCandidate = SizingResult.GatewayCandidate
package typealias GatewayStep = SizingResult.GatewayStep
package typealias PlannedMonth = SizingResult.PlannedMonth
package typealias Resilience = SizingResult.Resilience
package typealias SizingExtra = SizingResult.SizingExtra
package typealias CircuitAudit = SizingResult.CircuitAudit
package typealias StepCostCurve = SizingResult.StepCostCurve
package typealias UnservedMonths = SizingResult.UnservedMonths
