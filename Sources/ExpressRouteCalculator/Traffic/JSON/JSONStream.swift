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
  private let descriptor: Int32
  /// Whether ``buffer`` is the stream's own (else it is memory lent for the stream's life: never written or freed).
  private let ownsBuffer: Bool
  @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var filled = 0
  @exclusivity(unchecked) private var position = 0
  @exclusivity(unchecked) private var endOfInput = false
  /// For a stream over part of a file: the next offset to read with `pread`, and where the part ends (−1: the
  /// descriptor is read on from where it is).
  private var readOffset = 0
  private var readEnd = -1
  /// Whether the next read is the first after ``skipElements(count:to:nextIsElement:lineBreaks:endColumn:)`` left
  /// the block: it reads 64 KiB, not a whole block, as the reader may jump again at once.
  private var afterJump = false
  /// Bytes before `buffer[0]` (dropped with earlier blocks), for line tracking.
  @exclusivity(unchecked) private var lineStartOffset = 0
  @exclusivity(unchecked) private var dropped = 0
  /// The 1-based line and column of the current token's first byte.
  @exclusivity(unchecked) private(set) var line = 1
  /// The line `position` is on (the whitespace after a token may end lines before the token is reported).
  @exclusivity(unchecked) private var scanLine = 1
  @exclusivity(unchecked) private(set) var column = 1
  /// The input offset of the current token's first byte (the prefix counts as input).
  @exclusivity(unchecked) private(set) var tokenOffset = 0
  /// The current string, key or number text: a view into the block (or, for strings with
  /// escapes, into `decoded`), valid until the next token. No copy, no allocation.
  @exclusivity(unchecked) private(set) var textStart: UnsafePointer<UInt8>
  @exclusivity(unchecked) private(set) var textCount = 0
  /// Strings with escapes, decoded.
  @exclusivity(unchecked) private var decoded: [UInt8] = []
  /// The members of the object read ahead last, in raw storage (no reference counting per point).
  @exclusivity(unchecked) private var flatMembers = UnsafeMutablePointer<FlatMember>.allocate(capacity: flatCapacity)
  @exclusivity(unchecked) private var flatCount = 0
  /// The most members an object read ahead may have (data points have six).
  static let flatCapacity = 16
  /// Each member's lead in the last object read ahead (``FlatLead``).
  @exclusivity(unchecked) private var flatLeads: UnsafeMutablePointer<FlatLead> = {
    let leads = UnsafeMutablePointer<FlatLead>.allocate(capacity: flatCapacity)
    leads.initialize(repeating: FlatLead(), count: flatCapacity)
    return leads
  }()
  /// Each member's string value in the last object read ahead when it was long enough to be worth comparing before
  /// scanning (a resource ID): ``flatValueCapacity`` bytes per member, and how many are kept (0: none).
  @exclusivity(unchecked) private var flatValueBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: flatCapacity * flatValueCapacity)
  @exclusivity(unchecked) private var flatValueCounts: UnsafeMutablePointer<Int> = {
    let counts = UnsafeMutablePointer<Int>.allocate(capacity: flatCapacity)
    counts.initialize(repeating: 0, count: flatCapacity)
    return counts
  }()
  private static let flatValueCapacity = 256
  private static let flatValueMinimum = 32
  /// The last timestamp read, for ``timestamp``.
  @exclusivity(unchecked) private var timeMemo = Timestamp.HourMemo()

  /// The current text's bytes.
  var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: textStart, count: textCount) }
  /// Open containers, innermost last, in raw storage (no reference counting in the token loop).
  @exclusivity(unchecked) private var stackCount = 0
  @exclusivity(unchecked) private var stackCapacity = 64
  @exclusivity(unchecked) private var stackIsObject = UnsafeMutablePointer<Bool>.allocate(capacity: 64)
  @exclusivity(unchecked) private var stackIndex = UnsafeMutablePointer<Int>.allocate(capacity: 64)
  /// The current key of each open object, by depth, in fixed slots of ``keySlot`` bytes (longer
  /// keys are cut in messages): no allocation per key.
  @exclusivity(unchecked) private var keyBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 128)
  @exclusivity(unchecked) private var keyLengths = UnsafeMutablePointer<Int>.allocate(capacity: 64)
  private static let keyDepths = 64
  private static let keySlot = 128
  /// Whether a value is expected after a key (so the next token completes a member).
  @exclusivity(unchecked) private var afterKey = false
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
  private func rememberKey(depth: Int) {
    guard depth < Self.keyDepths else { return }
    let length = min(textCount, Self.keySlot)
    (keyBytes + depth * Self.keySlot).update(from: textStart, count: length)
    keyLengths[depth] = length
  }

  /// Makes at least `count` bytes from `position` available (fewer only at the end of the input).
  @inline(__always)
  private func ensure(_ count: Int) throws(Diagnostic) {
    if filled - position >= count || endOfInput { return }
    try refill(count)
  }

  /// Reads until `count` bytes from `position` are in the block (or the input ends), moving
  /// unread bytes to the front first. The current ``text``, when it is a view into the block,
  /// is kept and follows the move.
  private func refill(_ count: Int) throws(Diagnostic) {
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

  /// An error at the current token, with its path.
  func error(_ message: String) -> Diagnostic {
    let path = self.path
    return Diagnostic(.error, message, location: FileLocation(file: file, line: line, column: column), path: path.isEmpty ? nil : path)
  }

  /// An error at a remembered token position and path.
  func error(_ message: String, at mark: Mark) -> Diagnostic {
    Diagnostic(.error, message, location: FileLocation(file: file, line: mark.line, column: mark.column), path: mark.path.isEmpty ? nil : mark.path)
  }

  /// Where a token was, to report it later.
  struct Mark {
    var line: Int
    var column: Int
    var path: String
  }

  /// The current token's position and path (the path is built now: call it only when needed).
  var mark: Mark { Mark(line: line, column: column, path: path) }

  /// The JSON path of the current token (`value[0].timeseries[1].data[3].average`); empty at the root.
  var path: String { path(depth: stackCount) }

  /// The JSON path of the innermost open container itself (without the key or index inside it).
  var containerPath: String { path(depth: stackCount - 1) }

  private func path(depth: Int) -> String {
    var result: JSONPath = .root
    for level in 0..<max(depth, 0) {
      if stackIsObject[level] {
        let length = level < Self.keyDepths ? keyLengths[level] : 0
        if length > 0 {
          result = .member(result, String(decoding: UnsafeBufferPointer(start: keyBytes + level * Self.keySlot, count: length), as: UTF8.self))
        }
      } else {
        result = .element(result, stackIndex[level])
      }
    }
    return result.description
  }

  /// Whether the current ``text`` equals `name` (ASCII, exact).
  @inline(__always)
  func textIs(_ name: StaticString) -> Bool {
    name.withUTF8Buffer { expected in
      guard textCount == expected.count, let wanted = expected.baseAddress else { return textCount == expected.count }
      return memcmp(textStart, wanted, textCount) == 0
    }
  }

  /// Whether the current ``text`` equals `name` ignoring ASCII case (`name` in lower case).
  @inline(__always)
  func textIs(lowercased name: StaticString) -> Bool {
    name.withUTF8Buffer { expected in
      guard textCount == expected.count else { return false }
      for index in 0..<expected.count {
        // Letters compare in lower case; other bytes (`_`) as they are.
        let byte = textStart[index]
        if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != expected[index] { return false }
      }
      return true
    }
  }

  /// The index of the array that holds the current object (for a message about the object once it is closed).
  var elementIndex: Int? {
    guard stackCount >= 2, !stackIsObject[stackCount - 2] else { return nil }
    return stackIndex[stackCount - 2]
  }

  /// The current ``text`` as a string.
  var string: String { String(decoding: text, as: UTF8.self) }

  /// Points ``text`` at `count` bytes of the block from `start`.
  @inline(__always)
  private func setText(_ start: Int, _ count: Int) {
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
      guard byte == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found '\(Character(UnicodeScalar(byte)))'") }
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

  /// One member of an object read ahead by ``peekFlatObject(_:)``: its key and value as places in the block.
  struct FlatMember {
    var keyStart: Int
    var keyCount: Int
    var valueStart: Int
    var valueCount: Int
    /// `.string`, `.number`, `.null` or `.bool`.
    var kind: Token
    /// What a reader made of the same key in an object before (``meaning(ofMember:reader:_:)``), −1 if unknown.
    var meaning: Int
  }

  /// Where a peeked object ends: the position after its `}`, and the line breaks inside it.
  struct FlatEnd {
    var position: Int
    var lineBreaks: Int
    /// The position after the last line break inside, or −1.
    var lineStart: Int
  }

  /// Reads ahead through the object whose `{` was just read, when all of it is in the block and every member is a
  /// plainly written scalar (keys and strings without escapes or line breaks; numbers, `true`, `false`, `null`).
  /// Keeps its members (at most ``flatCapacity``) and returns where the object ends; returns `nil` otherwise. Nothing is consumed: the caller
  /// checks the members, then moves on with ``commitFlatObject(_:)``, or reads the object token by token as usual
  /// (which reports any error exactly as before). Data points are such objects, about 14 tokens each.
  ///
  /// Objects in a row usually repeat their keys and spacing, and some values (a record's resource ID): each member's
  /// lead (``FlatLead``) and long string value are kept and compared with the next object's first, and only what
  /// differs is scanned.
  func peekFlatObject() -> FlatEnd? {
    flatCount = 0
    // Local copies: stores through the member pointers would otherwise make the compiler reload every property.
    let buffer = self.buffer
    let filled = self.filled
    let flatMembers = self.flatMembers
    let flatLeads = self.flatLeads
    let flatValueBytes = self.flatValueBytes
    let flatValueCounts = self.flatValueCounts
    var count = 0
    var p = position
    var lineBreaks = 0
    var lineStart = -1
    @inline(__always) func skipBlanks() -> Bool {
      while p < filled {
        p = Self.spacesEnd(from: p, in: buffer, filled: filled)
        guard p < filled else { return false }
        switch buffer[p] {
        case 0x20, 0x09, 0x0D: p += 1
        case 0x0A:
          p += 1
          lineBreaks += 1
          lineStart = p
        default: return true
        }
      }
      return false
    }
    while true {
      let index = count
      let keyStart: Int
      let keyCount: Int
      let lead = flatLeads + min(index, Self.flatCapacity - 1)
      if index < Self.flatCapacity, p + FlatLead.capacity <= filled, lead.pointee.begins(buffer + p) {
        // The same key and spacing as the last object's member here.
        FastPath.record(.jsonRepeatedLead)
        keyStart = p + lead.pointee.keyOffset
        keyCount = lead.pointee.keyCount
        if lead.pointee.lineBreaks > 0 {
          lineBreaks += lead.pointee.lineBreaks
          lineStart = p + lead.pointee.lastLineStart
        }
        p += lead.pointee.count
        guard p < filled else { return nil }
        if buffer[p] <= 0x20 { guard skipBlanks() else { return nil } }
      } else {
        let leadStart = p
        let breaksBefore = lineBreaks
        guard skipBlanks() else { return nil }
        if buffer[p] == UInt8(ascii: "}") {
          FastPath.record(.jsonFlatObject)
          flatCount = count
          return FlatEnd(position: p + 1, lineBreaks: lineBreaks, lineStart: lineStart)
        }
        if index > 0 {
          guard buffer[p] == UInt8(ascii: ",") else { return nil }
          p += 1
          guard skipBlanks() else { return nil }
        }
        guard buffer[p] == UInt8(ascii: "\""), index < Self.flatCapacity else { return nil }
        let keyEnd = Self.plainStringEnd(from: p, in: buffer, filled: filled)
        guard keyEnd >= 0 else { return nil }
        keyStart = p + 1
        keyCount = keyEnd - keyStart
        p = keyEnd + 1
        guard skipBlanks(), buffer[p] == UInt8(ascii: ":") else { return nil }
        p += 1
        guard skipBlanks() else { return nil }
        let leadCount = p - leadStart
        lead.pointee =
          leadCount <= FlatLead.capacity && leadStart + FlatLead.capacity <= filled
          ? FlatLead(
            bytes: buffer + leadStart, count: leadCount, keyOffset: keyStart - leadStart, keyCount: keyCount,
            lineBreaks: lineBreaks - breaksBefore, lastLineStart: lineBreaks > breaksBefore ? lineStart - leadStart : -1)
          : FlatLead()
      }
      // The value's text (a string's without its quotes), its kind, and where it ends.
      var valueStart = p
      let valueEnd: Int
      let kind: Token
      switch buffer[p] {
      case UInt8(ascii: "\""):
        let kept = flatValueCounts[index]
        let copy = flatValueBytes + index * Self.flatValueCapacity
        if kept > 0, p + 1 + kept < filled, buffer[p + 1 + kept] == UInt8(ascii: "\""), memcmp(buffer + p + 1, copy, kept) == 0 {
          // The same long string as the last object's (no escape or line break in it, then).
          FastPath.record(.jsonRepeatedValue)
          valueEnd = p + 1 + kept
        } else {
          valueEnd = Self.plainStringEnd(from: p, in: buffer, filled: filled)
          guard valueEnd >= 0 else { return nil }
          let length = valueEnd - p - 1
          if length >= Self.flatValueMinimum && length <= Self.flatValueCapacity {
            copy.update(from: buffer + p + 1, count: length)
            flatValueCounts[index] = length
          } else {
            flatValueCounts[index] = 0
          }
        }
        valueStart = p + 1
        kind = .string
        p = valueEnd + 1
      case UInt8(ascii: "-"), 0x30...0x39:
        valueEnd = Self.numberEnd(from: p, in: buffer, filled: filled)
        guard valueEnd < filled else { return nil }  // the number may go on in the next block
        kind = .number
        p = valueEnd
      default:
        if matches("null", at: p) {
          (kind, valueEnd) = (.null, p + 4)
        } else if matches("true", at: p) {
          (kind, valueEnd) = (.bool(true), p + 4)
        } else if matches("false", at: p) {
          (kind, valueEnd) = (.bool(false), p + 5)
        } else {
          return nil
        }
        p = valueEnd
      }
      flatMembers[index] = FlatMember(
        keyStart: keyStart, keyCount: keyCount, valueStart: valueStart, valueCount: valueEnd - valueStart, kind: kind,
        meaning: lead.pointee.meaning)
      count = index + 1
    }
  }

  /// What member `index`'s key (of the last object read ahead) means to the reader tagged `reader` (≥ 1): kept with
  /// the member's lead when an object before had the same lead, else `make`'s reading of the key's text (in
  /// ``text``), which is then kept. Readers tag what they keep, so none takes another's meaning for its own.
  func meaning<Key: RawRepresentable>(ofMember index: Int, reader: Int, _ make: () -> Key) -> Key where Key.RawValue == Int {
    let member = flatMembers[index]
    if member.meaning >> 8 == reader, let known = Key(rawValue: member.meaning & 0xFF) { return known }
    focus(key: member)
    let key = make()
    if flatLeads[index].count > 0 { flatLeads[index].meaning = reader << 8 | key.rawValue }
    return key
  }

  /// How many members the last ``peekFlatObject()`` read.
  var flatMemberCount: Int { flatCount }

  /// The `index`th member the last ``peekFlatObject()`` read.
  func flatMember(_ index: Int) -> FlatMember { flatMembers[index] }

  /// Points ``text`` at a peeked member's key.
  func focus(key member: FlatMember) { setText(member.keyStart, member.keyCount) }

  /// Points ``text`` at a peeked member's value.
  func focus(value member: FlatMember) { setText(member.valueStart, member.valueCount) }

  /// Moves past a peeked object as reading it token by token would: its members, its `}`, then what follows.
  func commitFlatObject(_ end: FlatEnd) throws(Diagnostic) {
    position = end.position
    scanLine += end.lineBreaks
    if end.lineStart >= 0 { lineStartOffset = end.lineStart }
    afterKey = false
    stackCount -= 1
    try afterValue()
  }

  /// Moves past elements of the current array that another stream read from the same bytes, as reading them here
  /// would. The object whose `{` was just read is the first of `count` elements; `end` is the input offset of the
  /// token after the last one: the next element (its comma read) when `nextIsElement`, else the array's `]`.
  /// `lineBreaks` are the line feeds from the `{` to `end`, and `endColumn` is the column of `end`. A jump past the
  /// block drops it and reads on from `end` (the descriptor is read from where it is: it must be seekable).
  func skipElements(count: Int, to end: Int, nextIsElement: Bool, lineBreaks: Int, endColumn: Int) throws(Diagnostic) {
    stackCount -= 1
    afterKey = false
    stackIndex[stackCount - 1] += count - 1 + (nextIsElement ? 1 : 0)
    scanLine += lineBreaks
    textStart = UnsafePointer(buffer)
    textCount = 0
    if end - dropped <= filled {
      position = end - dropped
    } else {
      let skipped = end - (dropped + filled)
      if readEnd >= 0 {
        readOffset += skipped
      } else if lseek(descriptor, off_t(skipped), SEEK_CUR) < 0 {
        throw Diagnostic(.error, "cannot read the file (\(String(cString: strerror(errno))))", file: file)
      }
      lineStartOffset -= end - dropped
      dropped = end
      filled = 0
      position = 0
      endOfInput = false
      afterJump = true
    }
    if lineBreaks > 0 { lineStartOffset = position - (endColumn - 1) }
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

  private var stackDescription: String { stackCount > 0 && stackIsObject[stackCount - 1] ? "an object" : "an array" }

  @inline(__always)
  private func push(isObject: Bool) throws(Diagnostic) {
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

  private func matches(_ word: StaticString) -> Bool { matches(word, at: position) }

  private func matches(_ word: StaticString, at start: Int) -> Bool {
    word.withUTF8Buffer { bytes in
      guard let expected = bytes.baseAddress else { return true }
      return filled - start >= bytes.count && memcmp(buffer + start, expected, bytes.count) == 0
    }
  }

  /// After a value: in an array, the next element's index; then ',' or the closing bracket.
  private func afterValue() throws(Diagnostic) {
    try skipSpace()
    guard position < filled else { return }
    let byte = buffer[position]
    guard stackCount > 0 else { return }
    let isObject = stackIsObject[stackCount - 1]
    if byte == UInt8(ascii: ",") {
      position += 1
      if !isObject { stackIndex[stackCount - 1] += 1 }
      try skipSpace()
      return
    }
    if (isObject && byte == UInt8(ascii: "}")) || (!isObject && byte == UInt8(ascii: "]")) { return }
    line = scanLine
    column = position - lineStartOffset + 1
    throw error("expected ',' or the end of \(stackDescription), found '\(Character(UnicodeScalar(byte)))'")
  }

  @inline(__always)
  private func skipSpace() throws(Diagnostic) {
    while true {
      while position < filled {
        // Indentation: eight spaces at a time.
        position = spacesEnd(from: position)
        guard position < filled else { break }
        let byte = buffer[position]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D {
          position += 1
        } else if byte == 0x0A {
          position += 1
          scanLine += 1
          lineStartOffset = position
        } else if byte == 0xEF && position + dropped == 0 {
          position += 3  // a byte-order mark
        } else {
          return
        }
      }
      if endOfInput { return }
      try refill(1 << 16)
      if position >= filled && endOfInput { return }
    }
  }

  /// The closing quote of the string whose opening quote is at `quote`, when it is in the block and nothing before
  /// it needs decoding (no backslash, no line break); −1 otherwise. One pass, eight bytes at a time, finds the first
  /// quote, backslash or line break; only a quote ends the string here.
  @inline(__always)
  private func plainStringEnd(from quote: Int) -> Int { Self.plainStringEnd(from: quote, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  private static func plainStringEnd(from quote: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var scan = quote + 1
    while scan < filled {
      if scan + 8 <= filled {
        let word = ByteScanning.word(at: buffer + scan)
        let stops = ByteScanning.firstMatches(word, 0x22, 0x5C, 0x0A)
        if stops == 0 {
          scan += 8
          continue
        }
        scan += stops.trailingZeroBitCount >> 3
      } else if buffer[scan] != 0x22 && buffer[scan] != 0x5C && buffer[scan] != 0x0A {
        scan += 1
        continue
      }
      return buffer[scan] == 0x22 ? scan : -1
    }
    return -1
  }

  /// The first position at or after `start` that is not a space in a run of spaces read eight at a time (the
  /// indentation of pretty-printed JSON); the byte there may still be other whitespace.
  @inline(__always)
  private func spacesEnd(from start: Int) -> Int { Self.spacesEnd(from: start, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  private static func spacesEnd(from start: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var p = start
    // Most gaps are empty or one space (`": "`): two bytes are looked at first, words only for indentation.
    guard p < filled, buffer[p] == 0x20 else { return p }
    p += 1
    guard p < filled, buffer[p] == 0x20 else { return p }
    while p + 8 <= filled {
      let spaces = ByteScanning.matches(ByteScanning.word(at: buffer + p), 0x20)
      if spaces != 0x8080_8080_8080_8080 { return p + (~spaces & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3 }
      p += 8
    }
    return p
  }

  /// Reads a string at `position` (on its opening quote) into ``text``, decoding escapes.
  ///
  /// Offsets are kept relative to `position`, which a refill may move.
  private func readString() throws(Diagnostic) {
    // Fast path: the closing quote is in the buffer and nothing before it needs decoding.
    let end = plainStringEnd(from: position)
    if end >= 0 {
      FastPath.record(.jsonPlainString)
      setText(position + 1, end - position - 1)
      position = end + 1
      return
    }
    decoded.removeAll(keepingCapacity: true)
    var start = 1
    var cursor = 1
    while true {
      if position + cursor + 6 > filled && !endOfInput {
        try refill(cursor + (1 << 16))
      }
      guard position + cursor < filled else { throw error("the string does not end (expected a closing '\"')") }
      let byte = buffer[position + cursor]
      if byte == UInt8(ascii: "\"") {
        decoded.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        position += cursor + 1
        decoded.withUnsafeBufferPointer { bytes in
          // `decoded` keeps its storage until the next string with escapes.
          textStart = bytes.baseAddress ?? UnsafePointer(buffer)
          textCount = bytes.count
        }
        return
      }
      if byte == UInt8(ascii: "\\") {
        decoded.append(contentsOf: UnsafeBufferPointer(start: buffer + position + start, count: cursor - start))
        guard position + cursor + 1 < filled else { throw error("the string does not end (expected a closing '\"')") }
        let escaped = buffer[position + cursor + 1]
        switch escaped {
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "u"):
          guard position + cursor + 6 <= filled else { throw error("the string does not end (expected a closing '\"')") }
          let hex = String(decoding: UnsafeBufferPointer(start: buffer + position + cursor + 2, count: 4), as: UTF8.self)
          guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw error("'\\u\(hex)' is not a character escape (expected four hex digits)")
          }
          decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
          cursor += 4
        default: decoded.append(escaped)
        }
        cursor += 2
        start = cursor
        continue
      }
      if byte == 0x0A { throw error("a line break inside a string (expected '\\n')") }
      cursor += 1
    }
  }

  private func readNumber() throws(Diagnostic) {
    try ensure(64)
    let end = numberEnd(from: position)
    setText(position, end - position)
    position = end
  }

  /// The end of the run of number characters (digits, signs, `.`, `e`, `E`) from `start`, or `filled`; whether they
  /// make a number is judged where the number is used.
  @inline(__always)
  private func numberEnd(from start: Int) -> Int { Self.numberEnd(from: start, in: buffer, filled: filled) }

  /// The same on `buffer[0..<filled]` (a caller's copies: the compiler keeps them in registers).
  @inline(__always)
  private static func numberEnd(from start: Int, in buffer: UnsafeMutablePointer<UInt8>, filled: Int) -> Int {
    var cursor = start
    // Digits eight at a time; a sign, point or exponent letter is stepped over and the words go on after it.
    while cursor + 8 <= filled {
      let digits = ByteScanning.leadingDigits(ByteScanning.word(at: buffer + cursor))
      if digits == 8 {
        cursor += 8
        continue
      }
      let stop = cursor + digits
      let byte = buffer[stop]
      guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte | 0x20 == UInt8(ascii: "e")
      else { return stop }
      cursor = stop + 1
    }
    while cursor < filled {
      let byte = buffer[cursor]
      guard
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
          || byte | 0x20 == UInt8(ascii: "e")
      else { break }
      cursor += 1
    }
    return cursor
  }

  /// The current ``text`` as a number (parsed like the CSV reader's rates), `nil` when it is not one.
  var number: Double? {
    CSVNumber.parse(textStart, 0, textCount)
  }

  /// The current ``text`` as a timestamp (a series' next timestamp in the same hour is read from its minutes and
  /// seconds).
  var timestamp: Int64? {
    timeMemo.parse(text)
  }
}
