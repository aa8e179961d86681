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
    arguments: [
      ArgumentSpec("deployment", help: "Deployment JSON file (see README, 'Deployment files'); '-' reads standard input.", isOptional: true)
    ],
    options: [
      .option(
        "from", value: "file", kind: .path, help: "Price an existing or planned configuration: az/ARM JSON or Terraform JSON (terraform show -json)."),
      ImportOptions.parametersSpec,
      .option("location", value: "name", help: "Peering location, such as Amsterdam or 'Washington DC'."),
      .option("zone", value: "zone", help: "Billing zone, when no location is given.", allowed: Zone.allNames),
      .option("bandwidth", value: "rate", kind: .bandwidth, help: "Circuit bandwidth, such as 500Mbps or 1Gbps."),
      .option("sku", value: "tier", help: "Circuit SKU tier.", allowed: CircuitTier.allNames, default: "Standard"),
      .option("billing", value: "model", help: "Billing model.", allowed: ["metered", "unlimited"], default: "metered"),
      .option(
        "egress", value: "volume", kind: .volume,
        help: "Outbound data per month, such as 40TB or 500GB. Without it a metered circuit's data charge is listed as not priced."),
      .option(
        "direct-port", value: "speed", help: "Run the circuit on an ExpressRoute Direct port pair of this speed.", allowed: ["10G", "100G", "400G"]),
      .option("gateway", value: "sku", help: "Add an ExpressRoute gateway.", allowed: GatewaySKU.allNames),
      .option("scale-units", value: "n", kind: .count(1...40), help: "Scale units for an ErGwScale gateway.", parent: "gateway"),
      .option("gateway-count", value: "n", kind: .count(1...1000), help: "Number of identical gateways.", default: "1", parent: "gateway"),
      .flag("fastpath", help: "Require FastPath on the gateway.", parent: "gateway"),
      .option("backup-vpn", value: "sku", help: "Add a VPN gateway as a backup path.", allowed: VPNGatewaySKU.allNames),
      .option("traffic-collector", value: "volume", kind: .volume, help: "Add a Traffic Collector processing this much flow data per month."),
      .option("global-reach", value: "location", help: "Add a Global Reach link to a second circuit (same SKU and size) at this location."),
      .option(
        "global-reach-data", value: "volume", kind: .volume, help: "Data per month each way over the Global Reach link (not priced when left out).",
        parent: "global-reach"),
      .option(
        "global-reach-egress", value: "volume", kind: .volume,
        help: "Outbound data per month of the second circuit that --global-reach adds (not priced when left out).", parent: "global-reach"),
      .option("vnet-links", value: "n", kind: .count(0...1000), help: "VNets linked to the circuit (checked against the SKU limit)."),
      .option("name", value: "text", help: "A name for the report."),
      .option(
        "period", value: "yyyy-mm", kind: .month,
        help: "Month the quote is for: only charges that fall in it count; also the CSV ChargePeriodStart/End columns."),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when the monthly total exceeds this amount, or when a charge could not be priced (a budget gate for CI)."))

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    let input = InputFile(arguments)
    var deployment: Deployment
    let circuitFlags = [
      "location", "zone", "bandwidth", "sku", "billing", "egress", "direct-port", "gateway", "scale-units", "gateway-count",
      "backup-vpn", "traffic-collector", "global-reach", "global-reach-data", "global-reach-egress", "vnet-links",
    ]
    var imported: DeploymentImporter.Result?
    if let path = arguments.value("from") {
      if arguments.argument("deployment") != nil { throw UsageError("Give either a deployment file or '--from <file>', not both.") }
      if let flag = circuitFlags.filter({ $0 != "egress" }).first(where: { arguments.values[$0] != nil }) {
        throw UsageError("The option '--\(flag)' cannot be combined with '--from'; only '--egress' (applied to every metered circuit) can.")
      }
      var result = try ImportOptions.read(path, arguments, engine: engine)
      if let volume = arguments.volume("egress") {
        for index in result.deployment.circuits.indices where result.deployment.circuits[index].monthlyEgress == nil {
          result.deployment.circuits[index].monthlyEgress = volume
        }
      }
      if let period = arguments.month("period") { result.deployment.charges = UserCharge.falling(result.deployment.charges, in: period).charges }
      imported = result
      deployment = result.deployment
    } else if let path = arguments.argument("deployment") {
      if let flag = circuitFlags.first(where: { arguments.values[$0] != nil }) ?? (arguments.flag("fastpath") ? "fastpath" : nil) {
        throw UsageError("The option '--\(flag)' cannot be combined with a deployment file; describe the whole configuration in the file.")
      }
      deployment = try Deployment(json: try input.readJSON(path), file: path)
    } else {
      deployment = try deploymentFromFlags(arguments, engine: engine)
    }
    // A quote for a calendar month counts only the charges that fall in it; without a month, dated charges cannot be
    // added up (no month need hold them all), so the quote is refused rather than summing them.
    var periodNotes: [String] = []
    if let period = arguments.month("period") {
      (deployment.charges, periodNotes) = UserCharge.falling(deployment.charges, in: period)
    } else {
      try Self.refuseDatedCharges(deployment.charges, remedy: "give the month to price with '--period YYYY-MM'")
    }
    var quote: Quote
    if let imported {
      quote = try imported.quote(with: engine)
      quote.notes.append("read \(imported.format) from \(arguments.value("from") ?? "")")
    } else {
      quote = try engine.quote(deployment)
    }
    quote.notes += periodNotes
    let hints = quote.unpriced.contains { $0.quantity == nil } ? Self.quantityHints(arguments) : []
    try OutputOptions.emit(QuoteReport(quote: quote, period: arguments.value("period")), arguments, context: &context)
    OutputOptions.warnIncomplete(quote.unpriced.count + quote.skippedResources.count, hints: hints, context: &context)
    try OutputOptions.checkBudget(
      quote.total, unpriced: quote.unpriced.count + quote.skippedResources.count, arguments, what: "monthly total", context: &context)
    return .success
  }

  /// Refuses (usage error, exit 64) charges tied to calendar months when no month was named: a monthly total of them all
  /// would be a month that never happens.
  static func refuseDatedCharges(_ charges: [UserCharge], remedy: String) throws {
    let dated = UserCharge.dated(charges)
    guard !dated.isEmpty else { return }
    let names = dated.map { "'\($0.name)' (from \($0.startMonth?.description ?? ""))" }.joined(separator: ", ")
    throw UsageError(
      "The charge\(dated.count == 1 ? "" : "s") \(names) \(dated.count == 1 ? "is" : "are") dated, so which charges fall depends on the month; \(remedy)."
    )
  }

  /// Which flag would give the quantities a flag-built or imported quote left unknown.
  static func quantityHints(_ arguments: ParsedArguments) -> [String] {
    if arguments.value("from") != nil { return ["give outbound volumes with --egress"] }
    if arguments.argument("deployment") != nil { return ["give the volumes as 'egress', 'dataAToB' or 'processedData' in the deployment file"] }
    var hints = ["give outbound data with --egress"]
    if arguments.value("global-reach") != nil { hints += ["--global-reach-data and --global-reach-egress"] }
    return [hints.joined(separator: ", ")]
  }

  static func deploymentFromFlags(_ arguments: ParsedArguments, engine: PricingEngine) throws -> Deployment {
    guard let bandwidth = arguments.bandwidth("bandwidth") else {
      throw UsageError("Missing expected option '--bandwidth <rate>' (or give a deployment file)")
    }
    guard arguments.value("location") != nil || arguments.value("zone") != nil else {
      throw UsageError("Missing expected option '--location <name>' (or '--zone <zone>', or a deployment file)")
    }
    let tier = arguments.name("sku", as: CircuitTier.self) ?? .standard
    let billing = arguments.name("billing", as: BillingFamily.self) ?? (tier == .local ? .unlimited : .metered)
    let egress = arguments.volume("egress")
    let location = try arguments.value("location").map { name throws in
      try PricingOptions.location(name, option: "--location <name>", engine: engine).name
    }
    let zone = arguments.name("zone", as: Zone.self)
    let name =
      arguments.value("name") ?? [location ?? zone?.name, bandwidth.description, tier.name, billing.name].compactMap { $0 }.joined(separator: " ")
    var deployment = Deployment(name: name)
    var circuit = Circuit(
      name: "circuit", peeringLocation: location, zone: location == nil ? zone : nil, tier: tier, billing: billing, bandwidth: bandwidth,
      monthlyEgress: egress, virtualNetworkLinks: arguments.count("vnet-links"))
    if let speed = arguments.name("direct-port", as: DirectPortSpeed.self) {
      deployment.directPorts.append(
        DirectPortPair(name: "direct", peeringLocation: location, zone: location == nil ? zone : nil, speed: speed, billing: billing))
      circuit.directPort = "direct"
    }
    deployment.circuits.append(circuit)
    if let sku = arguments.name("gateway", as: GatewaySKU.self) {
      deployment.gateways.append(
        Gateway(
          name: "gateway", sku: sku, scaleUnits: arguments.count("scale-units"), count: arguments.count("gateway-count") ?? 1, circuits: ["circuit"],
          fastPath: arguments.flag("fastpath")))
    }
    if let sku = arguments.name("backup-vpn", as: VPNGatewaySKU.self) {
      deployment.vpnGateways.append(VPNGateway(name: "backup-vpn", sku: sku))
    }
    if let volume = arguments.volume("traffic-collector") {
      deployment.trafficCollectors.append(TrafficCollector(name: "collector", circuits: ["circuit"], processedData: volume))
    }
    if let remote = arguments.value("global-reach") {
      let found = try PricingOptions.location(remote, option: "--global-reach <location>", engine: engine)
      let data = arguments.volume("global-reach-data")
      deployment.circuits.append(
        Circuit(
          name: "remote", peeringLocation: found.name, tier: tier, billing: billing, bandwidth: bandwidth,
          monthlyEgress: arguments.volume("global-reach-egress")))
      deployment.globalReach.append(GlobalReachLink(circuitA: "circuit", circuitB: "remote", dataAToB: data, dataBToA: data))
    }
    return deployment
  }
}
