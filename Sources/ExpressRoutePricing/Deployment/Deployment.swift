import ExpressRouteCore

/// A configuration to price: circuits, Direct ports, gateways and add-ons.
///
/// Built from flags (`ercalc quote --location …`) or decoded from a
/// deployment JSON file (``init(json:file:)``). Names tie the parts together:
/// a gateway lists the circuits it connects, a Global Reach link names two
/// circuits, a circuit may name the Direct port pair it runs on.
public struct Deployment: Hashable, Sendable {
  /// A title for reports.
  public var name: String
  /// ExpressRoute circuits.
  public var circuits: [Circuit]
  /// ExpressRoute Direct port pairs.
  public var directPorts: [DirectPortPair]
  /// ExpressRoute virtual network gateways.
  public var gateways: [Gateway]
  /// Global Reach links between two circuits.
  public var globalReach: [GlobalReachLink]
  /// Traffic Collectors.
  public var trafficCollectors: [TrafficCollector]
  /// VPN gateways kept as a backup path.
  public var vpnGateways: [VPNGateway]
  /// Charges the user supplies (provider ports, cross-connects, installation fees).
  public var charges: [UserCharge] = []
  /// Virtual WAN hubs with ExpressRoute gateways.
  public var virtualWANHubs: [VirtualWANHub] = []
  /// The Azure IDs and regions of resources that exist, by the resource label line items carry (`circuit 'ams-1'`);
  /// empty for a planned deployment.
  public var azureResources: [String: AzureResourceReference] = [:]

  /// Creates a deployment.
  public init(
    name: String, circuits: [Circuit] = [], directPorts: [DirectPortPair] = [], gateways: [Gateway] = [],
    globalReach: [GlobalReachLink] = [], trafficCollectors: [TrafficCollector] = [], vpnGateways: [VPNGateway] = []
  ) {
    self.name = name
    self.circuits = circuits
    self.directPorts = directPorts
    self.gateways = gateways
    self.globalReach = globalReach
    self.trafficCollectors = trafficCollectors
    self.vpnGateways = vpnGateways
  }

  /// The circuit named `name`.
  public func circuit(named name: String) -> Circuit? { circuits.first { $0.name == name } }

  /// The bandwidth of every circuit on the Direct port pair `name`, summed (what the pair's subscription limit is
  /// checked against); `nil` when no circuit runs on it.
  package func subscribedBandwidth(onPort name: String) -> Bandwidth? {
    let onPort = circuits.filter { $0.directPort == name }
    return onPort.isEmpty ? nil : Bandwidth(bitsPerSecond: onPort.reduce(Int64(0)) { $0 + $1.bandwidth.bitsPerSecond })
  }
}

/// One ExpressRoute circuit.
public struct Circuit: Hashable, Sendable {
  /// A unique name within the deployment.
  public var name: String
  /// The peering location; it sets the zone and whether Local is possible.
  public var peeringLocation: String?
  /// The zone, when no peering location is given (or to check it).
  public var zone: Zone?
  /// The SKU tier.
  public var tier: CircuitTier
  /// The billing model.
  public var billing: BillingFamily
  /// The circuit bandwidth (each direction).
  public var bandwidth: Bandwidth
  /// Outbound data per month (Azure → on-premises), charged on MeteredData;
  /// `nil` when unknown (a metered circuit's data charge is then listed as unpriced, never as 0.00).
  public var monthlyEgress: DataVolume?
  /// The Direct port pair this circuit runs on; `nil` for a provider circuit.
  public var directPort: String?
  /// VNets linked to the circuit, if known (checked against the SKU limit).
  public var virtualNetworkLinks: Int?
  /// Whether the circuit belongs to someone else (the far end of a Global Reach link):
  /// checked by the rules and used for its zone, but not priced.
  public var isExternal: Bool = false
  /// Whether the circuit's own Global Reach charges (data out of it, data into it) fall on another party's bill:
  /// set with ``isExternal`` for a circuit that is not yours (a deployment file's `"external": true`). Global Reach is
  /// billed per leg at each circuit (egress at the source, ingress at the destination), so a link to such a circuit
  /// bills you only the legs at your end. A circuit that is yours but priced elsewhere keeps this `false`.
  public var globalReachBilledElsewhere: Bool = false
  /// The circuit's service key (`az network express-route show --query serviceKey`), as Global Reach metrics name a
  /// peered circuit (`PeeredCircuitSKey`); `nil` when not given.
  public var serviceKey: String?
  /// Where the circuit was defined, for messages.
  public var origin: Diagnostic.FileLocation?

  /// Creates a circuit.
  public init(
    name: String, peeringLocation: String? = nil, zone: Zone? = nil, tier: CircuitTier, billing: BillingFamily,
    bandwidth: Bandwidth, monthlyEgress: DataVolume? = nil, directPort: String? = nil,
    virtualNetworkLinks: Int? = nil, origin: Diagnostic.FileLocation? = nil
  ) {
    self.name = name
    self.peeringLocation = peeringLocation
    self.zone = zone
    self.tier = tier
    self.billing = billing
    self.bandwidth = bandwidth
    self.monthlyEgress = monthlyEgress
    self.directPort = directPort
    self.virtualNetworkLinks = virtualNetworkLinks
    self.origin = origin
  }
}

extension Deployment {
  /// An ExpressRoute Direct port pair.
  public struct DirectPortPair: Hashable, Sendable {
    /// A unique name within the deployment.
    public var name: String
    /// The peering location of the ports.
    public var peeringLocation: String?
    /// The zone, when no peering location is given.
    public var zone: Zone?
    /// The speed of each port.
    public var speed: DirectPortSpeed
    /// The billing model of the pair and its circuits.
    public var billing: BillingFamily
    /// Where the pair was defined, for messages.
    public var origin: Diagnostic.FileLocation?

    /// Creates a port pair.
    public init(
      name: String, peeringLocation: String? = nil, zone: Zone? = nil, speed: DirectPortSpeed, billing: BillingFamily,
      origin: Diagnostic.FileLocation? = nil
    ) {
      self.name = name
      self.peeringLocation = peeringLocation
      self.zone = zone
      self.speed = speed
      self.billing = billing
      self.origin = origin
    }
  }
}

/// `Deployment.DirectPortPair`, by its short name inside the package.
package typealias DirectPortPair = Deployment.DirectPortPair

extension Deployment {
  /// An ExpressRoute virtual network gateway (or several identical ones).
  public struct Gateway: Hashable, Sendable {
    /// A unique name within the deployment.
    public var name: String
    /// The SKU.
    public var sku: GatewaySKU
    /// Scale units, for ErGwScale only.
    public var scaleUnits: Int?
    /// How many identical gateways (one per VNet hub, say).
    public var count: Int
    /// Names of the circuits connected to each gateway.
    public var circuits: [String]
    /// Whether FastPath is wanted.
    public var fastPath: Bool
    /// Where the gateway was defined, for messages.
    public var origin: Diagnostic.FileLocation?

    /// Creates a gateway.
    public init(
      name: String, sku: GatewaySKU, scaleUnits: Int? = nil, count: Int = 1, circuits: [String] = [],
      fastPath: Bool = false, origin: Diagnostic.FileLocation? = nil
    ) {
      self.name = name
      self.sku = sku
      self.scaleUnits = scaleUnits
      self.count = count
      self.circuits = circuits
      self.fastPath = fastPath
      self.origin = origin
    }
  }
}

/// `Deployment.Gateway`, by its short name inside the package.
package typealias Gateway = Deployment.Gateway

extension Deployment {
  /// A Global Reach link between two circuits and the data it carries each month.
  public struct GlobalReachLink: Hashable, Sendable {
    /// The first circuit's name.
    public var circuitA: String
    /// The second circuit's name.
    public var circuitB: String
    /// Data per month from A to B; `nil` when unknown (listed as unpriced).
    public var dataAToB: DataVolume?
    /// Data per month from B to A; `nil` when unknown (listed as unpriced).
    public var dataBToA: DataVolume?
    /// Where the link was defined, for messages.
    public var origin: Diagnostic.FileLocation?

    /// Creates a link.
    public init(
      circuitA: String, circuitB: String, dataAToB: DataVolume? = nil, dataBToA: DataVolume? = nil,
      origin: Diagnostic.FileLocation? = nil
    ) {
      self.circuitA = circuitA
      self.circuitB = circuitB
      self.dataAToB = dataAToB
      self.dataBToA = dataBToA
      self.origin = origin
    }

    /// `ams-1 <-> sin-1`.
    public var name: String { "\(circuitA) <-> \(circuitB)" }
  }
}

/// `Deployment.GlobalReachLink`, by its short name inside the package.
package typealias GlobalReachLink = Deployment.GlobalReachLink

extension Deployment {
  /// An ExpressRoute Traffic Collector.
  public struct TrafficCollector: Hashable, Sendable {
    /// A unique name within the deployment.
    public var name: String
    /// The circuits whose flows it collects.
    public var circuits: [String]
    /// The zone it is billed in; taken from the first circuit when absent.
    public var zone: Zone?
    /// Flow data processed per month; `nil` when unknown (the per-GB charge is listed as unpriced).
    public var processedData: DataVolume?
    /// Where the collector was defined, for messages.
    public var origin: Diagnostic.FileLocation?

    /// Creates a collector.
    public init(
      name: String, circuits: [String] = [], zone: Zone? = nil, processedData: DataVolume? = nil,
      origin: Diagnostic.FileLocation? = nil
    ) {
      self.name = name
      self.circuits = circuits
      self.zone = zone
      self.processedData = processedData
      self.origin = origin
    }
  }
}

/// `Deployment.TrafficCollector`, by its short name inside the package.
package typealias TrafficCollector = Deployment.TrafficCollector

extension Deployment {
  /// A VPN gateway kept as a backup path.
  public struct VPNGateway: Hashable, Sendable {
    /// A unique name within the deployment.
    public var name: String
    /// The SKU.
    public var sku: VPNGatewaySKU
    /// How many identical gateways.
    public var count: Int
    /// Where the gateway was defined, for messages.
    public var origin: Diagnostic.FileLocation?

    /// Creates a VPN gateway.
    public init(name: String, sku: VPNGatewaySKU, count: Int = 1, origin: Diagnostic.FileLocation? = nil) {
      self.name = name
      self.sku = sku
      self.count = count
      self.origin = origin
    }
  }
}

/// `Deployment.VPNGateway`, by its short name inside the package.
package typealias VPNGateway = Deployment.VPNGateway
