import Foundation

/// A closed set of named values that input files and flags spell in words.
///
/// Matching ignores case, spaces, hyphens and underscores, so `ErGw1AZ`,
/// `ergw1az` and `ErGw-1-AZ` are the same; ``aliases`` adds other spellings.
public protocol ParsableName: CaseIterable, Hashable, Sendable {
  /// The canonical spelling, as printed.
  var name: String { get }
  /// Other accepted spellings.
  var aliases: [String] { get }
  /// What kind of thing this is, for messages (`circuit SKU`).
  static var kindDescription: String { get }
}

extension ParsableName {
  /// Other accepted spellings; none by default.
  public var aliases: [String] { [] }

  /// Matches `text` against names and aliases, ignoring case and separators.
  public init?(name text: String) {
    let key = normalizedName(text)
    guard
      let match = Self.allCases.first(where: { candidate in
        normalizedName(candidate.name) == key || candidate.aliases.contains { normalizedName($0) == key }
      })
    else { return nil }
    self = match
  }

  /// The canonical names of every case, in declaration order.
  public static var allNames: [String] { allCases.map(\.name) }

  /// `'x' is not a known circuit SKU (expected 'Local', 'Standard' or 'Premium')`.
  public static func invalidNameMessage(_ text: String) -> String {
    var message = "'\(text)' is not a known \(kindDescription) (expected \(Suggestion.list(allNames)))"
    if let suggestion = Suggestion.nearest(to: text, in: allNames) {
      message += "; did you mean '\(suggestion)'?"
    }
    return message
  }
}

extension ParsableName where Self: RawRepresentable, RawValue == String {
  /// The canonical spelling: the raw value.
  public var name: String { rawValue }
}

/// Lower-cases `text`, drops spaces, hyphens, underscores, dots and parentheses, and accents (`Querétaro` and `São Paulo`
/// find `Queretaro` and `Sao Paulo`).
package func normalizedName(_ text: String) -> String {
  // ASCII fast path: names and table keys are almost always ASCII.
  var bytes: [UInt8] = []
  bytes.reserveCapacity(text.utf8.count)
  for byte in text.utf8 {
    switch byte {
    case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
    case 0x41...0x5A: bytes.append(byte | 0x20)
    case 0x80...:
      // No locale: the same folding on every machine.
      return String(
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().filter {
          $0.isLetter || $0.isNumber
        })
    default: continue
    }
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// A ``ParsableName`` ordered by declaration: its ``rank`` is its place among `allCases`.
public protocol DeclarationOrdered: ParsableName, Comparable {}

extension DeclarationOrdered {
  /// Declaration order, from 0. Inlinable, so each enum's comparisons in other modules are specialised rather than
  /// run through the generic collection witnesses.
  @inlinable public var rank: Int {
    Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) } ?? 0
  }

  @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
