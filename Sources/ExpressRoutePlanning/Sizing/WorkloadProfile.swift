import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// What a workload needs from ExpressRoute: where, how much traffic, which rules apply.
///
/// Decoded from a profile JSON file (README, "Workload profiles"). Traffic is
/// given either as numbers (`peakOutbound`, `monthlyEgress`, …) or as metric
/// series files (`series`), which `ercalc size` reads and summarises.
public struct WorkloadProfile: Hashable, Sendable {
  /// Redundancy the workload wants.
  public enum Redundancy: Hashable, Sendable {
    /// One circuit.
    case single
    /// A second circuit at another peering location (maximum resiliency), sharing the load as `failover` says.
    case secondCircuit(location: String, failover: Failover = .activePassive)
    /// A VPN gateway as the backup path.
    case backupVPN(sku: VPNGatewaySKU)
  }

  /// How two circuits share the traffic.
  public enum Failover: String, Hashable, Sendable {
    /// The second circuit carries nothing until the first fails, then everything.
    case activePassive
    /// Traffic is split evenly; either circuit carries everything when the other fails.
    case activeActive
  }

  /// A Global Reach link to a circuit elsewhere, with the data it carries each way per month.
  public struct GlobalReachNeed: Hashable, Sendable {
    /// The other circuit's peering location.
    public var location: String
    /// Data per month in each direction; `nil` when the profile does not give it (the link's per-GB charges are then
    /// listed as not priced, never priced as 0 GB).
    public var monthlyData: DataVolume?
  }

  /// The circuit in service today, for an audit.
  public struct CurrentCircuit: Hashable, Sendable {
    /// Its tier.
    public var tier: CircuitTier
    /// Its billing model.
    public var billing: BillingFamily
    /// Its bandwidth.
    public var bandwidth: Bandwidth
    /// Its gateway, if known.
    public var gateway: GatewaySKU?
    /// Scale units of an ErGwScale gateway.
    public var scaleUnits: Int?
  }

  /// A title.
  public var name: String
  /// The peering location.
  public var peeringLocation: String
  /// Azure regions the workload's VNets are in.
  public var targetRegions: [String]
  /// The region of the hub VNet that holds the gateway; the first target region when absent.
  public var hubRegion: String?
  /// Outbound (Azure → on-premises) data per month; from the series when absent.
  public var monthlyEgress: DataVolume?
  /// Inbound data per month (free, shown for completeness).
  public var monthlyIngress: DataVolume?
  /// The outbound rate at the sizing percentile; from the series when absent.
  public var peakOutbound: Bandwidth?
  /// The inbound rate at the sizing percentile; from the series when absent.
  public var peakInbound: Bandwidth?
  /// Series files (CSV or Azure Monitor JSON), relative to the profile file.
  public var series: [String]
  /// Which circuit of a multi-circuit series to size from.
  public var seriesCircuit: String?
  /// The percentile of the larger direction to size on: 50, 95, 99 or 100 (maximum).
  public var percentile: Int
  /// The utilisation the circuit may reach at that percentile (0.8 = 20% headroom).
  public var targetUtilization: Decimal
  /// Yearly traffic growth as a fraction; from the series trend (or 0) when absent.
  public var yearlyGrowth: Decimal?
  /// Months to plan over.
  public var horizonMonths: Int
  /// Months after each month that a decision is judged against (the plan never depends on where the horizon ends).
  public var lookAheadMonths: Int = 24
  /// Months the old and the new circuit both run when a move needs a new circuit (ordering, provisioning, cut-over).
  public var leadTimeMonths: Int = 1
  /// Charges the user supplies for this workload (provider port, cross-connects, installation).
  package var charges: [Deployment.UserCharge] = []
  /// The calendar month of plan month 1, when known; it places charges that name a start month.
  public var planStart: MonthKey?
  /// Whether one-time charges are spread over their contract term.
  public var amortizeCharges = false
  /// Private-peering IPv4 routes advertised from on-premises.
  public var privatePeeringRoutes: Int
  /// VNets to link to the circuit.
  public var virtualNetworks: Int
  /// Whether Microsoft 365 is reached over Microsoft peering.
  public var microsoft365: Bool
  /// Redundancy.
  public var redundancy: Redundancy
  /// Global Reach links.
  public var globalReach: [GlobalReachNeed]
  /// Whether traffic is latency-sensitive (FastPath wanted).
  public var latencySensitive: Bool
  /// ExpressRoute gateways to price (one per hub VNet); 0 for none.
  public var gateways: Int
  /// Whether legacy non-zone-redundant gateway SKUs may be recommended.
  public var allowLegacyGateways: Bool
  /// The circuit in service today, if this is an audit.
  public var current: CurrentCircuit?
  /// Where the profile was read from.
  package var origin: Diagnostic.FileLocation?

  /// Creates a profile with ercalc's defaults: P95, 80% target utilisation, 12 months.
  public init(
    name: String, peeringLocation: String, targetRegions: [String] = [], monthlyEgress: DataVolume? = nil,
    monthlyIngress: DataVolume? = nil,
    peakOutbound: Bandwidth? = nil, peakInbound: Bandwidth? = nil, series: [String] = [], seriesCircuit: String? = nil,
    percentile: Int = 95,
    targetUtilization: Decimal = Decimal(string: "0.8") ?? 1, yearlyGrowth: Decimal? = nil, horizonMonths: Int = 12,
    privatePeeringRoutes: Int = 0, virtualNetworks: Int = 1, microsoft365: Bool = false,
    redundancy: Redundancy = .single,
    globalReach: [GlobalReachNeed] = [], latencySensitive: Bool = false, gateways: Int = 1,
    allowLegacyGateways: Bool = false,
    current: CurrentCircuit? = nil, origin: Diagnostic.FileLocation? = nil
  ) {
    self.name = name
    self.peeringLocation = peeringLocation
    self.targetRegions = targetRegions
    self.hubRegion = nil
    self.monthlyEgress = monthlyEgress
    self.monthlyIngress = monthlyIngress
    self.peakOutbound = peakOutbound
    self.peakInbound = peakInbound
    self.series = series
    self.seriesCircuit = seriesCircuit
    self.percentile = percentile
    self.targetUtilization = targetUtilization
    self.yearlyGrowth = yearlyGrowth
    self.horizonMonths = horizonMonths
    self.privatePeeringRoutes = privatePeeringRoutes
    self.virtualNetworks = virtualNetworks
    self.microsoft365 = microsoft365
    self.redundancy = redundancy
    self.globalReach = globalReach
    self.latencySensitive = latencySensitive
    self.gateways = gateways
    self.allowLegacyGateways = allowLegacyGateways
    self.current = current
    self.origin = origin
  }
}

extension WorkloadProfile {
  /// The newest profile `schemaVersion` this build understands.
  public static let supportedSchemaVersion = 1

  /// Decodes a profile file.
  public init(json data: Data, file: String) throws(Diagnostic) {
    try self.init(node: try JSONNode.parse(data, file: file))
  }

  /// Decodes a profile from a JSON object node (also used inside portfolios).
  package init(node root: JSONNode) throws(Diagnostic) {
    let object = try root.object(allowing: [
      "$schema", "schemaVersion", "name", "notes", "peeringLocation", "targetRegions", "hubRegion", "traffic", "sizing",
      "privatePeeringRoutes",
      "virtualNetworks", "microsoft365", "redundancy", "globalReach", "latencySensitive", "gateways",
      "allowLegacyGateways", "charges", "current",
    ])
    try object.checkSchemaVersion(supported: Self.supportedSchemaVersion)
    self.init(
      name: try object.optional("name")?.nonEmptyString() ?? "workload",
      peeringLocation: try object.required("peeringLocation").nonEmptyString(), origin: root.location)
    targetRegions = try object.nonEmptyStrings("targetRegions")
    hubRegion = try object.optional("hubRegion")?.nonEmptyString()
    if let trafficNode = object.optional("traffic") {
      let traffic = try trafficNode.object(allowing: [
        "monthlyEgress", "monthlyIngress", "peakOutbound", "peakInbound", "series", "seriesCircuit",
      ])
      monthlyEgress = try traffic.optional("monthlyEgress").map { node throws(Diagnostic) in try readVolume(node) }
      monthlyIngress = try traffic.optional("monthlyIngress").map { node throws(Diagnostic) in try readVolume(node) }
      peakOutbound = try traffic.optional("peakOutbound").map { node throws(Diagnostic) in try readBandwidth(node) }
      peakInbound = try traffic.optional("peakInbound").map { node throws(Diagnostic) in try readBandwidth(node) }
      series = try traffic.nonEmptyStrings("series")
      seriesCircuit = try traffic.optional("seriesCircuit")?.nonEmptyString()
    }
    if let sizingNode = object.optional("sizing") {
      let sizing = try sizingNode.object(allowing: [
        "percentile", "targetUtilization", "headroom", "yearlyGrowth", "horizonMonths", "lookAheadMonths",
        "leadTimeMonths",
      ])
      if let node = sizing.optional("lookAheadMonths") { lookAheadMonths = try node.int(in: 1...60) }
      if let node = sizing.optional("leadTimeMonths") { leadTimeMonths = try node.int(in: 0...12) }
      if let node = sizing.optional("percentile") {
        percentile = try node.int(in: 1...100)
        guard [50, 95, 99, 100].contains(percentile) else {
          throw node.error("\(percentile) is not a supported percentile (expected 50, 95, 99 or 100 for the maximum)")
        }
      }
      if let node = sizing.optional("targetUtilization") {
        if sizing.optional("headroom") != nil {
          throw node.error("give either 'targetUtilization' or 'headroom', not both")
        }
        targetUtilization = try node.decimal()
        guard targetUtilization > 0, targetUtilization <= 1 else {
          throw node.error("\(targetUtilization) is out of range (expected more than 0 and at most 1, such as 0.8)")
        }
      }
      if let node = sizing.optional("headroom") {
        let headroom = try node.decimal()
        guard headroom >= 0, headroom <= 10 else {
          throw node.error("\(headroom) is out of range (expected 0 to 10, such as 0.25 for 25%)")
        }
        targetUtilization = 1 / (1 + headroom)
      }
      if let node = sizing.optional("yearlyGrowth") {
        let growth = try node.decimal()
        guard growth > -1, growth <= 10 else {
          throw node.error("\(growth) is out of range (expected more than -1 and at most 10, such as 0.2 for 20%)")
        }
        yearlyGrowth = growth
      }
      if let node = sizing.optional("horizonMonths") { horizonMonths = try node.int(in: 1...60) }
    }
    if let node = object.optional("privatePeeringRoutes") { privatePeeringRoutes = try node.int(in: 0...1_000_000) }
    if let node = object.optional("virtualNetworks") { virtualNetworks = try node.int(in: 0...1000) }
    if let node = object.optional("microsoft365") { microsoft365 = try node.bool() }
    if let node = object.optional("latencySensitive") { latencySensitive = try node.bool() }
    if let node = object.optional("gateways") { gateways = try node.int(in: 0...100) }
    if let node = object.optional("allowLegacyGateways") { allowLegacyGateways = try node.bool() }
    if let node = object.optional("redundancy") {
      let redundancyObject = try node.object(allowing: ["mode", "location", "vpnSku", "failover"])
      let modeNode = try redundancyObject.required("mode")
      switch try modeNode.string() {
      case "single": redundancy = .single
      case "secondCircuit":
        var failover = Failover.activePassive
        if let failoverNode = redundancyObject.optional("failover") {
          let text = try failoverNode.string()
          guard let value = Failover(rawValue: text) else {
            throw failoverNode.error("'\(text)' is not a failover mode (expected 'activePassive' or 'activeActive')")
          }
          failover = value
        }
        redundancy = .secondCircuit(
          location: try redundancyObject.required("location").nonEmptyString(), failover: failover)
      case "backupVPN":
        redundancy = .backupVPN(sku: try redundancyObject.optional("vpnSku")?.oneOf(VPNGatewaySKU.self) ?? .vpnGw1AZ)
      case let other:
        throw modeNode.error("'\(other)' is not a redundancy mode (expected 'single', 'secondCircuit' or 'backupVPN')")
      }
    }
    for node in try object.optional("globalReach")?.array() ?? [] {
      let link = try node.object(allowing: ["location", "monthlyData"])
      globalReach.append(
        GlobalReachNeed(
          location: try link.required("location").nonEmptyString(),
          monthlyData: try link.optional("monthlyData").map { node throws(Diagnostic) in try readVolume(node) }))
    }
    charges = try UserCharge.list(object.optional("charges"))
    if let node = object.optional("current") {
      let current = try node.object(allowing: ["tier", "billing", "bandwidth", "gateway", "scaleUnits"])
      self.current = CurrentCircuit(
        tier: try current.required("tier").oneOf(CircuitTier.self),
        billing: try current.required("billing").oneOf(BillingFamily.self),
        bandwidth: try readBandwidth(current.required("bandwidth")),
        gateway: try current.optional("gateway")?.oneOf(GatewaySKU.self),
        scaleUnits: try current.optional("scaleUnits")?.int(in: 1...1000))
    }
  }
}
