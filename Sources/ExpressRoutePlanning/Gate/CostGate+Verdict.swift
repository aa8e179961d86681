import ExpressRouteCore
import Foundation

extension CostGate {
  /// The gate's verdict on `figure` (the rules are in ``CostGate``); `nil` when no level is set.
  public func verdict(for figure: Figure) -> Verdict? {
    guard isSet else { return nil }
    let levels = [(fail, failOption), (warn, warnOption)].compactMap { level in level.0.map { ($0, level.1) } }
    if let fail, exceeds(fail, figure) {
      // Above the fail level even on the priced items alone (the order ercalc's gates have always checked).
      return Verdict(.fail, "\(measured(fail, figure)) exceeds \(described(fail, failOption, figure))")
    }
    let count = figure.missing(for: levels.map(\.0))
    if count > 0 || figure.amount == nil {
      let missing =
        figure.amount == nil
        ? "nothing could be priced"
        : "\(count) charge\(count == 1 ? " was" : "s were") not priced, so the \(figure.measure) of "
          + "\(money(figure.amount)) is incomplete"
      if !allowUnpriced || figure.amount == nil {
        let option = fail != nil ? failOption : warnOption
        let remedy =
          fail != nil ? "price them (see 'Not priced') or pass \(allowOption)" : "price them (see 'Not priced')"
        return Verdict(fail != nil ? .fail : .warn, "\(option) cannot pass: \(missing); \(remedy)")
      }
      let priced = levels.map { level in
        let verb = exceeds(level.0, figure) ? "exceeds" : "is within"
        return "\(measured(level.0, figure)) \(verb) \(described(level.0, level.1, figure))"
      }
      return Verdict(
        .warn,
        "not a pass: \(missing) (allowed by \(allowOption)); priced items alone: \(priced.joined(separator: "; "))")
    }
    if let warn, exceeds(warn, figure) {
      return Verdict(.warn, "\(measured(warn, figure)) exceeds \(described(warn, warnOption, figure))")
    }
    // Within every level: one clause per kind of figure (the amount, or the change as a share of before).
    var clauses: [(measure: String, limits: [String])] = []
    for (threshold, option) in levels.reversed() {
      let measure = measured(threshold, figure)
      let limit = described(threshold, option, figure)
      if let index = clauses.firstIndex(where: { $0.measure == measure }) {
        clauses[index].limits.append(limit)
      } else {
        clauses.append((measure, [limit]))
      }
    }
    return Verdict(
      .pass,
      clauses.map { "\($0.measure) is within \($0.limits.joined(separator: " and "))" }.joined(separator: "; "))
  }

  /// Whether the (priced) figure is strictly above `threshold`.
  func exceeds(_ threshold: Threshold, _ figure: Figure) -> Bool {
    switch threshold {
    case .amount(let limit):
      guard let amount = figure.amount else { return false }
      return amount.amount > limit
    case .percent(let percent):
      guard let change = figure.change, let before = figure.before else { return false }
      if before.amount == 0 { return change.amount > 0 }
      return change.amount > before.amount * percent / 100
    }
  }

  /// The figure a threshold is compared with, in words: `monthly increase 6,008.06 USD`, or for a relative threshold
  /// `the change +6,008.06 USD (+34.8% of 17,253.30 USD before)`.
  func measured(_ threshold: Threshold, _ figure: Figure) -> String {
    switch threshold {
    case .amount: return "\(figure.measure) \(money(figure.amount))"
    case .percent:
      guard let change = figure.change, let before = figure.before else {
        return "the change (unknown: there is no before side)"
      }
      let share = Self.percent(change, of: before).map { "\($0)% of \(money(before)) before" } ?? "nothing before"
      // Two portfolios are gated on their highest months, not on the totals a report's headline compares: say so.
      let subject = figure.measure.hasPrefix("highest") ? "the change in the \(figure.measure)" : "the change"
      return "\(subject) \(signed(change)) (\(share))"
    }
  }

  /// A threshold as given, with the amount a percentage stands for: `--fail-above 5,000.00 USD`,
  /// `--fail-above +10% (+1,725.33 USD)`, `--warn-above +5% (+862.665 USD)`, or
  /// `--fail-above +10% (any increase from nothing)`.
  func described(_ threshold: Threshold, _ option: String, _ figure: Figure) -> String {
    let currency = figure.amount?.currency ?? figure.before?.currency ?? .usd
    let label = "\(option) \(threshold.label(currency: currency))"
    guard case .percent(let percent) = threshold, let before = figure.before else { return label }
    if before.amount == 0 { return label + " (any increase from nothing)" }
    // The exact amount the percentage stands for (`+862.665 USD` for 5% of 17,253.30), so it never reads as equal to
    // a figure above it: cents, or up to six places when it has more.
    let limit = before.amount * percent / 100
    let places = (2...6).first { limit.rounded(toPlaces: $0, rule: .toNearestOrAwayFromZero) == limit } ?? 6
    return label + " (\(limit > 0 ? "+" : "")\(limit.grouped(places: places)) \(before.currency))"
  }

  func money(_ amount: Money?) -> String {
    amount.map { "\($0.groupedAmount) \($0.currency)" } ?? "unknown"
  }

  func signed(_ amount: Money) -> String {
    (amount.amount > 0 ? "+" : "") + money(amount)
  }
}
