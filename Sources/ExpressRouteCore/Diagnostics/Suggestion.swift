/// Finds the candidate nearest to a misspelt word, for "did you mean" hints.
package enum Suggestion {
  /// The candidate with the smallest edit distance to `word`, if it is below 4
  /// (the swift-argument-parser threshold) and smaller than half the word.
  package static func nearest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance < 4, distance <= max(1, lowered.count / 2), best.map({ distance < $0.1 }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// The Levenshtein distance between two strings, counted in characters.
  package static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// `'a', 'b' or 'c'`: quoted values joined the swift-argument-parser way.
  package static func list(_ values: [String], conjunction: String = "or") -> String {
    let quoted = values.map { "'\($0)'" }
    switch quoted.count {
    case 0: return ""
    case 1: return quoted[0]
    case 2: return "\(quoted[0]) \(conjunction) \(quoted[1])"
    default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted[quoted.count - 1]
    }
  }
}
