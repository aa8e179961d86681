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
      .option("bandwidth", value: "rate", kind: .bandwidth, help: "Circuit bandwidth, such as 1Gbps.", default: "1Gbps"),
      .option(
        "egress", value: "volume", kind: .volume, help: "Outbound data per month, such as 40TB (0GB when left out, and said so).", default: "0GB"),
      .flag("with-vpn", help: "Also price a site-to-site VPN over the internet (VPN gateway and tiered internet egress) and the break-even volume."),
      .option(
        "routing", value: "routing", help: "How the VPN's internet traffic leaves Azure.", allowed: InternetRouting.allNames,
        default: "Microsoft network",
        parent: "with-vpn"),
      .option(
        "hub-region", value: "region",
        help: "The Azure region of the ExpressRoute gateway, where ErGwScale may not be offered (the location's local region when left out).",
        parent: "with-vpn"),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs("Exit with status 1 when even the cheapest option costs more than this amount a month, or none could be priced."))

  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    let bandwidth = arguments.bandwidth("bandwidth") ?? .gbps(1)
    let egress = arguments.volume("egress") ?? .zero
    if arguments.value("egress") == nil {
      context.warnings.append("note: no --egress given; comparing with 0 GB of outbound data a month, which favours metered billing")
    }
    var location = try arguments.value("location").map { try PricingOptions.location($0, option: "--location <name>", engine: engine) }
    let zone = arguments.name("zone", as: Zone.self)
    if location == nil && zone == nil {
      location = engine.locations.location(named: "Amsterdam")
      context.warnings.append("note: no --location or --zone given; comparing at Amsterdam (Zone 1)")
    }
    let comparison = try engine.compare(location: location, zone: zone, bandwidth: bandwidth, monthlyEgress: egress)
    var report = ComparisonReport(comparison: comparison)
    if arguments.flag("with-vpn") {
      var hub: String?
      if let region = arguments.value("hub-region") {
        guard let canonical = engine.locations.canonicalAzureRegion(region) else {
          var message = "'\(region)' is not a known Azure region for --hub-region <region>"
          if let near = Suggestion.nearest(to: region, in: engine.locations.allAzureRegions) { message += "; did you mean '\(near)'?" }
          throw UsageError(message)
        }
        hub = canonical
      }
      report.vpn = engine.compareWithVPN(
        comparison, volume: egress, routing: arguments.name("routing", as: InternetRouting.self) ?? .microsoftNetwork, hubRegion: hub)
    }
    try OutputOptions.emit(report, arguments, context: &context)
    if let cheapest = comparison.cheapest?.monthlyTotal {
      try OutputOptions.checkBudget(cheapest, unpriced: 0, arguments, what: "cheapest option's monthly total", context: &context)
    } else if arguments.value("fail-above") != nil && !arguments.flag("allow-unpriced") {
      throw CommandFailure("--fail-above cannot pass: no option could be priced at \(bandwidth)")
    }
    return .success
  }
}
