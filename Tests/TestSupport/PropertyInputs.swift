/// Seeded random inputs for property tests: deployments, workload profiles and portfolios, written as the JSON
/// files ercalc reads, so a failing case can be saved and rerun with the command line as it is.
///
/// Every case starts from one seed (``PropertyCases``); the same seed gives the same input on every machine.
/// The generator knows the product rules well enough to produce inputs ercalc accepts (Local only where a
/// location has a local region, UnlimitedData and at least 1 Gbps; outbound data within what the circuit can
/// carry; Global Reach only between Standard or Premium circuits at different locations), and leaves some
/// quantities out on purpose so that unpriced charges appear.

/// A JSON value written in a fixed member order (deterministic output, no dictionaries).
public indirect enum PropertyJSON: Sendable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([PropertyJSON])
  case object([(String, PropertyJSON)])

  /// The JSON text, indented by two spaces.
  public var text: String {
    var output = ""
    write(into: &output, indent: "")
    return output + "\n"
  }

  private func write(into output: inout String, indent: String) {
    switch self {
    case .string(let value): output += Self.quoted(value)
    case .int(let value): output += String(value)
    case .bool(let value): output += value ? "true" : "false"
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += indent + "  "
        item.write(into: &output, indent: indent + "  ")
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += indent + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, member) in members.enumerated() {
        output += indent + "  " + Self.quoted(member.0) + ": "
        member.1.write(into: &output, indent: indent + "  ")
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += indent + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}

/// A peering location as the generator needs it (taken from the location catalogue by the test).
public struct PropertyLocation: Sendable {
  /// The catalogue name.
  public var name: String
  /// Whether Local is sold there.
  public var offersLocal: Bool
  /// The geopolitical region.
  public var region: String
  /// Whether Global Reach is offered there.
  public var offersGlobalReach: Bool

  /// Creates a location.
  public init(name: String, offersLocal: Bool, region: String, offersGlobalReach: Bool = true) {
    self.name = name
    self.offersLocal = offersLocal
    self.region = region
    self.offersGlobalReach = offersGlobalReach
  }
}

/// The seeded generator.
public struct PropertyInputs {
  /// The random source.
  public var random: SplitMix
  /// The locations to pick from.
  public var locations: [PropertyLocation]

  /// A generator for one case.
  public init(seed: UInt64, locations: [PropertyLocation]) {
    random = SplitMix(state: seed)
    self.locations = locations
  }

  /// Provider circuit bandwidths (text, bits per second).
  public static let providerBandwidths: [(text: String, bps: Int)] = [
    ("50 Mbps", 50_000_000), ("100 Mbps", 100_000_000), ("200 Mbps", 200_000_000), ("500 Mbps", 500_000_000),
    ("1 Gbps", 1_000_000_000), ("2 Gbps", 2_000_000_000), ("5 Gbps", 5_000_000_000), ("10 Gbps", 10_000_000_000),
  ]

  /// ExpressRoute gateway SKUs.
  public static let gatewaySKUs = [
    "Standard", "HighPerformance", "UltraPerformance", "ErGw1AZ", "ErGw2AZ", "ErGw3AZ", "ErGwScale",
  ]
  /// VPN gateway SKUs.
  public static let vpnSKUs = ["VpnGw1", "VpnGw2", "VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ"]
  /// Meter families a discount may name.
  public static let discountSections = [
    "circuits", "egress", "gateways", "scaleGateway", "vpnGateways", "globalReach", "trafficCollector",
  ]

  /// A whole number in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

  /// True with probability `chance` (0…1).
  public mutating func chance(_ chance: Double) -> Bool { Double.random(in: 0..<1, using: &random) < chance }

  /// One element of `items`.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// A location, and one offering Local when `local` asks for it (if any does).
  public mutating func location(local: Bool = false) -> PropertyLocation {
    let pool = local ? locations.filter(\.offersLocal) : locations
    return pick(pool.isEmpty ? locations : pool)
  }

  /// Every volume the generator writes is multiplied by this many thousandths (1000: as drawn), after the same
  /// random draws, so one seed gives the same input at a larger or smaller demand (capped at each volume's maximum).
  public var volumeScale = 1000

  /// A volume of data up to `maxGB` gigabytes, as exact decimal text with a unit (`12345.678 GB`, `12.5 TB`).
  public mutating func volume(maxGB: Int) -> String {
    let gigabytes: Int
    switch int(0...5) {
    case 0: gigabytes = int(0...min(maxGB, 100))
    case 1: gigabytes = int(0...max(1, maxGB / 100))
    case 2: gigabytes = int(0...max(1, maxGB / 10))
    default: gigabytes = int(0...maxGB)
    }
    let inTerabytes = chance(0.2) && gigabytes >= 1000
    let thousandths = chance(0.5) ? int(0...999) : 0
    // Thousandths of a GB; whole tenths of a TB when written in TB (1 TB = 1,000 GB).
    let drawn = inTerabytes ? gigabytes / 100 * 100_000 : gigabytes * 1000 + thousandths
    let value = min(drawn * volumeScale / 1000, maxGB * 1000)
    if inTerabytes && volumeScale == 1000 {
      let tenths = value / 100_000
      return tenths % 10 == 0 ? "\(tenths / 10) TB" : "\(tenths / 10).\(tenths % 10) TB"
    }
    let fraction = value % 1000
    return fraction == 0
      ? "\(value / 1000) GB"
      : "\(value / 1000).\(String(repeating: "0", count: 3 - String(fraction).count))\(fraction) GB"
  }

  /// The outbound data one direction of `bps` carries in a 730-hour month, in whole gigabytes (rounded down).
  public static func capacityGB(bps: Int) -> Int { bps / 8 * 730 * 3600 / 1_000_000_000 }

  /// An amount of money as text with up to two decimals (`1234.56`).
  public mutating func amount(max: Int) -> String {
    let whole = int(0...max)
    return chance(0.5) ? "\(whole).\(int(0...9))\(int(0...9))" : "\(whole)"
  }

  /// Negotiated discounts as `--discount` flag values (often none).
  public mutating func discountFlags() -> [String] {
    switch int(0...5) {
    case 0: return ["\(int(1...40))%"]
    case 1: return ["\(pick(Self.discountSections))=\(int(1...30)).\(int(0...9))%"]
    case 2: return ["\(int(1...20))%", "\(pick(Self.discountSections))=\(int(1...30))%"]
    default: return []
    }
  }

  /// User charges (provider port, cross-connect, installation fee), possibly none.
  public mutating func charges(attachable: [String], startMonths: [String]) -> [PropertyJSON] {
    (0..<int(0...2)).map { index in
      var members: [(String, PropertyJSON)] = [
        ("name", .string(pick(["port fee", "cross-connect", "installation", "VLAN"]) + " \(index + 1)")),
        ("vendor", .string(pick(["Megaport", "Equinix", "Colt", "Interxion"]))),
        ("amount", .string(amount(max: 3000))),
        ("recurrence", .string(chance(0.6) ? "monthly" : "oneTime")),
      ]
      if chance(0.4) { members.append(("termMonths", .int(int(1...36)))) }
      if !startMonths.isEmpty && chance(0.4) { members.append(("startMonth", .string(pick(startMonths)))) }
      if !attachable.isEmpty && chance(0.5) { members.append(("attachedTo", .string(pick(attachable)))) }
      return .object(members)
    }
  }

  /// A random deployment: 1 to 3 circuits, gateways, a VPN gateway, Global Reach, a Traffic Collector, a Direct
  /// port pair and user charges, each sometimes; some volumes left out (unpriced).
  public mutating func deployment(name: String = "deployment", startMonths: [String] = []) -> PropertyJSON {
    var circuits:
      [(
        name: String, location: PropertyLocation, tier: String, billing: String, bps: Int,
        members: [(String, PropertyJSON)]
      )] =
        []
    for index in 0..<int(1...3) {
      let wantsLocal = chance(0.2)
      let location = location(local: wantsLocal)
      var bandwidth = pick(Self.providerBandwidths)
      var tier = pick(["Standard", "Standard", "Premium"])
      var billing = chance(0.55) ? "MeteredData" : "UnlimitedData"
      if wantsLocal && location.offersLocal {
        tier = "Local"
        billing = "UnlimitedData"
        bandwidth = pick(Array(Self.providerBandwidths.suffix(4)))
      }
      let name = "c\(index + 1)"
      var members: [(String, PropertyJSON)] = [
        ("name", .string(name)), ("peeringLocation", .string(location.name)), ("tier", .string(tier)),
        ("billing", .string(billing)),
        ("bandwidth", .string(bandwidth.text)),
      ]
      if billing == "MeteredData" ? chance(0.85) : chance(0.3) {
        members.append(("egress", .string(volume(maxGB: Self.capacityGB(bps: bandwidth.bps) * 95 / 100))))
      }
      circuits.append((name, location, tier, billing, bandwidth.bps, members))
    }
    var directPorts: [PropertyJSON] = []
    if chance(0.1), let index = circuits.indices.first(where: { circuits[$0].tier != "Local" }) {
      // A 10G port pair under one circuit of 1 to 10 Gbps with the pair's billing model (unpriced without an override).
      let bandwidth = pick(Array(Self.providerBandwidths.suffix(4)))
      circuits[index].bps = bandwidth.bps
      circuits[index].members = circuits[index].members.map { member in
        member.0 == "bandwidth" ? ("bandwidth", .string(bandwidth.text)) : member
      }
      circuits[index].members.append(("directPort", .string("ports")))
      directPorts.append(
        .object([
          ("name", .string("ports")), ("peeringLocation", .string(circuits[index].location.name)),
          ("portSpeed", .string("10 Gbps")),
          ("billing", .string(circuits[index].billing)),
        ]))
    }
    var globalReach: [PropertyJSON] = []
    if circuits.count >= 2, chance(0.35) {
      let a = circuits[0]
      let b = circuits[1]
      if a.tier != "Local" && b.tier != "Local" && a.location.name != b.location.name {
        if a.location.region != b.location.region {
          for index in 0...1 {
            circuits[index].tier = "Premium"
            circuits[index].members = circuits[index].members.map { $0.0 == "tier" ? ("tier", .string("Premium")) : $0 }
          }
        }
        var members: [(String, PropertyJSON)] = [("circuitA", .string(a.name)), ("circuitB", .string(b.name))]
        if chance(0.7) { members.append(("dataAToB", .string(volume(maxGB: 20_000)))) }
        if chance(0.7) { members.append(("dataBToA", .string(volume(maxGB: 20_000)))) }
        globalReach.append(.object(members))
      }
    }
    var gateways: [PropertyJSON] = []
    for index in 0..<int(0...2) {
      let sku = pick(Self.gatewaySKUs)
      var members: [(String, PropertyJSON)] = [("name", .string("gw\(index + 1)")), ("sku", .string(sku))]
      if sku == "ErGwScale" { members.append(("scaleUnits", .int(int(1...40)))) }
      if chance(0.3) { members.append(("count", .int(int(1...3)))) }
      members.append(("circuits", .array(circuits.prefix(int(0...circuits.count)).map { .string($0.name) })))
      gateways.append(.object(members))
    }
    var collectors: [PropertyJSON] = []
    if chance(0.2), let big = circuits.first(where: { $0.bps >= 1_000_000_000 }) {
      var members: [(String, PropertyJSON)] = [
        ("name", .string("collector")), ("circuits", .array([.string(big.name)])),
      ]
      if chance(0.7) { members.append(("processedData", .string(volume(maxGB: 5_000)))) }
      collectors.append(.object(members))
    }
    var vpn: [PropertyJSON] = []
    if chance(0.25) { vpn.append(.object([("name", .string("backup")), ("sku", .string(pick(Self.vpnSKUs)))])) }
    var members: [(String, PropertyJSON)] = [
      ("schemaVersion", .int(1)), ("name", .string(name)), ("circuits", .array(circuits.map { .object($0.members) })),
    ]
    if !directPorts.isEmpty { members.append(("directPorts", .array(directPorts))) }
    if !gateways.isEmpty { members.append(("gateways", .array(gateways))) }
    if !globalReach.isEmpty { members.append(("globalReach", .array(globalReach))) }
    if !collectors.isEmpty { members.append(("trafficCollectors", .array(collectors))) }
    if !vpn.isEmpty { members.append(("vpnGateways", .array(vpn))) }
    let charges = charges(attachable: circuits.map(\.name), startMonths: startMonths)
    if !charges.isEmpty { members.append(("charges", .array(charges))) }
    return .object(members)
  }

  /// The demand of a workload profile: outbound volume and peak, scaled by `scale` (thousandths, 1000 = as drawn).
  public struct Demand: Sendable {
    /// Outbound gigabytes a month.
    public var egressGB: Int
    /// Peak outbound megabits per second.
    public var peakMbps: Int
    /// Inbound peak megabits per second, if given.
    public var inboundMbps: Int?

    /// The demand scaled by `factor` thousandths (rounded down).
    public func scaled(_ factor: Int) -> Demand {
      Demand(
        egressGB: egressGB * factor / 1000, peakMbps: max(1, peakMbps * factor / 1000),
        inboundMbps: inboundMbps.map { max(1, $0 * factor / 1000) })
    }
  }

  /// A random demand that fits a provider circuit (a peak of 1 Mbps to 6 Gbps).
  public mutating func demand() -> Demand {
    let peak = pick([int(1...200), int(100...1_000), int(500...3_000), int(1_000...6_000)])
    // A month at the peak carries peak × 730 h; real traffic averages 5% to 60% of it.
    let monthGB = peak * 730 * 3600 / 8 / 1000
    return Demand(egressGB: monthGB * int(5...60) / 100, peakMbps: peak, inboundMbps: chance(0.3) ? int(1...peak) : nil)
  }

  /// The shape of a workload profile apart from its demand, so the same profile can be priced at several demands.
  public struct ProfileShape: Sendable {
    /// The members before `traffic`.
    public var head: [(String, PropertyJSON)]
    /// The members after `traffic`.
    public var tail: [(String, PropertyJSON)]
  }

  /// A random profile shape: location, sizing options, VNets, gateways, redundancy, Global Reach, user charges and
  /// the circuit bought today, each sometimes.
  public mutating func profileShape(name: String, horizonMonths: Int? = nil, startMonths: [String] = []) -> ProfileShape
  {
    let location = location()
    let head: [(String, PropertyJSON)] = [
      ("schemaVersion", .int(1)), ("name", .string(name)), ("peeringLocation", .string(location.name)),
    ]
    var sizing: [(String, PropertyJSON)] = []
    if chance(0.5) { sizing.append(("percentile", .int(pick([50, 95, 99, 100])))) }
    if chance(0.5) { sizing.append(("targetUtilization", .string(pick(["0.5", "0.7", "0.8", "0.9", "1"])))) }
    if chance(0.7) { sizing.append(("yearlyGrowth", .string(pick(["0", "0.1", "0.25", "0.5", "1", "-0.2"])))) }
    sizing.append(("horizonMonths", .int(horizonMonths ?? int(1...36))))
    if chance(0.3) { sizing.append(("leadTimeMonths", .int(int(0...3)))) }
    var tail: [(String, PropertyJSON)] = [("sizing", .object(sizing))]
    if chance(0.5) { tail.append(("virtualNetworks", .int(int(0...30)))) }
    if chance(0.6) { tail.append(("gateways", .int(int(0...3)))) }
    switch int(0...3) {
    case 0:
      tail.append(("redundancy", .object([("mode", .string("backupVPN")), ("vpnSku", .string(pick(Self.vpnSKUs)))])))
    case 1:
      var second = self.location()
      if second.name == location.name { second = self.location() }
      if second.name != location.name {
        tail.append(
          (
            "redundancy",
            .object([
              ("mode", .string("secondCircuit")), ("location", .string(second.name)),
              ("failover", .string(pick(["activePassive", "activeActive"]))),
            ])
          )
        )
      }
    default: break
    }
    if chance(0.2) {
      let remote = self.location()
      // Sizing plans no link where Global Reach is not offered (it refuses the profile): only where it is.
      if remote.name != location.name, remote.offersGlobalReach, location.offersGlobalReach {
        tail.append(
          (
            "globalReach",
            .array([.object([("location", .string(remote.name)), ("monthlyData", .string(volume(maxGB: 10_000)))])])
          ))
      }
    }
    let charges = charges(attachable: [], startMonths: startMonths)
    if !charges.isEmpty { tail.append(("charges", .array(charges))) }
    if chance(0.3) {
      let bandwidth = pick(Self.providerBandwidths)
      var current: [(String, PropertyJSON)] = [
        ("tier", .string(pick(["Standard", "Premium"]))), ("billing", .string(pick(["MeteredData", "UnlimitedData"]))),
        ("bandwidth", .string(bandwidth.text)),
      ]
      if chance(0.5) { current.append(("gateway", .string(pick(["ErGw1AZ", "ErGw2AZ", "ErGw3AZ"])))) }
      tail.append(("current", .object(current)))
    }
    return ProfileShape(head: head, tail: tail)
  }

  /// The profile of `shape` at `demand`.
  public static func profile(_ shape: ProfileShape, demand: Demand) -> PropertyJSON {
    var traffic: [(String, PropertyJSON)] = [
      ("monthlyEgress", .string("\(demand.egressGB) GB")), ("peakOutbound", .string("\(demand.peakMbps) Mbps")),
    ]
    if let inbound = demand.inboundMbps { traffic.append(("peakInbound", .string("\(inbound) Mbps"))) }
    return .object(shape.head + [("traffic", .object(traffic))] + shape.tail)
  }

  /// A random portfolio: `minSites` to `maxSites` sites over 1 to 24 months, each a deployment (with growth) or a workload
  /// profile, with tags and user charges sometimes. Profile demand follows ``volumeScale`` too.
  public mutating func portfolio(name: String = "portfolio", minSites: Int = 1, maxSites: Int = 3) -> PropertyJSON {
    let start = month()
    let horizon = int(1...24)
    let months = Self.months(from: start, count: horizon)
    var sites: [PropertyJSON] = []
    for index in 0..<int(minSites...maxSites) {
      let siteName = "site-\(index + 1)"
      var members: [(String, PropertyJSON)] = [("name", .string(siteName))]
      if chance(0.3) {
        let shape = profileShape(name: siteName, horizonMonths: horizon, startMonths: months)
        members.append(("profile", Self.profile(shape, demand: demand().scaled(volumeScale))))
      } else {
        members.append(("deployment", deployment(name: siteName, startMonths: months)))
        if chance(0.6) { members.append(("yearlyGrowth", .string(pick(["0", "0.1", "0.2", "0.5", "1", "-0.3"])))) }
      }
      if chance(0.4) { members.append(("tags", .object([("region", .string(pick(["emea", "amer", "apac"])))]))) }
      let charges = charges(attachable: [], startMonths: months)
      if !charges.isEmpty { members.append(("charges", .array(charges))) }
      sites.append(.object(members))
    }
    return .object([
      ("schemaVersion", .int(1)), ("name", .string(name)), ("startMonth", .string(Self.monthText(start))),
      ("horizonMonths", .int(horizon)),
      ("sites", .array(sites)),
    ])
  }

  /// A random month `2026-01` … `2028-12`.
  public mutating func month() -> (year: Int, month: Int) { (int(2026...2028), int(1...12)) }

  /// `2027-03`.
  public static func monthText(_ month: (year: Int, month: Int)) -> String {
    "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
  }

  /// The `count` months from `start`, as text.
  public static func months(from start: (year: Int, month: Int), count: Int) -> [String] {
    (0..<count).map { offset in
      let index = start.month - 1 + offset
      return monthText((start.year + index / 12, index % 12 + 1))
    }
  }
}
