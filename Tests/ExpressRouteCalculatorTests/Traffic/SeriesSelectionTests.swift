import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// One circuit identity for every format, and one rule choosing a workload's series (``SeriesMatch``), which
/// `size`, `budget`, `diff` and `audit` all use.
@Suite struct SeriesSelectionTests {
  static func ingest(_ text: String, file: String, fast: Bool = true) throws -> [TrafficSummary] {
    var options = TrafficIngest.Options()
    options.fastIngest = fast
    var ingest = TrafficIngest(options: options)
    try ingest.read(Data(text.utf8), file: file)
    return try ingest.summaries(file: file)
  }

  @Test func aNamedCircuitThatIsNotThereIsAnErrorEvenWithOneSeries() throws {
    let summaries = try Self.ingest(
      "Time,Circuit,BitsOutPerSecond\n2026-01-01T00:00:00Z,ams,5\n2026-01-01T01:00:00Z,ams,5\n", file: "ams.csv")
    #expect(throws: SeriesMatch.Problem.noSuchCircuit("lon", available: ["ams"])) {
      try SeriesMatch.select("lon", in: summaries)
    }
    #expect(
      SeriesMatch.Problem.noSuchCircuit("lon", available: ["ams"]).message
        == "the series has no circuit 'lon' (it has 'ams')")
    #expect(try SeriesMatch.select(nil, in: summaries).circuit == "ams")
    #expect(try SeriesMatch.select(" AMS ", in: summaries).circuit == "ams")
  }

  @Test func csvAndJSONKeepOneSeriesPerCircuitWhateverTheCase() throws {
    // Rows of `AMS-1` and `ams-1` are one circuit in CSV, as in Azure Monitor JSON (resource names ignore case).
    let csv = """
      Time,Circuit,BitsOutPerSecond
      2026-01-01T00:00:00Z,AMS-1,100
      2026-01-01T00:00:00Z,lon,1
      2026-01-01T01:00:00Z,ams-1,300
      2026-01-01T01:00:00Z,lon,1
      2026-01-01T02:00:00Z,Ams-1,200

      """
    for fast in [true, false] {
      let summaries = try Self.ingest(csv, file: "mixed.csv", fast: fast)
      #expect(summaries.map(\.circuit) == ["AMS-1", "lon"])
      #expect(summaries.first?.samples == 3)
      // `--circuit ams-1` and a profile's `"seriesCircuit": "AMS-1"` choose that one series.
      #expect(try SeriesMatch.select("ams-1", in: summaries).samples == 3)
    }
    // Summaries made apart (two ingests) can hold both spellings: naming either is ambiguous, an error naming both.
    let apart =
      try Self.ingest(
        "Time,Circuit,BitsOutPerSecond\n2026-01-01T00:00:00Z,AMS-1,5\n2026-01-01T01:00:00Z,AMS-1,5\n", file: "a.csv")
      + Self.ingest(
        "Time,Circuit,BitsOutPerSecond\n2026-01-01T00:00:00Z,ams-1,5\n2026-01-01T01:00:00Z,ams-1,5\n", file: "b.csv")
    #expect(throws: SeriesMatch.Problem.ambiguous("ams-1", matches: ["AMS-1", "ams-1"])) {
      try SeriesMatch.select("ams-1", in: apart)
    }
    #expect(
      SeriesMatch.Problem.ambiguous("ams-1", matches: ["AMS-1", "ams-1"]).message
        == "'ams-1' names 2 series: 'AMS-1', 'ams-1' (circuit names match ignoring case and surrounding spaces, and a resource ID by its last segment)"
    )
  }

  /// A spelling of `name` with random case, surrounding spaces or as a resource ID.
  static func spelling(_ name: String, _ random: inout SplitMix, spaces: Bool) -> String {
    var text = String(name.map { random.next() % 2 == 0 ? Character($0.uppercased()) : $0 })
    switch random.next() % 4 {
    case 0 where spaces: text = "  \(text) "
    case 1: text = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/\(text)"
    default: break
    }
    return text
  }

  @Test func oneIdentityAndOneSelectionRuleOverRandomSeries() throws {
    let pool = ["ams-1", "lon", "fra-02", "sin-primary", "par", "er-weu-1"]
    var cases = 0
    for trial in 0..<250 {
      let seed = 0x5E1E_C700 + UInt64(trial)
      var random = SplitMix(state: seed)
      let count = 1 + Int(random.next() % 4)
      var names: [String] = []
      while names.count < count {
        let name = pool[Int(random.next() % UInt64(pool.count))]
        if !names.contains(name) { names.append(name) }
      }
      // Hourly rows, circuits interleaved, each row's name spelled at random.
      var rows = ["Time,Circuit,BitsInPerSecond,BitsOutPerSecond"]
      var firstSpelling: [String: String] = [:]
      let hours = 3 + Int(random.next() % 5)
      for hour in 0..<hours {
        for name in names {
          let spelled = Self.spelling(name, &random, spaces: false)
          if firstSpelling[name] == nil { firstSpelling[name] = spelled }
          rows.append(
            "2026-01-01T\(hour < 10 ? "0" : "")\(hour):00:00Z,\(spelled),\(random.next() % 1000),\(random.next() % 1000)"
          )
        }
      }
      let summaries = try Self.ingest(rows.joined(separator: "\n") + "\n", file: "r.csv", fast: random.next() % 2 == 0)
      let context = "seed \(seed)"
      #expect(summaries.map(\.circuit) == names.map { firstSpelling[$0] ?? "" }, "\(context)")
      #expect(summaries.allSatisfy { $0.samples == hours }, "\(context)")
      // The rule: a named circuit (any spelling) selects its series; a name that is not there is an error, never another
      // series (not even the only one); no name takes the only series, or is an error when there are several.
      switch random.next() % 3 {
      case 0:
        let target = names[Int(random.next() % UInt64(names.count))]
        let wanted = Self.spelling(target, &random, spaces: true)
        #expect(try SeriesMatch.select(wanted, in: summaries).circuit == firstSpelling[target], "\(context): \(wanted)")
      case 1:
        let missing = pool.first { !names.contains($0) } ?? "nowhere"
        let wanted = Self.spelling(missing, &random, spaces: true)
        #expect(throws: SeriesMatch.Problem.noSuchCircuit(wanted, available: summaries.map(\.circuit)), "\(context)") {
          try SeriesMatch.select(wanted, in: summaries)
        }
      default:
        if names.count == 1 {
          #expect(try SeriesMatch.select(nil, in: summaries).circuit == firstSpelling[names[0]], "\(context)")
        } else {
          #expect(throws: SeriesMatch.Problem.notChosen(available: summaries.map(\.circuit)), "\(context)") {
            try SeriesMatch.select(nil, in: summaries)
          }
        }
      }
      cases += 1
    }
    #expect(cases >= 200)
  }
}
