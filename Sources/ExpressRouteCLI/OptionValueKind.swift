import ExpressRouteCalculator
import Foundation

/// What an option's value is: parsing, case-folding and the "invalid value" message are written once here.
///
/// ``CommandSpec/parse(_:)`` checks every value against its kind, so a command
/// reads a value that has already been validated (``ParsedArguments/bandwidth(_:)``
/// and friends) and every bad value gets the same message shape:
/// `The value 'x' is invalid for '--option <placeholder>'. Please provide …`.
public enum OptionValueKind: Sendable {
  /// Free text, such as a report title or a location name checked later against the catalogue.
  case text
  /// A file path (`-` for standard input where the command reads one).
  case path
  /// A data rate with a unit (``Bandwidth``).
  case bandwidth
  /// A data volume with a unit (``DataVolume``).
  case volume
  /// The size of one input document: a data volume with a unit, more than 0 and at most ``maximumInputSize``.
  case inputSize
  /// A non-negative amount of money; `,` grouping is allowed (`5,000.00`).
  case money
  /// A whole number within the range.
  case count(ClosedRange<Int>)
  /// A calendar month, `YYYY-MM`.
  case month
  /// Hours in a billing month, more than 0 and at most 744.
  case hours
  /// A non-negative percentage, `25` or `25%`.
  case percentage
  /// One of a closed set of names, matched ignoring case, spaces, hyphens and underscores.
  case choice([String])
  /// A three-letter ISO 4217 currency code, upper-cased (`eur` is `EUR`).
  case currencyCode
  /// An absolute `http` or `https` URL.
  case url
  /// A discount: `12%` on every Azure charge, or `circuits=10%` on one meter family (the `%` is required).
  case discount
  /// A gate level: an amount (`500`, `5,000.00`) or a percentage of the before side (`+10%`); see ``CostGate``.
  case threshold

  /// The canonical value of `text`, or `nil` when it is not of this kind.
  func canonical(_ text: String) -> String? {
    switch self {
    case .text: return text.isEmpty ? nil : text
    case .path: return text.isEmpty ? nil : text
    case .bandwidth: return Bandwidth(parsing: text) == nil ? nil : text
    case .volume: return DataVolume(parsing: text) == nil ? nil : text
    case .inputSize:
      return DataVolume(parsing: text).map { $0.bytes >= 1 && $0.bytes <= Decimal(Self.maximumInputSize) } == true
        ? text : nil
    case .money: return Self.money(text) == nil ? nil : text
    case .count(let range): return Int(text).map { range.contains($0) } == true ? text : nil
    case .month: return Self.month(text) == nil ? nil : text
    case .hours: return Decimal(plain: text).map { $0 > 0 && $0 <= 744 } == true ? text : nil
    case .percentage: return Self.percentage(text) == nil ? nil : text
    case .choice(let names):
      let key = Self.fold(text)
      return names.first { Self.fold($0) == key }
    case .currencyCode: return CurrencyCode(text.uppercased()).map { _ in text.uppercased() }
    case .discount: return Discounts.parse(option: text) == nil ? nil : text
    case .threshold: return CostGate.Threshold(parsing: text) == nil ? nil : text
    case .url:
      guard let components = URLComponents(string: text), components.scheme == "http" || components.scheme == "https",
        components.host?.isEmpty == false
      else { return nil }
      return text
    }
  }

  /// The end of the message: what a valid value looks like.
  func expected(_ text: String) -> String {
    switch self {
    case .text: return "Please provide a non-empty value."
    case .path: return "Please provide a file path."
    case .bandwidth:
      return "Please provide \(Bandwidth.expectedFormat)." + (Bandwidth.unitMistake(in: text).map { " \($0)." } ?? "")
    case .volume:
      return "Please provide \(DataVolume.expectedFormat)." + (DataVolume.unitMistake(in: text).map { " \($0)." } ?? "")
    case .inputSize:
      return
        "Please provide a size with a unit from 1B to \(Self.describeBytes(Self.maximumInputSize)), such as 512MB (a document is held in memory while it is read: at most 4 GiB, and no more than this machine's memory)."
    case .money:
      return
        "Please provide an amount such as 5000 or 5,000.00 (a point before the cents; a comma only between groups of three digits)."
    case .count(let range): return "Please provide a whole number from \(range.lowerBound) to \(range.upperBound)."
    case .month: return "Please provide a month from 1970-01 to 2199-12, such as 2026-01."
    case .hours: return "Please provide a number of hours from 1 to 744, such as 730."
    case .percentage: return "Please provide a percentage such as 25 or 25%."
    case .choice(let names):
      var sentence = CommandSpec.allowedValuesSentence(names)
      if let near = Suggestion.nearest(to: text, in: names) { sentence = "Did you mean '\(near)'? " + sentence }
      return sentence
    case .currencyCode: return "Please provide a three-letter currency code such as EUR."
    case .url: return "Please provide an http or https URL."
    case .threshold:
      return
        "Please provide an amount such as 500 or 5,000.00 (a point before the cents; a comma only between groups of three digits), or a percentage of the before side's total such as +10% (one % sign)."
    case .discount:
      if Discounts.lacksPercentSign(text) {
        return
          "A discount needs its % sign: write '\(text)%' if that is the percentage you mean (a bare 0.12 could mean 0.12% or 12%; twelve percent is 12%)."
      }
      return
        "Please provide a percentage below 100 such as 12%, or a meter family and a percentage such as circuits=10% (families: \(Discounts.sections.joined(separator: ", ")))."
    }
  }

  /// The largest `--max-input-size`: 4 GiB, or the machine's physical memory when that is less (a document and its
  /// parse are held in memory, so a larger limit could only end in running out of it).
  static let maximumInputSize = Int(min(UInt64(4) << 30, max(ProcessInfo.processInfo.physicalMemory, 1 << 20)))

  /// `4 GiB`, `3,977 MiB` or `123,456 bytes`.
  static func describeBytes(_ bytes: Int) -> String {
    if bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
    if bytes % (1 << 20) == 0 { return "\(Decimal(bytes >> 20).grouped(places: 0)) MiB" }
    return "\(Decimal(bytes).grouped(places: 0)) bytes"
  }

  /// Lower-cased, without spaces, hyphens and underscores: `VPN-Gw1_AZ` and `vpngw1az` match.
  static func fold(_ text: String) -> String {
    String(text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
  }

  static func money(_ text: String) -> Decimal? {
    Decimal(grouped: text)
  }

  static func month(_ text: String) -> MonthKey? { MonthKey(parsing: text) }

  static func percentage(_ text: String) -> Decimal? {
    Decimal(plain: text.hasSuffix("%") ? String(text.dropLast()) : text)
  }
}

extension ParsedArguments {
  /// The value of a ``OptionValueKind/bandwidth`` option.
  func bandwidth(_ name: String) -> Bandwidth? { value(name).flatMap { Bandwidth(parsing: $0) } }
  /// The value of a ``OptionValueKind/volume`` option.
  func volume(_ name: String) -> DataVolume? { value(name).flatMap { DataVolume(parsing: $0) } }
  /// The value of a ``OptionValueKind/money`` option.
  func money(_ name: String) -> Decimal? { value(name).flatMap { OptionValueKind.money($0) } }
  /// The value of a ``OptionValueKind/count(_:)`` option.
  func count(_ name: String) -> Int? { value(name).flatMap { Int($0) } }
  /// The value of a ``OptionValueKind/month`` option.
  func month(_ name: String) -> MonthKey? { value(name).flatMap { OptionValueKind.month($0) } }
  /// The value of a ``OptionValueKind/hours`` or other plain decimal option.
  func decimal(_ name: String) -> Decimal? { value(name).flatMap { Decimal(plain: $0) } }
  /// The value of a ``OptionValueKind/percentage`` option, as a fraction (`25%` is 0.25).
  func fraction(_ name: String) -> Decimal? { value(name).flatMap { OptionValueKind.percentage($0) }.map { $0 / 100 } }
  /// The value of a ``OptionValueKind/choice(_:)`` option as a ``ParsableName`` case.
  func name<T: ParsableName>(_ name: String, as type: T.Type) -> T? { value(name).flatMap { T(name: $0) } }
}
