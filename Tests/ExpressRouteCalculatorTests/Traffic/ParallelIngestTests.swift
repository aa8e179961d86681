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

/// Reading one CSV file on several cores gives exactly what one core gives: summaries, warnings
/// with their lines, notes and errors.
@Suite struct ParallelIngestTests {
  enum Layout: String, CaseIterable, Sendable {
    case interleaved, circuitMajor, singleCircuit
  }

  /// About 1 MB of series: full-precision rates, `+00:00` offsets, CRLF line ends, two preamble lines,
  /// a few gaps, empty cells and one repeated row.
  static func text(_ layout: Layout, seed: UInt64 = 11) -> String {
    var random = SplitMix(state: seed)
    let circuits = layout == .singleCircuit ? ["only"] : ["ams-1", "ams-2", "fra-1", "lon-1"]
    let steps = layout == .singleCircuit ? 12_000 : 3_000
    let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
    func row(_ step: Int, _ circuit: String) -> String? {
      if random.next() % 500 == 0 { return nil }
      let time = CivilCalendar.format(start + Int64(step) * 60).replacingOccurrences(of: "Z", with: "+00:00")
      let inbound = Double(random.next() % 900_000_000) + Double(random.next() % 1_000_000_007) / 1_000_000_007
      let outbound =
        random.next() % 700 == 0
        ? "" : "\(Double(random.next() % 2_000_000_000) + Double(random.next() % 999_983) / 999_983)"
      return layout == .singleCircuit ? "\(time),\(inbound),\(outbound)" : "\(time),\(circuit),\(inbound),\(outbound)"
    }
    var rows: [String] = []
    switch layout {
    case .interleaved:
      for step in 0..<steps { for circuit in circuits { if let row = row(step, circuit) { rows.append(row) } } }
    case .circuitMajor, .singleCircuit:
      for circuit in circuits { for step in 0..<steps { if let row = row(step, circuit) { rows.append(row) } } }
    }
    rows.insert(rows[rows.count / 3], at: rows.count / 3 + 1)  // a repeated row: a duplicate sample
    let header =
      layout == .singleCircuit
      ? "Time,BitsInPerSecond,BitsOutPerSecond" : "Time,Circuit,BitsInPerSecond,BitsOutPerSecond"
    return (["# exported 2026-12-01", "# unit: bit/s", header] + rows).joined(separator: "\r\n") + "\r\n"
  }

  struct Outcome: Equatable {
    var summaries: [TrafficSummary] = []
    var notes: [String] = []
    var rows = 0
    var error: String?
    var chunks = 0
  }

  static func read(_ text: String, workers: Int, chunkBytes: Int? = nil) throws -> Outcome {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-parallel-\(UUID().uuidString).csv")
      .path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var options = TrafficIngest.Options()
    options.workers = workers
    options.chunkBytes = chunkBytes
    var ingest = TrafficIngest(options: options)
    do {
      try ingest.read(path: path, displayName: "series.csv")
      return Outcome(
        summaries: try ingest.summaries(file: "series.csv"), notes: ingest.notes, rows: ingest.rowsRead,
        chunks: ingest.parallelChunks)
    } catch {
      return Outcome(error: "\(error)", chunks: ingest.parallelChunks)
    }
  }

  @Test("Several cores read what one core reads", arguments: Layout.allCases, [4_096, 37_000, 150_001])
  func sameAsOneCore(_ layout: Layout, _ chunkBytes: Int) throws {
    let text = Self.text(layout)
    let one = try Self.read(text, workers: 1)
    let several = try Self.read(text, workers: 2, chunkBytes: chunkBytes)
    #expect(one.error == nil)
    #expect(several == Outcome(summaries: one.summaries, notes: one.notes, rows: one.rows, chunks: several.chunks))
    // One worker on the mapped file, chunk after chunk (what ERCALC_THREADS=1 does with a large file).
    let mappedOnOneCore = try Self.read(text, workers: 1, chunkBytes: chunkBytes)
    #expect(
      mappedOnOneCore
        == Outcome(summaries: one.summaries, notes: one.notes, rows: one.rows, chunks: mappedOnOneCore.chunks))
    #expect(mappedOnOneCore.chunks == several.chunks)
    // The file really was cut (unless a boundary fell on the repeated row, which sends it back to one core).
    #expect(several.chunks > 1 || several.chunks == 0)
    // The data problems are there to compare: gaps, empty values and the duplicate, with their lines.
    let warnings = one.summaries.flatMap(\.warnings).map(\.description).joined(separator: "\n")
    #expect(warnings.contains("duplicate sample"))
    #expect(warnings.contains("missing sample"))
    #expect(warnings.contains("empty value"))
  }

  @Test func mostCutsStayOnSeveralCores() throws {
    // A boundary only falls back when it lands on the repeated row; with 37 kB chunks of 1 MB it does not.
    let several = try Self.read(Self.text(.interleaved), workers: 2, chunkBytes: 37_000)
    #expect(several.chunks >= 20)
  }

  @Test("Errors deep in the file are the same", arguments: ["bad value", "backwards"])
  func errorsAreTheSame(_ kind: String) throws {
    var lines = Self.text(.interleaved).components(separatedBy: "\r\n")
    let target = lines.count * 2 / 3
    if kind == "bad value" {
      lines[target] = lines[target].replacingOccurrences(of: ",ams-", with: ",ams-").replacingOccurrences(
        of: ".", with: ",", options: [], range: nil)
      lines[target] = lines[target].components(separatedBy: ",").prefix(3).joined(separator: ",") + ",12x4"
    } else {
      lines.insert(lines[10], at: target)
    }
    let text = lines.joined(separator: "\r\n")
    let one = try Self.read(text, workers: 1)
    let several = try Self.read(text, workers: 2, chunkBytes: 20_000)
    #expect(one.error != nil)
    #expect(several.error == one.error)
    #expect(several.chunks == 0)
  }

  /// The resident kilobytes of the mapping that starts at `address`, from `/proc/self/smaps` (-1 if not found).
  private static func residentKilobytes(of address: UnsafeRawPointer) -> Int {
    // A /proc file has no size: read it to its end.
    let smaps =
      FileHandle(forReadingAtPath: "/proc/self/smaps").map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }
      ?? ""
    let start = String(UInt(bitPattern: address), radix: 16)
    var inMapping = false
    for line in smaps.split(separator: "\n") {
      if let range = line.split(separator: " ").first, range.contains("-") {
        inMapping = range.split(separator: "-").first.map { UInt($0, radix: 16) == UInt(start, radix: 16) } ?? false
      } else if inMapping && line.hasPrefix("Rss:") {
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? -1
      }
    }
    return -1
  }

  @Test func aReadRangeIsHandedBackWithTheFoliosAroundIt() throws {
    // An 8 MiB file mapped and read whole; handing back the byte at 4 MiB releases the 2 MiB on each side of it
    // (the largest folio the kernel maps at once), 4 MiB in all, and nothing else.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ercalc-release-\(UUID().uuidString).bin")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(repeating: 0x2C, count: 8 << 20).write(to: url)
    let descriptor = open(url.path, O_RDONLY)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    let size = 8 << 20
    guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
      Issue.record("mmap failed")
      return
    }
    defer { munmap(mapping, size) }
    let bytes = mapping.assumingMemoryBound(to: UInt8.self)
    // Read a byte of every page (the sum is kept, so the reads are not optimised away): all of it is resident.
    var sum = 0
    for offset in stride(from: 0, to: size, by: 4096) { sum &+= Int(bytes[offset]) }
    withExtendedLifetime(sum) {}
    #expect(Self.residentKilobytes(of: mapping) == 8192)
    TrafficIngest.releaseAround(UnsafePointer(bytes), size: size, from: 4 << 20, to: 4 << 20)
    #expect(Self.residentKilobytes(of: mapping) == 4096)
    // Near the ends the range stops at the mapping: from 1 MiB, the first 3 MiB go.
    TrafficIngest.releaseAround(UnsafePointer(bytes), size: size, from: 1 << 20, to: 1 << 20)
    #expect(Self.residentKilobytes(of: mapping) == 2048)
  }
}
