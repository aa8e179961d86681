import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

/// The row reader's circuit-name test: two masked words for names of up to 15 bytes, bytes for longer ones.
@Suite struct CSVNameFieldTests {
  /// Whether `field` (padded past its end, as a row's bytes are) matches `name`.
  private func matches(_ name: String, _ field: String, separator: UInt8 = 0x2C) -> Bool {
    let nameBytes = Array(name.utf8)
    let fieldBytes = Array(field.utf8) + [UInt8](repeating: 0x39, count: 32)
    return nameBytes.withUnsafeBufferPointer { namePointer in
      fieldBytes.withUnsafeBufferPointer { fieldPointer in
        // swift-format-ignore: NeverForceUnwrap
        // Neither buffer is empty.
        CSVNameField(name: namePointer.baseAddress!, length: nameBytes.count, separator: separator).matches(
          fieldPointer.baseAddress!)
      }
    }
  }

  @Test func everyLengthAcrossTheTwoWordsMatchesOnlyItsNameAndComma() {
    for length in 1...24 {
      let name = String((0..<length).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
      #expect(matches(name, name + ",1.5,2.5"), "\(length)")
      // No comma after it, another byte where the comma goes, a longer name that starts with it.
      #expect(!matches(name, name), "\(length)")
      #expect(!matches(name, name + ";1.5"), "\(length)")
      #expect(!matches(name, name + "x,1.5"), "\(length)")
      // A different first or last byte.
      #expect(!matches(name, "Z" + name.dropFirst() + ","), "\(length)")
      #expect(!matches(name, name.dropLast() + "Z,"), "\(length)")
    }
    // The names of real estates: a name that is the start of another.
    #expect(matches("circuit-1", "circuit-1,5"))
    #expect(!matches("circuit-1", "circuit-10,5"))
    #expect(matches("ercircuit-westeurope-01", "ercircuit-westeurope-01,5"))
    #expect(!matches("ercircuit-westeurope-01", "ercircuit-westeurope-02,5"))
  }

  @Test func everyLengthMatchesOnlyItsNameAndTheDialectsSeparator() {
    for length in 1...24 {
      let name = String((0..<length).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
      // Semicolon: the comma no longer ends the name.
      #expect(matches(name, name + ";1,5;2", separator: 0x3B), "\(length)")
      #expect(!matches(name, name + ",1;2", separator: 0x3B), "\(length)")
      // Tab: neither does the semicolon.
      #expect(matches(name, name + "\t1.5\t2", separator: 0x09), "\(length)")
      #expect(!matches(name, name + ";1\t2", separator: 0x09), "\(length)")
    }
  }

  @Test func noNameMatchesNothing() {
    let field = Array("a,1,2".utf8) + [UInt8](repeating: 0, count: 32)
    field.withUnsafeBufferPointer { pointer in
      // swift-format-ignore: NeverForceUnwrap
      // The buffer is not empty.
      #expect(!CSVNameField(name: pointer.baseAddress!, length: -1, separator: 0x2C).matches(pointer.baseAddress!))
    }
  }
}
