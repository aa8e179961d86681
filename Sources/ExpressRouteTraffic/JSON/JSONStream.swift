import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A pull tokenizer for large JSON documents (and JSON lines) read in blocks from a file descriptor.
///
/// Memory is one block plus the path of open containers, however large the
/// document: values are handed out one token at a time and never kept. Every
/// token knows its line, column and JSON path, so errors read as
/// `file:line:column: error: value[0].timeseries[0].data[3].average: …`.
/// Several top-level values in a row (JSON lines) are read one after another.
///
/// Its state is internal only so that its extensions (`JSONStream+ReadAhead.swift`, `+Bytes`, `+Messages`) reach
/// it; nothing else writes it.
final class JSONStream {
  /// One token.
  enum Token: Equatable {
    case objectStart, objectEnd, arrayStart, arrayEnd
    /// An object key; its text is ``text``.
    case key
    /// A string value; its text is ``text``.
    case string
    /// A number; its source text is ``text``.
    case number
    case bool(Bool)
    case null
    /// The end of the input.
    case end
  }

  let file: String
  /// The most bytes the stream holds at once (one value, key or run of whitespace without an end: `--max-input-size`);
  /// more is an error naming the limit, so an endless token or line never fills memory.
  var limit = TrafficIngest.Options.defaultInputLimit
  /// The deepest nesting read, as for JSON documents.
  static let maximumDepth = 512
  let descriptor: Int32
  /// Whether ``buffer`` is the stream's own (else it is memory lent for the stream's life: never written or freed).
  let ownsBuffer: Bool
  @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) var capacity: Int
  @exclusivity(unchecked) var filled = 0
  @exclusivity(unchecked) var position = 0
  @exclusivity(unchecked) var endOfInput = false
  /// For a stream over part of a file: the next offset to read with `pread`, and where the part ends (−1: the
  /// descriptor is read on from where it is).
  var readOffset = 0
  var readEnd = -1
  /// Whether the next read is the first after ``skipElements(count:to:nextIsElement:lineBreaks:endColumn:)`` left
  /// the block: it reads 64 KiB, not a whole block, as the reader may jump again at once.
  var afterJump = false
  /// Bytes before `buffer[0]` (dropped with earlier blocks), for line tracking.
  @exclusivity(unchecked) var lineStartOffset = 0
  @exclusivity(unchecked) var dropped = 0
  /// The 1-based line and column of the current token's first byte.
  @exclusivity(unchecked) var line = 1
  /// The line `position` is on (the whitespace after a token may end lines before the token is reported).
  @exclusivity(unchecked) var scanLine = 1
  @exclusivity(unchecked) var column = 1
  /// The input offset of the current token's first byte (the prefix counts as input).
  @exclusivity(unchecked) private(set) var tokenOffset = 0
  /// The current string, key or number text: a view into the block (or, for strings with
  /// escapes, into `decoded`), valid until the next token. No copy, no allocation.
  @exclusivity(unchecked) var textStart: UnsafePointer<UInt8>
  @exclusivity(unchecked) var textCount = 0
  /// Strings with escapes, decoded.
  @exclusivity(unchecked) var decoded: [UInt8] = []
  /// The members of the object read ahead last, in raw storage (no reference counting per point).
  @exclusivity(unchecked) var flatMembers = UnsafeMutablePointer<FlatMember>.allocate(capacity: flatCapacity)
  @exclusivity(unchecked) var flatCount = 0
  /// The most members an object read ahead may have (data points have six).
  static let flatCapacity = 16
  /// Each member's lead in the last object read ahead (``FlatLead``).
  @exclusivity(unchecked) var flatLeads: UnsafeMutablePointer<FlatLead> = {
    let leads = UnsafeMutablePointer<FlatLead>.allocate(capacity: flatCapacity)
    leads.initialize(repeating: FlatLead(), count: flatCapacity)
    return leads
  }()
  /// Each member's string value in the last object read ahead when it was long enough to be worth comparing before
  /// scanning (a resource ID): ``flatValueCapacity`` bytes per member, and how many are kept (0: none).
  @exclusivity(unchecked) var flatValueBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: flatCapacity * flatValueCapacity)
  @exclusivity(unchecked) var flatValueCounts: UnsafeMutablePointer<Int> = {
    let counts = UnsafeMutablePointer<Int>.allocate(capacity: flatCapacity)
    counts.initialize(repeating: 0, count: flatCapacity)
    return counts
  }()
  static let flatValueCapacity = 256
  static let flatValueMinimum = 32
  /// The last timestamp read, for ``timestamp``.
  @exclusivity(unchecked) var timeMemo = Timestamp.HourMemo()

  /// The current text's bytes.
  var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: textStart, count: textCount) }
  /// Open containers, innermost last, in raw storage (no reference counting in the token loop).
  @exclusivity(unchecked) var stackCount = 0
  @exclusivity(unchecked) var stackCapacity = 64
  @exclusivity(unchecked) var stackIsObject = UnsafeMutablePointer<Bool>.allocate(capacity: 64)
  @exclusivity(unchecked) var stackIndex = UnsafeMutablePointer<Int>.allocate(capacity: 64)
  /// The current key of each open object, by depth, in fixed slots of ``keySlot`` bytes (longer
  /// keys are cut in messages): no allocation per key.
  @exclusivity(unchecked) var keyBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 128)
  @exclusivity(unchecked) var keyLengths = UnsafeMutablePointer<Int>.allocate(capacity: 64)
  static let keyDepths = 64
  static let keySlot = 128
  /// Whether a value is expected after a key (so the next token completes a member).
  @exclusivity(unchecked) var afterKey = false
  /// Total bytes consumed, for progress.
  var consumed: Int { dropped + position }
  /// Line feeds consumed (every one in the input once it has ended: they only occur between tokens).
  var lineFeedsRead: Int { scanLine - 1 }

  /// A stream over `descriptor`, starting with `prefix` (bytes already read from it); a negative
  /// descriptor reads `prefix` alone.
  convenience init(descriptor: Int32, file: String, prefix: [UInt8] = [], blockSize: Int = 1 << 20) {
    let capacity = max(blockSize, prefix.count * 2, 16)
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    prefix.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { block.initialize(from: base, count: prefix.count) }
    }
    self.init(descriptor: descriptor, file: file, adopting: block, capacity: capacity, filled: prefix.count)
  }

  /// A stream over the `filled` bytes already read into `block` (allocated with `capacity` ≥ 1; the stream owns and
  /// frees it from now on), then `descriptor` (negative: nothing more). A small file read whole is parsed where
  /// it was read, without a copy.
  init(descriptor: Int32, file: String, adopting block: UnsafeMutablePointer<UInt8>, capacity: Int, filled: Int) {
    self.descriptor = descriptor
    self.file = file
    ownsBuffer = true
    self.capacity = capacity
    buffer = block
    textStart = UnsafePointer(block)
    self.filled = filled
  }

  /// A stream over the bytes `range` of the file open at `descriptor`, read with `pread` (so several streams may
  /// share the descriptor: the pieces of one file read on several cores).
  convenience init(descriptor: Int32, file: String, range: Range<Int>, blockSize: Int = 1 << 20) {
    self.init(descriptor: descriptor, file: file, blockSize: blockSize)
    readOffset = range.lowerBound
    readEnd = range.upperBound
  }

  /// A stream over the `count` bytes at `bytes`, memory the caller keeps unchanged while the stream lives (a mapping
  /// of the file): nothing is copied, read or written. Offsets count from `bytes`.
  init(file: String, borrowing bytes: UnsafePointer<UInt8>, count: Int) {
    descriptor = -1
    self.file = file
    ownsBuffer = false
    // Never written: with the whole input present from the start, the stream never refills (which moves bytes).
    buffer = UnsafeMutablePointer(mutating: bytes)
    capacity = count
    filled = count
    endOfInput = true
    textStart = bytes
  }

  /// Reads on as inside an array whose `[` came before the input (a run of elements read on their own).
  func enterArray() throws(Diagnostic) {
    try push(isObject: false)
  }

  deinit {
    if ownsBuffer { buffer.deallocate() }
    keyBytes.deallocate()
    keyLengths.deallocate()
    stackIsObject.deallocate()
    stackIndex.deallocate()
    flatMembers.deallocate()
    flatLeads.deinitialize(count: Self.flatCapacity)
    flatLeads.deallocate()
    flatValueBytes.deallocate()
    flatValueCounts.deallocate()
  }

  @inline(__always)
  func rememberKey(depth: Int) {
    guard depth < Self.keyDepths else { return }
    let length = min(textCount, Self.keySlot)
    (keyBytes + depth * Self.keySlot).update(from: textStart, count: length)
    keyLengths[depth] = length
  }

  /// Makes at least `count` bytes from `position` available (fewer only at the end of the input).
  @inline(__always)
  func ensure(_ count: Int) throws(Diagnostic) {
    if filled - position >= count || endOfInput { return }
    try refill(count)
  }

  /// Reads until `count` bytes from `position` are in the block (or the input ends), moving
  /// unread bytes to the front first. The current ``text``, when it is a view into the block,
  /// is kept and follows the move.
  func refill(_ count: Int) throws(Diagnostic) {
    let base = UnsafePointer(buffer)
    let textInBlock = textStart >= base && textStart < base + capacity
    let keepFrom = min(position, textInBlock ? textStart - base : position)
    if keepFrom > 0 {
      if filled > keepFrom { memmove(buffer, buffer + keepFrom, filled - keepFrom) }
      dropped += keepFrom
      lineStartOffset -= keepFrom
      filled -= keepFrom
      position -= keepFrom
      if textInBlock { textStart -= keepFrom }
    }
    if descriptor < 0 { endOfInput = true }
    while filled - position < count && !endOfInput {
      if filled == capacity {
        // Every byte held belongs to one unfinished token: grow, up to the limit (checked here, once per block).
        guard capacity < limit else {
          throw Diagnostic(
            .error,
            "more than \(TrafficIngest.describe(bytes: limit)) without the end of a value or line (the limit for one JSON document or line)",
            location: FileLocation(file: file, line: line, column: column), remedy: .largerInputLimit)
        }
        let offset = textStart - UnsafePointer(buffer)
        let grownCapacity = min(capacity * 2, max(limit, capacity + 1))
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: grownCapacity)
        grown.moveInitialize(from: buffer, count: filled)
        buffer.deallocate()
        buffer = grown
        capacity = grownCapacity
        if textInBlock { textStart = UnsafePointer(buffer) + offset }
      }
      let room = afterJump ? min(capacity - filled, max(count, 1 << 16)) : capacity - filled
      afterJump = false
      let got =
        readEnd >= 0
        ? pread(descriptor, buffer + filled, min(room, readEnd - readOffset), off_t(readOffset))
        : Glibc.read(descriptor, buffer + filled, room)
      if got > 0 && readEnd >= 0 { readOffset += got }
      if got < 0 {
        if errno == EINTR { continue }
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      if got == 0 { endOfInput = true } else { filled += got }
    }
  }

  /// Points ``text`` at `count` bytes of the block from `start`.
  @inline(__always)
  func setText(_ start: Int, _ count: Int) {
    textStart = UnsafePointer(buffer + start)
    textCount = count
  }

  /// Reads the next token.
  func next() throws(Diagnostic) -> Token {
    try skipSpace()
    line = scanLine
    // Also at the end: an error there points at the end, not at the last token read (which a read-ahead skipped).
    column = position - lineStartOffset + 1
    guard position < filled else {
      if stackCount > 0 { throw error("the document ends inside \(stackDescription) (expected the rest of the JSON)") }
      return .end
    }
    tokenOffset = dropped &+ position
    let byte = buffer[position]
    // A value (not a key) in an array advances its index.
    switch byte {
    case UInt8(ascii: "}"):
      guard stackCount > 0, stackIsObject[stackCount - 1], !afterKey else { throw error("unexpected '}'") }
      position += 1
      stackCount -= 1
      try afterValue()
      return .objectEnd
    case UInt8(ascii: "]"):
      guard stackCount > 0, !stackIsObject[stackCount - 1] else { throw error("unexpected ']'") }
      position += 1
      stackCount -= 1
      try afterValue()
      return .arrayEnd
    default:
      break
    }
    if stackCount > 0, stackIsObject[stackCount - 1], !afterKey {
      // A key, then ':'.
      guard byte == UInt8(ascii: "\"") else {
        throw error("expected a key in double quotes, found '\(Character(UnicodeScalar(byte)))'")
      }
      try readString()
      rememberKey(depth: stackCount - 1)
      try skipSpace()
      guard position < filled, buffer[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
      position += 1
      afterKey = true
      return .key
    }
    afterKey = false
    switch byte {
    case UInt8(ascii: "{"):
      position += 1
      try push(isObject: true)
      return .objectStart
    case UInt8(ascii: "["):
      position += 1
      try push(isObject: false)
      try skipSpace()
      return .arrayStart
    case UInt8(ascii: "\""):
      try readString()
      try afterValue()
      return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      try ensure(5)
      let word: Token
      if matches("true") {
        position += 4
        word = .bool(true)
      } else if matches("false") {
        position += 5
        word = .bool(false)
      } else if matches("null") {
        position += 4
        word = .null
      } else {
        throw error("expected a JSON value, found '\(Character(UnicodeScalar(byte)))'")
      }
      try afterValue()
      return word
    default:
      guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
        throw error("expected a JSON value, found '\(Character(UnicodeScalar(byte)))'")
      }
      try readNumber()
      try afterValue()
      return .number
    }
  }

  /// Reads the next key of the current object (its text in ``text``); `false` at the object's end.
  func nextKey() throws(Diagnostic) -> Bool {
    let token = try next()
    if token == .objectEnd { return false }
    guard token == .key else { throw error("expected a key") }
    return true
  }

  /// Skips the value that starts with `token` (already read), including everything inside it.
  func skip(_ token: Token) throws(Diagnostic) {
    guard token == .objectStart || token == .arrayStart else { return }
    let target = stackCount - 1
    while stackCount > target {
      if try next() == .end { return }
    }
  }

  var stackDescription: String { stackCount > 0 && stackIsObject[stackCount - 1] ? "an object" : "an array" }

  @inline(__always)
  func push(isObject: Bool) throws(Diagnostic) {
    if stackCount == stackCapacity {
      guard stackCapacity < Self.maximumDepth else {
        throw Diagnostic(
          .error, "invalid JSON: nesting deeper than \(Self.maximumDepth) levels (the limit for JSON documents)",
          location: FileLocation(file: file, line: line, column: column))
      }
      let objects = UnsafeMutablePointer<Bool>.allocate(capacity: stackCapacity * 2)
      objects.moveInitialize(from: stackIsObject, count: stackCount)
      stackIsObject.deallocate()
      stackIsObject = objects
      let indexes = UnsafeMutablePointer<Int>.allocate(capacity: stackCapacity * 2)
      indexes.moveInitialize(from: stackIndex, count: stackCount)
      stackIndex.deallocate()
      stackIndex = indexes
      stackCapacity *= 2
    }
    stackIsObject[stackCount] = isObject
    stackIndex[stackCount] = 0
    if stackCount < Self.keyDepths { keyLengths[stackCount] = 0 }
    stackCount += 1
  }
}
