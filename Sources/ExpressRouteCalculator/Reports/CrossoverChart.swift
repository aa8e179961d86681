import Foundation

/// Builds the metered-vs-unlimited cost chart for one circuit size and zone.
enum CrossoverChart {
  /// Monthly cost of MeteredData and UnlimitedData from 0 to the circuit's full one-way capacity.
  /// Every point is priced by ``PricingEngine/monthlyCharges(of:zone:)``, the pricer quotes use.
  ///
  /// `volume` (the user's own outbound data) is marked on the volume axis with `volumeLabel` when it fits the
  /// circuit; beyond its capacity the marker sits at the right edge and says so.
  static func make(
    engine: PricingEngine, tier: CircuitTier, bandwidth: Bandwidth, zone: Zone, volume: DataVolume? = nil, volumeLabel: String = "your volume"
  ) -> ReportChart? {
    guard tier != .local else { return nil }
    let capacity = engine.monthlyCapacity(of: bandwidth).gigabytes
    let steps = 10
    let volumes = (0...steps).map { capacity * Decimal($0) / Decimal(steps) }
    func costs(_ billing: BillingFamily) -> [Decimal]? {
      var result: [Decimal] = []
      for volume in volumes {
        let circuit = Circuit(name: "chart", zone: zone, tier: tier, billing: billing, bandwidth: bandwidth, monthlyEgress: .gigabytes(volume))
        let charges = engine.monthlyCharges(of: circuit, zone: zone)
        guard charges.unpriced.isEmpty else { return nil }
        result.append(charges.total.amount)
      }
      return result
    }
    guard let meteredCosts = costs(.metered), let unlimitedCosts = costs(.unlimited) else { return nil }
    var markers: [ReportChart.Marker] = []
    let breakEven = engine.breakEven(tier: tier, bandwidth: bandwidth, zone: zone)
    if case .crossover(let volume, let share) = breakEven.outcome {
      markers.append(.init(position: double(share) * Double(steps), label: "break-even \(volume)"))
    }
    if let volume, capacity > 0 {
      let share = volume.gigabytes / capacity
      markers.append(
        .init(
          position: min(double(share), 1) * Double(steps),
          label: share > 1 ? "\(volumeLabel): \(volume), beyond capacity" : "\(volumeLabel): \(volume)"))
    }
    return ReportChart(
      kind: .lines, title: "\(tier.name) \(bandwidth), \(zone.name): monthly cost by outbound volume",
      categories: volumes.map { "\($0.grouped(places: 0)) GB" },
      series: [
        .init(name: "MeteredData", values: meteredCosts.map(double)),
        .init(name: "UnlimitedData", values: unlimitedCosts.map(double)),
      ], valueLabel: "\(engine.rates.currency) per month", markers: markers, categoryLabel: "Outbound data per month (GB)")
  }

  static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
