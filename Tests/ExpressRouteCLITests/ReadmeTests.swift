import Foundation
import TestSupport
import Testing

/// The README's worked examples must show what the tool prints today (compared by ``Golden``: an example cut with
/// a `…` line shows the start of the output; `RECORD_SNAPSHOTS=1` rewrites the examples).
@Suite struct ReadmeTests {
  /// Every `$ ercalc …` line of the README, in order: each shown output is checked, none is left out by a list here.
  static let commands: [String] = {
    let readme = (try? String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    return readme.split(separator: "\n").filter { $0.hasPrefix("$ ercalc ") }.map { String($0.dropFirst(2)) }
  }()

  /// Splits a shown command line into words as the shell does for the README's simple quoting (`"Washington DC"`).
  static func words(_ command: String) -> [String] {
    var words: [String] = []
    var word = ""
    var quoted = false
    var started = false
    for character in command {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { words.append(word) }
        word = ""
        started = false
      } else {
        word.append(character)
        started = true
      }
    }
    if started { words.append(word) }
    return words
  }

  @Test func theReadmeShowsItsExamples() {
    // 12 examples when this was written; a README that lost them would pass the parameterised test vacuously.
    #expect(Self.commands.count >= 12)
    #expect(
      Self.words(#"ercalc compare --location "Washington DC" --with-vpn"#) == [
        "ercalc", "compare", "--location", "Washington DC", "--with-vpn",
      ])
  }

  /// Files an earlier `sh` block of the README writes, which an example then reads: each is the golden that a test
  /// checks is exactly what that block writes (`PriceSheetImportTests` for the price sheet's override file).
  static let madeByTheReadme = [
    "ea-prices.json": "Tests/ExpressRouteCLITests/Snapshots/price-sheet-ea-override.json"
  ]

  @Test(arguments: commands)
  func readmeExampleMatchesTheTool(_ command: String) {
    let arguments = Self.words(command).dropFirst().map { word -> String in
      if let made = Self.madeByTheReadme[word] { return packageRoot.appendingPathComponent(made).path }
      return word.contains("/") ? packageRoot.appendingPathComponent(word).path : word
    }
    let result = ercalc(arguments + ["--quiet"].filter { _ in command.contains(" size ") })
    // Examples show standard output, then standard error (the error examples show only that).
    let printed = (result.output + result.errors).replacingOccurrences(of: packageRoot.path + "/", with: "")
    Golden.checkExample(printed, after: "$ \(command)", in: packageRoot.appendingPathComponent("README.md"))
  }
}

/// The README's library example is the compiled one in LibraryExampleTests.
@Suite struct ReadmeLibraryExampleTests {
  @Test func readmeLibraryExampleIsTheCompiledOne() throws {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(
      contentsOf: packageRoot.appendingPathComponent("Tests/ExpressRouteCalculatorTests/LibraryExampleTests.swift"),
      encoding: .utf8)
    let begin = try #require(source.range(of: "// BEGIN README EXAMPLE\n"))
    let end = try #require(source.range(of: "// END README EXAMPLE"))
    let example = String(source[begin.upperBound..<end.lowerBound])
    #expect(
      readme.contains("```swift\nimport ExpressRouteCalculator\n\n" + example + "```"),
      "README's library example differs from the compiled one")
  }
}
