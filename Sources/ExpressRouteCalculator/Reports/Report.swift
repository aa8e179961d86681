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
}

extension Report {
  /// The report rendered in `format`.
  public func render(_ format: ReportFormat) -> String {
    switch format {
    case .text: return TextRenderer().render(document)
    case .markdown: return MarkdownRenderer().render(document)
    case .json: return JSONWriter.write(json)
    case .csv: return CostRow.csv(csvRows)
    case .html: return HTMLRenderer().render(document)
    }
  }
}
