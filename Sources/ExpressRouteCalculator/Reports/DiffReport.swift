import Foundation

/// The cost difference between two deployments (monthly) or two portfolios (over their period).
public struct DiffReport: Report {
  /// One compared item.
  public struct Row: Hashable, Sendable {
    /// What is compared (`circuit 'ams' · Standard MeteredData 1 Gbps circuit, Zone 1`).
    public var item: String
    /// The amount before, if the item exists there.
    public var before: Money?
    /// The amount after, if the item exists there.
    public var after: Money?

    /// After minus before (a missing side counts as zero).
    public func change(currency: CurrencyCode) -> Money { (after ?? .zero(currency)) - (before ?? .zero(currency)) }
  }

  /// The names of the two sides.
  public var beforeName: String
  /// The name of the second side.
  public var afterName: String
  /// What the amounts are (`monthly` or `2027-01 to 2027-12`).
  public var basis: String
  /// The rows, in first-seen order.
  public var rows: [Row]
  /// The currency.
  public var currency: CurrencyCode
  /// Unpriced charges on either side.
  public var unpriced: [String]
  /// The price date.
  public var priceDate: String
  /// Hours per month used for hourly meters.
  public var hoursPerMonth: Decimal

  /// Compares two quotes line by line.
  public init(before: Quote, after: Quote) {
    func entries(_ quote: Quote) -> [(String, Money)] {
      quote.lineItems.map { ("\($0.resource) · \($0.meter.displayName)", $0.amount) }
    }
    self.init(
      beforeName: before.name, afterName: after.name, basis: "monthly", before: entries(before), after: entries(after), currency: before.currency,
      unpriced: before.unpriced.map { "before: \($0.resource): \($0.meter.displayName)" } + after.unpriced.map { "after: \($0.resource): \($0.meter.displayName)" },
      priceDate: after.priceDate, hoursPerMonth: after.hoursPerMonth)
  }

  /// Compares two budgets by site and meter group over their periods.
  public init(before: Budget, after: Budget) {
    func entries(_ budget: Budget) -> [(String, Money)] {
      var result: [(String, Money)] = []
      for site in budget.sites {
        var groups: [(String, Decimal)] = []
        for quote in site.months {
          for item in quote.lineItems {
            if let index = groups.firstIndex(where: { $0.0 == item.meter.section }) {
              groups[index].1 += item.amount.amount
            } else {
              groups.append((item.meter.section, item.amount.amount))
            }
          }
        }
        result += groups.map { ("\(site.name) · \($0.0)", Money($0.1, currency: budget.currency)) }
      }
      return result
    }
    self.init(
      beforeName: before.name, afterName: after.name,
      basis: "\(after.months.first?.description ?? "") to \(after.months.last?.description ?? "")", before: entries(before), after: entries(after),
      currency: before.currency,
      unpriced: before.unpriced.map { "before: \($0.site): \($0.item.resource): \($0.item.meter.displayName)" }
        + after.unpriced.map { "after: \($0.site): \($0.item.resource): \($0.item.meter.displayName)" },
      priceDate: after.priceDate, hoursPerMonth: after.hoursPerMonth)
  }

  init(
    beforeName: String, afterName: String, basis: String, before: [(String, Money)], after: [(String, Money)], currency: CurrencyCode,
    unpriced: [String], priceDate: String, hoursPerMonth: Decimal
  ) {
    self.hoursPerMonth = hoursPerMonth
    self.beforeName = beforeName
    self.afterName = afterName
    self.basis = basis
    self.currency = currency
    self.unpriced = unpriced
    self.priceDate = priceDate
    var rows: [Row] = []
    func add(_ key: String, before: Money?, after: Money?) {
      if let index = rows.firstIndex(where: { $0.item == key }) {
        if let before { rows[index].before = (rows[index].before ?? .zero(currency)) + before }
        if let after { rows[index].after = (rows[index].after ?? .zero(currency)) + after }
      } else {
        rows.append(Row(item: key, before: before, after: after))
      }
    }
    for (key, amount) in before { add(key, before: amount, after: nil) }
    for (key, amount) in after { add(key, before: nil, after: amount) }
    self.rows = rows
  }

  /// The total before.
  public var beforeTotal: Money { Money.sum(rows.compactMap(\.before), currency: currency) }
  /// The total after.
  public var afterTotal: Money { Money.sum(rows.compactMap(\.after), currency: currency) }

  static func signed(_ money: Money) -> String { money.amount > 0 ? "+" + money.groupedAmount : money.groupedAmount }

  public var document: ReportDocument {
    let change = afterTotal - beforeTotal
    let percent = beforeTotal.amount != 0 ? " (\(change.amount > 0 ? "+" : "")\((change.amount / beforeTotal.amount * 100).fixedPoint(places: 1))%)" : ""
    var blocks: [ReportBlock] = [
      .facts([
        ReportFact("Before", "\(beforeName): \(beforeTotal.groupedAmount) \(currency)"),
        ReportFact("After", "\(afterName): \(afterTotal.groupedAmount) \(currency)"),
        ReportFact("Change", "\(Self.signed(change)) \(currency)\(percent)"),
        ReportFact("Amounts", basis),
        ReportFact("Price date", priceDate),
        ReportFact("Hours per month", hoursPerMonth.plainDescription),
      ]),
      .table(
        ReportTable(
          columns: [.init("Item"), .init("Before", .right), .init("After", .right), .init("Change", .right)],
          rows: rows.filter { $0.before != $0.after }.map { row in
            [row.item, row.before?.groupedAmount ?? "-", row.after?.groupedAmount ?? "-", Self.signed(row.change(currency: currency))]
          },
          footer: ["Total", beforeTotal.groupedAmount, afterTotal.groupedAmount, Self.signed(change)])),
    ]
    let unchanged = rows.filter { $0.before == $0.after }.count
    if unchanged > 0 { blocks.append(.paragraph("\(unchanged) item\(unchanged == 1 ? "" : "s") unchanged and not shown.")) }
    if !unpriced.isEmpty {
      blocks.append(.heading("Not priced"))
      blocks.append(.list(unpriced))
    }
    return ReportDocument(title: "Cost difference: \(beforeName) → \(afterName)", blocks: blocks)
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.diff")), ("schemaVersion", .number(1)), ("before", .string(beforeName)), ("after", .string(afterName)),
      ("basis", .string(basis)), ("currency", .string(currency.rawValue)), ("priceDate", .string(priceDate)),
      ("hoursPerMonth", .string(hoursPerMonth.plainDescription)), ("beforeTotal", .money(beforeTotal)), ("afterTotal", .money(afterTotal)), ("change", .money(afterTotal - beforeTotal)),
      (
        "items",
        .array(
          rows.map { row in
            .object([
              ("item", .string(row.item)), ("before", row.before.map { .money($0) } ?? .null), ("after", row.after.map { .money($0) } ?? .null),
              ("change", .money(row.change(currency: currency))),
            ])
          })
      ),
      ("unpriced", .array(unpriced.map { .string($0) })),
    ])
  }

  public var csvRows: [CostRow] { [] }

  /// Diff CSV: item, before, after, change (plain columns, not FOCUS: a diff is not a cost record).
  public var csv: String {
    CSVWriter.write(
      [["Item", "Before", "After", "Change", "BillingCurrency"]]
        + rows.map { [$0.item, $0.before.map { $0.amount.fixedPoint(places: 2) } ?? "", $0.after.map { $0.amount.fixedPoint(places: 2) } ?? "", $0.change(currency: currency).amount.fixedPoint(places: 2), currency.rawValue] })
  }
}
