import ExpressRouteCLI
import Foundation
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

/// The package root, from this file's path.
var packageRoot: URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A fixture file's path under Tests/ExpressRouteCLITests/Fixtures.
func fixture(_ name: String) -> String {
  packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/\(name)").path
}

/// Compares `actual` with `Snapshots/<name>` next to the calling test file.
///
/// Run `RECORD_SNAPSHOTS=1 swift test` to write the files instead; the test
/// then fails once so a recording is never mistaken for a pass. Review the
/// diff with `git diff` before committing.
func assertSnapshot(_ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").appendingPathComponent(name)
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  let existing = try? String(contentsOf: url, encoding: .utf8)
  if record || existing == nil {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("Recorded new baseline \(name)", sourceLocation: sourceLocation)
    return
  }
  guard let expected = existing, expected != actual else { return }
  let message = "Snapshot \(name) differs (– expected, + actual):\n" + lineDiff(from: expected, to: actual).prefix(40).joined(separator: "\n")
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The lines that differ between two texts: `–n: line` for removed, `+n: line` for added (1-based).
func lineDiff(from expected: String, to actual: String) -> [String] {
  actual.components(separatedBy: "\n").difference(from: expected.components(separatedBy: "\n")).map { change in
    switch change {
    case .remove(let offset, let line, _): return "–\(offset + 1): \(line)"
    case .insert(let offset, let line, _): return "+\(offset + 1): \(line)"
    }
  }
}
