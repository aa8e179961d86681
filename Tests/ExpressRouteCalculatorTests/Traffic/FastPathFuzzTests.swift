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

#if canImport(Glibc)
  import Glibc
#endif

/// Fuzzing the byte readers where they are fastest: every fast path of the traffic readers (CSV and JSON) and of the
/// JSON document reader must read what its general path reads, and refuse the rest with a proper error.
///
/// Inputs are generated in every layout and format the readers accept (CSV time-major and circuit-major, one
/// circuit, other column orders, quoted and quirky cells, semicolons with decimal commas and tabs, timestamp forms with fractions and offsets, full-precision
/// rates; REST and `az` Metrics JSON, diagnostic-settings JSON lines, log-analytics rows, `AzureMetrics` CSV), longer
/// than the CSV fast path's 512-byte window, then damaged: bytes mutated, inserted, deleted, and the input cut at
/// every edge of the readers' windows, words and blocks. Each input is read several ways: fast and general,
/// whole and in blocks split at varied places, on one core and in parallel pieces. A crash or hang fails the run;
/// every way must give the same summaries, notes or error, and an error must name the file.
///
/// `FastPath` counters (debug builds) prove the fast paths were reached. `ERCALC_PROPERTY_CASES` raises the number
/// of cases (default ``cases``), `ERCALC_PROPERTY_SEED` changes the seed.
@Suite struct FastPathFuzzTests {
  typealias Mutator = RobustnessTests.Mutator

  /// Fuzzed inputs per run in CI (each read five to eight ways).
  static let cases = 300

  /// The formats the traffic readers accept.
  enum Format: CaseIterable {
    /// `Time,Circuit,In,Out`, every circuit at each timestamp in turn.
    case csvTimeMajor
    /// `Time,Circuit,In,Out`, one circuit's whole series, then the next.
    case csvCircuitMajor
    /// `Time,In,Out`: one circuit.
    case csvWide
    /// Other column orders, extra columns and units: the column-walking loop.
    case csvOtherOrder
    /// Plain rows with quoted cells, empty cells, `null`, exponents, blank lines and CRLF among them.
    case csvQuirky
    /// `Time;Circuit;In;Out` with decimal commas (``CSVDialect/semicolon``).
    case csvSemicolon
    /// `Time<tab>Circuit<tab>In<tab>Out` (``CSVDialect/tab``).
    case csvTab
    /// An `AzureMetrics` CSV export (metric name per row).
    case metricRowsCSV
    /// The Metrics REST response, compact.
    case restJSON
    /// `az monitor metrics list` output: sorted keys, indented.
    case azJSON
    /// Diagnostic-settings export: JSON lines.
    case diagnosticLines
    /// `az monitor log-analytics query` rows.
    case logAnalytics

    var isCSV: Bool {
      [.csvTimeMajor, .csvCircuitMajor, .csvWide, .csvOtherOrder, .csvQuirky, .csvSemicolon, .csvTab].contains(self)
    }
    var fileName: String { isCSV || self == .metricRowsCSV ? "f.csv" : self == .diagnosticLines ? "f.jsonl" : "f.json" }
  }

  // MARK: - Reading every way

  /// The input in a failure message: its start and length (the whole would drown the log).
  static func show(_ bytes: [UInt8]) -> String {
    "\(bytes.count) bytes: " + String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
  }

  /// Whether ``TrafficIngest/read(_:file:progress:)`` reads `bytes` as JSON (its first byte that is not blank or a
  /// byte-order mark is `{` or `[`), and as the plain CSV reader (neither JSON nor an `AzureMetrics` header).
  static func route(_ bytes: [UInt8]) -> (json: Bool, csv: Bool) {
    let first = bytes.first {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
    }
    let json = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    return (json, !json && !TrafficIngest.isMetricRowsHeader(TrafficIngest.firstLine(bytes.prefix(4096))))
  }

  /// What one read gave: summaries and notes, or the error.
  struct Outcome: Equatable, CustomStringConvertible {
    var summaries: [TrafficSummary] = []
    var notes: [String] = []
    var error: String?

    var description: String {
      error ?? "\(summaries.count) circuits, samples \(summaries.map(\.samples)), notes \(notes)"
    }

    /// What differs from `other`: the first summary's fields that differ (values cut short), or both in full.
    func difference(from other: Outcome) -> String {
      guard error == nil, other.error == nil, summaries.count == other.summaries.count,
        let index = summaries.indices.first(where: { summaries[$0] != other.summaries[$0] })
      else { return "\(self) ≠ \(other)" }
      let mine = Mirror(reflecting: summaries[index]).children.map { ($0.label ?? "", "\($0.value)") }
      let theirs = Mirror(reflecting: other.summaries[index]).children.map { "\($0.value)" }
      return zip(mine, theirs).filter { $0.0.1 != $0.1 }.map {
        "\($0.0.0): \($0.0.1.prefix(300)) ≠ \($0.1.prefix(300))"
      }
      .joined(separator: "\n")
    }
  }

  /// Reads with `options` by `body`, then finishes; an error must be a ``Diagnostic`` naming `file`.
  static func outcome(
    _ options: TrafficIngest.Options, file: String, _ body: (inout TrafficIngest) throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Outcome {
    var ingest = TrafficIngest(options: options)
    do {
      try body(&ingest)
      return Outcome(summaries: try ingest.summaries(file: file), notes: ingest.notes)
    } catch let error as Diagnostic {
      #expect(
        error.description.hasPrefix(file) && !error.message.isEmpty, "\(error.description)",
        sourceLocation: sourceLocation)
      return Outcome(error: error.description)
    } catch {
      Issue.record("not a Diagnostic: \(error)", sourceLocation: sourceLocation)
      return Outcome(error: "\(error)")
    }
  }

  /// A temporary file holding `bytes`, open for reading; removed by `body`'s end.
  static func withFile<T>(_ bytes: [UInt8], _ body: (Int32) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-fuzz-\(UUID().uuidString)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(descriptor) }
    return try body(descriptor)
  }

  /// Reads `bytes` of `format` every way that applies and checks they agree with the general path's reading.
  /// `parallel` also reads them in parallel pieces (slower: a file and threads).
  static func check(_ bytes: [UInt8], _ format: Format, random: inout SplitMix, parallel: Bool) throws {
    let file = format.fileName
    var general = TrafficIngest.Options()
    general.fastIngest = false
    general.jsonReadAhead = false
    general.workers = 1
    var fast = TrafficIngest.Options()
    fast.workers = 1
    let expected = outcome(general, file: file) { try $0.read(Data(bytes), file: file) }
    let whole = outcome(fast, file: file) { try $0.read(Data(bytes), file: file) }
    #expect(
      whole == expected,
      "fast path differs from the general path: \(whole.difference(from: expected))\n\(Self.show(bytes))")
    let route = Self.route(bytes)
    if route.csv {
      // The block reader, fed reads that end at varied places: each scan sees the window end somewhere new.
      let sizes = (0..<6).map { _ in [1, 7, 8, 9, 31, 64, 127, 511, 512, 513, 700][Int(random.next() % 11)] }
      let blocks = outcome(fast, file: file) { ingest in
        var scanner = ingest.makeScanner(file: file)
        var offset = 0
        var pending = sizes[...]
        _ = try TrafficIngest.stream(
          into: &scanner, series: &ingest.accumulators, names: &ingest.index, prefix: [], file: file,
          read: { destination, capacity in
            let size = min(capacity, bytes.count - offset, pending.popFirst() ?? bytes.count)
            guard size > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
              // swift-format-ignore: NeverForceUnwrap
              destination.copyMemory(from: source.baseAddress! + offset, byteCount: size)
            }
            offset += size
            return size
          }, progress: { _ in })
        try ingest.complete(scanner)
      }
      if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
        // In memory an empty file is refused before any scan; the stream finds no header.
        #expect(blocks.error != nil && expected.error != nil)
      } else {
        #expect(
          blocks == expected, "block reads \(sizes) differ: \(blocks.difference(from: expected))\n\(Self.show(bytes))")
      }
    } else if route.json && !TrafficSummaryFile.isSummary(bytes) {
      // The JSON stream from a descriptor, in small blocks: tokens and read-ahead objects straddle block edges.
      var small = fast
      small.jsonBlockSize = [16, 33, 64, 100, 512, 4096][Int(random.next() % 6)]
      let blocks = try withFile(bytes) { descriptor in
        outcome(small, file: file) {
          _ = try $0.readMetricsJSON(descriptor: descriptor, file: file, prefix: [], size: 0, progress: nil)
        }
      }
      #expect(
        blocks == expected,
        "blocks of \(small.jsonBlockSize) differ: \(blocks.difference(from: expected))\n\(Self.show(bytes))")
    }
    guard parallel else { return }
    try checkParallel(bytes, format, expected: expected, random: &random)
  }

  /// The parallel readers on pieces of a few hundred bytes: mapped CSV chunks, JSON-lines pieces, data points read
  /// ahead on other cores. Each may decline (then it changed nothing); when it reads, it must agree.
  static func checkParallel(_ bytes: [UInt8], _ format: Format, expected: Outcome, random: inout SplitMix) throws {
    let file = format.fileName
    let route = Self.route(bytes)
    var options = TrafficIngest.Options()
    options.workers = 2
    options.chunkBytes = [300, 600, 1100, 2000][Int(random.next() % 4)]
    try withFile(bytes) { descriptor in
      var declined = false
      let pieces = outcome(options, file: file) { ingest in
        switch format {
        case .restJSON, .azJSON:
          let headCount = min(bytes.count, 16 + Int(random.next() % 1000))
          var head = [UInt8](repeating: 0, count: headCount)
          let got = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, headCount) }
          head.removeLast(headCount - max(got, 0))
          guard bytes.first == 0x7B, !TrafficSummaryFile.isSummary(bytes) else {
            declined = true
            return
          }
          if try !ingest.readMetricsDocumentInParallel(
            descriptor: descriptor, file: file, size: bytes.count, head: head, progress: nil)
          {
            declined = true
          }
        case .diagnosticLines:
          guard route.json, !TrafficSummaryFile.isSummary(bytes) else {
            declined = true
            return
          }
          declined = !bytes.prefix(4096).withUnsafeBufferPointer { head in
            ingest.readJSONLinesInParallel(
              descriptor: descriptor, file: file, size: bytes.count, head: head, progress: nil)
          }
        case .metricRowsCSV, .logAnalytics:
          declined = true
        default:
          guard route.csv else {
            declined = true
            return
          }
          declined = !ingest.readCSVMapped(descriptor: descriptor, file: file, size: bytes.count, progress: nil)
        }
      }
      if !declined {
        #expect(
          pieces == expected,
          "pieces of \(options.chunkBytes ?? 0) differ: \(pieces.difference(from: expected))\n\(Self.show(bytes))")
      }
    }
  }

  /// One damaged input: mutated bytes, or a cut at an edge, or both.
  static func damaged(_ bytes: [UInt8], mutator: inout Mutator) -> [UInt8] {
    switch mutator.below(4) {
    case 0:
      let cuts = edges(bytes.count)
      return Array(bytes.prefix(cuts.isEmpty ? bytes.count : cuts[mutator.below(cuts.count)]))
    case 1:
      let cuts = edges(bytes.count)
      let cut = cuts.isEmpty ? bytes.count : cuts[mutator.below(cuts.count)]
      return mutator.mutate(Array(bytes.prefix(cut)))
    default:
      return mutator.mutate(bytes)
    }
  }

  // MARK: - Tests

  @Test("Every valid generated input is read, the same way on every path")
  func validInputsAgree() throws {
    for format in Format.allCases {
      for seed in UInt64(1)...4 {
        let bytes = Self.document(format, seed: seed)
        #expect(bytes.count > 1024, "\(format) is too short to reach the fast paths")
        var random = SplitMix(state: seed)
        let expected = Self.outcome(TrafficIngest.Options(), file: format.fileName) {
          try $0.read(Data(bytes), file: format.fileName)
        }
        #expect(expected.error == nil, "\(format) seed \(seed): \(expected)")
        try Self.check(bytes, format, random: &random, parallel: true)
      }
    }
  }

  @Test(
    "Damaged inputs are read or refused, the same on every path, and every fast path is reached",
    .timeLimit(.minutes(5)))
  func damagedInputsAgreeAndReachEveryFastPath() throws {
    #if DEBUG
      let before = FastPath.counted
    #endif
    let cases = PropertyCheck.caseCount(Self.cases)
    let seed = PropertyCheck.singleSeed ?? 29
    let mutator = Mutator(state: seed)
    var random = SplitMix(state: seed ^ 0x5EED)
    var accepted = 0
    var refused = 0
    // The comma formats, then the other dialects with a mutator of their own (so the comma formats' cases are the
    // same as before the dialects were added, and every fourth is still read in parallel pieces).
    let dialects: [Format] = [.csvSemicolon, .csvTab]
    let rounds: [(formats: [Format], cases: Int, mutator: Mutator, parallelEvery: Int)] = [
      (Format.allCases.filter { !dialects.contains($0) }, cases, mutator, 4),
      (dialects, max(cases / 5, 4), Mutator(state: seed ^ 0xD1A1), 2),
    ]
    for var round in rounds {
      for index in 0..<round.cases {
        let format = round.formats[index % round.formats.count]
        let bytes = Self.damaged(Self.document(format, seed: seed &+ UInt64(index)), mutator: &round.mutator)
        try Self.check(bytes, format, random: &random, parallel: index % round.parallelEvery == 0)
        var options = TrafficIngest.Options()
        options.workers = 1
        if Self.outcome(options, file: format.fileName, { try $0.read(Data(bytes), file: format.fileName) }).error
          == nil
        {
          accepted += 1
        } else {
          refused += 1
        }
      }
    }
    // Both outcomes occur: the damage reaches past the header, and not every input is refused.
    #expect(accepted > cases / 10)
    #expect(refused > cases / 10)
    #if DEBUG
      Self.expectReached(FastPath.allCases.filter { !Self.documentPaths.contains($0) }, since: before)
    #endif
  }

  /// The JSON document reader's fast paths (``jsonDocumentsAgree()`` reaches them; the traffic readers do not use it).
  static let documentPaths: [FastPath] = [.documentPlainString, .documentPlainRead]

  #if DEBUG
    /// Expects each of `paths` to have been taken since the counts were `before`.
    static func expectReached(
      _ paths: [FastPath], since before: [FastPath: Int], sourceLocation: SourceLocation = #_sourceLocation
    ) {
      let after = FastPath.counted
      for path in paths {
        #expect(
          (after[path] ?? 0) > (before[path] ?? 0), "fast path \(path) was never taken", sourceLocation: sourceLocation)
      }
    }
  #endif

  /// Found by this fuzz test: the `AzureMetrics` reader stepped past the end of a last line without a line feed and
  /// removed more bytes than it held (a crash).
  @Test("An AzureMetrics CSV whose last line has no line feed is read as with one")
  func metricRowsWithoutFinalLineFeed() throws {
    let text =
      "TimeGenerated,ResourceId,MetricName,Average\n2026-01-01T00:00:00Z,/x/expressRouteCircuits/ams,BitsInPerSecond,5\n"
      + "2026-01-01T00:01:00Z,/x/expressRouteCircuits/ams,BitsInPerSecond,6"
    let withFeed = Self.outcome(TrafficIngest.Options(), file: "m.csv") {
      try $0.read(Data((text + "\n").utf8), file: "m.csv")
    }
    let without = Self.outcome(TrafficIngest.Options(), file: "m.csv") { try $0.read(Data(text.utf8), file: "m.csv") }
    #expect(withFeed.error == nil && withFeed.summaries.map(\.circuit) == ["ams"])
    #expect(without == withFeed)
  }

  /// Found by this fuzz test: a circuit's first sample waits for the second to give the interval, and a problem in it
  /// was reported at the second sample's line (at the next chunk's first line when a large file was read in chunks).
  @Test("A problem in a circuit's first sample is reported at its own line")
  func firstSampleProblemAtItsOwnLine() throws {
    let text =
      "Time,Circuit,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,ams,,5\n2026-01-01T00:01:00Z,ams,6,7\n"
      + "2026-01-01T00:02:00Z,ams,6,7\n"
    let read = Self.outcome(TrafficIngest.Options(), file: "f.csv") { try $0.read(Data(text.utf8), file: "f.csv") }
    let warnings = read.summaries.flatMap(\.warnings).map(\.description)
    #expect(
      warnings.count == 1 && warnings.allSatisfy { $0.hasPrefix("f.csv:2:1: warning: 1 empty value") }, "\(warnings)")
  }

  @Test("The JSON document reader reads a plain string as its escape decoder does, and refuses damage with an error")
  func jsonDocumentsAgree() throws {
    let fixtures = ["estate.json", "retail/page2.json", "sizing-profile.json"].map {
      packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/\($0)")
    }
    var documents = try fixtures.map { [UInt8](try Data(contentsOf: $0)) }
    documents += [Format.restJSON, .azJSON, .logAnalytics].map { Self.document($0, seed: 3) }
    #if DEBUG
      let before = FastPath.counted
    #endif
    var mutator = Mutator(state: 41)
    var parsed = 0
    for round in 0..<PropertyCheck.caseCount(300) {
      let original = documents[round % documents.count]
      let bytes = round < documents.count ? original : Self.damaged(original, mutator: &mutator)
      let document: JSONDocument
      do {
        document = try JSONDocument.parse(Data(bytes), file: "m.json")
      } catch {
        #expect(error.description.hasPrefix("m.json") && !error.message.isEmpty, "\(error.description)")
        continue
      }
      parsed += 1
      for entry in 0..<document.count where document.kind(entry) == .plainString {
        // The fast read (to the next quote) and the general decoder give the same text.
        let text = document.string(entry)
        #expect(text == JSONParser.decodeString(document.bytes, at: document.offset(entry), file: "m.json"))
        #expect(document.keyEquals(entry, text))
      }
    }
    #expect(parsed >= documents.count)
    #if DEBUG
      Self.expectReached(Self.documentPaths, since: before)
    #endif
  }
}
