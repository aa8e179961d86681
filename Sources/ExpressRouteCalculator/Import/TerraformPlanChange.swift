import Foundation

/// What applying a Terraform plan changes: the estate before (each resource change's `change.before`, the prior
/// state) and after (`planned_values`), and what happens to each resource ercalc reads.
///
/// Follows `terraform show -json PLAN` as documented at developer.hashicorp.com/terraform/internals/json-format:
/// `resource_changes[]` with `address`, `mode`, `type`, `name` and `change.actions` (`["create"]`, `["update"]`,
/// `["delete"]`, `["no-op"]`, `["read"]`, or `["delete", "create"]` / `["create", "delete"]` for a replacement).
public struct TerraformPlanChange: Sendable {
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
}

extension DeploymentImporter {
  /// The Terraform resource types ercalc reads (priced, or read for what they connect).
  static let terraformTypes: Set<String> = [
    "azurerm_express_route_circuit", "azurerm_express_route_port", "azurerm_virtual_network_gateway", "azurerm_express_route_circuit_connection",
    "azurerm_express_route_gateway", "azurerm_virtual_hub", "azurerm_express_route_connection", "azurerm_express_route_circuit_peering",
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
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var before = State(name: "\(name) (before)")
    var changes: [TerraformPlanChange.ResourceChange] = []
    var replacedCircuits: [String] = []
    for node in try changesNode.array() {
      let resource = try node.object()
      if try resource.optional("mode")?.string() == "data" { continue }
      let type = try resource.required("type").string()
      let address = try resource.optional("address")?.string() ?? type
      let change = try resource.required("change").object()
      let actions = try change.required("actions").array().map { node throws(Diagnostic) in try node.string() }
      let action: TerraformPlanChange.Action?
      switch actions {
      case ["create"]: action = .create
      case ["update"]: action = .update
      case ["delete"]: action = .delete
      case ["delete", "create"], ["create", "delete"]: action = .replace
      case ["no-op"], ["read"], ["forget"]: action = nil
      default:
        throw try change.required("actions").error(
          "unknown plan actions \(actions) (expected create, update, delete, no-op, read, or delete and create for a replacement)")
      }
      if let beforeNode = change.optional("before"), !beforeNode.isNull {
        let values = try beforeNode.object()
        let circuitsRead = before.circuits.count
        try readTerraformValues(
          values, type: type, address: address, resourceName: try resource.optional("name")?.string() ?? address, origin: beforeNode.location,
          into: &before)
        if action == .replace && before.circuits.count > circuitsRead, let circuit = before.circuits.last {
          replacedCircuits.append(circuit.name)
        }
      }
      if let action, Self.terraformTypes.contains(type) { changes.append(.init(address: address, action: action)) }
    }
    var after = State(name: "\(name) (after)")
    if object.optional("planned_values") != nil { try readTerraformPlannedValues(root, into: &after) }
    return TerraformPlanChange(
      before: try before.finish(format: "Terraform plan (prior state)", allowingEmpty: true),
      after: try after.finish(format: "Terraform plan (planned values)", allowingEmpty: true), changes: changes, replacedCircuits: replacedCircuits)
  }
}
