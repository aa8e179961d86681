import ExpressRouteCore
import Foundation

extension Deployment {
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
    /// The contract term in months, when it has one: monthly charges stop after it unless ``renews``; a one-time charge
    /// is amortised over it.
    public var termMonths: Int?
    /// Whether a monthly charge goes on at the same amount after its term (the contract renews); reports say which.
    public var renews = false
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
    public var origin: Diagnostic.FileLocation?
    /// Set on a one-time charge turned into one month's line of a budget (``amount`` is then that month's share):
    /// its whole amount and whether that month bills it.
    public var oneTimeBilling: OneTimeBilling?

    /// Creates a charge.
    public init(
      name: String, vendor: String, amount: Decimal, recurrence: Recurrence, termMonths: Int? = nil,
      startMonth: MonthKey? = nil,
      attachedTo: String? = nil, origin: Diagnostic.FileLocation? = nil
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
    /// Monthly: from the start month for the term. One-time: all in the start month, or, with `amortize` and a term,
    /// a share each month of the term: month `k` (from 0) takes `⌊amount × (k + 1) / term⌋ − ⌊amount × k / term⌋` in
    /// cents, so every share is the amount over the term to within a cent, none is negative, and the shares add up
    /// to the amount exactly (0.30 over 60 months: thirty months of 0.01 and thirty of 0.00, never a −0.29 month).
    public func amount(in month: MonthKey, budgetStart first: MonthKey, amortize: Bool) -> Decimal? {
      let start = startMonth ?? first
      let offset = (month.year - start.year) * 12 + month.month - start.month
      guard offset >= 0 else { return nil }
      switch recurrence {
      case .monthly:
        if let termMonths, offset >= termMonths, !renews { return nil }
        return amount
      case .oneTime:
        guard amortize, let termMonths, termMonths > 1 else { return offset == 0 ? amount : nil }
        guard offset < termMonths else { return nil }
        return Self.share(of: amount, month: offset, of: termMonths)
      }
    }

    /// Month `index`'s share (from 0) of `amount` spread over `count` months, in whole cents: the difference of the
    /// cumulative amounts rounded down to cents, so shares are never negative and add up to `amount` exactly.
    static func share(of amount: Decimal, month index: Int, of count: Int) -> Decimal {
      func cumulative(_ months: Int) -> Decimal {
        let exact = amount * Decimal(months) / Decimal(count)
        return exact.rounded(toPlaces: 2, rule: .down)
      }
      return index == count - 1 ? amount - cumulative(index) : cumulative(index + 1) - cumulative(index)
    }

    /// How a one-time charge is billed in `month`: its whole amount and whether it is billed in that month (its start
    /// month), or `nil` for a monthly charge or a month it does not fall in. An amortised one-time charge is billed
    /// once, in its start month, whatever share of it each month's cost carries.
    public func oneTimeBilling(in month: MonthKey, budgetStart first: MonthKey, amortize: Bool) -> OneTimeBilling? {
      guard recurrence == .oneTime, amount(in: month, budgetStart: first, amortize: amortize) != nil else { return nil }
      let start = startMonth ?? first
      return OneTimeBilling(total: amount, billedThisMonth: start == month)
    }

    /// What a report over `first` to `last` must say about this charge's calendar: a term that ends inside the
    /// period (and whether it renews), or a charge that falls wholly outside it and is not counted; `nil` when it
    /// runs through the whole period. `label` names a month (`2028-01`, or `month 13` for a plan without a calendar).
    public func calendarNote(
      first: MonthKey, last: MonthKey, budgetStart: MonthKey, amortize: Bool = false,
      label: (MonthKey) -> String = { $0.description }
    )
      -> String?
    {
      let start = startMonth ?? budgetStart
      let what = "charge '\(name)' (\(vendor))"
      switch recurrence {
      case .oneTime:
        if amortize, let termMonths, termMonths > 1 {
          // Spread over its term: counted in the months of the term the period holds (``amount(in:budgetStart:amortize:)``).
          let end = start.advanced(by: termMonths - 1)
          let term = "one-time in \(label(start)), amortised over its \(termMonths)-month term to \(label(end))"
          if end < first || start > last {
            return "\(what): \(term), outside \(label(first)) to \(label(last)), so not counted"
          }
          guard start < first || end > last else { return nil }
          let from = max(start, first)
          let to = min(end, last)
          let months = (to.year - from.year) * 12 + to.month - from.month + 1
          return
            "\(what): \(term); its share of the \(months) month\(months == 1 ? "" : "s") from \(label(from)) to \(label(to)) is counted"
        }
        guard start < first || start > last else { return nil }
        return "\(what): one-time in \(label(start)), outside \(label(first)) to \(label(last)), so not counted"
      case .monthly:
        if start > last { return "\(what): starts in \(label(start)), after \(label(last)), so not counted" }
        guard let termMonths else { return nil }
        let end = start.advanced(by: termMonths - 1)
        guard end < last else { return nil }
        if renews {
          return
            "\(what): its \(termMonths)-month term ends in \(label(end)); it renews at the same amount from \(label(end.next)) (\"renews\": true)"
        }
        if end < first {
          return "\(what): its \(termMonths)-month term ended in \(label(end)), before \(label(first)), so not counted"
        }
        return
          "\(what): its \(termMonths)-month term ends in \(label(end)) and does not renew, so it is not counted from \(label(end.next)) (give \"renews\": true if the contract goes on)"
      }
    }

    /// The notes of ``calendarNote(first:last:budgetStart:amortize:label:)`` for `charges`, in their order.
    public static func calendarNotes(
      _ charges: [UserCharge], first: MonthKey, last: MonthKey, budgetStart: MonthKey, amortize: Bool = false,
      label: (MonthKey) -> String = { $0.description }
    ) -> [String] {
      charges.compactMap {
        $0.calendarNote(first: first, last: last, budgetStart: budgetStart, amortize: amortize, label: label)
      }
    }

    /// The charges of `charges` that fall in `period` (a quote for one calendar month), unchanged, and a note for each
    /// left out or ending: a monthly charge outside its start and term, a one-time charge of another month.
    public static func falling(_ charges: [UserCharge], in period: MonthKey) -> (charges: [UserCharge], notes: [String])
    {
      let kept = charges.filter { $0.amount(in: period, budgetStart: period, amortize: false) != nil }
      return (kept, calendarNotes(charges, first: period, last: period, budgetStart: period))
    }

    /// The charges of `charges` tied to calendar months (a `startMonth`): which of them fall depends on the month, so
    /// a quote of "a month" without one would add up charges that never fall together.
    public static func dated(_ charges: [UserCharge]) -> [UserCharge] {
      charges.filter { $0.startMonth != nil }
    }

    /// `Megaport: 10G port` (the line item's resource label).
    var resource: String { attachedTo.map { "\(vendor) for '\($0)'" } ?? vendor }
  }
}

/// `Deployment.UserCharge`, by its short name inside the package.
package typealias UserCharge = Deployment.UserCharge

extension UserCharge {
  /// Reads a `charges` array: `{"name", "vendor", "amount": "450.00", "currency", "recurrence": "monthly"|"oneTime",
  /// "termMonths", "renews": true, "startMonth": "2027-01", "attachedTo"}`.
  package static func list(_ node: JSONNode?) throws(Diagnostic) -> [UserCharge] {
    var result: [UserCharge] = []
    for element in try node?.array() ?? [] {
      let item = try element.object(allowing: [
        "name", "vendor", "amount", "currency", "recurrence", "termMonths", "renews", "startMonth", "attachedTo",
        "path", "notes",
      ])
      let recurrenceNode = try item.required("recurrence")
      let recurrenceText = try recurrenceNode.string()
      guard let recurrence = Recurrence(rawValue: recurrenceText) else {
        throw recurrenceNode.error("'\(recurrenceText)' is not a recurrence (expected 'monthly' or 'oneTime')")
      }
      var start: MonthKey?
      if let startNode = item.optional("startMonth") {
        let text = try startNode.string()
        guard let month = MonthKey(parsing: text) else {
          throw startNode.error("'\(text)' is not a month (expected YYYY-MM from 1970-01 to 2199-12, such as 2027-01)")
        }
        start = month
      }
      var currency: CurrencyCode?
      if let currencyNode = item.optional("currency") {
        let text = try currencyNode.string()
        guard let code = CurrencyCode(text) else {
          throw currencyNode.error("'\(text)' is not a currency code (expected three letters such as USD)")
        }
        currency = code
      }
      var charge = UserCharge(
        name: try item.required("name").nonEmptyString(), vendor: try item.required("vendor").nonEmptyString(),
        amount: try item.required("amount").price(),
        recurrence: recurrence, termMonths: try item.optional("termMonths")?.int(in: 1...240), startMonth: start,
        attachedTo: try item.optional("attachedTo")?.nonEmptyString(), origin: element.location)
      charge.currency = currency
      if let renewsNode = item.optional("renews") {
        charge.renews = try renewsNode.bool()
        if charge.renews && (recurrence != .monthly || charge.termMonths == nil) {
          throw renewsNode.error("'renews' applies to a monthly charge with a 'termMonths'")
        }
      }
      if let pathNode = item.optional("path") {
        let text = try pathNode.string()
        guard let path = Path(rawValue: text) else {
          throw pathNode.error("'\(text)' is not a path (expected 'provider' or 'direct')")
        }
        charge.path = path
      }
      result.append(charge)
    }
    return result
  }
}
