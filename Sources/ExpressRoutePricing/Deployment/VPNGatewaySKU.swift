import ExpressRouteCore

/// A VPN gateway SKU (for a backup VPN path), as Azure spells it.
///
/// Matched like every other name (``ParsableName``): `vpngw1az`, `VPNGW1AZ` and
/// `VpnGw1AZ` are the same SKU, and an unknown name is an error with a
/// suggestion instead of a charge that silently disappears.
public enum VPNGatewaySKU: String, DeclarationOrdered {
  case basic = "Basic"
  case vpnGw1 = "VpnGw1"
  case vpnGw2 = "VpnGw2"
  case vpnGw3 = "VpnGw3"
  case vpnGw4 = "VpnGw4"
  case vpnGw5 = "VpnGw5"
  case vpnGw1AZ = "VpnGw1AZ"
  case vpnGw2AZ = "VpnGw2AZ"
  case vpnGw3AZ = "VpnGw3AZ"
  case vpnGw4AZ = "VpnGw4AZ"
  case vpnGw5AZ = "VpnGw5AZ"

  public static let kindDescription = "VPN gateway SKU"

  /// Microsoft's aggregate throughput benchmark for the SKU (Generation2 where the SKU has one, else
  /// Generation1): MicrosoftDocs/azure-docs `includes/vpn-gateway-table-gwtype-aggtput-include.md`
  /// (ms.date 10/19/2023). A benchmark over several tunnels, not a guarantee across the internet.
  public var aggregateThroughput: Bandwidth {
    switch self {
    case .basic: return .mbps(100)
    case .vpnGw1, .vpnGw1AZ: return .mbps(650)
    case .vpnGw2, .vpnGw2AZ: return .mbps(1250)
    case .vpnGw3, .vpnGw3AZ: return .mbps(2500)
    case .vpnGw4, .vpnGw4AZ: return .gbps(5)
    case .vpnGw5, .vpnGw5AZ: return .gbps(10)
    }
  }
}
