import ExpressRouteCore
import Foundation
import Synchronization

/// Growth factors already worked out, by yearly rate and month (a pure function of both, so caching it changes
/// no result). A budget owns one, shared by the sizing of its sites.
final class GrowthFactorCache: Sendable {
  private struct Key: Hashable {
    var yearlyGrowth: Decimal
    var month: Int
  }
  private let factors = Mutex<[Key: Decimal]>([:])

  func factor(yearlyGrowth: Decimal, month: Int, compute: () -> Decimal) -> Decimal {
    let key = Key(yearlyGrowth: yearlyGrowth, month: month)
    if let known = factors.withLock({ $0[key] }) { return known }
    let value = compute()
    factors.withLock { if $0.count < 100_000 { $0[key] = value } }
    return value
  }
}
