import ExpressRouteCLI
import ExpressRouteCalculator
import Foundation
import TestSupport
import Testing

/// The standing robustness suite: generated bad inputs for every command.
///
/// Every run must end with an exit code in {0, 1, 64, 65} and a message, never a
/// signal, within a time bound, in bounded memory (child runs get an address-space
/// limit), with no 0.00 for a quantity nobody gave and the old `--output` file intact
/// on failure. The seed is fixed, so a failure repeats; `ERCALC_ROBUSTNESS_ITERATIONS`
/// (default 30 a case) makes a longer run, and `ERCALC_ROBUSTNESS_SEED` another one.
@Suite struct RobustnessSuiteTests {
  static let environment = ProcessInfo.processInfo.environment
  static let iterations = Int(environment["ERCALC_ROBUSTNESS_ITERATIONS"] ?? "") ?? 30
  static let seed = UInt64(environment["ERCALC_ROBUSTNESS_SEED"] ?? "") ?? 0x5EED_2026
  static let allowed: Set<Int32> = [0, 1, 64, 65]

  /// A working invocation of each command, from which bad ones are made.
  static let baselines: [String: [String]] = [
    "quote": ["quote", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB"],
    "compare": ["compare", "--location", "Amsterdam", "--bandwidth", "1Gbps", "--egress", "40TB"],
    "size": ["size", fixture("sizing-profile.json"), "--quiet"],
    "budget": ["budget", fixture("small-portfolio.json")],
    "diff": ["diff", fixture("before.json"), fixture("after.json")],
    "audit": [
      "audit", "--from", fixture("existing/az-estate.json"), "--series", fixture("existing/ams-er-metrics.json"),
      "--quiet",
    ],
    "prices": ["prices", "show"],
  ]

  /// Values no option should take quietly.
  static let hostileValues = [
    "", " ", "-1", "0", "1e9", "NaN", "inf", "1Gbit", "+436", ".5", "5.", "0x10", "1,5", "Zone 9", "2026-13", "2026-1",
    "12abc",
    "\u{200B}", "Amster\u{200B}dam", "\u{FFFD}", "a\u{0}b", "9999999999999999999999999999999", "-0", "%", "100%%", "--",
    "-",
    String(repeating: "9", count: 400), String(repeating: "x", count: 5000), "Premium\u{301}", "VPNGW1AZ", "ergw1az",
  ]

  /// Options that write or reach the network: never fuzzed with hostile paths.
  static let unsafeOptions: Set<String> = ["output", "endpoint"]

  /// Checks one in-process run against the suite's rules.
  func check(
    _ arguments: [String], _ result: RunResult, seconds: Double, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let shown = arguments.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }.joined(separator: " ")
    #expect(
      Self.allowed.contains(result.status.rawValue), "\(shown): exit \(result.status.rawValue)",
      sourceLocation: sourceLocation)
    #expect(seconds < 10, "\(shown): \(seconds) s", sourceLocation: sourceLocation)
    switch result.status {
    case .usage:
      #expect(result.errors.hasPrefix("Error: "), "\(shown): \(result.errors)", sourceLocation: sourceLocation)
    case .dataError, .failure:
      #expect(result.errors.contains("error:"), "\(shown): \(result.errors)", sourceLocation: sourceLocation)
    default: break
    }
  }

  func timed(_ arguments: [String]) -> (RunResult, Double) {
    let start = Date()
    let result = ercalc(arguments)
    return (result, Date().timeIntervalSince(start))
  }

  @Test("Hostile option values", arguments: ["quote", "compare", "size", "budget", "diff", "audit", "prices"])
  func hostileOptionValues(_ command: String) throws {
    var random = SplitMix(state: Self.seed ^ UInt64(command.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    let spec = try #require(CLI.commandSpecs.first { $0.name == "ercalc \(command)" })
    let options = spec.options.filter { $0.valueName != nil && !Self.unsafeOptions.contains($0.name) }
    let baseline = try #require(Self.baselines[command])
    for _ in 0..<Self.iterations {
      var arguments = baseline
      // One to three options, each with a hostile value; sometimes a stray flag or positional.
      for _ in 0...Int.random(in: 0...2, using: &random) {
        let option = options.randomElement(using: &random)!
        arguments += ["--\(option.name)", Self.hostileValues.randomElement(using: &random)!]
      }
      if Bool.random(using: &random) {
        arguments.append(
          ["--fastpath", "--allow-unpriced", "stray", "--no-such-flag", "-"].randomElement(using: &random)!)
      }
      let (result, seconds) = timed(arguments)
      check(arguments, result, seconds: seconds)
    }
  }

  /// Mutations a damaged or hand-edited file really shows.
  static func mutate(_ bytes: [UInt8], using random: inout SplitMix) -> [UInt8] {
    guard !bytes.isEmpty else { return [0x7B] }
    var result = bytes
    let position = Int.random(in: 0..<result.count, using: &random)
    switch Int.random(in: 0..<8, using: &random) {
    case 0: result[position] = UInt8.random(in: 0...255, using: &random)
    case 1: result.removeSubrange(position..<min(result.count, position + Int.random(in: 1...40, using: &random)))
    case 2: result.insert(0, at: position)
    case 3: result = Array(result[..<position])
    case 4: result.insert(contentsOf: result[position..<min(result.count, position + 30)], at: position)
    case 5:
      if let digit = result.indices.filter({ (0x30...0x39).contains(result[$0]) }).randomElement(using: &random) {
        result[digit] = 0x78
      }
    case 6: result.insert(contentsOf: Array("\u{200B}".utf8), at: position)
    default: result.insert(contentsOf: [0xFF, 0xFE], at: position)
    }
    return result
  }

  @Test(
    "Damaged input files",
    arguments: [
      ("quote", "before.json"), ("quote", "estate.json"), ("budget", "small-portfolio.json"), ("diff", "after.json"),
      ("size", "two-circuits.csv"), ("audit", "existing/az-estate.json"), ("audit", "existing/terraform-plan.json"),
      ("audit", "existing/ams-er-metrics.json"), ("prices", "direct-override.json"),
    ])
  func damagedInputFiles(_ command: String, _ name: String) throws {
    var random = SplitMix(state: Self.seed ^ UInt64(name.utf8.count) << 8 ^ UInt64(command.utf8.count))
    let directory = try temporaryDirectory("ercalc-robust")
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: fixture(name))))
    let path = directory.appendingPathComponent((name as NSString).lastPathComponent).path
    let output = directory.appendingPathComponent("report.txt").path
    for iteration in 0..<Self.iterations {
      var bytes = original
      for _ in 0...Int.random(in: 0...2, using: &random) { bytes = Self.mutate(bytes, using: &random) }
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      try "previous report \(iteration)".write(toFile: output, atomically: true, encoding: .utf8)
      let arguments: [String]
      switch (command, name) {
      case ("size", _):
        arguments = ["size", fixture("sizing-profile.json"), "--series", path, "--circuit", "ams", "--quiet"]
      case ("audit", "existing/ams-er-metrics.json"):
        arguments = ["audit", "--from", fixture("existing/az-estate.json"), "--series", path, "--quiet"]
      case ("audit", _):
        arguments = ["audit", "--from", path, "--series", fixture("existing/ams-er-metrics.json"), "--quiet"]
      case ("diff", _): arguments = ["diff", fixture("before.json"), path]
      case ("prices", _): arguments = ["prices", "validate", "--overrides", path]
      default: arguments = [command, path]
      }
      let (result, seconds) = timed(arguments + ["--output", output])
      check(arguments, result, seconds: seconds)
      if result.status == .dataError {
        // Bad data names the file it came from.
        #expect(
          result.errors.contains(path) || result.errors.contains(fixture("sizing-profile.json")), "\(result.errors)")
      }
      if result.status != .success {
        // A failed run leaves the old report as it was.
        #expect(
          try String(contentsOfFile: output, encoding: .utf8) == "previous report \(iteration)",
          "\(arguments): \(result.errors)")
      }
    }
  }

  @Test func unknownVolumesAreNeverZero() throws {
    var random = SplitMix(state: Self.seed)
    let directory = try temporaryDirectory("ercalc-robust")
    defer { try? FileManager.default.removeItem(at: directory) }
    let locations = ["Amsterdam", "London", "Singapore", "Sao Paulo", "Washington DC"]
    for _ in 0..<Self.iterations {
      var circuits: [String] = []
      var unknown: [String] = []
      for index in 0..<Int.random(in: 1...4, using: &random) {
        let metered = Bool.random(using: &random)
        let givesEgress = Bool.random(using: &random)
        let egress = givesEgress ? #", "egress": "\#(Int.random(in: 1...90_000, using: &random)) GB""# : ""
        if metered && !givesEgress { unknown.append("c\(index)") }
        circuits.append(
          #"{"name": "c\#(index)", "peeringLocation": "\#(locations.randomElement(using: &random)!)", "tier": "Premium", "billing": "\#(metered ? "MeteredData" : "UnlimitedData")", "bandwidth": "1 Gbps"\#(egress)}"#
        )
      }
      let path = directory.appendingPathComponent("d.json").path
      try (#"{"circuits": ["# + circuits.joined(separator: ", ") + "]}").write(
        toFile: path, atomically: true, encoding: .utf8)
      for format in ["json", "csv"] {
        let result = ercalc("quote", path, "--format", format)
        #expect(result.status == .success, "\(result.errors)")
        for name in unknown {
          if format == "json" {
            // The data charge is listed as unpriced with no quantity, never as a 0 GB line item.
            let root = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let quote = try #require(root["quote"] as? [String: Any])
            let items = try #require(quote["lineItems"] as? [[String: Any]])
            let unpriced = try #require(quote["unpriced"] as? [[String: Any]])
            func isData(_ item: [String: Any]) -> Bool {
              item["resource"] as? String == "circuit '\(name)'"
                && (item["meter"] as? String)?.hasPrefix("Metered outbound data") == true
            }
            #expect(!items.contains(where: isData), "\(name) has a data line item although its volume is unknown")
            let entry = try #require(unpriced.first(where: isData), "unpriced entry missing for \(name)")
            #expect(entry["quantity"] is NSNull)
          } else {
            let rows = CSVTable(result.output).rows(where: "ResourceName", is: name).filter {
              $0["PricingUnit"] == "GB"
            }
            #expect(rows.count == 1)
            // FOCUS needs a quantity and a cost: 0 placeholders, named as such in x_Placeholders.
            #expect(
              rows.first?["x_Status"] == "unpriced" && rows.first?["PricingQuantity"] == "0"
                && rows.first?["BilledCost"] == "0.00" && rows.first?["x_Placeholders"] == "cost quantity")
          }
        }
        #expect(
          !CSVTable(result.output).rows.contains {
            $0["PricingUnit"] == "GB" && $0["PricingQuantity"] == "0" && $0["x_Placeholders"] != "cost quantity"
          },
          "a zero-volume data line appeared")
      }
    }
  }

  @Test("Hostile streams on standard input", arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
  func hostileStreams(_ stream: String) throws {
    for arguments in [
      ["quote", "-"], ["budget", "-"], ["size", "-"], ["prices", "validate", "-"],
      ["diff", "-", fixture("before.json")],
    ] {
      let result = try runErcalc(arguments, stdin: stream, memoryLimitKB: 524_288, timeout: 20)
      #expect(!result.signaled && !result.timedOut, "\(arguments) < \(stream)")
      #expect(result.status == 65, "\(arguments) < \(stream): \(result.status) \(result.errors)")
      // Random bytes may hold a line feed before the first bad byte, so only zeros and empty input pin line 1.
      #expect(result.errors.hasPrefix(stream == "/dev/urandom" ? "<stdin>:" : "<stdin>:1:"), "\(result.errors)")
      #expect(result.seconds < 10)
    }
  }

  @Test("Hostile output targets", arguments: ["quote", "compare", "size", "budget", "diff", "audit", "prices"])
  func hostileOutputTargets(_ command: String) throws {
    let baseline = try #require(Self.baselines[command])
    let directory = try temporaryDirectory("ercalc-robust")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A directory, a missing directory, a full device and a socket-like special file: refused or failed, never replaced.
    for target in [directory.path, directory.appendingPathComponent("missing/report.txt").path, "/dev/full"] {
      let result = ercalc(baseline + ["--output", target])
      #expect(result.status == .failure, "\(command) --output \(target): \(result.status.rawValue) \(result.errors)")
      #expect(result.errors.hasPrefix("error: cannot write '\(target)'"), "\(result.errors)")
    }
    var status = stat()
    #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }
}
