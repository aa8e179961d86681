import ExpressRouteCore
import Foundation

extension RateTable {
  /// Decodes and validates a complete rate table.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - file: The path to show in error messages.
  /// - Throws: ``Diagnostic`` naming the file, line, column and JSON path of
  ///   the first problem: a syntax error, unknown key, unknown SKU or zone,
  ///   missing bandwidth row, negative or malformed price, bad currency,
  ///   duplicate row, or a row that breaks a product rule.
  public init(json data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    var reader = RateTableReader(root: root, isOverride: false)
    self = try reader.readTable()
  }

  /// Applies an override file (negotiated prices, Direct or Global Reach rates) to this table.
  ///
  /// An override has the same sections as a table, all optional, and
  /// `"kind": "override"`. Each row replaces the row for the same meter or
  /// adds one. Its currency must match this table's.
  public mutating func apply(overrideJSON data: Data, file: String) throws(Diagnostic) {
    let root = try JSONNode.parse(data, file: file)
    var reader = RateTableReader(root: root, isOverride: true)
    let patch = try reader.readTable()
    guard patch.currency == currency else {
      throw try root.object().required("currency").error(
        "override currency \(patch.currency) does not match the rate table's \(currency)")
    }
    for var source in patch.sources {
      sources.removeAll { $0.id == source.id }
      source.isFromOverride = true
      sources.append(source)
    }
    // An override row is the user's own price (a contract's or an EA sheet's): discounts do not apply to it again.
    for var rate in patch.rates {
      rate.provenance.isOwnRate = true
      if let replaced = self.rate(for: rate.meter) {
        rate.listPrice = replaced.listPrice ?? replaced.price
      }
      upsert(rate)
    }
    for (sku, capabilities) in patch.gatewayCapabilities { gatewayCapabilities[sku] = capabilities }
    if let scale = patch.scaleGateway { scaleGateway = scale }
    if reader.declaredHoursPerMonth { hoursPerMonth = patch.hoursPerMonth }
    if let node = try root.object().optional("discounts") {
      try discounts.add(node: node, place: "override file '\(file)'")
    }
  }
}

/// Reads a bandwidth string such as `"1 Gbps"`.
package func readBandwidth(_ node: JSONNode) throws(Diagnostic) -> Bandwidth {
  try node.parsed(as: Bandwidth.expectedFormat, mistake: Bandwidth.unitMistake(in:)) { Bandwidth(parsing: $0) }
}

/// Whether `text` is `owner/name@commit`: a GitHub-style repository name and 7 to 40 lower-case hex digits.
func isRepositoryAtCommit(_ text: String) -> Bool {
  let halves = text.split(separator: "@", omittingEmptySubsequences: false)
  guard halves.count == 2 else { return false }
  let names = halves[0].split(separator: "/", omittingEmptySubsequences: false)
  let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
  guard names.count == 2, names.allSatisfy({ !$0.isEmpty && $0.allSatisfy(nameCharacters.contains) }) else {
    return false
  }
  let commit = halves[1]
  return (7...40).contains(commit.count) && commit.allSatisfy { "0123456789abcdef".contains($0) }
}

/// Whether `text` is a valid calendar date in `YYYY-MM-DD` form.
package func isISODate(_ text: String) -> Bool {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
    parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
    let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
    (1...12).contains(month), day >= 1
  else { return false }
  let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= days[month - 1]
}

extension PriceSource {
  /// A source's `url`, `repository` and `path`, as rate tables and the location catalogue both write them: a `url`
  /// names a host (`https://host/…`) or a file (`file:<path>`); a `repository` is `owner/name@<7 to 40 hex digits>`;
  /// `path` is a file in that repository.
  static func readLink(_ object: JSONObject) throws(Diagnostic) -> (url: String?, repository: String?, path: String?) {
    var url: String?
    if let urlNode = object.optional("url") {
      let text = try urlNode.nonEmptyString()
      guard text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("file:"), !text.contains(" ")
      else {
        throw urlNode.error(
          "'\(text)' is not a URL (expected https://…, http://… or file:… for a document kept on file)")
      }
      // A scheme alone opens nothing: a web address needs a host, a file a path.
      let rest = text.hasPrefix("file:") ? String(text.dropFirst(5)) : String(text.drop { $0 != "/" }.dropFirst(2))
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      guard text.hasPrefix("file:") ? !rest.isEmpty : !host.isEmpty && host != ":" else {
        throw urlNode.error(
          "'\(text)' names no \(text.hasPrefix("file:") ? "file" : "host") (expected https://host/…, or file:<path> for a document kept on file)"
        )
      }
      url = text
    }
    var repository: String?
    if let repositoryNode = object.optional("repository") {
      let text = try repositoryNode.nonEmptyString()
      guard isRepositoryAtCommit(text) else {
        throw repositoryNode.error(
          "'\(text)' is not a repository at a commit (expected owner/name@<7 to 40 hex digits>)")
      }
      repository = text
    }
    var path: String?
    if let pathNode = object.optional("path") {
      guard repository != nil else {
        throw pathNode.error("'path' names a file in the source's 'repository', which is missing")
      }
      path = try pathNode.nonEmptyString()
    }
    return (url, repository, path)
  }
}
