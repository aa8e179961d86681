import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// The cost difference between two deployments (monthly) or two portfolios (over their period).
public struct DiffReport: Report {
  /// One compared item.
  public struct Row: Hashable, Sendable {
    /// What is compared (`circuit 'ams' · Standard MeteredData 1 Gbps circuit, Zone 1`).
    public var item: String
    /// The priced amount before, if the item exists there and has a price.
    public var before: Money?
    /// The priced amount after, if the item exists there and has a price.
    public var after: Money?
    /// Why (part of) the item before could not be priced; `nil` when fully priced or absent.
    public var beforeUnpriced: String?
    /// Why (part of) the item after could not be priced; `nil` when fully priced or absent.
    public var afterUnpriced: String?

    /// Whether the item belongs to a resource a Terraform plan leaves as it is and is the same on both sides: it
    /// changes nothing, even when a quantity of it is unknown (the same unknown on both sides cancels).
    public var isUnchanged = false

    init(item: String) { self.item = item }

    /// Whether either side holds a charge without a price, so the change is unknown (never for an unchanged item).
    public var isIncomplete: Bool { !isUnchanged && (beforeUnpriced != nil || afterUnpriced != nil) }

    /// After minus before (a missing side counts as zero, an unchanged item is 0); `nil` when a side is not priced.
    public func change(currency: CurrencyCode) -> Money? {
      if isUnchanged { return .zero(currency) }
      guard !isIncomplete else { return nil }
      return (after ?? .zero(currency)) - (before ?? .zero(currency))
    }
  }

  /// The names of the two sides.
  public var beforeName: String
  /// The name of the second side.
  public var afterName: String
  /// What the amounts are (`monthly` or `2027-01 to 2027-12`).
  public var period: String
  /// The rows, in first-seen order.
  public var rows: [Row]
  /// What the second side was priced on (its table, price date, currency and hours per month).
  public var basis: PricingBasis
  /// The currency.
  public var currency: CurrencyCode { basis.currency }
  /// Unpriced charges on either side.
  public var unpriced: [String]
  /// The price date.
  public var priceDate: String { basis.priceDate }
  /// Hours per month used for hourly meters.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }
  /// One-time charges the user supplied on either side (installation fees), which are not monthly.
  public var oneTimeCharges: [(item: String, before: Money?, after: Money?)] = []
  /// Changes that need a new circuit, with the one-time cost of running the old one alongside.
  public var overlaps: [MoveOverlap] = []
  /// For a Terraform plan: the ExpressRoute resources it creates, changes, destroys or replaces.
  package var plannedChanges: [TerraformPlanChange.ResourceChange] = []
  /// For a Terraform plan that changes no ExpressRoute resource: what it does (``TerraformPlanChange/statement``).
  public var planStatement: String?
  /// For portfolios: each site's total per budget year, before and after (`nil` where the site or year is absent, or
  /// where charges could not be priced and none was: then `unknown` says so for that side).
  public var yearRows:
    [(site: String, year: String, before: Money?, after: Money?, unknown: (before: Bool, after: Bool))] =
      []
  /// What the two sides were priced as, for their FOCUS rows (``csvRows``).
  enum Sides: Sendable {
    case quotes(Quote, Quote)
    case budgets(Budget, Budget)
    case none
  }

  /// The two sides, kept for ``csvRows``.
  var sides: Sides = .none
  /// Each side's priced total at list prices (before any negotiated discount), over the same line items as
  /// ``beforeTotal`` and ``afterTotal``.
  public var listTotals: (before: Money, after: Money)?
  /// Both sides filed by cost category (``CostComparison.CostCategory``), as every other comparison is: a category only one side has
  /// is listed on the other as none, so the two sides carry the same categories.
  public var costs: CostComparison

  /// One side's entry: the item key, its amount (`nil` when unpriced) and why it is unpriced.
  typealias Entry = (key: String, amount: Money?, unpriced: String?)

  /// Compares two quotes line by line; unpriced charges are rows too, never absent. With the deployments the quotes
  /// priced, outbound data a circuit's billing includes is listed by category as included (``CostSide/add(_:deployment:)``).
  public init(before: Quote, after: Quote, deployments: (before: Deployment, after: Deployment)? = nil) {
    func entries(_ quote: Quote) -> [Entry] {
      quote.lineItems.map { ("\($0.resource) · \($0.meter.displayName)", $0.amount, nil) }
        + quote.unpriced.map { ("\($0.resource) · \($0.meter.displayName)", nil, $0.reason) }
        + quote.skippedResources.map { ($0, nil, "not priced") }
    }
    func unpriced(_ quote: Quote, _ side: String) -> [String] {
      quote.unpriced.map { "\(side): \($0.resource): \($0.meter.displayName): \($0.reason)" }
        + quote.skippedResources.map { "\(side): \($0)" }
    }
    self.init(
      beforeName: before.name, afterName: after.name, period: "monthly", before: entries(before), after: entries(after),
      unpriced: unpriced(before, "before") + unpriced(after, "after"), basis: after.basis)
    costs = Self.costs(
      before: [(before, deployments?.before)], after: [(after, deployments?.after)], currency: currency, period: period)
    listTotals = (before.listTotal, after.listTotal)
    let keys = (before.oneTime + after.oneTime).map { "\($0.resource) · \($0.meter.displayName)" }.reduce(
      into: [String]()
    ) {
      if !$0.contains($1) { $0.append($1) }
    }
    sides = .quotes(before, after)
    settleCategories()
    oneTimeCharges = keys.map { key in
      func amount(_ quote: Quote) -> Money? {
        let items = quote.oneTime.filter { "\($0.resource) · \($0.meter.displayName)" == key }
        return items.isEmpty ? nil : Money.sum(items.map(\.amount), currency: quote.currency)
      }
      return (key, amount(before), amount(after))
    }
  }

  /// Marks as unchanged every row of `resources` (the resources a Terraform plan leaves as they are, as line items
  /// name them, or a resource skipped with its reason) that is the same on both sides: amount and unpriced reason.
  public mutating func markUnchanged(resources: Set<String>) {
    for index in rows.indices {
      let row = rows[index]
      let resource = row.item.components(separatedBy: " · ").first ?? row.item
      guard resources.contains(resource) || resources.contains(row.item) else { continue }
      guard row.before == row.after, row.beforeUnpriced == row.afterUnpriced,
        row.before != nil || row.beforeUnpriced != nil
      else { continue }
      rows[index].isUnchanged = true
    }
    settleCategories()
  }

  /// Gives the category table the same truth as the rows: a charge without a price in an unchanged row cancels in its
  /// category's difference, and an unpriced row outside the categories (a skipped resource) leaves the total
  /// difference unknown, so the table's total difference is known exactly when the change is.
  mutating func settleCategories() {
    guard case .quotes(let before, let after) = sides else { return }
    let unchanged = Set(rows.filter(\.isUnchanged).map(\.item))
    var cancelled: [CostCategory: Int] = [:]
    for item in before.unpriced where unchanged.contains("\(item.resource) · \(item.meter.displayName)") {
      cancelled[CostCategory.of(resource: item.resource, meter: item.meter), default: 0] += 1
    }
    // A skipped resource filed by its kind cancels like any unpriced charge when it is the same on both sides.
    for item in before.skippedResources where unchanged.contains(item) {
      if let category = CostCategory.of(skipped: item) { cancelled[category, default: 0] += 1 }
    }
    costs.cancelledUnpriced = cancelled
    let skipped = Set(before.skippedResources + after.skippedResources)
    costs.unfiledUnpriced =
      rows.filter { $0.isIncomplete && skipped.contains($0.item) && CostCategory.of(skipped: $0.item) == nil }.count
  }

  /// Compares two budgets by site and meter group over their periods.
  public init(before: Budget, after: Budget) {
    func entries(_ budget: Budget) -> [Entry] {
      var result: [Entry] = []
      for site in budget.sites {
        var groups: [(String, Decimal, String?)] = []
        func add(_ section: String, _ amount: Decimal, _ reason: String?) {
          if let index = groups.firstIndex(where: { $0.0 == section }) {
            groups[index].1 += amount
            if groups[index].2 == nil { groups[index].2 = reason }
          } else {
            groups.append((section, amount, reason))
          }
        }
        for quote in site.months {
          for item in quote.lineItems { add(item.meter.groupName, item.amount.amount, nil) }
          for item in quote.unpriced { add(item.meter.groupName, 0, item.reason) }
        }
        result += groups.map { ("\(site.name) · \($0.0)", Money($0.1, currency: budget.currency), $0.2) }
      }
      return result
    }
    self.init(
      beforeName: before.name, afterName: after.name,
      period: "\(after.months.first?.description ?? "") to \(after.months.last?.description ?? "")",
      before: entries(before), after: entries(after),
      unpriced: before.unpriced.map { "before: \($0.site): \($0.item.resource): \($0.item.meter.displayName)" }
        + after.unpriced.map { "after: \($0.site): \($0.item.resource): \($0.item.meter.displayName)" },
      basis: after.basis)
    costs = Self.costs(
      before: before.sites.flatMap(\.months).map { ($0, nil) }, after: after.sites.flatMap(\.months).map { ($0, nil) },
      currency: currency,
      period: period)
    sides = .budgets(before, after)
    func listTotal(_ budget: Budget) -> Money {
      Money.sum(budget.sites.flatMap(\.months).map(\.listTotal), currency: budget.currency)
    }
    listTotals = (listTotal(before), listTotal(after))
    func unique(_ names: [String]) -> [String] {
      names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
    let siteNames = unique(after.sites.map(\.name) + before.sites.map(\.name))
    let years = unique(after.years.map(\.label) + before.years.map(\.label))
    for site in siteNames {
      for label in years {
        func total(_ budget: Budget) -> (Money?, unknown: Bool) {
          guard let entry = budget.sites.first(where: { $0.name == site }),
            let year = budget.years.first(where: { $0.label == label })
          else {
            return (nil, false)
          }
          let quotes = year.months.compactMap { entry.months.indices.contains($0) ? entry.months[$0] : nil }
          if quotes.allSatisfy({ $0.lineItems.isEmpty }) && quotes.contains(where: { !$0.unpriced.isEmpty }) {
            return (nil, true)  // nothing priced, something left out: unknown, not 0.00
          }
          return (budget.total(of: entry, in: year), false)
        }
        let (old, new) = (total(before), total(after))
        yearRows.append((site, label, old.0, new.0, (old.unknown, new.unknown)))
      }
    }
  }

  init(
    beforeName: String, afterName: String, period: String, before: [Entry], after: [Entry], unpriced: [String],
    basis: PricingBasis
  ) {
    self.basis = basis
    self.beforeName = beforeName
    self.afterName = afterName
    self.period = period
    self.unpriced = unpriced
    costs = CostComparison(
      subject: "before or after", period: period, first: CostSide(label: "Before", currency: basis.currency),
      second: CostSide(label: "After", currency: basis.currency))
    var rows: [Row] = []
    var index: [String: Int] = [:]
    func add(_ entry: Entry, after isAfter: Bool) {
      let position =
        index[entry.key]
        ?? {
          rows.append(Row(item: entry.key))
          index[entry.key] = rows.count - 1
          return rows.count - 1
        }()
      if isAfter {
        if let amount = entry.amount { rows[position].after = (rows[position].after ?? .zero(basis.currency)) + amount }
        if let reason = entry.unpriced, rows[position].afterUnpriced == nil { rows[position].afterUnpriced = reason }
      } else {
        if let amount = entry.amount {
          rows[position].before = (rows[position].before ?? .zero(basis.currency)) + amount
        }
        if let reason = entry.unpriced, rows[position].beforeUnpriced == nil { rows[position].beforeUnpriced = reason }
      }
    }
    for entry in before { add(entry, after: false) }
    for entry in after { add(entry, after: true) }
    self.rows = rows
  }

  /// The quotes of each side filed by category; a category one side lacks is declared none on it.
  static func costs(
    before: [(Quote, Deployment?)], after: [(Quote, Deployment?)], currency: CurrencyCode, period: String
  ) -> CostComparison {
    var first = CostSide(label: "Before", currency: currency)
    var second = CostSide(label: "After", currency: currency)
    for (quote, deployment) in before { first.add(quote, deployment: deployment) }
    for (quote, deployment) in after { second.add(quote, deployment: deployment) }
    for category in CostCategory.allCases {
      if first.cost(of: category) == nil && second.cost(of: category) != nil {
        first.declare(category, note: "none before")
      }
      if second.cost(of: category) == nil && first.cost(of: category) != nil {
        second.declare(category, note: "none after")
      }
    }
    return CostComparison(subject: "before or after", period: period, first: first, second: second)
  }

  /// Whether every item on both sides was priced, so the change is the whole change.
  public var isComplete: Bool { !rows.contains(where: \.isIncomplete) }

  /// The total before.
  public var beforeTotal: Money { Money.sum(rows.compactMap(\.before), currency: currency) }
  /// The total after.
  public var afterTotal: Money { Money.sum(rows.compactMap(\.after), currency: currency) }

  static func signed(_ money: Money) -> String { money.amount > 0 ? "+" + money.groupedAmount : money.groupedAmount }

  static func cell(_ amount: Money?, unpriced: String?) -> String {
    switch (amount, unpriced) {
    case (let amount?, _?): return amount.groupedAmount + " + not priced"
    case (nil, _?): return "not priced"
    case (let amount?, nil): return amount.groupedAmount
    case (nil, nil): return "-"
    }
  }

  public var document: ReportDocument {
    let change = afterTotal - beforeTotal
    let percent = CostGate.percent(change, of: beforeTotal).map { " (\($0)%)" } ?? ""
    let incomplete = rows.filter(\.isIncomplete).count
    let changeText =
      incomplete == 0
      ? "\(Self.signed(change)) \(currency)\(percent)"
      : "unknown: \(incomplete) item\(incomplete == 1 ? " is" : "s are") not priced (priced items alone: \(Self.signed(change)) \(currency))"
    let side = { (total: Money, flag: Bool) in
      "\(total.groupedAmount) \(self.currency)" + (flag ? " (incomplete: excludes unpriced charges)" : "")
    }
    var blocks: [ReportBlock] = [
      .facts(
        [
          ReportFact("Before", "\(beforeName): \(side(beforeTotal, rows.contains { $0.beforeUnpriced != nil }))"),
          ReportFact("After", "\(afterName): \(side(afterTotal, rows.contains { $0.afterUnpriced != nil }))"),
          ReportFact("Change", changeText),
          ReportFact("Amounts", period),
        ] + listFacts + basis.facts),
      .table(
        ReportTable(
          columns: [.init("Item"), .init("Before", .right), .init("After", .right), .init("Change", .right)],
          rows: rows.filter { $0.before != $0.after || $0.isIncomplete }.map { row in
            [
              row.item, Self.cell(row.before, unpriced: row.beforeUnpriced),
              Self.cell(row.after, unpriced: row.afterUnpriced),
              row.change(currency: currency).map(Self.signed) ?? "unknown",
            ]
          },
          footer: [
            "Total", beforeTotal.groupedAmount, afterTotal.groupedAmount,
            incomplete == 0 ? Self.signed(change) : "unknown",
          ])),
    ]
    if !costs.categories.isEmpty {
      blocks.append(.heading("By category"))
      blocks.append(.table(costs.table))
    }
    if !oneTimeCharges.isEmpty {
      blocks.appendTable(
        "One-time charges (not in the monthly amounts)",
        columns: [.init("Item"), .init("Before", .right), .init("After", .right), .init("Change", .right)],
        rows: oneTimeCharges.map { row in
          [
            row.item, row.before?.groupedAmount ?? "-", row.after?.groupedAmount ?? "-",
            Self.signed((row.after ?? .zero(currency)) - (row.before ?? .zero(currency))),
          ]
        })
    }
    if let planStatement, plannedChanges.isEmpty {
      blocks.append(.heading("Planned changes"))
      blocks.append(.paragraph(planStatement))
    }
    if !plannedChanges.isEmpty {
      blocks.appendTable(
        "Planned changes",
        columns: [.init("Resource"), .init("Action")],
        rows: plannedChanges.map { [$0.address, $0.action.rawValue] })
    }
    if !overlaps.isEmpty {
      blocks.appendTable(
        "One-time: changes that need a new circuit",
        columns: [
          .init("Circuit"), .init("Why"), .init("Months", .right),
          .init("Extra while both run (\(currency.rawValue))", .right),
        ],
        rows: overlaps.map { [$0.circuit, $0.reason, String($0.months), $0.cost?.groupedAmount ?? "not priced"] })
    }
    if !yearRows.isEmpty {
      blocks.appendTable(
        "Per year and site",
        columns: [
          .init("Site"), .init("Year"), .init("Before", .right), .init("After", .right), .init("Change", .right),
        ],
        rows: yearRows.map { row in
          [
            row.site, row.year, row.unknown.before ? "not priced" : row.before?.groupedAmount ?? "-",
            row.unknown.after ? "not priced" : row.after?.groupedAmount ?? "-",
            row.unknown.before || row.unknown.after
              ? "unknown" : Self.signed((row.after ?? .zero(currency)) - (row.before ?? .zero(currency))),
          ]
        })
    }
    let unchanged = rows.filter { $0.before == $0.after && !$0.isIncomplete }.count
    if unchanged > 0 {
      blocks.append(.paragraph("\(unchanged) item\(unchanged == 1 ? "" : "s") unchanged and not shown."))
    }
    if !unpriced.isEmpty {
      blocks.append(.heading("Not priced"))
      blocks.append(
        .paragraph(
          isComplete
            ? "These charges have no price, so the totals above exclude them; they belong to resources the plan leaves as they are, the same on both sides, so the change is known."
            : "These charges have no price, so the totals above exclude them and the change is unknown until they are priced."
        ))
      blocks.append(.list(unpriced))
    }
    return ReportDocument(title: "Cost difference: \(beforeName) → \(afterName)", blocks: blocks)
  }
}
