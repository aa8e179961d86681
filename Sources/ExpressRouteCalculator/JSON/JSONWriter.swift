import Foundation

/// Writes a ``JSONValue`` as pretty-printed JSON, keeping member order.
///
/// Output is deterministic: members come out in the order they were built,
/// two-space indentation, `"key": value`, no escaped slashes, a final newline.
public enum JSONWriter {
  /// The pretty-printed text of `value`.
  public static func write(_ value: JSONValue) -> String {
    var output = ""
    write(value, indent: 0, into: &output)
    return output + "\n"
  }

  private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
    switch value.kind {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): output += quoted(text)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, element) in elements.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        write(element, indent: indent + 1, into: &output)
        output += index == elements.count - 1 ? "\n" : ",\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, member) in members.enumerated() {
        output += String(repeating: "  ", count: indent + 1) + quoted(member.key) + ": "
        write(member.value, indent: indent + 1, into: &output)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  /// `value` on one line: `{"a": 1, "b": [true, null]}`.
  public static func inline(_ value: JSONValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let text): return text
    case .string(let text): return quoted(text)
    case .array(let elements): return "[" + elements.map(inline).joined(separator: ", ") + "]"
    case .object(let members): return "{" + members.map { quoted($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
    }
  }

  /// `text` as a JSON string literal.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
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
