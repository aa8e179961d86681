import ExpressRouteCore
import ExpressRoutePlanning

extension DiffReport {
  /// The diff as a pull-request comment in GitHub-flavoured Markdown (`ercalc diff --format github`).
  ///
  /// In order: a one-line headline (the cost before → after, the change in the currency and in percent, see
  /// ``CostGate/percent(_:of:)``); the gate's `verdict` (pass, warn or fail with its thresholds, or "No cost gate
  /// set"); the changed items folded in `<details>` (items with an unknown change first, then by the size of the
  /// change, largest first, then by name; at most `maxRows`, the rest summed in one row), with the Terraform actions;
  /// one-time charges; the items not priced (never counted as zero); and the prices, price date and hours per month.
  ///
  /// Deterministic: no clock, no locale. Every name is escaped: `& < >` as HTML entities, Markdown punctuation
  /// (`\ | * _ ` [ ] ~ # $ !`) with a backslash, line breaks as spaces.
  public func pullRequestComment(verdict: CostGate.Verdict?, maxRows: Int = 50) -> String {
    var lines = ["### " + Self.escapeMarkdown(pullRequestHeadline), ""]
    lines.append(Self.verdictLine(verdict))
    let changed = rows.filter { $0.before != $0.after || $0.isIncomplete }
    let unchanged = rows.count - changed.count
    if !changed.isEmpty || !plannedChanges.isEmpty {
      let summary = Self.count(changed.count, "changed item") + (unchanged > 0 ? ", \(unchanged) unchanged" : "")
      lines += ["", "<details><summary>\(summary)</summary>", ""]
      if !changed.isEmpty { lines += changeTable(changed, maxRows: max(maxRows, 1)) + [""] }
      if !plannedChanges.isEmpty {
        lines.append("Terraform plan:")
        lines += plannedChanges.map { "- \(Self.escapeMarkdown($0.address)): \($0.action.rawValue)" }
        lines.append("")
      }
      lines.append("</details>")
    } else if let planStatement {
      lines += ["", Self.escapeMarkdown(planStatement)]
    }
    let oneTime = overlaps.map { overlap in
      "- \(Self.escapeMarkdown(overlap.circuit)): \(Self.escapeMarkdown(overlap.reason)); the old circuit runs "
        + "\(Self.count(overlap.months, "month")) alongside: \(overlap.cost.map(withCurrency) ?? "not priced")"
    }
    let userOneTime = oneTimeCharges.map { charge in
      "- \(Self.escapeMarkdown(charge.item)): \(charge.before.map(withCurrency) ?? "none") → "
        + "\(charge.after.map(withCurrency) ?? "none")"
    }
    if !oneTime.isEmpty || !userOneTime.isEmpty {
      lines += ["", "**One-time** (not in the \(period == "monthly" ? "monthly " : "")amounts above):"]
      lines += oneTime + userOneTime
    }
    lines.append("")
    if unpriced.isEmpty {
      lines.append("**Not priced:** none.")
    } else {
      lines.append(
        isComplete
          ? "**Not priced** (the same on both sides of resources the plan leaves as they are, so the change is known):"
          : "**Not priced** (never counted as zero: the change is unknown until they are priced):")
      lines += unpriced.map { "- " + Self.escapeMarkdown($0) }
    }
    let footer =
      "Prices: \(basis.pricesLabel) of \(priceDate) · \(hoursPerMonth.plainDescription) hours per month · "
      + "amounts in \(currency) · \(beforeName) → \(afterName)"
    lines += ["", "<sub>\(Self.escapeMarkdown(footer))</sub>"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `ExpressRoute monthly cost: 17,253.30 → 23,261.36 USD (+6,008.06 USD, +34.8%)`, or the change unknown with
  /// the priced items alone.
  var pullRequestHeadline: String {
    let subject = period == "monthly" ? "ExpressRoute monthly cost" : "ExpressRoute cost, \(period)"
    let change = afterTotal - beforeTotal
    let totals = "\(beforeTotal.groupedAmount) → \(afterTotal.groupedAmount) \(currency)"
    let incomplete = rows.filter(\.isIncomplete).count
    if incomplete > 0 {
      return "\(subject): change unknown, \(Self.count(incomplete, "item")) not priced "
        + "(priced items alone: \(totals), \(Self.signed(change)) \(currency))"
    }
    if change.amount == 0 { return "\(subject): \(totals) (no change)" }
    let share = CostGate.percent(change, of: beforeTotal).map { "\($0)%" } ?? "nothing before"
    return "\(subject): \(totals) (\(Self.signed(change)) \(currency), \(share))"
  }

  /// `**Cost gate: ❌ fail** (reason).`
  static func verdictLine(_ verdict: CostGate.Verdict?) -> String {
    guard let verdict else { return "No cost gate set." }
    let mark =
      switch verdict.status {
      case .pass: "✅"
      case .warn: "⚠️"
      case .fail: "❌"
      }
    return "**Cost gate: \(mark) \(verdict.status.rawValue)**: \(Self.escapeMarkdown(verdict.reason))."
  }

  /// The changed rows, unknown changes first, then by the size of the change, largest first, then by name.
  func changeTable(_ changed: [Row], maxRows: Int) -> [String] {
    let ordered = changed.sorted { first, second in
      let (a, b) = (first.change(currency: currency), second.change(currency: currency))
      switch (a, b) {
      case (nil, nil): return first.item < second.item
      case (nil, _): return true
      case (_, nil): return false
      case (let a?, let b?):
        let (x, y) = (abs(a.amount), abs(b.amount))
        return x != y ? x > y : first.item < second.item
      }
    }
    var lines = [
      "| Item | Before (\(currency)) | After (\(currency)) | Change (\(currency)) |", "| :--- | ---: | ---: | ---: |",
    ]
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    for row in ordered.prefix(maxRows) {
      lines.append(
        line([
          Self.escapeMarkdown(row.item), Self.cell(row.before, unpriced: row.beforeUnpriced),
          Self.cell(row.after, unpriced: row.afterUnpriced),
          row.change(currency: currency).map(Self.signed) ?? "unknown",
        ]))
    }
    let rest = ordered.dropFirst(maxRows)
    if !rest.isEmpty {
      let sum = { (amounts: [Money?]) in Money.sum(amounts.compactMap { $0 }, currency: self.currency) }
      let changes = rest.map { $0.change(currency: currency) }
      lines.append(
        line([
          "… \(Self.count(rest.count, "more item"))", sum(rest.map(\.before)).groupedAmount,
          sum(rest.map(\.after)).groupedAmount, changes.contains(nil) ? "unknown" : Self.signed(sum(changes)),
        ]))
    }
    lines.append(
      line([
        "**Total**", "**\(beforeTotal.groupedAmount)**", "**\(afterTotal.groupedAmount)**",
        "**\(isComplete ? Self.signed(afterTotal - beforeTotal) : "unknown")**",
      ]))
    return lines
  }

  func withCurrency(_ money: Money) -> String { "\(money.groupedAmount) \(currency)" }

  /// `1 item`, `2 items`.
  static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// `text` safe in a Markdown paragraph, list item or table cell: `& < >` as HTML entities (they cannot open a
  /// tag), Markdown punctuation escaped with a backslash, line breaks folded into spaces.
  static func escapeMarkdown(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\\", "|", "*", "_", "`", "[", "]", "~", "#", "$", "!": result += "\\\(character)"
      case "\n", "\r", "\r\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
