import ExpressRouteCore

extension PushdownPlan {
  /// The plan as query text for `engine`: a `WITH` query for DuckDB and Spark (after the session setting Spark needs
  /// to read times as UTC), `let` statements for KQL. Deterministic: the same plan always gives the same text.
  package func render(for engine: Engine) -> String {
    let dialect = Dialect(engine: engine)
    let header = [
      "\(dialect.comment) ercalc traffic summary push-down (\(Self.scheme)): one row per resource, UTC month and direction.",
      "\(dialect.comment) Give the result to ercalc as a traffic series (size, budget, audit or traffic summarize).",
    ]
    if engine == .kql {
      var lines = header
      // A stage read more than once is computed once (`materialize`): Kusto otherwise evaluates a `let` at each use,
      // and the ordered pass that finds each sample's predecessor is the costly one.
      var uses: [String: Int] = [:]
      for entry in stages { for input in entry.stage.inputs { uses[input, default: 0] += 1 } }
      for (index, entry) in stages.enumerated() {
        let body = dialect.kqlStage(entry.stage, plan: self)
        if index == stages.count - 1 {
          lines.append(body + "\n| order by " + order.map { "\($0) asc" }.joined(separator: ", "))
        } else if uses[entry.name, default: 0] > 1 {
          lines.append("let \(entry.name) = materialize(\(body));")
        } else {
          lines.append("let \(entry.name) = \(body);")
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    var lines = header
    if engine == .spark {
      // Times read as UTC; every JSON file under the folder, without taking `resourceId=…` and `m=…` folders for
      // partition columns (recursive lookup turns partition inference off). The columns the records stage reads are
      // declared, as DuckDB's `read_json` columns are (Spark's `CREATE TEMPORARY VIEW name (col TYPE, …) USING json`,
      // the `createTempViewUsing` rule of its SQL grammar): a field no file has (`timeGrain`, `maximum`) reads as NULL
      // instead of failing to resolve, as it would with the schema inferred from the data. A malformed record fails
      // the query (`mode 'FAILFAST'`) as it fails ercalc's reader and DuckDB's, instead of becoming a row of nulls
      // that the metric filter drops without a word (Spark's default, PERMISSIVE).
      lines.append("SET spark.sql.session.timeZone = UTC;")
      lines.append(
        "CREATE OR REPLACE TEMPORARY VIEW ercalc_records (resourceId STRING, `time` STRING, metricName STRING,"
          + " average DOUBLE, maximum DOUBLE, timeGrain STRING) USING json OPTIONS (path \(dialect.quoted(source)),"
          + " recursiveFileLookup 'true', pathGlobFilter '*.json', mode 'FAILFAST');")
    }
    let ctes = stages.map { "\($0.name) AS (\n  \(dialect.sqlStage($0.stage, plan: self))\n)" }
    lines.append("WITH " + ctes.joined(separator: ",\n"))
    lines.append("SELECT * FROM \(stages.last?.name ?? "summary") ORDER BY \(order.joined(separator: ", "));")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The spelling of the plan's stages, expressions and functions in one engine.
private struct Dialect {
  let engine: PushdownPlan.Engine
  var comment: String { engine == .kql ? "//" : "--" }

  func quoted(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
    if engine == .kql { return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    // Spark SQL escapes with a backslash (`'it\'s'`; `'it''s'` would be two literals, read as `its`); DuckDB, as
    // standard SQL, doubles the quote and reads a backslash as itself.
    if engine == .spark { return "'" + escaped.replacingOccurrences(of: "'", with: "\\'") + "'" }
    return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  // MARK: SQL

  func sqlStage(_ stage: PushdownPlan.Stage, plan: PushdownPlan) -> String {
    switch stage {
    case .records:
      return sqlRecords(plan)
    case .aggregate(let input, let filter, let keys, let values):
      let columns = keys.map(named) + values.map { "\(aggregate($0.1)) AS \($0.0)" }
      var text = "SELECT " + columns.joined(separator: ", ") + "\n  FROM \(input)"
      if let filter { text += " WHERE " + expression(filter) }
      return text + " GROUP BY " + (1...keys.count).map(String.init).joined(separator: ", ")
    case .previous(let input, let partition, let order, let of, let previous):
      return "SELECT *, lag(\(of)) OVER (PARTITION BY \(partition) ORDER BY \(order)) AS \(previous) FROM \(input)"
    case .join(let input, let other, let on, let columns):
      return "SELECT " + columns.map(named).joined(separator: ", ")
        + "\n  FROM \(input) JOIN \(other) USING (\(on.joined(separator: ", ")))"
    case .union(let input, let projections):
      return projections.map { projection in
        "SELECT " + projection.map(named).joined(separator: ", ") + " FROM \(input)"
      }.joined(separator: "\n  UNION ALL ")
    }
  }

  private func sqlRecords(_ plan: PushdownPlan) -> String {
    let quote = engine == .duckdb ? "\"" : "`"
    let field = "\(quote)time\(quote)"
    // The time's offset in seconds, taken off so `t` is UTC as ercalc reads it: after the seconds and their
    // fraction, `+05:30`, `+0530` or `+05`; `Z` or none is 0.
    let rest = "substr(\(field), 20)"
    let zone = "'([+-])([0-9][0-9]):?([0-9][0-9])?$'"
    func part(_ group: Int) -> String { "regexp_extract(\(rest), \(zone), \(group))" }
    let offset =
      "CASE WHEN \(part(1)) = '' THEN 0 ELSE (CASE WHEN \(part(1)) = '-' THEN -1 ELSE 1 END)"
      + " * (CAST(\(part(2)) AS BIGINT) * 3600 + coalesce(CAST(nullif(\(part(3)), '') AS BIGINT), 0) * 60) END"
    // A record ercalc's reader refuses (no resource ID, metric name or time, or a time it does not read) fails the
    // query instead of being dropped by a join on a null key.
    let form =
      "'^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?$'"
    let matches = engine == .duckdb ? "regexp_matches(\(field), \(form))" : "\(field) RLIKE \(form)"
    let refusal = quoted(
      "ercalc: a record without resourceId, metricName or time, or with a time ercalc does not read (expected "
        + Timestamp.expectedFormat + ")")
    let fail = engine == .duckdb ? "error(\(refusal))" : "raise_error(\(refusal))"
    // Inside each key's expression, not a filter of its own: an engine may run the metric filter first and drop the
    // record before a separate check sees it.
    let good = "resourceId IS NOT NULL AND metricName IS NOT NULL AND \(matches)"
    func checked(_ expression: String) -> String { "CASE WHEN \(good) THEN \(expression) ELSE \(fail) END" }
    let time =
      engine == .duckdb
      ? "CAST(epoch(CAST(substr(\(field), 1, 19) AS TIMESTAMP)) AS BIGINT)"
      : "unix_timestamp(replace(substr(`time`, 1, 19), 'T', ' '), 'yyyy-MM-dd HH:mm:ss')"
    let keys = """
      SELECT \(checked("upper(resourceId)")) AS resource, \(checked("lower(metricName)")) AS metric,
          \(checked("\(time) - \(offset)")) AS t,
          CAST(average AS DOUBLE) AS v, CAST(maximum AS DOUBLE) AS peak, timeGrain AS grain
      """
    let select: String
    if engine == .duckdb {
      select =
        keys + """

            FROM read_json(\(quoted(plan.source)), format = 'newline_delimited', hive_partitioning = false, columns = {resourceId: 'VARCHAR',
              "time": 'VARCHAR', metricName: 'VARCHAR', average: 'DOUBLE', maximum: 'DOUBLE', timeGrain: 'VARCHAR'})
          """
    } else {
      select = keys + "\n  FROM ercalc_records"
    }
    let bounds = timeBounds(plan, column: "t", literal: { String($0) })
    guard !bounds.isEmpty else { return select }
    return "SELECT * FROM (\(select)) WHERE " + bounds.joined(separator: " AND ")
  }

  private func timeBounds(_ plan: PushdownPlan, column: String, literal: (Int64) -> String) -> [String] {
    var bounds: [String] = []
    if let from = plan.from { bounds.append("\(column) >= \(literal(from))") }
    if let to = plan.to { bounds.append("\(column) < \(literal(to))") }
    return bounds
  }

  // MARK: KQL

  func kqlStage(_ stage: PushdownPlan.Stage, plan: PushdownPlan) -> String {
    switch stage {
    case .records:
      var text = plan.source
      let bounds = timeBounds(plan, column: "TimeGenerated") { "datetime(\(CivilCalendar.format($0)))" }
      if !bounds.isEmpty { text += "\n| where " + bounds.joined(separator: " and ") }
      return text
        + "\n| project resource = toupper(ResourceId), metric = tolower(MetricName),"
        + " t = datetime_diff('second', TimeGenerated, datetime(1970-01-01)), v = Average, peak = Maximum,"
        + " grain = TimeGrain"
    case .aggregate(let input, let filter, let keys, let values):
      var text = input
      if let filter { text += "\n| where " + expression(filter) }
      return text + "\n| summarize " + values.map { "\($0.0) = \(aggregate($0.1))" }.joined(separator: ", ")
        + " by " + keys.map(named).joined(separator: ", ")
    case .previous(let input, let partition, let order, let of, let previous):
      return input + "\n| order by \(partition) asc, \(order) asc"
        + "\n| extend \(previous) = iff(prev(\(partition)) == \(partition), prev(\(of)), long(null))"
    case .join(let input, let other, let on, let columns):
      return input + "\n| join kind=inner (\(other)) on " + on.joined(separator: ", ")
        + "\n| project " + columns.map(named).joined(separator: ", ")
    case .union(let input, let projections):
      return "union "
        + projections.map { projection in
          "(\(input) | project " + projection.map(named).joined(separator: ", ") + ")"
        }.joined(separator: ",\n  ")
    }
  }

  // MARK: Expressions

  /// `expression AS name` (SQL) or `name = expression` (KQL); the bare name where the expression is that column.
  func named(_ column: (String, PushdownPlan.Expression)) -> String {
    if case .column(let name) = column.1, name == column.0 { return name }
    return engine == .kql ? "\(column.0) = \(expression(column.1))" : "\(expression(column.1)) AS \(column.0)"
  }

  func aggregate(_ aggregate: PushdownPlan.Aggregate) -> String {
    switch aggregate {
    case .count(let value):
      return engine == .kql ? "countif(isnotnull(\(expression(value))))" : "count(\(expression(value)))"
    case .sum(let value): return "sum(\(expression(value)))"
    case .min(let value): return "min(\(expression(value)))"
    case .max(let value): return "max(\(expression(value)))"
    case .joined(let value):
      let text = expression(value)
      switch engine {
      case .kql: return "strcat_array(array_sort_asc(make_list_if(\(text), isnotempty(\(text)))), ' ')"
      case .duckdb: return "string_agg(\(text), ' ' ORDER BY \(text))"
      case .spark: return "concat_ws(' ', sort_array(collect_list(\(text))))"
      }
    }
  }

  func expression(_ expression: PushdownPlan.Expression) -> String {
    let kql = engine == .kql
    switch expression {
    case .column(let name): return name
    case .integer(let value): return String(value)
    case .text(let text): return quoted(text)
    case .null(let type):
      guard kql else { return "NULL" }
      switch type {
      case .integer: return "long(null)"
      case .real: return "real(null)"
      case .text: return "\"\""
      }
    case .binary(let op, let left, let right):
      var spelled = op
      if kql {
        spelled = ["=": "==", "<>": "!=", "AND": "and", "OR": "or"][op] ?? op
      }
      return "(\(self.expression(left)) \(spelled) \(self.expression(right)))"
    case .choose(let condition, let yes, let no):
      if kql { return "iff(\(self.expression(condition)), \(self.expression(yes)), \(self.expression(no)))" }
      return "CASE WHEN \(self.expression(condition)) THEN \(self.expression(yes)) ELSE \(self.expression(no)) END"
    case .isNull(let value): return kql ? "isnull(\(self.expression(value)))" : "(\(self.expression(value)) IS NULL)"
    case .isNotNull(let value):
      return kql ? "isnotnull(\(self.expression(value)))" : "(\(self.expression(value)) IS NOT NULL)"
    case .oneOf(let value, let texts):
      return "(\(self.expression(value)) \(kql ? "in" : "IN") (\(texts.map(quoted).joined(separator: ", "))))"
    case .call(let function, let arguments):
      return call(function, arguments.map { self.expression($0) })
    }
  }

  /// Days, hours, minutes and seconds of an ISO 8601 duration, each part 0 where absent.
  private func durationSeconds(_ text: String) -> String {
    let upper = engine == .kql ? "toupper(\(text))" : "upper(\(text))"
    let parts: [(pattern: String, group: Int, seconds: Int)] = [
      ("^P([0-9]+)D", 1, 86_400), ("T([0-9]+)H", 1, 3600), ("T([0-9]+H)?([0-9]+)M", 2, 60),
      ("T([0-9]+H)?([0-9]+M)?([0-9]+)S", 3, 1),
    ]
    let terms = parts.map { part in
      let found =
        engine == .kql
        ? "tolong(extract(\(quoted(part.pattern)), \(part.group), \(upper)))"
        : "CAST(nullif(regexp_extract(\(upper), \(quoted(part.pattern)), \(part.group)), '') AS BIGINT)"
      return "coalesce(\(found), 0) * \(part.seconds)"
    }
    return "(" + terms.joined(separator: " + ") + ")"
  }

  private func call(_ function: PushdownPlan.Function, _ a: [String]) -> String {
    let first = a.first ?? ""
    let second = a.count > 1 ? a[1] : ""
    let text = engine == .spark ? "STRING" : "VARCHAR"
    switch (function, engine) {
    case (.divide, .kql): return "(\(first) / \(second))"
    case (.divide, .duckdb): return "(\(first) // \(second))"
    case (.divide, .spark): return "(\(first) div \(second))"
    case (.modulo, _): return "(\(first) % \(second))"
    case (.wholeRate, .kql): return "tolong(bin(\(first), 1))"
    case (.wholeRate, _): return "CAST(floor(\(first)) AS BIGINT)"
    case (.scaledRate, .kql): return "todecimal(tolong(bin(\(first) * 8192, 1)))"
    case (.scaledRate, .duckdb): return "CAST(floor(\(first) * 8192) AS HUGEINT)"
    case (.scaledRate, .spark): return "CAST(floor(\(first) * 8192) AS DECIMAL(38, 0))"
    case (.digits, .kql): return "strlen(tostring(\(first)))"
    case (.digits, _): return "length(CAST(\(first) AS \(text)))"
    case (.leadingFourDigits, .kql): return "tolong(substring(tostring(\(first)), 0, 4))"
    case (.leadingFourDigits, _): return "CAST(substr(CAST(\(first) AS \(text)), 1, 4) AS BIGINT)"
    case (.month, .kql): return "format_datetime(unixtime_seconds_todatetime(\(first)), 'yyyy-MM')"
    case (.month, .duckdb): return "strftime(make_timestamp(\(first) * 1000000), '%Y-%m')"
    case (.month, .spark): return "date_format(timestamp_seconds(\(first)), 'yyyy-MM')"
    case (.histogramEntry, .kql): return "strcat(\(first), ':', \(second))"
    case (.histogramEntry, _): return "concat(CAST(\(first) AS \(text)), ':', CAST(\(second) AS \(text)))"
    case (.durationSeconds, _): return durationSeconds(first)
    }
  }
}
