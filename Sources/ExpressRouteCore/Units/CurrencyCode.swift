/// An ISO 4217 currency code such as `USD` or `EUR`.
///
/// Three upper-case ASCII letters; anything else is rejected when parsed.
public struct CurrencyCode: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The three-letter code.
  public let rawValue: String

  /// Creates a code from three upper-case ASCII letters, or `nil`.
  public init?(_ text: String) {
    guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase && $0.isLetter })
    else { return nil }
    rawValue = text
  }

  /// US dollars.
  public static let usd = CurrencyCode(unchecked: "USD")

  init(unchecked text: String) { rawValue = text }

  public var description: String { rawValue }

  public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
