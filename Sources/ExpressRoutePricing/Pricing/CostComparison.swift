import ExpressRouteCore
import Foundation

extension CostComparison {
  /// What a cost pays for, so that the two sides of a comparison are set side by side like with like.
  ///
  /// Every comparison ercalc prints (provider circuit or ExpressRoute Direct, ExpressRoute or a VPN, redundant or
  /// single) is built from the engine's line items of both sides, each filed under one of these categories. A side
  /// that has nothing in a category the other side has says so explicitly (``CategoryCost/note``), so a missing
  /// cost shows up as an asymmetry rather than as a silent saving.
  public enum CostCategory: Int, CaseIterable, Comparable, Hashable, Sendable {
    /// The connection itself: a provider circuit's fee, a Direct port pair and its circuits' add-ons.
    case connection
    /// Outbound data: metered egress by zone, or internet egress for a VPN.
    case outboundData
    /// The Azure gateway the connection lands on: an ExpressRoute gateway, a Virtual WAN hub, or a VPN gateway.
    case gateway
    /// The second path of a redundant design: a second circuit (fee and data) or a backup VPN gateway.
    case secondPath
    /// The circuit in service kept running beside a new one during the lead time.
    case currentCircuit
    /// Global Reach data.
    case globalReach
    /// ExpressRoute Traffic Collector.
    case trafficCollector
    /// The user's own charges (provider ports, cross-connects, installation).
    case ownCharges

    /// The category as a report names it.
    public var name: String {
      switch self {
      case .connection: return "circuit or port"
      case .outboundData: return "outbound data"
      case .gateway: return "gateway"
      case .secondPath: return "second path"
      case .currentCircuit: return "current circuit (lead time)"
      case .globalReach: return "Global Reach"
      case .trafficCollector: return "Traffic Collector"
      case .ownCharges: return "own charges"
      }
    }

    public static func < (a: CostComparison.CostCategory, b: CostComparison.CostCategory) -> Bool {
      a.rawValue < b.rawValue
    }

    /// The category of a resource skipped with its reason (`Global Reach from 'a' to 'b': …`, `circuit 'x': …`), by
    /// the kind its text starts with; `nil` for one whose kind the text does not say (a Terraform address).
    public static func of(skipped text: String) -> CostComparison.CostCategory? {
      let kinds: [(String, CostComparison.CostCategory)] = [
        ("Global Reach", .globalReach), ("circuit '", .connection), ("Direct port", .connection),
        ("ExpressRoute gateway", .gateway), ("VPN gateway", .gateway), ("Virtual WAN", .gateway),
        ("gateway '", .gateway), ("virtual network gateway", .gateway),
      ]
      if let kind = kinds.first(where: { text.hasPrefix($0.0) }) { return kind.1 }
      // A Terraform address (`module.net.azurerm_express_route_circuit.primary: …`) names its resource type.
      let address = text.prefix { $0 != ":" }
      let types: [(String, CostComparison.CostCategory)] = [
        ("azurerm_express_route_circuit_connection", .globalReach), ("azurerm_express_route_circuit", .connection),
        ("azurerm_express_route_port", .connection), ("azurerm_express_route_gateway", .gateway),
        ("azurerm_virtual_network_gateway", .gateway),
      ]
      return types.first { address.contains($0.0 + ".") }?.1
    }

    /// The category of a priced or unpriced charge, by the resource it belongs to and its meter.
    public static func of(resource: String, meter: Meter) -> CostComparison.CostCategory {
      if resource == "circuit 'second circuit'" || resource == "VPN gateway 'backup VPN'" { return .secondPath }
      if resource == "circuit 'current circuit'" { return .currentCircuit }
      switch meter {
      case .circuit, .directPortPair, .directPremiumAddOn: return .connection
      case .egress, .internetEgress: return .outboundData
      case .gateway, .virtualWAN, .virtualWANScaleUnits, .vpnGateway: return .gateway
      case .globalReach: return .globalReach
      case .trafficCollector, .trafficCollectorData: return .trafficCollector
      case .userCharge: return .ownCharges
      }
    }
  }

  /// One category of one side: what is priced, how many charges in it lack a price, and what it is made of.
  public struct CategoryCost: Hashable, Sendable {
    /// The category.
    public var category: CostComparison.CostCategory
    /// The priced part (what the engine's line items in this category add up to).
    public var amount: Money
    /// Charges in this category without a price; the amount is then incomplete.
    public var unpricedCount: Int
    /// Why the category costs nothing on this side, when it does (`included in UnlimitedData`, `none: one circuit`).
    public var note: String?
  }

  /// One side of a comparison: every cost category it carries, summed over the months compared.
  public struct CostSide: Hashable, Sendable {
    /// What this side is (`provider plan`, `Direct 10 Gbps pair: Standard MeteredData 5 Gbps`).
    public var label: String
    /// The categories, in ``CostCategory`` order.
    public private(set) var categories: [CostComparison.CategoryCost] = []
    /// The currency.
    public var currency: CurrencyCode

    /// An empty side.
    public init(label: String, currency: CurrencyCode) {
      self.label = label
      self.currency = currency
    }

    /// The categories this side carries, in order.
    public var categoryList: [CostComparison.CostCategory] { categories.map(\.category) }

    /// The priced total.
    public var total: Money { Money.sum(categories.map(\.amount), currency: currency) }

    /// Whether every charge of this side has a price.
    public var isComplete: Bool { categories.allSatisfy { $0.unpricedCount == 0 } }

    /// The entry for `category`, if the side carries it.
    public func cost(of category: CostComparison.CostCategory) -> CostComparison.CategoryCost? {
      categories.first { $0.category == category }
    }

    private mutating func entry(_ category: CostCategory, _ change: (inout CategoryCost) -> Void) {
      if let index = categories.firstIndex(where: { $0.category == category }) {
        change(&categories[index])
      } else {
        var new = CategoryCost(category: category, amount: .zero(currency), unpricedCount: 0, note: nil)
        change(&new)
        categories.append(new)
        categories.sort { $0.category < $1.category }
      }
    }

    /// Adds a quote's line items and unpriced items, each under its category. With the deployment the quote
    /// priced, outbound data that a circuit's billing includes (UnlimitedData, Local) is listed as included.
    public mutating func add(_ quote: Quote, deployment: Deployment? = nil) {
      for item in quote.lineItems {
        entry(CostCategory.of(resource: item.resource, meter: item.meter)) { $0.amount = $0.amount + item.amount }
      }
      for item in quote.unpriced {
        entry(CostCategory.of(resource: item.resource, meter: item.meter)) { $0.unpricedCount += 1 }
      }
      // A resource skipped with its reason is a charge of its kind without a price, where its kind is known.
      for skipped in quote.skippedResources {
        if let category = CostCategory.of(skipped: skipped) { entry(category) { $0.unpricedCount += 1 } }
      }
      for circuit in deployment?.circuits ?? [] where !circuit.isExternal {
        let category = CostCategory.of(resource: "circuit '\(circuit.name)'", meter: .egress(.zone1))
        guard category == .outboundData, circuit.billing == .unlimited || circuit.tier == .local else { continue }
        declare(.outboundData, note: "included in \(circuit.tier == .local ? "Local" : "UnlimitedData")")
      }
    }

    /// Counts a charge in `category` that this side needs but that has no price (a part of the design that could not be
    /// priced or planned), so the category shows as not priced rather than as nothing.
    public mutating func addUnpriced(_ category: CostComparison.CostCategory) {
      entry(category) { $0.unpricedCount += 1 }
    }

    /// Says that this side has nothing in `category` and why; an entry it already has keeps its amount.
    public mutating func declare(_ category: CostComparison.CostCategory, note: String) {
      entry(category) { if $0.note == nil && $0.amount.amount == 0 && $0.unpricedCount == 0 { $0.note = note } }
    }
  }
}

/// Two sides of one comparison, category by category.
public struct CostComparison: Hashable, Sendable {
  /// What is compared (`provider circuit or ExpressRoute Direct`).
  public var subject: String
  /// The side the difference is measured from.
  public var first: CostComparison.CostSide
  /// The side measured against it.
  public var second: CostComparison.CostSide
  /// The period the sides cover (`month 1`, `24 months`).
  public var period: String
  /// By category, how many of each side's charges without a price are the same charge on the other side (a resource a
  /// Terraform plan leaves as it is): the same unknown on both sides cancels, so it leaves the difference known.
  public var cancelledUnpriced: [CostComparison.CostCategory: Int] = [:]
  /// Items without a price that no category holds (a resource skipped with its reason) and that do not cancel: while
  /// there is one, the total difference is unknown.
  public var unfiledUnpriced = 0

  /// Creates a comparison.
  public init(subject: String, period: String, first: CostComparison.CostSide, second: CostComparison.CostSide) {
    self.subject = subject
    self.period = period
    self.first = first
    self.second = second
  }

  /// Whether both sides carry the same cost categories (the invariant every comparison must keep).
  public var isSymmetric: Bool { first.categoryList == second.categoryList }

  /// The categories only one side carries (empty when symmetric).
  public var asymmetricCategories: [CostComparison.CostCategory] {
    let a = Set(first.categoryList)
    let b = Set(second.categoryList)
    return a.symmetricDifference(b).sorted()
  }

  /// Every category either side carries, in order.
  public var categories: [CostComparison.CostCategory] { Set(first.categoryList + second.categoryList).sorted() }

  /// `second − first` over the priced totals.
  public var difference: Money { second.total - first.total }

  /// Whether both sides are completely priced.
  public var isComplete: Bool { first.isComplete && second.isComplete }

  /// Whether the difference in `category` is a real figure: every charge in it without a price cancels against the
  /// same charge on the other side (``cancelledUnpriced``).
  public func isDifferenceKnown(in category: CostComparison.CostCategory) -> Bool {
    let cancelled = cancelledUnpriced[category] ?? 0
    return [first, second].allSatisfy { ($0.cost(of: category)?.unpricedCount ?? 0) <= cancelled }
  }

  /// Whether the total difference is a real figure: every category's is, and no unfiled item lacks a price.
  public var isDifferenceKnown: Bool { unfiledUnpriced == 0 && categories.allSatisfy(isDifferenceKnown(in:)) }

  /// The comparison as JSON: each side's categories and totals.
  public var json: JSONValue {
    func side(_ side: CostSide) -> JSONValue {
      .object([
        ("label", .string(side.label)),
        (
          "categories",
          .objects(side.categories) { entry in
            [
              ("category", .string(entry.category.name)), ("amount", .money(entry.amount)),
              ("unpriced", .number(entry.unpricedCount)),
              ("note", .string(entry.note)),
            ]
          }
        ),
        ("total", .money(side.total)), ("complete", .bool(side.isComplete)),
      ])
    }
    return .object([
      ("subject", .string(subject)), ("period", .string(period)), ("first", side(first)), ("second", side(second)),
      ("difference", isDifferenceKnown ? .money(difference) : .null), ("symmetric", .bool(isSymmetric)),
    ])
  }
}

// Short names inside the package.
package typealias CostCategory = CostComparison.CostCategory
typealias CategoryCost = CostComparison.CategoryCost
package typealias CostSide = CostComparison.CostSide
