/// A command-line usage error, printed in swift-argument-parser's `Error:` block (exit 64).
public struct UsageError: Error, Hashable, Sendable {
  /// The sentence shown after `Error: `.
  public var message: String
  /// Creates a usage error.
  public init(_ message: String) { self.message = message }
}

/// A failure that is neither usage nor bad input data (exit 1): I/O, nothing feasible.
public struct CommandFailure: Error, Hashable, Sendable {
  /// The sentence shown after `error: `.
  public var message: String
  /// The exit code; 1 unless a command says otherwise.
  public var exitCode: ExitCode
  /// Creates a failure.
  public init(_ message: String, exitCode: ExitCode = .failure) {
    self.message = message
    self.exitCode = exitCode
  }
}
