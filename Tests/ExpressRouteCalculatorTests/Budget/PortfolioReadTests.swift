import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing

/// Sites are read on every core, but what is refused and why is what reading them one by one in file order gives.
@Suite struct PortfolioReadTests {
  static let circuit =
    #"{"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "#
    + #""bandwidth": "1 Gbps"}]}"#

  @Test func namesAreCheckedInFileOrderWhateverCoreReadTheSite() throws {
    // Site 1 is named A but its deployment is bad: A is taken, so site 2 (A again) is a duplicate.
    // Site 5 fails before its name is read (an unknown key): C is not taken, so site 6 (C) is read.
    let sites = [
      #"{"name": "A", "deployment": {"circuits": [{"name": "c"}]}}"#,
      #"{"name": "A", "deployment": \#(Self.circuit)}"#,
      #"{"name": "B", "deployment": \#(Self.circuit)}"#,
      #"{"name": "B", "deployment": \#(Self.circuit)}"#,
      #"{"name": "C", "colour": "red", "deployment": \#(Self.circuit)}"#,
      #"{"name": "C", "deployment": \#(Self.circuit)}"#,
    ]
    // Enough copies of the pattern that the sites are spread over the workers, each copy with its own names.
    var text: [String] = []
    for copy in 0..<40 {
      text += sites.map { $0.replacingOccurrences(of: #""name": ""#, with: #""name": "\#(copy)-"#) }
    }
    let portfolio = try Portfolio(
      json: Data(#"{"startMonth": "2027-01", "sites": [\#(text.joined(separator: ",\n"))]}"#.utf8), file: "p.json")
    #expect(portfolio.sites.map(\.name) == (0..<40).flatMap { ["\($0)-B", "\($0)-C"] })
    #expect(portfolio.invalidSites.map(\.name) == (0..<40).flatMap { ["\($0)-A", "\($0)-A", "\($0)-B", "\($0)-C"] })
    let reasons = portfolio.invalidSites.prefix(4).map(\.diagnostic.message)
    #expect(!reasons[0].contains("duplicate"))
    #expect(reasons[1] == "duplicate site name '0-A'")
    #expect(reasons[2] == "duplicate site name '0-B'")
    #expect(reasons[3].contains("colour"))
    // Each refused site is listed where it stood among the readable ones.
    #expect(portfolio.invalidSites.prefix(4).map(\.position) == [0, 0, 1, 1])
    // The duplicate is reported at the second site's name, line 2 of the file.
    #expect(portfolio.invalidSites[1].diagnostic.location?.line == 2)
  }
}
