import Foundation

/// An amount of data transferred, such as a month's outbound traffic.
///
/// Stored as an exact decimal number of bytes. Decimal prefixes are SI
/// (1 GB = 1 000 000 000 bytes, the unit Azure meters data transfer in);
/// binary prefixes are IEC (1 GiB = 1 073 741 824 bytes).
public struct DataVolume: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The volume in bytes.
  public var bytes: Decimal

  /// Creates a volume from bytes.
  public init(bytes: Decimal) { self.bytes = bytes }

  /// `value` gigabytes (10⁹ bytes).
  public static func gigabytes(_ value: Decimal) -> DataVolume {
    DataVolume(bytes: value * 1_000_000_000)
  }

  /// No data.
  public static let zero = DataVolume(bytes: 0)

  /// The volume in gigabytes (10⁹ bytes), exactly.
  public var gigabytes: Decimal { bytes.shifted(byPowerOfTen: -9) }

  /// The volume carried by `rate` sustained for `seconds`.
  public init(rate: Bandwidth, seconds: Decimal) {
    // ÷ 8 as × 0.125: the same exact value without a Decimal division.
    bytes = FastDecimal.product(
      FastDecimal.product(Decimal(rate.bitsPerSecond), seconds), Decimal(sign: .plus, exponent: -3, significand: 125))
  }

  /// `40,000 GB`: gigabytes with grouping and up to three decimals (`161,051.0004` GB prints `161,051 GB`, never
  /// `161,051. GB`: a fraction that rounds to nothing drops its point too).
  public var description: String {
    let gb = gigabytes
    let places = gb.isWholeNumber ? 0 : 3
    var text = gb.grouped(places: places)
    if places > 0 {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return "\(text) GB"
  }

  public static func < (lhs: DataVolume, rhs: DataVolume) -> Bool { FastDecimal.isLess(lhs.bytes, rhs.bytes) }

  /// The sum of two volumes.
  public static func + (lhs: DataVolume, rhs: DataVolume) -> DataVolume {
    DataVolume(bytes: FastDecimal.sum(lhs.bytes, rhs.bytes))
  }

  /// A volume scaled by an exact factor (growth, months).
  public static func * (lhs: DataVolume, rhs: Decimal) -> DataVolume {
    DataVolume(bytes: FastDecimal.product(lhs.bytes, rhs))
  }
}

extension DataVolume {
  /// Parses `40TB`, `500GB`, `1.5TiB`, `40 000 GB` is rejected, `750 MB`.
  ///
  /// The unit is required: `B`, `KB`, `MB`, `GB`, `TB`, `PB` (SI) or `KiB`,
  /// `MiB`, `GiB`, `TiB`, `PiB` (IEC), case-insensitive, except that a capital prefix before a small `b` (`Gb`,
  /// `Mb`) is the usual spelling of bits and is rejected (``unitMistake(in:)`` says so): read as bytes it would be
  /// eight times the data. Negative values are rejected.
  public init?(parsing text: String) {
    guard Self.unitMistake(in: text) == nil, let (number, unit) = splitQuantity(text),
      let value = Decimal(strict: number),
      value >= 0
    else { return nil }
    let scale: Decimal
    switch unit.lowercased() {
    case "b": scale = 1
    case "kb": scale = 1_000
    case "mb": scale = 1_000_000
    case "gb": scale = 1_000_000_000
    case "tb": scale = 1_000_000_000_000
    case "pb": scale = 1_000_000_000_000_000
    case "kib": scale = 1_024
    case "mib": scale = 1_048_576
    case "gib": scale = 1_073_741_824
    case "tib": scale = 1_099_511_627_776
    case "pib": scale = 1_125_899_906_842_624
    default: return nil
    }
    self.init(bytes: value * scale)
  }

  /// What ``init(parsing:)`` accepts, for error messages.
  public static let expectedFormat = "a volume with a unit, such as 500GB, 40TB or 1.5TiB"

  /// Why `text` is refused though it looks like a volume: a unit of bits (`8000 Gb`, `500Mb`), which data volumes
  /// are never metered in; `nil` otherwise.
  public static func unitMistake(in text: String) -> String? {
    guard let (_, unit) = splitQuantity(text), unit.count == 2, let prefix = unit.first, unit.last == "b",
      "KMGTP".contains(prefix)
    else { return nil }
    return "'\(text)' is in \(prefix)b, bits; data is metered in bytes: write \(prefix)B (1 \(prefix)B = 8 \(prefix)b)"
  }
}
