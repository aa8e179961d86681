import ExpressRouteCore
import Foundation

/// Every SKU and billing option for one circuit size, location and egress volume, cheapest first.
public struct CircuitComparison: Hashable, Sendable {
  /// One SKU × billing option and its monthly cost, or why it has none.
  public struct Option: Hashable, Sendable {
    /// The tier.
    public var tier: CircuitTier
    /// The billing model.
    public var billing: BillingFamily
    /// The priced quote, when the option is available.
    public var quote: Quote?
    /// Why the option cannot be bought here (the broken rule's message).
    public var unavailableReason: String?

    /// The monthly total, when available and completely priced.
    public var monthlyTotal: Money? {
      guard let quote, quote.isComplete else { return nil }
      return quote.total
    }

    /// `Standard MeteredData`.
    public var label: String { "\(tier.name) \(billing.name)" }
  }

  /// The peering location, when one was given.
  public var location: PeeringLocation?
  /// The billing zone.
  public var zone: Zone
  /// The circuit size compared.
  public var bandwidth: Bandwidth
  /// Outbound data per month.
  public var monthlyEgress: DataVolume
  /// The options: fully priced ones cheapest first, then partly priced, then unavailable.
  public var options: [Option]
  /// Metered-vs-unlimited break-even for Standard and Premium.
  public var breakEvens: [CircuitComparison.BreakEven]
  /// Where Local becomes cheaper than Standard metered, when Local is available.
  public var localBreakEven: String?
  /// What the comparison was priced on (rate table, date, currency, hours per month).
  public var basis: PricingBasis
  /// What the circuit carries one way in a month at this bandwidth and hours per month.
  public var monthlyCapacity: DataVolume = .zero
  /// Standard's metered-vs-unlimited cost by volume at this size and zone, when every point is priced.
  public var curve: CircuitComparison.CostCurve?
  /// Hours per month used.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's effective date.
  public var priceDate: String { basis.priceDate }
  /// The currency of every amount.
  public var currency: CurrencyCode { basis.currency }
  /// The cheapest fully priced option. It is the cheapest of all only while ``unpricedMayCostLess`` is empty.
  public var cheapestPriced: Option? { options.first { $0.monthlyTotal != nil } }
  /// Options without a complete price that could cost less than every priced one, so that the cheapest is not known
  /// while any is left (``CircuitComparison/Choice/mayCostLess(than:)``, the rule `size` applies too).
  public var unpricedMayCostLess: [Option] { Self.unpricedMayCostLess(among: options, bandwidth: bandwidth) }
  /// The cheapest option, when it is known: the cheapest priced one, and no option without a price could cost less.
  public var cheapest: Option? { unpricedMayCostLess.isEmpty ? cheapestPriced : nil }

  /// The options of `options` (all at `bandwidth`) that are sold but not completely priced and could cost less than
  /// each completely priced one: an option known to cost at least as much as one priced option cannot be the cheapest,
  /// and neither can one whose priced charges alone (a lower bound: no charge is negative) already reach the cheapest
  /// priced total (30 TB of metered data at 750.00 against an unlimited circuit at 575.00).
  public static func unpricedMayCostLess(among options: [Option], bandwidth: Bandwidth) -> [Option] {
    let priced = options.filter { $0.monthlyTotal != nil }.map { $0.choice(bandwidth) }
    let cheapest = options.compactMap(\.monthlyTotal).min { $0 < $1 }
    return options.filter { option in
      guard let quote = option.quote, option.monthlyTotal == nil else { return false }
      if let cheapest, !(quote.total < cheapest) { return false }
      return priced.allSatisfy { option.choice(bandwidth).mayCostLess(than: $0) }
    }
  }
}

extension CircuitComparison.Option {
  /// The option as a ``CircuitComparison/Choice`` at `bandwidth`.
  public func choice(_ bandwidth: Bandwidth) -> CircuitComparison.Choice {
    CircuitComparison.Choice(tier: tier, billing: billing, bandwidth: bandwidth)
  }
}

extension PricingEngine {
  /// Compares every tier × billing option for one circuit.
  ///
  /// Options that break a product rule (Local where there is no local region,
  /// Local below 1 Gbps) are kept with the rule's message so reports can say
  /// why they were left out.
  public func compare(
    location: PeeringLocation?, zone explicitZone: Zone? = nil, bandwidth: Bandwidth, monthlyEgress: DataVolume
  ) throws(Diagnostic) -> CircuitComparison {
    guard let zone = location?.zone ?? explicitZone else {
      throw Diagnostic(.error, "compare needs a peering location or a zone")
    }
    let choices: [(CircuitTier, BillingFamily)] = [
      (.local, .unlimited), (.standard, .metered), (.standard, .unlimited), (.premium, .metered),
      (.premium, .unlimited),
    ]
    var options: [CircuitComparison.Option] = []
    for (tier, billing) in choices {
      let circuit = Circuit(
        name: "\(tier.name) \(billing.shortName)", peeringLocation: location?.name, zone: location == nil ? zone : nil,
        tier: tier,
        billing: billing, bandwidth: bandwidth, monthlyEgress: monthlyEgress)
      do {
        let quote = try self.quote(Deployment(name: circuit.name, circuits: [circuit]))
        options.append(.init(tier: tier, billing: billing, quote: quote, unavailableReason: nil))
      } catch {
        let reason =
          error.rule == ProductRule.providerBandwidths.id
          ? "\(bandwidth) is not sold as a provider circuit"
            + (bandwidth > .gbps(10) ? " (more than 10 Gbps needs ExpressRoute Direct)" : "")
          : "[\(error.rule ?? "rule")] " + error.message
        options.append(.init(tier: tier, billing: billing, quote: nil, unavailableReason: reason))
      }
    }
    options.sort { a, b in
      func group(_ option: CircuitComparison.Option) -> Int {
        option.monthlyTotal != nil ? 0 : option.quote != nil ? 1 : 2
      }
      if group(a) != group(b) { return group(a) < group(b) }
      if let x = a.monthlyTotal, let y = b.monthlyTotal, x != y { return x < y }
      if a.tier != b.tier { return a.tier < b.tier }
      return a.billing < b.billing
    }
    var localBreakEven: String?
    // From the prices billed (list less any negotiated discount), as every break-even: Local's fee against
    // Standard metered's fee plus its outbound data.
    if let local = options.first(where: { $0.tier == .local })?.quote, local.isComplete,
      let localFee = effectivePrice(of: .circuit(.local, .unlimited, bandwidth, zone)),
      let standardFee = effectivePrice(of: .circuit(.standard, .metered, bandwidth, zone)),
      let egress = effectivePrice(of: .egress(zone)), egress > 0
    {
      let difference = localFee - standardFee
      localBreakEven =
        difference <= 0
        ? "Local costs no more than Standard metered at any volume"
        : "Local is cheaper than Standard metered above \(BreakEven.volume(difference: difference, pricePerGB: egress))/month (all VNets must be in the local region)"
    }
    var comparison = CircuitComparison(
      location: location, zone: zone, bandwidth: bandwidth, monthlyEgress: monthlyEgress, options: options,
      breakEvens: [
        breakEven(tier: .standard, bandwidth: bandwidth, zone: zone),
        breakEven(tier: .premium, bandwidth: bandwidth, zone: zone),
      ],
      localBreakEven: localBreakEven, basis: basis)
    comparison.monthlyCapacity = monthlyCapacity(of: bandwidth)
    comparison.curve = costCurve(tier: .standard, bandwidth: bandwidth, zone: zone)
    return comparison
  }
}
