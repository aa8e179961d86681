import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// The pull-request comment of a diff, from the library.
@Suite struct PullRequestCommentLibraryTests {
  @Test func rowsBeyondTheCapAreSummedInOneRow() throws {
    let path = packageRoot.appendingPathComponent(
      "Tests/ExpressRouteCLITests/Fixtures/existing/terraform-change-plan.json")
    let request = UseCases.DiffRequest(.plan((try Data(contentsOf: path), "terraform-change-plan.json")))
    var warnings: [String] = []
    let outcome = try request.run(engine: try PricingEngine.embeddedDefault(), warnings: &warnings)
    let comment = outcome.report.pullRequestComment(verdict: nil, maxRows: 2)
    // Largest changes first: +11,400.00 and −5,700.00 shown; the rest, ErGw2AZ +461.36 and VpnGw1AZ −153.30,
    // summed: before 153.30, after 461.36, change 461.36 − 153.30 = +308.06.
    #expect(
      comment.contains(
        "| circuit 'ams-er' · Standard UnlimitedData 2 Gbps circuit, Zone 1 | - | 11,400.00 | +11,400.00 |\n| circuit 'ams-er' · Standard UnlimitedData 1 Gbps circuit, Zone 1 | 5,700.00 | - | -5,700.00 |\n| … 2 more items | 153.30 | 461.36 | +308.06 |\n| **Total** | **17,253.30** | **23,261.36** | **+6,008.06** |\n"
      ))
    #expect(comment.contains("No cost gate set.\n"))
  }
}
