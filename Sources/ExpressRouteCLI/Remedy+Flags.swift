import ExpressRouteCalculator

extension Remedy {
  /// The flag that gives this remedy, as the command line says it.
  var flagHint: String {
    switch self {
    case .overrideFile: return "pass override files with --overrides"
    case .completeRateTable: return "pass complete tables with --prices"
    case .seriesFiles: return "or pass them with --series"
    case .sampleInterval: return "pass --interval, for example --interval 60"
    case .gatewayRegion: return "with --gateway-region"
    case .largerInputLimit: return "raise it with --max-input-size, such as --max-input-size 1GB"
    }
  }
}

extension Diagnostic {
  /// The compiler-style line with the command line's hint for its remedy.
  var commandLineDescription: String {
    description + (remedy.map { " (\($0.flagHint))" } ?? "")
  }
}
