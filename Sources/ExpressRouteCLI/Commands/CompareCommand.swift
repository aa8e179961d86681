import ExpressRouteCalculator

/// `ercalc compare`: every SKU × billing option for one circuit, cheapest first.
enum CompareCommand: Command {
  static let spec = CommandSpec(
    name: "ercalc compare",
    abstract: "Compare every SKU and billing model for one circuit, cheapest first.",
    discussion: """
      Lists Local, Standard and Premium with MeteredData and UnlimitedData side by side, cheapest first, with the metered-vs-unlimited break-even volume.
      Example:
        ercalc compare --location Amsterdam --bandwidth 1Gbps --egress 40TB
      """,
    options: [
      .option("location", value: "name", help: "Peering location, such as Amsterdam."),
      .option("zone", value: "zone", help: "Billing zone, when no location is given.", allowed: Zone.allNames),
      .option("bandwidth", value: "rate", help: "Circuit bandwidth, such as 1Gbps.", default: "1Gbps"),
      .option("egress", value: "volume", help: "Outbound data per month, such as 40TB.", default: "0GB"),
    ] + PricingOptions.specs + OutputOptions.specs
      + [.option("fail-above", value: "amount", help: "Exit with status 1 when even the cheapest option costs more than this amount a month.")])

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    let bandwidth = try parseBandwidth(arguments.value("bandwidth") ?? "1Gbps", option: "--bandwidth <rate>")
    let egress = try parseVolume(arguments.value("egress") ?? "0GB", option: "--egress <volume>")
    var location: PeeringLocation?
    if let name = arguments.value("location") {
      guard let found = engine.locations.location(named: name) else {
        throw UsageError("The value '\(name)' is invalid for '--location <name>': \(engine.locations.unknownLocationMessage(name)).")
      }
      location = found
    }
    let zone = arguments.value("zone").flatMap { Zone(name: $0) }
    if location == nil && zone == nil {
      location = engine.locations.location(named: "Amsterdam")
      context.warnings.append("note: no --location or --zone given; comparing at Amsterdam (Zone 1)")
    }
    let comparison = try engine.compare(location: location, zone: zone, bandwidth: bandwidth, monthlyEgress: egress)
    try OutputOptions.emit(ComparisonReport(comparison: comparison, engine: engine), arguments, context: &context)
    if let cheapest = comparison.cheapest?.monthlyTotal {
      try OutputOptions.checkBudget(cheapest, arguments, what: "cheapest option's monthly total")
    }
    return .success
  }
}
