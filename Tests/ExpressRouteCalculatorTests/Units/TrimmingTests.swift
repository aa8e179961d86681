import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The ASCII shortcut of `trimmedOfWhitespace()` trims exactly what Foundation's `.whitespaces` trims.
@Suite struct TrimmingTests {
  @Test func trimmingMatchesFoundation() {
    // Spaces, tabs, a no-break space, an ideographic space, line breaks (not whitespace here), letters, an accent.
    let pieces = [" ", "\t", "\u{00A0}", "\u{3000}", "\n", "\r\n", "a", "B", "é", "1", "'", "circuit "]
    var random = SplitMix(state: 5)
    for _ in 0..<20_000 {
      let text = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      #expect(text.trimmedOfWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
      let slice = text.dropFirst()
      #expect(slice.trimmedOfWhitespace() == slice.trimmingCharacters(in: .whitespaces))
    }
  }
}
