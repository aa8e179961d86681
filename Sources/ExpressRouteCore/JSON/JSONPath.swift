/// Where a value sits in its document (`circuits.rows[2].monthly`).
///
/// Built as a chain while decoding and turned into text only when a message
/// needs it, so decoding a large document formats no path strings.
package indirect enum JSONPath: Sendable, CustomStringConvertible {
  /// The document's root value.
  case root
  /// Member `key` of an object.
  case member(JSONPath, String)
  /// Element `index` of an array.
  case element(JSONPath, Int)

  /// The path as text: keys joined by `.`, indexes in brackets, and keys that are not
  /// plain words quoted in brackets (`value[0]["odata.type"]`); empty for the root.
  package var description: String {
    switch self {
    case .root:
      return ""
    case .element(let parent, let index):
      return "\(parent)[\(index)]"
    case .member(let parent, let key):
      let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      let prefix = parent.description
      if !plain { return "\(prefix)[\"\(key)\"]" }
      return prefix.isEmpty ? key : "\(prefix).\(key)"
    }
  }
}
