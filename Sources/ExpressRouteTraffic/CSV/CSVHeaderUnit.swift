import ExpressRouteCore

/// The unit a traffic column's header names for its values (`Bits Out (Mb/s)`, `[Gbps]`, `OutMbps`), read once per
/// file.
///
/// A unit in brackets is a claim about the values, so it must be a rate in bits per second: `bps`, `Kbps`, `Mbps`,
/// `Gbps`, `Tbps`, their `b/s`, `bit/s`, `bits` and `bit` spellings and the words (`Megabits per second`); anything
/// else (`(MB)`, `(Mibps)`, `(%)`, bytes per second in any spelling) is refused, since reading its values as bit/s
/// would be off by a factor nobody chose. Without brackets, the header's last word (`Bits Out Mbps`) or a unit run
/// into the name (`OutMbps`) scales the values; a name that names no unit is bit/s.
enum CSVHeaderUnit {
  /// Bits per second per unit of the column's values, or why the header's unit cannot be read as a rate.
  static func scale(of header: String) -> Result<Double, UnitError> {
    if let open = header.lastIndex(where: { $0 == "(" || $0 == "[" }),
      let end = header[open...].firstIndex(of: header[open] == "(" ? ")" : "]")
    {
      let unit = String(header[header.index(after: open)..<end]).trimmedOfWhitespace()
      switch rate(unit) {
      case .bits(let scale): return .success(scale)
      case .bytes: return .failure(.bytes(unit))
      case .notARate: return .failure(.notARate(unit))
      case .none: break  // `(Average)`: not a unit
      }
    }
    let words = header.split { " _-.:;|()[]".contains($0) }.map(String.init)
    if let last = words.last, words.count > 1 {
      switch rate(last) {
      case .bits(let scale): return .success(scale)
      case .bytes: return .failure(.bytes(last))
      case .notARate, .none: break
      }
    }
    // A unit run into the name: `OutMbps`, `InGbits`; `OutMBps` is bytes. Never `t` (`OutBits` holds "tbits").
    if header.wholeMatch(of: /.*[A-Za-z][KMGTkmgt]B(ps|\/s)/) != nil { return .failure(.bytes(header)) }
    let lower = header.lowercased()
    for (prefix, scale) in [("g", 1e9), ("m", 1e6), ("k", 1e3)]
    where lower.contains(prefix + "bps") || lower.contains(prefix + "bits") {
      return .success(scale)
    }
    return .success(1)
  }

  /// Why a header's unit is refused.
  enum UnitError: Error, Equatable {
    /// A rate in bytes per second, or an amount in bytes.
    case bytes(String)
    /// Not a rate in bits per second at all (`MB`, `Mibps`, `%`).
    case notARate(String)
  }

  /// What a unit's text is.
  private enum Reading { case bits(Double), bytes, notARate, none }

  /// Reads `text` as a unit: bits per second at a scale, bytes, a unit that is not a rate in bits (`Mb`, `Mibps`,
  /// `%`), or no unit at all (`Average`).
  private static func rate(_ text: String) -> Reading {
    let compact = text.filter { !$0.isWhitespace }
    let lower = compact.lowercased()
    if lower.contains("byte") || lower.contains("octet") { return .bytes }
    if compact == "%" { return .notARate }
    let prefixes: [String: Double] = ["": 1, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12]
    // Symbols. A small b, or a B before `it` (`MBit/s`), is bits; a capital B alone or before `ps` or `/s` is bytes,
    // unless the whole unit is in capitals as order forms write bits (`GBPS`). A bare `Mb` says no "per second".
    if let match = compact.wholeMatch(of: /([KkMmGgTtPp]?)(i?)([bB])(.*)/) {
      let rest = String(match.4)
      let scale = prefixes[match.1.lowercased()]
      let perSecond = ["ps", "/s", "it/s", "its/s", "itps", "it", "its", "itspersecond"].contains(rest.lowercased())
      guard match.2.isEmpty, let scale else { return .notARate }  // IEC (`Mibps`) or peta
      if match.3 == "B" && !rest.lowercased().hasPrefix("it") {
        return compact == compact.uppercased() && rest == "PS" ? .bits(scale) : .bytes
      }
      return perSecond ? .bits(scale) : .notARate
    }
    // Words: `Megabits per second`, `kilobits/s`, `bits per second`.
    if let match = lower.wholeMatch(of: /(kilo|mega|giga|tera)?bits?(persecond|\/s|\/sec|ps)?/) {
      return .bits(prefixes[String(match.1?.prefix(1) ?? "")] ?? 1)
    }
    return .none
  }
}
