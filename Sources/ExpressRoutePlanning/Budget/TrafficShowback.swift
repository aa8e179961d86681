import ExpressRouteCore
import ExpressRouteTraffic
import Foundation

/// A shared circuit's or gateway's monthly cost split by each connection's share of the measured traffic.
///
/// The connections are the series a Metrics Batch response keeps apart by `ConnectionName` (or
/// `PeeredCircuitSKey`), named `parent [Dimension=value]`; series of one parent are split together. A connection's
/// traffic in a month is its inbound plus outbound volume, scaled to the whole month from the time its samples
/// covered (``TrafficSummary/MonthVolume/scaled(toHours:)``), so a connection measured for part of the month is not
/// undercharged. Each month's cost is split in proportion, rounded to cents with the remainder going to the largest
/// shares so the parts add up to the cost exactly.
///
/// Assumption, stated on every row it touches: a connection with no samples in a month is **not measured**, not
/// idle; the month's cost is split among the connections that were measured, and the row says so. A month in which
/// no connection carried traffic is split evenly.
package struct TrafficShowback: Sendable {
  /// One connection's part of one month.
  package struct Row: Hashable, Sendable {
    package var parent: String
    package var month: MonthKey
    package var connection: String
    /// Inbound plus outbound, scaled to the whole month; `nil` when the connection has no samples that month.
    package var volume: DataVolume?
    /// Share of the month's measured traffic (0 to 1); `nil` when not measured.
    package var share: Decimal?
    /// The connection's part of the monthly cost (0 when not measured).
    package var cost: Decimal
  }

  package let rows: [Row]

  /// Splits `monthlyCost` (the same each month, in the user's currency) over the connections in `summaries`; series
  /// not split by a kept dimension are left out. Months are those any connection of a parent has samples in.
  package init(summaries: [TrafficSummary], monthlyCost: Decimal) {
    var byParent: [String: [(connection: String, summary: TrafficSummary)]] = [:]
    for summary in summaries {
      guard let open = summary.circuit.lastIndex(of: "["), summary.circuit.hasSuffix("]"),
        open > summary.circuit.startIndex
      else { continue }
      let parent = summary.circuit[..<open].trimmingCharacters(in: .whitespaces)
      let connection = String(
        summary.circuit[summary.circuit.index(after: open)..<summary.circuit.index(before: summary.circuit.endIndex)])
      byParent[parent, default: []].append((connection, summary))
    }
    var rows: [Row] = []
    for parent in byParent.keys.sorted() {
      let connections = (byParent[parent] ?? []).sorted { $0.connection < $1.connection }
      let months = Set(
        connections.flatMap { $0.summary.outbound.months.map(\.month) + $0.summary.inbound.months.map(\.month) })
      for month in months.sorted() {
        let hours = Decimal(month.seconds) / 3600
        let volumes: [DataVolume?] = connections.map { entry in
          let parts = [entry.summary.inbound.months, entry.summary.outbound.months].compactMap { months in
            months.first { $0.month == month }
          }
          guard !parts.isEmpty else { return nil }
          return parts.reduce(DataVolume.zero) { $0 + $1.scaled(toHours: hours) }
        }
        let measured = volumes.compactMap { $0 }
        let total = measured.reduce(DataVolume.zero, +)
        let shares: [Decimal?] = volumes.map { volume in
          guard let volume else { return nil }
          return total.bytes > 0 ? volume.bytes / total.bytes : 1 / Decimal(measured.count)
        }
        let costs = Self.split(monthlyCost, by: shares)
        for (index, entry) in connections.enumerated() {
          rows.append(
            Row(
              parent: parent, month: month, connection: entry.connection, volume: volumes[index],
              share: shares[index], cost: costs[index]))
        }
      }
    }
    self.rows = rows
  }

  /// `amount` split by `shares` (those `nil` get 0), in cents, adding up to `amount` exactly: each part rounded down,
  /// then the cents left over to the parts with the largest remainders (ties to the first).
  static func split(_ amount: Decimal, by shares: [Decimal?]) -> [Decimal] {
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
