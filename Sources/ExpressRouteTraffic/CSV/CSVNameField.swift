import ExpressRouteCore

/// A known circuit name and the separator after it (``CSVDialect/separator``), as the row reader compares them with a
/// field.
///
/// Names of up to 15 bytes are held as the two words that they and their separator fill, with masks of those bytes:
/// a field is compared in two word loads. Longer names are compared word by word (``ByteScanning/equal(_:_:_:)``).
struct CSVNameField {
  /// The name's bytes.
  let name: UnsafePointer<UInt8>
  /// The name's length; -1 when there is no name (nothing matches).
  let length: Int
  /// The separator that ends the field.
  let separator: UInt8
  private var first: UInt64 = 0
  private var second: UInt64 = 0
  private var firstMask: UInt64 = 0
  private var secondMask: UInt64 = 0
  /// Whether the name and its separator fit the two words.
  private var short = false

  /// The field of the `length` bytes at `name` (-1: none), ended by `separator`.
  init(name: UnsafePointer<UInt8>, length: Int, separator: UInt8) {
    self.name = name
    self.length = length
    self.separator = separator
    guard length > 0 && length < 16 else { return }
    for index in 0...length {
      let byte = UInt64(index < length ? name[index] : separator)
      if index < 8 {
        first |= byte << UInt64(index * 8)
      } else {
        second |= byte << UInt64((index - 8) * 8)
      }
    }
    // The low `length + 1` bytes of the two words.
    firstMask = ByteScanning.lowBytes(length + 1)
    secondMask = ByteScanning.lowBytes(length + 1 - 8)
    short = true
  }

  /// Whether the bytes at `field` are the name and the separator. Reads 16 bytes, or the name's length and one more.
  @inline(__always)
  func matches(_ field: UnsafePointer<UInt8>) -> Bool {
    if short {
      let raw = UnsafeRawPointer(field)
      return ByteScanning.maskedDifference(at: raw, first, firstMask)
        | ByteScanning.maskedDifference(at: raw + 8, second, secondMask) == 0
    }
    return length > 0 && ByteScanning.equal(field, name, length) && field[length] == separator
  }
}
