import ExpressRouteCore
import Foundation

/// What applying a Terraform plan changes: the estate before (each resource change's `change.before`, the prior
/// state) and after (`planned_values`), and what happens to each resource ercalc reads.
///
/// Follows `terraform show -json PLAN` as documented at developer.hashicorp.com/terraform/internals/json-format:
/// `resource_changes[]` with `address`, `mode`, `type`, `name` and `change.actions` (`["create"]`, `["update"]`,
/// `["delete"]`, `["no-op"]`, `["read"]`, or `["delete", "create"]` / `["create", "delete"]` for a replacement).
package struct TerraformPlanChange: Sendable {
  /// What a plan does to one resource.
  public enum Action: String, Sendable, Hashable {
    /// A new resource.
    case create = "created"
    /// A resource changed in place.
    case update = "changed"
    /// A resource removed.
    case delete = "destroyed"
    /// A resource destroyed and created anew (`-/+` or `+/-` in `terraform plan`).
    case replace = "replaced"
  }

  /// One resource the plan changes.
  public struct ResourceChange: Sendable, Hashable {
    /// The Terraform address (`module.net.azurerm_express_route_circuit.primary`).
    public var address: String
    /// What happens to it.
    public var action: Action
  }

  /// The estate as it is (the prior state), possibly empty.
  public var before: DeploymentImporter.Result
  /// The estate once the plan is applied.
  public var after: DeploymentImporter.Result
  /// The ExpressRoute resources the plan creates, changes, destroys or replaces, in plan order (no-ops left out).
  public var changes: [ResourceChange]
  /// Names of the circuits the plan replaces: each is a new circuit, and the old one runs alongside meanwhile.
  public var replacedCircuits: [String]
  /// What the plan does when it changes no ExpressRoute resource (`the plan changes nothing: …`); `nil` otherwise.
  public var statement: String? = nil
  /// The resources the plan leaves as they are (no-op, or in the planned values without a resource change): on both
  /// sides alike, so they add nothing to the change, even a quantity nobody gave (their metered egress).
  public var unchanged: DeploymentImporter.Result? = nil
}

extension DeploymentImporter {
  /// The Terraform resource types ercalc reads (priced, or read for what they connect).
  static let terraformTypes: Set<String> = [
    "azurerm_express_route_circuit", "azurerm_express_route_port", "azurerm_virtual_network_gateway",
    "azurerm_express_route_circuit_connection",
    "azurerm_express_route_gateway", "azurerm_virtual_hub", "azurerm_express_route_connection",
    "azurerm_express_route_circuit_peering",
    "azurerm_express_route_circuit_authorization", "azurerm_virtual_network_gateway_connection",
  ]

  /// Reads both sides of a `terraform show -json PLAN` document; either side may be empty (a plan that creates
  /// or destroys everything).
  public func readPlanChange(json data: Data, file: String) throws(Diagnostic) -> TerraformPlanChange {
    let root = try JSONNode.parse(data, file: file)
    let planMessage =
      "expected a Terraform plan with 'resource_changes' (terraform show -json PLAN); a state or an az/ARM export has one side only, so give two estates to compare"
    guard root.isObject else { throw root.error("\(planMessage), found \(root.summary)") }
    let object = try root.object()
    guard let changesNode = object.optional("resource_changes") else {
      throw root.error(planMessage)
    }
    try Self.checkTerraformDocument(object)
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    // Resources sharing a name are named by address on every side alike, so the sides pair them one to one.
    let shared = try Self.terraformSharedNames(object)
    var before = State(name: "\(name) (before)")
    before.sharedNames = shared
    var unchanged = State(name: "\(name) (unchanged)")
    unchanged.sharedNames = shared
    var changes: [TerraformPlanChange.ResourceChange] = []
    var replacedCircuits: [String] = []
    var listed = Set<String>()
    let resourceChanges = try changesNode.array()
    for node in resourceChanges {
      let resource = try node.object()
      if try resource.optional("mode")?.string() == "data" { continue }
      let type = try resource.required("type").string()
      let address = try resource.optional("address")?.string() ?? type
      listed.insert(address)
      let change = try resource.required("change").object()
      let (action, priorNode) = try Self.plannedAction(change, address: address)
      if action == nil, let beforeNode = priorNode {
        try readTerraformValues(
          try beforeNode.object(), type: type, address: address,
          resourceName: try resource.optional("name")?.string() ?? address,
          origin: beforeNode.location, into: &unchanged)
      }
      if let beforeNode = priorNode {
        let values = try beforeNode.object()
        let circuitsRead = before.circuits.count
        try readTerraformValues(
          values, type: type, address: address, resourceName: try resource.optional("name")?.string() ?? address,
          origin: beforeNode.location,
          into: &before)
        if action == .replace && before.circuits.count > circuitsRead, let circuit = before.circuits.last {
          replacedCircuits.append(circuit.name)
        }
      }
      if let action, Self.terraformTypes.contains(type) { changes.append(.init(address: address, action: action)) }
    }
    var after = State(name: "\(name) (after)")
    after.sharedNames = shared
    if object.optional("planned_values") != nil {
      try readTerraformPlannedValues(root, into: &after)
      // A resource in the planned values that no resource change lists is one the plan leaves as it is: it is in the
      // estate before as well as after (an empty resource_changes changes nothing).
      let plannedValues = try object.required("planned_values").object()
      if let module = plannedValues.optional("root_module") {
        try readTerraformModule(module, into: &before) { !listed.contains($0) }
        try readTerraformModule(module, into: &unchanged) { !listed.contains($0) }
      }
    }
    var plan = TerraformPlanChange(
      before: try before.finish(format: "Terraform plan (prior state)", allowingEmpty: true),
      after: try after.finish(format: "Terraform plan (planned values)", allowingEmpty: true), changes: changes,
      replacedCircuits: replacedCircuits)
    plan.unchanged = try unchanged.finish(format: "Terraform plan (unchanged)", allowingEmpty: true)
    if changes.isEmpty {
      plan.statement =
        resourceChanges.isEmpty
        ? "The plan changes nothing: its resource_changes is empty, so the estate after it is the estate before it."
        : "The plan changes no ExpressRoute resource: every ExpressRoute resource in it is left as it is (no-op)."
    }
    return plan
  }

  /// Refuses a Terraform JSON document whose figures are not what applying or reading it gives: a format whose major
  /// version ercalc does not know, a plan that errored, or a plan Terraform marks incomplete (deferred changes).
  static func checkTerraformDocument(_ object: JSONObject) throws(Diagnostic) {
    // terraform show -json always writes format_version: a document without it was not written by Terraform (or was
    // edited), and what its fields mean cannot be told.
    guard let version = object.optional("format_version") else {
      throw object.node.error(
        "no format_version: terraform show -json always writes it (\"format_version\": \"1.2\"), so this document was not written by Terraform or was edited; give the output of terraform show -json as it is"
      )
    }
    let text = try version.string()
    let major = text.split(separator: ".", omittingEmptySubsequences: false).first.flatMap { Int($0) }
    guard let major, major <= 1 else {
      throw version.error(
        "Terraform JSON format \(text) is not one ercalc reads (expected 0.x or 1.x, as terraform show -json writes them); a new major version may change what the fields mean"
      )
    }
    if let errored = object.optional("errored"), try errored.bool() {
      throw errored.error(
        "the plan errored: Terraform stopped planning with errors, so its planned values are not what applying it would do; fix the errors and run terraform plan again"
      )
    }
    if let complete = object.optional("complete"), try !complete.bool() {
      throw complete.error(
        "the plan is incomplete (\"complete\": false): Terraform deferred some changes until values are known, so applying it does not reach the planned values; apply it and plan again to price the rest"
      )
    }
    let planned = try plannedValues(object)
    for node in try object.optional("resource_changes")?.array() ?? [] {
      let resource = try node.object()
      if try resource.optional("mode")?.string() == "data" { continue }
      let type = try resource.required("type").string()
      let address = try resource.optional("address")?.string() ?? type
      let change = try resource.required("change").object()
      let (action, _) = try plannedAction(change, address: address)
      // A resource the plan leaves as it is keeps, in planned_values, the values its change gives on both sides.
      if action == nil, terraformTypes.contains(type), let values = planned[address] ?? nil,
        let after = change.optional("after"),
        !Self.sameJSON(values.value, after.value)
      {
        throw (resource.optional("address") ?? node).error(
          "\(address) is left as it is by the plan (no-op), but its planned_values differ from change.after; the plan is inconsistent (planned_values gives every resource as it is after apply); run terraform plan and terraform show -json again"
        )
      }
      if let action, terraformTypes.contains(type) {
        // planned_values holds every resource that exists once the plan is applied: one the plan creates, changes or
        // replaces is in it, one it destroys is not. A plan that says otherwise is not priced (its after side would
        // silently lose or keep the resource).
        let present = planned[address] != nil
        if present == (action == .delete) {
          throw (resource.optional("address") ?? node).error(
            "\(address) is \(action.rawValue) by the plan, but planned_values \(present ? "still holds" : "holds no resource at") that address; the plan is inconsistent (planned_values gives every resource that exists after apply, so a resource the plan \(action == .delete ? "destroys is not in it" : "keeps is in it")); run terraform plan and terraform show -json again"
          )
        }
      }
    }
  }

  /// What a resource change does (`nil` for no-op, read and forget) and its prior values (`change.before`, `nil` when
  /// null or absent), checked against each other: a resource that exists is changed, destroyed or replaced and has
  /// prior values; one that does not is created and has none. A plan that says otherwise is malformed and is not
  /// priced as something it does not say (an update without prior values as a creation).
  static func plannedAction(_ change: JSONObject, address: String) throws(Diagnostic) -> (
    TerraformPlanChange.Action?, JSONNode?
  ) {
    let actionsNode = try change.required("actions")
    let actions = try actionsNode.array().map { node throws(Diagnostic) in try node.string() }
    let action: TerraformPlanChange.Action?
    switch actions {
    case ["create"]: action = .create
    case ["update"]: action = .update
    case ["delete"]: action = .delete
    case ["delete", "create"], ["create", "delete"]: action = .replace
    case ["no-op"], ["read"], ["forget"]: action = nil
    default:
      throw actionsNode.error(
        "unknown plan actions \(actions) (expected create, update, delete, no-op, read, or delete and create for a replacement)"
      )
    }
    let member = change.members.first { $0.key == "before" }
    let priorNode = member.map {
      JSONNode(value: $0.value, position: .member(change.node.position, "before"), file: change.node.file)
    }
    let prior = priorNode.flatMap { $0.isNull ? nil : $0 }
    if let action, action != .create, prior == nil {
      let verb = action == .update ? "changes" : action == .delete ? "destroys" : "replaces"
      throw (priorNode ?? change.node).error(
        "\(address) is \(action.rawValue) by the plan, but change.before (its prior values) is \(priorNode == nil ? "missing" : "null"); the plan is malformed (a resource the plan \(verb) exists, so Terraform gives its prior values)"
      )
    }
    if action == nil, actions == ["no-op"] {
      // A no-op leaves an existing resource as it is: Terraform gives its values on both sides, and they are the same.
      guard let prior else {
        throw (priorNode ?? change.node).error(
          "\(address) is left as it is by the plan (no-op), but change.before (its prior values) is \(priorNode == nil ? "missing" : "null"); the plan is malformed (a resource the plan keeps exists, so Terraform gives its prior values)"
        )
      }
      if let after = change.optional("after"), !Self.sameJSON(prior.value, after.value) {
        throw after.error(
          "\(address) is left as it is by the plan (no-op), but change.after differs from change.before; the plan is malformed (a no-op changes nothing, so Terraform gives the same values on both sides)"
        )
      }
    }
    if action == .create, let prior {
      throw prior.error(
        "\(address) is created by the plan, but change.before holds prior values; the plan is malformed (a created resource does not exist yet, so change.before is null)"
      )
    }
    return (action, prior)
  }

  /// The managed resources in `planned_values` (every module) by address, each with its `values` when it has them;
  /// empty when `planned_values` is absent.
  static func plannedValues(_ object: JSONObject) throws(Diagnostic) -> [String: JSONNode?] {
    var addresses: [String: JSONNode?] = [:]
    func collect(_ node: JSONNode) throws(Diagnostic) {
      let module = try node.object()
      for resource in try module.optional("resources")?.array() ?? [] {
        let values = try resource.object()
        if try values.optional("mode")?.string() == "data" { continue }
        if let address = try values.optional("address")?.string() {
          addresses[address] = .some(values.optional("values"))
        }
      }
      for child in try module.optional("child_modules")?.array() ?? [] { try collect(child) }
    }
    if let planned = object.optional("planned_values"), let module = try planned.object().optional("root_module") {
      try collect(module)
    }
    return addresses
  }

  /// Whether two JSON values are the same value wherever they stand (numbers by value, members in any order).
  static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a.kind, b.kind) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)):
      return x == y || (Decimal(string: x).map { $0 == Decimal(string: y) } ?? false)
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      return x.allSatisfy { member in y.contains { $0.key == member.key && sameJSON($0.value, member.value) } }
    default: return false
    }
  }
}
