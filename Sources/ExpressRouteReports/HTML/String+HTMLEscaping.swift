import ExpressRouteCore

extension String {
  /// This string with `& < > " '` replaced by character references.
  ///
  /// Safe in element content and in quoted attribute values. Never put
  /// untrusted text inside `<style>`, comments or unquoted attributes.
  public var htmlEscaped: String {
    var result = ""
    result.reserveCapacity(utf8.count)
    for character in self {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
