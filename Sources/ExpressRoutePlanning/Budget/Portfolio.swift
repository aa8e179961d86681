import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Many sites budgeted together month by month (`ercalc budget`).
///
/// A site is either a fixed ``Deployment`` whose traffic grows, or a
/// ``WorkloadProfile`` that the solver sizes, with its upgrade plan.
public struct Portfolio: Hashable, Sendable {
  /// One site.
  public struct Site: Hashable, Sendable {
    /// What the site is made of.
    public enum Source: Hashable, Sendable {
      /// A fixed configuration; volumes grow by `yearlyGrowth`.
      case deployment(Deployment, yearlyGrowth: Decimal)
      /// A workload to size; the solver's plan gives each month's configuration.
      case profile(WorkloadProfile)
    }

    /// The site's name.
    public var name: String
    /// What the site is made of.
    public var source: Source
    /// Charges of the site as a whole (provider contracts, colocation), beside its deployment's or profile's own.
    package var charges: [Deployment.UserCharge] = []
    /// Labels to group reports by (`region`: `Europe`, `costCentre`: `CC-1001`).
    public var tags: [String: String] = [:]
    /// The calendar month a deployment site's volumes describe, so its growth runs on the calendar whatever the
    /// budget's start; the budget's first month when absent.
    public var volumesAsOf: MonthKey?

    /// Creates a site.
    public init(name: String, source: Source, charges: [Deployment.UserCharge] = [], tags: [String: String] = [:]) {
      self.name = name
      self.source = source
      self.charges = charges
      self.tags = tags
    }
  }

  /// The portfolio's name.
  public var name: String
  /// The first month budgeted.
  public var startMonth: MonthKey
  /// Months budgeted (1 to 60).
  public var horizonMonths: Int
  /// The months budgeted: ``startMonth`` and the ``horizonMonths`` − 1 after it.
  public var months: [MonthKey] { (0..<horizonMonths).map { startMonth.advanced(by: $0) } }
  /// The sites.
  public var sites: [Site]
  /// Sites of the file that could not be read, each with why: a budget lists them as refused and budgets the rest.
  public var invalidSites: [InvalidSite] = []

  /// A site of the file that could not be read.
  public struct InvalidSite: Hashable, Sendable {
    /// The site's name, or its place in the file (`sites[3]`) when the name itself is missing or bad.
    public var name: String
    /// What was wrong, with its file, line, column and path.
    public var diagnostic: Diagnostic
    /// How many readable sites came before it in the file (where it is listed among them).
    public var position: Int
  }

  /// Creates a portfolio of `sites` budgeted for `horizonMonths` months from `startMonth`.
  public init(name: String, startMonth: MonthKey, horizonMonths: Int, sites: [Site]) {
    self.name = name
    self.startMonth = startMonth
    self.horizonMonths = horizonMonths
    self.sites = sites
  }
}

extension Portfolio {
  /// The newest portfolio `schemaVersion` this build understands.
  public static let supportedSchemaVersion = 1

  /// Decodes a portfolio file. A profile's series paths stay as written: the caller resolves them against the file's folder.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    let object = try root.object(allowing: [
      "$schema", "schemaVersion", "name", "notes", "startMonth", "horizonMonths", "sites",
    ])
    try object.checkSchemaVersion(supported: Self.supportedSchemaVersion)
    let startNode = try object.required("startMonth")
    let startText = try startNode.string()
    guard let start = MonthKey(parsing: startText) else {
      throw startNode.error("'\(startText)' is not a month (expected YYYY-MM from 1970-01 to 2199-12, such as 2027-01)")
    }
    var sites: [Site] = []
    var invalid: [InvalidSite] = []
    var firstNamed: [String: JSONNode] = [:]  // each name's first site
    var azureOwners: [String: (site: String, resource: String)] = [:]  // lower-cased Azure ID → where it is budgeted
    let siteNodes = Array(try object.required("sites").array())
    // Sites are read on every core; names are then checked in file order, so the first of two equal names wins.
    let read = ConcurrentMap.map(siteNodes) { Self.readSite($0) }
    for (index, siteNode) in siteNodes.enumerated() {
      // A site that cannot be read is listed with its reason; the others are still read (every bad one, not the first).
      do throws(Diagnostic) {
        let head = try read[index].head.get()
        if let first = firstNamed[head.name] {
          throw head.nameNode.error("duplicate site name '\(head.name)' (first at line \(first.location.line))")
        }
        firstNamed[head.name] = head.nameNode
        let site = try read[index].site.get()
        if case .deployment(let deployment, _) = site.source {
          // An Azure resource is budgeted in one site: the same ID in two would count its charges twice.
          let ids = deployment.azureResources.sorted { $0.key < $1.key }.map { ($0.key, $0.value.identity) }
          if let (resource, id) = ids.first(where: { azureOwners[$0.1] != nil }), let owner = azureOwners[id] {
            throw head.nameNode.error(
              "\(resource) has the azureId of \(owner.resource) in site '\(owner.site)' (expected each Azure resource in one site only, so its charges are counted once)"
            )
          }
          for (resource, id) in ids { azureOwners[id] = (site.name, resource) }
        }
        sites.append(site)
      } catch {
        let name = (try? siteNode.object().optional("name")?.nonEmptyString()) ?? "sites[\(index)]"
        invalid.append(InvalidSite(name: name, diagnostic: error, position: sites.count))
      }
    }
    if sites.isEmpty && invalid.isEmpty { throw try object.required("sites").error("expected at least one site") }
    self.init(
      name: try object.optional("name")?.nonEmptyString() ?? "portfolio", startMonth: start,
      horizonMonths: try object.optional("horizonMonths")?.int(in: 1...60) ?? 12, sites: sites)
    invalidSites = invalid
  }

  /// One site of a portfolio file read on its own: its name (or the error reading it), then the site (or the error
  /// met after the name, which a duplicate name comes before).
  private struct ReadSite: Sendable {
    var head: Result<(name: String, nameNode: JSONNode), Diagnostic>
    var site: Result<Site, Diagnostic>
  }

  private static func readSite(_ siteNode: JSONNode) -> ReadSite {
    var head: (name: String, nameNode: JSONNode)?
    do throws(Diagnostic) {
      let site = try readSite(siteNode) { head = ($0, $1) }
      return ReadSite(head: .success(head ?? ("", siteNode)), site: .success(site))
    } catch {
      guard let head else { return ReadSite(head: .failure(error), site: .failure(error)) }
      return ReadSite(head: .success(head), site: .failure(error))
    }
  }

  /// Reads one site of a portfolio file, calling `named` once its name is read.
  private static func readSite(_ siteNode: JSONNode, named: (String, JSONNode) -> Void) throws(Diagnostic) -> Site {
    let site = try siteNode.object()
    // The name first: a site whose name can be read takes it, whatever else is wrong with the site.
    let nameNode = try site.required("name")
    let name = try nameNode.nonEmptyString()
    named(name, nameNode)
    try site.rejectUnknownKeys([
      "name", "deployment", "yearlyGrowth", "volumesAsOf", "profile", "charges", "notes", "tags",
    ])
    var volumesAsOf: MonthKey?
    if let asOfNode = site.optional("volumesAsOf") {
      let text = try asOfNode.string()
      guard let month = MonthKey(parsing: text) else {
        throw asOfNode.error("'\(text)' is not a month (expected YYYY-MM from 1970-01 to 2199-12, such as 2027-01)")
      }
      guard site.optional("deployment") != nil else {
        throw asOfNode.error("'volumesAsOf' dates a deployment's volumes; a profile takes its calendar from its series")
      }
      volumesAsOf = month
    }
    var tags: [String: String] = [:]
    if let tagsNode = site.optional("tags") {
      let tagObject = try tagsNode.object()
      for member in tagObject.members {
        guard let value = tagObject.optional(member.key) else { continue }
        tags[member.key] = try value.nonEmptyString()
      }
    }
    let siteCharges = try UserCharge.list(site.optional("charges"))
    switch (site.optional("deployment"), site.optional("profile")) {
    case (let deployment?, nil):
      var growth: Decimal = 0
      if let growthNode = site.optional("yearlyGrowth") {
        growth = try growthNode.decimal()
        guard growth > -1, growth <= 10 else {
          throw growthNode.error(
            "\(growth) is out of range (expected more than -1 and at most 10, such as 0.2 for 20%)")
        }
      }
      var entry = Site(
        name: name, source: .deployment(try Deployment(node: deployment, defaultName: name), yearlyGrowth: growth),
        charges: siteCharges,
        tags: tags)
      entry.volumesAsOf = volumesAsOf
      return entry
    case (nil, let profileNode?):
      if site.optional("yearlyGrowth") != nil {
        throw try site.required("yearlyGrowth").error(
          "a profile site takes its growth from 'profile.sizing.yearlyGrowth'")
      }
      var profile = try WorkloadProfile(node: profileNode)
      if profile.name == "workload" { profile.name = name }
      return Site(name: name, source: .profile(profile), charges: siteCharges, tags: tags)
    case (nil, nil):
      throw siteNode.error("a site needs a 'deployment' or a 'profile'")
    default:
      throw siteNode.error("a site has either a 'deployment' or a 'profile', not both")
    }
  }
}
