import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension Budget {
  /// A fixed deployment's circuit whose grown outbound data exceeds what its bandwidth carries one way in a month.
  ///
  /// The budget still prices the volume (Azure does not cap metered data), but the circuit cannot carry it: the
  /// site needs a larger circuit, which a workload profile would plan. Reports show these as a headline section.
  public struct CapacityOverrun: Hashable, Sendable {
    /// The site's name.
    public var site: String
    /// The circuit's name.
    public var circuit: String
    /// The circuit's bandwidth.
    public var bandwidth: Bandwidth
    /// The first month whose outbound data exceeds the capacity.
    public var firstMonth: MonthKey
    /// The outbound data in ``firstMonth``.
    public var egress: DataVolume
    /// What ``bandwidth`` carries one way in a month of the budget's hours.
    public var capacity: DataVolume
    /// How many months of the period are over capacity (growth never falls, so from ``firstMonth`` on).
    public var months: Int
  }
}
