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
  /// Each site's total over the period.
  public let siteTotals: [Decimal]
  /// Each month's total over every site.
  public let monthTotals: [Decimal]
  /// The period's total.
  public let total: Decimal
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
  /// Totals per meter group (circuits, egress, gateways …) over the period, largest first.
  public let meterTotals: [(group: String, total: Decimal)]
  /// Unpriced charges, each once per site, with the months it occurs in.
  public let unpriced: [(site: String, item: Quote.UnpricedItem, months: Int)]

  /// Sums `budget` once, grouping sites by the value of `tag` when given.
  public init(_ budget: Budget, groupBy tag: String? = nil) {
    // One pass over every line item, sites on every core: site-month totals and meter-group totals together.
    let perSite = ConcurrentMap.map(budget.sites) { site in
      var meters: [String: Decimal] = [:]
      let months = site.months.map { quote in
        var total: Decimal = 0
        for item in quote.lineItems {
          FastDecimal.add(item.amount.amount, to: &total)
          FastDecimal.add(item.amount.amount, to: &meters[item.meter.groupName, default: 0])
        }
        return total
      }
      return (months: months, meters: meters)
    }
    siteMonthTotals = perSite.map(\.months)
    var meters: [String: Decimal] = [:]
    for site in perSite {
      // Exact sums: any order gives the same.
      for (group, total) in site.meters { FastDecimal.add(total, to: &meters[group, default: 0]) }
    }
    meterTotals = meters.keys.sorted().map { ($0, meters[$0] ?? 0) }.sorted { FastDecimal.isLess($1.1, $0.1) }
    unpriced = budget.unpriced
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

  /// Site indices by growth from the first to the last month (absolute), largest first, at most `limit`;
  /// sites whose cost does not grow are left out.
  public func topSitesByGrowth(_ limit: Int) -> [Int] {
    let growth = siteMonthTotals.map { row in FastDecimal.difference(row.last ?? 0, row.first ?? 0) }
    return Array(
      growth.indices.filter { FastDecimal.isLess(0, growth[$0]) }.sorted {
        !FastDecimal.isEqual(growth[$0], growth[$1]) ? FastDecimal.isLess(growth[$1], growth[$0]) : $0 < $1
      }.prefix(limit))
  }
}
