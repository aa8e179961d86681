import Foundation
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// Traffic CSV files separated by commas, semicolons (with decimal commas, as European spreadsheets write them) or
/// tabs: the dialect is detected once from the header line (``CSVDialect/detect(_:rank:)``), and every dialect
/// reads the same traffic to the same summary, on the fast path and the general one.
@Suite struct CSVDialectTests {
  /// Summaries of `text` read from memory (fast path on or off), or the error's description.
  static func read(_ text: String, fastPath: Bool = true, file: String = "d.csv") -> Result<
    [TrafficSummary], Diagnostic
  > {
    var options = TrafficIngest.Options()
    options.fastIngest = fastPath
    options.workers = 1
    var ingest = TrafficIngest(options: options)
    do {
      try ingest.read(Data(text.utf8), file: file)
      return .success(try ingest.summaries(file: file))
    } catch {
      return .failure(error)
    }
  }

  /// Summaries of `text`, expecting the fast and the general path to agree.
  static func summaries(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [TrafficSummary] {
    let fast = read(text)
    let general = read(text, fastPath: false)
    #expect((try? fast.get()) == (try? general.get()), "fast and general paths differ", sourceLocation: sourceLocation)
    return try fast.get()
  }

  /// The error reading `text` gives (the same on both paths).
  static func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let fast = read(text)
    let general = read(text, fastPath: false)
    guard case .failure(let error) = fast, case .failure(let other) = general else {
      Issue.record("expected an error on both paths", sourceLocation: sourceLocation)
      return nil
    }
    #expect(error.description == other.description, sourceLocation: sourceLocation)
    return error.description
  }

  /// Two circuits, three minutes; `separator` between fields and `mark` as the decimal mark.
  static func threeMinutes(separator: String, mark: String) -> String {
    let rows = [
      ["Time", "Circuit", "Bits In (Mbps)", "Bits Out (Mbps)"],
      ["2026-01-01T00:00:00Z", "ams", "1\(mark)5", "100"], ["2026-01-01T00:00:00Z", "lon", "0\(mark)25", "50"],
      ["2026-01-01T00:01:00Z", "ams", "2\(mark)5", "300"], ["2026-01-01T00:01:00Z", "lon", "0\(mark)75", "70"],
      ["2026-01-01T00:02:00Z", "ams", "3", "200"], ["2026-01-01T00:02:00Z", "lon", "1", "60\(mark)0"],
    ]
    return rows.map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n"
  }

  @Test("The same traffic separated by commas, semicolons (decimal commas) and tabs gives the same summary")
  func threeDialectsOneSummary() throws {
    let comma = try Self.summaries(Self.threeMinutes(separator: ",", mark: "."))
    let semicolon = try Self.summaries(Self.threeMinutes(separator: ";", mark: ","))
    let tab = try Self.summaries(Self.threeMinutes(separator: "\t", mark: "."))
    let tabWithCommas = try Self.summaries(Self.threeMinutes(separator: "\t", mark: ","))
    #expect(semicolon == comma)
    #expect(tab == comma)
    #expect(tabWithCommas == comma)
    #expect(comma.map(\.circuit) == ["ams", "lon"])
    #expect(comma.map(\.samples) == [3, 3])
    #expect(comma.map(\.interval) == [60, 60])
    // ams inbound 1.5 + 2.5 + 3 = 7 Mbps-samples × 60 s ÷ 8 = 52,500,000 bytes; max 3 Mbps.
    #expect(comma[0].inbound.total == DataVolume(bytes: 52_500_000))
    #expect(comma[0].inbound.max == .mbps(3))
    // ams outbound (100 + 300 + 200) × 10⁶ × 60 ÷ 8 = 4,500,000,000 bytes; max 300 Mbps.
    #expect(comma[0].outbound.total == DataVolume(bytes: 4_500_000_000))
    #expect(comma[0].outbound.max == .mbps(300))
    // lon inbound 0.25 + 0.75 + 1 = 2 Mbps-samples × 60 ÷ 8 = 15,000,000 bytes; max 1 Mbps.
    #expect(comma[1].inbound.total == DataVolume(bytes: 15_000_000))
    #expect(comma[1].inbound.max == .mbps(1))
    // lon outbound (50 + 70 + 60) × 10⁶ × 60 ÷ 8 = 1,350,000,000 bytes.
    #expect(comma[1].outbound.total == DataVolume(bytes: 1_350_000_000))
  }

  /// 200 rows of one circuit (about 11 KB, far past the fast path's 512-byte window): inbound
  /// `100001000,5 + 1000 × i` bits per second written with `mark`, outbound `200000000 + 1000 × i`.
  static func longSeries(separator: String, mark: String, circuitColumn: Bool) -> String {
    var lines = [
      (circuitColumn
        ? ["Timestamp", "Circuit", "BitsInPerSecond", "BitsOutPerSecond"]
        : ["Timestamp", "BitsInPerSecond", "BitsOutPerSecond"]).joined(separator: separator)
    ]
    for i in 0..<200 {
      let time = CivilCalendar.format(1_767_225_600 + Int64(i) * 60)
      let inbound = "\(100_000_000 + 1000 * i)\(mark)5"
      let outbound = "\(200_000_000 + 1000 * i)"
      lines.append(
        (circuitColumn ? [time, "ams", inbound, outbound] : [time, inbound, outbound]).joined(separator: separator))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("Long inputs in each dialect reach the fast path and read the same values", arguments: [true, false])
  func longInputsInEveryDialect(circuitColumn: Bool) throws {
    var readings: [[TrafficSummary]] = []
    for (separator, mark) in [(",", "."), (";", ","), (";", "."), ("\t", "."), ("\t", ",")] {
      let text = Self.longSeries(separator: separator, mark: mark, circuitColumn: circuitColumn)
      #expect(text.utf8.count > 4 * CSVPlainRowReader.window)
      var ingest = TrafficIngest(options: TrafficIngest.Options())
      try ingest.read(Data(text.utf8), file: "d.csv")
      // All but the rows in the last window are plain rows read by the fast path.
      #expect(ingest.plainRowsRead > 150, "separator \(separator.debugDescription): \(ingest.plainRowsRead)")
      readings.append(try Self.summaries(text))
    }
    #expect(readings.allSatisfy { $0 == readings[0] })
    let summary = try #require(readings[0].first)
    #expect(summary.samples == 200)
    // Outbound Σ (200,000,000 + 1000 i), i = 0 … 199 = 40,000,000,000 + 1000 × 19,900 = 40,019,900,000;
    // × 60 s ÷ 8 = 300,149,250,000 bytes. Max 200,199,000 bit/s.
    #expect(summary.outbound.total == DataVolume(bytes: 300_149_250_000))
    #expect(summary.outbound.max == Bandwidth(bitsPerSecond: 200_199_000))
    // Inbound Σ (100,000,000.5 + 1000 i) = 20,000,000,100 + 19,900,000 = 20,019,900,100; × 7.5 = 150,149,250,750.
    #expect(summary.inbound.total == DataVolume(bytes: 150_149_250_750))
  }

  @Test("A quoted field may hold the other separators, in every dialect")
  func quotedFieldsHoldOtherSeparators() throws {
    let semicolon =
      "Time;Circuit;\"Bits In, Mbps\";\"Bits Out\tMbps\"\n" + "2026-01-01T00:00:00Z;\"ams, main; 1\";1,5;100\n"
      + "2026-01-01T00:01:00Z;\"ams, main; 1\";2,5;300\n"
    let comma =
      "Time,Circuit,\"Bits In; Mbps\",Bits Out Mbps\n" + "2026-01-01T00:00:00Z,\"ams, main; 1\",1.5,100\n"
      + "2026-01-01T00:01:00Z,\"ams, main; 1\",2.5,300\n"
    let tab =
      "Time\tCircuit\tBits In (Mbps)\tBits Out (Mbps)\n" + "2026-01-01T00:00:00Z\t\"ams, main; 1\"\t1,5\t100\n"
      + "2026-01-01T00:01:00Z\t\"ams, main; 1\"\t\"2,5\"\t300\n"
    let readings = try [semicolon, comma, tab].map { try Self.summaries($0) }
    #expect(readings[1] == readings[0])
    #expect(readings[2] == readings[0])
    #expect(readings[0].map(\.circuit) == ["ams, main; 1"])
    // 1.5 + 2.5 = 4 Mbps-samples × 60 s ÷ 8 = 30,000,000 bytes; outbound 400 × 10⁶ × 7.5 = 3,000,000,000 bytes.
    #expect(readings[0].first?.inbound.total == DataVolume(bytes: 30_000_000))
    #expect(readings[0].first?.outbound.total == DataVolume(bytes: 3_000_000_000))
  }

  @Test("An ambiguous header goes to the separator that gives the expected columns, the most fields, else the comma")
  func ambiguousHeaders() throws {
    let tick = "2026-01-01T00:00:00Z", next = "2026-01-01T00:01:00Z"
    // Commas inside unquoted semicolon-separated names: split at commas there is no time column.
    let names = "Time;Bits In, Mbps;Bits Out, Mbps\n\(tick);1,5;100\n\(next);2,5;300\n"
    let summary = try #require(try Self.summaries(names).first)
    #expect(summary.inbound.max == Bandwidth(bitsPerSecond: 2_500_000))
    #expect(summary.outbound.max == .mbps(300))
    // Both split it into the three expected columns: a tie, which the comma wins (as before dialects).
    let detected = Array("Time;,BitsInPerSecond;,BitsOutPerSecond".utf8).withUnsafeBufferPointer {
      CSVDialect.detect($0, rank: CSVScanner.headerRank)
    }
    #expect(detected.0 == .comma && detected.1 == ["Time;", "BitsInPerSecond;", "BitsOutPerSecond"])
    let tie = "Time;,BitsInPerSecond;,BitsOutPerSecond\n\(tick),8,800\n\(next),8,800\n"
    // 2 samples × 800 bit/s × 60 s ÷ 8 = 12,000 bytes.
    #expect(try Self.summaries(tie).first?.outbound.total == DataVolume(bytes: 12_000))
    // With the expected columns either way, the semicolon's four fields beat the comma's three.
    let more = "Time,;Circuit;BitsInPerSecond;BitsOutPerSecond\n\(tick);ams;8;800\n\(next);ams;8;800\n"
    #expect(try Self.summaries(more).map(\.circuit) == ["ams"])
    // No separator gives a time column: the header is not found, as before.
    #expect(
      Self.error("Time|BitsIn|BitsOut\n\(tick)|8|800\n")
        == "d.csv: error: no header row with a time column (expected a column named Time, Timestamp or TimeGenerated)")
  }

  @Test("A decimal comma is read only where the separator is not a comma; two decimal marks are refused")
  func decimalCommaAcceptedAndRefused() throws {
    let head = "Time;BitsInPerSecond;BitsOutPerSecond\n2026-01-01T00:00:00Z;1234,4;8\n"
    let accepted = try #require(try Self.summaries(head + "2026-01-01T00:01:00Z;1234,4;8\n").first)
    // 2 × 1234.4 bit/s × 60 s ÷ 8 = 18,516 bytes (1234 alone would give 18,510).
    #expect(accepted.inbound.total == DataVolume(bytes: 18_516))
    // Thousands dot and decimal comma: refused at the cell, not read as 1.234 or 1234.56.
    #expect(
      Self.error(head + "2026-01-01T00:01:00Z;1.234,56;8\n")
        == "d.csv:3:22: error: '1.234,56' in column 'BitsInPerSecond' has two decimal marks (a semicolon-separated "
        + "file may use '.' or ',' as its decimal mark, but thousands separators are not read: write 1234,56 or 1234.56)"
    )
    // The tab dialect too, and the English way round (thousands comma, decimal point).
    #expect(
      Self.error(head.replacingOccurrences(of: ";", with: "\t") + "2026-01-01T00:01:00Z\t8\t1,234.56\n")
        == "d.csv:3:24: error: '1,234.56' in column 'BitsOutPerSecond' has two decimal marks (a tab-separated "
        + "file may use '.' or ',' as its decimal mark, but thousands separators are not read: write 1234,56 or 1234.56)"
    )
    // Past the fast path's window too: the plain rows before it are read, the bad cell refused at its place.
    let long = Self.longSeries(separator: ";", mark: ",", circuitColumn: false)
    #expect(
      Self.error(long + "2026-01-01T03:20:00Z;1.234,56;8\n")?.hasPrefix("d.csv:202:22: error: '1.234,56' in column")
        == true)
    // With commas numbers read as before: `1234,5` is two fields.
    #expect(
      Self.error("Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,1234,5,8\n")
        == "d.csv:2:1: error: expected 3 fields like the header, found 4")
  }

  /// `1.234` where a comma may be the decimal mark is 1234 with a thousands dot as much as 1.234: a thousandfold
  /// apart, so refused at its cell on both paths, short and past the fast path's window; other dot decimals read.
  @Test func aDotThatMayGroupThousandsIsRefused() throws {
    let head = "Time;BitsInPerSecond;BitsOutPerSecond\n2026-01-01T00:00:00Z;987,5;8\n"
    #expect(
      Self.error(head + "2026-01-01T00:01:00Z;1.234;8\n")
        == "d.csv:3:22: error: '1.234' in column 'BitsInPerSecond' is ambiguous in a semicolon-separated file, whose "
        + "decimal mark may be a comma: a thousands dot (1234) or a decimal point; write the number without grouping, "
        + "with a decimal comma if it has a fraction")
    let long = Self.longSeries(separator: ";", mark: ",", circuitColumn: false)
    #expect(
      Self.error(long + "2026-01-01T03:20:00Z;987.500;8\n")?.hasPrefix(
        "d.csv:202:22: error: '987.500' in column 'BitsInPerSecond' is ambiguous") == true)
    // Four fraction digits, or four whole digits, cannot group thousands: 1234.5 and 1.2345 read as written.
    // (987.5 + 1234.5) bit/s × 60 s ÷ 8 = 16,665 bytes.
    let read = try #require(
      try Self.summaries(head.replacingOccurrences(of: "987,5", with: "987.5") + "2026-01-01T00:01:00Z;1234.5;8\n")
        .first)
    #expect(read.inbound.total == DataVolume(bytes: 16_665))
    // In a comma file a dot is only ever a decimal point: 1.234 reads as 1.234 (the maximum in whole bit/s: 1).
    let comma = "Time,BitsInPerSecond,BitsOutPerSecond\n2026-01-01T00:00:00Z,1.234,8\n2026-01-01T00:01:00Z,1.234,8\n"
    #expect(try Self.summaries(comma).first?.inbound.max.bitsPerSecond == 1)
  }

  /// `AzureMetrics` exports are read comma-separated only: with another separator the refusal names the export.
  @Test func anAzureMetricsExportWithAnotherSeparatorIsNamed() throws {
    let rows =
      "TimeGenerated;ResourceId;MetricName;Average\n2026-01-01T00:00:00Z;/x/expressRouteCircuits/ams;BitsInPerSecond;5\n"
    for (separator, name) in [(";", "semicolons"), ("\t", "tabs")] {
      #expect(
        Self.error(rows.replacingOccurrences(of: ";", with: separator))
          == "d.csv:1:1: error: the header names an AzureMetrics export (MetricName, Average) separated by \(name); "
          + "ercalc reads AzureMetrics exports comma-separated only: export the table again as CSV with commas")
    }
  }
}
