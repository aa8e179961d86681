import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteReports
import ExpressRouteTraffic
import Foundation

extension UseCases {
  /// `traffic showback`: a shared circuit's and gateway's monthly cost, priced by ercalc (or typed), each line split by
  /// each connection's share of the measured traffic (``TrafficShowback``).
  ///
  /// Priced, the configuration is quoted as `quote` would quote it (``QuoteRequest``, same deployment file or circuit
  /// options), on the engine's rate table; every line item is split on its own, so the connections' cents add up to each
  /// line and to the quote's total exactly. Charges the quote could not price are listed and split to nobody. The
  /// series must then hold the connections of one gateway: the priced cost is that gateway's and its circuit's.
  package struct ShowbackRequest {
    /// Where the cost split comes from.
    package enum Cost {
      /// A typed monthly amount (`--monthly-cost`), split for every gateway in the series.
      case typed(Decimal)
      /// The configuration to price, as `quote` takes it.
      case priced(QuoteRequest.Source)
    }

    package var cost: Cost
    /// The series, read; `file` names them in messages.
    package var summaries: [TrafficSummary]
    package var file: String
    /// Every series file, to point messages at where a name stands; `[file]` unless given.
    package var files: [String]
    /// The month the priced configuration is quoted for (`--period`), as `quote` takes it.
    package var period: MonthKey?

    package init(
      cost: Cost, summaries: [TrafficSummary], file: String, files: [String]? = nil, period: MonthKey? = nil
    ) {
      self.cost = cost
      self.summaries = summaries
      self.file = file
      self.files = files ?? [file]
      self.period = period
    }

    /// Prices (or takes) the cost and splits it.
    ///
    /// - Throws: ``Diagnostic`` (exit 65) when the series hold no connections, or, priced, the connections of more than
    ///   one gateway; whatever ``QuoteRequest/run(engine:)`` throws.
    package func run(engine: PricingEngine) throws -> RequestOutcome<ShowbackReport> {
      let gateways = TrafficShowback.connections(in: summaries)
      guard !gateways.isEmpty else {
        let message =
          "no series split by connection (expected series named 'gateway [ConnectionName=…]', as Metrics Batch or Metrics - List responses of ErGatewayConnectionBitsInPerSecond and ErGatewayConnectionBitsOutPerSecond split by ConnectionName give them)"
        // At the first connection metric that is not split, where there is one.
        guard let location = locate("ErGatewayConnectionBits") else { throw Diagnostic(.error, message, file: file) }
        throw Diagnostic(.error, message, location: location)
      }
      switch cost {
      case .typed(let amount):
        let showback = TrafficShowback(summaries: summaries, monthlyCost: amount)
        let report = ShowbackReport(
          name: "monthly cost", basis: nil, showback: showback, notes: Self.notes(showback))
        return RequestOutcome(report: report, gate: nil)
      case .priced(let source):
        guard gateways.count == 1 else {
          let message =
            "the series hold the connections of \(gateways.count) gateways (\(gateways.map { "'\($0.parent)'" }.joined(separator: ", "))); a priced showback splits one gateway's and its circuits' cost: give one gateway's series"
          // At the second gateway's name, where it first stands.
          guard let location = locate(gateways[1].parent) else { throw Diagnostic(.error, message, file: file) }
          throw Diagnostic(.error, message, location: location)
        }
        let parent = gateways[0].parent
        var shared: Set<String>?
        if case .deployment(let deployment) = source {
          shared = try Self.resources(of: parent, in: deployment, file: file, locate: locate)
        } else if let location = virtualWANLocation(parent) {
          // Per-connection metrics come from Virtual WAN ExpressRoute gateways; the circuit options price a virtual
          // network gateway, which is not what these connections cross.
          throw Diagnostic(
            .error,
            "the series' gateway '\(parent)' is a Virtual WAN ExpressRoute gateway (expressRouteGateways), which the circuit options do not price (their gateway is a virtual network gateway): give its hub in a deployment file (virtualWANHubs, with the gateway's azureId or name), or split a typed monthly cost instead",
            location: location)
        }
        let quote = try QuoteRequest(source, period: period).run(engine: engine).report.quote
        let items = quote.lineItems.filter { shared?.contains($0.resource) ?? true }
        let lines = items.map { item in
          TrafficShowback.Line(
            label: "\(item.resource): \(item.meter.displayName)" + (item.detail.map { " (\($0))" } ?? ""),
            amount: item.amount.amount, outboundOnly: { if case .egress = item.meter { true } else { false } }())
        }
        let unpriced =
          quote.unpriced.filter { shared?.contains($0.resource) ?? true }.map { item in
            "\(item.resource): \(item.meter.displayName), \(QuoteReport.unpricedQuantity(item)): \(item.reason)"
          } + quote.skippedResources
        var notes = quote.notes
        let others = quote.lineItems.filter { !(shared?.contains($0.resource) ?? true) }
        let otherUnpriced = quote.unpriced.filter { !(shared?.contains($0.resource) ?? true) }
        if !others.isEmpty || !otherUnpriced.isEmpty {
          let listed =
            (others.map { "\($0.resource) \($0.meter.displayName) \($0.amount.amount.fixedPoint(places: 2))" }
              + otherUnpriced.map { "\($0.resource) \($0.meter.displayName) (not priced)" })
          let scope = "charges of resources other than gateway '\(parent)' and the circuits it connects"
          notes.append("not split (\(scope)): \(listed.joined(separator: "; "))")
        }
        if case .deployment(let deployment) = source {
          notes += Self.sharedCircuitNotes(of: parent, in: deployment)
          notes += Self.hubCircuitNotes(of: parent, in: deployment)
        }
        let showback = TrafficShowback(summaries: summaries, lines: lines, period: period)
        if let period, showback.rows.isEmpty {
          throw Diagnostic(.error, "the connections' series hold no samples in \(period)", file: file)
        }
        let report = ShowbackReport(
          name: quote.name, basis: quote.basis, showback: showback, unpriced: unpriced,
          notes: notes + Self.notes(showback))
        let total = Money(lines.reduce(0) { $0 + $1.amount }, currency: quote.total.currency)
        return RequestOutcome(
          report: report, gate: .init(total: total, measure: "monthly total", unpriced: unpriced.count))
      }
    }

    /// Where `text` first stands in the series files, for messages.
    func locate(_ text: String) -> Diagnostic.FileLocation? {
      files.lazy.compactMap { QuoteRequest.firstLocation(of: text, in: $0) }.first
    }

    /// Where the series files name gateway `parent` as a Virtual WAN ExpressRoute gateway
    /// (`…/Microsoft.Network/expressRouteGateways/parent`, in the case Azure or `az` wrote it), `nil` when they do not.
    func virtualWANLocation(_ parent: String) -> Diagnostic.FileLocation? {
      files.lazy.compactMap {
        QuoteRequest.firstLocation(of: "/expressroutegateways/\(parent.lowercased())", in: $0, ignoringCase: true)
      }.first
    }

    /// The resources whose charges a priced showback of gateway `parent` splits: the deployment's gateway named
    /// `parent` (or whose `azureId` ends in `/parent`) and the circuits it connects, as quote line items name them.
    ///
    /// - Throws: ``Diagnostic`` (exit 65) at the series' gateway when the deployment has no such gateway.
    static func resources(
      of parent: String, in deployment: Deployment, file: String, locate: (String) -> Diagnostic.FileLocation?
    ) throws(Diagnostic) -> Set<String> {
      guard let gateway = deployment.gateways.first(where: { matches($0, parent, in: deployment) }) else {
        // A Virtual WAN hub's ExpressRoute gateway (where per-connection metrics come from): the hub's charges, and
        // with one hub the circuits no virtual network gateway connects (a hub does not list its circuits).
        if let hub = hub(of: parent, in: deployment) {
          let circuits = deployment.virtualWANHubs.count == 1 ? hubCircuits(in: deployment) : []
          return Set(["Virtual WAN hub '\(hub.name)'"] + circuits.map { "circuit '\($0)'" })
        }
        let message =
          "the series' gateway '\(parent)' is not in the deployment (expected a gateway or Virtual WAN hub of that name, or whose azureId ends in /\(parent))"
        guard let location = locate(parent) else { throw Diagnostic(.error, message, file: file) }
        throw Diagnostic(.error, message, location: location)
      }
      return Set(["gateway '\(gateway.name)'"] + gateway.circuits.map { "circuit '\($0)'" })
    }

    /// The deployment's Virtual WAN hub whose ExpressRoute gateway is `parent`: named so, or with an `azureId` ending
    /// in `/parent` (the gateway's resource ID).
    static func hub(of parent: String, in deployment: Deployment) -> VirtualWANHub? {
      deployment.virtualWANHubs.first { hub in
        names(parent, resource: hub.name, label: "Virtual WAN hub '\(hub.name)'", in: deployment)
      }
    }

    /// The circuits no virtual network gateway of `deployment` connects: a single hub's, as a hub names none.
    static func hubCircuits(in deployment: Deployment) -> [String] {
      deployment.circuits.map(\.name).filter { circuit in
        !deployment.gateways.contains { $0.circuits.contains(circuit) }
      }
    }

    /// What a hub showback assumed about the circuits: which were taken as the hub's, or, with several hubs, that none
    /// was (their charges are then named as not split).
    static func hubCircuitNotes(of parent: String, in deployment: Deployment) -> [String] {
      guard deployment.gateways.allSatisfy({ !Self.matches($0, parent, in: deployment) }),
        let hub = hub(of: parent, in: deployment)
      else { return [] }
      guard deployment.virtualWANHubs.count == 1 else {
        return [
          "Virtual WAN hub '\(hub.name)': the deployment has \(deployment.virtualWANHubs.count) hubs and a hub does not name its circuits, so only the hub's own charges are split"
        ]
      }
      let circuits = hubCircuits(in: deployment)
      guard !circuits.isEmpty else { return [] }
      return [
        "Virtual WAN hub '\(hub.name)': its circuits are taken to be those no virtual network gateway connects (\(circuits.map { "'\($0)'" }.joined(separator: ", "))), as a hub does not name them"
      ]
    }

    /// Whether virtual network gateway `gateway` is the series' gateway `parent` (by name or `azureId`).
    static func matches(_ gateway: Deployment.Gateway, _ parent: String, in deployment: Deployment) -> Bool {
      names(parent, resource: gateway.name, label: "gateway '\(gateway.name)'", in: deployment)
    }

    /// Whether the series' resource name `parent` is the deployment resource `resource` (quote label `label`): the
    /// same name ignoring case, or an `azureId` ending in `/parent`.
    static func names(_ parent: String, resource: String, label: String, in deployment: Deployment) -> Bool {
      let wanted = parent.lowercased()
      return resource.lowercased() == wanted
        || deployment.azureResources[label]?.id.lowercased().hasSuffix("/\(wanted)") == true
    }

    /// Circuits the measured gateway `parent` shares with other gateways of `deployment`: their whole cost is split
    /// among `parent`'s connections, though the other gateways' traffic crosses them too and is not measured by these
    /// series. One note per circuit, naming the other gateways.
    static func sharedCircuitNotes(of parent: String, in deployment: Deployment) -> [String] {
      guard let measured = deployment.gateways.first(where: { matches($0, parent, in: deployment) }) else { return [] }
      return measured.circuits.compactMap { circuit in
        let others = deployment.gateways.filter { $0.name != measured.name && $0.circuits.contains(circuit) }
        guard !others.isEmpty else { return nil }
        let listed = others.map { "gateway '\($0.name)'" }.joined(separator: ", ")
        return
          "circuit '\(circuit)' also carries the traffic of \(listed), which these series do not measure: its whole cost is split among gateway '\(measured.name)''s measured connections (measure every gateway it connects, or split it by hand, if that traffic should carry a part)"
      }
    }

    /// `rows` grouped by connection (`parent connection`), in the order first met, each with its months listed.
    static func monthsByConnection(_ rows: [TrafficShowback.Row]) -> [(key: String, months: String)] {
      var months: [String: [MonthKey]] = [:]
      var order: [String] = []
      for row in rows {
        let key = "\(row.parent) \(row.connection)"
        if months[key] == nil { order.append(key) }
        months[key, default: []].append(row.month)
      }
      return order.map { key in (key, (months[key] ?? []).map(\.description).joined(separator: ", ")) }
    }

    /// How the outbound-data lines (`lines`, labelled) were split in months where outbound shares could not be taken
    /// from outbound traffic: no connection with outbound samples (split by in + out), or outbound samples that are all
    /// 0 (split evenly among the connections measured outbound).
    static func outboundNotes(_ showback: TrafficShowback, lines: [String]) -> [String] {
      guard !lines.isEmpty else { return [] }
      var notes: [String] = []
      for month in Set(showback.rows.map(\.month)).sorted() {
        let rows = showback.rows.filter { $0.month == month && $0.share != nil }
        let measured = rows.compactMap(\.outbound)
        if measured.isEmpty {
          notes.append(
            "\(month): no connection has outbound samples, so \(lines.joined(separator: "; ")) is split by each connection's in + out share"
          )
        } else if measured.allSatisfy({ $0.bytes == 0 }) {
          notes.append(
            "\(month): the connections measured outbound sent nothing out, so \(lines.joined(separator: "; ")) is split evenly among them"
          )
        }
      }
      return notes
    }

    /// What the split assumed, said once per case: connections not measured in a month, connections measured inbound
    /// but not outbound (none of the outbound-data lines), months without traffic.
    static func notes(_ showback: TrafficShowback) -> [String] {
      var notes: [String] = []
      for (key, listed) in monthsByConnection(showback.rows.filter { $0.share == nil }) {
        notes.append(
          "\(key): no samples in \(listed): not measured, so given share 0; the measured connections carry that month's cost"
        )
      }
      // Measured inbound but not outbound: given none of the outbound-data lines, which is worth saying.
      let outboundLines = showback.lines.indices.filter { showback.lines[$0].outboundOnly }.map {
        "[\($0 + 1)] \(showback.lines[$0].label)"
      }
      if !outboundLines.isEmpty {
        for (key, listed) in monthsByConnection(showback.rows.filter { $0.share != nil && $0.outboundShare == nil }) {
          notes.append(
            "\(key): inbound samples but no outbound samples in \(listed): its outbound traffic is not measured, so it is assumed to have sent none and given share 0 of \(outboundLines.joined(separator: "; ")); the connections with outbound samples carry it"
          )
        }
      }
      notes += outboundNotes(showback, lines: outboundLines)
      // Measured outbound but not inbound: its in + out share counts outbound alone.
      for row in showback.rows where row.share != nil && !row.inboundMeasured {
        notes.append(
          "\(row.parent) \(row.connection): outbound samples but no inbound samples in \(row.month): its inbound traffic is not measured, so its in + out share counts its outbound traffic alone"
        )
      }
      // Thinly measured: a share scaled up from samples covering under half the month.
      let threshold = TrafficSummary.MonthVolume.measuredCoverage
      for row in showback.rows where (row.coverage ?? 1) < threshold {
        let percent = ((row.coverage ?? 0) * 100).fixedPoint(places: 1)
        notes.append(
          "\(row.parent) \(row.connection): samples cover \(percent)% of \(row.month), under half the month: its traffic is scaled up to the whole month from them, so its share rests on few samples"
        )
      }
      let idle = Set(showback.rows.filter { $0.share != nil && ($0.volume?.bytes ?? 0) == 0 }.map(\.month))
      for month in idle.sorted() where showback.rows.allSatisfy({ $0.month != month || ($0.volume?.bytes ?? 0) == 0 }) {
        notes.append("\(month): no measured connection carried traffic; the cost is split evenly among them")
      }
      return notes
    }
  }
}

/// `UseCases.ShowbackRequest`, by its short name inside the package.
package typealias ShowbackRequest = UseCases.ShowbackRequest
