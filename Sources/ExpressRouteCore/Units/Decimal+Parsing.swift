import Foundation

extension Decimal {
  /// Parses plain decimal notation (`-12`, `436.07`, `.5`, `+3`) and nothing else.
  ///
  /// Unlike `Decimal(string:)`, which returns `12` for `"12abc"` and `1` for
  /// `"1,5"`, this initializer fails unless the whole string is a number.
  /// Exponents, grouping separators, spaces and `nan`/`inf` are rejected.
  public init?(strict text: some StringProtocol) {
    var digits = 0
    var dots = 0
    for (offset, character) in text.enumerated() {
      switch character {
      case "0"..."9":
        digits += 1
      case ".":
        dots += 1
      case "-":
        guard offset == 0 else { return nil }
      case "+":
        guard offset == 0 else { return nil }
      default:
        return nil
      }
    }
    guard digits > 0, dots <= 1, digits <= 38,
      let value = Decimal(string: String(text), locale: Locale(identifier: "en_US_POSIX"))
    else { return nil }
    self = value
  }

  /// Parses an unsigned amount in plain notation (`436`, `436.07`, `0.361`) and nothing else.
  ///
  /// Stricter than ``init(strict:)``: no sign and no bare point (`+436`, `.361`
  /// and `436.` are rejected), as prices and money amounts are written.
  public init?(plain text: some StringProtocol) {
    var digitsBefore = 0
    var digitsAfter = 0
    var sawPoint = false
    for character in text.utf8 {
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
      case UInt8(ascii: ".") where !sawPoint:
        sawPoint = true
      default:
        return nil
      }
    }
    guard digitsBefore > 0, !sawPoint || digitsAfter > 0, digitsBefore + digitsAfter <= 38 else { return nil }
    self.init(strict: text)
  }

  /// ``init(plain:)`` that also takes `,` grouping the whole part's digits in threes (`5,000.00`, `1,234,567`).
  ///
  /// A comma anywhere else is refused, not dropped: `7973,56` is a decimal comma (7,973.56), which read as a grouping
  /// would be 797,356.
  public init?(grouped text: some StringProtocol) {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    if parts.count > 1 && parts[1].contains(",") { return nil }
    if whole.contains(",") {
      let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
      guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
    }
    self.init(plain: text.replacingOccurrences(of: ",", with: ""))
  }

  /// Parses a JSON number lexeme (`12`, `-0.5`, `1e3`, `2.5E-2`) exactly.
  ///
  /// JSON numbers may carry an exponent; the mantissa is parsed strictly and
  /// scaled by the power of ten, so no binary floating point is involved.
  public init?(jsonNumber text: some StringProtocol) {
    let string = String(text)
    guard let exponentIndex = string.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      self.init(strict: string)
      return
    }
    let mantissaText = string[string.startIndex..<exponentIndex]
    let exponentText = string[string.index(after: exponentIndex)...]
    guard let mantissa = Decimal(strict: mantissaText), let exponent = Int(exponentText),
      abs(exponent) <= 100
    else { return nil }
    var result = mantissa
    var power = exponent
    while power > 0 {
      result *= 10
      power -= 1
    }
    while power < 0 {
      result /= 10
      power += 1
    }
    self = result
  }

  /// Whether this value has no fractional part.
  public var isWholeNumber: Bool {
    rounded(toPlaces: 0, rule: .towardZero) == self
  }
}
