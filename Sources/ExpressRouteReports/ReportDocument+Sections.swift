import ExpressRouteCore

extension [ReportDocument.ReportBlock] {
  /// Appends a table under its own heading: `.heading(heading)`, then `.table` of `columns`, `rows` and `footer`
  /// (the shape of most report sections).
  mutating func appendTable(
    _ heading: String, columns: [ReportDocument.ReportTable.Column], rows: [[String]], footer: [String]? = nil
  ) {
    append(.heading(heading))
    append(.table(ReportDocument.ReportTable(columns: columns, rows: rows, footer: footer)))
  }
}
