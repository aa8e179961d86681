import Foundation

extension BudgetSummary {
  /// What a total covers: whether any charge in it was priced, and whether it leaves out any that could not be. A
  /// total that leaves charges out is not the cost, and one with nothing priced is not a number at all.
  public struct Coverage: Hashable, Sendable {
    /// Some charge in the total was priced.
    public var hasPriced: Bool
    /// Some charge is left out of the total because it could not be priced.
    public var hasUnpriced: Bool

    /// Nothing in it: the coverage of an empty span.
    public static let empty = Coverage(hasPriced: false, hasUnpriced: false)

    /// The coverage of a total summing this one and `other`.
    public func merged(_ other: Coverage) -> Coverage {
      Coverage(hasPriced: hasPriced || other.hasPriced, hasUnpriced: hasUnpriced || other.hasUnpriced)
    }

    /// Charges were left out and none was priced: the total is unknown, not zero.
    public var isUnknown: Bool { hasUnpriced && !hasPriced }
  }

  /// The coverage of the total of `sites` over `months` (indices into the budget's sites and months). With nothing
  /// unpriced anywhere in the budget every total is whole: the answer is then ``Coverage/hasPriced`` and not
  /// ``Coverage/hasUnpriced``, given without scanning the cells (a large budget is not scanned cell by cell), even for
  /// a span whose cells hold no charge.
  /// When every site was refused, every total is unknown.
  public func coverage(sites: some Sequence<Int>, months: some Sequence<Int>) -> Coverage {
    if refusedEverySite { return Coverage(hasPriced: false, hasUnpriced: true) }
    guard !unpriced.isEmpty else { return Coverage(hasPriced: true, hasUnpriced: false) }
    var result = Coverage.empty
    let months = Array(months)
    for site in sites {
      let row = siteMonthCoverage[site]
      for month in months where row.indices.contains(month) {
        result = result.merged(row[month])
        if result.hasPriced && result.hasUnpriced { return result }
      }
    }
    return result
  }
}
