import Foundation

/// A charge the user supplies: a connectivity provider's port fee, a colocation cross-connect,
/// an installation fee. Priced as given (in the rate table's currency), with the vendor as
/// its source and ``Confidence/user`` as its confidence.
public struct UserCharge: Hashable, Sendable {
  /// How often the charge falls.
  public enum Recurrence: String, Hashable, Sendable {
    /// Every month of the contract term (or indefinitely).
    case monthly
    /// Once, in its start month (or spread over the term when amortised).
    case oneTime
  }

  /// What it is (`Equinix cross-connect`).
  public var name: String
  /// Who bills it (`Megaport`, `Equinix`).
  public var vendor: String
  /// The amount per month, or the one-time amount.
  public var amount: Decimal
  /// How often it falls.
  public var recurrence: Recurrence
  /// The contract term in months, when it has one: monthly charges stop after it; a one-time charge is amortised over it.
  public var termMonths: Int?
  /// The first month it falls in; the budget's first month when absent.
  public var startMonth: MonthKey?
  /// The circuit or port pair it belongs to; the site when absent.
  public var attachedTo: String?
  /// Which way of connecting the charge belongs to, when it depends on it.
  public enum Path: String, Hashable, Sendable {
    /// A connectivity provider's circuit (port and VLAN fees).
    case provider
    /// ExpressRoute Direct (colocation cross-connects, own routers).
    case direct
  }

  /// The path the charge belongs to; `nil` when it applies whichever way the site connects.
  public var path: Path?
  /// The currency the file gave, if any; it must be the rate table's.
  public var currency: CurrencyCode?
  /// Where it was defined, for messages.
  public var origin: FileLocation?

  /// Creates a charge.
  public init(
    name: String, vendor: String, amount: Decimal, recurrence: Recurrence, termMonths: Int? = nil, startMonth: MonthKey? = nil,
    attachedTo: String? = nil, origin: FileLocation? = nil
  ) {
    self.name = name
    self.vendor = vendor
    self.amount = amount
    self.recurrence = recurrence
    self.termMonths = termMonths
    self.startMonth = startMonth
    self.attachedTo = attachedTo
    self.origin = origin
  }

  /// The amount that falls in `month` of a budget starting at `first`, or `nil` when none does.
  ///
  /// Monthly: from the start month for the term. One-time: all in the start month, or, with
  /// `amortize` and a term, an equal share each month of the term, rounded to cents, the last
  /// month taking what rounding left over (so the shares add up to the amount exactly).
  public func amount(in month: MonthKey, budgetStart first: MonthKey, amortize: Bool) -> Decimal? {
    let start = startMonth ?? first
    let offset = (month.year - start.year) * 12 + month.month - start.month
    guard offset >= 0 else { return nil }
    switch recurrence {
    case .monthly:
      if let termMonths, offset >= termMonths { return nil }
      return amount
    case .oneTime:
      guard amortize, let termMonths, termMonths > 1 else { return offset == 0 ? amount : nil }
      guard offset < termMonths else { return nil }
      let share = (amount / Decimal(termMonths)).rounded(toPlaces: 2, rule: .lineItem)
      return offset == termMonths - 1 ? amount - share * Decimal(termMonths - 1) : share
    }
  }

  /// `Megaport: 10G port` (the line item's resource label).
  var resource: String { attachedTo.map { "\(vendor) for '\($0)'" } ?? vendor }
}

extension UserCharge {
  /// Reads a `charges` array: `{"name", "vendor", "amount": "450.00", "currency", "recurrence": "monthly"|"oneTime",
  /// "termMonths", "startMonth": "2027-01", "attachedTo"}`.
  static func list(_ node: JSONNode?) throws(Diagnostic) -> [UserCharge] {
    var result: [UserCharge] = []
    for element in try node?.array() ?? [] {
      let item = try element.object()
      try item.rejectUnknownKeys(["name", "vendor", "amount", "currency", "recurrence", "termMonths", "startMonth", "attachedTo", "path", "notes"])
      let recurrenceNode = try item.required("recurrence")
      let recurrenceText = try recurrenceNode.string()
      guard let recurrence = Recurrence(rawValue: recurrenceText) else {
        throw recurrenceNode.error("'\(recurrenceText)' is not a recurrence (expected 'monthly' or 'oneTime')")
      }
      var start: MonthKey?
      if let startNode = item.optional("startMonth") {
        let text = try startNode.string()
        guard let month = MonthKey(parsing: text) else { throw startNode.error("'\(text)' is not a month (expected YYYY-MM, such as 2027-01)") }
        start = month
      }
      var currency: CurrencyCode?
      if let currencyNode = item.optional("currency") {
        let text = try currencyNode.string()
        guard let code = CurrencyCode(text) else { throw currencyNode.error("'\(text)' is not a currency code (expected three letters such as USD)") }
        currency = code
      }
      var charge = UserCharge(
        name: try item.required("name").nonEmptyString(), vendor: try item.required("vendor").nonEmptyString(),
        amount: try item.required("amount").price(),
        recurrence: recurrence, termMonths: try item.optional("termMonths")?.int(in: 1...240), startMonth: start,
        attachedTo: try item.optional("attachedTo")?.nonEmptyString(), origin: element.location)
      charge.currency = currency
      if let pathNode = item.optional("path") {
        let text = try pathNode.string()
        guard let path = Path(rawValue: text) else { throw pathNode.error("'\(text)' is not a path (expected 'provider' or 'direct')") }
        charge.path = path
      }
      result.append(charge)
    }
    return result
  }
}
