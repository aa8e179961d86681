import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// The report of ``CircuitComparison``: every SKU × billing option side by side.
public struct ComparisonReport: Report {
  /// The comparison.
  public var comparison: CircuitComparison
  /// One direction's full-month volume at the compared bandwidth.
  public var monthlyCapacity: DataVolume
  /// Metered-vs-unlimited cost by volume for Standard at this size and zone.
  public var crossover: ReportDocument.ReportChart?
  /// ExpressRoute against a VPN over the internet, when asked for.
  public var vpn: CircuitComparison.VPNComparison?
  /// Whether the outbound volume was given. When it was not, the comparison is priced at 0 GB (which favours
  /// metered billing) and every format says so: a note, a qualified verdict, `monthlyEgressGB` null in JSON, and the
  /// metered outbound-data rows of the CSV unpriced (their quantity is not known).
  public var egressGiven = true

  /// Creates a report of `comparison` (its capacity and cost curve come with it).
  public init(comparison: CircuitComparison) {
    self.comparison = comparison
    self.monthlyCapacity = comparison.monthlyCapacity
    self.crossover = comparison.curve.map { CrossoverChart.make($0, volume: comparison.monthlyEgress) }
  }

  /// Why the outbound data of a comparison made without a volume is not a cost (the CSV's unpriced reason).
  static let egressNotGiven = "no outbound data volume was given (the comparison assumes 0 GB a month)"

  /// The caveats of the comparison, the same sentences in every format: an outbound volume that was assumed, and
  /// options without a price that could cost less than the cheapest priced one.
  public var notes: [String] {
    var notes: [String] = []
    if !egressGiven {
      notes.append(
        "No outbound data volume was given: every option is priced at \(comparison.monthlyEgress) a month, which favours metered billing; the totals and the cheapest option change with the volume"
      )
    }
    let unknown = comparison.unpricedMayCostLess.map(\.label)
    if !unknown.isEmpty {
      notes.append(
        "\(unknown.joined(separator: " and ")) \(unknown.count == 1 ? "has" : "have") no price and could cost less than "
          + (comparison.cheapestPriced.map { "\($0.label), the cheapest priced option" } ?? "any option")
          + ": the cheapest option is not known until \(unknown.count == 1 ? "it is" : "they are") priced"
      )
    }
    return notes
  }

  /// The verdict: the cheapest option, or the cheapest priced one when an option without a price could cost less,
  /// qualified by the outbound volume when none was given; `nil` when no option is priced.
  public var verdict: String? {
    guard let priced = comparison.cheapestPriced, let total = priced.monthlyTotal else { return nil }
    let known = comparison.unpricedMayCostLess.isEmpty
    let volume = egressGiven ? "" : " at \(comparison.monthlyEgress) of outbound data (no volume was given)"
    let unknown = comparison.unpricedMayCostLess.map(\.label)
    return (known ? "Cheapest" : "Cheapest priced") + volume
      + ": \(priced.label) at \(total.groupedAmount) \(comparison.currency.rawValue)/month"
      + (known
        ? ""
        : "; \(unknown.joined(separator: " and ")) \(unknown.count == 1 ? "has" : "have") no price and could be cheaper, so the cheapest is not known")
  }

  private var place: String {
    comparison.location.map { "\($0.name) (\(comparison.zone.name))" } ?? comparison.zone.name
  }

  public var document: ReportDocument {
    let c = comparison
    let currency = c.currency.rawValue
    let share = monthlyCapacity.bytes > 0 ? c.monthlyEgress.bytes / monthlyCapacity.bytes * 100 : 0
    var blocks: [ReportBlock] = [
      .facts(
        [
          ReportFact("Location", place),
          ReportFact("Bandwidth", c.bandwidth.description),
          ReportFact(
            "Outbound data",
            egressGiven
              ? "\(c.monthlyEgress)/month (\(share.fixedPoint(places: 1))% of one direction's capacity of \(monthlyCapacity))"
              : "not given; compared at \(c.monthlyEgress)/month"
          ),
        ] + c.basis.facts)
    ]
    if !notes.isEmpty { blocks.append(.list(notes)) }
    blocks.append(.heading("Options, cheapest first"))
    let cheapest = c.cheapestPriced?.monthlyTotal
    let cheapestLabel = c.unpricedMayCostLess.isEmpty ? "cheapest" : "cheapest priced"
    let rows = c.options.map { option -> [String] in
      if let reason = option.unavailableReason {
        return [option.tier.name, option.billing.name, "", "", "not sold", "", reason]
      }
      guard let quote = option.quote else { return [] }
      let circuitFee = quote.lineItems.filter { if case .circuit = $0.meter { return true } else { return false } }
      let egress = quote.lineItems.filter { if case .egress = $0.meter { return true } else { return false } }
      let fee = Money.sum(circuitFee.map(\.amount), currency: quote.currency)
      let data = Money.sum(egress.map(\.amount), currency: quote.currency)
      if !quote.isComplete {
        return [
          option.tier.name, option.billing.name, circuitFee.isEmpty ? "unpriced" : fee.groupedAmount,
          option.billing == .metered ? (egress.isEmpty ? "unpriced" : data.groupedAmount) : "included", "unpriced", "",
          // Each reason once (in a China location the fee and the egress share one).
          quote.unpriced.map(\.reason).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(
            separator: "; "),
        ]
      }
      let delta = cheapest.map { quote.total - $0 }
      let deltaText = delta.map { $0.amount == 0 ? cheapestLabel : "+\($0.groupedAmount)" } ?? ""
      return [
        option.tier.name, option.billing.name, fee.groupedAmount,
        option.billing == .metered && option.tier != .local ? data.groupedAmount : "included",
        quote.total.groupedAmount, deltaText,
        option.tier == .local
          ? "reaches only \(c.location?.localRegions.joined(separator: ", ") ?? "the local region")" : "",
      ]
    }
    blocks.append(
      .table(
        ReportTable(
          columns: [
            .init("Tier"), .init("Billing"), .init("Circuit (\(currency))", .right), .init("Outbound data", .right),
            .init("Monthly total", .right), .init("vs cheapest", .right), .init("Note"),
          ], rows: rows)))
    let priced = c.options.filter { $0.monthlyTotal != nil }
    if !priced.isEmpty {
      blocks.append(
        .chart(
          ReportChart(
            kind: .bars, title: "Monthly total by option", categories: priced.map(\.label),
            series: [
              .init(
                name: "Monthly total",
                values: priced.map { NSDecimalNumber(decimal: $0.monthlyTotal?.amount ?? 0).doubleValue })
            ],
            valueLabel: "\(currency) per month")))
    }
    blocks.append(.heading("Break-even"))
    if let crossover { blocks.append(.chart(crossover)) }
    var items = c.breakEvens.map { "\($0.tier.name): \($0.summary)" }
    if let local = c.localBreakEven { items.append(local) }
    blocks.append(.list(items))
    if let vpn {
      blocks.append(.heading("ExpressRoute or a VPN over the internet"))
      func row(_ name: String, _ quote: Quote?, _ note: String) -> [String] {
        guard let quote, !QuoteReport.nothingPriced(quote) else { return [name, "not priced", note] }
        return [name, quote.total.groupedAmount + (quote.isComplete ? "" : " + not priced"), note]
      }
      let er = vpn.expressRoute
      let erNote =
        er.map { quote in
          quote.lineItems.map { item -> String in
            switch item.meter {
            case .circuit(let tier, let billing, let bandwidth, _):
              return "\(tier.name) \(billing.name) \(bandwidth) circuit"
            case .egress: return "\(item.quantity.grouped(places: 0)) GB metered"
            case .gateway(let sku): return sku == .erGwScale ? "ErGwScale gateway" : "\(sku.name) gateway"
            default: return item.meter.displayName
            }
          }.joined(separator: " + ")
        } ?? "no priced option"
      let vpnNote =
        vpn.vpn.map { quote in
          let gateway = quote.lineItems.first { if case .vpnGateway = $0.meter { return true } else { return false } }
          return "\(gateway?.meter.displayName ?? "VPN gateway") + \(vpn.volume) of internet egress in tiers"
        } ?? (vpn.vpnMissing.isEmpty ? "no price" : vpn.vpnMissing.joined(separator: "; "))
      blocks.append(
        .table(
          ReportTable(
            columns: [.init("At \(vpn.volume) a month"), .init("Monthly (\(currency))", .right), .init("Made of")],
            rows: [
              row(
                vpn.unpricedMayCostLess.isEmpty ? "ExpressRoute" : "ExpressRoute (cheapest priced option)", er, erNote),
              row("VPN over the internet (\(vpn.routing.name))", vpn.vpn, vpnNote),
            ])))
      if let costs = vpn.costs { blocks.append(.table(costs.table)) }
      blocks.append(.paragraph("Break-even: " + vpn.verdict + "."))
      blocks.append(.list(vpn.notes))
    }
    if let verdict {
      blocks.append(
        .paragraph(
          verdict
            + ". Note that bandwidth can grow in place but not shrink, and metered can switch to unlimited but not back."
        ))
    }
    return ReportDocument(title: "ExpressRoute options: \(c.bandwidth) at \(place)", blocks: blocks)
  }

  public var json: JSONValue { comparison.basis.withDiscount(listedJSON) }

  private var listedJSON: JSONValue {
    let c = comparison
    return .object([
      ("schema", .string("ercalc.compare")),
      ("schemaVersion", .number(1)),
      ("location", .string(c.location?.name)),
      ("zone", .string(c.zone.name)),
      ("bandwidth", .string(c.bandwidth.description)),
      // An outbound volume nobody gave is not a number: null, with the volume the totals assume beside it.
      ("monthlyEgressGB", egressGiven ? .string(c.monthlyEgress.gigabytes.plainDescription) : .null),
      ("egressGiven", .bool(egressGiven)),
      ("comparedAtEgressGB", .string(c.monthlyEgress.gigabytes.plainDescription)),
      ("priceTable", .string(c.priceTableName)),
      ("priceDate", .string(c.priceDate)),
      ("hoursPerMonth", .string(c.hoursPerMonth.plainDescription)),
      (
        "options",
        .objects(c.options) { option in
          [
            ("tier", .string(option.tier.name)),
            ("billing", .string(option.billing.name)),
            ("available", .bool(option.unavailableReason == nil)),
            ("unavailableReason", .string(option.unavailableReason)),
            ("monthlyTotal", option.monthlyTotal.map { .money($0) } ?? .null),
            ("quote", option.quote.map(QuoteReport.quoteJSON) ?? .null),
          ]
        }
      ),
      ("cheapest", c.cheapest.map(Self.optionJSON) ?? .null),
      ("cheapestPriced", c.cheapestPriced.map(Self.optionJSON) ?? .null),
      ("unpricedMayCostLess", .array(c.unpricedMayCostLess.map { .string($0.label) })),
      ("complete", .bool(egressGiven && c.cheapest != nil)),
      ("verdict", .string(verdict)),
      ("notes", .strings(notes)),
      (
        "vpnComparison",
        vpn.map { vpn in
          .object([
            ("volumeGB", .string(vpn.volume.gigabytes.plainDescription)), ("routing", .string(vpn.routing.name)),
            ("region", .string(vpn.region?.name)),
            ("expressRouteMonthly", vpn.expressRoute.map { .money($0.total) } ?? .null),
            ("vpnMonthly", vpn.vpn.map { .money($0.total) } ?? .null),
            ("vpnComplete", .bool(vpn.vpn?.isComplete ?? false)),
            ("breakEvenGB", vpn.breakEven.map { .string($0.gigabytes.plainDescription) } ?? .null),
            (
              "breakEvenAgainst",
              .string(vpn.unpricedMayCostLess.isEmpty ? "cheapest option" : "cheapest priced option")
            ),
            ("unpricedMayCostLess", .strings(vpn.unpricedMayCostLess)),
            ("verdict", .string(vpn.verdict)),
            ("costs", vpn.costs?.json ?? .null),
          ])
        } ?? .null
      ),
      (
        "breakEven",
        .objects(c.breakEvens) { breakEven in
          var members: [(String, JSONValue)] = [
            ("tier", .string(breakEven.tier.name)), ("summary", .string(breakEven.summary)),
          ]
          switch breakEven.outcome {
          case .crossover(let volume, let share), .beyondCapacity(let volume, let share):
            members.append(
              ("volumeGB", .string(volume.gigabytes.rounded(toPlaces: 3, rule: .toNearestOrEven).plainDescription)))
            members.append(
              ("capacityShare", .string(share.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription)))
          default:
            members.append(("volumeGB", .null))
          }
          return members
        }
      ),
      ("localBreakEven", .string(c.localBreakEven)),
    ])
  }

  public var csvRows: [CostRow] {
    // Every option's quote, then the VPN over the internet's (gateway and internet egress) when it was priced beside.
    let rows =
      comparison.options.compactMap(\.quote).flatMap { QuoteReport.costRows($0, period: nil, group: $0.name) }
      + (vpn?.vpn.map { QuoteReport.costRows($0, period: nil, group: $0.name) } ?? [])
    guard !egressGiven else { return rows }
    // Without a volume, outbound data (metered, or the VPN's internet egress) has no known quantity: unpriced rows,
    // not 0 GB at 0.00.
    return rows.map { row in
      switch row.meter {
      case .egress, .internetEgress: break
      default: return row
      }
      var row = row
      (row.quantity, row.unitPrice, row.cost, row.listCost, row.listUnitPrice) = (nil, nil, nil, nil, nil)
      (row.priceSource, row.confidence) = (Self.egressNotGiven, "")
      return row
    }
  }

  /// An option as the JSON's `cheapest` and `cheapestPriced` carry it.
  static func optionJSON(_ option: CircuitComparison.Option) -> JSONValue {
    .object([
      ("tier", .string(option.tier.name)), ("billing", .string(option.billing.name)),
      ("monthlyTotal", option.monthlyTotal.map { .money($0) } ?? .null),
    ])
  }
}
