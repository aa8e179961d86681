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
