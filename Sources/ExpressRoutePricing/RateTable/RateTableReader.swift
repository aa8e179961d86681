import ExpressRouteCore
import Foundation

/// Reads the rate-table JSON schema, version 1 (documented in PriceTables/README.md).
struct RateTableReader {
  let root: JSONNode
  let isOverride: Bool
  private(set) var declaredHoursPerMonth = false
  private var sources: [PriceSource] = []
  private var seen: [Meter: FileLocation] = [:]
  private var rates: [Rate] = []

  init(root: JSONNode, isOverride: Bool) {
    self.root = root
    self.isOverride = isOverride
  }

  static let sectionKeys = [
    "circuits", "egress", "gateways", "scaleGateway", "directPorts", "directPremiumAddOn",
    "globalReach", "trafficCollector", "vpnGateways", "internetEgress", "virtualWAN",
  ]

  mutating func readTable() throws(Diagnostic) -> RateTable {
    let object = try root.object(
      allowing: [
        "$schema", "schemaVersion", "kind", "name", "currency", "effectiveDate", "hoursPerMonth", "notes", "sources",
      ]
        + Self.sectionKeys + (isOverride ? ["discounts"] : []))
    try object.checkSchemaVersion(supported: RateTable.supportedSchemaVersion, isRequired: true)
    let kind = try object.optional("kind")?.string() ?? "rateTable"
    let expectedKind = isOverride ? "override" : "rateTable"
    guard kind == expectedKind else {
      var problem = (object.optional("kind") ?? root).error(
        "this file is a '\(kind)', expected a '\(expectedKind)' here")
      problem.remedy = isOverride ? .completeRateTable : .overrideFile
      throw problem
    }
    let currencyNode = try object.required("currency")
    let currencyText = try currencyNode.string()
    guard let currency = CurrencyCode(currencyText) else {
      throw currencyNode.error(
        "'\(currencyText)' is not a currency code (expected three upper-case letters such as USD)")
    }
    let name =
      try isOverride ? object.optional("name")?.string() ?? "override" : object.required("name").nonEmptyString()
    var effectiveDate = ""
    if let dateNode = isOverride ? object.optional("effectiveDate") : try object.required("effectiveDate") {
      effectiveDate = try dateNode.string()
      guard isISODate(effectiveDate) else {
        throw dateNode.error("'\(effectiveDate)' is not a date (expected YYYY-MM-DD)")
      }
    }
    var hoursPerMonth: Decimal = 730
    if let hoursNode = object.optional("hoursPerMonth") {
      hoursPerMonth = try hoursNode.decimal()
      guard hoursPerMonth > 0, hoursPerMonth <= 744 else {
        throw hoursNode.error("\(hoursPerMonth) hours per month is out of range (expected more than 0 and at most 744)")
      }
      declaredHoursPerMonth = true
    }
    try readSources(object.required("sources"))

    var capabilities: [GatewaySKU: GatewayCapabilities] = [:]
    var scaleGateway: ScaleGatewayCapabilities?
    if let node = isOverride ? object.optional("circuits") : try object.required("circuits") {
      try readCircuits(node, currency: currency)
    }
    if let node = isOverride ? object.optional("egress") : try object.required("egress") {
      try readRows(node, keys: ["zone", "perGB"], currency: currency) { row throws(Diagnostic) in
        [(.egress(try row.required("zone").oneOf(Zone.self)), "perGB")]
      }
    }
    if let node = object.optional("gateways") {
      capabilities = try readGateways(node, currency: currency)
    }
    if let node = object.optional("scaleGateway") {
      scaleGateway = try readScaleGateway(node, currency: currency)
    }
    if let node = object.optional("directPorts") {
      try readRows(node, keys: ["portSpeed", "billing", "monthly"], currency: currency) { row throws(Diagnostic) in
        [
          (
            .directPortPair(
              try row.required("portSpeed").oneOf(DirectPortSpeed.self),
              try row.required("billing").oneOf(BillingFamily.self)),
            "monthly"
          )
        ]
      }
    }
    if let node = object.optional("directPremiumAddOn") {
      try readRows(node, keys: ["bandwidth", "monthly"], currency: currency) { row throws(Diagnostic) in
        [(.directPremiumAddOn(try readBandwidth(row.required("bandwidth"))), "monthly")]
      }
    }
    if let node = object.optional("globalReach") {
      try readRows(node, keys: ["zone", "direction", "perGB"], currency: currency) { row throws(Diagnostic) in
        [
          (
            .globalReach(
              try row.required("zone").oneOf(Zone.self), try row.required("direction").oneOf(GlobalReachDirection.self)),
            "perGB"
          )
        ]
      }
    }
    if let node = object.optional("trafficCollector") {
      try readRows(node, keys: ["zone", "hourly", "perGB"], currency: currency) { row throws(Diagnostic) in
        let zone = try row.required("zone").oneOf(Zone.self)
        return [(.trafficCollector(zone), "hourly"), (.trafficCollectorData(zone), "perGB")]
      }
    }
    if let node = object.optional("internetEgress") {
      try readRows(node, keys: ["region", "routing", "fromGB", "perGB"], currency: currency) { row throws(Diagnostic) in
        [
          (
            .internetEgress(
              try row.required("region").oneOf(InternetRegion.self),
              try row.required("routing").oneOf(InternetRouting.self),
              fromGB: try row.required("fromGB").int(in: 0...100_000_000)), "perGB"
          )
        ]
      }
      if !isOverride { try checkInternetEgressTiers(node) }
    }
    if let node = object.optional("virtualWAN") {
      try readRows(node, keys: ["item", "fromUnit", "hourly"], currency: currency) { row throws(Diagnostic) in
        let item = try row.required("item").oneOf(VirtualWANMeter.self)
        guard item == .expressRouteScaleUnit else {
          if let fromNode = row.optional("fromUnit") {
            throw fromNode.error(
              "'fromUnit' belongs only on 'ExpressRoute scale unit' rows (the \(item.name) has one price)")
          }
          return [(.virtualWAN(item), "hourly")]
        }
        // Scale units are priced in tiers: a row prices the units from its `fromUnit` to the next row's.
        guard let fromNode = row.optional("fromUnit") else {
          throw row.node.error(
            "missing key 'fromUnit' (an 'ExpressRoute scale unit' row prices a tier of units: 1 for the first unit, 6 for the sixth on)"
          )
        }
        return [(.virtualWANScaleUnits(fromUnit: try fromNode.int(in: 1...1000)), "hourly")]
      }
      let tiers = rates.filter { if case .virtualWANScaleUnits = $0.meter { return true } else { return false } }
      if !isOverride, !tiers.isEmpty, !tiers.contains(where: { $0.meter == .virtualWANScaleUnits(fromUnit: 1) }) {
        throw node.error(
          "the 'ExpressRoute scale unit' tiers start at unit \(tiers.compactMap(\.meter.virtualWANTierStart).min() ?? 0), not 1: the first units would have no price (add a row with \"fromUnit\": 1)"
        )
      }
    }
    if let node = object.optional("vpnGateways") {
      try readRows(node, keys: ["sku", "hourly"], currency: currency) { row throws(Diagnostic) in
        [(.vpnGateway(try row.required("sku").oneOf(VPNGatewaySKU.self)), "hourly")]
      }
    }
    return RateTable(
      name: name, currency: currency, effectiveDate: effectiveDate, hoursPerMonth: hoursPerMonth,
      sources: sources, rates: rates, gatewayCapabilities: capabilities, scaleGateway: scaleGateway)
  }

  /// Refuses a hole in an internet egress price list (see the message).
  private func checkInternetEgressTiers(_ node: JSONNode) throws(Diagnostic) {
    // Each tier runs to the next one's start: an unpriced tier below a priced one would leave a band of volume
    // unpriced in the middle of a price list (the sign of two price lists mixed, such as an import's tier starts
    // between another source's). A list may end unpriced, never have a hole.
    let egress = rates.filter { $0.meter.internetEgressGroup != nil }.sorted { $0.meter < $1.meter }
    for (index, rate) in egress.enumerated() where rate.price == nil {
      guard let group = rate.meter.internetEgressGroup, let start = rate.meter.internetTierStart,
        let priced = egress[(index + 1)...].first(where: { $0.meter.internetEgressGroup == group && $0.price != nil }),
        let pricedStart = priced.meter.internetTierStart
      else { continue }
      throw Diagnostic(
        .error,
        "internet egress for \(group.region.name) via \(group.routing.name) has an unpriced tier from \(start) GB below the priced tier from \(pricedStart) GB: every volume from \(start) GB up to \(pricedStart) GB would be unpriced (a price list's tiers come from one source: replace the group's rows whole, or end the list with the unpriced tier)",
        location: rate.location ?? node.location)
    }
  }

  // MARK: - Sources

  private mutating func readSources(_ node: JSONNode) throws(Diagnostic) {
    let entries = try node.array()
    if entries.isEmpty { throw node.error("expected at least one source") }
    for entry in entries {
      let object = try entry.object(allowing: [
        "id", "title", "url", "repository", "path", "date", "undatedReason", "afterPriceDateReason",
      ])
      let idNode = try object.required("id")
      let id = try idNode.nonEmptyString()
      if sources.contains(where: { $0.id == id }) {
        throw idNode.error("duplicate source id '\(id)'")
      }
      // Every source states its date; `null` says the source carries none (shown as "undated").
      guard object.has("date") else {
        throw entry.error("missing key 'date' (a YYYY-MM-DD date, or null when the source carries none)")
      }
      var date: String?
      if let dateNode = object.optional("date") {
        let text = try dateNode.string()
        guard isISODate(text) else { throw dateNode.error("'\(text)' is not a date (expected YYYY-MM-DD, or null)") }
        date = text
      }
      var undatedReason: String?
      if let reasonNode = object.optional("undatedReason") {
        guard date == nil else {
          throw reasonNode.error("'undatedReason' goes only with \"date\": null (this source is dated)")
        }
        undatedReason = try reasonNode.nonEmptyString()
      }
      var afterPriceDateReason: String?
      if let reasonNode = object.optional("afterPriceDateReason") {
        guard date != nil else {
          throw reasonNode.error("'afterPriceDateReason' goes only with a dated source (this one has \"date\": null)")
        }
        afterPriceDateReason = try reasonNode.nonEmptyString()
      }
      let link = try PriceSource.readLink(object)
      sources.append(
        PriceSource(
          id: id, title: try object.required("title").nonEmptyString(), url: link.url, repository: link.repository,
          path: link.path,
          date: date,
          undatedReason: undatedReason, afterPriceDateReason: afterPriceDateReason, location: entry.location))
    }
  }

  // MARK: - Sections

  /// A section's defaults: `{ "source": …, "confidence": …, "note": …, "rows": [ … ] }`.
  private struct SectionDefaults {
    var source: String?
    var confidence: Confidence?
    var note: String?
  }

  private func readSectionDefaults(_ object: JSONObject, extraKeys: [String] = []) throws(Diagnostic) -> SectionDefaults
  {
    try object.rejectUnknownKeys(["source", "confidence", "note", "rows"] + extraKeys)
    return SectionDefaults(
      source: try object.optional("source")?.string(),
      confidence: try object.optional("confidence")?.oneOf(Confidence.self),
      note: try object.optional("note")?.string())
  }

  private func provenance(_ row: JSONObject, defaults: SectionDefaults, priced: Bool) throws(Diagnostic) -> Provenance {
    let sourceNode = row.optional("source")
    guard let sourceID = try sourceNode?.string() ?? defaults.source else {
      throw row.node.error("missing key 'source' (give it on the row or on its section)")
    }
    guard let source = sources.first(where: { $0.id == sourceID }) else {
      var message = "unknown source '\(sourceID)' (expected an id from 'sources')"
      if let near = Suggestion.nearest(to: sourceID, in: sources.map(\.id)) { message += "; did you mean '\(near)'?" }
      throw (sourceNode ?? row.node).error(message)
    }
    let confidence = try row.optional("confidence")?.oneOf(Confidence.self) ?? defaults.confidence
    if priced && confidence == nil {
      throw row.node.error("missing key 'confidence' (give it on the row or on its section)")
    }
    return Provenance(
      sourceID: sourceID, date: source.date, confidence: confidence ?? .uncertain,
      note: try row.optional("note")?.string() ?? defaults.note)
  }

  /// Reads a section of rows, each giving one or more `(meter, priceKey)` pairs.
  private mutating func readRows(
    _ node: JSONNode, keys: [String], currency: CurrencyCode,
    meters: (JSONObject) throws(Diagnostic) -> [(Meter, String)]
  ) throws(Diagnostic) {
    let section = try node.object()
    let defaults = try readSectionDefaults(section)
    for rowNode in try section.required("rows").array() {
      let row = try rowNode.object(allowing: keys + ["source", "confidence", "note", "unpriced"])
      try readRow(row, meters: try meters(row), defaults: defaults, currency: currency)
    }
  }

  private mutating func readRow(
    _ row: JSONObject, meters: [(Meter, String)], defaults: SectionDefaults, currency: CurrencyCode
  ) throws(Diagnostic) {
    let unpricedNode = row.optional("unpriced")
    let reason = try unpricedNode?.nonEmptyString()
    // An override may patch one price of a row that holds two (Traffic Collector's `hourly` or `perGB`): the other
    // meter keeps the table's rate. A row with neither is still an error below.
    let patchesOne =
      isOverride && meters.count > 1 && reason == nil && meters.contains { row.optional($0.1) != nil }
    for (meter, priceKey) in meters {
      if patchesOne && row.optional(priceKey) == nil { continue }
      if let previous = seen[meter] {
        throw row.node.error("duplicate row for \(meter.displayName) (first defined at line \(previous.line))")
      }
      seen[meter] = row.node.location
      if let priceNode = row.optional(priceKey) {
        if unpricedNode != nil, meters.count == 1 {
          throw priceNode.error("a row has either '\(priceKey)' or 'unpriced', not both")
        }
        let amount = try priceNode.price()
        rates.append(
          Rate(
            meter: meter, price: Money(amount, currency: currency),
            provenance: try provenance(row, defaults: defaults, priced: true), location: row.node.location))
      } else if let reason {
        rates.append(
          Rate(
            meter: meter, unpricedReason: reason,
            provenance: try provenance(row, defaults: defaults, priced: false), location: row.node.location))
      } else {
        throw row.node.error("missing key '\(priceKey)' (a price string, or 'unpriced' with the reason there is none)")
      }
    }
  }

  private mutating func readCircuits(_ node: JSONNode, currency: CurrencyCode) throws(Diagnostic) {
    try readRows(node, keys: ["tier", "billing", "bandwidth", "zone", "monthly"], currency: currency) {
      row throws(Diagnostic) in
      let tier = try row.required("tier").oneOf(CircuitTier.self)
      let billingNode = try row.required("billing")
      let billing = try billingNode.oneOf(BillingFamily.self)
      let bandwidthNode = try row.required("bandwidth")
      let bandwidth = try readBandwidth(bandwidthNode)
      let zone = try row.required("zone").oneOf(Zone.self)
      if tier == .local {
        if billing != .unlimited {
          throw billingNode.error("Local circuits are UnlimitedData only", rule: ProductRule.localUnlimitedOnly.id)
        }
        if bandwidth < .gbps(1) || !Bandwidth.providerSizes.contains(bandwidth) {
          throw bandwidthNode.error(
            "Local circuits come in 1, 2, 5 and 10 Gbps, not \(bandwidth)", rule: ProductRule.localMinimumBandwidth.id)
        }
      } else if !Bandwidth.providerSizes.contains(bandwidth) {
        throw bandwidthNode.error(
          "\(bandwidth) is not a provider circuit size (expected \(Bandwidth.providerSizes.map(\.description).joined(separator: ", ")))",
          rule: ProductRule.providerBandwidths.id)
      }
      return [(.circuit(tier, billing, bandwidth, zone), "monthly")]
    }
    guard !isOverride else { return }
    // Completeness: a (tier, billing, zone) group that has any row must have every size.
    var groups: [String: (CircuitTier, BillingFamily, Zone, Set<Bandwidth>)] = [:]
    for rate in rates {
      guard case .circuit(let tier, let billing, let bandwidth, let zone) = rate.meter else { continue }
      let key = "\(tier.rank)-\(billing.rawValue)-\(zone.rank)"
      var group = groups[key] ?? (tier, billing, zone, [])
      group.3.insert(bandwidth)
      groups[key] = group
    }
    for key in groups.keys.sorted() {
      guard let (tier, billing, zone, present) = groups[key] else { continue }
      let expected = tier == .local ? Bandwidth.providerSizes.filter { $0 >= .gbps(1) } : Bandwidth.providerSizes
      if let missing = expected.first(where: { !present.contains($0) }) {
        throw node.error(
          "\(tier.name) \(billing.name) \(zone.name) has no row for \(missing) (a group with any row needs every size: \(expected.map(\.description).joined(separator: ", ")))"
        )
      }
    }
  }

  private mutating func readGateways(_ node: JSONNode, currency: CurrencyCode) throws(Diagnostic) -> [GatewaySKU:
    GatewayCapabilities]
  {
    let section = try node.object()
    let defaults = try readSectionDefaults(section)
    var capabilities: [GatewaySKU: GatewayCapabilities] = [:]
    for rowNode in try section.required("rows").array() {
      let row = try rowNode.object(allowing: [
        "sku", "hourly", "throughput", "maxCircuits", "routesLearned", "fastPath", "source", "confidence", "note",
        "unpriced",
      ])
      let skuNode = try row.required("sku")
      let sku = try skuNode.oneOf(GatewaySKU.self)
      if sku == .erGwScale {
        throw skuNode.error("ErGwScale is priced per scale unit in the 'scaleGateway' section, not in 'gateways'")
      }
      try readRow(row, meters: [(.gateway(sku), "hourly")], defaults: defaults, currency: currency)
      let capabilityKeys = ["throughput", "maxCircuits", "routesLearned", "fastPath"]
      if !isOverride || capabilityKeys.contains(where: { row.has($0) }) {
        capabilities[sku] = GatewayCapabilities(
          throughput: try readBandwidth(row.required("throughput")),
          maxCircuits: try row.required("maxCircuits").int(in: 1...1000),
          routesLearned: try row.required("routesLearned").int(in: 1...1_000_000),
          fastPath: try row.required("fastPath").bool())
      }
    }
    return capabilities
  }

  private mutating func readScaleGateway(_ node: JSONNode, currency: CurrencyCode) throws(Diagnostic)
    -> ScaleGatewayCapabilities
  {
    let object = try node.object(allowing: [
      "hourlyPerUnit", "unpriced", "minUnits", "maxUnits", "throughputPerUnit", "fastPathMinUnits", "routesLearned",
      "maxCircuits", "unavailableRegions", "source", "confidence", "note",
    ])
    try readRow(
      object, meters: [(.gateway(.erGwScale), "hourlyPerUnit")], defaults: SectionDefaults(), currency: currency)
    let minUnitsNode = try object.required("minUnits")
    let minUnits = try minUnitsNode.int(in: 1...1000)
    let maxUnitsNode = try object.required("maxUnits")
    let maxUnits = try maxUnitsNode.int(in: 1...1000)
    guard maxUnits >= minUnits else { throw maxUnitsNode.error("maxUnits \(maxUnits) is below minUnits \(minUnits)") }
    var steps: [ScaleGatewayCapabilities.CircuitStep] = []
    for stepNode in try object.required("maxCircuits").array() {
      let step = try stepNode.object(allowing: ["fromUnits", "circuits"])
      steps.append(
        .init(
          minUnits: try step.required("fromUnits").int(in: 1...1000),
          maxCircuits: try step.required("circuits").int(in: 1...1000)))
    }
    var capabilities = ScaleGatewayCapabilities(
      minUnits: minUnits, maxUnits: maxUnits,
      throughputPerUnit: try readBandwidth(object.required("throughputPerUnit")),
      fastPathMinUnits: try object.required("fastPathMinUnits").int(in: 1...1000),
      routesLearned: try object.required("routesLearned").int(in: 1...1_000_000), circuitSteps: steps)
    capabilities.unavailableRegions = try object.nonEmptyStrings("unavailableRegions")
    return capabilities
  }
}
