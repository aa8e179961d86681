import ExpressRouteCalculator

extension ShowbackRequest.Cost {
  /// The cost `ercalc traffic showback` splits: a typed `--monthly-cost`, or the configuration to price from
  /// `--deployment` or quote's circuit and gateway options, with the engine that prices it (`nil` for a typed cost).
  static func parsed(_ arguments: ParsedArguments) throws -> (ShowbackRequest.Cost, PricingEngine?) {
    let circuitFlag = QuoteCommand.circuitFlags.first { arguments.values[$0] != nil }
    if let text = arguments.value("monthly-cost") {
      guard let amount = OptionValueKind.money(text) else {
        throw UsageError("--monthly-cost '\(text)' is not an amount")
      }
      guard amount * 100 == (amount * 100).rounded(toPlaces: 0, rule: .down) else {
        throw UsageError(
          "--monthly-cost '\(text)' is not an amount in cents (expected at most 2 decimal places, such as 100.01)")
      }
      if let other = arguments.value("deployment") != nil ? "deployment" : circuitFlag {
        throw UsageError("Give either '--monthly-cost' or the configuration to price ('--\(other)'), not both.")
      }
      let pricing = ["period"] + PricingOptions.specs.map(\.name).filter { $0 != InputFile.limitSpec.name }
      if let option = pricing.first(where: { arguments.values[$0] != nil }) {
        throw UsageError("--\(option) prices the configuration; a typed --monthly-cost is split as given")
      }
      return (.typed(amount), nil)
    } else if let path = arguments.value("deployment") {
      if let circuitFlag {
        throw UsageError(
          "The option '--\(circuitFlag)' cannot be combined with '--deployment'; describe the whole configuration in the file."
        )
      }
      let deployment = try Deployment(json: try InputFile(arguments).readJSON(path), file: path)
      return (.priced(.deployment(deployment)), try PricingOptions.engine(arguments))
    } else if circuitFlag != nil {
      let engine = try PricingOptions.engine(arguments)
      return (.priced(.circuit(try QuoteCommand.circuit(arguments, engine: engine))), engine)
    } else {
      throw UsageError(
        "Missing the cost to split: '--deployment <file>', the circuit and gateway options (such as '--location Amsterdam --bandwidth 1G --gateway ErGw1AZ'), or '--monthly-cost <amount>'"
      )
    }
  }
}
