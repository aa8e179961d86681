import ExpressRouteCore
import Foundation

extension PricingEngine {
  /// How a circuit's outbound-data line describes its quantity (`12 TB outbound`).
  static func egressDetail(_ egress: DataVolume) -> String { "\(egress) outbound" }

  /// Prices `deployment` as ``quote(_:checkingCapacity:)`` does without checking capacity, given `previous`, the
  /// quote this engine made of `before`.
  ///
  /// When the two deployments differ only in circuits' outbound volumes (a month of growth), the quote is
  /// `previous` with those circuits' outbound-data lines priced again at their own unit prices: the same lines a
  /// fresh quote makes, without validating and pricing every resource again. Anything else is quoted afresh.
  public func quote(_ deployment: Deployment, after before: Deployment, quoted previous: Quote) throws(Diagnostic)
    -> Quote
  {
    if let quote = requoted(deployment, after: before, quoted: previous) { return quote }
    return try quote(deployment, checkingCapacity: false)
  }

  /// `previous` with the outbound-data lines of the circuits whose volume changed priced again, or `nil` when
  /// anything else changed (or a volume became known or unknown, or its line is unpriced).
  func requoted(_ deployment: Deployment, after before: Deployment, quoted previous: Quote) -> Quote? {
    guard deployment.circuits.count == before.circuits.count else { return nil }
    var aligned = before
    var changed: [Int] = []
    for index in deployment.circuits.indices {
      let volume = deployment.circuits[index].monthlyEgress
      guard volume != before.circuits[index].monthlyEgress else { continue }
      guard volume != nil, before.circuits[index].monthlyEgress != nil else { return nil }
      aligned.circuits[index].monthlyEgress = volume
      changed.append(index)
    }
    guard aligned == deployment else { return nil }
    var quote = previous
    for index in changed {
      let circuit = deployment.circuits[index]
      guard let egress = circuit.monthlyEgress else { return nil }
      let resource = "circuit '\(circuit.name)'"
      func isEgress(_ meter: Meter) -> Bool {
        if case .egress = meter { return true }
        return false
      }
      // An unpriced outbound line carries its quantity: quoted afresh.
      guard !quote.unpriced.contains(where: { $0.resource == resource && isEgress($0.meter) }) else { return nil }
      let lines = quote.lineItems.indices.filter {
        quote.lineItems[$0].resource == resource && isEgress(quote.lineItems[$0].meter)
      }
      guard lines.count <= 1 else { return nil }
      // No line: the circuit does not bill outbound data (UnlimitedData, Local), whatever its volume.
      guard let line = lines.first else { continue }
      let old = quote.lineItems[line]
      quote.lineItems[line] = Quote.LineItem(
        resource: old.resource, meter: old.meter, quantity: egress.gigabytes, unitPrice: old.unitPrice,
        provenance: old.provenance, detail: Self.egressDetail(egress), discount: old.discount,
        listUnitPrice: old.listUnitPrice)
    }
    return quote
  }
}
