import ExpressRouteCore

/// What a price is charged for: one billable meter of the ExpressRoute family.
///
/// The associated values identify the row in a rate table; ``unit`` says what
/// one unit of quantity is. Meters have a total order (``<``) so tables and
/// reports list them the same way on every run.
public enum Meter: Hashable, Sendable {
  /// A provider circuit's monthly fee (also Local circuits).
  case circuit(CircuitTier, BillingFamily, Bandwidth, Zone)
  /// Outbound data on a MeteredData circuit, per GB, by the circuit's zone.
  case egress(Zone)
  /// An ExpressRoute gateway, per hour; for ErGwScale, per scale unit-hour.
  case gateway(GatewaySKU)
  /// An ExpressRoute Direct port pair, per month.
  case directPortPair(DirectPortSpeed, BillingFamily)
  /// The Premium add-on of one circuit on ExpressRoute Direct, per month.
  case directPremiumAddOn(Bandwidth)
  /// Global Reach data, per GB, by each circuit's zone and direction.
  case globalReach(Zone, Meter.GlobalReachDirection)
  /// ExpressRoute Traffic Collector, per hour.
  case trafficCollector(Zone)
  /// ExpressRoute Traffic Collector data processed, per GB.
  case trafficCollectorData(Zone)
  /// A VPN gateway (for backup VPN), per hour.
  case vpnGateway(VPNGatewaySKU)
  /// A charge the user supplied (provider port, cross-connect, installation), by its name; per month.
  case userCharge(String)
  /// Internet egress (for a VPN over the internet), per GB, in the tier that starts at `fromGB` in a month.
  case internetEgress(InternetRouting.InternetRegion, InternetRouting, fromGB: Int)
  /// A Virtual WAN hub or its ExpressRoute connection units, per hour.
  case virtualWAN(VirtualWANHub.VirtualWANMeter)
  /// A Virtual WAN hub's ExpressRoute scale units from the `fromUnit`-th on (a price tier), per unit-hour.
  case virtualWANScaleUnits(fromUnit: Int)

  /// The unit one quantity of this meter is measured in.
  public var unit: Meter.PricingUnit {
    switch self {
    case .circuit, .directPortPair, .directPremiumAddOn, .userCharge: return .month
    case .gateway, .trafficCollector, .vpnGateway, .virtualWAN, .virtualWANScaleUnits: return .hour
    case .egress, .globalReach, .trafficCollectorData, .internetEgress: return .gigabyte
    }
  }

  /// The section of a rate table this meter belongs to.
  public var section: String { family.section }

  /// The meter family as people say it, for totals by group: `Circuits`, `ErGwScale gateways`, `Your own charges`.
  public var groupName: String { family.group }

  /// The meter's family, listed once: its rate-table section and its name in totals by group.
  private var family: (section: String, group: String) {
    switch self {
    case .circuit: return ("circuits", "Circuits")
    case .egress: return ("egress", "Metered outbound data")
    case .gateway(.erGwScale): return ("scaleGateway", "ErGwScale gateways")
    case .gateway: return ("gateways", "ExpressRoute gateways")
    case .directPortPair: return ("directPorts", "Direct port pairs")
    case .directPremiumAddOn: return ("directPremiumAddOn", "Premium add-on on Direct")
    case .globalReach: return ("globalReach", "Global Reach")
    case .trafficCollector, .trafficCollectorData: return ("trafficCollector", "Traffic Collector")
    case .vpnGateway: return ("vpnGateways", "VPN gateways")
    case .userCharge: return ("userCharges", "Your own charges")
    case .internetEgress: return ("internetEgress", "Internet egress")
    case .virtualWAN, .virtualWANScaleUnits: return ("virtualWAN", "Virtual WAN")
    }
  }

  /// A human name: `Standard MeteredData 1 Gbps circuit, Zone 1`.
  public var displayName: String {
    switch self {
    case .circuit(let tier, let billing, let bandwidth, let zone):
      return "\(tier.name) \(billing.name) \(bandwidth) circuit, \(zone.name)"
    case .egress(let zone): return "Metered outbound data, \(zone.name)"
    case .gateway(.erGwScale): return "ErGwScale gateway scale unit"
    case .gateway(let sku): return "\(sku.name) gateway"
    case .directPortPair(let speed, let billing): return "Direct \(speed.name) port pair, \(billing.name)"
    case .directPremiumAddOn(let bandwidth): return "Premium add-on for a \(bandwidth) circuit on Direct"
    case .globalReach(let zone, let direction): return "Global Reach \(direction.rawValue) data, \(zone.name)"
    case .trafficCollector(let zone): return "Traffic Collector, \(zone.name)"
    case .trafficCollectorData(let zone): return "Traffic Collector data processed, \(zone.name)"
    case .vpnGateway(let sku): return "\(sku.name) VPN gateway"
    case .userCharge(let name): return name
    case .internetEgress(let region, let routing, let from):
      return "Internet egress, \(region.name), via \(routing.name), from \(from) GB"
    case .virtualWAN(let item): return "Virtual WAN \(item.name)"
    case .virtualWANScaleUnits(let from): return "Virtual WAN ExpressRoute scale units from unit \(from)"
    }
  }

  /// A short meter name for CSV `SkuMeter`-style columns.
  public var meterName: String {
    switch self {
    case .circuit(let tier, let billing, let bandwidth, _):
      let family = billing == .metered ? "Metered Data" : "Unlimited Data"
      return tier == .local ? "Local \(bandwidth) Circuit" : "\(tier.name) \(family) \(bandwidth) Circuit"
    case .egress: return "Metered Data - Data Transfer Out"
    case .gateway(.erGwScale): return "ErGwScale Unit"
    case .gateway(let sku): return "\(sku.name) Gateway"
    case .directPortPair(let speed, let billing):
      return "Direct \(speed.name) Port Pair \(billing == .metered ? "Metered" : "Unlimited")"
    case .directPremiumAddOn(let bandwidth): return "Direct Premium Add-on \(bandwidth)"
    case .globalReach(_, let direction): return "Global Reach Data Transfer \(direction == .outbound ? "Out" : "In")"
    case .trafficCollector: return "Traffic Collector"
    case .trafficCollectorData: return "Traffic Collector Data Processed"
    case .vpnGateway(let sku): return sku.name
    case .userCharge(let name): return name
    case .internetEgress(_, let routing, _):
      return routing == .microsoftNetwork ? "Standard Data Transfer Out" : "Internet Routing Data Transfer Out"
    case .virtualWAN(let item):
      switch item {
      case .hub: return "Standard Hub"
      case .expressRouteScaleUnit: return "ExpressRoute Scale Unit"
      case .expressRouteConnectionUnit: return "ExpressRoute Connection Unit"
      }
    case .virtualWANScaleUnits: return "ExpressRoute Scale Unit"
    }
  }

  private var sortKey: [Int] {
    switch self {
    case .circuit(let tier, let billing, let bandwidth, let zone):
      return [0, tier.rank, billing == .metered ? 0 : 1, zone.rank, Int(bandwidth.bitsPerSecond / 1000)]
    case .egress(let zone): return [1, zone.rank]
    case .gateway(let sku): return [2, sku.rank]
    case .directPortPair(let speed, let billing):
      return [3, Int(speed.bandwidth.bitsPerSecond / 1_000_000), billing == .metered ? 0 : 1]
    case .directPremiumAddOn(let bandwidth): return [4, Int(bandwidth.bitsPerSecond / 1000)]
    case .globalReach(let zone, let direction): return [5, zone.rank, direction == .outbound ? 0 : 1]
    case .trafficCollector(let zone): return [6, zone.rank, 0]
    case .trafficCollectorData(let zone): return [6, zone.rank, 1]
    case .vpnGateway(let sku): return [7, sku.rank]
    case .userCharge: return [8]
    case .internetEgress(let region, let routing, let from): return [9, region.rank, routing.rank, from]
    case .virtualWAN(let item): return [10, item.rank]
    case .virtualWANScaleUnits(let from): return [10, VirtualWANHub.VirtualWANMeter.expressRouteScaleUnit.rank, from]
    }
  }
}

extension Meter: Comparable {
  public static func < (lhs: Meter, rhs: Meter) -> Bool {
    let (a, b) = (lhs.sortKey, rhs.sortKey)
    return a.lexicographicallyPrecedes(b)
  }
}

extension Meter {
  /// Which way Global Reach data crosses a circuit.
  public enum GlobalReachDirection: String, ParsableName {
    /// Leaving the source circuit.
    case outbound
    /// Arriving at the destination circuit.
    case inbound

    public var aliases: [String] { self == .outbound ? ["out", "egress"] : ["in", "ingress"] }
    public static let kindDescription = "Global Reach direction"
  }

  /// The unit of a meter's quantity.
  public enum PricingUnit: String, Sendable, Hashable {
    /// One month of a fixed fee.
    case month = "1/Month"
    /// One hour.
    case hour = "1 Hour"
    /// One gigabyte (10⁹ bytes).
    case gigabyte = "1 GB"

    /// `month`, `hour`, `GB`: for tables.
    public var shortName: String {
      switch self {
      case .month: return "month"
      case .hour: return "hour"
      case .gigabyte: return "GB"
      }
    }
  }
}

extension Meter {
  /// The first scale unit a Virtual WAN scale-unit tier prices.
  public var virtualWANTierStart: Int? {
    if case .virtualWANScaleUnits(let from) = self { return from }
    return nil
  }
}

// Short names inside the package.
package typealias GlobalReachDirection = Meter.GlobalReachDirection
package typealias PricingUnit = Meter.PricingUnit
