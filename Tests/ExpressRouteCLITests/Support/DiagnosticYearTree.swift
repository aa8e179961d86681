import Foundation
import TestSupport

/// A year of a 20-circuit estate as diagnostic settings write it to a storage account (`insights-metrics-pt1m/
/// resourceId=…/y=/m=/d=/h=/m=00/PT1H.json`, JSON lines with `count`, `total`, `minimum`, `maximum`, `average`,
/// `resourceId`, `time`, `metricName`, `timeGrain`: MicrosoftDocs azure-docs, "Azure resource logs", send to Azure
/// Storage). Hourly records (`timeGrain` PT1H) in one blob a circuit-day, so a test reads 350,000 records (~115 MB)
/// rather than the 21 million of one-minute records.
///
/// Circuits `ER-01` … `ER-20` take one of five kinds by number (`n % 5`), so every kind stands four times:
/// - 1, problems: a gap every 997th hour, both hours around every month boundary missing, a repeated inbound
///   record every 1,499th hour, a missing outbound record every 1,777th and a null outbound average every 2,003rd;
/// - 2, rates at every bucket edge and decade, from 0 to 10^15 bit/s;
/// - 3, full-precision random rates and no `maximum` aggregation;
/// - 4, a circuit that starts on 2026-04-17T05:00Z and stops on 2026-10-03T19:00Z (part months), its records in
///   reverse time order within each blob and its resource ID in lower case in every other blob;
/// - 0, random rates whose daily peaks grow through the year (a growth trend the sizing extrapolates).
enum DiagnosticYearTree {
  static let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
  static let end: Int64 = 1_798_761_600  // 2027-01-01T00:00:00Z (excluded)
  static let interval: Int64 = 3600
  static let circuits = (1...20).map { String(format: "ER-%02d", $0) }

  static func resourceID(_ circuit: String) -> String {
    "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/MICROSOFT.NETWORK/"
      + "EXPRESSROUTECIRCUITS/\(circuit)"
  }

  static func write(to root: URL) throws {
    var random = SplitMix(state: 2027)
    for (index, circuit) in circuits.enumerated() {
      let kind = (index + 1) % 5
      var lines: [String] = []
      var day = start / 86_400
      var blobs = 0
      func flush() throws {
        guard !lines.isEmpty else { return }
        let (year, month, dayOfMonth) = TrafficSummarizeTests.civil(day)
        let id = kind == 4 && blobs % 2 == 1 ? resourceID(circuit).lowercased() : resourceID(circuit)
        let folder = root.appendingPathComponent(
          String(
            format: "insights-metrics-pt1m/resourceId=%@/y=%04d/m=%02d/d=%02d/h=00/m=00", resourceID(circuit), year,
            month, dayOfMonth))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = (kind == 4 ? lines.reversed() : lines).joined(separator: "\n") + "\n"
        try text.replacingOccurrences(of: resourceID(circuit), with: id).write(
          to: folder.appendingPathComponent("PT1H.json"), atomically: false, encoding: .utf8)
        lines = []
        blobs += 1
      }
      for step in 0..<Int((end - start) / interval) {
        let seconds = start + Int64(step) * interval
        if seconds / 86_400 != day {
          try flush()
          day = seconds / 86_400
        }
        let rest = seconds % 86_400
        let (year, month, dayOfMonth) = TrafficSummarizeTests.civil(seconds / 86_400)
        let stamp = String(format: "%04d-%02d-%02dT%02d:00:00.0000000Z", year, month, dayOfMonth, rest / 3600)
        let next = TrafficSummarizeTests.civil((seconds + interval) / 86_400)
        let previous = TrafficSummarizeTests.civil((seconds - interval) / 86_400)
        let atBoundary = next.1 != month || previous.1 != month
        if kind == 1 && (step % 997 == 13 || atBoundary) { continue }
        // 2026-04-17T05:00Z to 2026-10-03T19:00Z (excluded).
        if kind == 4 && (seconds < 1_776_402_000 || seconds >= 1_791_054_000) { continue }
        var inbound: Double? = Double(random.next() % 400_000_000) + Double(random.next() % 1_000_003) / 1_000_003
        var outbound: Double? = Double(random.next() % 900_000_000) + Double(random.next() % 1_000_003) / 1_000_003
        if kind == 2 {
          inbound = DiagnosticTree.edges[step % DiagnosticTree.edges.count]
          outbound = DiagnosticTree.edges[(DiagnosticTree.edges.count - 1) - (step * 7) % DiagnosticTree.edges.count]
        }
        if kind == 0, let rate = outbound {
          outbound = rate * (1 + Double(step) / 8760)
        }
        if kind == 1 && step % 2003 == 11 { outbound = nil }
        func record(_ metric: String, _ value: Double?) -> String {
          let average = value.map { "\($0)" } ?? "null"
          let peak = kind == 3 ? "" : "\"maximum\": \(value.map { "\(min($0 * 1.25, 1e15))" } ?? "null"), "
          return
            "{\"count\": 60, \"total\": \(value.map { "\($0 * 60)" } ?? "null"), \"minimum\": \(average), \(peak)"
            + "\"average\": \(average), \"resourceId\": \"\(resourceID(circuit))\", \"time\": \"\(stamp)\", "
            + "\"metricName\": \"\(metric)\", \"timeGrain\": \"PT1H\"}"
        }
        lines.append(record("BitsInPerSecond", inbound))
        if kind == 1 && step % 1499 == 7 { lines.append(record("BitsInPerSecond", inbound)) }
        if !(kind == 1 && step % 1777 == 5) { lines.append(record("BitsOutPerSecond", outbound)) }
      }
      try flush()
    }
  }
}
