import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// One page of the Azure Retail Prices API (`https://prices.azure.com/api/retail/prices`).
///
/// Parsing is strict about the types of the fields ercalc uses and tolerant
/// of every other field, present or absent.
package struct RetailPricePage: Sendable {
  /// `BillingCurrency` of the envelope.
  public var billingCurrency: String?
  /// The items.
  public var items: [RetailPricePage.RetailPriceItem]
  /// `NextPageLink`, or `nil` on the last page.
  public var nextPageLink: String?

  /// Parses a page.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    let object = try root.object()
    billingCurrency = try object.optional("BillingCurrency")?.string()
    nextPageLink = try object.optional("NextPageLink")?.string()
    guard let itemsNode = object.optional("Items") else {
      throw root.error(
        "missing key 'Items' (expected a Retail Prices API page: {\"Items\": [...], \"NextPageLink\": ...})")
    }
    items = try itemsNode.array().map { node throws(Diagnostic) in try RetailPriceItem(node: node) }
  }
}

extension RetailPricePage {
  /// One item of a Retail Prices API page.
  public struct RetailPriceItem: Sendable {
    /// `currencyCode`.
    public var currencyCode: String
    /// `retailPrice`, exactly as the page wrote it.
    public var retailPrice: Decimal
    /// `armRegionName`: an ARM region (`eastus`) or, for zone-priced meters, `Zone 1`.
    public var armRegionName: String
    /// `meterName`.
    public var meterName: String
    /// `productName`.
    public var productName: String
    /// `skuName`.
    public var skuName: String
    /// `serviceName`.
    public var serviceName: String
    /// `unitOfMeasure` (`1 Hour`, `1/Month`, `1 GB`).
    public var unitOfMeasure: String
    /// `type` (`Consumption`, `DevTestConsumption`, `Reservation`).
    public var type: String
    /// `effectiveStartDate`, date part (`2026-07-01`).
    public var effectiveDate: String?
    /// `effectiveEndDate`, date part, when the price has ended (or will).
    public var effectiveEndDate: String?
    /// `tierMinimumUnits`.
    public var tierMinimumUnits: Decimal
    /// Where the item stands in its page.
    public var location: FileLocation

    init(node: JSONNode) throws(Diagnostic) {
      let object = try node.object()
      location = node.location
      currencyCode = try object.required("currencyCode").string()
      let priceNode = try object.required("retailPrice")
      guard priceNode.isNumber else {
        throw priceNode.error("expected a number, found \(priceNode.summary)")
      }
      retailPrice = try priceNode.decimal()
      guard retailPrice >= 0 else { throw priceNode.error("negative price \(retailPrice) (expected zero or more)") }
      armRegionName = try object.optional("armRegionName")?.string() ?? ""
      meterName = try object.required("meterName").string()
      productName = try object.optional("productName")?.string() ?? ""
      skuName = try object.optional("skuName")?.string() ?? ""
      serviceName = try object.required("serviceName").string()
      unitOfMeasure = try object.required("unitOfMeasure").string()
      type = try object.optional("type")?.string() ?? "Consumption"
      tierMinimumUnits = try object.optional("tierMinimumUnits")?.decimal() ?? 0
      if let dateNode = object.optional("effectiveStartDate") {
        let text = try dateNode.string()
        let day = String(text.prefix(10))
        guard isISODate(day) else {
          throw dateNode.error("'\(text)' is not a date (expected ISO 8601 such as 2026-07-01T00:00:00Z)")
        }
        effectiveDate = day
      }
      if let endNode = object.optional("effectiveEndDate"), !endNode.isNull {
        let text = try endNode.string()
        let day = String(text.prefix(10))
        guard isISODate(day) else {
          throw endNode.error("'\(text)' is not a date (expected ISO 8601 such as 2026-12-31T23:59:59Z)")
        }
        effectiveEndDate = day
      }
    }

    /// `meterName (armRegionName, unitOfMeasure)`, for listings.
    public var summary: String {
      "\(serviceName): \(meterName) (\(armRegionName.isEmpty ? "no region" : armRegionName), \(unitOfMeasure), \(retailPrice.plainDescription) \(currencyCode))"
    }
  }
}

// Short names inside the package.
package typealias RetailPriceItem = RetailPricePage.RetailPriceItem
