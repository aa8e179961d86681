import ExpressRouteCalculator
import Foundation

/// Options shared by every command that prices: which tables, overrides and hours.
enum PricingOptions {
  static let specs: [OptionSpec] = [
    .option("prices", value: "file", help: "Rate table JSON to use instead of the built-in table."),
    .option("overrides", value: "file", help: "Override file patching the rate table (negotiated prices, Direct and Global Reach rates); repeatable.", repeatable: true),
    .option("locations", value: "file", help: "Peering-location catalogue JSON to use instead of the built-in one."),
    .option("hours-per-month", value: "hours", help: "Hours in a billing month for hourly meters.", default: "730, or the rate table's value"),
  ]

  /// Loads the tables named by the options (or the built-in ones) into an engine.
  static func engine(_ arguments: ParsedArguments) throws -> PricingEngine {
    var rates: RateTable
    if let path = arguments.value("prices") {
      rates = try RateTable(json: try readInput(path), file: path)
    } else {
      rates = try RateTable.embeddedDefault()
    }
    for path in arguments.values["overrides"] ?? [] {
      try rates.apply(overrideJSON: try readInput(path), file: path)
    }
    let locations: LocationCatalog
    if let path = arguments.value("locations") {
      locations = try LocationCatalog(json: try readInput(path), file: path)
    } else {
      locations = try LocationCatalog.embeddedDefault()
    }
    var hours: Decimal?
    if let text = arguments.value("hours-per-month") {
      guard let value = Decimal(strict: text), value > 0, value <= 744 else {
        throw UsageError("The value '\(text)' is invalid for '--hours-per-month <hours>'. Please provide a number of hours from 1 to 744, such as 730.")
      }
      hours = value
    }
    return PricingEngine(rates: rates, locations: locations, hoursPerMonth: hours)
  }
}

/// Reads an input file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
  if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw CommandFailure("cannot read '\(path)': no such file")
  }
  guard !isDirectory.boolValue else { throw CommandFailure("cannot read '\(path)': it is a directory") }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw CommandFailure("cannot read '\(path)': permission denied or unreadable")
  }
  return data
}

/// Options shared by every command that reports: format, output file, budget gate.
enum OutputOptions {
  static let formats = ReportFormat.allCases.map(\.rawValue)

  static let specs: [OptionSpec] = [
    .option("format", short: "f", value: "format", help: "Report format.", allowed: formats, default: "text, or from the --output extension"),
    .option("output", short: "o", value: "file", help: "Write the report to this file (atomically) instead of standard output."),
  ]

  static let failAbove = OptionSpec.option(
    "fail-above", value: "amount", help: "Exit with status 1 when the monthly total exceeds this amount (a budget gate for CI).")

  /// The format from `--format`, else from the `--output` extension, else text.
  static func format(_ arguments: ParsedArguments) -> ReportFormat {
    if let name = arguments.value("format"), let format = ReportFormat(rawValue: name) { return format }
    if let path = arguments.value("output"), let format = ReportFormat(fileExtension: (path as NSString).pathExtension) { return format }
    return .text
  }

  /// Renders `report` and writes it to standard output or `--output`.
  static func emit(_ report: some Report, _ arguments: ParsedArguments, context: inout CommandContext) throws {
    let text = report.render(format(arguments))
    if let path = arguments.value("output") {
      try AtomicFile.write(text, to: path)
      context.warnings.append("wrote \(path)")
    } else {
      context.output += text
    }
  }

  /// Parses `--fail-above`, if given.
  static func failAboveAmount(_ arguments: ParsedArguments) throws -> Decimal? {
    guard let text = arguments.value("fail-above") else { return nil }
    guard let value = Decimal(strict: text.replacingOccurrences(of: ",", with: "")), value >= 0 else {
      throw UsageError("The value '\(text)' is invalid for '--fail-above <amount>'. Please provide an amount such as 5000 or 5000.00.")
    }
    return value
  }

  /// Fails with status 1 when `total` exceeds the `--fail-above` amount.
  static func checkBudget(_ total: Money, _ arguments: ParsedArguments, what: String) throws {
    guard let limit = try failAboveAmount(arguments), total.amount > limit else { return }
    throw CommandFailure(
      "\(what) \(total.groupedAmount) \(total.currency) exceeds --fail-above \(limit.grouped(places: 2)) \(total.currency)")
  }
}

/// Writes files atomically: a temporary file in the same directory, then rename.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CommandFailure("cannot write '\(path)': directory '\(directory.path)' does not exist")
    }
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
      throw CommandFailure("cannot write '\(path)': could not create a temporary file in '\(directory.path)'")
    }
    guard rename(temporary.path, url.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure("cannot write '\(path)': rename failed (\(String(cString: strerror(errno))))")
    }
  }
}
