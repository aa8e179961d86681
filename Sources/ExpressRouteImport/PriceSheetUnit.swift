import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// A unit of measure (a price sheet's `UnitOfMeasure`, a Retail Prices API item's `unitOfMeasure`): a block of one
/// of the units rate tables price in. Both importers read units by this one rule.
///
/// Prices are stated per block (`10 GB`, `100 Hours`, `1/Month`), where rate tables price one unit (`1 GB`,
/// `1 Hour`, `1/Month`): the price per unit is `price ÷ blockSize`. The
/// spellings read are those of Microsoft's pricing-unit list for EA and MCA (finops-toolkit `PricingUnits.csv`):
/// `N Hour`, `N Hours`, `N/Hour`, `N GB`, `N/Month`, `N Month`, `N Months` (a space before `/` allowed). Anything
/// else, such as `1 TB` (1,000 or 1,024 GB?) or `1 GB/Month` (storage, not transfer), is not read: ``init(_:)``
/// returns `nil`: the price-sheet importer refuses the row, the Retail Prices API importer lists the item as not
/// recognised.
package struct PriceSheetUnit: Hashable, Sendable {
  /// The unit one block is made of.
  package var unit: Meter.PricingUnit
  /// How many units one block holds (10 for `10 GB`).
  package var blockSize: Decimal

  /// Parses a unit of measure, or `nil` for one ercalc does not know.
  package init?(_ text: String) {
    let spaced = text.trimmedOfWhitespace().replacingOccurrences(of: " /", with: "/")
    guard let match = spaced.wholeMatch(of: /(\d{1,9})(?: ?(GB|Hours?|Months?|hours?)|\/(Hour|Month))/),
      let count = Int(match.1), count > 0
    else { return nil }
    let name = (match.2 ?? match.3).map(String.init)?.lowercased() ?? ""
    switch name {
    case "gb": unit = .gigabyte
    case "hour", "hours": unit = .hour
    case "month", "months": unit = .month
    default: return nil
    }
    blockSize = Decimal(count)
  }

  /// `UnitPrice` per block as a price per unit: `price ÷ blockSize`, exact for every block size of 1 followed by
  /// zeros (0.20 per `10 GB` is 0.02 per GB).
  package func perUnit(_ price: Decimal) -> Decimal { price / blockSize }

  /// The unit of measure this block turns into: `1 GB`, `1 Hour`, `1/Month`.
  package var baseText: String { unit.rawValue }
}
