import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteTraffic

/// One escape decoder (``JSONEscape``) serves both JSON readers: the whole-document parser and the traffic stream.
/// Before it, the stream took `\q` as `q` and refused a surrogate pair the parser accepted.
@Suite struct JSONEscapeTests {
  static func decode(_ text: String) -> Result<String, JSONEscape.Failure> {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return .success("") }
      do throws(JSONEscape.Failure) {
        let (scalar, length) = try JSONEscape.decode(base, available: buffer.count)
        return .success(String(Character(scalar)) + "/\(length)")
      } catch {
        return .failure(error)
      }
    }
  }

  @Test("Every RFC 8259 escape decodes, with the bytes it took")
  func escapes() {
    let cases: [(String, String)] = [
      (#"\""#, "\"/2"), (#"\\"#, "\\/2"), (#"\/"#, "//2"), (#"\b"#, "\u{08}/2"), (#"\f"#, "\u{0C}/2"),
      (#"\n"#, "\n/2"), (#"\r"#, "\r/2"), (#"\t"#, "\t/2"), (#"\u00e9"#, "é/6"), (#"\u00E9rest"#, "é/6"),
      // U+1F600 as the surrogate pair D83D DE00: 0x10000 + (0x3D << 10) + 0x200 = 0x1F600.
      (#"\uD83D\uDE00"#, "\u{1F600}/12"),
    ]
    for (escape, expected) in cases {
      #expect((try? Self.decode(escape).get()) == expected, "\(escape)")
    }
  }

  @Test("What is not an escape is refused, with the byte it is reported at")
  func refusals() {
    let cases: [(String, String, Int)] = [
      (#"\q"#, "invalid escape '\\q' in a string", 0),
      (#"\"#, "unterminated escape sequence", 1),
      (#"\u12"#, "unterminated \u{5C}u escape", 4),
      (#"\u12G4"#, "expected four hex digits in a \u{5C}u escape, found 'G'", 4),
      (#"\uD83D"#, "unpaired UTF-16 surrogate in \u{5C}u escape", 0),
      (#"\uD83Dx"#, "unpaired UTF-16 surrogate in \u{5C}u escape", 0),
      (#"\uDE00"#, "unpaired UTF-16 surrogate in \u{5C}u escape", 0),
      (#"\uD83D\u0041"#, "invalid UTF-16 low surrogate in \u{5C}u escape", 6),
    ]
    for (escape, message, offset) in cases {
      switch Self.decode(escape) {
      case .success(let text): Issue.record("\(escape) decoded as \(text)")
      case .failure(let failure):
        #expect(failure.message == message, "\(escape)")
        #expect(failure.offset == offset, "\(escape)")
      }
    }
  }

  /// A REST metrics export whose circuit is named `name` (as written in JSON, escapes and all).
  static func export(circuit name: String) -> String {
    """
    {"value": [{"id": "/subscriptions/x/providers/Microsoft.Network/expressRouteCircuits/\(name)/providers/Microsoft.Insights/metrics/BitsOutPerSecond",
      "name": {"value": "BitsOutPerSecond"}, "unit": "BitsPerSecond",
      "timeseries": [{"data": [{"timeStamp": "2026-01-01T00:00:00Z", "average": 8}]}]}]}
    """
  }

  @Test("The document parser and the traffic stream read the same escaped names, and refuse the same damage")
  func bothReadersAgree() throws {
    for name in [#"ams\u002D1"#, #"ams-\u00e9"#, #"sin\uD83D\uDE00"#, #"a\/b\\c"#, "plain"] {
      let json = Self.export(circuit: name)
      let document = try JSONParser.parse(Array(json.utf8), file: "m.json")
      guard case .array(let values) = document["value"]?.kind, case .string(let id) = values.first?["id"]?.kind else {
        Issue.record("no id in \(json)")
        continue
      }
      var ingest = TrafficIngest(options: .init(interval: 60))
      try ingest.read(Data(json.utf8), file: "m.json")
      let circuits = try ingest.summaries(file: "m.json").map(\.circuit)
      #expect(circuits == [resourceName(id)], "\(name)")
    }
    for name in [#"ams\q"#, #"ams\uD83D"#, #"ams\uDE00x"#] {
      let json = Self.export(circuit: name)
      let parsed = Fixtures.diagnostic { _ = try JSONParser.parse(Array(json.utf8), file: "m.json") }
      let streamed = Fixtures.diagnostic {
        var ingest = TrafficIngest(options: .init(interval: 60))
        try ingest.read(Data(json.utf8), file: "m.json")
      }
      #expect(parsed != nil && streamed != nil, "\(name)")
      #expect(
        parsed?.message.hasSuffix(streamed?.message ?? "-") == true,
        "\(parsed?.message ?? "") / \(streamed?.message ?? "")")
    }
  }
}
