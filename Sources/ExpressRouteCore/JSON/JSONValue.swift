import Foundation

/// A parsed JSON value that remembers where it stood in its file.
///
/// Produced by ``JSONParser``. Numbers keep their exact source text so they
/// can become `Decimal` without passing through `Double`. Object members keep
/// their order; duplicate keys are rejected by the parser.
public struct JSONValue: Sendable, Hashable {
  /// The kind of value and its payload.
  public enum Kind: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number's source text, such as `-0.5` or `1e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONValue.JSONMember])
  }

  /// The kind of value and its payload.
  public var kind: Kind
  /// Where the value starts, packed to keep large documents small (a value is 32 bytes, not 40).
  private var packedLine: UInt32
  private var packedColumn: UInt32

  /// The 1-based line where the value starts.
  public var line: Int {
    get { Int(packedLine) }
    set { packedLine = UInt32(clamping: newValue) }
  }
  /// The 1-based column where the value starts.
  public var column: Int {
    get { Int(packedColumn) }
    set { packedColumn = UInt32(clamping: newValue) }
  }

  /// Creates a value at a position.
  public init(_ kind: Kind, line: Int = 1, column: Int = 1) {
    self.kind = kind
    self.packedLine = UInt32(clamping: line)
    self.packedColumn = UInt32(clamping: column)
  }

  /// A short name of the kind, for messages: `a string`, `the number 436`.
  public var summary: String {
    switch kind {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let text): return "the number \(text)"
    case .string(let text):
      let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return "the string \"\(shown)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// The member named `key`, if this is an object that has it.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first(where: { $0.key == key })?.value
  }
}

extension JSONValue {
  /// One `"key": value` pair of a JSON object.
  public struct JSONMember: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }
}

// Short names inside the package.
package typealias JSONMember = JSONValue.JSONMember
