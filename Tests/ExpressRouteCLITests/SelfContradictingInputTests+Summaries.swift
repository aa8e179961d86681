import ExpressRouteCLI
import Foundation
import Testing

extension SelfContradictingInputTests {
  // MARK: - Traffic summaries

  /// A saved summary of 600 ten-minute samples from 2026-03-01T00:00Z to 2026-03-05T03:50Z (599 × 600 s = 4 d 3 h 50 min
  /// later): inbound 100 Mbps and outbound 200 Mbps throughout. Buckets: 10^8 and 2 × 10^8 bit/s, four digits at 10^8,
  /// are 1,000 + 5 × 9,000 + 0 = 46,000 and + 1,000 = 47,000. Rate sums in 1/8192 bit/s: 600 × 10^8 × 8,192
  /// = 491,520,000,000,000 and 600 × 2 × 10^8 × 8,192 = 983,040,000,000,000.
  static func summary(
    samples: String = "600", outboundMonthSamples: String = "600", outboundRateSum: String = "983040000000000"
  ) -> String {
    """
    {
      "ercalcTrafficSummary": 1,
      "about": "hand-written",
      "circuits": [
        {
          "circuit": "ams-er",
          "intervalSeconds": 600,
          "first": "2026-03-01T00:00:00Z",
          "last": "2026-03-05T03:50:00Z",
          "firstLocation": null,
          "samples": \(samples),
          "completeSamples": 600,
          "valuedSamples": 600,
          "pending": null,
          "inbound": {
            "maximum": "100000000.0",
            "burstMaximum": null,
            "histogram": "46000:600",
            "months": [{"month": "2026-03", "rateSum": "491520000000000", "samples": 600}]
          },
          "outbound": {
            "maximum": "200000000.0",
            "burstMaximum": null,
            "histogram": "47000:600",
            "months": [{"month": "2026-03", "rateSum": "\(outboundRateSum)", "samples": \(outboundMonthSamples)}]
          },
          "gaps": {"count": 0, "firstMessage": null, "firstLocation": null},
          "duplicates": {"count": 0, "firstMessage": null, "firstLocation": null},
          "emptyValues": {"count": 0, "firstMessage": null, "firstLocation": null}
        }
      ]
    }

    """
  }

  @Test func savedSummariesAreCheckedAgainstThemselves() throws {
    let directory = try temporaryDirectory("ercalc-summary-checks")
    defer { try? FileManager.default.removeItem(at: directory) }
    let profile = directory.appendingPathComponent("profile.json").path
    try
      #"{"schemaVersion": 1, "name": "s", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams-er", "monthlyEgress": "1000 GB"}}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    func write(_ name: String, _ text: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // The consistent summary: 600 × 600 s × 2 × 10^8 bit/s ÷ 8 = 9 × 10^12 bytes = 9,000 GB over 360,000 s covered,
    // 360,000 s is 100 h, under half the month: it is read as 9,000 GB but never scaled up to a month (it was
    // 9,000 × 7.3 = 65,700 GB), so the monthly volume is unknown.
    let good = try write("good.json", Self.summary())
    let sized = ercalc("size", profile, "--series", good, "--format", "json")
    #expect(sized.status == .success, "\(sized.errors)")
    #expect(sized.output.contains("\"gigabytes\": \"9000\""), "\(sized.output.prefix(2000))")
    #expect(!sized.output.contains("65700"))
    let cases: [(String, String, String)] = [
      // A month claiming 5 samples with the rate sum of 600: 9,000 GB over 3,000 s would scale to 7,884,000 GB a month.
      (
        "five.json", Self.summary(outboundMonthSamples: "5"),
        ":25:52: error: circuits[0].outbound.months[0].rateSum: the rate sum of 5 samples is not between 5 × the lowest rate (200000000.0 bit/s) and 5 × the maximum (200000000.0 bit/s), in 1/8192 bit/s (expected 8192000000000 to 8192000000000)\n"
      ),
      // 5 samples with a matching sum, but the histogram holds 600.
      (
        "months.json", Self.summary(outboundMonthSamples: "5", outboundRateSum: "8192000000000"),
        ":25:19: error: circuits[0].outbound.months: the months hold 5 samples, but the histogram holds 600 (expected the same count: each sample is in one month and one bucket)\n"
      ),
      // Forged: 599 samples in the 10^8 bucket (46,000) and one at 5 × 10^9 bit/s (bucket 1,000 + 6 × 9,000 + 4,000 = 59,000),
      // the maximum moved there and the rate sum left at 600 × 2 × 10^8. Counts add up, the maximum is in the top bucket and
      // the sum lies between 600 × 10^8 and 600 × 5 × 10^9, so this used to be read as 65,700 GB a month. But the buckets
      // allow only (599 × 10^8 + 5 × 10^9) × 8,192 = 531,660,800,000,000 to (599 × 1.001 × 10^8 + 5 × 10^9) × 8,192
      // = 532,151,500,800,000, far below the sum 983,040,000,000,000.
      (
        "forged.json",
        Self.summary().replacingOccurrences(of: "\"47000:600\"", with: "\"46000:599 59000:1\"")
          .replacingOccurrences(of: "\"200000000.0\"", with: "\"5000000000.0\""),
        ":24:22: error: circuits[0].outbound.histogram: the months' rate sums total 983040000000000 (in 1/8192 bit/s), but the histogram's 600 samples allow only 531660800000000 to 532151500800000 (expected the sum of the rates to lie between the sums of each sample's bucket bounds)\n"
      ),
      // Counts near Int64.max used to trap (overflow in TrafficSummary).
      (
        "huge.json", Self.summary(samples: "9223372036854775807"),
        ":11:18: error: circuits[0].samples: 9223372036854775807 samples, but only 600 sample times lie between the first and the last, 600 s apart (expected at most 600)\n"
      ),
      (
        "month.json", Self.summary(outboundMonthSamples: "9223372036854775807"),
        ":25:82: error: circuits[0].outbound.months[0].samples: 9223372036854775807 is out of range (expected 1 to 4464)\n"
      ),
    ]
    // Counts that disagree with each other: every sample has both rates (600 complete) but the outbound histogram holds
    // 599 (599 × 2 × 10^8 × 8,192 = 981,401,600,000,000 in its month); a maximum outside the histogram's highest bucket.
    let short = Self.summary(outboundRateSum: "981401600000000").replacingOccurrences(
      of: "\"47000:600\"", with: "\"47000:599\""
    )
    .replacingOccurrences(
      of: "\"samples\": 600}]\n      },\n      \"gaps\"", with: "\"samples\": 599}]\n      },\n      \"gaps\"")
    let wrongMaximum = Self.summary().replacingOccurrences(of: "\"200000000.0\"", with: "\"300000000.0\"")
    let more: [(String, String, String)] = [
      (
        "short.json", short,
        ":24:22: error: circuits[0].outbound.histogram: the histogram holds 599 samples, but the circuit has 600 samples with both rates and 600 with either (expected 600)\n"
      ),
      (
        "maximum.json", wrongMaximum,
        ":22:20: error: circuits[0].outbound.maximum: the maximum 300000000.0 bit/s is not in the histogram's highest bucket, which holds rates from 200000000.0 bit/s (expected the highest rate there)\n"
      ),
    ]
    for (name, text, message) in cases + more {
      let path = try write(name, text)
      for arguments in [["size", profile, "--series", path], ["traffic", "summarize", path, "--quiet"]] {
        let result = ercalc(arguments)
        #expect(result.status == .dataError, "\(name) \(arguments)")
        #expect(result.errors == path + message, "\(result.errors)")
      }
    }
  }

  // MARK: - Global Reach without a volume

  @Test func globalReachWithoutMonthlyDataIsUnpricedInEveryFormatAndFailsTheGate() throws {
    let directory = try temporaryDirectory("ercalc-global-reach")
    defer { try? FileManager.default.removeItem(at: directory) }
    // Global Reach rates are not in the default table: an override gives them (Zone 1 0.02, Zone 2 0.05 per GB each way).
    let overrides = directory.appendingPathComponent("reach.json").path
    try """
    {"schemaVersion": 1, "kind": "override", "currency": "USD",
     "sources": [{"id": "test-sheet", "title": "Test price sheet", "date": "2026-11-01"}],
     "globalReach": {"source": "test-sheet", "confidence": "ESTIMATE", "rows": [
       {"zone": "Zone 1", "direction": "outbound", "perGB": "0.02"}, {"zone": "Zone 1", "direction": "inbound", "perGB": "0.02"},
       {"zone": "Zone 2", "direction": "outbound", "perGB": "0.05"}, {"zone": "Zone 2", "direction": "inbound", "perGB": "0.05"}]}}
    """.write(toFile: overrides, atomically: true, encoding: .utf8)
    func profile(_ name: String, reach: String) throws -> String {
      let path = directory.appendingPathComponent(name).path
      try """
      {"schemaVersion": 1, "name": "reach", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
       "traffic": {"peakOutbound": "400 Mbps", "peakInbound": "200 Mbps", "monthlyEgress": "10 TB"}, "globalReach": [\(reach)]}
      """.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    // With 1 TB each way: Amsterdam (Zone 1) → Singapore (Zone 2): 1,000 GB × 0.02 out + 1,000 GB × 0.05 in = 70.00, and
    // back 1,000 × 0.05 + 1,000 × 0.02 = 70.00 → 140.00. Month 1: Premium MeteredData 500 Mbps 690.00 + 10,000 GB × 0.025
    // = 250.00 + ErGw1AZ 263.53 + 140.00 = 1,343.53.
    let given = try profile("given.json", reach: #"{"location": "Singapore", "monthlyData": "1 TB"}"#)
    let priced = ercalc("size", given, "--overrides", overrides, "--format", "json", "--fail-above", "2000")
    #expect(priced.status == .success, "\(priced.errors)")
    #expect(priced.output.contains("\"monthlyTotals\": [\n    \"1343.53\","))
    #expect(priced.output.contains("\"unpriced\": []"))
    // Without monthlyData: the link's four per-GB charges are unpriced (they used to be priced as 0 GB, 0.00, and the
    // gate passed); month 1 is 1,203.53 without them.
    let missing = try profile("missing.json", reach: #"{"location": "Singapore"}"#)
    let reason =
      "data volume from 'circuit' to 'remote 1 (Singapore)' not given (Global Reach is charged per GB out and in)"
    let formats: [(String, String)] = [
      (
        "text",
        "Global Reach to Singapore (monthly data not given)       unpriced  no monthlyData for the link to Singapore"
      ),
      ("json", "\"reason\": \"\(reason)\""),
      ("csv", ",unpriced,\(reason),"),
      ("markdown", "| Global Reach to Singapore (monthly data not given) | unpriced |"),
      ("html", "<td>Global Reach to Singapore (monthly data not given)</td><td class=\"num\">unpriced</td>"),
    ]
    for (format, expected) in formats {
      let result = ercalc("size", missing, "--overrides", overrides, "--format", format)
      #expect(result.status == .success)
      #expect(result.output.contains(expected), "\(format)")
      #expect(result.errors.contains("warning: 4 charges could not be priced and are not in the total"), "\(format)")
    }
    let gated = ercalc("size", missing, "--overrides", overrides, "--fail-above", "100000")
    #expect(gated.status == .failure)
    #expect(
      gated.errors.contains(
        "error: --fail-above cannot pass: 4 charges were not priced, so the highest monthly cost of 1,203.53 USD is incomplete"
      ))
  }
}
