import ExpressRouteCore
import ExpressRouteTraffic
import Foundation

extension SizingSolver {
  // MARK: - Demand

  func makeDemand(_ profile: WorkloadProfile, traffic: TrafficSummary?, notes: inout [String]) throws(Diagnostic)
    -> Demand
  {
    var basis: [String] = []
    let percentileName = profile.percentile == 100 ? "maximum" : "P\(profile.percentile)"
    var outbound = profile.peakOutbound ?? .init(bitsPerSecond: 0)
    var inbound = profile.peakInbound ?? .init(bitsPerSecond: 0)
    var egress = profile.monthlyEgress
    var growth: Demand.Growth? = profile.yearlyGrowth.map { .stated(yearly: $0) }
    var anchorOffset = 0
    if let traffic {
      // A direction without a single value is unknown, not zero: its rate (and for outbound, the volume billed) would
      // otherwise be sized as 0 bit/s.
      for (direction, values, given) in [
        ("outbound", traffic.outbound.samples, profile.peakOutbound != nil && profile.monthlyEgress != nil),
        ("inbound", traffic.inbound.samples, profile.peakInbound != nil),
      ] where values == 0 && !given {
        throw Diagnostic(
          .error,
          "series '\(traffic.circuit)' has no \(direction) values (\(traffic.samples) samples, none with an \(direction) rate): its \(direction) traffic is unknown, not zero (expected both directions in the series, such as BitsInPerSecond and BitsOutPerSecond; or give \(direction == "outbound" ? "traffic.peakOutbound and traffic.monthlyEgress" : "traffic.peakInbound") in the profile)",
          location: profile.origin)
      }
      if profile.peakOutbound == nil { outbound = traffic.outbound.rate(atPercentile: profile.percentile) }
      if profile.peakInbound == nil { inbound = traffic.inbound.rate(atPercentile: profile.percentile) }
      basis.append(
        "\(percentileName) from series '\(traffic.circuit)': outbound \(outbound), inbound \(inbound) (\(traffic.samples) samples every \(traffic.interval) s)"
      )
      notes += Self.precisionNotes(profile, traffic: traffic, percentileName: percentileName)
      let hours = engine.hoursPerMonth
      let threshold = (TrafficSummary.MonthVolume.measuredCoverage * 100).fixedPoint(places: 0)
      // Only months at least half covered by samples are measured: a month with an hour of samples would
      // otherwise be scaled up a hundredfold and outweigh every fully measured month.
      let measured = traffic.outbound.months.filter(\.isMeasured)
      let partial = traffic.outbound.months.filter { !$0.isMeasured }
      if !partial.isEmpty {
        basis.append(
          "months under \(threshold)% covered by samples, left out of the volume and the growth fit: "
            + partial.map { "\($0.month) (\(($0.coverage * 100).fixedPoint(places: 1))%)" }.joined(separator: ", "))
      }
      let fitted = GrowthFit.fit(measured.map { ($0.month, $0.scaled(toHours: hours)) })
      // A fit whose 95% interval spans 0 (a flat series with one busy month, a lopsided handful of months) is not
      // distinguishable from flat: it is not projected, and its level (pulled about by that month) is not the base.
      let fit = fitted.flatMap { $0.isProjected ? $0 : nil }
      let median = Self.median(measured.map { $0.scaled(toHours: hours) })
      // The projection's anchor: the last measured month (the best-covered month when none is measured).
      let anchor = measured.last ?? traffic.outbound.months.max { $0.coverage < $1.coverage }
      // Part of a month is never scaled up to a month: with no month half covered the volume is unknown, and the
      // billing model, the VPN verdict and every total would be chosen on 0 GB; refused, like a missing direction.
      if egress == nil, let unknown = Self.unknownMonthlyVolume(traffic) {
        throw Diagnostic(
          .error, unknown + "; give traffic.monthlyEgress in the profile, or a series covering at least half a month",
          location: profile.origin)
      }
      if egress == nil, let anchor {
        if let fit {
          egress = fit.level
          basis.append(
            "monthly outbound \(fit.level): the fitted trend's level in \(anchor.month), the last measured month (\(anchor.scaled(toHours: hours)) measured, scaled to \(hours.plainDescription) h)"
          )
        } else if let rejected = fitted, let median {
          egress = median
          basis.append(
            "monthly outbound \(median): the median of the \(measured.count) measured months \(rejected.months.first?.description ?? "") to \(rejected.months.last?.description ?? "") (each scaled to \(hours.plainDescription) h; the last, \(anchor.month), measured \(anchor.scaled(toHours: hours))), as their trend is not distinguishable from flat"
          )
        } else {
          egress = anchor.scaled(toHours: hours)
          basis.append(
            "monthly outbound \(egress ?? .zero): \(anchor.month), the last measured month (\(anchor.volume) measured over \((anchor.coverage * 100).fixedPoint(places: 1))% of the month), scaled to \(hours.plainDescription) h"
          )
        }
      }
      if let rejected = fitted, fit == nil, profile.yearlyGrowth == nil || profile.monthlyEgress == nil {
        let used = [
          profile.yearlyGrowth == nil ? "0% growth a year" : nil,
          profile.monthlyEgress == nil ? "the median measured month as the base" : nil,
        ].compactMap { $0 }
        notes.append(
          "the trend of series '\(traffic.circuit)', \(rejected.summary), is not projected: its 95% interval includes 0% a year, so it is not distinguishable from flat; the plan takes \(used.joined(separator: " and ")) (state \"yearlyGrowth\" or \"monthlyEgress\" in the profile for a lasting change)"
        )
      }
      if growth == nil, let fit {
        growth = .fitted(fit)
        basis.append(
          "growth \(fit.summary), fitted on the monthly outbound volumes of \(fit.months.first?.description ?? "") to \(fit.months.last?.description ?? "") (\(fit.months.count) months): \(fit.reason); peak rates are assumed to grow like volumes"
        )
      } else if growth == nil, let rejected = fitted {
        growth = .stated(yearly: 0)
        basis.append(
          "growth 0% a year: the trend fitted on \(rejected.months.first?.description ?? "") to \(rejected.months.last?.description ?? "") (\(rejected.summary)) is not distinguishable from flat (its 95% interval includes 0%), so it is not projected"
        )
      }
      if let anchor = anchor?.month {
        // Growth runs on the calendar from the anchor: a plan starting k months later is the projection shifted by k.
        let start = profile.planStart ?? anchor
        guard start >= anchor else {
          throw Diagnostic(
            .error,
            "the plan starts in \(start), before \(anchor), the last measured month of series '\(traffic.circuit)': growth is projected from the last measured month, so start in \(anchor) or later",
            location: profile.origin)
        }
        anchorOffset = (start.year - anchor.year) * 12 + start.month - anchor.month
        basis.append(
          "growth counts from \(anchor), the last measured month; plan month 1 is \(start), \(anchorOffset) month\(anchorOffset == 1 ? "" : "s") later"
        )
      }
    } else {
      basis.append("\(percentileName) rates from the profile: outbound \(outbound), inbound \(inbound)")
    }
    if let given = profile.monthlyEgress { basis.append("monthly outbound \(given) from the profile") }
    if egress == nil {
      notes.append(
        "no monthly outbound volume was given or measured: options are compared at 0 GB, and the metered data charge is listed as not priced"
      )
    }
    if let stated = profile.yearlyGrowth {
      basis.append("growth \(GrowthFit.percent(stated)) a year from the profile (it wins over any trend in the series)")
    } else if growth == nil {
      basis.append("no growth given or measurable (fewer than three measured months): 0% a year")
    }
    let larger = max(outbound, inbound)
    if traffic == nil, let egress, larger.bitsPerSecond > 0 {
      // The average rate a month's volume implies cannot exceed the peak it was sized on.
      let average = FastDecimal.product(egress.bytes, 8) / FastDecimal.product(engine.hoursPerMonth, 3600)
      if FastDecimal.isLess(Decimal(larger.bitsPerSecond), average) {
        notes.append(
          "check the inputs: \(egress) a month averages \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: average).int64Value)), more than the sizing rate \(larger), which cannot be a peak; sized on the average instead, so the circuit carries the month's volume"
        )
      }
    }
    basis.append(
      "target utilisation \(FastDecimal.product(profile.targetUtilization, 100).fixedPoint(places: 1))% over a \(profile.horizonMonths)-month horizon"
    )
    var demand = Demand(
      sizingRate: larger, sizingDirection: outbound >= inbound ? "outbound" : "inbound", monthlyEgress: egress ?? .zero,
      growth: growth ?? .stated(yearly: 0), targetUtilization: profile.targetUtilization,
      horizonMonths: profile.horizonMonths, basis: basis,
      anchorOffset: anchorOffset, hoursPerMonth: engine.hoursPerMonth, growthFactors: growthFactors)
    demand.egressIsKnown = egress != nil
    return demand
  }

  /// Why `traffic` cannot give a month's outbound volume (no month at least half covered by samples, as
  /// ``TrafficSummary/MonthVolume/measuredCoverage`` asks), naming the best-covered month and its coverage to 0.1%;
  /// `nil` when a month is measured. Says nothing of a remedy: callers add the one their input allows.
  public static func unknownMonthlyVolume(_ traffic: TrafficSummary) -> String? {
    let months = traffic.outbound.months
    guard !months.contains(where: \.isMeasured) else { return nil }
    let threshold = (TrafficSummary.MonthVolume.measuredCoverage * 100).fixedPoint(places: 0)
    let covered =
      months.max { $0.coverage < $1.coverage }.map {
        "covers at most \(($0.coverage * 100).fixedPoint(places: 1))% of a month (\($0.month))"
      } ?? "has no outbound samples"
    return
      "series '\(traffic.circuit)' \(covered), too little to know a month's outbound data (a month counts from \(threshold)% covered by samples; a month covered less is never scaled up to a whole one)"
  }

  /// The median of `volumes` (the mean of the middle two for an even count); `nil` when empty.
  static func median(_ volumes: [DataVolume]) -> DataVolume? {
    let sorted = volumes.sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1
      ? sorted[middle] : DataVolume(bytes: (sorted[middle - 1].bytes + sorted[middle].bytes) / 2)
  }

  /// A note where a series' percentile, read to four significant digits (the lower end of its histogram bucket, up to
  /// 0.1% below the samples it stands for), sits so close under a circuit size that the highest rate it may stand for
  /// (``TrafficSummary/Direction/highest(within:)``) would need the next size in month 1. Sizing keeps the reading
  /// (sizing on the upper end would buy a size up for data exactly on a size, such as whole megabits); the note says
  /// so, with the shortfall, so the choice is the reader's.
  static func precisionNotes(_ profile: WorkloadProfile, traffic: TrafficSummary, percentileName: String) -> [String] {
    guard profile.percentile <= 99 else { return [] }
    func size(_ rate: Bandwidth) -> Bandwidth? {
      let need = Decimal(rate.bitsPerSecond) / profile.targetUtilization
      return Bandwidth.providerSizes.first { Decimal($0.bitsPerSecond) >= need }
    }
    return [
      ("outbound", profile.peakOutbound, traffic.outbound), ("inbound", profile.peakInbound, traffic.inbound),
    ].compactMap { name, given, direction -> String? in
      let read = direction.rate(atPercentile: profile.percentile)
      let highest = direction.highest(within: read)
      guard given == nil, let at = size(read), size(highest) != at else { return nil }
      let need = Decimal(highest.bitsPerSecond) / profile.targetUtilization
      let over = (need / Decimal(at.bitsPerSecond) - 1) * 100
      return
        "\(percentileName) \(name) is read to four significant digits as \(read); the samples it stands for may reach \(highest), which would need \(Bandwidth(bitsPerSecond: NSDecimalNumber(decimal: need.ceilingValue).int64Value)), above \(at) by at most \(over.fixedPoint(places: 3))%: within the reading's precision, sized at \(read) (give the peak in the profile to decide)"
    }
  }
}
