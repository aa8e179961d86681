import Foundation

/// ExpressRoute against a site-to-site VPN over the internet, for one bandwidth and outbound volume.
///
/// The ExpressRoute side is the cheapest priced circuit option plus the cheapest ExpressRoute gateway that
/// carries the bandwidth. The VPN side is the cheapest priced VPN gateway whose aggregate throughput
/// benchmark carries the bandwidth (one tunnel, within every SKU's included count) plus internet egress,
/// tiered by monthly volume, for the region the traffic leaves from. Both are priced by the engine.
public struct VPNComparison: Hashable, Sendable {
  /// The outbound volume compared.
  public var volume: DataVolume
  /// The bandwidth both must carry.
  public var bandwidth: Bandwidth
  /// Where internet egress is priced from; `nil` when the location maps to no region group.
  public var region: InternetRegion?
  /// How internet traffic is routed.
  public var routing: InternetRouting
  /// The ExpressRoute side at `volume`: circuit and gateway.
  public var expressRoute: Quote?
  /// The VPN side at `volume`: VPN gateway and internet egress.
  public var vpn: Quote?
  /// The volume where the two cost the same, when there is one within the circuit's capacity and the priced tiers.
  public var breakEven: DataVolume?
  /// What the break-even means, in a sentence.
  public var verdict: String
  /// Findings: the VPN SKU chosen and why, unpriced tiers, caveats.
  public var notes: [String]
}

extension PricingEngine {
  /// Compares ExpressRoute with a VPN over the internet at `volume` (see ``VPNComparison``).
  public func compareWithVPN(
    _ comparison: CircuitComparison, volume: DataVolume, routing: InternetRouting = .microsoftNetwork
  ) -> VPNComparison {
    let bandwidth = comparison.bandwidth
    let region = comparison.location.flatMap { InternetRegion(geopoliticalRegion: $0.geopoliticalRegion) }
    var notes: [String] = []
    if let location = comparison.location, let region {
      notes.append(
        "internet egress is priced as leaving from \(region.name), the region group of \(location.name); traffic leaves from the Azure region your VNets are in"
      )
    }
    // The cheapest ExpressRoute gateway that carries the bandwidth.
    var gateways: [Gateway] = [.erGw1AZ, .erGw2AZ, .erGw3AZ].compactMap { (sku: GatewaySKU) -> Gateway? in
      guard let capabilities = rates.capabilities(of: sku, scaleUnits: nil), capabilities.throughput >= bandwidth else { return nil }
      return Gateway(name: "gateway", sku: sku, circuits: ["circuit"])
    }
    if let scale = rates.scaleGateway {
      let units = max(
        scale.minUnits,
        NSDecimalNumber(decimal: (Decimal(bandwidth.bitsPerSecond) / Decimal(scale.throughputPerUnit.bitsPerSecond)).ceilingValue).intValue)
      if units <= scale.maxUnits { gateways.append(Gateway(name: "gateway", sku: .erGwScale, scaleUnits: units, circuits: ["circuit"])) }
    }
    let gateway = gateways.compactMap { gateway -> (Gateway, Money)? in
      let charges = monthlyCharges(of: gateway)
      return charges.unpriced.isEmpty ? (gateway, charges.total) : nil
    }.min { $0.1 < $1.1 }?.0
    // The cheapest VPN gateway that carries the bandwidth.
    let vpnSKU = VPNGatewaySKU.allCases.filter { $0 != .basic && $0.aggregateThroughput >= bandwidth }
      .compactMap { sku -> (VPNGatewaySKU, Money)? in rates.rate(for: .vpnGateway(sku))?.price.map { (sku, $0) } }
      .min { $0.1 < $1.1 }?.0
    if let vpnSKU {
      notes.append(
        "\(vpnSKU.name) is the cheapest priced VPN gateway whose aggregate throughput benchmark (\(vpnSKU.aggregateThroughput)) carries \(bandwidth); one site-to-site tunnel is within its included count. The benchmark is not guaranteed across the internet."
      )
    } else {
      notes.append("no priced VPN gateway SKU carries \(bandwidth) (the largest benchmark is 10 Gbps)")
    }
    let options = comparison.options.filter { $0.quote != nil }
    func expressRoute(_ volume: DataVolume) -> Quote? {
      var best: Quote?
      for option in options {
        var deployment = Deployment(
          name: "ExpressRoute",
          circuits: [
            Circuit(
              name: "circuit", peeringLocation: comparison.location?.name, zone: comparison.location == nil ? comparison.zone : nil,
              tier: option.tier, billing: option.billing, bandwidth: bandwidth, monthlyEgress: volume)
          ])
        if let gateway { deployment.gateways = [gateway] }
        guard let quote = try? quote(deployment, checkingCapacity: false), quote.isComplete else { continue }
        if best.map({ quote.total < $0.total }) ?? true { best = quote }
      }
      return best
    }
    func vpn(_ volume: DataVolume) -> Quote? {
      guard let vpnSKU, let region else { return nil }
      var builder = QuoteBuilder(rates: rates, discounts: discounts)
      builder.add(resource: "VPN gateway", meter: .vpnGateway(vpnSKU), quantity: hoursPerMonth, detail: "\(hoursPerMonth.plainDescription) h")
      priceInternetEgress(volume, region: region, routing: routing, resource: "internet egress", into: &builder)
      return builder.quote(name: "VPN over the internet", hoursPerMonth: hoursPerMonth, table: rates)
    }
    let erAtVolume = expressRoute(volume)
    let vpnAtVolume = vpn(volume)
    if region == nil { notes.append("the internet egress region of this location is not known, so the VPN side cannot be priced") }
    if let vpnAtVolume, !vpnAtVolume.isComplete {
      notes.append("internet egress at \(volume) reaches a tier without a price: \(vpnAtVolume.unpriced.map(\.reason).joined(separator: "; "))")
    }
    // Break-even: VPN − ExpressRoute is linear between tier starts and option crossovers; find where it turns positive.
    let capacity = monthlyCapacity(of: bandwidth).gigabytes
    var points: Set<Decimal> = [0, capacity]
    if let region {
      for rate in internetEgressTiers(region, routing) {
        if let start = rate.meter.internetTierStart, Decimal(start) < capacity { points.insert(Decimal(start)) }
      }
    }
    for result in comparison.breakEvens {
      if case .crossover(let crossing, _) = result.outcome { points.insert(crossing.gigabytes) }
    }
    if let local = options.first(where: { $0.tier == .local })?.quote,
      let standard = options.first(where: { $0.tier == .standard && $0.billing == .metered })?.quote,
      let egress = rates.rate(for: .egress(comparison.zone))?.price, egress.amount > 0
    {
      let fee = standard.lineItems.filter { if case .circuit = $0.meter { return true } else { return false } }.map(\.amount.amount).reduce(0, +)
      points.insert(max(0, (local.total.amount - fee) / egress.amount))
    }
    var breakEven: DataVolume?
    var verdict = "the break-even cannot be worked out: one side has no price (see the notes)"
    let sorted = points.sorted()
    func difference(_ gigabytes: Decimal) -> Decimal? {
      guard let er = expressRoute(.gigabytes(gigabytes)), let vpn = vpn(.gigabytes(gigabytes)), vpn.isComplete else { return nil }
      return vpn.total.amount - er.total.amount
    }
    var previous: (Decimal, Decimal)?
    var pricedUpTo: Decimal?
    for point in sorted {
      guard let d = difference(point) else { break }
      pricedUpTo = point
      if let (x0, d0) = previous, d0 < 0, d >= 0 {
        let crossing = x0 + (point - x0) * (-d0) / (d - d0)
        breakEven = .gigabytes(crossing.rounded(toPlaces: 0, rule: .up))
        break
      }
      if previous == nil && d >= 0 {
        verdict = "ExpressRoute costs no more than a VPN over the internet at any volume"
        break
      }
      previous = (point, d)
    }
    if let breakEven {
      verdict = "a VPN over the internet is cheaper below \(breakEven) a month; ExpressRoute is cheaper above it"
    } else if let (_, d) = previous, d < 0, let pricedUpTo, pricedUpTo > 0 {
      verdict =
        pricedUpTo >= capacity
        ? "a VPN over the internet is cheaper at every volume the circuit can carry (ExpressRoute buys private connectivity, not a lower bill)"
        : "a VPN over the internet is cheaper up to \(DataVolume.gigabytes(pricedUpTo)), the last volume with priced internet egress tiers; beyond that it cannot be compared"
    }
    return VPNComparison(
      volume: volume, bandwidth: bandwidth, region: region, routing: routing, expressRoute: erAtVolume, vpn: vpnAtVolume, breakEven: breakEven,
      verdict: verdict, notes: notes)
  }
}
