import Foundation

/// An exact amount of money in a single currency.
///
/// `Money` stores its amount as a `Decimal` and never rounds on its own.
/// Round explicitly, once, with ``rounded(toPlaces:rule:)``; the pricing
/// engine does so per line item with ``RoundingRule/lineItem``.
///
///     let circuit = Money(436, currency: .usd)
///     let year = circuit * 12          // 5232 USD, exact
public struct Money: Hashable, Sendable, CustomStringConvertible {
  /// The amount, in major units of ``currency`` (dollars, not cents).
  public var amount: Decimal
  /// The ISO 4217 currency of ``amount``.
  public var currency: CurrencyCode

  /// Creates an amount of money.
  public init(_ amount: Decimal, currency: CurrencyCode) {
    self.amount = amount
    self.currency = currency
  }

  /// Zero in `currency`.
  public static func zero(_ currency: CurrencyCode) -> Money { Money(0, currency: currency) }

  /// This amount rounded to `places` decimal places using `rule`.
  public func rounded(toPlaces places: Int = 2, rule: RoundingRule = .lineItem) -> Money {
    Money(amount.rounded(toPlaces: places, rule: rule), currency: currency)
  }

  /// `1234.50 USD`: two decimals, no grouping, no locale.
  public var description: String { "\(amount.fixedPoint(places: 2)) \(currency)" }

  /// `1,234.50`: two decimals with grouping and no currency, for tables.
  public var groupedAmount: String { amount.grouped(places: 2) }
}

// MARK: - Arithmetic

extension Money {
  /// The sum of two amounts in the same currency.
  ///
  /// - Precondition: Both amounts have the same currency.
  public static func + (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot add \(lhs.currency) to \(rhs.currency)")
    return Money(FastDecimal.sum(lhs.amount, rhs.amount), currency: lhs.currency)
  }

  /// The difference of two amounts in the same currency.
  ///
  /// - Precondition: Both amounts have the same currency.
  public static func - (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot subtract \(rhs.currency) from \(lhs.currency)")
    return Money(FastDecimal.difference(lhs.amount, rhs.amount), currency: lhs.currency)
  }

  /// Adds `rhs` to `lhs`.
  public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }

  /// An amount multiplied by an exact quantity (months, hours, gigabytes, units).
  public static func * (lhs: Money, rhs: Decimal) -> Money {
    Money(FastDecimal.product(lhs.amount, rhs), currency: lhs.currency)
  }

  /// The sum of `amounts`, or zero in `currency` when empty.
  public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) -> Money {
    amounts.reduce(.zero(currency), +)
  }
}

extension Money: Comparable {
  /// Orders amounts of the same currency by value.
  ///
  /// - Precondition: Both amounts have the same currency.
  public static func < (lhs: Money, rhs: Money) -> Bool {
    precondition(lhs.currency == rhs.currency, "cannot compare \(lhs.currency) with \(rhs.currency)")
    return FastDecimal.isLess(lhs.amount, rhs.amount)
  }
}
