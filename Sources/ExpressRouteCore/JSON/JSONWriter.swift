import Foundation

/// Writes a ``JSONValue`` as pretty-printed JSON, keeping member order.
///
/// Output is deterministic: members come out in the order they were built,
/// two-space indentation, `"key": value`, no escaped slashes, a final newline.
package enum JSONWriter {
  /// The pretty-printed text of `value`.
  package static func write(_ value: JSONValue) -> String {
    var output: [UInt8] = []
    write(value, indent: 0, into: &output)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `value` as UTF-8 bytes (a report of 1,000 sites is megabytes: bytes, not `String` pieces).
  private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
    switch value.kind {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): appendQuoted(text, to: &output)
    case .array(let elements):
      writeContainer(elements, open: "[", close: "]", indent: indent, into: &output) { element, output in
        write(element, indent: indent + 1, into: &output)
      }
    case .object(let members):
      writeContainer(members, open: "{", close: "}", indent: indent, into: &output) { member, output in
        appendQuoted(member.key, to: &output)
        output.append(contentsOf: ": ".utf8)
        write(member.value, indent: indent + 1, into: &output)
      }
    }
  }

  /// `open`, then each element on its own line one level in (written by `body`), commas between, then `close`;
  /// `[]` or `{}` when there are none.
  private static func writeContainer<Element>(
    _ elements: [Element], open: Character, close: Character, indent: Int, into output: inout [UInt8],
    body: (Element, inout [UInt8]) -> Void
  ) {
    output.append(contentsOf: String(open).utf8)
    guard !elements.isEmpty else {
      output.append(contentsOf: String(close).utf8)
      return
    }
    output.append(UInt8(ascii: "\n"))
    for (index, element) in elements.enumerated() {
      appendIndent(indent + 1, to: &output)
      body(element, &output)
      output.append(contentsOf: (index == elements.count - 1 ? "\n" : ",\n").utf8)
    }
    appendIndent(indent, to: &output)
    output.append(contentsOf: String(close).utf8)
  }

  /// Two spaces per level.
  private static func appendIndent(_ level: Int, to output: inout [UInt8]) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  /// `value` on one line: `{"a": 1, "b": [true, null]}`.
  package static func inline(_ value: JSONValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let text): return text
    case .string(let text): return quoted(text)
    case .array(let elements): return "[" + elements.map(inline).joined(separator: ", ") + "]"
    case .object(let members):
      return "{" + members.map { quoted($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
    }
  }

  /// `text` as a JSON string literal.
  package static func quoted(_ text: String) -> String {
    var output: [UInt8] = []
    appendQuoted(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or
  /// `\u00XX`, everything else (all of Unicode) as its own UTF-8 bytes.
  private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let bytes = text.utf8
    if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      output.append(contentsOf: bytes)
    } else {
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
        case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
        case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
        case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
        case ..<0x20:
          let hex = String(byte, radix: 16)
          output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default: output.append(byte)
        }
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

/// Builders for JSON output, so report code reads like the JSON it makes.
extension JSONValue {
  /// A JSON object with members in the given order.
  public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    JSONValue(.object(members.map { JSONMember(key: $0.0, value: $0.1) }))
  }
  /// A JSON array.
  public static func array(_ elements: [JSONValue]) -> JSONValue { JSONValue(.array(elements)) }
  /// A JSON array of objects, one per element, in order: `members` gives each object's members.
  public static func objects<Elements: Sequence>(
    _ elements: Elements, _ members: (Elements.Element) throws -> [(String, JSONValue)]
  ) rethrows -> JSONValue {
    .array(try elements.map { .object(try members($0)) })
  }
  /// A JSON array of strings, in order.
  public static func strings<Elements: Sequence<String>>(_ elements: Elements) -> JSONValue {
    .array(elements.map { .string($0) })
  }
  /// A JSON string.
  public static func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }
  /// A JSON string, or `null`.
  public static func string(_ text: String?) -> JSONValue { text.map { JSONValue(.string($0)) } ?? .null }
  /// A JSON number from an exact decimal.
  public static func number(_ value: Decimal) -> JSONValue { JSONValue(.number(value.plainDescription)) }
  /// A JSON number from an integer.
  public static func number(_ value: Int) -> JSONValue { JSONValue(.number(String(value))) }
  /// A JSON Boolean.
  public static func bool(_ flag: Bool) -> JSONValue { JSONValue(.bool(flag)) }
  /// JSON `null`.
  public static let null = JSONValue(.null)
  /// Money as a fixed-point string with two decimals (`"1436.00"`), exact and locale-free.
  public static func money(_ value: Money) -> JSONValue { .string(value.amount.fixedPoint(places: 2)) }
  /// A unit price as its exact string (`"0.025"`).
  public static func price(_ value: Money) -> JSONValue { .string(value.amount.plainDescription) }
}
