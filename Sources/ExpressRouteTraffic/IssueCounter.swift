import ExpressRouteCore

/// Counts one kind of data problem and remembers where it first happened.
struct IssueCounter {
  private(set) var count = 0
  private(set) var first: Diagnostic?

  /// A counter restored from a saved summary.
  init(count: Int = 0, first: Diagnostic? = nil) {
    self.count = count
    self.first = first
  }

  @inline(__always)
  mutating func record(_ location: () -> FileLocation, _ message: @autoclosure () -> String, count: Int = 1) {
    if first == nil { first = Diagnostic(.warning, message(), location: location()) }
    self.count += count
  }

  /// Adds the problems of data that comes after this counter's: the first stays the earliest.
  mutating func append(_ later: IssueCounter) {
    if first == nil { first = later.first }
    count += later.count
  }

  /// Moves the first problem's line by `lines` (a chunk read on its own counts lines from its start).
  mutating func shiftLines(by lines: Int) {
    first?.location?.line += lines
  }
}
