import Foundation

extension JSONNode {
  /// The elements of an array, in order, each made as it is read (a large array is never a large array of nodes).
  package struct Elements: BidirectionalCollection, ExpressibleByArrayLiteral, Sendable {
    enum Storage: Sendable {
      case tape(JSONDocument, first: Int, end: Int)
      case nodes([JSONNode])
    }
    let storage: Storage
    let parent: JSONPath

    init(storage: Storage, parent: JSONPath) {
      self.storage = storage
      self.parent = parent
    }

    package init(arrayLiteral elements: JSONNode...) {
      storage = .nodes(elements)
      parent = .root
    }

    package struct Index: Comparable, Sendable {
      /// The element's tape entry (or its position, for built nodes): what orders indexes.
      let entry: Int
      /// The element's position in the array.
      let ordinal: Int
      package static func < (a: Index, b: Index) -> Bool { a.entry < b.entry }
      package static func == (a: Index, b: Index) -> Bool { a.entry == b.entry }
    }

    package var startIndex: Index {
      switch storage {
      case .tape(_, let first, _): return Index(entry: first, ordinal: 0)
      case .nodes: return Index(entry: 0, ordinal: 0)
      }
    }

    package var endIndex: Index {
      switch storage {
      case .tape(_, _, let end): return Index(entry: end, ordinal: -1)
      case .nodes(let nodes): return Index(entry: nodes.count, ordinal: nodes.count)
      }
    }

    package var isEmpty: Bool { startIndex == endIndex }

    package func index(after index: Index) -> Index {
      switch storage {
      case .tape(let document, _, _): return Index(entry: document.next(index.entry), ordinal: index.ordinal + 1)
      case .nodes: return Index(entry: index.entry + 1, ordinal: index.ordinal + 1)
      }
    }

    package func index(before index: Index) -> Index {
      switch storage {
      case .tape:
        // Walked from the start: arrays are read forwards.
        var previous = startIndex
        var current = startIndex
        while current < index {
          previous = current
          current = self.index(after: current)
        }
        return previous
      case .nodes: return Index(entry: index.entry - 1, ordinal: index.ordinal - 1)
      }
    }

    package subscript(index: Index) -> JSONNode {
      switch storage {
      case .tape(let document, _, _):
        return JSONNode(document: document, entry: index.entry, position: .element(parent, index.ordinal))
      case .nodes(let nodes): return nodes[index.entry]
      }
    }

    /// The element at `offset` (0-based).
    package subscript(_ offset: Int) -> JSONNode { self[self.index(startIndex, offsetBy: offset)] }
  }
}
