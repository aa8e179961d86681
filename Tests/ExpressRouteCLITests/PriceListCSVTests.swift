import Foundation
import TestSupport
import Testing

/// `prices show --format csv` prices one unit of every rate as a line item: rounded once, half away from zero, as
/// every other report rounds (the review found 0.025 written as 0.02, half to even).
@Suite struct PriceListCSVTests {
  @Test func oneUnitIsRoundedAsALineItem() throws {
    let result = ercalc("prices", "show", "--format", "csv")
    #expect(result.status == .success, "\(result.errors)")
    let table = CSVTable(result.output)
    // Zone 1 metered egress: 1 GB × 0.025 = 0.025 → 0.03. ErGw1AZ: 1 hour × 0.361 = 0.361 → 0.36.
    let egress = try #require(table.rows.first { $0["ChargeDescription"] == "Metered outbound data, Zone 1" })
    #expect(egress["ListCost"] == "0.03" && egress["BilledCost"] == "0.03" && egress["ListUnitPrice"] == "0.025")
    let gateway = try #require(table.rows.first { $0["ChargeDescription"] == "ErGw1AZ gateway" })
    #expect(gateway["ListCost"] == "0.36" && gateway["ListUnitPrice"] == "0.361")
  }
}
