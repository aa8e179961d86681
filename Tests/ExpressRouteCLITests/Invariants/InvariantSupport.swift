import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport

/// Shared pieces of the invariant suites: the catalogue's locations for the generator, case files, money parsing
/// and the comparison of figures read from several formats.
enum Invariants {
  /// The built-in catalogue's peering locations, as the generator wants them.
  static let locations: [PropertyLocation] = {
    let catalog = (try? LocationCatalog.embeddedDefault())?.locations ?? []
    return catalog.map {
      PropertyLocation(
        name: $0.name, offersLocal: $0.offersLocal, region: $0.geopoliticalRegion,
        offersGlobalReach: $0.offersGlobalReach)
    }
  }()

  /// A generator for `seed`.
  static func inputs(_ seed: UInt64) -> PropertyInputs { PropertyInputs(seed: seed, locations: locations) }

  /// `1,234.56`, `+12.00`, `-3.5` or `436` as an exact decimal; `nil` for anything else.
  static func money(_ text: String?) -> Decimal? {
    guard var value = text?.replacingOccurrences(of: ",", with: "") else { return nil }
    if value.hasPrefix("+") { value.removeFirst() }
    guard value.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
    return Decimal(string: value, locale: Locale(identifier: "en_US_POSIX"))
  }

  /// A table cell as money: the priced part of `1,234.56 *` (a total that leaves unpriced charges out), −1 for
  /// `not priced` (unknown), `nil` for anything else.
  static func cell(_ text: String?) -> Decimal? {
    guard let text else { return nil }
    if text == "not priced" { return -1 }
    return money(text.hasSuffix(" *") ? String(text.dropLast(2)) : text)
  }

  /// The first whitespace-separated word of `text` as money (`9,592.08 USD (excludes …)` → 9592.08).
  static func leadingMoney(_ text: String?) -> Decimal? {
    money(text?.split(separator: " ").first.map(String.init))
  }

  /// The number `N` in `excludes N unpriced`, or 0.
  static func excludedCount(_ text: String?) -> Decimal {
    guard let text, let range = text.range(of: #"excludes [0-9]+ unpriced"#, options: .regularExpression) else {
      return 0
    }
    return Decimal(string: text[range].split(separator: " ")[1].description) ?? -1
  }

  /// A JSON document (objects as dictionaries).
  static func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  /// A JSON money string as a decimal.
  static func money(_ value: Any?) -> Decimal? { money(value as? String) }

  /// The sum of `values`.
  static func sum(_ values: [Decimal]) -> Decimal { values.reduce(0, +) }

  /// The sum of the known `values` (−1 is unknown), or −1 when every one is unknown.
  static func knownSum(_ values: [Decimal]) -> Decimal {
    !values.isEmpty && values.allSatisfy { $0 == -1 } ? -1 : sum(values.filter { $0 != -1 })
  }

  /// Figures read from one format: each key holds a list of amounts (a total is a list of one).
  typealias Figures = [String: [Decimal]]

  /// Problems when the sources disagree on a figure, or when a source lacks one of `required`.
  static func compare(_ sources: [(String, Figures)], required: Set<String>) -> [String] {
    var problems: [String] = []
    let keys = Set(sources.flatMap { $0.1.keys }).union(required).sorted()
    for key in keys {
      let having = sources.filter { $0.1[key] != nil }
      if required.contains(key) {
        for source in sources where source.1[key] == nil { problems.append("\(source.0) has no '\(key)'") }
      }
      guard let first = having.first else { continue }
      for other in having.dropFirst() where other.1[key] != first.1[key] {
        problems.append(
          "'\(key)': \(first.0) says \(describe(first.1[key])), \(other.0) says \(describe(other.1[key]))")
      }
    }
    return problems
  }

  static func describe(_ values: [Decimal]?) -> String {
    guard let values else { return "nothing" }
    return values.count == 1 ? "\(values[0])" : "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
  }

  /// The five renderings of one report.
  struct Renderings {
    var text = ""
    var markdown = ""
    var json = ""
    var csv = ""
    var html = ""
    var problems: [String] = []
  }

  /// The report rendered in every format, as `ercalc <command> --format <format>` prints it.
  static func render(_ report: some Report) -> Renderings {
    Renderings(
      text: report.render(.text), markdown: report.render(.markdown), json: report.render(.json),
      csv: report.render(.csv),
      html: report.render(.html))
  }

  /// The built-in tables and catalogue, read once: the cases run the commands' library path, not a process each.
  static let baseEngine: PricingEngine? = {
    guard let rates = try? RateTable.embeddedDefault(), let locations = try? LocationCatalog.embeddedDefault() else {
      return nil
    }
    var engine = PricingEngine(rates: rates, locations: locations)
    engine.discounts = rates.discounts
    return engine
  }()

  /// The engine with `--discount` values added and `--hours-per-month`, as `PricingOptions.engine` builds it.
  static func engine(discounts: [String], hoursPerMonth: Int? = nil) throws -> PricingEngine {
    guard var engine = baseEngine else { throw Diagnostic(.error, "the built-in tables did not load") }
    if let hoursPerMonth { engine.rates.hoursPerMonth = Decimal(hoursPerMonth) }
    for text in discounts {
      guard let (family, fraction) = Discounts.parse(option: text),
        engine.discounts.set(fraction, on: family, from: "--discount \(text)") == nil
      else { throw Diagnostic(.error, "bad or conflicting discount '\(text)'") }
    }
    return engine
  }

  /// `ercalc quote FILE --period 2027-01 [--hours-per-month H]`.
  static func quoteReport(_ deployment: PropertyJSON, discounts: [String], hoursPerMonth: Int? = nil) throws
    -> QuoteReport
  {
    let quote = try engine(discounts: discounts, hoursPerMonth: hoursPerMonth).quote(
      try Deployment(json: Data(deployment.text.utf8), file: "deployment.json"))
    return QuoteReport(quote: quote, period: "2027-01")
  }

  /// `ercalc compare --location L|--zone Z --bandwidth B --egress V [--with-vpn [--routing R]]`.
  static func compareReport(
    location: String?, zone: String?, bandwidth: String, egress: String, withVPN: Bool, routing: String? = nil,
    discounts: [String]
  ) throws -> ComparisonReport {
    let engine = try engine(discounts: discounts)
    guard let rate = Bandwidth(parsing: bandwidth), let volume = DataVolume(parsing: egress) else {
      throw Diagnostic(.error, "bad bandwidth '\(bandwidth)' or volume '\(egress)'")
    }
    let comparison = try engine.compare(
      location: location.flatMap { engine.locations.location(named: $0) }, zone: zone.flatMap { Zone(name: $0) },
      bandwidth: rate,
      monthlyEgress: volume)
    var report = ComparisonReport(comparison: comparison)
    if withVPN {
      report.vpn = engine.compareWithVPN(
        comparison, volume: volume, routing: routing.flatMap { InternetRouting(name: $0) } ?? .microsoftNetwork)
    }
    return report
  }

  /// `ercalc diff BEFORE AFTER` of two deployments, with the two quotes it compares.
  static func diffReport(_ before: PropertyJSON, _ after: PropertyJSON, discounts: [String]) throws -> (
    DiffReport, Quote, Quote
  ) {
    let engine = try engine(discounts: discounts)
    let first = try Deployment(json: Data(before.text.utf8), file: "before.json")
    let second = try Deployment(json: Data(after.text.utf8), file: "after.json")
    let (beforeQuote, afterQuote) = (try engine.quote(first), try engine.quote(second))
    var report = DiffReport(before: beforeQuote, after: afterQuote, deployments: (first, second))
    report.overlaps = engine.moveOverlaps(from: first, to: second, leadMonths: 1)
    return (report, beforeQuote, afterQuote)
  }

  /// `ercalc size PROFILE` (traffic given in the profile, no series).
  static func sizeReport(_ profile: PropertyJSON, discounts: [String]) throws -> SizingReport {
    let workload = try WorkloadProfile(json: Data(profile.text.utf8), file: "profile.json")
    return SizingReport(result: try SizingSolver(engine: try engine(discounts: discounts)).solve(workload))
  }

  /// `ercalc audit --from ESTATE --series SERIES --months N` with the estate as a deployment and the series as CSV.
  static func auditReport(_ deployment: PropertyJSON, series: String, months: Int, discounts: [String]) throws
    -> AuditReport
  {
    let engine = try engine(discounts: discounts)
    let estate = try Deployment(json: Data(deployment.text.utf8), file: "estate.json")
    var ingest = TrafficIngest()
    try ingest.read(Data(series.utf8), file: "series.csv")
    let entries = try EstateAudit(engine: engine, horizonMonths: months).audit(
      estate, traffic: try ingest.summaries(file: "series.csv"))
    return AuditReport(entries: entries, name: estate.name, horizonMonths: months, basis: engine.basis)
  }

  /// `ercalc budget PORTFOLIO [--amortize] [--fiscal-year-start M] [--group-by TAG] [--details]`.
  static func budgetReport(
    _ portfolio: PropertyJSON, discounts: [String], amortize: Bool = false, fiscalYearStart: Int? = nil,
    groupBy: String? = nil,
    details: Bool = false
  ) throws -> BudgetReport {
    let sites = try Portfolio(json: Data(portfolio.text.utf8), file: "portfolio.json")
    var budget = try BudgetPlanner(engine: try engine(discounts: discounts)).budget(sites, amortize: amortize)
    if let fiscalYearStart { budget.fiscalYearStart = fiscalYearStart }
    let tag = groupBy.flatMap { tag in budget.sites.contains { $0.tags[tag] != nil } ? tag : nil }
    return BudgetReport(
      budget: budget, groupBy: tag, showsDetails: details, summary: BudgetSummary(budget, groupBy: tag))
  }

  /// The documents read back from text, Markdown and HTML, and problems where they differ: Markdown and HTML must
  /// hold the same facts and tables, the text the same tables and the same facts in the same order.
  static func documents(_ renderings: Renderings) -> (RenderedDocument, [String]) {
    let text = RenderedDocument.text(renderings.text)
    let markdown = RenderedDocument.markdown(renderings.markdown)
    let html = RenderedDocument.html(renderings.html)
    var problems: [String] = []
    if markdown.facts != html.facts { problems.append("facts differ: Markdown \(markdown.facts), HTML \(html.facts)") }
    if markdown.tables != html.tables {
      problems.append(tableDifference("Markdown", markdown.tables, "HTML", html.tables))
    }
    if markdown.tables != text.tables {
      problems.append(tableDifference("Markdown", markdown.tables, "text", text.tables))
    }
    var remaining = text.facts[...]
    for fact in markdown.facts {
      guard let index = remaining.firstIndex(of: fact) else {
        problems.append("text has no fact '\(fact)' (Markdown and HTML have it)")
        continue
      }
      remaining = remaining[(index + 1)...]
    }
    if markdown.tables.isEmpty { problems.append("no table read from the Markdown rendering") }
    return (markdown, problems)
  }

  static func tableDifference(
    _ a: String, _ first: [RenderedDocument.Table], _ b: String, _ second: [RenderedDocument.Table]
  ) -> String {
    guard first.count == second.count else { return "\(a) has \(first.count) tables, \(b) \(second.count)" }
    for (x, y) in zip(first, second) where x != y {
      if x.columns != y.columns { return "table '\(x.heading)': columns \(a) \(x.columns), \(b) \(y.columns)" }
      if x.footer != y.footer { return "table '\(x.heading)': footer \(a) \(x.footer ?? []), \(b) \(y.footer ?? [])" }
      for (row, (r, s)) in zip(x.rows, y.rows).enumerated() where r != s {
        return "table '\(x.heading)' row \(row + 1): \(a) \(r), \(b) \(s)"
      }
      return "table '\(x.heading)': \(a) has \(x.rows.count) rows, \(b) \(y.rows.count)"
    }
    return "tables differ"
  }
}

extension RenderedDocument.Table {
  /// The cells of column `title` (rows only).
  func column(_ title: String) -> [String] {
    guard let index = columns.firstIndex(of: title) else { return [] }
    return rows.map { index < $0.count ? $0[index] : "" }
  }

  /// The footer cell of column `title`.
  func footerCell(_ title: String) -> String? {
    guard let index = columns.firstIndex(of: title), let footer, index < footer.count else { return nil }
    return footer[index]
  }
}
