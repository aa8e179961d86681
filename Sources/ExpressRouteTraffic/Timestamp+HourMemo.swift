import ExpressRouteCore

extension Timestamp {
  /// The last timestamp parsed, kept so that the next one that repeats it, or differs from it only in its minutes
  /// and seconds (consecutive samples of a series), is read without parsing: the one timestamp memo of every
  /// reader.
  ///
  /// The CSV row reader's remembered field stays in its window, so it keeps only where (``start``, ``length``) and
  /// tests fields against the window's bytes with ``recall(_:_:)`` (its hot loop also uses ``tailFits`` and the tail
  /// masks to test a field in one combined word test). Readers whose bytes do not stay (the JSON stream's read-ahead
  /// buffer) call ``parse(_:)``, which keeps a copy of the field (up to ``longest`` bytes) in the memo.
  ///
  /// ``CSVRowTemplate`` keeps a row's whole lead (timestamp and circuit) as masked words instead: it compares the
  /// seconds with the rest of the lead, so it reads only the minute (``minute(word:)``).
  struct HourMemo {
    /// The longest field ``parse(_:)`` keeps a copy of; longer ones are parsed every time.
    static let longest = 48

    /// Where the remembered field starts in the caller's buffer (0 for ``parse(_:)``'s own copy).
    var start = 0
    /// The remembered field's length; 0 when none is remembered.
    private(set) var length = 0
    /// The remembered field's value (seconds since 1970).
    private(set) var timestamp: Int64 = 0
    /// ``timestamp`` less its minutes and seconds when the field is laid out `YYYY-MM-DDTHH:MM:SS…`; -1 otherwise.
    private(set) var hourBase: Int64 = -1
    /// Whether the field's bytes after its seconds (19 ..< ``length``) fit the words at 19 and 27 (fields of 35
    /// bytes at most, with an ``hourBase``), and the masks of those bytes in each word.
    private(set) var tailFits = false
    private(set) var tail0: UInt64 = 0
    private(set) var tail1: UInt64 = 0
    /// ``parse(_:)``'s copy of the remembered field.
    private var text: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)

    /// Remembers nothing.
    init() {}

    /// Remembers the field at `start` of `length` bytes by its value alone, with no ``hourBase``.
    init(start: Int, length: Int, timestamp: Int64) {
      self.start = start
      self.length = length
      self.timestamp = timestamp
    }

    /// Remembers the field of `length` bytes at `field` (at `start` of the caller's buffer), whose value is
    /// `timestamp`, with its ``hourBase`` when it is laid out `YYYY-MM-DDTHH:MM:SS…`.
    mutating func remember(_ field: UnsafePointer<UInt8>, start: Int, length: Int, timestamp: Int64) {
      self.start = start
      self.length = length
      self.timestamp = timestamp
      hourBase = -1
      tailFits = false
      guard length >= 19 && field[13] == 0x3A, let own = Timestamp.minuteAndSecond(field) else { return }
      hourBase = timestamp - own
      tailFits = length <= 35
      guard tailFits else { return }
      tail0 = ByteScanning.lowBytes(length - 19)
      tail1 = ByteScanning.lowBytes(length - 27)
    }

    /// The value of the ``length``-byte field at `field` when it repeats the remembered one at `remembered`, or
    /// differs from it only in its minutes and seconds (bytes 14–15 and 17–18); `nil` otherwise. With an
    /// ``hourBase``, a repeat is read as the same hour (the common case, a new minute, costs no whole comparison).
    @inline(__always)
    func recall(_ field: UnsafePointer<UInt8>, _ remembered: UnsafePointer<UInt8>) -> Int64? {
      guard hourBase >= 0 else { return ByteScanning.equal(field, remembered, length) ? timestamp : nil }
      // Bytes 0–13 (`YYYY-MM-DDTHH:`) and 19 onwards (fraction, `Z` or offset) must be the same.
      guard ByteScanning.word(at: field) == ByteScanning.word(at: remembered),
        ByteScanning.word(at: field + 6) == ByteScanning.word(at: remembered + 6),
        ByteScanning.equal(field + 19, remembered + 19, length &- 19), let own = Timestamp.minuteAndSecond(field)
      else { return nil }
      return hourBase &+ own
    }

    /// ``Timestamp/parse(_:)`` of `bytes`, from the remembered field when it repeats it or only the minutes and
    /// seconds differ.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
      // swift-format-ignore: NeverForceUnwrap
      // Remembered fields are at least 16 bytes, so a buffer of the same length has a base address.
      if length > 0, bytes.count == length,
        let value = withUnsafeBytes(
          of: text, { recall(bytes.baseAddress!, $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) })
      {
        FastPath.hit(.jsonHourMemo)
        return value
      }
      guard let value = Timestamp.parse(bytes) else { return nil }
      guard bytes.count <= Self.longest else {
        length = 0
        return value
      }
      // A timestamp is at least 16 bytes, so the buffer has a base address.
      guard let field = bytes.baseAddress else { return value }
      withUnsafeMutableBytes(of: &text) {
        $0.copyMemory(from: UnsafeRawBufferPointer(start: field, count: bytes.count))
      }
      remember(field, start: 0, length: bytes.count, timestamp: value)
      return value
    }
  }
}
