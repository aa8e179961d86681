import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The `Bandwidth` rows of a price sheet: internet egress in the shapes real sheets write it, and why any other is
/// left out (listed in the import's log, never dropped silently).
///
/// The routing preference comes from `Product` or `MeterSubCategory`: `Rtn Preference: MGN` (Microsoft's network) or
/// `Rtn Preference: Internet`, alone as the Retail Prices API writes it or leading an EA product name
/// (`Rtn Preference: MGN - Standard Data Transfer Out - Zone 1`). The region the data leaves is `MeterRegion`: an
/// Azure region (`West Europe`, `westeurope`) or an internet egress region group (`Europe`, `North America`).
extension PriceSheetImporter {
  /// The routing preferences, as the Retail Prices API's product names.
  static let routingProducts = ["Rtn Preference: MGN", "Rtn Preference: Internet"]

  /// The row's product and region as the Retail Prices API writes them for internet egress (`Rtn Preference: MGN`,
  /// an ARM region), or the row's own where they cannot be read that way (the row is then not recognised).
  func internetEgressShape(_ row: PriceSheet.Row) -> (product: String, region: String) {
    let product =
      [row.text("Product"), row.text("MeterSubCategory")].lazy.compactMap { text in
        Self.routingProducts.first { text.lowercased().hasPrefix($0.lowercased()) }
      }.first ?? row.text("Product")
    let meterRegion = row.text("MeterRegion")
    if retail.internetRegions[armName(meterRegion)] != nil { return (product, armName(meterRegion)) }
    // A region group: any ARM region of the group stands for it (the classification keeps only the group).
    if let group = InternetRouting.InternetRegion.allCases.first(where: {
      $0.rawValue.lowercased() == meterRegion.lowercased()
    }),
      let region = retail.internetRegions.keys.sorted().first(where: { retail.internetRegions[$0] == group })
    {
      return (product, region)
    }
    return (product, meterRegion)
  }

  /// Why a `Bandwidth` row was not read as internet egress.
  func bandwidthSkipReason(_ row: PriceSheet.Row) -> String {
    let name = row.text("MeterName")
    guard name.lowercased() == "standard data transfer out" else {
      return
        "not internet egress ercalc prices (only 'Standard Data Transfer Out' is; transfers between regions or zones and inbound data are not ExpressRoute charges)"
    }
    let shape = internetEgressShape(row)
    guard Self.routingProducts.contains(shape.product) else {
      return
        "no routing preference in Product or MeterSubCategory ('\(row.text("Product"))'; expected 'Rtn Preference: MGN' or 'Rtn Preference: Internet')"
    }
    guard retail.internetRegions[shape.region] != nil else {
      return
        "'\(row.text("MeterRegion"))' in MeterRegion is neither an Azure region nor an internet egress region group (such as West Europe or Europe): internet egress is priced by the region the data leaves"
    }
    return "unit of measure '\(row.text("UnitOfMeasure"))' is not a block of GB (such as '1 GB' or '10 GB')"
  }
}
