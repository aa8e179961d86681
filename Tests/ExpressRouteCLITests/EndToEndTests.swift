import Foundation
import Testing

/// Runs the built `ercalc` binary once, from a directory that has no PriceTables/.
@Suite struct EndToEndTests {
  @Test func binaryRunsFromAnyDirectoryAndSplitsStreams() throws {
    let binary = Bundle.main.bundleURL.appendingPathComponent("ercalc")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the ercalc product first")
    func run(_ arguments: [String]) throws -> (Int32, String, String) {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      process.currentDirectoryURL = FileManager.default.temporaryDirectory
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
      )
    }
    let (status, output, errors) = try run([
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB",
    ])
    #expect(status == 0)
    #expect(output.contains("Standard  MeteredData           436.00       1,000.00       1,436.00"))
    #expect(errors.isEmpty)
    let (badStatus, badOutput, badErrors) = try run(["compare", "--bandwidth", "fast"])
    #expect(badStatus == 64)
    #expect(badOutput.isEmpty)
    #expect(badErrors.hasPrefix("Error: The value 'fast' is invalid for '--bandwidth <rate>'."))
  }
}
