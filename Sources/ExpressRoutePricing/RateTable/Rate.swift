import ExpressRouteCore

extension RateTable {
  /// One row of a rate table: a meter and its price, or the reason it has none.
  public struct Rate: Hashable, Sendable {
    /// What is charged.
    public var meter: Meter
    /// The price per ``Meter/unit``; `nil` when the meter is known but unpriced.
    public var price: Money?
    /// Why there is no price (for example "NOT FOUND in any official source").
    public var unpricedReason: String?
    /// Where the price (or the absence of one) came from.
    public var provenance: PriceSource.Provenance
    /// Where the row stands in its file, for duplicate and rule messages.
    public var location: Diagnostic.FileLocation?
    /// For the user's own price (an override file's row, a price sheet's), the list price it replaced: FOCUS
    /// `ListCost` stays the cost at list price. `nil` for a list price itself, or where the table had none.
    public var listPrice: Money?

    /// Creates a priced rate.
    public init(
      meter: Meter, price: Money, provenance: PriceSource.Provenance, location: Diagnostic.FileLocation? = nil
    ) {
      self.init(meter: meter, price: price, unpricedReason: nil, provenance: provenance, location: location)
    }

    /// Creates an unpriced rate.
    public init(
      meter: Meter, unpricedReason: String, provenance: PriceSource.Provenance, location: Diagnostic.FileLocation? = nil
    ) {
      self.init(meter: meter, price: nil, unpricedReason: unpricedReason, provenance: provenance, location: location)
    }

    private init(
      meter: Meter, price: Money?, unpricedReason: String?, provenance: PriceSource.Provenance,
      location: Diagnostic.FileLocation?
    ) {
      self.meter = meter
      self.price = price
      self.unpricedReason = unpricedReason
      self.provenance = provenance
      self.location = location
    }
  }
}

// Short names inside the package.
package typealias Rate = RateTable.Rate
