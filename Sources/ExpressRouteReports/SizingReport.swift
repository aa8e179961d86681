import ExpressRouteCore
import ExpressRoutePlanning
import ExpressRoutePricing
import ExpressRouteTraffic
import Foundation

/// The report of a sizing: recommendation, plan, every option and why.
public struct SizingReport: Report {
  /// The result.
  public var result: SizingResult
  /// The metered-vs-unlimited chart for the recommended size, when it applies.
  public var crossover: ReportDocument.ReportChart? { crossovers.first }
  /// One metered-vs-unlimited chart per circuit size the plan uses, each marking the outbound volume of the
  /// month the size starts.
  public var crossovers: [ReportDocument.ReportChart] = []
  /// The first month of the plan (`2027-01`), for CSV periods; `nil` for month numbers.
  public var startMonth: MonthKey?

  /// Creates a report of `result` (its cost curves come with it); `startMonth` names the plan's months.
  public init(result: SizingResult, startMonth: MonthKey? = nil) {
    self.result = result
    self.startMonth = startMonth
    crossovers = result.costCurves.map { entry in
      CrossoverChart.make(
        entry.curve, volume: entry.volume,
        volumeLabel: entry.step.month == 0 ? "your volume" : "volume in month \(entry.step.month + 1)")
    }
  }

  var currency: String { result.planMonthlyCosts.first?.currency.rawValue ?? "" }

  func monthLabel(_ month: Int) -> String {
    guard var key = startMonth else { return "month \(month + 1)" }
    for _ in 0..<month { key = key.next }
    return key.description
  }

  /// A marker at each plan step after the first: where the circuit is upgraded (or its billing changes).
  func upgradeMarkers(_ r: SizingResult) -> [ReportChart.Marker] {
    r.plan.dropFirst().map {
      .init(position: Double($0.month) - 0.5, label: "\($0.tier.name) \($0.billing.name) \($0.bandwidth)")
    }
  }

  static func bandwidth(_ bits: Decimal) -> Bandwidth {
    Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: bits).int64Value)
  }

  public var document: ReportDocument {
    let r = result
    let d = r.demand
    var blocks: [ReportBlock] = [
      .facts(
        [
          ReportFact("Location", "\(r.location.name) (\(r.location.zone.name), \(r.location.geopoliticalRegion))")
        ] + r.basis.facts + [
          ReportFact("Sizing rate", "\(d.sizingRate) \(d.sizingDirection)"),
          ReportFact("Needed now", "\(Self.bandwidth(d.requiredBitsPerSecond(month: 0)))"),
          ReportFact(
            "Needed by month \(d.horizonMonths)",
            "\(Self.bandwidth(d.requiredBitsPerSecond(month: d.horizonMonths - 1)))"),
          ReportFact(
            "Outbound data",
            d.egressIsKnown
              ? "\(d.egress(month: 0))/month now, \(d.egress(month: d.horizonMonths - 1))/month in month \(d.horizonMonths)"
              : "not given or measured (the metered data charge is not priced)"
          ),
          ReportFact(
            "Horizon total",
            "\(r.horizonTotal.groupedAmount) \(currency) over \(d.horizonMonths) months (circuit plan \(r.planCost.groupedAmount) + extras \(Money.sum(r.extrasMonthlyCosts, currency: r.horizonTotal.currency).groupedAmount))"
              + (r.unpricedCharges.isEmpty
                ? ""
                : "; excludes \(r.unpricedCharges.count) unpriced charge\(r.unpricedCharges.count == 1 ? "" : "s")")),
        ]
          + (r.basis.discount.isEmpty
            ? []
            : [
              ReportFact(
                "List total",
                "\(r.horizonListTotal.groupedAmount) \(currency) before the discount (saves "
                  + "\((r.horizonListTotal - r.horizonTotal).groupedAmount) \(currency))")
            ])),
      .heading("Recommendation"),
    ]
    if let step = r.recommendation {
      var sentence = "Buy a \(step.tier.name) \(step.billing.name) \(step.bandwidth) circuit at \(r.location.name)"
      if let gateway = r.gatewayPlan.first {
        let plural = r.extras.first?.label.hasPrefix("1 ×") == false
        sentence +=
          gateway.virtualWANScaleUnits != nil
          ? " with \(plural ? "" : "a ")\(gateway.label)\(plural ? " (each)" : "") as its gateway"
          : " with \(gateway.label) gateway\(plural ? "s" : "")"
      }
      if let second = r.secondPlan.first, let resilience = r.resilience {
        sentence +=
          ", and a \(second.tier.name) \(second.billing.name) \(second.bandwidth) second circuit (\(resilience.design))"
      }
      sentence +=
        ". First month: \((r.monthlyTotals.first ?? .zero(r.horizonTotal.currency)).groupedAmount) \(currency)."
      if let condition = r.billingCondition { sentence += " " + condition.summary }
      if r.plan.count > 1 {
        sentence +=
          " The plan changes \(r.plan.count - 1) time\(r.plan.count == 2 ? "" : "s") over the horizon (below)."
      }
      if r.lookAheadMonths > 0 {
        sentence +=
          r.audit == nil
          ? " Every move is judged against the \(r.lookAheadMonths) months after it, so the plan of a month does not depend on where the horizon ends."
          : " Every move is judged against the \(r.lookAheadMonths) months after it, except the first from the current circuit (keep it, change it in place or replace it), which is judged over the whole horizon with the overlap of a new circuit."
      }
      blocks.append(.paragraph(sentence))
    }
    if !r.blockedByPrice.isEmpty {
      blocks.append(.list(r.blockedByPrice.map { "Cheaper option without a price: " + $0 }))
    }
    blocks.append(
      .table(
        ReportTable(
          columns: [.init("From"), .init("Circuit"), .init("Why")],
          rows: r.plan.map { [monthLabel($0.month), "\($0.tier.name) \($0.billing.name) \($0.bandwidth)", $0.reason] }))
    )
    if !r.secondPlan.isEmpty {
      blocks.appendTable(
        "Second circuit",
        columns: [.init("From"), .init("Circuit"), .init("Why")],
        rows: r.secondPlan.map {
          [monthLabel($0.month), "\($0.tier.name) \($0.billing.name) \($0.bandwidth)", $0.reason]
        })
    }
    if r.gatewayPlan.count > 1 {
      blocks.appendTable(
        "Gateway plan",
        columns: [.init("From"), .init("Gateway"), .init("Why")],
        rows: r.gatewayPlan.map { [monthLabel($0.month), $0.label, $0.reason] })
    }
    if let resilience = r.resilience {
      blocks.append(.heading("Resilience"))
      var facts = [
        ReportFact("Design", resilience.design),
        ReportFact("Survives", resilience.survives),
        ReportFact(
          "Redundancy costs",
          resilience.monthlyCost.map { "\($0.groupedAmount) \(currency) in month 1" } ?? "not priced"),
      ]
      if let first = resilience.failoverFirstMonth, let last = resilience.failoverLastMonth {
        facts.append(
          ReportFact(
            "A failover month adds",
            "\(first.groupedAmount) \(currency) in month 1, \(last.groupedAmount) \(currency) in month \(d.horizonMonths)"
          ))
      }
      blocks.append(.facts(facts))
      if let costs = r.redundancyCosts { blocks.append(.table(costs.table)) }
      if !resilience.findings.isEmpty { blocks.append(.list(resilience.findings)) }
    }
    if let vpn = r.vpnAlternative {
      blocks.append(.heading("ExpressRoute or a VPN over the internet (month 1)"))
      var facts = [
        ReportFact(
          "ExpressRoute",
          vpn.expressRoute.map { "\($0.total.groupedAmount) \(currency) (the plan's month-1 circuit and gateway)" }
            ?? "not priced"),
        ReportFact(
          "VPN over the internet",
          vpn.vpn.map {
            "\($0.total.groupedAmount) \(currency)" + ($0.isComplete ? "" : " + not priced")
              + " (gateway and \(vpn.volume) of internet egress)"
          } ?? "not priced"),
      ]
      facts.append(ReportFact("Break-even", vpn.verdict))
      blocks.append(.facts(facts))
      if let costs = vpn.costs { blocks.append(.table(costs.table)) }
      blocks.append(.list(vpn.notes))
    }
    if !r.pathComparison.isEmpty {
      blocks.append(.heading("Provider circuit or ExpressRoute Direct (whole cost)"))
      blocks.append(.list(r.pathComparison))
      if let costs = r.pathCosts { blocks.append(.table(costs.table)) }
    }
    if !r.bursts.isEmpty {
      blocks.append(.heading("Bursts"))
      blocks.append(.list(r.bursts))
    }
    if !r.extras.isEmpty {
      blocks.appendTable(
        "Included extras (month 1)",
        columns: [.init("Item"), .init("Monthly (\(currency))", .right), .init("Note")],
        rows: r.extras.map { [$0.label, $0.monthly?.groupedAmount ?? "unpriced", $0.note] })
    }
    blocks.append(.heading("How the demand was worked out"))
    blocks.append(.list(d.basis))
    blocks.append(.heading("SKU tier"))
    blocks.append(.list(r.tierReasons))
    let feasible = r.candidates.filter { $0.verdict.isFeasible }
    // With no volume known, a metered option's costs leave out its outbound data, and against the other billing
    // model the difference depends on that volume.
    let unknownVolume = !d.egressIsKnown
    let planBilling = r.plan.first?.billing
    blocks.appendTable(
      "Runner-up options (held unchanged for \(d.horizonMonths) months"
        + (unknownVolume ? "; MeteredData without its outbound data, whose volume is unknown)" : ")"),
      columns: [
        .init("Option"), .init("Month 1 (\(currency))", .right), .init("Horizon (\(currency))", .right),
        .init("vs plan", .right),
      ],
      rows: feasible.prefix(8).map { candidate in
        guard case .feasible(let total, let first) = candidate.verdict else { return [] }
        let delta = total - r.planCost
        let data = unknownVolume && candidate.billing == .metered ? " + data" : ""
        return [
          candidate.label, first.groupedAmount + data, total.groupedAmount + data,
          unknownVolume && candidate.billing != planBilling
            ? "depends on volume"
            : delta.amount == 0 ? "same" : (delta.amount > 0 ? "+" : "") + delta.groupedAmount,
        ]
      })
    if !r.months.isEmpty {
      // One series per kind of charge, month by month, from each month's quote.
      var groups: [String] = []
      var values: [String: [Double]] = [:]
      for (index, month) in r.months.enumerated() {
        for item in month.quote.lineItems {
          let group = Self.chargeGroup(item)
          if values[group] == nil {
            groups.append(group)
            values[group] = Array(repeating: 0, count: r.months.count)
          }
          values[group]?[index] += CrossoverChart.double(item.amount.amount)
        }
      }
      let series = groups.map { ReportChart.Series(name: $0, values: values[$0] ?? []) }
      blocks.append(
        .chart(
          ReportChart(
            kind: .stackedColumns, title: "Monthly budget", categories: (0..<r.months.count).map(monthLabel),
            series: series,
            valueLabel: "\(currency) per month", markers: upgradeMarkers(r), categoryLabel: "Month of the plan")))
    }
    for chart in crossovers { blocks.append(.chart(chart)) }
    let others = r.candidates.filter { !$0.verdict.isFeasible }
    blocks.appendTable(
      "Options ruled out",
      columns: [.init("Option"), .init("Verdict"), .init("Reason")],
      rows: others.map { candidate in
        switch candidate.verdict {
        case .rejected(let reason): return [candidate.label, "rejected", reason]
        case .unpriced(let reason): return [candidate.label, "unpriced", reason]
        case .feasible: return []
        }
      })
    if !r.gatewayCandidates.isEmpty {
      blocks.appendTable(
        "Gateways",
        columns: [.init("Gateway"), .init("Monthly (\(currency))", .right), .init("Verdict")],
        rows: r.gatewayCandidates.map { gateway in
          switch gateway.verdict {
          case .feasible(_, let monthly):
            return [gateway.label, monthly.groupedAmount, gateway == r.gateway ? "recommended" : "feasible"]
          case .rejected(let reason): return [gateway.label, "", "rejected: \(reason)"]
          case .unpriced(let reason): return [gateway.label, "", "unpriced: \(reason)"]
          }
        })
    }
    if let audit = r.audit {
      blocks.append(.heading("Current circuit: \(audit.label)"))
      blocks.append(
        .facts([
          ReportFact("Utilisation now", "\((audit.utilization * 100).fixedPoint(places: 1))%"),
          ReportFact("Cost over the horizon", audit.horizonCost.map { "\($0.groupedAmount) \(currency)" } ?? "n/a"),
          ReportFact(
            "Recommended circuit plan",
            "\(audit.recommendedCost.groupedAmount) \(currency)"
              + (audit.overlapCost.map {
                ", with \($0.groupedAmount) of lead-time overlap (current circuit beside the new one)"
              }
                ?? "")),
        ]))
      blocks.append(.list(audit.findings))
    }
    if let traffic = r.traffic {
      blocks.append(.heading("Measured traffic: \(traffic.circuit)"))
      blocks.append(
        .facts([
          ReportFact(
            "Samples",
            "\(traffic.samples) every \(traffic.interval) s, \(CivilCalendar.format(traffic.start)) to \(CivilCalendar.format(traffic.end))"
          ),
          ReportFact("Coverage", "\((traffic.coverage * 100).fixedPoint(places: 2))% of expected samples present"),
        ]))
      blocks.append(
        .table(
          ReportTable(
            columns: [
              .init("Direction"), .init("P50", .right), .init("P95", .right), .init("P99", .right),
              .init("Max", .right), .init("Total", .right),
            ],
            rows: [
              ("Outbound (Azure → on-premises)", traffic.outbound), ("Inbound (on-premises → Azure)", traffic.inbound),
            ].map { name, direction in
              [
                name, direction.p50.description, direction.p95.description, direction.p99.description,
                direction.max.description,
                direction.total.description,
              ]
            })))
      blocks.append(
        .table(
          ReportTable(
            columns: [
              .init("Month"), .init("Outbound", .right), .init("Coverage", .right),
              .init("Scaled to \(r.hoursPerMonth.plainDescription) h", .right),
            ],
            rows: traffic.outbound.months.map {
              [
                $0.month.description, $0.volume.description, "\(($0.coverage * 100).fixedPoint(places: 1))%",
                // A month under half covered is never scaled up: an hour of samples is not a month.
                $0.isMeasured
                  ? $0.scaled(toHours: r.hoursPerMonth).description
                  : "not scaled (under \((TrafficSummary.MonthVolume.measuredCoverage * 100).fixedPoint(places: 0))%)",
              ]
            })))
      var curve = ReportChart(
        kind: .lines, title: "Traffic duration curve (share of samples at or below each rate)",
        categories: stride(from: 5, through: 100, by: 5).map { "P\($0)" },
        series: [
          .init(name: "Outbound Mbps", values: traffic.outbound.curve.map { Double($0.bitsPerSecond) / 1e6 }),
          .init(name: "Inbound Mbps", values: traffic.inbound.curve.map { Double($0.bitsPerSecond) / 1e6 }),
        ], valueLabel: "Rate (Mbps)", categoryLabel: "Share of samples at or below the rate (percentile)")
      // P100 is the single highest sample: drawn as a peak, not as a measured ramp from P95.
      curve.lastStepIsPeak = true
      if let step = r.recommendation {
        curve.levels.append((Double(step.bandwidth.bitsPerSecond) / 1e6, "capacity: \(step.bandwidth) circuit"))
      }
      blocks.append(.chart(curve))
      if !traffic.warnings.isEmpty { blocks.append(.list(traffic.warnings.map(\.description))) }
    }
    if !r.notes.isEmpty {
      blocks.append(.heading("Notes"))
      blocks.append(.list(r.notes))
    }
    return ReportDocument(title: "ExpressRoute sizing: \(r.name)", blocks: blocks)
  }
}
