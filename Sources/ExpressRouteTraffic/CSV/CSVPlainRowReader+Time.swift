import ExpressRouteCore

/// The timestamp field of plain rows: remembered (``Timestamp/HourMemo``), and read again from the bytes that changed.
extension CSVPlainRowReader {
  /// Reads the timestamp field at `p` into `timestamp`: the remembered one when the bytes repeat it,
  /// the remembered hour plus this field's minutes and seconds when only those differ (one circuit's
  /// rows in turn), otherwise parsed (and remembered). Returns the position after the terminator, or -1.
  @inline(always)
  func readTime(
    _ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ memo: inout Timestamp.HourMemo, _ timestamp: inout Int64
  ) -> Int {
    let length = memo.length
    if memo.tailFits {
      // One test for every byte but the time of day (bytes 0–13 and the tail from 19), then the time of day
      // (bytes 11–18) as one word: the same field, or the same hour.
      let field = UnsafeRawPointer(base + p)
      let remembered = UnsafeRawPointer(base + memo.start)
      let differ =
        (ByteScanning.word(at: field) ^ ByteScanning.word(at: remembered))
        | (ByteScanning.word(at: field + 6) ^ ByteScanning.word(at: remembered + 6))
        | ((ByteScanning.word(at: field + 19) ^ ByteScanning.word(at: remembered + 19)) & memo.tail0)
        | ((ByteScanning.word(at: field + 27) ^ ByteScanning.word(at: remembered + 27)) & memo.tail1)
      if differ == 0 {
        let after = Self.skipTerminator(base, p &+ length, isLast, dialect.separator)
        if after >= 0 {
          FastPath.hit(.csvTimeWord)
          let timeOfDay = ByteScanning.word(at: field + 11)
          if timeOfDay == ByteScanning.word(at: remembered + 11) {
            timestamp = memo.timestamp
            return after
          }
          if let minuteAndSecond = Timestamp.minuteAndSecond(word: timeOfDay) {
            timestamp = memo.hourBase &+ minuteAndSecond
            return after
          }
        }
      }
    }
    let (after, value) = readTimeSlowly(base, p, isLast, &memo)
    timestamp = value
    return after
  }

  /// ``readTime(_:_:_:_:_:)`` when the combined test does not settle the field: a repeat of a field it does not
  /// cover, or a new timestamp to parse. Out of line, so the row loops stay small; it returns the timestamp rather
  /// than setting an `inout` one, which would keep the row loop's timestamp in memory.
  @inline(never)
  func readTimeSlowly(_ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ memo: inout Timestamp.HourMemo) -> (
    after: Int, timestamp: Int64
  ) {
    let length = memo.length
    if length > 0 && length <= Self.longestTimestamp, let value = memo.recall(base + p, base + memo.start) {
      let after = Self.skipTerminator(base, p &+ length, isLast, dialect.separator)
      if after >= 0 {
        FastPath.hit(.csvTimeRepeat)
        return (after, value)
      }
    }
    let fieldEnd = Self.fieldEnd(base, from: p, limit: p + Self.longestTimestamp, dialect)
    guard fieldEnd > p, let parsed = Timestamp.parse(UnsafeBufferPointer(start: base + p, count: fieldEnd - p)) else {
      return (-1, 0)
    }
    let after = Self.skipTerminator(base, fieldEnd, isLast, dialect.separator)
    guard after >= 0 else { return (-1, 0) }
    memo.remember(base + p, start: p, length: fieldEnd - p, timestamp: parsed)
    return (after, parsed)
  }
}
