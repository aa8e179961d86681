import Foundation
import TestSupport
import Testing

/// FOCUS 1.0 as its own text states it (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, tag v1.0,
/// `specification/columns/*.md` and `specification/attributes/*.md`), written out here independently of `CostRow`,
/// so a column dropped or a rule broken by the export fails.
enum FocusSpecification {
  /// The 21 columns whose "Feature level" is "Mandatory" in v1.0.
  static let mandatory = [
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
    "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName",
    "PublisherName", "ServiceCategory", "ServiceName",
  ]
  /// Mandatory columns that "Allows nulls: False" (ChargeClass and ChargeDescription may be null; BillingAccountName
  /// must not be null when the provider names accounts, as ercalc does). PricingQuantity and PricingUnit are checked
  /// by charge category below.
  static let notNull = [
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName",
    "ListCost", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
  ]
  static let chargeCategories: Set = ["Adjustment", "Credit", "Purchase", "Tax", "Usage"]
  /// ChargeFrequency (Recommended) "MUST NOT be null" when present.
  static let chargeFrequencies: Set = ["One-Time", "Recurring", "Usage-Based"]
  static let pricingCategories: Set = ["Standard", "Dynamic", "Committed", "Other"]
  static let serviceCategories: Set = [
    "AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases", "Developer Tools",
    "Multicloud", "Identity", "Integration", "Internet of Things", "Management and Governance", "Media", "Migration",
    "Mobile", "Networking", "Security", "Storage", "Web", "Other",
  ]
  static let costs = ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"]

  /// Date/Time Format: `YYYY-MM-DDTHH:mm:ssZ`, UTC.
  static func isDateTime(_ text: String) -> Bool {
    text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil
  }

  static func number(_ text: String?) -> Decimal? { text.flatMap { Decimal(string: $0, locale: nil) } }

  /// `value` rounded to cents, half away from zero (the export's rounding of each row's cost).
  static func cents(_ value: Decimal) -> Decimal {
    var input = value
    var output = Decimal()
    NSDecimalRound(&output, &input, 2, .plain)
    return output
  }

  /// The sum of `column` over `rows`.
  static func sum(_ rows: [[String: String]], _ column: String) -> Decimal {
    rows.reduce(Decimal(0)) { $0 + (number($1[column]) ?? 0) }
  }

  /// Checks every row of a CSV export against FOCUS 1.0: the mandatory columns, column naming, nullability, allowed
  /// values, the unit price × quantity relations, ContractedCost ≤ ListCost, BilledCost = EffectiveCost outside
  /// one-time charges, ResourceType with ResourceId, one ResourceName per ResourceId and back, and the unpriced
  /// convention (0 placeholders named in x_Placeholders, with the reason).
  @discardableResult
  static func check(_ csv: String, sourceLocation: SourceLocation = #_sourceLocation) -> CSVTable {
    let table = CSVTable(csv)
    #expect(!table.rows.isEmpty, "no rows", sourceLocation: sourceLocation)
    for column in mandatory {
      #expect(table.columns.contains(column), "missing mandatory column \(column)", sourceLocation: sourceLocation)
    }
    // Column Naming and Ordering: custom columns start with x_ and come after every FOCUS column.
    let firstCustom = table.columns.firstIndex { $0.hasPrefix("x_") } ?? table.columns.count
    for (index, column) in table.columns.enumerated() where !column.hasPrefix("x_") {
      #expect(
        index < firstCustom && column.first?.isUppercase == true && column.allSatisfy(\.isLetter),
        "\(column) is neither a Pascal-case FOCUS column before the x_ columns nor x_", sourceLocation: sourceLocation)
    }
    var names: [String: Set<String>] = [:]
    var ids: [String: Set<String>] = [:]
    for row in table.rows {
      func value(_ column: String) -> String { row[column] ?? "" }
      let described = "\(value("ResourceName")) · \(value("ChargeDescription")) · \(value("ChargePeriodStart"))"
      for column in notNull {
        #expect(!value(column).isEmpty, "\(column) is null: \(described)", sourceLocation: sourceLocation)
      }
      for column in ["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"] {
        #expect(isDateTime(value(column)), "\(column) '\(value(column))'", sourceLocation: sourceLocation)
      }
      #expect(value("ChargePeriodStart") < value("ChargePeriodEnd"), sourceLocation: sourceLocation)
      let category = value("ChargeCategory")
      #expect(chargeCategories.contains(category), sourceLocation: sourceLocation)
      #expect(value("ChargeClass").isEmpty, "not a correction, so ChargeClass is null", sourceLocation: sourceLocation)
      let frequency = value("ChargeFrequency")
      #expect(chargeFrequencies.contains(frequency), "ChargeFrequency '\(frequency)'", sourceLocation: sourceLocation)
      #expect(!(category == "Purchase" && frequency == "Usage-Based"), sourceLocation: sourceLocation)
      #expect(serviceCategories.contains(value("ServiceCategory")), sourceLocation: sourceLocation)
      #expect(value("BillingCurrency") == "USD", sourceLocation: sourceLocation)
      for cost in costs {
        #expect(number(row[cost]) != nil, "\(cost) '\(value(cost))' is not a decimal", sourceLocation: sourceLocation)
      }
      // Usage and Purchase rows: PricingQuantity, PricingUnit, the unit prices and PricingCategory are not null;
      // ConsumedQuantity and ConsumedUnit are for Usage only.
      if category == "Usage" || category == "Purchase" {
        for column in ["PricingQuantity", "PricingUnit", "ListUnitPrice", "ContractedUnitPrice", "PricingCategory"] {
          #expect(!value(column).isEmpty, "\(column) is null: \(described)", sourceLocation: sourceLocation)
        }
        #expect(pricingCategories.contains(value("PricingCategory")), sourceLocation: sourceLocation)
      }
      #expect(
        (category == "Usage") == !value("ConsumedQuantity").isEmpty, "ConsumedQuantity: \(described)",
        sourceLocation: sourceLocation)
      #expect((category == "Usage") == !value("ConsumedUnit").isEmpty, sourceLocation: sourceLocation)
      // ListCost = ListUnitPrice × PricingQuantity and ContractedCost = ContractedUnitPrice × PricingQuantity, each
      // rounded to cents; ContractedCost ≤ ListCost; unit prices non-negative.
      if let quantity = number(row["PricingQuantity"]), let list = number(row["ListUnitPrice"]),
        let contracted = number(row["ContractedUnitPrice"])
      {
        #expect(
          cents(list * quantity) == number(row["ListCost"]), "ListCost: \(described)", sourceLocation: sourceLocation)
        #expect(
          cents(contracted * quantity) == number(row["ContractedCost"]), "ContractedCost: \(described)",
          sourceLocation: sourceLocation)
        #expect(list >= 0 && contracted >= 0 && contracted <= list, sourceLocation: sourceLocation)
      }
      if let contracted = number(row["ContractedCost"]), let list = number(row["ListCost"]) {
        #expect(contracted <= list, "ContractedCost above ListCost: \(described)", sourceLocation: sourceLocation)
      }
      if frequency != "One-Time" {
        #expect(value("BilledCost") == value("EffectiveCost"), "\(described)", sourceLocation: sourceLocation)
      }
      if let effective = number(row["EffectiveCost"]) {
        #expect(effective >= 0, "negative EffectiveCost: \(described)", sourceLocation: sourceLocation)
      }
      // ResourceType is null exactly when ResourceId is; names and IDs pair one to one.
      #expect(value("ResourceId").isEmpty == value("ResourceType").isEmpty, sourceLocation: sourceLocation)
      #expect(!value("ResourceId").isEmpty && !value("ResourceName").isEmpty, sourceLocation: sourceLocation)
      #expect(value("ResourceId") != value("ResourceName"), sourceLocation: sourceLocation)
      names[value("x_Scenario") + "|" + value("ResourceName"), default: []].insert(value("ResourceId"))
      ids[value("x_Scenario") + "|" + value("ResourceId"), default: []].insert(value("ResourceName"))
      // Unpriced: every cost 0, named as a placeholder, with the reason; priced rows have no placeholder.
      if value("x_Status") == "unpriced" {
        #expect(costs.allSatisfy { value($0) == "0.00" }, sourceLocation: sourceLocation)
        #expect(value("x_Placeholders").hasPrefix("cost"), sourceLocation: sourceLocation)
        #expect(!value("x_UnpricedReason").isEmpty, sourceLocation: sourceLocation)
      } else {
        #expect(value("x_Status") == "priced", sourceLocation: sourceLocation)
        #expect(value("x_Placeholders").isEmpty && value("x_UnpricedReason").isEmpty, sourceLocation: sourceLocation)
      }
    }
    for (name, resources) in names {
      #expect(resources.count == 1, "ResourceName \(name) names \(resources.sorted())", sourceLocation: sourceLocation)
    }
    for (id, resourceNames) in ids {
      #expect(
        resourceNames.count == 1, "ResourceId \(id) has names \(resourceNames.sorted())", sourceLocation: sourceLocation
      )
    }
    return table
  }
}
