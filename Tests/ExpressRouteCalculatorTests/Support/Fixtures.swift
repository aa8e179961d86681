import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Shared fixtures: exact money from strings, the default engine, the package root.
enum Fixtures {
  /// Money parsed from a string, so tests never write Decimal float literals.
  static func usd(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Money {
    guard let amount = Decimal(strict: text) else {
      Issue.record("bad money literal '\(text)'", sourceLocation: sourceLocation)
      return .zero(.usd)
    }
    return Money(amount, currency: .usd)
  }

  /// A decimal parsed from a string.
  static func decimal(_ text: String) -> Decimal { Decimal(strict: text) ?? .nan }

  /// Summaries of a CSV read by the production block loop (``TrafficIngest/stream(into:series:names:prefix:file:progressBytes:expectedSize:read:progress:)``)
  /// from a source that returns the given numbers of bytes per read (then the rest), so rows and cells are cut at
  /// those places.
  /// `expectedSize` is the size the reader is told to expect (its block is sized by it; 0: unknown).
  static func scanInChunks(_ bytes: [UInt8], sizes: [Int], file: String = "f.csv", expectedSize: Int = 0) throws
    -> [TrafficSummary]
  {
    var scanner = CSVScanner(file: file, defaultCircuit: "circuit", interval: nil)
    var series: [SeriesAccumulator] = []
    var names: [String: Int] = [:]
    var offset = 0
    var pending = sizes[...]
    _ = try TrafficIngest.stream(
      into: &scanner, series: &series, names: &names, prefix: [], file: file, expectedSize: expectedSize,
      read: { destination, capacity in
        let size = min(capacity, bytes.count - offset, max(pending.popFirst() ?? bytes.count, 1))
        guard size > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
          // swift-format-ignore: NeverForceUnwrap
          destination.copyMemory(from: source.baseAddress! + offset, byteCount: size)
        }
        offset += size
        return size
      }, progress: { _ in })
    try scanner.finish(series: &series)
    var summaries: [TrafficSummary] = []
    for index in series.indices {
      try series[index].finish(file: file)
      summaries.append(series[index].summary())
    }
    return summaries
  }

  /// The engine on the embedded default tables.
  static func engine() throws -> PricingEngine { try PricingEngine.embeddedDefault() }

  /// The error a throwing closure throws, as a ``Diagnostic``.
  static func diagnostic(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    do {
      try body()
      Issue.record("expected an error, got none", sourceLocation: sourceLocation)
      return nil
    } catch let error as Diagnostic {
      return error
    } catch {
      Issue.record("expected a Diagnostic, got \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }
}
