/// The fast record splitter: finds the structure of RFC 4180 records eight bytes at a time (SWAR) and screens each
/// record without copying or decoding its fields.
enum BillingRecordSplitter {
  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// The 0x80 bit of each byte of `word` that equals the byte repeated in `pattern` (exact: no carry crosses bytes).
  @inline(__always) static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let difference = word ^ pattern
    let low = (difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
    return ~(low | difference | 0x7F7F_7F7F_7F7F_7F7F)
  }

  @inline(__always) static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }

  /// How a record ended.
  enum Outcome {
    /// A record: where its content ends (before `\r\n` or `\n`) and where the next one starts.
    case record(contentEnd: Int, next: Int, fields: Int, quotedNewlines: Int, doubled: Bool)
    /// Something the fast reader does not read: the general reader reads from the record's start.
    case irregular
  }

  /// Splits the record at `start` of `base[0..<limit]` (eight readable zero bytes follow `limit`), writing the
  /// start of field `i` to `starts[i]` for `i < capacity`. `fileEnd` says `limit` is the end of the file.
  static func record(
    _ base: UnsafePointer<UInt8>, start: Int, limit: Int, fileEnd: Bool, starts: UnsafeMutablePointer<Int>,
    capacity: Int
  ) -> Outcome {
    let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    let quotes: UInt64 = 0x2222_2222_2222_2222
    let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    let returns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    var field = 0
    var fieldStart = start
    starts[0] = start
    var quotedNewlines = 0
    var doubled = false
    var position = start
    scan: while true {
      if position >= limit {
        guard fileEnd else { return .irregular }
        return .record(
          contentEnd: limit, next: limit, fields: field + 1, quotedNewlines: quotedNewlines, doubled: doubled)
      }
      let word = load(base, position)
      var mask =
        matches(word, commas) | matches(word, quotes) | matches(word, lineFeeds) | matches(word, returns)
      while mask != 0 {
        let at = position + mask.trailingZeroBitCount >> 3
        if at >= limit { break }
        switch base[at] {
        case comma:
          field += 1
          fieldStart = at + 1
          if field < capacity { starts[field] = fieldStart }
        case lineFeed:
          return .record(
            contentEnd: at, next: at + 1, fields: field + 1, quotedNewlines: quotedNewlines, doubled: doubled)
        case carriageReturn:
          guard at + 1 < limit, base[at + 1] == lineFeed else { return .irregular }
          return .record(
            contentEnd: at, next: at + 2, fields: field + 1, quotedNewlines: quotedNewlines, doubled: doubled)
        default:  // a quote
          guard at == fieldStart,
            let close = closingQuote(base, from: at + 1, limit: limit, newlines: &quotedNewlines, doubled: &doubled)
          else { return .irregular }
          if close + 1 < limit {
            let next = base[close + 1]
            guard next == comma || next == lineFeed || next == carriageReturn else { return .irregular }
          } else if !fileEnd {
            return .irregular
          }
          position = close + 1
          continue scan
        }
        mask &= mask - 1
      }
      position += 8
    }
  }

  /// The closing quote of a quoted field whose content starts at `from` (doubled quotes are content), counting the
  /// line feeds inside; `nil` when none closes it before `limit`.
  static func closingQuote(
    _ base: UnsafePointer<UInt8>, from: Int, limit: Int, newlines: inout Int, doubled: inout Bool
  ) -> Int? {
    let quotes: UInt64 = 0x2222_2222_2222_2222
    let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    var position = from
    while position < limit {
      let word = load(base, position)
      let found = matches(word, quotes)
      let feeds = matches(word, lineFeeds)
      if found == 0 {
        newlines += feeds.nonzeroBitCount
        position += 8
        continue
      }
      let lowest = found & (0 &- found)
      newlines += (feeds & (lowest &- 1)).nonzeroBitCount
      let at = position + found.trailingZeroBitCount >> 3
      if at >= limit { return nil }
      if at + 1 < limit && base[at + 1] == quote {
        doubled = true
        position = at + 2
        continue
      }
      return at
    }
    return nil
  }

  /// Reads the records starting in `from..<stop` of `base[0..<limit]` (offset `origin` in the file) into a chunk,
  /// keeping those `screen` passes. `fileEnd` says `limit` is the end of the file.
  static func chunk(
    _ base: UnsafePointer<UInt8>, origin: Int, from: Int, stop: Int, limit: Int, fileEnd: Bool, screen: BillingScreen
  ) -> BillingChunk {
    var chunk = BillingChunk(at: origin + from)
    let capacity = screen.fieldCount + 1
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    defer { starts.deallocate() }
    var position = from
    while position < stop && position < limit {
      // Blank lines (nothing but a line feed, or a carriage return and one) are no records.
      if base[position] == lineFeed {
        chunk.newlines += 1
        position += 1
        continue
      }
      if base[position] == carriageReturn && position + 1 < limit && base[position + 1] == lineFeed {
        chunk.newlines += 1
        position += 2
        continue
      }
      let outcome = record(base, start: position, limit: limit, fileEnd: fileEnd, starts: starts, capacity: capacity)
      guard case .record(let contentEnd, let next, let fields, let quotedNewlines, let doubled) = outcome else {
        chunk.irregular = (origin + position, chunk.newlines)
        break
      }
      if fields != screen.fieldCount
        || screen.passes(base, starts: starts, contentEnd: contentEnd, doubled: doubled)
      {
        chunk.candidateLines.append(chunk.newlines)
        chunk.candidates.append(contentsOf: UnsafeBufferPointer(start: base + position, count: next - position))
      }
      chunk.rows += 1
      chunk.newlines += quotedNewlines + (next > contentEnd ? 1 : 0)
      position = next
    }
    chunk.end = origin + position
    return chunk
  }
}
