import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

#if canImport(Glibc)
  import Glibc
#endif

/// The plain-row fast path and sample staging must not change a single result or message.
///
/// Each test reads the same bytes with the fast path on and off (the general
/// row parser alone, adding rows one by one is what every other test checks)
/// and compares everything: summaries, notes and errors.
@Suite struct CSVFastPathTests {
  typealias Mutator = RobustnessTests.Mutator

  /// What reading a file gave: summaries and notes, or the error text.
  struct Outcome: Equatable, CustomStringConvertible {
    var summaries: [TrafficSummary] = []
    var notes: [String] = []
    var error: String?
    var plainRows = 0

    var description: String { error ?? "\(summaries.count) circuits, \(summaries.map(\.samples)) samples" }

    static func == (a: Outcome, b: Outcome) -> Bool {
      a.summaries == b.summaries && a.notes == b.notes && a.error == b.error
    }
  }

  static func read(_ bytes: [UInt8], fastPath: Bool, interval: Int64? = nil) -> Outcome {
    var options = TrafficIngest.Options(interval: interval)
    options.fastIngest = fastPath
    var ingest = TrafficIngest(options: options)
    var outcome = Outcome()
    do {
      try ingest.read(Data(bytes), file: "f.csv")
      outcome.summaries = try ingest.summaries(file: "f.csv")
      outcome.notes = ingest.notes
    } catch {
      outcome.error = error.description
    }
    outcome.plainRows = ingest.plainRowsRead
    return outcome
  }

  /// Column orders: the two the fast path reads in straight lines, and one it reads column by column.
  enum Layout: CaseIterable, CustomStringConvertible {
    /// `Timestamp,Circuit,Bits In (Mbps),BitsOutPerSecond`.
    case long
    /// `Timestamp,BitsInPerSecond,BitsOutPerSecond` (one circuit).
    case wide
    /// `Timestamp,Circuit,BitsInPerSecond,Region,BitsOutPerSecond`.
    case extraColumn

    var description: String { "\(self == .long ? "long" : self == .wide ? "wide" : "extra column")" }
  }

  /// A file with every quirk the general parser handles, sprinkled between plain rows.
  static func quirkyFile(rows: Int, seed: UInt64, layout: Layout = .extraColumn) -> [UInt8] {
    var random = Mutator(state: seed)
    var circuits = layout == .wide ? ["only"] : ["ams-1", "lon-primary", "par", "fra-02"]
    var text = "Exported by a portal\n"
    switch layout {
    case .long: text += "Timestamp,Circuit,Bits In (Mbps),BitsOutPerSecond\n"  // inbound × 10⁶
    case .wide: text += "Timestamp,BitsInPerSecond,BitsOutPerSecond\n"
    case .extraColumn: text += "Timestamp,Circuit,BitsInPerSecond,Region,BitsOutPerSecond\n"
    }
    // 2026-01-31T22:00:00Z: the file crosses into February.
    var minute: Int64 = 1_769_896_800 / 60
    for row in 0..<rows {
      if row == rows / 3 && layout != .wide { circuits.append("new-circuit-appearing-late") }
      let circuit = circuits[row % circuits.count]
      if row % circuits.count == 0 {
        minute += random.below(40) == 0 ? 2 : 1  // an occasional gap
      }
      var stamp = CivilCalendar.format(minute * 60)
      var inbound = "\(100_000_000 + random.below(900_000_000))"
      var outbound = "\(random.below(3_000_000_000))"
      var name = circuit
      var region = "westeurope"
      var ending = "\n"
      switch random.below(60) {
      case 0: inbound = ""
      case 1: outbound = "null"
      case 2: inbound = "1.5e8"
      case 3: outbound = "123456789.25"
      case 4: name = "\"\(circuit)\""
      case 5: inbound = " \(inbound) "
      case 6: ending = "\r\n"
      case 7: region = "\"north, europe\""
      case 8: outbound = "00000123456789012"  // 17 digits: the general path reads it
      case 9: stamp = stamp.replacingOccurrences(of: "Z", with: "+00:00")
      case 10: inbound = "0"
      case 11: outbound = "1000000000000000"  // 16 digits, exactly 1 Pbps: the fast path's longest
      case 12: region = ""
      // The same time spelled differently.
      case 13: stamp = stamp.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
      case 14: inbound = "0.5"
      case 15: outbound = "1.05"
      case 16: inbound = "12345678.123456789"  // 17 digits with a point: the general path reads it
      case 17: outbound = "123."
      case 18: inbound = ".5"
      case 19: outbound = "99999999.99999999"  // 16 digits with a point: the fast path's longest
      default: break
      }
      let cells: [String]
      switch layout {
      case .long: cells = [stamp, name, inbound, outbound]
      case .wide: cells = [stamp, inbound, outbound]
      case .extraColumn: cells = [stamp, name, inbound, region, outbound]
      }
      text += cells.joined(separator: ",") + ending
      if random.below(200) == 0 { text += cells.joined(separator: ",") + "\n" }  // a duplicate sample
      if random.below(300) == 0 { text += "\n" }  // a blank line
    }
    return Array(text.utf8)
  }

  @Test(arguments: Layout.allCases)
  func fastAndGeneralPathsGiveIdenticalResultsOnAQuirkyFile(_ layout: Layout) {
    for seed in [1, 2, 3] as [UInt64] {
      let bytes = Self.quirkyFile(rows: 3000, seed: seed, layout: layout)
      let fast = Self.read(bytes, fastPath: true)
      let general = Self.read(bytes, fastPath: false)
      #expect(fast.error == nil, "seed \(seed): \(fast)")
      #expect(fast == general, "seed \(seed)")
      // The comparison means something only if both paths ran: most rows are plain, some are not.
      #expect(fast.plainRows > 2000, "seed \(seed): \(fast.plainRows) plain rows")
      #expect(fast.plainRows < 3000, "seed \(seed): \(fast.plainRows) plain rows")
      #expect(general.plainRows == 0)
      #expect(fast.summaries.count == (layout == .wide ? 1 : 5))
      // Gaps, duplicates and missing values were met and reported.
      let warnings = fast.summaries.flatMap(\.warnings).map(\.message)
      #expect(warnings.contains { $0.contains("first: gap of") }, "seed \(seed): \(warnings)")
      #expect(warnings.contains { $0.contains("first: duplicate sample") }, "seed \(seed): \(warnings)")
      #expect(warnings.contains { $0.contains("first: no value at") }, "seed \(seed): \(warnings)")
    }
  }

  /// Rates written with exactly nine whole digits take their own shortcut (the last eight digits read as one word
  /// from the second byte). Around its edges (other whole lengths, a point with no fraction, a non-digit in any of
  /// the nine places or after them, 20 digits, exponents), both paths must read the same values or the same error.
  @Test func nineDigitWholePartsReadLikeTheGeneralParser() {
    let accepted = [
      "254587286.86429623", "254587286.8642962", "254587286.1", "254587286.0000000", "000000001.5",
      "999999999.99999999",
      "254587286.8642962312", "25458728.6", "2545872860.5", "254587286", "2545872861", "1.254587286",
      "123456789.123456789",
    ]
    let refused = [
      "254587286.", "x54587286.1", "2545872x6.1", "25458728x.1", "/54587286.1", ":54587286.1", "254587286.1e5",
      "254587286.x", "254587286..1", "-254587286.1", "254587286.12345678901", "254587286x", "254587286 ",
    ]
    func file(_ values: [String]) -> [UInt8] {
      var text = "Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
      for (index, value) in values.enumerated() {
        // Every value as the inbound rate (a comma after it) and as the outbound one (a line end after it).
        for minute in [2 * index, 2 * index + 1] {
          let stamp = CivilCalendar.format(1_767_225_600 + Int64(minute) * 60)
          text += minute % 2 == 0 ? "\(stamp),c,\(value),1\n" : "\(stamp),c,1,\(value)\n"
        }
      }
      // The fast path leaves a file's last few hundred bytes to the general one: plain rows to close with.
      for minute in 2 * values.count..<2 * values.count + 20 {
        text += "\(CivilCalendar.format(1_767_225_600 + Int64(minute) * 60)),c,1,1\n"
      }
      return Array(text.utf8)
    }
    let fast = Self.read(file(accepted), fastPath: true)
    let general = Self.read(file(accepted), fastPath: false)
    #expect(fast.error == nil, "\(fast)")
    #expect(fast == general)
    #expect(fast.plainRows >= 2 * accepted.count)
    for value in refused {
      let fast = Self.read(file([value]), fastPath: true)
      #expect(fast == Self.read(file([value]), fastPath: false), "\(value)")
    }
    // The summaries hold whole bit/s, too coarse to show a double one unit off: the fast path's own reading is
    // compared with the standard library's correctly rounded one (or refused, left to the general path).
    for (value, accepts) in accepted.map({ ($0, true) }) + refused.map({ ($0, false) }) {
      for terminator in [",", "\n"] {
        let bytes = Array((value + terminator + String(repeating: " ", count: 40)).utf8)
        var rate = -1.0
        let after = bytes.withUnsafeBufferPointer {
          // swift-format-ignore: NeverForceUnwrap
          CSVPlainRowReader.readRate($0.baseAddress!, 0, terminator == "\n", 1, &rate, .comma)
        }
        if accepts {
          #expect(after == value.utf8.count + 1 && rate == Double(value), "\(value)")
        } else {
          #expect(after == -1, "\(value)")
        }
      }
    }
  }

  /// One circuit's year after another: rows of a circuit within an hour take the row template's loop, which holds
  /// the staged count itself and hands full blocks (256 rows) to the accumulator. Results, and an error raised
  /// while a full block is added (a minute that goes back within the hour, row 600 of the second circuit), must be
  /// the same as the general path's, with the error at its own line.
  @Test func circuitMajorRowsStagedInTheTemplateLoopGiveTheSameResultsAndErrors() {
    func file(goingBackAt badRow: Int?) -> [UInt8] {
      var text = "Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n"
      for circuit in ["ams-1", "lon-2", "par-3"] {
        for row in 0..<700 {
          let minute = circuit == "lon-2" && row == badRow ? row - 2 : row
          let stamp = CivilCalendar.format(1_767_225_600 + Int64(minute) * 60).replacingOccurrences(
            of: "Z", with: "+00:00")
          text += "\(stamp),\(circuit),\(254_587_286 + row).8642962,\(100_000_000 + 7 * row).25\n"
        }
      }
      return Array(text.utf8)
    }
    let clean = file(goingBackAt: nil)
    let fast = Self.read(clean, fastPath: true)
    #expect(fast.error == nil, "\(fast)")
    #expect(fast == Self.read(clean, fastPath: false))
    #expect(fast.summaries.map(\.samples) == [700, 700, 700])
    #expect(fast.plainRows > 2000)
    // Row 600 of lon-2 is line 1 (header) + 700 + 600 + 1 = 1302; minute 598 of 2026-01-01 is 09:58.
    let broken = file(goingBackAt: 600)
    let failed = Self.read(broken, fastPath: true)
    #expect(failed == Self.read(broken, fastPath: false))
    #expect(failed.error?.contains("f.csv:1302:") == true, "\(failed)")
    #expect(
      failed.error?.contains("2026-01-01T09:58:00Z is earlier than the previous sample of circuit 'lon-2'") == true,
      "\(failed)")
  }

  @Test(arguments: Layout.allCases)
  func corruptedFilesGiveTheSameOutcomeOnBothPaths(_ layout: Layout) {
    let original = Self.quirkyFile(rows: 250, seed: 9, layout: layout)
    var mutator = Mutator(state: 11)
    var errors = 0
    for round in 0..<60 {
      let bytes = mutator.mutate(original)
      let fast = Self.read(bytes, fastPath: true)
      let general = Self.read(bytes, fastPath: false)
      #expect(fast == general, "round \(round): fast \(fast) vs general \(general)")
      if fast.error != nil { errors += 1 }
    }
    // Both kinds of outcome were compared.
    #expect(errors > 5)
    #expect(errors < 57)
  }

  @Test func stagedErrorsKeepTheirLineOrder() {
    // Circuit b goes backwards on line 7; a parse error follows on line 9, and circuit a
    // goes backwards on line 10. Adding row by row stops at line 7; staging must too.
    var text = "Time,Circuit,BitsIn,BitsOut\n"
    text += "2026-01-01T00:00:00Z,a,1,1\n2026-01-01T00:00:00Z,b,1,1\n"  // lines 2-3
    text += "2026-01-01T00:01:00Z,a,1,1\n2026-01-01T00:01:00Z,b,1,1\n"  // lines 4-5
    text += "2026-01-01T00:02:00Z,a,1,1\n2026-01-01T00:00:30Z,b,1,1\n"  // lines 6-7: b backwards
    text += "2026-01-01T00:03:00Z,a,1,1\n2026-01-01T00:03:00Z,b,x,1\n"  // lines 8-9: not a number
    text += "2026-01-01T00:00:00Z,a,1,1\n"  // line 10: a backwards
    // Pad with plain rows so the fast path runs over the start of the file.
    let padding = (0..<40).map { "2026-01-02T00:\(String(format: "%02d", $0)):00Z,c,1,1\n" }.joined()
    for fastPath in [true, false] {
      let outcome = Self.read(Array((text + padding).utf8), fastPath: fastPath)
      #expect(
        outcome.error
          == "f.csv:7:1: error: timestamp 2026-01-01T00:00:30Z is earlier than the previous sample of circuit 'b' (2026-01-01T00:01:00Z); sort the rows by time (out-of-order rows are not reordered silently)",
        "fast path \(fastPath)")
    }
    // Without the earlier error, the parse error on line 9 is reported, not line 10's.
    let fixed = text.replacingOccurrences(of: "00:00:30Z,b", with: "00:02:00Z,b")
    let outcome = Self.read(Array((fixed + padding).utf8), fastPath: true)
    #expect(
      outcome.error
        == "f.csv:9:24: error: 'x' is not a number in column 'BitsIn' (expected bits per second, such as 125000000)")
  }

  @Test func theEarliestErrorAcrossCircuitsWins() {
    // 300 interleaved rows fill a's staging buffer (256 rows) first; b's error on an earlier line must win.
    var lines = ["Time,Circuit,BitsIn,BitsOut"]
    for minute in 0..<300 {
      let stamp = CivilCalendar.format(1_767_225_600 + Int64(minute) * 60)
      lines.append("\(stamp),a,100,200")
      // b goes backwards at minute 100 (line 2 + 2 × 100 + 1 = 203); a at minute 200 (line 402).
      lines.append(minute == 100 ? "2025-12-31T00:00:00Z,b,1,1" : "\(stamp),b,1,1")
      if minute == 200 { lines[lines.count - 2] = "2025-12-31T00:00:00Z,a,100,200" }
    }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    let fast = Self.read(bytes, fastPath: true)
    #expect(
      fast.error?.hasPrefix(
        "f.csv:203:1: error: timestamp 2025-12-31T00:00:00Z is earlier than the previous sample of circuit 'b'")
        == true,
      "\(fast)")
    #expect(fast == Self.read(bytes, fastPath: false))
  }

  @Test func blockSplitsDoNotChangeResults() throws {
    let bytes = Self.quirkyFile(rows: 1500, seed: 5)
    let whole = Self.read(bytes, fastPath: true)
    var random = Mutator(state: 3)
    for _ in 0..<12 {
      let sizes = (0..<bytes.count).map { _ in 1 + random.below(3000) }
      #expect(try Fixtures.scanInChunks(bytes, sizes: sizes) == whole.summaries)
    }
  }

  @Test func aFileLargerThanItsExpectedSizeIsReadWhole() throws {
    // The block is sized by the size the file had when opened (64 KiB at least); a file that grew since is read on.
    let bytes = Self.quirkyFile(rows: 6000, seed: 6, layout: .long)
    #expect(bytes.count > 200_000)
    let whole = Self.read(bytes, fastPath: true)
    #expect(try Fixtures.scanInChunks(bytes, sizes: [bytes.count], expectedSize: 10) == whole.summaries)
    #expect(try Fixtures.scanInChunks(bytes, sizes: [100_000, 1, 50_000], expectedSize: 100_000) == whole.summaries)
  }

  @Test func pipesStreamLikeFiles() throws {
    // A named pipe cannot seek: the peeked head must be replayed and the rest streamed.
    let bytes = Self.quirkyFile(rows: 6000, seed: 4, layout: .long)
    #expect(bytes.count > 200_000)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("series.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let fifo = directory.appendingPathComponent("pipe.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
      let descriptor = open(fifo, O_WRONLY)
      guard descriptor >= 0 else { return }
      var offset = 0
      while offset < bytes.count {
        // Small writes, so the reader sees many short reads.
        let written = bytes[offset..<min(offset + 7000, bytes.count)].withUnsafeBytes {
          write(descriptor, $0.baseAddress, $0.count)
        }
        guard written > 0 else { break }
        offset += written
      }
      close(descriptor)
    }
    writer.start()
    var piped = TrafficIngest()
    try piped.read(path: fifo, displayName: "pipe.csv")
    var whole = TrafficIngest()
    try whole.read(path: file, displayName: "pipe.csv")
    #expect(piped.bytesRead == bytes.count)
    #expect(piped.rowsRead == whole.rowsRead)
    #expect(try piped.summaries(file: "pipe.csv") == whole.summaries(file: "pipe.csv"))
  }

  @Test func leadingDigitsStopsAtEveryNonDigitByte() {
    // Every byte value that is not a digit, at every position, after digits and before any bytes at all
    // (borrows and carries out of the non-digit must not matter).
    var random = Mutator(state: 4)
    for position in 0..<8 {
      for byte in 0...255 where !(0x30...0x39).contains(byte) {
        for _ in 0..<4 {
          var bytes = (0..<8).map { _ in UInt8(random.below(256)) }
          for index in 0..<position { bytes[index] = UInt8(0x30 + random.below(10)) }
          bytes[position] = UInt8(byte)
          let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          #expect(ByteScanning.leadingDigits(word) == position, "\(bytes)")
        }
      }
    }
    let digits = Array("09182736".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    #expect(ByteScanning.leadingDigits(digits) == 8)
  }

  @Test func jsonStringStopsMarkTheFirstStopByteExactly() {
    // Every byte value at every position, after bytes that do not stop the scan and before any bytes at all. (The
    // number scan stops where `leadingDigits` does, tested above the same way.)
    var random = Mutator(state: 9)
    let stringBytes = (0...255).map(UInt8.init).filter { $0 != 0x22 && $0 != 0x5C && $0 != 0x0A }
    func firstMark(_ mask: UInt64) -> Int { mask == 0 ? 8 : mask.trailingZeroBitCount >> 3 }
    for position in 0..<8 {
      for byte in 0...255 {
        for _ in 0..<3 {
          var bytes = (0..<8).map { _ in UInt8(random.below(256)) }
          for index in 0..<position { bytes[index] = stringBytes[random.below(stringBytes.count)] }
          bytes[position] = UInt8(byte)
          let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          let stringStop = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 == 0x0A } ?? 8
          #expect(firstMark(ByteScanning.firstMatches(word, 0x22, 0x5C, 0x0A)) == stringStop, "\(bytes)")
        }
      }
    }
  }

  @Test func wordScanningHelpersMatchByteByByteDefinitions() {
    var random = Mutator(state: 21)
    let alphabet = Array("0123456789,./:\n\r\"e-+ ".utf8) + [0x2F, 0x3A, 0x00, 0xFF, 0xB0, 0xB9]
    for _ in 0..<20000 {
      let bytes = (0..<16).map { _ in
        random.below(3) == 0 ? alphabet[random.below(alphabet.count)] : UInt8(0x30 + random.below(10))
      }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      let expectedDigits = bytes[0..<8].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      #expect(ByteScanning.leadingDigits(word) == expectedDigits, "\(bytes)")
      #expect(ByteScanning.allDigits(word) == (expectedDigits == 8), "\(bytes)")
      if expectedDigits > 0 {
        let expectedValue = bytes[0..<expectedDigits].reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
        #expect(ByteScanning.digitsValue(word, count: expectedDigits) == expectedValue)
      }
      var position = 0
      let value = bytes.withUnsafeBufferPointer { CSVPlainRowReader.digits($0.baseAddress!, &position) }
      let run = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      if run == 0 || run > 15 {
        #expect(value == nil)
      } else {
        #expect(
          value == bytes[0..<run].reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) } && position == run, "\(bytes)")
      }
      let length = random.below(17)
      var other = bytes
      if random.below(2) == 0 && length > 0 { other[random.below(length)] ^= UInt8(1 << random.below(8)) }
      let equal = bytes.withUnsafeBufferPointer { a in
        other.withUnsafeBufferPointer { b in ByteScanning.equal(a.baseAddress!, b.baseAddress!, length) }
      }
      #expect(equal == (bytes[0..<length] == other[0..<length]))
    }
  }
}
