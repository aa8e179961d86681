import ExpressRouteCore

extension PushdownResult {
  /// The optional columns that name the month's first gap, repeated record and time without a value
  /// (``PushdownPlan``): with them a report names the same first problem as one read from the raw records; a result
  /// without them (a query printed by an earlier ercalc) still reads, its problems counted by month.
  package static let detailColumns = [
    "first_gap_time", "first_gap", "first_duplicate_time", "first_duplicate_direction", "first_empty_time",
  ]

  /// The first of each problem in one resource's month, where the result names it.
  struct FirstProblems {
    /// The sample after the first gap (seconds since 1970) and the samples the gap misses.
    var gap: (time: Int64, samples: Int64)?
    /// The time of the first repeated record, and whether it is an inbound one.
    var duplicate: (time: Int64, inbound: Bool)?
    /// The first time without a value in both directions.
    var empty: Int64?

    /// Reads and checks the detail cells of `row` (which has been read as `read`): each problem named exactly when
    /// the month has it, inside the month's first and last time.
    init(_ row: RowCells, _ read: Row) throws(Diagnostic) {
      guard Self.hasColumns(row) else { return }
      let times = read.firstTime...read.lastTime
      if let time = try row.integer("first_gap_time", in: times) {
        let samples = try row.required("first_gap", in: 1...max(1, Int64(read.gaps)))
        gap = (time, samples)
      }
      if let time = try row.integer("first_duplicate_time", in: times) {
        let direction = try row.text("first_duplicate_direction")
        guard direction == "in" || direction == "out" else {
          throw row.error("first_duplicate_direction", "'\(direction)' is not a direction (expected 'in' or 'out')")
        }
        duplicate = (time, direction == "in")
      }
      empty = try row.integer("first_empty_time", in: times)
      // Each a sample time on the month's grid; a gap of n samples ends n + 1 intervals after a sample of the month.
      let onGrid: [(String, Int64?)] = [
        ("first_gap_time", gap?.time), ("first_duplicate_time", duplicate?.time), ("first_empty_time", empty),
      ]
      for case (let column, let time?) in onGrid where (time - read.firstTime) % read.interval != 0 {
        throw row.error(
          column,
          "\(CivilCalendar.format(time)) is not a sample time of the month's \(read.interval) s grid from \(CivilCalendar.format(read.firstTime))"
        )
      }
      if let gap, gap.time - (gap.samples + 1) * read.interval < read.firstTime {
        throw row.error(
          "first_gap",
          "a gap of \(gap.samples) sample(s) cannot end at \(CivilCalendar.format(gap.time)), \(gap.samples + 1) intervals after a sample of the month that starts at \(CivilCalendar.format(read.firstTime))"
        )
      }
      let named: [(String, Bool, Bool)] = [
        ("first_gap_time", gap != nil, read.gaps > 0), ("first_duplicate_time", duplicate != nil, read.duplicates > 0),
        ("first_empty_time", empty != nil, read.times > read.complete),
      ]
      for (column, given, expected) in named where given != expected {
        throw row.error(
          column,
          given
            ? "names a problem the month's counts do not have (expected empty)"
            : "empty, but the month's counts have the problem (expected its first time)")
      }
    }

    private static func hasColumns(_ row: RowCells) -> Bool {
      detailColumns.allSatisfy { row.position[$0] != nil }
    }

    /// The diagnostic text of each counted problem of `row`'s month, in ercalc's own words where the first is named.
    func messages(_ row: Row) -> (gap: String, duplicate: String, empty: String) {
      func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun) in \(row.month) for circuit '\(row.circuit)' (counted by the query)"
      }
      return (
        gap.map { ProblemText.gap($0.samples, before: $0.time, circuit: row.circuit) }
          ?? counted(row.gaps, "missing sample(s)"),
        duplicate.map { ProblemText.repeated(inbound: $0.inbound, at: $0.time, circuit: row.circuit) }
          ?? counted(row.duplicates, "repeated record(s)"),
        empty.map { ProblemText.noValue(at: $0, circuit: row.circuit) }
          ?? counted(row.times - row.complete, "sample(s) without a value")
      )
    }
  }
}
