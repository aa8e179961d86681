import ExpressRouteCore

extension RateTable {
  /// What one fixed-size ExpressRoute gateway SKU can carry.
  ///
  /// Figures are CONFIRMED from the ExpressRoute gateway documentation; they
  /// live in the rate table so a user table can update them.
  public struct GatewayCapabilities: Hashable, Sendable {
    /// Maximum throughput.
    public var throughput: Bandwidth
    /// Maximum circuits at different peering locations connected to the gateway.
    public var maxCircuits: Int
    /// Maximum routes learned from the circuit.
    public var routesLearned: Int
    /// Whether FastPath can be enabled.
    public var fastPath: Bool
  }
}

extension GatewayCapabilities {
  /// The rules of the scalable ErGwScale gateway, priced per scale unit-hour.
  public struct ScaleGatewayCapabilities: Hashable, Sendable {
    /// Fewest scale units.
    public var minUnits: Int
    /// Most scale units.
    public var maxUnits: Int
    /// Throughput added by each scale unit.
    public var throughputPerUnit: Bandwidth
    /// Scale units needed for FastPath.
    public var fastPathMinUnits: Int
    /// Maximum routes learned, at any size.
    public var routesLearned: Int
    /// Circuit-connection limits: from `minUnits` units on, up to `maxCircuits`.
    public var circuitSteps: [CircuitStep]
    /// Azure regions where the scalable gateway is not offered.
    public var unavailableRegions: [String] = []

    /// One step of the circuit-connection limit.
    public struct CircuitStep: Hashable, Sendable {
      /// The scale units from which this limit applies.
      public var minUnits: Int
      /// The circuits allowed from there on.
      public var maxCircuits: Int
    }

    /// Creates the scalable gateway's rules.
    public init(
      minUnits: Int, maxUnits: Int, throughputPerUnit: Bandwidth, fastPathMinUnits: Int,
      routesLearned: Int, circuitSteps: [CircuitStep]
    ) {
      self.minUnits = minUnits
      self.maxUnits = maxUnits
      self.throughputPerUnit = throughputPerUnit
      self.fastPathMinUnits = fastPathMinUnits
      self.routesLearned = routesLearned
      self.circuitSteps = circuitSteps.sorted { $0.minUnits < $1.minUnits }
    }

    /// What a gateway of `units` scale units can carry.
    public func capabilities(units: Int) -> RateTable.GatewayCapabilities {
      let circuits = circuitSteps.last(where: { $0.minUnits <= units })?.maxCircuits ?? 0
      return GatewayCapabilities(
        throughput: Bandwidth(bitsPerSecond: throughputPerUnit.bitsPerSecond * Int64(units)),
        maxCircuits: circuits, routesLearned: routesLearned, fastPath: units >= fastPathMinUnits)
    }
  }
}

// Short names inside the package.
package typealias ScaleGatewayCapabilities = GatewayCapabilities.ScaleGatewayCapabilities

// Short names inside the package.
package typealias GatewayCapabilities = RateTable.GatewayCapabilities
