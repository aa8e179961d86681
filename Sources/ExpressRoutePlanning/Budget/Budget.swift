import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// A portfolio priced month by month: one quote per site per month.
public struct Budget: Hashable, Sendable {
  /// One site's months.
  public struct Site: Hashable, Sendable {
    /// The site's name.
    public var name: String
    /// One quote per month, in month order.
    public var months: [Quote]
    /// The solver's result, for sized sites.
    public var sizing: SizingResult?
    /// The site's tags from the portfolio (`region`: `Europe`), for grouping.
    public var tags: [String: String] = [:]
    /// Facts about this site (growth, how it was sized).
    public var notes: [String] = []

    /// Set when the site can be served only up to a month: its months from there on hold no charge, only an
    /// unpriced item naming what the workload needs and what would serve it.
    public var unserved: Refusal?

    /// The site's total over the horizon.
    public func total(currency: CurrencyCode) -> Money { Money.sum(months.map(\.total), currency: currency) }
  }

  /// A site, or a site's months from one on, that could not be budgeted, with the reason.
  public struct Refusal: Hashable, Sendable {
    /// The site's name.
    public var site: String
    /// The first month refused (every later month is too); `nil` when the whole site was refused.
    public var from: MonthKey?
    /// Why, with what would settle it.
    public var reason: String
    /// The error as a diagnostic (its file, line and path, when known), for standard error.
    public var diagnostic: Diagnostic
    /// The site's tags, when it could be read (a site that could not be read has none).
    public var tags: [String: String] = [:]
  }

  /// The portfolio's name.
  public var name: String
  /// Sites (or their later months) that could not be budgeted, in portfolio order: every one, each with its reason.
  /// The sites refused whole are not in ``sites`` and count in no total; everything else is still budgeted.
  public var refused: [Refusal] = []
  /// Whether any data was refused (a site, or a site's later months): the budget is then incomplete.
  public var isComplete: Bool { refused.isEmpty }
  /// The months budgeted.
  public var months: [MonthKey]
  /// The sites.
  public var sites: [Site]
  /// What the budget was priced on (rate table, date, currency, hours per month).
  public var basis: PricingBasis
  /// The currency.
  public var currency: CurrencyCode { basis.currency }
  /// Hours per month used.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's date.
  public var priceDate: String { basis.priceDate }
  /// The sources behind the priced lines.
  public var sources: [PriceSource]
  /// Facts the reader should know (growth assumptions).
  public var notes: [String]
  /// Fixed circuits whose grown outbound data exceeds their capacity, in portfolio order.
  public var overruns: [CapacityOverrun] = []
  /// The month (1–12) budget years start in: 1 for calendar years, 4 for April-to-March fiscal years.
  public var fiscalYearStart: Int = 1

  /// One budget year (calendar or fiscal) within the period.
  public struct Year: Hashable, Sendable {
    /// `2027`, or `2027-04 to 2028-03` for a fiscal year.
    public var label: String
    /// Indices into ``months``.
    public var months: Range<Int>
  }

  /// The budget years the period touches, in order; the first and last may be partial.
  public var years: [Year] {
    var result: [Year] = []
    for (index, month) in months.enumerated() {
      let startYear = month.month >= fiscalYearStart ? month.year : month.year - 1
      let label: String
      if fiscalYearStart == 1 {
        label = String(startYear)
      } else {
        let first = MonthKey(year: startYear, month: fiscalYearStart)
        label = "\(first) to \(first.advanced(by: 11))"
      }
      if let last = result.last, last.label == label {
        result[result.count - 1].months = last.months.lowerBound..<(index + 1)
      } else {
        result.append(Year(label: label, months: index..<(index + 1)))
      }
    }
    return result
  }

  /// The total of `site` in `year`.
  public func total(of site: Site, in year: Year) -> Money {
    Money.sum(year.months.map { site.months[$0].total }, currency: currency)
  }

  /// The total of every site in month `index`.
  public func monthTotal(_ index: Int) -> Money {
    Money.sum(sites.map { $0.months[index].total }, currency: currency)
  }

  /// Every month's total, in one pass over the sites.
  public var monthTotals: [Money] {
    var totals = [Decimal](repeating: 0, count: months.count)
    for site in sites {
      for (index, quote) in site.months.enumerated() where index < totals.count {
        for item in quote.lineItems { totals[index] += item.amount.amount }
      }
    }
    return totals.map { Money($0, currency: currency) }
  }

  /// The total over the horizon.
  public var total: Money { Money.sum(monthTotals, currency: currency) }

  /// The highest monthly total (for budget gates).
  public var peakMonthTotal: Money { monthTotals.max() ?? .zero(currency) }

  /// Totals per calendar year, in year order.
  public var yearTotals: [(year: Int, total: Money)] {
    var result: [(Int, Money)] = []
    for (index, month) in months.enumerated() {
      if let last = result.last, last.0 == month.year {
        result[result.count - 1].1 = last.1 + monthTotal(index)
      } else {
        result.append((month.year, monthTotal(index)))
      }
    }
    return result
  }

  /// Unpriced charges, each once per site, with the months it occurs in.
  public var unpriced: [(site: String, item: Quote.UnpricedItem, months: Int)] {
    sites.flatMap { site in Self.unpriced(of: site).map { (site.name, $0.item, $0.months) } }
  }

  /// `site`'s unpriced charges, each once (by resource and meter) in the order first seen, with the number of months
  /// it occurs in (a charge a month holds twice, such as both legs of a Global Reach link in one zone, counts once).
  public static func unpriced(of site: Site) -> [(item: Quote.UnpricedItem, months: Int)] {
    var months: [String: Set<Int>] = [:]
    var order: [UnpricedItem] = []
    for (month, quote) in site.months.enumerated() {
      for item in quote.unpriced {
        let key = "\(item.resource)|\(item.meter.displayName)"
        if months[key] == nil { order.append(item) }
        months[key, default: []].insert(month)
      }
    }
    return order.map { ($0, months["\($0.resource)|\($0.meter.displayName)"]?.count ?? 0) }
  }
}
