#if DEBUG
  import Synchronization
#endif

/// The byte readers' fast paths (traffic CSV and JSON, and the JSON document reader), each counted when taken in
/// debug builds, so a test can prove its inputs reach them (`FastPathFuzzTests`); release builds count nothing.
///
/// Each fast path has a general path that reads the same input to the same result; a fuzz test that never reaches
/// the fast one tests only the general one. A path is counted by a one-line `FastPath.record(.name)` where it is
/// taken (usually once per row, point or string read by it). Here, in Diagnostics, so the JSON reader below traffic
/// can record too.
package enum FastPath: Int, CaseIterable, Sendable {
  /// A CSV row read by ``CSVPlainRowReader``'s straight loop for `Time, Circuit, In, Out` (long format).
  case csvLongRow
  /// A CSV row read by the straight loop for `Time, In, Out` (one circuit, wide format).
  case csvWideRow
  /// A CSV row read by the column-walking loop for any other column order.
  case csvGeneralRow
  /// A CSV row matched by a ``CSVRowTemplate`` (the same leading bytes but the minute).
  case csvTemplateRow
  /// A CSV timestamp settled by the word test against the remembered one (same field, or same hour).
  case csvTimeWord
  /// A CSV timestamp settled by the byte comparison of ``CSVPlainRowReader``'s slow time reader (no word test).
  case csvTimeRepeat
  /// A CSV rate of exactly nine whole digits, read as one word.
  case csvNineDigitRate
  /// A CSV rate with a fraction read by the fast path (`254587286.86429623`).
  case csvFractionRate
  /// A CSV rate with a decimal comma read by the fast path (`1234,56` in a semicolon- or tab-separated file).
  case csvDecimalCommaRate
  /// A number read by ``CSVNumber``'s plain-decimal path (no sign, no exponent, 19 digits at most).
  case plainDecimal
  /// A large CSV file read in mapped chunks (on one core or several) and merged.
  case csvMappedChunks
  /// A JSON stream string with no escape, its closing quote in the block (no decoding).
  case jsonPlainString
  /// A JSON object read ahead in one pass by ``JSONStream/peekFlatObject()``.
  case jsonFlatObject
  /// A member of an object read ahead whose lead (`, "key": `) repeated the previous object's.
  case jsonRepeatedLead
  /// A long string value read ahead that repeated the previous object's (a record's resource ID).
  case jsonRepeatedValue
  /// A diagnostic-settings or log-analytics record taken from its read-ahead members.
  case jsonReadAheadRecord
  /// A REST or `az` data point taken from its read-ahead members.
  case jsonReadAheadPoint
  /// A JSON timestamp read from the remembered hour (``Timestamp/HourMemo``).
  case jsonHourMemo
  /// A data point read ahead on another core into a ``PointRun``.
  case jsonPointRun
  /// A run of data points read ahead on another core, taken by the main reader.
  case jsonDocumentPieces
  /// A large JSON-lines file read in pieces and merged.
  case jsonLinesPieces
  /// A JSON document string with no escape, decoded in one go (``JSONParser``).
  case documentPlainString
  /// A JSON document string (value or key) with no escape, read from its bytes (``JSONDocument``).
  case documentPlainRead

  /// Counts one pass through this fast path (debug builds only). Readers in other modules call it through a
  /// wrapper of their own (`FastPath.hit`), which the optimiser removes in a release build.
  package static func record(_ path: FastPath) {
    #if DEBUG
      counts.withLock { $0[path.rawValue] &+= 1 }
    #endif
  }

  #if DEBUG
    /// The count of each path, by raw value, since the process started.
    private static let counts = Mutex([Int](repeating: 0, count: FastPath.allCases.count))

    /// How often each path was taken so far in this process (every thread).
    static var counted: [FastPath: Int] {
      let values = counts.withLock { $0 }
      return Dictionary(uniqueKeysWithValues: allCases.map { ($0, values[$0.rawValue]) })
    }
  #endif
}
