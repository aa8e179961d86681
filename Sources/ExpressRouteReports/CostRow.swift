import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// One row of the CSV export: a FOCUS 1.0 cost record (FinOps Open Cost and Usage Specification,
/// github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, `specification/columns/`).
///
/// Every mandatory FOCUS 1.0 column is present (``focusMandatoryColumns``), then the conditional ones ercalc can
/// fill, then ercalc's own columns, which start with `x_` as FOCUS asks. The dataset is an estimate, not a bill:
/// `BillingAccountId` is `ercalc-estimate`, and `x_DatasetType` says `estimate`. `BilledCost`, `EffectiveCost` and
/// `ContractedCost` are the cost after any negotiated discount (the list price when none applies), `ListCost` the
/// cost at list price; `x_CostBasis` says which. An unpriced charge keeps its quantity (when known), leaves every
/// cost empty and carries `x_Status` `unpriced` with `x_UnpricedReason`: it is never 0.
public struct CostRow: Hashable, Sendable {
  /// The currency.
  public var currency: CurrencyCode
  /// First day of the charge period (`2026-01-01T00:00:00Z`), empty for an undated quote.
  public var periodStart: String
  /// First day after the charge period, empty for an undated quote.
  public var periodEnd: String
  /// The resource (`circuit 'ams-1'`).
  public var resource: String
  /// The meter; `nil` for a resource or site ercalc could not place or read at all (its row is unpriced, never 0).
  public var meter: Meter?
  /// The quantity in ``Meter/unit``; `nil` when unknown (an unpriced charge whose volume nobody gave).
  public var quantity: Decimal?
  /// Unit price; `nil` when unpriced.
  public var unitPrice: Money?
  /// Cost after negotiated discounts (FOCUS `BilledCost`, `EffectiveCost`, `ContractedCost`); `nil` when unpriced.
  public var cost: Money?
  /// Cost at list price (FOCUS `ListCost`); the cost itself when no discount applies.
  public var listCost: Money?
  /// The rate table's effective date.
  public var priceDate: String
  /// The price's source id (the vendor, for the user's own charges), or the reason it is unpriced.
  public var priceSource: String
  /// The confidence label, empty when unpriced.
  public var confidence: String
  /// Extra grouping (site or scenario), empty when not used.
  public var group: String
  /// Tags of the site the charge belongs to (FOCUS `Tags`).
  public var tags: [String: String] = [:]
  /// The negotiated discount applied to the unit price, as a fraction (0 at list price).
  public var discount: Decimal = 0
  /// Whether the price is the user's own rate from an override file (``Provenance/isOwnRate``), not a list price.
  public var isOwnRate = false

  /// Creates a row.
  public init(
    currency: CurrencyCode, periodStart: String = "", periodEnd: String = "", resource: String, meter: Meter,
    quantity: Decimal?,
    unitPrice: Money?, cost: Money?, priceDate: String, priceSource: String, confidence: String, group: String = ""
  ) {
    self.currency = currency
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.resource = resource
    self.meter = meter
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.cost = cost
    self.listCost = cost
    self.priceDate = priceDate
    self.priceSource = priceSource
    self.confidence = confidence
    self.group = group
  }

  /// The row of a resource or site ercalc could not place or read (a location it does not know, a port pair missing
  /// from the export, a portfolio site refused whole): no meter, no quantity and no cost, `x_Status` `unpriced` with
  /// `reason`, so the CSV lists what the text and JSON list and a sum of its costs is never taken for the whole.
  public static func unplaced(
    currency: CurrencyCode, periodStart: String = "", periodEnd: String = "", resource: String, reason: String,
    priceDate: String,
    group: String = "", tags: [String: String] = [:]
  ) -> CostRow {
    var row = CostRow(
      currency: currency, periodStart: periodStart, periodEnd: periodEnd, resource: resource, meter: .userCharge(""),
      quantity: nil,
      unitPrice: nil, cost: nil, priceDate: priceDate, priceSource: reason, confidence: "", group: group)
    row.meter = nil
    row.tags = tags
    return row
  }

  /// The columns FOCUS 1.0 makes mandatory (feature level "Mandatory" in the specification's column files).
  public static let focusMandatoryColumns = [
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
  ]

  /// The conditional and recommended FOCUS 1.0 columns ercalc fills.
  static let focusOtherColumns = [
    "ChargeFrequency", "ConsumedQuantity", "ConsumedUnit", "ContractedUnitPrice", "ListUnitPrice", "PricingCategory",
    "PricingQuantity",
    "PricingUnit", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "SkuId", "SkuPriceId",
    "SubAccountId",
    "SubAccountName", "Tags",
  ]

  /// ercalc's own columns.
  static let extensionColumns = [
    "x_DatasetType", "x_Group", "x_Status", "x_UnpricedReason", "x_CostBasis", "x_PriceDate", "x_PriceSource",
    "x_Confidence",
    "x_UnitOfMeasure",
  ]

  static let header = focusMandatoryColumns + focusOtherColumns + extensionColumns

  /// Whether the charge is the user's own (a provider's or colocation's bill), not an Azure meter.
  var isUserCharge: Bool { if case .userCharge? = meter { return true } else { return false } }

  /// FOCUS `ServiceName`: the Azure service the meter is billed under.
  var serviceName: String {
    switch meter?.section {
    case "vpnGateways": return "VPN Gateway"
    case "virtualWAN": return "Virtual WAN"
    case "internetEgress": return "Bandwidth"
    case "userCharges": return "Connectivity provider and colocation"
    default: return "ExpressRoute"
    }
  }

  /// FOCUS `PricingUnit` in the specification's unit format.
  var focusUnit: String {
    switch meter?.unit {
    case .month: return "Months"
    case .hour: return "Hours"
    case .gigabyte: return "GB"
    case nil: return ""
    }
  }

  /// `circuit 'ams-1'` → (`ExpressRoute circuit`, `ams-1`); a resource without a quoted name is its own name.
  var resourceParts: (type: String, name: String) {
    guard let open = resource.firstIndex(of: "'"), let close = resource.lastIndex(of: "'"), open < close else {
      return (resource.hasPrefix("Global Reach") ? "ExpressRoute Global Reach connection" : "", resource)
    }
    let kind = resource[resource.startIndex..<open].trimmedOfWhitespace()
    return (Self.resourceTypes[kind] ?? kind, String(resource[resource.index(after: open)..<close]))
  }

  /// FOCUS `ResourceType` by the kind a resource name starts with.
  private static let resourceTypes = [
    "circuit": "ExpressRoute circuit", "gateway": "ExpressRoute gateway",
    "Direct port pair": "ExpressRoute Direct port pair",
    "VPN gateway": "VPN gateway", "Virtual WAN hub": "Virtual WAN hub",
    "Traffic Collector": "ExpressRoute Traffic Collector",
  ]

  var fields: [String] {
    func money(_ value: Money?) -> String { value.map { $0.amount.fixedPoint(places: 2) } ?? "" }
    let issuer = isUserCharge ? priceSource : "Microsoft"
    let priced = cost != nil
    let basis: String
    if !priced {
      basis = ""
    } else if isUserCharge {
      basis = "your own charge, as given"
    } else if let cost, let listCost, cost != listCost {
      basis = "negotiated discount off list price"
    } else if confidence == Confidence.customer.rawValue {
      basis = "your own price sheet"
    } else if isOwnRate || confidence == Confidence.estimate.rawValue {
      basis = "your own rate (override file)"
    } else {
      basis = "list price"
    }
    let frequency: String
    switch meter?.unit {
    case .gigabyte: frequency = "Usage-Based"
    case .month, .hour: frequency = isUserCharge && periodStart.isEmpty ? "" : "Recurring"
    case nil: frequency = periodStart.isEmpty ? "" : "Recurring"
    }
    let parts = resourceParts
    let quantityText = quantity?.plainDescription ?? ""
    let tagText =
      tags.isEmpty
      ? ""
      : "{"
        + tags.keys.sorted().map { "\(JSONWriter.quoted($0)):\(JSONWriter.quoted(tags[$0] ?? ""))" }.joined(
          separator: ",") + "}"
    return [
      // Mandatory.
      money(cost), "ercalc-estimate", "Estimate (not a billed account)", currency.rawValue, periodEnd, periodStart,
      isUserCharge ? "Purchase" : "Usage", "", meter?.displayName ?? "not placed: \(resource)", periodEnd, periodStart,
      money(cost), money(cost),
      issuer,
      money(listCost), issuer, issuer, "Networking", serviceName,
      // Conditional and recommended.
      frequency, quantityText, quantity == nil ? "" : focusUnit,
      unitPrice.map { (discount == 0 ? $0.amount : $0.amount * (1 - discount)).plainDescription } ?? "",
      unitPrice.map { $0.amount.plainDescription } ?? "", priced ? "Standard" : "", quantityText, focusUnit, "", "", "",
      parts.name,
      parts.type, meter?.meterName ?? "", "", "", "", tagText,
      // ercalc's own.
      "estimate", group, priced ? "priced" : "unpriced", priced ? "" : priceSource, basis, priceDate,
      priced ? priceSource : "", confidence,
      meter?.unit.rawValue ?? "",
    ]
  }

  /// RFC 4180 CSV with a header row and CRLF line endings.
  ///
  /// Fields with commas, quotes or line breaks are quoted, quotes doubled; a
  /// field starting with `= + - @` is prefixed with `'` so spreadsheets do not
  /// run it as a formula.
  public static func csv(_ rows: [CostRow]) -> String {
    // Rows are independent: runs of them are written on every core and joined in order (a budget of 1,000 sites
    // is about 100,000 rows).
    let runLength = 2_000
    let runs = stride(from: 0, to: rows.count, by: runLength).map { $0..<min($0 + runLength, rows.count) }
    let pieces = ConcurrentMap.map(runs) { run in
      var bytes: [UInt8] = []
      CSVWriter.append(rows[run].lazy.map(\.fields), to: &bytes)
      return bytes
    }
    var output: [UInt8] = []
    CSVWriter.append([header], to: &output)
    for piece in pieces { output.append(contentsOf: piece) }
    return String(decoding: output, as: UTF8.self)
  }
}

/// Writes RFC 4180 CSV with CRLF line endings and formula-injection protection.
package enum CSVWriter {
  /// The CSV text of `rows`.
  package static func write(_ rows: [[String]]) -> String {
    var output: [UInt8] = []
    append(rows, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `rows` as CSV bytes, each row ending in CRLF.
  static func append(_ rows: some Sequence<[String]>, to output: inout [UInt8]) {
    for row in rows {
      for (index, field) in row.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        appendField(field, to: &output)
      }
      output.append(contentsOf: "\r\n".utf8)
    }
  }

  /// One field as CSV text.
  static func field(_ text: String) -> String {
    var output: [UInt8] = []
    appendField(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends one field: `'` before a formula-like start (`= + - @`, unless the field is a plain number), and the
  /// field quoted with quotes doubled when it holds a comma, a quote or a line break.
  static func appendField(_ text: String, to output: inout [UInt8]) {
    let bytes = text.utf8
    let formulaLike: Bool =
      if let first = bytes.first,
        first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
          || first == UInt8(ascii: "@")
      {
        Decimal(strict: text) == nil
      } else {
        false
      }
    let quoted = bytes.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
    }
    if quoted { output.append(UInt8(ascii: "\"")) }
    if formulaLike { output.append(UInt8(ascii: "'")) }
    if quoted {
      for byte in bytes {
        output.append(byte)
        if byte == UInt8(ascii: "\"") { output.append(byte) }
      }
      output.append(UInt8(ascii: "\""))
    } else {
      output.append(contentsOf: bytes)
    }
  }
}
