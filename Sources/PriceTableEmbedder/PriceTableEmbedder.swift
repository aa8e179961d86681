// Writes the Swift source that embeds the default tables of PriceTables/ in the library (run by the
// EmbedPriceTables build plugin on every build whose tables changed):
//
//   PriceTableEmbedder OUTPUT.swift NAME=PATH ...
//
// Each NAME becomes `static let NAME: String` of `enum EmbeddedPriceTables`, holding the file's bytes exactly (a raw
// multi-line literal with more `#` than any run in the text, so nothing in the file can end or escape it), and
// `NAME + "File"` its file name. The output is written only when it changes, so an unchanged table rebuilds nothing.
import Foundation

/// The build tool (see the comment above). Its work is done inside ``main()``, so nothing it allocates outlives the
/// run (a leak checker, as `.ci/sanitize` runs one over every built tool, finds none).
@main enum PriceTableEmbedder {
  /// Fails the build with a message on standard error.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PriceTableEmbedder: error: \(message)\n".utf8))
    exit(1)
  }

  /// Writes the source for the tables named on the command line.
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    guard let output = arguments.first, arguments.count > 1 else {
      fail("usage: PriceTableEmbedder OUTPUT NAME=PATH ...")
    }

    var members: [String] = []
    for argument in arguments.dropFirst() {
      let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let name = parts.first, let path = parts.last else {
        fail("expected NAME=PATH: \(argument)")
      }
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        fail("cannot read \(path) as UTF-8")
      }
      // A multi-line literal turns `\r\n` into `\n` and drops the newline before its closing delimiter.
      guard !text.contains("\r"), text.hasSuffix("\n") else { fail("\(path) must end with a newline and have no \\r") }
      let hashes = String(
        repeating: "#", count: (text.split(whereSeparator: { $0 != "#" }).map(\.count).max() ?? 0) + 1)
      let file = URL(fileURLWithPath: path).lastPathComponent
      members.append(
        """
          /// The file name of `PriceTables/\(file)`.
          static let \(name)File = "\(file)"
          /// The contents of `PriceTables/\(file)`.
          static let \(name) = \(hashes)\"\"\"
        \(text)
        \"\"\"\(hashes)
        """)
    }

    let source = """
      // GENERATED at build time by PriceTableEmbedder (the EmbedPriceTables plugin) from PriceTables/: do not edit.

      /// The default tables, embedded so the binary works from any directory.
      enum EmbeddedPriceTables {
      \(members.joined(separator: "\n\n"))
      }

      """
    let data = Data(source.utf8)
    if FileManager.default.contents(atPath: output) != data {
      do {
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        fail("cannot write \(output): \(error)")
      }
    }
  }
}
