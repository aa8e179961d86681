import ExpressRouteCalculator

/// `ercalc compare`: every SKU × billing option for one circuit, cheapest first.
enum CompareCommand: Command {
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
    let engine = try PricingOptions.engine(arguments)
    var request = CompareRequest(
      zone: arguments.name("zone", as: Zone.self), bandwidth: arguments.bandwidth("bandwidth"),
      egress: arguments.volume("egress"))
    if request.egress == nil {
      context.warnings.append(
        "note: no --egress given; comparing with 0 GB of outbound data a month, which favours metered billing")
    }
    request.location = try arguments.value("location").map {
      try PricingOptions.location($0, option: "--location <name>", engine: engine)
    }
    if request.usesDefaultLocation {
      context.warnings.append(
        "note: no --location or --zone given; comparing at \(CompareRequest.defaultLocation) (Zone 1)")
    }
    if arguments.flag("with-vpn") {
      request.vpn = CompareRequest.VPN(
        routing: arguments.name("routing", as: InternetRouting.self), hubRegion: arguments.value("hub-region"))
    }
    let outcome = try request.run(engine: engine)
    try OutputOptions.emit(outcome.report, arguments, context: &context)
    if outcome.gate?.total == nil && arguments.value("fail-above") != nil && !arguments.flag("allow-unpriced") {
      throw CommandFailure(
        "--fail-above cannot pass: no option could be priced at \(request.bandwidth ?? CompareRequest.defaultBandwidth)"
      )
    }
    try OutputOptions.check(outcome.gate, arguments, context: &context)
    return .success
  }
}
