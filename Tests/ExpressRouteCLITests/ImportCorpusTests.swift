import Foundation
import TestSupport
import Testing

/// Every configuration fixture (az, ARM, Resource Graph and Terraform shapes; see Fixtures/existing/README.md) goes
/// through `quote --from`, and every resource in it comes out either priced (a line item or an unpriced charge under its
/// name) or listed with a reason (skipped or noted): nothing is dropped silently.
@Suite struct ImportCorpusTests {
  /// The configuration fixtures: metrics exports and the deliberately broken plan are not configurations.
  static let files: [String] = {
    let folder = packageRoot.appendingPathComponent("Tests/ExpressRouteCLITests/Fixtures/existing")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      $0.hasSuffix(".json") && !$0.contains("metrics") && !$0.contains("bad") && !$0.hasSuffix(".parameters.json")
    }.sorted()
  }()

  /// The names a resource may appear under: its ARM `name`, or its Terraform `address` and `values.name`.
  static func resources(in file: String) throws -> [[String]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture("existing/\(file)")))
    let root = try JSONSerialization.jsonObject(with: data)
    if let plan = root as? [String: Any], let planned = plan["planned_values"] as? [String: Any],
      let module = planned["root_module"] as? [String: Any]
    {
      var found: [[String]] = []
      func walk(_ module: [String: Any]) {
        for resource in module["resources"] as? [[String: Any]] ?? [] {
          // Data sources are reads of what exists, not resources the plan deploys.
          guard resource["mode"] as? String != "data", let address = resource["address"] as? String else { continue }
          let name = (resource["values"] as? [String: Any])?["name"] as? String
          found.append([address] + (name.map { [$0] } ?? []))
        }
        for child in module["child_modules"] as? [[String: Any]] ?? [] { walk(child) }
      }
      walk(module)
      return found
    }
    let items: [Any]
    if let list = root as? [Any] {
      items = list
    } else if let object = root as? [String: Any] {
      items = (object["value"] ?? object["data"] ?? object["resources"]) as? [Any] ?? [object]
    } else {
      items = []
    }
    return items.compactMap { ($0 as? [String: Any])?["name"] as? String }.map { [templateNames[$0] ?? $0] }
  }

  /// What the ARM template's name expressions evaluate to with the template's defaults.
  static let templateNames = ["[parameters('erCircuitName')]": "er-ckt01", "[variables('gatewayName')]": "er-ckt01-gw"]

  @Test func theCorpusHasEveryShape() {
    #expect(
      Self.files == [
        "arm-template.json", "az-estate.json", "az-resource-list.json", "az-shared-name.json", "graph-vwan-estate.json",
        "terraform-change-plan.json", "terraform-count-plan.json",
        "terraform-direct-plan.json",
        "terraform-plan.json",
      ])
  }

  @Test(arguments: files)
  func everyResourceIsPricedOrListedWithAReason(_ file: String) throws {
    let result = ercalc("quote", "--from", fixture("existing/\(file)"), "--format", "json")
    // An estate with nothing priceable (az resource list rows carry no properties) fails, naming each resource and why.
    let nothingToPrice =
      result.status == .dataError
      && result.errors.contains("found no ExpressRoute circuit, Direct port or gateway to price")
    #expect(result.status == .success || nothingToPrice, "\(file): \(result.errors)")
    let resources = try Self.resources(in: file)
    #expect(resources.count >= 2, "\(file) has too few resources to mean anything")
    for names in resources {
      // A name shows up quoted in a line item, an unpriced charge, a skipped resource or a note.
      let shown = names.contains { name in
        let shown = result.output + result.errors
        return shown.contains("'\(name)'") || shown.contains("\"\(name):") || shown.contains(" \(name):")
      }
      #expect(shown, "\(file): resource \(names.joined(separator: " / ")) is neither priced nor listed")
    }
  }

  /// Every Terraform plan with resource changes also prices its own change (`diff --from PLAN`).
  @Test(arguments: files.filter { $0.hasPrefix("terraform-") })
  func everyPlanDiffs(_ file: String) {
    let result = ercalc("diff", "--from", fixture("existing/\(file)"), "--format", "json")
    #expect(result.status == .success, "\(file): \(result.errors)")
    #expect(result.output.contains("\"schema\": \"ercalc.diff\""))
  }
}
