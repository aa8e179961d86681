import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// One row of the CSV export: a FOCUS 1.0 cost record (FinOps Open Cost and Usage Specification,
/// github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, `specification/columns/`, tag v1.0).
///
/// Every one of the 21 mandatory FOCUS 1.0 columns is present (``focusMandatoryColumns``), then the conditional and
/// recommended ones ercalc fills, then ercalc's own columns, which start with `x_` as FOCUS asks. The dataset is an
/// estimate, not a bill: `BillingAccountId` is `ercalc-estimate`, and `x_DatasetType` says `estimate`.
///
/// Costs: `EffectiveCost` and `ContractedCost` are the cost after any negotiated discount, `ListCost` the cost at
/// list price, each `unit price × PricingQuantity` rounded to cents. `BilledCost` equals `EffectiveCost` except for
/// an amortised one-time charge: it is billed whole in its start month (`BilledCost`, `ListCost`, `ContractedCost`
/// the total there and 0 in the term's other months, `PricingQuantity` 1 and 0) while every month of the term carries
/// its share as `EffectiveCost`.
///
/// FOCUS makes every cost and, for usage and purchases, the quantity and unit prices non-null, and forbids 0 as a
/// stand-in for null: a charge ercalc cannot price cannot be both conformant and honest in those columns alone. It
/// keeps its quantity when known and carries 0 in each column it cannot fill, named in `x_Placeholders` (`cost`, or
/// `cost quantity`), with `x_Status` `unpriced` and `x_UnpricedReason`: filter on `x_Status` before summing, and a
/// sum over a dataset with unpriced rows is a lower bound.
///
/// Periods are always filled: a quote or plan without a calendar is charged from ``defaultPeriod(priceDate:)``.
public struct CostRow: Hashable, Sendable {
  /// The currency.
  public var currency: CurrencyCode
  /// First day of the charge period (`2026-01-01T00:00:00Z`).
  public var periodStart: String
  /// First day after the charge period.
  public var periodEnd: String
  /// The resource (`circuit 'ams-1'`).
  public var resource: String
  /// The meter; `nil` for a resource or site ercalc could not place or read at all (its row is unpriced, never 0).
  public var meter: Meter?
  /// The quantity in ``Meter/unit``; `nil` when unknown (an unpriced charge whose volume nobody gave).
  public var quantity: Decimal?
  /// Unit price; `nil` when unpriced.
  public var unitPrice: Money?
  /// Cost after negotiated discounts (FOCUS `EffectiveCost`, `ContractedCost`); `nil` when unpriced.
  public var cost: Money?
  /// Cost at list price (FOCUS `ListCost`); the cost itself when no discount applies.
  public var listCost: Money?
  /// The list price of one unit (FOCUS `ListUnitPrice`) when it is not ``unitPrice``: the list price a price sheet's
  /// or override file's own price replaced.
  public var listUnitPrice: Money?
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
  /// ``tags`` as FOCUS `Tags` text, when worked out once for many rows (a site's); `nil` works it out per row.
  var tagText: String?
  /// The negotiated discount applied to the unit price, as a fraction (0 at list price).
  public var discount: Decimal = 0
  /// Whether the price is the user's own rate from an override file (``Provenance/isOwnRate``), not a list price.
  public var isOwnRate = false
  /// For a one-time charge, how this month bills it (``OneTimeBilling``); `nil` for recurring and usage charges.
  public var oneTimeBilling: OneTimeBilling?
  /// The deployment or budget site the resource belongs to: the scope of its planned `ResourceId`.
  public var scope = ""
  /// Whether `ResourceName` is prefixed with ``scope`` (`iad/circuit`): in a budget, where sites repeat names.
  public var scopedName = false
  /// The resource's Azure ID and region, when the input came from Azure.
  public var azure: AzureResourceReference?
  /// In a diff, the side the row belongs to (`before` or `after`, `x_Scenario`); empty elsewhere.
  public var scenario = ""

  /// Creates a row.
  public init(
    currency: CurrencyCode, periodStart: String, periodEnd: String, resource: String, meter: Meter,
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
    currency: CurrencyCode, periodStart: String, periodEnd: String, resource: String, reason: String,
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

  /// The 21 columns FOCUS 1.0 makes mandatory (feature level "Mandatory" in the specification's column files).
  public static let focusMandatoryColumns = [
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
    "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName",
    "PublisherName", "ServiceCategory", "ServiceName",
  ]

  /// The conditional and recommended FOCUS 1.0 columns ercalc fills. `SkuPriceId` is left out: it is for a provider
  /// that publishes a SKU price list, which an estimate is not (`SkuId` is the meter's name).
  static let focusOtherColumns = [
    "ChargeFrequency", "ConsumedQuantity", "ConsumedUnit", "ContractedUnitPrice", "ListUnitPrice", "PricingCategory",
    "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "SkuId", "SubAccountId",
    "SubAccountName", "Tags",
  ]

  /// ercalc's own columns.
  static let extensionColumns = [
    "x_DatasetType", "x_Scenario", "x_Group", "x_Status", "x_UnpricedReason", "x_Placeholders", "x_CostBasis",
    "x_PriceDate",
    "x_PriceSource", "x_Confidence", "x_UnitOfMeasure",
  ]

  static let header = focusMandatoryColumns + focusOtherColumns + extensionColumns

  /// The month a quote or plan without a calendar is charged in: the first whole calendar month the rate table's
  /// prices apply to (the effective date's month when it is the 1st, else the next month), so the same table always
  /// gives the same periods. A date that cannot be read (never from a validated table) gives 2000-01.
  public static func defaultPeriod(priceDate: String) -> MonthKey {
    let parts = priceDate.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month)
    else { return MonthKey(year: 2000, month: 1) }
    let key = MonthKey(year: year, month: month)
    return day == 1 ? key : key.next
  }

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

  /// FOCUS `PricingUnit` in the specification's unit format (`Units` for a one-time charge or an unplaced row).
  var focusUnit: String {
    if oneTimeBilling != nil { return "Units" }
    switch meter?.unit {
    case .month: return "Months"
    case .hour: return "Hours"
    case .gigabyte: return "GB"
    case nil: return "Units"
    }
  }

  /// `circuit 'ams-1'` → (`ExpressRoute circuit`, `ams-1`); a profile's unnamed `circuit` is its own name; a user
  /// charge is the vendor's service (`Megaport: 10G port for ams-1`).
  var resourceParts: (type: String, name: String) {
    if case .userCharge(let charge)? = meter {
      let attached = resource.range(of: " for '").map { String(resource[$0.upperBound...].dropLast()) }
      let vendor = resource.range(of: " for '").map { String(resource[..<$0.lowerBound]) } ?? resource
      return (Self.userChargeType, "\(vendor): \(charge)" + (attached.map { " for \($0)" } ?? ""))
    }
    if let type = Self.resourceTypes[resource] { return (type, resource) }
    guard let open = resource.firstIndex(of: "'"), let close = resource.lastIndex(of: "'"), open < close else {
      return (resource.hasPrefix("Global Reach") ? "ExpressRoute Global Reach connection" : "Other", resource)
    }
    let kind = resource[resource.startIndex..<open].trimmedOfWhitespace()
    return (Self.resourceTypes[kind] ?? kind, String(resource[resource.index(after: open)..<close]))
  }

  /// FOCUS `ResourceType` of the user's own charges.
  static let userChargeType = "Connectivity provider or colocation service"

  /// FOCUS `ResourceType` by the kind a resource name starts with.
  private static let resourceTypes = [
    "circuit": "ExpressRoute circuit", "gateway": "ExpressRoute gateway",
    "Direct port pair": "ExpressRoute Direct port pair",
    "VPN gateway": "VPN gateway", "Virtual WAN hub": "Virtual WAN hub",
    "Traffic Collector": "ExpressRoute Traffic Collector", "internet egress": "Internet egress", "site": "Site",
  ]

  /// The path segment of a planned resource's type in its `ResourceId`.
  private static let typeSegments = [
    "ExpressRoute circuit": "expressRouteCircuits", "ExpressRoute gateway": "expressRouteGateways",
    "ExpressRoute Direct port pair": "expressRoutePorts", "VPN gateway": "vpnGateways",
    "Virtual WAN hub": "virtualHubs", "ExpressRoute Traffic Collector": "trafficCollectors",
    "ExpressRoute Global Reach connection": "globalReachConnections", "Internet egress": "internetEgress",
    "Site": "sites", userChargeType: "charges",
  ]

  /// FOCUS `ResourceId`: the Azure ID when the input gave one, else the planned resource's identifier
  /// `ercalc:/plans/<scope>/<type>/<name>` (scope: the budget site or the deployment; type: `expressRouteCircuits`,
  /// `expressRouteGateways`, `charges` …; each part percent-encoded), stable for the same input and unique within it.
  func resourceId(_ parts: (type: String, name: String)) -> String {
    if let azure { return azure.id }
    if resource.isEmpty { return "" }  // a rate table's row: a price, not a resource
    let type = Self.typeSegments[parts.type] ?? "other"
    return "ercalc:/plans/\(Self.percentEncoded(scope))/\(type)/\(Self.percentEncoded(parts.name))"
  }

  /// `text` with every byte but ASCII letters, digits and `-._~` as `%XX`, so `/` in a name cannot add a segment.
  static func percentEncoded(_ text: String) -> String {
    func isUnreserved(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        return true
      default: return false
      }
    }
    if text.utf8.allSatisfy(isUnreserved) { return text }
    let digits = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    for byte in text.utf8 {
      if isUnreserved(byte) {
        bytes.append(byte)
      } else {
        bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A budget's `ResourceName`: `<site>/<name>`, with `%` and `/` inside either written `%25` and `%2F`, so site
  /// `a/b`'s `c` and site `a`'s `b/c` are two names (`a%2Fb/c`, `a/b%2Fc`); names without them read as given. A site
  /// refused whole is its name alone, escaped the same way (`a%2Fb`), so it never reads as another site's resource.
  static func scopedName(_ scope: String, _ name: String) -> String { "\(nameSegment(scope))/\(nameSegment(name))" }

  /// `text` with `%` written `%25` and `/` written `%2F`, when it has either.
  static func nameSegment(_ text: String) -> String {
    guard text.contains(where: { $0 == "/" || $0 == "%" }) else { return text }
    return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
  }

  /// What x_Placeholders names: the columns holding a 0 that stands for an unknown value.
  /// FOCUS `Tags`: the tags as one JSON object, keys sorted; empty without tags.
  static func tagText(_ tags: [String: String]) -> String {
    tags.isEmpty
      ? ""
      : "{"
        + tags.keys.sorted().map { "\(JSONWriter.quoted($0)):\(JSONWriter.quoted(tags[$0] ?? ""))" }.joined(
          separator: ",") + "}"
  }

  var placeholders: String {
    guard cost == nil else { return "" }
    return quantity == nil && oneTimeBilling == nil ? "cost quantity" : "cost"
  }

  var fields: [String] {
    func money(_ value: Decimal) -> String { value.fixedPoint(places: 2) }
    let issuer = isUserCharge ? priceSource : "Microsoft"
    let priced = cost != nil
    let basis: String
    if !priced {
      basis = ""
    } else if isUserCharge {
      basis = "your own charge, as given"
    } else if confidence == Confidence.customer.rawValue {
      basis = "your own price sheet"
    } else if isOwnRate || confidence == Confidence.estimate.rawValue {
      basis = "your own rate (override file)"
    } else if let cost, let listCost, cost != listCost {
      basis = "negotiated discount off list price"
    } else {
      basis = "list price"
    }
    let category = isUserCharge ? "Purchase" : "Usage"
    let frequency =
      oneTimeBilling != nil ? "One-Time" : meter?.unit == .gigabyte ? "Usage-Based" : "Recurring"
    // Costs and prices: an unpriced row's are 0 placeholders (x_Placeholders); a one-time charge is billed whole
    // in its start month, while EffectiveCost carries the month's (amortised) share.
    let effective = cost?.amount ?? 0
    let billed = oneTimeBilling.map { priced ? $0.billed : 0 } ?? effective
    let list = oneTimeBilling != nil ? billed : listCost?.amount ?? 0
    let contracted = oneTimeBilling != nil ? billed : effective
    let listUnit = oneTimeBilling?.total ?? (listUnitPrice ?? unitPrice)?.amount ?? 0
    let contractedUnit =
      oneTimeBilling?.total ?? unitPrice.map { Discounts.discounted($0.amount, by: discount) } ?? 0
    let pricingQuantity = oneTimeBilling.map { $0.billedThisMonth ? Decimal(1) : 0 } ?? quantity ?? 0
    let parts = resourceParts
    // The four costs are usually one amount, the two unit prices one price: each distinct figure is formatted once
    // (a budget's CSV has hundreds of thousands of rows).
    let effectiveText = money(effective)
    func moneyText(_ value: Decimal) -> String {
      FastDecimal.isEqual(value, effective) ? effectiveText : money(value)
    }
    let quantityText = pricingQuantity.plainDescription
    let listUnitText = listUnit.plainDescription
    let contractedUnitText =
      FastDecimal.isEqual(contractedUnit, listUnit) ? listUnitText : contractedUnit.plainDescription
    let skuId = meter?.meterName ?? "not placed"
    return [
      // Mandatory.
      moneyText(billed), "ercalc-estimate", "Estimate (not a billed account)", currency.rawValue, periodEnd,
      periodStart, category, "", meter?.displayName ?? "not placed: \(resource)", periodEnd, periodStart,
      moneyText(contracted), effectiveText, issuer, moneyText(list), quantityText, focusUnit, issuer, issuer,
      "Networking", serviceName,
      // Conditional and recommended. ConsumedQuantity and ConsumedUnit are for usage only.
      frequency, category == "Usage" ? quantityText : "", category == "Usage" ? focusUnit : "",
      contractedUnitText, listUnitText, "Standard", azure?.region ?? "",
      azure?.region ?? "", resourceId(parts),
      resource.isEmpty
        ? ""
        : scopedName && !scope.isEmpty
          ? Self.scopedName(scope, parts.name) : parts.type == "Site" ? Self.nameSegment(parts.name) : parts.name,
      resource.isEmpty ? "" : parts.type, skuId, azure?.subscription ?? "",
      "", tagText ?? Self.tagText(tags),
      // ercalc's own.
      "estimate", scenario, group, priced ? "priced" : "unpriced", priced ? "" : priceSource, placeholders, basis,
      priceDate,
      priced ? priceSource : "", confidence, oneTimeBilling != nil ? "one-time" : meter?.unit.rawValue ?? "",
    ]
  }

  /// RFC 4180 CSV with a header row and CRLF line endings.
  ///
  /// Fields with commas, quotes or line breaks are quoted, quotes doubled; a
  /// field starting with `= + - @` (or `'`) is prefixed with `'` so spreadsheets do not
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

  /// The header row as CSV bytes.
  static var csvHeaderBytes: [UInt8] {
    var bytes: [UInt8] = []
    CSVWriter.append([header], to: &bytes)
    return bytes
  }

  /// `rows` as CSV bytes without the header, on the calling thread.
  static func csvBytes(_ rows: [CostRow]) -> [UInt8] {
    var bytes: [UInt8] = []
    CSVWriter.append(rows.lazy.map(\.fields), to: &bytes)
    return bytes
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

  /// One field as CSV bytes.
  static func fieldBytes(_ text: String) -> [UInt8] {
    var output: [UInt8] = []
    appendField(text, to: &output)
    return output
  }

  /// One field as CSV text.
  static func field(_ text: String) -> String { String(decoding: fieldBytes(text), as: UTF8.self) }

  /// Appends one field: `'` before a formula-like start (`= + - @`, unless the field is a plain number) and before a
  /// field that starts with `'` itself, and the field quoted with quotes doubled when it holds a comma, a quote or a
  /// line break.
  static func appendField(_ text: String, to output: inout [UInt8]) {
    var text = text
    // One pass over the bytes in place (native strings are contiguous; `makeContiguousUTF8` makes others so).
    text.makeContiguousUTF8()
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      appendField(bytes, text: text, to: &output)
    }
    if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendField($0, text: text, to: &output) } }
  }

  private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, text: String, to output: inout [UInt8]) {
    var quoted = false
    for byte in bytes
    where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
    {
      quoted = true
      break
    }
    // A field that itself starts with `'` gets one more, so `'+1` and `+1` (written `'+1`) stay two values.
    let formulaLike: Bool =
      if let first = bytes.first,
        first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
          || first == UInt8(ascii: "@")
      {
        Decimal(strict: text) == nil
      } else {
        bytes.first == UInt8(ascii: "'")
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
