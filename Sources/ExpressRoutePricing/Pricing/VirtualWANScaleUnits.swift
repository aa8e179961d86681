import ExpressRouteCore
import Foundation

extension PricingEngine {
  /// Prices `units` ExpressRoute scale units of a Virtual WAN hub tier by tier: one line item per tier the units
  /// reach (units `fromUnit` to the unit before the next tier's start), and an unpriced item for the units that
  /// fall in a tier without a price. A table without scale-unit tiers leaves every unit unpriced.
  func addVirtualWANScaleUnits(_ units: Int, resource: String, into builder: inout QuoteBuilder) {
    let hours = hoursPerMonth.plainDescription
    let tiers = rates.virtualWANScaleUnitTiers
    guard !tiers.isEmpty else {
      builder.add(
        resource: resource, meter: .virtualWANScaleUnits(fromUnit: 1),
        quantity: FastDecimal.product(hoursPerMonth, Decimal(units)),
        detail: "\(hours) h × \(units) scale units (2 Gbps each)")
      return
    }
    if let first = tiers.first?.meter.virtualWANTierStart, first > 1 {
      let count = min(units, first - 1)
      builder.unpriced.append(
        UnpricedItem(
          resource: resource, meter: .virtualWANScaleUnits(fromUnit: 1),
          quantity: FastDecimal.product(hoursPerMonth, Decimal(count)),
          reason: "the rate table '\(rates.name)' prices scale units from unit \(first) only, not units 1–\(first - 1)")
      )
    }
    for (index, rate) in tiers.enumerated() {
      guard let from = rate.meter.virtualWANTierStart, from <= units else { break }
      let next = index + 1 < tiers.count ? tiers[index + 1].meter.virtualWANTierStart : nil
      let last = next.map { min(units, $0 - 1) } ?? units
      let count = last - from + 1
      guard count > 0 else { continue }
      let span = count == 1 ? "unit \(from)" : "units \(from)–\(last)"
      builder.add(
        resource: resource, meter: rate.meter, quantity: FastDecimal.product(hoursPerMonth, Decimal(count)),
        detail: "\(hours) h × \(count) scale unit\(count == 1 ? "" : "s") (\(span), 2 Gbps each)")
    }
  }
}
