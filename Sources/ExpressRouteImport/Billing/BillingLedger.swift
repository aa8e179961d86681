import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The ExpressRoute charges of one or more cost exports, summed per resource × meter × month as they are read: its
/// size grows with the number of ExpressRoute resources, meters and months, never with the number of rows.
public struct BillingLedger: Hashable, Sendable {
  /// Where a charge is summed: the resource's ARM ID and the meter name, both lower-cased (Azure writes IDs in
  /// varying case across exports), and the month the charge period starts in.
  public struct Key: Hashable, Comparable, Sendable {
    /// The ARM resource ID as resources are told apart: lower-cased, without a trailing `/`
    /// (``AzureResourceReference/identity``).
    public var resourceId: String
    /// The meter name, lower-cased, runs of spaces as one.
    public var meter: String
    /// The month the charge period starts in.
    public var month: MonthKey

    /// Creates a key, normalising `resourceId` and `meter`.
    public init(resourceId: String, meter: String, month: MonthKey) {
      self.resourceId = AzureResourceReference(id: resourceId).identity
      self.meter = Self.normalised(meter)
      self.month = month
    }

    /// `meter` lower-cased with runs of white space as one space.
    public static func normalised(_ meter: String) -> String {
      meter.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.resourceId, lhs.month, lhs.meter) < (rhs.resourceId, rhs.month, rhs.meter)
    }
  }

  /// The billed total of one key.
  public struct Charge: Hashable, Sendable {
    /// The resource ID as the first row wrote it.
    public var resourceId: String
    /// The meter name as the first row wrote it.
    public var meter: String
    /// The resource type as the export gives it (`microsoft.network/expressroutecircuits`), or empty.
    public var resourceType: String
    /// The summed quantity in the meter's consumed unit (hours, GB, months); `nil` when a charged row gave none. A
    /// credit or refund (a row with no quantity and a cost of 0 or less) does not blank it.
    public var quantity: Decimal?
    /// Whether a charged row gave no quantity (the sum is then unknown, whatever later rows give).
    var quantityUnknown = false
    /// The summed cost in ``BillingLedger/currency``.
    public var cost: Decimal
    /// ``cost`` rounded once to cents by the line-item rule (half away from zero), as an estimate's lines are.
    public var billedCents: Decimal { cost.rounded(toPlaces: 2, rule: .lineItem) }
    /// The rows summed.
    public var rows: Int
    /// Where the first row is (`file:line`).
    public var firstRow: Diagnostic.FileLocation
  }

  /// The billing currency every kept row shares; `nil` before the first row.
  public private(set) var currency: CurrencyCode?
  /// Where the currency was first seen.
  public private(set) var currencyOrigin: Diagnostic.FileLocation?
  /// The charges by key.
  public private(set) var charges: [Key: Charge] = [:]
  /// Rows read in all (kept or not).
  public internal(set) var rowsRead = 0
  /// Rows kept (ExpressRoute-related or on a resource of the estate).
  public internal(set) var rowsKept = 0
  /// Rows of ercalc's own CSV marked unpriced, skipped (their costs are placeholders, not prices).
  public internal(set) var unpricedRowsSkipped = 0
  /// The exports read, with the format each was recognised as.
  public internal(set) var exports: [Export] = []
  /// The first sighting of each kept row, by a fingerprint of its key, charge period, quantity and cost: a row seen
  /// again from another export is refused (``checkOverlap(_:period:quantity:cost:at:)``). One entry per distinct
  /// ExpressRoute row, never per row of other services.
  var rowOrigins: [Int: RowOrigin] = [:]

  /// One export read: its file name and the format it was recognised as (`FOCUS 1.2`, `EA/MCA cost details`).
  public struct Export: Hashable, Sendable {
    /// The file name.
    public var file: String
    /// The format.
    public var format: String
  }

  /// An empty ledger.
  public init() {}

  /// The months any charge falls in, in order.
  public var months: [MonthKey] { Set(charges.keys.map(\.month)).sorted() }

  /// The months in which a fee is billed for less than the whole month: a circuit's monthly fee for less than one
  /// month, or a gateway's hours for less than the month's hours (a month-to-date export, one cut mid-month, or a
  /// resource created or deleted that month). Their lines set part of a month against a whole month's estimate.
  public var partialMonths: [MonthKey] {
    let nearlyAll = Decimal(string: "0.99") ?? 1
    let partial = charges.compactMap { key, charge -> MonthKey? in
      guard let quantity = charge.quantity, quantity > 0, let whole = Self.wholeMonth(of: charge.meter, in: key.month)
      else { return nil }
      return quantity < whole * nearlyAll ? key.month : nil
    }
    return Set(partial).sorted()
  }

  /// The fees billed for more than their month holds: a circuit's monthly fee for more than one month, or a gateway's
  /// hours beyond the month's, by resource and month, with the quantity (two exports of the same days in different
  /// granularity, a monthly and a daily one, are summed; one resource cannot bill 1,488 hours in a 744-hour month).
  public var overbilledFees: [(month: MonthKey, resourceId: String, meter: String, quantity: Decimal)] {
    let atMost = Decimal(string: "1.01") ?? 1
    return charges.sorted {
      ($0.key.month, $0.key.resourceId, $0.key.meter) < ($1.key.month, $1.key.resourceId, $1.key.meter)
    }
    .compactMap { key, charge in
      guard let quantity = charge.quantity, let whole = Self.wholeMonth(of: charge.meter, in: key.month),
        quantity > whole * atMost
      else { return nil }
      return (key.month, charge.resourceId, charge.meter, quantity)
    }
  }

  /// What one resource's fee on `meter` bills in the whole of `month`: 1 month for a circuit's (`… Circuit`), the
  /// month's hours for a gateway's (`… Gateway`); `nil` for any other meter (data, Global Reach, scale units).
  static func wholeMonth(of meter: String, in month: MonthKey) -> Decimal? {
    let meter = Key.normalised(meter)
    if meter.hasSuffix("circuit"), !meter.contains("data transfer") { return 1 }
    if meter.hasSuffix("gateway") {
      return Decimal(CivilCalendar.daysInMonth(year: month.year, month: month.month) * 24)
    }
    return nil
  }

  /// The last month whose fees are all billed whole (not in ``partialMonths``): the month waste is judged on; `nil`
  /// when every month billed is partial.
  public var lastCompleteMonth: MonthKey? {
    let partial = Set(partialMonths)
    return months.last { !partial.contains($0) }
  }

  /// Adds one row's charge.
  ///
  /// - Throws: a currency other than the one earlier rows gave (mixed currencies cannot be summed).
  /// - Throws: a row another export already billed (``checkOverlap(_:period:quantity:cost:at:)``).
  mutating func add(
    resourceId: String, meter: String, resourceType: String, month: MonthKey, period: String = "",
    quantity: Decimal?, cost: Decimal, currency: CurrencyCode, at location: Diagnostic.FileLocation,
    currencyAt currencyCell: Diagnostic.FileLocation? = nil
  ) throws(Diagnostic) {
    if let known = self.currency, known != currency {
      throw Diagnostic(
        .error,
        "mixed currencies: this row is billed in \(currency), earlier rows in \(known) (first at \(currencyOrigin?.description ?? "?")); reconcile one billing currency at a time",
        location: currencyCell ?? location)
    }
    if self.currency == nil {
      self.currency = currency
      currencyOrigin = currencyCell ?? location
    }
    let key = Key(resourceId: resourceId, meter: meter, month: month)
    try checkOverlap(key, period: period, quantity: quantity, cost: cost, at: location)
    var charge =
      charges[key]
      ?? Charge(
        resourceId: resourceId, meter: meter, resourceType: resourceType, quantity: nil, cost: 0, rows: 0,
        firstRow: location)
    charge.cost += cost
    charge.rows += 1
    if let quantity {
      if !charge.quantityUnknown { charge.quantity = (charge.quantity ?? 0) + quantity }
    } else if cost > 0 {
      // A charge without its quantity: the sum is unknown. A credit without one changes no quantity.
      charge.quantityUnknown = true
      charge.quantity = nil
    }
    charges[key] = charge
  }
}
