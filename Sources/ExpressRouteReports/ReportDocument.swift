import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePlanning
import Foundation

/// A formatted report, ready for a renderer: text is final, numbers already formatted.
///
/// Report builders (``QuoteReport`` and friends) turn priced results into a
/// document; renderers (``ReportFormat``) only lay it out. Nothing here prices.
public struct ReportDocument: Hashable, Sendable {
  /// The report's title.
  public var title: String
  /// The blocks, in reading order.
  public var blocks: [ReportDocument.ReportBlock]

  /// Creates a document.
  public init(title: String, blocks: [ReportDocument.ReportBlock] = []) {
    self.title = title
    self.blocks = blocks
  }
}

extension ReportDocument {
  /// One block of a report.
  public enum ReportBlock: Hashable, Sendable {
    /// A section heading.
    case heading(String)
    /// Label–value pairs (`Hours per month: 730`).
    case facts([ReportDocument.ReportFact])
    /// A table.
    case table(ReportDocument.ReportTable)
    /// A paragraph of prose.
    case paragraph(String)
    /// A bulleted list.
    case list([String])
    /// A chart (drawn in HTML; summarised as its table elsewhere).
    case chart(ReportDocument.ReportChart)
  }

  /// A label and its value.
  public struct ReportFact: Hashable, Sendable {
    /// The label.
    public var label: String
    /// The value.
    public var value: String

    /// Creates a fact.
    public init(_ label: String, _ value: String) {
      self.label = label
      self.value = value
    }
  }

  /// A table of pre-formatted cells.
  public struct ReportTable: Hashable, Sendable {
    /// How a column's cells line up.
    public enum Alignment: Hashable, Sendable { case left, right }

    /// One column.
    public struct Column: Hashable, Sendable {
      /// The header.
      public var title: String
      /// Alignment of header and cells.
      public var alignment: Alignment

      /// Creates a column.
      public init(_ title: String, _ alignment: Alignment = .left) {
        self.title = title
        self.alignment = alignment
      }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows; each has one cell per column.
    public var rows: [[String]]
    /// A closing row (totals), set apart when rendered.
    public var footer: [String]?

    /// Creates a table.
    public init(columns: [Column], rows: [[String]], footer: [String]? = nil) {
      self.columns = columns
      self.rows = rows
      self.footer = footer
    }
  }

  /// A chart: named series of points over labelled categories, values already exact.
  public struct ReportChart: Hashable, Sendable {
    /// The kind of chart.
    public enum Kind: Hashable, Sendable {
      /// Horizontal bars, one per category (first series only).
      case bars
      /// Vertical stacked bars: one bar per category, one segment per series.
      case stackedColumns
      /// Lines, one per series, over categories read as x positions.
      case lines
    }

    /// One series of values, one per category.
    public struct Series: Hashable, Sendable {
      /// The series name (legend).
      public var name: String
      /// One value per category.
      public var values: [Double]
      /// Whether this series is the remainder ("Other 989 sites") of a top-N chart: drawn last, in a colour no named
      /// series has.
      public var isRemainder: Bool

      /// Creates a series.
      public init(name: String, values: [Double], isRemainder: Bool = false) {
        self.name = name
        self.values = values
        self.isRemainder = isRemainder
      }
    }

    /// The most series a chart holds, each in its own colour: a builder with more keeps the largest
    /// `maximumSeries − 1` and folds the rest into one remainder series (``Series/isRemainder``).
    public static let maximumSeries = 8

    /// A vertical or horizontal marker line with a label.
    public struct Marker: Hashable, Sendable {
      /// The position on the x axis, in category-index units (fractional allowed).
      public var position: Double
      /// The label.
      public var label: String
    }

    /// The kind.
    public var kind: Kind
    /// The title shown above the chart.
    public var title: String
    /// The categories (x labels, or bar labels).
    public var categories: [String]
    /// The series.
    public var series: [Series]
    /// The value axis label (`USD per month`).
    public var valueLabel: String
    /// Marker lines (for example, a break-even volume).
    public var markers: [Marker]
    /// The category axis title with its unit (`Month`, `Outbound data per month (GB)`); empty for bars.
    public var categoryLabel: String
    /// The categories as numbers on a continuous axis (a line chart's outbound GB), one per category, or empty: when
    /// given, the category axis has round ticks of its own instead of the category labels. Marker positions stay in
    /// category-index units.
    public var categoryValues: [Double] = []
    /// Horizontal reference lines at a value, with a label (a circuit's capacity on a traffic chart).
    public var levels: [(value: Double, label: String)] = []
    /// Series drawn up to their second-to-last point, the last step dashed: for curves whose last point is a
    /// peak, not a measured step (a traffic duration curve's P95 to P100).
    public var lastStepIsPeak = false

    /// Creates a chart. Values are `Double` for drawing only; every amount shown as text comes from `Decimal`.
    public init(
      kind: Kind, title: String, categories: [String], series: [Series], valueLabel: String, markers: [Marker] = [],
      categoryLabel: String = ""
    ) {
      self.kind = kind
      self.title = title
      self.categories = categories
      self.series = series
      self.valueLabel = valueLabel
      self.markers = markers
      self.categoryLabel = categoryLabel
    }

    public static func == (lhs: ReportDocument.ReportChart, rhs: ReportDocument.ReportChart) -> Bool {
      lhs.kind == rhs.kind && lhs.title == rhs.title && lhs.categories == rhs.categories && lhs.series == rhs.series
        && lhs.valueLabel == rhs.valueLabel && lhs.markers == rhs.markers && lhs.categoryLabel == rhs.categoryLabel
        && lhs.levels.map(\.value) == rhs.levels.map(\.value) && lhs.levels.map(\.label) == rhs.levels.map(\.label)
        && lhs.lastStepIsPeak == rhs.lastStepIsPeak && lhs.categoryValues == rhs.categoryValues
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(title)
      hasher.combine(categories)
      hasher.combine(series)
    }
  }
}

// Short names inside the package.
package typealias ReportBlock = ReportDocument.ReportBlock
package typealias ReportFact = ReportDocument.ReportFact
package typealias ReportTable = ReportDocument.ReportTable
package typealias ReportChart = ReportDocument.ReportChart
