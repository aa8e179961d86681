import Foundation

/// What Azure says about a resource that exists: its Azure Resource Manager ID and region, when the input (an
/// `az` export, Azure Resource Graph, a REST response) gave them. The CSV export carries them as FOCUS `ResourceId`,
/// `RegionId` and `SubAccountId`.
public struct AzureResourceReference: Hashable, Sendable {
  /// The full ARM ID (`/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/expressRouteCircuits/ams-1`).
  public var id: String
  /// The Azure region (`westeurope`), when given.
  public var region: String?

  /// Creates a reference.
  public init(id: String, region: String? = nil) {
    self.id = id
    self.region = region
  }

  /// ``id`` as resources are told apart: ARM IDs ignore case, and a trailing `/` names the same resource.
  package var identity: String {
    var key = id.lowercased()
    while key.hasSuffix("/") { key.removeLast() }
    return key
  }

  /// The subscription part of ``id`` (`/subscriptions/<id>`, FOCUS `SubAccountId`), or `nil` when the ID has none.
  public var subscription: String? {
    let parts = id.split(separator: "/", omittingEmptySubsequences: true)
    guard parts.count >= 2, parts[0].lowercased() == "subscriptions" else { return nil }
    return "/subscriptions/\(parts[1])"
  }
}
