import ExpressRouteCore

/// Metrics Batch responses (`metrics:getBatch`, up to 50 resources a call):
/// `{"values": [{"starttime", "endtime", "interval", "resourceid", "value": [<metric as in Metrics - List>]}]}`.
///
/// Each resource's metrics read as a `Metrics - List` document's do: points without a value are gaps, split series
/// of one circuit such as `DeviceRole` primary and secondary are summed, and a time series split by a kept dimension
/// (``MetricsJSONReader/keptDimensions``: the peered circuit of Global Reach, the connection of a gateway) is its own
/// series, named `circuit [Dimension=value]`, so traffic per peer or connection stays apart. Global Reach series must
/// be split by `PeeredCircuitSKey`.
extension MetricsJSONReader {
  /// Dimensions whose series are kept apart, by lower-case name, with the name series are given (Metrics - List may
  /// spell them in lower case; `PeeringType` and `DeviceRole` split one circuit's traffic, which is summed).
  static let keptDimensions: [String: String] = [
    "peeredcircuitskey": "PeeredCircuitSKey", "connectionname": "ConnectionName",
  ]

  /// Reads the `values` array of a batch response, whose `[` was just read.
  ///
  /// A resource whose `value` list is empty (or absent) holds no metrics: it is noted, naming its `resourceid`, never
  /// dropped without a word; ``finish()`` refuses a response where every resource is so.
  mutating func readBatch() throws(Diagnostic) {
    while true {
      let element = try stream.next()
      if element == .arrayEnd { break }
      guard element == .objectStart else {
        throw stream.error("expected a resource's metrics (an object with 'resourceid', 'interval' and 'value')")
      }
      restDocuments += 1
      batchResources += 1
      let mark = stream.mark
      var resource: String?
      var metricCount = 0
      while try stream.nextKey() {
        let isInterval = stream.textIs("interval")
        let isValue = stream.textIs("value")
        let isResource = stream.textIs(lowercased: "resourceid")
        let isError = stream.textIs("error")
        let value = try stream.next()
        if isInterval && value == .string {
          guard let parsed = parseInterval(stream.string) else {
            throw stream.error("'\(stream.string)' is not an interval (expected ISO 8601 such as PT1M or PT1H)")
          }
          if interval == nil { interval = parsed }
        } else if isResource && value == .string {
          resource = stream.string
        } else if isError && value == .objectStart {
          // Not in the published schema (see ``readAzureError(at:)``), but Azure's error shape wherever it appears.
          throw try readAzureError(at: stream.mark)
        } else if isValue && value == .arrayStart {
          while true {
            let metric = try stream.next()
            if metric == .arrayEnd { break }
            guard metric == .objectStart else { throw stream.error("expected a metric object") }
            metricCount += 1
            try readMetric()
          }
        } else {
          try stream.skip(value)
        }
      }
      if metricCount == 0 {
        let name = resource.map { "'\($0)'" } ?? "(no resourceid)"
        emptyResources.append(name)
        let message =
          "resource \(name) has no metrics in the Metrics Batch response (its 'value' list is empty): no traffic is read for it (check the resource ID and that it has BitsInPerSecond and BitsOutPerSecond)"
        let located = stream.error(message, at: mark)
        let place = located.location?.description ?? stream.file
        notes.append("\(place): \(located.path.map { "\($0): " } ?? "")\(message)")
      }
    }
  }

  /// The error of an Azure REST error response (`{"error": {"code", "message", …}}`, the `ErrorResponse` of
  /// azure-rest-api-specs `common-types/resource-management/v3/types.json`), whose `error` object's `{` was just read
  /// (at `mark`): a diagnostic that passes on Azure's code and message. `metrics:getBatch`
  /// (azure-rest-api-specs `specification/monitor/data-plane/Microsoft.Insights/stable/2024-02-01/metricBatch.json`)
  /// answers a failed call with it (its `default` response); its `values` items have no error field of their own, and a
  /// failed metric inside one carries `errorCode` and `errorMessage` (read in ``readMetric()``).
  mutating func readAzureError(at mark: JSONStream.Mark) throws(Diagnostic) -> Diagnostic {
    var code: String?
    var message: String?
    while try stream.nextKey() {
      let isCode = stream.textIs("code")
      let isMessage = stream.textIs("message")
      let value = try stream.next()
      if isCode && value == .string {
        code = stream.string
      } else if isMessage && value == .string {
        message = stream.string
      } else {
        try stream.skip(value)
      }
    }
    return stream.error(
      "Azure returned an error instead of metrics: \(code ?? "(no code)"): \(message ?? "(no message)")", at: mark)
  }

  /// Reads a series' `metadatavalues` array, whose `[` was just read: `Dimension=value` for the kept dimensions
  /// (joined by `, ` in the order given), `nil` when it names none; and every dimension as `name=value` in lower case,
  /// sorted and joined by `,` (the series' identity, ``seriesKey(_:metric:dimensions:)``).
  ///
  /// - Throws: ``Diagnostic`` at the entry or member: an entry that is not an object, a name that is not a non-empty
  ///   string (or `{"value": …}` holding one), a value that is not a string, and an empty value of a kept dimension
  ///   (each would make the series another one, or the unsplit resource's, without a word).
  mutating func readDimensions() throws(Diagnostic) -> (kept: String?, all: String) {
    var kept: [String] = []
    var all: [String] = []
    while true {
      let entry = try stream.next()
      if entry == .arrayEnd { break }
      guard entry == .objectStart else {
        throw stream.error("expected a dimension object with 'name' and 'value', found \(describe(entry))")
      }
      let line = stream.line
      let column = stream.column
      let index = stream.elementIndex
      // Where this entry started, for messages about it as a whole (its path is built only then).
      var mark: JSONStream.Mark {
        JSONStream.Mark(
          line: line, column: column, path: index.map { stream.containerPath + "[\($0)]" } ?? stream.path)
      }
      var name: String?
      var value: String?
      while try stream.nextKey() {
        let isName = stream.textIs("name")
        let isValue = stream.textIs("value")
        let token = try stream.next()
        if isName && token == .string {
          name = stream.string
        } else if isName && token == .objectStart {
          while try stream.nextKey() {
            let isInner = stream.textIs("value")
            let inner = try stream.next()
            if isInner && inner == .string {
              name = stream.string
            } else if isInner {
              throw stream.error("a dimension name must be a non-empty string, found \(describe(inner))")
            } else {
              try stream.skip(inner)
            }
          }
        } else if isName {
          throw stream.error("a dimension name must be a non-empty string, found \(describe(token))")
        } else if isValue && token == .string {
          value = stream.string
        } else if isValue {
          let which = name.map { " (dimension '\($0)')" } ?? ""
          throw stream.error("a dimension value must be a non-empty string, found \(describe(token))\(which)")
        } else {
          try stream.skip(token)
        }
      }
      guard let name, !name.isEmpty else {
        throw stream.error(
          "a dimension name must be a non-empty string (expected {\"name\": {\"value\": \"ConnectionName\"}, \"value\": \"conn-a\"})",
          at: mark)
      }
      guard let value else {
        throw stream.error(
          "dimension '\(name)' has no 'value' (a dimension value must be a non-empty string)", at: mark)
      }
      if let canonical = Self.keptDimensions[name.lowercased()] {
        guard !value.isEmpty else {
          throw stream.error(
            "a dimension value must be a non-empty string: \(canonical) is \"\" (its traffic could not be told from the unsplit resource's)",
            at: mark)
        }
        kept.append("\(canonical)=\(value)")
      }
      all.append("\(name)=\(value)".lowercased())
    }
    return (kept.isEmpty ? nil : kept.joined(separator: ", "), all.sorted().joined(separator: ","))
  }
}

extension TrafficIngest {
  /// Metrics split by a kept dimension (``MetricsJSONReader/keptDimensions``): Global Reach by peered circuit, a
  /// gateway's traffic by connection. Their points are held until a series' dimensions are read.
  static let dimensionedMetrics: Set<String> = [
    "globalreachbitsinpersecond", "globalreachbitsoutpersecond", "ergatewayconnectionbitsinpersecond",
    "ergatewayconnectionbitsoutpersecond",
  ]

  /// Whether metric `name` (any case) is Global Reach traffic, which is only read split by `PeeredCircuitSKey`: summed
  /// over every peer it would neither be the circuit's own traffic nor be priceable per peer.
  static func isGlobalReach(_ name: String) -> Bool { normalizedName(name).hasPrefix("globalreachbits") }

  /// The direction metric `name` measures where series keep their dimensions (Metrics - List, `az monitor metrics
  /// list`, Metrics Batch): ``direction(ofMetric:)``, and Global Reach in (`true`) or out (`false`). Records without
  /// dimensions (diagnostic settings, `AzureMetrics`, push-down results) never read Global Reach, which would otherwise
  /// be summed into the circuit's own traffic (diagnostic settings cannot export it anyway).
  static func splitDirection(ofMetric name: String) -> Bool? {
    switch normalizedName(name) {
    case "globalreachbitsinpersecond": return true
    case "globalreachbitsoutpersecond": return false
    default: return direction(ofMetric: name)
    }
  }
}

extension MetricsJSONReader {
  /// A Global Reach series (of metric `name`) not split by `PeeredCircuitSKey`, or whose points came before the
  /// metric's name (`nameAfterData`), at `mark`: refused when ``refusesUnsplitGlobalReach``, else noted (once per
  /// metric) and skipped; other metrics pass.
  mutating func requireSplit(_ name: String?, at mark: JSONStream.Mark, nameAfterData: Bool = false) throws(Diagnostic)
  {
    guard let name, TrafficIngest.isGlobalReach(name) else { return }
    let message =
      nameAfterData
      ? "\(name) data comes before the metric's name, so its series cannot be told apart by PeeredCircuitSKey (give 'name' before 'timeseries', as Metrics - List and az monitor metrics list do)"
      : "a \(name) series without the PeeredCircuitSKey dimension: Global Reach traffic is read per peered circuit (request it split, as az monitor metrics list --filter \"PeeredCircuitSKey eq '*'\" does)"
    let error = stream.error(message, at: mark)
    if refusesUnsplitGlobalReach || nameAfterData { throw error }
    guard !notes.contains(where: { $0.contains("a \(name) series without") }) else { return }
    let place = error.location?.description ?? stream.file
    notes.append(
      "\(place): \(error.path.map { "\($0): " } ?? "")\(message); skipped (sizing does not read Global Reach)")
  }
}

extension MetricsJSONReader {
  /// Adds `points` (time, average, maximum, line) to `target`'s series.
  mutating func add(
    _ points: [(time: Int64, average: Double?, maximum: Double?, line: Int)], to target: (circuit: Int, inbound: Bool)
  ) throws(Diagnostic) {
    for point in points {
      if let maximum = point.maximum { metrics.peak(target.circuit, inbound: target.inbound, maximum) }
      try metrics.add(
        target.circuit, time: point.time, inbound: target.inbound, value: point.average, line: point.line,
        file: stream.file)
    }
  }
}
