extension Diagnostic {
  /// A position in an input file, for error messages.
  public struct FileLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user gave it (not made absolute), so messages match what they typed.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, counted in characters; `nil` when only the line is known.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int, column: Int? = nil) {
      self.file = file
      self.line = line
      self.column = column
    }

    /// `path:line:column`, the form compilers and editors recognise.
    public var description: String {
      column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
  }
}

/// `Diagnostic.FileLocation`, by its short name inside the package.
package typealias FileLocation = Diagnostic.FileLocation
