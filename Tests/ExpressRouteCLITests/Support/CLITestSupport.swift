import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// The result of one in-process ercalc run.
struct RunResult {
  var status: ExitCode
  var output: String
  var errors: String
}

/// Runs ercalc in-process with string buffers.
func ercalc(_ arguments: String...) -> RunResult {
  ercalc(arguments)
}

/// Runs ercalc in-process with string buffers.
func ercalc(_ arguments: [String]) -> RunResult {
  var output = ""
  var errors = ""
  let status = CLI.run(arguments, output: &output, errors: &errors)
  return RunResult(status: status, output: output, errors: errors)
}

/// A fixture file's path under Tests/ExpressRouteCLITests/Fixtures.
func fixture(_ name: String) -> String {
  packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/\(name)").path
}

/// A command snapshot's golden file, `Tests/ExpressRouteCLITests/Snapshots/<name>` (compared by ``Golden``).
func snapshotFile(_ name: String) -> URL {
  packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Snapshots").appendingPathComponent(name)
}
