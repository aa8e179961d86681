import ExpressRouteCore

extension CircuitComparison {
  /// A provider circuit as bought, without a place: tier, billing and bandwidth.
  ///
  /// It carries the one rule for an option without a price: whether it could cost less than a priced one. `compare`
  /// and `size` both apply it before calling a priced option the cheapest, so they never disagree about the same gap.
  public struct Choice: Hashable, Sendable, CustomStringConvertible {
    /// The tier.
    public var tier: CircuitTier
    /// The billing model.
    public var billing: BillingFamily
    /// The bandwidth.
    public var bandwidth: Bandwidth

    /// Creates a choice.
    public init(tier: CircuitTier, billing: BillingFamily, bandwidth: Bandwidth) {
      self.tier = tier
      self.billing = billing
      self.bandwidth = bandwidth
    }

    /// `Standard MeteredData 100 Mbps`.
    public var description: String { "\(tier.name) \(billing.name) \(bandwidth)" }

    /// Whether this choice, when it has no price, could cost less a month than `priced` at the same place and volume.
    ///
    /// It is known to cost at least as much only when it has the same billing, a tier at least as high (Premium is
    /// Standard plus an add-on; Local costs less than Standard) and at least the bandwidth (a larger circuit of the
    /// same tier and billing never has a smaller fee). Any other choice without a price may be the cheaper one: a
    /// lower tier, a smaller circuit, or the other billing model (which of metered and unlimited costs less depends on
    /// the outbound volume), so a priced option can be called the cheapest only when no such choice is left unpriced.
    public func mayCostLess(than priced: CircuitComparison.Choice) -> Bool {
      !(billing == priced.billing && tier >= priced.tier && bandwidth >= priced.bandwidth)
    }
  }
}
