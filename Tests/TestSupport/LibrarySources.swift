import Foundation

/// The library's modules, each a folder under `Sources/` (README, "Architecture").
public let libraryModules = [
  "ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic", "ExpressRoutePlanning", "ExpressRouteImport",
  "ExpressRouteReports", "ExpressRouteCalculator",
]

/// Every Swift file of `modules` (the library's, unless given): its path below `Sources/`
/// (`ExpressRouteCore/Units/Money.swift`) and its text, in path order.
public func librarySourceFiles(of modules: [String] = libraryModules) throws -> [(path: String, text: String)] {
  let sources = packageRoot.appendingPathComponent("Sources")
  var files: [(String, String)] = []
  for module in modules {
    guard let walker = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path) else {
      continue
    }
    while let relative = walker.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let path = module + "/" + relative
      files.append((path, try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)))
    }
  }
  return files.sorted { $0.0 < $1.0 }
}
