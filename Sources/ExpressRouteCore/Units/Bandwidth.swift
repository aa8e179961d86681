import Foundation

/// A data rate, such as a circuit's 10 Gbps capacity.
///
/// Stored as a whole number of bits per second, so `.gbps(1) == .mbps(1000)`
/// holds exactly. Prefixes are decimal (SI): 1 Mbps = 1 000 000 bit/s.
/// ExpressRoute bandwidth is duplex: a 1 Gbps circuit carries 1 Gbps each way.
public struct Bandwidth: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The rate in bits per second.
  public var bitsPerSecond: Int64

  /// Creates a rate from bits per second.
  public init(bitsPerSecond: Int64) { self.bitsPerSecond = bitsPerSecond }

  /// `value` megabits per second.
  public static func mbps(_ value: Int64) -> Bandwidth { Bandwidth(bitsPerSecond: value * 1_000_000) }
  /// `value` gigabits per second.
  public static func gbps(_ value: Int64) -> Bandwidth {
    Bandwidth(bitsPerSecond: value * 1_000_000_000)
  }

  /// The rate in megabits per second, exactly.
  public var megabitsPerSecond: Decimal { Decimal(bitsPerSecond) / 1_000_000 }

  /// `10 Gbps`, `500 Mbps`, `1500 Mbps`: the largest unit that gives a whole number.
  ///
  /// Rates that are not a whole number of Mbps (computed requirements) print
  /// in Mbps with one decimal, rounded up: `1,612.2 Mbps`.
  public var description: String {
    for (unit, size) in Self.units.reversed() where bitsPerSecond % size == 0 && bitsPerSecond >= size {
      if size >= 1_000_000 || bitsPerSecond < 1_000_000 { return "\(bitsPerSecond / size) \(unit)" }
    }
    if bitsPerSecond < 1_000_000 { return "\(bitsPerSecond) bps" }
    // Tenths of a megabit, rounded up, in integers: bits ÷ 100,000, then toward +∞.
    let tenths = bitsPerSecond / 100_000 + (bitsPerSecond % 100_000 > 0 ? 1 : 0)
    return "\(Decimal(sign: .plus, exponent: -1, significand: Decimal(tenths)).grouped(places: 1)) Mbps"
  }

  public static func < (lhs: Bandwidth, rhs: Bandwidth) -> Bool {
    lhs.bitsPerSecond < rhs.bitsPerSecond
  }

  static let units: [(String, Int64)] = [
    ("Kbps", 1_000), ("Mbps", 1_000_000), ("Gbps", 1_000_000_000), ("Tbps", 1_000_000_000_000),
  ]

  /// The provider-circuit sizes ExpressRoute sells, smallest first.
  public static let providerSizes: [Bandwidth] = [
    .mbps(50), .mbps(100), .mbps(200), .mbps(500), .gbps(1), .gbps(2), .gbps(5), .gbps(10),
  ]
}

extension Bandwidth {
  /// Parses `50Mbps`, `1Gbps`, `1 G`, `10G`, `500M`, `1.5 Gbps`, `2000 Mb/s`.
  ///
  /// The unit is required; accepted units are `bps`, `Kbps`, `Mbps`, `Gbps`,
  /// `Tbps` (case-insensitive, with optional `b/s` or `bit/s` spelling or the bare
  /// prefix letter). `1Gbit` is an amount of data, not a rate, and is rejected; so is a rate in bytes per second
  /// (`1 GBps`, `100 MB/s`: a capital `B` before a small `ps` or `/s`), eight times the bits
  /// (``unitMistake(in:)`` says so). The result must be a whole number of bits per second.
  public init?(parsing text: String) {
    guard Self.unitMistake(in: text) == nil, let (number, unit) = splitQuantity(text),
      let value = Decimal(strict: number),
      value > 0
    else { return nil }
    let normalized = unit.lowercased().replacingOccurrences(of: "b/s", with: "bps")
    let scale: Int64
    switch normalized {
    case "bps": scale = 1
    case "k", "kbps", "kbit/s": scale = 1_000
    case "m", "mbps", "mbit/s": scale = 1_000_000
    case "g", "gbps", "gbit/s": scale = 1_000_000_000
    case "t", "tbps", "tbit/s": scale = 1_000_000_000_000
    default: return nil
    }
    let bits = value * Decimal(scale)
    guard bits.isWholeNumber, bits <= Decimal(Int64.max / 2), let whole = bits.exactInt else {
      return nil
    }
    self.init(bitsPerSecond: Int64(whole))
  }

  /// What ``init(parsing:)`` accepts, for error messages.
  public static let expectedFormat = "a rate with a unit, such as 50Mbps, 1Gbps or 10 G"

  /// Why `text` is refused though it looks like a rate: an amount of data (`1Gbit`, `5 GB`), or bytes per second
  /// (`1 GBps`, `100 MB/s`), which ExpressRoute bandwidths are never given in; `nil` otherwise.
  public static func unitMistake(in text: String) -> String? {
    guard let (_, unit) = splitQuantity(text) else { return nil }
    let lower = unit.lowercased()
    if lower.hasSuffix("bit") || lower.hasSuffix("byte") || lower.hasSuffix("bits") || lower.hasSuffix("bytes") {
      return "'\(text)' is an amount of data, not a rate per second"
    }
    let perSecond = unit.hasSuffix("Bps") ? unit.dropLast(3) : unit.hasSuffix("B/s") ? unit.dropLast(3) : nil
    if let prefix = perSecond, prefix.isEmpty || (prefix.count == 1 && "KMGT".contains(prefix)) {
      return "'\(text)' is in bytes per second; ExpressRoute bandwidths are bits per second: write \(prefix)bps"
    }
    return nil
  }
}

/// Splits `"40 TB"` or `"40TB"` into its number and unit text.
func splitQuantity(_ text: String) -> (String, String)? {
  let trimmed = text.trimmedOfWhitespace()
  guard let unitStart = trimmed.firstIndex(where: { !("0"..."9").contains($0) && $0 != "." && $0 != "-" && $0 != "+" })
  else {
    return nil
  }
  let number = String(trimmed[trimmed.startIndex..<unitStart])
  let unit = trimmed[unitStart...].trimmedOfWhitespace()
  guard !number.isEmpty, !unit.isEmpty, !unit.contains(" ") else { return nil }
  return (number, unit)
}
