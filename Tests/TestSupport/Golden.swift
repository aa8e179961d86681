import Foundation
import Testing

/// The package root (the folder holding `Package.swift`), from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The one golden-file mechanism: gallery reports, command snapshots and README examples are compared with what the
/// code prints today, the same way.
///
/// A difference fails with a line diff. `RECORD_SNAPSHOTS=1 swift test` writes the current text instead (and a
/// missing golden file is written too); a recording that changed something fails once, so it is never mistaken
/// for a pass. Review what it wrote with `git diff` before committing.
public enum Golden {
  /// Whether this run records instead of comparing (`RECORD_SNAPSHOTS` is set).
  public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

  /// Compares `actual` with the whole file at `url`.
  public static func check(_ actual: String, file url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if existing == actual { return }
    if isRecording || existing == nil {
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Recorded \(relativePath(url))", sourceLocation: sourceLocation)
      return
    }
    fail(relativePath(url), expected: existing ?? "", actual: actual, sourceLocation: sourceLocation)
  }

  /// Compares `actual` with the example after the line `marker` in the Markdown file at `url` (a README): the text
  /// from the line after `marker` to the end of its code block. An example that stops early with a line `…` shows
  /// the start of the output only, so `actual` has to start with it; recording keeps that many lines.
  public static func checkExample(
    _ actual: String, after marker: String, in url: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    // Examples of one document may be recorded by tests running in parallel: one read-modify-write at a time.
    documentLock.lock()
    defer { documentLock.unlock() }
    guard let document = try? String(contentsOf: url, encoding: .utf8),
      let example = Example(in: document, after: marker)
    else {
      Issue.record("\(relativePath(url)) has no example after '\(marker)'", sourceLocation: sourceLocation)
      return
    }
    let shown = String(document[example.range])
    let expected = example.isCut ? String(actual.prefix(shown.count)) : actual
    if shown == expected { return }
    if isRecording {
      // Keep a cut example as long as it was (in lines).
      let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
      let replacement =
        example.isCut
        ? actual.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).map { $0 + "\n" }.joined()
        : actual
      var updated = document
      updated.replaceSubrange(example.range, with: replacement)
      try? updated.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("Recorded the example after '\(marker)' in \(relativePath(url))", sourceLocation: sourceLocation)
      return
    }
    fail(
      "the example after '\(marker)' in \(relativePath(url))", expected: shown, actual: expected,
      sourceLocation: sourceLocation)
  }

  private static let documentLock = NSLock()

  /// Where an example's text is in a document.
  struct Example {
    /// The example's text: from the line after the marker to the code block's end or the `…` line.
    var range: Range<String.Index>
    /// Whether the example stops at a `…` line.
    var isCut: Bool

    init?(in document: String, after marker: String) {
      guard let start = document.range(of: marker + "\n") else { return nil }
      let rest = document[start.upperBound...]
      let end = rest.range(of: "```")?.lowerBound ?? rest.endIndex
      if let ellipsis = rest[rest.startIndex..<end].range(of: "…\n") {
        range = start.upperBound..<ellipsis.lowerBound
        isCut = true
      } else {
        range = start.upperBound..<end
        isCut = false
      }
    }
  }

  /// The lines that differ between two texts: `–n: line` for removed, `+n: line` for added (1-based).
  public static func lineDiff(from expected: String, to actual: String) -> [String] {
    actual.components(separatedBy: "\n").difference(from: expected.components(separatedBy: "\n")).map { change in
      switch change {
      case .remove(let offset, let line, _): "–\(offset + 1): \(line)"
      case .insert(let offset, let line, _): "+\(offset + 1): \(line)"
      }
    }
  }

  private static func fail(_ what: String, expected: String, actual: String, sourceLocation: SourceLocation) {
    let message =
      "\(what) is stale (– golden, + code); run RECORD_SNAPSHOTS=1 swift test to record it:\n"
      + lineDiff(from: expected, to: actual).prefix(40).joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }

  private static func relativePath(_ url: URL) -> String {
    url.path.hasPrefix(packageRoot.path + "/") ? String(url.path.dropFirst(packageRoot.path.count + 1)) : url.path
  }
}
