import ExpressRouteCore

/// The circuit SKU tier: what the circuit can reach.
///
/// Local reaches only the local Azure region(s) of its peering location;
/// Standard reaches every region in the same geopolitical region; Premium
/// reaches all regions and raises route and VNet-link limits.
public enum CircuitTier: String, DeclarationOrdered {
  case local = "Local"
  case standard = "Standard"
  case premium = "Premium"

  public static let kindDescription = "circuit SKU tier"

  /// Maximum private-peering IPv4 routes accepted from on-premises (CONFIRMED, limits include 03/31/2026).
  public var maxPrivatePeeringRoutes: Int { self == .premium ? 10_000 : 4_000 }

  /// Maximum VNet links (Global Reach connections count too) at `bandwidth`.
  ///
  /// Local and Standard: 10 at every size. Premium: 20 to 100 by bandwidth
  /// (CONFIRMED, limits include 03/31/2026).
  public func maxVirtualNetworkLinks(at bandwidth: Bandwidth) -> Int {
    guard self == .premium else { return 10 }
    switch bandwidth.bitsPerSecond {
    case ..<100_000_000: return 20
    case ..<500_000_000: return 25
    case ..<1_000_000_000: return 40
    case ..<2_000_000_000: return 50
    case ..<5_000_000_000: return 60
    case ..<10_000_000_000: return 75
    default: return 100
    }
  }

  // Ordered by declaration (DeclarationOrdered): Local < Standard < Premium.
}
