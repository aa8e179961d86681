import ExpressRouteCore

/// An ExpressRoute billing zone, set by the circuit's peering location.
///
/// ExpressRoute zones are not Azure availability zones and not the bandwidth
/// zones of internet egress; they only select circuit and egress rates.
public enum Zone: String, DeclarationOrdered {
  case zone1 = "Zone 1"
  case zone2 = "Zone 2"
  case zone3 = "Zone 3"
  case zone4 = "Zone 4"
  case usGovZone1 = "US Gov Zone 1"
  /// Azure China's peering locations (Beijing, Shanghai): operated by 21Vianet and priced in CNY on a
  /// separate price list, so the global rate tables have no rows for them (see ``noRatesReason``).
  case china = "China"

  public var aliases: [String] {
    switch self {
    case .zone1: return ["1", "z1"]
    case .zone2: return ["2", "z2"]
    case .zone3: return ["3", "z3"]
    case .zone4: return ["4", "z4"]
    case .usGovZone1: return ["usgov1", "gov"]
    case .china: return ["cn", "Azure China"]
    }
  }
  public static let kindDescription = "ExpressRoute zone"
  // Ordered by declaration (DeclarationOrdered): Zone 1 … Zone 4, US Gov Zone 1, then China.

  /// The zones the global price list (and so a rate table) prices: every zone but ``china``.
  public static let priced: [Zone] = allCases.filter { $0.noRatesReason == nil }

  /// Why a charge in this zone has no rate, for zones no global price list covers; `nil` for the others.
  public var noRatesReason: String? {
    switch self {
    case .china:
      return
        "Azure China (operated by 21Vianet) prices ExpressRoute in CNY on its own price list, which this tool does not carry: not priced"
    default: return nil
    }
  }
}
