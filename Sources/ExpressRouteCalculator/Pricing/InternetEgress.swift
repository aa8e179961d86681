import Foundation

/// The source-region group that internet egress is priced by (Azure's bandwidth zones, which are not ExpressRoute zones).
public enum InternetRegion: String, DeclarationOrdered {
  case northAmerica = "North America"
  case europe = "Europe"
  case asiaPacific = "Asia Pacific"
  case southAmerica = "South America"
  case middleEastAfrica = "Middle East and Africa"
  case oceania = "Oceania"
  /// Azure Government regions: priced apart from commercial North America.
  case usGovernment = "US Government"

  public var name: String { rawValue }
  public static let kindDescription = "internet egress region"

  /// The group an ExpressRoute peering location's geopolitical region sends internet traffic from.
  ///
  /// A stand-in for the workload's own Azure region: traffic leaves from the region the VNets are in. Israel and
  /// Qatar have no group: the Retail Prices API prices their regions unlike the rest of the Middle East and Africa
  /// (israelcentral at North America's rates, qatarcentral at Asia's), so no group's tiers stand for them.
  public init?(geopoliticalRegion: String) {
    switch geopoliticalRegion {
    case "North America": self = .northAmerica
    case "US Government": self = .usGovernment
    case "Europe": self = .europe
    case "Asia", "Japan", "South Korea", "India": self = .asiaPacific
    case "South America": self = .southAmerica
    case "UAE", "South Africa": self = .middleEastAfrica
    case "Oceania", "Australia Government": self = .oceania
    default: return nil
    }
  }
}

/// How internet-bound traffic leaves Azure: over Microsoft's network (the default) or handed to ISPs early.
public enum InternetRouting: String, DeclarationOrdered {
  case microsoftNetwork = "Microsoft network"
  case internet = "Internet"

  public var name: String { rawValue }
  public var aliases: [String] { self == .microsoftNetwork ? ["MGN", "Microsoft premium network"] : ["routing preference internet", "ISP"] }
  public static let kindDescription = "internet routing"
}

extension PricingEngine {
  /// The tiers of internet egress for `region` and `routing`, lowest first: each from its start in GB to the next tier's start.
  public func internetEgressTiers(_ region: InternetRegion, _ routing: InternetRouting) -> [Rate] {
    rates.rates.filter {
      if case .internetEgress(region, routing, _) = $0.meter { return true }
      return false
    }.sorted { $0.meter < $1.meter }
  }

  /// Prices `volume` of internet egress tier by tier: one line item per tier the volume reaches, and an
  /// unpriced item for the part that falls in a tier without a price (or beyond the last tier).
  func priceInternetEgress(
    _ volume: DataVolume, region: InternetRegion, routing: InternetRouting, resource: String, into builder: inout QuoteBuilder
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
          UnpricedItem(resource: resource, meter: rate.meter, quantity: inTier, reason: "tier \(span): \(rate.unpricedReason ?? "unpriced")"))
      }
    }
  }
}

extension Meter {
  /// The first GB of an internet egress tier.
  var internetTierStart: Int? {
    if case .internetEgress(_, _, let from) = self { return from }
    return nil
  }
}
