import ExpressRouteCore

/// When a long read reports progress: each time the bytes done pass another ``TrafficIngest/Options/progressBytes``
/// (64 MiB unless a test sets less). One rule for streamed JSON and CSV, chunked CSV and folders.
struct ProgressMeter {
  private let every: Int
  private var next: Int

  /// A meter reporting every `every` bytes.
  init(every: Int) {
    self.every = every
    next = every
  }

  /// Whether `done` bytes call for a report; the next report is then due `every` bytes on.
  mutating func isDue(_ done: Int) -> Bool {
    guard done >= next else { return false }
    next += every
    return true
  }
}
