import ExpressRouteCore
import ExpressRouteTraffic
import Foundation

/// A shared circuit's or gateway's monthly cost split by each connection's share of the measured traffic.
///
/// The connections are the series a Metrics Batch or Metrics - List response keeps apart by `ConnectionName`, named
/// `parent [ConnectionName=value]`; series of one parent are split together. A connection's traffic in a month is its
/// inbound plus outbound volume, scaled to the whole month from the time its samples covered
/// (``TrafficSummary/MonthVolume/scaled(toHours:)``), so a connection measured for part of the month is not
/// undercharged. Each cost line (``Line``: the circuit, the gateway, or one typed amount) is split on its own, in
/// proportion, rounded to cents with the remainder going to the largest shares, so each line's parts add up to the line
/// exactly and every connection's costs add up to the month's total exactly.
///
/// A line of outbound data (``Line/outboundOnly``, such as a MeteredData circuit's metered outbound data) is split by
/// each connection's outbound volume alone (`ErGatewayConnectionBitsOutPerSecond`): inbound data is free, so a
/// connection that sent nothing out gets none of it. A month without outbound samples from any measured connection
/// splits it by in + out like the other lines.
///
/// Assumption, stated on every row it touches: a connection with no samples in a month (or only points without a value)
/// is **not measured**, not idle; it is given share 0, the month's cost is split among the connections that were
/// measured, and the row says so. A month in which no measured connection carried traffic is split evenly.
package struct TrafficShowback: Sendable {
  /// One shared cost split on its own: `label` (such as `circuit 'ams-1' · Standard Metered 1 Gbps circuit`) and its
  /// monthly `amount` in the quote's currency.
  package struct Line: Hashable, Sendable {
    package var label: String
    package var amount: Decimal
    /// Split by outbound volume only (a charge for outbound data), not by in + out.
    package var outboundOnly: Bool

    package init(label: String, amount: Decimal, outboundOnly: Bool = false) {
      self.label = label
      self.amount = amount
      self.outboundOnly = outboundOnly
    }
  }

  /// One connection's part of one month.
  package struct Row: Hashable, Sendable {
    package var parent: String
    package var month: MonthKey
    package var connection: String
    /// Inbound plus outbound, scaled to the whole month; `nil` when the connection has no samples that month.
    package var volume: DataVolume?
    /// Share of the month's measured traffic (0 to 1); `nil` when not measured.
    package var share: Decimal?
    /// Outbound only, scaled to the whole month; `nil` when the connection has no outbound samples that month.
    package var outbound: DataVolume?
    /// Share of the month's measured outbound traffic, which ``Line/outboundOnly`` lines are split by; `nil` when not
    /// measured.
    package var outboundShare: Decimal?
    /// Whether the connection has inbound samples that month (without them its in + out volume is outbound alone).
    package var inboundMeasured = true
    /// The part of the month its samples cover (0 to 1, the better-covered direction); `nil` when not measured.
    package var coverage: Decimal?
    /// The connection's part of each ``TrafficShowback/lines`` entry, in the same order (0 when not measured).
    package var costs: [Decimal]
    /// The connection's part of the month's total: the sum of ``costs``.
    package var cost: Decimal { costs.reduce(0, +) }
  }

  /// The costs split, each the same every month.
  package let lines: [Line]
  package let rows: [Row]

  /// Splits `monthlyCost` (the same each month, in the user's currency) over the connections in `summaries`.
  package init(summaries: [TrafficSummary], monthlyCost: Decimal) {
    self.init(summaries: summaries, lines: [Line(label: "monthly cost", amount: monthlyCost)])
  }

  /// Splits each of `lines` over the connections in `summaries`; series not split by `ConnectionName` are left out.
  /// Months are those any connection of a parent has valued samples in, or only `period` when given.
  package init(summaries: [TrafficSummary], lines: [Line], period: MonthKey? = nil) {
    self.lines = lines
    var rows: [Row] = []
    for (parent, connections) in Self.connections(in: summaries) {
      // Months some connection has valued samples in: a month no connection measured has nothing to split by.
      let months = Set(
        connections.flatMap {
          ($0.summary.outbound.months + $0.summary.inbound.months).filter { $0.coveredSeconds > 0 }
        }
        .map(\.month))
      for month in months.sorted() where period == nil || month == period {
        let hours = Decimal(month.seconds) / 3600
        // Each connection's measured inbound and outbound month (`nil` where it has no samples), looked up once.
        let measured = connections.map { entry in
          [entry.summary.inbound.months, entry.summary.outbound.months].map { months in
            months.first { $0.month == month && $0.coveredSeconds > 0 }
          }
        }
        let volumes: [DataVolume?] = measured.map { parts in
          let found = parts.compactMap { $0 }
          return found.isEmpty ? nil : found.reduce(DataVolume.zero) { $0 + $1.scaled(toHours: hours) }
        }
        let outbound: [DataVolume?] = measured.map { $0[1]?.scaled(toHours: hours) }
        let shares = Self.shares(volumes)
        // Without outbound samples from any connection, the outbound lines fall back to in + out.
        let outboundShares = outbound.contains { $0 != nil } ? Self.shares(outbound) : shares
        let split = lines.map { Self.split($0.amount, by: $0.outboundOnly ? outboundShares : shares) }
        for (index, entry) in connections.enumerated() {
          rows.append(
            Row(
              parent: parent, month: month, connection: entry.connection, volume: volumes[index],
              share: shares[index], outbound: outbound[index], outboundShare: outboundShares[index],
              inboundMeasured: measured[index][0] != nil, coverage: measured[index].compactMap { $0?.coverage }.max(),
              costs: split.map { $0[index] }))
        }
      }
    }
    self.rows = rows
  }

  /// Each volume's share of their sum (`nil` where not measured); evenly among those measured when the sum is 0.
  static func shares(_ volumes: [DataVolume?]) -> [Decimal?] {
    let measured = volumes.compactMap { $0 }
    let total = measured.reduce(DataVolume.zero, +)
    return volumes.map { volume in
      guard let volume else { return nil }
      return total.bytes > 0 ? volume.bytes / total.bytes : 1 / Decimal(measured.count)
    }
  }

  /// The series of `summaries` split by `ConnectionName`, by parent (sorted), each parent's connections sorted.
  package static func connections(in summaries: [TrafficSummary]) -> [(
    parent: String, connections: [(connection: String, summary: TrafficSummary)]
  )] {
    var byParent: [String: [(connection: String, summary: TrafficSummary)]] = [:]
    for summary in summaries {
      guard let open = summary.circuit.lastIndex(of: "["), summary.circuit.hasSuffix("]"),
        open > summary.circuit.startIndex
      else { continue }
      let connection = String(
        summary.circuit[summary.circuit.index(after: open)..<summary.circuit.index(before: summary.circuit.endIndex)])
      guard connection.lowercased().hasPrefix("connectionname=") else { continue }
      let parent = summary.circuit[..<open].trimmingCharacters(in: .whitespaces)
      byParent[parent, default: []].append((connection, summary))
    }
    return byParent.keys.sorted().map { parent in
      (parent, (byParent[parent] ?? []).sorted { $0.connection < $1.connection })
    }
  }

  /// `amount` split by `shares` (those `nil` get 0), in cents, adding up to `amount` exactly: each part rounded down,
  /// then the cents left over to the parts with the largest remainders (ties to the first).
  package static func split(_ amount: Decimal, by shares: [Decimal?]) -> [Decimal] {
    let cents = (amount * 100).rounded(toPlaces: 0, rule: .toNearestOrEven)
    var parts: [Decimal] = []
    var remainders: [(index: Int, remainder: Decimal)] = []
    for (index, share) in shares.enumerated() {
      guard let share else {
        parts.append(0)
        continue
      }
      let exact = cents * share
      let whole = exact.rounded(toPlaces: 0, rule: .down)
      parts.append(whole)
      remainders.append((index, exact - whole))
    }
    var left = cents - parts.reduce(0, +)
    for entry in remainders.sorted(by: {
      $0.remainder > $1.remainder || ($0.remainder == $1.remainder && $0.index < $1.index)
    })
    where left > 0 {
      parts[entry.index] += 1
      left -= 1
    }
    return parts.map { $0 / 100 }
  }
}
