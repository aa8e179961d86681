import ExpressRouteCore
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// Global Reach volumes taken from measurement instead of typed: a circuit's `GlobalReachBitsInPerSecond` and
/// `GlobalReachBitsOutPerSecond` series split by `PeeredCircuitSKey` (series named `circuit [PeeredCircuitSKey=key]`)
/// become the monthly data of the deployment's Global Reach link between that circuit and the peer.
///
/// Rules, each stated in a note where it applies:
/// - The measured circuit is the deployment circuit named as the series' resource (or whose `azureId` ends in it); the
///   peer is the circuit whose `serviceKey` is the series' key. A deployment with one Global Reach link whose circuits
///   match neither takes a series of one circuit and one peer as that link's circuit A and circuit B.
/// - Direction: Azure Monitor describes `GlobalReachBitsInPerSecond` as bits ingressing Azure at the measured circuit,
///   so it is read as data from the measured circuit to the peer; `GlobalReachBitsOutPerSecond` (egressing Azure there)
///   as data from the peer to the measured circuit. The pricing engine bills each direction out of the source circuit's
///   zone and into the destination's (``PricingEngine/quote(_:checkingCapacity:)``).
/// - Month: `period`, else the latest month any Global Reach series has samples in; a series' volume is scaled to the
///   whole month from the time its samples cover. A direction without samples in the month stays unknown (priced as
///   not given), never 0.
/// - A link measured from both ends (the same bytes cross both circuits): per direction, the near end's series (circuit
///   A's, read as above) when it has samples in the month, else the far end's, mirrored (In at circuit B is
///   data from B to A); the note says which series each direction came from.
package enum GlobalReachMeasurement {
  /// One series of Global Reach traffic: the measured circuit's resource name, the peer's service key, the summary.
  struct Series {
    var resource: String
    var peerKey: String
    var summary: TrafficSummary
  }

  /// The Global Reach series of `summaries` (split by `PeeredCircuitSKey`), in the order given.
  static func series(in summaries: [TrafficSummary]) -> [Series] {
    summaries.compactMap { summary in
      let name = summary.circuit
      guard name.hasSuffix("]"), let open = name.lastIndex(of: "["), open > name.startIndex else { return nil }
      let dimension = name[name.index(after: open)..<name.index(before: name.endIndex)]
      guard let equals = dimension.firstIndex(of: "="),
        dimension[..<equals].lowercased() == "peeredcircuitskey"
      else { return nil }
      return Series(
        resource: name[..<open].trimmingCharacters(in: .whitespaces),
        peerKey: String(dimension[dimension.index(after: equals)...]), summary: summary)
    }
  }

  /// The month Global Reach is measured for when no period is given: the latest month any Global Reach series of
  /// `summaries` (split by `PeeredCircuitSKey`) has samples in; `nil` when none has. A quote without a period is for
  /// this month (its CSV rows' charge period).
  package static func measuredMonth(_ summaries: [TrafficSummary]) -> MonthKey? {
    latestMonth(of: series(in: summaries))
  }

  /// The latest month any of `found` has samples in.
  private static func latestMonth(of found: [Series]) -> MonthKey? {
    found.flatMap { ($0.summary.inbound.months + $0.summary.outbound.months).filter { $0.coveredSeconds > 0 } }
      .map(\.month).max()
  }

  /// Sets the data of `deployment`'s Global Reach links from the Global Reach series in `summaries` (read from `file`),
  /// for `period` or the latest month measured; returns the notes that say what was measured and assumed. `locate`
  /// finds where a text (a series' resource or peer key) first stands in the series files, for messages.
  ///
  /// - Throws: ``Diagnostic`` (exit 65) naming `file` and the series: no Global Reach series, a series whose circuit or
  ///   peered circuit the deployment does not hold (or two circuits hold), circuits with no Global Reach
  ///   link between them, or no samples at all in `period`.
  package static func apply(
    _ summaries: [TrafficSummary], to deployment: inout Deployment, file: String, period: MonthKey?,
    locate: (String) -> Diagnostic.FileLocation? = { _ in nil }
  ) throws(Diagnostic) -> [String] {
    let found = series(in: summaries)
    guard !found.isEmpty else {
      throw Diagnostic(
        .error,
        "no Global Reach series split by PeeredCircuitSKey (expected GlobalReachBitsInPerSecond and GlobalReachBitsOutPerSecond of a circuit, as Metrics - List, az monitor metrics list or a Metrics Batch give them split by PeeredCircuitSKey)",
        file: file)
    }
    // Service keys by lower-case key; a key two circuits share (an export with keys blanked out) names neither.
    var keys: [String: [String]] = [:]
    for circuit in deployment.circuits {
      guard let key = circuit.serviceKey?.lowercased() else { continue }
      keys[key, default: []].append(circuit.name)
    }
    let month = period ?? latestMonth(of: found)
    guard let month else {
      throw Diagnostic(.error, "the Global Reach series hold no samples", file: file)
    }
    let pairs = Set(found.map { "\($0.resource.lowercased())\u{0}\($0.peerKey.lowercased())" })
    let single = deployment.globalReach.count == 1 && pairs.count == 1 ? deployment.globalReach.first : nil
    var notes = [
      "Global Reach measured for \(month): GlobalReachBitsInPerSecond read as data from the measured circuit to the peered circuit, GlobalReachBitsOutPerSecond as data from the peered circuit back, each scaled to the whole month"
    ]
    var sampled = false
    // Circuit A's own series first: per direction, the near end's series wins when it has samples in the month.
    let ordered = try found.map { entry throws(Diagnostic) in
      do throws(Diagnostic) {
        return try resolve(entry, deployment, keys, single)
      } catch {
        // Where the series' name part the message is about first stands (`az` output: its metadatavalues).
        let text = error.message.contains("no circuit") ? entry.resource : entry.peerKey
        guard let location = locate(text) else { throw Diagnostic(.error, error.message, file: file) }
        throw Diagnostic(.error, error.message, location: location)
      }
    }
    .enumerated().sorted { ($0.element.reversed ? 1 : 0, $0.offset) < ($1.element.reversed ? 1 : 0, $1.offset) }
    .map(\.element)
    let hours = Decimal(month.seconds) / 3600
    func volume(_ months: [TrafficSummary.MonthVolume]) -> (DataVolume, Decimal)? {
      months.first { $0.month == month && $0.coveredSeconds > 0 }.map { ($0.scaled(toHours: hours), $0.coverage) }
    }
    var linkOrder: [Int] = []
    for entry in ordered where !linkOrder.contains(entry.link) { linkOrder.append(entry.link) }
    for index in linkOrder {
      let link = deployment.globalReach[index]
      let ends = ordered.filter { $0.link == index }
      // Per direction: the first series (near end first) with samples in the month, and the series it came from.
      // At the far end (the measured circuit is B) In is data from B to A, so the legs are mirrored.
      func leg(_ aToB: Bool) -> (volume: (DataVolume, Decimal), from: Series, far: Bool)? {
        for end in ends {
          let inbound = volume(end.series.summary.inbound.months)
          let outbound = volume(end.series.summary.outbound.months)
          if let found = aToB != end.reversed ? inbound : outbound { return (found, end.series, end.reversed) }
        }
        return nil
      }
      let aToB = leg(true)
      let bToA = leg(false)
      sampled = sampled || aToB != nil || bToA != nil
      let typed = link.dataAToB != nil || link.dataBToA != nil
      deployment.globalReach[index].dataAToB = aToB?.volume.0
      deployment.globalReach[index].dataBToA = bToA?.volume.0
      func said(_ leg: (volume: (DataVolume, Decimal), from: Series, far: Bool)?, _ from: String, _ to: String)
        -> String
      {
        guard let leg else { return "\(from) to \(to) not measured (no samples)" }
        let cover = leg.volume.1
        let partly = cover < TrafficSummary.MonthVolume.measuredCoverage ? ", under half the month: an estimate" : ""
        let source =
          leg.far ? "from the far end, \(leg.from.summary.circuit), mirrored" : "from \(leg.from.summary.circuit)"
        return
          "\(from) to \(to) \(leg.volume.0.gigabytes.fixedPoint(places: 3)) GB \(source) (samples cover \((cover * 100).fixedPoint(places: 1))%\(partly))"
      }
      let both =
        Set(ends.map(\.reversed)).count == 2
        ? "; measured from both ends, each direction from the near end's series where it has samples in \(month), else the far end's"
        : ""
      notes.append(
        "Global Reach \(link.name): \(said(aToB, link.circuitA, link.circuitB)), \(said(bToA, link.circuitB, link.circuitA))"
          + both
          + (typed ? "; replaces the volumes the deployment gave" : "")
          + (ends.contains { $0.byPosition } ? "; series matched to the deployment's only Global Reach link" : ""))
    }
    guard sampled else {
      throw Diagnostic(.error, "the Global Reach series hold no samples in \(month)", file: file)
    }
    for (index, link) in deployment.globalReach.enumerated() where !linkOrder.contains(index) {
      notes.append("Global Reach \(link.name): no measured series; its volumes are as the deployment gives them")
    }
    return notes
  }

  /// The link `entry` measures: its index, whether the measured circuit is the link's circuit B, and whether it was
  /// matched only by being the deployment's one link (`single`).
  private static func resolve(
    _ entry: Series, _ deployment: Deployment, _ keys: [String: [String]], _ single: Deployment.GlobalReachLink?
  ) throws(Diagnostic) -> (series: Series, link: Int, reversed: Bool, byPosition: Bool) {
    let resource = entry.resource.lowercased()
    let circuit = deployment.circuits.first { circuit in
      circuit.name.lowercased() == resource
        || deployment.azureResources["circuit '\(circuit.name)'"]?.id.lowercased().hasSuffix("/\(resource)") == true
    }
    let holders = keys[entry.peerKey.lowercased()] ?? []
    let peer = holders.count == 1 ? holders.first : nil
    // The deployment's one link takes a series whose names it cannot place: neither end known, or the measured
    // circuit is one of its ends and the peer's key is in no circuit (a peer with no serviceKey, such as one that is
    // not yours).
    if let single, let index = deployment.globalReach.firstIndex(of: single), holders.isEmpty {
      if circuit == nil {
        // Your own circuit is the one measured (Azure Monitor gives no metrics of a circuit that is not yours).
        let aIsNotYours = deployment.circuit(named: single.circuitA)?.globalReachBilledElsewhere == true
        let bIsNotYours = deployment.circuit(named: single.circuitB)?.globalReachBilledElsewhere == true
        return (entry, index, aIsNotYours && !bIsNotYours, true)
      }
      if let circuit, [single.circuitA, single.circuitB].contains(circuit.name) {
        return (entry, index, circuit.name == single.circuitB, true)
      }
    }
    let what = "series '\(entry.summary.circuit)'"
    guard let circuit else {
      throw Diagnostic(
        .error,
        "\(what): the deployment has no circuit '\(entry.resource)' (expected a circuit of that name, or whose azureId ends in /\(entry.resource))",
        file: nil)
    }
    guard holders.count < 2 else {
      throw Diagnostic(
        .error,
        "series '\(entry.summary.circuit)': circuits \(holders.map { "'\($0)'" }.joined(separator: " and ")) have the same serviceKey '\(entry.peerKey)' (expected each circuit's own key)",
        file: nil)
    }
    guard let peer else {
      throw Diagnostic(
        .error,
        "\(what): unknown peered circuit '\(entry.peerKey)' (expected a circuit of the deployment with that serviceKey; mark it \"external\": true if it is not yours)",
        file: nil)
    }
    let names = [circuit.name, peer]
    guard
      let index = deployment.globalReach.firstIndex(where: { [$0.circuitA, $0.circuitB].sorted() == names.sorted() })
    else {
      throw Diagnostic(
        .error, "\(what): the deployment has no Global Reach link between '\(circuit.name)' and '\(peer)'",
        file: nil)
    }
    return (entry, index, deployment.globalReach[index].circuitA != circuit.name, false)
  }
}
