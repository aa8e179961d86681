import ExpressRouteCore
import Foundation

/// Seconds in an ISO 8601 duration (`PT1M`, `PT1H`, `P1D`) or a Python timedelta (`0:01:00`, `1 day, 0:00:00`).
func parseInterval(_ text: String) -> Int64? {
  let upper = text.uppercased()
  if upper.hasPrefix("P") {
    var seconds: Int64 = 0
    var number = ""
    var inTime = false
    for character in upper.dropFirst() {
      if character == "T" {
        inTime = true
        continue
      }
      if character.isNumber {
        number.append(character)
        continue
      }
      guard let value = Int64(number) else { return nil }
      number = ""
      switch (character, inTime) {
      case ("D", false): seconds += value * 86400
      case ("W", false): seconds += value * 7 * 86400
      case ("H", true): seconds += value * 3600
      case ("M", true): seconds += value * 60
      case ("S", true): seconds += value
      default: return nil
      }
    }
    return number.isEmpty && seconds > 0 ? seconds : nil
  }
  var days: Int64 = 0
  var clock = text
  if let comma = text.firstIndex(of: ",") {
    let dayPart = text[text.startIndex..<comma].split(separator: " ")
    guard let count = dayPart.first.flatMap({ Int64($0) }) else { return nil }
    days = count
    clock = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
  }
  let parts = clock.split(separator: ":")
  guard parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]),
    let s = Int64(parts[2].split(separator: ".")[0])
  else { return nil }
  let total = days * 86400 + h * 3600 + m * 60 + s
  return total > 0 ? total : nil
}

/// The resource name in an Azure resource ID (`…/expressRouteCircuits/ams-1/providers/…` → `ams-1`).
///
/// The last non-empty segment, or the one before a trailing `providers/microsoft.insights` (any case).
/// Read on the UTF-8 bytes: a new export blob asks this once per resource, and splitting into strings cost
/// about 60,000 instructions on a 150-byte ID.
func resourceName(_ id: String) -> String {
  var id = id
  return id.withUTF8 { bytes in
    // Non-empty segments between slashes, as byte ranges.
    var segments: [Range<Int>] = []
    var start = 0
    for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "/") {
      if position > start { segments.append(start..<position) }
      start = position + 1
    }
    func segment(_ index: Int, is lowercased: StaticString) -> Bool {
      let range = segments[index]
      return lowercased.withUTF8Buffer { expected in
        expected.count == range.count
          && zip(bytes[range], expected).allSatisfy { byte, want in (byte &- 0x41 < 26 ? byte | 0x20 : byte) == want }
      }
    }
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    if let providers = segments.indices.last(where: { segment($0, is: "providers") }), providers >= 1,
      providers + 1 < segments.count, segment(providers + 1, is: "microsoft.insights")
    {
      return text(segments[providers - 1])
    }
    return segments.last.map(text) ?? String(decoding: bytes, as: UTF8.self)
  }
}
