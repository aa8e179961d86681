import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import Foundation

extension Reconciliation {
  /// An estimate's charges summed per resource × meter × month, as the CSV export would write them.
  struct Estimate {
    var resourceId: String
    var resource: String
    var meter: String
    /// `nil` when a summed row did not know its quantity.
    var quantity: Decimal?
    /// `nil` when a summed row had no price.
    var cost: Decimal?
    /// The unit price after discount of the first row; `nil` for a one-time charge or no price.
    var unitPrice: Decimal?
    var unpricedReason: String
    /// Whether it is the user's own charge (a provider's or colocation's bill), not an Azure meter.
    var isUserCharge = false
  }

  /// The estimate's FOCUS rows (``QuoteReport`` or ``BudgetReport`` CSV rows) summed by key. Rows ercalc could not
  /// place (no meter) are left out and returned by name.
  static func estimates(_ rows: [CostRow], amortised: Bool) -> (
    byKey: [BillingLedger.Key: Estimate], unplaced: [String]
  ) {
    var byKey: [BillingLedger.Key: Estimate] = [:]
    var unplaced: [String] = []
    for row in rows {
      guard let meter = row.meter, let month = BillingLedger.month(of: row.periodStart) else {
        unplaced.append(row.resource)
        continue
      }
      // The figures the CSV writes (BilledCost or, amortised, EffectiveCost; PricingQuantity), so ercalc's own CSV
      // read back matches exactly.
      let cost = row.cost.map { cost in amortised ? cost.amount : row.oneTimeBilling.map { $0.billed } ?? cost.amount }
      let quantity = row.oneTimeBilling.map { $0.billedThisMonth ? Decimal(1) : 0 } ?? row.quantity
      let unit =
        row.oneTimeBilling == nil ? row.unitPrice.map { Discounts.discounted($0.amount, by: row.discount) } : nil
      let parts = row.resourceParts
      let resourceId = row.resourceId(parts)
      let key = BillingLedger.Key(resourceId: resourceId, meter: meter.meterName, month: month)
      if var known = byKey[key] {
        known.cost = known.cost.flatMap { sum in cost.map { sum + $0 } }
        known.quantity = known.quantity.flatMap { sum in quantity.map { sum + $0 } }
        if known.unitPrice != unit { known.unitPrice = nil }
        if cost == nil && known.unpricedReason.isEmpty { known.unpricedReason = row.priceSource }
        byKey[key] = known
      } else {
        byKey[key] = Estimate(
          // A budget's resources are named within their site (`iad/circuit`), as its CSV's ResourceName.
          resourceId: resourceId,
          resource: row.scopedName && !row.scope.isEmpty ? CostRow.scopedName(row.scope, parts.name) : parts.name,
          meter: meter.meterName, quantity: quantity,
          cost: cost, unitPrice: unit, unpricedReason: cost == nil ? row.priceSource : "",
          isUserCharge: row.isUserCharge)
      }
    }
    return (byKey, unplaced)
  }

  /// Sets `estimate` against `ledger` over the months the ledger bills.
  ///
  /// - Parameters:
  ///   - estimate: the estimate's FOCUS rows for (at least) those months.
  ///   - ledger: the billed charges.
  ///   - currency: the estimate's currency (the ledger's has been checked against it).
  ///   - amortised: whether the ledger holds amortised costs (one-time charges spread over their term).
  ///   - findings: the waste found.
  ///   - notes: facts for the reader.
  public init(
    estimate: [CostRow], ledger: BillingLedger, currency: CurrencyCode, amortised: Bool = false,
    findings: [WasteFinding] = [], notes: [String] = []
  ) {
    var (estimates, unplaced) = Self.estimates(estimate, amortised: amortised)
    // The user's own charges (provider ports, colocation) are not on an Azure invoice: compared only when the
    // exports bill their resource (ercalc's own CSV read back), else named in the notes.
    let billedResources = Set(ledger.charges.keys.map(\.resourceId))
    let ownCharges = estimates.filter { $0.value.isUserCharge && !billedResources.contains($0.key.resourceId) }
    for key in ownCharges.keys { estimates[key] = nil }
    let billedMonths = Set(ledger.charges.keys.map(\.month))
    let estimatedMonths = Set(estimates.keys.map(\.month))
    let knownResources = Set(estimates.keys.map(\.resourceId))
    // A meter billed on a resource of the estimate takes the name the estimate gives that resource.
    var names: [String: String] = [:]
    for (key, estimate) in estimates where names[key.resourceId] == nil { names[key.resourceId] = estimate.resource }
    var lines: [Line] = []
    for key in Set(estimates.keys).union(ledger.charges.keys).sorted(by: Self.lineOrder) {
      guard billedMonths.contains(key.month), estimatedMonths.contains(key.month) else { continue }
      let est = estimates[key]
      // What an export bills is rounded once, to cents by the line-item rule (half away from zero), as the estimate's
      // lines are: a line, its month and the total then agree to the cent.
      let bill = ledger.charges[key].map { charge in
        var rounded = charge
        rounded.cost = charge.billedCents
        return rounded
      }
      let resourceId = est?.resourceId ?? bill?.resourceId ?? key.resourceId
      var line = Line(
        resourceId: resourceId,
        resource: est?.resource ?? names[key.resourceId]
          ?? (resourceId.isEmpty ? "(no resource ID)" : Self.resourceName(resourceId)),
        meter: est?.meter ?? bill?.meter ?? key.meter, month: key.month, estimatedQuantity: est?.quantity,
        billedQuantity: bill?.quantity, estimated: est?.cost, billed: bill?.cost, variance: nil, reason: .none,
        detail: bill.map { "\($0.firstRow)" + ($0.rows > 1 ? " (+\($0.rows - 1) rows)" : "") } ?? "")
      if let est, est.cost == nil {
        line.reason = .notPriced
        line.detail = est.unpricedReason
      } else if let est, let estimated = est.cost {
        line.variance = (bill?.cost ?? 0) - estimated
        line.reason = bill.map { Self.reason(est, $0, estimated: estimated) } ?? .notBilled
      } else {
        line.variance = bill?.cost ?? 0
        line.reason = knownResources.contains(key.resourceId) ? .unexpectedMeter : .unknownResource
      }
      lines.append(line)
    }
    var totals: [MonthTotal] = []
    for month in billedMonths.intersection(estimatedMonths).sorted() {
      let ofMonth = lines.filter { $0.month == month }
      totals.append(
        MonthTotal(
          month: month, estimated: ofMonth.reduce(0) { $0 + ($1.estimated ?? 0) },
          billed: ofMonth.reduce(0) { $0 + ($1.billed ?? 0) },
          billedWithoutPricedEstimate: ofMonth.filter { $0.reason == .notPriced }.reduce(0) { $0 + ($1.billed ?? 0) }))
    }
    var notes = notes
    let outside = billedMonths.subtracting(estimatedMonths).sorted()
    if !outside.isEmpty {
      let amounts = outside.map { month in
        let billed = ledger.charges.filter { $0.key.month == month }.values.reduce(Decimal(0)) {
          $0 + $1.billedCents
        }
        return "\(month) (\(billed.grouped(places: 2)) \(currency) billed)"
      }
      notes.append("billed months outside the estimate, not compared: \(amounts.joined(separator: ", "))")
    }
    for month in ledger.partialMonths where estimatedMonths.contains(month) {
      notes.append(
        "\(month) bills a fee for part of the month only (a month-to-date export, one cut mid-month, or a resource created or deleted in it): its lines set part of a month against the whole month's estimate"
      )
    }
    for fee in ledger.overbilledFees where estimatedMonths.contains(fee.month) {
      notes.append(
        "\(fee.month): \(Self.resourceName(fee.resourceId)) is billed \(fee.quantity.plainDescription) of '\(fee.meter)', more than one resource bills in a month: two exports of the same days summed (a monthly and a daily one?), or several resources under one ID; check before trusting its variance"
      )
    }
    let ownNames = Set(ownCharges.values.map(\.resource)).sorted()
    if !ownNames.isEmpty {
      notes.append(
        "your own charges are not on an Azure invoice, not compared: \(ownNames.joined(separator: ", "))")
    }
    if !unplaced.isEmpty {
      notes.append(
        "estimate lines ercalc could not place, not compared: \(Set(unplaced).sorted().joined(separator: ", "))")
    }
    self.init(currency: currency, lines: lines, months: totals, findings: findings, notes: notes)
  }

  /// Month, then resource ID, then meter.
  static func lineOrder(_ lhs: BillingLedger.Key, _ rhs: BillingLedger.Key) -> Bool {
    (lhs.month, lhs.resourceId, lhs.meter) < (rhs.month, rhs.resourceId, rhs.meter)
  }

  /// Why a line both estimated and billed differs.
  static func reason(_ est: Estimate, _ bill: BillingLedger.Charge, estimated: Decimal) -> Reason {
    // A variance under half a cent is shown as 0.00 (daily rows summed rarely land on the cent): no reason, unless
    // the quantities differ (beyond 0.01% of the estimate, rounding of summed rows): then the quantity and the unit
    // price both moved and offset each other (25% more data at a discount), which "billed as estimated" would hide.
    if (bill.cost - estimated).magnitude < (Decimal(string: "0.005") ?? 0) {
      // The same cost for a quantity the export leaves out may hide the same offset: not "as estimated".
      if bill.quantity == nil, est.quantity != nil { return .billedQuantityUnknown }
      if let billedQuantity = bill.quantity, let estimatedQuantity = est.quantity,
        !sameQuantity(billedQuantity, estimatedQuantity)
      {
        return .quantityAndUnitPrice
      }
      return .none
    }
    guard let billedQuantity = bill.quantity else { return .billedQuantityUnknown }
    // Daily rows of a monthly fee (31 × 0.0322580645 = 0.9999999995 of 1/Month) are the estimate's quantity.
    guard let estimatedQuantity = est.quantity, !sameQuantity(billedQuantity, estimatedQuantity) else {
      return .unitPrice
    }
    // Same unit price: the billed cost is the billed quantity at the estimated price (to the cent).
    if let unit = est.unitPrice {
      let atEstimatedPrice = unit * billedQuantity
      let gap = atEstimatedPrice - bill.cost
      if gap.magnitude <= Decimal(string: "0.005") ?? 0 { return .quantity }
    }
    return .quantityAndUnitPrice
  }

  /// Whether a billed quantity is the estimated one: within 0.01% of the estimate (at least of 1 unit), the rounding of
  /// summed daily rows.
  static func sameQuantity(_ billed: Decimal, _ estimated: Decimal) -> Bool {
    (billed - estimated).magnitude <= max(estimated.magnitude, 1) / 10_000
  }

  /// The last path segment of an ID (`…/expressRouteCircuits/ams-er` → `ams-er`).
  package static func lastSegment(_ id: String) -> String { String(id.split(separator: "/").last ?? Substring(id)) }

  /// The name a resource ID ends with, as written before ercalc percent-encoded it in its planned IDs
  /// (`ercalc:/plans/ams/charges/Megaport%3A%20Survey` → `Megaport: Survey`).
  package static func resourceName(_ id: String) -> String {
    let segment = lastSegment(id)
    return segment.removingPercentEncoding ?? segment
  }
}
