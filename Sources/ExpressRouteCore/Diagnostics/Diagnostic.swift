/// A problem found in user input: a file position or JSON path, and what was expected.
///
/// Thrown for bad input data (the CLI exits with 65) and collected as warnings
/// where the input can still be used. ``description`` is the compiler form:
///
///     rates.json:12:19: error: circuits.rows[3].monthly: '436,00' is not a price (expected a decimal string such as "436.00")
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Hashable, Sendable {
    case error, warning, note
  }

  /// How serious the problem is.
  public var severity: Severity
  /// What was wrong and what was expected; lower-case, no final period.
  public var message: String
  /// Where in which file, when known.
  public var location: FileLocation?
  /// The JSON path (`circuits[0].bandwidth`) of the offending value, when known.
  public var path: String?
  /// The file name when only the file is known (no line).
  public var file: String?
  /// The product rule that was broken, such as `local-unlimited-only`.
  public var rule: String?
  /// What would settle the problem, for front ends to turn into their own hint.
  public var remedy: Remedy?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, _ message: String, location: FileLocation? = nil,
    path: String? = nil, file: String? = nil, rule: String? = nil, remedy: Remedy? = nil
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.path = path
    self.file = file ?? location?.file
    self.rule = rule
    self.remedy = remedy
  }

  /// `file:line:column: error: path: message [rule]`.
  public var description: String {
    var prefix = ""
    if let location {
      prefix = "\(location): "
    } else if let file {
      prefix = "\(file): "
    }
    var text = "\(prefix)\(severity.rawValue): "
    if let path, !path.isEmpty { text += "\(path): " }
    if let rule { text += "[\(rule)] " }
    return text + message
  }
}
