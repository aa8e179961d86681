import ExpressRouteCore

extension LocationCatalog {
  /// Where each Azure region name stands among the geopolitical regions, first match winning as a scan in file
  /// order would.
  struct RegionIndex: Hashable, Sendable {
    /// Normalised display name or ARM name → position in ``geopoliticalRegions``.
    var region: [String: Int] = [:]
    /// Normalised display name → the display name as the catalogue spells it.
    var canonical: [String: String] = [:]

    init(_ regions: [PeeringLocation.GeopoliticalRegion]) {
      for (position, region) in regions.enumerated() {
        for name in region.azureRegions {
          let key = normalizedName(name)
          if self.region[key] == nil { self.region[key] = position }
          let arm = normalizedName(armName(name))
          if self.region[arm] == nil { self.region[arm] = position }
          if canonical[key] == nil { canonical[key] = name }
        }
      }
    }
  }
}
