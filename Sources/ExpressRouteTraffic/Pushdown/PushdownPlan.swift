import ExpressRouteCore

/// The query that computes ercalc's traffic summary inside the engine that holds the data, as one plan.
///
/// The plan is a list of named stages over a few expression forms; ``PushdownPlan/render(for:)`` writes it as KQL
/// (Log Analytics `AzureMetrics`, Data Explorer), DuckDB SQL or Spark SQL. Only the source stage (where the records
/// come from) and the spelling of each function differ between engines, so the renderings cannot compute different
/// things. The result has one row per resource × calendar month (UTC) × direction (``PushdownResult/columns``):
/// exact counts and sums only (no `make-series` zero fill, no estimated percentiles), so it reads back as a summary
/// that merges like any other (``PushdownResult``).
///
/// What each row holds, as ercalc's own reading of the same records would count it:
/// - records are joined per resource (its ID in upper case: resource IDs ignore case, and blobs or tables that spell
///   one differently are one circuit, as in ercalc's readers), direction and time; a repeated record with a value is a duplicate (one value
///   kept: the lowest where repeats disagree, where ercalc keeps the first read); a time with any record is a sample;
/// - the interval is the records' time grain (`timeGrain`, `TimeGrain`: the smallest where a resource's records
///   disagree), as ercalc reads it; only where no record has one, the resource's smallest step between sample times
///   (sparse one-minute records are one-minute samples with gaps, not five-minute samples); steps that are not a
///   multiple of it are counted (`off_grid`) and refused when read back;
/// - gaps count the missing times between consecutive samples of the same month (the step into a month is checked
///   when the months are merged back);
/// - per direction: values (`samples`), their sum in 1/8192 bit/s (each rate truncated, summed exactly), the
///   highest, the highest `maximum` aggregation (`burst`), and the histogram in ercalc's bucket scheme
///   (``RateHistogram``: whole bit/s below 1,000, then four significant digits), as `bucket:count` pairs;
/// - the first of each problem in the month (``PushdownResult/detailColumns``): the first gap's time and size, the
///   first repeated record's time and direction, the first time without a value in both directions, so a report
///   sized from the result names the same first problem as one sized from the raw records.
package struct PushdownPlan: Sendable {
  /// A query engine the plan is rendered for.
  package enum Engine: String, CaseIterable, Sendable {
    /// Kusto (Log Analytics `AzureMetrics`, Azure Data Explorer).
    case kql
    /// DuckDB SQL over a diagnostic-settings JSON-lines tree.
    case duckdb
    /// Spark SQL over a diagnostic-settings JSON-lines tree.
    case spark
  }

  /// An expression over a stage's columns.
  package indirect enum Expression: Sendable {
    case column(String)
    case integer(Int64)
    case text(String)
    /// Null of a type (KQL spells null per type).
    case null(ValueType)
    /// `left op right` with a SQL operator (`+ - * = <> < <= > >= AND OR`).
    case binary(String, Expression, Expression)
    /// The first value where the condition holds, the second elsewhere.
    case choose(Expression, Expression, Expression)
    case isNull(Expression)
    case isNotNull(Expression)
    /// Whether the text is one of the given texts.
    case oneOf(Expression, [String])
    case call(Function, [Expression])
  }

  /// The type of a null.
  package enum ValueType: Sendable {
    case integer, real, text
  }

  /// The functions whose spelling differs between engines.
  package enum Function: Sendable {
    /// ⌊a ÷ b⌋ of two non-negative whole numbers.
    case divide
    /// a mod b of two non-negative whole numbers.
    case modulo
    /// A non-negative rate rounded down to whole bit/s (a 64-bit integer).
    case wholeRate
    /// A non-negative rate in 1/8192 bit/s, rounded down, as an integer type whose sums do not overflow.
    case scaledRate
    /// The number of decimal digits of a positive whole number.
    case digits
    /// The first four decimal digits of a whole number of at least 1,000.
    case leadingFourDigits
    /// The UTC calendar month (`2026-07`) of seconds since 1970.
    case month
    /// `bucket:count` text.
    case histogramEntry
    /// The seconds of an ISO 8601 duration text (`PT1M`, `PT1H`, `P1D`; days, hours, minutes and seconds, any
    /// case), as ercalc reads a time grain; 0 where the text has none of them or is null.
    case durationSeconds
  }

  /// How a column of an aggregate is computed.
  package enum Aggregate: Sendable {
    /// Values that are not null.
    case count(Expression)
    case sum(Expression)
    case min(Expression)
    case max(Expression)
    /// The non-null, non-empty texts, sorted as text and joined by spaces (readers sort the entries by bucket).
    case joined(Expression)
  }

  /// One named step of the plan.
  package enum Stage: Sendable {
    /// The metric records: `resource` (the resource ID in upper case), `metric` (lower case), `t` (seconds since 1970), `v` (the average),
    /// `peak` (the `maximum` aggregation) and `grain` (the time grain as text), from the engine's source.
    case records
    /// `keys` and `values` of the rows of `input` where `filter` holds, grouped by the keys.
    case aggregate(input: String, filter: Expression?, keys: [(String, Expression)], values: [(String, Aggregate)])
    /// Every column of `input`, plus `previous` as the previous row's `of` in the same `partition`, by `order`.
    case previous(input: String, partition: String, order: String, of: String, previous: String)
    /// The rows of `input` joined with those of `other` on `on`, as `columns`.
    case join(input: String, other: String, on: [String], columns: [(String, Expression)])
    /// The rows of each projection of `input`, one after the other.
    case union(input: String, projections: [[(String, Expression)]])

    /// The stages this one reads, once per reading (a union reads its input once per projection).
    var inputs: [String] {
      switch self {
      case .records: return []
      case .aggregate(let input, _, _, _), .previous(let input, _, _, _, _): return [input]
      case .join(let input, let other, _, _): return [input, other]
      case .union(let input, let projections): return projections.map { _ in input }
      }
    }
  }

  /// The stages, in order; the last is the result, sorted by ``PushdownPlan/order``.
  package let stages: [(name: String, stage: Stage)]
  /// The result's columns, sorted by.
  package let order: [String]
  /// Where the records come from: a table for KQL, a glob for DuckDB, a folder (read recursively) for Spark.
  package let source: String
  /// Records from this time on (seconds since 1970), when given.
  package let from: Int64?
  /// Records before this time (seconds since 1970), when given.
  package let to: Int64?

  /// The scheme of the histogram buckets, written into every row so results of another scheme are refused.
  package static let scheme = "ercalc-rate-buckets-1"
  /// The first gap's time and size are kept as `time × scale + size`: a gap inside a month is fewer than 2^22
  /// samples (a month has at most 2,678,400 seconds), and times to the year 2514 keep the key under 2^63.
  static let gapKeyScale: Int64 = 1 << 22
  /// The default source per engine.
  package static func defaultSource(_ engine: Engine) -> String {
    switch engine {
    case .kql: return "AzureMetrics"
    case .duckdb: return "insights-metrics-pt1m/**/*.json"
    case .spark: return "insights-metrics-pt1m"
    }
  }

  /// ercalc's summary plan over `source` (see ``defaultSource(_:)``), optionally limited to `from ..< to`.
  package init(source: String, from: Int64? = nil, to: Int64? = nil) {
    self.source = source
    self.from = from
    self.to = to
    self.order = ["resource", "month", "direction"]
    self.stages = Self.summaryStages()
  }

  // MARK: - The summary plan

  private static func summaryStages() -> [(name: String, stage: Stage)] {
    let c = Expression.column
    func eq(_ a: Expression, _ b: Expression) -> Expression { .binary("=", a, b) }
    func minus(_ a: Expression, _ b: Expression) -> Expression { .binary("-", a, b) }
    func one(_ condition: Expression) -> Expression { .choose(condition, .integer(1), .integer(0)) }
    let inbound = TrafficIngest.inboundMetrics.sorted()
    let outbound = TrafficIngest.outboundMetrics.sorted()
    let step = minus(c("t"), c("prev_t"))
    // ercalc's bucket of a rate (``RateHistogram/bucket(whole:)``): whole bit/s below 1,000; above, the first four
    // digits in the decade's 9,000 buckets; the highest bucket from 10^15.
    let whole = Expression.call(.wholeRate, [c("v")])
    let digits = Expression.call(.digits, [whole])
    let bucket = Expression.choose(
      .binary("<", whole, .integer(1000)), whole,
      .choose(
        .binary(">", digits, .integer(15)), .integer(Int64(RateHistogram.highestBucket)),
        .binary("+", .binary("*", minus(digits, .integer(4)), .integer(9000)), .call(.leadingFourDigits, [whole]))))
    // The interval: the time grain where any record of the resource has one, else the smallest step.
    let interval = Expression.choose(.isNotNull(c("grain_s")), c("grain_s"), c("step_s"))
    let sampleColumns: [(String, Expression)] = [
      ("resource", c("resource")), ("month", c("month")),
    ]
    return [
      ("records", .records),
      (
        "points",
        .aggregate(
          input: "records", filter: .oneOf(c("metric"), inbound + outbound),
          keys: [
            ("resource", c("resource")), ("t", c("t")),
            ("dir", .choose(.oneOf(c("metric"), inbound), .text("in"), .text("out"))),
          ],
          values: [
            ("n", .count(c("v"))), ("v", .min(c("v"))), ("peak", .max(c("peak"))),
            ("grain", .max(.call(.durationSeconds, [c("grain")]))),
          ])
      ),
      (
        "samples",
        .aggregate(
          input: "points", filter: nil, keys: [("resource", c("resource")), ("t", c("t"))],
          values: [
            ("vin", .max(.choose(eq(c("dir"), .text("in")), c("v"), .null(.real)))),
            ("vout", .max(.choose(eq(c("dir"), .text("out")), c("v"), .null(.real)))),
            ("peak_in", .max(.choose(eq(c("dir"), .text("in")), c("peak"), .null(.real)))),
            ("peak_out", .max(.choose(eq(c("dir"), .text("out")), c("peak"), .null(.real)))),
            ("repeats", .sum(.choose(.binary(">", c("n"), .integer(1)), minus(c("n"), .integer(1)), .integer(0)))),
            (
              "repeats_in",
              .sum(
                .choose(
                  .binary("AND", eq(c("dir"), .text("in")), .binary(">", c("n"), .integer(1))), .integer(1),
                  .integer(0)))
            ),
            ("grain", .min(.choose(.binary(">", c("grain"), .integer(0)), c("grain"), .null(.integer)))),
          ])
      ),
      ("steps", .previous(input: "samples", partition: "resource", order: "t", of: "t", previous: "prev_t")),
      (
        "grid",
        .aggregate(
          input: "steps", filter: nil, keys: [("resource", c("resource"))],
          values: [("grain_s", .min(c("grain"))), ("step_s", .min(step))])
      ),
      (
        "timed",
        .join(
          input: "steps", other: "grid", on: ["resource"],
          columns: [
            ("resource", c("resource")), ("t", c("t")), ("month", .call(.month, [c("t")])),
            ("interval_s", interval), ("vin", c("vin")), ("vout", c("vout")), ("peak_in", c("peak_in")),
            ("peak_out", c("peak_out")), ("repeats", c("repeats")), ("repeats_in", c("repeats_in")),
            // A step shorter than the interval is no gap (it is off the grid, counted below).
            (
              "gap",
              .choose(
                .binary(
                  "AND",
                  .binary(
                    "AND", .isNotNull(c("prev_t")),
                    eq(.call(.month, [c("prev_t")]), .call(.month, [c("t")]))),
                  .binary(">", step, interval)),
                minus(.call(.divide, [step, interval]), .integer(1)), .integer(0))
            ),
            // Off the grid: a step that is not a multiple of the interval, or a sample whose records have another
            // time grain than the resource's (mixed granularity, which ercalc's reader refuses too).
            (
              "off",
              one(
                .binary(
                  "OR",
                  .binary(
                    "AND", .isNotNull(c("prev_t")), .binary("<>", .call(.modulo, [step, interval]), .integer(0))),
                  .binary(
                    "AND", .isNotNull(c("grain")),
                    .binary("AND", .isNotNull(c("grain_s")), .binary("<>", c("grain"), c("grain_s"))))))
            ),
          ])
      ),
      (
        "months",
        .aggregate(
          input: "timed", filter: nil, keys: sampleColumns,
          values: [
            ("interval_seconds", .max(c("interval_s"))), ("first_time", .min(c("t"))), ("last_time", .max(c("t"))),
            ("times", .count(c("t"))),
            ("complete", .sum(one(.binary("AND", .isNotNull(c("vin")), .isNotNull(c("vout")))))),
            ("valued", .sum(one(.binary("OR", .isNotNull(c("vin")), .isNotNull(c("vout")))))),
            ("gaps", .sum(c("gap"))), ("duplicates", .sum(c("repeats"))), ("off_grid", .sum(c("off"))),
            // The first of each problem, as ercalc's reading names it: the gap's time and size in one key (a gap
            // within a month is under 2^22 samples), the repeat's time and direction (inbound first).
            (
              "first_gap_key",
              .min(
                .choose(
                  .binary(">", c("gap"), .integer(0)),
                  .binary("+", .binary("*", c("t"), .integer(Self.gapKeyScale)), c("gap")), .null(.integer)))
            ),
            (
              "first_duplicate_key",
              .min(
                .choose(
                  .binary(">", c("repeats"), .integer(0)),
                  .binary(
                    "+", .binary("*", c("t"), .integer(2)),
                    .choose(.binary(">", c("repeats_in"), .integer(0)), .integer(0), .integer(1))),
                  .null(.integer)))
            ),
            (
              "first_empty_time",
              .min(
                .choose(
                  .binary("AND", .isNotNull(c("vin")), .isNotNull(c("vout"))), .null(.integer), c("t")))
            ),
          ])
      ),
      (
        "directed",
        .union(
          input: "timed",
          projections: [
            sampleColumns + [("direction", .text("in")), ("v", c("vin")), ("peak", c("peak_in"))],
            sampleColumns + [("direction", .text("out")), ("v", c("vout")), ("peak", c("peak_out"))],
          ])
      ),
      (
        "buckets",
        .aggregate(
          input: "directed", filter: nil,
          keys: sampleColumns + [
            ("direction", c("direction")), ("bucket", .choose(.isNotNull(c("v")), bucket, .null(.integer))),
          ],
          values: [
            ("n", .count(c("v"))), ("rate_sum", .sum(.call(.scaledRate, [c("v")]))), ("maximum", .max(c("v"))),
            ("burst", .max(c("peak"))),
          ])
      ),
      (
        "directions",
        .aggregate(
          input: "buckets", filter: nil, keys: sampleColumns + [("direction", c("direction"))],
          values: [
            ("samples", .sum(c("n"))), ("rate_sum", .sum(c("rate_sum"))), ("maximum", .max(c("maximum"))),
            ("burst", .max(c("burst"))),
            (
              "histogram",
              .joined(.choose(.isNotNull(c("bucket")), .call(.histogramEntry, [c("bucket"), c("n")]), .null(.text)))
            ),
          ])
      ),
      (
        "summary",
        .join(
          input: "directions", other: "months", on: ["resource", "month"],
          columns: PushdownResult.columns.map { name in
            (name, name == "ercalc_summary" ? .text(scheme) : c(name))
          } + [
            ("first_gap_time", .call(.divide, [c("first_gap_key"), .integer(Self.gapKeyScale)])),
            ("first_gap", .call(.modulo, [c("first_gap_key"), .integer(Self.gapKeyScale)])),
            ("first_duplicate_time", .call(.divide, [c("first_duplicate_key"), .integer(2)])),
            (
              "first_duplicate_direction",
              .choose(
                .isNotNull(c("first_duplicate_key")),
                .choose(
                  eq(.call(.modulo, [c("first_duplicate_key"), .integer(2)]), .integer(0)), .text("in"),
                  .text("out")),
                .null(.text))
            ),
            ("first_empty_time", c("first_empty_time")),
          ])
      ),
    ]
  }
}
