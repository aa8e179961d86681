import Foundation

extension Decimal {
  /// This value printed with exactly `places` decimals, no grouping, no locale.
  ///
  /// Rounds half to even first (for display only; money is rounded by the
  /// pricing rules before it gets here). `1234.5` with 2 places is `1234.50`.
  public func fixedPoint(places: Int, rule: RoundingRule = .toNearestOrEven) -> String {
    let rounded = self.rounded(toPlaces: places, rule: rule)
    var text = rounded.plainDescription
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
    let isZero = rounded == 0
    return negative && !isZero ? "-\(body)" : body
  }

  /// This value printed with grouping (`1,234.50`), for human-facing tables.
  public func grouped(places: Int) -> String {
    let plain = fixedPoint(places: places)
    var negative = false
    var text = Substring(plain)
    if text.hasPrefix("-") {
      negative = true
      text = text.dropFirst()
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = Array(parts[0])
    var groupedInteger = ""
    for (index, character) in integerPart.enumerated() {
      if index > 0 && (integerPart.count - index) % 3 == 0 { groupedInteger.append(",") }
      groupedInteger.append(character)
    }
    let result = parts.count > 1 ? "\(groupedInteger).\(parts[1])" : groupedInteger
    return negative ? "-\(result)" : result
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
    guard isFinite, exponent > -20, exponent < 20 else { return nil }
    let digitsValue = significand
    guard digitsValue < 1_000_000_000_000_000_000 else { return nil }
    let value = NSDecimalNumber(decimal: digitsValue).uint64Value
    if value == 0 { return "0" }
    var digits = String(value)
    if exponent >= 0 {
      digits += String(repeating: "0", count: exponent)
    } else {
      let places = -exponent
      if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
      while digits.hasSuffix("0") { digits.removeLast() }
      if digits.hasSuffix(".") { digits.removeLast() }
    }
    return sign == .minus ? "-" + digits : digits
  }
}
