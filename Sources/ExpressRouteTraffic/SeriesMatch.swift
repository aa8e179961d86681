import ExpressRouteCore
import Foundation

/// Which traffic series belongs to which circuit: one rule for every format and every command.
///
/// Names match ignoring case and surrounding spaces; an Azure resource ID
/// (`/subscriptions/…/expressRouteCircuits/ams-1`) matches by its last segment.
/// So `AMS-1`, ` ams-1 ` and a resource ID ending in `ams-1` all select the
/// series of circuit `ams-1`, and readers of every format (CSV, Azure Monitor JSON,
/// saved summaries) keep one series per circuit by the same rule (Azure resource
/// names are case-insensitive).
///
/// ``select(_:in:)`` is how `size`, `budget`, `diff` (portfolios) and `audit` pick a workload's series.
package enum SeriesMatch {
  /// The comparable form of a circuit or series name.
  public static func key(_ name: String) -> String {
    var text = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("/"), let last = text.split(separator: "/", omittingEmptySubsequences: true).last {
      text = String(last)
    }
    return text.lowercased()
  }

  /// Why no single series could be chosen.
  public enum Problem: Error, Hashable, Sendable {
    /// The named circuit has no series: `wanted`, and the circuits the series hold.
    case noSuchCircuit(String, available: [String])
    /// Several series answer to the name (they can only come from summaries made outside one ingest).
    case ambiguous(String, matches: [String])
    /// No circuit was named and the series hold several.
    case notChosen(available: [String])

    /// `the series has no circuit 'lon' (it has 'ams')`.
    public var message: String {
      switch self {
      case .noSuchCircuit(let wanted, let available):
        return "the series has no circuit '\(wanted)' (it has \(SeriesMatch.list(available)))"
      case .ambiguous(let wanted, let matches):
        return
          "'\(wanted)' names \(matches.count) series: \(SeriesMatch.list(matches)) (circuit names match ignoring case and surrounding spaces, and a resource ID by its last segment)"
      case .notChosen(let available):
        return "the series holds \(available.count) circuits (\(SeriesMatch.list(available)))"
      }
    }
  }

  /// `'ams', 'lon'`: the first six names, then `…`.
  static func list(_ names: [String]) -> String {
    names.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 6 ? ", …" : "")
  }

  /// The series circuit `name` names: one match, or why not (none, or several).
  public static func match(_ name: String, in summaries: [TrafficSummary]) -> Result<TrafficSummary, Problem> {
    let wanted = key(name)
    let matches = summaries.filter { key($0.circuit) == wanted }
    guard let first = matches.first else { return .failure(.noSuchCircuit(name, available: summaries.map(\.circuit))) }
    guard matches.count == 1 else { return .failure(.ambiguous(name, matches: matches.map(\.circuit))) }
    return .success(first)
  }

  /// The series to size one workload from: the one the circuit `wanted` names (a profile's `seriesCircuit`, or
  /// `--circuit`), which must exist (there is no falling back to another series, even the only one); with no name,
  /// the only series.
  ///
  /// - Throws: ``Problem`` when `wanted` names no series or several, or when no name is given and the series hold
  ///   several circuits.
  public static func select(_ wanted: String?, in summaries: [TrafficSummary]) throws(Problem) -> TrafficSummary {
    if let wanted { return try match(wanted, in: summaries).get() }
    guard summaries.count == 1, let only = summaries.first else {
      throw .notChosen(available: summaries.map(\.circuit))
    }
    return only
  }

  /// The series for circuit `name`, when exactly one matches (see ``match(_:in:)`` for why not).
  public static func summary(named name: String, in summaries: [TrafficSummary]) -> TrafficSummary? {
    try? match(name, in: summaries).get()
  }
}
