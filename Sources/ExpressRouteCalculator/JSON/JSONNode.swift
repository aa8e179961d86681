import Foundation

/// A JSON value together with its file and JSON path, for strict decoding.
///
/// Every accessor throws a ``Diagnostic`` that names the file, line, column
/// and path of the offending value and says what was expected:
///
///     rates.json:14:7: error: circuits.rows[2].monthly: expected a price string such as "436.00", found the number 436
package struct JSONNode: Sendable {
  /// The value.
  package let value: JSONValue
  /// Where the value sits in the document.
  package let position: JSONPath
  /// The file the value came from.
  package let file: String

  /// The JSON path of the value as text (`circuits.rows[2]`); empty for the root.
  package var path: String { position.description }

  /// Wraps a document's root value.
  package init(root: JSONValue, file: String) {
    self.value = root
    self.position = .root
    self.file = file
  }

  init(value: JSONValue, position: JSONPath, file: String) {
    self.value = value
    self.position = position
    self.file = file
  }

  /// Parses `data` and returns its root node.
  package static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONNode {
    JSONNode(root: try JSONParser.parse(data, file: file), file: file)
  }

  /// The location of this value in its file.
  package var location: FileLocation {
    FileLocation(file: file, line: value.line, column: value.column)
  }

  /// A diagnostic about this value.
  package func error(_ message: String, rule: String? = nil) -> Diagnostic {
    let path = self.path
    return Diagnostic(.error, message, location: location, path: path.isEmpty ? nil : path, rule: rule)
  }

  /// A warning about this value.
  package func warning(_ message: String) -> Diagnostic {
    let path = self.path
    return Diagnostic(.warning, message, location: location, path: path.isEmpty ? nil : path)
  }

  /// Whether the value is JSON `null`.
  package var isNull: Bool { value.kind == .null }

  // MARK: - Typed access

  /// The value as an object.
  package func object() throws(Diagnostic) -> JSONObject {
    guard case .object(let members) = value.kind else {
      throw error("expected an object, found \(value.summary)")
    }
    return JSONObject(node: self, members: members)
  }

  /// The value as an array of nodes with indexed paths.
  package func array() throws(Diagnostic) -> [JSONNode] {
    guard case .array(let elements) = value.kind else {
      throw error("expected an array, found \(value.summary)")
    }
    return elements.enumerated().map { index, element in
      JSONNode(value: element, position: .element(position, index), file: file)
    }
  }

  /// The value as a string.
  package func string() throws(Diagnostic) -> String {
    guard case .string(let text) = value.kind else {
      throw error("expected a string, found \(value.summary)")
    }
    return text
  }

  /// The value as a string that is not empty or blank and holds no invisible
  /// or control characters (a zero-width space in a name makes two names that
  /// look the same but never match).
  package func nonEmptyString() throws(Diagnostic) -> String {
    let text = try string()
    guard !text.trimmedOfWhitespace().isEmpty else {
      throw error("expected a non-empty string")
    }
    for scalar in text.unicodeScalars where !(0x20..<0x7F).contains(scalar.value) {  // printable ASCII needs no check
      let category = scalar.properties.generalCategory
      if category == .control || category == .format || scalar == "\u{FFFD}" {
        throw error(
          "'\(text)' contains the invisible or control character U+\(String(scalar.value, radix: 16, uppercase: true)) (expected visible text)")
      }
    }
    return text
  }

  /// The value as a Boolean.
  package func bool() throws(Diagnostic) -> Bool {
    guard case .bool(let flag) = value.kind else {
      throw error("expected true or false, found \(value.summary)")
    }
    return flag
  }

  /// The value as a whole number within `range`.
  package func int(in range: ClosedRange<Int> = 0...Int.max) throws(Diagnostic) -> Int {
    guard case .number(let text) = value.kind, let number = Decimal(jsonNumber: text),
      let whole = number.exactInt
    else {
      throw error("expected a whole number, found \(value.summary)")
    }
    guard range.contains(whole) else {
      throw error("\(whole) is out of range (expected \(range.lowerBound) to \(range.upperBound))")
    }
    return whole
  }

  /// The value as an exact decimal, from a JSON number or a numeric string.
  package func decimal() throws(Diagnostic) -> Decimal {
    switch value.kind {
    case .number(let text):
      if let number = Decimal(jsonNumber: text) { return number }
    case .string(let text):
      if let number = Decimal(strict: text) { return number }
      throw error("'\(text)' is not a number (expected plain decimal notation such as \"0.025\")")
    default:
      break
    }
    throw error("expected a number, found \(value.summary)")
  }

  /// The value as a non-negative price written as a JSON string (`"436.00"`).
  ///
  /// Prices are strings so they stay exact and keep their scale on every platform.
  package func price() throws(Diagnostic) -> Decimal {
    guard case .string(let text) = value.kind else {
      throw error("expected a price string such as \"436.00\", found \(value.summary)")
    }
    guard let amount = Decimal(plain: text) else {
      if text.hasPrefix("-"), Decimal(plain: text.dropFirst()) != nil {
        throw error("negative price '\(text)' (expected zero or more)")
      }
      throw error("'\(text)' is not a price (expected digits with an optional decimal point and digits after it, such as \"436.00\" or \"0.361\")")
    }
    return amount
  }

  /// The value parsed by `parse`, with `expected` named in the error.
  package func parsed<T>(as expected: String, _ parse: (String) -> T?) throws(Diagnostic) -> T {
    let text = try string()
    guard let result = parse(text) else {
      throw error("'\(text)' is not valid (expected \(expected))")
    }
    return result
  }

  /// The value as one of `type`'s cases, matched case-insensitively.
  package func oneOf<T: ParsableName>(_ type: T.Type) throws(Diagnostic) -> T {
    let text = try nonEmptyString()
    guard let result = T(name: text) else {
      throw error(T.invalidNameMessage(text))
    }
    return result
  }
}

/// A JSON object with its path, for strict decoding.
package struct JSONObject: Sendable {
  /// The object's own node.
  package let node: JSONNode
  /// The members in file order.
  package let members: [JSONMember]

  /// The member `key`, or `nil` when it is absent or `null`.
  package func optional(_ key: String) -> JSONNode? {
    guard let member = members.first(where: { $0.key == key }), member.value.kind != .null else {
      return nil
    }
    return JSONNode(value: member.value, position: .member(node.position, key), file: node.file)
  }

  /// The member `key`; absent or `null` is an error.
  package func required(_ key: String) throws(Diagnostic) -> JSONNode {
    guard let member = optional(key) else {
      throw node.error("missing key '\(key)'")
    }
    return member
  }

  /// Whether the object has a member `key` (even `null`).
  package func has(_ key: String) -> Bool { members.contains(where: { $0.key == key }) }

  /// Rejects any key not in `allowed`, suggesting the nearest allowed key.
  package func rejectUnknownKeys(_ allowed: [String]) throws(Diagnostic) {
    for member in members where !allowed.contains(member.key) {
      let at = JSONNode(value: member.value, position: .member(node.position, member.key), file: node.file)
      var message = "unknown key '\(member.key)'"
      if let suggestion = Suggestion.nearest(to: member.key, in: allowed) {
        message += "; did you mean '\(suggestion)'?"
      } else {
        message += " (expected one of: \(allowed.joined(separator: ", ")))"
      }
      throw at.error(message)
    }
  }
}
