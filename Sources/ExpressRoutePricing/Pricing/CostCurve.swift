import ExpressRouteCore
import Foundation

extension CircuitComparison {
  /// MeteredData and UnlimitedData monthly cost of one circuit size by outbound volume, from 0 to the circuit's
  /// one-way capacity in eleven steps, and where they cross: the data behind a break-even chart.
  public struct CostCurve: Hashable, Sendable {
    /// The tier priced.
    public var tier: CircuitTier
    /// The circuit size.
    public var bandwidth: Bandwidth
    /// The zone.
    public var zone: Zone
    /// The volumes priced, in GB: 0, a tenth of the capacity, …, the capacity.
    public var volumes: [Decimal]
    /// MeteredData's monthly cost at each volume.
    public var metered: [Decimal]
    /// UnlimitedData's monthly cost at each volume.
    public var unlimited: [Decimal]
    /// Where MeteredData becomes dearer.
    public var breakEven: CircuitComparison.BreakEven
    /// The currency.
    public var currency: CurrencyCode
  }
}

extension PricingEngine {
  /// The cost curve of `tier` at `bandwidth` in `zone`; `nil` for Local (data included) or when a point cannot be
  /// priced. Every point is priced by ``monthlyCharges(of:zone:)``, the pricer quotes use.
  public func costCurve(tier: CircuitTier, bandwidth: Bandwidth, zone: Zone) -> CircuitComparison.CostCurve? {
    guard tier != .local else { return nil }
    let capacity = monthlyCapacity(of: bandwidth).gigabytes
    let steps = 10
    let volumes = (0...steps).map { capacity * Decimal($0) / Decimal(steps) }
    func costs(_ billing: BillingFamily) -> [Decimal]? {
      var result: [Decimal] = []
      for volume in volumes {
        let circuit = Circuit(
          name: "chart", zone: zone, tier: tier, billing: billing, bandwidth: bandwidth,
          monthlyEgress: .gigabytes(volume))
        let charges = monthlyCharges(of: circuit, zone: zone)
        guard charges.unpriced.isEmpty else { return nil }
        result.append(charges.total.amount)
      }
      return result
    }
    guard let metered = costs(.metered), let unlimited = costs(.unlimited) else { return nil }
    return CostCurve(
      tier: tier, bandwidth: bandwidth, zone: zone, volumes: volumes, metered: metered, unlimited: unlimited,
      breakEven: breakEven(tier: tier, bandwidth: bandwidth, zone: zone), currency: currency)
  }
}

// Short names inside the package.
package typealias CostCurve = CircuitComparison.CostCurve
