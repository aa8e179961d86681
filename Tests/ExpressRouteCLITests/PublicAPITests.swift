import Foundation
import TestSupport
import Testing

/// The library's public API is documented, and helpers that are not part of it stay inside the package.
@Suite struct PublicAPITests {
  /// Protocol requirements (`document`, `json`, `csvRows`, `name`, `<`, `==`, `hash(into:)`, …) take their
  /// documentation from the protocol they satisfy. (A pattern that did not compile would excuse nothing, so the
  /// test below would fail.)
  static let witness = try? NSRegularExpression(
    pattern:
      #"public (var (document|json|csvRows|name|aliases|description|id|rawValue)\b|static let kindDescription|static func [<=]|func hash\(into|static func == |init\(from decoder|func encode\(to)"#
  )

  static func libraryFiles() throws -> [(path: String, text: String)] { try librarySourceFiles() }

  @Test func everyPublicSymbolHasADocComment() throws {
    var undocumented: [String] = []
    var checked = 0
    for (path, text) in try Self.libraryFiles() {
      let lines = text.components(separatedBy: "\n")
      for (index, line) in lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("public "), !trimmed.hasPrefix("public extension"), !trimmed.hasPrefix("public import")
        else { continue }
        if let witness = Self.witness,
          witness.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) != nil
        {
          continue
        }
        checked += 1
        var above = index - 1
        while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
        if above < 0 || !lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
          undocumented.append("\(path):\(index + 1): \(trimmed)")
        }
      }
    }
    #expect(checked > 900)
    #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
  }

  @Test func helpersAreNotPublic() throws {
    // The JSON reading toolkit (parser, node tree with its locations, paths) and the did-you-mean helper serve the
    // package's own front ends, not library users: they decode from `Data` through the public initialisers. (The
    // JSON output model, `JSONValue`, is public: it is what a report's `json` is.)
    let helpers = ["JSONParser.swift", "JSONNode.swift", "JSONPath.swift", "Suggestion.swift"]
    for (path, text) in try Self.libraryFiles() where helpers.contains(where: { path.hasSuffix("/" + $0) }) {
      #expect(!text.contains("\npublic "), "\(path) declares public API")
    }
    // Writers and the timestamp parser serve the renderers and readers; a library user calls `render(_:)` and the
    // ingest instead.
    let text = try Self.libraryFiles().map(\.text).joined()
    for helper in ["enum CSVWriter", "enum JSONWriter", "enum Timestamp"] {
      #expect(!text.contains("public \(helper)"), "\(helper) is public")
      #expect(text.contains("package \(helper)"), "\(helper) is gone or renamed: update this test")
    }
  }

  /// The library's public surface stays small (issue 29: at most 60 public top-level types); parts of a type are
  /// nested in it (`Quote.LineItem`, `Deployment.Gateway`, `UseCases.SizingRequest`), and what only the command
  /// line needs is `package`. Today 54.
  @Test func publicTopLevelTypesStayFew() throws {
    let declaration = try #require(
      try? NSRegularExpression(
        pattern: #"(?m)^public (final |indirect )?(struct|enum|class|protocol|typealias|actor) \w+"#))
    let count = try Self.libraryFiles().map { file in
      declaration.numberOfMatches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text))
    }.reduce(0, +)
    #expect(count <= 60, "\(count) public top-level types")
    #expect(count >= 40, "\(count) public top-level types: is the pattern still finding them?")
  }
}
