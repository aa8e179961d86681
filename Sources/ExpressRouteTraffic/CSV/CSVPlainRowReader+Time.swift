import ExpressRouteCore

/// The timestamp field of plain rows: remembered, and read again from the bytes that changed.
extension CSVPlainRowReader {
  /// The timestamp field most rows repeat (`length` 0 when none yet), and its value.
  struct TimeMemo {
    var start: Int
    var length: Int
    var timestamp: Int64
    /// The timestamp at the start of the field's minute-of-hour (`timestamp` minus its minutes and
    /// seconds), when the field is laid out `YYYY-MM-DDTHH:MM:SS…`; -1 otherwise.
    private(set) var hourBase: Int64 = -1
    /// Whether the field's bytes after its seconds (19 ..< `length`) fit the words at 19 and 27 (fields of 35
    /// bytes at most, with an ``hourBase``), and the masks of those bytes in each word.
    private(set) var tailFits = false
    private(set) var tail0: UInt64 = 0
    private(set) var tail1: UInt64 = 0

    init(start: Int, length: Int, timestamp: Int64) {
      self.start = start
      self.length = length
      self.timestamp = timestamp
    }

    /// Sets ``hourBase`` (the field is laid out `YYYY-MM-DDTHH:MM:SS…`) and the tail masks.
    mutating func setHourBase(_ base: Int64) {
      hourBase = base
      tailFits = length >= 19 && length <= 35
      guard tailFits else { return }
      tail0 = ByteScanning.lowBytes(length - 19)
      tail1 = ByteScanning.lowBytes(length - 27)
    }
  }

  /// Reads the timestamp field at `p` into `timestamp`: the remembered one when the bytes repeat it,
  /// the remembered hour plus this field's minutes and seconds when only those differ (one circuit's
  /// rows in turn), otherwise parsed (and remembered). Returns the position after the terminator, or -1.
  @inline(always)
  func readTime(_ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ memo: inout TimeMemo, _ timestamp: inout Int64) -> Int {
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
        let after = Self.skipTerminator(base, p &+ length, isLast)
        if after >= 0 {
          FastPath.record(.csvTimeWord)
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
  func readTimeSlowly(_ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ memo: inout TimeMemo) -> (after: Int, timestamp: Int64) {
    let length = memo.length
    if length > 0 && length <= Self.longestTimestamp {
      if ByteScanning.equal(base + p, base + memo.start, length) {
        let after = Self.skipTerminator(base, p &+ length, isLast)
        if after >= 0 {
          FastPath.record(.csvTimeRepeat)
          return (after, memo.timestamp)
        }
      } else if memo.hourBase >= 0, let minuteAndSecond = Self.sameHour(base, p, memo) {
        let after = Self.skipTerminator(base, p &+ length, isLast)
        if after >= 0 {
          FastPath.record(.csvTimeRepeat)
          return (after, memo.hourBase &+ minuteAndSecond)
        }
      }
    }
    let fieldEnd = Self.fieldEnd(base, from: p, limit: p + Self.longestTimestamp)
    guard fieldEnd > p, let parsed = Timestamp.parse(UnsafeBufferPointer(start: base + p, count: fieldEnd - p)) else { return (-1, 0) }
    let after = Self.skipTerminator(base, fieldEnd, isLast)
    guard after >= 0 else { return (-1, 0) }
    memo = TimeMemo(start: p, length: fieldEnd - p, timestamp: parsed)
    if fieldEnd - p >= 19 && base[p + 13] == 0x3A, let own = Timestamp.minuteAndSecond(base + p) {
      memo.setHourBase(parsed - own)
    }
    return (after, parsed)
  }

  /// Seconds into the hour of the field at `p` when it differs from the remembered one only in
  /// its minutes and seconds (bytes 14–15 and 17–18); `nil` otherwise.
  @inline(always)
  static func sameHour(_ base: UnsafePointer<UInt8>, _ p: Int, _ memo: TimeMemo) -> Int64? {
    let field = UnsafeRawPointer(base + p)
    let remembered = UnsafeRawPointer(base + memo.start)
    // Bytes 0–13 (`YYYY-MM-DDTHH:`) and 19 onwards (fraction, `Z` or offset) must be the same.
    guard ByteScanning.word(at: field) == ByteScanning.word(at: remembered),
      ByteScanning.word(at: field + 6) == ByteScanning.word(at: remembered + 6),
      ByteScanning.equal(base + (p &+ 19), base + (memo.start &+ 19), memo.length &- 19)
    else { return nil }
    return Timestamp.minuteAndSecond(base + p)
  }
}
