/// An ExpressRoute Direct port location (`Equinix-Seattle-SE2`, as `az network express-route port location list`
/// returns it) and the peering location whose facility it is: a port pair is billed in that peering location's zone.
public struct PortLocation: Hashable, Sendable {
  /// The port-location name as Azure spells it.
  public var name: String
  /// The peering location it belongs to (`Seattle`).
  public var peeringLocation: String
  /// The facility both documents name (`Equinix SE2`), the evidence for the mapping.
  public var facility: String

  /// Creates a port location.
  public init(name: String, peeringLocation: String, facility: String) {
    self.name = name
    self.peeringLocation = peeringLocation
    self.facility = facility
  }
}
