import Foundation

/// Which traffic series belongs to which circuit: one rule for every command.
///
/// Names match ignoring case and surrounding spaces; an Azure resource ID
/// (`/subscriptions/…/expressRouteCircuits/ams-1`) matches by its last segment.
/// So `AMS-1`, ` ams-1 ` and a resource ID ending in `ams-1` all select the
/// series of circuit `ams-1`.
public enum SeriesMatch {
  /// The comparable form of a circuit or series name.
  public static func key(_ name: String) -> String {
    var text = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("/"), let last = text.split(separator: "/", omittingEmptySubsequences: true).last {
      text = String(last)
    }
    return text.lowercased()
  }

  /// The summary for circuit `name`, if one matches.
  public static func summary(named name: String, in summaries: [TrafficSummary]) -> TrafficSummary? {
    let wanted = key(name)
    return summaries.first { key($0.circuit) == wanted }
  }
}
