import ExpressRouteCore
import Foundation

extension PushdownResult {
  /// One row's cells by column name, for typed reading with messages that name the shape, column and row.
  struct RowCells {
    let table: Table
    let number: Int
    let cells: [Cell]
    let position: [String: Int]

    func cell(_ name: String) -> Cell {
      let index = position[name] ?? -1
      return index >= 0 && index < cells.count
        ? cells[index] : Cell(text: nil, location: cells.first?.location ?? table.location, path: nil)
    }

    func error(_ name: String, _ message: String) -> Diagnostic {
      let cell = cell(name)
      return Diagnostic(
        .error, "\(table.shape) column '\(name)', row \(number): \(message)", location: cell.location, path: cell.path)
    }

    func text(_ name: String) throws(Diagnostic) -> String {
      guard let text = cell(name).text, !text.isEmpty else { throw error(name, "empty (expected a value)") }
      return text
    }

    /// A whole number (an integral JSON number or text, such as `57` or `57.0`); `nil` for an empty cell.
    func integer(_ name: String, in range: ClosedRange<Int64>) throws(Diagnostic) -> Int64? {
      guard let text = cell(name).text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      guard let value = Self.whole(text) else { throw error(name, "'\(text)' is not a whole number") }
      guard range.contains(value) else {
        throw error(name, "\(value) is out of range (expected \(range.lowerBound) to \(range.upperBound))")
      }
      return value
    }

    func required(_ name: String, in range: ClosedRange<Int64> = 0...Int64.max) throws(Diagnostic) -> Int64 {
      guard let value = try integer(name, in: range) else { throw error(name, "empty (expected a whole number)") }
      return value
    }

    /// A non-negative rate in bit/s; `nil` for an empty cell.
    func rate(_ name: String) throws(Diagnostic) -> Double? {
      guard let text = cell(name).text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      guard let value = Double(text), value.isFinite, value >= 0, value <= TrafficIngest.maximumRate else {
        throw error(name, "'\(text)' is not a rate (expected bit/s from 0 to \(TrafficIngest.maximumRate))")
      }
      return value
    }

    /// The digits of a whole number written as `123`, `123.0` or `1.23E2`-free decimal text.
    static func wholeDigits(_ text: String) -> Substring? {
      var digits = Substring(text)
      if let dot = digits.firstIndex(of: ".") {
        guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
        digits = digits[..<dot]
      }
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return digits
    }

    static func whole(_ text: String) -> Int64? {
      if text.hasPrefix("-"), let digits = wholeDigits(String(text.dropFirst())) { return Int64("-" + digits) }
      return wholeDigits(text).flatMap { Int64($0) }
    }
  }

  /// One row, read and checked on its own.
  struct Row {
    var resource: String
    var circuit: String
    var month: MonthKey
    var inbound: Bool
    var interval: Int64
    var firstTime: Int64
    var lastTime: Int64
    var times: Int
    var complete: Int
    var valued: Int
    var gaps: Int
    var duplicates: Int
    var samples: Int
    var direction: DirectionAccumulator
    var location: FileLocation
    let cells: RowCells

    func error(_ name: String, _ message: String) -> Diagnostic { cells.error(name, message) }

    init(_ row: RowCells) throws(Diagnostic) {
      cells = row
      location = row.cell("resource").location
      let scheme = try row.text("ercalc_summary")
      guard scheme == PushdownPlan.scheme else {
        throw row.error(
          "ercalc_summary",
          "'\(scheme)' is not this ercalc's bucket scheme (expected '\(PushdownPlan.scheme)': print the query again with ercalc traffic query and run it)"
        )
      }
      resource = try row.text("resource")
      circuit = resourceName(resource)
      let monthText = try row.text("month")
      guard let month = MonthKey(parsing: monthText) else {
        throw row.error("month", "'\(monthText)' is not a month (expected YYYY-MM)")
      }
      self.month = month
      let direction = try row.text("direction")
      guard direction == "in" || direction == "out" else {
        throw row.error("direction", "'\(direction)' is not a direction (expected 'in' or 'out')")
      }
      inbound = direction == "in"
      guard let interval = try row.integer("interval_seconds", in: 1...(366 * 86400)) else {
        throw row.error(
          "interval_seconds",
          "resource '\(resource)' has a single sample time, so its interval cannot be inferred (expected at least two samples)"
        )
      }
      self.interval = interval
      firstTime = try row.required("first_time", in: month.start...(month.next.start - 1))
      lastTime = try row.required("last_time", in: firstTime...(month.next.start - 1))
      let capacity = Int64((month.seconds + interval - 1) / interval)
      times = Int(try row.required("times", in: 1...capacity))
      valued = Int(try row.required("valued", in: 0...Int64(times)))
      complete = Int(try row.required("complete", in: 0...Int64(valued)))
      gaps = Int(try row.required("gaps", in: 0...capacity))
      duplicates = Int(try row.required("duplicates", in: 0...(1 << 48)))
      let offGrid = try row.required("off_grid")
      guard offGrid == 0 else {
        throw row.error(
          "off_grid",
          "\(offGrid) sample(s) of resource '\(resource)' are off its \(interval) s interval grid or have another time grain (mixed granularity; export one interval per series)"
        )
      }
      let span = (lastTime - firstTime) / interval + 1
      guard (lastTime - firstTime) % interval == 0, Int64(times + gaps) == span else {
        throw row.error(
          "gaps",
          "\(times) sample times and \(gaps) missing ones do not fill \(CivilCalendar.format(firstTime)) to \(CivilCalendar.format(lastTime)) at \(interval) s (expected \(span) in all)"
        )
      }
      samples = Int(try row.required("samples", in: Int64(complete)...Int64(valued)))
      self.direction = try Self.direction(row, samples: samples, month: month)
    }

    /// The direction's histogram, month sum, maximum and burst, checked against each other.
    private static func direction(_ row: RowCells, samples: Int, month: MonthKey) throws(Diagnostic)
      -> DirectionAccumulator
    {
      let burst = try row.rate("burst")
      guard samples > 0 else {
        // No values: nothing to count, sum or take the highest of (a sum of no values may be written 0 or null).
        if let histogram = row.cell("histogram").text, !histogram.trimmingCharacters(in: .whitespaces).isEmpty {
          throw row.error("histogram", "'\(histogram)' for 0 samples (expected an empty histogram)")
        }
        if let sum = row.cell("rate_sum").text, !sum.isEmpty, RowCells.whole(sum) != 0 {
          throw row.error("rate_sum", "'\(sum)' for 0 samples (expected 0 or empty)")
        }
        if let maximum = row.cell("maximum").text, !maximum.isEmpty {
          throw row.error("maximum", "'\(maximum)' for 0 samples (expected empty)")
        }
        return DirectionAccumulator(histogram: RateHistogram(), maximum: 0, months: [:], burstMaximum: burst)
      }
      guard let maximum = try row.rate("maximum") else { throw row.error("maximum", "empty (expected a rate)") }
      let sumText = try row.text("rate_sum")
      guard let sumDigits = RowCells.wholeDigits(sumText), let sum = UInt128(sumDigits) else {
        throw row.error("rate_sum", "'\(sumText)' is not a whole number of 1/8192 bit/s")
      }
      var buckets: [(bucket: Int, count: Int)] = []
      for entry in (row.cell("histogram").text ?? "").split(separator: " ") {
        let parts = entry.split(separator: ":")
        guard parts.count == 2, let bucket = Int(parts[0]), let count = Int(parts[1]), count > 0 else {
          throw row.error("histogram", "'\(entry)' is not a histogram entry (expected bucket:count with whole numbers)")
        }
        guard bucket >= 0 else {
          throw row.error(
            "histogram",
            "'\(entry)' counts rates below 0 bit/s (expected none: the records hold negative averages, which ercalc refuses)"
          )
        }
        buckets.append((bucket, count))
      }
      buckets.sort { $0.bucket < $1.bucket }
      if let repeated = zip(buckets, buckets.dropFirst()).first(where: { $0.0.bucket == $0.1.bucket }) {
        throw row.error(
          "histogram",
          "bucket \(repeated.0.bucket) is listed twice (expected each bucket once, as the query writes them)")
      }
      guard let histogram = RateHistogram(buckets: buckets), histogram.count == samples else {
        throw row.error(
          "histogram",
          "the histogram does not hold the row's \(samples) samples in buckets 0 to \(RateHistogram.highestBucket) (expected counts that add up to 'samples')"
        )
      }
      let highest = buckets.map(\.bucket).max() ?? 0
      guard RateHistogram.bucket(maximum) == highest else {
        throw row.error(
          "maximum",
          "the maximum \(maximum) bit/s is not in the histogram's highest bucket, which starts at \(RateHistogram.lowerBound(highest)) bit/s (expected the highest rate there)"
        )
      }
      let bounds = histogram.scaledRateSumBounds(maximum: maximum)
      guard bounds.contains(sum) else {
        throw row.error(
          "rate_sum",
          "\(sum) (in 1/8192 bit/s) is not what the histogram's rates can sum to (expected \(bounds.lowerBound) to \(bounds.upperBound))"
        )
      }
      return DirectionAccumulator(
        histogram: histogram, maximum: maximum, months: [month: .init(scaledRates: sum, samples: samples)],
        burstMaximum: burst)
    }
  }
}
