import ExpressRouteCalculator

extension CompareCommand {
  /// The options and help of `ercalc compare`.
  static let spec = CommandSpec(
    name: "ercalc compare",
    abstract: "Compare every SKU and billing model for one circuit, cheapest first.",
    discussion: """
      Lists Local, Standard and Premium with MeteredData and UnlimitedData side by side, cheapest first, with the metered-vs-unlimited break-even volume.
      An option without a price that could cost less (a lower tier, the other billing model) makes the verdict "Cheapest priced", never "Cheapest", and the VPN break-even is then against the cheapest priced option; JSON: cheapest null, complete false.
      Example:
        ercalc compare --location Amsterdam --bandwidth 1Gbps --egress 40TB
      """,
    options: [
      .option("location", value: "name", help: "Peering location, such as Amsterdam."),
      .option("zone", value: "zone", help: "Billing zone, when no location is given.", allowed: Zone.allNames),
      .option(
        "bandwidth", value: "rate", kind: .bandwidth, help: "Circuit bandwidth, such as 1Gbps.", default: "1Gbps"),
      .option(
        "egress", value: "volume", kind: .volume,
        help:
          "Outbound data per month, such as 40TB. Left out, every option is priced at 0GB and each format says so (JSON: monthlyEgressGB null, egressGiven false; CSV: outbound data unpriced).",
        default: "0GB"),
      .flag(
        "with-vpn",
        help:
          "Also price a site-to-site VPN over the internet (VPN gateway and tiered internet egress) and the break-even volume."
      ),
      .option(
        "routing", value: "routing", help: "How the VPN's internet traffic leaves Azure.",
        allowed: InternetRouting.allNames,
        default: "Microsoft network",
        parent: "with-vpn"),
      .option(
        "hub-region", value: "region",
        help:
          "The Azure region of the ExpressRoute gateway, where ErGwScale may not be offered (the location's local region when left out).",
        parent: "with-vpn"),
    ] + PricingOptions.specs + OutputOptions.specs
      + OutputOptions.gateSpecs(
        "Exit with status 1 when even the cheapest option costs more than this amount a month, or none could be priced."
      ))
}
