import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

extension FormatsInvariantTests {
  // MARK: - audit

  @Test func audit() {
    PropertyCheck.run("formats.audit", cases: 20, test: "FormatsInvariantTests/audit") { seed in
      var inputs = Invariants.inputs(seed)
      let deployment = inputs.deployment(name: "estate \(seed)")
      let months = inputs.int(1...24)
      let discounts = inputs.discountFlags()
      let (series, summary) = Self.series(deployment, &inputs)
      let input = deployment.text + "months: \(months), discounts: \(discounts)\nseries: \(summary)\n"
      let report: AuditReport
      do { report = try Invariants.auditReport(deployment, series: series, months: months, discounts: discounts) } catch
      {
        return .rejected(input: input, reason: "\(error)")
      }
      return .checked(input: input, problems: Self.checkAudit(Invariants.render(report)))
    }
  }

  /// Two weeks of hourly CSV samples (`Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond`) for the deployment's
  /// circuits, each at its own share of its bandwidth with a daily swing; one circuit sometimes has none.
  static func series(_ deployment: PropertyJSON, _ inputs: inout PropertyInputs) -> (String, String) {
    let circuits = Invariants.json(deployment.text)["circuits"] as? [[String: Any]] ?? []
    let missing = circuits.count > 1 && inputs.chance(0.3) ? inputs.int(0...(circuits.count - 1)) : nil
    var shapes: [(name: String, peak: Int)] = []
    for (index, circuit) in circuits.enumerated() where index != missing {
      let bandwidth =
        PropertyInputs.providerBandwidths.first { $0.text == circuit["bandwidth"] as? String }?.bps ?? 1_000_000_000
      shapes.append((circuit["name"] as? String ?? "", bandwidth / 100 * inputs.int(1...95)))
    }
    let daily = [35, 30, 28, 27, 27, 30, 40, 55, 70, 85, 95, 100, 98, 97, 96, 95, 92, 88, 80, 70, 60, 52, 45, 40]
    var lines = ["Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond"]
    for day in 1...14 {
      for hour in 0..<24 {
        let stamp = "2026-11-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):00:00Z"
        for shape in shapes {
          let out = shape.peak / 100 * daily[hour] / 100 * inputs.int(90...100)
          lines.append("\(stamp),\(shape.name),\(out / 2),\(out)")
        }
      }
    }
    let summary =
      shapes.map { "\($0.name) peaking near \($0.peak) bps" }.joined(separator: ", ")
      + (missing.map { "; circuit \($0 + 1) has no series" } ?? "")
    return (lines.joined(separator: "\n") + "\n", summary)
  }

  static func checkAudit(_ renderings: Invariants.Renderings) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems

    var doc: Invariants.Figures = [:]
    let saving = document.fact("Saving over the horizon")
    doc["total saving known"] = [saving == "n/a" ? 0 : 1]
    doc["total saving"] = Invariants.leadingMoney(saving).map { [$0] }
    if let table = document.tables.first(where: {
      $0.columns.first == "Circuit" && $0.columns.contains("Saving over horizon")
    }) {
      for (circuit, cell) in zip(table.column("Circuit"), table.column("Saving over horizon")) where !cell.isEmpty {
        doc["saving known \(circuit)"] = [cell == "n/a" ? 0 : 1]
        doc["saving \(circuit)"] = Invariants.money(cell).map { [$0] }
      }
    } else {
      problems.append("no audit table")
    }

    let root = Invariants.json(renderings.json)
    var json: Invariants.Figures = [:]
    json["total saving"] = Invariants.money(root["totalSaving"]).map { [$0] }
    json["total saving known"] = [json["total saving"] == nil ? 0 : 1]
    var sum: Decimal = 0
    for circuit in root["circuits"] as? [[String: Any]] ?? [] {
      let name = circuit["circuit"] as? String ?? ""
      guard circuit["recommendedHorizonCost"] is String else { continue }
      if let current = Invariants.money(circuit["currentHorizonCost"]),
        let recommended = Invariants.money(circuit["recommendedHorizonCost"])
      {
        json["saving \(name)"] = [current - recommended]
        json["saving known \(name)"] = [1]
        sum += current - recommended
      } else {
        json["saving known \(name)"] = [0]
      }
    }
    if json["total saving"] != nil { json["sum of savings"] = [sum] }

    var csvFigures: Invariants.Figures = [:]
    var csvSum: Decimal = 0
    var known = false
    for row in CSVTable(renderings.csv).rows where row["RecommendedHorizonCost"] != "" {
      let name = row["Circuit"] ?? ""
      if let value = Invariants.money(row["Saving"]) {
        csvFigures["saving \(name)"] = [value]
        csvFigures["saving known \(name)"] = [1]
        csvSum += value
        known = true
      } else {
        csvFigures["saving known \(name)"] = [0]
      }
    }
    if known {
      csvFigures["total saving"] = [csvSum]
      csvFigures["sum of savings"] = [csvSum]
    }
    csvFigures["total saving known"] = [known ? 1 : 0]
    doc["sum of savings"] = doc["total saving"]
    problems += Invariants.compare(
      [("document", doc), ("JSON", json), ("CSV", csvFigures)], required: ["total saving known"])
    return problems
  }

  // MARK: - budget

  @Test func budget() {
    PropertyCheck.run("formats.budget", cases: 25, test: "FormatsInvariantTests/budget") { seed in
      var inputs = Invariants.inputs(seed)
      // Sometimes more sites than the detailed layout shows (over BudgetReport.detailSiteLimit, 12).
      let large = inputs.chance(0.15)
      let portfolio = inputs.portfolio(name: "portfolio \(seed)", minSites: large ? 13 : 1, maxSites: large ? 15 : 3)
      let details = inputs.chance(0.2)
      let amortize = inputs.chance(0.3)
      let fiscalYearStart = inputs.chance(0.3) ? inputs.int(1...12) : nil
      let groupBy = inputs.chance(0.2) ? "region" : nil
      let discounts = inputs.discountFlags()
      let input =
        portfolio.text
        + "amortize: \(amortize), fiscal year start: \(fiscalYearStart ?? 1), group by: \(groupBy ?? "-"), details: \(details), discounts: \(discounts)\n"
      let report: BudgetReport
      do {
        report = try Invariants.budgetReport(
          portfolio, discounts: discounts, amortize: amortize, fiscalYearStart: fiscalYearStart, groupBy: groupBy,
          details: details)
      } catch { return .rejected(input: input, reason: "\(error)") }
      return .checked(input: input, problems: Self.checkBudget(Invariants.render(report)))
    }
  }

  static func checkBudget(_ renderings: Invariants.Renderings) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems
    let root = Invariants.json(renderings.json)
    let months = (root["months"] as? [String]) ?? []

    var doc: Invariants.Figures = [:]
    doc["total"] = [
      document.fact("Total")?.hasPrefix("not priced") == true
        ? -1 : Invariants.leadingMoney(document.fact("Total")) ?? -2
    ]
    doc["unpriced"] = [Invariants.excludedCount(document.fact("Total"))]
    doc["complete"] = [doc["unpriced"] == [0] ? 1 : 0]
    if let table = document.table(under: "Per month"),
      let totalColumn = table.columns.last(where: { $0.hasPrefix("Total (") })
    {
      doc["month totals"] = table.column(totalColumn).map { Invariants.cell($0) ?? -2 }
      doc["month footer"] = Invariants.cell(table.footerCell(totalColumn)).map { [$0] }
      if table.column("Month") != months {
        problems.append("'Per month' lists \(table.column("Month")), JSON \(months)")
      }
    } else {
      problems.append("no 'Per month' table")
    }
    if let table = document.tables.first(where: { $0.heading.hasPrefix("Per ") && $0.heading.hasSuffix("and site") }) {
      let totalColumn = table.columns.first { $0.hasPrefix("Total (") } ?? ""
      for (site, total) in zip(table.column("Site"), table.column(totalColumn)) {
        doc["site \(site)"] = [Invariants.cell(total) ?? -2]
      }
      doc["site footer"] = Invariants.cell(table.footerCell(totalColumn)).map { [$0] }
    } else {
      problems.append("no per-site table")
    }
    if let table = document.tables.first(where: { $0.heading == "Per year" || $0.heading == "Per fiscal year" }) {
      let totalColumn = table.columns.last { $0.hasPrefix("Total (") } ?? ""
      doc["year totals"] = table.column(totalColumn).map { Invariants.cell($0) ?? -2 }
    }
    if let table = document.table(under: "Per meter") {
      doc["meter sum"] = [Invariants.knownSum(table.column(table.columns.last ?? "").map { Invariants.cell($0) ?? -2 })]
    }

    var json: Invariants.Figures = [:]
    // null (unknown: charges left out and none priced) reads as −1, as `not priced` does in the document.
    json["total"] = [Invariants.money(root["total"]) ?? -1]
    json["month footer"] = json["total"]
    json["site footer"] = json["total"]
    json["meter sum"] = [
      Invariants.knownSum((root["meterTotals"] as? [[String: Any]] ?? []).map { Invariants.money($0["total"]) ?? -1 })
    ]
    json["month totals"] = (root["monthTotals"] as? [Any] ?? []).map { Invariants.money($0) ?? -1 }
    json["year totals"] = (root["years"] as? [[String: Any]] ?? []).map { Invariants.money($0["total"]) ?? -1 }
    json["sum of months"] = [Invariants.knownSum(json["month totals"] ?? [])]
    for site in root["sites"] as? [[String: Any]] ?? [] {
      let name = site["name"] as? String ?? ""
      json["site \(name)"] = Invariants.money(site["total"]).map { [$0] } ?? [-1]
      json["site months \(name)"] = (site["monthTotals"] as? [Any] ?? []).map { Invariants.money($0) ?? -1 }
    }
    if let complete = root["complete"] as? Bool { json["complete"] = [complete ? 1 : 0] }
    if let unpriced = root["unpriced"] as? [Any] { json["unpriced"] = [Decimal(unpriced.count)] }
    doc["sum of months"] = doc["total"]

    let csv = CSVTable(renderings.csv)
    var csvFigures: Invariants.Figures = ["complete": [csv.rows(where: "x_Status", is: "unpriced").isEmpty ? 1 : 0]]
    var byMonth: [String: Decimal] = [:]
    var bySite: [String: [String: Decimal]] = [:]
    // The budget's months are its cost (an amortised one-time charge's share each month): FOCUS EffectiveCost.
    for row in csv.rows(where: "x_Status", is: "priced") {
      let month = String((row["ChargePeriodStart"] ?? "").prefix(7))
      let amount = Invariants.money(row["EffectiveCost"]) ?? -1
      byMonth[month, default: 0] += amount
      bySite[row["x_Group"] ?? "", default: [:]][month, default: 0] += amount
    }
    // A site-month with unpriced rows and no priced one is unknown (−1), as the other formats say.
    var unknown: Set<[String]> = []
    for row in csv.rows(where: "x_Status", is: "unpriced") {
      let month = String((row["ChargePeriodStart"] ?? "").prefix(7))
      unknown.insert([row["x_Group"] ?? "", month])
      unknown.insert(["", month])
    }
    csvFigures["month totals"] = months.map { byMonth[$0] ?? (unknown.contains(["", $0]) ? -1 : 0) }
    csvFigures["total"] = [Invariants.knownSum(csvFigures["month totals"] ?? [])]
    csvFigures["sum of months"] = csvFigures["total"]
    csvFigures["month footer"] = csvFigures["total"]
    csvFigures["site footer"] = csvFigures["total"]
    csvFigures["meter sum"] = csvFigures["total"]
    for site in root["sites"] as? [[String: Any]] ?? [] {
      let name = site["name"] as? String ?? ""
      csvFigures["site months \(name)"] = months.map {
        bySite[name]?[$0] ?? (unknown.contains([name, $0]) ? -1 : 0)
      }
      csvFigures["site \(name)"] = [Invariants.knownSum(csvFigures["site months \(name)"] ?? [])]
    }
    if Set(byMonth.keys).subtracting(months).count > 0 {
      problems.append("CSV rows outside the budget's months: \(byMonth.keys.sorted())")
    }
    problems += Invariants.compare(
      [("document", doc), ("JSON", json), ("CSV", csvFigures)],
      required: ["total", "month totals", "sum of months", "complete", "month footer", "site footer", "meter sum"])
    return problems
  }
}
