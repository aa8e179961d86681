import ExpressRouteCalculator
import Foundation

/// Reads traffic series files for the commands that size (size, budget, audit).
enum SeriesLoader {
  /// Reads `files` (each a path and the name to show) oldest first, and summarises every circuit.
  ///
  /// Data warnings and reader notes go to `context.warnings` unless `quiet`;
  /// progress lines for large files go to standard error as they happen.
  static func summaries(
    _ files: [(path: String, shown: String)], quiet: Bool, context: inout CommandContext, interval: Int64? = nil
  ) throws -> [TrafficSummary] {
    var ingest = try read(files, quiet: quiet, context: &context, interval: interval)
    let summaries = try ingest.summaries(file: files.last?.shown ?? "")
    if !quiet {
      context.warnings += ingest.notes.map { "note: \($0)" }
      context.warnings += summaries.flatMap(\.warnings).map(\.description)
    }
    return summaries
  }

  /// Reads `files` (raw series or saved summaries) oldest first into one ingest, with progress on standard error.
  static func read(
    _ files: [(path: String, shown: String)], quiet: Bool, context: inout CommandContext, interval: Int64? = nil
  ) throws -> TrafficIngest {
    var options = TrafficIngest.Options(interval: interval)
    options.inputLimit = context.inputLimit
    // ERCALC_THREADS=1 reads on one core (for benchmarks and comparisons); the default is every core.
    if let threads = ProcessInfo.processInfo.environment["ERCALC_THREADS"].flatMap(Int.init), threads > 0 { options.workers = threads }
    var ingest = TrafficIngest(options: options)
    let progress = context.progress
    for (path, shown) in files {
      guard path == "-" || FileManager.default.fileExists(atPath: path) else {
        throw CommandFailure("cannot read series '\(shown)': no such file" + (path != shown ? " (looked in '\(path)')" : ""))
      }
      try ingest.read(path: path, displayName: shown) { done, total in
        guard !quiet else { return }
        // A pipe has no size: show what was read so far.
        progress(
          total > 0 ? "reading \(shown): \(done >> 20) of \(total >> 20) MiB (\(done * 100 / total)%)\n" : "reading \(shown): \(done >> 20) MiB\n")
      }
    }
    return ingest
  }

  /// `path` as listed in a profile: relative to the profile's (or portfolio's) `directory`, or as it is when absolute.
  static func resolve(_ path: String, relativeTo directory: URL) -> String {
    path.hasPrefix("/") ? path : directory.appendingPathComponent(path).path
  }

  /// The traffic of every profile site that names series files (paths relative to the portfolio), by site name.
  static func portfolioTraffic(_ portfolio: Portfolio, path: String, context: inout CommandContext) throws -> [String: TrafficSummary] {
    var traffic: [String: TrafficSummary] = [:]
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    for site in portfolio.sites {
      guard case .profile(let profile) = site.source, !profile.series.isEmpty else { continue }
      let files = profile.series.map { (resolve($0, relativeTo: directory), $0) }
      let summaries: [TrafficSummary]
      do {
        summaries = try Self.summaries(files, quiet: false, context: &context)
      } catch let failure as CommandFailure {
        // A missing file names the site whose profile lists it: a portfolio may list the same name for several.
        throw CommandFailure("site '\(site.name)': \(failure.message)", exitCode: failure.exitCode)
      }
      // The library's one rule (as size and audit): a 'seriesCircuit' that names no series is an error, never
      // the only series instead.
      do {
        traffic[site.name] = try SeriesMatch.select(profile.seriesCircuit, in: summaries)
      } catch .notChosen {
        throw Diagnostic(
          .error,
          "site '\(site.name)': the series holds \(summaries.map { "'\($0.circuit)'" }.joined(separator: ", ")); set 'seriesCircuit' in its profile",
          file: path)
      } catch {
        throw Diagnostic(.error, "site '\(site.name)': \(error.message)", file: path)
      }
    }
    return traffic
  }
}
