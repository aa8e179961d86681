import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRouteTraffic
import Foundation

extension UseCases {
  /// How a run reads traffic series and where their paths lead.
  ///
  /// Every request that sizes (``SizingRequest``, ``BudgetRequest``, ``DiffRequest``, ``AuditRequest``) reads its files
  /// through one value of this type, so paths resolve, progress reports and warnings collect the same way everywhere; a
  /// workload's series is then chosen by ``SeriesMatch/select(_:in:)``, the one series-selection rule.
  public struct SeriesReading {
    /// One series file: the `path` to open and the name `shown` in messages (as the user or the profile wrote it).
    public struct File: Hashable, Sendable {
      /// The path opened (`-` is standard input).
      public var path: String
      /// The name used in messages and reports.
      public var shown: String

      /// A file opened at `path` and shown as `shown` (by default the path itself).
      public init(path: String, shown: String? = nil) {
        self.path = path
        self.shown = shown ?? path
      }

      /// A path as a profile or portfolio lists it: relative to the directory of `document` (the listing file), or as it
      /// is when absolute; shown as listed.
      public init(listed path: String, in document: String) {
        let directory = URL(fileURLWithPath: document).deletingLastPathComponent()
        self.init(path: path.hasPrefix("/") ? path : directory.appendingPathComponent(path).path, shown: path)
      }
    }

    /// Seconds between CSV samples, when a series has a single sample per circuit.
    public var interval: Int64?
    /// The most bytes of one document, or one line of a series, read into memory; `nil` is the ingest's default.
    public var inputLimit: Int?
    /// Cores to read on; `nil` is every core.
    public var workers: Int?
    /// Collect no data warnings or reader notes and report no progress.
    public var quiet: Bool
    /// Refuse Global Reach series not split by `PeeredCircuitSKey` (for pricing Global Reach per peer) instead of
    /// skipping them with a note.
    public var globalReachPerPeer = false
    /// Receives a progress line (ending in a newline) while large files are read.
    public var progress: (String) -> Void

    /// Creates reading options: every core, the default limits, warnings collected, no progress shown.
    public init(interval: Int64? = nil, quiet: Bool = false, progress: @escaping (String) -> Void = { _ in }) {
      self.interval = interval
      self.quiet = quiet
      self.progress = progress
    }

    /// Reads `files` (raw series or saved summaries) oldest first into one ingest.
    ///
    /// - Throws: ``RequestError/missingSeries(shown:path:site:)`` for a file that is not there, ``Diagnostic`` for bad data.
    public func ingest(_ files: [File]) throws -> TrafficIngest {
      var options = TrafficIngest.Options(interval: interval)
      options.globalReachPerPeer = globalReachPerPeer
      if let inputLimit { options.inputLimit = inputLimit }
      if let workers { options.workers = workers }
      var ingest = TrafficIngest(options: options)
      for file in files {
        guard file.path == "-" || FileManager.default.fileExists(atPath: file.path) else {
          throw RequestError.missingSeries(shown: file.shown, path: file.path, site: nil)
        }
        let (quiet, progress, shown) = (quiet, progress, file.shown)
        try ingest.read(path: file.path, displayName: shown) { done, total in
          guard !quiet else { return }
          // A pipe has no size: show what was read so far.
          progress(
            total > 0
              ? "reading \(shown): \(done >> 20) of \(total >> 20) MiB (\(done * 100 / total)%)\n"
              : "reading \(shown): \(done >> 20) MiB\n")
        }
      }
      return ingest
    }

    /// Reads `files` oldest first and summarises every circuit; reader notes and data warnings are appended to
    /// `warnings` unless ``quiet``.
    public func summaries(_ files: [File], warnings: inout [String]) throws -> [TrafficSummary] {
      var ingest = try ingest(files)
      let summaries = try ingest.summaries(file: files.last?.shown ?? "")
      if !quiet {
        warnings += ingest.notes.map { "note: \($0)" }
        warnings += summaries.flatMap(\.warnings).map(\.description)
      }
      return summaries
    }

    /// The traffic of every profile site of `portfolio` that names series files (listed relative to the portfolio file
    /// `path`), by site name, each chosen by the one series-selection rule,
    /// ``SeriesMatch/select(_:in:)`` (as ``SizingRequest`` chooses).
    func portfolioTraffic(_ portfolio: Portfolio, path: String, warnings: inout [String]) throws -> (
      traffic: [String: TrafficSummary], refused: [String: Diagnostic]
    ) {
      var traffic: [String: TrafficSummary] = [:]
      // A site whose series cannot be read (missing, malformed, not the circuit) is refused alone, as any site that
      // cannot be budgeted: the others are budgeted as if it were not there.
      var refused: [String: Diagnostic] = [:]
      for site in portfolio.sites {
        guard case .profile(let profile) = site.source, !profile.series.isEmpty else { continue }
        let summaries: [TrafficSummary]
        do {
          summaries = try self.summaries(profile.series.map { File(listed: $0, in: path) }, warnings: &warnings)
        } catch RequestError.missingSeries(let shown, let resolved, _) {
          // A missing file names the site whose profile lists it: a portfolio may list the same name for several.
          refused[site.name] = Diagnostic(
            .error, "site '\(site.name)': \(RequestError.missingSeriesMessage(shown: shown, path: resolved))",
            file: path)
          continue
        } catch let error as Diagnostic {
          var named = error
          named.message = "site '\(site.name)': series: \(error.message)"
          refused[site.name] = named
          continue
        }
        do {
          traffic[site.name] = try SeriesMatch.select(profile.seriesCircuit, in: summaries)
        } catch .notChosen {
          refused[site.name] = Diagnostic(
            .error,
            "site '\(site.name)': the series holds \(summaries.map { "'\($0.circuit)'" }.joined(separator: ", ")); set 'seriesCircuit' in its profile",
            file: path)
        } catch {
          refused[site.name] = Diagnostic(.error, "site '\(site.name)': \(error.message)", file: path)
        }
      }
      return (traffic, refused)
    }
  }
}

/// `UseCases.SeriesReading`, by its short name inside the package.
package typealias SeriesReading = UseCases.SeriesReading
