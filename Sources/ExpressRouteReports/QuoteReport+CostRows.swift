import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension QuoteReport {
  /// Makes the CSV rows of one quote's items for one charge period: each item's row on its own, so a caller that
  /// knows an item is unchanged since the month before can reuse that row instead of making it again.
  struct CostRowMaker {
    let quote: Quote
    let start: String
    let end: String
    let group: String
    let tags: [String: String]
    let tagText: String
    let scope: String?
    let scopedName: Bool

    init(
      _ quote: Quote, period: String?, group: String = "", tags: [String: String] = [:], scope: String? = nil,
      scopedName: Bool = false, tagText knownTagText: String? = nil
    ) {
      self.quote = quote
      (start, end) = QuoteReport.periodBounds(period ?? CostRow.defaultPeriod(priceDate: quote.priceDate).description)
      self.group = group
      self.tags = tags
      tagText = knownTagText ?? CostRow.tagText(tags)
      self.scope = scope
      self.scopedName = scopedName
    }

    /// Whether `other`'s rows differ from this maker's only by their items and period: same currency, price date,
    /// Azure resources and (without a scope) name.
    func sharesFrame(with other: Quote) -> Bool {
      quote.currency == other.currency && quote.priceDate == other.priceDate
        && quote.azureResources == other.azureResources && (scope != nil || quote.name == other.name)
    }

    private func placed(_ row: CostRow) -> CostRow {
      var row = row
      row.tags = tags
      row.tagText = tagText
      row.scope = scope ?? quote.name
      row.scopedName = scopedName
      row.azure = quote.azureResources[row.resource]
      return row
    }

    /// The row of a priced line (recurring, usage or one-time).
    func row(_ item: Quote.LineItem) -> CostRow {
      var row = CostRow(
        currency: quote.currency, periodStart: start, periodEnd: end, resource: item.resource, meter: item.meter,
        quantity: item.quantity,
        unitPrice: item.unitPrice, cost: item.amount, priceDate: quote.priceDate, priceSource: item.provenance.sourceID,
        confidence: item.provenance.confidence.rawValue, group: group)
      row.listCost = item.listAmount
      if item.listUnitPrice != item.unitPrice { row.listUnitPrice = item.listUnitPrice }
      row.discount = item.discount
      row.isOwnRate = item.provenance.isOwnRate
      row.oneTimeBilling = item.oneTimeBilling
      return placed(row)
    }

    /// The row of a charge that could not be priced.
    func row(_ item: Quote.UnpricedItem) -> CostRow {
      placed(
        CostRow(
          currency: quote.currency, periodStart: start, periodEnd: end, resource: item.resource, meter: item.meter,
          quantity: item.quantity,
          unitPrice: nil, cost: nil, priceDate: quote.priceDate, priceSource: item.reason, confidence: "",
          group: group))
    }

    /// The row of a resource read but not placed (`circuit 'x': why`, as the text's "Not priced" list gives it).
    func row(skipped text: String) -> CostRow {
      let (resource, reason) = QuoteReport.splitSkipped(text)
      return placed(
        CostRow.unplaced(
          currency: quote.currency, periodStart: start, periodEnd: end, resource: resource, reason: reason,
          priceDate: quote.priceDate,
          group: group))
    }

    /// Every row, in the order of ``QuoteReport/costRows(_:period:group:tags:scope:scopedName:tagText:)``.
    var rows: [CostRow] {
      (quote.lineItems + quote.oneTime).map { row($0) } + quote.unpriced.map { row($0) }
        + quote.skippedResources.map { row(skipped: $0) }
    }
  }
}
