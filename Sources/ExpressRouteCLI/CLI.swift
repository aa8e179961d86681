import ExpressRouteCalculator
import Foundation

/// The ercalc command line: parses arguments, runs a subcommand, maps errors to exit codes.
///
/// No global state: tests call ``run(_:output:errors:)`` with string buffers.
/// Exit codes: 0 success, 64 usage error, 65 bad input data, 1 any other failure.
public enum CLI {
  /// The tool's version.
  public static let version = "0.1.0"

  static let root = CommandSpec(
    name: "ercalc",
    abstract: "Azure ExpressRoute cost and SKU sizing calculator.",
    discussion: """
      Prices ExpressRoute circuits, gateways, Direct ports and add-ons from versioned rate tables, compares billing models, sizes circuits from traffic, and writes budgets. The default rate tables are built in; see 'ercalc prices show'.
      """,
    options: [.flag("version", help: "Show the version.")])

  static var commands: [any Command.Type] {
    [
      QuoteCommand.self, CompareCommand.self, SizeCommand.self, BudgetCommand.self, DiffCommand.self, AuditCommand.self,
      ReconcileCommand.self,
      TrafficCommand.self,
      PricesCommand.self,
    ]
  }

  /// Every subcommand's spec, in help order (for tools and tests that walk the options).
  public static var commandSpecs: [CommandSpec] { commands.map { $0.spec } }

  /// Runs ercalc with `arguments` (without the program name).
  public static func run(
    _ arguments: [String], output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) -> ExitCode {
    var arguments = arguments
    if arguments.first == "help" {
      arguments.removeFirst()
      arguments.append("--help")
    }
    guard let first = arguments.first, !first.hasPrefix("-") else {
      if arguments.contains("--version") {
        output.write("\(version)\n")
        return .success
      }
      if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
        output.write(HelpFormatter.help(root, subcommands: commands.map { $0.spec }))
        return .success
      }
      let error = UsageError("Unknown option '\(arguments[0])'")
      errors.write(HelpFormatter.usageError(error, spec: root, isGroup: true))
      return .usage
    }
    guard let command = commands.first(where: { $0.spec.name == "ercalc \(first)" }) else {
      var message = "Unknown subcommand '\(first)'"
      if let near = Suggestion.nearest(to: first, in: commands.map { String($0.spec.name.dropFirst("ercalc ".count)) })
      {
        message += ". Did you mean '\(near)'?"
      }
      errors.write(HelpFormatter.usageError(UsageError(message), spec: root, isGroup: true))
      return .usage
    }
    return execute(command, Array(arguments.dropFirst()), output: &output, errors: &errors)
  }

  /// The exit status once the output streams are flushed: a failed write to
  /// standard output (a full disk) becomes one message and status 1; a closed
  /// pipe (`| head -1`) keeps the command's own status, quietly.
  public static func finish(_ status: ExitCode, output: FileHandleOutputStream, errors: inout FileHandleOutputStream)
    -> ExitCode
  {
    if let failure = output.failure {
      errors.write("error: cannot write to standard output: \(failure)\n")
      return status == .success ? .failure : status
    }
    if errors.failure != nil && status == .success { return .failure }
    return status
  }

  static func execute(
    _ command: any Command.Type, _ arguments: [String], output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) -> ExitCode {
    let spec = command.spec
    let parsed: ParsedArguments
    do {
      parsed = try spec.parse(arguments)
    } catch {
      errors.write(HelpFormatter.usageError(error, spec: spec))
      return .usage
    }
    if parsed.flag("help") {
      output.write(HelpFormatter.help(spec))
      return .success
    }
    var stderrBuffer = ""
    var context = CommandContext()
    context.inputLimit = InputFile(parsed).limit
    context.directOutput = output as? FileHandleOutputStream
    context.progress = { line in
      var bytes = Array(line.utf8)
      _ = FileHandleOutputStream.writeAll(STDERR_FILENO, &bytes)  // progress is best effort
    }
    defer { errors.write(stderrBuffer) }
    // The library's refusals, in the command line's words (usage error or failure).
    func run() throws -> ExitCode {
      do { return try command.run(parsed, context: &context) } catch let refusal as RequestError {
        context.warnings += refusal.commandLineWarnings
        throw refusal.commandLineError
      }
    }
    do {
      let status = try run()
      output.write(context.output)
      for warning in context.warnings { stderrBuffer += warning + "\n" }
      if let failure = context.directOutput?.failure {
        stderrBuffer += "error: cannot write to standard output: \(failure)\n"
        return status == .success ? .failure : status
      }
      return status
    } catch let error as UsageError {
      output.write(context.output)
      stderrBuffer += HelpFormatter.usageError(error, spec: spec)
      return .usage
    } catch let error as Diagnostic {
      for warning in context.warnings { stderrBuffer += warning + "\n" }
      stderrBuffer += error.commandLineDescription + "\n"
      return .dataError
    } catch let error as CommandFailure {
      output.write(context.output)
      for warning in context.warnings { stderrBuffer += warning + "\n" }
      // A report streamed to standard output before the failure (a budget CSV, then its gate) may itself have failed.
      if let failure = context.directOutput?.failure {
        stderrBuffer += "error: cannot write to standard output: \(failure)\n"
      }
      stderrBuffer += "error: \(error.message)\n"
      return error.exitCode
    } catch {
      stderrBuffer += "error: \(error)\n"
      return .failure
    }
  }
}
