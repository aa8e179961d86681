import ExpressRouteCalculator

extension ReconcileCommand {
  /// The options and help of `ercalc reconcile`.
  static let spec = CommandSpec(
    name: "ercalc reconcile",
    abstract: "Set an estate's estimate against its invoice: variance per resource, meter and month, and waste.",
    discussion: """
      Reads Cost Management exports (FOCUS 1.0, 1.0r2 and 1.2, EA/MCA actual or amortised cost details, or ercalc's own FOCUS CSV) a block at a time, keeps the ExpressRoute rows, matches them to the estate by ARM resource ID (case-insensitive) and reports estimated, billed and variance with its reason: quantity, unit price, a meter the estimate did not expect, or a resource the estate does not know. With an az, Resource Graph or ARM inventory it also finds waste: circuits billed but not provisioned, gateways without connections or circuits, Premium where Standard fits, the cheaper billing model, idle circuits.
      Exports must be uncompressed CSV; Parquet and gzip are refused.
      Example:
        ercalc reconcile circuits.json --actuals focus-2026-10.csv --actuals focus-2026-11.csv
      """,
    arguments: [
      ArgumentSpec(
        "estate",
        help:
          "The estate: az, Resource Graph, ARM or Terraform JSON (as quote --from reads), an ercalc deployment or a portfolio."
      )
    ],
    options: [
      .option(
        "actuals", value: "export", kind: .path,
        help: "A cost export as CSV (FOCUS or EA/MCA cost details); repeatable, one currency in all.",
        repeatable: true),
      .flag(
        "amortize",
        help:
          "Compare amortised costs: one-time charges (installation fees) spread over their contract term in the estimate, as budget --amortize does, and FOCUS rows summed by EffectiveCost instead of BilledCost (give EA/MCA AmortizedCost details)."
      ),
      .option(
        "parameters", value: "file", kind: .path,
        help:
          "Parameter values when the estate is an ARM template (the azuredeploy.parameters.json shape); defaults come from the template."
      ),
      .option(
        "egress", value: "volume", kind: .volume,
        help:
          "Outbound data per month each metered circuit is estimated at; without it their data charges have no estimate."
      ),
      .flag("quiet", short: "q", help: "Do not print data warnings on standard error."),
    ] + PricingOptions.specs + OutputOptions.specs)
}
