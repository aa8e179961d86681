import ExpressRouteCore

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
  /// The facility (the page's Address column, `Equinix DC2; Equinix DC6`); `nil` when not known.
  public var address: String?
  /// Whether ExpressRoute Direct is offered here (the page's ER Direct column); `nil` when the source does not say.
  public var offersDirect: Bool?
  /// Why ``geopoliticalRegion`` is an inference (the geopolitical-region source names neither the location nor its
  /// local region); `nil` when the source states it.
  public var geopoliticalRegionInference: String?
  /// Other spellings that find this location (`Queretaro` for `Queretaro (Mexico)`).
  public var aliases: [String] = []
  /// Why the location is kept though its source no longer lists it; `nil` for a listed location.
  public var retired: String?
  /// The id of the source this row comes from, when not the catalogue's own ``LocationCatalog/source``.
  public var sourceID: String?
  /// A caveat shown with the row.
  public var note: String?
  /// Whether Global Reach is offered here: `false` where the location's country is not on Microsoft's Global Reach
  /// availability list (the catalogue's `globalReach: false`, source `er-global-reach`).
  public var offersGlobalReach = true

  /// Whether the Local SKU can be bought here.
  public var offersLocal: Bool { !localRegions.isEmpty }

  /// Whether a circuit of `tier` here reaches Azure region `region` (canonical name) of geopolitical region
  /// `geopolitical` (`nil` when unknown, taken as reachable): Premium reaches every region, Standard the regions of
  /// this location's geopolitical region, Local only its local regions (pricing-facts.md §6, §7).
  package func reaches(_ region: String, geopolitical: String?, with tier: CircuitTier) -> Bool {
    switch tier {
    case .premium: return true
    case .standard: return geopolitical.map { $0 == geopoliticalRegion } ?? true
    case .local: return localRegions.contains(region) && geopolitical.map { $0 == geopoliticalRegion } ?? true
    }
  }
}

extension PeeringLocation {
  /// A geopolitical region: the reach of a Standard circuit.
  public struct GeopoliticalRegion: Hashable, Sendable {
    /// The name (`Europe`, `North America`).
    public var name: String
    /// The Azure regions inside it: those its source lists, then ``inferredAzureRegions``.
    public var azureRegions: [String]
    /// The regions placed here by inference (a new local region of a location the source places here), a subset of
    /// ``azureRegions``.
    public var inferredAzureRegions: [String]
    /// Why ``inferredAzureRegions`` are placed here; `nil` when nothing is inferred.
    public var inference: String?

    /// Creates a region.
    public init(name: String, azureRegions: [String], inferredAzureRegions: [String] = [], inference: String? = nil) {
      self.name = name
      self.azureRegions = azureRegions
      self.inferredAzureRegions = inferredAzureRegions
      self.inference = inference
    }
  }
}

// Short names inside the package.
package typealias GeopoliticalRegion = PeeringLocation.GeopoliticalRegion
