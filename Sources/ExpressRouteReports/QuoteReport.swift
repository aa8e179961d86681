import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The report of one priced deployment.
public struct QuoteReport: Report {
  /// The priced deployment.
  public var quote: Quote
  /// The charge period for CSV rows (`2026-01`), if the quote is for a given month.
  public var period: String?

  /// Creates a report.
  public init(quote: Quote, period: String? = nil) {
    self.quote = quote
    self.period = period
  }

  public var document: ReportDocument {
    var blocks: [ReportBlock] = [
      .facts(
        Self.pricingFacts(quote) + Self.discountFacts(quote)
          + [
            ReportFact("Monthly total", Self.totalText(quote))
          ]),
      .heading("Line items"),
      .table(Self.lineItemTable(quote)),
    ]
    blocks.append(contentsOf: Self.trailer(quote))
    if quote.lineItems.count > 1 {
      blocks.insert(.chart(Self.breakdownChart(quote)), at: 3)
    }
    return ReportDocument(title: "ExpressRoute quote: \(quote.name)", blocks: blocks)
  }

  /// Whether no charge at all has a price while some are listed as unpriced (China, a zone without a Local row): the
  /// total is then unknown, never 0.00.
  static func nothingPriced(_ quote: Quote) -> Bool {
    quote.lineItems.isEmpty && !quote.isComplete
  }

  /// `1,436.00 USD`, `1,436.00 USD (excludes 2 unpriced items)`, or `not priced (nothing has a price: 2 unpriced items, …)`.
  static func totalText(_ quote: Quote) -> String {
    let count = quote.unpriced.count + quote.skippedResources.count
    if nothingPriced(quote) {
      return "not priced (nothing has a price: \(count) unpriced item\(count == 1 ? "" : "s"), see Not priced)"
    }
    return "\(quote.total.groupedAmount) \(quote.currency)"
      + (quote.isComplete ? "" : " (excludes \(count) unpriced item\(count == 1 ? "" : "s"))")
  }

  /// A table footer's total: the amount, or `not priced` when nothing has a price.
  static func footerTotal(_ quote: Quote, _ amount: Money) -> String {
    nothingPriced(quote) ? "not priced" : amount.groupedAmount
  }

  /// Price table, date, hours and rounding rule, shown at the top of every priced report.
  static func pricingFacts(_ quote: Quote) -> [ReportFact] {
    var facts =
      quote.basis.facts + [
        ReportFact("Rounding", "each line item to cents, half away from zero; totals are exact sums")
      ]
    if let weakest = quote.weakestConfidence {
      facts.append(ReportFact("Weakest price confidence", weakest.rawValue))
    }
    return facts
  }

  /// `List total` and what the user's prices save on it, when a negotiated discount or the user's own prices (a price
  /// sheet's, an override file's) apply; a saving below 0 is said as a cost above list.
  static func discountFacts(_ quote: Quote) -> [ReportFact] {
    guard quote.listTotal != quote.total else { return [] }
    let saved = quote.listTotal - quote.total
    let own = quote.lineItems.contains { $0.listUnitPrice != $0.unitPrice }
    let discounted = quote.lineItems.contains { $0.discount != 0 }
    let what = own && discounted ? "your prices and discounts" : own ? "your prices" : "discounts"
    let effect =
      saved.amount >= 0
      ? "\(what) save \(saved.groupedAmount) \(quote.currency)"
      : "\(what) cost \((quote.total - quote.listTotal).groupedAmount) \(quote.currency) more"
    return [ReportFact("List total", "\(quote.listTotal.groupedAmount) \(quote.currency) (\(effect))")]
  }

  static func lineItemTable(_ quote: Quote) -> ReportTable {
    if quote.lineItems.contains(where: { $0.discount != 0 }) {
      return ReportTable(
        columns: [
          .init("Resource"), .init("Meter"), .init("Quantity", .right), .init("Unit"), .init("Unit price", .right),
          .init("List (\(quote.currency))", .right), .init("Discount", .right),
          .init("Amount (\(quote.currency))", .right), .init("Confidence"),
        ],
        rows: quote.lineItems.map { item in
          [
            item.resource, item.meter.displayName, item.quantity.grouped(places: quantityPlaces(item.quantity)),
            item.meter.unit.shortName,
            item.unitPrice.amount.plainDescription, item.listAmount.groupedAmount,
            "\((item.discount * 100).plainDescription)%",
            item.amount.groupedAmount, item.provenance.confidence.rawValue,
          ]
        },
        footer: ["Total", "", "", "", "", footerTotal(quote, quote.listTotal), "", footerTotal(quote, quote.total), ""])
    }
    return ReportTable(
      columns: [
        .init("Resource"), .init("Meter"), .init("Quantity", .right), .init("Unit"), .init("Unit price", .right),
        .init("Amount (\(quote.currency))", .right), .init("Confidence"),
      ],
      rows: quote.lineItems.map { item in
        [
          item.resource, item.meter.displayName, item.quantity.grouped(places: quantityPlaces(item.quantity)),
          item.meter.unit.shortName,
          item.unitPrice.amount.plainDescription, item.amount.groupedAmount, item.provenance.confidence.rawValue,
        ]
      },
      footer: ["Total", "", "", "", "", footerTotal(quote, quote.total), ""])
  }

  static func quantityPlaces(_ value: Decimal) -> Int {
    for places in 0...3 where value.rounded(toPlaces: places, rule: .toNearestOrEven) == value { return places }
    return 3
  }

  static func breakdownChart(_ quote: Quote) -> ReportChart {
    var totals: [(String, Decimal)] = []
    for item in quote.lineItems {
      let key = item.meter.groupName
      if let index = totals.firstIndex(where: { $0.0 == key }) {
        totals[index].1 += item.amount.amount
      } else {
        totals.append((key, item.amount.amount))
      }
    }
    return ReportChart(
      kind: .bars, title: "Monthly cost by meter group", categories: totals.map(\.0),
      series: [.init(name: "Monthly cost", values: totals.map { NSDecimalNumber(decimal: $0.1).doubleValue })],
      valueLabel: "\(quote.currency) per month")
  }

  /// Unpriced items, notes and sources: the closing blocks of every priced report.
  static func trailer(_ quote: Quote) -> [ReportBlock] {
    var blocks: [ReportBlock] = []
    if !quote.oneTime.isEmpty {
      blocks.appendTable(
        "One-time charges (not in the monthly total)",
        columns: [.init("Vendor"), .init("Charge"), .init("Amount (\(quote.currency))", .right)],
        rows: quote.oneTime.map { [$0.resource, $0.meter.displayName, $0.amount.groupedAmount] },
        footer: ["Total", "", Money.sum(quote.oneTime.map(\.amount), currency: quote.currency).groupedAmount])
    }
    blocks.append(.heading("Not priced"))
    if quote.unpriced.isEmpty && quote.skippedResources.isEmpty {
      blocks.append(.paragraph("Every charge was priced."))
    } else {
      blocks.append(
        .list(
          quote.unpriced.map {
            "\($0.resource): \($0.meter.displayName), \(unpricedQuantity($0)): \($0.reason)"
          } + quote.skippedResources))
    }
    if !quote.outOfScopeResources.isEmpty {
      blocks.append(.heading("Outside this quote"))
      blocks.append(
        .paragraph(
          "These resources are not ExpressRoute resources; their own charges (if any) are not part of this quote."))
      blocks.append(.list(quote.outOfScopeResources))
    }
    if !quote.notes.isEmpty {
      blocks.append(.heading("Notes"))
      blocks.append(.list(quote.notes))
    }
    blocks.append(.heading("Price sources"))
    blocks.append(.list(quote.sources.map(sourceLine)))
    return blocks
  }

  /// `730 hour`, or `quantity unknown` when nobody gave it.
  package static func unpricedQuantity(_ item: UnpricedItem) -> String {
    guard let quantity = item.quantity else { return "quantity unknown" }
    return "\(quantity.grouped(places: quantityPlaces(quantity))) \(item.meter.unit.shortName)"
  }

  static func sourceLine(_ source: PriceSource) -> String {
    "\(source.id): \(source.title), \(source.date ?? "undated")" + (source.reference.map { " <\($0)>" } ?? "")
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.quote")),
      ("schemaVersion", .number(1)),
      ("quote", Self.quoteJSON(quote)),
    ])
  }

  /// The JSON object of a quote, shared by every report that embeds quotes.
  static func quoteJSON(_ quote: Quote) -> JSONValue {
    .object([
      ("name", .string(quote.name)),
      ("currency", .string(quote.currency.rawValue)),
      ("priceTable", .string(quote.priceTableName)),
      ("priceDate", .string(quote.priceDate)),
      ("hoursPerMonth", .string(quote.hoursPerMonth.plainDescription)),
      // Nothing priced: the total is unknown (null), never 0.00.
      ("monthlyTotal", nothingPriced(quote) ? .null : .money(quote.total)),
      ("listTotal", nothingPriced(quote) ? .null : .money(quote.listTotal)),
      ("complete", .bool(quote.isComplete)),
      (
        "lineItems",
        .objects(quote.lineItems) { item in
          [
            ("resource", .string(item.resource)),
            ("meter", .string(item.meter.displayName)),
            ("meterName", .string(item.meter.meterName)),
            ("unit", .string(item.meter.unit.rawValue)),
            ("quantity", .string(item.quantity.plainDescription)),
            ("unitPrice", .price(item.unitPrice)),
            ("amount", .money(item.amount)),
            ("listAmount", .money(item.listAmount)),
            ("discount", .string(item.discount.plainDescription)),
            ("detail", .string(item.detail)),
            ("source", .string(item.provenance.sourceID)),
            ("sourceDate", item.provenance.date.map(JSONValue.string) ?? .null),
            ("confidence", .string(item.provenance.confidence.rawValue)),
            ("note", .string(item.provenance.note)),
          ]
        }
      ),
      (
        "unpriced",
        .array(
          quote.unpriced.map { item in
            .object([
              ("resource", .string(item.resource)),
              ("meter", .string(item.meter.displayName)),
              ("unit", .string(item.meter.unit.rawValue)),
              ("quantity", item.quantity.map { .string($0.plainDescription) } ?? .null),
              ("reason", .string(item.reason)),
            ])
          }
            // Resources read but not priced (a location ercalc cannot place, a port not in the export): unpriced too.
            + quote.skippedResources.map { text in
              let split = text.range(of: ": ")
              return .object([
                ("resource", .string(split.map { String(text[..<$0.lowerBound]) } ?? text)), ("meter", .null),
                ("unit", .null),
                ("quantity", .null), ("reason", .string(split.map { String(text[$0.upperBound...]) } ?? text)),
              ])
            })
      ),
      (
        "oneTime",
        .objects(quote.oneTime) { item in
          [
            ("resource", .string(item.resource)), ("charge", .string(item.meter.displayName)),
            ("amount", .money(item.amount)),
            ("source", .string(item.provenance.sourceID)),
          ]
        }
      ),
      ("notes", .strings(quote.notes)),
      ("skippedResources", .strings(quote.skippedResources)),
      ("outOfScopeResources", .strings(quote.outOfScopeResources)),
      (
        "sources",
        .objects(quote.sources) { source in
          [
            ("id", .string(source.id)), ("title", .string(source.title)), ("url", .string(source.url)),
            ("date", source.date.map(JSONValue.string) ?? .null),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { Self.costRows(quote, period: period) }

  /// CSV rows of a quote for one charge period (`2026-01`); an undated quote is charged in
  /// ``CostRow/defaultPeriod(priceDate:)``. The user's one-time charges are rows of their own (`One-Time`), billed in
  /// the period; `scope` names the deployment or site for planned `ResourceId`s, and `scopedName` prefixes
  /// `ResourceName` with it (in a budget).
  static func costRows(
    _ quote: Quote, period: String?, group: String = "", tags: [String: String] = [:], scope: String? = nil,
    scopedName: Bool = false, tagText knownTagText: String? = nil
  ) -> [CostRow] {
    CostRowMaker(
      quote, period: period, group: group, tags: tags, scope: scope, scopedName: scopedName, tagText: knownTagText
    ).rows
  }

  /// `circuit 'x': reason` → (`circuit 'x'`, `reason`); `azurerm_express_route_circuit.x: reason` (a Terraform
  /// address) → (`azurerm_express_route_circuit.x`, `reason`); text without either is its own reason.
  static func splitSkipped(_ text: String) -> (resource: String, reason: String) {
    if let range = text.range(of: "': ") {
      return (String(text[..<text.index(after: range.lowerBound)]), String(text[range.upperBound...]))
    }
    if let range = text.range(of: ": "), !text[..<range.lowerBound].contains(" ") {
      return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }
    return (text, text)
  }

  /// `2026-01` → (`2026-01-01T00:00:00Z`, `2026-02-01T00:00:00Z`).
  static func periodBounds(_ period: String) -> (String, String) {
    let parts = period.split(separator: "-")
    guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return ("", "") }
    let nextYear = month == 12 ? year + 1 : year
    let nextMonth = month == 12 ? 1 : month + 1
    // Written digit by digit into the string's own storage: a budget's CSV asks for it once per site and month.
    func instant(_ year: Int, _ month: Int) -> String {
      guard (0...9999).contains(year) else { return "\(year)-\(month < 10 ? "0" : "")\(month)-01T00:00:00Z" }
      return String(unsafeUninitializedCapacity: 20) { bytes in
        let zero = UInt8(ascii: "0")
        for (offset, byte) in "0000-00-01T00:00:00Z".utf8.enumerated() { bytes[offset] = byte }
        bytes[0] = zero + UInt8(year / 1000)
        bytes[1] = zero + UInt8(year / 100 % 10)
        bytes[2] = zero + UInt8(year / 10 % 10)
        bytes[3] = zero + UInt8(year % 10)
        bytes[5] = zero + UInt8(month / 10)
        bytes[6] = zero + UInt8(month % 10)
        return 20
      }
    }
    return (instant(year, month), instant(nextYear, nextMonth))
  }
}
