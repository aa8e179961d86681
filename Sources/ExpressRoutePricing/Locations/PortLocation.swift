import ExpressRouteCore

extension LocationCatalog {
  /// An ExpressRoute Direct port location (`Equinix-Seattle-SE2`, as `az network express-route port location list`
  /// returns it) and the peering location whose facility it is: a port pair is billed in that peering location's zone.
  public struct PortLocation: Hashable, Sendable {
    /// The port-location name as Azure spells it.
    public var name: String
    /// The peering location it belongs to (`Seattle`).
    public var peeringLocation: String
    /// The facility both documents name (`Equinix SE2`), the evidence for the mapping.
    public var facility: String
    /// The id of the document the name was seen in (one of the catalogue's sources); `nil` for a derived name.
    public var sourceID: String?
    /// How the name was derived, when no document shows it (`Provider-City-Facility from the page's Address column`).
    public var derivation: String?
    /// A caveat shown with the row.
    public var note: String?

    /// Whether the name was derived by pattern rather than seen in a document.
    public var isDerived: Bool { derivation != nil }
  }
}

// Short names inside the package.
package typealias PortLocation = LocationCatalog.PortLocation
