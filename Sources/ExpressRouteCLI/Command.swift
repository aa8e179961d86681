import ExpressRouteCalculator

/// One ercalc subcommand: its spec and how to run it.
protocol Command {
  /// The spec that drives parsing and help.
  static var spec: CommandSpec { get }
  /// Runs with parsed arguments; throws ``UsageError``, ``Diagnostic`` or ``CommandFailure``.
  static func run(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode
}

/// What a running command can touch: its output streams and the file system root.
struct CommandContext {
  /// Text for standard output.
  var output: String = ""
  /// Progress and warnings for standard error, flushed by ``CLI`` as they come.
  var progress: (String) -> Void = { _ in }
  /// Warnings collected for standard error.
  var warnings: [String] = []
  /// The most bytes of one document, or one line of a series, read into memory (`--max-input-size`).
  var inputLimit = InputFile.defaultLimit
  /// The `--output` file the report was written to, once written.
  var written: String?
  /// Standard output itself, when the command line runs on it (not in tests), for a report too large to collect in
  /// ``output`` first (a large budget's CSV); written after ``output``, which must then be empty.
  var directOutput: FileHandleOutputStream?
}
