import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading ahead: a data point read in one pass, or a run of elements another stream read, skipped as reading
/// them would.
extension JSONStream {
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
        FastPath.hit(.jsonRepeatedLead)
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
          FastPath.hit(.jsonFlatObject)
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
            lineBreaks: lineBreaks - breaksBefore, lastLineStart: lineBreaks > breaksBefore ? lineStart - leadStart : -1
          )
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
        if kept > 0, p + 1 + kept < filled, buffer[p + 1 + kept] == UInt8(ascii: "\""),
          memcmp(buffer + p + 1, copy, kept) == 0
        {
          // The same long string as the last object's (no escape or line break in it, then).
          FastPath.hit(.jsonRepeatedValue)
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
  func meaning<Key: RawRepresentable>(ofMember index: Int, reader: Int, _ make: () -> Key) -> Key
  where Key.RawValue == Int {
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
}
