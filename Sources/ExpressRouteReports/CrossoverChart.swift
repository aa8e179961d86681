import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Draws a ``CostCurve`` as the metered-vs-unlimited cost chart (data in, chart out: nothing is priced here).
enum CrossoverChart {
  /// The chart of `curve`, marking its break-even and `volume` (the user's own outbound data) with `volumeLabel`
  /// when given; beyond the capacity the marker sits at the right edge and says so.
  static func make(_ curve: CostCurve, volume: DataVolume? = nil, volumeLabel: String = "your volume") -> ReportChart {
    let steps = Double(curve.volumes.count - 1)
    var markers: [ReportChart.Marker] = []
    if case .crossover(let volume, let share) = curve.breakEven.outcome {
      // Whole GB, like the axis (the exact break-even is in the tables).
      markers.append(
        .init(position: double(share) * steps, label: "break-even \(volume.gigabytes.grouped(places: 0)) GB"))
    }
    if let volume, let capacity = curve.volumes.last, capacity > 0 {
      let share = volume.gigabytes / capacity
      markers.append(
        .init(
          position: min(double(share), 1) * steps,
          label: "\(volumeLabel): \(volume.gigabytes.grouped(places: 0)) GB" + (share > 1 ? ", beyond capacity" : "")))
    }
    var chart = ReportChart(
      kind: .lines, title: "\(curve.tier.name) \(curve.bandwidth), \(curve.zone.name): monthly cost by outbound volume",
      categories: curve.volumes.map { "\($0.grouped(places: 0)) GB" },
      series: [
        .init(name: "MeteredData", values: curve.metered.map(double)),
        .init(name: "UnlimitedData", values: curve.unlimited.map(double)),
      ], valueLabel: "\(curve.currency) per month", markers: markers, categoryLabel: "Outbound data per month (GB)")
    // Volumes on a continuous axis, so its ticks are round (0, 500,000, 1,000,000 GB), not the sampled volumes.
    chart.categoryValues = curve.volumes.map(double)
    return chart
  }

  static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
