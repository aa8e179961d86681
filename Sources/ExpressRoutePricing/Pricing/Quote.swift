import ExpressRouteCore
import Foundation

extension Quote {
  /// One priced line of a monthly bill.
  ///
  /// ``amount`` is `unitPrice × quantity × (1 − discount)` rounded once, to cents,
  /// with ``RoundingRule/lineItem``; ``listAmount`` is the same without the discount.
  /// A quote's total is the exact sum of its line items' amounts.
  public struct LineItem: Hashable, Sendable {
    /// The resource this line belongs to (`circuit 'ams-1'`).
    public var resource: String
    /// The meter charged.
    public var meter: Meter
    /// How many units of ``Meter/unit`` (months, hours, GB).
    public var quantity: Decimal
    /// The price of one unit.
    public var unitPrice: Money
    /// `unitPrice × quantity × (1 − discount)`, rounded to cents: what is billed.
    public var amount: Money
    /// `listUnitPrice × quantity`, rounded to cents: the cost at list price (FOCUS `ListCost`).
    public var listAmount: Money
    /// The list price of one unit: ``unitPrice``, or for the user's own price the list price it replaced
    /// (``RateTable/Rate/listPrice``).
    public var listUnitPrice: Money
    /// The negotiated discount applied, as a fraction (0.12 = 12%); 0 at list price.
    public var discount: Decimal
    /// Where the unit price came from.
    public var provenance: PriceSource.Provenance
    /// How the quantity was reached (`730 h × 2 gateways`).
    public var detail: String?
    /// For a one-time charge, how it is billed: ``amount`` is the month's cost (a share of the total when
    /// amortised), ``OneTimeBilling/billed`` what the month's invoice carries; `nil` for a recurring or usage charge.
    public var oneTimeBilling: OneTimeBilling?

    /// Creates a line item and rounds its amount.
    public init(
      resource: String, meter: Meter, quantity: Decimal, unitPrice: Money, provenance: PriceSource.Provenance,
      detail: String? = nil,
      discount: Decimal = 0, listUnitPrice: Money? = nil
    ) {
      self.resource = resource
      self.meter = meter
      self.quantity = quantity
      self.unitPrice = unitPrice
      self.discount = discount
      let atUnitPrice = (unitPrice * quantity).rounded(toPlaces: 2, rule: .lineItem)
      let list = listUnitPrice.flatMap { $0.currency == unitPrice.currency ? $0 : nil } ?? unitPrice
      self.listUnitPrice = list
      self.listAmount = list == unitPrice ? atUnitPrice : (list * quantity).rounded(toPlaces: 2, rule: .lineItem)
      // The discounted unit price is the one break-evens use (``Discounts/effectivePrice(_:for:)``).
      self.amount =
        discount.isZero
        ? atUnitPrice
        : Money(
          FastDecimal.product(Discounts.discounted(unitPrice.amount, by: discount), quantity),
          currency: unitPrice.currency
        )
        .rounded(toPlaces: 2, rule: .lineItem)
      self.provenance = provenance
      self.detail = detail
    }
  }

  /// A charge the engine knows about but cannot price: listed, never counted as zero.
  public struct UnpricedItem: Hashable, Sendable {
    /// The resource this charge belongs to.
    public var resource: String
    /// The meter without a price.
    public var meter: Meter
    /// How many units would be charged; `nil` when the quantity itself is unknown
    /// (an outbound volume nobody gave).
    public var quantity: Decimal?
    /// Why there is no price, and what would settle it.
    public var reason: String

    /// Creates an unpriced item.
    public init(resource: String, meter: Meter, quantity: Decimal?, reason: String) {
      self.resource = resource
      self.meter = meter
      self.quantity = quantity
      self.reason = reason
    }
  }
}

/// The itemised monthly cost of a deployment.
public struct Quote: Hashable, Sendable {
  /// The deployment's name.
  public var name: String
  /// What the quote was priced on (rate table, date, currency, hours per month).
  public var basis: PricingBasis
  /// The currency of every amount.
  public var currency: CurrencyCode { basis.currency }
  /// Hours in the billing month used for hourly meters.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's effective date.
  public var priceDate: String { basis.priceDate }
  /// Priced lines, in deployment order.
  public var lineItems: [Quote.LineItem]
  /// Charges that could not be priced.
  public var unpriced: [Quote.UnpricedItem]
  /// Facts the reader should know (for example, circuits included in a Direct port fee).
  public var notes: [String]
  /// The sources behind the priced lines, in table order.
  public var sources: [PriceSource]
  /// Resources read from an existing configuration that ercalc could not price, with why.
  public var skippedResources: [String] = []
  /// Resources read from an existing configuration that are not ExpressRoute resources (resource groups,
  /// virtual networks, storage): outside this quote, named so nothing vanishes, and not counted as unpriced.
  public var outOfScopeResources: [String] = []
  /// One-time charges the user supplied (installation fees): listed, not in the monthly total.
  public var oneTime: [Quote.LineItem] = []
  /// The Azure IDs and regions of the quoted resources that exist (``Deployment/azureResources``), by resource label.
  public var azureResources: [String: AzureResourceReference] = [:]

  /// The exact sum of the line items (unpriced items excluded, and listed).
  public var total: Money { Money.sum(lineItems.map(\.amount), currency: currency) }

  /// The total at list prices (before any negotiated discount).
  public var listTotal: Money { Money.sum(lineItems.map(\.listAmount), currency: currency) }

  /// Whether every charge was priced.
  public var isComplete: Bool { unpriced.isEmpty && skippedResources.isEmpty }

  /// The least trusted confidence among the priced Azure lines (the user's own charges are their own word).
  public var weakestConfidence: PriceSource.Confidence? {
    lineItems.map(\.provenance.confidence).filter { $0 != .user }.max()
  }
}

// Short names inside the package.
package typealias LineItem = Quote.LineItem
package typealias UnpricedItem = Quote.UnpricedItem
