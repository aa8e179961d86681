import ExpressRouteCore
import Foundation

/// What a rate cell holds.
enum CellValue: Equatable {
  case value(Double)
  case missing
  case invalid

  /// The rate, or `nil` when missing (or invalid).
  var rate: Double? {
    if case .value(let value) = self { return value }
    return nil
  }
}
