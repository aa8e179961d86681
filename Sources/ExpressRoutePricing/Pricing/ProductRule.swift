import ExpressRouteCore

extension PricingEngine {
  /// An ExpressRoute product rule the engine enforces, with a stable id for messages.
  ///
  /// Every rule is CONFIRMED in the reference unless its summary says otherwise.
  public enum ProductRule: String, CaseIterable, Sendable {
    case localUnlimitedOnly = "local-unlimited-only"
    case localMinimumBandwidth = "local-min-bandwidth"
    case localNeedsLocalRegion = "local-needs-local-region"
    case providerBandwidths = "provider-bandwidths"
    case directCircuitSizes = "direct-circuit-sizes"
    case directSubscriptionLimit = "direct-subscription-limit"
    case directBillingMatchesPort = "direct-billing-matches-port"
    case directNotOffered = "direct-not-offered"
    case globalReachNotLocal = "global-reach-not-local"
    case globalReachPremiumAcrossGeopolitical = "global-reach-premium-across-geopolitical"
    case globalReachDifferentLocations = "global-reach-different-locations"
    case globalReachNeedsLocations = "global-reach-needs-locations"
    case gatewayFastPath = "gateway-fastpath"
    case gatewayCircuitLimit = "gateway-circuit-limit"
    case gatewaySameLocationCircuits = "gateway-same-location-circuits"
    case gatewayScaleUnits = "gateway-scale-units"
    case trafficCollectorMinimumBandwidth = "traffic-collector-min-bandwidth"
    case virtualNetworkLinks = "vnet-link-limit"
    case egressWithinCapacity = "egress-within-capacity"

    /// The id printed in brackets in error messages.
    public var id: String { rawValue }

    /// One sentence stating the rule.
    public var summary: String {
      switch self {
      case .localUnlimitedOnly:
        return
          "Local provider circuits are UnlimitedData only; on a Direct pair a Local circuit takes the pair's billing, egress included."
      case .localMinimumBandwidth: return "Local circuits are 1 Gbps or more (SECONDARY: partner FAQ and price rows)."
      case .localNeedsLocalRegion: return "Local is sold only where the peering location has a local Azure region."
      case .providerBandwidths:
        return "Provider circuits are 50, 100, 200, 500 Mbps or 1, 2, 5, 10 Gbps; larger needs Direct."
      case .directCircuitSizes:
        return "Circuits on Direct: 1/2/5/10 Gbps on 10G pairs, 5/10/40/100 Gbps on 100G, up to 400 Gbps on 400G."
      case .directSubscriptionLimit: return "Circuits on a Direct pair may total at most twice one port's speed."
      case .directBillingMatchesPort: return "Circuits on a Direct pair use the pair's billing model."
      case .directNotOffered:
        return
          "ExpressRoute Direct is sold only at peering locations whose ER Direct column on Microsoft's locations page shows it."
      case .globalReachNotLocal: return "Global Reach is not available on Local circuits."
      case .globalReachPremiumAcrossGeopolitical:
        return "Global Reach across geopolitical regions needs Premium on both circuits."
      case .globalReachDifferentLocations: return "Global Reach links circuits at different peering locations."
      case .globalReachNeedsLocations:
        return
          "A Global Reach link whose ends are given by zone only must be checkable: Premium on both ends, and zones that differ or peering locations."
      case .gatewayFastPath:
        return "FastPath needs UltraPerformance, ErGw3AZ or ErGwScale with at least 10 scale units."
      case .gatewayCircuitLimit: return "A gateway connects at most 4/8/16 circuits by SKU (ErGwScale by scale units)."
      case .gatewaySameLocationCircuits:
        return "At most 4 circuits from the same peering location connect to one VNet (and so to its one gateway)."
      case .gatewayScaleUnits: return "ErGwScale runs 1 to 40 scale units."
      case .trafficCollectorMinimumBandwidth: return "Traffic Collector works with circuits of 1 Gbps or more."
      case .virtualNetworkLinks: return "Local/Standard circuits link at most 10 VNets; Premium 20 to 100 by bandwidth."
      case .egressWithinCapacity:
        return "A circuit's outbound data per month is at most what its bandwidth carries one way in the billing month."
      }
    }
  }
}

// Short names inside the package.
package typealias ProductRule = PricingEngine.ProductRule
