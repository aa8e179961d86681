import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// Invariant: text, Markdown, JSON, CSV and HTML give the same totals to the cent for every command, and an
/// incomplete total (something unpriced) is marked incomplete in every one of them.
///
/// Each case generates a random input from its seed, runs the command in-process once per format, reads the
/// figures back from each rendering (text, Markdown and HTML through ``RenderedDocument``, JSON and CSV by their
/// own keys and columns) and compares them. 235 cases in all: quote 80, compare 50, diff 35, size 25, budget 25, audit 20.
/// A failure prints the seed and the input; `ERCALC_PROPERTY_SEED=<seed>` reruns that case alone.
@Suite("Invariant: the same totals in every format")
struct FormatsInvariantTests {
  // MARK: - quote

  @Test func quote() {
    PropertyCheck.run("formats.quote", cases: 80, test: "FormatsInvariantTests/quote") { seed in
      var inputs = Invariants.inputs(seed)
      let deployment = inputs.deployment(name: "quote \(seed)")
      let discounts = inputs.discountFlags()
      let hours = inputs.chance(0.2) ? inputs.pick([672, 720, 731, 744]) : nil
      let input = deployment.text + "discounts: \(discounts), hours per month: \(hours.map(String.init) ?? "730")\n"
      let report: QuoteReport
      do { report = try Invariants.quoteReport(deployment, discounts: discounts, hoursPerMonth: hours) } catch {
        return .rejected(input: input, reason: "\(error)")
      }
      return .checked(input: input, problems: Self.checkQuote(Invariants.render(report)))
    }
  }

  static func checkQuote(_ renderings: Invariants.Renderings) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems

    var doc: Invariants.Figures = [:]
    let total = Invariants.leadingMoney(document.fact("Monthly total"))
    doc["total"] = total.map { [$0] }
    doc["unpriced"] = [Invariants.excludedCount(document.fact("Monthly total"))]
    doc["listTotal"] = (Invariants.leadingMoney(document.fact("List total")) ?? total).map { [$0] }
    if let table = document.table(under: "Line items") {
      let amountColumn = table.columns.first { $0.hasPrefix("Amount (") } ?? ""
      doc["items"] = table.column(amountColumn).map { Invariants.money($0) ?? -1 }
      doc["footer"] = Invariants.money(table.footerCell(amountColumn)).map { [$0] }
      if let listColumn = table.columns.first(where: { $0.hasPrefix("List (") }) {
        doc["listFooter"] = Invariants.money(table.footerCell(listColumn)).map { [$0] }
      }
    } else {
      problems.append("no 'Line items' table")
    }
    doc["footer"] = doc["footer"] ?? [-1]
    doc["listFooter"] = doc["listFooter"] ?? doc["listTotal"]

    let root = Invariants.json(renderings.json)
    let quote = root["quote"] as? [String: Any] ?? [:]
    let lineItems = quote["lineItems"] as? [[String: Any]] ?? []
    let unpricedJSON = (quote["unpriced"] as? [Any] ?? []).count + (quote["skippedResources"] as? [Any] ?? []).count
    var json: Invariants.Figures = [
      "items": lineItems.map { Invariants.money($0["amount"]) ?? -1 },
      "unpriced": [Decimal(unpricedJSON)],
      "complete": [(quote["complete"] as? Bool) == true ? 1 : 0],
    ]
    json["total"] = Invariants.money(quote["monthlyTotal"]).map { [$0] }
    json["footer"] = json["total"]
    json["listTotal"] = Invariants.money(quote["listTotal"]).map { [$0] }
    json["listFooter"] = json["listTotal"]
    json["itemSum"] = [Invariants.sum(json["items"] ?? [])]

    let csv = CSVTable(renderings.csv)
    // One-time charges are rows of the CSV (billed in the period) but not part of the monthly total.
    let priced = csv.rows(where: "x_Status", is: "priced").filter { $0["ChargeFrequency"] != "One-Time" }
    let items = priced.map { Invariants.money($0["BilledCost"]) ?? -1 }
    var csvFigures: Invariants.Figures = [
      "items": items, "total": [Invariants.sum(items)], "footer": [Invariants.sum(items)],
      "itemSum": [Invariants.sum(items)],
      "listTotal": [Invariants.sum(priced.map { Invariants.money($0["ListCost"]) ?? -1 })],
      "unpriced": [Decimal(csv.rows(where: "x_Status", is: "unpriced").count)],
      "complete": [csv.rows(where: "x_Status", is: "unpriced").isEmpty ? 1 : 0],
    ]
    csvFigures["listFooter"] = csvFigures["listTotal"]
    doc["complete"] = [doc["unpriced"] == [0] ? 1 : 0]
    doc["itemSum"] = [Invariants.sum(doc["items"] ?? [])]
    if csv.rows.count != csv.rows(where: "x_Status", is: "priced").count
      + csv.rows(where: "x_Status", is: "unpriced").count
    {
      problems.append("CSV rows with an x_Status other than priced or unpriced")
    }
    // FOCUS needs a cost on every row: an unpriced row's are 0 placeholders, named in x_Placeholders.
    for row in csv.rows(where: "x_Status", is: "unpriced")
    where row["BilledCost"] != "0.00" || row["ListCost"] != "0.00" || row["x_Placeholders"]?.hasPrefix("cost") != true {
      problems.append("an unpriced CSV row carries a cost or no placeholder flag: \(row["BilledCost"] ?? "")")
    }
    problems += Invariants.compare(
      [("document", doc), ("JSON", json), ("CSV", csvFigures)],
      required: ["total", "listTotal", "items", "footer", "listFooter", "unpriced", "complete", "itemSum"])
    return problems
  }

  // MARK: - compare

  @Test func compare() {
    PropertyCheck.run("formats.compare", cases: 50, test: "FormatsInvariantTests/compare") { seed in
      var inputs = Invariants.inputs(seed)
      let location = inputs.location()
      let bandwidth = inputs.pick(PropertyInputs.providerBandwidths)
      let egress = inputs.volume(maxGB: PropertyInputs.capacityGB(bps: bandwidth.bps) * 95 / 100)
      let zone = inputs.chance(0.2) ? inputs.pick(["Zone 1", "Zone 2", "Zone 3", "Zone 4"]) : nil
      let withVPN = inputs.chance(0.4)
      let discounts = inputs.discountFlags()
      let input =
        "ercalc compare \(zone.map { "--zone '\($0)'" } ?? "--location '\(location.name)'") --bandwidth '\(bandwidth.text)' --egress '\(egress)'"
        + (withVPN ? " --with-vpn" : "") + discounts.map { " --discount \($0)" }.joined() + "\n"
      let report: ComparisonReport
      do {
        report = try Invariants.compareReport(
          location: zone == nil ? location.name : nil, zone: zone, bandwidth: bandwidth.text, egress: egress,
          withVPN: withVPN, discounts: discounts)
      } catch { return .rejected(input: input, reason: "\(error)") }
      return .checked(input: input, problems: Self.checkCompare(Invariants.render(report)))
    }
  }

  static func checkCompare(_ renderings: Invariants.Renderings) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems

    var doc: Invariants.Figures = [:]
    guard let table = document.table(under: "Options, cheapest first") else { return problems + ["no options table"] }
    var previous: Decimal?
    for row in table.rows where row.count >= 5 {
      let key = "\(row[0]) \(row[1])"
      if row[4] == "not sold" { continue }
      if row[4] == "unpriced" {
        doc["complete \(key)"] = [0]
        continue
      }
      guard let total = Invariants.money(row[4]) else {
        problems.append("option \(key): monthly total '\(row[4])' is not an amount")
        continue
      }
      doc["complete \(key)"] = [1]
      doc["total \(key)"] = [total]
      if let previous, total < previous {
        problems.append("options are not cheapest first: \(total) after \(previous)")
      }
      previous = total
    }
    if let vpnTable = document.table(under: "ExpressRoute or a VPN over the internet") {
      for row in vpnTable.rows where row.count >= 2 {
        let key = row[0] == "ExpressRoute" ? "vpn: ExpressRoute" : "vpn: VPN"
        if let amount = Invariants.leadingMoney(row[1]) { doc[key] = [amount] }
        if key == "vpn: VPN" {
          doc["vpn: VPN complete"] = [row[1] == "not priced" || row[1].hasSuffix("+ not priced") ? 0 : 1]
        }
      }
    }

    let root = Invariants.json(renderings.json)
    var json: Invariants.Figures = [:]
    var groups: [String: String] = [:]
    for option in root["options"] as? [[String: Any]] ?? [] {
      guard let quote = option["quote"] as? [String: Any] else { continue }
      let key = "\(option["tier"] as? String ?? "") \(option["billing"] as? String ?? "")"
      groups[quote["name"] as? String ?? ""] = key
      let complete = (quote["complete"] as? Bool) == true
      json["complete \(key)"] = [complete ? 1 : 0]
      if complete {
        json["total \(key)"] = Invariants.money(option["monthlyTotal"]).map { [$0] } ?? [-1]
        if Invariants.money(quote["monthlyTotal"]) != Invariants.money(option["monthlyTotal"]) {
          problems.append("JSON option \(key): monthlyTotal differs from its quote's")
        }
      } else if option["monthlyTotal"] is String {
        problems.append("JSON option \(key) is incomplete but has a monthlyTotal")
      }
    }
    if let vpn = root["vpnComparison"] as? [String: Any] {
      json["vpn: ExpressRoute"] = Invariants.money(vpn["expressRouteMonthly"]).map { [$0] }
      json["vpn: VPN"] = Invariants.money(vpn["vpnMonthly"]).map { [$0] }
      json["vpn: VPN complete"] = [(vpn["vpnComplete"] as? Bool) == true ? 1 : 0]
    }

    var csvFigures: Invariants.Figures = [:]
    let csv = CSVTable(renderings.csv)
    var sums: [String: Decimal] = [:]
    var incomplete: Set<String> = []
    // The VPN over the internet (with --with-vpn) is a group of its own: its rows add up to the JSON's vpnMonthly.
    var vpnSum: Decimal = 0
    var vpnIncomplete = false
    for row in csv.rows where row["x_Group"] == "VPN over the internet" {
      if row["x_Status"] == "unpriced" {
        vpnIncomplete = true
      } else {
        vpnSum += Invariants.money(row["BilledCost"]) ?? -1
      }
    }
    if root["vpnComparison"] != nil, !vpnIncomplete, vpnSum != 0 { csvFigures["vpn: VPN"] = [vpnSum] }
    for row in csv.rows where row["x_Group"] != "VPN over the internet" {
      guard let key = groups[row["x_Group"] ?? ""] else {
        problems.append("CSV group '\(row["x_Group"] ?? "")' is not an option in the JSON")
        continue
      }
      if row["x_Status"] == "unpriced" {
        incomplete.insert(key)
      } else if row["ChargeFrequency"] != "One-Time" {  // one-time charges are rows, not in the monthly total
        sums[key, default: 0] += Invariants.money(row["BilledCost"]) ?? -1
      }
    }
    for key in Set(groups.values) {
      csvFigures["complete \(key)"] = [incomplete.contains(key) ? 0 : 1]
      if !incomplete.contains(key) { csvFigures["total \(key)"] = [sums[key] ?? 0] }
    }
    problems += Invariants.compare([("document", doc), ("JSON", json), ("CSV", csvFigures)], required: [])
    if doc.isEmpty { problems.append("no option read from the document") }
    return problems
  }

  // MARK: - diff

  @Test func diff() {
    PropertyCheck.run("formats.diff", cases: 35, test: "FormatsInvariantTests/diff") { seed in
      var inputs = Invariants.inputs(seed)
      let before = inputs.deployment(name: "before")
      // The second deployment: a fresh draw, or the same one at another volume (same names, other amounts).
      var other = Invariants.inputs(inputs.chance(0.5) ? seed : seed &+ 0x5EED)
      other.volumeScale = inputs.pick([500, 1000, 1500, 3000])
      let after = other.deployment(name: "after")
      let discounts = inputs.discountFlags()
      let input =
        "before:\n\(before.text)after:\n\(after.text)" + (discounts.isEmpty ? "" : "discounts: \(discounts)\n")
      let report: DiffReport
      let quotes: [[String: Any]]
      do {
        let (diff, beforeQuote, afterQuote) = try Invariants.diffReport(before, after, discounts: discounts)
        report = diff
        // One truth across commands: each side's total is what `quote` says for that deployment.
        quotes = [beforeQuote, afterQuote].map {
          Invariants.json(QuoteReport(quote: $0).render(.json))["quote"] as? [String: Any] ?? [:]
        }
      } catch { return .rejected(input: input, reason: "\(error)") }
      return .checked(input: input, problems: Self.checkDiff(Invariants.render(report), quotes: quotes))
    }
  }

  static func checkDiff(_ renderings: Invariants.Renderings, quotes: [[String: Any]]) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems

    func side(_ label: String) -> (Decimal?, Decimal) {
      let value = document.fact(label) ?? ""
      guard let range = value.range(of: #": [-0-9,.]+ [A-Z]{3}"#, options: .regularExpression) else { return (nil, 0) }
      let amount = Invariants.leadingMoney(String(value[range].dropFirst(2)))
      return (amount, value.contains("(incomplete") ? 1 : 0)
    }
    var doc: Invariants.Figures = [:]
    let (before, beforeIncomplete) = side("Before")
    let (after, afterIncomplete) = side("After")
    doc["before"] = before.map { [$0] }
    doc["after"] = after.map { [$0] }
    doc["complete"] = [
      beforeIncomplete + afterIncomplete == 0 && !(document.fact("Change") ?? "").hasPrefix("unknown") ? 1 : 0
    ]
    doc["before complete"] = [1 - beforeIncomplete]
    doc["after complete"] = [1 - afterIncomplete]
    if let table = document.tables.first(where: { $0.columns == ["Item", "Before", "After", "Change"] }) {
      doc["before footer"] = Invariants.money(table.footerCell("Before")).map { [$0] }
      doc["after footer"] = Invariants.money(table.footerCell("After")).map { [$0] }
      let change = table.footerCell("Change")
      doc["change"] = change == "unknown" ? nil : Invariants.money(change).map { [$0] } ?? [-1]
    }
    if doc["complete"] == [1] {
      let changeFact = document.fact("Change")
      doc["change fact"] = Invariants.leadingMoney(changeFact).map { [$0] } ?? [-1]
    }

    let root = Invariants.json(renderings.json)
    var json: Invariants.Figures = [:]
    json["before"] = Invariants.money(root["beforeTotal"]).map { [$0] }
    json["after"] = Invariants.money(root["afterTotal"]).map { [$0] }
    json["before footer"] = json["before"]
    json["after footer"] = json["after"]
    json["complete"] = [(root["complete"] as? Bool) == true ? 1 : 0]
    if json["complete"] == [1] {
      json["change"] = Invariants.money(root["change"]).map { [$0] } ?? [-1]
      json["change fact"] = json["change"]
    }
    let rows = root["items"] as? [[String: Any]] ?? []
    json["before complete"] = [rows.contains { $0["beforeUnpriced"] is String } ? 0 : 1]
    json["after complete"] = [rows.contains { $0["afterUnpriced"] is String } ? 0 : 1]

    // The CSV is a FOCUS dataset of both sides (x_Scenario); a side's monthly total is its priced recurring and
    // usage rows' BilledCost (one-time charges are rows, not part of the monthly total).
    let csv = CSVTable(renderings.csv)
    func side(_ scenario: String) -> Decimal {
      Invariants.sum(
        csv.rows(where: "x_Scenario", is: scenario).filter {
          $0["x_Status"] == "priced" && $0["ChargeFrequency"] != "One-Time"
        }.compactMap { Invariants.money($0["BilledCost"]) })
    }
    var csvFigures: Invariants.Figures = [
      "before": [side("before")], "after": [side("after")],
      "complete": [csv.rows(where: "x_Status", is: "unpriced").isEmpty ? 1 : 0],
    ]
    csvFigures["before footer"] = csvFigures["before"]
    csvFigures["after footer"] = csvFigures["after"]
    if csvFigures["complete"] == [1] {
      csvFigures["change"] = [side("after") - side("before")]
      csvFigures["change fact"] = csvFigures["change"]
    }

    var quote: Invariants.Figures = [:]
    quote["before"] = Invariants.money(quotes[0]["monthlyTotal"]).map { [$0] }
    quote["after"] = Invariants.money(quotes[1]["monthlyTotal"]).map { [$0] }
    quote["before complete"] = [(quotes[0]["complete"] as? Bool) == true ? 1 : 0]
    quote["after complete"] = [(quotes[1]["complete"] as? Bool) == true ? 1 : 0]
    quote["complete"] = [quote["before complete"] == [1] && quote["after complete"] == [1] ? 1 : 0]
    problems += Invariants.compare(
      [("document", doc), ("JSON", json), ("CSV", csvFigures), ("quote", quote)],
      required: ["before", "after", "complete"])
    return problems
  }

  // MARK: - size

  @Test func size() {
    PropertyCheck.run("formats.size", cases: 25, test: "FormatsInvariantTests/size") { seed in
      var inputs = Invariants.inputs(seed)
      let shape = inputs.profileShape(name: "profile \(seed)", horizonMonths: inputs.int(1...24))
      let profile = PropertyInputs.profile(shape, demand: inputs.demand())
      let discounts = inputs.discountFlags()
      let input = profile.text + (discounts.isEmpty ? "" : "discounts: \(discounts)\n")
      let report: SizingReport
      do { report = try Invariants.sizeReport(profile, discounts: discounts) } catch {
        return .rejected(input: input, reason: "\(error)")
      }
      return .checked(input: input, problems: Self.checkSize(Invariants.render(report)))
    }
  }

  static func checkSize(_ renderings: Invariants.Renderings) -> [String] {
    var problems = renderings.problems
    let (document, documentProblems) = Invariants.documents(renderings)
    problems += documentProblems

    var doc: Invariants.Figures = [:]
    let horizon = document.fact("Horizon total") ?? ""
    let pattern = #"^([-0-9,.]+) [A-Z]{3} over ([0-9]+) months \(circuit plan ([-0-9,.]+) \+ extras ([-0-9,.]+)\)"#
    if let match = RenderedDocument.matches(pattern, in: horizon).first {
      doc["horizon"] = Invariants.money(match[1]).map { [$0] }
      doc["months"] = Decimal(string: match[2] ?? "").map { [$0] }
      doc["plan"] = Invariants.money(match[3]).map { [$0] }
      if let plan = Invariants.money(match[3]), let extras = Invariants.money(match[4]) {
        doc["plan + extras"] = [plan + extras]
      }
    } else {
      problems.append("'Horizon total' not read: '\(horizon)'")
    }
    doc["unpriced"] = [Invariants.excludedCount(horizon.replacingOccurrences(of: "charge", with: "item"))]
    doc["complete"] = [doc["unpriced"] == [0] ? 1 : 0]

    let root = Invariants.json(renderings.json)
    var json: Invariants.Figures = [:]
    json["horizon"] = Invariants.money(root["horizonTotal"]).map { [$0] }
    json["plan + extras"] = json["horizon"]
    json["plan"] = Invariants.money(root["planCost"]).map { [$0] }
    let monthly = (root["monthlyTotals"] as? [Any] ?? []).map { Invariants.money($0) ?? -1 }
    json["months"] = [Decimal(monthly.count)]
    json["month totals"] = monthly
    json["sum of months"] = [Invariants.sum(monthly)]
    json["unpriced"] = [Decimal((root["unpriced"] as? [Any] ?? []).count)]
    json["complete"] = [json["unpriced"] == [0] ? 1 : 0]
    doc["sum of months"] = doc["horizon"]

    let csv = CSVTable(renderings.csv)
    var groups: [String] = []
    var sums: [String: Decimal] = [:]
    for row in csv.rows {
      let group = row["x_Group"] ?? ""
      if !groups.contains(group) { groups.append(group) }
      if row["x_Status"] == "priced" { sums[group, default: 0] += Invariants.money(row["BilledCost"]) ?? -1 }
    }
    let csvMonths = groups.map { sums[$0] ?? 0 }
    var csvFigures: Invariants.Figures = [
      "horizon": [Invariants.sum(csvMonths)], "month totals": csvMonths, "sum of months": [Invariants.sum(csvMonths)],
      "complete": [csv.rows(where: "x_Status", is: "unpriced").isEmpty ? 1 : 0],
    ]
    csvFigures["plan + extras"] = csvFigures["horizon"]
    problems += Invariants.compare(
      [("document", doc), ("JSON", json), ("CSV", csvFigures)],
      required: ["horizon", "plan + extras", "sum of months", "complete"])
    return problems
  }
}
