import ExpressRouteCore
import ExpressRoutePlanning
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
      /// For a comparison, the before side's figure: the base of a relative threshold (`+10%`); `nil` otherwise.
      public var before: Money?
      /// For a comparison, after minus before (priced items only while ``unpriced`` > 0); `nil` otherwise.
      public var change: Money?
      /// For a comparison whose ``unpriced`` counts the after side only: charges missing from ``before``.
      public var beforeUnpriced = 0

      /// Creates a gate figure; a comparison gives `before` and `change` too.
      public init(total: Money?, measure: String, unpriced: Int, before: Money? = nil, change: Money? = nil) {
        self.total = total
        self.measure = measure
        self.unpriced = unpriced
        self.before = before
        self.change = change
      }

      /// The figure as a ``CostGate`` judges it.
      public var figure: CostGate.Figure {
        var figure = CostGate.Figure(
          measure: measure, amount: total, unpriced: unpriced, before: before, change: change)
        figure.beforeUnpriced = beforeUnpriced
        return figure
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
