import ExpressRouteCLI
import TestSupport
import Testing

@Suite struct HelpTests {
  @Test func rootHelpListsSubcommands() {
    let result = ercalc("--help")
    #expect(result.status == .success)
    #expect(result.errors.isEmpty)
    Golden.check(result.output, file: snapshotFile("root-help.txt"))
  }

  @Test(
    "Every subcommand has help",
    arguments: ["quote", "compare", "size", "budget", "diff", "audit", "reconcile", "traffic", "prices"])
  func subcommandHelp(_ command: String) {
    let result = ercalc(command, "--help")
    #expect(result.status == .success)
    #expect(result.output.hasPrefix("OVERVIEW: "))
    #expect(result.output.contains("USAGE: ercalc \(command)"))
    #expect(result.output.contains("  -h, --help              Show help information.\n"))
    #expect(ercalc("help", command).output == result.output)
    Golden.check(result.output, file: snapshotFile("\(command)-help.txt"))
  }

  @Test func helpLinesFitIn80Columns() {
    for command in ["quote", "compare", "size", "budget", "diff", "audit", "reconcile", "traffic", "prices"] {
      for line in ercalc(command, "--help").output.split(separator: "\n") {
        #expect(line.count <= 80, "\(command): \(line)")
      }
    }
  }

  @Test func versionPrints() {
    #expect(ercalc("--version").output == "\(CLI.version)\n")
  }
}
