import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

/// The report of a ``Budget``: totals per month, year, group and site, the largest and fastest-growing sites, and
/// every line item in CSV.
///
/// Sites are rows, never columns, so the report reads the same at 3 sites and at 1,000: the site × month matrix
/// and each site's line items appear in text, Markdown and HTML only for small portfolios
/// (``detailSiteLimit`` sites or fewer) or when ``showsDetails`` asks for them. JSON always holds the site × month
/// totals and each site's first month, and every month's quote under the same rule; CSV holds every line item.
public struct BudgetReport: Report {
  /// The budget.
  public var budget: Budget
  /// The tag to group sites by (`region`), if any.
  public var groupBy: String?
  /// How many sites the top-sites tables list.
  public var top: Int
  /// Whether to show the site × month matrix and each site's line items whatever the portfolio's size.
  public var showsDetails: Bool
  /// The budget's totals, summed once (by the caller when it needs them too, such as for a gate).
  public var summary: BudgetSummary

  /// Portfolios up to this many sites show the site × month matrix and each site's line items by default.
  public static let detailSiteLimit = 12

  /// Creates a report; sites are grouped by the tag `groupBy` when given.
  public init(
    budget: Budget, groupBy: String? = nil, top: Int = 10, showsDetails: Bool = false, summary: BudgetSummary? = nil
  ) {
    self.budget = budget
    self.groupBy = groupBy
    self.top = top
    self.showsDetails = showsDetails
    self.summary = summary ?? BudgetSummary(budget, groupBy: groupBy)
  }

  static func amount(_ value: Decimal) -> String { value.grouped(places: 2) }

  /// An amount as a table shows it: `not priced` when charges were left out and none was priced (unknown, never
  /// 0.00), marked ` *` when it leaves out charges that could not be priced.
  static func amount(_ value: Decimal, _ coverage: BudgetSummary.Coverage) -> String {
    coverage.isUnknown ? "not priced" : coverage.hasUnpriced ? amount(value) + " *" : amount(value)
  }

  /// The coverage of `sites` over every month of the budget.
  func coverage(_ sites: [Int]) -> BudgetSummary.Coverage {
    coverage(sites, months: budget.months.indices)
  }

  /// The coverage of `sites` over `months` (indices into the budget's months).
  func coverage(_ sites: [Int], months: some Sequence<Int>) -> BudgetSummary.Coverage {
    summary.coverage(sites: sites, months: months)
  }

  static func share(_ part: Decimal, of whole: Decimal) -> String {
    FastDecimal.isLess(0, whole) ? "\(FastDecimal.product(part / whole, 100).fixedPoint(places: 1))%" : "-"
  }

  public var document: ReportDocument {
    let b = budget
    let currency = b.currency.rawValue
    let unpriced = summary.unpriced
    let details = showsDetails || b.sites.count <= Self.detailSiteLimit
    let grouped = groupBy != nil
    let average =
      b.months.isEmpty ? summary.total : (summary.total / Decimal(b.months.count)).rounded(toPlaces: 2, rule: .lineItem)
    let yearWord = b.fiscalYearStart == 1 ? "year" : "fiscal year"
    let allSites = Array(b.sites.indices)
    let overall = coverage(allSites)  // the whole budget's, scanned once
    var facts = [
      ReportFact(
        "Period",
        "\(b.months.first?.description ?? "") to \(b.months.last?.description ?? "") (\(b.months.count) months)"),
      ReportFact("Sites", String(b.sites.count)),
    ]
    let refusedWhole = b.refused.filter { $0.from == nil }.count
    if !b.refused.isEmpty {
      var parts: [String] = []
      if refusedWhole > 0 { parts.append("\(refusedWhole) site\(refusedWhole == 1 ? "" : "s") not budgeted") }
      let cut = b.refused.count - refusedWhole
      if cut > 0 { parts.append("\(cut) site\(cut == 1 ? "" : "s") budgeted only up to a month") }
      facts.append(ReportFact("Refused", parts.joined(separator: ", ") + "; listed under 'Refused'"))
    }
    if let groupBy {
      facts.append(
        ReportFact("Grouped by", "\(groupBy) (\(summary.groups.count) group\(summary.groups.count == 1 ? "" : "s"))"))
    }
    facts +=
      [
        ReportFact(
          "Total",
          (overall.isUnknown ? "not priced" : "\(Self.amount(summary.total)) \(currency)")
            + (unpriced.isEmpty
              ? "" : " (excludes \(unpriced.count) unpriced item\(unpriced.count == 1 ? "" : "s"), listed below)"))
      ] + listFacts + overrunFacts + [
        ReportFact(
          "Average month", overall.isUnknown ? "not priced" : "\(Self.amount(average)) \(currency)"),
        ReportFact(
          "Highest month",
          overall.isUnknown ? "not priced" : "\(Self.amount(summary.peakMonthTotal)) \(currency)"),
      ] + b.basis.facts + [
        ReportFact("Rounding", "each line item to cents, half away from zero; totals are exact sums")
      ]
    var blocks: [ReportBlock] = [.facts(facts)]
    // What the total leaves out or cannot deliver comes first, before any table a reader might stop at.
    blocks += refusedBlocks + overrunBlocks + unpricedBlocks
    blocks.append(.chart(monthlyChart(summary)))

    // Monthly totals: the site × month matrix only when it stays readable.
    blocks.append(.heading("Per month"))
    if !unpriced.isEmpty {
      blocks.append(
        .paragraph(
          "An amount marked * leaves out charges that could not be priced (listed under 'Not priced'); \"not priced\" stands where nothing could be priced, so the amount is unknown."
        ))
    }
    // A month × column matrix: each column's name, its amount in every month, and its total.
    // Each column's sites, so a cell that leaves out unpriced charges is marked (and one with none priced says so).
    func matrix(_ names: [String], _ monthly: [[Decimal]], _ totals: [Decimal], sites: [[Int]]) -> ReportBlock {
      .table(
        ReportTable(
          columns: [.init("Month")] + names.map { .init($0, .right) } + listColumns + [
            .init("Total (\(currency))", .right)
          ],
          rows: b.months.indices.map { index in
            [b.months[index].description]
              + monthly.indices.map { Self.amount(monthly[$0][index], coverage(sites[$0], months: [index])) }
              + listCell(month: index) + [Self.amount(summary.monthTotals[index], coverage(allSites, months: [index]))]
          },
          footer: ["Total"] + totals.indices.map { Self.amount(totals[$0], coverage(sites[$0])) } + listTotalCell
            + [Self.amount(summary.total, overall)]))
    }
    if details && !grouped {
      blocks.append(
        matrix(
          b.sites.map(\.name), summary.siteMonthTotals, summary.siteTotals, sites: b.sites.indices.map { [$0] }))
    } else if grouped && summary.groups.count <= Self.detailSiteLimit {
      blocks.append(
        matrix(
          summary.groups.map(\.name), summary.groups.map { summary.monthTotals(of: $0) },
          summary.groups.map { summary.yearTotals(of: $0).total }, sites: summary.groups.map(\.sites)))
    } else {
      blocks.append(
        .table(
          ReportTable(
            columns: [.init("Month")] + listColumns + [.init("Total (\(currency))", .right), .init("Change", .right)],
            rows: b.months.indices.map { index in
              let change = index == 0 ? "" : Self.signed(summary.monthTotals[index] - summary.monthTotals[index - 1])
              return [b.months[index].description] + listCell(month: index) + [
                Self.amount(summary.monthTotals[index], coverage(allSites, months: [index])), change,
              ]
            },
            footer: ["Total"] + listTotalCell + [Self.amount(summary.total, overall), ""])))
      blocks.append(
        .paragraph(
          "Each site's month-by-month amounts are in the JSON and CSV formats (or shown here with the details option).")
      )
    }

    blocks.appendTable(
      "Per \(yearWord)",
      columns: [
        .init(yearWord.prefix(1).uppercased() + yearWord.dropFirst()), .init("Months", .right),
      ] + listColumns + [.init("Total (\(currency))", .right)],
      rows: summary.years.indices.map { index in
        [summary.years[index].label, String(summary.years[index].months.count)] + listCell(year: index) + [
          Self.amount(summary.yearTotals[index], coverage(allSites, months: summary.years[index].months))
        ]
      },
      footer: ["Total", String(b.months.count)] + listTotalCell + [Self.amount(summary.total, overall)])

    if let groupBy {
      blocks.appendTable(
        "Per \(yearWord) and \(groupBy)",
        columns: [.init(groupBy), .init("Sites", .right)] + summary.years.map { .init($0.label, .right) } + [
          .init("Total (\(currency))", .right), .init("Share", .right),
        ],
        rows: summary.groups.map { group in
          let totals = summary.yearTotals(of: group)
          // Sites of the group refused whole are in no total: the count says so.
          let refused = Self.refusedSites(b, in: group.name, tag: groupBy).count
          return [group.name, String(group.sites.count) + (refused > 0 ? " (+\(refused) refused)" : "")]
            + totals.years.indices.map {
              Self.amount(totals.years[$0], coverage(group.sites, months: summary.years[$0].months))
            } + [
              Self.amount(totals.total, coverage(group.sites)),
              coverage(group.sites).isUnknown ? "-" : Self.share(totals.total, of: summary.total),
            ]
        }
          // A group whose every site was refused has no total, but its refusals are listed too.
          + Self.refusedOnlyGroups(b, tag: groupBy, known: summary.groups.map(\.name)).map { name, count in
            [name, "0 (+\(count) refused)"] + summary.years.map { _ in "-" } + ["-", "-"]
          },
        footer: ["Total", String(b.sites.count)]
          + summary.yearTotals.indices.map {
            Self.amount(summary.yearTotals[$0], coverage(allSites, months: summary.years[$0].months))
          } + [Self.amount(summary.total, overall), overall.isUnknown ? "-" : "100.0%"])
    }

    if b.sites.count > Self.detailSiteLimit {
      let tag = groupBy.map { [ReportTable.Column($0)] } ?? []
      func group(_ site: Int) -> [String] { groupBy.map { [b.sites[site].tags[$0] ?? "(no \($0))"] } ?? [] }
      let byCost = summary.topSitesByCost(top)
      blocks.appendTable(
        "Top \(byCost.count) sites by cost",
        columns: [.init("Rank", .right), .init("Site")] + tag + [
          .init("Total (\(currency))", .right), .init("Share", .right),
        ],
        rows: byCost.enumerated().map { rank, site in
          [String(rank + 1), b.sites[site].name] + group(site) + [
            Self.amount(summary.siteTotals[site], coverage([site])),
            coverage([site]).isUnknown ? "-" : Self.share(summary.siteTotals[site], of: summary.total),
          ]
        })
      // A site whose first or last month could not be priced has no known growth: not ranked.
      let byGrowth = summary.topSitesByGrowth(top).filter { site in
        !coverage([site], months: [0]).isUnknown && !coverage([site], months: [b.months.count - 1]).isUnknown
      }
      if !byGrowth.isEmpty {
        blocks.appendTable(
          "Top \(byGrowth.count) sites by growth (first to last month)",
          columns: [.init("Rank", .right), .init("Site")] + tag + [
            .init("\(b.months.first?.description ?? "First")", .right),
            .init("\(b.months.last?.description ?? "Last")", .right),
            .init("Change", .right), .init("Change %", .right),
          ],
          rows: byGrowth.enumerated().map { rank, site in
            let row = summary.siteMonthTotals[site]
            let first = row.first ?? 0
            let last = row.last ?? 0
            return [String(rank + 1), b.sites[site].name] + group(site) + [
              Self.amount(first, coverage([site], months: [0])),
              Self.amount(last, coverage([site], months: [row.count - 1])), Self.signed(last - first),
              first > 0 ? "+" + Self.share(last - first, of: first) : "new",
            ]
          })
      }
    }

    // Every site's row only where the table stays readable (or on request): at 1,000 sites it would be most of the
    // report, and the JSON and CSV hold it.
    blocks.append(.heading("Per \(yearWord) and site"))
    blocks.append(
      details
        ? siteYearTable
        : .paragraph(
          "Each site's totals per \(yearWord) are in the JSON and CSV formats (or shown here with the details option).")
    )

    // The chart draws the priced groups; the table lists every group, unknown ones as not priced.
    let priced = summary.meterTotals.filter { !$0.coverage.isUnknown }
    blocks.append(.heading("Per meter"))
    blocks.append(
      .chart(
        ReportChart(
          kind: .bars, title: "Cost by meter group over the period", categories: priced.map(\.group),
          series: [.init(name: "Total", values: priced.map { Self.double($0.total) })], valueLabel: currency
        )))
    blocks.append(
      .table(
        ReportTable(
          columns: [.init("Meter group"), .init("Total (\(currency))", .right)],
          rows: summary.meterTotals.map { [$0.group, Self.amount($0.total, $0.coverage)] },
          footer: ["Total", Self.amount(summary.total, overall)])))
    if details {
      for site in b.sites {
        guard let first = site.months.first else { continue }
        blocks.append(.heading("\(site.name): first month (\(b.months.first?.description ?? ""))"))
        blocks.append(.table(QuoteReport.lineItemTable(first)))
        if let sizing = site.sizing, sizing.plan.count > 1 {
          blocks.append(
            .list(
              sizing.plan.map {
                "from \(b.months.first?.advanced(by: $0.month).description ?? ""): \($0.tier.name) \($0.billing.name) \($0.bandwidth) (\($0.reason))"
              }))
        }
      }
    }
    let siteNotes = details ? b.sites.flatMap { site in site.notes.map { "\(site.name): \($0)" } } : []
    if !b.notes.isEmpty || !siteNotes.isEmpty {
      blocks.append(.heading("Assumptions and notes"))
      blocks.append(.list(b.notes + siteNotes))
    }
    blocks.append(.heading("Price sources"))
    blocks.append(.list(b.sources.map(QuoteReport.sourceLine)))
    return ReportDocument(title: "ExpressRoute budget: \(b.name)", blocks: blocks)
  }

  /// Every site's total per budget year, in group order, with its share.
  var siteYearTable: ReportBlock {
    let b = budget
    let grouped = groupBy != nil
    let currency = b.currency.rawValue
    let siteOrder = summary.groups.flatMap(\.sites)
    let allSites = Array(b.sites.indices)
    let overall = coverage(allSites)
    return .table(
      ReportTable(
        columns: [.init("Site")] + (groupBy.map { [ReportTable.Column($0)] } ?? [])
          + summary.years.map { .init($0.label, .right) } + [
            .init("Total (\(currency))", .right), .init("Share", .right),
          ],
        rows: siteOrder.map { site in
          [b.sites[site].name] + (groupBy.map { [b.sites[site].tags[$0] ?? "(no \($0))"] } ?? [])
            + summary.siteYearTotals[site].indices.map {
              Self.amount(summary.siteYearTotals[site][$0], coverage([site], months: summary.years[$0].months))
            }
            + [
              Self.amount(summary.siteTotals[site], coverage([site])),
              coverage([site]).isUnknown ? "-" : Self.share(summary.siteTotals[site], of: summary.total),
            ]
        },
        footer: ["Total"] + (grouped ? [""] : [])
          + summary.yearTotals.indices.map {
            Self.amount(summary.yearTotals[$0], coverage(allSites, months: summary.years[$0].months))
          } + [Self.amount(summary.total, overall), overall.isUnknown ? "-" : "100.0%"]))
  }

  /// `site: not budgeted: reason`, or `site: reason` for months refused (the reason names the first).
  static func refusalLine(_ refusal: Budget.Refusal) -> String {
    "\(refusal.site): \(refusal.from == nil ? "not budgeted: " : "")\(refusal.reason)"
  }

  static func signed(_ value: Decimal) -> String { value > 0 ? "+" + amount(value) : amount(value) }

  /// Markers where a sized site's plan changes its circuit, labelled with the site, the new circuit and its first
  /// month (up to six, so the chart's key stays short; small portfolios only).
  func upgradeMarkers(_ summary: BudgetSummary) -> [ReportChart.Marker] {
    guard groupBy == nil, budget.sites.count <= Self.detailSiteLimit else { return [] }
    let steps = budget.sites.flatMap { site in
      (site.sizing?.plan.dropFirst() ?? []).map { (site.name, $0) }
    }
    return steps.sorted { $0.1.month < $1.1.month }.prefix(6).map { name, step in
      let month = budget.months.first?.advanced(by: step.month).description ?? ""
      return .init(
        position: Double(step.month) - 0.5, label: "\(name): \(step.bandwidth) \(step.billing.name) from \(month)")
    }
  }

  /// Monthly totals stacked by group or by site, at most ``ReportChart/maximumSeries`` of them: beyond that the
  /// largest groups or sites and one grey remainder ("Other 989 sites"), summed exactly before drawing.
  func monthlyChart(_ summary: BudgetSummary) -> ReportChart {
    let b = budget
    let limit = ReportChart.maximumSeries
    var named: [(name: String, months: [Decimal])]
    let noun: String
    var unknown = 0
    if groupBy != nil {
      noun = "groups"
      named = summary.groups.map { ($0.name, summary.monthTotals(of: $0)) }
      let known = summary.groups.map { !coverage($0.sites).isUnknown }
      unknown = known.filter { !$0 }.count
      named = named.indices.filter { known[$0] }.map { named[$0] }
    } else {
      noun = "sites"
      named = b.sites.indices.filter { !coverage([$0]).isUnknown }.map {
        (b.sites[$0].name, summary.siteMonthTotals[$0])
      }
      unknown = b.sites.count - named.count
    }
    let series: [ReportChart.Series]
    var title = groupBy.map { "Monthly budget by \($0)" } ?? "Monthly budget by site"
    let notDrawn =
      unknown == 0 ? "" : " (\(unknown) \(unknown == 1 ? String(noun.dropLast()) : noun) not priced, not drawn)"
    if named.count <= limit {
      series = named.map { .init(name: $0.name, values: $0.months.map(Self.double)) }
    } else {
      // The largest by total over the period, largest first (ties in input order).
      let totals = named.map { $0.months.reduce(0, FastDecimal.sum) }
      let shown = named.indices.sorted {
        !FastDecimal.isEqual(totals[$0], totals[$1]) ? FastDecimal.isLess(totals[$1], totals[$0]) : $0 < $1
      }.prefix(limit - 1)
      let kept = Set(shown)
      var other = [Decimal](repeating: 0, count: b.months.count)
      for index in named.indices where !kept.contains(index) {
        for (month, value) in named[index].months.enumerated() where month < other.count {
          FastDecimal.add(value, to: &other[month])
        }
      }
      // Grouped like every other number ("Other 9,993 sites").
      let rest = Decimal(named.count - shown.count).grouped(places: 0)
      title = "Monthly budget: the \(shown.count) largest \(noun) and the other \(rest)"
      series =
        shown.map { .init(name: named[$0].name, values: named[$0].months.map(Self.double)) } + [
          .init(name: "Other \(rest) \(noun)", values: other.map(Self.double), isRemainder: true)
        ]
    }
    return ReportChart(
      kind: .stackedColumns, title: title + notDrawn, categories: b.months.map(\.description), series: series,
      valueLabel: "\(b.currency.rawValue) per month",
      markers: upgradeMarkers(summary), categoryLabel: "Month")
  }
}
