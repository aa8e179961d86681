import Foundation

/// One row of the CSV export, named after FOCUS columns where they apply.
///
/// FOCUS (FinOps Open Cost and Usage Specification) columns: `BillingCurrency`,
/// `ChargePeriodStart`, `ChargePeriodEnd`, `ServiceName`, `ServiceCategory`,
/// `ResourceName`, `SkuMeter`, `PricingQuantity`, `PricingUnit`,
/// `ListUnitPrice`, `ListCost`. ercalc's own columns start with `x_`.
public struct CostRow: Hashable, Sendable {
  /// The currency.
  public var currency: CurrencyCode
  /// First day of the charge period (`2026-01-01T00:00:00Z`), empty for an undated quote.
  public var periodStart: String
  /// First day after the charge period, empty for an undated quote.
  public var periodEnd: String
  /// The resource (`circuit 'ams-1'`).
  public var resource: String
  /// The meter.
  public var meter: Meter
  /// The quantity in ``Meter/unit``; `nil` when unknown (an unpriced charge whose volume nobody gave).
  public var quantity: Decimal?
  /// Unit price; `nil` when unpriced.
  public var unitPrice: Money?
  /// Cost after negotiated discounts (FOCUS `ContractedCost` and `EffectiveCost`); `nil` when unpriced.
  public var cost: Money?
  /// Cost at list price (FOCUS `ListCost`); the cost itself when no discount applies.
  public var listCost: Money?
  /// The rate table's effective date.
  public var priceDate: String
  /// The price's source id, or the reason it is unpriced.
  public var priceSource: String
  /// The confidence label, empty when unpriced.
  public var confidence: String
  /// Extra grouping (site or scenario), empty when not used.
  public var group: String

  /// Creates a row.
  public init(
    currency: CurrencyCode, periodStart: String = "", periodEnd: String = "", resource: String, meter: Meter, quantity: Decimal?,
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

  static let header = [
    "BillingCurrency", "ChargePeriodStart", "ChargePeriodEnd", "ServiceName", "ServiceCategory", "ResourceName", "SkuMeter",
    "ChargeDescription", "PricingQuantity", "PricingUnit", "ListUnitPrice", "ListCost", "ContractedCost", "EffectiveCost", "x_Group", "x_Status",
    "x_PriceDate",
    "x_PriceSource", "x_Confidence",
  ]

  var fields: [String] {
    [
      currency.rawValue, periodStart, periodEnd, meter.section == "vpnGateways" ? "VPN Gateway" : "Azure ExpressRoute", "Networking",
      resource, meter.meterName, meter.displayName, quantity?.plainDescription ?? "", meter.unit.rawValue,
      unitPrice.map { $0.amount.plainDescription } ?? "", listCost.map { $0.amount.fixedPoint(places: 2) } ?? "",
      cost.map { $0.amount.fixedPoint(places: 2) } ?? "", cost.map { $0.amount.fixedPoint(places: 2) } ?? "", group,
      cost == nil ? "unpriced" : "priced", priceDate, priceSource, confidence,
    ]
  }

  /// RFC 4180 CSV with a header row and CRLF line endings.
  ///
  /// Fields with commas, quotes or line breaks are quoted, quotes doubled; a
  /// field starting with `= + - @` is prefixed with `'` so spreadsheets do not
  /// run it as a formula.
  public static func csv(_ rows: [CostRow]) -> String {
    CSVWriter.write([header] + rows.map(\.fields))
  }
}

/// Writes RFC 4180 CSV with CRLF line endings and formula-injection protection.
public enum CSVWriter {
  /// The CSV text of `rows`.
  public static func write(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  static func field(_ text: String) -> String {
    var value = text
    if let first = value.first, "=+-@".contains(first), Decimal(strict: value) == nil {
      value = "'" + value
    }
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
  }
}
