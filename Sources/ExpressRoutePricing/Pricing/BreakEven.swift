import ExpressRouteCore
import Foundation

extension CircuitComparison {
  /// Where MeteredData and UnlimitedData cost the same for one circuit size and zone.
  ///
  /// The crossover volume is `(unlimited − metered) ÷ egress price per GB`, each the price billed: the list
  /// price less any negotiated discount (``PricingEngine/effectivePrice(of:)``);
  /// its share of capacity is that volume over what the circuit can carry
  /// one way in a month (`bandwidth × hours × 3600 ÷ 8`).
  public struct BreakEven: Hashable, Sendable {
    /// The outcome of the comparison.
    public enum Outcome: Hashable, Sendable {
      /// Unlimited is cheaper above `volume` per month.
      case crossover(volume: DataVolume, capacityShare: Decimal)
      /// The crossover lies beyond what the circuit can carry: metered always wins.
      case beyondCapacity(volume: DataVolume, capacityShare: Decimal)
      /// Unlimited costs no more than metered even with no data.
      case unlimitedAlwaysCheaper
      /// Egress is free in this zone, so metered always wins.
      case meteredAlwaysCheaper
      /// A needed price is missing.
      case unpriced(String)
      /// The size is not sold as a provider circuit of this tier, so there is nothing to compare.
      case notSold(String)

      /// Where fees cross at `volume` a month on a circuit carrying `capacity` one way in a month: a crossover
      /// within it, beyond it past it, with the volume's share of it.
      public static func crossing(at volume: DataVolume, capacity: DataVolume) -> Outcome {
        let share = volume.bytes / capacity.bytes
        return share > 1
          ? .beyondCapacity(volume: volume, capacityShare: share) : .crossover(volume: volume, capacityShare: share)
      }
    }

    /// The tier compared.
    public var tier: CircuitTier
    /// The circuit size.
    public var bandwidth: Bandwidth
    /// The zone.
    public var zone: Zone
    /// The result.
    public var outcome: Outcome

    /// The volume where a fee difference is made up by outbound data at `pricePerGB`: `difference ÷ pricePerGB` GB,
    /// rounded once to whole bytes (nine decimal places of a GB), half to even.
    ///
    /// The quotient is rounded exactly (``Foundation/Decimal/divided(by:roundedToPlaces:rule:)``), so prices all
    /// scaled by one discount give the very same volume as the list prices: a uniform discount moves no break-even.
    public static func volume(difference: Decimal, pricePerGB: Decimal) -> DataVolume {
      .gigabytes(difference.divided(by: pricePerGB, roundedToPlaces: 9, rule: .toNearestOrEven))
    }

    /// A one-line explanation: `unlimited is cheaper above 210,560 GB/month (64% of capacity)`.
    public var summary: String {
      switch outcome {
      case .crossover(let volume, let share):
        return
          "unlimited is cheaper above \(volume)/month (\((share * 100).fixedPoint(places: 0))% of one direction's capacity)"
      case .beyondCapacity(let volume, let share):
        return
          "no crossover within line capacity (it would be \(volume)/month, \((share * 100).fixedPoint(places: 0))% of capacity); metered is always cheaper"
      case .unlimitedAlwaysCheaper: return "unlimited costs no more than metered at any volume"
      case .meteredAlwaysCheaper: return "no crossover: outbound data is free on metered here"
      case .unpriced(let reason): return "break-even unknown: \(reason)"
      case .notSold(let reason): return "no break-even: \(reason)"
      }
    }
  }
}

extension PricingEngine {
  /// One direction's full-month capacity of `bandwidth` (328.5 GB per Mbps at 730 h).
  public func monthlyCapacity(of bandwidth: Bandwidth) -> DataVolume {
    DataVolume(rate: bandwidth, seconds: FastDecimal.product(hoursPerMonth, 3600))
  }

  /// The metered-vs-unlimited break-even for a Standard or Premium circuit.
  public func breakEven(tier: CircuitTier, bandwidth: Bandwidth, zone: Zone) -> CircuitComparison.BreakEven {
    func result(_ outcome: BreakEven.Outcome) -> BreakEven {
      BreakEven(tier: tier, bandwidth: bandwidth, zone: zone, outcome: outcome)
    }
    guard tier != .local else { return result(.notSold("Local has no metered option")) }
    guard Bandwidth.providerSizes.contains(bandwidth) else {
      return result(
        .notSold("\(bandwidth) is not sold as a provider circuit (more than 10 Gbps needs ExpressRoute Direct)"))
    }
    let metered = rates.rate(for: .circuit(tier, .metered, bandwidth, zone))
    let unlimited = rates.rate(for: .circuit(tier, .unlimited, bandwidth, zone))
    let egress = rates.rate(for: .egress(zone))
    for (rate, meter) in [
      (metered, Meter.circuit(tier, .metered, bandwidth, zone)),
      (unlimited, .circuit(tier, .unlimited, bandwidth, zone)), (egress, .egress(zone)),
    ] where rate?.price == nil {
      return result(.unpriced("\(meter.displayName) is unpriced"))
    }
    // The prices billed (list less any negotiated discount), so the volume is where the billed amounts cross.
    guard let m = effectivePrice(of: .circuit(tier, .metered, bandwidth, zone)),
      let u = effectivePrice(of: .circuit(tier, .unlimited, bandwidth, zone)),
      let e = effectivePrice(of: .egress(zone))
    else {
      return result(.unpriced("missing price"))
    }
    if u <= m { return result(.unlimitedAlwaysCheaper) }
    if e == 0 { return result(.meteredAlwaysCheaper) }
    return result(
      .crossing(
        at: BreakEven.volume(difference: u - m, pricePerGB: e), capacity: monthlyCapacity(of: bandwidth)))
  }
}

extension PricingEngine {
  /// The break-even of `tier` for every provider size (rows) in every priced zone (columns, ``Zone/priced``).
  public func breakEvenMatrix(tier: CircuitTier) -> [[CircuitComparison.BreakEven]] {
    Bandwidth.providerSizes.map { bandwidth in Zone.priced.map { breakEven(tier: tier, bandwidth: bandwidth, zone: $0) }
    }
  }
}

// Short names inside the package.
package typealias BreakEven = CircuitComparison.BreakEven
