import Foundation

/// The report of a ``Budget``: totals per month, year, site and meter, every line item in CSV.
public struct BudgetReport: Report {
  /// The budget.
  public var budget: Budget

  /// Creates a report.
  public init(budget: Budget) { self.budget = budget }

  public var document: ReportDocument {
    let b = budget
    let currency = b.currency.rawValue
    let unpriced = b.unpriced
    let average =
      b.months.isEmpty ? b.total : Money((b.total.amount / Decimal(b.months.count)).rounded(toPlaces: 2, rule: .lineItem), currency: b.currency)
    var blocks: [ReportBlock] = [
      .facts([
        ReportFact("Period", "\(b.months.first?.description ?? "") to \(b.months.last?.description ?? "") (\(b.months.count) months)"),
        ReportFact("Sites", String(b.sites.count)),
        ReportFact(
          "Total",
          "\(b.total.groupedAmount) \(currency)"
            + (unpriced.isEmpty ? "" : " (excludes \(unpriced.count) unpriced item\(unpriced.count == 1 ? "" : "s"), listed below)")),
        ReportFact("Average month", "\(average.groupedAmount) \(currency)"),
        ReportFact("Highest month", "\(b.peakMonthTotal.groupedAmount) \(currency)"),
        ReportFact("Prices", b.priceTableName),
        ReportFact("Price date", b.priceDate),
        ReportFact("Hours per month", b.hoursPerMonth.plainDescription),
        ReportFact("Rounding", "each line item to cents, half away from zero; totals are exact sums"),
      ]),
      .chart(
        ReportChart(
          kind: .stackedColumns, title: "Monthly budget by site", categories: b.months.map(\.description),
          series: b.sites.map { site in .init(name: site.name, values: site.months.map { Self.double($0.total.amount) }) },
          valueLabel: "\(currency) per month")),
      .heading("Per month"),
      .table(
        ReportTable(
          columns: [.init("Month")] + b.sites.map { .init($0.name, .right) } + [.init("Total (\(currency))", .right)],
          rows: b.months.indices.map { index in
            [b.months[index].description] + b.sites.map { $0.months[index].total.groupedAmount } + [b.monthTotal(index).groupedAmount]
          },
          footer: ["Total"] + b.sites.map { $0.total(currency: b.currency).groupedAmount } + [b.total.groupedAmount])),
      .heading(b.fiscalYearStart == 1 ? "Per year" : "Per fiscal year"),
      .table(
        ReportTable(
          columns: [.init(b.fiscalYearStart == 1 ? "Year" : "Fiscal year"), .init("Months", .right), .init("Total (\(currency))", .right)],
          rows: b.years.map { year in [year.label, String(year.months.count), b.total(year).groupedAmount] })),
      .heading(b.fiscalYearStart == 1 ? "Per year and site" : "Per fiscal year and site"),
      .table(
        ReportTable(
          columns: [.init("Site")] + b.years.map { .init($0.label, .right) } + [.init("Total (\(currency))", .right)],
          rows: b.sites.map { site in
            [site.name] + b.years.map { b.total(of: site, in: $0).groupedAmount } + [site.total(currency: b.currency).groupedAmount]
          },
          footer: ["Total"] + b.years.map { b.total($0).groupedAmount } + [b.total.groupedAmount])),
      .heading("Per site"),
      .table(
        ReportTable(
          columns: [
            .init("Site"), .init("First month", .right), .init("Last month", .right), .init("Total (\(currency))", .right), .init("Share", .right),
          ],
          rows: b.sites.map { site in
            let total = site.total(currency: b.currency)
            let share = b.total.amount > 0 ? total.amount / b.total.amount * 100 : 0
            return [
              site.name, site.months.first?.total.groupedAmount ?? "", site.months.last?.total.groupedAmount ?? "", total.groupedAmount,
              "\(share.fixedPoint(places: 1))%",
            ]
          })),
      .heading("Per meter"),
      .chart(
        ReportChart(
          kind: .bars, title: "Cost by meter group over the period", categories: b.meterTotals.map(\.group),
          series: [.init(name: "Total", values: b.meterTotals.map { Self.double($0.total.amount) })], valueLabel: currency)),
      .table(
        ReportTable(
          columns: [.init("Meter group"), .init("Total (\(currency))", .right)],
          rows: b.meterTotals.map { [$0.group, $0.total.groupedAmount] })),
    ]
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
    blocks.append(.heading("Not priced"))
    if unpriced.isEmpty {
      blocks.append(.paragraph("Every charge was priced."))
    } else {
      blocks.append(
        .list(
          unpriced.map {
            "\($0.site): \($0.item.resource): \($0.item.meter.displayName), in \($0.months) month\($0.months == 1 ? "" : "s"): \($0.item.reason)"
          }))
    }
    if !b.notes.isEmpty {
      blocks.append(.heading("Assumptions and notes"))
      blocks.append(.list(b.notes))
    }
    blocks.append(.heading("Price sources"))
    blocks.append(.list(b.sources.map(QuoteReport.sourceLine)))
    return ReportDocument(title: "ExpressRoute budget: \(b.name)", blocks: blocks)
  }

  static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

  public var json: JSONValue {
    let b = budget
    return .object([
      ("schema", .string("ercalc.budget")), ("schemaVersion", .number(1)), ("name", .string(b.name)), ("currency", .string(b.currency.rawValue)),
      ("priceTable", .string(b.priceTableName)), ("priceDate", .string(b.priceDate)), ("hoursPerMonth", .string(b.hoursPerMonth.plainDescription)),
      ("months", .array(b.months.map { .string($0.description) })),
      ("monthTotals", .array(b.months.indices.map { .money(b.monthTotal($0)) })),
      ("yearTotals", .array(b.yearTotals.map { .object([("year", .number($0.year)), ("total", .money($0.total))]) })),
      ("fiscalYearStart", .number(b.fiscalYearStart)),
      (
        "years",
        .array(
          b.years.map { year in
            .object([
              ("year", .string(year.label)), ("months", .number(year.months.count)), ("total", .money(b.total(year))),
              ("sites", .array(b.sites.map { .object([("site", .string($0.name)), ("total", .money(b.total(of: $0, in: year)))]) })),
            ])
          })
      ),
      ("meterTotals", .array(b.meterTotals.map { .object([("group", .string($0.group)), ("total", .money($0.total))]) })),
      ("total", .money(b.total)),
      (
        "sites",
        .array(
          b.sites.map { site in
            .object([
              ("name", .string(site.name)), ("total", .money(site.total(currency: b.currency))),
              ("monthTotals", .array(site.months.map { .money($0.total) })),
              (
                "plan",
                .array(
                  (site.sizing?.plan ?? []).map {
                    .object([
                      ("month", .number($0.month + 1)), ("tier", .string($0.tier.name)), ("billing", .string($0.billing.name)),
                      ("bandwidth", .string($0.bandwidth.description)),
                    ])
                  })
              ),
              ("months", .array(site.months.map(QuoteReport.quoteJSON))),
            ])
          })
      ),
      ("notes", .array(b.notes.map { .string($0) })),
    ])
  }

  public var csvRows: [CostRow] {
    budget.sites.flatMap { site in
      site.months.enumerated().flatMap { index, quote in
        QuoteReport.costRows(quote, period: budget.months[index].description, group: site.name)
      }
    }
  }
}
