import ExpressRouteCore
import Foundation

extension CircuitComparison {
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
    public var region: InternetRouting.InternetRegion?
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
    /// Both sides at `volume`, category by category (circuit, outbound data, gateway); `nil` when a side has no price.
    public var costs: CostComparison?
    /// Why the VPN side has no quote, part by part (`no priced VPN gateway carries 20 Gbps`); empty when it has one.
    public var vpnMissing: [String] = []
    /// ExpressRoute options without a price that could cost less than every priced one (`Standard MeteredData`): while
    /// any is, the ExpressRoute side and the break-even are the cheapest *priced* option's, and the verdict says so.
    public var unpricedMayCostLess: [String] = []
  }
}

extension PricingEngine {
  /// Compares ExpressRoute with a VPN over the internet at `volume` (see ``VPNComparison``).
  ///
  /// The ExpressRoute gateway is weighed in `hubRegion` (the location's local Azure region when not given): ErGwScale
  /// only where the rate table offers it. The break-even is exact: both sides are linear in volume between the
  /// internet egress tier starts and the volumes where two ExpressRoute options cost the same, so the difference is
  /// evaluated at every such point up to the circuit's capacity and every change of sign is solved on its segment.
  ///
  /// `design`, when given, is priced as the ExpressRoute side instead of the cheapest option (`size` passes
  /// its plan's month 1): its circuit named `circuit` carries the volume, its gateway or Virtual WAN hub serves that
  /// circuit alone, and nothing else of it (second circuit, Global Reach, own charges) is counted.
  ///
  /// `need`, when given and below the circuit's bandwidth (a circuit is sold in steps, and planned for growth), is the
  /// rate the VPN gateway must carry: the VPN is sized for the traffic, not for the circuit's headroom.
  public func compareWithVPN(
    _ comparison: CircuitComparison, volume: DataVolume, routing: InternetRouting = .microsoftNetwork,
    hubRegion: String? = nil,
    design: Deployment? = nil, need: Bandwidth? = nil
  ) -> CircuitComparison.VPNComparison {
    let bandwidth = comparison.bandwidth
    let vpnRate = need.map { min($0, bandwidth) } ?? bandwidth
    var notes: [String] = []
    // The gateway, and so the VNets whose traffic a VPN sends to the internet, sit in the hub region when one is given.
    let hub = hubRegion.map { locations.canonicalAzureRegion($0) ?? $0 }
    let hubGeopolitical = hub.flatMap { locations.geopoliticalRegion(ofAzureRegion: $0)?.name }
    // A hub region priced alone (Israel Central, Qatar Central, New Zealand North) keeps its own rates.
    let hubOwn = hub.flatMap { hub in
      InternetRegion.allCases.first { $0.ownRegion.map { normalizedName($0) == normalizedName(hub) } ?? false }
    }
    let region =
      hubOwn ?? hubGeopolitical.flatMap { InternetRegion(geopoliticalRegion: $0) }
      ?? comparison.location.flatMap { InternetRegion(location: $0) }
    if let hub, let hubGeopolitical, let region {
      notes.append(
        "internet egress is priced as leaving from \(region.name), the region group of \(hub) (\(hubGeopolitical)), where the gateway is"
      )
    } else if let location = comparison.location, let region {
      notes.append(
        "internet egress is priced as leaving from \(region.name), the region group of \(location.name); traffic leaves from the Azure region your VNets are in"
      )
    }
    // Standard and Local reach only the location's geopolitical region (pricing-facts.md §6, "Connectivity scope"):
    // a hub outside it needs Premium.
    var premiumOnly = false
    if let hub, let hubGeopolitical, let location = comparison.location,
      !location.reaches(hub, geopolitical: hubGeopolitical, with: .standard)
    {
      premiumOnly = true
      notes.append(
        "\(hub) is outside \(location.geopoliticalRegion), the geopolitical region of \(location.name): Standard and Local reach only their own geopolitical region, so the ExpressRoute side is Premium"
      )
    }
    // Local reaches only its peering location's local regions (pricing-facts.md §7): a hub elsewhere rules it out.
    var localReachesHub = true
    if !premiumOnly, let hub, let location = comparison.location, location.offersLocal,
      !location.reaches(hub, geopolitical: hubGeopolitical, with: .local)
    {
      localReachesHub = false
      notes.append(
        "\(hub) is not local to \(location.name) (local: \(location.localRegions.joined(separator: ", "))): Local reaches only its local regions, so the ExpressRoute side is Standard or Premium"
      )
    }
    // The cheapest ExpressRoute gateway that carries the bandwidth and is offered in the gateway's region.
    var gateways: [Gateway] = [.erGw1AZ, .erGw2AZ, .erGw3AZ].compactMap { (sku: GatewaySKU) -> Gateway? in
      guard let capabilities = rates.capabilities(of: sku, scaleUnits: nil), capabilities.throughput >= bandwidth else {
        return nil
      }
      return Gateway(name: "gateway", sku: sku, circuits: ["circuit"])
    }
    let gatewayRegion = hub ?? comparison.location?.localRegions.first
    if hub == nil, design == nil, let location = comparison.location, location.localRegions.count > 1, let gatewayRegion
    {
      notes.append(
        "the gateway is assumed in \(gatewayRegion), the first of \(location.name)'s local regions (\(location.localRegions.joined(separator: ", "))); give the hub region to choose"
      )
    }
    // A design with a gateway of its own brings it; one without (`gateways: 0`) is compared with the cheapest.
    let designGateway = design.map { !$0.gateways.isEmpty || !$0.virtualWANHubs.isEmpty } ?? false
    if designGateway {
      gateways = []
    } else if let scale = rates.scaleGateway {
      let offered = gatewayRegion.map { region in
        !scale.unavailableRegions.contains { normalizedName($0) == normalizedName(region) }
      }
      let units = max(
        scale.minUnits,
        NSDecimalNumber(
          decimal: (Decimal(bandwidth.bitsPerSecond) / Decimal(scale.throughputPerUnit.bitsPerSecond)).ceilingValue
        ).intValue)
      if offered == false, let gatewayRegion {
        notes.append(
          "ErGwScale is not offered in \(gatewayRegion) (the rate table's availability list), so the ExpressRoute side uses the cheapest ErGw SKU"
        )
      } else if units <= scale.maxUnits {
        gateways.append(Gateway(name: "gateway", sku: .erGwScale, scaleUnits: units, circuits: ["circuit"]))
        if offered == nil {
          notes.append(
            "no Azure region is known for the gateway, so ErGwScale's availability (not offered in some regions) was not checked"
          )
        }
      }
    }
    let gateway = gateways.compactMap { gateway -> (Gateway, Money)? in
      let charges = monthlyCharges(of: gateway)
      return charges.unpriced.isEmpty ? (gateway, charges.total) : nil
    }.min { $0.1 < $1.1 }?.0
    // The cheapest VPN gateway that carries the bandwidth, among the SKUs Azure still creates.
    let carrying = VPNGatewaySKU.allCases.filter {
      $0 != .basic && $0.canBeCreated && $0.aggregateThroughput >= vpnRate
    }
    let vpnSKU =
      carrying
      .compactMap { sku -> (VPNGatewaySKU, Money)? in rates.rate(for: .vpnGateway(sku))?.price.map { (sku, $0) } }
      .min { $0.1 < $1.1 }?.0
    if let vpnSKU {
      notes.append(
        "\(vpnSKU.name) is the cheapest priced VPN gateway whose aggregate throughput benchmark (\(vpnSKU.aggregateThroughput)) carries \(vpnRate)\(vpnRate < bandwidth ? ", the rate the traffic needs in month 1, not the circuit's \(bandwidth)" : ""); one site-to-site tunnel is within its included count. The benchmark is not guaranteed across the internet. The retired non-zone-redundant VpnGw1–5 are not weighed: Azure creates none since January 2025."
          + (rates.rate(for: .vpnGateway(vpnSKU)).map { rate in
            rate.provenance.confidence == .uncertain
              ? " Its price is UNCERTAIN" + (rate.provenance.note.map { ": \($0)." } ?? ".") : ""
          } ?? "")
      )
    } else if !carrying.isEmpty {
      notes.append(
        "\(carrying.map(\.name).joined(separator: ", ")) \(carrying.count == 1 ? "carries" : "carry") \(vpnRate), but the rate table has no price for \(carrying.count == 1 ? "it" : "them"), so the VPN side is not priced (the retired non-zone-redundant VpnGw1–5 are not weighed)"
      )
    } else {
      notes.append("no VPN gateway SKU carries \(vpnRate) (the largest benchmark is 10 Gbps)")
    }
    let plannedCircuit = design?.circuits.first { $0.name == "circuit" }
    // The options the break-even weighs: with a plan, its tier in either billing model (below the plan's volume the
    // same circuit would be billed the way that volume makes cheapest), and for a Local plan Standard too (it reaches
    // what Local reaches, and below the volume where Local's fee pays off the plan would be Standard); without, every
    // tier that reaches the hub.
    let options = comparison.options.filter { option in
      guard option.quote != nil else { return false }
      if let plannedCircuit {
        return option.tier == plannedCircuit.tier || (plannedCircuit.tier == .local && option.tier == .standard)
      }
      return (!premiumOnly || option.tier == .premium) && (localReachesHub || option.tier != .local)
    }
    // The options priced at the volume itself: with a plan, its own circuit.
    let optionsAtVolume = options.filter { option in
      plannedCircuit.map { option.billing == $0.billing && option.tier == $0.tier } ?? true
    }
    // An option without a price that could undercut every priced one (the rule `compare` and `size` share) leaves the
    // ExpressRoute side as the cheapest priced option only; the verdict says so rather than claim the cheapest.
    let unpricedMayCostLess = CircuitComparison.unpricedMayCostLess(among: options, bandwidth: bandwidth).map(\.label)
    if let design, let plannedCircuit {
      let gatewayLabel =
        design.virtualWANHubs.first.map {
          "a Virtual WAN hub of \($0.scaleUnits) scale unit\($0.scaleUnits == 1 ? "" : "s")"
        }
        ?? design.gateways.first.map { gateway in
          gateway.scaleUnits.map { "\(gateway.sku.name) \($0) units" } ?? gateway.sku.name
        }
        ?? "the cheapest gateway that carries it (the plan prices none)"
      notes.append(
        "the ExpressRoute side is the plan's month 1: \(plannedCircuit.tier.name) \(plannedCircuit.billing.name) \(plannedCircuit.bandwidth) with \(gatewayLabel)"
          + (plannedCircuit.tier == .local
            ? "; the break-even weighs Local and Standard in either billing model at each volume (Standard reaches what Local does, and is the plan below the volume where Local's fee pays off)"
            : Set(options.map(\.billing)).count > 1
              ? "; the break-even lets its billing model follow the volume (the cheaper of MeteredData and UnlimitedData at each volume)"
              : "")
      )
    }
    func expressRouteDeployment(_ option: CircuitComparison.Option, _ volume: DataVolume) -> Deployment {
      if var planned = design {
        planned.name = "ExpressRoute"
        planned.circuits = planned.circuits.filter { $0.name == "circuit" }
        for index in planned.circuits.indices {
          planned.circuits[index].monthlyEgress = volume
          planned.circuits[index].tier = option.tier
          planned.circuits[index].billing = option.billing
        }
        for index in planned.gateways.indices { planned.gateways[index].circuits = ["circuit"] }
        for index in planned.virtualWANHubs.indices { planned.virtualWANHubs[index].connections = 1 }
        planned.directPorts = []
        planned.globalReach = []
        planned.trafficCollectors = []
        planned.vpnGateways = []
        planned.charges = []
        if !designGateway, let gateway { planned.gateways = [gateway] }
        return planned
      }
      var deployment = Deployment(
        name: "ExpressRoute",
        circuits: [
          Circuit(
            name: "circuit", peeringLocation: comparison.location?.name,
            zone: comparison.location == nil ? comparison.zone : nil,
            tier: option.tier, billing: option.billing, bandwidth: bandwidth, monthlyEgress: volume)
        ])
      if let gateway { deployment.gateways = [gateway] }
      return deployment
    }
    func expressRoute(_ option: CircuitComparison.Option, _ volume: DataVolume) -> Quote? {
      guard let quote = try? quote(expressRouteDeployment(option, volume), checkingCapacity: false), quote.isComplete
      else { return nil }
      return quote
    }
    func cheapestOption(_ volume: DataVolume, among candidates: [CircuitComparison.Option]? = nil) -> (
      CircuitComparison.Option, Quote
    )? {
      var best: (CircuitComparison.Option, Quote)?
      for option in candidates ?? options {
        guard let quote = expressRoute(option, volume) else { continue }
        if best.map({ quote.total < $0.1.total }) ?? true { best = (option, quote) }
      }
      return best
    }
    func expressRoute(_ volume: DataVolume) -> Quote? { cheapestOption(volume)?.1 }
    func vpn(_ volume: DataVolume) -> Quote? {
      guard let vpnSKU, let region else { return nil }
      var builder = QuoteBuilder(rates: rates, discounts: discounts)
      builder.add(
        resource: "VPN gateway", meter: .vpnGateway(vpnSKU), quantity: hoursPerMonth,
        detail: "\(hoursPerMonth.plainDescription) h")
      priceInternetEgress(volume, region: region, routing: routing, resource: "internet egress", into: &builder)
      return builder.quote(name: "VPN over the internet", hoursPerMonth: hoursPerMonth, table: rates)
    }
    let atVolume = cheapestOption(volume, among: optionsAtVolume)
    let erAtVolume = atVolume?.1
    let vpnAtVolume = vpn(volume)
    if region == nil {
      notes.append("the internet egress region of this location is not known, so the VPN side cannot be priced")
    }
    if let vpnAtVolume, !vpnAtVolume.isComplete {
      notes.append(
        "internet egress at \(volume) reaches a tier without a price: \(vpnAtVolume.unpriced.map(\.reason).joined(separator: "; "))"
      )
    }
    // Break-even, exactly: each ExpressRoute option is a fee plus a flat rate per GB, and internet egress is linear
    // within a tier, so VPN − ExpressRoute (the cheapest option) is linear between the tier starts and the volumes where
    // two options cost the same. Evaluate it at every such point up to the circuit's capacity and solve each change of sign.
    let capacity = monthlyCapacity(of: bandwidth).gigabytes
    var points: Set<Decimal> = [0, capacity]
    if let region {
      for rate in internetEgressTiers(region, routing) {
        if let start = rate.meter.internetTierStart, Decimal(start) < capacity { points.insert(Decimal(start)) }
      }
    }
    let lines = options.compactMap { option -> (start: Decimal, perGB: Decimal)? in
      guard let empty = expressRoute(option, .zero), let full = expressRoute(option, .gigabytes(capacity)), capacity > 0
      else { return nil }
      return (empty.total.amount, (full.total.amount - empty.total.amount) / capacity)
    }
    for (index, a) in lines.enumerated() {
      for b in lines[(index + 1)...] where a.perGB != b.perGB {
        let crossing = (b.start - a.start) / (a.perGB - b.perGB)
        if crossing > 0 && crossing < capacity { points.insert(crossing) }
      }
    }
    var breakEven: DataVolume?
    var verdict = "the break-even cannot be worked out: one side has no price (see the notes)"
    func difference(_ gigabytes: Decimal) -> Decimal? {
      guard let er = expressRoute(.gigabytes(gigabytes)), let vpn = vpn(.gigabytes(gigabytes)), vpn.isComplete else {
        return nil
      }
      return vpn.total.amount - er.total.amount
    }
    var evaluated: [(volume: Decimal, difference: Decimal)] = []
    for point in points.sorted() {
      guard let d = difference(point) else { break }
      evaluated.append((point, d))
    }
    // Where the cheaper side changes: (volume, whether ExpressRoute is the cheaper one above it).
    var changes: [(volume: DataVolume, expressRouteAbove: Bool)] = []
    for (a, b) in zip(evaluated, evaluated.dropFirst()) where (a.difference < 0) != (b.difference < 0) {
      let crossing = a.volume + (b.volume - a.volume) * (-a.difference) / (b.difference - a.difference)
      changes.append((.gigabytes(crossing.rounded(toPlaces: 0, rule: .up)), b.difference >= 0))
    }
    if let first = evaluated.first, let last = evaluated.last, last.volume > 0 {
      let reach =
        last.volume >= capacity
        ? "at any volume the circuit can carry"
        : "up to \(DataVolume.gigabytes(last.volume)), the last volume with priced internet egress tiers (beyond that it cannot be compared)"
      let expressRouteFirst = first.difference >= 0
      if changes.isEmpty {
        verdict =
          expressRouteFirst
          ? "ExpressRoute costs no more than a VPN over the internet \(reach)"
          : last.volume >= capacity
            ? "a VPN over the internet is cheaper at every volume the circuit can carry (ExpressRoute buys private connectivity, not a lower bill)"
            : "a VPN over the internet is cheaper \(reach)"
      } else if changes.count == 1, !expressRouteFirst {
        breakEven = changes[0].volume
        verdict =
          "a VPN over the internet is cheaper below \(changes[0].volume) a month; ExpressRoute is cheaper above it"
        if last.volume < capacity {
          verdict += ", up to \(DataVolume.gigabytes(last.volume)) (the last priced internet egress tier)"
        }
      } else {
        breakEven = changes[0].volume
        var ranges: [String] = []
        var from = "0 GB"
        var expressRouteCheaper = expressRouteFirst
        for change in changes {
          ranges.append(
            "\(expressRouteCheaper ? "ExpressRoute" : "a VPN over the internet") from \(from) to \(change.volume)")
          from = "\(change.volume)"
          expressRouteCheaper = change.expressRouteAbove
        }
        ranges.append(
          "\(expressRouteCheaper ? "ExpressRoute" : "a VPN over the internet") from \(from) to \(DataVolume.gigabytes(last.volume))"
            + (last.volume >= capacity ? " (the circuit's capacity)" : " (the last priced internet egress tier)"))
        verdict = "the cheaper side changes with volume: " + ranges.joined(separator: "; ")
      }
    }
    // With a plan, the ExpressRoute side is the plan's circuit (its billing following the volume where it can), not
    // the cheapest option at each volume as `compare` weighs it: said, so the two break-evens are not read as one.
    if let plannedCircuit, !evaluated.isEmpty {
      verdict =
        "against the plan's \(plannedCircuit.tier.name) \(plannedCircuit.bandwidth) circuit\(plannedCircuit.tier == .local ? " (or Standard, where cheaper)" : ""): "
        + verdict
    }
    if !unpricedMayCostLess.isEmpty, !evaluated.isEmpty {
      let list = unpricedMayCostLess.joined(separator: " and ")
      verdict =
        "against the cheapest priced ExpressRoute option only (\(list) \(unpricedMayCostLess.count == 1 ? "has" : "have") no price and could cost less, which would favour ExpressRoute): "
        + verdict
    }
    var costs: CostComparison?
    if let (option, erQuote) = atVolume, let vpnAtVolume {
      var er = CostSide(label: "ExpressRoute", currency: rates.currency)
      er.add(erQuote, deployment: expressRouteDeployment(option, volume))
      var internet = CostSide(label: "VPN over the internet", currency: rates.currency)
      internet.add(vpnAtVolume)
      internet.declare(.connection, note: "none: the internet")
      if volume.bytes == 0 {
        er.declare(.outboundData, note: "no data")
        internet.declare(.outboundData, note: "no data")
      }
      costs = CostComparison(
        subject: "ExpressRoute or a VPN over the internet", period: "a month at \(volume)", first: er, second: internet)
    }
    var vpnMissing: [String] = []
    if vpnSKU == nil { vpnMissing.append("no priced VPN gateway carries \(vpnRate)") }
    if region == nil {
      vpnMissing.append(
        "internet egress not priced: no region group is known for \(comparison.location?.name ?? "this place")")
    }
    return VPNComparison(
      volume: volume, bandwidth: bandwidth, region: region, routing: routing, expressRoute: erAtVolume,
      vpn: vpnAtVolume, breakEven: breakEven,
      verdict: verdict, notes: notes, costs: costs, vpnMissing: vpnMissing, unpricedMayCostLess: unpricedMayCostLess)
  }
}

// Short names inside the package.
package typealias VPNComparison = CircuitComparison.VPNComparison
