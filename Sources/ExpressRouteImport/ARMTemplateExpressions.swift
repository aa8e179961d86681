import ExpressRouteCore
import Foundation

/// Evaluates the ARM template expressions that make a SKU, a size or a location: `[parameters('gatewaySku')]`
/// (the value from a parameters file, else the template's `defaultValue`), `[variables('x')]`, `[concat(…)]` and
/// `[format('{0}_{1}', …)]`, with string and integer literals. Anything else (`resourceGroup().location`,
/// `resourceId(…)`) is left as written and named if a priced field needs it.
struct ARMTemplateExpressions {
  /// Parameter values: the parameters file's `value`, else the template's `defaultValue`.
  private var parameters: [String: JSONValue] = [:]
  /// The template's variables, as written (they may hold expressions themselves).
  private var variables: [String: JSONValue] = [:]
  /// Expressions that could not be evaluated, with why, by their text.
  private(set) var unevaluated: [String: String] = [:]
  /// The resource copy loop being expanded (its `copy.name`) and the index of the copy, for `copyIndex()`.
  var copyLoop: (name: String, index: Int)?

  /// Parameters whose value ercalc cannot know (a Key Vault reference), with why, by lowercased name.
  private var unknownParameters: [String: String] = [:]

  /// Reads the template's `parameters` and `variables`; `values` is the parameters file's root (the
  /// `azuredeploy.parameters.json` shape, `{"parameters": {"name": {"value": …}}}`), if any.
  ///
  /// The parameters file is checked as Azure checks it before deploying: a parameter the template does not declare,
  /// an entry that is neither `{"value": …}` nor a Key Vault `{"reference": …}`, a `null` value or a value outside the
  /// parameter's `allowedValues` is an error at that entry (never a silent fall-back to the default). A Key Vault
  /// reference has a value ercalc cannot read: an expression that needs it is named as not evaluated.
  init(template: JSONObject, values: JSONNode?) throws(Diagnostic) {
    var declaredNames: [String] = []
    var allowedValues: [String: [JSONValue]] = [:]
    if let declared = try template.optional("parameters")?.object() {
      for member in declared.members {
        declaredNames.append(member.key)
        guard let parameter = try declared.optional(member.key)?.object() else { continue }
        if let allowed = try parameter.optional("allowedValues")?.array() {
          allowedValues[member.key.lowercased()] = allowed.map(\.value)
        }
        guard let value = parameter.optional("defaultValue") else { continue }
        parameters[member.key.lowercased()] = value.value
      }
    }
    if let values {
      let root = try values.object()
      let given = try (root.optional("parameters") ?? values).object()
      let declared = Set(declaredNames.map { $0.lowercased() })
      var seen: [String: (name: String, node: JSONNode)] = [:]
      for member in given.members {
        let entryNode = JSONNode(
          value: member.value, position: .member(given.node.position, member.key), file: given.node.file)
        let key = member.key.lowercased()
        // ARM parameter names are case-insensitive: two spellings of one name give one parameter two values.
        if let earlier = seen[key] {
          let at = earlier.node.location
          throw entryNode.error(
            "parameter '\(member.key)' is given twice, as '\(earlier.name)' (line \(at.line)\(at.column.map { ", column \($0)" } ?? "")) and as '\(member.key)'; ARM parameter names are case-insensitive, so Azure rejects the file (give the parameter once)"
          )
        }
        seen[key] = (member.key, entryNode)
        guard declared.contains(key) else {
          var message =
            "parameter '\(member.key)' is not declared in the template's parameters (Azure rejects a parameters file that gives it)"
          if let near = Suggestion.nearest(to: member.key, in: declaredNames) {
            message += "; did you mean '\(near)'?"
          } else {
            message +=
              declaredNames.isEmpty
              ? "; the template declares none" : "; the template declares \(declaredNames.joined(separator: ", "))"
          }
          throw entryNode.error(message)
        }
        let entry = try entryNode.object()
        if entry.has("reference") {
          // A Key Vault secret: its value is not in the file, so nothing that needs it can be priced.
          parameters[key] = nil
          unknownParameters[key] =
            "parameter '\(member.key)' is a Key Vault reference in the parameters file, whose secret ercalc does not read"
          continue
        }
        guard entry.has("value") else {
          let keys = entry.members.map { "'\($0.key)'" }.joined(separator: ", ")
          throw entryNode.error(
            "parameter '\(member.key)' has no 'value' (expected {\"value\": …} or a Key Vault {\"reference\": …}, found \(keys.isEmpty ? "an empty object" : "keys \(keys)"))"
          )
        }
        guard let value = entry.optional("value") else {
          throw entryNode.error(
            "the value of parameter '\(member.key)' is null (Azure rejects a null parameter value; give the value, or leave the parameter out to use the template's defaultValue)"
          )
        }
        // An array parameter's allowedValues bound each of its elements: the error points at the element outside them.
        let items: [JSONNode] = value.isArray ? Array(try value.array()) : [value]
        if let allowed = allowedValues[key], !allowed.isEmpty,
          let outside = items.first(where: { item in !allowed.contains { Self.sameValue($0, item.value) } })
        {
          let list = allowed.map { Self.display($0) }.joined(separator: ", ")
          throw outside.error(
            "\(Self.display(outside.value)) is not an allowed value of parameter '\(member.key)' (the template allows \(list))"
          )
        }
        parameters[key] = value.value
      }
    }
    if let declared = try template.optional("variables")?.object() {
      for member in declared.members { variables[member.key.lowercased()] = member.value }
    }
  }

  /// Whether a given parameter value is an allowed value: strings compare without case (only a value no spelling
  /// matches is refused), numbers by value.
  private static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a.kind, b.kind) {
    case (.string(let x), .string(let y)): return x.lowercased() == y.lowercased()
    case (.number(let x), .number(let y)): return Decimal(string: x) == Decimal(string: y)
    case (.bool(let x), .bool(let y)): return x == y
    default: return false
    }
  }

  /// A scalar value as written in JSON (`'Premium'`, `1000`); others by their summary.
  private static func display(_ value: JSONValue) -> String {
    switch value.kind {
    case .string(let text): return "'\(text)'"
    case .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: return value.summary
    }
  }

  /// `value` with every expression that can be evaluated replaced by its value (kept at the same line and column).
  mutating func resolve(_ value: JSONValue) -> JSONValue {
    switch value.kind {
    case .string(let text):
      guard Self.isExpression(text) else { return value }
      do throws(Failure) {
        var resolved = try evaluate(expression: text, depth: 0)
        resolved.line = value.line
        resolved.column = value.column
        return resolved
      } catch {
        unevaluated[text] = error.reason
        return value
      }
    case .array(let items):
      return JSONValue(.array(items.map { resolve($0) }), line: value.line, column: value.column)
    case .object(let members):
      return JSONValue(
        .object(members.map { JSONMember(key: $0.key, value: resolve($0.value)) }), line: value.line,
        column: value.column)
    default:
      return value
    }
  }

  /// Whether `text` is an ARM expression: `[…]`, but not the `[[` escape of a literal bracket.
  static func isExpression(_ text: String) -> Bool {
    text.hasPrefix("[") && text.hasSuffix("]") && !text.hasPrefix("[[")
  }

  // MARK: - Evaluation

  /// The functions ercalc evaluates, by their lowercased names.
  enum Function: String {
    case parameters, variables, concat, format, copyindex, resourceid, tolower, toupper
  }

  struct Failure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
  }

  indirect enum Expression {
    case string(String)
    case integer(String)
    case call(String, [Expression])
  }

  /// Parses and evaluates the text of one expression, brackets included.
  private func evaluate(expression text: String, depth: Int) throws(Failure) -> JSONValue {
    var parser = Parser(text: String(text.dropFirst().dropLast()))
    let expression = try parser.parseExpression()
    guard parser.atEnd else { throw Failure("unexpected text after the expression") }
    return try evaluate(expression, depth: depth)
  }

  private func evaluate(_ expression: Expression, depth: Int) throws(Failure) -> JSONValue {
    guard depth < 32 else { throw Failure("expressions nest too deeply") }
    switch expression {
    case .string(let text): return JSONValue(.string(text))
    case .integer(let text): return JSONValue(.number(text))
    case .call(let name, let arguments):
      guard let function = Function(rawValue: name.lowercased()) else {
        throw Failure(
          "function '\(name)()' is not evaluated by ercalc (it evaluates parameters(), variables(), concat(), format(), toLower(), toUpper(), copyIndex() and resourceId())"
        )
      }
      var values: [JSONValue] = []
      for argument in arguments { values.append(try evaluate(argument, depth: depth + 1)) }
      switch function {
      case .parameters:
        let key = try Self.singleString(values, name)
        if let reason = unknownParameters[key.lowercased()] { throw Failure(reason) }
        guard let value = parameters[key.lowercased()] else {
          throw Failure(
            "parameter '\(key)' has no value (no defaultValue in the template and none in a parameters file)")
        }
        return try resolveNested(value, depth: depth)
      case .variables:
        let key = try Self.singleString(values, name)
        guard let value = variables[key.lowercased()] else {
          throw Failure("variable '\(key)' is not defined in the template")
        }
        return try resolveNested(value, depth: depth)
      case .concat:
        return JSONValue(.string(try values.map { value throws(Failure) in try Self.text(value) }.joined()))
      case .tolower, .toupper:
        guard values.count == 1, case .string(let text) = values[0].kind else {
          throw Failure("\(name)() takes one string")
        }
        return JSONValue(.string(function == .tolower ? text.lowercased() : text.uppercased()))
      case .copyindex:
        return JSONValue(.number(String(try copyIndex(values))))
      case .resourceid:
        return JSONValue(.string(try Self.resourceID(values)))
      case .format:
        guard let first = values.first, case .string(let pattern) = first.kind else {
          throw Failure("format() needs a format string")
        }
        let texts = try values.dropFirst().map { value throws(Failure) in try Self.text(value) }
        var result = pattern
        for (index, text) in texts.enumerated() { result = result.replacingOccurrences(of: "{\(index)}", with: text) }
        return JSONValue(.string(result))
      }
    }
  }

  /// `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')` or `copyIndex('loop', offset)`: the index of the copy
  /// being expanded, plus the offset.
  private func copyIndex(_ values: [JSONValue]) throws(Failure) -> Int {
    guard let loop = copyLoop else { throw Failure("copyIndex() is used outside a resource copy loop") }
    var arguments = values[...]
    if let first = arguments.first, case .string(let name) = first.kind {
      guard name.lowercased() == loop.name.lowercased() else {
        throw Failure("copyIndex('\(name)') names a loop other than the resource's own ('\(loop.name)')")
      }
      arguments = arguments.dropFirst()
    }
    guard arguments.count <= 1 else { throw Failure("copyIndex() takes a loop name and an offset at the most") }
    guard let offset = arguments.first else { return loop.index }
    guard case .number(let text) = offset.kind, let value = Int(text) else {
      throw Failure("copyIndex()'s offset must be a whole number")
    }
    return loop.index + value
  }

  /// `resourceId([subscriptionId,] [resourceGroupName,] type, name1, name2, …)` as an ID with the names in the type's
  /// segments: `/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Network/expressRouteCircuits/ams/peerings/
  /// AzurePrivatePeering`; without a subscription or group, the ID starts at `/providers/` (the deployment's own are not
  /// known), which names the same resource within the template.
  private static func resourceID(_ values: [JSONValue]) throws(Failure) -> String {
    let texts = try values.map { value throws(Failure) in try text(value) }
    guard let typeIndex = texts.firstIndex(where: { $0.contains("/") }) else {
      throw Failure("resourceId() needs a resource type such as 'Microsoft.Network/expressRouteCircuits'")
    }
    let segments = texts[typeIndex].split(separator: "/").map(String.init)
    let names = Array(texts[(typeIndex + 1)...])
    guard segments.count >= 2, names.count == segments.count - 1, typeIndex <= 2 else {
      throw Failure("resourceId() takes one name per segment of '\(texts[typeIndex])'")
    }
    var id = ""
    let scope = Array(texts[..<typeIndex])
    if scope.count == 2 { id = "/subscriptions/\(scope[0])/resourceGroups/\(scope[1])" }
    if scope.count == 1 { id = "/resourceGroups/\(scope[0])" }
    id += "/providers/\(segments[0])"
    for (type, name) in zip(segments.dropFirst(), names) { id += "/\(type)/\(name)" }
    return id
  }

  /// A parameter or variable value that is itself an expression is evaluated in turn.
  private func resolveNested(_ value: JSONValue, depth: Int) throws(Failure) -> JSONValue {
    guard case .string(let text) = value.kind, Self.isExpression(text) else { return value }
    return try evaluate(expression: text, depth: depth + 1)
  }

  private static func singleString(_ values: [JSONValue], _ name: String) throws(Failure) -> String {
    guard values.count == 1, case .string(let text) = values[0].kind else {
      throw Failure("\(name)() takes one name in quotes")
    }
    return text
  }

  private static func text(_ value: JSONValue) throws(Failure) -> String {
    switch value.kind {
    case .string(let text): return text
    case .number(let text): return text
    case .bool(let flag): return flag ? "True" : "False"
    default: throw Failure("cannot join \(value.summary) into a string")
    }
  }

  /// A recursive-descent parser for the expression language's calls and literals.
  struct Parser {
    private let characters: [Character]
    private var index = 0

    init(text: String) { characters = Array(text) }

    var atEnd: Bool {
      mutating get {
        skipSpaces()
        return index == characters.count
      }
    }

    mutating func parseExpression() throws(Failure) -> Expression {
      skipSpaces()
      guard index < characters.count else { throw Failure("empty expression") }
      let character = characters[index]
      if character == "'" { return .string(try parseString()) }
      if character.isNumber || character == "-" {
        var text = String(character)
        index += 1
        while index < characters.count, characters[index].isNumber {
          text.append(characters[index])
          index += 1
        }
        return .integer(text)
      }
      var name = ""
      while index < characters.count, characters[index].isLetter || characters[index].isNumber {
        name.append(characters[index])
        index += 1
      }
      guard !name.isEmpty else { throw Failure("unexpected '\(character)'") }
      skipSpaces()
      guard index < characters.count, characters[index] == "(" else {
        throw Failure("'\(name)' is not a function call")
      }
      index += 1
      var arguments: [Expression] = []
      skipSpaces()
      if index < characters.count, characters[index] == ")" {
        index += 1
      } else {
        while true {
          arguments.append(try parseExpression())
          skipSpaces()
          guard index < characters.count else { throw Failure("missing ')' after \(name)(") }
          if characters[index] == "," {
            index += 1
            continue
          }
          guard characters[index] == ")" else { throw Failure("unexpected '\(characters[index])' in \(name)()") }
          index += 1
          break
        }
      }
      skipSpaces()
      if index < characters.count, characters[index] == "." || characters[index] == "[" {
        throw Failure("property and index access ('\(name)().…') is not evaluated by ercalc")
      }
      return .call(name, arguments)
    }

    /// A single-quoted string; `''` is a quote inside it.
    private mutating func parseString() throws(Failure) -> String {
      index += 1
      var text = ""
      while index < characters.count {
        let character = characters[index]
        index += 1
        if character == "'" {
          if index < characters.count, characters[index] == "'" {
            text.append("'")
            index += 1
            continue
          }
          return text
        }
        text.append(character)
      }
      throw Failure("unterminated string")
    }

    private mutating func skipSpaces() {
      while index < characters.count, characters[index] == " " { index += 1 }
    }
  }
}
