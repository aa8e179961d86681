import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

extension SizingReport {
  /// The chart group of a line item: `Circuit`, `Second circuit`, `Gateway`, `Backup VPN`, `Global Reach`.
  static func chargeGroup(_ item: LineItem) -> String {
    switch item.meter {
    case .gateway: return "Gateway"
    case .vpnGateway: return "Backup VPN"
    case .globalReach: return "Global Reach"
    default: return item.resource == "circuit 'second circuit'" ? "Second circuit" : "Circuit"
    }
  }

  /// A plan's steps as JSON (month 1-based).
  static func planJSON(_ steps: [PlanStep]) -> JSONValue {
    .objects(steps) {
      [
        ("month", .number($0.month + 1)), ("tier", .string($0.tier.name)), ("billing", .string($0.billing.name)),
        ("bandwidth", .string($0.bandwidth.description)), ("reason", .string($0.reason)),
      ]
    }
  }

  public var json: JSONValue { result.basis.withDiscount(listedJSON) }

  var listedJSON: JSONValue {
    let r = result
    func verdictJSON(_ verdict: SizingCandidate.Verdict) -> [(String, JSONValue)] {
      switch verdict {
      case .feasible(let total, let first):
        return [("verdict", .string("feasible")), ("firstMonth", .money(first)), ("horizonCost", .money(total))]
      case .rejected(let reason): return [("verdict", .string("rejected")), ("reason", .string(reason))]
      case .unpriced(let reason): return [("verdict", .string("unpriced")), ("reason", .string(reason))]
      }
    }
    var members: [(String, JSONValue)] = [
      ("schema", .string("ercalc.sizing")), ("schemaVersion", .number(1)), ("name", .string(r.name)),
      ("location", .string(r.location.name)), ("zone", .string(r.location.zone.name)), ("currency", .string(currency)),
      ("priceTable", .string(r.priceTableName)), ("priceDate", .string(r.priceDate)),
      ("hoursPerMonth", .string(r.hoursPerMonth.plainDescription)),
      (
        "demand",
        .object([
          ("sizingRateBps", .number(Int(r.demand.sizingRate.bitsPerSecond))),
          ("sizingDirection", .string(r.demand.sizingDirection)),
          // Unknown (neither given nor measured) is null, never 0.
          (
            "monthlyEgressGB",
            r.demand.egressIsKnown ? .string(r.demand.egress(month: 0).gigabytes.plainDescription) : .null
          ),
          ("yearlyGrowth", .string(r.demand.yearlyGrowth.plainDescription)),
          ("targetUtilization", .string(r.demand.targetUtilization.plainDescription)),
          ("horizonMonths", .number(r.demand.horizonMonths)), ("basis", .strings(r.demand.basis)),
        ])
      ),
      ("tierReasons", .strings(r.tierReasons)),
      ("plan", Self.planJSON(r.plan)),
      ("planMonthlyCosts", .array(r.planMonthlyCosts.map { .money($0) })),
      ("planCost", .money(r.planCost)),
      (
        "extras",
        .objects(r.extras) {
          [
            ("label", .string($0.label)), ("monthly", $0.monthly.map { .money($0) } ?? .null),
            ("note", .string($0.note)),
          ]
        }
      ),
      ("horizonTotal", .money(r.horizonTotal)), ("horizonListTotal", .money(r.horizonListTotal)),
      ("monthlyTotals", .array(r.monthlyTotals.map { .money($0) })),
      ("lookAheadMonths", .number(r.lookAheadMonths)),
      ("secondPlan", Self.planJSON(r.secondPlan)),
      (
        "gatewayPlan",
        .objects(r.gatewayPlan) {
          [("month", .number($0.month + 1)), ("gateway", .string($0.label)), ("reason", .string($0.reason))]
        }
      ),
      (
        "resilience",
        r.resilience.map { resilience in
          .object([
            ("design", .string(resilience.design)), ("survives", .string(resilience.survives)),
            ("monthlyCost", resilience.monthlyCost.map { .money($0) } ?? .null),
            ("failoverMonthFirst", resilience.failoverFirstMonth.map { .money($0) } ?? .null),
            ("failoverMonthLast", resilience.failoverLastMonth.map { .money($0) } ?? .null),
            ("findings", .strings(resilience.findings)),
            ("costs", r.redundancyCosts?.json ?? .null),
          ])
        } ?? .null
      ),
      ("bursts", .strings(r.bursts)),
      ("pathComparison", .strings(r.pathComparison)),
      ("pathCosts", r.pathCosts?.json ?? .null),
      (
        "vpnAlternative",
        r.vpnAlternative.map { vpn in
          .object([
            ("expressRouteMonthly", vpn.expressRoute.map { .money($0.total) } ?? .null),
            ("vpnMonthly", vpn.vpn.map { .money($0.total) } ?? .null),
            ("vpnComplete", .bool(vpn.vpn?.isComplete ?? false)),
            ("breakEvenGB", vpn.breakEven.map { .string($0.gigabytes.plainDescription) } ?? .null),
            ("verdict", .string(vpn.verdict)), ("costs", vpn.costs?.json ?? .null),
          ])
        } ?? .null
      ),
      ("billingCondition", r.billingCondition.map(Self.billingConditionJSON) ?? .null),
      ("blockedByPrice", .strings(r.blockedByPrice)),
      (
        "unpriced",
        .objects(r.unpricedCharges) {
          [
            ("resource", .string($0.resource)), ("meter", .string($0.meter.displayName)),
            ("reason", .string($0.reason)),
          ]
        }
      ),
      (
        "candidates",
        .objects(r.candidates) { candidate in
          // A metered option's costs leave out its outbound data when no volume is known.
          let excludes: [(String, JSONValue)] =
            candidate.verdict.isFeasible
            ? [("excludesOutboundData", .bool(!r.demand.egressIsKnown && candidate.billing == .metered))] : []
          return [("option", .string(candidate.label))] + verdictJSON(candidate.verdict) + excludes
        }
      ),
      ("gateway", .string(r.gateway?.label)),
      (
        "gatewayCandidates",
        .objects(r.gatewayCandidates) { [("option", .string($0.label))] + verdictJSON($0.verdict) }
      ),
      ("notes", .strings(r.notes)),
    ]
    if let audit = r.audit {
      members.append(
        (
          "audit",
          .object([
            ("current", .string(audit.label)),
            ("utilization", .string(audit.utilization.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription)),
            ("horizonCost", audit.horizonCost.map { .money($0) } ?? .null),
            ("recommendedCost", .money(audit.recommendedCost)),
            ("overlapCost", audit.overlapCost.map { .money($0) } ?? .null),
            ("findings", .strings(audit.findings)),
          ])
        ))
    }
    if let traffic = r.traffic {
      func direction(_ d: TrafficSummary.Direction) -> JSONValue {
        .object([
          ("p50Bps", .number(Int(d.p50.bitsPerSecond))), ("p95Bps", .number(Int(d.p95.bitsPerSecond))),
          ("p99Bps", .number(Int(d.p99.bitsPerSecond))),
          ("maxBps", .number(Int(d.max.bitsPerSecond))), ("totalGB", .string(d.total.gigabytes.plainDescription)),
          (
            "months",
            .objects(d.months) {
              [
                ("month", .string($0.month.description)),
                ("gigabytes", .string($0.volume.gigabytes.plainDescription)),
                ("coverage", .string($0.coverage.rounded(toPlaces: 4, rule: .toNearestOrEven).plainDescription)),
              ]
            }
          ),
        ])
      }
      members.append(
        (
          "traffic",
          .object([
            ("circuit", .string(traffic.circuit)), ("intervalSeconds", .number(Int(traffic.interval))),
            ("samples", .number(traffic.samples)),
            ("start", .string(CivilCalendar.format(traffic.start))),
            ("end", .string(CivilCalendar.format(traffic.end))),
            ("outbound", direction(traffic.outbound)), ("inbound", direction(traffic.inbound)),
            ("warnings", .array(traffic.warnings.map { .string($0.description) })),
          ])
        ))
    }
    return .object(members)
  }

  /// One FOCUS row per line item per month, as each month's quote prices it; a plan without a calendar starts in
  /// ``CostRow/defaultPeriod(priceDate:)``.
  public var csvRows: [CostRow] {
    result.months.flatMap { month in
      let first = startMonth ?? CostRow.defaultPeriod(priceDate: month.quote.priceDate)
      return QuoteReport.costRows(
        month.quote, period: first.advanced(by: month.month).description, group: monthLabel(month.month))
    }
  }
  /// The billing model's dependence on an unknown volume: `breakEvenGB` null when it cannot be worked out.
  static func billingConditionJSON(_ condition: SizingResult.BillingCondition) -> JSONValue {
    var breakEven: JSONValue = .null
    switch condition.outcome {
    case .crossover(let volume, _), .beyondCapacity(let volume, _):
      breakEven = .string(volume.gigabytes.plainDescription)
    default: break
    }
    return .object([
      ("recommended", .string(condition.recommended)), ("alternative", .string(condition.alternative)),
      ("alternativeMonthly", .money(condition.alternativeMonthly)), ("breakEvenGB", breakEven),
      ("decided", .bool(condition.isDecided)), ("summary", .string(condition.summary)),
    ])
  }
}
