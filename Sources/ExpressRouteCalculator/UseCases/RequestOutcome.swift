import ExpressRouteCore
import ExpressRouteReports

extension UseCases {
  /// What a request produced: the report to render and the figure a budget gate (`--fail-above`) checks.
  public struct RequestOutcome<Body: Report>: Sendable {
    /// The figure a budget gate compares with its limit.
    public struct Gate: Hashable, Sendable {
      /// The amount compared (a monthly total, the highest month, a monthly increase); `nil` when nothing could be priced.
      public var total: Money?
      /// What ``total`` is, in words ("monthly total", "highest monthly cost", …).
      public var measure: String
      /// Charges or items missing from ``total``: while any is, the total is incomplete and a gate cannot pass.
      public var unpriced: Int

      /// Creates a gate figure.
      public init(total: Money?, measure: String, unpriced: Int) {
        self.total = total
        self.measure = measure
        self.unpriced = unpriced
      }
    }

    /// The report, ready to render in any format.
    public var report: Body
    /// The figure a gate checks; `nil` when the request has no total to gate.
    public var gate: Gate?

    /// Creates an outcome.
    public init(report: Body, gate: Gate?) {
      self.report = report
      self.gate = gate
    }
  }
}

/// `UseCases.RequestOutcome`, by its short name inside the package.
package typealias RequestOutcome = UseCases.RequestOutcome
