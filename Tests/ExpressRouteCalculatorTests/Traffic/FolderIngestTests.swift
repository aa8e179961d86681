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

/// A folder (a diagnostic-settings export tree) read on several cores gives exactly what one core gives:
/// summaries with their warnings and locations, notes, row counts and errors.
///
/// The blobs follow the shape of MicrosoftDocs azure-docs (batch-diagnostics): one `PT1H.json` of JSON lines per
/// circuit and hour under `resourceId=/SUBSCRIPTIONS/…/y=YYYY/m=MM/d=DD/h=HH/m=00/`, records with `count`, `total`,
/// `minimum`, `maximum`, `average`, `resourceId`, `time`, `metricName` and `timeGrain`.
@Suite struct FolderIngestTests {
  enum Quirk: String, CaseIterable, Sendable {
    /// Shuffled records, a missing hour, a missing minute, a skipped metric.
    case plain
    /// One blob repeats the last minute of the hour before (a duplicate across files).
    case repeatAcrossFiles
    /// One blob spells the circuit in lower case (the JSON reader joins it to the same circuit).
    case otherSpelling
    /// A negative average in a blob in the middle: the error names that blob.
    case badValue
  }

  static let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z

  /// Writes a tree of 2 circuits × 12 hourly blobs under a new folder and returns its path; each blob's records in
  /// random order (as exports may write them), or in time order.
  static func tree(_ quirk: Quirk, shuffled: Bool = true) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-folder-\(UUID().uuidString)").path
    var random = SplitMix(state: 3)
    for circuit in ["AMS-1", "FRA-2"] {
      let resource =
        "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/\(circuit)"
      for hour in 0..<12 where !(circuit == "FRA-2" && hour == 7) {
        let hourStart = start + Int64(hour) * 3600
        let spelled = quirk == .otherSpelling && circuit == "AMS-1" && hour == 5 ? resource.lowercased() : resource
        var records: [String] = []
        let firstMinute = quirk == .repeatAcrossFiles && circuit == "AMS-1" && hour == 4 ? -1 : 0
        for minute in firstMinute..<60 where !(hour == 2 && minute == 17) {
          let time = CivilCalendar.format(hourStart + Int64(minute) * 60).replacingOccurrences(
            of: "Z", with: ".0000000Z")
          for metric in ["BitsInPerSecond", "BitsOutPerSecond", "ArpAvailability"] {
            var average = Double(random.next() % 900_000_000) + Double(random.next() % 1_000_003) / 1_000_003
            if quirk == .badValue && circuit == "FRA-2" && hour == 6 && minute == 30 && metric == "BitsInPerSecond" {
              average = -4
            }
            let maximum = average * 1.5
            records.append(
              #"{"count": 1, "total": \#(average), "minimum": \#(average), "maximum": \#(maximum), "average": \#(average), "resourceId": "\#(spelled)", "time": "\#(time)", "metricName": "\#(metric)", "timeGrain": "PT1M"}"#
            )
          }
        }
        if shuffled { records.shuffle(using: &random) }
        let date = CivilCalendar.format(hourStart)
        let folder =
          "\(root)/insights-metrics-pt1m/resourceId=\(resource)/y=\(date.prefix(4))/m=\(date.dropFirst(5).prefix(2))/d=\(date.dropFirst(8).prefix(2))/h=\(date.dropFirst(11).prefix(2))/m=00"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (records.joined(separator: "\n") + "\n").write(
          toFile: folder + "/PT1H.json", atomically: true, encoding: .utf8)
      }
    }
    return root
  }

  struct Outcome: Equatable {
    var summaries: [TrafficSummary] = []
    var notes: [String] = []
    var rows = 0
    var error: String?
  }

  /// Reads `path` (a folder or a file, shown as `displayName`) on `workers` cores, in chunks of `chunkBytes`, JSON
  /// in blocks of `blockSize`.
  static func read(
    _ path: String, workers: Int, displayName: String = "export", chunkBytes: Int? = nil, blockSize: Int = 1 << 20
  ) -> (outcome: Outcome, mergedRuns: Int) {
    var options = TrafficIngest.Options()
    options.workers = workers
    options.chunkBytes = chunkBytes
    options.jsonBlockSize = blockSize
    var ingest = TrafficIngest(options: options)
    do {
      try ingest.read(path: path, displayName: displayName)
      return (
        Outcome(summaries: try ingest.summaries(file: displayName), notes: ingest.notes, rows: ingest.rowsRead),
        ingest.parallelChunks
      )
    } catch {
      return (Outcome(error: "\(error)"), ingest.parallelChunks)
    }
  }

  @Test("Several cores read a folder as one core does", arguments: Quirk.allCases)
  func sameAsOneCore(_ quirk: Quirk) throws {
    let root = try Self.tree(quirk)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let one = Self.read(root, workers: 1)
    let several = Self.read(root, workers: 2)
    #expect(several.outcome == one.outcome)
    #expect(one.mergedRuns == 0)
    switch quirk {
    case .plain:
      // 23 blobs in 16 runs of consecutive blobs (eight per core), read on two cores and merged; the data
      // problems are there to compare.
      #expect(several.mergedRuns == 16)
      #expect(one.outcome.summaries.map(\.circuit) == ["AMS-1", "FRA-2"])
      // 2 circuits × 12 hours × 60 minutes, less FRA-2's hour 7 and each circuit's minute 02:17: 1,378 samples.
      #expect(one.outcome.summaries.map(\.samples).reduce(0, +) == 1378)
      let warnings = one.outcome.summaries.flatMap(\.warnings).map(\.description).joined(separator: "\n")
      #expect(warnings.contains("missing sample"))
      // The skipped metric is noted once, with the first blob that had it and how many more did (a year's tree
      // has every platform metric in each of its 17,520 blobs); the burst note once per circuit.
      let first =
        "export/insights-metrics-pt1m/resourceId=/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/AMS-1/y=2026/m=01/d=01/h=00/m=00/PT1H.json"
      #expect(
        one.outcome.notes.filter { $0.contains("skipped metric") } == [
          "\(first) and 22 more files: skipped metric 'ArpAvailability' (ercalc reads BitsInPerSecond and BitsOutPerSecond)"
        ])
      #expect(one.outcome.notes.filter { $0.contains("'maximum' aggregation gives its burst peak") }.count == 2)
    case .repeatAcrossFiles:
      // The merge cannot settle a sample repeated across blobs: the folder is read file after file.
      #expect(several.mergedRuns == 0)
      #expect(one.outcome.summaries.flatMap(\.warnings).map(\.description).joined().contains("duplicate sample"))
    case .otherSpelling:
      #expect(several.mergedRuns == 0)
      #expect(one.outcome.summaries.map(\.circuit) == ["AMS-1", "FRA-2"])
    case .badValue:
      let error = try #require(one.outcome.error)
      #expect(error.contains("h=06/m=00/PT1H.json:"), "\(error)")
      // The record's `maximum` (1.5 × −4) comes before its `average`: the first bad value is reported.
      #expect(error.contains(":136:57: error: maximum: negative rate -6.0 (expected zero or more)"), "\(error)")
    }
  }

  /// The blobs joined into one JSON-lines file (as `cat` of a downloaded tree makes): cut into pieces at line ends
  /// where the time changes and read on several cores, with the same outcome as on one.
  @Test("A JSON-lines file read on several cores as on one", arguments: Quirk.allCases)
  func jsonLinesFile(_ quirk: Quirk) throws {
    let root = try Self.tree(quirk, shuffled: false)
    let path = root + ".jsonl"
    defer {
      try? FileManager.default.removeItem(atPath: root)
      try? FileManager.default.removeItem(atPath: path)
    }
    let joined = try TrafficIngest.filesUnder(root).map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
      .joined()
    try joined.write(toFile: path, atomically: true, encoding: .utf8)
    let one = Self.read(path, workers: 1, displayName: "export.jsonl", chunkBytes: 64 << 10)
    let several = Self.read(path, workers: 2, displayName: "export.jsonl", chunkBytes: 64 << 10)
    #expect(several.outcome == one.outcome)
    // Pieces streamed in 4 KiB blocks: records cut at every block edge of every piece read the same.
    #expect(Self.read(path, workers: 2, displayName: "export.jsonl", chunkBytes: 64 << 10, blockSize: 4096) == several)
    #expect(one.mergedRuns == 0)
    switch quirk {
    case .plain:
      // About 1.6 MB in pieces of about 64 KB, each ending where the minute changes.
      #expect(several.mergedRuns >= 20, "\(several.mergedRuns)")
      #expect(one.outcome.summaries.map(\.samples).reduce(0, +) == 1378)
      // One file: its skipped metric is noted for it alone, not once per piece.
      #expect(
        one.outcome.notes.filter { $0.contains("skipped metric") } == [
          "export.jsonl: skipped metric 'ArpAvailability' (ercalc reads BitsInPerSecond and BitsOutPerSecond)"
        ])
    case .repeatAcrossFiles:
      // The repeated minute follows the one it repeats, in the same piece: kept once, counted, as on one core.
      #expect(one.outcome.summaries.flatMap(\.warnings).map(\.description).joined().contains("duplicate sample"))
    case .otherSpelling, .badValue:
      // A circuit spelled two ways, or an error: the file is read on one core, for the same result and message.
      #expect(several.mergedRuns == 0)
    }
  }

  @Test("A folder reports the bytes read as it goes", arguments: [1, 2])
  func progress(_ workers: Int) throws {
    let root = try Self.tree(.plain)
    defer { try? FileManager.default.removeItem(atPath: root) }
    var options = TrafficIngest.Options()
    options.workers = workers
    options.progressBytes = 100_000
    var ingest = TrafficIngest(options: options)
    let reports = Reports()
    try ingest.read(path: root, displayName: "export") { done, total in reports.add(done, total) }
    let seen = reports.all
    // About 1.5 MB of blobs: a report after each 100 KB or more, rising, the total unknown (0), the last at most all.
    #expect(seen.count >= 3, "\(seen)")
    #expect(seen.allSatisfy { $0.total == 0 })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done < $1.done })
    #expect((seen.last?.done ?? 0) <= ingest.bytesRead)
  }

  /// Progress reports, collected from whichever thread makes them.
  final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(done: Int, total: Int)] = []
    func add(_ done: Int, _ total: Int) {
      lock.lock()
      seen.append((done, total))
      lock.unlock()
    }
    var all: [(done: Int, total: Int)] {
      lock.lock()
      defer { lock.unlock() }
      return seen
    }
  }
}
