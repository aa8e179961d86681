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

  /// The zone-redundant SKU Azure moves this one to, for the retired non-AZ VpnGw1–5: new ones cannot be created
  /// since 1 January 2025, and existing ones are migrated to their AZ twin (deprecated from 16 September 2026) and
  /// then billed at its price (MicrosoftDocs/azure-docs `articles/vpn-gateway/gateway-sku-consolidation.md`, ms.date
  /// 09/26/2024). `nil` for Basic (not retiring) and the AZ SKUs.
  public var zoneRedundantSuccessor: VPNGatewaySKU? {
    switch self {
    case .vpnGw1: return .vpnGw1AZ
    case .vpnGw2: return .vpnGw2AZ
    case .vpnGw3: return .vpnGw3AZ
    case .vpnGw4: return .vpnGw4AZ
    case .vpnGw5: return .vpnGw5AZ
    default: return nil
    }
  }

  /// Whether a new gateway can be created with this SKU: every SKU but the retired non-AZ VpnGw1–5.
  public var canBeCreated: Bool { zoneRedundantSuccessor == nil }

  /// What a quote of a gateway with a retired SKU says; `nil` for a SKU that can be created.
  package var retirementNote: String? {
    zoneRedundantSuccessor.map {
      "\(name) is a retired non-zone-redundant VPN gateway SKU: none can be created since 1 January 2025, and existing ones are migrated to \($0.name) (deprecated from 16 September 2026) and then billed at its price; priced here as \(name), as written"
    }
  }

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
