import ExpressRouteCore
import Foundation

/// Prices deployments against one rate table and the peering-location catalogue.
///
/// The pipeline is validate → price: ``validate(_:)`` applies every product
/// rule (``ProductRule``) and throws the first violation; ``quote(_:)`` then
/// turns each resource into line items. Rounding happens once per line item
/// (``LineItem``). Meters without a price become ``UnpricedItem``s.
public struct PricingEngine: Sendable {
  /// The prices.
  public var rates: RateTable
  /// Peering locations, zones and geopolitical regions.
  public var locations: LocationCatalog
  /// Hours in a billing month for hourly meters: the table's (``RateTable/hoursPerMonth``, where the value is
  /// stored), so setting it sets the table's.
  public var hoursPerMonth: Decimal {
    get { rates.hoursPerMonth }
    set { rates.hoursPerMonth = newValue }
  }
  /// Negotiated discounts on Azure's charges (never on the user's own charges).
  public var discounts = Discounts()

  /// Creates an engine; `hoursPerMonth`, when given, replaces the table's.
  public init(rates: RateTable, locations: LocationCatalog, hoursPerMonth: Decimal? = nil) {
    self.rates = rates
    self.locations = locations
    if let hoursPerMonth { self.rates.hoursPerMonth = hoursPerMonth }
  }

  /// The engine on the tables embedded in the binary.
  public static func embeddedDefault() throws(Diagnostic) -> PricingEngine {
    PricingEngine(rates: try RateTable.embeddedDefault(), locations: try LocationCatalog.embeddedDefault())
  }

  var currency: CurrencyCode { rates.currency }

  /// The unit price this engine bills `meter` at: the table's list price less any negotiated discount
  /// (``Discounts/effectivePrice(_:for:)``, as line items apply it); `nil` when the meter has no price.
  ///
  /// Break-even volumes are worked out from these, so they are where the billed amounts cross.
  public func effectivePrice(of meter: Meter) -> Decimal? {
    rates.rate(for: meter).flatMap { rate in
      rate.price.map { Discounts.discounted($0.amount, by: discounts.discount(on: rate)) }
    }
  }

  // MARK: - Quoting

  /// Prices `deployment` as itemised monthly line items.
  ///
  /// `checkingCapacity` is as in ``validate(_:checkingCapacity:)``. Throws ``Diagnostic`` for the first broken
  /// product rule or dangling name.
  public func quote(_ deployment: Deployment, checkingCapacity: Bool = true) throws(Diagnostic) -> Quote {
    let resolved = try validate(deployment, checkingCapacity: checkingCapacity)
    var builder = QuoteBuilder(rates: rates, discounts: discounts)
    for circuit in deployment.circuits where !circuit.isExternal {
      priceCircuit(circuit, zone: resolved.zones[circuit.name] ?? .zone1, deployment: deployment, into: &builder)
    }
    for port in deployment.directPorts {
      builder.add(
        resource: "Direct port pair '\(port.name)'", meter: .directPortPair(port.speed, port.billing), quantity: 1,
        detail: "1 month", zone: resolved.zones[port.name])
      // The rules check what circuits on a 10G or 100G pair may total; a 400G pair's limit is not published.
      if port.speed.subscriptionLimit == nil, let total = deployment.subscribedBandwidth(onPort: port.name) {
        builder.notes.append(
          "Direct port pair '\(port.name)': its circuits total \(total); how much a \(port.speed.name) pair may carry is not published, so this was not checked (10G and 100G pairs carry at most twice one port)"
        )
      }
    }
    // A location no longer listed by its source still prices, with a note saying so (once per location, in deployment order).
    var retired: [String] = []
    for name in deployment.directPorts.map(\.name) + deployment.circuits.map(\.name) {
      guard let location = resolved.locations[name], let why = location.retired, !retired.contains(location.name) else {
        continue
      }
      retired.append(location.name)
      builder.notes.append("peering location \(location.name) is retired: \(why)")
    }
    for gateway in deployment.gateways {
      // A gateway that connects a circuit in a zone no global price list covers (Azure China) is in that cloud too.
      let zone = gateway.circuits.lazy.compactMap { resolved.zones[$0] }.first { $0.noRatesReason != nil }
      priceGateway(gateway, zone: zone, into: &builder)
      if zone == nil, gateway.circuits.contains(where: { resolved.zones[$0] == .usGovZone1 }) {
        builder.notes.append(
          "gateway '\(gateway.name)' connects a US Gov Zone 1 circuit, so it is in Azure Government, which prices gateways on its own list: priced here at the table's commercial gateway rates"
        )
      }
    }
    for link in deployment.globalReach {
      let zoneA = resolved.zones[link.circuitA] ?? .zone1
      let zoneB = resolved.zones[link.circuitB] ?? .zone1
      let resource = "Global Reach \(link.name)"
      // Microsoft's availability list names countries; a link at a location outside them is priced with a note.
      for name in [link.circuitA, link.circuitB] {
        guard let location = resolved.locations[name], !location.offersGlobalReach else { continue }
        let note =
          "\(resource): \(Self.globalReachNotOffered) \(location.name) (its country is not on Microsoft's Global Reach availability list, 01/31/2025): check that the link can be made before relying on its price"
        if !builder.notes.contains(note) { builder.notes.append(note) }
      }
      let legs: [(DataVolume?, Zone, Zone, String, String)] = [
        (link.dataAToB, zoneA, zoneB, link.circuitA, link.circuitB),
        (link.dataBToA, zoneB, zoneA, link.circuitB, link.circuitA),
      ]
      // Each leg is billed at its circuit (out at the source, in at the destination): a circuit that is not yours
      // bills its own legs to its owner.
      let elsewhere = Set(
        [link.circuitA, link.circuitB].filter { deployment.circuit(named: $0)?.globalReachBilledElsewhere == true })
      for name in elsewhere.sorted() {
        builder.notes.append(
          "\(resource): data out of and into '\(name)' is billed to that circuit's owner (it is not yours), so only the legs at your end are priced"
        )
      }
      for (volume, fromZone, toZone, from, to) in legs {
        let billsOut = !elsewhere.contains(from)
        let billsIn = !elsewhere.contains(to)
        guard let volume else {
          let reason = "data volume from '\(from)' to '\(to)' not given (Global Reach is charged per GB out and in)"
          if billsOut {
            builder.addUnknown(resource: resource, meter: .globalReach(fromZone, .outbound), reason: reason)
          }
          if billsIn { builder.addUnknown(resource: resource, meter: .globalReach(toZone, .inbound), reason: reason) }
          continue
        }
        guard volume.bytes > 0 else { continue }
        if billsOut {
          builder.add(
            resource: resource, meter: .globalReach(fromZone, .outbound), quantity: volume.gigabytes,
            detail: "\(volume) out of '\(from)'")
        }
        if billsIn {
          builder.add(
            resource: resource, meter: .globalReach(toZone, .inbound), quantity: volume.gigabytes,
            detail: "\(volume) into '\(to)'")
        }
      }
    }
    for collector in deployment.trafficCollectors {
      let zone = resolved.zones[collector.name] ?? .zone1
      let resource = "Traffic Collector '\(collector.name)'"
      builder.add(
        resource: resource, meter: .trafficCollector(zone), quantity: hoursPerMonth,
        detail: "\(hoursPerMonth.plainDescription) h")
      if let processed = collector.processedData {
        if processed.bytes > 0 {
          builder.add(
            resource: resource, meter: .trafficCollectorData(zone), quantity: processed.gigabytes,
            detail: "\(processed) processed")
        }
      } else {
        builder.addUnknown(
          resource: resource, meter: .trafficCollectorData(zone), reason: "processed flow data per month not given")
      }
    }
    for hub in deployment.virtualWANHubs {
      let resource = "Virtual WAN hub '\(hub.name)'"
      let hours = hoursPerMonth.plainDescription
      builder.add(resource: resource, meter: .virtualWAN(.hub), quantity: hoursPerMonth, detail: "\(hours) h")
      addVirtualWANScaleUnits(hub.scaleUnits, resource: resource, into: &builder)
      if hub.connections > 0 {
        builder.add(
          resource: resource, meter: .virtualWAN(.expressRouteConnectionUnit),
          quantity: FastDecimal.product(hoursPerMonth, Decimal(hub.connections)),
          detail: "\(hours) h × \(hub.connections) connections")
      }
    }
    for charge in deployment.charges {
      let item = LineItem(
        resource: charge.resource, meter: .userCharge(charge.name), quantity: 1,
        unitPrice: Money(charge.amount, currency: currency),
        provenance: Provenance(sourceID: charge.vendor, date: "", confidence: .user),
        detail: charge.recurrence == .monthly
          ? (charge.termMonths.map { "monthly, \($0)-month term" } ?? "monthly") : "one-time")
      switch charge.recurrence {
      case .monthly:
        var line = item
        line.oneTimeBilling = charge.oneTimeBilling
        builder.lineItems.append(line)
      case .oneTime:
        var line = item
        line.oneTimeBilling = OneTimeBilling(total: charge.amount, billedThisMonth: true)
        builder.oneTime.append(line)
      }
    }
    for vpn in deployment.vpnGateways {
      if let note = vpn.sku.retirementNote, !builder.notes.contains(note) { builder.notes.append(note) }
      builder.add(
        resource: "VPN gateway '\(vpn.name)'", meter: .vpnGateway(vpn.sku),
        quantity: FastDecimal.product(hoursPerMonth, Decimal(vpn.count)),
        detail: "\(hoursPerMonth.plainDescription) h" + countDetail(vpn.count))
    }
    var quote = builder.quote(name: deployment.name, hoursPerMonth: hoursPerMonth, table: rates)
    quote.azureResources = deployment.azureResources
    return quote
  }

  /// How a quote's note about a Global Reach link where it is not offered begins (a budget lists those notes always).
  package static let globalReachNotOffered = "Global Reach is not offered at"

  private func countDetail(_ count: Int) -> String { count == 1 ? "" : " × \(count)" }

  /// The monthly charges of one circuit in `zone`, priced exactly as ``quote(_:checkingCapacity:)`` prices it,
  /// without checking the product rules (the caller has validated the configuration once).
  ///
  /// The sizing solver prices every option month by month through this, so a plan and a quote of the same
  /// configuration always agree.
  public func monthlyCharges(of circuit: Circuit, zone: Zone) -> (total: Money, unpriced: [Quote.UnpricedItem]) {
    var builder = QuoteBuilder(rates: rates, discounts: discounts)
    priceCircuit(circuit, zone: zone, deployment: Deployment(name: circuit.name, circuits: [circuit]), into: &builder)
    return (Money.sum(builder.lineItems.map(\.amount), currency: currency), builder.unpriced)
  }

  /// The outbound-data line of a MeteredData circuit in `zone` carrying `volume`: the amount a quote bills for
  /// it (rounded as a line item), or `nil` when the meter has no price. A circuit's monthly charges are its fee
  /// plus this, so planners that price many months can price the fee once per option and this once per month.
  public func outboundDataCharge(_ volume: DataVolume, zone: Zone) -> Money? {
    var builder = QuoteBuilder(rates: rates, discounts: discounts)
    builder.add(resource: "circuit", meter: .egress(zone), quantity: volume.gigabytes)
    return builder.unpriced.isEmpty ? builder.lineItems.first?.amount : nil
  }

  /// The monthly charges of one gateway (or `count` identical ones), priced as a quote prices them.
  public func monthlyCharges(of gateway: Deployment.Gateway) -> (total: Money, unpriced: [Quote.UnpricedItem]) {
    var builder = QuoteBuilder(rates: rates, discounts: discounts)
    priceGateway(gateway, into: &builder)
    return (Money.sum(builder.lineItems.map(\.amount), currency: currency), builder.unpriced)
  }

  private func priceGateway(_ gateway: Gateway, zone: Zone? = nil, into builder: inout QuoteBuilder) {
    let resource = "gateway '\(gateway.name)'"
    if gateway.sku == .erGwScale {
      let units = Decimal(gateway.scaleUnits ?? 0)
      builder.add(
        resource: resource, meter: .gateway(.erGwScale),
        quantity: FastDecimal.product(FastDecimal.product(hoursPerMonth, units), Decimal(gateway.count)),
        detail: "\(hoursPerMonth.plainDescription) h × \(units.plainDescription) scale units"
          + countDetail(gateway.count), zone: zone)
    } else {
      builder.add(
        resource: resource, meter: .gateway(gateway.sku),
        quantity: FastDecimal.product(hoursPerMonth, Decimal(gateway.count)),
        detail: "\(hoursPerMonth.plainDescription) h" + countDetail(gateway.count), zone: zone)
    }
  }

  private func priceCircuit(_ circuit: Circuit, zone: Zone, deployment: Deployment, into builder: inout QuoteBuilder) {
    let resource = "circuit '\(circuit.name)'"
    if let portName = circuit.directPort {
      if circuit.tier == .premium {
        builder.add(
          resource: resource, meter: .directPremiumAddOn(circuit.bandwidth), quantity: 1, detail: "1 month", zone: zone)
      } else {
        builder.notes.append(
          "\(resource): \(circuit.tier.name) \(circuit.bandwidth) on Direct port pair '\(portName)' has no circuit fee (included in the port-pair fee)"
        )
      }
    } else {
      builder.add(
        resource: resource, meter: .circuit(circuit.tier, circuit.billing, circuit.bandwidth, zone), quantity: 1,
        detail: "1 month")
    }
    if circuit.billing == .metered && circuit.tier != .local {
      if let egress = circuit.monthlyEgress {
        builder.add(
          resource: resource, meter: .egress(zone), quantity: egress.gigabytes, detail: Self.egressDetail(egress))
      } else {
        builder.addUnknown(
          resource: resource, meter: .egress(zone),
          reason:
            "outbound data per month not given (MeteredData charges every GB out; give the volume, or measure it from traffic)"
        )
      }
    }
  }
}

/// Collects line items and unpriced items while a quote is built.
struct QuoteBuilder {
  let rates: RateTable
  var discounts = Discounts()
  var lineItems: [LineItem] = []
  var unpriced: [UnpricedItem] = []
  var notes: [String] = []
  var oneTime: [LineItem] = []

  init(rates: RateTable, discounts: Discounts = Discounts()) {
    self.rates = rates
    self.discounts = discounts
  }

  /// Adds a priced line, or an unpriced item when the table has no price for `meter`.
  ///
  /// `zone` is the zone of the location a meter without a zone of its own is charged at (a Direct port pair's): in a
  /// zone no global price list covers (``Zone/noRatesReason``) the charge is not priced, never priced at another
  /// cloud's rate.
  mutating func add(resource: String, meter: Meter, quantity: Decimal, detail: String? = nil, zone: Zone? = nil) {
    if let reason = (zone ?? Self.zone(of: meter))?.noRatesReason {
      unpriced.append(UnpricedItem(resource: resource, meter: meter, quantity: quantity, reason: reason))
      return
    }
    guard let rate = rates.rate(for: meter) else {
      unpriced.append(
        UnpricedItem(resource: resource, meter: meter, quantity: quantity, reason: Self.noRowReason(meter, in: rates)))
      return
    }
    guard let price = rate.price else {
      unpriced.append(
        UnpricedItem(resource: resource, meter: meter, quantity: quantity, reason: rate.unpricedReason ?? "unpriced"))
      return
    }
    lineItems.append(
      LineItem(
        resource: resource, meter: meter, quantity: quantity, unitPrice: price, provenance: rate.provenance,
        detail: detail,
        discount: discounts.discount(on: rate), listUnitPrice: rate.listPrice))
  }

  /// Why `meter` has no row: for a circuit, that the table has no price for its tier and billing in its zone, the zones
  /// it does price them in, and the table's sources (`Local UnlimitedData has no price in Zone 4 …`).
  static func noRowReason(_ meter: Meter, in rates: RateTable) -> String {
    guard case .circuit(let tier, let billing, _, let zone) = meter else {
      return "the rate table '\(rates.name)' has no row for this meter"
    }
    let zones = Zone.allCases.filter { candidate in
      rates.rates.contains { rate in
        if case .circuit(tier, billing, _, candidate) = rate.meter { return rate.price != nil }
        return false
      }
    }
    let sources = Set(
      rates.rates.compactMap { rate -> String? in
        if case .circuit(tier, billing, _, _) = rate.meter { return rate.provenance.sourceID }
        return nil
      }
    ).sorted()
    let cited = sources.map { id in "\(id) (\(rates.source(id: id)?.date ?? "undated"))" }.joined(separator: ", ")
    return "the rate table '\(rates.name)' has no \(tier.name) \(billing.name) price in \(zone.name)"
      + (zones.isEmpty
        ? "" : " (it prices \(tier.name) \(billing.name) in \(zones.map(\.name).joined(separator: ", ")) only")
      + (cited.isEmpty ? "" : "; sources: \(cited)") + (zones.isEmpty ? "" : ")")
  }

  /// The zone a meter is priced by, if it has one.
  static func zone(of meter: Meter) -> Zone? {
    switch meter {
    case .circuit(_, _, _, let zone), .egress(let zone), .globalReach(let zone, _), .trafficCollector(let zone),
      .trafficCollectorData(let zone):
      return zone
    default: return nil
    }
  }

  /// Lists a charge whose quantity nobody gave: unpriced, never 0.00.
  /// In a zone no global price list covers, that is the reason given: the quantity would not price it either.
  mutating func addUnknown(resource: String, meter: Meter, reason: String) {
    unpriced.append(
      UnpricedItem(
        resource: resource, meter: meter, quantity: nil, reason: Self.zone(of: meter)?.noRatesReason ?? reason))
  }

  func quote(name: String, hoursPerMonth: Decimal, table: RateTable) -> Quote {
    // A table has a handful of sources and a quote a handful of lines: a scan beats hashing every id.
    let unpricedSources = unpriced.compactMap { table.rate(for: $0.meter)?.provenance.sourceID }
    var basis = PricingBasis(
      tableName: table.name, priceDate: table.effectiveDate, currency: table.currency, hoursPerMonth: hoursPerMonth)
    basis.discount = discounts.summary
    var quote = Quote(
      name: name, basis: basis, lineItems: lineItems, unpriced: unpriced, notes: notes,
      sources: table.sources.filter { source in
        lineItems.contains { $0.provenance.sourceID == source.id } || unpricedSources.contains(source.id)
      })
    quote.oneTime = oneTime
    return quote
  }
}
