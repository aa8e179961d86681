extension Diagnostic {
  /// What the user can give to settle a problem, said without naming a command-line flag.
  ///
  /// The library names the remedy; the command line turns it into the flag that
  /// gives it (`--interval`, `--overrides`, …), so library messages stay true for
  /// callers that are not the `ercalc` tool.
  public enum Remedy: String, Hashable, Sendable {
    /// A file with negotiated or missing rates patching the rate table.
    case overrideFile
    /// A complete rate table replacing the built-in one.
    case completeRateTable
    /// Traffic series files (metrics exports).
    case seriesFiles
    /// The seconds between samples of a series.
    case sampleInterval
    /// The one Azure region whose gateway prices to take.
    case gatewayRegion
    /// A larger limit on one input document or series line.
    case largerInputLimit
  }
}

/// `Diagnostic.Remedy`, by its short name inside the package.
package typealias Remedy = Diagnostic.Remedy
