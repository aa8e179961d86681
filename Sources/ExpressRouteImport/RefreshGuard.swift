import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Compares a new rate table with the current one before it replaces it.
///
/// A refresh is suspicious when any price moves by more than `threshold`
/// (a fraction: 0.25 = 25%) or a meter priced today loses its price.
package struct RefreshGuard: Sendable {
  /// One difference between the tables.
  public struct Change: Hashable, Sendable {
    /// What kind of change.
    public enum Kind: String, Hashable, Sendable {
      case changed, added, lost
    }

    /// The meter.
    public var meter: Meter
    /// What happened.
    public var kind: Kind
    /// The price today.
    public var old: Money?
    /// The new price.
    public var new: Money?
    /// The relative change (`new / old − 1`), when both are priced and old is not zero.
    public var relative: Decimal?

    /// `Standard MeteredData 1 Gbps circuit, Zone 1: 436 → 460 (+5.5%)`.
    public var description: String {
      switch kind {
      case .changed:
        let percent = relative.map { " (\($0 > 0 ? "+" : "")\(($0 * 100).fixedPoint(places: 1))%)" } ?? ""
        return
          "\(meter.displayName): \(old?.amount.plainDescription ?? "?") → \(new?.amount.plainDescription ?? "?")\(percent)"
      case .added: return "\(meter.displayName): new, \(new?.amount.plainDescription ?? "unpriced")"
      case .lost:
        return
          "\(meter.displayName): priced today at \(old?.amount.plainDescription ?? "?"), unpriced or missing in the new table"
      }
    }
  }

  /// The largest relative change allowed on any price.
  public var threshold: Decimal

  /// Creates a guard; the default threshold is 25%.
  public init(threshold: Decimal = Decimal(string: "0.25") ?? 1) { self.threshold = threshold }

  /// Every difference between `current` and `candidate`, in meter order.
  public func changes(from current: RateTable, to candidate: RateTable) -> [Change] {
    var changes: [Change] = []
    let meters = Set(current.rates.map(\.meter)).union(candidate.rates.map(\.meter)).sorted()
    for meter in meters {
      let old = current.rate(for: meter)?.price
      let new = candidate.rate(for: meter)?.price
      switch (old, new) {
      case (let old?, let new?) where old.amount != new.amount:
        let relative = old.amount != 0 ? new.amount / old.amount - 1 : nil
        changes.append(Change(meter: meter, kind: .changed, old: old, new: new, relative: relative))
      case (let old?, nil):
        changes.append(Change(meter: meter, kind: .lost, old: old, new: nil, relative: nil))
      case (nil, let new?):
        changes.append(Change(meter: meter, kind: .added, old: nil, new: new, relative: nil))
      default:
        break
      }
    }
    return changes
  }

  /// The changes that make the refresh suspicious: lost meters and moves above the threshold.
  public func violations(_ changes: [Change]) -> [Change] {
    changes.filter { change in
      switch change.kind {
      case .lost: return true
      case .added: return false
      case .changed:
        guard let relative = change.relative else { return true }
        return abs(relative) > threshold
      }
    }
  }
}
