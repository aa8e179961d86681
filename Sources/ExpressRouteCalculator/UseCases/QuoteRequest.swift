import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import ExpressRouteTraffic
import Foundation

extension UseCases {
  /// `quote`: one configuration priced as itemised monthly line items.
  public struct QuoteRequest {
    /// What to price.
    public enum Source {
      /// A deployment described in full.
      case deployment(Deployment)
      /// An existing or planned estate; `egress` gives every circuit without an outbound volume one.
      case estate(EstateImport, egress: DataVolume?)
      /// One circuit described by its options.
      case circuit(Circuit)
    }

    /// One circuit and its add-ons, as a command line describes them; locations are canonical names.
    public struct Circuit: Hashable, Sendable {
      /// Peering location, or `nil` with a ``zone``.
      public var location: String?
      /// Billing zone, when no location is given.
      public var zone: Zone?
      /// Circuit bandwidth.
      public var bandwidth: Bandwidth
      /// SKU tier; `nil` is Standard.
      public var tier: CircuitTier?
      /// Billing model; `nil` is unlimited for Local, else metered.
      public var billing: BillingFamily?
      /// Outbound data per month; `nil` leaves a metered circuit's data charge not priced.
      public var egress: DataVolume?
      /// Run the circuit on an ExpressRoute Direct port pair of this speed.
      public var directPort: DirectPortSpeed?
      /// An ExpressRoute gateway SKU.
      public var gateway: GatewaySKU?
      /// Scale units of an ErGwScale gateway.
      public var scaleUnits: Int?
      /// Identical gateways; `nil` is 1.
      public var gatewayCount: Int?
      /// The gateway must support FastPath.
      public var fastPath = false
      /// A VPN gateway as a backup path.
      public var backupVPN: VPNGatewaySKU?
      /// A Traffic Collector processing this much flow data per month.
      public var trafficCollector: DataVolume?
      /// A Global Reach link to a second circuit (same SKU and size) at this peering location.
      public var globalReach: String?
      /// Data per month each way over the Global Reach link.
      public var globalReachData: DataVolume?
      /// Outbound data per month of the Global Reach link's second circuit.
      public var globalReachEgress: DataVolume?
      /// VNets linked to the circuit.
      public var vnetLinks: Int?
      /// The report's name; `nil` names it after location, bandwidth, tier and billing.
      public var name: String?

      /// A circuit of `bandwidth` at `location` (or in `zone`), Standard and metered unless changed.
      public init(bandwidth: Bandwidth, location: String? = nil, zone: Zone? = nil) {
        self.bandwidth = bandwidth
        self.location = location
        self.zone = zone
      }

      /// The deployment the description stands for: circuit `circuit`, Direct port pair `direct`, gateway `gateway`,
      /// `backup-vpn`, `collector`, and the Global Reach circuit `remote`.
      var deployment: Deployment {
        let tier = tier ?? .standard
        let billing = billing ?? (tier == .local ? .unlimited : .metered)
        let zone = location == nil ? zone : nil
        let name =
          name
          ?? [location ?? self.zone?.name, bandwidth.description, tier.name, billing.name].compactMap { $0 }.joined(
            separator: " ")
        var deployment = Deployment(name: name)
        var circuit = ExpressRouteCalculator.Circuit(
          name: "circuit", peeringLocation: location, zone: zone, tier: tier, billing: billing, bandwidth: bandwidth,
          monthlyEgress: egress,
          virtualNetworkLinks: vnetLinks)
        if let directPort {
          deployment.directPorts.append(
            DirectPortPair(name: "direct", peeringLocation: location, zone: zone, speed: directPort, billing: billing))
          circuit.directPort = "direct"
        }
        deployment.circuits.append(circuit)
        if let gateway {
          deployment.gateways.append(
            Gateway(
              name: "gateway", sku: gateway, scaleUnits: scaleUnits, count: gatewayCount ?? 1, circuits: ["circuit"],
              fastPath: fastPath))
        }
        if let backupVPN { deployment.vpnGateways.append(VPNGateway(name: "backup-vpn", sku: backupVPN)) }
        if let trafficCollector {
          deployment.trafficCollectors.append(
            TrafficCollector(name: "collector", circuits: ["circuit"], processedData: trafficCollector))
        }
        if let globalReach {
          deployment.circuits.append(
            ExpressRouteCalculator.Circuit(
              name: "remote", peeringLocation: globalReach, tier: tier, billing: billing, bandwidth: bandwidth,
              monthlyEgress: globalReachEgress))
          deployment.globalReach.append(
            GlobalReachLink(
              circuitA: "circuit", circuitB: "remote", dataAToB: globalReachData, dataBToA: globalReachData))
        }
        return deployment
      }
    }

    /// What to price.
    public var source: Source
    /// The calendar month priced: only charges that fall in it count. Without one, the latest month
    /// ``globalReachTraffic`` has samples in where it is given; else charges tied to calendar months are refused (no
    /// month need hold them all).
    public var period: MonthKey?
    /// Measured Global Reach traffic (`GlobalReachBits*` series split by `PeeredCircuitSKey`) that sets the data of the
    /// configuration's Global Reach links (``GlobalReachMeasurement``), for ``period`` or the latest month measured;
    /// empty to take the volumes as given.
    public var globalReachTraffic: [TrafficSummary] = []
    /// The files ``globalReachTraffic`` was read from, oldest first, for messages (the last names a message that
    /// cannot point into one).
    public var globalReachFiles: [String] = []

    /// Creates a request to price `source` (for `period`, when given).
    public init(_ source: Source, period: MonthKey? = nil) {
      self.source = source
      self.period = period
    }

    /// Prices the configuration. The gate is the monthly total; charges not priced and resources skipped are missing
    /// from it.
    ///
    /// - Throws: ``RequestError/datedCharges(_:in:)`` for dated charges without a ``period``, ``Diagnostic``.
    public func run(engine: PricingEngine) throws -> RequestOutcome<QuoteReport> {
      // Without a period, measured Global Reach makes the quote one for the month it measures (its CSV rows too).
      let period = period ?? GlobalReachMeasurement.measuredMonth(globalReachTraffic)
      var deployment: Deployment
      var imported: (result: DeploymentImporter.Result, file: String)?
      var measuredNotes: [String] = []
      switch source {
      case .deployment(let given): deployment = given
      case .circuit(let circuit): deployment = circuit.deployment
      case .estate(let estate, let egress):
        var result = try estate.read(placingOn: engine.locations)
        if let egress {
          var given: [String] = []
          for index in result.deployment.circuits.indices where result.deployment.circuits[index].monthlyEgress == nil {
            result.deployment.circuits[index].monthlyEgress = egress
            if result.deployment.circuits[index].billing == .metered {
              given.append(result.deployment.circuits[index].name)
            }
          }
          // The volume is each circuit's, not the estate's: said when it is billed more than once.
          if given.count > 1 {
            measuredNotes.append(
              "\(egress) of outbound data a month is each circuit's without a volume of its own: \(given.count) metered circuits (\(given.map { "'\($0)'" }.joined(separator: ", "))) are billed for it, \(DataVolume.gigabytes(egress.gigabytes * Decimal(given.count))) in all"
            )
          }
        }
        if let period { result.deployment.charges = UserCharge.falling(result.deployment.charges, in: period).charges }
        if !globalReachTraffic.isEmpty {
          measuredNotes += try measureGlobalReach(in: &result.deployment, period: period)
        }
        imported = (result, estate.file)
        deployment = result.deployment
      }
      if imported == nil && !globalReachTraffic.isEmpty {
        measuredNotes = try measureGlobalReach(in: &deployment, period: period)
      }
      var periodNotes: [String] = []
      if let period {
        (deployment.charges, periodNotes) = UserCharge.falling(deployment.charges, in: period)
      } else {
        try Self.refuseDatedCharges(deployment.charges, in: .oneConfiguration)
      }
      var quote: Quote
      if let imported {
        quote = try imported.result.quote(with: engine)
        quote.notes.append("read \(imported.result.format) from \(imported.file)")
      } else {
        quote = try engine.quote(deployment)
      }
      quote.notes += measuredNotes + periodNotes
      let unpriced = quote.unpriced.count + quote.skippedResources.count
      return RequestOutcome(
        report: QuoteReport(quote: quote, period: period?.description),
        gate: .init(total: quote.total, measure: "monthly total", unpriced: unpriced))
    }

    /// Sets `deployment`'s Global Reach data from ``globalReachTraffic`` (``GlobalReachMeasurement``); a message about
    /// a series points at the first place its peer key (or resource) stands in the files. `period`: ``period``, else
    /// the month measured.
    func measureGlobalReach(in deployment: inout Deployment, period: MonthKey?) throws(Diagnostic) -> [String] {
      let files = globalReachFiles
      return try GlobalReachMeasurement.apply(
        globalReachTraffic, to: &deployment, file: files.last ?? "", period: period,
        locate: { text in files.lazy.compactMap { Self.firstLocation(of: text, in: $0) }.first })
    }

    /// Where `text` first stands in the file at `path` (line and column, counted in characters), or `nil`;
    /// `ignoringCase`, ASCII letters compared in lower case (give `text` in lower case).
    static func firstLocation(of text: String, in path: String, ignoringCase: Bool = false) -> Diagnostic.FileLocation?
    {
      guard !text.isEmpty, path != "-", let data = FileManager.default.contents(atPath: path) else { return nil }
      // Lowered byte by byte, so offsets stay those of the file.
      let bytes = ignoringCase ? data.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } : [UInt8](data)
      let needle = [UInt8](text.utf8)
      guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: needle) }) else { return nil }
      let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let line = bytes[..<start].count { $0 == UInt8(ascii: "\n") } + 1
      let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
      return Diagnostic.FileLocation(file: path, line: line, column: column)
    }

    /// Refuses charges tied to calendar months where one undated month is priced: a monthly total of them all would be a
    /// month that never happens.
    static func refuseDatedCharges(_ charges: [UserCharge], in pricing: RequestError.Pricing) throws(RequestError) {
      let dated = UserCharge.dated(charges)
      guard dated.isEmpty else { throw .datedCharges(dated, in: pricing) }
    }
  }
}

/// `UseCases.QuoteRequest`, by its short name inside the package.
package typealias QuoteRequest = UseCases.QuoteRequest
