import ExpressRouteCalculator
import Foundation

/// `ercalc quote`: prices one configuration from flags or a deployment file.
enum QuoteCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc quote",
    abstract: "Price one ExpressRoute configuration as itemised monthly line items.",
    discussion: """
      Give a deployment JSON file, or describe one circuit with flags. Charges without a rate are listed as unpriced, never counted as zero.
      Example:
        ercalc quote --location Amsterdam --bandwidth 1G --egress 40TB --gateway ErGw1AZ
      """,
    arguments: [ArgumentSpec("deployment", help: "Deployment JSON file (see README, 'Deployment files'); '-' reads standard input.", isOptional: true)],
    options: [
      .option("from", value: "file", help: "Price an existing or planned configuration: az/ARM JSON or Terraform JSON (terraform show -json)."),
      .option("location", value: "name", help: "Peering location, such as Amsterdam or 'Washington DC'."),
      .option("zone", value: "zone", help: "Billing zone, when no location is given.", allowed: Zone.allNames),
      .option("bandwidth", value: "rate", help: "Circuit bandwidth, such as 500Mbps or 1Gbps."),
      .option("sku", value: "tier", help: "Circuit SKU tier.", allowed: ["local", "standard", "premium"], default: "standard"),
      .option("billing", value: "model", help: "Billing model.", allowed: ["metered", "unlimited"], default: "metered"),
      .option("egress", value: "volume", help: "Outbound data per month, such as 40TB or 500GB.", default: "0GB"),
      .option("direct-port", value: "speed", help: "Run the circuit on an ExpressRoute Direct port pair of this speed.", allowed: ["10G", "100G", "400G"]),
      .option("gateway", value: "sku", help: "Add an ExpressRoute gateway.", allowed: GatewaySKU.allNames),
      .option("scale-units", value: "n", help: "Scale units for an ErGwScale gateway."),
      .option("gateway-count", value: "n", help: "Number of identical gateways.", default: "1"),
      .flag("fastpath", help: "Require FastPath on the gateway."),
      .option("backup-vpn", value: "sku", help: "Add a VPN gateway as a backup path, such as VpnGw1AZ."),
      .option("traffic-collector", value: "volume", help: "Add a Traffic Collector processing this much flow data per month."),
      .option("global-reach", value: "location", help: "Add a Global Reach link to a second circuit (same SKU and size) at this location."),
      .option("global-reach-data", value: "volume", help: "Data per month each way over the Global Reach link.", default: "0GB"),
      .option("vnet-links", value: "n", help: "VNets linked to the circuit (checked against the SKU limit)."),
      .option("name", value: "text", help: "A name for the report."),
      .option("period", value: "yyyy-mm", help: "Month the quote is for, used for the CSV ChargePeriodStart/End columns."),
    ] + PricingOptions.specs + OutputOptions.specs + [OutputOptions.failAbove])

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    let deployment: Deployment
    let circuitFlags = ["location", "zone", "bandwidth", "sku", "billing", "egress", "direct-port", "gateway", "scale-units", "gateway-count",
      "backup-vpn", "traffic-collector", "global-reach", "global-reach-data", "vnet-links"]
    var imported: DeploymentImporter.Result?
    if let path = arguments.value("from") {
      if arguments.argument("deployment") != nil { throw UsageError("Give either a deployment file or '--from <file>', not both.") }
      if let flag = circuitFlags.filter({ $0 != "egress" }).first(where: { arguments.values[$0] != nil }) {
        throw UsageError("The option '--\(flag)' cannot be combined with '--from'; only '--egress' (applied to every metered circuit) can.")
      }
      var result = try DeploymentImporter().read(json: try readInput(path), file: path)
      if let text = arguments.value("egress") {
        let volume = try parseVolume(text, option: "--egress <volume>")
        for index in result.deployment.circuits.indices where result.unknownEgress.contains(result.deployment.circuits[index].name) {
          result.deployment.circuits[index].monthlyEgress = volume
        }
        result.unknownEgress = []
      }
      imported = result
      deployment = result.deployment
    } else if let path = arguments.argument("deployment") {
      if let flag = circuitFlags.first(where: { arguments.values[$0] != nil }) ?? (arguments.flag("fastpath") ? "fastpath" : nil) {
        throw UsageError("The option '--\(flag)' cannot be combined with a deployment file; describe the whole configuration in the file.")
      }
      deployment = try Deployment(json: try readInput(path), file: path)
    } else {
      deployment = try deploymentFromFlags(arguments, engine: engine)
    }
    if let period = arguments.value("period"), !isMonth(period) {
      throw UsageError("The value '\(period)' is invalid for '--period <yyyy-mm>'. Please provide a month such as 2026-01.")
    }
    var quote = try engine.quote(deployment)
    if let imported {
      // A metered circuit's 0 GB egress line becomes an unpriced item: the volume is unknown, not zero.
      let unknown = Set(imported.unknownEgress.map { "circuit '\($0)'" })
      let placeholders = quote.lineItems.filter { item in
        if case .egress = item.meter { return unknown.contains(item.resource) }
        return false
      }
      quote.lineItems.removeAll { placeholders.contains($0) }
      quote.unpriced += placeholders.map { item in
        UnpricedItem(
          resource: item.resource, meter: item.meter, quantity: 0,
          reason: "outbound volume unknown from the configuration; give it with --egress, or measure it with ercalc size")
      }
      quote.skippedResources = imported.skipped
      quote.notes += imported.notes + ["read \(imported.format) from \(arguments.value("from") ?? "")"]
    }
    try OutputOptions.emit(QuoteReport(quote: quote, period: arguments.value("period")), arguments, context: &context)
    if !quote.isComplete {
      let count = quote.unpriced.count + quote.skippedResources.count
      context.warnings.append("warning: \(count) charge\(count == 1 ? "" : "s") could not be priced and \(count == 1 ? "is" : "are") not in the total; see 'Not priced'")
    }
    try OutputOptions.checkBudget(quote.total, arguments, what: "monthly total")
    return .success
  }

  static func deploymentFromFlags(_ arguments: ParsedArguments, engine: PricingEngine) throws -> Deployment {
    guard let bandwidthText = arguments.value("bandwidth") else {
      throw UsageError("Missing expected option '--bandwidth <rate>' (or give a deployment file)")
    }
    guard arguments.value("location") != nil || arguments.value("zone") != nil else {
      throw UsageError("Missing expected option '--location <name>' (or '--zone <zone>', or a deployment file)")
    }
    let bandwidth = try parseBandwidth(bandwidthText, option: "--bandwidth <rate>")
    let tier = CircuitTier(name: arguments.value("sku") ?? "standard") ?? .standard
    let billing = BillingFamily(name: arguments.value("billing") ?? (tier == .local ? "unlimited" : "metered")) ?? .metered
    let egress = try parseVolume(arguments.value("egress") ?? "0GB", option: "--egress <volume>")
    let location = try arguments.value("location").map { name throws in
      guard let found = engine.locations.location(named: name) else {
        throw UsageError("The value '\(name)' is invalid for '--location <name>': \(engine.locations.unknownLocationMessage(name)).")
      }
      return found.name
    }
    let zone = arguments.value("zone").flatMap { Zone(name: $0) }
    let name = arguments.value("name") ?? [location ?? zone?.name, bandwidth.description, tier.name, billing.name].compactMap { $0 }.joined(separator: " ")
    var deployment = Deployment(name: name)
    var circuit = Circuit(
      name: "circuit", peeringLocation: location, zone: location == nil ? zone : nil, tier: tier, billing: billing, bandwidth: bandwidth,
      monthlyEgress: egress, virtualNetworkLinks: try arguments.value("vnet-links").map { try parseCount($0, option: "--vnet-links <n>", range: 0...1000) })
    if let speedText = arguments.value("direct-port"), let speed = DirectPortSpeed(name: speedText) {
      deployment.directPorts.append(DirectPortPair(name: "direct", peeringLocation: location, zone: location == nil ? zone : nil, speed: speed, billing: billing))
      circuit.directPort = "direct"
    }
    deployment.circuits.append(circuit)
    if let skuText = arguments.value("gateway"), let sku = GatewaySKU(name: skuText) {
      let units = try arguments.value("scale-units").map { try parseCount($0, option: "--scale-units <n>", range: 0...1000) }
      let count = try arguments.value("gateway-count").map { try parseCount($0, option: "--gateway-count <n>", range: 1...1000) } ?? 1
      deployment.gateways.append(Gateway(name: "gateway", sku: sku, scaleUnits: units, count: count, circuits: ["circuit"], fastPath: arguments.flag("fastpath")))
    } else if arguments.flag("fastpath") || arguments.value("scale-units") != nil {
      throw UsageError("'--fastpath' and '--scale-units' need '--gateway <sku>'")
    }
    if let sku = arguments.value("backup-vpn") {
      deployment.vpnGateways.append(VPNGateway(name: "backup-vpn", sku: sku))
    }
    if let volumeText = arguments.value("traffic-collector") {
      let volume = try parseVolume(volumeText, option: "--traffic-collector <volume>")
      deployment.trafficCollectors.append(TrafficCollector(name: "collector", circuits: ["circuit"], processedData: volume))
    }
    if let remote = arguments.value("global-reach") {
      guard let found = engine.locations.location(named: remote) else {
        throw UsageError("The value '\(remote)' is invalid for '--global-reach <location>': \(engine.locations.unknownLocationMessage(remote)).")
      }
      let data = try parseVolume(arguments.value("global-reach-data") ?? "0GB", option: "--global-reach-data <volume>")
      deployment.circuits.append(Circuit(name: "remote", peeringLocation: found.name, tier: tier, billing: billing, bandwidth: bandwidth))
      deployment.globalReach.append(GlobalReachLink(circuitA: "circuit", circuitB: "remote", dataAToB: data, dataBToA: data))
    }
    return deployment
  }
}

/// Parses a bandwidth flag value or throws the usage error that names the option.
func parseBandwidth(_ text: String, option: String) throws -> Bandwidth {
  guard let value = Bandwidth(parsing: text) else {
    throw UsageError("The value '\(text)' is invalid for '\(option)'. Please provide \(Bandwidth.expectedFormat).")
  }
  return value
}

/// Parses a data-volume flag value or throws the usage error that names the option.
func parseVolume(_ text: String, option: String) throws -> DataVolume {
  guard let value = DataVolume(parsing: text) else {
    throw UsageError("The value '\(text)' is invalid for '\(option)'. Please provide \(DataVolume.expectedFormat).")
  }
  return value
}

/// Parses a whole-number flag value within `range`.
func parseCount(_ text: String, option: String, range: ClosedRange<Int>) throws -> Int {
  guard let value = Int(text), range.contains(value) else {
    throw UsageError("The value '\(text)' is invalid for '\(option)'. Please provide a whole number from \(range.lowerBound) to \(range.upperBound).")
  }
  return value
}

/// Whether `text` is a `YYYY-MM` month.
func isMonth(_ text: String) -> Bool {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil, let month = Int(parts[1]) else { return false }
  return (1...12).contains(month)
}
