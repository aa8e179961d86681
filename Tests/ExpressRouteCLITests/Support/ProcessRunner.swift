import Foundation
import Testing

/// What one run of the built `ercalc` binary did.
struct ProcessResult {
  /// The exit status, or the signal number when ``signaled``.
  var status: Int32
  /// Whether a signal ended the process (a crash or trap).
  var signaled: Bool
  /// Whether it was stopped for running past the time limit.
  var timedOut: Bool
  var output: String
  var errors: String
  /// Wall-clock seconds.
  var seconds: Double
}

/// The `ercalc` binary built next to the tests.
var ercalcBinary: URL { Bundle.main.bundleURL.appendingPathComponent("ercalc") }

/// Runs the real binary in a child process, as a shell would.
///
/// - Parameters:
///   - arguments: the command line after `ercalc`.
///   - stdin: a path to read standard input from (`/dev/zero`, a file); empty input when `nil`.
///   - stdout: a path to send standard output to (`/dev/full`); captured when `nil`.
///   - stderr: a path to send standard error to; captured when `nil`.
///   - closedStdout: give the child a pipe whose reader is already gone (as after `| head -1`).
///   - memoryLimitKB: an address-space limit (`ulimit -v`), so runaway memory fails the run instead of the machine.
///   - timeout: seconds before the child is killed and ``ProcessResult/timedOut`` is set.
/// - Returns: the exit status, what was captured and how long it took.
/// - Throws: when the binary is not built or a redirection cannot be opened.
func runErcalc(
  _ arguments: [String], stdin: String? = nil, stdout: String? = nil, stderr: String? = nil, closedStdout: Bool = false,
  memoryLimitKB: Int = 1_048_576, timeout: Double = 30
) throws -> ProcessResult {
  try #require(FileManager.default.isExecutableFile(atPath: ercalcBinary.path), "build the ercalc product first")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments = ["-c", "ulimit -v \(memoryLimitKB); exec \"$0\" \"$@\"", ercalcBinary.path] + arguments
  process.currentDirectoryURL = FileManager.default.temporaryDirectory
  process.standardInput =
    try stdin.map { path in try #require(FileHandle(forReadingAtPath: path)) } ?? FileHandle.nullDevice
  let out = Pipe()
  let err = Pipe()
  if closedStdout {
    out.fileHandleForReading.closeFile()
    process.standardOutput = out
  } else {
    process.standardOutput = try stdout.map { path in try #require(FileHandle(forWritingAtPath: path)) } ?? out
  }
  process.standardError = try stderr.map { path in try #require(FileHandle(forWritingAtPath: path)) } ?? err
  let start = Date()
  try process.run()
  let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
  DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
  // Read both pipes concurrently so a chatty child never blocks on a full pipe.
  let group = DispatchGroup()
  nonisolated(unsafe) var outData = Data()
  nonisolated(unsafe) var errData = Data()
  if stdout == nil && !closedStdout {
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
  }
  if stderr == nil {
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
  }
  process.waitUntilExit()
  group.wait()
  killer.cancel()
  let seconds = Date().timeIntervalSince(start)
  return ProcessResult(
    status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
    timedOut: seconds >= timeout,
    output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self), seconds: seconds
  )
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ prefix: String = "ercalc") throws -> URL {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  return directory
}

/// Writes `text` as `name` in `directory` and returns its path.
func write(_ text: String, to directory: URL, _ name: String) throws -> String {
  let path = directory.appendingPathComponent(name).path
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}
