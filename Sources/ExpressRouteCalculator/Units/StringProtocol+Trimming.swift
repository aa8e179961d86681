import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
  /// This text without leading and trailing whitespace (Foundation's `CharacterSet.whitespaces`). Text that
  /// starts and ends with a visible ASCII character, as nearly every name and quantity does, is returned as it
  /// is without Foundation's scan.
  func trimmedOfWhitespace() -> String {
    if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return String(self) }
    return trimmingCharacters(in: .whitespaces)
  }
}
