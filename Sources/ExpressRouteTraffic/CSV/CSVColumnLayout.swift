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
}
