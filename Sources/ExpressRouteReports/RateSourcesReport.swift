import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing

/// Every rate of a table with its source, the source's date, its age and the confidence: what a budget's
/// numbers rest on. Ages are whole months from each source's own date to ``asOf`` (the table's price date unless
/// the caller gives another), never to the clock, so the report is the same on every run.
package struct RateSourcesReport: Report {
  /// The table.
  public var table: RateTable
  /// The file it came from.
  public var file: String
  /// The date ages are measured to (`YYYY-MM-DD`).
  public var asOf: String
  /// Why ``asOf`` is that date, for the report header (`the table's price date`, `the date asked for`).
  public var asOfBasis: String

  /// Creates a report; `asOf` defaults to the table's effective date.
  public init(table: RateTable, file: String, asOf: String? = nil) {
    self.table = table
    self.file = file
    self.asOf = asOf ?? table.effectiveDate
    self.asOfBasis = asOf == nil ? "the table's price date" : "the date asked for"
  }

  /// `36` months, or `undated`.
  func age(of source: PriceSource?) -> String {
    guard let source else { return "unknown source" }
    guard let months = source.ageInMonths(asOf: asOf) else { return "undated" }
    return months < 0 ? "after \(asOf)" : "\(months) mo"
  }

  /// What is wrong with a source for a budget: untraceable, undated, or older than the stale limit.
  func flags(of source: PriceSource?) -> [String] {
    guard let source else { return ["source not listed in the table"] }
    var flags: [String] = []
    if source.url == nil && source.repository == nil { flags.append("UNTRACEABLE: no url or repository@commit") }
    if source.date == nil { flags.append(source.undatedReason.map { "undated: \($0)" } ?? "UNDATED without a reason") }
    if source.isStale(asOf: asOf) { flags.append("older than \(PriceSource.staleAfterMonths) months") }
    if source.dateProblem(priceDate: table.effectiveDate) != nil {
      flags.append("DATED AFTER the price date \(table.effectiveDate)")
    }
    if let reason = source.afterPriceDateReason, let date = source.date, date > table.effectiveDate {
      flags.append("dated after the price date: \(reason)")
    }
    return flags
  }

  public var document: ReportDocument {
    let stale = table.sources.filter { $0.isStale(asOf: asOf) }.count
    let untraceable = table.untraceableSources.count
    return ReportDocument(
      title: "Rate sources: \(table.name)",
      blocks: [
        .facts([
          ReportFact("File", file),
          ReportFact("Price date", table.effectiveDate),
          ReportFact("Ages measured to", "\(asOf) (\(asOfBasis))"),
          ReportFact(
            "Flagged",
            "\(stale) source\(stale == 1 ? "" : "s") older than \(PriceSource.staleAfterMonths) months, \(untraceable) untraceable"
          ),
        ]),
        .heading("Sources"),
        .table(
          ReportTable(
            columns: [.init("Source"), .init("Date"), .init("Age"), .init("Where to read it"), .init("Flags")],
            rows: table.sources.map { source in
              [
                source.id, source.date ?? "undated", age(of: source), source.reference ?? "-",
                flags(of: source).joined(separator: "; "),
              ]
            })),
        .heading("Rates"),
        .table(
          ReportTable(
            columns: [
              .init("Meter"), .init("Price (\(table.currency))", .right), .init("Source"), .init("Date"), .init("Age"),
              .init("Confidence"),
              .init("Flags"),
            ],
            rows: table.rates.map { rate in
              let source = table.source(id: rate.provenance.sourceID)
              return [
                rate.meter.displayName, rate.price.map { $0.amount.plainDescription } ?? "unpriced",
                rate.provenance.sourceID,
                source?.date ?? "undated", age(of: source),
                rate.price == nil ? "" : rate.provenance.confidence.rawValue,
                flags(of: source).joined(separator: "; "),
              ]
            })),
      ])
  }

  public var json: JSONValue {
    .object([
      ("schema", .string("ercalc.rateSources")),
      ("schemaVersion", .number(1)),
      ("name", .string(table.name)),
      ("effectiveDate", .string(table.effectiveDate)),
      ("asOf", .string(asOf)),
      ("staleAfterMonths", .number(PriceSource.staleAfterMonths)),
      (
        "sources",
        .objects(table.sources) { source in
          [
            ("id", .string(source.id)),
            ("title", .string(source.title)),
            ("url", .string(source.url)),
            ("repository", .string(source.repository)),
            ("path", .string(source.path)),
            ("date", .string(source.date)),
            ("undatedReason", .string(source.undatedReason)),
            ("ageMonths", source.ageInMonths(asOf: asOf).map { .number($0) } ?? .null),
            ("flags", .strings(flags(of: source))),
          ]
        }
      ),
      (
        "rates",
        .objects(table.rates) { rate in
          let source = table.source(id: rate.provenance.sourceID)
          return [
            ("meter", .string(rate.meter.displayName)),
            ("unit", .string(rate.meter.unit.rawValue)),
            ("price", rate.price.map { .price($0) } ?? .null),
            ("unpricedReason", .string(rate.unpricedReason)),
            ("source", .string(rate.provenance.sourceID)),
            ("sourceDate", .string(source?.date)),
            ("ageMonths", source?.ageInMonths(asOf: asOf).map { .number($0) } ?? .null),
            ("confidence", rate.price == nil ? .null : .string(rate.provenance.confidence.rawValue)),
            ("flags", .strings(flags(of: source))),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { RateTableReport(table: table, file: file).csvRows }
}
