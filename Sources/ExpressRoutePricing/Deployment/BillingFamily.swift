import ExpressRouteCore

/// How a circuit pays for outbound data.
///
/// MeteredData pays per GB of outbound (Azure → on-premises) data by zone;
/// UnlimitedData includes all data except Global Reach. Inbound is always free.
public enum BillingFamily: String, DeclarationOrdered {
  case metered = "MeteredData"
  case unlimited = "UnlimitedData"

  public var aliases: [String] {
    switch self {
    case .metered: return ["metered", "Metered Data"]
    case .unlimited: return ["unlimited", "Unlimited Data"]
    }
  }
  public static let kindDescription = "billing model"

  /// `metered` or `unlimited`, for tables.
  public var shortName: String { self == .metered ? "metered" : "unlimited" }

  // Ordered by declaration (DeclarationOrdered): MeteredData < UnlimitedData.
}
