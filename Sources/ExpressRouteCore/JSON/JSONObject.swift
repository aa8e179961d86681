import Foundation

/// A JSON object with its path, for strict decoding.
package struct JSONObject: Sendable {
  /// The object's own node.
  package let node: JSONNode
  /// The members in file order (made one at a time as they are read).
  package var members: Members { Members(node: node, keys: keys) }
  /// The keys of a small object on a document's tape with their entries, decoded once (a large object decodes a key
  /// each time it is read instead, so it never holds all its keys at once).
  let keys: [(key: String, entry: Int)]?

  init(node: JSONNode) {
    self.node = node
    guard case .tape(let document, let entry) = node.backing else {
      keys = nil
      return
    }
    var found: [(key: String, entry: Int)] = []
    var child = document.firstChild(entry)
    let end = document.next(entry)
    while child < end, found.count < 64 {
      found.append((document.string(child), child))
      child = document.next(child + 1)
    }
    keys = child < end ? nil : found
  }

  /// One `"key": value` member.
  package struct Member: Sendable {
    /// The key.
    package let key: String
    /// The value's node.
    package let node: JSONNode
    /// The value as a ``JSONValue`` tree.
    package var value: JSONValue { node.value }
  }

  /// The members of an object, in file order.
  package struct Members: Collection, Sendable {
    let node: JSONNode
    let keys: [(key: String, entry: Int)]?

    package struct Index: Comparable, Sendable {
      /// The key's tape entry, or the member's position in a built value.
      let entry: Int
      package static func < (a: Index, b: Index) -> Bool { a.entry < b.entry }
    }

    package var startIndex: Index {
      if keys != nil { return Index(entry: 0) }
      switch node.backing {
      case .tape(let document, let entry): return Index(entry: document.firstChild(entry))
      case .tree: return Index(entry: 0)
      }
    }

    package var endIndex: Index {
      if let keys { return Index(entry: keys.count) }
      switch node.backing {
      case .tape(let document, let entry): return Index(entry: document.next(entry))
      case .tree(let value):
        guard case .object(let members) = value.kind else { return Index(entry: 0) }
        return Index(entry: members.count)
      }
    }

    package func index(after index: Index) -> Index {
      if keys != nil { return Index(entry: index.entry + 1) }
      switch node.backing {
      case .tape(let document, _): return Index(entry: document.next(index.entry + 1))
      case .tree: return Index(entry: index.entry + 1)
      }
    }

    package subscript(index: Index) -> Member {
      switch node.backing {
      case .tape(let document, _):
        if let keys {
          let (key, entry) = keys[index.entry]
          return Member(
            key: key, node: JSONNode(document: document, entry: entry + 1, position: .member(node.position, key)))
        }
        let key = document.string(index.entry)
        return Member(
          key: key, node: JSONNode(document: document, entry: index.entry + 1, position: .member(node.position, key)))
      case .tree(let value):
        guard case .object(let members) = value.kind else { preconditionFailure("not an object") }
        let member = members[index.entry]
        return Member(
          key: member.key,
          node: JSONNode(value: member.value, position: .member(node.position, member.key), file: node.file))
      }
    }

    /// The member `key`, comparing keys on their bytes where it can.
    func first(key: String) -> Member? {
      if let keys {
        guard let position = keys.firstIndex(where: { $0.key == key }) else { return nil }
        return self[Index(entry: position)]
      }
      guard case .tape(let document, _) = node.backing else { return first { $0.key == key } }
      var index = startIndex
      let end = endIndex
      while index < end {
        if document.keyEquals(index.entry, key) { return self[index] }
        index = self.index(after: index)
      }
      return nil
    }
  }

  /// The member `key`, or `nil` when it is absent or `null`.
  package func optional(_ key: String) -> JSONNode? {
    guard let member = members.first(key: key), !member.node.isNull else {
      return nil
    }
    return member.node
  }

  /// The member `key`; absent or `null` is an error.
  package func required(_ key: String) throws(Diagnostic) -> JSONNode {
    guard let member = optional(key) else {
      throw node.error("missing key '\(key)'")
    }
    return member
  }

  /// The member `key` as an array of non-empty strings (`"targetRegions": ["westeurope"]`); absent or `null` is
  /// empty, and an element that is not a non-empty string is an error at that element.
  package func nonEmptyStrings(_ key: String) throws(Diagnostic) -> [String] {
    try (optional(key)?.array() ?? []).map { node throws(Diagnostic) in try node.nonEmptyString() }
  }

  /// Checks the member `schemaVersion`: a whole number from 1 up to `supported`, the newest version this build reads.
  /// Absent (or `null`) passes unless `isRequired`.
  package func checkSchemaVersion(supported: Int, isRequired: Bool = false) throws(Diagnostic) {
    guard let node = isRequired ? try required("schemaVersion") : optional("schemaVersion") else { return }
    let version = try node.int(in: 1...Int.max)
    guard version <= supported else {
      throw node.error("version \(version) is newer than this tool supports (\(supported))")
    }
  }

  /// Whether the object has a member `key` (even `null`).
  package func has(_ key: String) -> Bool { members.first(key: key) != nil }

  /// Rejects any key not in `allowed`, suggesting the nearest allowed key.
  package func rejectUnknownKeys(_ allowed: [String]) throws(Diagnostic) {
    for member in members where !allowed.contains(member.key) {
      var message = "unknown key '\(member.key)'"
      if let suggestion = Suggestion.nearest(to: member.key, in: allowed) {
        message += "; did you mean '\(suggestion)'?"
      } else {
        message += " (expected one of: \(allowed.joined(separator: ", ")))"
      }
      throw member.node.error(message)
    }
  }
}
