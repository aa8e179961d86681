import ExpressRouteCore

/// An output format of ercalc's reports.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, json, csv, html

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .text: return "txt"
    case .markdown: return "md"
    case .json: return "json"
    case .csv: return "csv"
    case .html: return "html"
    }
  }

  /// The format implied by a file name's extension, if any.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "json": self = .json
    case "csv": self = .csv
    case "html", "htm": self = .html
    default: return nil
    }
  }
}
