import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// A budget's totals worked out once, in one pass over its quotes: per site and month, per site, per month, per
/// budget year and per group of sites. Reports and gates read these instead of summing quotes again, so a
/// report of 1,000 sites × 36 months costs one pass, not one per cell.
public struct BudgetSummary: Sendable {
  /// One group of sites sharing a tag value (or every site lacking the tag).
  public struct Group: Sendable, Hashable {
    /// The tag value, or `(no region)` for sites without the tag.
    public var name: String
    /// Indices into the budget's sites, in portfolio order.
    public var sites: [Int]
  }

  /// `[site][month]` totals (priced charges only).
  public let siteMonthTotals: [[Decimal]]
  /// `[site][month]`: whether the site-month's total has priced charges, and whether it leaves out unpriced ones.
  public let siteMonthCoverage: [[Coverage]]
  /// Each site's total over the period.
  public let siteTotals: [Decimal]
  /// Each month's total over every site.
  public let monthTotals: [Decimal]
  /// The period's total.
  public let total: Decimal
  /// Each month's total at list prices (before any negotiated discount); equal to ``monthTotals`` at list prices.
  public let monthListTotals: [Decimal]
  /// The period's total at list prices.
  public let listTotal: Decimal
  /// Each year's total at list prices.
  public let yearListTotals: [Decimal]
  /// The budget years.
  public let years: [Budget.Year]
  /// `[site][year]` totals.
  public let siteYearTotals: [[Decimal]]
  /// Each year's total.
  public let yearTotals: [Decimal]
  /// The tag sites are grouped by, if any.
  public let groupTag: String?
  /// The groups in name order (sites without the tag last); one group of every site when not grouped.
  public let groups: [Group]
  /// Totals per meter group (circuits, egress, gateways …) over the period, largest first, each with its coverage: a
  /// group whose charges include some not priced is incomplete, one with none priced is unknown (never 0.00).
  public let meterTotals: [(group: String, total: Decimal, coverage: Coverage)]
  /// Unpriced charges, each once per site, with the months it occurs in.
  public let unpriced: [(site: String, item: Quote.UnpricedItem, months: Int)]
  /// Every site was refused, so no total is known (a budget of nothing is not 0.00).
  public let refusedEverySite: Bool

  /// Sums `budget` once, grouping sites by the value of `tag` when given.
  public init(_ budget: Budget, groupBy tag: String? = nil) {
    // One pass over every line item, sites on every core: site-month totals and meter-group totals together.
    let perSite = ConcurrentMap.map(budget.sites) { site in
      var meters: [String: Decimal] = [:]
      var meterCoverage: [String: Coverage] = [:]
      var list: [Decimal] = []
      list.reserveCapacity(site.months.count)
      let months = site.months.map { quote in
        var total: Decimal = 0
        var listTotal: Decimal = 0
        for item in quote.lineItems {
          FastDecimal.add(item.amount.amount, to: &total)
          FastDecimal.add(item.listAmount.amount, to: &listTotal)
          FastDecimal.add(item.amount.amount, to: &meters[item.meter.groupName, default: 0])
          meterCoverage[item.meter.groupName, default: .empty].hasPriced = true
        }
        for item in quote.unpriced { meterCoverage[item.meter.groupName, default: .empty].hasUnpriced = true }
        list.append(listTotal)
        return total
      }
      let coverage = site.months.map { Coverage(hasPriced: !$0.lineItems.isEmpty, hasUnpriced: !$0.unpriced.isEmpty) }
      return (months: months, list: list, meters: meters, meterCoverage: meterCoverage, coverage: coverage)
    }
    siteMonthTotals = perSite.map(\.months)
    siteMonthCoverage = perSite.map(\.coverage)
    var listMonths = [Decimal](repeating: 0, count: budget.months.count)
    for site in perSite {
      for (index, value) in site.list.enumerated() where index < listMonths.count {
        FastDecimal.add(value, to: &listMonths[index])
      }
    }
    monthListTotals = listMonths
    listTotal = listMonths.reduce(0, FastDecimal.sum)
    var meters: [String: Decimal] = [:]
    var meterCoverage: [String: Coverage] = [:]
    for site in perSite {
      // Exact sums: any order gives the same.
      for (group, total) in site.meters { FastDecimal.add(total, to: &meters[group, default: 0]) }
      for (group, coverage) in site.meterCoverage {
        meterCoverage[group] = meterCoverage[group, default: .empty].merged(coverage)
      }
    }
    // Largest first; groups with nothing priced (unknown) last, by name.
    meterTotals = meterCoverage.keys.map { ($0, meters[$0] ?? 0, meterCoverage[$0] ?? .empty) }.sorted {
      ($0.2.isUnknown ? 1 : 0, $1.1, $0.0) < ($1.2.isUnknown ? 1 : 0, $0.1, $1.0)
    }
    unpriced = budget.unpriced
    refusedEverySite = budget.sites.isEmpty && budget.refused.contains { $0.from == nil }
    siteTotals = siteMonthTotals.map { $0.reduce(0, FastDecimal.sum) }
    var months = [Decimal](repeating: 0, count: budget.months.count)
    for row in siteMonthTotals {
      for (index, value) in row.enumerated() where index < months.count { FastDecimal.add(value, to: &months[index]) }
    }
    monthTotals = months
    total = months.reduce(0, FastDecimal.sum)
    let years = budget.years
    self.years = years
    siteYearTotals = siteMonthTotals.map { row in
      years.map { year in year.months.reduce(Decimal(0)) { FastDecimal.sum($0, row.indices.contains($1) ? row[$1] : 0) }
      }
    }
    yearTotals = years.map { year in year.months.reduce(Decimal(0)) { FastDecimal.sum($0, months[$1]) } }
    yearListTotals = years.map { year in year.months.reduce(Decimal(0)) { FastDecimal.sum($0, listMonths[$1]) } }
    groupTag = tag
    if let tag {
      var byValue: [String: [Int]] = [:]
      var untagged: [Int] = []
      for (index, site) in budget.sites.enumerated() {
        if let value = site.tags[tag] { byValue[value, default: []].append(index) } else { untagged.append(index) }
      }
      groups =
        byValue.keys.sorted().map { Group(name: $0, sites: byValue[$0] ?? []) }
        + (untagged.isEmpty ? [] : [Group(name: "(no \(tag))", sites: untagged)])
    } else {
      groups = [Group(name: "All sites", sites: Array(budget.sites.indices))]
    }
  }

  /// The total of `group` in each year, then over the period.
  public func yearTotals(of group: Group) -> (years: [Decimal], total: Decimal) {
    var totals = [Decimal](repeating: 0, count: years.count)
    for site in group.sites {
      for index in totals.indices { FastDecimal.add(siteYearTotals[site][index], to: &totals[index]) }
    }
    return (totals, group.sites.reduce(Decimal(0)) { FastDecimal.sum($0, siteTotals[$1]) })
  }

  /// `group`'s total in each month.
  public func monthTotals(of group: Group) -> [Decimal] {
    var totals = [Decimal](repeating: 0, count: monthTotals.count)
    for site in group.sites {
      for (index, value) in siteMonthTotals[site].enumerated() where index < totals.count {
        FastDecimal.add(value, to: &totals[index])
      }
    }
    return totals
  }

  /// The highest monthly total.
  public var peakMonthTotal: Decimal { monthTotals.max() ?? 0 }

  /// Site indices by total, largest first (ties in portfolio order), at most `limit`.
  public func topSitesByCost(_ limit: Int) -> [Int] {
    Array(
      siteTotals.indices.sorted {
        !FastDecimal.isEqual(siteTotals[$0], siteTotals[$1])
          ? FastDecimal.isLess(siteTotals[$1], siteTotals[$0]) : $0 < $1
      }.prefix(limit))
  }

  /// Site indices by growth from the first to the last month, fastest first, at most `limit`: sites new in the
  /// period (nothing in the first month) first, then by percentage change, ties by the larger absolute change, then
  /// in portfolio order. Sites whose cost does not grow are left out. Ranked by percentage, not amount, so the list
  /// shows what grows fastest rather than repeating the largest sites.
  public func topSitesByGrowth(_ limit: Int) -> [Int] {
    struct Growth {
      var site: Int
      var isNew: Bool
      var percent: Decimal
      var amount: Decimal
    }
    let growing = siteMonthTotals.indices.compactMap { site -> Growth? in
      let first = siteMonthTotals[site].first ?? 0
      let amount = FastDecimal.difference(siteMonthTotals[site].last ?? 0, first)
      guard FastDecimal.isLess(0, amount) else { return nil }
      let isNew = !FastDecimal.isLess(0, first)
      return Growth(site: site, isNew: isNew, percent: isNew ? 0 : amount / first, amount: amount)
    }
    return Array(
      growing.sorted { a, b in
        if a.isNew != b.isNew { return a.isNew }
        if !FastDecimal.isEqual(a.percent, b.percent) { return FastDecimal.isLess(b.percent, a.percent) }
        if !FastDecimal.isEqual(a.amount, b.amount) { return FastDecimal.isLess(b.amount, a.amount) }
        return a.site < b.site
      }.prefix(limit).map(\.site))
  }
}
