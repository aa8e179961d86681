import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension DeploymentImporter {
  // MARK: - ARM templates

  /// ARM's own limit on a resource copy loop's `count`.
  static let copyLimit = 800
  /// How deep nested deployments are followed.
  static let nestingLimit = 8

  /// Reads the resources of an ARM template as Azure would deploy them: a resource whose `condition` is false is
  /// not deployed (a note says so), a resource `copy` loop deploys `count` copies (each evaluated with its own
  /// `copyIndex()`), and a nested deployment's inline template is read in turn (its expressions in the outer
  /// template's scope, or with its own parameters when `expressionEvaluationOptions.scope` is `inner`). A linked
  /// template (`templateLink`) is not fetched: it is listed as not priced, so the quote is incomplete.
  ///
  /// - Throws: a `condition` or `copy.count` ercalc cannot evaluate, at its value: pricing it as one resource, or
  ///   as deployed, would be a guess.
  func readARMTemplate(
    _ template: JSONObject, expressions: inout ARMTemplateExpressions, into state: inout State, depth: Int = 0,
    scope: String = ""
  ) throws(Diagnostic) {
    for resource in try template.required("resources").array() {
      try readTemplateResource(
        resource, parent: nil, expressions: &expressions, into: &state, depth: depth, scope: scope)
    }
  }

  /// One template resource (its copies, its condition), then its child resources (`resources` inside it, whose
  /// `type` and `name` may be written short, relative to the parent's). A resource of one type and name in one
  /// deployment scope is one resource however often it is declared (a nested deployment in a copy loop deploys it
  /// again, as Azure would, idempotently): it is priced once, with a note.
  private func readTemplateResource(
    _ resource: JSONNode, parent: (type: String, name: String)?, expressions: inout ARMTemplateExpressions,
    into state: inout State, depth: Int, scope: String
  ) throws(Diagnostic) {
    let object = try resource.object()
    var copies: [Int?] = [nil]
    var loopName = ""
    if let copy = object.optional("copy") {
      let loop = try copy.object()
      loopName = try loop.optional("name")?.string() ?? ""
      let countNode = try loop.required("count")
      let count = JSONNode(
        value: expressions.resolve(countNode.value), position: countNode.position, file: countNode.file)
      guard let number = try? count.int(in: 0...Self.copyLimit) else {
        throw Self.namingExpressions(
          countNode.error(
            "copy count \(countNode.value.summary) is not a whole number from 0 to \(Self.copyLimit) ercalc can evaluate: how many copies the loop deploys is unknown"
          ), expressions.unevaluated)
      }
      copies = (0..<number).map { $0 }
      state.notes.append(
        "\(try object.optional("type")?.string() ?? "resource") copy loop '\(loopName)' (\(resource.location)): \(number) cop\(number == 1 ? "y" : "ies")"
      )
    }
    for index in copies {
      expressions.copyLoop = index.map { (loopName, $0) }
      defer { expressions.copyLoop = nil }
      guard try isDeployed(object, expressions: &expressions, into: &state) else { continue }
      var value = expressions.resolve(resource.value)
      var (type, name) = Self.fullTypeAndName(value, parent: parent)
      // Azure gives each copy of a loop its own name; one ercalc cannot evaluate (uniqueString()) is told apart by
      // its copy, so the copies are priced as the resources they are, not as one declared again.
      if let index, name.hasPrefix("["), name.hasSuffix("]") {
        name = "\(name) (copy \(index + 1))"
        value = Self.replacing(["name": name], in: value)
      }
      if parent != nil { value = Self.replacing(["type": type, "name": name], in: value) }
      if type.lowercased() == "microsoft.resources/deployments" {
        try readNestedDeployment(object, expressions: &expressions, into: &state, depth: depth, scope: scope)
        continue
      }
      let plain = "\(type.lowercased())|\(name.lowercased())"
      let key = "\(scope)|\(plain)"
      if let first = state.templateResources[key] {
        // Declared again in one resource group: one resource. Azure rejects two differing declarations in one
        // template, and which of two differing nested deployments it ends with depends on their order: refused.
        guard Self.sameContent(first, value) else {
          throw resource.error(
            "\(type) '\(name)' is declared again in the same resource group with other properties: which one Azure ends with is unknown (give each resource once)"
          )
        }
        state.notes.append(
          "\(type) '\(name)' (\(resource.location)) is declared again in the same resource group: one resource, priced once"
        )
        continue
      }
      state.templateResources[key] = value
      // The same name in another resource group is another resource: named with its group, as an export names it.
      var priced = name
      if let other = state.templateScopes[plain], other != scope {
        priced = "\(name) (\(DeploymentImporter.resourceGroup(inID: scope) ?? "the template's resource group"))"
        value = Self.replacing(["name": priced], in: value)
        state.notes.append(
          "\(type) '\(name)' (\(resource.location)): named '\(priced)', because a resource of its kind in another resource group of this template is also named '\(name)'"
        )
      } else {
        state.templateScopes[plain] = scope
      }
      if type.lowercased() == "microsoft.network/expressroutecircuits" {
        // Its ID as a template's resourceId() writes it, for Global Reach ends that name it so.
        let id = "\(scope.lowercased())/providers/microsoft.network/expressroutecircuits/\(name.lowercased())"
        state.circuitIDs[id] = priced
      }
      let resolved = JSONNode(value: value, position: resource.position, file: resource.file)
      let skippedBefore = state.skipped.count
      do {
        try readARMResource(resolved, into: &state)
      } catch {
        throw Self.namingExpressions(error, expressions.unevaluated)
      }
      for index in skippedBefore..<state.skipped.count {
        state.skipped[index] = Self.namingExpressions(in: state.skipped[index], expressions.unevaluated)
      }
      for child in try object.optional("resources")?.array() ?? [] {
        try readTemplateResource(
          child, parent: (type, name), expressions: &expressions, into: &state, depth: depth, scope: scope)
      }
    }
  }

  /// A resource's full type and name: as written at the top level, or completed from its parent's when a child
  /// resource writes them short (`peerings` and `AzurePrivatePeering` under circuit `ams`:
  /// `Microsoft.Network/expressRouteCircuits/peerings`, `ams/AzurePrivatePeering`).
  static func fullTypeAndName(_ value: JSONValue, parent: (type: String, name: String)?) -> (String, String) {
    var type = ""
    var name = ""
    if case .object(let members) = value.kind {
      for member in members {
        if member.key == "type", case .string(let text) = member.value.kind { type = text }
        if member.key == "name", case .string(let text) = member.value.kind { name = text }
      }
    }
    guard let parent else { return (type, name) }
    let fullType = type.contains("/") ? type : "\(parent.type)/\(type)"
    let fullName = name.contains("/") ? name : "\(parent.name)/\(name)"
    return (fullType, fullName)
  }

  /// Whether two values hold the same JSON, wherever they stand in the file.
  static func sameContent(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a.kind, b.kind) {
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameContent($0.value, $1.value) }
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameContent($0, $1) }
    default: return a.kind == b.kind
    }
  }

  /// `value` (an object) with the string members `replacements` names set to its values.
  static func replacing(_ replacements: [String: String], in value: JSONValue) -> JSONValue {
    guard case .object(let members) = value.kind else { return value }
    let replaced = members.map { member in
      guard let text = replacements[member.key] else { return member }
      var copy = member
      copy.value = JSONValue(.string(text), line: member.value.line, column: member.value.column)
      return copy
    }
    return JSONValue(.object(replaced), line: value.line, column: value.column)
  }

  /// Whether a template resource is deployed: no `condition`, or one that evaluates to true; a false one is noted.
  private func isDeployed(
    _ resource: JSONObject, expressions: inout ARMTemplateExpressions, into state: inout State
  ) throws(Diagnostic) -> Bool {
    guard let condition = resource.optional("condition") else { return true }
    let value = expressions.resolve(condition.value)
    var deployed: Bool?
    switch value.kind {
    case .bool(let flag): deployed = flag
    case .string(let text) where ["true", "false"].contains(text.lowercased()): deployed = text.lowercased() == "true"
    default: deployed = nil
    }
    guard let deployed else {
      throw Self.namingExpressions(
        condition.error(
          "condition \(condition.value.summary) is not true or false as ercalc can evaluate it: whether the resource is deployed is unknown"
        ), expressions.unevaluated)
    }
    if !deployed {
      let type = try resource.optional("type")?.string() ?? "resource"
      let name = Self.quotedName(resource, expressions: &expressions)
      state.notes.append(
        "\(type) \(name) (\(condition.location)): not deployed (its condition is false), so not priced")
    }
    return deployed
  }

  /// A `Microsoft.Resources/deployments` resource: its inline template's resources, or a linked template listed as
  /// not priced.
  private func readNestedDeployment(
    _ resource: JSONObject, expressions: inout ARMTemplateExpressions, into state: inout State, depth: Int,
    scope: String
  ) throws(Diagnostic) {
    // The resource group it deploys into, when it names one; else the parent's.
    let group = expressions.resolve(resource.optional("resourceGroup")?.value ?? JSONValue(.null))
    let subscription = expressions.resolve(resource.optional("subscriptionId")?.value ?? JSONValue(.null))
    let name = Self.quotedName(resource, expressions: &expressions)
    var innerScope = scope
    for (target, value) in [("subscriptionId", subscription), ("resourceGroup", group)] {
      guard case .string(let text) = value.kind else { continue }
      // `[resourceGroup().name]` and `[subscription().subscriptionId]` are the deployment's own: the same scope.
      if ["[resourcegroup().name]", "[subscription().subscriptionid]"].contains(text.lowercased()) { continue }
      guard !ARMTemplateExpressions.isExpression(text) else {
        throw Self.namingExpressions(
          Diagnostic(
            .error,
            "nested deployment \(name): its \(target) \(text) is not evaluated, so whether its resources are the template's own is unknown"
          ), expressions.unevaluated)
      }
      innerScope =
        target == "subscriptionId"
        ? "/subscriptions/\(text.lowercased())" : innerScope + "/resourceGroups/\(text.lowercased())"
    }
    guard let properties = try resource.optional("properties")?.object() else {
      state.skipped.append("nested deployment \(name): no properties, so what it deploys is unknown")
      return
    }
    guard let inline = properties.optional("template") else {
      state.skipped.append(
        "nested deployment \(name): a linked template (templateLink), which ercalc does not fetch: whatever it deploys is not priced; give that template as its own file"
      )
      return
    }
    guard depth < Self.nestingLimit else {
      throw inline.error("nested deployments go deeper than \(Self.nestingLimit) levels")
    }
    let template = try inline.object()
    let scope = try properties.optional("expressionEvaluationOptions")?.object().optional("scope")?.string()
    guard scope?.lowercased() == "inner" else {
      // Outer scope (ARM's default): the inner template's expressions use the outer parameters and variables.
      try readARMTemplate(template, expressions: &expressions, into: &state, depth: depth + 1, scope: innerScope)
      return
    }
    // Inner scope: the inner template's own parameters, given by the deployment's `parameters`, evaluated outside.
    let given = properties.optional("parameters").map { node in
      JSONNode(
        value: JSONValue(.object([JSONValue.JSONMember(key: "parameters", value: expressions.resolve(node.value))])),
        position: node.position, file: node.file)
    }
    var inner = try ARMTemplateExpressions(template: template, values: given)
    try readARMTemplate(template, expressions: &inner, into: &state, depth: depth + 1, scope: innerScope)
  }

  /// A template resource's name as evaluated, in quotes (`'er-ckt01'`), or as written when it is no string.
  private static func quotedName(_ resource: JSONObject, expressions: inout ARMTemplateExpressions) -> String {
    let value = expressions.resolve(resource.optional("name")?.value ?? JSONValue(.null))
    if case .string(let text) = value.kind { return "'\(text)'" }
    return value.summary
  }
}
