import ExpressRouteCLI
import Foundation
import Testing

/// A circuit whose `sku.name` disagrees with `sku.tier` / `sku.family` is priced by tier and family (the fields the
/// REST API types as enums; `name` is free text), and the disagreement is shown in every report format.
@Suite struct SKUConflictTests {
  static let conflict =
    "circuit 'ams-edge': sku.name 'Premium_MeteredData' (\(fixture("sku-conflict/az-sku-conflict.json")):26:15) disagrees with sku.tier 'Standard' and sku.family 'UnlimitedData'; priced as Standard UnlimitedData, from sku.tier and sku.family"

  @Test func aConflictIsPricedByTierAndFamilyAndNamedInTextMarkdownHTMLAndJSON() throws {
    let path = fixture("sku-conflict/az-sku-conflict.json")
    let text = ercalc("quote", "--from", path, "--egress", "1TB")
    #expect(text.status == .success, "\(text.errors)")
    // ams-edge: Standard UnlimitedData 1 Gbps, Zone 1 = 5,700 (pricing-facts §1.2); lon-edge: Standard MeteredData
    // 1 Gbps, Zone 1 = 436 (§1.1) + 1 TB = 1,000 GB × 0.025 = 25; total 5,700 + 436 + 25 = 6,161.
    #expect(text.output.contains("Monthly total:            6,161.00 USD"))
    // Words wrap in text: compare with the line breaks taken out.
    let unwrapped = text.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(unwrapped.contains("- " + Self.conflict))
    // The circuit whose three fields agree gets no note.
    #expect(!text.output.contains("circuit 'lon-edge': sku.name"))
    for format in ["markdown", "html", "json"] {
      let result = ercalc("quote", "--from", path, "--egress", "1TB", "--format", format)
      #expect(result.status == .success)
      // HTML escapes the quotes, Markdown the underscores.
      let expected =
        format == "html"
        ? Self.conflict.replacingOccurrences(of: "'", with: "&#39;")
        : format == "markdown" ? Self.conflict.replacingOccurrences(of: "_", with: "\\_") : Self.conflict
      #expect(result.output.contains(expected), "\(format)")
    }
    // CSV cost rows have no notes: the note is on standard error.
    let csv = ercalc("quote", "--from", path, "--egress", "1TB", "--format", "csv")
    #expect(csv.status == .success)
    #expect(csv.errors.contains("note: " + Self.conflict))
  }

  @Test func aNetBrainShapedExportStillPricesByTierWithANote() throws {
    // sku.name Standard_MeteredData, tier Premium, family MeteredData, 50 Mbps at Chicago (Zone 1): priced Premium
    // MeteredData 50 Mbps, Zone 1 = 130 (pricing-facts §1.3), not Standard's 55 (§1.1).
    let path = fixture("sku-conflict/arm-circuit-sku-name-differs.json")
    let result = ercalc("quote", "--from", path, "--egress", "0GB", "--format", "json")
    #expect(result.status == .success, "\(result.errors)")
    #expect(result.output.contains("\"monthlyTotal\": \"130.00\""))
    #expect(
      result.output.contains(
        "circuit 'chi-lab': sku.name 'Standard_MeteredData' (\(path):22:13) disagrees with sku.tier 'Premium'; priced as Premium MeteredData"
      ))
  }
}
