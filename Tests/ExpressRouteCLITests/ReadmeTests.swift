import Foundation
import TestSupport
import Testing

/// The README's worked examples must show what the tool prints today (compared by ``Golden``: an example cut with
/// a `…` line shows the start of the output; `RECORD_SNAPSHOTS=1` rewrites the examples).
@Suite struct ReadmeTests {
  @Test(arguments: [
    "ercalc compare --location Amsterdam --bandwidth 1Gbps --egress 40TB",
    "ercalc size Tests/ExpressRouteCLITests/Fixtures/sizing-profile.json",
    "ercalc budget Reports/global-estate/portfolio.json --months 6",
    "ercalc quote --location Amsterdam --bandwidth 1Gbit",
    "ercalc quote Tests/ExpressRouteCLITests/Fixtures/bad-deployment.json",
    "ercalc quote --location Amsterdam --bandwidth 1Gbps",
    "ercalc size Reports/redundant-design/profile.json --start 2027-01",
    "ercalc budget Reports/provider-charges/portfolio.json",
    "ercalc quote --from Tests/ExpressRouteCLITests/Fixtures/existing/graph-vwan-estate.json",
    "ercalc quote --from Tests/ExpressRouteCLITests/Fixtures/existing/terraform-direct-plan.json --egress 1000GB",
    "ercalc diff --from Tests/ExpressRouteCLITests/Fixtures/existing/terraform-change-plan.json",
  ])
  func readmeExampleMatchesTheTool(_ command: String) {
    let arguments = command.split(separator: " ").dropFirst().map { word -> String in
      word.contains("/") ? packageRoot.appendingPathComponent(String(word)).path : String(word)
    }
    let result = ercalc(arguments + ["--quiet"].filter { _ in command.contains(" size ") })
    // Examples show standard output, then standard error (the error examples show only that).
    let printed = (result.output + result.errors).replacingOccurrences(of: packageRoot.path + "/", with: "")
    Golden.checkExample(printed, after: "$ \(command)", in: packageRoot.appendingPathComponent("README.md"))
  }
}

/// The README's library example is the compiled one in LibraryExampleTests.
@Suite struct ReadmeLibraryExampleTests {
  @Test func readmeLibraryExampleIsTheCompiledOne() throws {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(
      contentsOf: packageRoot.appendingPathComponent("Tests/ExpressRouteCalculatorTests/LibraryExampleTests.swift"),
      encoding: .utf8)
    let begin = try #require(source.range(of: "// BEGIN README EXAMPLE\n"))
    let end = try #require(source.range(of: "// END README EXAMPLE"))
    let example = String(source[begin.upperBound..<end.lowerBound])
    #expect(
      readme.contains("```swift\nimport ExpressRouteCalculator\n\n" + example + "```"),
      "README's library example differs from the compiled one")
  }
}
