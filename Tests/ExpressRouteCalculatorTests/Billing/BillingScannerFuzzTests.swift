import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCore
@testable import ExpressRouteImport

/// Fuzzing the billing scanner where it is fastest: the pre-screened, parallel, word-at-a-time reader must give every
/// record the reader keeps exactly as the general byte-at-a-time reader gives it (fields, line, columns), and the
/// same error at the same place; the general reader must read what a simple reference reader reads.
///
/// Exports are generated with the quirks of real ones (BOM, CRLF or LF, quoted fields with commas, doubled quotes
/// and line breaks, `NULL`, IDs in mixed case, ExpressRoute words only in a meter or service column, rows with a
/// field missing, blank lines, long quoted cells), then often damaged (a quote, comma, line break or carriage return
/// put in, a byte removed, the file cut short). Each is read with chunks of 8 to 300 bytes and windows of 16 to
/// 2,000 bytes, so records, quoted fields and line breaks fall on every edge of the eight-byte words, the chunks and
/// the windows, and chunk starts fall inside quoted fields; in rounds of one to three chunks.
@Suite struct BillingScannerFuzzTests {
  /// Fuzzed exports per run in CI (each read four ways and by the reference).
  static let cases = 400

  /// Reads `path` with the scanner: unscreened, or screened with these sizes and chunks per round.
  static func read(_ path: String, screened: (BillingChunkReader.Sizes, Int)?) -> Reading {
    var reading = Reading()
    do {
      var scanner = try BillingCSVScanner(path: path, file: "f.csv")
      guard let header = try scanner.next() else { return reading }
      reading.records.append(Record(line: scanner.recordLine, fields: header, columns: scanner.fieldColumns))
      if let (sizes, slots) = screened {
        let known = Set(Self.known.map { Array($0.utf8) })
        scanner.screen(
          BillingScreen(fieldCount: header.count, idColumn: idColumn, wordColumns: wordColumns, known: known),
          sizes: sizes, slots: slots)
      }
      while try scanner.nextRecord() {
        let fields = (0..<scanner.fieldCount).map(scanner.field)
        reading.records.append(Record(line: scanner.recordLine, fields: fields, columns: scanner.fieldColumns))
      }
      reading.screenedOut = scanner.rowsScreenedOut
      reading.rereads = scanner.chunksReread
    } catch {
      reading.error = error.description
    }
    return reading
  }

  /// Whether `read` keeps `record` past its screen: another number of fields (an error there), or the words or an
  /// estate ID in its ID, meter and service cells (``BillingLedger/read(path:file:into:amortised:known:)``'s test).
  static func passesReadScreen(_ record: Record) -> Bool {
    guard record.fields.count == header.count else { return true }
    func lowered(_ text: String) -> [UInt8] {
      text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
    }
    let id = lowered(record.fields[idColumn])
    var screen = id
    for column in wordColumns.dropFirst() { screen += [0] + lowered(record.fields[column]) }
    return BillingLedger.mentionsExpressRoute(screen) || Set(known.map { Array($0.utf8) }).contains(id)
  }

  @Test func preScreenKeepsMixedCaseIDsWordsInOneColumnQuotedFieldsCRLFAndBOM() throws {
    let header = "BilledCost,BillingCurrency,ChargePeriodStart,ConsumedQuantity,ResourceId,SkuMeter,ServiceName"
    let rows = [
      // The estate's public IP, its ID in capitals: kept by the estate's IDs, though nothing says ExpressRoute.
      "1.5,USD,2026-10-01 00:00:00,1,/SUBSCRIPTIONS/S/RESOURCEGROUPS/R/PROVIDERS/MICROSOFT.NETWORK/"
        + "PUBLICIPADDRESSES/PIP,Standard IPv4 Static Public IP,Virtual Network",
      // ExpressRoute only in the service column.
      "2,USD,2026-10-01,1,/subscriptions/s/x/vm1,Standard Metered Data,EXPRESSROUTE",
      // Quoted cells, a comma in the meter.
      "\"3\",USD,2026-10-01,1,\"/subscriptions/s/x/vm2\",\"ErGw1AZ, zone 1\",Virtual Network",
      // Other services: a quoted line break and doubled quotes.
      "4,USD,2026-10-01,1,/subscriptions/s/x/vm3,D4s v5,Virtual Machines",
      "5,USD,2026-10-01,1,\"/subscriptions/s/x/vm4\",\"Hot \"\"LRS\"\"\r\nline two\",Storage",
      // Global Reach in the meter, NULL for the service.
      "6,USD,2026-10-01,1,/subscriptions/s/x/vm5,global reach zone 1,NULL",
    ]
    let text = "\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("prescreen-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var ledger = BillingLedger()
    let known: Set<String> = ["/subscriptions/s/resourcegroups/r/providers/microsoft.network/publicipaddresses/pip"]
    try BillingLedger.read(path: url.path, file: "f.csv", into: &ledger, known: known)
    #expect(ledger.rowsRead == 6)
    #expect(ledger.rowsKept == 4)
    // 1.5 + 2 + 3 + 6 = 12.5: the public IP, the service, the gateway meter, Global Reach.
    #expect(ledger.charges.values.map(\.cost).reduce(0, +) == Decimal(string: "12.5"))
    // The Global Reach row is on line 8: the header on 1, rows on 2 to 7, the quoted line break making 7 two lines.
    let reach = ledger.charges.values.first { $0.meter == "global reach zone 1" }
    #expect(reach?.firstRow.line == 8)
  }

  @Test func screenedReadingKeepsWhatTheGeneralReaderKeeps() throws {
    var screenedOut = 0
    var rereads = 0
    var kept = 0
    var rejectedByReference = 0
    PropertyCheck.run("billing scanner", cases: Self.cases, test: "BillingScannerFuzzTests") { seed in
      var random = SplitMix(state: seed)
      var bytes = Array(Self.export(&random).utf8)
      if Int.random(in: 0..<3, using: &random) == 0 { bytes = Self.damaged(bytes, &random) }
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("bill-fuzz-\(seed).csv")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      var problems: [String] = []
      let general = Self.read(url.path, screened: nil)
      // The general reader against the reference.
      if let reference = Self.reference(bytes) {
        if general.error == nil && general.records != reference {
          problems.append("general reader \(general.records) != reference \(reference)")
        }
      } else {
        rejectedByReference += 1
        if general.error == nil { problems.append("the reference refuses what the general reader read") }
      }
      for _ in 0..<4 {
        let sizes = BillingChunkReader.Sizes(
          chunk: Int.random(in: 8...300, using: &random), window: Int.random(in: 16...2000, using: &random))
        let slots = Int.random(in: 1...3, using: &random)
        let screened = Self.read(url.path, screened: (sizes, slots))
        if screened.error != general.error {
          let errors = "\(screened.error ?? "none") != \(general.error ?? "none")"
          problems.append("chunks \(sizes) on \(slots): error \(errors)")
        }
        // Every record the general reader gives and `read` would keep comes, the same, from the screened reader;
        // nothing else does but records the general reader gives.
        let wanted = general.records.dropFirst().filter(Self.passesReadScreen)
        let given = screened.records.dropFirst().filter(Self.passesReadScreen)
        if Array(wanted) != Array(given) || screened.records.first != general.records.first {
          problems.append("chunks \(sizes) on \(slots): kept \(Array(given)) != \(Array(wanted))")
        }
        let generalSet = Set(general.records.map(\.description))
        for record in screened.records where !generalSet.contains(record.description) {
          problems.append("chunks \(sizes) on \(slots): \(record) is not a record of the general reader")
        }
        if general.error == nil && screened.records.count + screened.screenedOut != general.records.count {
          problems.append(
            "chunks \(sizes) on \(slots): \(screened.records.count) read + \(screened.screenedOut) screened out != \(general.records.count)"
          )
        }
        screenedOut += screened.screenedOut
        rereads += screened.rereads
        kept += given.count
      }
      return .checked(input: String(decoding: bytes, as: UTF8.self).debugDescription, problems: problems)
    }
    // The fast paths were reached: rows screened out and rows kept through them, chunks that started inside a quoted
    // field read again; damaged inputs refused.
    #expect(screenedOut > 1000)
    #expect(rereads > 20)
    #expect(kept > 1000)
    #expect(rejectedByReference > 10)
  }
}
