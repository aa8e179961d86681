import Foundation

/// A JSON value together with its file and JSON path, for strict decoding.
///
/// Every accessor throws a ``Diagnostic`` that names the file, line, column
/// and path of the offending value and says what was expected:
///
///     rates.json:14:7: error: circuits.rows[2].monthly: expected a price string such as "436.00", found the number 436
package struct JSONNode: Sendable {
  /// Where the value lives: on a parsed document's tape (read on demand), or a value built in memory.
  enum Backing: Sendable {
    case tape(JSONDocument, Int)
    case tree(JSONValue)
  }

  let backing: Backing
  /// Where the value sits in the document.
  package let position: JSONPath
  /// The file the value came from.
  package let file: String

  /// The value as a ``JSONValue`` tree (built on each call for a parsed document: prefer the typed accessors).
  package var value: JSONValue {
    switch backing {
    case .tape(let document, let entry): return document.value(entry)
    case .tree(let value): return value
    }
  }

  /// The JSON path of the value as text (`circuits.rows[2]`); empty for the root.
  package var path: String { position.description }

  /// Wraps a document's root value.
  package init(root: JSONValue, file: String) {
    backing = .tree(root)
    self.position = .root
    self.file = file
  }

  package init(value: JSONValue, position: JSONPath, file: String) {
    backing = .tree(value)
    self.position = position
    self.file = file
  }

  package init(document: JSONDocument, entry: Int, position: JSONPath) {
    backing = .tape(document, entry)
    self.position = position
    self.file = document.file
  }

  /// Parses `data` and returns its root node (the document is kept compact: see ``JSONDocument``).
  package static func parse(_ data: Data, file: String) throws(Diagnostic) -> JSONNode {
    JSONNode(document: try JSONDocument.parse(data, file: file), entry: 0, position: .root)
  }

  /// The location of this value in its file.
  package var location: FileLocation {
    switch backing {
    case .tape(let document, let entry):
      let (line, column) = document.position(entry)
      return FileLocation(file: file, line: line, column: column)
    case .tree(let value):
      return FileLocation(file: file, line: value.line, column: value.column)
    }
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

  /// What the value is, with a scalar's payload (the text of a string or number is read only when asked for).
  enum Shape {
    case null, bool(Bool), number, string, array, object
  }

  var shape: Shape {
    switch backing {
    case .tape(let document, let entry):
      switch document.kind(entry) {
      case .null: return .null
      case .false: return .bool(false)
      case .true: return .bool(true)
      case .number: return .number
      case .plainString, .escapedString: return .string
      case .array: return .array
      case .object: return .object
      }
    case .tree(let value):
      switch value.kind {
      case .null: return .null
      case .bool(let flag): return .bool(flag)
      case .number: return .number
      case .string: return .string
      case .array: return .array
      case .object: return .object
      }
    }
  }

  /// A number's source text, or `nil` when the value is not a number.
  var numberText: String? {
    switch backing {
    case .tape(let document, let entry): return document.kind(entry) == .number ? document.numberText(entry) : nil
    case .tree(let value):
      if case .number(let text) = value.kind { return text }
      return nil
    }
  }

  /// A string's text, or `nil` when the value is not a string.
  var stringText: String? {
    switch backing {
    case .tape(let document, let entry):
      let kind = document.kind(entry)
      return kind == .plainString || kind == .escapedString ? document.string(entry) : nil
    case .tree(let value):
      if case .string(let text) = value.kind { return text }
      return nil
    }
  }

  /// Whether the value is JSON `null`.
  package var isNull: Bool { if case .null = shape { true } else { false } }
  /// Whether the value is an object.
  package var isObject: Bool { if case .object = shape { true } else { false } }
  /// Whether the value is an array.
  package var isArray: Bool { if case .array = shape { true } else { false } }
  /// Whether the value is a number.
  package var isNumber: Bool { if case .number = shape { true } else { false } }

  /// A short name of the kind, for messages: `a string`, `the number 436` (as ``JSONValue/summary``).
  package var summary: String {
    switch shape {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number: return "the number \(numberText ?? "")"
    case .string:
      let text = stringText ?? ""
      let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return "the string \"\(shown)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Member `key` of this value when it is an object that has it (even `null`), else `nil`; never throws (for
  /// telling formats apart).
  package func member(_ key: String) -> JSONNode? {
    guard isObject, let object = try? object() else { return nil }
    return object.members.first { $0.key == key }?.node
  }

  // MARK: - Typed access

  /// The value as an object.
  package func object() throws(Diagnostic) -> JSONObject {
    guard isObject else {
      throw error("expected an object, found \(summary)")
    }
    return JSONObject(node: self)
  }

  /// The value as an object that holds no key outside `allowed` (see ``JSONObject/rejectUnknownKeys(_:)``).
  package func object(allowing allowed: [String]) throws(Diagnostic) -> JSONObject {
    let object = try self.object()
    try object.rejectUnknownKeys(allowed)
    return object
  }

  /// The value as an array of nodes with indexed paths (made one at a time as they are read).
  package func array() throws(Diagnostic) -> Elements {
    guard isArray else {
      throw error("expected an array, found \(summary)")
    }
    switch backing {
    case .tape(let document, let entry):
      return Elements(
        storage: .tape(document, first: document.firstChild(entry), end: document.next(entry)), parent: position)
    case .tree(let value):
      guard case .array(let elements) = value.kind else { return [] }
      return Elements(
        storage: .nodes(
          elements.enumerated().map { index, element in
            JSONNode(value: element, position: .element(position, index), file: file)
          }),
        parent: position)
    }
  }

  /// The value as a string.
  package func string() throws(Diagnostic) -> String {
    guard let text = stringText else {
      throw error("expected a string, found \(summary)")
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
          "'\(text)' contains the invisible or control character U+\(String(scalar.value, radix: 16, uppercase: true)) (expected visible text)"
        )
      }
    }
    return text
  }

  /// The value as a Boolean.
  package func bool() throws(Diagnostic) -> Bool {
    guard case .bool(let flag) = shape else {
      throw error("expected true or false, found \(summary)")
    }
    return flag
  }

  /// The value as a whole number within `range`.
  package func int(in range: ClosedRange<Int> = 0...Int.max) throws(Diagnostic) -> Int {
    guard let text = numberText, let number = Decimal(jsonNumber: text),
      let whole = number.exactInt
    else {
      throw error("expected a whole number, found \(summary)")
    }
    guard range.contains(whole) else {
      throw error("\(whole) is out of range (expected \(range.lowerBound) to \(range.upperBound))")
    }
    return whole
  }

  /// The value as an exact decimal, from a JSON number or a numeric string.
  package func decimal() throws(Diagnostic) -> Decimal {
    if let text = numberText {
      if let number = Decimal(jsonNumber: text) { return number }
    } else if let text = stringText {
      if let number = Decimal(strict: text) { return number }
      throw error("'\(text)' is not a number (expected plain decimal notation such as \"0.025\")")
    }
    throw error("expected a number, found \(summary)")
  }

  /// The value as a non-negative price written as a JSON string (`"436.00"`).
  ///
  /// Prices are strings so they stay exact and keep their scale on every platform.
  package func price() throws(Diagnostic) -> Decimal {
    guard let text = stringText else {
      throw error("expected a price string such as \"436.00\", found \(summary)")
    }
    guard let amount = Decimal(plain: text) else {
      if text.hasPrefix("-"), Decimal(plain: text.dropFirst()) != nil {
        throw error("negative price '\(text)' (expected zero or more)")
      }
      throw error(
        "'\(text)' is not a price (expected digits with an optional decimal point and digits after it, such as \"436.00\" or \"0.361\")"
      )
    }
    return amount
  }

  /// The value parsed by `parse`, with `expected` named in the error, and what `mistake` says of the text when it
  /// names a likely slip (a unit of bits for bytes).
  package func parsed<T>(
    as expected: String, mistake: (String) -> String? = { _ in nil }, _ parse: (String) -> T?
  ) throws(Diagnostic) -> T {
    let text = try string()
    guard let result = parse(text) else {
      throw error(mistake(text) ?? "'\(text)' is not valid (expected \(expected))")
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
