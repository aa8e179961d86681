import ExpressRouteCore
import Foundation

/// A column of a traffic CSV and how to read it.
struct CSVColumnLayout: Sendable {
  var time: Int
  var inbound: Int?
  var outbound: Int?
  var circuit: Int?
  var inboundScale = 1.0
  var outboundScale = 1.0
  var headers: [String]
  /// The file's dialect, detected from the header line (``CSVDialect/detect(_:rank:)``); a later chunk's scanner
  /// (``CSVScanner/init(file:defaultCircuit:interval:fastIngest:layout:)``) reads with it too.
  var dialect = CSVDialect.comma
}
