import ExpressRouteCore
import Foundation

/// The bytes before one member's value in an object read ahead (its "lead"): the `,` after the previous value, the
/// key, the `:` and the blanks around them, at most ``capacity`` bytes.
///
/// Exports write every record with the same keys in the same order and spacing, so the next object's member at the
/// same place usually has the same lead: comparing 32 bytes in four words replaces finding the comma, the key's
/// closing quote and the colon one by one, and tells the reader the key's meaning without matching its text.
struct FlatLead {
  /// The longest lead kept, in bytes (a key of up to about 20 bytes with indentation; a diagnostic-settings key with
  /// its `, "` and `": `).
  static let capacity = 32

  /// The lead's length in bytes; 0 when none is kept.
  private(set) var count = 0
  /// Where the key's text starts, from the lead's first byte, and its length.
  private(set) var keyOffset = 0
  private(set) var keyCount = 0
  /// Line breaks in the lead, and where the line after the last one starts (from the lead's first byte; −1: none).
  private(set) var lineBreaks = 0
  private(set) var lastLineStart = -1
  /// What a reader made of the key (``JSONStream/meaning(ofMember:reader:_:)``), −1 until one says.
  var meaning = -1
  /// The lead's bytes and which bytes of each word belong to it.
  private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var masks: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  /// No lead kept.
  init() {}

  /// The `count` bytes at `bytes` (``capacity`` bytes readable there), whose key starts `keyOffset` bytes in.
  init(bytes: UnsafePointer<UInt8>, count: Int, keyOffset: Int, keyCount: Int, lineBreaks: Int, lastLineStart: Int) {
    precondition(count > 0 && count <= Self.capacity)
    masks = (
      ByteScanning.lowBytes(count), ByteScanning.lowBytes(count - 8), ByteScanning.lowBytes(count - 16),
      ByteScanning.lowBytes(count - 24)
    )
    words = (
      ByteScanning.word(at: bytes) & masks.0, ByteScanning.word(at: bytes + 8) & masks.1,
      ByteScanning.word(at: bytes + 16) & masks.2, ByteScanning.word(at: bytes + 24) & masks.3
    )
    self.count = count
    self.keyOffset = keyOffset
    self.keyCount = keyCount
    self.lineBreaks = lineBreaks
    self.lastLineStart = lastLineStart
  }

  /// Whether the bytes at `bytes` (``capacity`` bytes readable there) begin with this lead; never for none.
  @inline(__always)
  func begins(_ bytes: UnsafePointer<UInt8>) -> Bool {
    let difference =
      ((ByteScanning.word(at: bytes) & masks.0) ^ words.0) | ((ByteScanning.word(at: bytes + 8) & masks.1) ^ words.1)
      | ((ByteScanning.word(at: bytes + 16) & masks.2) ^ words.2)
      | ((ByteScanning.word(at: bytes + 24) & masks.3) ^ words.3)
    return difference == 0 && count > 0
  }
}
