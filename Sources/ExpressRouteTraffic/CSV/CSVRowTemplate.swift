import ExpressRouteCore

/// A row's leading fields (its timestamp, and its circuit in `Time, Circuit, …` files) held as words, against which
/// the next rows of the same circuit and hour are checked in one pass: one circuit's series in turn repeat them but
/// for the minute (bytes 14–15 of a `YYYY-MM-DDTHH:MM:SS…` timestamp).
///
/// A row that matches costs five masked word comparisons and the minute's two digits, instead of the timestamp's
/// and the name's own checks. Its timestamp is the template row's less that row's minutes plus its own: the same
/// value ``Timestamp/parse(_:)`` gives, since every other byte of the field (date, hour, seconds, fraction, offset)
/// is the template row's. (The template is the timestamp memo of this one loop: ``Timestamp/HourMemo`` compares a
/// field alone, the template the whole lead, seconds included, so it reads only the minute.)
struct CSVRowTemplate {
  /// The longest run of leading bytes a template holds (five words).
  static let longest = 40

  /// How many leading bytes of a row the template holds (timestamp, comma, and name and comma); 0 when it holds none.
  private(set) var length = 0
  /// The template row's timestamp less its minutes (seconds since 1970).
  private var hourAndSeconds: Int64 = 0
  /// The template row's words at bytes 0, 8, 16, 24 and 32, each masked to the bytes compared (the minute's two
  /// bytes and anything past `length` left out).
  private var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
  private var masks: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)

  /// Holds the `length` leading bytes of the row at `row`, whose timestamp (laid out `YYYY-MM-DDTHH:MM:SS…`, the
  /// first field) is `timestamp`; holds nothing when `length` is outside 19 ... ``longest`` or the minute is not
  /// two digits from 00 to 59.
  mutating func hold(_ base: UnsafePointer<UInt8>, row: Int, length: Int, timestamp: Int64) {
    let start = UnsafeRawPointer(base + row)
    guard length >= 19 && length <= Self.longest, let minute = Timestamp.minute(word: ByteScanning.word(at: start + 8))
    else {
      self.length = 0
      return
    }
    // Bytes 14 and 15 are the top two of the word at 8.
    masks = (
      ByteScanning.lowBytes(length), ByteScanning.lowBytes(length - 8) & 0x0000_FFFF_FFFF_FFFF,
      ByteScanning.lowBytes(length - 16),
      ByteScanning.lowBytes(length - 24), ByteScanning.lowBytes(length - 32)
    )
    words = (
      ByteScanning.word(at: start) & masks.0, ByteScanning.word(at: start + 8) & masks.1,
      ByteScanning.word(at: start + 16) & masks.2,
      ByteScanning.word(at: start + 24) & masks.3, ByteScanning.word(at: start + 32) & masks.4
    )
    hourAndSeconds = timestamp &- minute &* 60
    self.length = length
  }

  /// Holds nothing: no row is checked against it.
  mutating func clear() {
    length = 0
  }

  /// The timestamp of the row at `row` when its leading bytes are the template's but for the minute, which is two
  /// digits from 00 to 59; `nil` otherwise. Reads the 40 bytes from `row`. Only when ``length`` is not 0.
  @inline(__always)
  func timestamp(_ base: UnsafePointer<UInt8>, row: Int) -> Int64? {
    let start = UnsafeRawPointer(base + row)
    let minuteWord = ByteScanning.word(at: start + 8)
    let differ =
      ByteScanning.maskedDifference(at: start, words.0, masks.0) | (minuteWord & masks.1 ^ words.1)
      | ByteScanning.maskedDifference(at: start + 16, words.2, masks.2)
      | ByteScanning.maskedDifference(at: start + 24, words.3, masks.3)
      | ByteScanning.maskedDifference(at: start + 32, words.4, masks.4)
    guard differ == 0, let minute = Timestamp.minute(word: minuteWord) else { return nil }
    return hourAndSeconds &+ minute &* 60
  }
}
