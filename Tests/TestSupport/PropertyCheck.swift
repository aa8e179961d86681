import Foundation
import Testing

/// Runs a property over seeded random cases and reports a failing case so it can be reproduced.
///
/// Case `i` of the property named `name` uses the seed `base(name) + i`. A failure prints the seed, the command
/// that reruns that one case (`ERCALC_PROPERTY_SEED=<seed> swift test --filter <test>`) and the generated input.
/// `ERCALC_PROPERTY_SEED` runs only that seed in every property test; `ERCALC_PROPERTY_CASES` changes the
/// number of cases (more for a long local hunt, never fewer than the test asks for in CI).
public enum PropertyCheck {
  /// What one case did.
  public enum Outcome {
    /// The property was checked: `problems` is empty when it held. `input` is the generated input, shown on failure.
    case checked(input: String, problems: [String])
    /// The generated input was refused by ercalc (not counted); the message says why.
    case rejected(input: String, reason: String)
  }

  /// The seed of case `index` of the property `name`.
  public static func seed(_ name: String, case index: Int) -> UInt64 {
    // FNV-1a of the name, so each property has its own stream and adding one does not move the others.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash &+ UInt64(index)
  }

  /// The one seed of `ERCALC_PROPERTY_SEED`, if set.
  public static var singleSeed: UInt64? {
    ProcessInfo.processInfo.environment["ERCALC_PROPERTY_SEED"].flatMap { UInt64($0) }
  }

  /// How many cases a property asking for `cases` checks (more with `ERCALC_PROPERTY_CASES`, never fewer).
  public static func caseCount(_ cases: Int) -> Int {
    ProcessInfo.processInfo.environment["ERCALC_PROPERTY_CASES"].flatMap { Int($0) }.map { max($0, cases) } ?? cases
  }

  /// Runs `body` on seeds until `cases` cases were checked, and records an issue for each failing case (the first
  /// few in full).
  ///
  /// Refused inputs do not count; more than a fifth refused is a failure, so a generator that drifts out of what
  /// ercalc accepts cannot hollow the property out.
  ///
  /// `known` lists seeds that fail today because of a bug being fixed elsewhere, each with the reason: such a case
  /// is still run and its failure recorded as a known issue (`withKnownIssue`); once it passes, the test fails and
  /// asks for the seed to be removed from the list, so no exception outlives its bug.
  public static func run(
    _ name: String, cases: Int, test: String, known: [UInt64: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (UInt64) throws -> Outcome
  ) {
    var checked = 0
    var rejected: [(UInt64, String, String)] = []
    var failures = 0
    let wanted = singleSeed == nil ? caseCount(cases) : 1
    var index = 0
    while checked < wanted && index < wanted + wanted / 4 + 1 {
      let seed = singleSeed ?? seed(name, case: index)
      index += 1
      let outcome: Outcome
      do {
        outcome = try body(seed)
      } catch {
        Issue.record("\(name): seed \(seed) threw \(error)", sourceLocation: sourceLocation)
        failures += 1
        continue
      }
      switch outcome {
      case .checked(let input, let problems):
        checked += 1
        if let reason = known[seed] {
          if problems.isEmpty {
            Issue.record(
              "\(name): seed \(seed) is listed as a known failure (\(reason)) but now holds: remove it from the list",
              sourceLocation: sourceLocation)
          } else {
            withKnownIssue(Comment(rawValue: reason)) {
              Issue.record("\(name), seed \(seed): \(problems.joined(separator: "; "))", sourceLocation: sourceLocation)
            }
          }
          continue
        }
        guard !problems.isEmpty else { continue }
        failures += 1
        if failures <= 3 {
          Issue.record(
            """
            \(name) failed for seed \(seed)
            rerun: ERCALC_PROPERTY_SEED=\(seed) swift test --filter \(test)
            \(problems.prefix(12).map { "- " + $0 }.joined(separator: "\n"))
            input:
            \(input)
            """, sourceLocation: sourceLocation)
        }
      case .rejected(let input, let reason):
        rejected.append((seed, reason, input))
      }
    }
    if failures > 3 {
      Issue.record("\(name): \(failures) failing cases in all (the first 3 shown)", sourceLocation: sourceLocation)
    }
    if singleSeed != nil, let (seed, reason, input) = rejected.first {
      Issue.record("\(name): seed \(seed) was refused: \(reason)\ninput:\n\(input)", sourceLocation: sourceLocation)
      return
    }
    if checked < wanted {
      let (seed, reason, _) = rejected.first ?? (0, "", "")
      Issue.record(
        "\(name): \(rejected.count) of \(checked + rejected.count) generated inputs were refused (first: seed \(seed): \(reason))",
        sourceLocation: sourceLocation)
    }
  }
}
