import Foundation
import Testing

@testable import ExpressRouteCalculator

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

  /// Summaries of a CSV fed to one ``CSVScanner`` in chunks of the given sizes (the last chunk
  /// takes the rest), carrying unconsumed bytes over as the block reader does.
  static func scanInChunks(_ bytes: [UInt8], sizes: [Int], file: String = "f.csv") throws -> [TrafficSummary] {
    var scanner = CSVScanner(file: file, defaultCircuit: "circuit", interval: nil)
    var series: [SeriesAccumulator] = []
    var names: [String: Int] = [:]
    var carry: [UInt8] = []
    var offset = 0
    var pending = sizes[...]
    while offset < bytes.count {
      let size = pending.popFirst() ?? bytes.count
      let chunk = bytes[offset..<min(bytes.count, offset + max(size, 1))]
      offset += chunk.count
      carry += chunk
      let isFinal = offset == bytes.count
      let consumed = try carry.withUnsafeBufferPointer { pointer throws(Diagnostic) -> Int in
        // swift-format-ignore: NeverForceUnwrap
        try scanner.scan(pointer.baseAddress!, count: carry.count, isFinal: isFinal, series: &series, names: &names)
      }
      carry.removeFirst(consumed)
    }
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

  /// The package root, found from this file's path.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

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
