import Foundation

/// How a one-time charge (an installation fee) is billed in one month, when a month's line carries it.
///
/// A one-time charge is billed once, in its start month, for its whole ``total``. Without amortisation the line in
/// that month costs the total; amortised over a term, every month of the term carries a share of it as its cost
/// (FOCUS `EffectiveCost`) while only the start month bills it (FOCUS `BilledCost`).
public struct OneTimeBilling: Hashable, Sendable {
  /// The whole one-time amount, in the rate table's currency.
  public var total: Decimal
  /// Whether this month is the one the charge is billed in (its start month).
  public var billedThisMonth: Bool

  /// What is billed in this month: the total in the start month, 0 in the other months of an amortised term.
  public var billed: Decimal { billedThisMonth ? total : 0 }
}
