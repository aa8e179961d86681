import ExpressRouteCore
import Foundation

/// Peering locations, their zones and local regions, and the geopolitical regions.
///
/// Loaded from `PriceTables/peering-locations.json` (embedded in the binary).
/// Name lookups ignore case, spaces and punctuation (`washington-dc` finds
/// `Washington DC`) and suggest the nearest name on a miss.
public struct LocationCatalog: Hashable, Sendable {
  /// Every peering location, in file order.
  public var locations: [PeeringLocation] { didSet { locationIndex = Self.locationIndex(locations) } }
  /// Every geopolitical region, in file order.
  public var geopoliticalRegions: [PeeringLocation.GeopoliticalRegion] {
    didSet { regionIndex = RegionIndex(geopoliticalRegions) }
  }
  /// Where the data came from: the page whose zones, local regions, addresses and ER Direct column the rows carry.
  public var source: PriceSource
  /// Further documents rows and port locations cite by id (``PeeringLocation/sourceID``, ``PortLocation/sourceID``),
  /// and the geopolitical-region source.
  public var sources: [PriceSource]
  /// ExpressRoute Direct port locations with the peering location each belongs to.
  public var portLocations: [LocationCatalog.PortLocation] {
    didSet { portLocationIndex = Self.index(portLocations.map(\.name)) }
  }
  /// Normalised name (or alias) → position in ``locations`` (first wins), so a lookup normalises one name, not every one.
  private var locationIndex: [String: Int]
  /// Normalised name → position in ``portLocations``.
  private var portLocationIndex: [String: Int]
  /// Azure region names → their geopolitical region and spelling, so a lookup normalises one name, not every one.
  private var regionIndex: RegionIndex

  static func index(_ names: [String]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where index[normalizedName(name)] == nil {
      index[normalizedName(name)] = position
    }
    return index
  }

  /// Names first, then aliases, so an alias never hides a name.
  static func locationIndex(_ locations: [PeeringLocation]) -> [String: Int] {
    var index = Self.index(locations.map(\.name))
    for (position, location) in locations.enumerated() {
      for alias in location.aliases where index[normalizedName(alias)] == nil {
        index[normalizedName(alias)] = position
      }
    }
    return index
  }

  /// Creates a catalogue.
  public init(
    locations: [PeeringLocation], geopoliticalRegions: [PeeringLocation.GeopoliticalRegion], source: PriceSource,
    portLocations: [LocationCatalog.PortLocation] = [],
    sources: [PriceSource] = []
  ) {
    self.locations = locations
    self.geopoliticalRegions = geopoliticalRegions
    self.source = source
    self.sources = sources
    self.portLocations = portLocations
    locationIndex = Self.locationIndex(locations)
    portLocationIndex = Self.index(portLocations.map(\.name))
    regionIndex = RegionIndex(geopoliticalRegions)
  }

  /// The source with identifier `id`: the catalogue's own ``source`` or one of ``sources``.
  public func source(id: String) -> PriceSource? {
    id == source.id ? source : sources.first { $0.id == id }
  }

  /// The source a location's row comes from (its own, or the catalogue's).
  public func source(of location: PeeringLocation) -> PriceSource {
    location.sourceID.flatMap { source(id: $0) } ?? source
  }

  /// The Direct port location called `name` (`Equinix-Seattle-SE2`), if the catalogue maps it.
  public func portLocation(named name: String) -> LocationCatalog.PortLocation? {
    portLocationIndex[normalizedName(name)].map { portLocations[$0] }
  }

  /// Up to `limit` port-location names nearest to `name` (by edit distance of the normalised names, then by name),
  /// those close enough to be a misspelling or another facility of the same provider and city.
  public func nearestPortLocations(to name: String, limit: Int = 3) -> [String] {
    let key = normalizedName(name)
    let threshold = max(3, key.count / 3)
    var scored: [(name: String, distance: Int)] = []
    for port in portLocations {
      let distance = Suggestion.editDistance(key, normalizedName(port.name))
      if distance <= threshold { scored.append((port.name, distance)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    return scored.prefix(limit).map { $0.name }
  }

  /// `'Equinix-Ashburn-DC9' is neither a peering location nor a known ExpressRoute Direct port location; nearest port
  /// locations: 'Equinix-Ashburn-DC2', 'Equinix-Ashburn-DC6'`.
  public func unknownPortLocationMessage(_ name: String) -> String {
    var message = "'\(name)' is neither a peering location nor a known ExpressRoute Direct port location"
    let near = nearestPortLocations(to: name)
    if !near.isEmpty {
      message += "; nearest port locations: " + near.map { "'\($0)'" }.joined(separator: ", ")
    } else if let location = Suggestion.nearest(to: name, in: locations.map(\.name)) {
      message += "; did you mean '\(location)'?"
    } else {
      message += " (run 'ercalc prices locations' for the list)"
    }
    return message
  }

  /// Why ExpressRoute Direct cannot be priced at `location`, as the end of "…, where <reason>": its source shows no ER
  /// Direct, or has no ER Direct column (unknown availability is refused, never assumed); `nil` where the source shows it.
  public func directUnavailableReason(_ location: PeeringLocation) -> String? {
    let source = source(of: location)
    switch location.offersDirect {
    case true?: return nil
    case false?: return "ExpressRoute Direct is not offered (no ER Direct on \(source.id), \(source.date ?? "undated"))"
    case nil:
      return
        "ExpressRoute Direct availability is not known (\(source.id), \(source.date ?? "undated"), has no ER Direct column): refused rather than assumed"
    }
  }

  /// The location called `name` (or one of its aliases), if any.
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
  public func geopoliticalRegion(ofAzureRegion azureRegion: String) -> PeeringLocation.GeopoliticalRegion? {
    regionIndex.region[normalizedName(azureRegion)].map { geopoliticalRegions[$0] }
  }

  /// The Azure region's display name as the catalogue spells it, if known.
  public func canonicalAzureRegion(_ azureRegion: String) -> String? {
    regionIndex.canonical[normalizedName(azureRegion)]
  }

  /// Every Azure region name in the catalogue, for suggestions.
  public var allAzureRegions: [String] { geopoliticalRegions.flatMap(\.azureRegions) }
}

/// `West Europe` → `westeurope`: the ARM spelling of a region display name.
package func armName(_ displayName: String) -> String {
  displayName.lowercased().filter { $0.isLetter || $0.isNumber }
}

extension LocationCatalog {
  /// Decodes and validates a peering-location file.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    let object = try root.object(allowing: [
      "$schema", "schemaVersion", "source", "sources", "geopoliticalRegions", "locations", "portLocations", "notes",
    ])
    try object.checkSchemaVersion(supported: RateTable.supportedSchemaVersion, isRequired: true)
    let source = try Self.readSource(try object.required("source"), dateRequired: true)
    var sources: [PriceSource] = []
    for node in try object.optional("sources")?.array() ?? [] {
      let entry = try Self.readSource(node, dateRequired: false)
      if entry.id == source.id || sources.contains(where: { $0.id == entry.id }) {
        throw node.error("duplicate source id '\(entry.id)'")
      }
      sources.append(entry)
    }
    let sourceIDs = [source.id] + sources.map(\.id)
    func sourceID(_ node: JSONNode?) throws(Diagnostic) -> String? {
      guard let node else { return nil }
      let id = try node.nonEmptyString()
      guard sourceIDs.contains(id) else {
        var message = "'\(id)' is not a source id (expected \(Suggestion.list(sourceIDs)))"
        if let near = Suggestion.nearest(to: id, in: sourceIDs) { message += "; did you mean '\(near)'?" }
        throw node.error(message)
      }
      return id
    }

    var regions: [GeopoliticalRegion] = []
    var regionOf: [String: String] = [:]
    for regionNode in try object.required("geopoliticalRegions").array() {
      let region = try regionNode.object(allowing: ["name", "azureRegions", "inferredAzureRegions", "inference"])
      let nameNode = try region.required("name")
      let name = try nameNode.nonEmptyString()
      if regions.contains(where: { $0.name == name }) {
        throw nameNode.error("duplicate geopolitical region '\(name)'")
      }
      var azureRegions: [String] = []
      var inferred: [String] = []
      let listed = try region.required("azureRegions").array()
      let inferredNodes = try region.optional("inferredAzureRegions")?.array() ?? []
      for (key, nodes) in [("azureRegions", listed), ("inferredAzureRegions", inferredNodes)] {
        for node in nodes {
          let azureRegion = try node.nonEmptyString()
          guard regionOf[azureRegion] == nil else {
            throw node.error("Azure region '\(azureRegion)' is listed in more than one geopolitical region")
          }
          regionOf[azureRegion] = name
          azureRegions.append(azureRegion)
          if key == "inferredAzureRegions" { inferred.append(azureRegion) }
        }
      }
      let inferenceNode = region.optional("inference")
      let inference = try inferenceNode?.nonEmptyString()
      if !inferred.isEmpty && inference == nil {
        throw regionNode.error("'inferredAzureRegions' needs an 'inference' saying why they are placed in '\(name)'")
      }
      if inferred.isEmpty, let inferenceNode { throw inferenceNode.error("'inference' without 'inferredAzureRegions'") }
      regions.append(
        GeopoliticalRegion(name: name, azureRegions: azureRegions, inferredAzureRegions: inferred, inference: inference)
      )
    }

    var locations: [PeeringLocation] = []
    // Normalised names and aliases seen so far: a duplicate check per name, not a pass over every earlier one.
    var locationNames: Set<String> = []
    for locationNode in try object.required("locations").array() {
      let location = try locationNode.object(allowing: [
        "name", "zone", "localRegions", "geopoliticalRegion", "geopoliticalRegionInferred", "address", "erDirect",
        "aliases", "retired", "globalReach",
        "source", "note",
      ])
      let nameNode = try location.required("name")
      let name = try nameNode.nonEmptyString()
      guard locationNames.insert(normalizedName(name)).inserted else {
        throw nameNode.error("duplicate peering location '\(name)'")
      }
      var aliases: [String] = []
      for node in try location.optional("aliases")?.array() ?? [] {
        let alias = try node.nonEmptyString()
        guard locationNames.insert(normalizedName(alias)).inserted else {
          throw node.error("alias '\(alias)' repeats a peering location name or alias")
        }
        aliases.append(alias)
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
      var peeringLocation =
        PeeringLocation(
          name: name, zone: try location.required("zone").oneOf(Zone.self), localRegions: local,
          geopoliticalRegion: geo,
          address: try location.optional("address")?.nonEmptyString(),
          offersDirect: try location.optional("erDirect")?.bool(),
          geopoliticalRegionInference: try location.optional("geopoliticalRegionInferred")?.nonEmptyString(),
          aliases: aliases,
          retired: try location.optional("retired")?.nonEmptyString(),
          sourceID: try sourceID(location.optional("source")),
          note: try location.optional("note")?.nonEmptyString())
      peeringLocation.offersGlobalReach = try location.optional("globalReach")?.bool() ?? true
      locations.append(peeringLocation)
    }
    var ports: [PortLocation] = []
    var portNames: Set<String> = []
    for portNode in try object.optional("portLocations")?.array() ?? [] {
      let port = try portNode.object(allowing: ["name", "peeringLocation", "facility", "source", "derived", "note"])
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
      let portSource = try sourceID(port.optional("source"))
      let derivation = try port.optional("derived")?.nonEmptyString()
      if portSource != nil && derivation != nil {
        throw portNode.error(
          "port location '\(name)' has both 'source' (seen in a document) and 'derived' (not seen): keep one")
      }
      ports.append(
        PortLocation(
          name: name, peeringLocation: peering, facility: try port.required("facility").nonEmptyString(),
          sourceID: portSource,
          derivation: derivation, note: try port.optional("note")?.nonEmptyString()))
    }
    self.init(
      locations: locations, geopoliticalRegions: regions, source: source, portLocations: ports, sources: sources)
  }

  /// `{ "id", "title", "url"?, "repository"?, "path"?, "date", "undatedReason"? }`, as a rate table's sources: `date` is
  /// `YYYY-MM-DD`, or `null` (where allowed) for a source that carries none, with an `undatedReason`.
  private static func readSource(_ node: JSONNode, dateRequired: Bool) throws(Diagnostic) -> PriceSource {
    let object = try node.object(allowing: ["id", "title", "url", "repository", "path", "date", "undatedReason"])
    guard object.has("date") else {
      throw node.error(
        "missing key 'date' (a YYYY-MM-DD date\(dateRequired ? "" : ", or null when the source carries none"))")
    }
    var date: String?
    if let dateNode = object.optional("date") {
      let text = try dateNode.string()
      guard isISODate(text) else { throw dateNode.error("'\(text)' is not a date (expected YYYY-MM-DD)") }
      date = text
    } else if dateRequired {
      throw node.error("the catalogue's source needs a date (YYYY-MM-DD)")
    }
    var undatedReason: String?
    if let reasonNode = object.optional("undatedReason") {
      guard date == nil else {
        throw reasonNode.error("'undatedReason' goes only with \"date\": null (this source is dated)")
      }
      undatedReason = try reasonNode.nonEmptyString()
    }
    let link = try PriceSource.readLink(object)
    return PriceSource(
      id: try object.required("id").nonEmptyString(), title: try object.required("title").nonEmptyString(),
      url: link.url,
      repository: link.repository, path: link.path, date: date, undatedReason: undatedReason, location: node.location)
  }

  /// An error for every source that cannot be traced (no `url` and no `repository@commit`, or no date and no
  /// `undatedReason`), at its line when known: the rule rate tables follow (``PriceSource/traceabilityProblem``).
  public var untraceableSources: [Diagnostic] {
    ([source] + sources).compactMap { source in
      source.traceabilityProblem.map { Diagnostic(.error, $0, location: source.location) }
    }
  }

  /// Whether a JSON document looks like a peering-location catalogue (it has `locations` or `portLocations` and no `rates`).
  public static func looksLikeCatalogue(json data: Data) -> Bool {
    guard let root = try? JSONNode.parse(data, file: "-"), root.isObject else { return false }
    return
      (root.member("locations") != nil || root.member("portLocations") != nil
      || root.member("geopoliticalRegions") != nil)
      && root.member("circuits") == nil && root.member("rates") == nil
  }
}

extension LocationCatalog {
  /// Where a resource in a US Government region is placed (see ``LocationCatalog/usGovernmentPlacement(of:region:)``).
  public enum USGovernmentPlacement: Hashable, Sendable {
    /// At this US Government peering location; the text says how the name was read.
    case placed(PeeringLocation, String)
    /// Not placed, with why.
    case refused(String)
  }
}

extension LocationCatalog {
  /// Whether `azureRegion` (`usgovvirginia`, `US DoD East`) is a US Government or DoD region: one the catalogue lists
  /// in a US Government zone location's geopolitical region, or an ARM name starting `usgov` or `usdod`.
  public func isUSGovernmentRegion(_ azureRegion: String) -> Bool {
    let key = armName(azureRegion)
    if key.hasPrefix("usgov") || key.hasPrefix("usdod") { return true }
    guard let region = geopoliticalRegion(ofAzureRegion: azureRegion) else { return false }
    return locations.contains { $0.zone == .usGovZone1 && $0.geopoliticalRegion == region.name }
  }

  /// The US Government peering location for `name` (a peering location as Azure writes it, `Washington DC`, or a port
  /// location, `Equinix-Ashburn-DC2`) of a resource created in US Government region `region`. Azure never writes the
  /// catalogue's ` (US Gov)` suffix, so the name is looked up among the US Government rows; a name that exists only
  /// commercially, or a port location whose facility is not the US Government location's address, is refused.
  public func usGovernmentPlacement(of name: String, region: String) -> LocationCatalog.USGovernmentPlacement {
    if let location = location(named: name), location.zone == .usGovZone1 {
      return .placed(location, "peering location \(location.name) (US Gov Zone 1)")
    }
    let commercialName: String
    var port: PortLocation?
    if let location = location(named: name) {
      commercialName = location.name
    } else if let mapped = portLocation(named: name) {
      commercialName = mapped.peeringLocation
      port = mapped
    } else {
      return .refused(unknownPortLocationMessage(name))
    }
    let governmentNames = locations.filter { $0.zone == .usGovZone1 }.map(\.name)
    guard let government = location(named: commercialName + " (US Gov)"), government.zone == .usGovZone1 else {
      return .refused(
        "Azure region \(region) is a US Government region, and '\(name)' has no US Government peering location on \(source.id) (\(source.date ?? "undated")); US Government locations: \(governmentNames.joined(separator: ", "))"
      )
    }
    if let port {
      let facility = normalizedName(port.facility)
      let addresses = (government.address ?? "").split(separator: ";").map { normalizedName(String($0)) }
      guard addresses.contains(facility) else {
        return .refused(
          "Azure region \(region) is a US Government region, and port location \(port.name) is facility \(port.facility), which is not the address of \(government.name) (\(government.address ?? "no address")) on \(source(of: government).id)"
        )
      }
      return .placed(
        government,
        "Azure region \(region) is a US Government region: port location \(port.name) (facility \(port.facility)) is peering location \(government.name), billed in \(government.zone.name)"
      )
    }
    return .placed(
      government,
      "Azure region \(region) is a US Government region: peering location '\(name)' is \(government.name), billed in \(government.zone.name)"
    )
  }
}

// Short names inside the package.
package typealias USGovernmentPlacement = LocationCatalog.USGovernmentPlacement
