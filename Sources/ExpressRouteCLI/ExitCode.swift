/// The process exit status ercalc returns, following sysexits(3).
public struct ExitCode: RawRepresentable, Hashable, Sendable {
  /// The numeric status.
  public var rawValue: Int32

  /// Creates an exit code.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Success (including `--help`).
  public static let success = ExitCode(rawValue: 0)
  /// Any other failure, including a budget gate (`--fail-above`) tripping.
  public static let failure = ExitCode(rawValue: 1)
  /// A command-line usage error (`EX_USAGE`).
  public static let usage = ExitCode(rawValue: 64)
  /// Bad input data: a rate table, deployment, profile or series (`EX_DATAERR`).
  public static let dataError = ExitCode(rawValue: 65)
}
