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
    #expect(result.output.contains("Before:          plan (before): 436.00 USD (incomplete: excludes unpriced charges)\n"))
    #expect(result.output.contains("Change:          0.00 USD (0.0%)\n"))
    #expect(!result.errors.contains("warning"))
    let json = ercalc("diff", "--from", path, "--format", "json")
    #expect(json.output.contains("\"change\": \"0.00\""))
    #expect(json.output.contains("\"complete\": true"))
    // A change to the circuit keeps its unknown egress unknown: 1 → 2 Gbps MeteredData (436.00 → 872.00).
    let update = directory.appendingPathComponent("update.json").path
    try Self.plan(
      resourceChanges: Self.change(["update"], before: Self.circuit(1000), after: Self.circuit(2000)).replacingOccurrences(
        of: "UnlimitedData", with: "MeteredData")
    ).replacingOccurrences(of: "UnlimitedData", with: "MeteredData").replacingOccurrences(
      of: "\"bandwidth_in_mbps\": 1000,\n", with: "\"bandwidth_in_mbps\": 2000,\n"
    )
    .write(toFile: update, atomically: true, encoding: .utf8)
    let changed = ercalc("diff", "--from", update, "--fail-above", "1000")
    #expect(changed.status == .failure, "\(changed.errors)")
    #expect(changed.output.contains("Change:          unknown: 1 item is not priced (priced items alone: +436.00 USD)\n"))
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
        try write("noop-lie.json", Self.plan(resourceChanges: Self.change(["no-op"], before: Self.circuit(1000), after: Self.circuit(2000)))),
        "noop-lie.json:22:338: error: resource_changes[0].change.after: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but change.after differs from change.before; the plan is malformed"
      ),
      (
        try write("noop-null.json", Self.plan(resourceChanges: Self.change(["no-op"], before: "null", after: Self.circuit(1000)))),
        "noop-null.json:22:191: error: resource_changes[0].change.before: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but change.before (its prior values) is null; the plan is malformed"
      ),
      (
        // A no-op consistent with itself but not with planned_values (which holds the circuit at 1 Gbps): once priced
        // as the plan's other changes plus nothing for it, while the after side was read from planned_values.
        try write("noop-planned.json", Self.plan(resourceChanges: Self.change(["no-op"], before: Self.circuit(2000), after: Self.circuit(2000)))),
        "error: resource_changes[0].address: azurerm_express_route_circuit.ams is left as it is by the plan (no-op), but its planned_values differ from change.after; the plan is inconsistent"
      ),
      (
        try write(
          "replace.json",
          Self.plan(resourceChanges: Self.change(["delete", "create"], before: Self.circuit(1000), after: Self.circuit(1000), address: "lon"))),
        "replace.json:22:36: error: resource_changes[0].address: azurerm_express_route_circuit.lon is replaced by the plan, but planned_values holds no resource at that address; the plan is inconsistent"
      ),
      (
        try write("unversioned.json", Self.plan(resourceChanges: "[]").replacingOccurrences(of: "\"format_version\": \"1.2\",\n", with: "")),
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

  // MARK: - Traffic summaries

  /// A saved summary of 600 ten-minute samples from 2026-03-01T00:00Z to 2026-03-05T03:50Z (599 × 600 s = 4 d 3 h 50 min
  /// later): inbound 100 Mbps and outbound 200 Mbps throughout. Buckets: 10^8 and 2 × 10^8 bit/s, four digits at 10^8,
  /// are 1,000 + 5 × 9,000 + 0 = 46,000 and + 1,000 = 47,000. Rate sums in 1/8192 bit/s: 600 × 10^8 × 8,192
  /// = 491,520,000,000,000 and 600 × 2 × 10^8 × 8,192 = 983,040,000,000,000.
  static func summary(samples: String = "600", outboundMonthSamples: String = "600", outboundRateSum: String = "983040000000000") -> String {
    """
    {
      "ercalcTrafficSummary": 1,
      "about": "hand-written",
      "circuits": [
        {
          "circuit": "ams-er",
          "intervalSeconds": 600,
          "first": "2026-03-01T00:00:00Z",
          "last": "2026-03-05T03:50:00Z",
          "firstLocation": null,
          "samples": \(samples),
          "completeSamples": 600,
          "valuedSamples": 600,
          "pending": null,
          "inbound": {
            "maximum": "100000000.0",
            "burstMaximum": null,
            "histogram": "46000:600",
            "months": [{"month": "2026-03", "rateSum": "491520000000000", "samples": 600}]
          },
          "outbound": {
            "maximum": "200000000.0",
            "burstMaximum": null,
            "histogram": "47000:600",
            "months": [{"month": "2026-03", "rateSum": "\(outboundRateSum)", "samples": \(outboundMonthSamples)}]
          },
          "gaps": {"count": 0, "firstMessage": null, "firstLocation": null},
          "duplicates": {"count": 0, "firstMessage": null, "firstLocation": null},
          "emptyValues": {"count": 0, "firstMessage": null, "firstLocation": null}
        }
      ]
    }

    """
  }

  @Test func savedSummariesAreCheckedAgainstThemselves() throws {
    let directory = try temporaryDirectory("ercalc-summary-checks")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = directory.appendingPathComponent("profile.json").path
    try
      #"{"schemaVersion": 1, "name": "s", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams-er"}}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    func write(_ name: String, _ text: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // The consistent summary: 600 × 600 s × 2 × 10^8 bit/s ÷ 8 = 9 × 10^12 bytes = 9,000 GB over 360,000 s covered,
    // 360,000 s is 100 h, under half the month: it is read as 9,000 GB but never scaled up to a month (it was
    // 9,000 × 7.3 = 65,700 GB), so the monthly volume is unknown.
    let good = try write("good.json", Self.summary())
    let sized = ercalc("size", profile, "--series", good, "--format", "json")
    #expect(sized.status == .success, "\(sized.errors)")
    #expect(sized.output.contains("\"gigabytes\": \"9000\""), "\(sized.output.prefix(2000))")
    #expect(!sized.output.contains("65700"))
    let cases: [(String, String, String)] = [
      // A month claiming 5 samples with the rate sum of 600: 9,000 GB over 3,000 s would scale to 7,884,000 GB a month.
      (
        "five.json", Self.summary(outboundMonthSamples: "5"),
        ":25:52: error: circuits[0].outbound.months[0].rateSum: the rate sum of 5 samples is not between 5 × the lowest rate (200000000.0 bit/s) and 5 × the maximum (200000000.0 bit/s), in 1/8192 bit/s (expected 8192000000000 to 8192000000000)\n"
      ),
      // 5 samples with a matching sum, but the histogram holds 600.
      (
        "months.json", Self.summary(outboundMonthSamples: "5", outboundRateSum: "8192000000000"),
        ":25:19: error: circuits[0].outbound.months: the months hold 5 samples, but the histogram holds 600 (expected the same count: each sample is in one month and one bucket)\n"
      ),
      // Forged: 599 samples in the 10^8 bucket (46,000) and one at 5 × 10^9 bit/s (bucket 1,000 + 6 × 9,000 + 4,000 = 59,000),
      // the maximum moved there and the rate sum left at 600 × 2 × 10^8. Counts add up, the maximum is in the top bucket and
      // the sum lies between 600 × 10^8 and 600 × 5 × 10^9, so this used to be read as 65,700 GB a month. But the buckets
      // allow only (599 × 10^8 + 5 × 10^9) × 8,192 = 531,660,800,000,000 to (599 × 1.001 × 10^8 + 5 × 10^9) × 8,192
      // = 532,151,500,800,000, far below the sum 983,040,000,000,000.
      (
        "forged.json",
        Self.summary().replacingOccurrences(of: "\"47000:600\"", with: "\"46000:599 59000:1\"")
          .replacingOccurrences(of: "\"200000000.0\"", with: "\"5000000000.0\""),
        ":24:22: error: circuits[0].outbound.histogram: the months' rate sums total 983040000000000 (in 1/8192 bit/s), but the histogram's 600 samples allow only 531660800000000 to 532151500800000 (expected the sum of the rates to lie between the sums of each sample's bucket bounds)\n"
      ),
      // Counts near Int64.max used to trap (overflow in TrafficSummary).
      (
        "huge.json", Self.summary(samples: "9223372036854775807"),
        ":11:18: error: circuits[0].samples: 9223372036854775807 samples, but only 600 sample times lie between the first and the last, 600 s apart (expected at most 600)\n"
      ),
      (
        "month.json", Self.summary(outboundMonthSamples: "9223372036854775807"),
        ":25:82: error: circuits[0].outbound.months[0].samples: 9223372036854775807 is out of range (expected 1 to 4464)\n"
      ),
    ]
    // Counts that disagree with each other: every sample has both rates (600 complete) but the outbound histogram holds
    // 599 (599 × 2 × 10^8 × 8,192 = 981,401,600,000,000 in its month); a maximum outside the histogram's highest bucket.
    let short = Self.summary(outboundRateSum: "981401600000000").replacingOccurrences(of: "\"47000:600\"", with: "\"47000:599\"")
      .replacingOccurrences(of: "\"samples\": 600}]\n      },\n      \"gaps\"", with: "\"samples\": 599}]\n      },\n      \"gaps\"")
    let wrongMaximum = Self.summary().replacingOccurrences(of: "\"200000000.0\"", with: "\"300000000.0\"")
    let more: [(String, String, String)] = [
      (
        "short.json", short,
        ":24:22: error: circuits[0].outbound.histogram: the histogram holds 599 samples, but the circuit has 600 samples with both rates and 600 with either (expected 600)\n"
      ),
      (
        "maximum.json", wrongMaximum,
        ":22:20: error: circuits[0].outbound.maximum: the maximum 300000000.0 bit/s is not in the histogram's highest bucket, which holds rates from 200000000.0 bit/s (expected the highest rate there)\n"
      ),
    ]
    for (name, text, message) in cases + more {
      let path = try write(name, text)
      for arguments in [["size", profile, "--series", path], ["traffic", "summarize", path, "--quiet"]] {
        let result = ercalc(arguments)
        #expect(result.status == .dataError, "\(name) \(arguments)")
        #expect(result.errors == path + message, "\(result.errors)")
      }
    }
  }

  // MARK: - Global Reach without a volume

  @Test func globalReachWithoutMonthlyDataIsUnpricedInEveryFormatAndFailsTheGate() throws {
    let directory = try temporaryDirectory("ercalc-global-reach")
    defer { try? FileManager.default.removeItem(at: directory) }
    // Global Reach rates are not in the default table: an override gives them (Zone 1 0.02, Zone 2 0.05 per GB each way).
    let overrides = directory.appendingPathComponent("reach.json").path
    try """
    {"schemaVersion": 1, "kind": "override", "currency": "USD",
     "sources": [{"id": "test-sheet", "title": "Test price sheet", "date": "2026-11-01"}],
     "globalReach": {"source": "test-sheet", "confidence": "ESTIMATE", "rows": [
       {"zone": "Zone 1", "direction": "outbound", "perGB": "0.02"}, {"zone": "Zone 1", "direction": "inbound", "perGB": "0.02"},
       {"zone": "Zone 2", "direction": "outbound", "perGB": "0.05"}, {"zone": "Zone 2", "direction": "inbound", "perGB": "0.05"}]}}
    """.write(toFile: overrides, atomically: true, encoding: .utf8)
    func profile(_ name: String, reach: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try """
      {"schemaVersion": 1, "name": "reach", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
       "traffic": {"peakOutbound": "400 Mbps", "peakInbound": "200 Mbps", "monthlyEgress": "10 TB"}, "globalReach": [\(reach)]}
      """.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // With 1 TB each way: Amsterdam (Zone 1) → Singapore (Zone 2): 1,000 GB × 0.02 out + 1,000 GB × 0.05 in = 70.00, and
    // back 1,000 × 0.05 + 1,000 × 0.02 = 70.00 → 140.00. Month 1: Premium MeteredData 500 Mbps 690.00 + 10,000 GB × 0.025
    // = 250.00 + ErGw1AZ 263.53 + 140.00 = 1,343.53.
    let given = try profile("given.json", reach: #"{"location": "Singapore", "monthlyData": "1 TB"}"#)
    let priced = ercalc("size", given, "--overrides", overrides, "--format", "json", "--fail-above", "2000")
    #expect(priced.status == .success, "\(priced.errors)")
    #expect(priced.output.contains("\"monthlyTotals\": [\n    \"1343.53\","))
    #expect(priced.output.contains("\"unpriced\": []"))
    // Without monthlyData: the link's four per-GB charges are unpriced (they used to be priced as 0 GB, 0.00, and the
    // gate passed); month 1 is 1,203.53 without them.
    let missing = try profile("missing.json", reach: #"{"location": "Singapore"}"#)
    let reason = "data volume from 'circuit' to 'remote 1 (Singapore)' not given (Global Reach is charged per GB out and in)"
    let formats: [(String, String)] = [
      ("text", "Global Reach to Singapore (monthly data not given)       unpriced  no monthlyData for the link to Singapore"),
      ("json", "\"reason\": \"\(reason)\""),
      ("csv", ",unpriced,\(reason),"),
      ("markdown", "| Global Reach to Singapore (monthly data not given) | unpriced |"),
      ("html", "<td>Global Reach to Singapore (monthly data not given)</td><td class=\"num\">unpriced</td>"),
    ]
    for (format, expected) in formats {
      let result = ercalc("size", missing, "--overrides", overrides, "--format", format)
      #expect(result.status == .success)
      #expect(result.output.contains(expected), "\(format)")
      #expect(result.errors.contains("warning: 4 charges could not be priced and are not in the total"), "\(format)")
    }
    let gated = ercalc("size", missing, "--overrides", overrides, "--fail-above", "100000")
    #expect(gated.status == .failure)
    #expect(
      gated.errors.contains(
        "error: --fail-above cannot pass: 4 charges were not priced, so the highest monthly cost of 1,203.53 USD is incomplete"))
  }
}
