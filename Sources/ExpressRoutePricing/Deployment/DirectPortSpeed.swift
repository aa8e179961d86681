import ExpressRouteCore

/// The speed of one port in an ExpressRoute Direct port pair.
public enum DirectPortSpeed: String, ParsableName, Comparable {
  case gbps10 = "10 Gbps"
  case gbps100 = "100 Gbps"
  case gbps400 = "400 Gbps"

  public var aliases: [String] {
    switch self {
    case .gbps10: return ["10G", "10"]
    case .gbps100: return ["100G", "100"]
    case .gbps400: return ["400G", "400"]
    }
  }
  public static let kindDescription = "ExpressRoute Direct port speed"

  /// One port's speed.
  public var bandwidth: Bandwidth {
    switch self {
    case .gbps10: return .gbps(10)
    case .gbps100: return .gbps(100)
    case .gbps400: return .gbps(400)
    }
  }

  /// Circuit sizes that can be created on a pair of this speed (CONFIRMED, ER-Direct 03/02/2026).
  public var circuitSizes: [Bandwidth] {
    switch self {
    case .gbps10: return [.gbps(1), .gbps(2), .gbps(5), .gbps(10)]
    case .gbps100: return [.gbps(5), .gbps(10), .gbps(40), .gbps(100)]
    case .gbps400: return [.gbps(5), .gbps(10), .gbps(40), .gbps(100), .gbps(200), .gbps(400)]
    }
  }

  /// Total circuit bandwidth the pair may carry: 2× one port for 10G and 100G pairs.
  ///
  /// `nil` for 400G pairs: the limit was not found in the reference.
  public var subscriptionLimit: Bandwidth? {
    switch self {
    case .gbps10: return .gbps(20)
    case .gbps100: return .gbps(200)
    case .gbps400: return nil
    }
  }

  public static func < (lhs: DirectPortSpeed, rhs: DirectPortSpeed) -> Bool {
    lhs.bandwidth < rhs.bandwidth
  }
}
