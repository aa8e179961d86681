import Foundation
import TestSupport
import Testing

/// The CSV of quote, size, budget and diff is a FOCUS 1.0 cost dataset (``FocusSpecification``), with a negotiated
/// discount, one-time and amortised charges, Azure IDs when the input has them and planned IDs when it does not.
@Suite struct FocusConformanceTests {
  typealias Spec = FocusSpecification

  /// The rows of `table` whose `column` is `value`.
  static func rows(_ table: CSVTable, _ column: String, _ value: String) -> [[String: String]] {
    table.rows.filter { $0[column] == value }
  }

  @Test func aDiscountedQuoteWithAOneTimeChargeIsAFocusDataset() throws {
    // focus-deployment.json: Amsterdam 1 Gbps Standard MeteredData, 10 TB out, ErGw1AZ, and Megaport's one-time
    // installation of 1,500.00; --discount 12% off Azure's list prices (not off Megaport's charge).
    let result = ercalc("quote", fixture("focus-deployment.json"), "--discount", "12%", "--format", "csv")
    #expect(result.status == .success)
    let table = Spec.check(result.output)
    #expect(table.rows.count == 4)
    // No --period: the first whole month of the built-in table (effective 2026-07-21), 2026-08.
    #expect(table.rows.allSatisfy { $0["ChargePeriodStart"] == "2026-08-01T00:00:00Z" })
    #expect(table.rows.allSatisfy { $0["BillingPeriodEnd"] == "2026-09-01T00:00:00Z" })
    let columns = [
      "ListUnitPrice", "ContractedUnitPrice", "PricingQuantity", "PricingUnit", "ListCost", "ContractedCost",
      "BilledCost", "EffectiveCost", "ChargeCategory", "ChargeFrequency",
    ]
    func values(_ row: [String: String]?) -> [String] { columns.map { row?[$0] ?? "-" } }
    let circuit = Self.rows(table, "PricingUnit", "Months").first
    // 436.00 list; 436 × (1 − 0.12) = 383.68.
    #expect(
      values(circuit) == [
        "436", "383.68", "1", "Months", "436.00", "383.68", "383.68", "383.68", "Usage", "Recurring",
      ])
    // 10,000 GB × 0.025 = 250.00 list; 0.025 × 0.88 = 0.022, × 10,000 = 220.00.
    #expect(
      values(Self.rows(table, "PricingUnit", "GB").first) == [
        "0.025", "0.022", "10000", "GB", "250.00", "220.00", "220.00", "220.00", "Usage", "Usage-Based",
      ])
    // 730 h × 0.361 = 263.53 list; 0.361 × 0.88 = 0.31768, × 730 = 231.9064 → 231.91.
    #expect(
      values(Self.rows(table, "PricingUnit", "Hours").first) == [
        "0.361", "0.31768", "730", "Hours", "263.53", "231.91", "231.91", "231.91", "Usage", "Recurring",
      ])
    // The installation, billed once in the period: a Purchase, One-Time, 1 unit of 1,500.00, not discounted.
    let installation = try #require(Self.rows(table, "ChargeFrequency", "One-Time").first)
    #expect(
      values(installation) == [
        "1500", "1500", "1", "Units", "1500.00", "1500.00", "1500.00", "1500.00", "Purchase", "One-Time",
      ])
    #expect(installation["ConsumedQuantity"] == "" && installation["ProviderName"] == "Megaport")
    #expect(installation["ResourceType"] == "Connectivity provider or colocation service")
    #expect(installation["ResourceName"] == "Megaport: Installation for ams-1")
    // Planned resources: ercalc:/plans/<deployment>/<type>/<name>, no Azure region or subscription.
    #expect(circuit?["ResourceId"] == "ercalc:/plans/focus/expressRouteCircuits/ams-1")
    #expect(circuit?["ResourceName"] == "ams-1" && circuit?["RegionId"] == "" && circuit?["SubAccountId"] == "")
    // Billed = 383.68 + 220.00 + 231.91 + 1,500.00 = 2,335.59; list = 436.00 + 250.00 + 263.53 + 1,500.00 = 2,449.53.
    #expect(Spec.sum(table.rows, "BilledCost") == Decimal(string: "2335.59"))
    #expect(Spec.sum(table.rows, "ListCost") == Decimal(string: "2449.53"))
  }

  @Test func azureIdsComeFromTheExport() throws {
    // az-estate.json carries full ARM IDs and regions; ams-er is Premium MeteredData 1 Gbps in West Europe.
    let result = ercalc(
      "quote", "--from", fixture("existing/az-estate.json"), "--egress", "10TB", "--discount", "12%", "--format", "csv")
    let table = Spec.check(result.output)
    let circuit = try #require(Self.rows(table, "ResourceName", "ams-er").first)
    #expect(
      circuit["ResourceId"]
        == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/ams-er"
    )
    #expect(circuit["RegionId"] == "westeurope" && circuit["ResourceType"] == "ExpressRoute circuit")
    #expect(circuit["SubAccountId"] == "/subscriptions/00000000-0000-0000-0000-000000000000")
    let gateway = try #require(Self.rows(table, "ResourceName", "weu-ergw").first)
    #expect(gateway["ResourceId"]?.hasSuffix("/virtualNetworkGateways/weu-ergw") == true)
    // The Direct port pair has no price in the built-in table: carried as 0 placeholders, flagged, with its ID.
    let port = try #require(Self.rows(table, "ResourceName", "ams-direct").first)
    #expect(port["x_Status"] == "unpriced" && port["x_Placeholders"] == "cost" && port["BilledCost"] == "0.00")
    #expect(port["ResourceId"]?.hasSuffix("/expressRoutePorts/ams-direct") == true)
  }

  @Test func unpricedRowsKeepTheirQuantityAndAreFlagged() throws {
    // The built-in table has no Global Reach per-GB price: 2,000 GB each way keeps its quantity, costs are 0
    // placeholders named in x_Placeholders, with the reason.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "10TB", "--global-reach", "London",
      "--global-reach-data", "2TB", "--global-reach-egress", "1TB", "--format", "csv")
    let table = Spec.check(result.output)
    let reach = Self.rows(table, "ResourceType", "ExpressRoute Global Reach connection")
    #expect(!reach.isEmpty)
    for row in reach {
      #expect(row["x_Status"] == "unpriced" && row["x_Placeholders"] == "cost")
      #expect(row["PricingQuantity"] == "2000" && row["ListUnitPrice"] == "0" && row["BilledCost"] == "0.00")
    }
  }

  @Test func anAmortisedDiscountedBudgetIsAFocusDataset() throws {
    // focus-portfolio.json, 60 months from 2027-01, --amortize --discount 12%:
    // ams: 383.68 + 220.00 + 231.91 = 835.59 a month (as the quote above), and a one-time survey of 0.30 over 60
    //      months; lon: London 1 Gbps Standard UnlimitedData, 5,700.00 list, 5,700 × 0.88 = 5,016.00 a month.
    let result = ercalc(
      "budget", fixture("focus-portfolio.json"), "--amortize", "--discount", "12%", "--format", "csv")
    #expect(result.status == .success)
    let table = Spec.check(result.output)
    #expect(table.rows.count == 300)  // 60 × (4 ams + 1 lon)
    let survey = Self.rows(table, "ChargeFrequency", "One-Time")
    #expect(survey.count == 60)
    // Billed once, whole, in 2027-01; 0 in the other 59 months.
    let billed = survey.filter { $0["BilledCost"] != "0.00" }
    #expect(billed.map { $0["ChargePeriodStart"] ?? "" } == ["2027-01-01T00:00:00Z"])
    #expect(billed.first.map { [$0["BilledCost"], $0["ListCost"], $0["PricingQuantity"]] } == ["0.30", "0.30", "1"])
    // Amortised in whole cents: month k (from 0) takes ⌊30 (k+1)/60⌋ − ⌊30 k/60⌋ cents: 0.00, 0.01, 0.00, … 0.01;
    // thirty months of 0.01, none negative (not 59 × 0.01 and a −0.29 month).
    #expect(survey.prefix(4).map { $0["EffectiveCost"] ?? "" } == ["0.00", "0.01", "0.00", "0.01"])
    #expect(survey.filter { $0["EffectiveCost"] == "0.01" }.count == 30)
    #expect(survey.allSatisfy { $0["EffectiveCost"] == "0.00" || $0["EffectiveCost"] == "0.01" })
    // BilledCost over the billing months equals EffectiveCost over them: 60 × (835.59 + 5,016.00) + 0.30 = 351,095.70;
    // list: 60 × (436.00 + 250.00 + 263.53 + 5,700.00) + 0.30 = 398,972.10.
    #expect(Spec.sum(table.rows, "BilledCost") == Decimal(string: "351095.70"))
    #expect(Spec.sum(table.rows, "EffectiveCost") == Decimal(string: "351095.70"))
    #expect(Spec.sum(table.rows, "ContractedCost") == Decimal(string: "351095.70"))
    #expect(Spec.sum(table.rows, "ListCost") == Decimal(string: "398972.10"))
    // 2027-01 bills 835.59 + 0.30 + 5,016.00 = 5,851.89 while its effective cost is 5,851.59; 2027-02: 5,851.59, 5,851.60.
    let january = Self.rows(table, "BillingPeriodStart", "2027-01-01T00:00:00Z")
    let february = Self.rows(table, "BillingPeriodStart", "2027-02-01T00:00:00Z")
    #expect(Spec.sum(january, "BilledCost") == Decimal(string: "5851.89"))
    #expect(Spec.sum(january, "EffectiveCost") == Decimal(string: "5851.59"))
    #expect(Spec.sum(february, "BilledCost") == Decimal(string: "5851.59"))
    #expect(Spec.sum(february, "EffectiveCost") == Decimal(string: "5851.60"))
    // Both sites name their circuit "circuit": the names are scoped by site, the IDs too.
    let circuits = Set(Self.rows(table, "ResourceType", "ExpressRoute circuit").map { $0["ResourceName"] ?? "" })
    #expect(circuits == ["ams/circuit", "lon/circuit"])
    #expect(
      Self.rows(table, "ResourceName", "lon/circuit").first?["ResourceId"]
        == "ercalc:/plans/lon/expressRouteCircuits/circuit")
  }

  @Test func aBudgetIsAFocusDatasetWithTags() throws {
    // tagged-portfolio.json: 4 sites × 3 months; iad has a circuit and a gateway, so 5 rows a month, 15 in all.
    let result = ercalc("budget", fixture("tagged-portfolio.json"), "--format", "csv")
    let table = Spec.check(result.output)
    #expect(table.rows.count == 15)
    let iad = Self.rows(table, "x_Group", "iad")
    #expect(iad.count == 6)
    #expect(iad.allSatisfy { $0["Tags"] == #"{"costCentre":"CC-1","region":"North America"}"# })
    // Billing periods are the months: 2027-12 runs to 2028-01-01.
    #expect(
      iad.contains {
        $0["BillingPeriodStart"] == "2027-12-01T00:00:00Z" && $0["BillingPeriodEnd"] == "2028-01-01T00:00:00Z"
      })
    // The period's BilledCost sums to the budget total: 86,290.59.
    #expect(Spec.sum(table.rows, "BilledCost") == Decimal(string: "86290.59"))
  }

  /// Site `a/b` with circuit `c` and site `a` with circuit `b/c` would both be `a/b/c`: a slash inside a name is
  /// written `%2F`, so each ResourceName names one ResourceId (``FocusSpecification/check(_:sourceLocation:)``).
  @Test func slashesInNamesKeepResourceNamesUnique() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("slashes.json").path
    func site(_ name: String, _ circuit: String) -> String {
      """
      {"name": "\(name)", "deployment": {"circuits": [{"name": "\(circuit)", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}}
      """
    }
    // Also: `+1` and `'+1` (the CSV's formula guard writes `'+1/c` for the first, so the second gets `''+1/c`), and a
    // site `a/x` refused whole (Atlantis is no peering location), named `a%2Fx` with its tags, not `a/x` (which is
    // what site `a`'s circuit `x` would be named).
    let refused = site("a/x", "c").replacingOccurrences(of: "Amsterdam", with: "Atlantis")
      .replacingOccurrences(of: #""deployment""#, with: #""tags": {"region": "Europe"}, "deployment""#)
    try """
    {"schemaVersion": 1, "name": "slashes", "startMonth": "2027-01", "horizonMonths": 1, "sites": [\(site("a/b", "c")), \(site("a", "b/c")), \(site("50%", "x")), \(site("+1", "c")), \(site("'+1", "c")), \(refused)]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let result = ercalc("budget", file, "--format", "csv")
    #expect(result.status == .dataError)  // a site refused
    let table = Spec.check(result.output)
    #expect(
      table.rows.map { $0["ResourceName"] ?? "-" } == ["a%2Fb/c", "a/b%2Fc", "50%25/x", "'+1/c", "''+1/c", "a%2Fx"]
    )
    #expect(
      table.rows.map { $0["ResourceId"] ?? "-" } == [
        "ercalc:/plans/a%2Fb/expressRouteCircuits/c", "ercalc:/plans/a/expressRouteCircuits/b%2Fc",
        "ercalc:/plans/50%25/expressRouteCircuits/x", "ercalc:/plans/%2B1/expressRouteCircuits/c",
        "ercalc:/plans/%27%2B1/expressRouteCircuits/c", "ercalc:/plans/a%2Fx/sites/a%2Fx",
      ])
    #expect(table.rows.last?["Tags"] == #"{"region":"Europe"}"#)
  }

  /// Site `X` unreadable (no deployment), then a valid `X` refused as its duplicate: one row, with both reasons, for
  /// the one `ResourceId` `ercalc:/plans/X/sites/X`.
  @Test func aNameRefusedTwiceIsOneRow() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("twice.json").path
    try """
    {"schemaVersion": 1, "name": "twice", "startMonth": "2027-01", "horizonMonths": 1, "sites": [{"name": "X"}, {"name": "X", "deployment": {"circuits": [{"name": "c", "peeringLocation": "Amsterdam", "tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps"}]}}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let result = ercalc("budget", file, "--format", "csv")
    #expect(result.status == .dataError)
    let table = Spec.check(result.output)
    #expect(table.rows.count == 1)
    let reason = table.rows.first?["x_UnpricedReason"] ?? ""
    #expect(reason.hasPrefix("not budgeted: ") && reason.contains("; also: "), "\(reason)")
  }

  /// A price from the customer's sheet is what they pay, not the list: ListCost and ListUnitPrice stay at the list
  /// price it replaced. 1,000 GB at the sheet's 0.02 = 20.00 billed, at the list's 0.025 = 25.00 list; the gateway
  /// 730 h × 0.3249 = 237.18 billed, 730 h × 0.361 = 263.53 list.
  @Test func aPriceSheetsPriceKeepsTheListPriceBesideIt() throws {
    let overrides = packageRoot.appendingPathComponent(
      "Tests/ExpressRouteCLITests/Snapshots/price-sheet-ea-override.json")
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "1000GB", "--gateway", "ErGw1AZ",
      "--overrides", overrides.path, "--format", "csv")
    let table = Spec.check(result.output)
    let egress = try #require(table.rows.first { $0["SkuId"] == "Metered Data - Data Transfer Out" })
    #expect(
      [egress["BilledCost"], egress["ListCost"], egress["ContractedUnitPrice"], egress["ListUnitPrice"]] == [
        "20.00", "25.00", "0.02", "0.025",
      ])
    #expect(egress["x_CostBasis"] == "your own price sheet")
    let gateway = try #require(table.rows.first { $0["SkuId"] == "ErGw1AZ Gateway" })
    #expect([gateway["BilledCost"], gateway["ListCost"]] == ["237.18", "263.53"])
  }

  @Test func userChargesArePurchasesFromTheirVendor() throws {
    // provider-charges: the connectivity provider's and colocation's own fees; the installation (1,500.00, 2027-01)
    // is One-Time, the port and rack Recurring.
    let result = ercalc("budget", "Reports/provider-charges/portfolio.json", "--format", "csv")
    let table = Spec.check(result.output)
    let own = Self.rows(table, "ChargeCategory", "Purchase")
    #expect(!own.isEmpty)
    #expect(own.allSatisfy { $0["ProviderName"] != "Microsoft" && $0["x_CostBasis"] == "your own charge, as given" })
    let installation = own.filter { $0["ChargeFrequency"] == "One-Time" }
    #expect(installation.map { $0["BilledCost"] ?? "" } == ["1500.00"])
    #expect(installation.first?["ChargePeriodStart"] == "2027-01-01T00:00:00Z")
    #expect(own.filter { $0["ChargeFrequency"] == "Recurring" }.allSatisfy { $0["PricingUnit"] == "Months" })
  }

  @Test func aSizingPlanIsAFocusDatasetWithFilledPeriods() throws {
    // sizing-profile.json without --start: month 1 is 2026-08 (the table's first whole month), then one month each.
    let result = ercalc("size", fixture("sizing-profile.json"), "--discount", "12%", "--format", "csv")
    #expect(result.status == .success)
    let table = Spec.check(result.output)
    let starts = table.rows.map { $0["ChargePeriodStart"] ?? "" }
    #expect(starts.first == "2026-08-01T00:00:00Z")
    #expect(Self.rows(table, "x_Group", "month 2").allSatisfy { $0["ChargePeriodStart"] == "2026-09-01T00:00:00Z" })
    #expect(Self.rows(table, "x_Group", "month 2").isEmpty == false)
  }

  @Test func anAmortisedDiscountedSizingPlanIsAFocusDataset() throws {
    // focus-profile.json: 300 Mbps peak, 10 TB a month, no growth, 12 months, Megaport's one-time installation of
    // 0.30 over a 12-month term; --amortize --discount 12%. The plan is a 500 Mbps Standard MeteredData circuit
    // (290.00 list, 290 × 0.88 = 255.20), 10,000 GB × 0.022 = 220.00 and ErGw1AZ 231.91: 707.11 a month.
    let result = ercalc(
      "size", fixture("focus-profile.json"), "--amortize", "--discount", "12%", "--format", "csv")
    #expect(result.status == .success)
    let table = Spec.check(result.output)
    #expect(table.rows.count == 48)  // 12 months × (circuit, data, gateway, installation)
    let installation = Self.rows(table, "ChargeFrequency", "One-Time")
    // 30 cents over 12 months: month k takes ⌊30 (k+1)/12⌋ − ⌊30 k/12⌋ cents: 2, 3, 2, 3, …; billed whole in month 1.
    #expect(
      installation.map { $0["EffectiveCost"] ?? "" } == Array(repeating: ["0.02", "0.03"], count: 6).flatMap { $0 })
    #expect(installation.map { $0["BilledCost"] ?? "" } == ["0.30"] + Array(repeating: "0.00", count: 11))
    #expect(installation.first?["ChargePeriodStart"] == "2026-08-01T00:00:00Z")
    // 12 × 707.11 + 0.30 = 8,485.62 billed and effective; list 12 × (290.00 + 250.00 + 263.53) + 0.30 = 9,642.66.
    #expect(Spec.sum(table.rows, "BilledCost") == Decimal(string: "8485.62"))
    #expect(Spec.sum(table.rows, "EffectiveCost") == Decimal(string: "8485.62"))
    #expect(Spec.sum(table.rows, "ListCost") == Decimal(string: "9642.66"))
    let circuit = try #require(Self.rows(table, "ResourceType", "ExpressRoute circuit").first)
    #expect(
      [circuit["ListUnitPrice"], circuit["ContractedUnitPrice"], circuit["BilledCost"]] == ["290", "255.2", "255.20"])
  }

  @Test func aDiffIsAFocusDatasetOfBothSides() throws {
    // before.json: Amsterdam 1 Gbps MeteredData, 40 TB, ErGw1AZ; after.json: the same circuit on UnlimitedData.
    // With 12% off: before 436 × 0.88 = 383.68, 40,000 GB × 0.022 = 880.00 and the gateway 231.91; after
    // 5,700 × 0.88 = 5,016.00 and the gateway 231.91.
    let result = ercalc(
      "diff", fixture("before.json"), fixture("after.json"), "--discount", "12%", "--format", "csv")
    let table = Spec.check(result.output)
    let before = Self.rows(table, "x_Scenario", "before")
    let after = Self.rows(table, "x_Scenario", "after")
    #expect(before.count == 3 && after.count == 2)
    // 383.68 + 880.00 + 231.91 = 1,495.59; 5,016.00 + 231.91 = 5,247.91.
    #expect(Spec.sum(before, "BilledCost") == Decimal(string: "1495.59"))
    #expect(Spec.sum(after, "BilledCost") == Decimal(string: "5247.91"))
    // list: 436.00 + 1,000.00 + 263.53 = 1,699.53; 5,700.00 + 263.53 = 5,963.53.
    #expect(Spec.sum(before, "ListCost") == Decimal(string: "1699.53"))
    #expect(Spec.sum(after, "ListCost") == Decimal(string: "5963.53"))
    // The same circuit has the same planned ID on both sides, so the change pivots on it.
    let ids = Set(table.rows.filter { $0["ResourceType"] == "ExpressRoute circuit" }.map { $0["ResourceId"] ?? "" })
    #expect(ids == ["ercalc:/plans/proposed/expressRouteCircuits/c"])
  }

  @Test func aPortfolioDiffIsAFocusDataset() throws {
    // The same portfolio on both sides (diff does not amortise): the same rows twice, once per side. The survey
    // falls whole in 2027-01, so BilledCost and EffectiveCost are 0.30 there and 0 after; the sums are the
    // amortised budget's: 351,095.70.
    let result = ercalc(
      "diff", fixture("focus-portfolio.json"), fixture("focus-portfolio.json"), "--discount", "12%", "--format", "csv")
    let table = Spec.check(result.output)
    let before = Self.rows(table, "x_Scenario", "before")
    let after = Self.rows(table, "x_Scenario", "after")
    #expect(before.count == 241 && after.count == 241)  // 60 × (3 ams + 1 lon) + the survey once
    #expect(Spec.sum(after, "BilledCost") == Decimal(string: "351095.70"))
    #expect(Spec.sum(after, "EffectiveCost") == Decimal(string: "351095.70"))
    #expect(Spec.sum(before, "ListCost") == Decimal(string: "398972.10"))
    let survey = after.filter { $0["ChargeFrequency"] == "One-Time" }
    #expect(
      survey.map { [$0["BilledCost"], $0["EffectiveCost"], $0["ChargePeriodStart"]] } == [
        ["0.30", "0.30", "2027-01-01T00:00:00Z"]
      ])
  }

  @Test func aComparisonIsAFocusDataset() {
    // Each option is a group: Standard metered at 12% off is 436 × 0.88 + 10,000 × 0.022 = 383.68 + 220.00 = 603.68.
    let result = ercalc(
      "compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "10TB", "--discount", "12%", "--format",
      "csv")
    let table = Spec.check(result.output)
    #expect(Spec.sum(Self.rows(table, "x_Group", "Standard metered"), "BilledCost") == Decimal(string: "603.68"))
    #expect(Spec.sum(Self.rows(table, "x_Group", "Standard metered"), "ListCost") == Decimal(string: "686.00"))
  }

  @Test(
    "The gallery's FOCUS CSV files conform",
    arguments: [
      "branch-office/quote.csv", "data-centre-growth/sizing.csv", "global-estate/budget.csv",
      "provider-charges/budget.csv", "redundant-design/sizing.csv", "regional-estate/budget.csv",
    ])
  func galleryCSVConforms(_ path: String) throws {
    let text = try String(contentsOfFile: "Reports/" + path, encoding: .utf8)
    Spec.check(text)
  }
}
