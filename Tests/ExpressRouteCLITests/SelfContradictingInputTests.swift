import ExpressRouteCLI
import Foundation
import Testing

/// Inputs that contradict themselves are errors or listed as unknown, never priced as something they do not say:
/// ARM parameters files, Terraform plans, saved traffic summaries and Global Reach needs without a volume.
@Suite struct SelfContradictingInputTests {
  // MARK: - ARM parameters files

  /// Writes `parameters` (the members of a parameters file's `parameters` object) to a file in `directory`.
  static func parametersFile(_ parameters: String, in directory: URL, name: String = "p.json") throws -> String {
    let path = directory.appendingPathComponent(name).path
    try "{\n  \"parameters\": {\n    \(parameters)\n  }\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func armParametersAreCheckedAsAzureChecksThem() throws {
    let directory = try temporaryDirectory("ercalc-arm-parameters")
    defer { try? FileManager.default.removeItem(at: directory) }
    let template = fixture("existing/arm-template.json")
    let rest = #""bandwidthInMbps": {"value": 1000}, "gatewaySku": {"value": "ErGw1AZ"}"#
    // Premium as asked: Premium MeteredData 1 Gbps Zone 1 1,186.00 + 1,000 GB × 0.025 = 25.00 + ErGw1AZ 730 × 0.361 = 263.53
    // → 1,474.53 (Standard would be 436.00 + 25.00 + 263.53 = 724.53, the template's default tier being Premium here).
    let premium = try Self.parametersFile(#""erSKU_Tier": {"value": "Premium"}, "# + rest, in: directory)
    let priced = ercalc("quote", "--from", template, "--parameters", premium, "--egress", "1000GB")
    #expect(priced.status == .success, "\(priced.errors)")
    #expect(priced.output.contains("Monthly total:            1,474.53 USD\n"))
    // A misspelt name: Azure rejects the file, so does ercalc (it used to fall back to the default silently).
    let misspelt = try Self.parametersFile(#""erSKU_Teir": {"value": "Premium"}, "# + rest, in: directory)
    let rejected = ercalc("quote", "--from", template, "--parameters", misspelt, "--egress", "1000GB")
    #expect(rejected.status == .dataError)
    #expect(
      rejected.errors
        == "\(misspelt):3:19: error: parameters.erSKU_Teir: parameter 'erSKU_Teir' is not declared in the template's parameters (Azure rejects a parameters file that gives it); did you mean 'erSKU_Tier'?\n"
    )
    #expect(rejected.output.isEmpty)
    // A Key Vault reference: ercalc cannot read the secret, so the tier that needs it is named as not evaluated.
    let vault = try Self.parametersFile(
      #""erSKU_Tier": {"reference": {"keyVault": {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv"}, "secretName": "tier"}}, "#
        + rest, in: directory)
    let secret = ercalc("quote", "--from", template, "--parameters", vault, "--egress", "1000GB")
    #expect(secret.status == .dataError)
    #expect(
      secret.errors.contains(
        "(the ARM template expression [parameters('erSKU_Tier')] was not evaluated: parameter 'erSKU_Tier' is a Key Vault reference in the parameters file, whose secret ercalc does not read;"
      ), "\(secret.errors)")
    // An entry that is not {"value": …}, a null value and a value outside allowedValues: errors at the entry.
    let shapes: [(String, String)] = [
      (
        #""erSKU_Tier": {"val": "Premium"}"#,
        "3:19: error: parameters.erSKU_Tier: parameter 'erSKU_Tier' has no 'value' (expected {\"value\": …} or a Key Vault {\"reference\": …}, found keys 'val')"
      ),
      (
        #""erSKU_Tier": {"value": null}"#,
        "3:19: error: parameters.erSKU_Tier: the value of parameter 'erSKU_Tier' is null (Azure rejects a null parameter value; give the value, or leave the parameter out to use the template's defaultValue)"
      ),
      (
        #""erSKU_Tier": {"value": "Ultra"}"#,
        "3:29: error: parameters.erSKU_Tier.value: 'Ultra' is not an allowed value of parameter 'erSKU_Tier' (the template allows 'Premium', 'Standard')"
      ),
      // An array's element outside allowedValues: the error points at that element in the parameters file.
      (
        #""erSKU_Tier": {"value": ["Premium", "Ultra"]}"#,
        "3:41: error: parameters.erSKU_Tier.value[1]: 'Ultra' is not an allowed value of parameter 'erSKU_Tier' (the template allows 'Premium', 'Standard')"
      ),
      // One name in two cases: ARM names are case-insensitive, so the file gives one parameter two values (one was
      // silently picked).
      (
        #""erSKU_Tier": {"value": "Standard"}, "ERSKU_TIER": {"value": "Premium"}"#,
        "3:56: error: parameters.ERSKU_TIER: parameter 'ERSKU_TIER' is given twice, as 'erSKU_Tier' (line 3, column 19) and as 'ERSKU_TIER'; ARM parameter names are case-insensitive, so Azure rejects the file (give the parameter once)"
      ),
    ]
    for (entry, message) in shapes {
      let file = try Self.parametersFile(entry + ", " + rest, in: directory)
      let result = ercalc("quote", "--from", template, "--parameters", file, "--egress", "1000GB")
      #expect(result.status == .dataError)
      #expect(result.errors == "\(file):\(message)\n", "\(result.errors)")
    }
  }

  @Test func quickstartParametersFileWithUndeclaredNamesIsRejected() throws {
    // The quickstart's parameters file names sku_tier and sku_family, which its template does not declare: Azure rejects
    // it. ercalc used to price the template's default, Standard MeteredData 500 Mbps (290.00), instead of Premium (690.00).
    let template = fixture("existing/quickstart/arm-circuit-quickstart.json")
    let parameters = fixture("existing/quickstart/arm-circuit-quickstart.parameters.json")
    let result = ercalc("quote", "--from", template, "--parameters", parameters, "--egress", "1000GB")
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(parameters):9:17: error: parameters.sku_tier: parameter 'sku_tier' is not declared in the template's parameters (Azure rejects a parameters file that gives it); did you mean 'skuTier'?\n"
    )
    // With the declared names: Premium MeteredData 500 Mbps at Silicon Valley (Zone 1) 690.00 + 1,000 GB × 0.025 = 25.00
    // → 715.00.
    let directory = try temporaryDirectory("ercalc-arm-quickstart")
    defer { try? FileManager.default.removeItem(at: directory) }
    let fixed = directory.appendingPathComponent("fixed.json").path
    try String(contentsOfFile: parameters, encoding: .utf8).replacingOccurrences(of: "sku_tier", with: "skuTier")
      .replacingOccurrences(of: "sku_family", with: "skuFamily").write(toFile: fixed, atomically: true, encoding: .utf8)
    let priced = ercalc("quote", "--from", template, "--parameters", fixed, "--egress", "1000GB")
    #expect(priced.status == .success, "\(priced.errors)")
    #expect(priced.output.contains("Monthly total:            715.00 USD\n"))
    #expect(priced.output.contains("circuit 'sv-er01'  Premium MeteredData 500 Mbps circuit, Zone 1 "))
  }

  // MARK: - Terraform plans

  /// A `terraform show -json PLAN` document with one Standard UnlimitedData 1 Gbps circuit at Amsterdam in its planned
  /// values, and `resourceChanges` as its `resource_changes`; `extra` adds top-level members.
  static func plan(resourceChanges: String, extra: String = "") -> String {
    """
    {
      "format_version": "1.2",
      "terraform_version": "1.9.5",\(extra)
      "planned_values": {
        "root_module": {
          "resources": [
            {
              "address": "azurerm_express_route_circuit.ams",
              "mode": "managed",
              "type": "azurerm_express_route_circuit",
              "name": "ams",
              "values": {
                "name": "ams-er",
                "peering_location": "Amsterdam",
                "bandwidth_in_mbps": 1000,
                "sku": [{"tier": "Standard", "family": "UnlimitedData"}]
              }
            }
          ]
        }
      },
      "resource_changes": \(resourceChanges)
    }

    """
  }

  /// Values of a Standard UnlimitedData circuit at Amsterdam of `mbps`, as a resource change gives them.
  static func circuit(_ mbps: Int) -> String {
    #"{"name": "ams-er", "peering_location": "Amsterdam", "bandwidth_in_mbps": \#(mbps), "sku": [{"tier": "Standard", "family": "UnlimitedData"}]}"#
  }

  /// `resource_changes` with one change of `azurerm_express_route_circuit.<address>`.
  static func change(_ actions: [String], before: String, after: String, address: String = "ams") -> String {
    let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
    return
      #"[{"address": "azurerm_express_route_circuit.\#(address)", "mode": "managed", "type": "azurerm_express_route_circuit", "name": "\#(address)", "change": {"actions": [\#(list)], "before": \#(before), "after": \#(after)}}]"#
  }

  @Test func unchangedResourcesAddNothingEvenWhenUnpriced() throws {
    let directory = try temporaryDirectory("ercalc-plan-unchanged")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("plan.json").path
    try Self.plan(resourceChanges: "[]").replacingOccurrences(of: "UnlimitedData", with: "MeteredData").write(
      toFile: path, atomically: true, encoding: .utf8)
    // A Standard MeteredData 1 Gbps circuit at Amsterdam (Zone 1), left as it is: 436.00 on both sides, its egress unknown
    // on both (diff has no --egress). Each side's total is incomplete, but the change is exactly 0.00: the same unknown
    // volume on both sides cancels. It used to say "Change: unknown", and --fail-above 100 failed.
    let result = ercalc("diff", "--from", path, "--fail-above", "100")
    #expect(result.status == .success, "\(result.errors)")
    #expect(
      result.output.contains("Before:          plan (before): 436.00 USD (incomplete: excludes unpriced charges)\n"))
    #expect(result.output.contains("Change:          0.00 USD (0.0%)\n"))
    #expect(!result.errors.contains("warning"))
    let json = ercalc("diff", "--from", path, "--format", "json")
    #expect(json.output.contains("\"change\": \"0.00\""))
    #expect(json.output.contains("\"complete\": true"))
    // A change to the circuit keeps its unknown egress unknown: 1 → 2 Gbps MeteredData (436.00 → 872.00).
    let update = directory.appendingPathComponent("update.json").path
    try Self.plan(
      resourceChanges: Self.change(["update"], before: Self.circuit(1000), after: Self.circuit(2000))
        .replacingOccurrences(
          of: "UnlimitedData", with: "MeteredData")
    ).replacingOccurrences(of: "UnlimitedData", with: "MeteredData").replacingOccurrences(
      of: "\"bandwidth_in_mbps\": 1000,\n", with: "\"bandwidth_in_mbps\": 2000,\n"
    )
    .write(toFile: update, atomically: true, encoding: .utf8)
    let changed = ercalc("diff", "--from", update, "--fail-above", "1000")
    #expect(changed.status == .failure, "\(changed.errors)")
    #expect(
      changed.output.contains("Change:          unknown: 1 item is not priced (priced items alone: +436.00 USD)\n"))
  }

  @Test func aPlanThatChangesNothingChangesNothing() throws {
    let directory = try temporaryDirectory("ercalc-plan-empty")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("plan.json").path
    try Self.plan(resourceChanges: "[]").write(toFile: path, atomically: true, encoding: .utf8)
    // The circuit is in the estate before and after: Standard UnlimitedData 1 Gbps Zone 1 5,700.00 on both sides, a change
    // of 0.00 (it used to show +5,700.00: the whole estate as if the plan created it).
    let result = ercalc("diff", "--from", path, "--fail-above", "0")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("Before:          plan (before): 5,700.00 USD\n"))
    #expect(result.output.contains("After:           plan (after): 5,700.00 USD\n"))
    #expect(result.output.contains("Change:          0.00 USD (0.0%)\n"))
    #expect(result.output.contains("The plan changes nothing: its resource_changes is empty"))
    let json = ercalc("diff", "--from", path, "--format", "json")
    #expect(json.output.contains("\"change\": \"0.00\""))
    #expect(json.output.contains("\"planStatement\": \"The plan changes nothing: its resource_changes is empty"))
  }

  @Test func malformedErroredIncompleteAndUnknownPlansAreRefused() throws {
    let directory = try temporaryDirectory("ercalc-plan-refused")
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ name: String, _ text: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // An update without prior values: once priced as a creation (+5,700.00); now an error at change.before.
    let update = try write(
      "update.json",
      Self.plan(
        resourceChanges:
          #"[{"address": "azurerm_express_route_circuit.ams", "mode": "managed", "type": "azurerm_express_route_circuit", "name": "ams", "change": {"actions": ["update"], "before": null, "after": {}}}]"#
      ))
    let cases: [(String, String)] = [
      (
        update,
        "\(update):22:192: error: resource_changes[0].change.before: azurerm_express_route_circuit.ams is changed by the plan, but change.before (its prior values) is null; the plan is malformed"
      ),
      (
        try write("errored.json", Self.plan(resourceChanges: "[]", extra: "\n  \"errored\": true,")),
        "errored.json:4:14: error: errored: the plan errored: Terraform stopped planning with errors"
      ),
      (
        try write("incomplete.json", Self.plan(resourceChanges: "[]", extra: "\n  \"complete\": false,")),
        "incomplete.json:4:15: error: complete: the plan is incomplete (\"complete\": false)"
      ),
      // A no-op whose values differ between before and after (once priced as +436.00), a no-op without prior values
      // (once priced as a creation), a replacement missing from planned_values (once a silent −5,700.00), and a document
      // without format_version (once priced with no word).
      (
        try write(
          "noop-lie.json",
          Self.plan(resourceChanges: Self.change(["no-op"], before: Self.circuit(1000), after: Self.circuit(2000)))),
        "noop-lie.json:22:338: error: resource_changes[0].change.after: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but change.after differs from change.before; the plan is malformed"
      ),
      (
        try write(
          "noop-null.json",
          Self.plan(resourceChanges: Self.change(["no-op"], before: "null", after: Self.circuit(1000)))),
        "noop-null.json:22:191: error: resource_changes[0].change.before: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but change.before (its prior values) is null; the plan is malformed"
      ),
      (
        // A no-op consistent with itself but not with planned_values (which holds the circuit at 1 Gbps): once priced
        // as the plan's other changes plus nothing for it, while the after side was read from planned_values.
        try write(
          "noop-planned.json",
          Self.plan(resourceChanges: Self.change(["no-op"], before: Self.circuit(2000), after: Self.circuit(2000)))),
        "error: resource_changes[0].address: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but its planned_values differ from change.after; the plan is inconsistent"
      ),
      (
        try write(
          "replace.json",
          Self.plan(
            resourceChanges: Self.change(
              ["delete", "create"], before: Self.circuit(1000), after: Self.circuit(1000), address: "lon"))),
        "replace.json:22:36: error: resource_changes[0].address: azurerm_express_route_circuit.lon is replaced by the plan, but planned_values holds no resource at that address; the plan is inconsistent"
      ),
      (
        try write(
          "unversioned.json",
          Self.plan(resourceChanges: "[]").replacingOccurrences(of: "\"format_version\": \"1.2\",\n", with: "")),
        "unversioned.json:1:1: error: no format_version: terraform show -json always writes it"
      ),
      (
        try write("future.json", Self.plan(resourceChanges: "[]").replacingOccurrences(of: "\"1.2\"", with: "\"2.0\"")),
        "future.json:2:21: error: format_version: Terraform JSON format 2.0 is not one ercalc reads (expected 0.x or 1.x"
      ),
    ]
    for (path, message) in cases {
      for arguments in [["diff", "--from", path], ["quote", "--from", path]] {
        let result = ercalc(arguments)
        #expect(result.status == .dataError, "\(arguments)")
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.output.isEmpty)
      }
    }
  }
}
