import Foundation
import TestSupport

@testable import ExpressRouteImport

extension BillingScannerFuzzTests {
  /// One record as a reader gives it: its line, fields and the column each field starts at.
  struct Record: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var columns: [Int]
    var description: String { "\(line): \(fields) @ \(columns)" }
  }

  /// Everything a reader gave for one file: the header, the records, and the error that stopped it.
  struct Reading: Equatable {
    var records: [Record] = []
    var error: String?
    var screenedOut = 0
    var rereads = 0
  }

  /// The columns of the generated exports (a FOCUS-like subset): the ID, two meters and a service are screened.
  static let header = ["BilledCost", "ResourceId", "SkuMeter", "x_SkuMeterName", "ServiceName", "Tags", "Region"]
  static let idColumn = 1
  static let wordColumns = [1, 2, 3, 4]

  /// The estate's IDs, lower-cased, as `read` is given them.
  static let known: Set<String> = [
    "/subscriptions/s1/resourcegroups/net/providers/microsoft.network/virtualnetworkgateways/gw-ams",
    "/subscriptions/s1/resourcegroups/net/providers/microsoft.network/publicipaddresses/pip-ams",
  ]

  /// A generated export: text cells from every family the readers meet, in random case, quoted or not.
  static func export(_ random: inout SplitMix) -> String {
    let lineBreak = Bool.random(using: &random) ? "\r\n" : "\n"
    var text = Bool.random(using: &random) ? "\u{FEFF}" : ""
    text += header.joined(separator: ",") + lineBreak
    let rows = Int.random(in: 1...60, using: &random)
    for _ in 0..<rows {
      var fields = [
        String(Double(Int.random(in: 0...99_999, using: &random)) / 1000), id(&random), meter(&random),
        meter(&random), service(&random), tags(&random), Bool.random(using: &random) ? "westeurope" : "NULL",
      ]
      if Int.random(in: 0..<40, using: &random) == 0 { fields.removeLast() }
      text += fields.map { quoteMaybe($0, &random) }.joined(separator: ",") + lineBreak
      if Int.random(in: 0..<25, using: &random) == 0 { text += lineBreak }
    }
    if Bool.random(using: &random), text.hasSuffix(lineBreak) { text.removeLast() }
    return text
  }

  static func mixedCase(_ text: String, _ random: inout SplitMix) -> String {
    String(
      text.map { character in
        Int.random(in: 0..<3, using: &random) == 0 ? Character(character.uppercased()) : character
      })
  }

  static func id(_ random: inout SplitMix) -> String {
    let ids =
      Array(known) + [
        "/subscriptions/s1/resourcegroups/er/providers/microsoft.network/expressroutecircuits/ams-er",
        "/subscriptions/s2/resourcegroups/app/providers/microsoft.compute/virtualmachines/vm-\(Int.random(in: 0..<9, using: &random))",
        "/subscriptions/s2/resourcegroups/data/providers/microsoft.storage/storageaccounts/st1",
        " /subscriptions/s1/resourcegroups/net/providers/microsoft.network/publicipaddresses/pip-ams",
        "/subscriptions/s1/resourcegroups/net/providers/microsoft.network/virtualnetworkgateways/gw-ams2",
        "/subscriptions/s3/resourcegroups/ergw-rg/providers/microsoft.compute/disks/d", "NULL", "",
      ]
    let picked = ids[Int.random(in: 0..<ids.count, using: &random)]
    return Bool.random(using: &random) ? mixedCase(picked, &random) : picked
  }

  static func meter(_ random: inout SplitMix) -> String {
    let meters = [
      "D4s v5", "Hot LRS Data Stored", "ErGw1AZ", "Standard Metered Data", "ExpressRoute Unlimited Data",
      "Global Reach Zone 1", "Traffic Collector", "Express Route", "Global  Reach", "Data Transfer Out", "NULL", "",
      "Standard IPv4 Static Public IP", "traffic\ncollector", "ergw \"premium\"",
    ]
    let picked = meters[Int.random(in: 0..<meters.count, using: &random)]
    return Bool.random(using: &random) ? mixedCase(picked, &random) : picked
  }

  static func service(_ random: inout SplitMix) -> String {
    let services = ["Virtual Machines", "Storage", "ExpressRoute", "Virtual Network", "Bandwidth", "NULL", ""]
    let picked = services[Int.random(in: 0..<services.count, using: &random)]
    return Bool.random(using: &random) ? mixedCase(picked, &random) : picked
  }

  static func tags(_ random: inout SplitMix) -> String {
    let tags = [
      "{\"env\":\"prod\",\"team\":\"net\"}", "", "{\"note\":\"line one\nline two\"}",
      "{\"owner\":\"expressroute team\"}", String(repeating: "x,", count: Int.random(in: 0...300, using: &random)),
      "{\"crlf\":\"a\r\nb\"}",
    ]
    return tags[Int.random(in: 0..<tags.count, using: &random)]
  }

  /// `text` as a CSV cell: quoted (quotes doubled) when it must be, and sometimes when it need not be.
  static func quoteMaybe(_ text: String, _ random: inout SplitMix) -> String {
    let must = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard must || Int.random(in: 0..<4, using: &random) == 0 else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `bytes` damaged: a byte replaced, inserted or deleted (a quote, a comma, a line break or a carriage return
  /// more often than not), or cut short.
  static func damaged(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
    var bytes = bytes
    guard !bytes.isEmpty else { return bytes }
    let specials: [UInt8] = Array("\",\n\r".utf8) + [UInt8(ascii: "a")]
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      let at = Int.random(in: 0..<bytes.count, using: &random)
      let byte = specials[Int.random(in: 0..<specials.count, using: &random)]
      switch Int.random(in: 0..<4, using: &random) {
      case 0: bytes[at] = byte
      case 1: bytes.insert(byte, at: at)
      case 2: if bytes.count > 1 { bytes.remove(at: at) }
      default: bytes.removeLast(bytes.count - at)
      }
      if bytes.isEmpty { break }
    }
    return bytes
  }

  /// A reference reader: RFC 4180 over the whole text, as the billing scanner documents it (BOM skipped, CR outside
  /// quotes dropped, blank lines skipped, physical line numbers, byte columns); `nil` for input it refuses.
  static func reference(_ bytes: [UInt8]) -> [Record]? {
    var records: [Record] = []
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var lineStart = index
    while index < bytes.count {
      var fields: [String] = []
      var columns: [Int] = []
      var field: [UInt8] = []
      var quoted = false
      var started = false
      let recordLine = line
      columns.append(index - lineStart + 1)
      var ended = false
      while index < bytes.count && !ended {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\r"): continue
        case UInt8(ascii: ","):
          started = true
          fields.append(String(decoding: field, as: UTF8.self))
          field = []
          quoted = false
          columns.append(index - lineStart + 1)
        case UInt8(ascii: "\n"):
          line += 1
          lineStart = index
          ended = true
        case UInt8(ascii: "\""):
          guard field.isEmpty, !quoted else { return nil }
          quoted = true
          started = true
          while true {
            guard index < bytes.count else { return nil }
            let inner = bytes[index]
            index += 1
            if inner == UInt8(ascii: "\n") {
              line += 1
              lineStart = index
            }
            if inner != UInt8(ascii: "\"") {
              field.append(inner)
              continue
            }
            if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
              field.append(inner)
              index += 1
              continue
            }
            break
          }
          // After the closing quote: CRs, then a comma, a line break or the end.
          while index < bytes.count && bytes[index] == UInt8(ascii: "\r") { index += 1 }
          guard index == bytes.count || bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "\n")
          else { return nil }
        default:
          guard !quoted else { return nil }
          started = true
          field.append(byte)
        }
      }
      if !started && fields.isEmpty { continue }
      fields.append(String(decoding: field, as: UTF8.self))
      records.append(Record(line: recordLine, fields: fields, columns: columns))
    }
    return records
  }
}
