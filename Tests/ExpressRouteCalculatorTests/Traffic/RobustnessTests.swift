import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Corrupted inputs must give a result or a ``Diagnostic``, never a crash.
///
/// Deterministic mutation testing: valid documents are damaged byte by byte
/// (flips, deletions, duplications, truncations, inserted separators) and
/// fed to every parser. A crash aborts the test process, so passing means
/// no input among these crashed the unsafe-pointer CSV scanner or the JSON parser.
@Suite struct RobustnessTests {
  struct Mutator {
    private var generator: SplitMix
    init(state: UInt64) { generator = SplitMix(state: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
      var bytes = input
      let interesting: [UInt8] = [
        0x2C, 0x0A, 0x0D, 0x22, 0x2D, 0x2E, 0x30, 0x39, 0x65, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x00, 0xFF, 0x20,
      ]
      for _ in 0..<(1 + below(4)) {
        guard !bytes.isEmpty else { break }
        let at = below(bytes.count)
        switch below(6) {
        case 0: bytes[at] = UInt8(truncatingIfNeeded: next())
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(interesting[below(interesting.count)], at: at)
        case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + below(24))], at: at)
        case 4: bytes.removeLast(min(bytes.count, below(16)))
        default: bytes[at] = interesting[below(interesting.count)]
        }
      }
      return bytes
    }
  }

  /// Quirky rows for the general parser, then plain ones: about 2 KB, four times the CSV fast path's 512-byte window
  /// (``CSVPlainRowReader/window``), so mutations land in rows the fast path reads too (the test checks it read some).
  static let csv = Array(
    ("""
    Report preamble
    Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond
    2026-01-01T00:00:00Z,ams,100000000,200000000
    2026-01-01T00:00:00Z,lon,1.5e8,"300000000"
    2026-01-01T00:01:00Z,ams,100000000,
    2026-01-01T00:01:00+00:00,lon,null,0000000000123456789
    2026-01-01T00:02:00Z,ams,700000000,800000000
    2026-01-01T00:02:00Z,lon,170000000,180000000

    """
      + (3..<24).map { minute in
        let time = "2026-01-01T00:\(minute < 10 ? "0" : "")\(minute):00Z"
        return
          "\(time),ams,\(123_456_700 + minute),\(254_587_200 + minute).86429623\n\(time),lon,\(150_000_000 + minute),\(170_000_000 + minute)\n"
      }.joined()).utf8)

  @Test func corruptedCSVNeverCrashes() throws {
    var mutator = Mutator(state: 7)
    var accepted = 0
    var rejected = 0
    var plainRows = 0
    #expect(Self.csv.count > 4 * CSVPlainRowReader.window)
    for _ in 0..<3000 {
      let bytes = mutator.mutate(Self.csv)
      var ingest = TrafficIngest(options: .init(interval: 60))
      do {
        try ingest.read(Data(bytes), file: "m.csv")
        _ = try ingest.summaries(file: "m.csv")
        accepted += 1
      } catch {
        #expect(error.description.hasPrefix("m.csv"), "\(error.description)")
        rejected += 1
      }
      plainRows += ingest.plainRowsRead
    }
    // The fast path read rows of the mutated inputs (with a file shorter than its window it never would).
    #expect(plainRows > 3000)
    // Both outcomes occur, so the mutations reach past the first line.
    #expect(accepted > 10)
    #expect(rejected > 100)
  }

  @Test func corruptedJSONNeverCrashes() throws {
    let documents = [
      try Data(contentsOf: packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/estate.json")),
      try Data(contentsOf: packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/retail/page2.json")),
      try Data(
        contentsOf: packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/sizing-profile.json")),
    ]
    let engine = try Fixtures.engine()
    var mutator = Mutator(state: 11)
    var outcomes = [0, 0]
    for round in 0..<1500 {
      let bytes = Data(mutator.mutate([UInt8](documents[round % documents.count])))
      do {
        switch round % 3 {
        case 0: _ = try engine.quote(try Deployment(json: bytes, file: "m.json"))
        case 1: _ = try RetailPricePage(json: bytes, file: "m.json")
        default: _ = try WorkloadProfile(json: bytes, file: "m.json")
        }
        outcomes[0] += 1
      } catch {
        #expect(!error.message.isEmpty)
        outcomes[1] += 1
      }
    }
    #expect(outcomes[0] > 20)
    #expect(outcomes[1] > 500)
  }

  @Test func streamedBlocksSplitAnywhereGiveTheSameResult() throws {
    // The block reader must give the same summary wherever a block boundary falls.
    let text = (0..<400).map {
      "2026-01-01T\(String(format: "%02d", $0 / 60)):\(String(format: "%02d", $0 % 60)):00Z,c\($0 % 3),\($0 * 1000),\($0 * 2000)"
    }
    let bytes = Array(("Time,Circuit,BitsIn,BitsOut\n" + text.joined(separator: "\n") + "\n").utf8)
    var whole = TrafficIngest()
    try whole.read(Data(bytes), file: "w.csv")
    let expected = try whole.summaries(file: "w.csv")
    for split in [1, 7, 27, 28, 29, 100, 1000, bytes.count - 1] {
      let summaries = try Fixtures.scanInChunks(bytes, sizes: [split], file: "s.csv")
      #expect(summaries.map(\.outbound.total) == expected.map(\.outbound.total), "split at \(split)")
      #expect(summaries.map(\.samples) == expected.map(\.samples), "split at \(split)")
    }
  }
}
