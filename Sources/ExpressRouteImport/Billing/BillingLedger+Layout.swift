import ExpressRouteCore

extension BillingLedger {
  /// Which column of an export holds what, found by the header's names (case-insensitive).
  struct Layout {
    /// `FOCUS 1.0`, `FOCUS 1.2`, `ercalc FOCUS CSV` or `EA/MCA cost details`.
    var format: String
    var resourceId: Int?
    var resourceType: Int?
    /// Meter-name columns, the first non-empty one wins.
    var meter: [Int]
    /// The meter columns' names, for messages.
    var meterNames: String
    /// Service or meter-category columns.
    var service: [Int]
    var date: Int
    /// Quantity columns, the first non-empty one wins.
    var quantity: [Int]
    var cost: Int
    var currency: Int
    /// ercalc's `x_Status` (its unpriced rows carry placeholder costs).
    var status: Int?
    /// Cost details' `UnitOfMeasure` (`10 GB`, `100 Hours`, `1/Month`): `Quantity` counts these blocks.
    var unitOfMeasure: Int?
    /// FOCUS `PricingQuantity`, which counts blocks of `x_PricingBlockSize` units (read when `ConsumedQuantity` is
    /// empty).
    var pricingQuantity: Int?
    /// FOCUS `x_PricingBlockSize`.
    var pricingBlockSize: Int?
    /// FOCUS `ConsumedUnit` and `PricingUnit`: the units `ConsumedQuantity` and `PricingQuantity` count.
    var consumedUnit: Int?
    var pricingUnit: Int?

    /// Finds the columns of `header`.
    ///
    /// - Throws: a header that is neither a FOCUS export nor cost details, at line 1.
    init(header: [String], file: String, amortised: Bool) throws(Diagnostic) {
      var index: [String: Int] = [:]
      for (position, name) in header.enumerated() {
        let key = name.trimmedOfWhitespace().lowercased()
        if index[key] == nil { index[key] = position }
      }
      func first(_ names: String...) -> Int? { names.lazy.compactMap { index[$0] }.first }
      func all(_ names: String...) -> [Int] { names.compactMap { index[$0] } }
      let location = FileLocation(file: file, line: 1, column: 1)
      if let billed = index["billedcost"], let start = index["chargeperiodstart"] {
        let isOwn = index["x_datasettype"] != nil
        format =
          isOwn
          ? "ercalc FOCUS CSV"
          : index["skumeter"] != nil || index["servicesubcategory"] != nil
            ? "FOCUS 1.2" : "FOCUS 1.0"
        resourceId = index["resourceid"]
        resourceType = first("x_resourcetype", "resourcetype")
        meter = all("x_skumetername", "skumeter") + (isOwn ? all("skuid") : []) + all("chargedescription")
        meterNames = isOwn ? "SkuId" : "x_SkuMeterName, SkuMeter or ChargeDescription"
        service = all("servicename", "x_skumetercategory")
        date = start
        quantity = all("consumedquantity", "pricingquantity")
        cost = amortised ? index["effectivecost"] ?? billed : billed
        guard let currency = index["billingcurrency"] else {
          throw Diagnostic(.error, "the FOCUS header has no BillingCurrency column", location: location)
        }
        self.currency = currency
        status = isOwn ? index["x_status"] : nil
        unitOfMeasure = nil
        pricingQuantity = index["pricingquantity"]
        pricingBlockSize = index["x_pricingblocksize"]
        consumedUnit = index["consumedunit"]
        pricingUnit = index["pricingunit"]
      } else if let meterName = index["metername"],
        let cost = first("costinbillingcurrency", "cost", "pretaxcost"),
        let date = first("date", "usagedatetime")
      {
        format = "EA/MCA cost details"
        resourceId = first("resourceid", "instancename", "instanceid")
        resourceType = nil
        meter = [meterName]
        meterNames = "MeterName"
        service = all("metercategory", "consumedservice")
        self.date = date
        quantity = all("quantity")
        self.cost = cost
        guard let currency = first("billingcurrency", "billingcurrencycode", "currency") else {
          throw Diagnostic(
            .error, "the cost-details header has no BillingCurrency (or BillingCurrencyCode) column",
            location: location)
        }
        self.currency = currency
        status = nil
        unitOfMeasure = index["unitofmeasure"]
        pricingQuantity = nil
        pricingBlockSize = nil
      } else {
        throw Diagnostic(
          .error,
          "not a cost export ercalc reads: expected a FOCUS header (BilledCost, ChargePeriodStart, …) or EA/MCA cost details (MeterName, Date, CostInBillingCurrency or Cost, …); a price sheet goes to 'ercalc prices import'",
          location: location)
      }
      guard resourceId != nil else {
        throw Diagnostic(.error, "the header has no ResourceId column, so rows cannot be matched", location: location)
      }
    }
  }
}
