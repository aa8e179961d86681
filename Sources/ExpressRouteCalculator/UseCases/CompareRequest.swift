import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteReports

extension UseCases {
  /// `compare`: every SKU × billing option for one circuit, cheapest first, and optionally a VPN over the internet.
  public struct CompareRequest {
    /// The bandwidth compared when the request gives none: 1 Gbps.
    public static let defaultBandwidth = Bandwidth.gbps(1)
    /// The peering location compared when neither a location nor a zone is given.
    public static let defaultLocation = "Amsterdam"

    /// A site-to-site VPN priced beside the options.
    public struct VPN: Hashable, Sendable {
      /// How the VPN's internet traffic leaves Azure; `nil` is the Microsoft network.
      public var routing: InternetRouting?
      /// The ExpressRoute gateway's Azure region, as given (any spelling Azure accepts); `nil` is the location's own.
      public var hubRegion: String?

      /// Creates VPN options.
      public init(routing: InternetRouting? = nil, hubRegion: String? = nil) {
        self.routing = routing
        self.hubRegion = hubRegion
      }
    }

    /// The peering location; with no ``zone`` either, ``defaultLocation``.
    public var location: PeeringLocation?
    /// The billing zone, when no location is given.
    public var zone: Zone?
    /// The circuit's bandwidth; `nil` is ``defaultBandwidth``.
    public var bandwidth: Bandwidth?
    /// Outbound data per month; `nil` compares with none (which favours metered billing).
    public var egress: DataVolume?
    /// A VPN to price beside the options.
    public var vpn: VPN?

    /// Creates a request; every option left out takes its default.
    public init(
      location: PeeringLocation? = nil, zone: Zone? = nil, bandwidth: Bandwidth? = nil, egress: DataVolume? = nil,
      vpn: VPN? = nil
    ) {
      self.location = location
      self.zone = zone
      self.bandwidth = bandwidth
      self.egress = egress
      self.vpn = vpn
    }

    /// Whether the comparison is made at ``defaultLocation`` because neither a location nor a zone was given.
    public var usesDefaultLocation: Bool { location == nil && zone == nil }

    /// Compares the options. The gate is the cheapest priced option's monthly total (`nil` when none could be priced),
    /// incomplete while an option without a price could cost less.
    ///
    /// - Throws: ``RequestError/unknownRegion(_:nearest:)`` for a VPN hub region nobody knows, ``Diagnostic``.
    public func run(engine: PricingEngine) throws -> RequestOutcome<ComparisonReport> {
      let egress = egress ?? .zero
      let location = usesDefaultLocation ? engine.locations.location(named: Self.defaultLocation) : location
      // The rules `quote` applies to one circuit apply to the circuit compared: a size up to 10 Gbps no provider sells
      // (3 Gbps), or more outbound data than it carries in a month, is refused as quote refuses it (every option was
      // "not sold", exit 0). Above 10 Gbps the table says each option is not sold and that Direct would carry it.
      let compared = bandwidth ?? Self.defaultBandwidth
      if compared <= .gbps(10) {
        let probe = Circuit(
          name: "circuit", peeringLocation: location?.name, zone: location == nil ? zone : nil, tier: .standard,
          billing: .metered, bandwidth: compared, monthlyEgress: self.egress)
        _ = try engine.validate(Deployment(name: "compare", circuits: [probe]))
      }
      var comparison = try engine.compare(
        location: location, zone: zone, bandwidth: bandwidth ?? Self.defaultBandwidth, monthlyEgress: egress)
      var hub: String?
      if let region = vpn?.hubRegion {
        guard let canonical = engine.locations.canonicalAzureRegion(region) else {
          throw RequestError.unknownRegion(
            region, nearest: Suggestion.nearest(to: region, in: engine.locations.allAzureRegions))
        }
        hub = canonical
      }
      // A hub region the option's tier cannot reach rules the option out of the whole comparison, its verdict
      // included (it was only left out of the VPN side).
      if let hub, let location = comparison.location {
        let hubGeopolitical = engine.locations.geopoliticalRegion(ofAzureRegion: hub)?.name
        for index in comparison.options.indices where comparison.options[index].quote != nil {
          let tier = comparison.options[index].tier
          guard !location.reaches(hub, geopolitical: hubGeopolitical, with: tier) else { continue }
          let reason =
            location.reaches(hub, geopolitical: hubGeopolitical, with: .standard)
            ? "Local reaches only \(location.name)'s local regions (\(location.localRegions.joined(separator: ", "))), not the hub region \(hub)"
            : "\(tier.name) reaches only \(location.geopoliticalRegion), not the hub region \(hub) (\(hubGeopolitical ?? ""))"
          comparison.options[index].quote = nil
          comparison.options[index].unavailableReason = reason
        }
        comparison.options =
          comparison.options.filter { $0.quote != nil } + comparison.options.filter { $0.quote == nil }
        // The break-evens of tiers the hub rules out would advise options that are not available.
        let reachable = Set(comparison.options.filter { $0.quote != nil }.map(\.tier))
        comparison.breakEvens = comparison.breakEvens.filter { reachable.contains($0.tier) }
        if !reachable.contains(.local) || !reachable.contains(.standard) { comparison.localBreakEven = nil }
      }
      var report = ComparisonReport(comparison: comparison)
      report.egressGiven = self.egress != nil
      if let vpn {
        report.vpn = engine.compareWithVPN(
          comparison, volume: egress, routing: vpn.routing ?? .microsoftNetwork, hubRegion: hub)
      }
      return RequestOutcome(
        report: report,
        gate: .init(
          total: comparison.cheapestPriced?.monthlyTotal, measure: "cheapest option's monthly total",
          unpriced: comparison.unpricedMayCostLess.count))
    }
  }
}

/// `UseCases.CompareRequest`, by its short name inside the package.
package typealias CompareRequest = UseCases.CompareRequest
