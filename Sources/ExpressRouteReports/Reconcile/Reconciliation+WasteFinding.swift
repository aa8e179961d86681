import ExpressRouteCore
import Foundation

extension Reconciliation {
  /// Money billing and inventory together show is wasted, with its monthly cost and the fix.
  public struct WasteFinding: Hashable, Sendable {
    /// What kind of waste.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
      /// A circuit billed while its provider has not provisioned it (`serviceProviderProvisioningState`
      /// `NotProvisioned`).
      case notProvisioned = "circuit billed but not provisioned"
      /// An ExpressRoute gateway with no connection.
      case idleGateway = "gateway with no connection"
      /// A gateway still billed whose connections reach only circuits that no longer exist.
      case orphanedGateway = "gateway billed after its circuit is gone"
      /// A Premium circuit whose every connected region is in its peering location's geopolitical region.
      case premiumFitsStandard = "Premium where Standard fits"
      /// A Metered circuit whose billed outbound data would cost less on Unlimited.
      case meteredCheaperUnlimited = "Unlimited would cost less"
      /// An Unlimited circuit whose outbound data would cost less on Metered.
      case unlimitedCheaperMetered = "Metered would cost less"
      /// A circuit that carried almost no outbound data.
      case almostNoEgress = "almost no outbound data"
    }

    /// What ``monthlyCost`` is costed from.
    public enum CostBasis: String, Hashable, Sendable, CaseIterable {
      /// The rows the export billed for the resource in ``month`` (what the customer pays, discounts included).
      case billed = "billed"
      /// The rate table in use (list prices, or the customer's imported sheet): the export bills no row for it.
      case listPrice = "list price"
    }

    /// The kind.
    public var kind: Kind
    /// The resource's name.
    public var resource: String
    /// Its ARM ID.
    public var resourceId: String
    /// The month the figures are from (the last month billed).
    public var month: MonthKey
    /// What it costs, or what would be saved, per month.
    public var monthlyCost: Decimal
    /// Why: the facts behind the finding, with their figures.
    public var evidence: String
    /// What to do.
    public var fix: String
    /// Whether ``monthlyCost`` comes from the billed rows or, where the export has none, the rate table.
    public var costBasis: CostBasis

    /// Creates a finding.
    package init(
      kind: Kind, resource: String, resourceId: String, month: MonthKey, monthlyCost: Decimal, evidence: String,
      fix: String, costBasis: CostBasis = .billed
    ) {
      self.kind = kind
      self.resource = resource
      self.resourceId = resourceId
      self.month = month
      self.monthlyCost = monthlyCost
      self.evidence = evidence
      self.fix = fix
      self.costBasis = costBasis
    }
  }
}
