import Foundation
import TestSupport
import Testing

/// The library's modules in layers (README, "Architecture"): each module may import only the modules listed
/// for it. The compiler enforces what Package.swift declares; this suite keeps Package.swift and every
/// source file's imports to the drawn layering, so a new dependency upwards fails here even before it could
/// compile (SwiftPM finds a built module that is not a declared dependency on some machines).
@Suite struct LayeringTests {
  static let allowed: [(module: String, imports: Set<String>)] = [
    ("ExpressRouteCore", []),
    ("ExpressRoutePricing", ["ExpressRouteCore"]),
    ("ExpressRouteTraffic", ["ExpressRouteCore"]),
    ("ExpressRoutePlanning", ["ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic"]),
    ("ExpressRouteImport", ["ExpressRouteCore", "ExpressRoutePricing"]),
    (
      "ExpressRouteReports",
      ["ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic", "ExpressRoutePlanning", "ExpressRouteImport"]
    ),
    (
      "ExpressRouteCalculator",
      [
        "ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic", "ExpressRoutePlanning", "ExpressRouteImport",
        "ExpressRouteReports",
      ]
    ),
  ]

  /// The modules every Swift file below `Sources/<module>` imports from this package: `import M`, `@testable import M`,
  /// `import struct M.T` (any declaration kind), with any spacing.
  static func imports(of module: String) throws -> [(file: String, module: String)] {
    let pattern = try #require(
      try? NSRegularExpression(
        pattern: #"(?m)^\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|typealias|func|var|let)\s+)?(\w+)"#))
    var found: [(String, String)] = []
    for (path, text) in try librarySourceFiles(of: [module]) {
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let range = Range(match.range(at: 1), in: text), text[range].hasPrefix("ExpressRoute") else { continue }
        found.append(((path as NSString).lastPathComponent, String(text[range])))
      }
    }
    return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
  }

  @Test func theCommandLineImportsOnlyTheUmbrella() throws {
    let wrong = try Self.imports(of: "ExpressRouteCLI").filter { $0.module != "ExpressRouteCalculator" }
    #expect(wrong.isEmpty, "the command line reaches past the umbrella: \(wrong.map { "\($0.file): \($0.module)" })")
    let main = try Self.imports(of: "ercalc").map(\.module)
    #expect(main == ["ExpressRouteCLI"])
  }

  @Test func everySourceFileImportsOnlyTheModulesBelowItsOwn() throws {
    for (module, allowed) in Self.allowed {
      let wrong = try Self.imports(of: module).filter { !allowed.contains($0.module) }
      #expect(wrong.isEmpty, "\(module) imports above its layer: \(wrong.map { "\($0.file): \($0.module)" })")
    }
  }

  @Test func packageManifestDeclaresTheSameLayers() throws {
    let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    // Each `library("Module", ["Dependency", …], plugins: […])` call: its quoted strings before `plugins:`, the
    // module first.
    var declared: [String: Set<String>] = [:]
    for call in manifest.components(separatedBy: "library(").dropFirst() where !call.hasPrefix("name:") {
      let arguments = call.prefix { $0 != ")" }.components(separatedBy: "plugins:")[0]
      let strings = arguments.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }
        .map { String($0.element) }
      if let module = strings.first { declared[module] = Set(strings.dropFirst()) }
    }
    for (module, allowed) in Self.allowed {
      #expect(
        declared[module] == allowed,
        "\(module) declares \(declared[module]?.sorted() ?? []), layering allows \(allowed.sorted())")
    }
  }

  @Test func everyLibraryModuleIsLayered() throws {
    let modules = try FileManager.default.contentsOfDirectory(
      atPath: packageRoot.appendingPathComponent("Sources").path
    )
    .filter { $0.hasPrefix("ExpressRoute") && $0 != "ExpressRouteCLI" }.sorted()
    #expect(modules == Self.allowed.map(\.module).sorted())
  }
}
