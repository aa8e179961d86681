import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// Every read is bounded: series obey the same size and depth limits as documents, endless streams end with an
/// error naming the limit, and `--max-input-size` refuses what no machine here could hold.
@Suite struct InputLimitTests {
  /// Runs `producer | ercalc arguments…` in bash under an address-space limit, as a user's pipeline would.
  static func pipeline(_ producer: String, _ arguments: [String], memoryLimitKB: Int = 524_288, timeout: Double = 20)
    throws -> ProcessResult
  {
    try #require(FileManager.default.isExecutableFile(atPath: ercalcBinary.path), "build the ercalc product first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments =
      ["-c", "ulimit -v \(memoryLimitKB); \(producer) | \"$0\" \"$@\"", ercalcBinary.path] + arguments
    process.currentDirectoryURL = FileManager.default.temporaryDirectory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    let start = Date()
    try process.run()
    let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    let text = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    killer.cancel()
    let seconds = Date().timeIntervalSince(start)
    return ProcessResult(
      status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      timedOut: seconds >= timeout, output: "",
      errors: String(decoding: text, as: UTF8.self), seconds: seconds)
  }

  @Test func seriesOfZerosEndAtOnce() throws {
    // A NUL byte is never CSV text: the first full block stops the read, as a JSON document stops at 1:1.
    for (arguments, stdin) in [
      (["size", fixture("sizing-profile.json"), "--series", "/dev/zero"], nil),
      (["traffic", "summarize", "-"], "/dev/zero"),
    ] as [([String], String?)] {
      let result = try runErcalc(arguments, stdin: stdin, memoryLimitKB: 524_288, timeout: 20)
      #expect(!result.signaled && !result.timedOut, "\(arguments)")
      #expect(result.status == 65, "\(arguments): \(result.errors)")
      #expect(
        result.errors.hasSuffix(":1:1: error: byte 0x00 is not allowed in a CSV series (expected text)\n"),
        "\(result.errors)")
      #expect(result.seconds < 10)
    }
  }

  @Test func endlessNestingStopsAtTheDepthLimit() throws {
    let result = try Self.pipeline("yes '{\"a\":'", ["size", fixture("sizing-profile.json"), "--series", "-"])
    #expect(!result.signaled && !result.timedOut)
    #expect(result.status == 65, "\(result.errors)")
    #expect(
      result.errors == "-:513:1: error: invalid JSON: nesting deeper than 512 levels (the limit for JSON documents)\n")
    #expect(result.seconds < 10)
  }

  @Test func aCSVLineThatNeverEndsStopsAtTheLimit() throws {
    let result = try Self.pipeline(
      "(echo Time,BitsInPerSecond,BitsOutPerSecond; yes abc | tr -d '\\n')",
      ["traffic", "summarize", "--max-input-size", "1MB", "-"])
    #expect(!result.signaled && !result.timedOut)
    #expect(result.status == 65, "\(result.errors)")
    #expect(
      result.errors
        == "-:2:1: error: a line longer than 1,000,000 bytes (the limit for one line or JSON document) (raise it with --max-input-size, such as --max-input-size 1GB)\n"
    )
    #expect(result.seconds < 10)
    // Before any header too (the header search is bounded the same way).
    let headless = try Self.pipeline("yes abc | tr -d '\\n'", ["traffic", "summarize", "--max-input-size", "1MB", "-"])
    #expect(
      headless.status == 65 && headless.errors.hasPrefix("-:1:1: error: a line longer than 1,000,000 bytes"),
      "\(headless.errors)")
  }

  @Test func aJSONValueThatNeverEndsStopsAtTheLimit() throws {
    let result = try Self.pipeline(
      "(printf '{\"value\":[{\"name\":\"'; yes abc | tr -d '\\n')",
      ["traffic", "summarize", "--max-input-size", "1MB", "-"])
    #expect(!result.signaled && !result.timedOut)
    #expect(result.status == 65, "\(result.errors)")
    #expect(
      result.errors
        == "-:1:19: error: more than 1,000,000 bytes without the end of a value or line (the limit for one JSON document or line) (raise it with --max-input-size, such as --max-input-size 1GB)\n"
    )
    #expect(result.seconds < 10)
  }

  @Test func maxInputSizeRefusesWhatNoMachineHereCouldHold() {
    for value in ["100TB", "99999999999999999999999TB", "0B", "5GiB"] {
      let result = ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--max-input-size", value)
      #expect(result.status == .usage, "\(value)")
      #expect(
        result.errors.hasPrefix(
          "Error: The value '\(value)' is invalid for '--max-input-size <size>'. Please provide a size with a unit from 1B to "
        )
      )
    }
    #expect(
      ercalc("quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "1TB", "--max-input-size", "1GB")
        .status == .success)
  }

  @Test func aLargeArrayDocumentNeedsASmallMultipleOfItsSize() throws {
    // 20 MB of `{"circuits":[1,1,…]}`: ten million values. The parse keeps the bytes and 8 bytes of tape per value
    // (20 + 80 MB), under an address-space limit of 300 MB that also holds the binary, its libraries and threads; the
    // tree of values it replaced needed over 1 GB here. The first element is then refused, with its place.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-large-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("large.json").path
    var bytes = Array(#"{"circuits":["#.utf8)
    bytes.reserveCapacity(20_000_020)
    for index in 0..<10_000_000 { bytes += index == 0 ? [0x31] : [0x2C, 0x31] }
    bytes += Array("]}".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try runErcalc(["quote", path], memoryLimitKB: 300_000, timeout: 120)
    #expect(!result.signaled, "\(result.errors.prefix(300))")
    #expect(result.status == 65)
    #expect(result.errors == "\(path):1:14: error: circuits[0]: expected an object, found the number 1\n")
  }
}
