import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// Turns Retail Prices API items into a rate table.
///
/// Items are classified by `meterName` (circuits, Local, egress, gateways,
/// ErGwScale units, Direct ports, Global Reach, Traffic Collector, VPN
/// gateways), zone-priced meters take their zone from `armRegionName`, and
/// only `Consumption` items are kept. Units of measure are read as price sheets' are (``PriceSheetUnit``: a block
/// such as `10 GB` divided down to one unit, an unknown unit not recognised), and each meter takes the item in force
/// on the price date (``PriceInForce``, the rule price sheets use). Product data the API does not carry
/// (gateway capabilities) comes from the base table. A meter the pages do
/// not price is unpriced in the result, never copied from the base.
package struct RetailPriceImporter: Sendable {
  /// The ARM region whose gateway prices to take (`eastus`); required when pages hold several.
  public var gatewayRegion: String?
  /// The internet egress region group of each ARM region (`eastus` → North America), for Bandwidth items.
  public var internetRegions: [String: InternetRouting.InternetRegion] = [:]

  /// The price date (`YYYY-MM-DD`); `nil`: ``exportDate``, else the latest start among the items (``PriceInForce``).
  package var asOf: String?
  /// The day the pages were saved (`YYYY-MM-DD`), the date of their source; `nil`: the price date.
  package var exportDate: String?

  /// Creates an importer.
  public init(gatewayRegion: String? = nil) { self.gatewayRegion = gatewayRegion }

  /// Creates an importer that also reads internet egress tiers, placing ARM regions with `locations`.
  public init(gatewayRegion: String?, locations: LocationCatalog) {
    self.gatewayRegion = gatewayRegion
    for group in locations.geopoliticalRegions {
      guard let region = InternetRegion(geopoliticalRegion: group.name) else { continue }
      for azureRegion in group.azureRegions { internetRegions[armName(azureRegion)] = region }
    }
    // Regions priced alone (New Zealand North sits in Oceania's group of locations, but has its own prices).
    for region in InternetRegion.allCases { if let own = region.ownRegion { internetRegions[armName(own)] = region } }
  }

  /// What an import did.
  public struct Summary: Hashable, Sendable {
    /// Items read.
    public var items = 0
    /// Items turned into rates.
    public var imported = 0
    /// Items skipped on purpose (not Consumption, other regions, higher price tiers, not in force on the price date).
    public var skipped = 0
    /// Items that are not a meter ercalc knows, with where they stand.
    public var unrecognized: [String] = []
    /// Different prices for what should be one meter (the first is kept).
    public var conflicts: [String] = []
    /// ARM regions seen on gateway items.
    public var gatewayRegions: [String] = []
    /// The date whose prices were taken (`YYYY-MM-DD`).
    package var priceDate = ""
    /// Where ``priceDate`` came from.
    package var priceDateBasis = PriceInForce.Basis.latestStart
    /// Items that start after the price date, left out: meter, price and start, and where they stand.
    package var future: [String] = []
    /// Prices per block of units divided down to one unit: meter, price per unit, and the item's price and unit.
    package var blocks: [String] = []
  }

  static let bandwidthPattern = "(\\d+) (Mbps|Gbps)"

  /// Builds a table from `pages`; `base` supplies gateway capabilities and ErGwScale rules.
  public func makeTable(pages: [RetailPricePage], base: RateTable) throws(Diagnostic) -> (RateTable, Summary) {
    var summary = Summary()
    let items = pages.flatMap(\.items)
    summary.items = items.count
    guard let first = items.first else {
      throw Diagnostic(
        .error, "the pages hold no items (expected Retail Prices API items for serviceName 'ExpressRoute')")
    }
    // A table made only of other services' items would be all unpriced, dated from unrelated items: never write one.
    guard items.contains(where: { $0.serviceName == "ExpressRoute" }) else {
      let services = Set(items.map(\.serviceName)).sorted()
      throw Diagnostic(
        .error,
        "the pages hold no ExpressRoute item (\(items.count) item\(items.count == 1 ? "" : "s") of \(services.joined(separator: ", "))); nothing to import"
      )
    }
    guard let currency = CurrencyCode(pages.compactMap(\.billingCurrency).first ?? first.currencyCode) else {
      throw Diagnostic(
        .error, "'\(first.currencyCode)' is not a currency code (expected three upper-case letters such as USD)",
        location: first.location)
    }
    for item in items where item.currencyCode != currency.rawValue {
      throw Diagnostic(
        .error,
        "item currency \(item.currencyCode) differs from the page currency \(currency) (expected one currency per import)",
        location: item.location)
    }
    let regions = Set(
      items.filter { Self.gatewaySKU($0) != nil || $0.serviceName == "VPN Gateway" }.map(\.armRegionName)
    ).sorted()
    summary.gatewayRegions = regions
    var region = gatewayRegion
    if region == nil && regions.count == 1 { region = regions[0] }
    if region == nil && regions.count > 1 {
      throw Diagnostic(
        .error,
        "the pages price gateways in \(regions.count) regions (\(regions.prefix(8).joined(separator: ", "))\(regions.count > 8 ? ", …" : "")); choose one",
        remedy: .gatewayRegion)
    }
    var found: [Candidate] = []
    for item in items {
      guard item.type == "Consumption" else {
        summary.skipped += 1
        continue
      }
      // One unit-of-measure rule with price sheets: a block (`10 GB`, `100 Hours`) is divided down to one unit, and
      // a unit ercalc does not know (`1 TB`, `1 GB/Month`) is not recognised, never read as one unit.
      let unit = PriceSheetUnit(item.unitOfMeasure)
      var perUnit = item
      var meters: [Meter] = []
      if let unit {
        perUnit.unitOfMeasure = unit.baseText
        perUnit.retailPrice = unit.perUnit(item.retailPrice)
        switch classify(perUnit) {
        case .meter(let meter): meters = [meter]
        case .meters(let list): meters = list
        case .unrecognized: break
        }
        if !meters.allSatisfy({ $0.unit == unit.unit }) { meters = [] }
      }
      // Tiered items: only internet egress keeps its higher tiers (each tier is its own meter), counted in GB.
      if item.tierMinimumUnits != 0 {
        guard let unit, unit.blockSize == 1, !meters.isEmpty, meters.allSatisfy({ $0.internetEgressGroup != nil })
        else {
          summary.skipped += 1
          continue
        }
      }
      guard let unit, !meters.isEmpty else {
        summary.unrecognized.append("\(item.location): \(item.summary)")
        continue
      }
      if meters.contains(where: Self.isRegional), item.armRegionName.lowercased() != region?.lowercased() {
        summary.skipped += 1
        continue
      }
      if unit.blockSize != 1 {
        summary.blocks.append(
          "\(meters.map(\.displayName).joined(separator: " and ")): \(perUnit.retailPrice.plainDescription) per \(unit.unit.shortName) (\(item.retailPrice.plainDescription) per \(item.unitOfMeasure) at \(item.location))"
        )
      }
      found += meters.map { Candidate(meter: $0, item: perUnit) }
    }
    let latestStart =
      found.compactMap(\.item.effectiveDate).max() ?? items.compactMap(\.effectiveDate).max() ?? base.effectiveDate
    let (date, basis) = PriceInForce.priceDate(asOf: asOf, exportDate: exportDate, latestStart: latestStart)
    summary.priceDate = date
    summary.priceDateBasis = basis
    let sourceDate = exportDate ?? date
    var source = PriceSource(
      id: "retail-api-\(sourceDate)",
      title: "Azure Retail Prices API, \(currency), \(pages.count) page\(pages.count == 1 ? "" : "s")",
      url: "https://prices.azure.com/api/retail/prices", date: sourceDate)
    if sourceDate > date {
      source.afterPriceDateReason =
        "the pages, saved on \(sourceDate), state each price with the date it starts; these are the prices of \(date)"
    }
    let rates = choose(found, on: date, currency: currency, source: source, summary: &summary)
    let order = Array(Set(rates.keys)).sorted()
    // Meters the base table knows that the pages did not price stay unpriced (and the
    // completeness rules of the schema hold because every base meter is present).
    var table = RateTable(
      name: "Azure Retail Prices API import (\(currency))", currency: currency, effectiveDate: date,
      hoursPerMonth: base.hoursPerMonth,
      sources: [source], rates: [], gatewayCapabilities: base.gatewayCapabilities, scaleGateway: base.scaleGateway)
    let missing = PriceSource(
      id: "not-in-import", title: "Meters the imported pages did not price",
      url: "https://prices.azure.com/api/retail/prices", date: date)
    table.sources.append(missing)
    // An internet egress group (region and routing) the pages price gets exactly the pages' tiers: the base table's
    // tier starts differ from the pages' (10,335 against 10,240), and a base row left between imported ones would cut
    // an imported tier short and leave the volume above it unpriced.
    let importedGroups = Set(order.compactMap(\.internetEgressGroup))
    let baseMeters = base.rates.map(\.meter).filter { meter in
      meter.internetEgressGroup.map { !importedGroups.contains($0) } ?? true
    }
    for meter in Set(order).union(baseMeters).sorted() {
      if let rate = rates[meter] {
        table.upsert(rate)
      } else {
        table.upsert(
          Rate(
            meter: meter, unpricedReason: "not in the imported Retail Prices API pages",
            provenance: Provenance(sourceID: missing.id, date: date, confidence: .uncertain)))
      }
    }
    // A circuit group with any row needs every size (the schema's completeness rule).
    for rate in table.rates {
      guard case .circuit(let tier, let billing, _, let zone) = rate.meter else { continue }
      let sizes = tier == .local ? Bandwidth.providerSizes.filter { $0 >= .gbps(1) } : Bandwidth.providerSizes
      for size in sizes where table.rate(for: .circuit(tier, billing, size, zone)) == nil {
        table.upsert(
          Rate(
            meter: .circuit(tier, billing, size, zone), unpricedReason: "not in the imported Retail Prices API pages",
            provenance: Provenance(sourceID: missing.id, date: date, confidence: .uncertain)))
      }
    }
    return (table, summary)
  }

  enum Classification {
    case meter(Meter)
    case meters([Meter])
    case unrecognized
  }

  static func gatewaySKU(_ item: RetailPriceItem) -> GatewaySKU? {
    guard item.serviceName == "ExpressRoute" else { return nil }
    switch item.meterName {
    case "ErGw1AZ Gateway": return .erGw1AZ
    case "ErGw2AZ Gateway": return .erGw2AZ
    case "ErGw3AZ Gateway": return .erGw3AZ
    case "ErGwScale Unit": return .erGwScale
    case "Standard Gateway": return .standard
    case "High Performance Gateway": return .highPerformance
    case "Ultra High Performance Gateway", "Ultra Performance Gateway": return .ultraPerformance
    default: return nil
    }
  }

  func classify(_ item: RetailPriceItem) -> Classification {
    let name = item.meterName
    let zone = Zone(name: item.armRegionName)
    if item.serviceName == "Bandwidth" {
      // Internet egress: "Standard Data Transfer Out" under routing via Microsoft's network or routing preference internet.
      let routing: InternetRouting? =
        item.productName == "Rtn Preference: MGN"
        ? .microsoftNetwork : item.productName == "Rtn Preference: Internet" ? .internet : nil
      guard let routing, item.meterName == "Standard Data Transfer Out", item.unitOfMeasure == "1 GB",
        let region = internetRegions[item.armRegionName.lowercased()]
      else { return .unrecognized }
      return .meter(.internetEgress(region, routing, fromGB: NSDecimalNumber(decimal: item.tierMinimumUnits).intValue))
    }
    if item.serviceName == "VPN Gateway" {
      let sku = item.meterName.replacingOccurrences(of: " Gateway", with: "")
      if item.unitOfMeasure == "1 Hour", let match = VPNGatewaySKU(name: sku) { return .meter(.vpnGateway(match)) }
      return .unrecognized
    }
    guard item.serviceName == "ExpressRoute" else { return .unrecognized }
    if let sku = Self.gatewaySKU(item), item.unitOfMeasure == "1 Hour" { return .meter(.gateway(sku)) }
    if let match = name.firstMatch(of: /^(Standard|Premium) (Metered|Unlimited) Data (\d+) (Mbps|Gbps) Circuit$/),
      let zone,
      item.unitOfMeasure == "1/Month"
    {
      let tier: CircuitTier = match.1 == "Premium" ? .premium : .standard
      let billing: BillingFamily = match.2 == "Metered" ? .metered : .unlimited
      guard let bandwidth = Bandwidth(parsing: "\(match.3) \(match.4)") else { return .unrecognized }
      return .meter(.circuit(tier, billing, bandwidth, zone))
    }
    // Both spellings: `Local 1 Gbps Circuit` and `Local Unlimited Data 1 Gbps Circuit`.
    if let match = name.firstMatch(of: /^Local (?:Unlimited Data )?(\d+) Gbps Circuit$/), let zone,
      item.unitOfMeasure == "1/Month",
      let bandwidth = Bandwidth(parsing: "\(match.1) Gbps")
    {
      return .meter(.circuit(.local, .unlimited, bandwidth, zone))
    }
    if name.contains("Global Reach"), let zone, item.unitOfMeasure.hasSuffix("GB") {
      if name.contains("Out") { return .meter(.globalReach(zone, .outbound)) }
      if name.contains(" In") { return .meter(.globalReach(zone, .inbound)) }
      return .meters([.globalReach(zone, .outbound), .globalReach(zone, .inbound)])
    }
    // Metered circuits' outbound data (`Metered Data - Data Transfer Out`); an unlimited circuit's (`Unlimited Data -
    // Data Transfer Out`, billed at 0) and a Direct port's are other meters, never the metered rate.
    if name.contains("Data Transfer Out"), !name.contains("Unlimited"), !name.contains("Port"), let zone,
      item.unitOfMeasure.hasSuffix("GB")
    {
      return .meter(.egress(zone))
    }
    if name.contains("Traffic Collector"), let zone {
      if item.unitOfMeasure == "1 Hour" { return .meter(.trafficCollector(zone)) }
      if item.unitOfMeasure.hasSuffix("GB") { return .meter(.trafficCollectorData(zone)) }
    }
    if name.contains("Port"), let match = name.firstMatch(of: /(10|100|400) ?G(bps)?/), item.unitOfMeasure == "1/Month"
    {
      let speed: DirectPortSpeed = match.1 == "10" ? .gbps10 : match.1 == "100" ? .gbps100 : .gbps400
      if name.contains("Metered") { return .meter(.directPortPair(speed, .metered)) }
      if name.contains("Unlimited") { return .meter(.directPortPair(speed, .unlimited)) }
    }
    return .unrecognized
  }
}
