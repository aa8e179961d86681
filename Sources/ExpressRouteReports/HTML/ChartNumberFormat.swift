import Foundation

/// How a chart writes its numbers: one format for every number drawn on a chart (ticks and value labels), thousands
/// grouped with "," and as many decimal places as the value axis's tick step needs: none for steps of 1 or more,
/// one for 0.5, two for 0.25. Written by integer arithmetic (no locale).
struct ChartNumberFormat {
  /// Decimal places, 0 to 6.
  let places: Int

  /// A format with `places` decimal places (clamped to 0...6).
  init(places: Int) { self.places = min(max(places, 0), 6) }

  /// The format for an axis whose ticks are `step` apart: the fewest places that write the step exactly.
  init(step: Double) {
    var places = 0
    while places < 6 {
      let scaled = step * pow(10, Double(places))
      if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { break }
      places += 1
    }
    self.init(places: places)
  }

  /// `value` rounded half away from zero to ``places`` decimals, grouped (`1,234,567`, `0.25`, `-1,500`).
  func callAsFunction(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int64((abs(value) * Double(scale)).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = String(scaled / scale)
    var grouped = ""
    for (index, character) in whole.enumerated() {
      if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    guard places > 0 else { return sign + grouped }
    let fraction = String(scaled % scale)
    return sign + grouped + "." + String(repeating: "0", count: places - fraction.count) + fraction
  }
}
