import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The circuit names a CSV scanner has met, as bytes, by accumulator index: what the general row parser looks a
/// circuit field up in, and what the plain-row reader's name fields are made from (one table for both paths).
///
/// Identity is ``TrafficIngest/circuitIndex(_:_:_:_:)``'s (``SeriesMatch/key(_:)``): a second spelling of a circuit
/// the file already named (`AMS-1` after `ams-1`) maps to the same index, but the table keeps the first spelling's
/// bytes, so the second is found again through that rule each time.
struct CSVCircuitTable {
  /// Each index's name bytes (empty where this file has not named that accumulator).
  private(set) var names: [[UInt8]] = []
  /// Indexes by FNV-1a hash of their name bytes (verified with `memcmp`: no allocation per row).
  private var lookup: [UInt64: [Int]] = [:]

  /// The index whose name is the `length` bytes at `field`, or -1. Interleaved exports cycle through circuits: the
  /// one after `last` is tried first.
  func index(of field: UnsafePointer<UInt8>, length: Int, after last: Int) -> Int {
    let guess = last + 1 < names.count ? last + 1 : 0
    if guess < names.count, names[guess].count == length,
      names[guess].withUnsafeBufferPointer({
        $0.baseAddress.map { ByteScanning.equal($0, field, length) } ?? (length == 0)
      })
    {
      return guess
    }
    for candidate in lookup[Self.hash(UnsafeBufferPointer(start: field, count: length))] ?? []
    where names[candidate].count == length {
      if names[candidate].withUnsafeBufferPointer({
        $0.baseAddress.map { memcmp($0, field, length) == 0 } ?? (length == 0)
      }) {
        return candidate
      }
    }
    return -1
  }

  /// Records `name` as index `index`'s bytes unless that index has some already; whether it was recorded.
  mutating func learn(_ name: [UInt8], as index: Int) -> Bool {
    if index >= names.count { names.append(contentsOf: repeatElement([], count: index - names.count + 1)) }
    guard names[index].isEmpty else { return false }
    names[index] = name
    lookup[name.withUnsafeBufferPointer(Self.hash), default: []].append(index)
    return true
  }

  /// FNV-1a over `bytes`.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
