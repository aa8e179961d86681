import Foundation
import TestSupport
import Testing

/// A newcomer follows the README top to bottom from a fresh clone: every `sh` block runs, in order, in one shell,
/// in a scratch copy of the files a clone has (`Reports/`, `PriceTables/`, the test fixtures), with the built
/// `ercalc` first on `PATH`. `swift build`, `swift test` and `swift format` are stubbed (the suite cannot run itself);
/// `swift run ercalc …` runs the binary. The Development block is checked without running: each line must be a
/// `swift` command or a script the repository holds.
@Suite struct ReadmeWalkthroughTests {
  /// One fenced block of the README.
  struct Block {
    var language: String
    var text: String
    /// 1-based line of the opening fence.
    var line: Int
    /// The `##` heading the block sits under.
    var section: String
  }

  static func blocks() throws -> [Block] {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var blocks: [Block] = []
    var open: Block?
    var section = ""
    for (index, line) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if var block = open {
        if line.hasPrefix("```") {
          blocks.append(block)
          open = nil
        } else {
          block.text += line + "\n"
          open = block
        }
      } else if line.hasPrefix("```") {
        open = Block(language: String(line.dropFirst(3)), text: "", line: index + 1, section: section)
      } else if line.hasPrefix("## ") {
        section = String(line.dropFirst(3))
      }
    }
    return blocks
  }

  @Test func everyShellBlockRunsFromAFreshClone() throws {
    let shellBlocks = try Self.blocks().filter { $0.language == "sh" && $0.section != "Development" }
    #expect(shellBlocks.count >= 12, "the README lost its runnable examples")
    let scratch = try temporaryDirectory("readme-walkthrough")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let fileManager = FileManager.default
    for folder in ["Reports", "PriceTables", "Tests/ExpressRouteCLITests/Fixtures"] {
      let target = scratch.appendingPathComponent(folder)
      try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fileManager.copyItem(at: packageRoot.appendingPathComponent(folder), to: target)
    }
    var script = """
      set -euo pipefail
      swift() {
        case "$1" in
          build|test|format) return 0 ;;
          run) shift; [ "$1" = ercalc ] && shift; ercalc "$@" ;;
          *) echo "README walkthrough: unexpected 'swift $*'" >&2; return 1 ;;
        esac
      }

      """
    for block in shellBlocks {
      script += "echo '>>> README.md:\(block.line)' >&2\n" + block.text
    }
    let scriptFile = scratch.appendingPathComponent("walkthrough.sh")
    try script.write(to: scriptFile, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [scriptFile.path]
    process.currentDirectoryURL = scratch
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = ercalcBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["GITHUB_STEP_SUMMARY"] = nil
    environment["ERCALC_THREADS"] = nil
    process.environment = environment
    let errors = scratch.appendingPathComponent("stderr.txt")
    _ = fileManager.createFile(atPath: errors.path, contents: nil)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    let failedAt = log.split(separator: "\n").last { $0.hasPrefix(">>> README.md:") } ?? "before the first block"
    #expect(
      process.terminationStatus == 0,
      "the README's sh block at \(failedAt.dropFirst(4)) failed (exit \(process.terminationStatus)):\n\(log.suffix(3000))"
    )

    // Every file a block writes with --output is there afterwards.
    let outputs = shellBlocks.flatMap { block -> [String] in
      let words = block.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
      return zip(words, words.dropFirst()).filter { $0.0 == "--output" }.map(\.1)
    }
    #expect(outputs.count >= 4)
    for output in outputs where !output.contains("$") {
      #expect(fileManager.fileExists(atPath: scratch.appendingPathComponent(output).path), "\(output) was not written")
    }
  }

  @Test func developmentCommandsExist() throws {
    let development = try Self.blocks().filter { $0.language == "sh" && $0.section == "Development" }
    #expect(development.count == 1)
    for block in development {
      for line in block.text.split(separator: "\n") {
        let command = line.split(separator: "#", maxSplits: 1)[0]
        let words = command.split(separator: " ").filter { !$0.contains("=") }
        guard let program = words.first else { continue }
        if program == "swift" {
          #expect(
            ["build", "test", "format"].contains(words.dropFirst().first ?? ""), "README.md:\(block.line): \(line)")
        } else {
          #expect(
            FileManager.default.isExecutableFile(atPath: packageRoot.appendingPathComponent(String(program)).path),
            "README.md:\(block.line): \(program) is not an executable file in the repository")
        }
      }
    }
  }

  /// Every `json` block is valid JSON: a whole document, or a fragment (`"key": value`) that is valid inside braces.
  @Test func everyJSONBlockParses() throws {
    let blocks = try Self.blocks().filter { $0.language == "json" }
    #expect(blocks.count >= 4)
    for block in blocks {
      let whole = try? JSONSerialization.jsonObject(with: Data(block.text.utf8))
      let fragment = try? JSONSerialization.jsonObject(with: Data(("{" + block.text + "}").utf8))
      #expect(whole != nil || fragment != nil, "README.md:\(block.line): the json block is not valid JSON")
    }
  }

  /// Help text that sends the reader to a README section names one that exists.
  @Test func helpTextPointsAtExistingSections() throws {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let headings = readme.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
      heading.drop { $0 == "#" || $0 == " " }.replacingOccurrences(of: "`", with: "")
    }
    let specs = packageRoot.appendingPathComponent("Sources/ExpressRouteCLI")
    let files = try #require(FileManager.default.enumerator(at: specs, includingPropertiesForKeys: nil))
    var references = 0
    for case let file as URL in files where file.pathExtension == "swift" {
      let source = try String(contentsOf: file, encoding: .utf8)
      var rest = source[...]
      while let start = rest.range(of: "README, '") {
        let tail = rest[start.upperBound...]
        guard let end = tail.firstIndex(of: "'") else { break }
        let name = String(tail[..<end])
        references += 1
        #expect(
          headings.contains { $0.hasPrefix(name) }, "\(file.lastPathComponent) points to README section '\(name)'")
        rest = tail[end...]
      }
    }
    #expect(references >= 3)
  }
}
