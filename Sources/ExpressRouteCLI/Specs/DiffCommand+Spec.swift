import ExpressRouteCalculator

extension DiffCommand {
  /// The options and help of `ercalc diff`.
  static let spec = CommandSpec(
    name: "ercalc diff",
    abstract: "Show the cost change per item between two deployments or two portfolios.",
    discussion: """
      Deployments are compared month against month, line by line; portfolios over their period, by site and meter group.
      '--format github' writes a pull-request comment: the headline change, the gate's verdict, the changed items folded, the items not priced.
      With one '--from', a Terraform plan (terraform show -json PLAN) is compared with the state it changes: the monthly cost change applying it makes. With two, two estates (az/ARM JSON, ARM templates or Terraform JSON, in any mix) are compared.
      Examples:
        ercalc diff today.json proposed.json --fail-above 20000
        ercalc diff --from plan.json --fail-above 500
        ercalc diff --from plan.json -f github --warn-above +5% --fail-above +10%
        ercalc diff --from estate-2026.json --from main.tfplan.json
      """,
    arguments: [
      ArgumentSpec("before", help: "Deployment or portfolio JSON file.", isOptional: true),
      ArgumentSpec("after", help: "Deployment or portfolio JSON file.", isOptional: true),
    ],
    options: [
      .option(
        "from", value: "file", kind: .path,
        help:
          "A Terraform plan to price the change of (once), or an estate to compare (twice: before, then after); az/ARM JSON or Terraform JSON.",
        repeatable: true),
      ImportOptions.parametersSpec, BudgetYearOptions.spec, LeadTimeOptions.spec,
    ] + PricingOptions.specs + OutputOptions.specs(extra: ["github"]) + GateOptions.diffSpecs
  )
}
