/// The row-level pre-screen of a cost export: whether a record's raw bytes can be a row that
/// ``BillingLedger/read(path:file:into:amortised:known:)`` keeps, decided without splitting the record into fields.
///
/// A record passes when its resource ID, meter or service bytes contain an ExpressRoute word
/// (``BillingLedger/expressRouteWords``, ASCII letters in any case), when its resource ID's bytes, ASCII case folded,
/// hash like one of the estate's IDs, or when it has another number of fields than the header (the reader then refuses
/// it). Every row the reader keeps passes: its screen looks for the same words in the same fields after quotes are
/// removed (removing a quote cannot join two parts of a word, which has none) and ASCII letters lower-cased, and
/// looks up the unquoted ID the same way; a field with doubled quotes in its ID, or any other record the fast reader
/// does not read, passes or goes to the general reader. Rows that pass are read in full and screened again.
struct BillingScreen: Sendable {
  /// The number of fields of every record (the header's).
  var fieldCount: Int
  /// The resource ID column.
  var idColumn: Int
  /// The columns searched for the words: the ID, the meters, the services.
  var wordColumns: [Int]
  /// `lengths[n]` is true when an estate ID is `n` bytes long (IDs longer than the table always hash).
  private var lengths: [Bool]
  /// The hashes of the estate's lower-cased IDs (``hash(_:_:)``).
  private var hashes: Set<UInt64>
  /// For each byte, the words (bit `i` for word `i`) it can start, in either case.
  private var first: [UInt8]
  /// For each byte, the words whose second byte it can be, in either case.
  private var second: [UInt8]
  /// The words, lower-cased.
  private var words: [[UInt8]]

  /// A screen for records of `fieldCount` fields whose ID is in `idColumn`, looking for the words in `wordColumns`,
  /// and for the estate's IDs `known` (lower-cased bytes).
  init(fieldCount: Int, idColumn: Int, wordColumns: [Int], known: Set<[UInt8]>) {
    self.fieldCount = fieldCount
    self.idColumn = idColumn
    self.wordColumns = wordColumns
    lengths = Array(repeating: false, count: 4096)
    hashes = []
    for id in known {
      hashes.insert(id.withUnsafeBufferPointer { Self.hash($0.baseAddress, $0.count) })
      if id.count < lengths.count { lengths[id.count] = true }
    }
    words = BillingLedger.expressRouteWords
    first = Array(repeating: 0, count: 256)
    second = Array(repeating: 0, count: 256)
    for (index, word) in words.enumerated() where word.count >= 2 {
      for (table, byte) in [(0, word[0]), (1, word[1])] {
        var cases = [byte]
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { cases.append(byte - 32) }
        for variant in cases {
          if table == 0 { first[Int(variant)] |= 1 << index } else { second[Int(variant)] |= 1 << index }
        }
      }
    }
  }

  /// FNV-1a of `count` bytes at `bytes` with ASCII letters lower-cased.
  static func hash(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    guard let bytes else { return value }
    for index in 0..<count {
      value = (value ^ UInt64(folded(bytes[index]))) &* 0x100_0000_01b3
    }
    return value
  }

  /// `byte` with an ASCII capital letter lower-cased.
  @inline(__always) static func folded(_ byte: UInt8) -> UInt8 {
    byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
  }

  /// Whether the record whose field `i` starts at `starts[i]` (the field's bytes run to the next start less one,
  /// the last to `contentEnd`) can be kept. `doubled` says the record has a doubled quote somewhere.
  func passes(_ base: UnsafePointer<UInt8>, starts: UnsafePointer<Int>, contentEnd: Int, doubled: Bool) -> Bool {
    func end(_ column: Int) -> Int { column + 1 < fieldCount ? starts[column + 1] - 1 : contentEnd }
    for column in wordColumns where mentions(base, from: starts[column], to: end(column)) { return true }
    guard !hashes.isEmpty else { return false }
    var from = starts[idColumn]
    var to = end(idColumn)
    if to > from && base[from] == UInt8(ascii: "\"") {
      // A quoted ID: its quotes are not part of it; one with a doubled quote is read in full.
      from += 1
      to -= 1
      if doubled {
        for index in from..<max(from, to) where base[index] == UInt8(ascii: "\"") { return true }
      }
    }
    let count = max(0, to - from)
    if count < lengths.count && !lengths[count] { return false }
    return hashes.contains(Self.hash(base + from, count))
  }

  /// Whether bytes `from..<to` contain a word, ASCII letters in any case.
  func mentions(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { second in
        var index = from
        while index + 1 < to {
          let candidates = first[Int(base[index])] & second[Int(base[index + 1])]
          if candidates != 0 && matches(base, at: index, to: to, candidates: candidates) { return true }
          index += 1
        }
        return false
      }
    }
  }

  private func matches(_ base: UnsafePointer<UInt8>, at index: Int, to: Int, candidates: UInt8) -> Bool {
    for (bit, word) in words.enumerated() where candidates & (1 << bit) != 0 && index + word.count <= to {
      var offset = 2
      while offset < word.count && Self.folded(base[index + offset]) == word[offset] { offset += 1 }
      if offset == word.count { return true }
    }
    return false
  }
}
