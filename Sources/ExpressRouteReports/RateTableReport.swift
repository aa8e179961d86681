import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing

/// The report of a rate table: its provenance, every row, and what is unpriced.
package struct RateTableReport: Report {
  /// The table.
  public var table: RateTable
  /// The file it came from (`<embedded>` for the built-in table).
  public var file: String

  /// Creates a report.
  public init(table: RateTable, file: String) {
    self.table = table
    self.file = file
  }

  public var document: ReportDocument {
    var blocks: [ReportBlock] = [
      .facts([
        ReportFact("File", file),
        ReportFact("Currency", table.currency.rawValue),
        ReportFact("Effective date", table.effectiveDate),
        ReportFact("Hours per month", table.hoursPerMonth.plainDescription),
        ReportFact(
          "Rates",
          "\(table.rates.count) (\(table.rates.count - table.unpricedRates.count) priced, \(table.unpricedRates.count) unpriced)"
        ),
      ]),
      .heading("Sources"),
      .list(table.sources.map(QuoteReport.sourceLine)),
      .heading("Rates"),
      .table(
        ReportTable(
          columns: [
            .init("Meter"), .init("Unit"), .init("Price (\(table.currency))", .right), .init("Confidence"),
            .init("Source"),
          ],
          rows: table.rates.map { rate in
            [
              rate.meter.displayName, rate.meter.unit.shortName,
              rate.price.map { $0.amount.plainDescription } ?? "unpriced",
              rate.price == nil ? "" : rate.provenance.confidence.rawValue, rate.provenance.sourceID,
            ]
          })),
    ]
    if let scale = table.scaleGateway {
      blocks.append(.heading("Gateway capabilities"))
      var rows = GatewaySKU.allCases.compactMap { sku -> [String]? in
        guard let capability = table.gatewayCapabilities[sku] else { return nil }
        return [
          sku.name, capability.throughput.description, String(capability.maxCircuits), String(capability.routesLearned),
          capability.fastPath ? "yes" : "no",
        ]
      }
      rows.append([
        "ErGwScale (per unit)", "\(scale.throughputPerUnit) per unit, \(scale.minUnits)-\(scale.maxUnits) units",
        scale.circuitSteps.map { "\($0.maxCircuits) from \($0.minUnits) units" }.joined(separator: ", "),
        String(scale.routesLearned),
        "from \(scale.fastPathMinUnits) units",
      ])
      blocks.append(
        .table(
          ReportTable(
            columns: [
              .init("SKU"), .init("Throughput"), .init("Circuits"), .init("Routes learned", .right), .init("FastPath"),
            ], rows: rows)))
    }
    blocks.append(.heading("Unpriced meters"))
    blocks.append(
      table.unpricedRates.isEmpty
        ? .paragraph("None.") : .list(table.unpricedRates.map { "\($0.meter.displayName): \($0.unpricedReason ?? "")" })
    )
    return ReportDocument(title: "Rate table: \(table.name)", blocks: blocks)
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.rateTable")),
      ("schemaVersion", .number(1)),
      ("name", .string(table.name)),
      ("currency", .string(table.currency.rawValue)),
      ("effectiveDate", .string(table.effectiveDate)),
      ("hoursPerMonth", .string(table.hoursPerMonth.plainDescription)),
      (
        "rates",
        .objects(table.rates) { rate in
          [
            ("meter", .string(rate.meter.displayName)),
            ("section", .string(rate.meter.section)),
            ("unit", .string(rate.meter.unit.rawValue)),
            ("price", rate.price.map { .price($0) } ?? .null),
            ("unpricedReason", .string(rate.unpricedReason)),
            ("source", .string(rate.provenance.sourceID)),
            ("confidence", rate.price == nil ? .null : .string(rate.provenance.confidence.rawValue)),
            ("note", .string(rate.provenance.note)),
          ]
        }
      ),
    ])
  }

  /// One row per rate, priced at a quantity of 1 in ``CostRow/defaultPeriod(priceDate:)``.
  public var csvRows: [CostRow] {
    let period = QuoteReport.periodBounds(CostRow.defaultPeriod(priceDate: table.effectiveDate).description)
    return table.rates.map { rate in
      CostRow(
        currency: table.currency, periodStart: period.0, periodEnd: period.1, resource: "", meter: rate.meter,
        // The cost of one unit is a line item: rounded to cents once, by the line-item rule (0.025 → 0.03).
        quantity: 1, unitPrice: rate.price,
        cost: rate.price.map { Money($0.amount.rounded(toPlaces: 2, rule: .lineItem), currency: $0.currency) },
        priceDate: table.effectiveDate,
        priceSource: rate.price == nil ? (rate.unpricedReason ?? "") : rate.provenance.sourceID,
        confidence: rate.price == nil ? "" : rate.provenance.confidence.rawValue)
    }
  }
}
