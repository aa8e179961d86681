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
    _ template: JSONObject, expressions: inout ARMTemplateExpressions, into state: inout State, depth: Int = 0
  ) throws(Diagnostic) {
    for resource in try template.required("resources").array() {
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
          "\(try object.optional("type")?.string() ?? "resource") copy loop '\(loopName)' (\(resource.location)): \(number) cop\(number == 1 ? "y" : "ies"), each priced"
        )
      }
      for index in copies {
        expressions.copyLoop = index.map { (loopName, $0) }
        defer { expressions.copyLoop = nil }
        guard try isDeployed(object, expressions: &expressions, into: &state) else { continue }
        let type = (try object.optional("type")?.string() ?? "").lowercased()
        if type == "microsoft.resources/deployments" {
          try readNestedDeployment(object, expressions: &expressions, into: &state, depth: depth)
          continue
        }
        let resolved = JSONNode(
          value: expressions.resolve(resource.value), position: resource.position, file: resource.file)
        let skippedBefore = state.skipped.count
        do {
          try readARMResource(resolved, into: &state)
        } catch {
          throw Self.namingExpressions(error, expressions.unevaluated)
        }
        for index in skippedBefore..<state.skipped.count {
          state.skipped[index] = Self.namingExpressions(in: state.skipped[index], expressions.unevaluated)
        }
      }
    }
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
    _ resource: JSONObject, expressions: inout ARMTemplateExpressions, into state: inout State, depth: Int
  ) throws(Diagnostic) {
    let name = Self.quotedName(resource, expressions: &expressions)
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
      try readARMTemplate(template, expressions: &expressions, into: &state, depth: depth + 1)
      return
    }
    // Inner scope: the inner template's own parameters, given by the deployment's `parameters`, evaluated outside.
    let given = properties.optional("parameters").map { node in
      JSONNode(
        value: JSONValue(.object([JSONValue.JSONMember(key: "parameters", value: expressions.resolve(node.value))])),
        position: node.position, file: node.file)
    }
    var inner = try ARMTemplateExpressions(template: template, values: given)
    try readARMTemplate(template, expressions: &inner, into: &state, depth: depth + 1)
  }

  /// A template resource's name as evaluated, in quotes (`'er-ckt01'`), or as written when it is no string.
  private static func quotedName(_ resource: JSONObject, expressions: inout ARMTemplateExpressions) -> String {
    let value = expressions.resolve(resource.optional("name")?.value ?? JSONValue(.null))
    if case .string(let text) = value.kind { return "'\(text)'" }
    return value.summary
  }
}
