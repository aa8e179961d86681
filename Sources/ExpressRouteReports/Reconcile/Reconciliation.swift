import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import Foundation

/// An estimate set against what was billed, per resource × meter × month.
///
/// Resources are matched by ARM resource ID, case-insensitively (ercalc's planned `ercalc:/plans/…` IDs for a plan),
/// meters by name (case and runs of spaces ignored). Only the months the exports bill are compared. Each line's
/// ``Line/variance`` is billed − estimated, and its ``Reason`` says why: the quantity, the unit price, both, a meter
/// the estimate did not expect, a resource the estate does not know, an estimated charge not billed, or an estimated
/// charge ercalc could not price (its variance is unknown, never taken as the whole bill).
public struct Reconciliation: Hashable, Sendable {
  /// Why a line's billed amount differs from its estimate.
  public enum Reason: String, Hashable, Sendable, CaseIterable {
    /// Billed as estimated.
    case none = "none"
    /// The billed quantity differs (egress measured against egress billed, hours in the month); same unit price.
    case quantity = "quantity"
    /// The billed unit price differs (a negotiated discount or a price change); same quantity.
    case unitPrice = "unit price"
    /// Both differ.
    case quantityAndUnitPrice = "quantity and unit price"
    /// A meter billed on a resource of the estate that the estimate has no line for (Global Reach nobody planned,
    /// a gateway billed with no circuit).
    case unexpectedMeter = "meter not in the estimate"
    /// A resource billed that the estate does not know.
    case unknownResource = "resource not in the estate"
    /// Estimated, but not on the bill.
    case notBilled = "estimated, not billed"
    /// The estimate could not price this charge: its variance is unknown.
    case notPriced = "estimate has no price"
    /// Billed with no quantity in the export (`NULL` or empty): whether the quantity or the price differs is unknown.
    case billedQuantityUnknown = "billed quantity not given"
  }

  /// One resource × meter × month.
  public struct Line: Hashable, Sendable {
    /// The resource ID as the estimate or the first billed row wrote it.
    public var resourceId: String
    /// The resource's name (the ID's last segment when the estimate does not know it).
    public var resource: String
    /// The meter name.
    public var meter: String
    /// The month.
    public var month: MonthKey
    /// The estimated quantity; `nil` when the estimate has no line or does not know the quantity.
    public var estimatedQuantity: Decimal?
    /// The billed quantity; `nil` when not billed or the export gave none.
    public var billedQuantity: Decimal?
    /// The estimated cost; `nil` when the estimate has no line or no price.
    public var estimated: Decimal?
    /// The billed cost; `nil` when not billed.
    public var billed: Decimal?
    /// Billed − estimated (a missing side counts as 0); `nil` when the estimate has a line without a price.
    public var variance: Decimal?
    /// Why.
    public var reason: Reason
    /// Where the billed figure came from (`file:line` of its first row), or the estimate's reason it has no price.
    public var detail: String
  }

  /// One month's totals.
  public struct MonthTotal: Hashable, Sendable {
    /// The month.
    public var month: MonthKey
    /// The sum of the priced estimates.
    public var estimated: Decimal
    /// The sum billed.
    public var billed: Decimal
    /// Billed − estimated over the lines whose estimate has a price: what is billed where the estimate has none
    /// (``billedWithoutPricedEstimate``) is shown apart, never set against a zero estimate.
    public var variance: Decimal { billed - billedWithoutPricedEstimate - estimated }
    /// Billed on lines whose estimate has no price (part of ``billed``, with no estimate to set against).
    public var billedWithoutPricedEstimate: Decimal
  }

  /// The currency of every amount.
  public var currency: CurrencyCode
  /// The lines, by month, then resource ID, then meter.
  public var lines: [Line]
  /// The totals of each month compared.
  public var months: [MonthTotal]
  /// Waste found in billing and inventory together.
  public var findings: [WasteFinding]
  /// Facts the reader should know (exports read, months outside the plan, rows skipped).
  public var notes: [String]

  /// The totals over every month compared.
  public var total: MonthTotal? {
    guard let first = months.first else { return nil }
    return MonthTotal(
      month: first.month, estimated: months.reduce(0) { $0 + $1.estimated },
      billed: months.reduce(0) { $0 + $1.billed },
      billedWithoutPricedEstimate: months.reduce(0) { $0 + $1.billedWithoutPricedEstimate })
  }
}
