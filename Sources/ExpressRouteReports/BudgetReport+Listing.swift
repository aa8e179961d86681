import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import Foundation

extension BudgetReport {
  static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

  public var json: JSONValue { budget.basis.withDiscount(listedJSON) }

  var listedJSON: JSONValue {
    let b = budget
    let details = showsDetails || b.sites.count <= Self.detailSiteLimit
    func money(_ value: Decimal) -> JSONValue { .money(Money(value, currency: b.currency)) }
    // Unknown (null), never 0.00, where charges were left out and none of `sites` was priced over `months`.
    let allSites = Array(b.sites.indices)
    func money(_ value: Decimal, _ sites: [Int], _ months: some Sequence<Int>) -> JSONValue {
      coverage(sites, months: months).isUnknown ? .null : money(value)
    }
    var calendarYears: [(year: Int, total: Decimal, months: [Int])] = []
    for (index, month) in b.months.enumerated() {
      if let last = calendarYears.last, last.year == month.year {
        calendarYears[calendarYears.count - 1].total += summary.monthTotals[index]
        calendarYears[calendarYears.count - 1].months.append(index)
      } else {
        calendarYears.append((month.year, summary.monthTotals[index], [index]))
      }
    }
    return .object([
      ("schema", .string("ercalc.budget")), ("schemaVersion", .number(1)), ("name", .string(b.name)),
      ("currency", .string(b.currency.rawValue)),
      ("priceTable", .string(b.priceTableName)), ("priceDate", .string(b.priceDate)),
      ("hoursPerMonth", .string(b.hoursPerMonth.plainDescription)),
      ("months", .array(b.months.map { .string($0.description) })),
      ("monthTotals", .array(summary.monthTotals.indices.map { money(summary.monthTotals[$0], allSites, [$0]) })),
      // At list prices (before any negotiated discount): equal to monthTotals when none applies.
      (
        "monthListTotals",
        .array(summary.monthListTotals.indices.map { money(summary.monthListTotals[$0], allSites, [$0]) })
      ),
      (
        "yearTotals",
        .objects(calendarYears) {
          [("year", .number($0.year)), ("total", money($0.total, allSites, $0.months))]
        }
      ),
      ("fiscalYearStart", .number(b.fiscalYearStart)),
      (
        "years",
        .objects(summary.years.indices) { year in
          [
            ("year", .string(summary.years[year].label)), ("months", .number(summary.years[year].months.count)),
            ("total", money(summary.yearTotals[year], allSites, summary.years[year].months)),
            ("listTotal", money(summary.yearListTotals[year], allSites, summary.years[year].months)),
            (
              "sites",
              .objects(b.sites.indices) {
                [
                  ("site", .string(b.sites[$0].name)),
                  ("total", money(summary.siteYearTotals[$0][year], [$0], summary.years[year].months)),
                ]
              }
            ),
          ]
        }
      ),
      ("groupBy", .string(groupBy)),
      (
        "groups",
        .array(
          groupBy == nil
            ? []
            : summary.groups.map { group in
              let totals = summary.yearTotals(of: group)
              return .object([
                ("name", .string(group.name)), ("sites", .array(group.sites.map { .string(b.sites[$0].name) })),
                ("refused", .strings(Self.refusedSites(b, in: group.name, tag: groupBy))),
                (
                  "yearTotals",
                  .array(totals.years.indices.map { money(totals.years[$0], group.sites, summary.years[$0].months) })
                ),
                ("total", money(totals.total, group.sites, b.months.indices)),
              ])
            }
              + Self.refusedOnlyGroups(b, tag: groupBy, known: summary.groups.map(\.name)).map { name, _ in
                .object([
                  ("name", .string(name)), ("sites", .array([])),
                  ("refused", .strings(Self.refusedSites(b, in: name, tag: groupBy))),
                  ("yearTotals", .array(summary.years.map { _ in .null })), ("total", .null),
                ])
              })
      ),
      (
        "meterTotals",
        .objects(summary.meterTotals) {
          [
            ("group", .string($0.group)), ("total", $0.coverage.isUnknown ? .null : money($0.total)),
            ("complete", .bool(!$0.coverage.hasUnpriced)),
          ]
        }
      ),
      ("total", money(summary.total, allSites, b.months.indices)),
      ("listTotal", money(summary.listTotal, allSites, b.months.indices)),
      (
        "capacityOverruns",
        .objects(b.overruns) {
          [
            ("site", .string($0.site)), ("circuit", .string($0.circuit)),
            ("bandwidth", .string($0.bandwidth.description)), ("firstMonth", .string($0.firstMonth.description)),
            ("egressGB", .string($0.egress.gigabytes.plainDescription)),
            ("capacityGB", .string($0.capacity.gigabytes.plainDescription)), ("months", .number($0.months)),
          ]
        }
      ),
      (
        "sites",
        .objects(b.sites.indices) { index in
          let site = b.sites[index]
          return [
            ("name", .string(site.name)),
            ("tags", .object(site.tags.keys.sorted().map { ($0, .string(site.tags[$0] ?? "")) })),
            // Unknown, not 0.00, where charges were left out and none was priced.
            ("total", coverage([index]).isUnknown ? .null : money(summary.siteTotals[index])),
            (
              "monthTotals",
              .array(
                summary.siteMonthTotals[index].indices.map { month in
                  summary.siteMonthCoverage[index][month].isUnknown
                    ? .null : money(summary.siteMonthTotals[index][month])
                })
            ),
            ("unpricedItems", .number(site.months.reduce(0) { $0 + $1.unpriced.count })),
            (
              "plan",
              .objects((site.sizing?.plan ?? [])) {
                [
                  ("month", .number($0.month + 1)), ("tier", .string($0.tier.name)),
                  ("billing", .string($0.billing.name)),
                  ("bandwidth", .string($0.bandwidth.description)),
                ]
              }
            ),
            // Every month's quote with its line items at 1,000 sites is hundreds of MB: the first month's, and the
            // rest on request (every line item of every month is in the CSV).
            ("firstMonth", site.months.first.map(QuoteReport.quoteJSON) ?? .null),
            ("months", details ? .array(site.months.map(QuoteReport.quoteJSON)) : .null),
            ("notes", .strings(site.notes)),
          ]
        }
      ),
      ("notes", .strings(b.notes)),
      ("complete", .bool(b.isComplete && summary.unpriced.isEmpty)),
      (
        "refused",
        .objects(b.refused) {
          [
            ("site", .string($0.site)), ("from", .string($0.from?.description)), ("reason", .string($0.reason)),
          ]
        }
      ),
      (
        "unpriced",
        .objects(summary.unpriced) {
          [
            ("site", .string($0.site)), ("resource", .string($0.item.resource)),
            ("meter", .string($0.item.meter.displayName)),
            ("months", .number($0.months)), ("reason", .string($0.item.reason)),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { Self.costRows(budget) }

  /// The FOCUS rows of `b`: each site's months, and one unpriced row a month for a site refused whole.
  static func costRows(_ b: Budget) -> [CostRow] {
    b.sites.flatMap { costRows(of: $0, months: b.months) } + refusedRows(b)
  }

  /// One site's FOCUS rows, month by month; resource names are scoped by the site, so they are unique.
  static func costRows(of site: Budget.Site, months: [MonthKey]) -> [CostRow] {
    site.months.enumerated().flatMap { index, quote in
      QuoteReport.costRows(
        quote, period: months[index].description, group: site.name, tags: site.tags, scope: site.name,
        scopedName: true)
    }
  }

  /// A site refused whole has no months of its own: one unpriced row per budget month, so the CSV names it too. Two
  /// entries refused under one name (an unreadable site, then a valid one refused as its duplicate) are one row a
  /// month with both reasons, as they are one `ResourceId`.
  static func refusedRows(_ b: Budget) -> [CostRow] {
    var refusals: [Budget.Refusal] = []
    for refusal in b.refused where refusal.from == nil {
      if let index = refusals.firstIndex(where: { $0.site == refusal.site }) {
        // The same reason again (a third entry under the name) is said once.
        if !refusals[index].reason.contains("; also: \(refusal.reason)") {
          refusals[index].reason += "; also: \(refusal.reason)"
        }
        refusals[index].tags.merge(refusal.tags) { first, _ in first }
      } else {
        refusals.append(refusal)
      }
    }
    return refusals.flatMap { refusal in
      b.months.map { month in
        let (start, end) = QuoteReport.periodBounds(month.description)
        var row = CostRow.unplaced(
          currency: b.currency, periodStart: start, periodEnd: end, resource: "site '\(refusal.site)'",
          reason: "not budgeted: \(refusal.reason)", priceDate: b.priceDate, group: refusal.site,
          tags: refusal.tags)
        row.scope = refusal.site
        return row
      }
    }
  }

  /// The CSV pieces of a budget written site by site (``UseCases`` streams a large budget this way): the header,
  /// each site's rows, then the refused sites' rows. Joined in that order they are the CSV ``render(_:)`` writes.
  public enum CSVPieces {
    /// The header row.
    public static var header: [UInt8] { CostRow.csvHeaderBytes }

    /// The budget's months with their period bounds as CSV field bytes, worked out once for every site.
    public struct Periods: Sendable {
      package let months: [MonthKey]
      let texts: [String]
      let fields: [(start: [UInt8], end: [UInt8])]

      /// The periods of `months`.
      public init(_ months: [MonthKey]) {
        self.months = months
        texts = months.map(\.description)
        fields = texts.map { text in
          let (start, end) = QuoteReport.periodBounds(text)
          return (CSVWriter.fieldBytes(start), CSVWriter.fieldBytes(end))
        }
      }
    }

    /// `site`'s rows over `periods`' months. The row of an item equal to the same item of the month before (a
    /// circuit's monthly fee, a gateway's hours; every row when a fixed site's quote did not change) is written from
    /// that row's CSV bytes with this month's period put in, instead of being made and formatted again.
    public static func rows(of site: Budget.Site, periods: Periods) -> [UInt8] {
      var bytes: [UInt8] = []
      var previous: (quote: Quote, encoded: [PeriodlessRow])?
      let tagText = CostRow.tagText(site.tags)  // one site, one tag set
      for (index, quote) in site.months.enumerated() {
        let encoded: [PeriodlessRow]
        if let previous, previous.quote == quote {
          encoded = previous.encoded
        } else {
          let maker = QuoteReport.CostRowMaker(
            quote, period: periods.texts[index], group: site.name, tags: site.tags, scope: site.name,
            scopedName: true, tagText: tagText)
          encoded =
            previous.flatMap { reused(from: $0.quote, encoded: $0.encoded, maker: maker) }
            ?? maker.rows.map { PeriodlessRow($0.fields) }
        }
        let bounds = periods.fields[index]
        if index == 0 {
          // Every month has about the first month's bytes: one allocation for the site.
          bytes.reserveCapacity(encoded.reduce(0) { $0 + $1.bytes.count + 96 } * site.months.count)
        }
        for row in encoded { row.write(period: bounds, to: &bytes) }
        previous = (quote, encoded)
      }
      return bytes
    }

    /// `maker`'s rows, each item equal to the same item of the month before (`previous`, whose rows are `encoded`)
    /// taken from those bytes, the others made; `nil` when the two quotes' rows do not line up item for item.
    static func reused(from previous: Quote, encoded: [PeriodlessRow], maker: QuoteReport.CostRowMaker)
      -> [PeriodlessRow]?
    {
      let quote = maker.quote
      guard maker.sharesFrame(with: previous), quote.lineItems.count == previous.lineItems.count,
        quote.oneTime.count == previous.oneTime.count, quote.unpriced.count == previous.unpriced.count,
        quote.skippedResources.count == previous.skippedResources.count
      else { return nil }
      var rows: [PeriodlessRow] = []
      rows.reserveCapacity(encoded.count)
      func add<Item: Equatable>(_ items: [Item], _ before: [Item], row: (Item) -> CostRow) {
        for (item, old) in zip(items, before) {
          rows.append(item == old ? encoded[rows.count] : PeriodlessRow(row(item).fields))
        }
      }
      add(quote.lineItems, previous.lineItems) { maker.row($0) }
      add(quote.oneTime, previous.oneTime) { maker.row($0) }
      add(quote.unpriced, previous.unpriced) { maker.row($0) }
      add(quote.skippedResources, previous.skippedResources) { maker.row(skipped: $0) }
      return rows
    }

    /// Which columns hold a row's period: `true` for a start (`BillingPeriodStart`, `ChargePeriodStart`), `false` for
    /// an end (`BillingPeriodEnd`, `ChargePeriodEnd`), `nil` for every other column.
    static let periodColumns: [Bool?] = CostRow.header.map { name in
      switch name {
      case "BillingPeriodStart", "ChargePeriodStart": true
      case "BillingPeriodEnd", "ChargePeriodEnd": false
      default: nil
      }
    }

    /// One row's CSV bytes (CRLF included) without its period fields: each period column is a cut in ``bytes``,
    /// filled with the month's start or end as the row is written, so a row repeated month after month is formatted
    /// once.
    struct PeriodlessRow {
      /// The row's bytes with nothing at its period columns.
      var bytes: [UInt8]
      /// Where each period field goes in ``bytes``, in column order, and whether it is a start (`true`) or an end.
      var cuts: [(offset: Int, isStart: Bool)]

      init(_ fields: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(640)
        var cuts: [(offset: Int, isStart: Bool)] = []
        for index in fields.indices {
          if index > 0 { bytes.append(UInt8(ascii: ",")) }
          if index < periodColumns.count, let isStart = periodColumns[index] {
            cuts.append((bytes.count, isStart))
          } else {
            CSVWriter.appendField(fields[index], to: &bytes)
          }
        }
        bytes.append(contentsOf: "\r\n".utf8)
        self.bytes = bytes
        self.cuts = cuts
      }

      /// Appends the row with `period`'s start and end (CSV field bytes) in its period columns.
      func write(period: (start: [UInt8], end: [UInt8]), to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { row in
          var from = 0
          for cut in cuts {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: row[from..<cut.offset]))
            output.append(contentsOf: cut.isStart ? period.start : period.end)
            from = cut.offset
          }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: row[from...]))
        }
      }
    }

    /// The rows of the sites `budget` refused whole.
    public static func refusedRows(_ budget: Budget) -> [UInt8] { CostRow.csvBytes(BudgetReport.refusedRows(budget)) }
  }

  /// The groups, by `tag`, that hold only sites refused whole (no budgeted site), with how many: in name order, the
  /// sites without the tag last.
  static func refusedOnlyGroups(_ budget: Budget, tag: String?, known: [String]) -> [(name: String, count: Int)] {
    guard let tag else { return [] }
    let untagged = "(no \(tag))"
    var counts: [String: Int] = [:]
    for refusal in budget.refused where refusal.from == nil {
      let name = refusal.tags[tag] ?? untagged
      if !known.contains(name) { counts[name, default: 0] += 1 }
    }
    return counts.keys.sorted { ($0 == untagged ? 1 : 0, $0) < ($1 == untagged ? 1 : 0, $1) }.map {
      ($0, counts[$0] ?? 0)
    }
  }

  /// The sites refused whole whose `tag` puts them in the group named `group` (`(no tag)` for those without it).
  static func refusedSites(_ budget: Budget, in group: String, tag: String?) -> [String] {
    guard let tag else { return [] }
    return budget.refused.filter { $0.from == nil && ($0.tags[tag] ?? "(no \(tag))") == group }.map(\.site)
  }
}
