import ExpressRouteCore

/// The CSV dialect ercalc reads, named in one place: fields separated by commas, `"` quotes with `""` inside them
/// (RFC 4180), lines ending in `\n` or `\r\n`. Every byte-level routine of the CSV reader (the plain-row fast path,
/// the general row parser, the header and blank-line checks, the name fields) takes its separator from here, so
/// another separator is a change of this one constant; the straight-line readers compare with it as an immediate.
enum CSVDialect {
  /// The field separator.
  static let delimiter: UInt8 = 0x2C
}
