import ExpressRouteCalculator

extension QuoteCommand {
  /// The options and help of `ercalc quote`.
  static let spec = CommandSpec(
    name: "ercalc quote",
    abstract: "Price one ExpressRoute configuration as itemised monthly line items.",
    discussion: """
      Give a deployment JSON file, or describe one circuit with flags. Charges without a rate are listed as unpriced, never counted as zero.
      With --global-reach-series, each Global Reach link's data comes from the measured series: a deployment circuit named as the measured circuit's resource, the peer by its serviceKey; a deployment with a single Global Reach link takes a series of one circuit and one peer as that link.
      Examples:
        ercalc quote --location Amsterdam --bandwidth 1G --egress 40TB --gateway ErGw1AZ
        ercalc quote deployment.json --global-reach-series global-reach.json --period 2026-03 --overrides gr-rates.json
      """,
    arguments: [
      ArgumentSpec(
        "deployment", help: "Deployment JSON file (see README, 'Deployment files'); '-' reads standard input.",
        isOptional: true)
    ],
    options: [
      .option(
        "from", value: "file", kind: .path,
        help: "Price an existing or planned configuration: az/ARM JSON or Terraform JSON (terraform show -json)."),
      ImportOptions.parametersSpec,
      .option("location", value: "name", help: "Peering location, such as Amsterdam or 'Washington DC'."),
      .option("zone", value: "zone", help: "Billing zone, when no location is given.", allowed: Zone.allNames),
      .option("bandwidth", value: "rate", kind: .bandwidth, help: "Circuit bandwidth, such as 500Mbps or 1Gbps."),
      .option("sku", value: "tier", help: "Circuit SKU tier.", allowed: CircuitTier.allNames, default: "Standard"),
      .option(
        "billing", value: "model", help: "Billing model.", allowed: ["metered", "unlimited"], default: "metered"),
      .option(
        "egress", value: "volume", kind: .volume,
        help:
          "Outbound data per month, such as 40TB or 500GB. Without it a metered circuit's data charge is listed as not priced. With --from, each circuit without a volume of its own gets this volume (not a share of it)."
      ),
      .option(
        "direct-port", value: "speed", help: "Run the circuit on an ExpressRoute Direct port pair of this speed.",
        allowed: ["10G", "100G", "400G"]),
      .option("gateway", value: "sku", help: "Add an ExpressRoute gateway.", allowed: GatewaySKU.allNames),
      .option(
        "scale-units", value: "n", kind: .count(1...40), help: "Scale units for an ErGwScale gateway.",
        parent: "gateway"),
      .option(
        "gateway-count", value: "n", kind: .count(1...1000), help: "Number of identical gateways.", default: "1",
        parent: "gateway"),
      .flag("fastpath", help: "Require FastPath on the gateway.", parent: "gateway"),
      .option("backup-vpn", value: "sku", help: "Add a VPN gateway as a backup path.", allowed: VPNGatewaySKU.allNames),
      .option(
        "traffic-collector", value: "volume", kind: .volume,
        help: "Add a Traffic Collector processing this much flow data per month."),
      .option(
        "global-reach", value: "location",
        help: "Add a Global Reach link to a second circuit (same SKU and size) at this location."),
      .option(
        "global-reach-data", value: "volume", kind: .volume,
        help: "Data per month each way over the Global Reach link (not priced when left out).",
        parent: "global-reach"),
      .option(
        "global-reach-egress", value: "volume", kind: .volume,
        help: "Outbound data per month of the second circuit that --global-reach adds (not priced when left out).",
        parent: "global-reach"),
      .option(
        "global-reach-series", value: "file", kind: .path,
        help:
          "Price Global Reach from measurement: GlobalReachBitsIn/OutPerSecond split by PeeredCircuitSKey (Metrics - List, az monitor metrics list or Metrics Batch JSON), for --period or the latest month measured; repeatable, oldest first.",
        repeatable: true),
      .flag(
        "quiet", short: "q", help: "Do not print data warnings about the --global-reach-series files.",
        parent: "global-reach-series"),
      .option(
        "vnet-links", value: "n", kind: .count(0...1000),
        help: "VNets linked to the circuit (checked against the SKU limit)."),
      .option("name", value: "text", help: "A name for the report."),
      .option(
        "period", value: "yyyy-mm", kind: .month,
        help:
          "Month the quote is for: only charges that fall in it count; also the CSV ChargePeriodStart/End columns. With --global-reach-series and no --period, the latest month measured."
      ),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when the monthly total exceeds this amount, or when a charge could not be priced (a budget gate for CI)."
      ))
}

extension QuoteCommand {
  /// The options that describe one circuit, which neither a deployment file nor `--from` combines with.
  static let circuitFlags = [
    "location", "zone", "bandwidth", "sku", "billing", "egress", "direct-port", "gateway", "scale-units",
    "gateway-count",
    "backup-vpn", "traffic-collector", "global-reach", "global-reach-data", "global-reach-egress", "vnet-links",
  ]

  /// Which flag would give the quantities a flag-built or imported quote left unknown.
  static func quantityHints(_ arguments: ParsedArguments) -> [String] {
    if arguments.value("from") != nil { return ["give outbound volumes with --egress"] }
    if arguments.argument("deployment") != nil {
      return ["give the volumes as 'egress', 'dataAToB' or 'processedData' in the deployment file"]
    }
    var hints = ["give outbound data with --egress"]
    if arguments.value("global-reach") != nil {
      let measured = arguments.values["global-reach-series"] != nil
      hints += [measured ? "--global-reach-egress" : "--global-reach-data and --global-reach-egress"]
    }
    return [hints.joined(separator: ", ")]
  }

  /// The one circuit the options describe, its locations checked against the catalogue.
  static func circuit(_ arguments: ParsedArguments, engine: PricingEngine) throws -> QuoteRequest.Circuit {
    guard let bandwidth = arguments.bandwidth("bandwidth") else {
      throw UsageError("Missing expected option '--bandwidth <rate>' (or give a deployment file)")
    }
    guard arguments.value("location") != nil || arguments.value("zone") != nil else {
      throw UsageError("Missing expected option '--location <name>' (or '--zone <zone>', or a deployment file)")
    }
    let location = try arguments.value("location").map {
      try PricingOptions.location($0, option: "--location <name>", engine: engine).name
    }
    var circuit = QuoteRequest.Circuit(
      bandwidth: bandwidth, location: location, zone: arguments.name("zone", as: Zone.self))
    circuit.tier = arguments.name("sku", as: CircuitTier.self)
    circuit.billing = arguments.name("billing", as: BillingFamily.self)
    circuit.egress = arguments.volume("egress")
    circuit.directPort = arguments.name("direct-port", as: DirectPortSpeed.self)
    circuit.gateway = arguments.name("gateway", as: GatewaySKU.self)
    circuit.scaleUnits = arguments.count("scale-units")
    if let gateway = circuit.gateway, gateway != .erGwScale, circuit.scaleUnits != nil {
      throw UsageError(
        "The option '--scale-units' applies to '--gateway ErGwScale' only; '--gateway \(gateway.name)' has a fixed size"
      )
    }
    circuit.gatewayCount = arguments.count("gateway-count")
    circuit.fastPath = arguments.flag("fastpath")
    circuit.backupVPN = arguments.name("backup-vpn", as: VPNGatewaySKU.self)
    circuit.trafficCollector = arguments.volume("traffic-collector")
    circuit.globalReach = try arguments.value("global-reach").map {
      try PricingOptions.location($0, option: "--global-reach <location>", engine: engine).name
    }
    circuit.globalReachData = arguments.volume("global-reach-data")
    circuit.globalReachEgress = arguments.volume("global-reach-egress")
    circuit.vnetLinks = arguments.count("vnet-links")
    circuit.name = arguments.value("name")
    return circuit
  }
}
