import ExpressRouteCore
import Foundation

/// A cost gate for a pipeline: a level above which a check fails, and a level above which it only warns.
///
/// The rules, in order (``verdict(for:)``):
/// - A threshold is **exceeded** only when the figure is strictly above it; a figure exactly at the threshold passes.
///   An absolute threshold (``Threshold/amount(_:)``) is compared with the figure itself (a monthly total, the highest
///   month, a monthly increase). A relative threshold (``Threshold/percent(_:)``, `+10%`) is compared with the
///   change, after minus before, as a share of the before side: `change > before × percent / 100`, exactly, without
///   rounding. When the before side is 0 (nothing before), any increase exceeds a relative threshold (it is more than
///   any percentage of nothing) and no change or a decrease does not.
/// - An **incomplete** figure (an item not priced on either side, or nothing priced) never passes: it fails when a
///   fail level is set and warns when only a warn level is. With ``allowUnpriced`` the priced items alone are
///   compared: above the fail level they fail, and otherwise the verdict is a warning, never a pass.
/// - A **complete** figure fails above the fail level, warns above the warn level, and passes otherwise.
///
/// The verdict's reason names the thresholds by ``failOption`` and ``warnOption``, as the user gave them.
public struct CostGate: Hashable, Sendable {
  /// One level of the gate.
  public enum Threshold: Hashable, Sendable {
    /// An amount in the figure's currency (major units), compared with the figure.
    case amount(Decimal)
    /// A percentage of the before side (`10` is `+10%`), compared with the change.
    case percent(Decimal)

    /// Parses `500`, `5,000.00`, `+500`, `10%` or `+10%`; `nil` for anything else (`+abc%`, `10%%`, `-5%`, `%`).
    ///
    /// A leading `+` is allowed on both (the gate is on an increase); `,` may group an amount's digits in threes (a
    /// decimal comma, `7973,56`, is refused rather than read as 797,356).
    public init?(parsing text: String) {
      var body = Substring(text)
      if body.hasPrefix("+") { body = body.dropFirst() }
      if body.hasSuffix("%") {
        guard let value = Decimal(plain: body.dropLast()) else { return nil }
        self = .percent(value)
      } else {
        guard let value = Decimal(grouped: body) else { return nil }
        self = .amount(value)
      }
    }

    /// Whether the threshold is a percentage of the before side.
    public var isRelative: Bool {
      if case .percent = self { return true }
      return false
    }

    /// `5,000.00 USD` or `+10%` (the percentage as given, without trailing zeros).
    public func label(currency: CurrencyCode) -> String {
      switch self {
      case .amount(let value): return "\(value.grouped(places: 2)) \(currency)"
      case .percent(let value): return "+\(value.plainDescription)%"
      }
    }
  }

  /// What a gate checks: the figure, what it is, and the before side a relative threshold is a share of.
  public struct Figure: Hashable, Sendable {
    /// What ``amount`` is, in words (`monthly increase`, `monthly total`, `highest monthly total`).
    public var measure: String
    /// The figure an absolute threshold is compared with (priced items only while ``unpriced`` > 0); `nil` when
    /// nothing could be priced.
    public var amount: Money?
    /// Items or charges missing from the figure; while any is, the figure is incomplete.
    public var unpriced: Int
    /// The before side's figure, the base of a relative threshold; `nil` when there is no before side.
    public var before: Money?
    /// After minus before, compared with a relative threshold; `nil` when there is no before side.
    public var change: Money?
    /// Charges missing from ``before`` when ``unpriced`` counts the after side only: they leave a relative
    /// threshold's base, and so the change, incomplete (an absolute threshold on the after side does not need them).
    public var beforeUnpriced = 0

    /// Creates a figure; give `before` and `change` for a comparison, so relative thresholds can be checked.
    public init(measure: String, amount: Money?, unpriced: Int, before: Money? = nil, change: Money? = nil) {
      self.measure = measure
      self.amount = amount
      self.unpriced = unpriced
      self.before = before
      self.change = change
    }

    /// The charges missing from what `thresholds` compare: ``unpriced``, and ``beforeUnpriced`` too when one of
    /// them is relative.
    public func missing(for thresholds: [Threshold]) -> Int {
      unpriced + (thresholds.contains(where: \.isRelative) ? beforeUnpriced : 0)
    }
  }

  /// The outcome of a gate.
  public struct Verdict: Hashable, Sendable {
    /// Pass, warn (does not fail a pipeline) or fail.
    public enum Status: String, Hashable, Sendable {
      /// Within every level and complete.
      case pass
      /// Above the warn level, or incomplete where that is allowed: reported, not failed.
      case warn
      /// Above the fail level, or incomplete.
      case fail
    }

    /// Pass, warn or fail.
    public var status: Status
    /// Why, in one sentence without a final full stop, naming the figure and the thresholds.
    public var reason: String

    /// Creates a verdict.
    public init(_ status: Status, _ reason: String) {
      self.status = status
      self.reason = reason
    }
  }

  /// The level above which the gate fails; `nil` for none.
  public var fail: Threshold?
  /// The level above which the gate warns without failing; `nil` for none.
  public var warn: Threshold?
  /// Whether an incomplete figure is judged on its priced items (then it warns at best) instead of failing.
  public var allowUnpriced: Bool
  /// How the fail level is named in reasons (`the fail limit`; the command line names its option).
  public var failOption = "the fail limit"
  /// How the warn level is named in reasons (`the warn limit`; the command line names its option).
  public var warnOption = "the warn limit"
  /// How the permission to judge priced items alone is named in reasons (``allowUnpriced``; the command line names
  /// its flag).
  public var allowOption = "allowUnpriced"

  /// Creates a gate.
  public init(fail: Threshold? = nil, warn: Threshold? = nil, allowUnpriced: Bool = false) {
    self.fail = fail
    self.warn = warn
    self.allowUnpriced = allowUnpriced
  }

  /// Whether any level is set.
  public var isSet: Bool { fail != nil || warn != nil }

  /// The percentage `change` is of `base`, as ercalc prints it: one decimal place, rounded half away from zero
  /// (`+34.8%` for 6,008.06 of 17,253.30, which is 34.8226…%), with `+` for an increase and `-` for a decrease
  /// (an increase that rounds to 0.0 keeps its `+`: `+0.0%`; a decrease that does is `0.0%`); `nil` when `base` is 0.
  public static func percent(_ change: Money, of base: Money) -> String? {
    guard base.amount != 0 else { return nil }
    let value = (change.amount / base.amount * 100).fixedPoint(places: 1, rule: .toNearestOrAwayFromZero)
    return change.amount > 0 ? "+" + value : value
  }
}
