import ExpressRouteCore

/// An ExpressRoute virtual network gateway SKU.
public enum GatewaySKU: String, DeclarationOrdered {
  case standard = "Standard"
  case highPerformance = "HighPerformance"
  case ultraPerformance = "UltraPerformance"
  case erGw1AZ = "ErGw1AZ"
  case erGw2AZ = "ErGw2AZ"
  case erGw3AZ = "ErGw3AZ"
  /// The scalable gateway, billed per scale unit-hour.
  case erGwScale = "ErGwScale"

  public var aliases: [String] {
    switch self {
    case .highPerformance: return ["High Performance"]
    case .ultraPerformance: return ["Ultra Performance", "Ultra High Performance"]
    default: return []
    }
  }
  public static let kindDescription = "ExpressRoute gateway SKU"

  /// Whether this is a legacy (non-zone-redundant) SKU.
  public var isLegacy: Bool { [.standard, .highPerformance, .ultraPerformance].contains(self) }
}
