import ExpressRouteCore
import ExpressRoutePricing
import Foundation

extension RetailPriceImporter {
  /// An item that prices a meter ercalc knows, its price already per unit (`1 GB`, `1 Hour`, `1/Month`).
  struct Candidate {
    var meter: Meter
    var item: RetailPriceItem
  }

  /// Whether `meter` is priced per region (gateways), so that only the chosen region's items are read.
  static func isRegional(_ meter: Meter) -> Bool {
    switch meter {
    case .gateway, .vpnGateway: return true
    default: return false
    }
  }

  /// Each meter's price on `date` by the rule both importers share (``PriceInForce``): of its items in force, the
  /// latest start. Items that start after `date` are listed in ``Summary/future``; items that ended before it, or
  /// that a later start replaces, are skipped; two prices from one start are a conflict, the first kept.
  func choose(
    _ found: [Candidate], on date: String, currency: CurrencyCode, source: PriceSource, summary: inout Summary
  ) -> [Meter: Rate] {
    let provenance = Provenance(sourceID: source.id, date: source.date, confidence: .confirmed)
    var byMeter: [Meter: [Candidate]] = [:]
    for candidate in found { byMeter[candidate.meter, default: []].append(candidate) }
    var rates: [Meter: Rate] = [:]
    for meter in byMeter.keys.sorted() {
      let rows = byMeter[meter] ?? []
      for row in rows where (row.item.effectiveDate ?? "") > date {
        summary.future.append(
          "\(meter.displayName): \(row.item.retailPrice.plainDescription) from \(row.item.effectiveDate ?? "") at \(row.item.location)"
        )
      }
      guard
        let chosen = PriceInForce.chosen(rows, on: date, start: \.item.effectiveDate, end: \.item.effectiveEndDate)
      else {
        summary.skipped += rows.count
        continue
      }
      rates[meter] = Rate(
        meter: meter, price: Money(chosen.item.retailPrice, currency: currency), provenance: provenance,
        location: chosen.item.location)
      summary.imported += 1
      for row in rows where row.item.location != chosen.item.location {
        guard row.item.effectiveDate == chosen.item.effectiveDate,
          PriceInForce.isInForce(start: row.item.effectiveDate, end: row.item.effectiveEndDate, on: date)
        else {
          summary.skipped += 1
          continue
        }
        summary.imported += 1
        if row.item.retailPrice != chosen.item.retailPrice {
          summary.conflicts.append(
            "\(meter.displayName): \(chosen.item.retailPrice.plainDescription) and \(row.item.retailPrice.plainDescription) at \(row.item.location); kept the first"
          )
        }
      }
    }
    return rates
  }
}
