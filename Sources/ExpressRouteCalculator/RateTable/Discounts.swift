import Foundation

/// Negotiated discounts off Azure's list prices: one for every Azure charge, or one per meter family.
///
/// A family's own rate wins over the rate for all. The user's own charges are never discounted
/// (they are already what the vendor bills).
public struct Discounts: Hashable, Sendable {
  /// The discount on every Azure charge, as a fraction (0.12 = 12%).
  public var all: Decimal = 0
  /// Discounts by meter family (a rate-table section: `circuits`, `egress`, `gateways`, …).
  public var bySection: [String: Decimal] = [:]

  /// Creates discounts.
  public init(all: Decimal = 0, bySection: [String: Decimal] = [:]) {
    self.all = all
    self.bySection = bySection
  }

  /// The meter families a discount may name.
  public static let sections = [
    "circuits", "egress", "gateways", "scaleGateway", "directPorts", "directPremiumAddOn", "globalReach", "trafficCollector", "vpnGateways",
  ]

  /// Whether any discount applies.
  public var isEmpty: Bool { all == 0 && bySection.values.allSatisfy { $0 == 0 } }

  /// The discount on `meter`.
  public func rate(for meter: Meter) -> Decimal {
    if case .userCharge = meter { return 0 }
    return bySection[meter.section] ?? all
  }

  /// `12% on all Azure charges`, `10% on circuits, 5% on egress`.
  public var summary: String {
    var parts: [String] = []
    if all != 0 { parts.append("\((all * 100).plainDescription)% on all Azure charges") }
    for section in Self.sections { if let rate = bySection[section] { parts.append("\((rate * 100).plainDescription)% on \(section)") } }
    return parts.joined(separator: ", ")
  }
}

extension Discounts {
  /// Reads `{"all": "12", "circuits": "10"}` (percentages, as strings) from an override file.
  init(node: JSONNode) throws(Diagnostic) {
    self.init()
    let object = try node.object()
    try object.rejectUnknownKeys(["all"] + Self.sections)
    for key in ["all"] + Self.sections {
      guard let value = object.optional(key) else { continue }
      let percent = try value.price()
      guard percent < 100 else { throw value.error("\(percent)% is not a discount (expected a percentage from 0 to less than 100)") }
      if key == "all" { all = percent / 100 } else { bySection[key] = percent / 100 }
    }
  }

  /// Parses `12%`, `12` or `circuits=10%` into this set of discounts; `nil` when malformed.
  public mutating func add(_ text: String) -> Bool {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    let percentText = parts.last ?? ""
    guard let percent = Decimal(plain: percentText.hasSuffix("%") ? String(percentText.dropLast()) : percentText), percent < 100 else { return false }
    if parts.count == 2 {
      guard Self.sections.contains(parts[0]) else { return false }
      bySection[parts[0]] = percent / 100
    } else {
      all = percent / 100
    }
    return true
  }
}
