import Foundation

extension Decimal {
  /// This value printed with exactly `places` decimals, no grouping, no locale.
  ///
  /// Rounds half to even first (for display only; money is rounded by the
  /// pricing rules before it gets here). `1234.5` with 2 places is `1234.50`.
  public func fixedPoint(places: Int, rule: RoundingRule = .toNearestOrEven) -> String {
    let rounded = self.rounded(toPlaces: places, rule: rule)
    return rounded.fixedPointOfSmallValue(places: places) ?? rounded.generalFixedPoint(places: places)
  }

  /// ``fixedPoint(places:rule:)`` of a value already rounded to `places`, from its text.
  func generalFixedPoint(places: Int) -> String {
    var text = plainDescription
    var negative = false
    if text.hasPrefix("-") {
      negative = true
      text.removeFirst()
    }
    var integerPart = text
    var fraction = ""
    if let dot = text.firstIndex(of: ".") {
      integerPart = String(text[text.startIndex..<dot])
      fraction = String(text[text.index(after: dot)...])
    }
    if integerPart.isEmpty { integerPart = "0" }
    if fraction.count < places {
      fraction += String(repeating: "0", count: places - fraction.count)
    }
    let body = places > 0 ? "\(integerPart).\(fraction)" : integerPart
    let isZero = self.isZero
    return negative && !isZero ? "-\(body)" : body
  }

  /// ``fixedPoint(places:rule:)`` of a value already rounded to `places`, from its significand in integers
  /// (every amount here); `nil` when the scaled significand does not fit in 64 bits.
  func fixedPointOfSmallValue(places: Int) -> String? {
    guard places >= 0, places <= 18, let parts = smallParts else { return nil }
    let shift = parts.exponent + places
    guard shift >= 0, shift <= 19 else { return nil }
    let (scaled, overflow) = parts.significand.multipliedReportingOverflow(by: UInt64.powerOfTen(shift))
    guard !overflow else { return nil }
    var digits = Array(String(scaled).utf8)
    if digits.count <= places {
      digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: places + 1 - digits.count), at: 0)
    }
    if places > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - places) }
    if parts.negative && scaled != 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }

  /// This value printed with grouping (`1,234.50`), for human-facing tables.
  public func grouped(places: Int) -> String {
    let plain = Array(fixedPoint(places: places).utf8)
    let start = plain.first == UInt8(ascii: "-") ? 1 : 0
    let dot = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.count
    var text: [UInt8] = []
    text.reserveCapacity(plain.count + (dot - start) / 3)
    text.append(contentsOf: plain[0..<start])
    for index in start..<dot {
      if index > start && (dot - index) % 3 == 0 { text.append(UInt8(ascii: ",")) }
      text.append(plain[index])
    }
    text.append(contentsOf: plain[dot...])
    return String(decoding: text, as: UTF8.self)
  }

  /// The shortest exact plain-notation text of this value (`0.025`, `436`, `-3.5`).
  ///
  /// `Decimal.description` is locale-independent on this platform, but this
  /// wrapper guarantees plain notation and no trailing zeros.
  public var plainDescription: String { plainDescriptionOfSmallValue ?? generalPlainDescription }

  /// ``plainDescription`` through `Decimal`'s own formatter, for any value.
  var generalPlainDescription: String {
    var text = "\(self)"
    if text.contains("."), !text.contains("e"), !text.contains("E") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }
}

extension Decimal {
  /// ``plainDescription`` built from the significand and exponent for values whose significand has at most 18
  /// digits (every price, quantity and amount here), without `Decimal`'s general formatter; `nil` otherwise.
  var plainDescriptionOfSmallValue: String? {
    guard let parts = smallParts, parts.exponent > -20, parts.exponent < 20,
      parts.significand < 1_000_000_000_000_000_000
    else { return nil }
    let value = parts.significand
    if value == 0 { return "0" }
    var digits = String(value)
    if parts.exponent >= 0 {
      digits += String(repeating: "0", count: parts.exponent)
    } else {
      let places = -parts.exponent
      if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
      while digits.hasSuffix("0") { digits.removeLast() }
      if digits.hasSuffix(".") { digits.removeLast() }
    }
    return parts.negative ? "-" + digits : digits
  }
}
