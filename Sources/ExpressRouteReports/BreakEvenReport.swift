import ExpressRouteCore
import ExpressRoutePricing
import Foundation

/// The metered-vs-unlimited break-even for every provider size and zone of one tier.
public struct BreakEvenReport: Report {
  /// Rows: one per bandwidth; columns: one per zone.
  public var results: [[CircuitComparison.BreakEven]]
  /// The tier.
  public var tier: CircuitTier
  /// What the matrix was priced on.
  public var basis: PricingBasis
  /// The rate table's name.
  public var priceTableName: String { basis.tableName }
  /// The rate table's date.
  public var priceDate: String { basis.priceDate }
  /// Hours per month used for capacity shares.
  public var hoursPerMonth: Decimal { basis.hoursPerMonth }

  /// Creates a report of `results` (rows: provider sizes; columns: zones) for `tier`, priced on `basis`.
  public init(results: [[CircuitComparison.BreakEven]], tier: CircuitTier, basis: PricingBasis) {
    self.results = results
    self.tier = tier
    self.basis = basis
  }

  static func cell(_ result: BreakEven) -> String {
    switch result.outcome {
    case .crossover(let volume, let share): return "\(volume) (\((share * 100).fixedPoint(places: 0))%)"
    case .beyondCapacity: return "no crossover"
    case .unlimitedAlwaysCheaper: return "always unlimited"
    case .meteredAlwaysCheaper: return "always metered"
    case .unpriced: return "unpriced"
    case .notSold: return "not sold"
    }
  }

  public var document: ReportDocument {
    ReportDocument(
      title: "\(tier.name): metered vs unlimited break-even",
      blocks: [
        .facts(
          basis.facts + [
            ReportFact(
              "Reading",
              "unlimited is cheaper above the volume shown (GB outbound per month); the percentage is its share of one direction's full-month capacity"
            )
          ]),
        .table(
          ReportTable(
            columns: [.init("Bandwidth")] + Zone.priced.map { .init($0.name, .right) },
            rows: results.map { row in [row.first?.bandwidth.description ?? ""] + row.map(Self.cell) })),
      ])
  }

  public var json: JSONValue { basis.withDiscount(listedJSON) }

  private var listedJSON: JSONValue {
    .object([
      ("schema", .string("ercalc.breakEven")), ("schemaVersion", .number(1)), ("tier", .string(tier.name)),
      ("priceDate", .string(priceDate)), ("hoursPerMonth", .string(hoursPerMonth.plainDescription)),
      (
        "results",
        .objects(results.joined()) { result in
          var volume: JSONValue = .null
          var share: JSONValue = .null
          if case .crossover(let v, let s) = result.outcome {
            volume = .string(v.gigabytes.rounded(toPlaces: 3, rule: .toNearestOrEven).plainDescription)
            share = .string(s.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription)
          }
          return [
            ("bandwidth", .string(result.bandwidth.description)), ("zone", .string(result.zone.name)),
            ("volumeGB", volume),
            ("capacityShare", share), ("summary", .string(result.summary)),
          ]
        }
      ),
    ])
  }

  public var csvRows: [CostRow] { [] }
}
