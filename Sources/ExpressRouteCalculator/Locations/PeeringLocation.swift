/// An ExpressRoute peering location: where a circuit meets Microsoft's edge.
public struct PeeringLocation: Hashable, Sendable {
  /// The name as Azure spells it (`Amsterdam`, `Washington DC2`).
  public var name: String
  /// The billing zone of circuits here.
  public var zone: Zone
  /// The Azure regions a Local circuit here can reach; empty when Local is not sold here.
  public var localRegions: [String]
  /// The geopolitical region a Standard circuit here can reach.
  public var geopoliticalRegion: String

  /// Creates a location.
  public init(name: String, zone: Zone, localRegions: [String], geopoliticalRegion: String) {
    self.name = name
    self.zone = zone
    self.localRegions = localRegions
    self.geopoliticalRegion = geopoliticalRegion
  }

  /// Whether the Local SKU can be bought here.
  public var offersLocal: Bool { !localRegions.isEmpty }
}

/// A geopolitical region: the reach of a Standard circuit.
public struct GeopoliticalRegion: Hashable, Sendable {
  /// The name (`Europe`, `North America`).
  public var name: String
  /// The Azure regions inside it.
  public var azureRegions: [String]

  /// Creates a region.
  public init(name: String, azureRegions: [String]) {
    self.name = name
    self.azureRegions = azureRegions
  }
}
