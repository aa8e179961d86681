import ExpressRouteCLI
import TestSupport
import Testing

@Suite struct UsageErrorTests {
  typealias ErrorCase = TestSupport.ErrorCase<[String]>

  static let quoteUsage =
    "Usage: ercalc quote [<deployment>] [<options>]\n  See 'ercalc quote --help' for more information.\n"

  static let cases: [ErrorCase] = [
    ErrorCase(
      id: "unknown option", arguments: ["quote", "--foramt", "json"],
      expected: "Error: Unknown option '--foramt'. Did you mean '--format'?\n" + quoteUsage),
    ErrorCase(
      id: "missing value", arguments: ["quote", "--bandwidth"],
      expected: "Error: Missing value for '--bandwidth <rate>'\n" + quoteUsage),
    ErrorCase(
      id: "bad format", arguments: ["quote", "--format", "pdf"],
      expected:
        "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'markdown', 'json', 'csv' or 'html'.\n"
        + quoteUsage),
    ErrorCase(
      id: "flag with value", arguments: ["quote", "--fastpath=yes"],
      expected: "Error: The option '--fastpath' does not take any value, but 'yes' was specified.\n" + quoteUsage),
    ErrorCase(
      id: "bad bandwidth", arguments: ["quote", "--location", "Amsterdam", "--bandwidth", "fast"],
      expected:
        "Error: The value 'fast' is invalid for '--bandwidth <rate>'. Please provide a rate with a unit, such as 50Mbps, 1Gbps or 10 G.\n"
        + quoteUsage),
    ErrorCase(
      id: "bad volume", arguments: ["quote", "--location", "Amsterdam", "--bandwidth", "1G", "--egress", "40"],
      expected:
        "Error: The value '40' is invalid for '--egress <volume>'. Please provide a volume with a unit, such as 500GB, 40TB or 1.5TiB.\n"
        + quoteUsage),
    ErrorCase(
      id: "unknown location", arguments: ["quote", "--location", "Amsterdm", "--bandwidth", "1G"],
      expected:
        "Error: The value 'Amsterdm' is invalid for '--location <name>': 'Amsterdm' is not a known peering location; did you mean 'Amsterdam'?.\n"
        + quoteUsage),
    ErrorCase(
      id: "no bandwidth", arguments: ["quote", "--location", "Amsterdam"],
      expected: "Error: Missing expected option '--bandwidth <rate>' (or give a deployment file)\n" + quoteUsage),
    ErrorCase(
      id: "repeated option", arguments: ["quote", "--bandwidth", "1G", "--bandwidth", "2G"],
      expected: "Error: The option '--bandwidth' was given more than once.\n" + quoteUsage),
    ErrorCase(
      id: "extra argument", arguments: ["quote", "a.json", "b.json"],
      expected: "Error: Unexpected argument 'b.json'\n" + quoteUsage),
    ErrorCase(
      id: "unknown subcommand", arguments: ["qoute"],
      expected:
        "Error: Unknown subcommand 'qoute'. Did you mean 'quote'?\nUsage: ercalc <subcommand>\n  See 'ercalc --help' for more information.\n"
    ),
    ErrorCase(
      id: "bad hours", arguments: ["compare", "--hours-per-month", "0"],
      expected:
        "Error: The value '0' is invalid for '--hours-per-month <hours>'. Please provide a number of hours from 1 to 744, such as 730.\nUsage: ercalc compare [<options>]\n  See 'ercalc compare --help' for more information.\n"
    ),
    ErrorCase(
      id: "unknown prices action", arguments: ["prices", "shwo"],
      expected:
        "Error: Unknown action 'shwo'. Did you mean 'show'?\nUsage: ercalc prices <action> [<files> ...] [<options>]\n  See 'ercalc prices --help' for more information.\n"
    ),
    ErrorCase(
      id: "gateway options without gateway",
      arguments: ["quote", "--location", "Amsterdam", "--bandwidth", "1G", "--fastpath"],
      expected:
        "Error: The option '--fastpath' needs '--gateway <sku>'; without it, '--fastpath' would have no effect.\n"
        + quoteUsage),
  ]

  @Test(arguments: cases)
  func usageErrorsExit64WithFullMessage(_ errorCase: ErrorCase) {
    let result = ercalc(errorCase.arguments)
    #expect(result.status == .usage)
    #expect(result.output.isEmpty)
    #expect(result.errors == errorCase.expected)
  }

  @Test func badDataFilesExit65WithPosition() {
    let result = ercalc("quote", fixture("bad-deployment.json"))
    #expect(result.status == .dataError)
    #expect(result.output.isEmpty)
    #expect(
      result.errors
        == "\(fixture("bad-deployment.json")):5:19: error: circuits[0].bandwidth: '3 Gigs' is not valid (expected a rate with a unit, such as 50Mbps, 1Gbps or 10 G)\n"
    )
  }

  @Test func ruleViolationsExit65NamingTheRule() {
    let result = ercalc("quote", "--location", "Atlanta", "--bandwidth", "1G", "--sku", "local")
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "error: [local-needs-local-region] circuit 'circuit' is Local, but Atlanta has no local Azure region, so Local is not sold there\n"
    )
  }

  @Test func missingFilesExit1() {
    let result = ercalc("quote", "/nonexistent/deployment.json")
    #expect(result.status == .failure)
    #expect(result.errors == "error: cannot read '/nonexistent/deployment.json': no such file\n")
  }

  @Test func badRateTableExits65() {
    let result = ercalc("prices", "validate", fixture("bad-rates.json"))
    #expect(result.status == .dataError)
    #expect(
      result.errors
        == "\(fixture("bad-rates.json")):10:105: error: circuits.rows[0].monthly: negative price '-55' (expected zero or more)\n"
    )
  }
}

extension TestSupport.ErrorCase where Input == [String] {
  /// A case that runs `ercalc` with `arguments`.
  fileprivate init(id: String, arguments: [String], expected: String) {
    self.init(id: id, input: arguments, expected: expected)
  }
  fileprivate var arguments: [String] { input }
}
