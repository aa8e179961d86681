import Foundation
import TestSupport
import Testing

/// A VPN break-even from a traceable rate, `prices validate` refusing sources nobody can open or date, and
/// `prices show --sources` listing every rate's source, date and age.
@Suite struct RateSourcingCLITests {
  @Test func amsterdamHasABreakEvenFromTheZoneOneRate() {
    // Amsterdam (Europe, Zone 1), 1 Gbps.
    // ExpressRoute: Standard MeteredData 1 Gbps 436 + 0.025/GB; ErGwScale is not offered in West Europe (Amsterdam's
    //   local region), so the gateway is ErGw1AZ, 730 × 0.361 = 263.53 → 699.53 + 0.025 V
    //   (Local 1 Gbps 1,200 + 263.53 is cheaper only above (1,200 − 436) ÷ 0.025 = 30,560 GB).
    // VPN: VpnGw2AZ (1,250 Mbps benchmark; the retired non-AZ VpnGw2 is not weighed) 730 × 0.564 = 411.72; internet
    //   egress from Europe: 100 GB free, then 0.087/GB ("Standard Outbound Zone 1 ($0.087/GB)", Virtual WAN pricing page,
    //   2023-07-28) to 10,335 GB, then 0.083/GB.
    // Break-even in the 0.087 tier: 411.72 + (V − 100) × 0.087 = 699.53 + 0.025 V → 0.062 V = 699.53 − 411.72 + 8.70 = 296.51
    //   → V = 4,782.4 → 4,783 GB.
    // 20,000 GB: ER 436 + 500 + 263.53 = 1,199.53; VPN 411.72 + 10,235 × 0.087 + 9,665 × 0.083
    //   = 411.72 + 890.45 + 802.20 (each line to cents) = 2,104.37.
    let result = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "20TB", "--with-vpn", "--format", "json"
    )
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"breakEvenGB\": \"4783\""), "\(result.output)")
    #expect(result.output.contains("\"expressRouteMonthly\": \"1199.53\""))
    #expect(result.output.contains("\"vpnMonthly\": \"2104.37\""))
  }

  /// Writes the built-in table with `replace` swapped for `with` in its sources, and validates it.
  func validate(replacing replace: String, with replacement: String) throws -> RunResult {
    let directory = try temporaryDirectory("ercalc-sources")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("table.json").path
    let text = try String(
      contentsOf: packageRoot.appendingPathComponent("PriceTables/expressroute-usd.json"), encoding: .utf8)
    #expect(text.contains(replace))
    try text.replacingOccurrences(of: replace, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
    return ercalc("prices", "validate", path)
  }

  @Test func validateRefusesASourceNobodyCanOpenOrDate() throws {
    // The built-in table passes: every source has a URL or a repository at a commit, and a date.
    #expect(ercalc("prices", "validate").status == .success)
    // Without its URL and repository, the Traffic Collector page cannot be opened: refused, at the source's line (16).
    let unlinked = try validate(
      replacing: #""url": "https://learn.microsoft.com/azure/expressroute/traffic-collector", "date""#, with: #""date""#
    )
    #expect(unlinked.status == .dataError)
    #expect(
      unlinked.errors.hasSuffix(
        "table.json:16:5: error: source 'etc-2023' has neither a 'url' nor a 'repository' (owner/name@commit): nobody can open it to check its prices\n"
      ), "\(unlinked.errors)")
    // Undated without saying why: refused.
    let undated = try validate(replacing: #""date": "2023-10-09""#, with: #""date": null"#)
    #expect(undated.status == .dataError)
    #expect(
      undated.errors.hasSuffix(
        "error: source 'etc-2023' has no date and no 'undatedReason' (give the date the source itself states, or say why it has none)\n"
      ),
      "\(undated.errors)")
    // Undated with the reason: accepted.
    let explained = try validate(
      replacing: #""date": "2023-10-09""#, with: #""date": null, "undatedReason": "the page carries no date""#)
    #expect(explained.status == .success, "\(explained.errors)")
  }

  @Test func showSourcesListsEveryRateWithItsSourceDateAndAge() {
    // Ages run from each source's own date to the table's price date (2026-07-21), never to today:
    // the Virtual WAN page of 2023-07-28 is 35 whole months old, past the 18-month limit; the infracost golden test of
    // 2025-01-15 is 18 whole months old but past the limit by date (2025-01-15 + 18 months = 2026-07-15, six days
    // before 2026-07-21), so it is flagged too: 3 sources were flagged before, infracost-vpn is the fourth.
    let result = ercalc("prices", "show", "--sources")
    #expect(result.status == .success, "\(result.errors)")
    #expect(
      result.output.contains("Ages measured to: 2026-07-21 (the table's price date)"), "\(result.output.prefix(600))")
    #expect(result.output.contains("4 sources older than 18 months, 0 untraceable"), "\(result.output.prefix(600))")
    let lines = result.output.split(separator: "\n")
    let hub = lines.first { $0.hasPrefix("Virtual WAN hub ") }.map(String.init) ?? ""
    #expect(hub.contains("vwan-pricing-2023"), "\(hub)")
    #expect(hub.contains("2023-07-28"))
    #expect(hub.contains("35 mo"))
    #expect(hub.contains("CONFIRMED"))
    #expect(hub.contains("older than 18 months"))
    let vpn = lines.first { $0.hasPrefix("VpnGw1 VPN gateway ") }.map(String.init) ?? ""
    #expect(vpn.contains("infracost-vpn") && vpn.contains("2025-01-15") && vpn.contains("18 mo"), "\(vpn)")
    #expect(vpn.contains("older than 18 months"))
    // Another as-of date gives other ages, the same on every run: 2024-01-01 is 5 months after the page.
    let early = ercalc("prices", "show", "--sources", "--as-of", "2024-01-01", "--format", "json")
    #expect(early.output.contains("\"asOf\": \"2024-01-01\""))
    #expect(
      early.output.contains(
        "\"meter\": \"Virtual WAN hub\",\n      \"unit\": \"1 Hour\",\n      \"price\": \"0.25\",\n      \"unpricedReason\": null,\n      \"source\": \"vwan-pricing-2023\",\n      \"sourceDate\": \"2023-07-28\",\n      \"ageMonths\": 5,\n      \"confidence\": \"CONFIRMED\",\n      \"flags\": []"
      ), "\(early.output.prefix(2000))")
    #expect(ercalc("prices", "show", "--sources", "--as-of", "2024-13-01").status == .usage)
    #expect(ercalc("prices", "show", "--as-of", "2024-01-01").status == .usage)
  }
}
