import Foundation

/// Builds the metered-vs-unlimited cost chart for one circuit size and zone.
enum CrossoverChart {
  /// Monthly cost of MeteredData and UnlimitedData from 0 to the circuit's full one-way capacity.
  static func make(engine: PricingEngine, tier: CircuitTier, bandwidth: Bandwidth, zone: Zone) -> ReportChart? {
    guard tier != .local,
      let metered = engine.rates.rate(for: .circuit(tier, .metered, bandwidth, zone))?.price,
      let unlimited = engine.rates.rate(for: .circuit(tier, .unlimited, bandwidth, zone))?.price,
      let egress = engine.rates.rate(for: .egress(zone))?.price
    else { return nil }
    let capacity = engine.monthlyCapacity(of: bandwidth).gigabytes
    let steps = 10
    let volumes = (0...steps).map { capacity * Decimal($0) / Decimal(steps) }
    let meteredCosts = volumes.map { metered.amount + egress.amount * $0 }
    var markers: [ReportChart.Marker] = []
    let breakEven = engine.breakEven(tier: tier, bandwidth: bandwidth, zone: zone)
    if case .crossover(let volume, let share) = breakEven.outcome {
      markers.append(.init(position: double(share) * Double(steps), label: "break-even \(volume)"))
    }
    return ReportChart(
      kind: .lines, title: "\(tier.name) \(bandwidth), \(zone.name): monthly cost by outbound volume",
      categories: volumes.map { "\($0.grouped(places: 0)) GB" },
      series: [
        .init(name: "MeteredData", values: meteredCosts.map(double)),
        .init(name: "UnlimitedData", values: volumes.map { _ in double(unlimited.amount) }),
      ], valueLabel: "\(engine.rates.currency) per month", markers: markers)
  }

  static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
