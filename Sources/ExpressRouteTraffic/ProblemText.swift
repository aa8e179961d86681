import ExpressRouteCore

/// The words of a series' first gap, repeated record and missing value, written once: the raw readers and a
/// push-down result (``PushdownResult``) name the same first problem in the same words, so a report sized from
/// either says the same thing.
enum ProblemText {
  /// `gap of 2 sample(s) before 2026-02-10T12:20:00Z for circuit 'ER-01'`.
  static func gap(_ samples: Int64, before time: Int64, circuit: String) -> String {
    "gap of \(samples) sample(s) before \(CivilCalendar.format(time)) for circuit '\(circuit)'"
  }

  /// `BitsInPerSecond at 2026-02-01T01:00:00Z for circuit 'ER-01' appears again (the first one is kept)`.
  static func repeated(inbound: Bool, at time: Int64, circuit: String) -> String {
    "\(inbound ? "BitsInPerSecond" : "BitsOutPerSecond") at \(CivilCalendar.format(time)) for circuit '\(circuit)' appears again (the first one is kept)"
  }

  /// `no value at 2026-02-21T09:00:00Z for circuit 'ER-01' (treated as missing, not as zero)`.
  static func noValue(at time: Int64, circuit: String) -> String {
    "no value at \(CivilCalendar.format(time)) for circuit '\(circuit)' (treated as missing, not as zero)"
  }
}
