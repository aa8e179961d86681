/// One piece of a cost export read by the fast reader: the records that start in it, screened.
///
/// Offsets are bytes from the start of the file; lines are counted from the chunk's ``start`` (the number of line
/// feeds before a record, quoted ones included), so the reader adds the line the chunk starts on.
struct BillingChunk: Sendable {
  /// Where the first record read starts.
  var start: Int
  /// Where the record after the last one read starts (the next chunk is valid only when it starts here).
  var end: Int
  /// Line feeds in `start..<end`.
  var newlines = 0
  /// Records read (blank lines are none), passed or not.
  var rows = 0
  /// The raw bytes of the records that passed the screen, one after another, each with its line break.
  var candidates: [UInt8] = []
  /// For each passed record, the line feeds between ``start`` and it.
  var candidateLines: [Int] = []
  /// The first record the fast reader does not read (a quote out of place, a lone carriage return, a record longer
  /// than the window, a quoted field open at the end): its offset and the line feeds before it. The general reader
  /// reads on from there; ``end``, ``rows`` and ``newlines`` then stop before it.
  var irregular: (offset: Int, newlines: Int)?

  /// An empty chunk at `offset`.
  init(at offset: Int) {
    start = offset
    end = offset
  }
}
