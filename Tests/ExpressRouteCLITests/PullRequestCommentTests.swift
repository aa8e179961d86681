import ExpressRouteCLI
import Foundation
import TestSupport
import Testing

/// `ercalc diff --format github`: the pull-request comment, and the gate's relative and warn levels.
@Suite struct PullRequestCommentTests {
  static let plan = fixture("existing/terraform-change-plan.json")

  /// Deployment files in a temporary folder, by name; removed by the caller.
  static func deployments(_ files: [String: String]) throws -> URL {
    let directory = try temporaryDirectory("ercalc-pr")
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory
  }

  /// A Standard MeteredData 1 Gbps circuit in Amsterdam (Zone 1) with `egress` out a month.
  static func metered(_ name: String, egress: String) -> String {
    """
    {"name": "\(name)", "circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard",
      "billing": "MeteredData", "bandwidth": "1 Gbps", "egress": "\(egress)"}]}
    """
  }

  @Test func commentForTheTerraformChangePlan() {
    // terraform-change-plan.json (see PlanDiffTests): before 17,253.30, after 23,261.36, change +6,008.06;
    // 6,008.06 / 17,253.30 = 34.8226…% → +34.8%. Warn above +5% (862.665, shown exactly), fail above +40% (6,901.32): warn.
    let result = ercalc(
      "diff", "--from", Self.plan, "--format", "github", "--warn-above", "+5%", "--fail-above", "+40%")
    #expect(result.status == .success)
    #expect(
      result.output.hasPrefix(
        "### ExpressRoute monthly cost: 17,253.30 → 23,261.36 USD (+6,008.06 USD, +34.8%)\n\n"
          + "**Cost gate: ⚠️ warn**: the change +6,008.06 USD (+34.8% of 17,253.30 USD before) exceeds --warn-above +5% (+862.665 USD).\n"
      ))
    #expect(result.output.contains("<details><summary>4 changed items, 2 unchanged</summary>\n\n| Item |"))
    #expect(result.output.contains("| **Total** | **17,253.30** | **23,261.36** | **+6,008.06** |\n"))
    #expect(result.output.contains("**Not priced:** none.\n"))
    #expect(result.output.contains("of 2026-07-21 · 730 hours per month · amounts in USD"))
    #expect(
      result.errors
        == "warning: cost gate: the change +6,008.06 USD (+34.8% of 17,253.30 USD before) exceeds --warn-above +5% (+862.665 USD)\n"
    )
    Golden.check(result.output, file: snapshotFile("diff-plan-github.md"))
  }

  @Test func failingGateStillWritesTheCommentAndExitsOne() {
    // +6,008.06 is above +10% of 17,253.30 (1,725.33): fail, status 1, the comment says why.
    let result = ercalc("diff", "--from", Self.plan, "--format", "github", "--fail-above", "+10%")
    #expect(result.status == .failure)
    let reason =
      "the change +6,008.06 USD (+34.8% of 17,253.30 USD before) exceeds --fail-above +10% (+1,725.33 USD)"
    #expect(result.output.contains("**Cost gate: ❌ fail**: \(reason).\n"))
    #expect(result.errors == "error: \(reason)\n")
    // The absolute gate keeps its message; 6,008.06 exactly at the level passes, a cent below it fails.
    let at = ercalc("diff", "--from", Self.plan, "--format", "github", "--fail-above", "6,008.06")
    #expect(at.status == .success)
    #expect(
      at.output.contains("**Cost gate: ✅ pass**: monthly increase 6,008.06 USD is within --fail-above 6,008.06 USD.\n"))
    let below = ercalc("diff", "--from", Self.plan, "--fail-above", "6008.05")
    #expect(below.status == .failure)
    #expect(below.errors == "error: monthly increase 6,008.06 USD exceeds --fail-above 6,008.05 USD\n")
  }

  @Test func relativeLevelAtTheBoundaryAndPercentRounding() throws {
    // Before: a Standard MeteredData 1 Gbps circuit, 436.00 a month, no data out.
    // After: the same with 2,136.4 GB out at 0.025 a GB, 53.41: change +53.41, exactly 12.25% of 436.00, printed
    // +12.3% (half away from zero). +12.25% is exactly at the level (passes), +12.24% (53.3664) is below it (fails).
    let directory = try Self.deployments([
      "before.json": Self.metered("today", egress: "0 GB"), "after.json": Self.metered("proposed", egress: "2136.4 GB"),
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = ["before.json", "after.json"].map { directory.appendingPathComponent($0).path }
    let at = ercalc(["diff"] + files + ["--format", "github", "--fail-above", "+12.25%"])
    #expect(at.status == .success)
    #expect(at.output.hasPrefix("### ExpressRoute monthly cost: 436.00 → 489.41 USD (+53.41 USD, +12.3%)\n"))
    #expect(
      at.output.contains(
        "**Cost gate: ✅ pass**: the change +53.41 USD (+12.3% of 436.00 USD before) is within --fail-above +12.25% (+53.41 USD).\n"
      ))
    let above = ercalc(["diff"] + files + ["--fail-above", "+12.24%"])
    #expect(above.status == .failure)
    #expect(
      above.errors
        == "error: the change +53.41 USD (+12.3% of 436.00 USD before) exceeds --fail-above +12.24% (+53.3664 USD)\n")
    // The text report prints the same percentage by the same rule.
    #expect(above.output.contains("Change:          +53.41 USD (+12.3%)\n"))
    // A warn level between: warns, exit 0.
    let warned = ercalc(["diff"] + files + ["--warn-above", "+12%", "--fail-above", "+13%"])
    #expect(warned.status == .success)
    #expect(
      warned.errors.contains(
        "warning: cost gate: the change +53.41 USD (+12.3% of 436.00 USD before) exceeds --warn-above +12% (+52.32 USD)\n"
      ))
  }

  @Test func unpricedItemsBlockAPassAndAreListed() {
    // az-estate (11,950.66 priced, six items unpriced) against terraform-plan (12,870.95): +920.29 on the priced
    // items alone, 7.7% of 11,950.66, well within +50%; the unpriced items still keep the gate from passing.
    let sides = ["--from", fixture("existing/az-estate.json"), "--from", fixture("existing/terraform-plan.json")]
    let warnOnly = ercalc(["diff"] + sides + ["--format", "github", "--warn-above", "+50%"])
    #expect(warnOnly.status == .success)
    #expect(
      warnOnly.output.hasPrefix(
        "### ExpressRoute monthly cost: change unknown, 6 items not priced (priced items alone: 11,950.66 → 12,870.95 USD, +920.29 USD)\n"
      ))
    #expect(warnOnly.output.contains("**Cost gate: ⚠️ warn**: --warn-above cannot pass: 6 charges were not priced"))
    #expect(
      warnOnly.output.contains(
        "**Not priced** (never counted as zero: the change is unknown until they are priced):\n- before: "))
    #expect(warnOnly.output.contains("| **Total** | **11,950.66** | **12,870.95** | **unknown** |\n"))
    let failing = ercalc(["diff"] + sides + ["--format", "github", "--fail-above", "+50%"])
    #expect(failing.status == .failure)
    #expect(failing.output.contains("**Cost gate: ❌ fail**: --fail-above cannot pass: 6 charges were not priced"))
    let allowed = ercalc(["diff"] + sides + ["--format", "github", "--fail-above", "+50%", "--allow-unpriced"])
    #expect(allowed.status == .success)
    #expect(allowed.output.contains("**Cost gate: ⚠️ warn**: not a pass: 6 charges were not priced"))
  }

  @Test func fromNothingAnyIncreaseFailsARelativeLevel() throws {
    // A plan that creates one Standard UnlimitedData 1 Gbps circuit (5,700.00) from an empty state.
    let circuit = """
      {"name": "new-er", "bandwidth_in_mbps": 1000, "peering_location": "Amsterdam", "location": "westeurope",
       "service_provider_name": "Equinix", "sku": [{"family": "UnlimitedData", "tier": "Standard"}]}
      """
    let directory = try Self.deployments([
      "plan.json": """
      {"format_version": "1.2",
       "planned_values": {"root_module": {"resources": [{"address": "azurerm_express_route_circuit.new",
         "mode": "managed", "type": "azurerm_express_route_circuit", "name": "new", "values": \(circuit)}]}},
       "resource_changes": [{"address": "azurerm_express_route_circuit.new", "mode": "managed",
         "type": "azurerm_express_route_circuit", "name": "new",
         "change": {"actions": ["create"], "before": null, "after": \(circuit), "after_unknown": {}}}]}
      """
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = directory.appendingPathComponent("plan.json").path
    let result = ercalc("diff", "--from", plan, "--format", "github", "--fail-above", "+1000%")
    #expect(result.status == .failure)
    #expect(
      result.output.hasPrefix("### ExpressRoute monthly cost: 0.00 → 5,700.00 USD (+5,700.00 USD, nothing before)\n"))
    #expect(
      result.errors
        == "error: the change +5,700.00 USD (nothing before) exceeds --fail-above +1000% (any increase from nothing)\n")
  }

  @Test func namesAreEscaped() throws {
    let circuit = #""name": "c|<i>x</i>_y`z`", "peeringLocation": "Amsterdam", "tier": "Standard""#
    let directory = try Self.deployments([
      "before.json":
        #"{"name": "<b>old</b> & co", "circuits": [{\#(circuit), "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}"#,
      "after.json":
        #"{"name": "new *$x$*", "circuits": [{\#(circuit), "billing": "UnlimitedData", "bandwidth": "2 Gbps"}]}"#,
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = ercalc(
      "diff", directory.appendingPathComponent("before.json").path, directory.appendingPathComponent("after.json").path,
      "--format", "github")
    #expect(result.status == .success)
    // 1 Gbps 5,700.00 → 2 Gbps 11,400.00 (Standard UnlimitedData, Zone 1).
    #expect(
      result.output.contains(
        "| circuit 'c\\|&lt;i&gt;x&lt;/i&gt;\\_y\\`z\\`' · Standard UnlimitedData 2 Gbps circuit, Zone 1 | - | 11,400.00 | +11,400.00 |\n"
      ))
    #expect(result.output.contains(" · &lt;b&gt;old&lt;/b&gt; &amp; co → new \\*\\$x\\$\\*</sub>\n"))
    #expect(!result.output.contains("<b>"))
    #expect(!result.output.contains("<i>"))
    #expect(result.output.contains("No cost gate set.\n"))
  }

  @Test(
    "Bad levels are usage errors",
    arguments: [
      (["--fail-above", "+abc%"], "The value '+abc%' is invalid for '--fail-above <limit>'."),
      (["--fail-above", "10%%"], "The value '10%%' is invalid for '--fail-above <limit>'."),
      (["--warn-above", "-5%"], "The value '-5%' is invalid for '--warn-above <limit>'."),
      (
        ["--warn-above", "+10%", "--fail-above", "+10%"],
        "'--warn-above +10%' must be below '--fail-above +10%'; otherwise the warning could never show."
      ),
      (["--warn-above", "500", "--allow-unpriced"], "The option '--allow-unpriced' needs '--fail-above <limit>'"),
    ])
  func badLevelsAreUsageErrors(_ options: [String], _ message: String) {
    let result = ercalc(["diff", "--from", Self.plan] + options)
    #expect(result.status == .usage)
    #expect(result.errors.contains("Error: \(message)"))
    #expect(result.output.isEmpty)
  }

  @Test func otherCommandsKeepAbsoluteLevels() {
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--billing", "unlimited", "--fail-above", "+10%")
    #expect(result.status == .usage)
    #expect(result.errors.contains("The value '+10%' is invalid for '--fail-above <amount>'"))
  }

  /// Two portfolios are gated on their highest months while the headline compares the totals over the period; the
  /// verdict names its measure so a +15.7% headline passing a 12% limit reads right (review of issue 31).
  @Test func aPortfolioVerdictNamesTheHighestMonth() throws {
    let before = packageRoot.appendingPathComponent("Reports/provider-charges/portfolio.json")
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let after = directory.appendingPathComponent("after.json")
    // chi-er from 1 to 2 Gbps Standard MeteredData: the circuit fee 436.00 → 872.00, +436.00 a month.
    try String(contentsOf: before, encoding: .utf8).replacingOccurrences(
      of: "\"bandwidth\": \"1 Gbps\"", with: "\"bandwidth\": \"2 Gbps\""
    ).write(to: after, atomically: true, encoding: .utf8)
    let result = ercalc("diff", before.path, after.path, "--format", "github", "--fail-above", "+12%")
    #expect(result.status == .success, "\(result.errors)")
    // Highest month 4,149.53 → 4,585.53: +436.00 is 10.507% (+10.5%), within 12% of 4,149.53 = 497.9436.
    #expect(
      result.output.contains(
        "the change in the highest monthly total +436.00 USD (+10.5% of 4,149.53 USD before) is within --fail-above +12% (+497.9436 USD)"
      ))
  }
}
