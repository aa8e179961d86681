import ExpressRouteCore

/// Metrics Batch responses (`metrics:getBatch`, up to 50 resources a call):
/// `{"values": [{"starttime", "endtime", "interval", "resourceid", "value": [<metric as in Metrics - List>]}]}`.
///
/// Each resource's metrics read as a `Metrics - List` document's do (points without a value are gaps, split series
/// of one circuit such as `DeviceRole` primary and secondary are summed), except that a time series split by a kept
/// dimension (``MetricsJSONReader/keptDimensions``: the peered circuit of Global Reach, the connection of a gateway)
/// is its own series, named `circuit [Dimension=value]`, so traffic per peer or connection stays apart.
extension MetricsJSONReader {
  /// Dimensions whose series are kept apart, lower case (`PeeringType` and `DeviceRole` split one circuit's traffic,
  /// which is summed).
  static let keptDimensions: Set<String> = ["peeredcircuitskey", "connectionname"]

  /// Reads the `values` array of a batch response, whose `[` was just read.
  mutating func readBatch() throws(Diagnostic) {
    while true {
      let element = try stream.next()
      if element == .arrayEnd { break }
      guard element == .objectStart else {
        throw stream.error("expected a resource's metrics (an object with 'resourceid', 'interval' and 'value')")
      }
      restDocuments += 1
      while try stream.nextKey() {
        let isInterval = stream.textIs("interval")
        let isValue = stream.textIs("value")
        let value = try stream.next()
        if isInterval && value == .string {
          guard let parsed = parseInterval(stream.string) else {
            throw stream.error("'\(stream.string)' is not an interval (expected ISO 8601 such as PT1M or PT1H)")
          }
          if interval == nil { interval = parsed }
        } else if isValue && value == .arrayStart {
          while true {
            let metric = try stream.next()
            if metric == .arrayEnd { break }
            guard metric == .objectStart else { throw stream.error("expected a metric object") }
            try readMetric(keepsDimensions: true)
          }
        } else {
          try stream.skip(value)
        }
      }
    }
  }

  /// Reads a series' `metadatavalues` array, whose `[` was just read: `Dimension=value` for the kept dimensions
  /// (joined by `, ` in the order given), `nil` when it names none.
  mutating func keptDimension() throws(Diagnostic) -> String? {
    var kept: [String] = []
    while true {
      let entry = try stream.next()
      if entry == .arrayEnd { break }
      guard entry == .objectStart else { throw stream.error("expected a dimension object with 'name' and 'value'") }
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
            if isInner && inner == .string { name = stream.string } else { try stream.skip(inner) }
          }
        } else if isValue && token == .string {
          value = stream.string
        } else {
          try stream.skip(token)
        }
      }
      if let name, let value, Self.keptDimensions.contains(name.lowercased()) { kept.append("\(name)=\(value)") }
    }
    return kept.isEmpty ? nil : kept.joined(separator: ", ")
  }
}
