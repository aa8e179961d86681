import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// The worked examples in Reports/ must be exactly what the code produces.
///
/// Compared by ``Golden``: regenerate them with `RECORD_SNAPSHOTS=1 swift test --filter GalleryTests`
/// (the run fails once, so a regeneration is never mistaken for a pass).
@Suite struct GalleryTests {
  struct Example: Sendable, CustomTestStringConvertible {
    let folder: String
    let arguments: [String]
    let output: String
    var testDescription: String { folder }
  }

  static let examples = [
    Example(folder: "branch-office", arguments: ["quote", "deployment.json", "--period", "2027-01"], output: "quote"),
    Example(
      folder: "data-centre-growth", arguments: ["size", "profile.json", "--start", "2027-04", "--quiet"],
      output: "sizing"),
    Example(folder: "global-estate", arguments: ["budget", "portfolio.json"], output: "budget"),
    Example(folder: "provider-charges", arguments: ["budget", "portfolio.json"], output: "budget"),
    Example(
      folder: "redundant-design", arguments: ["size", "profile.json", "--start", "2027-01", "--quiet"], output: "sizing"
    ),
    Example(
      folder: "regional-estate", arguments: ["budget", "portfolio.json", "--group-by", "region"], output: "budget"),
  ]

  static let formats = ["text", "markdown", "json", "csv", "html"]

  static func fileName(_ example: Example, _ format: String) -> String {
    let ext = ["text": "txt", "markdown": "md"][format] ?? format
    return "\(example.output).\(ext)"
  }

  @Test(arguments: examples, formats)
  func galleryIsUpToDate(_ example: Example, _ format: String) {
    let folder = packageRoot.appendingPathComponent("Reports").appendingPathComponent(example.folder)
    let arguments =
      [example.arguments[0], folder.appendingPathComponent(example.arguments[1]).path] + example.arguments.dropFirst(2)
      + ["--format", format]
    let result = ercalc(arguments)
    #expect(result.status == .success, "\(result.errors)")
    Golden.check(result.output, file: folder.appendingPathComponent(Self.fileName(example, format)))
    if format == "json" {
      // ercalc's own strict reader refuses duplicate keys: two merged changes once both added `complete` and
      // `unpriced` to the budget JSON, and a consumer would have kept whichever key its parser keeps.
      #expect(throws: Never.self) { _ = try JSONParser.parse(result.output, file: Self.fileName(example, format)) }
    }
  }
}

/// Every gallery report a person reads (text, Markdown, HTML) uses human names, never ercalc's internal ones.
@Suite struct HumanNamesTests {
  /// Rate-table section keys, enum case names and Swift type names that must not reach a reader.
  static let internalNames = [
    "scaleGateway", "directPremiumAddOn", "vpnGateways", "internetEgress", "userCharges", "trafficCollectorData",
    "virtualWAN",
    "directPorts", "globalReach", "erGw1AZ", "erGwScale", "vpnGw", "expressRouteScaleUnit",
    "expressRouteConnectionUnit", "CircuitTier",
    "BillingFamily", "GatewaySKU", "Optional(", "nil", "Decimal(",
  ]

  @Test(arguments: GalleryTests.examples, ["text", "markdown", "html"])
  func galleryUsesHumanNames(_ example: GalleryTests.Example, _ format: String) throws {
    let file = packageRoot.appendingPathComponent("Reports").appendingPathComponent(example.folder)
      .appendingPathComponent(GalleryTests.fileName(example, format))
    let text = try String(contentsOf: file, encoding: .utf8)
    for name in Self.internalNames {
      // Whole words only ("nil" inside "Brasil" is fine).
      let pattern = "(?<![A-Za-z])" + NSRegularExpression.escapedPattern(for: name) + "(?![a-z])"
      let found = text.range(of: pattern, options: .regularExpression)
      #expect(
        found == nil, "\(example.folder)/\(GalleryTests.fileName(example, format)) shows the internal name '\(name)'")
    }
  }
}
