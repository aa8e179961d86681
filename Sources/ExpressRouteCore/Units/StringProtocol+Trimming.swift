import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
  /// This text without leading and trailing whitespace (Foundation's `CharacterSet.whitespaces`: spaces, tabs and
  /// the other Unicode space separators). ASCII spaces and tabs are trimmed here; only text that then starts or
  /// ends with a non-ASCII character (which may be a Unicode space) goes through Foundation's scan.
  package func trimmedOfWhitespace() -> String {
    let bytes = utf8
    func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
    while start < end, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
    if start < end, bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
      return trimmingCharacters(in: .whitespaces)
    }
    return String(self[start..<end])
  }
}
