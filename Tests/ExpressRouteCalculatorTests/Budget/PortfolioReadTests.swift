import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing

/// Sites are read on every core, but what is refused and why is what reading them one by one in file order gives; a
/// site whose name can be read takes that name, whatever else is wrong with it, so a name is never both refused and
/// budgeted.
@Suite struct PortfolioReadTests {
  static let circuit =
    #"{"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "#
    + #""bandwidth": "1 Gbps"}]}"#

  @Test func namesAreCheckedInFileOrderWhateverCoreReadTheSite() throws {
    // Site 1 is named A but its deployment is bad: A is taken, so site 2 (A again) is a duplicate.
    // Site 5 has an unknown key, but its name is read first: C is taken, so site 6 (C again) is a duplicate too.
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
    #expect(portfolio.sites.map(\.name) == (0..<40).map { "\($0)-B" })
    #expect(
      portfolio.invalidSites.map(\.name)
        == (0..<40).flatMap { ["\($0)-A", "\($0)-A", "\($0)-B", "\($0)-C", "\($0)-C"] })
    let reasons = portfolio.invalidSites.prefix(5).map(\.diagnostic.message)
    #expect(!reasons[0].contains("duplicate"))
    #expect(reasons[1] == "duplicate site name '0-A' (first at line 1)")
    #expect(reasons[2] == "duplicate site name '0-B' (first at line 3)")
    #expect(reasons[3].contains("colour"))
    #expect(reasons[4] == "duplicate site name '0-C' (first at line 5)")
    // Each refused site is listed where it stood among the readable ones.
    #expect(portfolio.invalidSites.prefix(5).map(\.position) == [0, 0, 1, 1, 1])
    // The duplicate is reported at the second site's name, line 2 of the file.
    #expect(portfolio.invalidSites[1].diagnostic.location?.line == 2)
  }

  @Test func anAzureResourceIsBudgetedInOneSiteOnly() throws {
    let id = "/subscriptions/1111/resourceGroups/net/providers/Microsoft.Network/expressRouteCircuits/shared"
    let circuit =
      #"{"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "#
      + #""bandwidth": "1 Gbps", "azureId": "\#(id)"}]}"#
    // The second site spells the same ID in capitals with a trailing slash: still the same resource.
    let again = circuit.replacingOccurrences(of: id, with: id.uppercased() + "/")
    let text =
      #"{"startMonth": "2027-01", "sites": [{"name": "s", "deployment": \#(circuit)},"#
      + "\n" + #"{"name": "t", "deployment": \#(again)}]}"#
    let portfolio = try Portfolio(json: Data(text.utf8), file: "p.json")
    #expect(portfolio.sites.map(\.name) == ["s"])
    #expect(portfolio.invalidSites.map(\.name) == ["t"])
    #expect(
      portfolio.invalidSites.first?.diagnostic.message
        == "circuit 'c' has the azureId of circuit 'c' in site 's' (expected each Azure resource in one site only, so its charges are counted once)"
    )
    #expect(portfolio.invalidSites.first?.diagnostic.location?.line == 2)
  }
}
