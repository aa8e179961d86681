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

extension FastPathFuzzTests {
  // MARK: - Generators

  /// Timestamp forms the readers accept: `Z`, an offset, a seven-digit fraction, a space, no seconds, a long fraction.
  static func time(_ seconds: Int64, form: Int) -> String {
    let iso = CivilCalendar.format(seconds)  // 2026-01-01T00:00:00Z
    switch form {
    case 0: return iso
    case 1: return iso.replacingOccurrences(of: "Z", with: "+00:00")
    case 2: return iso.replacingOccurrences(of: "Z", with: ".0000000Z")
    case 3: return iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    case 4: return String(iso.prefix(16))
    default: return String(iso.dropLast()) + ".000000000+00:00"
    }
  }

  /// A rate as exports write it, with `digits` whole digits (one count per document: nine, read as one word, most
  /// often): whole, or with a fraction of 1 to 10 digits (full-precision doubles). Within a fifth of a decade: a wider
  /// span only widens every histogram, which slows the test and tests nothing more here.
  static func rate(_ random: inout SplitMix, digits: Int) -> String {
    var base: UInt64 = 1
    for _ in 1..<digits { base *= 10 }
    let whole = base + random.next() % (base / 5 + 1)
    guard random.next() % 2 == 0 else { return String(whole) }
    var fraction = ""
    for _ in 0...(random.next() % 10) { fraction.append(Character(UnicodeScalar(UInt8(0x30 + random.next() % 10)))) }
    return "\(whole).\(fraction)"
  }

  static let circuits = ["ams-1", "lon-2", "fra-exchange-primary-circuit-03"]
  static let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z

  static func resourceID(_ circuit: String, upper: Bool = false) -> String {
    let id =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-network/providers/Microsoft.Network/expressRouteCircuits/\(circuit)"
    return upper ? id.uppercased() : id
  }

  /// A valid input of `format` (about 1.5 to 12 KB), from `seed`.
  static func document(_ format: Format, seed: UInt64) -> [UInt8] {
    var random = SplitMix(state: seed)
    let form = Int(random.next() % 6)
    let minutes = 24 + Int(random.next() % 30)
    let circuits = Array(Self.circuits.prefix(1 + Int(random.next() % 3)))
    let crlf = random.next() % 4 == 0
    let digits = [9, 9, 9, 2, 7, 10, 12][Int(random.next() % 7)]
    var lines: [String] = []
    func t(_ minute: Int) -> String { time(start + Int64(minute) * 60, form: form) }
    switch format {
    case .csvTimeMajor, .csvCircuitMajor:
      if random.next() % 3 == 0 { lines.append("# exported by a script") }
      lines.append("Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond")
      if format == .csvTimeMajor {
        for minute in 0..<minutes {
          for circuit in circuits {
            lines.append("\(t(minute)),\(circuit),\(rate(&random, digits: digits)),\(rate(&random, digits: digits))")
          }
        }
      } else {
        for circuit in circuits {
          for minute in 0..<minutes {
            lines.append("\(t(minute)),\(circuit),\(rate(&random, digits: digits)),\(rate(&random, digits: digits))")
          }
        }
      }
    case .csvWide:
      lines.append("Time,BitsInPerSecond,BitsOutPerSecond")
      for minute in 0..<(minutes * 2) {
        lines.append("\(t(minute)),\(rate(&random, digits: digits)),\(rate(&random, digits: digits))")
      }
    case .csvOtherOrder:
      lines.append("Circuit,Timestamp,Region,Bits Out (Mbps),BitsInPerSecond")
      for minute in 0..<minutes {
        for circuit in circuits {
          lines.append(
            "\(circuit),\(t(minute)),westeurope,\(100 + random.next() % 200).\(random.next() % 100),\(rate(&random, digits: digits))"
          )
        }
      }
    case .csvQuirky:
      lines.append("Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond")
      for minute in 0..<minutes {
        for circuit in circuits {
          switch random.next() % 10 {
          case 0:
            lines.append(
              "\(t(minute)),\"\(circuit)\",\(rate(&random, digits: digits)),\"\(rate(&random, digits: digits))\"")
          case 1: lines.append("\(t(minute)),\(circuit),,null")
          case 2: lines.append("\(t(minute)),\(circuit),1.5e6, \(rate(&random, digits: digits))")
          case 3:
            lines.append(
              "\(t(minute)),\(circuit),\(rate(&random, digits: digits)),\(rate(&random, digits: digits))\n \n")
          default:
            lines.append("\(t(minute)),\(circuit),\(rate(&random, digits: digits)),\(rate(&random, digits: digits))")
          }
        }
      }
    case .csvSemicolon, .csvTab:
      // The time-major long layout in the other dialects: semicolons with decimal commas, tabs with points.
      let separator = format == .csvSemicolon ? ";" : "\t"
      lines.append(["Timestamp", "Circuit", "BitsInPerSecond", "BitsOutPerSecond"].joined(separator: separator))
      for minute in 0..<minutes {
        for circuit in circuits {
          var rates = [rate(&random, digits: digits), rate(&random, digits: digits)]
          if format == .csvSemicolon { rates = rates.map { $0.replacingOccurrences(of: ".", with: ",") } }
          // `12.585` in a tab file may be a thousands dot: refused as ambiguous, so never a valid input.
          rates = rates.map { rate in
            let parts = rate.split(separator: ".")
            return parts.count == 2 && parts[0].count <= 3 && parts[1].count == 3 ? rate + "1" : rate
          }
          lines.append(([t(minute), circuit] + rates).joined(separator: separator))
        }
      }
    case .metricRowsCSV:
      lines.append("TimeGenerated [UTC],ResourceId,MetricName,Average,Maximum,TimeGrain,UnitName")
      for minute in 0..<minutes {
        for circuit in circuits {
          for metric in ["BitsInPerSecond", "BitsOutPerSecond"] {
            lines.append(
              "\(t(minute)),\(resourceID(circuit, upper: true)),\(metric),\(rate(&random, digits: digits)),\(rate(&random, digits: digits)),PT1M,BitsPerSecond"
            )
          }
        }
      }
    case .restJSON, .azJSON:
      let az = format == .azJSON
      var metrics: [String] = []
      for circuit in circuits {
        for metric in ["BitsInPerSecond", "BitsOutPerSecond"] {
          var points: [String] = []
          for minute in 0..<minutes {
            let average = random.next() % 17 == 0 ? "null" : rate(&random, digits: digits)
            points.append(
              az
                ? "            {\n              \"average\": \(average),\n              \"count\": null,\n              \"maximum\": \(rate(&random, digits: digits)),\n"
                  + "              \"minimum\": null,\n              \"timeStamp\": \"\(t(minute))\",\n              \"total\": null\n            }"
                : #"{"timeStamp":"\#(t(minute))","average":\#(average)}"#)
          }
          let id = resourceID(circuit) + "/providers/Microsoft.Insights/metrics/\(metric)"
          metrics.append(
            az
              ? "    {\n      \"errorCode\": \"Success\",\n      \"id\": \"\(id)\",\n      \"name\": {\n        \"localizedValue\": \"\(metric)\",\n"
                + "        \"value\": \"\(metric)\"\n      },\n      \"resourceGroup\": \"rg-network\",\n      \"timeseries\": [\n        {\n"
                + "          \"data\": [\n\(points.joined(separator: ",\n"))\n          ],\n          \"metadatavalues\": []\n        }\n      ],\n"
                + "      \"type\": \"Microsoft.Insights/metrics\",\n      \"unit\": \"BitsPerSecond\"\n    }"
              : #"{"id":"\#(id)","type":"Microsoft.Insights/metrics","name":{"value":"\#(metric)","localizedValue":"\#(metric)"},"#
                + #""unit":"BitsPerSecond","timeseries":[{"metadatavalues":[],"data":[\#(points.joined(separator: ","))]}],"errorCode":"Success"}"#
          )
        }
      }
      return Array(
        (az
          ? "{\n  \"cost\": 0,\n  \"interval\": \"PT1M\",\n  \"namespace\": \"Microsoft.Network/expressRouteCircuits\",\n  \"timespan\": \"x\",\n"
            + "  \"value\": [\n\(metrics.joined(separator: ",\n"))\n  ]\n}\n"
          : #"{"cost":0,"timespan":"x","interval":"PT1M","value":[\#(metrics.joined(separator: ","))],"namespace":"n"}"#)
          .utf8)
    case .diagnosticLines:
      for minute in 0..<minutes {
        for circuit in circuits {
          for metric in ["BitsInPerSecond", "BitsOutPerSecond"] {
            let value = rate(&random, digits: digits)
            lines.append(
              #"{ "count": 1, "total": \#(value), "minimum": \#(value), "maximum": \#(value), "average": \#(value), "#
                + #""resourceId": "\#(resourceID(circuit, upper: true))", "time": "\#(time(start + Int64(minute) * 60, form: 2))", "#
                + #""metricName": "\#(metric)", "timeGrain": "PT1M"}"#)
          }
        }
      }
    case .logAnalytics:
      var rows: [String] = []
      for minute in 0..<minutes {
        for circuit in circuits {
          for metric in ["BitsInPerSecond", "BitsOutPerSecond"] {
            rows.append(
              #"  {"TimeGenerated": "\#(t(minute))", "ResourceId": "\#(resourceID(circuit, upper: true))", "MetricName": "\#(metric)", "#
                + #""Average": \#(rate(&random, digits: digits)), "Maximum": "\#(rate(&random, digits: digits))", "TimeGrain": "PT1M"}"#
            )
          }
        }
      }
      return Array("[\n\(rows.joined(separator: ",\n"))\n]\n".utf8)
    }
    let separator = crlf ? "\r\n" : "\n"
    return Array((lines.joined(separator: separator) + separator).utf8)
  }

  /// Places where a cut tests an edge: around the CSV window (512) and its margin (128), the 48-byte timestamp
  /// limit, the JSON read-ahead's 32-byte leads and 256-byte kept values, 8-byte words, and the input's own end.
  static func edges(_ count: Int) -> [Int] {
    var cuts: Set<Int> = []
    for edge in [
      8, 16, 32, 48, 64, 128, 256, 384, 512, 640, 1024, 1536, 2048, 4096, count - 512, count - 128, count - 32,
      count - 8,
    ] {
      for delta in -1...1 where edge + delta > 0 && edge + delta < count { cuts.insert(edge + delta) }
    }
    return cuts.sorted()
  }
}
