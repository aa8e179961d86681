import ExpressRouteCore
import Foundation

/// Negotiated discounts off Azure's list prices: one for every Azure charge, or one per meter family.
///
/// A family's own rate wins over the rate for all. The user's own charges are never discounted
/// (they are already what the vendor bills). Each discount is given in one place only (an override
/// file or a `--discount` option): the same family given two different discounts in two places is an
/// error naming both (``set(_:on:from:)``), never settled silently.
///
/// Every amount and every break-even uses ``effectivePrice(_:for:)``: the list price less the discount.
public struct Discounts: Hashable, Sendable {
  /// The discount on every Azure charge, as a fraction (0.12 = 12%).
  public var all: Decimal = 0
  /// Discounts by meter family (a rate-table section: `circuits`, `egress`, `gateways`, …).
  public var bySection: [String: Decimal] = [:]
  /// Where each discount was given, by family (`all` or a section): an override file's path, or `--discount 12%`.
  public var places: [String: String] = [:]

  /// Creates discounts.
  public init(all: Decimal = 0, bySection: [String: Decimal] = [:]) {
    self.all = all
    self.bySection = bySection
  }

  /// The meter families a discount may name.
  public static let sections = [
    "circuits", "egress", "gateways", "scaleGateway", "directPorts", "directPremiumAddOn", "globalReach",
    "trafficCollector", "vpnGateways",
  ]

  /// The name of the discount on every Azure charge, beside ``sections``.
  public static let allFamily = "all"

  /// Whether any discount applies.
  public var isEmpty: Bool { all == 0 && bySection.values.allSatisfy { $0 == 0 } }

  /// The discount on `meter`.
  public func rate(for meter: Meter) -> Decimal {
    if case .userCharge = meter { return 0 }
    return bySection[meter.section] ?? all
  }

  /// The discount on a rate: none on the user's own rate from an override file (``Provenance/isOwnRate``) or their
  /// price sheet (``PriceSource/Confidence/customer``), which is already the price they pay, else ``rate(for:)`` its
  /// meter.
  public func discount(on rate: RateTable.Rate) -> Decimal {
    rate.provenance.isOwnRate || rate.provenance.confidence == .customer ? 0 : self.rate(for: rate.meter)
  }

  /// `amount × (1 − fraction)`: a list amount less a discount (the amount itself when there is none).
  public static func discounted(_ amount: Decimal, by fraction: Decimal) -> Decimal {
    fraction.isZero ? amount : FastDecimal.product(amount, FastDecimal.difference(1, fraction))
  }

  /// The unit price of `meter` that amounts are billed at: `price × (1 − discount)`.
  ///
  /// Line items (``LineItem``) and break-even volumes are both worked out from this, so a break-even is where
  /// the discounted amounts cross.
  public func effectivePrice(_ price: Decimal, for meter: Meter) -> Decimal {
    Self.discounted(price, by: rate(for: meter))
  }

  /// `12% on all Azure charges`, `10% on circuits, 5% on egress`.
  public var summary: String {
    var parts: [String] = []
    if all != 0 { parts.append("\((all * 100).plainDescription)% on all Azure charges") }
    for section in Self.sections {
      if let rate = bySection[section] { parts.append("\((rate * 100).plainDescription)% on \(section)") }
    }
    return parts.joined(separator: ", ")
  }

  /// A discount as given: the fraction and where (an override file's path, or `--discount 12%`).
  public struct Given: Hashable, Sendable {
    /// The discount, as a fraction (0.12 = 12%).
    public var fraction: Decimal
    /// Where it was given.
    public var place: String
  }

  /// Two places that gave the same family different discounts.
  public struct Conflict: Error, Hashable, Sendable {
    /// `all` or a section.
    public var family: String
    /// The discount given first.
    public var earlier: Given
    /// The discount given later.
    public var later: Given

    /// `two different discounts on circuits: 10% (--discount circuits=10%) and 20% (ea.json); give the discount in one place only`.
    public var message: String {
      let what = family == Discounts.allFamily ? "all Azure charges" : family
      return
        "two different discounts on \(what): \((earlier.fraction * 100).plainDescription)% (\(earlier.place)) and \((later.fraction * 100).plainDescription)% (\(later.place)); give the discount in one place only"
    }
  }

  /// The discount `fraction` on `family` (`all` or one of ``sections``), as given at `place`.
  ///
  /// - Returns: the ``Conflict`` (changing nothing) when another place already gave this family a different
  ///   discount; the same discount given twice is no conflict.
  public mutating func set(_ fraction: Decimal, on family: String, from place: String) -> Conflict? {
    if let earlier = places[family] {
      let current = family == Self.allFamily ? all : bySection[family] ?? all
      guard current == fraction else {
        return Conflict(
          family: family, earlier: Given(fraction: current, place: earlier),
          later: Given(fraction: fraction, place: place))
      }
      return nil
    }
    if family == Self.allFamily { all = fraction } else { bySection[family] = fraction }
    places[family] = place
    return nil
  }

  /// Parses a `--discount` value, `12%` (every Azure charge) or `circuits=10%` (one meter family), into the family
  /// (`all` or a section) and the fraction (0.12); `nil` when malformed.
  ///
  /// The `%` is required: a bare `0.12` is refused, not read as 0.12% (or guessed to mean 12%). The family matches
  /// whatever its case (`CIRCUITS=20%` is `circuits`).
  public static func parse(option text: String) -> (family: String, fraction: Decimal)? {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let percentText = parts.last ?? ""
    guard percentText.hasSuffix("%"), let percent = Decimal(plain: percentText.dropLast()), percent < 100 else {
      return nil
    }
    guard parts.count == 2 else { return (allFamily, percent / 100) }
    guard let section = sections.first(where: { $0.lowercased() == parts[0].lowercased() }) else { return nil }
    return (section, percent / 100)
  }

  /// Whether `text` is a `--discount` value that lacks only its `%` sign (`0.12`, `circuits=10`).
  public static func lacksPercentSign(_ text: String) -> Bool {
    let number = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).last ?? ""
    return !number.hasSuffix("%") && parse(option: text + "%") != nil
  }
}

extension Discounts {
  /// Adds the discounts an override file declares, `{"all": "12", "circuits": "10%"}` (percentages, as strings,
  /// with or without the `%`).
  ///
  /// A bare number between 0 and 1 (`"0.5"`) is refused as the `--discount` option refuses `0.12`: it could mean
  /// half a percent or fifty; `"0.5%"` or `"50%"` says which.
  ///
  /// - Throws: ``Diagnostic`` at the value that is not a percentage below 100, or that gives a family a
  ///   different discount than an earlier file did (naming that file).
  mutating func add(node: JSONNode, place: String) throws(Diagnostic) {
    let object = try node.object(allowing: [Self.allFamily] + Self.sections)
    for key in [Self.allFamily] + Self.sections {
      guard let value = object.optional(key) else { continue }
      let text = try value.string()
      let percent: Decimal
      if text.hasSuffix("%") {
        guard let number = Decimal(plain: text.dropLast()) else {
          throw value.error("'\(text)' is not a percentage (expected a number of percent such as \"12\" or \"12%\")")
        }
        percent = number
      } else {
        percent = try value.price()
        guard percent == 0 || percent >= 1 else {
          throw value.error(
            "'\(text)' is ambiguous: it could mean \(text)% or \((percent * 100).plainDescription)% (write \"\(text)%\" or \"\((percent * 100).plainDescription)%\"; a bare number is a percentage, \"12\" being 12%)"
          )
        }
      }
      guard percent < 100 else {
        throw value.error("\(percent)% is not a discount (expected a percentage from 0 to less than 100)")
      }
      if let conflict = set(percent / 100, on: key, from: place) { throw value.error(conflict.message) }
    }
  }
}
