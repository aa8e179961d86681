import ExpressRouteCore

/// The fast path of ``CSVScanner``: reads runs of plain data rows field by field, word at a time.
///
/// A plain row has exactly the header's fields, separated by the file's ``CSVDialect/separator``, no quotes, no
/// spaces around values, rates of 1 to 15 whole digits (a decimal point, or the dialect's decimal comma, and a
/// fraction allowed, 19 digits in all), a timestamp equal to the previous row's or one ``Timestamp/parse(_:)`` accepts, and a circuit name
/// already seen (the one after the previous row's, or the same). Anything else
/// (empty cells, `null`, exponents, quotes, a new circuit, a bad value) stops the
/// run and the general row parser handles the row, so both paths produce the
/// same samples and the same errors.
struct CSVPlainRowReader: ~Copyable {
  /// A row must start at least this many bytes before the end of the buffer:
  /// every word load of a row stays inside.
  static let window = 512
  /// Fields may not start past `window - margin` from the row start, which leaves room for two
  /// rate fields (each at most 16 digits, a point and a 16-byte load) and their terminators.
  /// Timestamps are at most 48 bytes.
  static let margin = 128
  static let longestTimestamp = 48
  /// Row templates (``CSVRowTemplate``) a straight run holds that the next row does not match before it stops
  /// holding them.
  static let templateMisses = 8

  private enum Kind: UInt8 {
    case other, time, circuit, inbound, outbound
  }

  /// Column orders with a straight-line reader; any other order walks the columns.
  private enum Shape {
    /// `Time, Circuit, In, Out`: long format, as ercalc documents it.
    case long
    /// `Time, In, Out`: one circuit.
    case wide
    case general
  }

  private let kinds: UnsafeMutablePointer<UInt8>
  private let shape: Shape
  private let fieldCount: Int
  private let inboundScale: Double
  private let outboundScale: Double
  private let singleCircuit: Int
  /// The file's dialect (``CSVColumnLayout/dialect``): its separator ends fields, its decimal mark may start a
  /// rate's fraction.
  let dialect: CSVDialect
  /// The circuit names' bytes, one after another.
  private var names: UnsafeMutablePointer<UInt8>
  /// Each circuit's name in `names` and its length (-1 when the name cannot appear unquoted), with the words the
  /// straight-line loops compare it and its comma as.
  private var nameFields: UnsafeMutablePointer<CSVNameField>
  private var nameCount: Int
  /// The previous timestamp's field, which the next rows usually repeat; shared with the general path.
  var lastTime = Timestamp.HourMemo()

  /// A reader for rows of `layout`.
  init(layout: CSVColumnLayout, circuitNames: [[UInt8]], singleCircuit: Int) {
    fieldCount = layout.headers.count
    kinds = .allocate(capacity: max(fieldCount, 1))
    kinds.initialize(repeating: Kind.other.rawValue, count: max(fieldCount, 1))
    kinds[layout.time] = Kind.time.rawValue
    if let column = layout.circuit { kinds[column] = Kind.circuit.rawValue }
    if let column = layout.inbound { kinds[column] = Kind.inbound.rawValue }
    if let column = layout.outbound { kinds[column] = Kind.outbound.rawValue }
    let order = Array(UnsafeBufferPointer(start: kinds, count: fieldCount)).map { Kind(rawValue: $0) ?? .other }
    switch order {
    case [.time, .circuit, .inbound, .outbound]: shape = .long
    case [.time, .inbound, .outbound]: shape = .wide
    default: shape = .general
    }
    inboundScale = layout.inboundScale
    outboundScale = layout.outboundScale
    self.singleCircuit = singleCircuit
    dialect = layout.dialect
    names = .allocate(capacity: 1)
    nameFields = .allocate(capacity: 1)
    nameCount = 0
    setCircuitNames(circuitNames)
  }

  /// The reader owns its buffers: they go when it does (it cannot be copied, so nothing else holds them).
  deinit {
    kinds.deallocate()
    names.deallocate()
    nameFields.deinitialize(count: nameCount)
    nameFields.deallocate()
  }

  /// Replaces the known circuit names (after the general path added one).
  mutating func setCircuitNames(_ circuitNames: [[UInt8]]) {
    names.deallocate()
    nameFields.deinitialize(count: nameCount)
    nameFields.deallocate()
    let total = circuitNames.reduce(0) { $0 + $1.count }
    names = .allocate(capacity: max(total, 1))
    nameFields = .allocate(capacity: max(circuitNames.count, 1))
    var offset = 0
    for (index, name) in circuitNames.enumerated() {
      // A name with a separator, quote or line break only matches a quoted field: leave it to the general path.
      let plain =
        !name.isEmpty && name.count < Self.window - Self.margin
        && !name.contains { $0 == dialect.separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      (names + offset).initialize(from: name, count: name.count)
      (nameFields + index).initialize(
        to: CSVNameField(name: names + offset, length: plain ? name.count : -1, separator: dialect.separator))
      offset += name.count
    }
    nameCount = circuitNames.count
  }

  /// Reads plain rows from `start` while each starts at least ``window`` bytes before `end`, staging
  /// each one; stops at the first row that is not plain and returns its start.
  ///
  /// `line` and `rows` count the rows read; `lastCircuit` is the previous row's circuit.
  mutating func readRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, line: inout Int, rows: inout Int, lastCircuit: inout Int,
    staging: SampleStaging, series: inout [SeriesAccumulator], file: String
  ) throws(Diagnostic) -> Int {
    var rowStart = start
    // A local copy, so the loop keeps it in registers.
    var memo = lastTime
    var circuit = lastCircuit
    var repeated = false
    defer {
      lastCircuit = circuit
      lastTime = memo
    }
    let inboundScale = self.inboundScale
    let outboundScale = self.outboundScale
    let dialect = self.dialect
    switch shape {
    case .long:
      let lineBefore = line
      rowStart = try readLongRun(
        base, from: rowStart, end: end, line: &line, memo: &memo, circuit: &circuit, staging: staging, series: &series,
        file: file)
      rows &+= line &- lineBefore
    case .wide:
      let lineBefore = line
      rowStart = try readWideRun(
        base, from: rowStart, end: end, line: &line, memo: &memo, circuit: &circuit, staging: staging, series: &series,
        file: file)
      rows &+= line &- lineBefore
    case .general:
      let lastField = fieldCount - 1
      rowLoop: while rowStart + Self.window <= end {
        var p = rowStart
        let limit = rowStart + Self.window - Self.margin
        var timestamp: Int64 = 0
        var timeColumn = 1
        var inbound = Double.nan
        var outbound = Double.nan
        var target = singleCircuit < 0 ? circuit : singleCircuit
        for column in 0..<fieldCount {
          guard p < limit else { break rowLoop }
          let isLast = column == lastField
          switch kinds[column] {
          case Kind.time.rawValue:
            timeColumn = p - rowStart + 1
            p = readTime(base, p, isLast, &memo, &timestamp)
          case Kind.circuit.rawValue:
            p = readCircuit(base, p, isLast, &target, &repeated, bound: rowStart + Self.window)
          case Kind.inbound.rawValue:
            p = Self.readRate(base, p, isLast, inboundScale, &inbound, dialect)
          case Kind.outbound.rawValue:
            p = Self.readRate(base, p, isLast, outboundScale, &outbound, dialect)
          default:
            let fieldEnd = Self.fieldEnd(base, from: p, limit: limit, dialect)
            guard fieldEnd < limit else { break rowLoop }
            // An ignored last field may end in `\r`, which is part of `\r\n`.
            p = Self.skipTerminator(
              base, isLast && fieldEnd > p && base[fieldEnd - 1] == 0x0D ? fieldEnd - 1 : fieldEnd, isLast,
              dialect.separator)
          }
          guard p >= 0 else { break rowLoop }
        }
        line += 1
        rows += 1
        FastPath.hit(.csvGeneralRow)
        rowStart = p
        if singleCircuit < 0 { circuit = target }
        if staging.append(
          circuit: target, timestamp: timestamp, inbound: inbound, outbound: outbound, line: line, column: timeColumn)
        {
          try staging.flush(target, series: &series, file: file)
        }
      }
    }
    return rowStart
  }

  /// ``readStraightRun(_:from:end:long:line:memo:circuit:staging:series:file:)`` for `Time, Circuit, In, Out`.
  @inline(never)
  func readLongRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, line: inout Int, memo: inout Timestamp.HourMemo,
    circuit: inout Int,
    staging: SampleStaging, series: inout [SeriesAccumulator], file: String
  ) throws(Diagnostic) -> Int {
    try readStraightRun(
      base, from: start, end: end, long: true, line: &line, memo: &memo, circuit: &circuit, staging: staging,
      series: &series, file: file)
  }

  /// ``readStraightRun(_:from:end:long:line:memo:circuit:staging:series:file:)`` for `Time, In, Out`.
  @inline(never)
  func readWideRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, line: inout Int, memo: inout Timestamp.HourMemo,
    circuit: inout Int,
    staging: SampleStaging, series: inout [SeriesAccumulator], file: String
  ) throws(Diagnostic) -> Int {
    try readStraightRun(
      base, from: start, end: end, long: false, line: &line, memo: &memo, circuit: &circuit, staging: staging,
      series: &series, file: file)
  }

  /// ``readRun(_:from:end:line:rows:lastCircuit:staging:series:file:)`` for the straight-line shapes: time, the
  /// circuit (`long` only), inbound, outbound. Out of `readRun`, and once per shape, so that the few values the
  /// loop needs stay in registers (inside `readRun` they shared them with the general shape's and were spilled
  /// every row).
  @inline(__always)
  func readStraightRun(
    _ base: UnsafePointer<UInt8>, from start: Int, end: Int, long: Bool, line: inout Int,
    memo: inout Timestamp.HourMemo, circuit: inout Int,
    staging: SampleStaging, series: inout [SeriesAccumulator], file: String
  ) throws(Diagnostic) -> Int {
    var rowStart = start
    var currentLine = line
    var time = memo
    var current = circuit
    var repeated = false
    defer {
      line = currentLine
      memo = time
      circuit = current
    }
    let inboundScale = self.inboundScale
    let outboundScale = self.outboundScale
    let dialect = self.dialect
    // The current circuit's name, tried before ``readCircuit(_:_:_:_:_:bound:)``: one circuit's rows in turn
    // repeat it.
    var name = self.name(of: current)
    // The leading fields of a row of the current circuit, which its next rows in the same hour repeat but for the
    // minute. Held from a row whose circuit repeats the previous row's (every row in `Time, In, Out`).
    var template = CSVRowTemplate()
    // Templates that the very next row did not match (rows that differ in more than the minute, such as 30-second
    // samples): after a few, none are held for the rest of the run, so such files pay for no more checks.
    var missedTemplates = 0
    // The line of the row the template was held from: `currentLine` while the row after it is read.
    var heldLine = -1
    rows: while rowStart &+ Self.window <= end {
      if template.length > 0 {
        // The rows that repeat the template but for the minute (one circuit's next rows in the same hour) have a
        // loop of their own: the values only the other rows need (the time memo, the name, the template's
        // bookkeeping) stay out of its registers.
        let templateCircuit = long ? current : singleCircuit
        // The circuit's staged rows, their count held here while the loop appends (one pointer and a count
        // instead of five buffers); handed back to the staging whenever the loop leaves, by `break` or `throw`.
        var staged = staging.rows(of: templateCircuit)
        defer { staging.keep(staged) }
        while let timestamp = template.timestamp(base, row: rowStart) {
          var inbound = 0.0
          var outbound = 0.0
          ByteScanning.checkBounds(
            template.length <= CSVRowTemplate.longest && rowStart &+ Self.window <= end,
            "a template row and its rates lie in the window")
          var p = Self.readRate(base, rowStart &+ template.length, false, inboundScale, &inbound, dialect)
          guard p >= 0 else { break rows }
          p = Self.readRate(base, p, true, outboundScale, &outbound, dialect)
          guard p >= 0 else { break rows }
          currentLine &+= 1
          FastPath.hit(.csvTemplateRow)
          rowStart = p
          // Both rates were read from digits: neither is missing.
          if staged.append(timestamp: timestamp, inbound: inbound, outbound: outbound, line: currentLine, column: 1) {
            // Full: the staging adds the rows and empties the block (also if it throws).
            staging.keep(staged)
            staged.count = 0
            try staging.flush(templateCircuit, series: &series, file: file)
          }
          guard rowStart &+ Self.window <= end else { break rows }
        }
        template.clear()
        if currentLine == heldLine { missedTemplates &+= 1 }
      }
      var timestamp: Int64 = 0
      var target = long ? current : singleCircuit
      var inbound = 0.0
      var outbound = 0.0
      var p = readTime(base, rowStart, false, &time, &timestamp)
      guard p >= 0 else { break }
      var holds = !long
      if long {
        if name.matches(base + p) {
          p &+= name.length &+ 1
          holds = true
        } else {
          p = readCircuit(base, p, false, &target, &repeated, bound: rowStart &+ Self.window)
          name = self.name(of: target)
        }
        guard p >= 0 && p < rowStart &+ Self.window &- Self.margin else { break }
      }
      if holds && missedTemplates < Self.templateMisses && time.hourBase >= 0 {
        template.hold(base, row: rowStart, length: p &- rowStart, timestamp: timestamp)
        heldLine = currentLine &+ 1
      }
      // Two rates read from here stay inside the window (``margin``).
      ByteScanning.checkBounds(
        p &- rowStart < Self.window &- Self.margin, "a plain row's rates start before the margin")
      p = Self.readRate(base, p, false, inboundScale, &inbound, dialect)
      guard p >= 0 else { break }
      p = Self.readRate(base, p, true, outboundScale, &outbound, dialect)
      guard p >= 0 else { break }
      if long { current = target }
      currentLine &+= 1
      FastPath.hit(long ? .csvLongRow : .csvWideRow)
      rowStart = p
      // Both rates were read from digits: neither is missing.
      if staging.appendComplete(
        circuit: target, timestamp: timestamp, inbound: inbound, outbound: outbound, line: currentLine, column: 1)
      {
        try staging.flush(target, series: &series, file: file)
      }
    }
    return rowStart
  }

  /// Reads a known circuit name at `p`: the one after `circuit`, or `circuit` again (tried first
  /// when `repeated`: the previous row repeated its circuit, as one circuit's series in turn do). Sets
  /// `circuit` and `repeated`, and returns the position after the terminator, or -1.
  @inline(never)
  func readCircuit(
    _ base: UnsafePointer<UInt8>, _ p: Int, _ isLast: Bool, _ circuit: inout Int, _ repeated: inout Bool, bound: Int
  ) -> Int {
    if repeated && circuit >= 0 && circuit < nameCount {
      let after = matchName(base, p, circuit, isLast, bound)
      if after >= 0 { return after }
    }
    let next = circuit &+ 1 < nameCount ? circuit &+ 1 : 0
    var after = matchName(base, p, next, isLast, bound)
    if after >= 0 {
      circuit = next
      repeated = false
      return after
    }
    if !repeated && circuit >= 0 && circuit < nameCount {
      after = matchName(base, p, circuit, isLast, bound)
      if after >= 0 { repeated = true }
    }
    return after
  }

  /// Circuit `index`'s name as a field; one that matches nothing when there is no such circuit or its name cannot
  /// appear unquoted.
  func name(of index: Int) -> CSVNameField {
    guard index >= 0 && index < nameCount else {
      return CSVNameField(name: names, length: -1, separator: dialect.separator)
    }
    return nameFields[index]
  }

  /// The position after circuit `index`'s name and its terminator at `p`, or -1; reads stay before `bound`.
  @inline(always)
  func matchName(_ base: UnsafePointer<UInt8>, _ p: Int, _ index: Int, _ isLast: Bool, _ bound: Int) -> Int {
    guard index < nameCount else { return -1 }
    let length = nameFields[index].length
    guard length > 0, p &+ length &+ 2 <= bound, ByteScanning.equal(base + p, nameFields[index].name, length) else {
      return -1
    }
    return Self.skipTerminator(base, p &+ length, isLast, dialect.separator)
  }
}
