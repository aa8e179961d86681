import ExpressRouteCore

/// The `configuration` section of `terraform show -json PLAN`: each resource's expressions, each module call's
/// arguments and each module's outputs, indexed by full address.
///
/// A value known only after apply (a circuit's `express_route_port_id` when the port is created in the same
/// plan) is absent from `planned_values`; its expression's `references` still name the resource it comes from.
/// ``resource(for:attribute:)`` follows those references through `var.`, `module.` outputs and child modules
/// to the resource address (`module.net.azurerm_express_route_port.primary`), following the JSON output format
/// documented at developer.hashicorp.com/terraform/internals/json-format.
struct TerraformConfiguration {
  /// A reference list and the module scope (`""`, `"module.net."`) its names are relative to.
  struct Scoped {
    var references: [String]
    var scope: String
  }

  /// Resource address (indices removed) → attribute → the references of its expression.
  private var expressions: [String: [String: [String]]] = [:]
  /// `module.net.out` (with the caller's scope prefix) → the output's references, in the module's scope.
  private var outputs: [String: Scoped] = [:]
  /// `module.net.var.port_id` → the module call argument's references, in the caller's scope.
  private var variables: [String: Scoped] = [:]

  /// Indexes `configuration.root_module`; a plan without a `configuration` section gives an empty index.
  init(plan: JSONObject) throws(Diagnostic) {
    guard let configuration = plan.optional("configuration"),
      let root = try configuration.object().optional("root_module")
    else {
      return
    }
    try index(module: root, scope: "")
  }

  private mutating func index(module node: JSONNode, scope: String) throws(Diagnostic) {
    let module = try node.object()
    for resourceNode in try module.optional("resources")?.array() ?? [] {
      let resource = try resourceNode.object()
      guard let address = try resource.optional("address")?.string() else { continue }
      var attributes: [String: [String]] = [:]
      if let expressionsNode = resource.optional("expressions") {
        let object = try expressionsNode.object()
        for member in object.members {
          guard let expression = object.optional(member.key) else { continue }
          attributes[member.key] = try Self.references(expression)
        }
      }
      expressions[Self.normalized(scope + address)] = attributes
    }
    if let outputsNode = module.optional("outputs") {
      let object = try outputsNode.object()
      for member in object.members {
        guard let output = try object.optional(member.key)?.object(), let expression = output.optional("expression")
        else { continue }
        // Outputs are looked up from the caller as `module.NAME.OUTPUT`: scope ends with `module.NAME.`.
        outputs[scope + member.key] = Scoped(references: try Self.references(expression), scope: scope)
      }
    }
    if let callsNode = module.optional("module_calls") {
      let calls = try callsNode.object()
      for member in calls.members {
        guard let call = try calls.optional(member.key)?.object() else { continue }
        let childScope = scope + "module." + member.key + "."
        if let argumentsNode = call.optional("expressions") {
          let arguments = try argumentsNode.object()
          for argument in arguments.members {
            guard let expression = arguments.optional(argument.key) else { continue }
            variables[childScope + "var." + argument.key] = Scoped(
              references: try Self.references(expression), scope: scope)
          }
        }
        if let child = call.optional("module") { try index(module: child, scope: childScope) }
      }
    }
  }

  /// The full address of the resource whose value `attribute` of the resource at `address` refers to, when
  /// exactly one resource of `type` is reached; `nil` otherwise.
  func resource(for address: String, attribute: String, ofType type: String) -> String? {
    let normalizedAddress = Self.normalized(address)
    guard let references = expressions[normalizedAddress]?[attribute] else { return nil }
    let scope = Self.scope(of: normalizedAddress)
    var found = Set<String>()
    for reference in references { resolve(reference, scope: scope, type: type, depth: 0, into: &found) }
    return found.count == 1 ? found.first : nil
  }

  /// The references recorded for `attribute` of the resource at `address` (for messages).
  func references(for address: String, attribute: String) -> [String] {
    expressions[Self.normalized(address)]?[attribute] ?? []
  }

  private func resolve(_ reference: String, scope: String, type: String, depth: Int, into found: inout Set<String>) {
    guard depth < 32 else { return }
    let parts = Self.normalized(reference).split(separator: ".").map(String.init)
    guard parts.count >= 2 else { return }
    switch parts[0] {
    case "var":
      guard let argument = variables[scope + "var." + parts[1]] else { return }
      for next in argument.references {
        resolve(next, scope: argument.scope, type: type, depth: depth + 1, into: &found)
      }
    case "module":
      guard parts.count >= 3, let output = outputs[scope + "module." + parts[1] + "." + parts[2]] else { return }
      for next in output.references { resolve(next, scope: output.scope, type: type, depth: depth + 1, into: &found) }
    default:
      if parts[0] == type { found.insert(scope + parts[0] + "." + parts[1]) }
    }
  }

  /// The references of one expression representation (`{"references": [...]}`); constants have none.
  private static func references(_ expression: JSONNode) throws(Diagnostic) -> [String] {
    guard case .object = expression.value.kind else { return [] }
    return try expression.object().optional("references")?.array().map { node throws(Diagnostic) in try node.string() }
      ?? []
  }

  /// `module.net[0].azurerm_x.y["a"]` → `module.net.azurerm_x.y`: count and for_each indices removed.
  static func normalized(_ address: String) -> String {
    var result = ""
    var depth = 0
    for character in address {
      if character == "[" {
        depth += 1
      } else if character == "]" {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        result.append(character)
      }
    }
    return result
  }

  /// The module scope of a resource address: `module.a.module.b.type.name` → `module.a.module.b.`.
  private static func scope(of address: String) -> String {
    let parts = address.split(separator: ".").map(String.init)
    var scope = ""
    var index = 0
    while index + 1 < parts.count, parts[index] == "module" {
      scope += "module." + parts[index + 1] + "."
      index += 2
    }
    return scope
  }
}
