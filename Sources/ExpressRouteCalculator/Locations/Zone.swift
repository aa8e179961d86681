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

  public var name: String { rawValue }
  public var aliases: [String] {
    switch self {
    case .zone1: return ["1", "z1"]
    case .zone2: return ["2", "z2"]
    case .zone3: return ["3", "z3"]
    case .zone4: return ["4", "z4"]
    case .usGovZone1: return ["usgov1", "gov"]
    }
  }
  public static let kindDescription = "ExpressRoute zone"
  // Ordered by declaration (DeclarationOrdered): Zone 1 … Zone 4, then US Gov Zone 1.
}
