import ExpressRouteCalculator

extension AuditCommand {
  /// The options and help of `ercalc audit`.
  static let spec = CommandSpec(
    name: "ercalc audit",
    abstract: "Audit a live estate: each circuit's cost today against what its traffic needs.",
    discussion: """
      Reads the configuration (az/ARM or Terraform JSON) and each circuit's metrics (Azure Monitor JSON or CSV with a circuit column, matched by circuit name), sizes every provider circuit, and shows the saving or the risk.
      Example:
        ercalc audit --from circuits.json --series ams-er.json --series sin-er.json
      """,
    options: [
      .option(
        "from", value: "file", kind: .path,
        help: "The estate: az network express-route list output, ARM JSON or Terraform JSON."),
      ImportOptions.parametersSpec,
      .option(
        "series", value: "file", kind: .path,
        help:
          "Metrics series, oldest first; repeatable: Azure Monitor JSON, CSV, a diagnostic-settings export (file or folder), AzureMetrics exports or saved summaries.",
        repeatable: true),
      .option(
        "actuals", value: "export", kind: .path,
        help:
          "A cost export as CSV (FOCUS or EA/MCA cost details): adds the waste it shows with the estate (see reconcile); repeatable.",
        repeatable: true),
      .option("months", value: "n", kind: .count(1...60), help: "Months to look ahead.", default: "12"),
      .option(
        "target-region", value: "region",
        help: "An Azure region the circuits serve (lets the audit consider Local); repeatable.", repeatable: true),
      LeadTimeOptions.spec,
      .flag("quiet", short: "q", help: "Do not print data warnings on standard error."),
    ] + PricingOptions.specs + OutputOptions.specs)
}
