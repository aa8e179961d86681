import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import ExpressRouteReports
import Foundation

/// Finds waste that only billing and inventory show together (``Reconciliation.WasteFinding``), from the last month billed.
///
/// Rules, each on the last month the ledger bills:
/// - a circuit whose `serviceProviderProvisioningState` is `NotProvisioned` and that is billed: its whole bill;
/// - an ExpressRoute gateway with no connection: its bill (its estimate when not billed);
/// - a gateway billed whose connections reach only circuits the inventory no longer has: its bill;
/// - a Premium circuit with at least one connected gateway, every one in the peering location's geopolitical region,
///   and no Global Reach billed: the Premium − Standard price difference (routes above 4,000 or more than 10 virtual
///   network links also need Premium: the fix says to check);
/// - a Metered circuit whose circuit fee plus billed outbound data exceeds the Unlimited fee: the difference; an
///   Unlimited circuit whose billed outbound volume would cost less on Metered: the difference (Azure does not move
///   a circuit from Unlimited to Metered: a new circuit is needed);
/// - a provisioned Metered circuit whose outbound data is under 0.1% of what its bandwidth carries in a 730-hour
///   month (`Mbps × 0.3285` GB: 1 Gbps → 328.5 GB): its circuit fee.
///
/// Costs are what the export billed where it has the rows (a circuit's fee is its billed `… Circuit` rows, per
/// month of the billed quantity: 1,067.40 for one month at a 10% discount), and the rate table's price only where
/// it has none; each finding says which (``Reconciliation/WasteFinding/CostBasis``). The alternative a finding
/// proposes (Standard, the other billing model) is never billed: it is at the rate table's price.
package struct WasteFinder {
  /// The inventory.
  package var inventory: EstateInventory
  /// Prices for the Premium and billing-model comparisons.
  package var engine: PricingEngine

  /// Creates a finder.
  package init(inventory: EstateInventory, engine: PricingEngine) {
    self.inventory = inventory
    self.engine = engine
  }

  /// The share of line-rate capacity below which a circuit carries "almost no" outbound data: 0.1%.
  package static let idleShare = Decimal(string: "0.001") ?? 0

  /// The findings over `ledger`'s last month, by kind then resource ID; `estimated` gives a resource's estimated
  /// monthly cost by lower-cased ID (for a gateway not billed).
  package func findings(_ ledger: BillingLedger, estimated: [String: Decimal] = [:]) -> [Reconciliation.WasteFinding] {
    // Judged on the last month billed whole: a month-to-date export's month would show a fraction of a month's
    // traffic beside a fee already scaled to the month. With no whole month, nothing is judged (the caller says so).
    guard let month = ledger.lastCompleteMonth else { return [] }
    var billed: [String: [BillingLedger.Charge]] = [:]
    for (key, charge) in ledger.charges where key.month == month { billed[key.resourceId, default: []].append(charge) }
    func cost(_ id: String) -> Decimal { billed[id]?.reduce(0) { $0 + $1.cost } ?? 0 }
    /// The outbound data billed: its GB (`nil` when a row gives no quantity: unknown, never 0) and its cost.
    func egress(_ id: String) -> (gb: Decimal?, cost: Decimal)? {
      let rows =
        billed[id]?.filter {
          BillingLedger.Key.normalised($0.meter).contains("data transfer out")
            && !BillingLedger.Key.normalised($0.meter).contains("global reach")
        } ?? []
      guard !rows.isEmpty else { return nil }
      let gb = rows.allSatisfy { $0.quantity != nil } ? rows.reduce(0) { $0 + ($1.quantity ?? 0) } : nil
      return (gb, rows.reduce(0) { $0 + $1.cost })
    }
    var found: [Reconciliation.WasteFinding] = []
    /// The circuit's billed fee per month (its `… Circuit` rows: cost ÷ billed months when the export gives them).
    func billedFee(_ id: String) -> Decimal? {
      let rows =
        billed[id]?.filter {
          let meter = BillingLedger.Key.normalised($0.meter)
          return meter.contains("circuit") && !meter.contains("data transfer")
        } ?? []
      guard !rows.isEmpty else { return nil }
      let total = rows.reduce(0) { $0 + $1.cost }
      let months = rows.reduce(Decimal(0)) { $0 + ($1.quantity ?? 0) }
      return rows.allSatisfy({ $0.quantity != nil }) && months > 0 ? total / months : total
    }
    func add(
      _ kind: Reconciliation.WasteFinding.Kind, _ id: String, _ name: String, _ amount: Decimal, _ evidence: String,
      _ fix: String, _ basis: Reconciliation.WasteFinding.CostBasis = .billed
    ) {
      let said =
        basis == .billed
        ? "\(evidence) (costed from the billed rows)"
        : "\(evidence) (costed at the rate table's price: the export bills no such row in \(month))"
      found.append(
        Reconciliation.WasteFinding(
          kind: kind, resource: name, resourceId: id, month: month, monthlyCost: amount, evidence: said, fix: fix,
          costBasis: basis))
    }
    for (key, gateway) in inventory.gateways.sorted(by: { $0.key < $1.key }) {
      let amount = billed[key] != nil ? cost(key) : estimated[key] ?? 0
      let basis: Reconciliation.WasteFinding.CostBasis = billed[key] != nil ? .billed : .listPrice
      if gateway.connectedCircuits.isEmpty {
        add(
          .idleGateway, gateway.id, gateway.name, amount, "no connection in the inventory",
          "connect it to a circuit, or delete it", basis)
      } else if billed[key] != nil,
        gateway.connectedCircuits.allSatisfy({ circuit in
          // Gone only when known and seen nowhere: a circuit billed in the export (another subscription's, in a
          // hub-and-spoke estate) or a connection whose peering the inventory does not name is no evidence.
          !circuit.isEmpty && inventory.circuits[EstateInventory.identity(circuit)] == nil
            && billed[EstateInventory.identity(circuit)] == nil
        })
      {
        let reached = gateway.connectedCircuits.map(Reconciliation.lastSegment).joined(separator: ", ")
        add(
          .orphanedGateway, gateway.id, gateway.name, amount,
          "its connections reach \(reached), neither in the inventory nor billed in \(month)",
          "check that \(reached) is gone (a subscription the inventory and the export do not cover would hide it); if it is, delete the connections, then the gateway"
        )
      }
    }
    for (key, circuit) in inventory.circuits.sorted(by: { $0.key < $1.key }) {
      guard billed[key] != nil else { continue }
      let bill = cost(key)
      if circuit.providerState.lowercased() == "notprovisioned" {
        add(
          .notProvisioned, circuit.id, circuit.name, bill,
          "serviceProviderProvisioningState is NotProvisioned, billed \(bill.fixedPoint(places: 2)) in \(month)",
          "ask the connectivity provider to provision it, or delete the circuit (Azure bills a circuit from the moment it is created)"
        )
        continue
      }
      guard var prices = circuitPrices(circuit) else { continue }
      let feeBasis: Reconciliation.WasteFinding.CostBasis
      if let fee = billedFee(key) {
        prices.fee = fee
        feeBasis = .billed
      } else {
        feeBasis = .listPrice
      }
      let data = egress(key)
      let hasGlobalReach = billed[key]?.contains { $0.meter.lowercased().contains("global reach") } ?? false
      if circuit.tier.lowercased() == "premium", !hasGlobalReach, let standard = prices.standardFee,
        let saving = Optional(prices.fee - standard), saving > 0, premiumFitsStandard(key, circuit)
      {
        add(
          .premiumFitsStandard, circuit.id, circuit.name, saving,
          "every connected gateway is in \(prices.geopolitical), as the peering location is; Premium \(feeBasis == .billed ? "billed" : "at") \(prices.fee.fixedPoint(places: 2)) against Standard \(standard.fixedPoint(places: 2)) a month",
          "change the SKU tier to Standard if the circuit needs fewer than 4,000 routes and 10 virtual network links",
          feeBasis)
      }
      if circuit.family.lowercased() == "metereddata" {
        // No outbound rows: none billed (0 GB); rows without a quantity: an unknown volume, judged by cost alone.
        let gb = data == nil ? 0 : data?.gb
        let volume = gb.map { "\($0.plainDescription) GB out" } ?? "outbound data (quantity not given)"
        if let unlimited = prices.otherFamilyFee, prices.fee + (data?.cost ?? 0) > unlimited {
          add(
            .meteredCheaperUnlimited, circuit.id, circuit.name, prices.fee + (data?.cost ?? 0) - unlimited,
            "\(volume) billed \((data?.cost ?? 0).fixedPoint(places: 2)); Metered fee \(feeBasis == .billed ? "billed " : "")\(prices.fee.fixedPoint(places: 2)) against Unlimited \(unlimited.fixedPoint(places: 2))",
            "change the billing model to Unlimited (allowed in place; it cannot be changed back)", feeBasis)
        }
        if let mbps = circuit.bandwidthMbps, let gb {
          let threshold = Decimal(mbps) * Decimal(3285) / 10_000
          if gb < threshold {
            add(
              .almostNoEgress, circuit.id, circuit.name, prices.fee,
              "\(gb.plainDescription) GB out in \(month), under 0.1% of what \(mbps) Mbps carries (\(threshold.plainDescription) GB)",
              "move its traffic to another circuit and delete it, or choose a smaller bandwidth", feeBasis)
          }
        }
      } else if circuit.family.lowercased() == "unlimiteddata", let data, let gb = data.gb,
        let metered = prices.otherFamilyFee, let rate = prices.egressRate
      {
        let meteredCost = metered + gb * rate
        if meteredCost < prices.fee {
          add(
            .unlimitedCheaperMetered, circuit.id, circuit.name, prices.fee - meteredCost,
            "\(gb.plainDescription) GB out; Metered would be \(metered.fixedPoint(places: 2)) + \(gb.plainDescription) GB × \(rate.plainDescription) against Unlimited \(feeBasis == .billed ? "billed " : "")\(prices.fee.fixedPoint(places: 2))",
            "Azure does not move a circuit from Unlimited to Metered: create a Metered circuit, move the peerings and connections, then delete this one",
            feeBasis)
        }
      }
    }
    return found.sorted {
      ($0.kind.sortRank, $0.resourceId.lowercased()) < ($1.kind.sortRank, $1.resourceId.lowercased())
    }
  }

  struct CircuitPrices {
    var fee: Decimal
    var standardFee: Decimal?
    var otherFamilyFee: Decimal?
    var egressRate: Decimal?
    var geopolitical: String
  }

  /// The list fees (after discounts) of `circuit` as it is, on Standard, and on the other billing model.
  func circuitPrices(_ circuit: EstateInventory.Circuit) -> CircuitPrices? {
    guard let mbps = circuit.bandwidthMbps, let name = circuit.peeringLocation,
      let location = engine.locations.location(named: name), let tier = CircuitTier(rawValue: circuit.tier),
      let family = BillingFamily(rawValue: circuit.family)
    else { return nil }
    let bandwidth = Bandwidth.mbps(Int64(mbps))
    let other: BillingFamily = family == .metered ? .unlimited : .metered
    guard let fee = engine.effectivePrice(of: .circuit(tier, family, bandwidth, location.zone)) else { return nil }
    return CircuitPrices(
      fee: fee, standardFee: engine.effectivePrice(of: .circuit(.standard, family, bandwidth, location.zone)),
      otherFamilyFee: engine.effectivePrice(of: .circuit(tier, other, bandwidth, location.zone)),
      egressRate: engine.effectivePrice(of: .egress(location.zone)), geopolitical: location.geopoliticalRegion)
  }

  /// Whether the circuit has a connected gateway and every connected gateway's region is in the peering location's
  /// geopolitical region.
  func premiumFitsStandard(_ id: String, _ circuit: EstateInventory.Circuit) -> Bool {
    guard let name = circuit.peeringLocation, let location = engine.locations.location(named: name) else {
      return false
    }
    let regions = inventory.gateways.values.filter { $0.connectedCircuits.contains(id) }.map(\.region)
    guard !regions.isEmpty else { return false }
    return regions.allSatisfy { region in
      region.flatMap { engine.locations.geopoliticalRegion(ofAzureRegion: $0)?.name } == location.geopoliticalRegion
    }
  }
}

extension Reconciliation.WasteFinding.Kind {
  /// Declaration order.
  var sortRank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
