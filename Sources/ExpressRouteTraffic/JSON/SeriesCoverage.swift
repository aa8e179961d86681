/// The times one series has given points at, so that the same series listed again in a document is told apart:
/// a point at a time it already covers is a repeat (the first kept), one at a new time is added.
///
/// Kept as runs of evenly spaced times (a series with no gaps is one run: three numbers), and turned into a set of
/// times only when a repeated series asks about one (rare).
struct SeriesCoverage {
  /// Evenly spaced times: `start`, `start + step`, … up to `end`; `step` 0 while the run holds one time.
  private var runs: [(start: Int64, end: Int64, step: Int64)] = []
  /// Every time covered, once asked (``contains(_:)``); then kept instead of ``runs``.
  private var times: Set<Int64>?

  /// Adds `time` to the covered times.
  mutating func insert(_ time: Int64) {
    if times != nil {
      times?.insert(time)
      return
    }
    if let last = runs.last {
      if last.step == 0, time > last.start {
        runs[runs.count - 1].step = time - last.start
        runs[runs.count - 1].end = time
        return
      }
      if last.step > 0, time == last.end + last.step {
        runs[runs.count - 1].end = time
        return
      }
    }
    runs.append((time, time, 0))
  }

  /// Whether `time` is covered.
  mutating func contains(_ time: Int64) -> Bool {
    if times == nil {
      var all = Set<Int64>()
      for run in runs {
        var time = run.start
        while time <= run.end {
          all.insert(time)
          guard run.step > 0 else { break }
          time += run.step
        }
      }
      times = all
      runs = []
    }
    return times?.contains(time) ?? false
  }
}
