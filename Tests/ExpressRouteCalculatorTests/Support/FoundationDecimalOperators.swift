import Foundation

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

// The library shadows Foundation's `Decimal` operators with allocation-free ones that give the same bits
// (`Decimal+Arithmetic.swift`). `@testable import` makes both visible here, so this module declares its own,
// which shadow both: tests work out expected values with Foundation's arithmetic, independently of the library's.
extension Decimal {
  static func + (lhs: Decimal, rhs: Decimal) -> Decimal { foundationSum(lhs, rhs) }
  static func - (lhs: Decimal, rhs: Decimal) -> Decimal { foundationDifference(lhs, rhs) }
  static func * (lhs: Decimal, rhs: Decimal) -> Decimal { foundationProduct(lhs, rhs) }
  static func += (lhs: inout Decimal, rhs: Decimal) { lhs = foundationSum(lhs, rhs) }
  static func -= (lhs: inout Decimal, rhs: Decimal) { lhs = foundationDifference(lhs, rhs) }
  static func *= (lhs: inout Decimal, rhs: Decimal) { lhs = foundationProduct(lhs, rhs) }
  static func < (lhs: Decimal, rhs: Decimal) -> Bool { foundationLess(lhs, rhs) }
  static func > (lhs: Decimal, rhs: Decimal) -> Bool { foundationLess(rhs, lhs) }
  static func <= (lhs: Decimal, rhs: Decimal) -> Bool { !foundationLess(rhs, lhs) }
  static func >= (lhs: Decimal, rhs: Decimal) -> Bool { !foundationLess(lhs, rhs) }
  static func == (lhs: Decimal, rhs: Decimal) -> Bool { foundationEqual(lhs, rhs) }
  static func != (lhs: Decimal, rhs: Decimal) -> Bool { !foundationEqual(lhs, rhs) }
}
