import ExpressRouteCore
import Foundation

/// Prices for one currency and one effective date, with where each came from.
///
/// Loaded from `PriceTables/*.json` (see `PriceTables/README.md` for the
/// schema) by ``init(json:file:)``, or taken from the copy embedded in the
/// binary with ``RateTable/embeddedDefault()``. Lookups go by ``Meter``;
/// listings use ``rates``, which is sorted by meter.
public struct RateTable: Hashable, Sendable {
  /// The newest `schemaVersion` this build understands.
  public static let supportedSchemaVersion = 1

  /// A title for reports.
  public var name: String
  /// The currency of every price.
  public var currency: CurrencyCode
  /// The date the prices were current (ISO 8601 `YYYY-MM-DD`).
  public var effectiveDate: String
  /// Hours in a billing month, for hourly meters (730 unless the table says otherwise).
  public var hoursPerMonth: Decimal
  /// The documents prices were taken from.
  public var sources: [PriceSource]
  /// Every rate, sorted by meter.
  public private(set) var rates: [RateTable.Rate]
  /// Capabilities of the fixed-size gateway SKUs.
  public var gatewayCapabilities: [GatewaySKU: RateTable.GatewayCapabilities]
  /// Rules of the scalable gateway, if the table describes it.
  public var scaleGateway: RateTable.GatewayCapabilities.ScaleGatewayCapabilities?
  /// Negotiated discounts an override file declared (`"discounts": {"all": "12", "circuits": "10"}`, in percent).
  public var discounts = Discounts()

  private var index: [Meter: Int]

  /// Creates a table; later rates for the same meter replace earlier ones.
  public init(
    name: String, currency: CurrencyCode, effectiveDate: String, hoursPerMonth: Decimal = 730,
    sources: [PriceSource], rates: [RateTable.Rate],
    gatewayCapabilities: [GatewaySKU: RateTable.GatewayCapabilities] = [:],
    scaleGateway: RateTable.GatewayCapabilities.ScaleGatewayCapabilities? = nil
  ) {
    self.name = name
    self.currency = currency
    self.effectiveDate = effectiveDate
    self.hoursPerMonth = hoursPerMonth
    self.sources = sources
    self.gatewayCapabilities = gatewayCapabilities
    self.scaleGateway = scaleGateway
    // Last one wins per meter, then one sort: no quadratic re-indexing while loading.
    var unique: [Rate] = []
    var seen: [Meter: Int] = [:]
    for rate in rates {
      if let position = seen[rate.meter] {
        unique[position] = rate
      } else {
        seen[rate.meter] = unique.count
        unique.append(rate)
      }
    }
    // Ties (meters that sort alike) keep their input order.
    self.rates = unique.enumerated().sorted {
      $0.element.meter < $1.element.meter || !($1.element.meter < $0.element.meter) && $0.offset < $1.offset
    }
    .map(\.element)
    self.index = Dictionary(uniqueKeysWithValues: self.rates.enumerated().map { ($1.meter, $0) })
  }

  /// The rate for `meter`, if the table has a row for it (priced or not).
  public func rate(for meter: Meter) -> RateTable.Rate? {
    index[meter].map { rates[$0] }
  }

  /// The source with `id`.
  public func source(id: String) -> PriceSource? { sources.first { $0.id == id } }

  /// An error for every source that cannot be traced (see ``PriceSource/traceabilityProblem``) or is dated after the
  /// table's price date without a reason (see ``PriceSource/dateProblem(priceDate:)``), at its line when known.
  public var untraceableSources: [Diagnostic] {
    sources.compactMap { source in
      (source.traceabilityProblem ?? source.dateProblem(priceDate: effectiveDate)).map {
        Diagnostic(.error, $0, location: source.location)
      }
    }
  }

  /// The tiers of a Virtual WAN hub's ExpressRoute scale units, lowest first: each prices the units from its
  /// `fromUnit` up to the unit before the next tier's (the last tier has no end).
  public var virtualWANScaleUnitTiers: [RateTable.Rate] {
    rates.filter { if case .virtualWANScaleUnits = $0.meter { return true } else { return false } }
  }

  /// Rows that are known meters without a price.
  public var unpricedRates: [RateTable.Rate] { rates.filter { $0.price == nil } }

  /// Adds `rate`, replacing any rate for the same meter, keeping ``rates`` sorted.
  public mutating func upsert(_ rate: RateTable.Rate) {
    if let position = index[rate.meter] {
      rates[position] = rate
      return
    }
    let position = rates.firstIndex(where: { rate.meter < $0.meter }) ?? rates.count
    rates.insert(rate, at: position)
    for offset in position..<rates.count { index[rates[offset].meter] = offset }
  }

  /// The circuit sizes the table prices for `tier`, `billing` and `zone`, smallest first.
  public func circuitSizes(tier: CircuitTier, billing: BillingFamily, zone: Zone) -> [Bandwidth] {
    rates.compactMap { rate in
      if case .circuit(tier, billing, let bandwidth, zone) = rate.meter { return bandwidth }
      return nil
    }
  }

  /// The capabilities of a gateway SKU, with `scaleUnits` for ErGwScale.
  public func capabilities(of sku: GatewaySKU, scaleUnits: Int?) -> RateTable.GatewayCapabilities? {
    if sku == .erGwScale {
      return scaleGateway?.capabilities(units: scaleUnits ?? scaleGateway?.minUnits ?? 1)
    }
    return gatewayCapabilities[sku]
  }
}
