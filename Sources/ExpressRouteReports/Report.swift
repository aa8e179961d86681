import ExpressRouteCore

/// Something ercalc can print in every ``ReportFormat``.
///
/// A report holds priced results; ``document`` formats them for text,
/// Markdown and HTML, ``json`` gives the versioned machine form, ``csvRows``
/// the FOCUS-style cost rows. Renderers never price.
public protocol Report: Sendable {
  /// The human-readable layout.
  var document: ReportDocument { get }
  /// The machine-readable form (documented schema, `schemaVersion` 1).
  var json: JSONValue { get }
  /// Cost rows for CSV, one per line item or unpriced item.
  var csvRows: [CostRow] { get }
  /// The CSV text; FOCUS cost rows unless a report has a table of its own.
  var csv: String { get }
}

extension Report {
  /// FOCUS-style cost rows.
  public var csv: String { CostRow.csv(csvRows) }

  /// The report rendered in `format`.
  public func render(_ format: ReportFormat) -> String {
    switch format {
    case .text: return TextRenderer().render(document)
    case .markdown: return MarkdownRenderer().render(document)
    case .json: return JSONWriter.write(json)
    case .csv: return csv
    case .html: return HTMLRenderer().render(document)
    }
  }
}
