import Foundation
import TestSupport
import Testing

/// The CSV export is a FOCUS 1.0 cost dataset: every column the specification makes mandatory, allowed values
/// where the specification closes the set, costs in the four cost columns, and unpriced rows flagged, never 0.
///
/// The lists below are copied from the specification (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec,
/// `specification/columns/*.md`, version 1.0: "Feature level: Mandatory" and each column's "Allowed values"),
/// independently of the list in `CostRow`, so a column dropped from the export fails here.
@Suite struct FocusConformanceTests {
  static let mandatory = [
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
  ]
  static let chargeCategories: Set = ["Adjustment", "Credit", "Purchase", "Tax", "Usage"]
  static let chargeFrequencies: Set = ["", "One-Time", "Recurring", "Usage-Based"]
  static let serviceCategories: Set = [
    "AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases", "Developer Tools",
    "Multicloud",
    "Identity", "Integration", "Internet of Things", "Management and Governance", "Media", "Migration", "Mobile",
    "Networking",
    "Security", "Storage", "Web", "Other",
  ]

  /// Checks every row of a CSV export against the specification's column set and allowed values.
  static func checkConformance(_ csv: String, sourceLocation: SourceLocation = #_sourceLocation) -> CSVTable {
    let table = CSVTable(csv)
    for column in mandatory {
      #expect(
        table.columns.contains(column), "missing mandatory FOCUS column \(column)", sourceLocation: sourceLocation)
    }
    // FOCUS: columns a provider adds start with "x_"; every other column must be a FOCUS column.
    for column in table.columns where !column.hasPrefix("x_") {
      #expect(
        column.first?.isUppercase == true && !column.contains("_"), "\(column) is neither FOCUS-named nor x_",
        sourceLocation: sourceLocation)
    }
    for row in table.rows {
      #expect(chargeCategories.contains(row["ChargeCategory"] ?? ""), sourceLocation: sourceLocation)
      #expect(row["ChargeClass"] == "" || row["ChargeClass"] == "Correction", sourceLocation: sourceLocation)
      #expect(chargeFrequencies.contains(row["ChargeFrequency"] ?? ""), sourceLocation: sourceLocation)
      #expect(serviceCategories.contains(row["ServiceCategory"] ?? ""), sourceLocation: sourceLocation)
      #expect(row["BillingCurrency"] == "USD", sourceLocation: sourceLocation)
      #expect(
        row["ServiceName"]?.isEmpty == false && row["ProviderName"]?.isEmpty == false, sourceLocation: sourceLocation)
      if row["x_Status"] == "unpriced" {
        // Never 0: no cost at all, and the reason.
        for cost in ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"] {
          #expect(row[cost] == "", sourceLocation: sourceLocation)
        }
        #expect(row["x_UnpricedReason"]?.isEmpty == false, sourceLocation: sourceLocation)
      } else {
        #expect(row["x_Status"] == "priced", sourceLocation: sourceLocation)
        for cost in ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"] {
          #expect(Decimal(string: row[cost] ?? "") != nil, "\(cost) is not a number", sourceLocation: sourceLocation)
        }
      }
    }
    return table
  }

  @Test func aQuoteIsAFocusDataset() throws {
    // Amsterdam 1 Gbps Standard MeteredData, 10 TB, ErGw1AZ, January 2027, list prices:
    // circuit 436.00, data 10,000 GB × 0.025 = 250.00, gateway 730 × 0.361 = 263.53.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "10TB", "--gateway", "ErGw1AZ",
      "--period", "2027-01", "--format",
      "csv")
    let table = Self.checkConformance(result.output)
    #expect(table.rows.count == 3)
    let circuit = try #require(
      table.rows(where: "ResourceType", is: "ExpressRoute circuit").first { $0["PricingUnit"] == "Months" })
    #expect(circuit["ServiceName"] == "ExpressRoute")
    #expect(circuit["ServiceCategory"] == "Networking")
    #expect(circuit["ProviderName"] == "Microsoft")
    #expect(circuit["ChargeCategory"] == "Usage")
    #expect(circuit["ChargeFrequency"] == "Recurring")
    #expect(circuit["ResourceName"] == "circuit")
    #expect(
      [circuit["BilledCost"], circuit["EffectiveCost"], circuit["ListCost"], circuit["ContractedCost"]] == [
        "436.00", "436.00", "436.00", "436.00",
      ])
    #expect(circuit["x_CostBasis"] == "list price")
    #expect(
      circuit["ChargePeriodStart"] == "2027-01-01T00:00:00Z" && circuit["ChargePeriodEnd"] == "2027-02-01T00:00:00Z")
    let data = try #require(table.rows(where: "PricingUnit", is: "GB").first)
    #expect(data["ChargeFrequency"] == "Usage-Based")
    #expect([data["PricingQuantity"], data["ConsumedQuantity"], data["BilledCost"]] == ["10000", "10000", "250.00"])
    let gateway = try #require(table.rows(where: "ResourceType", is: "ExpressRoute gateway").first)
    #expect(
      [gateway["PricingQuantity"], gateway["PricingUnit"], gateway["ListUnitPrice"], gateway["BilledCost"]] == [
        "730", "Hours", "0.361", "263.53",
      ])
  }

  @Test func unpricedRowsKeepTheirQuantityAndAreFlagged() throws {
    // The built-in table has no Global Reach per-GB price: 2,000 GB each way is listed with its quantity, unpriced.
    let result = ercalc(
      "quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "10TB", "--global-reach", "London",
      "--global-reach-data", "2TB",
      "--global-reach-egress", "1TB", "--format", "csv")
    let table = Self.checkConformance(result.output)
    let reach = table.rows(where: "ResourceType", is: "ExpressRoute Global Reach connection")
    #expect(!reach.isEmpty)
    for row in reach {
      #expect(row["x_Status"] == "unpriced")
      #expect(row["PricingQuantity"] == "2000")
    }
  }

  @Test func aBudgetIsAFocusDatasetWithTags() throws {
    // tagged-portfolio.json: 4 sites × 3 months; iad has a circuit and a gateway, so 5 rows a month, 15 in all.
    let result = ercalc("budget", fixture("tagged-portfolio.json"), "--format", "csv")
    let table = Self.checkConformance(result.output)
    #expect(table.rows.count == 15)
    let iad = table.rows(where: "x_Group", is: "iad")
    #expect(iad.count == 6)
    #expect(iad.allSatisfy { $0["Tags"] == #"{"costCentre":"CC-1","region":"North America"}"# })
    // Billing periods are the months: 2027-12 runs to 2028-01-01.
    #expect(
      iad.contains {
        $0["BillingPeriodStart"] == "2027-12-01T00:00:00Z" && $0["BillingPeriodEnd"] == "2028-01-01T00:00:00Z"
      })
    // The period's BilledCost sums to the budget total: 86,290.59.
    let total = table.rows.reduce(Decimal(0)) { $0 + (Decimal(string: $1["BilledCost"] ?? "") ?? 0) }
    #expect(total == Decimal(string: "86290.59"))
  }

  @Test func userChargesArePurchasesFromTheirVendor() throws {
    // provider-charges: the connectivity provider's and colocation's own fees.
    let result = ercalc("budget", "Reports/provider-charges/portfolio.json", "--format", "csv")
    let table = Self.checkConformance(result.output)
    let own = table.rows(where: "ChargeCategory", is: "Purchase")
    #expect(!own.isEmpty)
    #expect(own.allSatisfy { $0["ProviderName"] != "Microsoft" && $0["x_CostBasis"] == "your own charge, as given" })
  }
}
