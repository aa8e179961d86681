import ExpressRouteCore
import Foundation

extension InternetRouting {
  /// The source-region group that internet egress is priced by (Azure's bandwidth zones, which are not ExpressRoute zones).
  ///
  /// Most groups are priced from one Azure region that stands for the group. Israel, Qatar and New Zealand are priced
  /// from their own region's rows (israelcentral, qatarcentral, newzealandnorth): the Retail Prices API prices them
  /// unlike their neighbours (israelcentral at North America's rates, qatarcentral at Asia's, newzealandnorth's Internet
  /// routing 5% above Australia's), so each is a group of one region.
  public enum InternetRegion: String, DeclarationOrdered {
    case northAmerica = "North America"
    case europe = "Europe"
    case asiaPacific = "Asia Pacific"
    case southAmerica = "South America"
    case middleEastAfrica = "Middle East and Africa"
    case oceania = "Oceania"
    /// Azure Government regions: priced apart from commercial North America.
    case usGovernment = "US Government"
    /// israelcentral alone.
    case israel = "Israel"
    /// qatarcentral alone.
    case qatar = "Qatar"
    /// newzealandnorth alone.
    case newZealand = "New Zealand"

    public static let kindDescription = "internet egress region"

    /// The Azure region a one-region group is priced from (`Israel Central`), `nil` for a group of many.
    public var ownRegion: String? {
      switch self {
      case .israel: return "Israel Central"
      case .qatar: return "Qatar Central"
      case .newZealand: return "New Zealand North"
      default: return nil
      }
    }

    /// The group an ExpressRoute peering location's geopolitical region sends internet traffic from.
    ///
    /// A stand-in for the workload's own Azure region: traffic leaves from the region the VNets are in.
    public init?(geopoliticalRegion: String) {
      switch geopoliticalRegion {
      case "North America": self = .northAmerica
      case "US Government": self = .usGovernment
      case "Europe": self = .europe
      case "Asia", "Japan", "South Korea", "India": self = .asiaPacific
      case "South America": self = .southAmerica
      case "UAE", "South Africa": self = .middleEastAfrica
      case "Oceania", "Australia Government": self = .oceania
      case "Israel": self = .israel
      case "Qatar": self = .qatar
      default: return nil
      }
    }

    /// The group for a peering location: its local Azure region's own group when that region is priced alone
    /// (Auckland: New Zealand North), else its geopolitical region's group.
    public init?(location: PeeringLocation) {
      let local = location.localRegions.map { normalizedName($0) }
      if let own = Self.allCases.first(where: { $0.ownRegion.map { local.contains(normalizedName($0)) } ?? false }) {
        self = own
      } else {
        self.init(geopoliticalRegion: location.geopoliticalRegion)
      }
    }
  }
}

/// How internet-bound traffic leaves Azure: over Microsoft's network (the default) or handed to ISPs early.
public enum InternetRouting: String, DeclarationOrdered {
  case microsoftNetwork = "Microsoft network"
  case internet = "Internet"

  public var aliases: [String] {
    self == .microsoftNetwork ? ["MGN", "Microsoft premium network"] : ["routing preference internet", "ISP"]
  }
  public static let kindDescription = "internet routing"
}

extension PricingEngine {
  /// The tiers of internet egress for `region` and `routing`, lowest first: each from its start in GB to the next tier's start.
  public func internetEgressTiers(_ region: InternetRouting.InternetRegion, _ routing: InternetRouting) -> [RateTable
    .Rate]
  {
    rates.rates.filter {
      if case .internetEgress(region, routing, _) = $0.meter { return true }
      return false
    }.sorted { $0.meter < $1.meter }
  }

  /// Prices `volume` of internet egress tier by tier: one line item per tier the volume reaches, and an
  /// unpriced item for the part that falls in a tier without a price (or beyond the last tier).
  func priceInternetEgress(
    _ volume: DataVolume, region: InternetRegion, routing: InternetRouting, resource: String,
    into builder: inout QuoteBuilder
  ) {
    let tiers = internetEgressTiers(region, routing)
    let total = volume.gigabytes
    guard !tiers.isEmpty else {
      builder.unpriced.append(
        UnpricedItem(
          resource: resource, meter: .internetEgress(region, routing, fromGB: 0), quantity: total,
          reason: "the rate table '\(rates.name)' has no internet egress rates for \(region.name) via \(routing.name)"))
      return
    }
    for (index, rate) in tiers.enumerated() {
      guard case .internetEgress(_, _, let from) = rate.meter else { continue }
      let lower = Decimal(from)
      let upper: Decimal? = index + 1 < tiers.count ? tiers[index + 1].meter.internetTierStart.map { Decimal($0) } : nil
      guard total > lower else { break }
      let inTier = (upper.map { min(total, $0) } ?? total) - lower
      let span = "\(lower.grouped(places: 0))–\(upper.map { $0.grouped(places: 0) } ?? "…") GB"
      if let price = rate.price {
        builder.lineItems.append(
          LineItem(
            resource: resource, meter: rate.meter, quantity: inTier, unitPrice: price, provenance: rate.provenance,
            detail: "tier \(span)", discount: builder.discounts.discount(on: rate)))
      } else {
        builder.unpriced.append(
          UnpricedItem(
            resource: resource, meter: rate.meter, quantity: inTier,
            reason: "tier \(span): \(rate.unpricedReason ?? "unpriced")"))
      }
    }
  }
}

extension InternetRouting {
  /// One internet egress price list: a region group and a routing, whose rows are tiers.
  public struct InternetEgressGroup: Hashable, Sendable {
    /// The region group.
    public var region: InternetRouting.InternetRegion
    /// The routing.
    public var routing: InternetRouting
  }
}

extension Meter {
  /// The group an internet egress tier belongs to.
  public var internetEgressGroup: InternetRouting.InternetEgressGroup? {
    if case .internetEgress(let region, let routing, _) = self {
      return InternetEgressGroup(region: region, routing: routing)
    }
    return nil
  }

  /// The first GB of an internet egress tier.
  var internetTierStart: Int? {
    if case .internetEgress(_, _, let from) = self { return from }
    return nil
  }
}

// Short names inside the package.
package typealias InternetRegion = InternetRouting.InternetRegion
package typealias InternetEgressGroup = InternetRouting.InternetEgressGroup
