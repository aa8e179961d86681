import Foundation

/// Peering locations, their zones and local regions, and the geopolitical regions.
///
/// Loaded from `PriceTables/peering-locations.json` (embedded in the binary).
/// Name lookups ignore case, spaces and punctuation (`washington-dc` finds
/// `Washington DC`) and suggest the nearest name on a miss.
public struct LocationCatalog: Hashable, Sendable {
  /// Every peering location, in file order.
  public var locations: [PeeringLocation] { didSet { locationIndex = Self.index(locations.map(\.name)) } }
  /// Every geopolitical region, in file order.
  public var geopoliticalRegions: [GeopoliticalRegion]
  /// Where the data came from.
  public var source: PriceSource
  /// ExpressRoute Direct port locations with the peering location each belongs to.
  public var portLocations: [PortLocation] { didSet { portLocationIndex = Self.index(portLocations.map(\.name)) } }
  /// Normalised name → position in ``locations`` (first wins), so a lookup normalises one name, not every one.
  private var locationIndex: [String: Int]
  /// Normalised name → position in ``portLocations``.
  private var portLocationIndex: [String: Int]

  static func index(_ names: [String]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where index[normalizedName(name)] == nil { index[normalizedName(name)] = position }
    return index
  }

  /// Creates a catalogue.
  public init(
    locations: [PeeringLocation], geopoliticalRegions: [GeopoliticalRegion], source: PriceSource, portLocations: [PortLocation] = []
  ) {
    self.locations = locations
    self.geopoliticalRegions = geopoliticalRegions
    self.source = source
    self.portLocations = portLocations
    locationIndex = Self.index(locations.map(\.name))
    portLocationIndex = Self.index(portLocations.map(\.name))
  }

  /// The Direct port location called `name` (`Equinix-Seattle-SE2`), if the catalogue maps it.
  public func portLocation(named name: String) -> PortLocation? {
    portLocationIndex[normalizedName(name)].map { portLocations[$0] }
  }

  /// The location called `name`, if any.
  public func location(named name: String) -> PeeringLocation? {
    locationIndex[normalizedName(name)].map { locations[$0] }
  }

  /// The location called `name`, or a diagnostic with the nearest known name.
  public func requireLocation(named name: String) throws(Diagnostic) -> PeeringLocation {
    if let location = location(named: name) { return location }
    throw Diagnostic(.error, unknownLocationMessage(name))
  }

  /// `'Amsterdm' is not a known peering location; did you mean 'Amsterdam'?`
  public func unknownLocationMessage(_ name: String) -> String {
    var message = "'\(name)' is not a known peering location"
    if let near = Suggestion.nearest(to: name, in: locations.map(\.name)) {
      message += "; did you mean '\(near)'?"
    } else {
      message += " (run 'ercalc prices locations' for the list)"
    }
    return message
  }

  /// The geopolitical region that contains Azure region `azureRegion`, if known.
  public func geopoliticalRegion(ofAzureRegion azureRegion: String) -> GeopoliticalRegion? {
    let key = normalizedName(azureRegion)
    return geopoliticalRegions.first { region in
      region.azureRegions.contains { normalizedName($0) == key || normalizedName(armName($0)) == key }
    }
  }

  /// The Azure region's display name as the catalogue spells it, if known.
  public func canonicalAzureRegion(_ azureRegion: String) -> String? {
    let key = normalizedName(azureRegion)
    for region in geopoliticalRegions {
      if let match = region.azureRegions.first(where: { normalizedName($0) == key }) { return match }
    }
    return nil
  }

  /// Every Azure region name in the catalogue, for suggestions.
  public var allAzureRegions: [String] { geopoliticalRegions.flatMap(\.azureRegions) }
}

/// `West Europe` → `westeurope`: the ARM spelling of a region display name.
func armName(_ displayName: String) -> String {
  displayName.lowercased().filter { $0.isLetter || $0.isNumber }
}

extension LocationCatalog {
  /// Decodes and validates a peering-location file.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    let object = try root.object()
    try object.rejectUnknownKeys(["$schema", "schemaVersion", "source", "geopoliticalRegions", "locations", "portLocations", "notes"])
    let versionNode = try object.required("schemaVersion")
    let version = try versionNode.int(in: 1...Int.max)
    guard version <= RateTable.supportedSchemaVersion else {
      throw versionNode.error("version \(version) is newer than this tool supports (\(RateTable.supportedSchemaVersion))")
    }
    let sourceObject = try object.required("source").object()
    try sourceObject.rejectUnknownKeys(["id", "title", "url", "date"])
    let dateNode = try sourceObject.required("date")
    let date = try dateNode.string()
    guard isISODate(date) else { throw dateNode.error("'\(date)' is not a date (expected YYYY-MM-DD)") }
    let source = PriceSource(
      id: try sourceObject.required("id").nonEmptyString(), title: try sourceObject.required("title").nonEmptyString(),
      url: try sourceObject.optional("url")?.string(), date: date)

    var regions: [GeopoliticalRegion] = []
    for regionNode in try object.required("geopoliticalRegions").array() {
      let region = try regionNode.object()
      try region.rejectUnknownKeys(["name", "azureRegions"])
      let nameNode = try region.required("name")
      let name = try nameNode.nonEmptyString()
      if regions.contains(where: { $0.name == name }) { throw nameNode.error("duplicate geopolitical region '\(name)'") }
      var azureRegions: [String] = []
      for node in try region.required("azureRegions").array() {
        let azureRegion = try node.nonEmptyString()
        if regions.contains(where: { $0.azureRegions.contains(azureRegion) }) || azureRegions.contains(azureRegion) {
          throw node.error("Azure region '\(azureRegion)' is listed in more than one geopolitical region")
        }
        azureRegions.append(azureRegion)
      }
      regions.append(GeopoliticalRegion(name: name, azureRegions: azureRegions))
    }

    var locations: [PeeringLocation] = []
    // Normalised names seen so far: a duplicate check per name, not a pass over every earlier one.
    var locationNames: Set<String> = []
    for locationNode in try object.required("locations").array() {
      let location = try locationNode.object()
      try location.rejectUnknownKeys(["name", "zone", "localRegions", "geopoliticalRegion"])
      let nameNode = try location.required("name")
      let name = try nameNode.nonEmptyString()
      guard locationNames.insert(normalizedName(name)).inserted else {
        throw nameNode.error("duplicate peering location '\(name)'")
      }
      let geoNode = try location.required("geopoliticalRegion")
      let geo = try geoNode.nonEmptyString()
      guard let region = regions.first(where: { $0.name == geo }) else {
        throw geoNode.error("'\(geo)' is not a geopolitical region listed in 'geopoliticalRegions'")
      }
      var local: [String] = []
      for node in try location.optional("localRegions")?.array() ?? [] {
        let azureRegion = try node.nonEmptyString()
        guard region.azureRegions.contains(azureRegion) else {
          throw node.error("local region '\(azureRegion)' is not in geopolitical region '\(geo)'")
        }
        local.append(azureRegion)
      }
      locations.append(
        PeeringLocation(name: name, zone: try location.required("zone").oneOf(Zone.self), localRegions: local, geopoliticalRegion: geo))
    }
    var ports: [PortLocation] = []
    var portNames: Set<String> = []
    for portNode in try object.optional("portLocations")?.array() ?? [] {
      let port = try portNode.object()
      try port.rejectUnknownKeys(["name", "peeringLocation", "facility"])
      let nameNode = try port.required("name")
      let name = try nameNode.nonEmptyString()
      guard portNames.insert(normalizedName(name)).inserted else {
        throw nameNode.error("duplicate port location '\(name)'")
      }
      let peeringNode = try port.required("peeringLocation")
      let peering = try peeringNode.nonEmptyString()
      guard locations.contains(where: { $0.name == peering }) else {
        throw peeringNode.error("'\(peering)' is not a peering location listed in 'locations'")
      }
      ports.append(PortLocation(name: name, peeringLocation: peering, facility: try port.required("facility").nonEmptyString()))
    }
    self.init(locations: locations, geopoliticalRegions: regions, source: source, portLocations: ports)
  }
}
