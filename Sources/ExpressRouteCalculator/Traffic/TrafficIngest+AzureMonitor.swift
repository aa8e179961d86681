import Foundation

extension TrafficIngest {
  /// Metric names read from Azure Monitor exports, by direction.
  static let inboundMetrics: Set<String> = ["bitsinpersecond", "portbitsinpersecond", "ergatewayconnectionbitsinpersecond"]
  static let outboundMetrics: Set<String> = ["bitsoutpersecond", "portbitsoutpersecond", "ergatewayconnectionbitsoutpersecond"]

  /// Reads an Azure Monitor metrics export: the REST `Metrics - List` shape or
  /// `az monitor metrics list` output.
  ///
  /// The `interval` may be ISO 8601 (`PT1M`) or a Python timedelta (`0:01:00`);
  /// timestamps may end in `Z` or `+00:00`. The `average` aggregation is used;
  /// `null` averages are missing samples. Time series split by a dimension
  /// (such as `DeviceRole` primary and secondary) are summed per timestamp.
  mutating func readAzureMonitorJSON(_ data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    let object = try root.object()
    let intervalNode = try object.required("interval")
    let intervalText = try intervalNode.string()
    guard let interval = parseInterval(intervalText) else {
      throw intervalNode.error("'\(intervalText)' is not an interval (expected ISO 8601 such as PT1M or PT1H, or 0:01:00)")
    }
    struct Point {
      var inbound: Double?
      var outbound: Double?
      var location: FileLocation
    }
    var circuits: [String: [Int64: Point]] = [:]
    var order: [String] = []
    for metricNode in try object.required("value").array() {
      let metric = try metricNode.object()
      let nameNode = try metric.required("name")
      let metricName: String
      if case .string(let plain) = nameNode.value.kind {
        metricName = plain
      } else {
        metricName = try nameNode.object().required("value").string()
      }
      let key = normalizedName(metricName)
      let isInbound = Self.inboundMetrics.contains(key)
      guard isInbound || Self.outboundMetrics.contains(key) else {
        notes.append("\(file): skipped metric '\(metricName)' (ercalc reads BitsInPerSecond and BitsOutPerSecond)")
        continue
      }
      if let code = try metric.optional("errorCode")?.string(), code != "Success" {
        throw try metric.required("errorCode").error("the export reports errorCode '\(code)' for \(metricName) (expected Success)")
      }
      let circuit = try metric.optional("id").map { node throws(Diagnostic) in resourceName(try node.string()) } ?? options.defaultCircuit
      if circuits[circuit] == nil {
        circuits[circuit] = [:]
        order.append(circuit)
      }
      var sawAverage = false
      var sawOther = false
      for seriesNode in try metric.required("timeseries").array() {
        for pointNode in try seriesNode.object().required("data").array() {
          let point = try pointNode.object()
          let timeNode = try point.required("timeStamp")
          let timeText = try timeNode.string()
          guard let timestamp = Timestamp.parse(timeText) else {
            throw timeNode.error("'\(timeText)' is not a timestamp (expected \(Timestamp.expectedFormat))")
          }
          var value: Double?
          if let averageNode = point.optional("average") {
            let (average, text) = try Self.rate(averageNode)
            guard average >= 0 else { throw averageNode.error("negative rate \(text) (expected zero or more)") }
            guard average <= Self.maximumRate else {
              throw averageNode.error("rate \(text) is above 1 Pbps (expected bits per second; check the unit)")
            }
            value = average
            sawAverage = true
          } else if point.optional("maximum") != nil || point.optional("total") != nil {
            sawOther = true
          }
          var entry = circuits[circuit]?[timestamp] ?? Point(inbound: nil, outbound: nil, location: pointNode.location)
          if let value {
            if isInbound {
              entry.inbound = (entry.inbound ?? 0) + value
            } else {
              entry.outbound = (entry.outbound ?? 0) + value
            }
          }
          circuits[circuit]?[timestamp] = entry
        }
      }
      if !sawAverage && sawOther {
        throw metricNode.error(
          "\(metricName) has no 'average' values (re-export with the Average aggregation, as az monitor metrics list --aggregation Average does; maxima cannot be integrated into volumes)"
        )
      }
    }
    guard !order.isEmpty else {
      throw root.error("no BitsInPerSecond or BitsOutPerSecond metric in the export (expected a 'value' array with those metrics)")
    }
    for circuit in order {
      let position = accumulatorIndex(for: circuit, interval: interval)
      let points = circuits[circuit] ?? [:]
      for timestamp in points.keys.sorted() {
        guard let point = points[timestamp] else { continue }
        try accumulators[position].add(timestamp: timestamp, inbound: point.inbound, outbound: point.outbound) { point.location }
        rowsRead += 1
      }
    }
  }
}

extension TrafficIngest {
  /// A rate and its text, from a JSON number (read as the CSV reader reads numbers) or a numeric string.
  static func rate(_ node: JSONNode) throws(Diagnostic) -> (Double, String) {
    if case .number(let text) = node.value.kind {
      var bytes = text
      let parsed = bytes.withUTF8 { buffer in buffer.baseAddress.flatMap { CSVNumber.parse($0, 0, buffer.count) } }
      if let parsed { return (parsed, text) }
    }
    let exact = try node.decimal()
    return (NSDecimalNumber(decimal: exact).doubleValue, "\(exact)")
  }
}

/// Seconds in an ISO 8601 duration (`PT1M`, `PT1H`, `P1D`) or a Python timedelta (`0:01:00`, `1 day, 0:00:00`).
func parseInterval(_ text: String) -> Int64? {
  let upper = text.uppercased()
  if upper.hasPrefix("P") {
    var seconds: Int64 = 0
    var number = ""
    var inTime = false
    for character in upper.dropFirst() {
      if character == "T" {
        inTime = true
        continue
      }
      if character.isNumber {
        number.append(character)
        continue
      }
      guard let value = Int64(number) else { return nil }
      number = ""
      switch (character, inTime) {
      case ("D", false): seconds += value * 86400
      case ("W", false): seconds += value * 7 * 86400
      case ("H", true): seconds += value * 3600
      case ("M", true): seconds += value * 60
      case ("S", true): seconds += value
      default: return nil
      }
    }
    return number.isEmpty && seconds > 0 ? seconds : nil
  }
  var days: Int64 = 0
  var clock = text
  if let comma = text.firstIndex(of: ",") {
    let dayPart = text[text.startIndex..<comma].split(separator: " ")
    guard let count = dayPart.first.flatMap({ Int64($0) }) else { return nil }
    days = count
    clock = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
  }
  let parts = clock.split(separator: ":")
  guard parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]), let s = Int64(parts[2].split(separator: ".")[0]) else { return nil }
  let total = days * 86400 + h * 3600 + m * 60 + s
  return total > 0 ? total : nil
}

/// The resource name in an Azure resource ID (`…/expressRouteCircuits/ams-1/providers/…` → `ams-1`).
func resourceName(_ id: String) -> String {
  let parts = id.split(separator: "/").map(String.init)
  if let providers = parts.lastIndex(where: { $0.lowercased() == "providers" }), providers >= 1,
    parts.indices.contains(providers + 1), parts[providers + 1].lowercased() == "microsoft.insights"
  {
    return parts[providers - 1]
  }
  return parts.last ?? id
}
