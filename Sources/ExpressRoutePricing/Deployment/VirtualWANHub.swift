import ExpressRouteCore

/// A Virtual WAN hub with an ExpressRoute gateway: the hub, its gateway's scale units and its ExpressRoute connections.
///
/// Priced per hour: the hub itself, each ExpressRoute scale unit (1 unit carries 2 Gbps) and each
/// ExpressRoute connection unit (one per circuit connection).
public struct VirtualWANHub: Hashable, Sendable {
  /// A unique name within the deployment.
  public var name: String
  /// ExpressRoute gateway scale units (the minimum of the autoscale bounds).
  public var scaleUnits: Int
  /// ExpressRoute connections (circuits connected to the hub).
  public var connections: Int
  /// Where the hub was defined, for messages.
  public var origin: Diagnostic.FileLocation?

  /// Creates a hub.
  public init(name: String, scaleUnits: Int, connections: Int, origin: Diagnostic.FileLocation? = nil) {
    self.name = name
    self.scaleUnits = scaleUnits
    self.connections = connections
    self.origin = origin
  }
}

extension VirtualWANHub {
  /// What a Virtual WAN hub is charged for, per hour.
  public enum VirtualWANMeter: String, DeclarationOrdered {
    case hub = "hub"
    case expressRouteScaleUnit = "ExpressRoute scale unit"
    case expressRouteConnectionUnit = "ExpressRoute connection unit"

    public static let kindDescription = "Virtual WAN meter"
  }
}

// Short names inside the package.
package typealias VirtualWANMeter = VirtualWANHub.VirtualWANMeter
