import ExpressRouteCore
import ExpressRoutePlanning

extension UseCases {
  /// The plan's calendar and the planning options a run shares, decided once and handed to every request that plans.
  ///
  /// `size`, `budget`, `diff` and `audit` read the fields that apply to them; a field left `nil` keeps what the input
  /// says (a profile's `leadTimeMonths`, a portfolio's `startMonth` and `horizonMonths`). Lead time and amortisation live
  /// here only: the requests copy them into the profile, the planner or the overlap check they run.
  public struct PlanOptions: Hashable, Sendable {
    /// The lead time when neither the options nor the input give one: 1 month.
    public static let defaultLeadTimeMonths = 1

    /// Calendar month of plan month 1; `nil` keeps a portfolio's `startMonth` (a profile's plan then counts months
    /// from 1, labelled "month 1", "month 2", …).
    public var start: MonthKey?
    /// Months to plan (1 to 60); `nil` keeps the input's own horizon.
    public var months: Int?
    /// First calendar month (1 to 12) of the years totals are grouped by; `nil` is January (calendar years).
    public var fiscalYearStart: Int?
    /// Months an old and a new circuit both run when a change needs a new circuit (0 to 12); `nil` keeps a
    /// profile's `leadTimeMonths`, else ``defaultLeadTimeMonths``.
    public var leadTimeMonths: Int?
    /// Spread one-time charges (installation fees) over their contract term instead of charging them in their first
    /// month.
    public var amortize: Bool

    /// Creates options; every field left out keeps what the input says.
    public init(
      start: MonthKey? = nil, months: Int? = nil, fiscalYearStart: Int? = nil, leadTimeMonths: Int? = nil,
      amortize: Bool = false
    ) {
      self.start = start
      self.months = months
      self.fiscalYearStart = fiscalYearStart
      self.leadTimeMonths = leadTimeMonths
      self.amortize = amortize
    }

    /// The lead time in months: the options', else the default.
    var leadTime: Int { leadTimeMonths ?? Self.defaultLeadTimeMonths }

    /// A profile planned with these options: its plan start, lead time and amortisation.
    func applied(to profile: WorkloadProfile) -> WorkloadProfile {
      var profile = profile
      if let leadTimeMonths { profile.leadTimeMonths = leadTimeMonths }
      profile.planStart = start
      profile.amortizeCharges = amortize
      return profile
    }

    /// A portfolio budgeted over these options' calendar: its start month and horizon.
    func applied(to portfolio: Portfolio) -> Portfolio {
      var portfolio = portfolio
      if let start { portfolio.startMonth = start }
      if let months { portfolio.horizonMonths = months }
      return portfolio
    }

    /// A budget totalled by these options' years.
    func applied(to budget: Budget) -> Budget {
      var budget = budget
      if let fiscalYearStart { budget.fiscalYearStart = fiscalYearStart }
      return budget
    }
  }
}

/// `UseCases.PlanOptions`, by its short name inside the package.
package typealias PlanOptions = UseCases.PlanOptions
