import ExpressRouteCore
import Foundation

extension RateTable {
  /// This table as schema-1 JSON, in the layout of `PriceTables/`: one row per line.
  ///
  /// Reading the text back with ``init(json:file:)`` gives an equal table. With `asOverride`, the file is an
  /// override (`"kind": "override"`) for `--overrides`: no `hoursPerMonth` (it would replace the table's) and only the
  /// sections that have rows.
  public func jsonText(notes: String? = nil, asOverride: Bool = false) -> String {
    func row(_ rate: Rate, _ members: [(String, JSONValue)], priceKey: String) -> [(String, JSONValue)] {
      var result = members
      if let price = rate.price {
        result.append((priceKey, .price(price)))
      } else {
        result.append(("unpriced", .string(rate.unpricedReason ?? "unpriced")))
      }
      return result + provenance(rate)
    }
    func provenance(_ rate: Rate) -> [(String, JSONValue)] {
      var result: [(String, JSONValue)] = [("source", .string(rate.provenance.sourceID))]
      if rate.price != nil { result.append(("confidence", .string(rate.provenance.confidence.rawValue))) }
      if let note = rate.provenance.note { result.append(("note", .string(note))) }
      return result
    }
    var sections: [(String, [[(String, JSONValue)]])] = [
      ("circuits", []), ("egress", []), ("gateways", []), ("directPorts", []), ("directPremiumAddOn", []),
      ("globalReach", []),
      ("trafficCollector", []), ("vpnGateways", []), ("internetEgress", []), ("virtualWAN", []),
    ]
    func append(_ section: String, _ members: [(String, JSONValue)]) {
      if let index = sections.firstIndex(where: { $0.0 == section }) { sections[index].1.append(members) }
    }
    var scaleGatewayRate: Rate?
    for rate in rates {
      switch rate.meter {
      case .circuit(let tier, let billing, let bandwidth, let zone):
        append(
          "circuits",
          row(
            rate,
            [
              ("tier", .string(tier.name)), ("billing", .string(billing.name)),
              ("bandwidth", .string(bandwidth.description)),
              ("zone", .string(zone.name)),
            ], priceKey: "monthly"))
      case .egress(let zone):
        append("egress", row(rate, [("zone", .string(zone.name))], priceKey: "perGB"))
      case .gateway(.erGwScale):
        scaleGatewayRate = rate
      case .gateway(let sku):
        var members = row(rate, [("sku", .string(sku.name))], priceKey: "hourly")
        if let capabilities = gatewayCapabilities[sku] {
          members += [
            ("throughput", .string(capabilities.throughput.description)),
            ("maxCircuits", .number(capabilities.maxCircuits)),
            ("routesLearned", .number(capabilities.routesLearned)), ("fastPath", .bool(capabilities.fastPath)),
          ]
        }
        append("gateways", members)
      case .directPortPair(let speed, let billing):
        append(
          "directPorts",
          row(rate, [("portSpeed", .string(speed.name)), ("billing", .string(billing.name))], priceKey: "monthly"))
      case .directPremiumAddOn(let bandwidth):
        append("directPremiumAddOn", row(rate, [("bandwidth", .string(bandwidth.description))], priceKey: "monthly"))
      case .globalReach(let zone, let direction):
        append(
          "globalReach",
          row(rate, [("zone", .string(zone.name)), ("direction", .string(direction.rawValue))], priceKey: "perGB"))
      case .trafficCollector(let zone):
        var members: [(String, JSONValue)] = [("zone", .string(zone.name))]
        let data = self.rate(for: .trafficCollectorData(zone))
        if let price = rate.price { members.append(("hourly", .price(price))) }
        if let price = data?.price { members.append(("perGB", .price(price))) }
        // An override patches only what it has: no 'unpriced' for a price it leaves to the table.
        if (rate.price == nil || data?.price == nil) && !(asOverride && rate.price != nil && data == nil) {
          members.append(("unpriced", .string(rate.unpricedReason ?? data?.unpricedReason ?? "unpriced")))
        }
        append("trafficCollector", members + provenance(rate.price != nil ? rate : (data ?? rate)))
      case .trafficCollectorData(let zone):
        if self.rate(for: .trafficCollector(zone)) == nil {
          var members: [(String, JSONValue)] = [("zone", .string(zone.name))]
          if let price = rate.price { members.append(("perGB", .price(price))) }
          if !(asOverride && rate.price != nil) {
            members.append(
              ("unpriced", .string(rate.price == nil ? (rate.unpricedReason ?? "unpriced") : "no hourly rate")))
          }
          append("trafficCollector", members + provenance(rate))
        }
      case .vpnGateway(let sku):
        append("vpnGateways", row(rate, [("sku", .string(sku.name))], priceKey: "hourly"))
      case .userCharge:
        continue  // user charges live in deployments, never in a rate table
      case .virtualWAN(let item):
        append("virtualWAN", row(rate, [("item", .string(item.name))], priceKey: "hourly"))
      case .virtualWANScaleUnits(let from):
        append(
          "virtualWAN",
          row(
            rate, [("item", .string(VirtualWANMeter.expressRouteScaleUnit.name)), ("fromUnit", .number(from))],
            priceKey: "hourly"))
      case .internetEgress(let region, let routing, let from):
        append(
          "internetEgress",
          row(
            rate, [("region", .string(region.name)), ("routing", .string(routing.name)), ("fromGB", .number(from))],
            priceKey: "perGB"))
      }
    }
    var lines: [String] = ["{"]
    var top: [String] = [
      "  \"schemaVersion\": \(RateTable.supportedSchemaVersion)",
      "  \"kind\": \(asOverride ? "\"override\"" : "\"rateTable\"")",
      "  \"name\": \(JSONWriter.quoted(name))",
      "  \"currency\": \(JSONWriter.quoted(currency.rawValue))",
      "  \"effectiveDate\": \(JSONWriter.quoted(effectiveDate))",
    ]
    if !asOverride { top.append("  \"hoursPerMonth\": \(JSONWriter.quoted(hoursPerMonth.plainDescription))") }
    if let notes { top.append("  \"notes\": \(JSONWriter.quoted(notes))") }
    let sourceLines = sources.map { source -> String in
      var members: [(String, JSONValue)] = [("id", .string(source.id)), ("title", .string(source.title))]
      if let url = source.url { members.append(("url", .string(url))) }
      if let repository = source.repository { members.append(("repository", .string(repository))) }
      if let path = source.path { members.append(("path", .string(path))) }
      members.append(("date", source.date.map(JSONValue.string) ?? .null))
      if let reason = source.undatedReason { members.append(("undatedReason", .string(reason))) }
      if let reason = source.afterPriceDateReason { members.append(("afterPriceDateReason", .string(reason))) }
      return "    " + JSONWriter.inline(.object(members))
    }
    top.append("  \"sources\": [\n" + sourceLines.joined(separator: ",\n") + "\n  ]")
    for (section, rows) in sections
    where !rows.isEmpty || (!asOverride && (section == "circuits" || section == "egress")) {
      top.append(
        "  \(JSONWriter.quoted(section)): {\n    \"rows\": [\n"
          + rows.map { "      " + JSONWriter.inline(.object($0)) }.joined(separator: ",\n")
          + "\n    ]\n  }")
    }
    if let scale = scaleGateway {
      var members: [(String, JSONValue)] = []
      if let rate = scaleGatewayRate {
        members +=
          rate.price.map { [("hourlyPerUnit", JSONValue.price($0))] } ?? [
            ("unpriced", .string(rate.unpricedReason ?? "unpriced"))
          ]
        members += provenance(rate)
      } else {
        members += [("unpriced", .string("no ErGwScale rate")), ("source", .string(sources.first?.id ?? ""))]
      }
      members += [
        ("minUnits", .number(scale.minUnits)), ("maxUnits", .number(scale.maxUnits)),
        ("throughputPerUnit", .string(scale.throughputPerUnit.description)),
        ("fastPathMinUnits", .number(scale.fastPathMinUnits)), ("routesLearned", .number(scale.routesLearned)),
        (
          "maxCircuits",
          .objects(scale.circuitSteps) {
            [("fromUnits", .number($0.minUnits)), ("circuits", .number($0.maxCircuits))]
          }
        ),
        ("unavailableRegions", .strings(scale.unavailableRegions)),
      ]
      top.append("  \"scaleGateway\": " + JSONWriter.inline(.object(members)))
    }
    lines.append(top.joined(separator: ",\n"))
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
